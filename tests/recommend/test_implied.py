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
