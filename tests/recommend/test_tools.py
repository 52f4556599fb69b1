"""The role's tools (rank.anchor_tools, rank.tool_courses): O*NET in-demand technologies among the profile's top
skills, and the courses that teach one by name when nothing else passed (secretaries: Excel, Word)."""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd
import pytest

from careerpath.recommend import rank
from careerpath.recommend.relevance import Role, skill_specificity, weighted_role_skills
from careerpath.recommend.vectors import SkillVecs, _span_in_title, load_course_skills, load_role_tools

SLUG = "secretaries"


def _role(extra: dict | None = None) -> Role:
    rows = [("communication", "communication", 0.9, "soft_skill"), ("use-spreadsheets-software", "spreadsheets", 0.4, "software"),
            ("organise", "apply organisational techniques", 0.3, "skill"), ("word", "word processing", 0.2, "software"),
            ("sql", "SQL", 0.1, "software")]
    skills = pd.DataFrame(rows, columns=["skill_id", "name", "importance", "type"]).assign(core=False)
    return Role(SLUG, "Secretaries", skills, text="Secretaries.", extra=extra or {})


def _vecs(tools: set[str]) -> SkillVecs:
    return SkillVecs([], np.zeros((0, 4), dtype=np.float32), {}, [SLUG, "other"], np.eye(2, 4, dtype=np.float32),
                     role_tools={SLUG: tools})


def test_span_in_title_needs_whole_words_inside_the_title():
    title = "Excel Skills for Business"
    assert _span_in_title("[[0, 5]]", title)
    assert not _span_in_title("[[1, 5]]", title)  # cuts "Excel": the offset was counted in another text
    assert not _span_in_title("[[30, 40]]", title)  # past the title: found in the description
    assert not _span_in_title("[]", title) and not _span_in_title("not json", title) and not _span_in_title(None, title)
    assert _span_in_title("[[40, 50], [6, 12]]", title)  # any pair will do
    # with the skill's names, the span must read as one of them
    assert _span_in_title("[[0, 5]]", title, {"excel", "microsoft excel"})
    assert not _span_in_title("[[6, 12]]", title, {"excel", "microsoft excel"})  # "Skills": an offset from elsewhere


def test_anchor_tools_are_in_demand_and_among_the_profiles_top_skills(monkeypatch):
    vecs = _vecs({"use-spreadsheets-software", "word", "sql"})
    assert rank.anchor_tools(_role(), vecs) == ["use-spreadsheets-software", "word", "sql"]  # importance order
    monkeypatch.setattr(rank, "TOOL_TOP", 3)
    assert rank.anchor_tools(_role(), vecs) == ["use-spreadsheets-software"]  # word is 4th, sql 5th
    # a skill the ranker added (O*NET, implied, feedback) is not the role's own evidence
    assert rank.anchor_tools(_role({"onet": ["use-spreadsheets-software"]}), vecs) == ["word"]  # word moves up
    assert rank.anchor_tools(_role(), _vecs(set())) == []  # O*NET flags none for this occupation
    monkeypatch.setattr(rank, "TOOL_TOP", None)
    assert rank.anchor_tools(_role(), vecs) == []  # off


def test_onet_rating_ids_take_no_place_among_the_top_skills(monkeypatch):
    """A profile resting on O*NET lists its rated knowledge and skill areas ("onet:2.C.1.b") first; they are no tool
    and must not push the tools the postings name out of the TOOL_TOP (data entry keyers: Word 16th behind them)."""
    rows = [(f"onet:2.C.{i}", f"area {i}", 0.9 - i / 100, "knowledge") for i in range(3)]
    rows += [("use-spreadsheets-software", "spreadsheets", 0.5, "software"), ("word", "word processing", 0.4, "software")]
    skills = pd.DataFrame(rows, columns=["skill_id", "name", "importance", "type"]).assign(core=False)
    role = Role(SLUG, "Secretaries", skills, text="Secretaries.")
    vecs = _vecs({"use-spreadsheets-software", "word"})
    monkeypatch.setattr(rank, "TOOL_TOP", 2)
    assert rank.anchor_tools(role, vecs) == ["use-spreadsheets-software", "word"]
    monkeypatch.setattr(rank, "TOOLS_SKIP_ONET_IDS", False)
    assert rank.anchor_tools(role, vecs) == []  # the O*NET areas fill the top 2


def _course_skills() -> pd.DataFrame:
    return pd.DataFrame([
        ("c:excel", "use-spreadsheets-software", 1.0, True),   # "Excel Skills for Business"
        ("c:word", "word", 1.0, True),                         # "Getting Started with Microsoft Word"
        ("c:word", "organise", 0.8, False),
        ("c:analytics", "use-spreadsheets-software", 1.0, False),  # top-rated, names the tool in its body only
        ("c:yoga", "communication", 1.0, True),                 # in title, but not a tool
    ], columns=["course_id", "skill_id", "score", "in_title"])


def _rs(role: Role) -> pd.DataFrame:
    return weighted_role_skills(role, skill_specificity(_course_skills(), 100))


