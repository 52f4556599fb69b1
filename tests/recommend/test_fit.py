"""Skill fit (relevance.skill_fit), the role's index vector as a view (rank.role_views), the relative cut."""

from __future__ import annotations

import numpy as np
import pandas as pd

from careerpath.recommend import rank, relevance
from careerpath.recommend.rank import SkillVecs, role_views
from careerpath.recommend.relevance import MIN_FIT_COURSES, MIN_SKILL_FIT, Role, skill_fit, weighted_role_skills


def _spec(ids: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"skill_id": ids, "n": 5, "share": 0.01, "specificity": 1.0})


def test_a_skill_claimed_mostly_by_courses_far_from_the_role_never_opens_the_floor():
    """'management': 20 courses claim it, 1 near the role; 'wiring': 6 claim it, 5 near; 'solar': 2 (too few)."""
    rows = [(f"m{i}", "management") for i in range(20)] + [(f"w{i}", "wiring") for i in range(6)] + \
        [("s0", "solar"), ("s1", "solar")]
    cs = pd.DataFrame(rows, columns=["course_id", "skill_id"]).assign(score=1.0)
    text = pd.Series({**{f"m{i}": (0.5 if i == 0 else 0.0) for i in range(20)},
                      **{f"w{i}": (0.5 if i < 5 else 0.0) for i in range(6)}, "s0": 0.0, "s1": 0.0})
    fit = skill_fit(cs, text, floor=0.4)
    assert fit["management"] == 1 / 20 < MIN_SKILL_FIT and fit["wiring"] == 5 / 6 >= MIN_SKILL_FIT
    assert "solar" not in fit and 2 < MIN_FIT_COURSES  # too few claims to judge
    role = Role("electricians", "Electricians", pd.DataFrame({
        "skill_id": ["management", "wiring", "solar"], "name": ["management", "wiring", "solar"],
        "importance": [1.0, 0.8, 0.5], "core": False, "type": "skill"}))
    rs = weighted_role_skills(role, _spec(["management", "wiring", "solar"]), {}, fit).set_index("skill_id")
    assert not rs.at["management", "floor_skill"] and rs.at["wiring", "floor_skill"] and rs.at["solar", "floor_skill"]
    # without fit every one of them opens the floor: the check is what removes management
    assert weighted_role_skills(role, _spec(["management", "wiring", "solar"]))["floor_skill"].all()


def test_relevance_table_drops_a_course_that_only_a_poorly_fitting_skill_lets_in():
    cs = pd.DataFrame({"course_id": ["yoga", "power"], "skill_id": ["management", "wiring"], "score": 1.0})
    role = Role("electricians", "Electricians", pd.DataFrame({
        "skill_id": ["management", "wiring"], "name": ["management", "wiring"], "importance": [1.0, 0.8],
        "core": False, "type": "skill"}))
    cos = pd.Series({"yoga": 0.5, "power": 0.5})
    both = relevance.relevance_table(role, cs, 1000, cos, _spec(["management", "wiring"]))
    fitted = relevance.relevance_table(role, cs, 1000, cos, _spec(["management", "wiring"]),
                                       skill_fit={"management": 0.05, "wiring": 0.9})
    assert set(both["course_id"]) == {"yoga", "power"} and list(fitted["course_id"]) == ["power"]


def test_role_views_add_the_roles_index_vector_when_the_store_has_one():
    rv = np.eye(4, dtype=np.float32)[:2]
    rmat = np.vstack([np.eye(4, dtype=np.float32)[2] * 3.0] + [np.eye(4, dtype=np.float32)[3]] * 2)
    sv = SkillVecs([], np.zeros((0, 4), dtype=np.float32), {}, ["logisticians", "a", "b"], rmat)
    views = role_views(rv, "logisticians", sv)
    assert views.shape == (3, 4) and np.allclose(views[2], [0, 0, 1, 0])  # normalised index vector
    assert role_views(rv, "not-a-role", sv).shape == (2, 4)
    assert role_views(rv, "logisticians", None).shape == (2, 4)
    # a course about what the role does (the index vector's direction) is now closer on average
    course = np.array([0, 0, 1, 0], dtype=np.float32)
    assert (views @ course).mean() > (rv @ course).mean()



def test_role_skill_fit_asks_which_roles_the_claiming_courses_fit_best():
    """Docker's five courses sit near 30 software roles, not plumbers; hydraulics' five near plumbers. Both sets
    are the catalog's closest to plumbers, so only the role ranks tell the two skills apart."""
    dim = 6
    e = np.eye(dim, dtype=np.float32)
    plumbers = e[0]
    software = (e[0] * 0.3 + e[1]) / np.linalg.norm(e[0] * 0.3 + e[1])
    slugs = ["plumbers"] + [f"software-{i}" for i in range(30)]
    rmat = np.vstack([plumbers] + [software] * 30)
    sv = SkillVecs([], np.zeros((0, dim), dtype=np.float32), {}, slugs, rmat)
    ids = [f"d{i}" for i in range(5)] + [f"h{i}" for i in range(5)]
    cmat = np.vstack([software] * 5 + [plumbers] * 5).astype(np.float32)
    cs = pd.DataFrame({"course_id": ids, "skill_id": ["docker"] * 5 + ["hydraulics"] * 5, "score": 1.0})
    fit = rank.role_skill_fit(cs, pd.Series(dtype=float), 0.0, ids, cmat, "plumbers", sv)
    assert fit["hydraulics"] == 1.0 and fit["docker"] == 0.0
    # without role vectors: the text scores against the floor, as skill_fit
    text = pd.Series(1.0, index=ids)
    assert rank.role_skill_fit(cs, text, 0.5, ids, cmat, "plumbers", None) == {"docker": 1.0, "hydraulics": 1.0}


def test_a_skill_few_roles_list_opens_the_floor_whatever_its_fit(monkeypatch):
    """relevance.RARE_SKILL_SHARE (c38): *first aid*, listed by 0.2 % of role profiles, is the role's own even when the
    courses claiming it sit outside the catalogue's closest to the role's text (fit 0.18); a skill many roles list
    with the same fit, an implied skill and a software product are still asked for their fit."""
    ids = ["first-aid", "psychology", "breathing", "excel"]
    role = Role("respiratory-therapists", "Respiratory Therapists", pd.DataFrame({
        "skill_id": ids, "name": ids, "importance": [1.0, 0.9, 0.8, 0.7], "core": False,
        "type": ["knowledge", "knowledge", "implied", "software"]}))
    shares = {"first-aid": 0.002, "psychology": 0.05, "breathing": 0.001, "excel": 0.001}
    fit = {s: 0.18 for s in ids}
    assert 0.18 < MIN_SKILL_FIT
    rs = weighted_role_skills(role, _spec(ids), shares, fit).set_index("skill_id")
    assert rs.at["first-aid", "floor_skill"]
    assert not rs.at["psychology", "floor_skill"] and not rs.at["breathing", "floor_skill"]
    assert not rs.at["excel", "floor_skill"]
    monkeypatch.setattr(relevance, "RARE_SKILL_SHARE", None)
    assert not weighted_role_skills(role, _spec(ids), shares, fit).set_index("skill_id").at["first-aid", "floor_skill"]
