"""Anchored semantic matches (discipline.anchored_matches): a course that only semantic skill matches let in must name
a matched skill, by a word of its name or of one of its alternative labels."""

from __future__ import annotations

import pandas as pd

from careerpath.recommend import discipline
from careerpath.recommend.discipline import anchor_words, anchored_matches, course_anchor_text, names_course


def test_anchor_words_leave_out_short_and_generic_words():
    assert anchor_words("supervise housekeeping operations") == {"supervise", "housekeeping"}
    assert anchor_words("use a map") == {"map"}
    assert anchor_words(None) == set()


def test_a_look_alike_word_is_no_anchor_but_plurals_and_compounds_are():
    course = course_anchor_text("Bookkeeping Made Easy")
    assert not names_course(anchor_words("supervise housekeeping operations"), course)
    assert names_course(anchor_words("multidisciplinary team"), course_anchor_text("Coaching and mentoring teams"))
    assert names_course(anchor_words("organise homecare for patients"), course_anchor_text("Assisting in Home Care"))
    assert not names_course(anchor_words("rehabilitation"), course_anchor_text("Healing with the Arts"))


def test_anchored_matches_keep_named_skills_and_skills_without_anchor_words():
    sem = pd.DataFrame({"course_id": ["book", "power", "book"], "skill_id": ["housekeeping", "electricity", "manage"],
                        "score": 0.4})
    words = {"housekeeping": anchor_words("supervise housekeeping operations"),
             "electricity": anchor_words("electricity") | anchor_words("electrical power"),  # name and an alias
             "manage": anchor_words("manage operations")}  # nothing to check
    courses = {"book": course_anchor_text("Bookkeeping Made Easy"),
               "power": course_anchor_text("Electrical Power Distribution")}
    out = anchored_matches(sem, words, courses)
    assert list(zip(out["course_id"], out["skill_id"])) == [("power", "electricity"), ("book", "manage")]


def test_anchored_matches_off(monkeypatch):
    sem = pd.DataFrame({"course_id": ["book"], "skill_id": ["housekeeping"], "score": 0.4})
    monkeypatch.setattr(discipline, "ANCHOR_MIN_LEN", None)
    assert len(anchored_matches(sem, {"housekeeping": {"housekeeping"}}, {"book": ({"bookk"}, "bookkeeping")})) == 1
