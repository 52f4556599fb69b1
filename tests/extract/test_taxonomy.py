"""The skill taxonomy: ESCO backbone, O*NET and keyword lists merged in, stable ids, certifications."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from careerpath import store
from careerpath.extract.taxonomy import TYPES, _other_number, build_taxonomy, load_overrides

from .skills_fixtures import make_store, source_tables


@pytest.fixture(scope="module")
def tax_db(tmp_path_factory):
    return make_store(tmp_path_factory.mktemp("tax") / "s.duckdb")


def _skills(db) -> pd.DataFrame:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT * FROM skills").df()


def test_onet_python_links_to_esco_python(tax_db):
    df = _skills(tax_db)
    py = df[df.name == "Python (computer programming)"].iloc[0]
    assert py.skill_id == "python-computer-programming"
    assert py.esco_uri.endswith("ccd0a1d9-afda-43d9-b901-96344886e14d")
    assert {"esco", "onet-tech", "keywords"} <= set(py.sources)
    assert py.type == "software" and py.onet_hot and py.onet_in_demand
    assert not (df.name == "Python").any()  # merged, not duplicated


def test_keywords_and_onet_deduplicated(tax_db):
    df = _skills(tax_db)
    assert df.skill_id.is_unique
    assert (df.name == "R").sum() == 1 and (df.name == "SQL").sum() == 1
    spark = df[df.name == "Apache Spark"].iloc[0]  # keyword 'spark' joins O*NET "Apache Spark"
    assert "keywords" in spark.sources
    excel = df[df.name == "use spreadsheets software"].iloc[0]  # override link: Microsoft Excel = ESCO spreadsheets
    assert {"onet-tech", "keywords"} <= set(excel.sources)


def test_types_categories_and_certifications(tax_db):
    df = _skills(tax_db)
    assert set(df.type) <= set(TYPES)
    certs = set(df[df.type == "certification"].name)
    for name in ("Project Management Professional (PMP)", "CompTIA Security+",
                 "Certified Information Systems Security Professional (CISSP)", "Google Data Analytics Certificate"):
        assert name in certs
    assert df[df.name == "manage budgets"].iloc[0].type == "skill"
    assert df[df.name == "marketing principles"].iloc[0].type == "knowledge"
    assert df[df.name == "Go"].iloc[0].category == "Development environment software"


def test_onet_equipment_named_license_is_not_a_certification(tmp_path):
    """O*NET examples are software and tools; only free-text keyword names go through the certification pattern."""
    with store.building(tmp_path / "l.duckdb") as con:
        store.write_table(con, "onet_technology_skills", pd.DataFrame({
            "soc_code": ["13-1199.00"], "example": ["License management software"], "commodity_code": ["1"],
            "commodity_title": ["Compliance software"], "hot_technology": [False], "in_demand": [False]}))
        store.write_table(con, "onet_tools", pd.DataFrame({
            "soc_code": ["33-3051.00"], "example": ["License photo printers"], "commodity_code": ["2"],
            "commodity_title": ["Card printers"]}))
        store.write_table(con, "skill_keywords", pd.DataFrame({"name": ["Forklift license"], "type": ["certs"]}))
        build_taxonomy(con)
        types = dict(con.execute("SELECT name, type FROM skills").fetchall())
    assert types["License management software"] == "software"
    assert types["License photo printers"] == "tool"
    assert types["Forklift license"] == "certification"


def test_a_preferred_label_in_the_other_number_wins_over_another_concepts_alternate(tmp_path):
    """ESCO gives SAS the alternate "operating system"; O*NET's "Operating system software" (98 occupations) had
    linked through it to SAS, so SAS was a skill of slaughterers and "operating system software" in a posting
    extracted SAS. The concept named "operating systems" claims its singular first."""
    with store.building(tmp_path / "n.duckdb") as con:
        store.write_table(con, "esco_skills", pd.DataFrame({
            "uri": ["u:os", "u:sas", "u:lms"],
            "preferred_label": ["operating systems", "statistical analysis system software",
                                "learning management systems"],
            "alt_labels": [[], ["statistical analysis system", "operating system"], []],
            "definition": ["The features of operating systems.", "Software for statistics.", "Platforms."]}))
        store.write_table(con, "onet_technology_skills", pd.DataFrame({
            "soc_code": ["51-3023.00", "25-2021.00"], "example": ["Operating system software",
                                                                "Learning management system LMS"],
            "commodity_code": ["1", "2"], "commodity_title": ["Operating system software", "Education software"],
            "hot_technology": [False, False], "in_demand": [False, False]}))
        build_taxonomy(con)
        owner = dict(con.execute("SELECT a.norm, s.name FROM skill_aliases a JOIN skills s USING (skill_id)").fetchall())
    assert owner["operating system software"] == "operating systems"
    assert owner["learning management system lms"] == "learning management systems"
    assert owner["statistical analysis system"] == "statistical analysis system software"


def test_a_name_joins_a_concept_through_an_alternate_only_when_they_are_alike(tmp_path):
    """ESCO's alternates include a narrower concept's phrases: "work scheduling" on *manage time in fishery
    operations* took O*NET's "Work scheduling software" (25 occupations). A shared word or initials still join."""
    with store.building(tmp_path / "a.duckdb") as con:
        store.write_table(con, "esco_skills", pd.DataFrame({
            "uri": ["u:fish", "u:sql"], "preferred_label": ["manage time in fishery operations", "SQL"],
            "alt_labels": [["work scheduling"], ["structured query language"]],
            "definition": ["Plan work in fisheries.", "A query language."]}))
        store.write_table(con, "onet_technology_skills", pd.DataFrame({
            "soc_code": ["11-1021.00", "15-1243.00"], "example": ["Work scheduling software", "Structured query language SQL"],
            "commodity_code": ["1", "2"], "commodity_title": ["Time management software", "Database software"],
            "hot_technology": [False, True], "in_demand": [False, False]}))
        build_taxonomy(con)
        owner = dict(con.execute("SELECT a.norm, s.name FROM skill_aliases a JOIN skills s USING (skill_id)").fetchall())
    assert owner["work scheduling software"] == "Work scheduling software"
    assert owner["structured query language sql"] == "SQL"


