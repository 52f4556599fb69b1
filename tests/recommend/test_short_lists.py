"""Tenth pass: a role whose best candidate is not clearly about it gets no list (`rank.nothing_close`); every place
that shows a list says so when it is short or empty (`recommend.notes.course_list_note`); the role's O*NET tasks are a
second way through the raw-cosine floor (`rank.passes_raw_floor`, `index.role_task_texts`)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from click.testing import CliRunner

from careerpath.commands.courses import courses_command
from careerpath.recommend import rank
from careerpath.recommend.notes import course_list_note
from careerpath.recommend.rank import drop_thin_misfits, nothing_close, passes_raw_floor

from .test_cli import _no_profile_module, _with_profile


def test_a_list_whose_best_course_is_not_clearly_about_the_role_is_empty(monkeypatch):
    """Product inspectors: software-testing courses passed on "develop test procedures", the best at contrast 0.33."""
    monkeypatch.setattr(rank, "MIN_BEST_CONTRAST", 0.35)
    weak = pd.DataFrame({"course_id": ["tdd", "unit-tests"], "contrast": [0.33, 0.30], "relevance": [0.5, 0.4]})
    assert nothing_close(weak).empty
    strong = weak.assign(contrast=[0.37, 0.28])  # plumbers: one course clearly about the trade keeps the list whole
    assert nothing_close(strong)["course_id"].tolist() == ["tdd", "unit-tests"]
    monkeypatch.setattr(rank, "MIN_BEST_CONTRAST", None)
    assert len(nothing_close(weak)) == 2
    monkeypatch.setattr(rank, "MIN_BEST_CONTRAST", 0.35)
    assert len(nothing_close(weak.drop(columns="contrast"))) == 2  # no role vectors: no contrast, no check


def test_the_note_says_how_many_the_catalog_has():
    assert course_list_note(10, 10) is None and course_list_note(12, 10) is None
    assert course_list_note(3, 10) == ("The catalog has only 3 courses that teach this role's skills closely enough "
                                       "to recommend; the list is not padded with weaker matches.")
    assert "only 1 course that teaches" in course_list_note(1, 10)
    assert course_list_note(0, 10).startswith("The catalog has no course that teaches this role's skills")
    assert "no course with these filters" in course_list_note(0, 10, filtered=True)
    assert "only 2 courses with these filters" in course_list_note(2, 10, filtered=True)


def test_cli_says_when_the_list_is_short_or_empty(course_db, monkeypatch):
    monkeypatch.setattr("careerpath.recommend.roles.import_module", _no_profile_module)
    _with_profile(course_db)
    res = CliRunner().invoke(courses_command, ["ML engineer", "--top", "100", "--db", str(course_db)])
    assert res.exit_code == 0, res.output
    n = sum(1 for line in res.output.splitlines() if line[:3].strip().rstrip(".").isdigit())
    assert 0 < n < 100 and f"The catalog has only {n} course" in res.output
    res = CliRunner().invoke(courses_command, ["ML engineer", "--top", str(n), "--db", str(course_db)])
    assert "The catalog has" not in res.output  # a full list has no note
    monkeypatch.setattr(rank, "recommend", lambda *a, **k: [])
    res = CliRunner().invoke(courses_command, ["ML engineer", "--db", str(course_db)])
    assert res.exit_code == 0 and "The catalog has no course that teaches this role's skills" in res.output
    res = CliRunner().invoke(courses_command, ["ML engineer", "--free", "--db", str(course_db)])
    assert "The catalog has no course with these filters" in res.output


def test_the_task_anchor_is_a_second_way_through_the_raw_floor(monkeypatch):
    """Logisticians: "Supply Chain Management" misses the raw floor on the role's views (0.29) but is close to its
    O*NET tasks; a course far from both stays out, and without a task vector nothing changes."""
    monkeypatch.setattr(rank, "CONTRAST_RAW_FLOOR", 0.3)
    monkeypatch.setattr(rank, "TASK_ANCHOR_FLOOR", 0.33)
    task = np.array([1.0, 0.0], dtype=np.float32)
    vecs = {"scm": np.array([0.6, 0.8], dtype=np.float32), "regression": np.array([0.2, 0.98], dtype=np.float32),
            "close": np.array([0.0, 1.0], dtype=np.float32)}
    rel = pd.DataFrame({"course_id": ["scm", "regression", "close"], "cosine": [0.29, 0.29, 0.45]})
    assert passes_raw_floor(rel, vecs, task).tolist() == [True, False, True]
    assert passes_raw_floor(rel, vecs, None).tolist() == [False, False, True]
    monkeypatch.setattr(rank, "TASK_ANCHOR_FLOOR", None)
    assert passes_raw_floor(rel, vecs, task).tolist() == [False, False, True]


def test_the_task_anchor_is_the_views_raw_floor():
    """One raw floor whichever of the role's texts a course reaches it on: radiologic technologists' "AnatomyX"
    sits at 0.28 to the role's views and 0.326 to its O*NET tasks (out at the earlier 0.33)."""
    task = np.array([1.0, 0.0], dtype=np.float32)
    vecs = {"anatomy": np.array([0.326, 0.945], dtype=np.float32), "far": np.array([0.29, 0.957], dtype=np.float32)}
    rel = pd.DataFrame({"course_id": ["anatomy", "far"], "cosine": [0.28, 0.28]})
    assert passes_raw_floor(rel, vecs, task).tolist() == [True, False]


def test_role_task_text_is_the_occupation_description_and_first_tasks():
    import duckdb

    from careerpath.recommend.index import role_task_texts

    con = duckdb.connect()
    con.execute("CREATE TABLE roles (slug VARCHAR, title VARCHAR, soc_code VARCHAR)")
    con.execute("INSERT INTO roles VALUES ('logisticians', 'Logisticians', '13-1081.00'), ('x', 'X', NULL)")
    con.execute("CREATE TABLE onet_occupations (soc_code VARCHAR, description VARCHAR)")
    con.execute("INSERT INTO onet_occupations VALUES ('13-1081.00', 'Coordinate logistics.')")
    con.execute("CREATE TABLE onet_tasks (soc_code VARCHAR, task_id INTEGER, task VARCHAR, task_type VARCHAR)")
    con.execute("INSERT INTO onet_tasks VALUES ('13-1081.00', 2, 'Plan routes.', 'Supplemental'),"
                " ('13-1081.00', 3, 'Manage suppliers.', 'Core'), ('13-1081.00', 1, 'Track stock.', 'Core')")
    assert role_task_texts(con, ["logisticians", "x"]) == {
        "logisticians": "Coordinate logistics. Track stock. Manage suppliers. Plan routes."}


def test_a_thin_course_that_other_roles_fit_better_is_out(monkeypatch):
    monkeypatch.setattr(rank, "THIN_COVERAGE", 0.05)
    monkeypatch.setattr(rank, "THIN_MAX_ROLE_RANK", 30)
    rel = pd.DataFrame({"course_id": ["ops-analytics", "vetting", "broad"], "coverage": [0.04, 0.04, 0.3],
                        "role_rank": [43, 2, 60]})
    assert drop_thin_misfits(rel)["course_id"].tolist() == ["vetting", "broad"]
    monkeypatch.setattr(rank, "THIN_MAX_ROLE_RANK", None)
    assert len(drop_thin_misfits(rel)) == 3
