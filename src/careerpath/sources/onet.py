"""O*NET loader: occupations, titles, tasks, technologies, ratings and reference tables.

The shared copy mixes two releases (see SOURCES-occupational.md): Skills, Knowledge and Abilities
come from O*NET 30.0, every other file from 29.0. Both use the same O*NET-SOC 2019 codes, so they
join, but each figure must cite the release it came from; hence two `Loaded` results.

Each file is described once in `FILES` (source column -> table column, and what kind of value it
must hold). Conversion and validation are vectorised: a row with a bad code or a non-numeric value
is rejected with a reason and its physical line number, never dropped silently or coerced to null.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd

from careerpath.sources._base import (
    FileStats,
    Loaded,
    Reject,
    SourceInfo,
    check_reject_share,
    read_table,
    rel,
    require_file,
    sha256_file,
)

_PUBLISHER = "National Center for O*NET Development for USDOL/ETA"
_URL = "https://www.onetcenter.org/database.html"
SOURCE_29 = SourceInfo("onet-29.0", _PUBLISHER, "O*NET 29.0 Database", "29.0", "CC BY 4.0", _URL, "2024-08")
SOURCE_30 = SourceInfo("onet-30.0", _PUBLISHER, "O*NET 30.0 Database", "30.0", "CC BY 4.0", _URL, "2025-08")

SOC_PATTERN = r"\d{2}-\d{4}\.\d{2}"
MISSING = ("n/a", "")  # O*NET writes missing values as the literal `n/a`


@dataclass(frozen=True)
class Col:
    """One source column: where it goes and what it must hold (see `_CONVERTERS`)."""

    src: str
    dst: str
    kind: str = "text"
    optional: bool = False  # the column may be absent from the file (e.g. Work Styles has no Not Relevant)


@dataclass(frozen=True)
class FileSpec:
    name: str  # file name under onet/, without .txt
    table: str
    cols: tuple[Col, ...]
    required: bool = True
    release: SourceInfo = SOURCE_29


# --- value converters: each returns (converted values, mask of rows whose value is invalid, what was expected)

Converted = tuple[pd.Series, pd.Series, str]


def _missing(s: pd.Series) -> pd.Series:
    return s.isin(MISSING)


def _soc(s: pd.Series) -> Converted:
    return s, ~s.str.fullmatch(SOC_PATTERN).fillna(False), "an O*NET-SOC code like 15-1252.00"


def _key(s: pd.Series) -> Converted:
    return s, _missing(s), "a value"


def _digits(s: pd.Series) -> Converted:
    return s, ~s.str.fullmatch(r"\d+").fillna(False), "a numeric id"


def _text(s: pd.Series) -> Converted:
    return s.mask(_missing(s)), pd.Series(False, index=s.index), "text"


def _number(s: pd.Series, *, needed: bool = False, integer: bool = False) -> Converted:
    """Numbers written as text; `n/a` is null unless the value is needed, anything else non-numeric is bad."""
    miss = _missing(s)
    num = pd.to_numeric(s.mask(miss).str.replace(",", "", regex=False), errors="coerce").astype("float64")
    bad = (num.isna() | ~np.isfinite(num)) & ~miss
    if integer:
        bad |= num.notna() & (num % 1 != 0)
    if needed:
        bad |= miss
    num = num.mask(bad)
    values = num.astype("Int64") if integer else num
    return values, bad, ("an integer" if integer else "a number")


def _bool(s: pd.Series) -> Converted:
    values = s.map({"Y": True, "N": False}).astype("boolean")
    return values, values.isna() & ~_missing(s), "Y or N"


_CONVERTERS: dict[str, Callable[[pd.Series], Converted]] = {
    "soc": _soc,
    "key": _key,
    "digits": _digits,
    "text": _text,
    "num": _number,
    "num!": lambda s: _number(s, needed=True),
    "int": lambda s: _number(s, integer=True),
    "int!": lambda s: _number(s, needed=True, integer=True),
    "bool": _bool,
}

# --- file descriptions

SOC = Col("O*NET-SOC Code", "soc_code", "soc")
DATE = Col("Date", "date")
DOMAIN = Col("Domain Source", "domain_source", optional=True)
ELEMENT = (Col("Element ID", "element_id", "key"), Col("Element Name", "element_name"))
RATING = (
    SOC, *ELEMENT, Col("Scale ID", "scale_id", "key"), Col("Data Value", "value", "num!"),
    Col("N", "n", "int"), Col("Standard Error", "se", "num"), Col("Lower CI Bound", "lower_ci", "num"),
    Col("Upper CI Bound", "upper_ci", "num"), Col("Recommend Suppress", "recommend_suppress", "bool"),
    Col("Not Relevant", "not_relevant", "bool", optional=True), DATE, DOMAIN,
)
SIMPLE_RATING = (SOC, *ELEMENT, Col("Scale ID", "scale_id", "key"), Col("Data Value", "value", "num!"), DATE, DOMAIN)
COMMODITY = (Col("Commodity Code", "commodity_code", "digits"), Col("Commodity Title", "commodity_title"))

FILES: tuple[FileSpec, ...] = (
    FileSpec("Occupation Data", "onet_occupations", (SOC, Col("Title", "title", "key"), Col("Description", "description"))),
    FileSpec("Alternate Titles", "onet_alternate_titles", (
        SOC, Col("Alternate Title", "title", "key"), Col("Short Title", "short_title"), Col("Source(s)", "sources"))),
    FileSpec("Sample of Reported Titles", "onet_reported_titles", (
        SOC, Col("Reported Job Title", "title", "key"), Col("Shown in My Next Move", "shown_in_my_next_move", "bool"))),
    FileSpec("Task Statements", "onet_tasks", (
        SOC, Col("Task ID", "task_id", "digits"), Col("Task", "task", "key"), Col("Task Type", "task_type"),
        Col("Incumbents Responding", "incumbents_responding", "num"), DATE, DOMAIN)),
    FileSpec("Emerging Tasks", "onet_emerging_tasks", (
        SOC, Col("Task", "task", "key"), Col("Category", "category"), Col("Original Task ID", "original_task_id"),
        Col("Original Task", "original_task"), DATE, DOMAIN), required=False),
    FileSpec("Technology Skills", "onet_technology_skills", (
        SOC, Col("Example", "example", "key"), *COMMODITY, Col("Hot Technology", "hot_technology", "bool"),
        Col("In Demand", "in_demand", "bool"))),
    FileSpec("Tools Used", "onet_tools", (SOC, Col("Example", "example", "key"), *COMMODITY)),
    FileSpec("Skills", "onet_skills", RATING, release=SOURCE_30),
    FileSpec("Knowledge", "onet_knowledge", RATING, release=SOURCE_30),
    FileSpec("Abilities", "onet_abilities", RATING, release=SOURCE_30),
    FileSpec("Work Styles", "onet_work_styles", RATING),
    FileSpec("Education, Training, and Experience", "onet_education", (
        *RATING[:4], Col("Category", "category", "int"), *RATING[4:9], RATING[9], DATE, DOMAIN)),
    FileSpec("Education, Training, and Experience Categories", "onet_education_categories", (
        *ELEMENT, Col("Scale ID", "scale_id", "key"), Col("Category", "category", "int!"),
        Col("Category Description", "category_description"))),
    FileSpec("Job Zones", "onet_job_zones", (SOC, Col("Job Zone", "job_zone", "int!"), DATE, DOMAIN)),
    FileSpec("Job Zone Reference", "onet_job_zone_reference", (
        Col("Job Zone", "job_zone", "int!"), Col("Name", "name"), Col("Experience", "experience"),
        Col("Education", "education"), Col("Job Training", "job_training"), Col("Examples", "examples"),
        Col("SVP Range", "svp_range"))),
    FileSpec("Related Occupations", "onet_related", (
        SOC, Col("Related O*NET-SOC Code", "related_soc_code", "soc"), Col("Relatedness Tier", "tier"),
        Col("Index", "rank", "int"))),
    FileSpec("Tasks to DWAs", "onet_task_dwas", (
        SOC, Col("Task ID", "task_id", "digits"), Col("DWA ID", "dwa_id", "key"), DATE, DOMAIN)),
    FileSpec("DWA Reference", "onet_dwas", (
        Col("Element ID", "element_id", "key"), Col("IWA ID", "iwa_id", "key"), Col("DWA ID", "dwa_id", "key"),
        Col("DWA Title", "dwa_title"))),
    FileSpec("IWA Reference", "onet_iwas", (
        Col("Element ID", "element_id", "key"), Col("IWA ID", "iwa_id", "key"), Col("IWA Title", "iwa_title"))),
    FileSpec("Content Model Reference", "onet_content_model", (*ELEMENT, Col("Description", "description"))),
    FileSpec("Interests", "onet_interests", SIMPLE_RATING, required=False),
    FileSpec("Work Values", "onet_work_values", SIMPLE_RATING, required=False),
    FileSpec("UNSPSC Reference", "onet_unspsc", (
        *COMMODITY, Col("Class Code", "class_code"), Col("Class Title", "class_title"),
        Col("Family Code", "family_code"), Col("Family Title", "family_title"),
        Col("Segment Code", "segment_code"), Col("Segment Title", "segment_title")), required=False),
    FileSpec("Task Categories", "onet_task_categories", (
        Col("Scale ID", "scale_id", "key"), Col("Category", "category", "int!"),
        Col("Category Description", "category_description")), required=False),
    FileSpec("Scales Reference", "onet_scales", (
        Col("Scale ID", "scale_id", "key"), Col("Scale Name", "scale_name"), Col("Minimum", "minimum", "num"),
        Col("Maximum", "maximum", "num")), required=False),
    FileSpec("Level Scale Anchors", "onet_level_anchors", (
        *ELEMENT, Col("Scale ID", "scale_id", "key"), Col("Anchor Value", "anchor_value", "num!"),
        Col("Anchor Description", "anchor_description")), required=False),
)


def load(data_dir: Path) -> list[Loaded]:
    """Load every O*NET file under `data_dir/onet`: one result for the 29.0 files, one for the 30.0 files."""
    onet_dir = data_dir / "onet"
    for spec in FILES:  # fail fast, before reading anything, when a required file is missing
        if spec.required:
            require_file(_path(onet_dir, spec))
    results = {SOURCE_29.id: Loaded(SOURCE_29), SOURCE_30.id: Loaded(SOURCE_30)}
    for spec in FILES:
        res = results[spec.release.id]
        path = _path(onet_dir, spec)
        if path.exists() or spec.required:
            res.tables[spec.table] = _load_file(path, spec, data_dir, res)
        else:  # optional and absent: an empty table keeps downstream queries valid
            res.tables[spec.table] = _convert(pd.DataFrame({c.src: pd.Series(dtype=str) for c in spec.cols}), spec.cols)[0]
    _finish(results[SOURCE_29.id].tables)
    for res in results.values():
        for name, df in res.tables.items():
            df["source_id"] = res.source.id
    return list(results.values())


def _path(onet_dir: Path, spec: FileSpec) -> Path:
    return onet_dir / f"{spec.name}.txt"


def _load_file(path: Path, spec: FileSpec, data_dir: Path, res: Loaded) -> pd.DataFrame:
    """Read, convert and validate one file, recording its statistics and rejected rows in `res`."""
    required = [c.src for c in spec.cols if not c.optional]
    raw = read_table(path, required=required, sep="\t", quoting=csv.QUOTE_NONE)
    df, reasons = _convert(raw, spec.cols)
    bad = reasons.notna()
    relpath = rel(path, data_dir)
    stats = FileStats(relpath, sha256_file(path), rows_read=len(raw), rows_rejected=int(bad.sum()))
    stats.rows_loaded = stats.rows_read - stats.rows_rejected
    res.files.append(stats)
    res.rejects.extend(_rejects(raw[bad], reasons[bad], relpath))
    check_reject_share(path, stats)
    return df[~bad.to_numpy()].reset_index(drop=True)


def _convert(raw: pd.DataFrame, cols: tuple[Col, ...]) -> tuple[pd.DataFrame, pd.Series]:
    """Convert each column; return the table and, per row, the first reason it is invalid (or NA)."""
    out: dict[str, pd.Series] = {}
    reasons = pd.Series(pd.NA, index=raw.index, dtype=object)
    for col in cols:
        if col.src not in raw.columns:  # an optional column this file does not have
            out[col.dst] = _CONVERTERS[col.kind](pd.Series("n/a", index=raw.index, dtype=str))[0]
            continue
        text = raw[col.src].astype(str).str.strip()
        values, bad, expected = _CONVERTERS[col.kind](text)
        new = bad & reasons.isna()
        if new.any():
            reasons[new] = f"{col.src}: expected {expected}, got '" + text[new] + "'"
        out[col.dst] = values
    return pd.DataFrame(out, index=raw.index), reasons


def _rejects(rows: pd.DataFrame, reasons: pd.Series, relpath: str) -> list[Reject]:
    """Rejected rows with their physical line: data row i (0-based) sits on line i + 2 after the header."""
    raw_lines = rows.astype(str).agg("\t".join, axis=1) if len(rows) else pd.Series(dtype=str)
    return [Reject(relpath, int(i) + 2, str(reasons[i]), raw_lines[i][:2000]) for i in rows.index]


def _finish(tables: dict[str, pd.DataFrame]) -> None:
    """Derived columns the schema promises: soc6 on occupations, category text on education rows."""
    occ = tables["onet_occupations"]
    occ.insert(1, "soc6", occ["soc_code"].str.slice(0, 7))
    cats = tables["onet_education_categories"][["element_id", "scale_id", "category", "category_description"]]
    cats = cats.drop_duplicates(["element_id", "scale_id", "category"])  # a merge must never add rows
    edu = tables["onet_education"].merge(cats, on=["element_id", "scale_id", "category"], how="left")
    cols = list(edu.columns)
    cols.insert(cols.index("category") + 1, cols.pop(cols.index("category_description")))
    tables["onet_education"] = edu[cols]
