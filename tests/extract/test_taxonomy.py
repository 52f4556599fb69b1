"""The skill taxonomy: ESCO backbone, O*NET and keyword lists merged in, stable ids, certifications."""

from __future__ import annotations

import csv
import io

import duckdb
import pandas as pd
import pytest

from careerpath import store
from careerpath.extract.taxonomy import TYPES, build_taxonomy, load_overrides

from .skills_fixtures import SHARED_DATA, make_store, source_tables


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
    assert {r["kind"] for r in rows} <= {"link", "alias", "rule", "type", "cert"}
    assert any(r["kind"] == "cert" and r["name"].startswith("CompTIA") for r in rows)


def test_missing_tables_still_build(tmp_path):
    with store.building(tmp_path / "e.duckdb") as con:
        stats = build_taxonomy(con)  # only the hand-curated certifications
    assert stats.n_skills == stats.by_type.get("certification")


@pytest.mark.skipif(not (SHARED_DATA / "onet" / "Technology Skills.txt").is_file(), reason="../shared/data missing")
def test_real_onet_python_links_to_real_esco(tmp_path):
    """O*NET 'Python' and ESCO 'Python (computer programming)' from the real files are one skill."""
    from careerpath.sources import esco

    loaded = esco.load(SHARED_DATA)
    esco_df = next(r.tables["esco_skills"] for r in loaded if "esco_skills" in r.tables)
    tech = pd.read_csv(SHARED_DATA / "onet" / "Technology Skills.txt", sep="\t", dtype=str)
    tech = tech[tech["Example"].isin(["Python", "R", "Structured query language SQL", "Microsoft Excel", "Oracle Java"])]
    tech = pd.DataFrame({"soc_code": tech["O*NET-SOC Code"], "example": tech["Example"], "commodity_code": tech["Commodity Code"],
                         "commodity_title": tech["Commodity Title"], "hot_technology": tech["Hot Technology"] == "Y",
                         "in_demand": tech["In Demand"] == "Y"})
    with store.building(tmp_path / "r.duckdb") as con:
        store.write_table(con, "esco_skills", esco_df)
        store.write_table(con, "onet_technology_skills", tech)
        build_taxonomy(con)
        rows = dict(con.execute("SELECT name, list_sort(sources) FROM skills WHERE 'onet-tech' IN sources").fetchall())
    for esco_name in ("Python (computer programming)", "R", "SQL", "Java (computer programming)", "use spreadsheets software"):
        assert esco_name in rows and "esco" in rows[esco_name], esco_name


def test_truncated_esco_labels_are_repaired(tmp_path):
    """Two ESCO concepts that share a label because the narrow one's label was cut short (its tail became
    the first alternative label): the general concept keeps the name and the id. Run-on labels (label and
    alternative labels in one string) are split at the repeated prefix."""
    from .skills_fixtures import source_tables

    tables = source_tables()
    extra = [
        {"uri": "u:detail-audits", "preferred_label": "attend to detail",
         "alt_labels": ["in preparation for audits", "ensure continuous preparedness for audits"],
         "definition": "Ensure constant compliance with standards, keeping certifications up to date.", "label_method": "label_file"},
        {"uri": "u:detail", "preferred_label": "attend to detail", "alt_labels": ["work meticulously"],
         "definition": "Accomplish a task with concern for all the areas involved, no matter how small.", "label_method": "label_file"},
        {"uri": "u:ethics", "preferred_label": "data ethics principles of data ethics", "alt_labels": [],
         "definition": "The subfield of ethics that assesses data practices.", "label_method": "segment"},
        {"uri": "u:comm", "preferred_label": "business communication business communication process", "alt_labels": [],
         "definition": "The process of communicating within the workplace.", "label_method": "segment"},
        {"uri": "u:ebiz", "preferred_label": "electronic business E-business Any business process that is implemented online",
         "alt_labels": [], "definition": "It deals with business models.", "label_method": "segment"},
    ]
    esco = tables["esco_skills"].assign(label_method="label_file")
    tables["esco_skills"] = pd.concat([esco, pd.DataFrame(extra)], ignore_index=True)
    with store.building(tmp_path / "r.duckdb") as con:
        for name, df in tables.items():
            store.write_table(con, name, df)
        build_taxonomy(con)
        rows = {r[0]: r[1:] for r in con.execute("SELECT esco_uri, skill_id, name, definition FROM skills WHERE esco_uri LIKE 'u:%'").fetchall()}
        aliases = {r[0] for r in con.execute("SELECT norm FROM skill_aliases").fetchall()}
    assert rows["u:detail"][:2] == ("attend-to-detail", "attend to detail")
    assert rows["u:detail-audits"][1] == "attend to detail in preparation for audits"
    assert rows["u:ethics"][1] == "data ethics" and "principles of data ethics" in aliases
    assert rows["u:comm"][1] == "business communication"
    assert rows["u:ebiz"][1] == "electronic business E-business"
    assert rows["u:ebiz"][2].startswith("Any business process that is implemented online")


def test_run_on_label_split_rules():
    from collections import Counter

    from careerpath.extract.taxonomy import _split_run_on_label

    ends, starts = Counter({"strategies": 5, "renewable": 0}), Counter({"renewable": 4})
    assert _split_run_on_label("talent management strategies talent management", ends, starts)[:2] == (
        "talent management strategies", ["talent management"])
    assert _split_run_on_label("wind energy renewable wind energy wind power", ends, starts)[0] == "wind energy"
    assert _split_run_on_label("Luxembourgish Luxembourgish competent in Luxembourgish", ends, starts)[0] == "Luxembourgish"
    # a cut that leaves the rest starting with a function word is not a split; no repeat, no split
    assert _split_run_on_label("risks associated to physical hazards risks associated", ends, starts)[0] == (
        "risks associated to physical hazards risks associated")
    assert _split_run_on_label("perform PCR covid test conduct PCR covid test", ends, starts)[0] == (
        "perform PCR covid test conduct PCR covid test")


@pytest.mark.skipif(not (SHARED_DATA / "esco").is_dir(), reason="../shared/data missing")
def test_real_esco_general_concepts_keep_their_names(tmp_path):
    from careerpath.sources import esco

    loaded = esco.load(SHARED_DATA)
    esco_df = next(r.tables["esco_skills"] for r in loaded if "esco_skills" in r.tables)
    with store.building(tmp_path / "e.duckdb") as con:
        store.write_table(con, "esco_skills", esco_df)
        build_taxonomy(con)
        by_name = dict(con.execute("SELECT name, esco_uri FROM skills WHERE esco_uri IS NOT NULL").fetchall())
    base = "http://data.europa.eu/esco/skill/"
    assert by_name["attend to detail"] == base + "83e6510b-ffeb-4aec-959c-4265fd0ff7b7"
    assert by_name["comply with regulations"] == base + "b618584f-6bdf-4d8f-89a7-f28c2c95afc2"
    assert by_name["provide information"] == base + "732cb4dd-af91-4c88-9a9f-5fc62144e500"
    assert {"data science", "data ethics", "blockchain", "business communication"} <= set(by_name)