@pytest.mark.parametrize("label, other", [
    ("operating systems", "operating system"), ("conduct chiropractic examination", "conduct chiropractic examinations"),
    ("data analysis", "data analyses"), ("manage inventory", "manage inventories"), ("biology", None),
    ("Python (computer programming)", None)])
def test_other_number_of_a_label(label, other):
    assert _other_number(label) == ([other] if other else [])


def test_ids_are_stable_across_rebuilds(tmp_path):
    a = _skills(make_store(tmp_path / "a.duckdb")).set_index("name").skill_id
    b = _skills(make_store(tmp_path / "b.duckdb")).set_index("name").skill_id
    assert a.to_dict() == b.to_dict()


def test_ambiguous_aliases_get_rules(tax_db):
    with duckdb.connect(str(tax_db), read_only=True) as con:
        rules = dict(con.execute("SELECT alias, rule FROM skill_aliases").fetchall())
        vetoes = dict(con.execute("SELECT alias, veto FROM skill_aliases WHERE veto IS NOT NULL").fetchall())
    assert rules["R"] == "context" and rules["Go"] == "context"
    assert "R" in vetoes and "Go" in vetoes
    assert rules.get("Clinical", "drop") == "drop"  # "Oracle Clinical" does not lend its everyday word


def test_overrides_file_is_package_data_and_well_formed():
    rows = load_overrides()
    assert {r["kind"] for r in rows} <= {"link", "alias", "rule", "type", "cert", "states", "category", "merge"}
    assert any(r["kind"] == "cert" and r["name"].startswith("CompTIA") for r in rows)
    # a `states` row names a certification of the table (the licence) and the competence it licenses, or (extra
    # "software") a product of the O*NET technology lists and the ESCO knowledge it states
    certs = {r["name"] for r in rows if r["kind"] == "cert"}
    assert all((r["name"] in certs or r.get("extra") == "software") and r["value"] for r in rows if r["kind"] == "states")
    assert any(r["kind"] == "states" and r.get("extra") == "software" for r in rows)
    # a `category` row names an O*NET commodity category and the ESCO concept its products state (seventeenth pass)
    assert all(r["name"].endswith("software") and r["value"] for r in rows if r["kind"] == "category")


def test_missing_tables_still_build(tmp_path):
    with store.building(tmp_path / "e.duckdb") as con:
        stats = build_taxonomy(con)  # only the hand-curated certifications
    assert stats.n_skills == stats.by_type.get("certification")


