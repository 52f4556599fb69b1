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
