"""The role's O*NET task skills (`rank.with_onet_skills`) may open the floor whatever their rank
(`relevance.ONET_ANY_RANK`) when their fit is measured: they join at 0.3 x the role's top importance, below every skill
of a 40-skill profile, so the floor's top TOP_K never held them (intelligence analysts' *security threats*), while
implied skills, found the same way from the role's own texts, count at any rank."""

from __future__ import annotations

import pandas as pd

from careerpath.recommend import relevance
from careerpath.recommend.relevance import TOP_K, Role, relevance_table, weighted_role_skills


def _role(onet: list[str]) -> Role:
    """A profile of TOP_K + 5 skills, then `onet` at the lowest importance, marked as the role's O*NET skills."""
    own = [(f"p{i:02d}", 1.0 - i / 100) for i in range(TOP_K + 5)]
    rows = own + [(s, 0.2) for s in onet] + [("late-profile-skill", 0.2)]
    skills = pd.DataFrame({"skill_id": [s for s, _ in rows], "name": [s for s, _ in rows],
                           "importance": [w for _, w in rows], "core": False, "type": "skill"})
    return Role("physical-therapist-assistants", "Physical Therapist Assistants", skills, extra={"onet": onet})


FIT = {"electrotherapy": 0.6, "late-profile-skill": 0.6}


def _floor(role: Role, fit: dict[str, float] | None = None) -> dict[str, bool]:
    rs = weighted_role_skills(role, pd.DataFrame(columns=["skill_id", "n", "share", "specificity"]),
                              skill_fit=FIT if fit is None else fit)
    return dict(zip(rs["skill_id"], rs["floor_skill"]))


def test_an_onet_skill_below_the_top_opens_the_floor(monkeypatch):
    monkeypatch.setattr(relevance, "ONET_ANY_RANK", True)
    floor = _floor(_role(["electrotherapy"]))
    assert floor["electrotherapy"]
    assert not floor["late-profile-skill"]  # a profile skill as low as it still does not
    assert floor["p00"] and not floor[f"p{TOP_K:02d}"]


def test_off_an_onet_skill_below_the_top_opens_nothing(monkeypatch):
    monkeypatch.setattr(relevance, "ONET_ANY_RANK", False)
    assert not _floor(_role(["electrotherapy"]))["electrotherapy"]


def test_an_onet_skill_whose_fit_is_not_measured_stays_below(monkeypatch):
    """Too few courses claim it for a fit (a lexical misreading of a task word, *use tools for shoe repair*)."""
    monkeypatch.setattr(relevance, "ONET_ANY_RANK", True)
    assert not _floor(_role(["electrotherapy"]), fit={})["electrotherapy"]


def test_an_onet_skill_keeps_the_other_floor_checks(monkeypatch):
    """At any rank, but not when it is unfit (skill fit below MIN_SKILL_FIT) or listed by most roles."""
    monkeypatch.setattr(relevance, "ONET_ANY_RANK", True)
    role = _role(["electrotherapy", "mechanics", "perform-clerical-duties"])
    spec = pd.DataFrame(columns=["skill_id", "n", "share", "specificity"])
    rs = weighted_role_skills(role, spec, role_share={"perform-clerical-duties": 0.5},
                              skill_fit={"mechanics": 0.0, "electrotherapy": 0.6})
    floor = dict(zip(rs["skill_id"], rs["floor_skill"]))
    assert floor["electrotherapy"] and not floor["mechanics"] and not floor["perform-clerical-duties"]


def test_a_course_teaching_only_the_onet_skill_passes_the_floor(monkeypatch):
    role = _role(["electrotherapy"])
    cs = pd.DataFrame({"course_id": ["c-electro", "c-other"], "skill_id": ["electrotherapy", "late-profile-skill"],
                       "score": [1.0, 1.0]})
    cos = pd.Series({"c-electro": 0.6, "c-other": 0.6})
    monkeypatch.setattr(relevance, "ONET_ANY_RANK", True)
    assert relevance_table(role, cs, 100, cos, skill_fit=FIT)["course_id"].tolist() == ["c-electro"]
    monkeypatch.setattr(relevance, "ONET_ANY_RANK", False)
    assert relevance_table(role, cs, 100, cos, skill_fit=FIT).empty
