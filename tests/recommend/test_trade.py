"""A trade's soft skill opens the floor (`relevance.soft_trade`) and keeps a list that `rank.nothing_close` would empty;
an implied skill must be near the role's O*NET tasks (`relevance.IMPLIED_MIN_TASK_COS`)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from careerpath.recommend import rank, relevance
from careerpath.recommend.rank import nothing_close
from careerpath.recommend.relevance import MIN_SKILL_FIT, Role, implied_skills, soft_trade, weighted_role_skills


def _unit(v) -> np.ndarray:
    v = np.asarray(v, dtype=np.float32)
    return v / np.linalg.norm(v)


def _receptionists() -> tuple[Role, pd.DataFrame]:
    ids = ["communication", "customer-service", "cope-with-stress", "interview-people"]
    role = Role("receptionists", "Receptionists", pd.DataFrame({
        "skill_id": ids, "name": [i.replace("-", " ") for i in ids], "importance": [0.8, 0.5, 0.2, 0.4],
        "core": False, "type": ["soft_skill", "soft_skill", "soft_skill", "implied"]}))
    spec = pd.DataFrame({"skill_id": ids, "n": [505, 20, 2, 1], "share": [0.04, 0.002, 0.0002, 0.0001],
                         "specificity": 1.0})
    return role, spec


def test_a_soft_skill_few_roles_list_and_whose_courses_fit_the_role_opens_the_floor():
    """Customer service (1.4 % of roles, 30 % of its courses near receptionists) is their trade; communication (14 %)
    is a trait every job asks for; a soft skill too few courses claim to measure its fit stays closed."""
    role, spec = _receptionists()
    shares = {"communication": 0.135, "customer-service": 0.014, "cope-with-stress": 0.004}
    fit = {"communication": 0.05, "customer-service": 0.30}
    rs = weighted_role_skills(role, spec, shares, fit).set_index("skill_id")
    assert rs.at["customer-service", "floor_skill"]
    assert not rs.at["communication", "floor_skill"] and not rs.at["cope-with-stress", "floor_skill"]
    assert soft_trade(rs.reset_index()).tolist() == [False, True, False, False]  # ordered by importance
    # a trade skill whose courses sit away from the role stays closed
    low = weighted_role_skills(role, spec, shares, {**fit, "customer-service": MIN_SKILL_FIT / 2})
    assert not low.set_index("skill_id").at["customer-service", "floor_skill"]


def test_without_the_share_no_soft_skill_opens_the_floor(monkeypatch):
    role, spec = _receptionists()
    monkeypatch.setattr(relevance, "SOFT_TRADE_SHARE", None)
    rs = weighted_role_skills(role, spec, {"customer-service": 0.014}, {"customer-service": 0.3})
    assert not rs.set_index("skill_id").at["customer-service", "floor_skill"]


def test_a_list_that_covers_a_trade_skill_is_kept_though_nothing_is_close(monkeypatch):
    """Customer-service courses sit near every role that meets the public, so their contrast is low; without the
    exemption receptionists' list went empty and the tool fill put ten Excel courses in its place."""
    monkeypatch.setattr(rank, "MIN_BEST_CONTRAST", 0.35)
    rel = pd.DataFrame({"course_id": ["cs-basics", "excel"], "contrast": [0.33, 0.30],
                        "covers_ids": [["communication", "customer-service"], ["use-spreadsheets"]]})
    assert nothing_close(rel).empty
    assert nothing_close(rel, {"customer-service"})["course_id"].tolist() == ["cs-basics", "excel"]
    assert nothing_close(rel, {"baby-care"}).empty  # a trade skill no candidate covers keeps nothing


def _implied_world() -> tuple[Role, list[str], np.ndarray, np.ndarray, np.ndarray]:
    """Dimension 0: the role's title words ("information"), 1: meeting the public, 2: interviewing."""
    role = Role("receptionists", "Receptionists", pd.DataFrame({
        "skill_id": ["customer-service"], "name": ["customer service"], "importance": [0.9], "core": False,
        "type": "soft_skill"}))
    ids = ["provide-information", "interview-people"]
    mat = np.vstack([_unit([1, 1, 0]), _unit([1, 0, 1])])
    views = np.vstack([_unit([1, 0.5, 0.5]), _unit([1, 0.2, 0.2])])  # near both by the title's words
    tasks = _unit([0.2, 1, 0])  # O*NET: greet visitors, answer calls, give directions
    return role, ids, mat, views, tasks


def test_an_implied_skill_far_from_the_roles_tasks_is_left_out():
    role, ids, mat, views, tasks = _implied_world()
    assert float(mat[1] @ tasks) < relevance.IMPLIED_MIN_TASK_COS <= float(mat[0] @ tasks)
    without = implied_skills(role, ids, mat, views)
    assert sorted(without.extra["implied"]) == sorted(ids)  # both are near the title and profile views
    out = implied_skills(role, ids, mat, views, task_vec=tasks)
    assert out.extra["implied"] == ["provide-information"]


def test_the_task_check_can_be_turned_off(monkeypatch):
    role, ids, mat, views, tasks = _implied_world()
    monkeypatch.setattr(relevance, "IMPLIED_MIN_TASK_COS", None)
    assert sorted(implied_skills(role, ids, mat, views, task_vec=tasks).extra["implied"]) == sorted(ids)


def test_a_named_product_is_never_implied(monkeypatch):
    """A product's label is close to a role by a shared word alone ("Chef" the configuration tool and chefs): the role
    that uses it names it in its profile. `rank.IMPLIED_PRODUCTS` True lets products be implied as before."""
    from careerpath.recommend.vectors import SkillVecs

    role, ids, mat, views, _ = _implied_world()
    courses = pd.DataFrame({"course_id": ["c1", "c2"], "skill_id": ids, "score": [1.0, 1.0]})
    sv = SkillVecs(ids, mat, products=frozenset({"interview-people"}))
    monkeypatch.setattr(rank, "ROLE_INDEX_VIEW", False)
    out = rank.with_implied_skills(role, courses, sv, views)
    assert out.extra["implied"] == ["provide-information"]
    monkeypatch.setattr(rank, "IMPLIED_PRODUCTS", True)
    both = rank.with_implied_skills(role, courses, SkillVecs(ids, mat, products=frozenset({"interview-people"})), views)
    assert sorted(both.extra["implied"]) == sorted(ids)
