"""Degree programmes of another discipline (recommend.discipline): "Master of Science in Electrical Engineering" is
not a course for civil or mechanical engineers, though its text and skills put it next to any engineer."""

from __future__ import annotations

import pandas as pd
import pytest

from careerpath.recommend import discipline
from careerpath.recommend.discipline import degree_field, drop_other_disciplines, other_discipline

CIVIL_TEXT = ("Civil Engineers. Perform engineering duties in planning, designing, and overseeing construction and "
              "maintenance of building structures and facilities. Skills: electrical engineering, AutoCAD.")


@pytest.mark.parametrize("title, field", [
    ("Master of Science in Electrical Engineering", ["electrical", "engineering"]),
    ("Master of Engineering in Computer Engineering", ["computer", "engineering"]),
    ("Bachelor of Science in Computer Science", ["computer", "science"]),
    ("MS in Management: Healthcare", ["management"]),
    ("Master of Public Health", ["public", "health"]),
    ("Electrical Engineering Basics", None),
    ("Mastering Excel", None),
    (None, None),
])
def test_the_field_of_a_degree_title(title, field):
    assert degree_field(title) == field


def test_another_branch_of_the_roles_discipline_is_out():
    assert other_discipline("Master of Science in Electrical Engineering", "Civil Engineers", CIVIL_TEXT)
    assert other_discipline("Master of Science in Civil Engineering", "Mechanical Engineers", None)
    systems = "Computer Systems Engineers/Architects"
    assert other_discipline("Master of Science in Electrical Engineering", systems, None)


def test_the_roles_own_branch_and_other_disciplines_stay():
    assert not other_discipline("Master of Science in Civil Engineering", "Civil Engineers", CIVIL_TEXT)
    systems = "Computer Systems Engineers/Architects"
    assert not other_discipline("Master of Engineering in Computer Engineering", systems, None)  # in the title
    assert not other_discipline("Master of Science in Construction Management", "Civil Engineers", CIVIL_TEXT)
    assert not other_discipline("Master of Engineering in Engineering Management", "Mechanical Engineers", None)
    assert not other_discipline("Master of Advanced Study in Engineering", "Mechanical Engineers", None)
    assert not other_discipline("Master of Science in Electrical Engineering", "Electricians", None)  # not an engineer
    assert not other_discipline("Master of Science in Computer Science", "Data Scientists", None)  # not checked


def test_a_branch_named_in_the_roles_description_stays_but_not_one_named_only_in_its_skills():
    text = "Mining Engineers. Conduct sub-surface surveys; design electrical and ventilation systems."
    assert not other_discipline("Master of Science in Electrical Engineering", "Mining Engineers", text)
    # CIVIL_TEXT lists *electrical engineering* among the role's skills (an implied skill): that does not count
    assert other_discipline("Master of Science in Electrical Engineering", "Civil Engineers", CIVIL_TEXT)


def test_drop_other_disciplines_keeps_the_rest(monkeypatch):
    rel = pd.DataFrame({"course_id": ["ee", "ce", "cpm"], "relevance": [0.9, 0.8, 0.7]})
    titles = pd.Series({"ee": "Master of Science in Electrical Engineering",
                        "ce": "Master of Science in Civil Engineering", "cpm": "Construction Project Management"})
    assert drop_other_disciplines(rel, titles, "Civil Engineers", CIVIL_TEXT)["course_id"].tolist() == ["ce", "cpm"]
    monkeypatch.setattr(discipline, "DEGREE_DISCIPLINES", None)
    kept = drop_other_disciplines(rel, titles, "Civil Engineers", CIVIL_TEXT)["course_id"].tolist()
    assert kept == ["ee", "ce", "cpm"]
