"""A test-preparation course claims no skill whose name has a test word (`claims.exam_sense`): there the words name the
test it prepares for ("real test materials from past tests"), not testing."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from careerpath import store
from careerpath.recommend import claims
from careerpath.recommend.vectors import load_course_skills


@pytest.mark.parametrize("title", [
    "TOEFL® Test Preparation: The Insider’s Guide", "Practice Exam for CAPM Certification", "Exam Prep AZ-104: Azure",
    "ITIL 4 Exam Preparation", "Practice Exams for CompTIA A+ Certification", "Fundamentals of Engineering Exam Review",
    "Learn Chinese: HSK Test Preparation", "Capstone and Practice Exam (AZ-500)", "Mock Test for the GRE"])
def test_test_preparation_titles(title):
    assert claims.exam_prep(title)


@pytest.mark.parametrize("title", [
    "Introduction to Software Testing", "Use Python Unit Test to Demonstrate TDD", "Hypotheses Testing in Econometrics",
    "Exam Anxiety and How to Beat It Anyway", "Test Automation with Selenium", "Practice of Statistics", None, ""])
def test_other_titles_are_no_test_preparation(title):
    assert not claims.exam_prep(title)


def test_exam_sense_rows():
    titles = {"prep": "TOEFL Test Preparation", "swt": "Introduction to Software Testing"}
    names = {"tm": "test materials", "dtp": "develop test procedures", "eng": "English", "st": "software testing",
             "latest": "contest management"}
    rows = pd.DataFrame({"course_id": ["prep", "prep", "prep", "prep", "swt", "swt"],
                         "skill_id": ["tm", "dtp", "eng", "latest", "st", "dtp"]})
    got = claims.exam_sense(rows["course_id"], rows["skill_id"], titles, names).tolist()
    # a test word in a test-preparation course only; "contest" is no test word; a software-testing course keeps its skills
    assert got == [True, True, False, False, False, False]


def test_off(monkeypatch):
    monkeypatch.setattr(claims, "EXAM_PREP", None)
    assert not claims.exam_prep("TOEFL Test Preparation")
    assert not claims.exam_sense(pd.Series(["a"]), pd.Series(["tm"]), {"a": "TOEFL Test Preparation"},
                                 {"tm": "test materials"}).any()


def _store(path):
    with duckdb.connect(str(path)) as con:
        store.write_table(con, "courses", pd.DataFrame({
            "course_id": ["prep", "swt"], "title": ["TOEFL® Test Preparation", "Introduction to Software Testing"]}))
        store.write_table(con, "skills", pd.DataFrame({
            "skill_id": ["tm", "eng", "st"], "name": ["test materials", "English", "software testing"]}))
        store.write_table(con, "course_skills", pd.DataFrame({
            "course_id": ["prep", "prep", "swt"], "skill_id": ["tm", "eng", "st"], "score": [0.9, 0.9, 1.0],
            "spans": ["[[40, 54]]", "[[0, 7]]", "[[16, 32]]"], "method": ["lexical"] * 3,
            "evidence": ["description", "description", "title"]}))
    return path


def test_load_course_skills_drops_the_test_words_of_test_preparation(tmp_path, monkeypatch):
    db = _store(tmp_path / "c.duckdb")
    with duckdb.connect(str(db), read_only=True) as con:
        got = set(zip(load_course_skills(con)["course_id"], load_course_skills(con)["skill_id"]))
        assert got == {("prep", "eng"), ("swt", "st")}
        monkeypatch.setattr(claims, "EXAM_PREP", None)
        assert set(zip(load_course_skills(con)["course_id"], load_course_skills(con)["skill_id"])) == got | {("prep", "tm")}
