"""Distinctive role skills, semantic skill matches and the role-rank check (third pass on issue 6)."""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd
import pytest

from careerpath import store
from careerpath.recommend import rank
from careerpath.recommend.items import courses_with_quality
from careerpath.recommend.rank import SkillVecs, rank_courses, role_rank_penalty, role_skill_shares
from careerpath.recommend.relevance import (MAX_ROLE_SHARE, SKILL_MATCH_COS, Role, distinctiveness,
                                            semantic_skill_matches, skill_specificity, weighted_role_skills)


def _unit(*v):
    a = np.asarray(v, dtype=np.float32)
    return a / np.linalg.norm(a)


def _role() -> Role:
    skills = pd.DataFrame({"skill_id": ["spreadsheets", "electricity"], "name": ["use spreadsheets", "electricity"],
                           "importance": [1.0, 0.6], "core": [True, False], "type": ["software", "knowledge"]})
    return Role(slug="electricians", title="Electricians", skills=skills, text="Electricians.")


def test_distinctiveness_falls_with_the_share_of_roles_listing_a_skill():
    d = distinctiveness(pd.Series([0.0, 0.005, 0.05, 0.5, 0.9]))
    assert d[0] == d[1] == 1.0 and 1.0 > d[2] > d[3] > d[4] >= 0.0


def test_a_skill_most_roles_list_weighs_less_and_never_opens_the_floor():
    spec = skill_specificity(pd.DataFrame(columns=["course_id", "skill_id"]), 100)
    rs = weighted_role_skills(_role(), spec, {"spreadsheets": 0.8, "electricity": 0.01}).set_index("skill_id")
    assert 0.8 > MAX_ROLE_SHARE
    assert not rs.at["spreadsheets", "floor_skill"] and rs.at["electricity", "floor_skill"]
    assert rs.at["spreadsheets", "weight"] < rs.at["electricity", "weight"]  # though its importance is higher
    plain = weighted_role_skills(_role(), spec).set_index("skill_id")  # no shares known: both count
    assert plain["floor_skill"].all()


def test_semantic_matches_only_close_courses_and_only_floor_skills():
    rs = pd.DataFrame({"skill_id": ["electricity", "spreadsheets"], "floor_skill": [True, False]})
    index = {"electricity": 0, "spreadsheets": 1}
    mat = np.vstack([_unit(1, 1, 0), _unit(0, 0, 1)])
    courses = np.vstack([_unit(1, 0.8, 0), _unit(1, -0.6, 0.5), _unit(0, 0.1, 1)])
    out = semantic_skill_matches(rs, index, mat, ["near", "far", "sheet"], courses)
    assert out["course_id"].tolist() == ["near"] and out["skill_id"].tolist() == ["electricity"]
    assert 0.0 < float(out["score"].iat[0]) <= 1.0
    assert float(courses[2] @ mat[1]) >= SKILL_MATCH_COS  # close to spreadsheets, but that is no floor skill


def _vectors(course_ids: list[str]) -> dict[str, np.ndarray]:
    near = {"c:dl": _unit(1, 0.8, 0), "c:yoga": _unit(1, -0.6, 0.5)}  # yoga: close to the role, not to electricity
    return {c: near.get(c, _unit(0, -1, 0.2)) for c in course_ids}


@pytest.mark.parametrize("shares, expect_yoga", [({"spreadsheets": 0.8, "electricity": 0.01}, False), ({}, True)])
def test_course_without_extracted_skills_is_found_and_a_generic_skill_lets_nothing_in(course_db, shares, expect_yoga):
    """c:dl carries no extracted skill of the role but its text is about electricity; c:yoga (rated 5.0) only
    'teaches' a skill most roles list. Without role shares (second case) yoga gets in: the check can fail."""
    con = store.connect(course_db)
    courses = courses_with_quality(con)
    cs = pd.DataFrame({"course_id": ["c:yoga"], "skill_id": ["spreadsheets"], "score": [1.0]})
    # c:dl ("Deep Learning with PyTorch") must name the skill it is matched to (discipline.anchored_matches): here an
    # alias of it does; test_a_semantic_match_the_course_does_not_name_lets_nothing_in has the case without one
    sv = SkillVecs(["electricity", "spreadsheets"], np.vstack([_unit(1, 1, 0), _unit(0, 0, 1)]), shares,
                   aliases={"electricity": ["deep learning"]})
    got = [c["course_id"] for c in rank_courses(courses, cs, _vectors(courses["course_id"].tolist()),
                                                np.atleast_2d(_unit(1, 0, 0)), _role(), top=5, skill_vecs=sv)]
    assert "c:dl" in got
    assert ("c:yoga" in got) is expect_yoga


