"""The role list: the relevance floor, filters, diversity, missing fields, the contract's fields."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from careerpath import store
from careerpath.errors import InputError
from careerpath.recommend.filters import Filters
from careerpath.recommend.items import courses_with_quality
from careerpath.recommend.rank import (course_vectors, greedy_select, load_course_skills, rank_course_lists, rank_courses,
                                       recommend, role_vectors, why)
from careerpath.recommend.roles import resolve_slug

from .conftest import ml_role

FIELDS = {"course_id", "title", "provider", "url", "level", "hours", "rating", "n_ratings", "quality", "relevance",
          "covers", "why"}


def _ids(items):
    return [c["course_id"] for c in items]


def test_top_rated_irrelevant_courses_never_appear(course_db):
    con = store.connect(course_db)
    items = recommend(con, ml_role(), top=20)
    ids = _ids(items)
    assert "c:yoga" not in ids  # 5.0 stars from 500k, teaches only yoga + a generic soft skill
    assert "c:comm" not in ids  # covers only the role's soft skill: not one of its specific top skills
    assert "c:ml" in ids
    assert all(set(c) >= FIELDS for c in items)
    assert all(c["covers"] and any(n in c["why"] for n in c["covers"]) for c in items)


def test_copies_appear_once(course_db):
    ids = _ids(recommend(store.connect(course_db), ml_role(), top=20))
    assert not {"c:ml", "c:ml2"} <= set(ids)


def test_courses_with_missing_fields_are_listed_with_nulls(course_db):
    items = {c["course_id"]: c for c in recommend(store.connect(course_db), ml_role(), top=20)}
    sql = items["e:sql"]  # edX: no rating, no hours, no level
    assert sql["rating"] is None and sql["hours"] is None and sql["level"] is None and sql["n_ratings"] is None
    assert sql["quality"] is not None and "level not stated" in sql["why"] and "length not stated" in sql["why"]


@pytest.mark.parametrize("filters, allowed", [
    (Filters(level="advanced"), {"c:dl"}),
    (Filters(free=True), {"u:free"}),
    (Filters(max_hours=20), {"u:free"}),
    (Filters(provider="stanford"), {"c:ml", "c:ml2"}),
    (Filters(provider="udemy"), {"u:pyml", "u:free"}),
    (Filters(certificate=True), {"c:dl"}),  # the 5-star yoga certificate teaches none of the role's skills
])
def test_filters(course_db, filters, allowed):
    ids = set(_ids(recommend(store.connect(course_db), ml_role(), top=20, filters=filters)))
    assert ids and ids <= allowed


def test_several_lists_share_one_ranking(course_db, hashing):
    """A guide asks for its course list and its credentials in one call; each equals its own `rank_courses`."""
    con = store.connect(course_db)
    courses, cs = courses_with_quality(con), load_course_skills(con)
    emb = hashing
    role = ml_role()
    vecs = course_vectors(con, courses, emb, set(courses["course_id"]))
    rv = role_vectors(role, emb)
    both = rank_course_lists(courses, cs, vecs, rv, role, {"all": (5, None), "cert": (3, Filters(certificate=True))})
    assert both["all"] == rank_courses(courses, cs, vecs, rv, role, 5)
    assert both["cert"] == rank_courses(courses, cs, vecs, rv, role, 3, Filters(certificate=True))
    assert [c["course_id"] for c in both["cert"]] == ["c:dl"]
    assert both["cert"][0]["certificate_type"].lower() == "professional certificate"


def test_bad_filters_are_input_errors():
    with pytest.raises(InputError):
        Filters(level="expert-ish")
    with pytest.raises(InputError):
        Filters(max_hours=0)
    with pytest.raises(InputError):
        Filters(language="english please")


def test_language_filter_keeps_english_and_undetected_by_default():
    import pandas as pd

    df = pd.DataFrame({"course_id": ["en", "none", "es", "fr"], "language": ["en", None, "es", "fr"]})
    assert Filters().apply(df)["course_id"].tolist() == ["en", "none"]
    assert Filters(language="es").apply(df)["course_id"].tolist() == ["es"]
    assert Filters(language="any").apply(df)["course_id"].tolist() == ["en", "none", "es", "fr"]
    assert Filters().apply(df.drop(columns="language"))["course_id"].tolist() == ["en", "none", "es", "fr"]


def test_diversity_prefers_a_course_teaching_untaught_core_skills():
    cand = pd.DataFrame({"course_id": ["a", "b", "c"], "score": [1.0, 0.9, 0.8],
                         "covers_ids": [["ml", "py"], ["ml", "py"], ["dl"]]})
    picked = greedy_select(cand, {"ml": 1.0, "py": 0.9, "dl": 0.8}, {"ml", "py", "dl"}, {}, top=2)
    assert picked["course_id"].tolist() == ["a", "c"]


def test_near_copies_are_skipped():
    cand = pd.DataFrame({"course_id": ["a", "b", "c"], "score": [1.0, 0.9, 0.5],
                         "covers_ids": [["ml"], ["dl"], ["py"]]})
    v = np.ones(4) / 2
    picked = greedy_select(cand, {"ml": 1, "dl": 1, "py": 1}, set(), {"a": v, "b": v, "c": np.array([1.0, 0, 0, 0])}, top=2)
    assert picked["course_id"].tolist() == ["a", "c"]


def test_path_order_goes_from_foundations_to_advanced(course_db):
    items = recommend(store.connect(course_db), ml_role(), top=10, order="path")
    order = {"beginner": 0, None: 1, "mixed": 1, "intermediate": 2, "advanced": 3}
    levels = [order[c["level"]] for c in items]
    assert levels == sorted(levels) and [c["path_position"] for c in items] == list(range(1, len(items) + 1))


def test_role_without_any_taught_skill_gets_nothing(course_db):
    role = ml_role()
    role.skills = role.skills.assign(skill_id=["x1", "x2", "x3", "x4", "x5", "x6"])
    assert recommend(store.connect(course_db), role, top=10) == []


def test_resolve_role_by_slug_title_alias_and_unknown(course_db):
    con = store.connect(course_db)
    assert resolve_slug(con, "machine-learning-engineer")[0] == "machine-learning-engineer"
    assert resolve_slug(con, "Machine learning engineer")[0] == "machine-learning-engineer"
    assert resolve_slug(con, "ml engineer")[0] == "machine-learning-engineer"
    with pytest.raises(InputError):
        resolve_slug(con, "zzz quantum basket weaver")


def test_why_is_one_sentence_naming_skills():
    s = why(["Python", "SQL", "statistics", "Tableau"], 2, "beginner", 12.0)
    assert s.startswith("Teaches Python, SQL and statistics (+1 more), 2 of the role's core skills")
    assert s.count(".") == 1 and s.endswith(".")


def test_why_names_one_of_two_skills_that_say_the_same():
    s = why(["machine learning", "Python", "utilise machine learning", "TensorFlow", "SQL"], 2, "beginner", 12.0)
    assert s.startswith("Teaches machine learning, Python and TensorFlow (+2 more)")


def test_a_certificate_listed_with_and_without_its_kind_appears_once():
    from careerpath.recommend.items import dedupe

    df = pd.DataFrame({
        "course_id": ["a", "b", "c", "d", "e", "f"],
        "title": ["IBM Data Engineering", "IBM Data Engineering Professional Certificate", "Databases Specialization",
                  "Databases", "Python Specialization", "Python"],
        "provider": ["IBM", "IBM", "CU", "CU", "CU", "CU"],
        # a plain course whose title ends in "Specialization" is not the same as one without the word
        "certificate_type": ["professional certificate", "professional certificate", "specialization", "specialization",
                             "course", "course"],
        "duplicate_group": [None] * 6, "score": [0.9, 0.8, 0.7, 0.75, 0.5, 0.4]})
    assert sorted(dedupe(df)["course_id"]) == ["a", "d", "e", "f"]