def test_real_onet_python_links_to_real_esco(real_taxonomy):
    """O*NET 'Python' and ESCO 'Python (computer programming)' from the real files are one skill."""
    with duckdb.connect(str(real_taxonomy), read_only=True) as con:
        rows = dict(con.execute("SELECT name, list_sort(sources) FROM skills WHERE 'onet-tech' IN sources").fetchall())
    for esco_name in ("Python (computer programming)", "R", "SQL", "Java (computer programming)", "use spreadsheets software"):
        assert esco_name in rows and "esco" in rows[esco_name], esco_name


def test_real_esco_general_concepts_keep_their_names(real_taxonomy):
    """The loader's label repair reaches the taxonomy: general concepts keep their short names."""
    with duckdb.connect(str(real_taxonomy), read_only=True) as con:
        by_name = dict(con.execute("SELECT name, esco_uri FROM skills WHERE esco_uri IS NOT NULL").fetchall())
    base = "http://data.europa.eu/esco/skill/"
    assert by_name["attend to detail"] == base + "83e6510b-ffeb-4aec-959c-4265fd0ff7b7"
    assert by_name["comply with regulations"] == base + "b618584f-6bdf-4d8f-89a7-f28c2c95afc2"
    assert by_name["provide information"] == base + "732cb4dd-af91-4c88-9a9f-5fc62144e500"
    assert {"data science", "data ethics", "blockchain", "business communication"} <= set(by_name)


def test_keyword_only_names_get_the_casing_sources_use(tmp_path):
    """The keyword list writes names in lower case; the display name takes the casing postings use most
    (seen 3+ times), else each word's casing in O*NET names. Ids stay the slugs of the lower-case key."""
    tables = source_tables()
    tables["skill_keywords"] = pd.concat([tables["skill_keywords"], pd.DataFrame(
        [(20, "databricks", "cloud"), (21, "sap", "analyst_tools"), (22, "matplotlib", "libraries"), (23, "zzfoo", "other"), (24, "zzbar", "other")],
        columns=["skill_id", "name", "type"])], ignore_index=True)
    tables["onet_technology_skills"] = pd.concat([tables["onet_technology_skills"], pd.DataFrame(
        [("15-1252.00", "SAP ERP", "43232306", "Enterprise resource planning ERP software", False, False)],
        columns=tables["onet_technology_skills"].columns)], ignore_index=True)
    text = ["We run Databricks jobs and plot with matplotlib.", "Databricks, matplotlib and SQL.",
            "DATABRICKS is a plus; matplotlib too.", "Databricks and Zzbar."]
    extra = pd.DataFrame([{"posting_id": f"c:{k}", "description": t, "skills_given": None, "duplicate_of": None}
                          for k, t in enumerate(text)])
    tables["postings"] = pd.concat([tables["postings"], extra], ignore_index=True)
    with store.building(tmp_path / "c.duckdb") as con:
        for name, df in tables.items():
            store.write_table(con, name, df)
        build_taxonomy(con)
        names = dict(con.execute("SELECT skill_id, name FROM skills").fetchall())
        cats = dict(con.execute("SELECT skill_id, category FROM skills").fetchall())
    # the keyword list's groups become readable categories (course topics are named by them); "other" is none
    assert (cats["databricks"], cats["matplotlib"], cats["zzfoo"]) == ("Cloud", "Software libraries", None)
    assert cats["sap"] == "Analyst tools"  # its own skill: O*NET names "SAP ERP"
    assert names["databricks"] == "Databricks"  # postings: 3 x "Databricks", 1 x "DATABRICKS"
    assert names["sap"] == "SAP"  # O*NET's "SAP ERP"
    assert names["matplotlib"] == "matplotlib"  # written in lower case everywhere
    assert names["zzfoo"] == "zzfoo"  # no evidence: unchanged
    assert names["zzbar"] == "zzbar"  # seen once cased: below the 3-mention floor


def test_single_word_tools_and_their_singulars_never_match_alone():
    """O*NET's tool "Rules" (rulers) once matched "Civil Service Rule" in 626 postings through its singular."""
    from careerpath.extract.taxonomy import _auto_rule

    common = {"rule", "mixer"}
    assert _auto_rule("Rules", "onet-tools", "tool", common) == "drop"
    assert _auto_rule("Rule", "singular", "tool", common) == "drop"
    assert _auto_rule("Accelerometer", "singular", "tool", common) == "none"  # a rare word names the tool
    assert _auto_rule("Folding rule", "singular", "tool", common) == "none"  # a name, not a word


