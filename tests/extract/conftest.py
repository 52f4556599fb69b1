"""Fixtures shared by the extract tests."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from careerpath import store

from .skills_fixtures import SHARED_DATA

ONET_EXAMPLES = ["Python", "R", "Structured query language SQL", "Microsoft Excel", "Oracle Java"]


@pytest.fixture(scope="session")
def real_taxonomy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store whose taxonomy is built once from the real ESCO skills (as the loader emits them) and a few
    real O*NET technology examples: the tests that need real labels share it instead of each loading ESCO
    and building a taxonomy of their own."""
    if not (SHARED_DATA / "esco").is_dir() or not (SHARED_DATA / "onet" / "Technology Skills.txt").is_file():
        pytest.skip("../shared/data missing")
    from careerpath.extract.taxonomy import build_taxonomy
    from careerpath.sources import esco

    esco_df = next(r.tables["esco_skills"] for r in esco.load(SHARED_DATA) if "esco_skills" in r.tables)
    tech = pd.read_csv(SHARED_DATA / "onet" / "Technology Skills.txt", sep="\t", dtype=str)
    tech = tech[tech["Example"].isin(ONET_EXAMPLES)]
    tech = pd.DataFrame({"soc_code": tech["O*NET-SOC Code"], "example": tech["Example"], "commodity_code": tech["Commodity Code"],
                         "commodity_title": tech["Commodity Title"], "hot_technology": tech["Hot Technology"] == "Y",
                         "in_demand": tech["In Demand"] == "Y"})
    db = tmp_path_factory.mktemp("real_taxonomy") / "t.duckdb"
    with store.building(db) as con:
        store.write_table(con, "esco_skills", esco_df)
        store.write_table(con, "onet_technology_skills", tech)
        build_taxonomy(con)
    return db
