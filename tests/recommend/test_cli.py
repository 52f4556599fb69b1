"""`careerpath courses` as a user runs it: JSON fields, topics, exit codes."""

from __future__ import annotations

import json

import pandas as pd
from click.testing import CliRunner

from careerpath import store
from careerpath.commands.courses import courses_command
from careerpath.errors import CareerpathError

from .conftest import ROLE_SKILLS


def _run(*args):
    res = CliRunner().invoke(courses_command, list(args))
    return res


def _with_profile(db):
    prof = {"role": {"slug": "machine-learning-engineer", "title": "Machine Learning Engineer"},
            "skills": {"evidence_text": "test", "items": [
                {"id": s, "name": n, "importance": i, "core": c, "type": t, "rank": k}
                for k, (s, n, i, c, t) in enumerate(ROLE_SKILLS, 1)]},
            "what_they_do": {"summary": "Builds machine learning systems in Python.", "tasks": []}}
    with store.building(db, start_from_current=True) as con:
        store.write_table(con, "profiles", pd.DataFrame({"slug": ["machine-learning-engineer"], "json": [json.dumps(prof)]}))


def test_courses_for_a_role_as_json(course_db, monkeypatch):
    monkeypatch.setattr("careerpath.recommend.roles.import_module", _no_profile_module)
    _with_profile(course_db)
    res = _run("ML engineer", "--top", "3", "--json", "--db", str(course_db))
    assert res.exit_code == 0, res.output
    items = json.loads(res.output)
    assert 1 <= len(items) <= 3 and "c:yoga" not in [c["course_id"] for c in items]
    assert {"course_id", "title", "provider", "url", "level", "hours", "rating", "n_ratings", "quality",
            "relevance", "covers", "why"} <= set(items[0])


def test_topics_and_topic(course_db):
    res = _run("--topics", "--json", "--db", str(course_db))
    assert res.exit_code == 0 and any(t["id"] == "data-science" for t in json.loads(res.output))
    res = _run("--topic", "Data Science", "--json", "--db", str(course_db))
    assert res.exit_code == 0 and json.loads(res.output)


def test_unknown_role_and_topic_are_input_errors(course_db):
    res = _run("--topic", "underwater basket weaving", "--json", "--db", str(course_db))
    assert isinstance(res.exception, CareerpathError) and res.exception.exit_code == 2
    res = _run("--json", "--db", str(course_db))  # neither role nor topic
    assert isinstance(res.exception, CareerpathError) and res.exception.exit_code == 2


def _no_profile_module(name):
    raise ImportError(name)