def test_a_semantic_match_the_course_does_not_name_lets_nothing_in(course_db, monkeypatch):
    """The same world without the alias: c:dl's text is close to *electricity* by its vector alone and names no word of
    it ("Bookkeeping Made Easy" and *supervise housekeeping operations*), so nothing lets it in; with the check off it
    is back."""
    from careerpath.recommend import discipline
    con = store.connect(course_db)
    courses = courses_with_quality(con)
    cs = pd.DataFrame({"course_id": ["c:yoga"], "skill_id": ["spreadsheets"], "score": [1.0]})
    sv = SkillVecs(["electricity", "spreadsheets"], np.vstack([_unit(1, 1, 0), _unit(0, 0, 1)]), {})
    args = (courses, cs, _vectors(courses["course_id"].tolist()), np.atleast_2d(_unit(1, 0, 0)), _role())
    assert "c:dl" not in [c["course_id"] for c in rank_courses(*args, top=5, skill_vecs=sv)]
    monkeypatch.setattr(discipline, "ANCHOR_MIN_LEN", None)
    assert "c:dl" in [c["course_id"] for c in rank_courses(*args, top=5, skill_vecs=sv)]


def test_role_rank_drops_a_course_that_many_other_roles_fit_better():
    rel = pd.DataFrame({"course_id": ["a", "b"], "relevance": [0.9, 0.5]})
    vecs = {"a": _unit(0, 1, 0), "b": _unit(1, 0, 0)}
    slugs = ["electricians"] + [f"other-{i}" for i in range(rank.MAX_ROLE_RANK + 1)]
    mat = np.vstack([_unit(1, 0.3, 0)] + [_unit(0.2, 1, 0)] * (len(slugs) - 1))
    sv = SkillVecs([], np.zeros((0, 3)), {}, slugs, mat)
    out = role_rank_penalty(rel, "electricians", sv, vecs)
    assert out["course_id"].tolist() == ["b"] and out["relevance"].iat[0] == pytest.approx(0.5)
    assert role_rank_penalty(rel, "not-a-role", sv, vecs) is rel  # role without a vector: unchanged
    few = role_rank_penalty(rel, "electricians", SkillVecs([], np.zeros((0, 3)), {}, slugs[:3], mat[:3]), vecs)
    assert few["course_id"].tolist() == ["a", "b"] and few["relevance"].iat[0] < 0.9  # closer roles cost a little


def test_role_shares_need_enough_profiles(tmp_path):
    con = duckdb.connect(str(tmp_path / "p.duckdb"))
    rows = [{"slug": f"r{i}", "json": '{"skills": {"items": [{"id": "excel"}' + (', {"id": "wiring"}' if i == 0 else "")
             + "]}}"} for i in range(rank.MIN_PROFILES)]
    store.write_table(con, "profiles", pd.DataFrame(rows))
    shares = role_skill_shares(con)
    assert shares["excel"] == pytest.approx(1.0) and shares["wiring"] == pytest.approx(1 / rank.MIN_PROFILES)
    store.write_table(con, "profiles", pd.DataFrame(rows[:3]))
    assert role_skill_shares(con) == {}


def test_skill_vecs_are_looked_up_by_id_not_position():
    mat = np.vstack([_unit(1, 0, 0), _unit(0, 1, 0), _unit(0, 0, 1)])
    sv = SkillVecs(["a", "b", "c"], mat, {}, ["r1", "r2"], mat[:2])
    assert np.allclose(sv.rows(["c", "a"]), mat[[2, 0]])
    assert sv.role_index == {"r1": 0, "r2": 1}
    with pytest.raises(ValueError):
        SkillVecs(["a", "b"], mat)  # two ids for three vectors
    with pytest.raises(ValueError):
        SkillVecs(["a", "a", "b"], mat)
    with pytest.raises(ValueError):
        SkillVecs([], np.zeros((0, 3)), {}, ["r1"], mat[:2])


def test_role_rank_does_not_depend_on_the_order_of_role_vectors():
    rel = pd.DataFrame({"course_id": ["a", "b"], "relevance": [0.9, 0.5]})
    vecs = {"a": _unit(0, 1, 0), "b": _unit(1, 0, 0)}
    slugs = ["electricians"] + [f"other-{i}" for i in range(rank.MAX_ROLE_RANK + 1)]
    mat = np.vstack([_unit(1, 0.3, 0)] + [_unit(0.2, 1, 0)] * (len(slugs) - 1))
    perm = np.random.default_rng(1).permutation(len(slugs))
    a = role_rank_penalty(rel, "electricians", SkillVecs([], np.zeros((0, 3)), {}, slugs, mat), vecs)
    b = role_rank_penalty(rel, "electricians", SkillVecs([], np.zeros((0, 3)), {}, [slugs[i] for i in perm], mat[perm]),
                          vecs)
    pd.testing.assert_frame_equal(a, b)
    assert a["course_id"].tolist() == ["b"]
