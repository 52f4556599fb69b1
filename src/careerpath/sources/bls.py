"""BLS loader: OEWS wages (May 2025 national + state, May 2024 national) and Employment Projections 2024–34.

BLS files mark missing or capped figures with text, not numbers, so every cell goes through one
parser that knows the markers (see shared/data/SOURCES-occupational.md):

- `*`, `**`, `-`, `n/a`, `—` and empty cells mean "not available" and become null;
- `#` (national) and footnote code 5 (state) mean "at or above the cap": the figure becomes the cap
  ($115.00/hour, $239,200/year) and the column is listed in `h_topcoded`/`a_topcoded`, so a reader
  can say "at or above" instead of quoting the cap as if it were the wage;
- anything else that is not a number rejects the row, with a reason, so nothing is lost silently.

EP tables give employment and openings in thousands; they are converted to persons here, once, so
no consumer has to remember. EP text columns keep the literal `None` ("no work experience needed").

`ingest` writes each table of each result as it comes, so a table may live in one result only:
`oews_national` (both years, told apart by `year` and `source_id`) is attached to `bls-oews-2025`;
`bls-oews-2024` carries its file statistics and rejects but no table of its own.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Callable, Mapping

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
    to_number,
)

BLS = "U.S. Bureau of Labor Statistics"
PUBLIC_DOMAIN = "Public domain (U.S. Government work)"
OEWS_URL = "https://www.bls.gov/oes/tables.htm"
OEWS_2025 = SourceInfo("bls-oews-2025", BLS, "Occupational Employment and Wage Statistics, May 2025",
                       "May 2025", PUBLIC_DOMAIN, OEWS_URL, "2025-05")
OEWS_2024 = SourceInfo("bls-oews-2024", BLS, "Occupational Employment and Wage Statistics, May 2024",
                       "May 2024", PUBLIC_DOMAIN, OEWS_URL, "2024-05")
EP = SourceInfo("bls-ep-2024-34", BLS, "Employment Projections 2024–34 (tables 1.2, 1.10, 1.12)",
                "2024–34", PUBLIC_DOMAIN, "https://www.bls.gov/emp/tables.htm", "2024")

NATIONAL_FILES = {2025: "bls/oews_national_M2025.csv", 2024: "bls/oews_national_M2024.csv"}
STATE_FILE = "bls/oews_state_M2025.csv"
EP_FILES = {
    "ep_projections": "bls/ep_2024-34_table1.2_occupational_projections.csv",
    "ep_separations": "bls/ep_2024-34_table1.10_separations_openings.csv",
    "ep_utilization": "bls/ep_2024-34_table1.12_utilization_factors.csv",
}

HOURLY_CAP = 115.00
ANNUAL_CAP = 239_200.0
NOT_AVAILABLE = frozenset({"", "*", "**", "-", "n/a", "—"})
TOPCODED = "#"
SOC6 = re.compile(r"\d{2}-\d{4}")

# One column spec: (output column, file column, kind). The kind picks the cell parser below.
Spec = list[tuple[str, str, str]]
_WAGE_STATS = [("mean", "MEAN"), ("p10", "PCT10"), ("p25", "PCT25"), ("median", "MEDIAN"),
               ("p75", "PCT75"), ("p90", "PCT90")]
WAGE_SPEC: Spec = [(f"{p}_{o}", f"{p.upper()}_{i}", f"{p}_wage") for p in ("h", "a") for o, i in _WAGE_STATS]
OEWS_SPEC: Spec = [("soc6", "OCC_CODE", "code"), ("occ_title", "OCC_TITLE", "text"),
                   ("tot_emp", "TOT_EMP", "int"), ("emp_prse", "EMP_PRSE", "num"),
                   ("mean_prse", "MEAN_PRSE", "num"), *WAGE_SPEC]
NATIONAL_SPEC: Spec = [*OEWS_SPEC, ("o_group", "O_GROUP", "text")]
STATE_SPEC: Spec = [("area", "AREA", "text"), ("state", "AREA_TITLE", "text"),
                    ("state_fips", "STATE_FIPS", "text"), ("display_level", "DISPLAY_LEVEL", "int"),
                    *OEWS_SPEC, ("jobs_1000", "JOBS_1000", "num"), ("loc_quotient", "LOC_QUOTIENT", "num")]

_T, _Y = "2024 National Employment Matrix", "2024–34"
_EP_HEAD: Spec = [("soc6", f"{_T} code", "code"), ("title", f"{_T} title", "text"),
                  ("occ_type", "Occupation type", "text"), ("emp_2024", "Employment, 2024", "thousands"),
                  ("emp_2034", "Employment, 2034", "thousands"),
                  ("change_n", f"Employment change, numeric, {_Y}", "thousands"),
                  ("change_pct", f"Employment change, percent, {_Y}", "num")]
PROJECTIONS_SPEC: Spec = [
    *_EP_HEAD,
    ("emp_dist_pct_2024", "Employment distribution, percent, 2024", "num"),
    ("emp_dist_pct_2034", "Employment distribution, percent, 2034", "num"),
    ("self_employed_pct", "Percent self employed, 2024", "num"),
    ("openings_annual", f"Occupational openings, {_Y} annual average", "thousands"),
    ("median_wage_2024", "Median annual wage, dollars, 2024", "ep_wage"),
    ("education", "Typical education needed for entry", "text"),
    ("work_experience", "Work experience in a related occupation", "text"),
    ("ojt", "Typical on-the-job training needed to attain competency in the occupation", "text"),
    ("ooh_url", "OOH URL", "text"),
]
SEPARATIONS_SPEC: Spec = [
    *_EP_HEAD,
    ("labor_force_exit_rate", f"Labor force exit rate, {_Y} annual average", "num"),
    ("occupational_transfer_rate", f"Occupational transfer rate, {_Y} annual average", "num"),
    ("total_separations_rate", f"Total occupational separations rate, {_Y} annual average", "num"),
    ("labor_force_exits", f"Labor force exits, {_Y} annual average", "thousands"),
    ("occupational_transfers", f"Occupational transfers, {_Y} annual average", "thousands"),
    ("total_separations", f"Total occupational separations, {_Y} annual average", "thousands"),
    ("openings_annual", f"Occupational openings, {_Y} annual average", "thousands"),
]
UTILIZATION_SPEC: Spec = [
    ("soc6", f"{_T} occupation code", "code"), ("title", f"{_T} occupation title", "text"),
    ("industry_title", f"{_T} industry title", "text"), ("industry_code", f"{_T} industry code", "text"),
    ("factors", "Factors affecting occupational utilization", "text"),
]
EP_SPECS = {"ep_projections": PROJECTIONS_SPEC, "ep_separations": SEPARATIONS_SPEC,
            "ep_utilization": UTILIZATION_SPEC}


# --- cells -------------------------------------------------------------------------------------

def _number(text: str, cap: float | None) -> tuple[float | None, bool]:
    """(value, at-or-above-cap) for one numeric cell; ValueError if it is neither number nor marker."""
    s = text.strip()
    if s in NOT_AVAILABLE:
        return None, False
    if s == TOPCODED and cap is not None:
        return cap, True
    value = to_number(s)
    if value is None:
        raise ValueError(f"not a number: {text!r}")
    return value, False


def _ep_wage(text: str) -> tuple[float | None, bool]:
    """EP writes a capped median as '>=$239,200': keep the figure and flag it, like OEWS `#`."""
    s = text.strip()
    if s.startswith(">="):
        value, _ = _number(s[2:].lstrip("$"), None)
        return value, True
    return _number(s.lstrip("$"), None)


def _code(text: str) -> tuple[str, bool]:
    s = text.strip()
    if not SOC6.fullmatch(s):
        raise ValueError(f"not a SOC code like 15-1252: {text!r}")
    return s, False


def _int(text: str) -> tuple[int | None, bool]:
    value, _ = _number(text, None)
    return (None if value is None else int(round(value))), False


def _thousands(text: str) -> tuple[int | None, bool]:
    """EP counts are in thousands with one decimal; persons are exact integers after rounding."""
    value, _ = _number(text, None)
    return (None if value is None else int(round(value * 1000))), False


_CELL: dict[str, Callable[[str], tuple[object, bool]]] = {
    "text": lambda t: (None if t.strip() in NOT_AVAILABLE else t.strip(), False),
    "code": _code,
    "int": _int,
    "num": lambda t: _number(t, None),
    "h_wage": lambda t: _number(t, HOURLY_CAP),
    "a_wage": lambda t: _number(t, ANNUAL_CAP),
    "thousands": _thousands,
    "ep_wage": _ep_wage,
}


def parse_row(raw: Mapping[str, str], spec: Spec) -> tuple[dict, list[str]]:
    """Parse one file row by `spec`: (clean values, output columns that were at or above the cap)."""
    row: dict = {}
    capped: list[str] = []
    for out, src, kind in spec:
        try:
            row[out], at_cap = _CELL[kind](raw.get(src) or "")
        except ValueError as e:
            raise ValueError(f"{src}: {e}") from None
        if at_cap:
            capped.append(out)
    return row, capped


# --- files -------------------------------------------------------------------------------------

def _raw_line(raw: Mapping[str, str]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="").writerow(list(raw.values()))
    return buf.getvalue()[:1000]


def read_rows(
    path: Path,
    data_dir: Path,
    spec: Spec,
    row_fn: Callable[[Mapping[str, str]], dict],
    *,
    extra_required: tuple[str, ...] = (),
) -> tuple[pd.DataFrame, FileStats, list[Reject]]:
    """Read one file row by row; a row `row_fn` cannot parse is a counted reject, not a crash."""
    required = [src for _, src, _ in spec if src not in extra_required] + list(extra_required)
    df = read_table(require_file(path), required=required)
    stats = FileStats(rel(path, data_dir), sha256_file(path), rows_read=len(df))
    rows, rejects = [], []
    for line, raw in enumerate(df.to_dict("records"), start=1):
        try:
            rows.append(row_fn(raw))
        except ValueError as e:
            rejects.append(Reject(stats.path, line, str(e), _raw_line(raw)))
    stats.rows_loaded, stats.rows_rejected = len(rows), len(rejects)
    check_reject_share(path, stats)
    # check_reject_share guarantees rows here (read_table refuses a header-only file).
    return _typed(pd.DataFrame(rows), spec), stats, rejects


def _typed(df: pd.DataFrame, spec: Spec) -> pd.DataFrame:
    """Give numeric columns real dtypes (nullable ints for counts) so the store gets numbers."""
    for out, _, kind in spec:
        if kind in ("int", "thousands"):
            df[out] = df[out].astype("Int64")
        elif kind in ("num", "h_wage", "a_wage", "ep_wage"):
            df[out] = df[out].astype("float64")
    return df


def _split_capped(capped: list[str]) -> dict[str, list[str]]:
    return {"h_topcoded": [c for c in capped if c.startswith("h_")],
            "a_topcoded": [c for c in capped if c.startswith("a_")]}


def _national_row(raw: Mapping[str, str], year: int, source_id: str) -> dict:
    """One national row; only the cross-industry, all-ownership U.S. rows belong in the table."""
    if raw["AREA"].strip() != "99" or raw["I_GROUP"].strip() != "cross-industry" \
            or raw.get("OWN_CODE", "1235").strip() not in ("1235", ""):
        raise ValueError(f"not a cross-industry national row (AREA={raw['AREA']!r}, "
                         f"I_GROUP={raw['I_GROUP']!r}, OWN_CODE={raw.get('OWN_CODE')!r})")
    row, capped = parse_row(raw, NATIONAL_SPEC)
    return {"year": year, **row,
            "hourly_only": raw["HOURLY"].strip().upper() == "TRUE",
            "annual_only": raw["ANNUAL"].strip().upper() == "TRUE",
            **_split_capped(capped), "source_id": source_id}


def footnote_codes(text: str) -> dict[str, str]:
    """'H_MEAN:5;A_PCT90:5' -> {'H_MEAN': '5', 'A_PCT90': '5'}; pieces without a code are ignored."""
    pairs = (p.split(":", 1) for p in text.split(";") if ":" in p)
    return {col.strip(): code.strip() for col, code in pairs}


def _state_row(raw: Mapping[str, str], year: int, source_id: str) -> dict:
    """State rows print capped wages as '-' with footnote 5; treat them exactly like national `#`."""
    notes = footnote_codes(raw["FOOTNOTES"])
    fixed = {k: (TOPCODED if notes.get(k) == "5" and k[:2] in ("H_", "A_") else v) for k, v in raw.items()}
    row, capped = parse_row(fixed, STATE_SPEC)
    return {"year": year, **row, "footnotes": raw["FOOTNOTES"].strip() or None,
            **_split_capped(capped), "source_id": source_id}


def _ep_row(raw: Mapping[str, str], spec: Spec) -> dict:
    row, capped = parse_row(raw, spec)
    if any(o == "median_wage_2024" for o, _, _ in spec):
        row["median_wage_topcoded"] = "median_wage_2024" in capped
    return {**row, "source_id": EP.id}


# --- sources -----------------------------------------------------------------------------------

def load_national(data_dir: Path, year: int, source: SourceInfo) -> tuple[pd.DataFrame, FileStats, list[Reject]]:
    path = data_dir / NATIONAL_FILES[year]
    return read_rows(path, data_dir, NATIONAL_SPEC, lambda r: _national_row(r, year, source.id),
                     extra_required=("AREA", "I_GROUP", "HOURLY", "ANNUAL"))


def load_state(data_dir: Path) -> tuple[pd.DataFrame, FileStats, list[Reject]]:
    return read_rows(data_dir / STATE_FILE, data_dir, STATE_SPEC, lambda r: _state_row(r, 2025, OEWS_2025.id),
                     extra_required=("FOOTNOTES",))


def load_ep(data_dir: Path) -> Loaded:
    result = Loaded(EP)
    for table, name in EP_FILES.items():
        spec = EP_SPECS[table]
        df, stats, rejects = read_rows(data_dir / name, data_dir, spec, lambda r, s=spec: _ep_row(r, s))
        result.tables[table] = df
        result.files.append(stats)
        result.rejects += rejects
    return result


def load(data_dir: Path) -> list[Loaded]:
    """All BLS tables: `oews_national`, `oews_state`, `ep_projections`, `ep_separations`, `ep_utilization`."""
    data_dir = Path(data_dir)
    nat25, stats25, rej25 = load_national(data_dir, 2025, OEWS_2025)
    nat24, stats24, rej24 = load_national(data_dir, 2024, OEWS_2024)
    state, stats_state, rej_state = load_state(data_dir)
    national = pd.concat([nat25, nat24], ignore_index=True)
    oews25 = Loaded(OEWS_2025, {"oews_national": national, "oews_state": state},
                    [stats25, stats_state], rej25 + rej_state)
    oews24 = Loaded(OEWS_2024, {}, [stats24], rej24)
    return [oews25, oews24, load_ep(data_dir)]
