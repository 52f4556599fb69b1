"""The guide calls the real upstream stages; on a tiny hand-built store (tests/web/fixtures.py)."""

from __future__ import annotations

import duckdb
import pytest

from careerpath.errors import InputError
from careerpath.extract.role_lookup import resolve_role
from careerpath.guide.build import build_guide
from careerpath.guide.courses import courses_for
from careerpath.guide.upstream import get_profile
from careerpath.recommend import recommend_for_role
from tests.web.fixtures import build_store


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    c = duckdb.connect(str(build_store(tmp_path_factory.mktemp("guide") / "g.duckdb")))
    yield c
    c.close()


def test_cached_course_list_is_the_recommenders(con):
    prof = get_profile(con, resolve_role(con, "ml engineer"))
    got = courses_for(con, prof, 10)
    assert got and got == recommend_for_role(con, "machine-learning-engineer", top=10)


def test_personalised_guide_from_typed_skills(con):
    g = build_guide(con, "machine learning engineer", have_skills=["python", "sql"], hours_per_week=(10, 10))
    assert g.skill_gap is not None and {"Python", "SQL"} <= set(g.skill_gap.have)
    assert not any("Python" in s.skills for s in g.roadmap)


def test_store_without_profiles_is_a_clear_input_error(con, tmp_path):
    bare = duckdb.connect(str(tmp_path / "bare.duckdb"))
    for t in ("roles", "role_occupations", "onet_occupations", "sources"):
        bare.register("df", con.execute(f"SELECT * FROM {t}").df())
        bare.execute(f"CREATE TABLE {t} AS SELECT * FROM df")
        bare.unregister("df")
    with pytest.raises(InputError, match="careerpath build"):
        build_guide(bare, "data scientist")
    bare.close()
