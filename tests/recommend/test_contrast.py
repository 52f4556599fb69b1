"""Contrast cosines, feedback skills and the relative relevance cut (rank.py), on hand-made vectors."""

from __future__ import annotations

import numpy as np
import pandas as pd

from careerpath.recommend import rank
from careerpath.recommend.rank import SkillVecs, contrast_cosines, feedback_skills
from careerpath.recommend.relevance import Role


def _unit(m: np.ndarray) -> np.ndarray:
    return (m / np.linalg.norm(m, axis=1, keepdims=True)).astype(np.float32)


def _roles(n: int = 30, dim: int = 8, seed: int = 0) -> tuple[list[str], np.ndarray]:
    rng = np.random.default_rng(seed)
    return [f"role-{i}" for i in range(n)], _unit(rng.normal(size=(n, dim)))


def test_contrast_lowers_courses_close_to_every_role():
    slugs, rmat = _roles()
    generic = _unit(rmat.mean(axis=0, keepdims=True))[0]  # as close to all roles as a course can be
    specific = rmat[0]
    cmat = np.vstack([generic, specific])
    cos = cmat @ rmat[0]
    sv = SkillVecs([], np.zeros((0, 8), dtype=np.float32), {}, slugs, rmat)
    con = contrast_cosines(cos, cmat, sv)
    assert con is not None and (cos[0] - con[0]) > (cos[1] - con[1])  # the generic course loses more
    # too few roles for a mean to mean anything: no contrast
    few = SkillVecs([], np.zeros((0, 8), dtype=np.float32), {}, slugs[:3], rmat[:3])
    assert contrast_cosines(cos, cmat, few) is None
    assert contrast_cosines(cos, cmat, None) is None


def test_feedback_skills_come_from_the_courses_specific_to_the_role():
    slugs, rmat = _roles()
    own = rmat[0]
    ids = [f"c{i}" for i in range(6)]
    # four courses right on the role, two far from it
    cmat = np.vstack([own, own, own, own, -own, -own]).astype(np.float32)
    cos = cmat @ own
    cs = pd.DataFrame({"course_id": ["c0", "c1", "c2", "c0", "c4", "c5", "c3"],
                       "skill_id": ["anatomy", "anatomy", "anatomy", "kinesiology", "yoga", "yoga", "kinesiology"],
                       "score": 1.0})
    spec = pd.DataFrame({"skill_id": ["anatomy", "kinesiology", "yoga"], "n": [3, 2, 2],
                         "share": [0.01, 0.01, 0.01], "specificity": [1.0, 1.0, 1.0]})
    role = Role("role-0", "Role 0", pd.DataFrame({"skill_id": ["physio"], "name": ["physio"], "importance": [1.0],
                                                  "core": [True], "type": ["skill"]}))
    sv = SkillVecs([], np.zeros((0, 8), dtype=np.float32), {}, slugs, rmat)
    out = feedback_skills(role, ids, cos, cos, cmat, cs, spec, {}, sv)
    added = out.skills[out.skills["type"] == "implied"]
    assert list(added["skill_id"]) == ["anatomy", "kinesiology"]  # most taught first; yoga's courses are far
    assert added["importance"].max() <= rank.FEEDBACK_IMPORTANCE + 1e-9
    assert not added["core"].any()
    # a skill most roles list is never fed back
    out2 = feedback_skills(role, ids, cos, cos, cmat, cs, spec, {"anatomy": 0.9}, sv)
    assert "anatomy" not in set(out2.skills["skill_id"])
    # a role without a vector is unchanged
    other = Role("no-vector", "X", role.skills)
    assert feedback_skills(other, ids, cos, cos, cmat, cs, spec, {}, sv) is other



def test_a_feedback_skill_that_fits_the_role_joins_past_the_cap(monkeypatch):
    """The places (FEEDBACK_MAX) go by how many of the role's nearest courses teach a skill; a skill that fits the role
    (`role_skill_fit` >= MIN_SKILL_FIT) and whose vector is near the role's O*NET tasks (IMPLIED_MIN_TASK_COS) joins
    even when more widely taught ones took them (medical records specialists: *data science* by count, *medical
    terminology* by fit). The skills that took the places stay."""
    slugs, rmat = _roles()
    own = rmat[0]
    ids = [f"c{i}" for i in range(4)]
    cmat = np.vstack([own, own, own, own]).astype(np.float32)
    cos = cmat @ own
    cs = pd.DataFrame({"course_id": ["c0", "c1", "c2", "c0", "c1", "c2", "c3"],
                       "skill_id": ["data-science", "data-science", "data-science", "terminology", "terminology",
                                    "react", "react"], "score": 1.0})
    spec = pd.DataFrame({"skill_id": ["data-science", "terminology", "react"], "n": [3, 2, 2],
                         "share": [0.01, 0.01, 0.01], "specificity": [1.0, 1.0, 1.0]})
    role = Role("role-0", "Role 0", pd.DataFrame({"skill_id": ["records"], "name": ["records"], "importance": [1.0],
                                                  "core": [True], "type": ["skill"]}))
    task = _unit(np.eye(8, dtype=np.float32)[:1])[0]
    far = _unit(np.eye(8, dtype=np.float32)[1:2])[0]
    # terminology's vector is the tasks'; react's is far from them (chemical technicians' *React Native*)
    sv = SkillVecs(["data-science", "terminology", "react"], np.vstack([far, task, far]), {}, slugs, rmat)
    monkeypatch.setattr(rank, "FEEDBACK_MAX", 1)
    fit = {"data-science": 0.02, "terminology": 0.9, "react": 0.6}
    added = lambda r: set(r.skills.loc[r.skills["type"] == "implied", "skill_id"])  # noqa: E731
    run = lambda f, t: added(feedback_skills(role, ids, cos, cos, cmat, cs, spec, {}, sv, f, t))  # noqa: E731
    assert run(None, None) == {"data-science"}
    assert run(fit, task) == {"data-science", "terminology"}
    # unfit, or far from the tasks, or no task text: the count alone
    assert run({"terminology": 0.1}, task) == {"data-science"}
    assert run(fit, None) == {"data-science"}
    monkeypatch.setattr(rank, "FEEDBACK_FIT", False)
    assert run(fit, task) == {"data-science"}
