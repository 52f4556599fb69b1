"""Eighth pass: slivers out (rank.drop_slivers) and a steeper role-rank order after the cut
(rank.order_by_role_rank)."""

from __future__ import annotations

import pandas as pd

from careerpath.recommend import rank
from careerpath.recommend.rank import drop_slivers, order_by_role_rank, relative_cut


def test_a_course_covering_a_sliver_of_the_role_is_left_out(monkeypatch):
    monkeypatch.setattr(rank, "MIN_COVERAGE", 0.02)
    rel = pd.DataFrame({"course_id": ["anatomy", "addiction"], "coverage": [0.14, 0.01], "relevance": [0.3, 0.4]})
    assert drop_slivers(rel)["course_id"].tolist() == ["anatomy"]
    monkeypatch.setattr(rank, "MIN_COVERAGE", 0.0)
    assert len(drop_slivers(rel)) == 2


def test_the_order_weighs_sibling_roles_more_but_keeps_the_set(monkeypatch):
    """Civil engineering (no role closer) against electrical engineering (6 roles closer): at ROLE_RANK_SCALE 100
    the second leads on relevance; rescaled to ORDER_RANK_SCALE 20 it falls behind. The cut came first, so the
    set of courses is the same."""
    monkeypatch.setattr(rank, "ROLE_RANK_SCALE", 100.0)
    monkeypatch.setattr(rank, "ORDER_RANK_SCALE", 20.0)
    rel = pd.DataFrame({"course_id": ["ms-electrical", "ms-civil", "far"], "relevance": [0.50, 0.47, 0.16],
                        "role_rank": [6, 0, 100]})
    cut = relative_cut(rel)
    out = order_by_role_rank(cut)
    assert out["course_id"].tolist() == ["ms-civil", "ms-electrical", "far"]
    assert set(out["course_id"]) == set(cut["course_id"])
    assert abs(out.set_index("course_id").at["ms-electrical", "relevance"] - 0.50 * 1.06 / 1.3) < 1e-3
    monkeypatch.setattr(rank, "ORDER_RANK_SCALE", None)
    assert order_by_role_rank(cut)["course_id"].tolist() == ["ms-electrical", "ms-civil", "far"]


def test_order_without_role_ranks_is_unchanged():
    rel = pd.DataFrame({"course_id": ["a", "b"], "relevance": [0.2, 0.5]})
    assert order_by_role_rank(rel).equals(rel)
