"""The Python API answers what the CLI answers, on the session's real store."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import careerpath
from careerpath.errors import InputError
from careerpath.guide.model import Guide
from tests.conftest import run_cli


@pytest.fixture(scope="module")
def cp(full_store):
    with careerpath.open(full_store) as c:
        yield c


def test_import_is_light_and_names_the_api():
    """`import careerpath` is what the CLI imports first: the API joins on first use, not at import."""
    code = "import careerpath, sys; print('duckdb' in sys.modules, callable(careerpath.open), careerpath.__all__)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.startswith("False True") and "render_md" in out
    with pytest.raises(AttributeError):
        careerpath.nothing_here  # noqa: B018


def test_a_missing_store_says_how_to_build_one(tmp_path):
    with pytest.raises(InputError, match="no store here; build it with `careerpath ingest"):
        careerpath.open(tmp_path / "none.duckdb")


def test_resolve_is_the_clis_answer(cp, full_store):
    title = "Sr. Machine Learning Engineer II (Remote)"
    cli = json.loads(run_cli("resolve", title, "--json", "--db", str(full_store)).stdout)
    assert cp.resolve(title) == cli
    many = cp.resolve_many(["RN - ICU nights", "SDE", "RN - ICU nights"])
    assert [m["title"] for m in many] == ["RN - ICU nights", "SDE", "RN - ICU nights"]
    assert many[0] == many[2] and many[0]["matches"][0]["soc_code"] == "29-1141.00"


def test_skills_profile_guide_transition_sources(cp):
    out = cp.skills("Query data with SQL and build dashboards in Tableau", semantic=False)
    names = [s["name"] for s in out["skills"]]
    assert "SQL" in names and "Tableau" in names
    assert set(out["skills"][0]) >= {"id", "name", "type", "esco_uri", "score", "spans"}
    assert cp.profile("dental hygienist").role.slug == "dental-hygienists"
    g = cp.guide("data scientist", skills=["Python", "SQL"], hours_per_week=10)
    assert isinstance(g, Guide) and g.role.slug == "data-scientists"
    assert g.skill_gap is not None and {"SQL"} <= set(g.skill_gap.have)
    assert g.snapshot.time_to_job_ready.hours_per_week == (10.0, 10.0)
    assert careerpath.render_md(g).startswith("# Data Scientists")
    assert "<h1" in careerpath.render_html(g)
    t = cp.transition("data analyst", "data scientist")
    assert 0 < t["coverage"] <= 1 and t["missing"]
    assert {"onet-29.0", "bls-oews-2025"} <= {s["id"] for s in cp.sources()}
    assert cp.roles("dental hyg", limit=3)[0]["slug"] == "dental-hygienists"


def test_courses_for_a_role_or_a_topic_with_the_clis_filters(cp):
    items = cp.courses("data scientist", top=5, level="beginner")
    assert 0 < len(items) <= 5 and all(c["level"] == "beginner" for c in items)
    assert all(c["covers"] and c["why"] for c in items)
    topic = cp.topics()[0]
    assert cp.courses(topic=topic["id"], top=3)
    with pytest.raises(InputError, match="exactly one of role or topic"):
        cp.courses()
    with pytest.raises(InputError, match="--level 'expert'"):
        cp.courses("data scientist", level="expert")


def test_a_closed_api_says_so(full_store):
    c = careerpath.open(full_store)
    c.close()
    with pytest.raises(ValueError, match="closed"):
        c.resolve("nurse")
