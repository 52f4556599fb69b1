"""The task fill (rank.task_courses): when no course passed the checks and no tool course either, courses close to the
role's O*NET task text, fitting this role rather than its siblings, and claiming one of its top skills make the list."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from careerpath.recommend import rank
from careerpath.recommend.relevance import Role, skill_specificity, weighted_role_skills
from careerpath.recommend.vectors import SkillVecs

SLUG = "traffic"
# 4-d toy space: axis 0 = the role's tasks, axis 1 = a sibling role's, axes 2-3 elsewhere
ROLE_MAT = np.array([[1, 0, 0, 0], [0.6, 0.8, 0, 0], [0, 0, 1, 0]], dtype=np.float32)
COURSES = {
    "c:planning": [0.9, 0.1, 0.0, 0.42],   # transport planning: close to the tasks, fits the role
    "c:gis": [0.8, 0.2, 0.3, 0.47],        # close enough, fits
    "c:sibling": [0.7, 0.7, 0.0, 0.14],    # close to the tasks too, but the sibling role is closer to it
    "c:noskill": [0.95, 0.0, 0.0, 0.31],   # the closest of all, but claims none of the role's skills
    "c:far": [0.2, 0.0, 0.98, 0.0],        # claims a skill, far from the tasks
}


def _unit(v):
    v = np.asarray(v, dtype=np.float32)
    return v / np.linalg.norm(v)


def _setup():
    ids = list(COURSES)
    vecs = {c: _unit(v) for c, v in COURSES.items()}
    cmat = np.vstack([vecs[c] for c in ids])
    catalog = {"ids": ids, "cmat": cmat, "role_sims": cmat @ ROLE_MAT.T}
    sv = SkillVecs([], np.zeros((0, 4), dtype=np.float32), {}, [SLUG, "sibling", "other"], ROLE_MAT)
    skills = pd.DataFrame([("transport-planning", "transport planning", 0.9, "skill"),
                           ("gis", "geographic information systems", 0.5, "software")],
                          columns=["skill_id", "name", "importance", "type"]).assign(core=False)
    role = Role(SLUG, "Traffic Technicians", skills, text="Traffic technicians.")
    cs = pd.DataFrame([("c:planning", "transport-planning", 1.0), ("c:gis", "gis", 1.0),
                       ("c:sibling", "transport-planning", 1.0), ("c:noskill", "photography", 1.0),
                       ("c:far", "gis", 1.0)], columns=["course_id", "skill_id", "score"])
    rs = weighted_role_skills(role, skill_specificity(cs, 100))
    raw = pd.Series({c: float(vecs[c] @ _unit([1, 0, 0, 0])) for c in ids})
    return vecs, catalog, sv, cs, rs, raw


EMPTY = pd.DataFrame(columns=["course_id", "relevance", "coverage", "covers", "covers_ids", "core_ids"])


def test_task_fill_takes_courses_near_the_tasks_that_fit_the_role_and_claim_a_skill(monkeypatch):
    vecs, catalog, sv, cs, rs, raw = _setup()
    monkeypatch.setattr(rank, "TASK_FILL_FLOOR", 0.5)
    monkeypatch.setattr(rank, "TASK_FILL_REL", 0.7)
    monkeypatch.setattr(rank, "FIT_MAX_ROLE_RANK", 0)  # three roles here: no other role may be closer
    out = rank.task_courses(EMPTY, _unit([1, 0, 0, 0]), cs, rs, raw, vecs, SLUG, sv, catalog)
    # not the sibling's course (role rank), not the skill-less one (relevance floor), not the far one (task cosine)
    assert set(out["course_id"]) == {"c:planning", "c:gis"}
    monkeypatch.setattr(rank, "FIT_MAX_ROLE_RANK", 1)  # one closer role allowed: the sibling's course comes in
    assert "c:sibling" in set(rank.task_courses(EMPTY, _unit([1, 0, 0, 0]), cs, rs, raw, vecs, SLUG, sv, catalog)["course_id"])
    monkeypatch.setattr(rank, "FIT_MAX_ROLE_RANK", 0)
    assert out["task"].all() and out["relevance"].between(0, 0.5).all()
    assert out["relevance"].is_monotonic_decreasing
    assert out.set_index("course_id").loc["c:planning", "covers_ids"] == ["transport-planning"]


def test_task_fill_needs_the_best_candidates_share(monkeypatch):
    vecs, catalog, sv, cs, rs, raw = _setup()
    monkeypatch.setattr(rank, "TASK_FILL_FLOOR", 0.5)
    monkeypatch.setattr(rank, "TASK_FILL_REL", 0.999)  # only the best candidate's cosine passes
    out = rank.task_courses(EMPTY, _unit([1, 0, 0, 0]), cs, rs, raw, vecs, SLUG, sv, catalog)
    assert list(out["course_id"]) == ["c:planning"]


def test_task_fill_leaves_a_list_alone_and_is_off_by_default(monkeypatch):
    vecs, catalog, sv, cs, rs, raw = _setup()
    task = _unit([1, 0, 0, 0])
    monkeypatch.setattr(rank, "TASK_FILL_FLOOR", 0.5)
    listed = pd.DataFrame({"course_id": ["c:x"], "relevance": [0.7]})
    assert rank.task_courses(listed, task, cs, rs, raw, vecs, SLUG, sv, catalog) is listed  # something passed
    assert rank.task_courses(EMPTY, None, cs, rs, raw, vecs, SLUG, sv, catalog).empty  # no task text
    assert rank.task_courses(EMPTY, task, cs, rs, raw, vecs, "unknown", sv, catalog).empty  # no index vector
    monkeypatch.setattr(rank, "TASK_FILL_FLOOR", 0.99)
    assert rank.task_courses(EMPTY, task, cs, rs, raw, vecs, SLUG, sv, catalog).empty  # nothing that close
    monkeypatch.setattr(rank, "TASK_FILL_FLOOR", None)
    assert rank.task_courses(EMPTY, task, cs, rs, raw, vecs, SLUG, sv, catalog).empty  # off