def test_trailing_acronyms_match_in_capitals_and_bare_class_words_with_a_capital():
    from careerpath.extract.taxonomy import _auto_rule

    name = "Final approach spacing tool FAST"
    assert _auto_rule("FAST", "onet-tech", "software", set(), name) == "upper"
    # a product word that is no acronym of the words before it keeps the capital-letter rule ("Jira" is Jira)
    assert _auto_rule("JIRA", "onet-tech", "software", set(), "Atlassian JIRA") == "case"
    assert _auto_rule("Chat", "onet-tech", "software", set(), "Chat software") == "case"
    assert _auto_rule("Salesforce", "onet-tech", "software", set(), "Salesforce CRM") == "none"


def test_the_upper_rule_takes_only_capitals():
    from careerpath.extract.skills import ExtractConfig, SkillExtractor
    from careerpath.extract.skilltext import normalise_phrase

    skills = [{"skill_id": "fast", "name": "Final approach spacing tool FAST", "type": "software", "esco_uri": None,
               "category": None}]
    aliases = [{"skill_id": "fast", "norm": normalise_phrase("FAST"), "kind": "onet-tech", "rule": "upper", "veto": None}]
    ex = SkillExtractor(skills, aliases, config=ExtractConfig(semantic=False))
    assert [h.name for h in ex.extract("Uses FAST for arrival sequencing.")] == ["Final approach spacing tool FAST"]
    assert ex.extract("Fast-paced ward. Fast learner, fast turnaround.") == []


def test_a_tools_singular_that_names_another_skill_is_that_skill(tmp_path):
    """"Pig" in "Hive, Pig, Spark" had matched both Apache Pig and O*NET's pipe-cleaning "Pigs"; a singular that is a
    rare word and nobody else's name ("Harmonica") still names its tool."""
    with store.building(tmp_path / "p.duckdb") as con:
        store.write_table(con, "onet_technology_skills", pd.DataFrame({
            "soc_code": ["15-1243.00"], "example": ["Apache Pig"], "commodity_code": ["1"],
            "commodity_title": ["Data base management system software"], "hot_technology": [True], "in_demand": [False]}))
        store.write_table(con, "onet_tools", pd.DataFrame({
            "soc_code": ["47-2152.00", "27-2042.00"], "example": ["Pigs", "Harmonicas"], "commodity_code": ["2", "3"],
            "commodity_title": ["Drain or pipe cleaning equipment", "Woodwind instruments"]}))
        build_taxonomy(con)
        rows = con.execute("SELECT s.name, a.rule FROM skill_aliases a JOIN skills s USING (skill_id) "
                           "WHERE a.norm IN ('pig', 'harmonica')").fetchall()
    assert sorted(r[0] for r in rows if r[1] != "drop") == ["Apache Pig", "Harmonicas"]


@pytest.mark.parametrize("text, vetoed", [
    ("Experience of working within a GP surgery or reception role.", True),
    ("A busy dental surgery in Waterlooville.", True),
    ("Gyffin Surgery in Conwy has a vacancy.", True),
    ("Cover the full range of surgery hours.", True),
    ("Theatre nurse for cardiac surgery and day surgery lists.", False),
    ("Post-operative care after surgery.", False),
])
def test_a_british_surgery_that_is_a_practice_is_not_the_knowledge(text, vetoed):
    """Receptionists' and practice nurses' postings name the GP surgery they work in: not the surgeon's knowledge."""
    import re

    rule = next(r for r in load_overrides() if r["kind"] == "rule" and r["name"] == "surgery")
    veto = re.compile(rule["extra"])
    starts = [m.start() for m in re.finditer("(?i)surgery", text)]
    assert any(veto.match(text, s) for s in starts) is vetoed


def test_keyword_groups_read_as_words():
    from careerpath.extract.taxonomy import keyword_category

    assert keyword_category("analyst_tools") == "Analyst tools"
    assert keyword_category("webframeworks") == "Web frameworks"
    assert keyword_category("Other") is None
    assert keyword_category("big_data") == "Big data"  # a group the map does not know keeps its words
    assert keyword_category(None) is None and keyword_category("  ") is None
