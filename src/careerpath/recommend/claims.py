"""Course skills that a course claims in another sense than the skill's (`exam_sense`).

A course that prepares for a test ("TOEFL Test Preparation", "Practice Exam for CAPM Certification", "Exam Prep
AZ-104") uses *test* and *exam* for the test it prepares for: "real test materials from past tests", "CAPM Mock
Test". A skill whose name says testing or examining (*test materials*, *develop test procedures*, *perform sample
testing*) is then found in it by that word, lexically or by a semantic match anchored on it (`discipline.
anchored_matches`), and the course entered inspectors' and testers' lists (c31, bench/README.md). Such a course
claims no skill whose name has a test word. EXAM_PREP None: off.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

# A title that says the course prepares for a test: "Test Preparation", "Exam Prep", "Practice Exam(s)", "Mock Test",
# "Exam Review".
EXAM_PREP: re.Pattern | None = re.compile(
    r"\b(?:(?:tests?|exams?|examinations?)\s*:?\s+(?:prep|preparation|practice|review|simulator|simulation)"
    r"|(?:practice|mock|sample)\s+(?:tests?|exams?|examinations?))\b", re.IGNORECASE)
# A skill name that says testing or examining.
TEST_WORD = re.compile(r"\b(?:test|tests|testing|tester|testers|exam|exams|examination|examinations|examine|quiz)\b",
                       re.IGNORECASE)


def exam_prep(title: object) -> bool:
    """True when `title` says the course prepares for a test (EXAM_PREP)."""
    return EXAM_PREP is not None and isinstance(title, str) and bool(EXAM_PREP.search(title))


def exam_sense(course_ids: pd.Series, skill_ids: pd.Series, titles: dict[str, str] | pd.Series,
               names: dict[str, str] | pd.Series) -> np.ndarray:
    """Per (course, skill) row: True when the course prepares for a test and the skill's name has a test word."""
    if EXAM_PREP is None or not len(course_ids):
        return np.zeros(len(course_ids), dtype=bool)
    prep: dict[str, bool] = {}
    out = np.zeros(len(course_ids), dtype=bool)
    for i, (c, s) in enumerate(zip(course_ids.tolist(), skill_ids.astype(str).tolist())):
        p = prep.get(c)
        if p is None:
            p = prep[c] = exam_prep(titles.get(c))
        if p:
            n = names.get(s)
            out[i] = isinstance(n, str) and bool(TEST_WORD.search(n))
    return out
