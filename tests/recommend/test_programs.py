"""Programs in the order (`rank.order_programs`): a degree, graduate certificate or postgraduate diploma claims 20-30
skills and covers a broad role wholly; its relevance is scaled by PROGRAM_ORDER_SHARE for the order alone."""

from __future__ import annotations

import pandas as pd

from careerpath.recommend import rank
from careerpath.recommend.rank import order_programs


def _rel() -> pd.DataFrame:
    return pd.DataFrame({"course_id": ["mba", "org-analysis", "ms-mgmt", "intro"],
                         "relevance": [0.77, 0.68, 0.72, 0.40],
                         "certificate_type": ["degree", "course", "Graduate Certificate", None]})


def test_a_program_falls_behind_a_course_about_the_role(monkeypatch):
    """Management analysts: an MBA (0.77) and an MS in Management (0.72) came before "Organizational Analysis"
    (0.68)."""
    monkeypatch.setattr(rank, "PROGRAM_ORDER_SHARE", 0.8)
    out = order_programs(_rel())
    assert out["course_id"].tolist() == ["org-analysis", "mba", "ms-mgmt", "intro"]
    assert out.set_index("course_id").loc["mba", "relevance"] == round(0.77 * 0.8, 4)
    assert out.set_index("course_id").loc["org-analysis", "relevance"] == 0.68  # courses keep theirs


def test_the_set_of_courses_does_not_change(monkeypatch):
    monkeypatch.setattr(rank, "PROGRAM_ORDER_SHARE", 0.8)
    rel = _rel()
    assert sorted(order_programs(rel)["course_id"]) == sorted(rel["course_id"])


def test_a_program_far_ahead_stays_ahead(monkeypatch):
    """Only the order among close candidates moves: a program well above the rest keeps its place."""
    monkeypatch.setattr(rank, "PROGRAM_ORDER_SHARE", 0.8)
    rel = _rel().assign(relevance=[0.95, 0.60, 0.50, 0.40])
    assert order_programs(rel)["course_id"].tolist()[0] == "mba"


def test_off_and_without_certificate_types(monkeypatch):
    rel = _rel()
    monkeypatch.setattr(rank, "PROGRAM_ORDER_SHARE", None)
    assert order_programs(rel)["course_id"].tolist() == rel["course_id"].tolist()
    monkeypatch.setattr(rank, "PROGRAM_ORDER_SHARE", 0.8)
    bare = rel.drop(columns="certificate_type")
    assert order_programs(bare)["course_id"].tolist() == bare["course_id"].tolist()
    assert order_programs(rel.iloc[0:0]).empty
