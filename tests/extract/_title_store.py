"""Tiny stores for the title and role tests: hand-written O*NET rows, or O*NET from ../shared/data."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from careerpath import store

SHARED_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"

OCCUPATIONS = [
    ("15-1252.00", "Software Developers", "Research, design, and develop computer and network software."),
    ("15-2051.00", "Data Scientists", "Develop and implement methods to mine data with statistics and machine learning."),
    ("15-1243.00", "Database Architects", "Design strategies for enterprise databases and data warehouses."),
    ("15-1221.00", "Computer and Information Research Scientists", "Conduct research into computing problems."),
    ("29-1141.00", "Registered Nurses", "Assess patient health problems and needs, administer nursing care."),
    ("29-2061.00", "Licensed Practical and Licensed Vocational Nurses", "Care for ill, injured, or convalescing patients."),
    ("35-1011.00", "Chefs and Head Cooks", "Direct and may participate in the preparation of food."),
    ("13-2011.00", "Accountants and Auditors", "Examine, analyze, and interpret accounting records."),
]
ALTERNATES = [
    ("15-1252.00", "Software Engineer"), ("15-1252.00", "Application Developer"), ("15-1252.00", "DevOps Engineer"),
    ("15-2051.00", "Data Analyst"), ("15-2051.00", "Machine Learning Engineer"), ("15-1221.00", "Machine Learning Engineer"),
    ("15-1243.00", "Data Engineer"), ("15-1243.00", "Data Architect"), ("29-1141.00", "Staff Nurse"),
    ("29-1141.00", "ICU Nurse"), ("35-1011.00", "Sous Chef"), ("13-2011.00", "Auditor"),
]


def hand_store(path: Path, postings: list[tuple[str, str, str | None]] | None = None) -> Path:
    """A store with the rows above and the given (posting_id, title, title_category) postings."""
    con = duckdb.connect(str(path))
    occ = pd.DataFrame(OCCUPATIONS, columns=["soc_code", "title", "description"])
    occ["soc6"] = occ["soc_code"].str[:7]
    store.write_table(con, "onet_occupations", occ)
    alt = pd.DataFrame(ALTERNATES, columns=["soc_code", "title"])
    alt["short_title"], alt["sources"] = None, "08"
    store.write_table(con, "onet_alternate_titles", alt)
    store.write_table(con, "onet_reported_titles", pd.DataFrame({"soc_code": ["29-1141.00"], "title": ["RN"]}))
    rows = postings or []
    df = pd.DataFrame(rows, columns=["posting_id", "title", "title_category"])
    df["source_id"], df["duplicate_of"], df["description"] = "postings-test", None, None
    store.write_table(con, "postings", df.astype({"duplicate_of": object}))
    con.close()
    return path


def onet_store(path: Path) -> Path:
    """O*NET (and, with postings=True, the postings) from ../shared/data through the real loaders."""
    from careerpath.sources import onet

    with store.building(path) as con:
        store.write_loaded(con, onet.load(SHARED_DATA))
    return path
