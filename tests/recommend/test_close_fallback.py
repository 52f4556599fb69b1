"""c33: a list that misses the best-contrast check keeps the candidates that fit the role and teach one of its own
fitting skills (`rank.nothing_close` with CLOSE_MAX_ROLE_RANK, `rank.fitted_floor`), and the tool fill runs after such
a list as after an empty one (`rank.tool_courses`)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from careerpath.recommend import rank
from careerpath.recommend.rank import fitted_floor, nothing_close
from careerpath.recommend.relevance import Role, skill_specificity, weighted_role_skills

from .test_tools import _course_skills, _role


def _weak() -> pd.DataFrame:
    """Occupational therapists on the session-21 build: no candidate reaches contrast 0.35."""
    return pd.DataFrame({
        "course_id": ["dementia-care", "movement", "career-coach", "far-dementia"],
        "contrast": [0.29, 0.22, 0.28, 0.30],
        "relevance": [0.45, 0.19, 0.42, 0.40],
        "role_rank": [13, 9, 8, 60],
        "covers_ids": [["tend-to-elderly-people"], ["rehabilitation"], ["crisis-intervention"],
                       ["tend-to-elderly-people"]],
    })


@pytest.fixture
def on(monkeypatch):
    monkeypatch.setattr(rank, "MIN_BEST_CONTRAST", 0.35)
    monkeypatch.setattr(rank, "CLOSE_MAX_ROLE_RANK", 20)


def test_a_weak_list_keeps_the_courses_that_fit_the_role_and_teach_its_own_fitting_skill(on):
    fitted = {"tend-to-elderly-people", "rehabilitation"}
    out = nothing_close(_weak(), frozenset(), fitted)
    # the career-coaching course fits the role (rank 8) but teaches only an implied skill; the far dementia course
    # teaches a fitting skill but 60 roles fit it better
    assert out["course_id"].tolist() == ["dementia-care", "movement"]
    assert out["close_fallback"].all()


def test_without_fitting_skills_or_with_the_fallback_off_the_weak_list_is_empty(on, monkeypatch):
    assert nothing_close(_weak()).empty  # no fitted skill given: as before
    assert nothing_close(_weak(), frozenset(), {"drive-vehicles"}).empty  # no candidate teaches one
    assert nothing_close(_weak().drop(columns="role_rank"), frozenset(), {"rehabilitation"}).empty
    monkeypatch.setattr(rank, "CLOSE_MAX_ROLE_RANK", None)
    assert nothing_close(_weak(), frozenset(), {"rehabilitation"}).empty


def test_a_list_that_reaches_the_contrast_is_left_whole_and_unmarked(on):
    strong = _weak().assign(contrast=[0.37, 0.22, 0.28, 0.30])
    out = nothing_close(strong, frozenset(), {"rehabilitation"})
    assert out["course_id"].tolist() == strong["course_id"].tolist()
    assert "close_fallback" not in out


def test_fitted_floor_is_the_roles_own_floor_skills_with_a_measured_fit():
    skills = pd.DataFrame([
        ("tend-to-elderly-people", "tend to elderly people", 1.0, "skill"),    # profile, fit 0.33
        ("rehabilitation", "rehabilitation", 0.9, "knowledge"),                # profile, fit 0.40
        ("plan", "plan", 0.8, "implied"),                                      # a feedback skill, fit 0.25
        ("autism", "autism", 0.7, "skill"),                                    # too few courses: no fit measure
        ("psychology", "psychology", 0.6, "knowledge"),                        # fit measured, too low
    ], columns=["skill_id", "name", "importance", "type"]).assign(core=False)
    role = Role("occupational-therapists", "Occupational Therapists", skills, text="Occupational therapists.")
    cs = pd.DataFrame({"course_id": [f"c{i}" for i in range(5)], "skill_id": skills["skill_id"], "score": 1.0})
    fit = {"tend-to-elderly-people": 0.33, "rehabilitation": 0.40, "plan": 0.25, "psychology": 0.05}
    rs = weighted_role_skills(role, skill_specificity(cs, 1000), None, fit)
    assert fitted_floor(rs) == {"tend-to-elderly-people", "rehabilitation"}
    assert fitted_floor(None) == set() and fitted_floor(rs.drop(columns="fit")) == set()


def test_the_tool_fill_follows_a_fallback_list_as_an_empty_one(monkeypatch):
    """Secretaries: "Work Smarter with Microsoft Word" fits the role and teaches its fitting *Microsoft Word*; the list
    then has one course, and the Excel and Word courses of the tool fill must still follow it."""
    role = _role()
    rs = weighted_role_skills(role, skill_specificity(_course_skills(), 100))
    raw = pd.Series({"c:excel": 0.4, "c:word": 0.3})
    rel = pd.DataFrame({"course_id": ["c:own"], "relevance": [0.2], "coverage": [0.5], "covers": [["x"]],
                        "covers_ids": [["organise"]], "core_ids": [[]]})
    monkeypatch.setattr(rank, "TOOL_FILL_BELOW", 1)
    assert rank.tool_courses(rel, ["use-spreadsheets-software"], _course_skills(), rs, raw) is rel
    out = rank.tool_courses(rel.assign(close_fallback=True), ["use-spreadsheets-software", "word"], _course_skills(),
                            rs, raw)
    assert out["course_id"].tolist()[0] == "c:own" and set(out["course_id"]) == {"c:own", "c:excel", "c:word"}
    assert (out["relevance"].iloc[1:] < 0.2).all()
    assert not np.isnan(out["relevance"].to_numpy(dtype=float)).any()
