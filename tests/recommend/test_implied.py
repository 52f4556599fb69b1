"""The role's implied skills: taxonomy skills close to the role's text join it and count toward the floor."""

from __future__ import annotations

import numpy as np
import pandas as pd

from careerpath.recommend.relevance import Role, implied_skills, skill_specificity, weighted_role_skills


def _unit(v):
    v = np.asarray(v, dtype=np.float32)
    return v / np.linalg.norm(v)


def test_close_skills_join_the_role_below_its_own_and_pass_the_floor():
    skills = pd.DataFrame({"skill_id": [f"s{i}" for i in range(30)], "name": [f"s{i}" for i in range(30)],
                           "importance": np.linspace(0.9, 0.5, 30), "core": False, "type": "skill"})
    role = Role(slug="electricians", title="Electricians", skills=skills)
    role_vec = np.vstack([_unit([1, 0, 0]), _unit([1, 0.1, 0])])
    ids = ["electricity", "poetry", "s0"]
    mat = np.vstack([_unit([1, 0.2, 0]), _unit([0, 0, 1]), _unit([1, 0, 0])])
    out = implied_skills(role, ids, mat, role_vec)
    added = out.skills[out.skills["type"] == "implied"]
    assert added["skill_id"].tolist() == ["electricity"]  # far skill left out; s0 already in the role
    assert (added["importance"] < 0.9).all() and not added["core"].any()
    rs = weighted_role_skills(out, skill_specificity(pd.DataFrame(columns=["course_id", "skill_id"]), 100))
    assert bool(rs.loc[rs["skill_id"] == "electricity", "floor_skill"].iat[0])  # ranked past TOP_K, still counts
    assert implied_skills(role, [], np.zeros((0, 3)), role_vec) is role


def test_recommend_path_computes_implied_skills_once_and_ranks_the_same(course_db, monkeypatch):
    """`recommend` needs the implied skills before ranking (which courses to encode); `rank_courses` must not
    search again for a role that already has them, and the list must be the one it makes by itself."""
    from careerpath import store
    from careerpath.recommend import rank
    from careerpath.recommend.items import courses_with_quality
    from tests.recommend.conftest import ml_role

    con = store.connect(course_db)
    courses = courses_with_quality(con)
    cs = rank.load_course_skills(con)
    ids = ["machine-learning", "python", "deep-learning", "pytorch", "sql", "yoga", "neural-networks"]
    rng = np.random.default_rng(0)
    mat = rng.normal(size=(len(ids), 8)).astype(np.float32)
    mat /= np.linalg.norm(mat, axis=1, keepdims=True)
    role_vec = np.vstack([mat[0], mat[2]])  # close to machine learning and deep learning
    sv = rank.SkillVecs(ids, mat)
    vecs = {c: rng.normal(size=8).astype(np.float32) for c in courses["course_id"]}
    vecs = {c: v / np.linalg.norm(v) for c, v in vecs.items()}
    calls = []
    real = rank.implied_skills
    monkeypatch.setattr(rank, "implied_skills", lambda *a, **k: calls.append(1) or real(*a, **k))
    role = ml_role()
    alone = rank.rank_courses(courses, cs, vecs, role_vec, role, skill_vecs=sv)
    assert len(calls) == 1
    pre = rank.with_implied_skills(role, cs, sv, role_vec)
    assert "implied" in pre.extra and len(calls) == 2
    again = rank.rank_courses(courses, cs, vecs, role_vec, pre, skill_vecs=sv)
    assert len(calls) == 2  # not searched a second time
    assert [c["course_id"] for c in again] == [c["course_id"] for c in alone]