def test_tool_courses_fill_an_empty_list_with_courses_naming_a_tool():
    role = _role()
    raw = pd.Series({"c:excel": 0.4, "c:word": 0.3, "c:analytics": 0.6, "c:yoga": 0.5})
    empty = pd.DataFrame(columns=["course_id", "relevance", "coverage", "covers", "covers_ids", "core_ids"])
    out = rank.tool_courses(empty, ["use-spreadsheets-software", "word"], _course_skills(), _rs(role), raw)
    assert set(out["course_id"]) == {"c:excel", "c:word"}  # not the body-only course, not the non-tool one
    assert out["tool"].all() and (out["relevance"] > 0).all()
    assert out["relevance"].is_monotonic_decreasing
    word = out.set_index("course_id").loc["c:word"]
    assert set(word["covers_ids"]) == {"word", "organise"}  # what it covers of the role, for the why sentence


def test_tool_courses_leave_a_list_that_passed_alone_and_follow_a_short_one(monkeypatch):
    role = _role()
    raw = pd.Series({"c:excel": 0.4, "c:word": 0.3})
    rel = pd.DataFrame({"course_id": ["c:own"], "relevance": [0.2], "coverage": [0.5], "covers": [["x"]],
                        "covers_ids": [["organise"]], "core_ids": [[]]})
    assert rank.tool_courses(rel, ["use-spreadsheets-software"], _course_skills(), _rs(role), raw) is rel
    monkeypatch.setattr(rank, "TOOL_FILL_BELOW", 10)
    out = rank.tool_courses(rel, ["use-spreadsheets-software", "word"], _course_skills(), _rs(role), raw)
    assert out["course_id"].iloc[0] == "c:own"  # the course that passed every check stays first
    assert (out["relevance"].iloc[1:] < 0.2).all() and len(out) == 3
    assert rank.tool_courses(rel, [], _course_skills(), _rs(role), raw) is rel  # no tools: nothing added
    assert rank.tool_courses(rel, ["word"], _course_skills().drop(columns="in_title"), _rs(role), raw) is rel


def test_load_role_tools_maps_in_demand_examples_through_aliases():
    con = duckdb.connect()
    con.execute("CREATE TABLE role_occupations AS SELECT * FROM (VALUES ('secretaries', '43-6014.00', 1.0), "
                "('nurses', '29-1141.00', 1.0)) t(slug, soc_code, weight)")
    con.execute("CREATE TABLE onet_technology_skills AS SELECT * FROM (VALUES "
                "('43-6014.00', 'Microsoft Excel', true), ('43-6014.00', 'Microsoft Outlook', true), "
                "('43-6014.00', 'Slack', false), ('29-1141.00', 'Microsoft Excel', false)) t(soc_code, example, in_demand)")
    con.execute("CREATE TABLE skills AS SELECT * FROM (VALUES "
                "('use-spreadsheets-software', 'use spreadsheets software', ['Microsoft Excel', 'Excel']), "
                "('microsoft-outlook', 'Microsoft Outlook', []), ('slack', 'Slack', [])) t(skill_id, name, aliases)")
    tools = load_role_tools(con)
    assert tools == {"secretaries": {"use-spreadsheets-software", "microsoft-outlook"}}  # not Slack; nurses: none


def test_load_course_skills_marks_title_evidence():
    con = duckdb.connect()
    con.execute("CREATE TABLE courses AS SELECT * FROM (VALUES ('a', 'Excel Skills for Business'), "
                "('b', 'Business Analytics')) t(course_id, title)")
    con.execute("CREATE TABLE skills AS SELECT * FROM (VALUES ('use-spreadsheets-software', 'use spreadsheets software', "
                "['Excel']), ('analytics', 'analytics', []), ('business', 'business', [])) t(skill_id, name, aliases)")
    con.execute("CREATE TABLE course_skills AS SELECT * FROM (VALUES "
                "('a', 'use-spreadsheets-software', 1.0, '[[0, 5]]', 'given', ''), "
                "('b', 'use-spreadsheets-software', 1.0, '[[40, 45]]', 'lexical', ''), "
                "('b', 'analytics', 0.7, '[[0, 30]]', 'semantic', ''), "
                "('b', 'business', 0.7, '[[9, 18]]', 'lexical', '')) t(course_id, skill_id, score, spans, method, evidence)")
    cs = load_course_skills(con).set_index(["course_id", "skill_id"])["in_title"]
    assert cs[("a", "use-spreadsheets-software")]
    assert not cs[("b", "use-spreadsheets-software")]  # in the description
    assert not cs[("b", "analytics")]  # a semantic match's span is the whole sentence, not a name
    assert not cs[("b", "business")]  # whole words of the title ("Analytics"), but not the skill's name


@pytest.mark.slow
def test_secretaries_learn_their_office_tools(full_con):
    """Secretaries had no list (c17): their Word and Excel courses sit closer to data roles, and nothing passed.
    With the role's tools, each course listed names one of them in its title; a role whose occupation O*NET flags
    no in-demand tool among its top skills (occupational therapists) still gets no padded list."""
    from careerpath.recommend import recommend_for_role
    items = recommend_for_role(full_con, "secretaries-and-administrative-assistants-except-legal-medical-and-executive",
                               top=10)
    if not items:
        pytest.skip("this store's secretaries profile lists no in-demand tool among its top skills")
    assert all(any(w in c["title"].lower() for w in ("excel", "word", "office", "365", "spreadsheet", "outlook",
                                                     "powerpoint", "sheets")) for c in items), \
        [c["title"] for c in items]
