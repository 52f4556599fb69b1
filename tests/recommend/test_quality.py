"""Quality: Bayesian shrinkage by number of ratings, priors for unrated courses, explanations."""

from __future__ import annotations

import pandas as pd
import pytest

from careerpath.recommend.quality import PRIOR_M, bayes_rating, quality_table, rating_part


def _courses(rows):
    cols = ["course_id", "catalog", "rating", "n_ratings", "enrolled", "duplicate_group"]
    return pd.DataFrame(rows, columns=cols)


def test_shrinkage_pulls_few_ratings_toward_the_catalog_mean():
    assert bayes_rating(5.0, 2, prior=4.5) == pytest.approx((2 * 5.0 + PRIOR_M * 4.5) / (2 + PRIOR_M))
    assert bayes_rating(5.0, 100_000, prior=4.5) > 4.99
    assert bayes_rating(None, None, prior=4.4) == 4.4


def test_a_perfect_rating_from_two_people_loses_to_a_strong_rating_from_many():
    q = quality_table(_courses([
        ("a", "cat", 5.0, 2, None, None), ("b", "cat", 4.8, 50_000, None, None),
        ("c", "cat", 4.5, 1_000, None, None), ("d", "cat", 4.6, 300, None, None),
    ])).set_index("course_id")
    assert q.loc["b", "quality"] > q.loc["a", "quality"]
    assert 0 <= q["quality"].min() and q["quality"].max() <= 10
    assert "shrunk toward" in q.loc["a", "explanation"] and "prior weight 50" in q.loc["a", "explanation"]


def test_unrated_courses_get_the_prior_or_popularity():
    q = quality_table(_courses([
        ("r1", "rated", 4.0, 100, None, None), ("r2", "rated", 5.0, 100, None, None),
        ("u1", "udemy", None, 5_000, 100_000, None), ("u2", "udemy", None, 3, 40, None),
        ("e1", "edx", None, None, None, None),
    ])).set_index("course_id")
    assert q.loc["u1", "basis"] == "popularity" and q.loc["e1", "basis"] == "prior"
    assert q.loc["u1", "quality"] > q.loc["u2", "quality"]
    assert q.loc["e1", "prior_rating"] == pytest.approx(4.5)  # mean of every rated course
    assert "No rating" in q.loc["e1", "explanation"]
    assert not q["quality"].isna().any()


def test_copies_across_catalogs_share_the_best_supported_rating():
    q = quality_table(_courses([
        ("a", "c1", 4.9, 20_000, None, "g"), ("b", "c2", 4.2, None, 1_000_000, "g"), ("x", "c2", 4.5, None, 10, None),
    ])).set_index("course_id")
    assert q.loc["b", "rating_used"] == 4.9 and q.loc["b", "n_ratings_used"] == 20_000


def test_rating_part_scale():
    assert rating_part(3.0) == 0 and rating_part(4.0) == 5 and rating_part(5.0) == 10 and rating_part(1.0) == 0


def test_empty_catalog():
    assert quality_table(pd.DataFrame()).empty
