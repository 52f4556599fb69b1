"""Topic browsing: named topics with counts, courses of a topic, filters, unknown topics."""

from __future__ import annotations

import pytest

from careerpath import store
from careerpath.errors import InputError
from careerpath.recommend.filters import Filters
from careerpath.recommend.topics import courses_for_topic, list_topics, subject_name


def test_subjects_are_named_readably():
    assert subject_name("DataScience") == "Data Science"
    assert subject_name("Musical Instruments") == "Music"
    assert subject_name("  ") is None and subject_name(None) is None


def test_topics_have_counts(course_db):
    topics = {t["id"]: t for t in list_topics(store.connect(course_db))}
    assert topics["data-science"]["n_courses"] >= 2 and topics["data-science"]["kind"] == "subject"
    assert topics["health"]["n_courses"] == 1


def test_courses_for_topic(course_db):
    con = store.connect(course_db)
    items = courses_for_topic(con, "data science")
    ids = [c["course_id"] for c in items]
    assert {"c:ml", "c:dl"} <= set(ids) and "c:yoga" not in ids
    assert courses_for_topic(con, "DataScience")[0]["course_id"] == items[0]["course_id"]
    assert all(c["why"] for c in items)
    assert [c["course_id"] for c in courses_for_topic(con, "data-science", Filters(level="advanced"))] == ["c:dl"]


def test_unknown_topic_is_an_input_error(course_db):
    with pytest.raises(InputError, match="unknown topic"):
        courses_for_topic(store.connect(course_db), "underwater basket weaving")
