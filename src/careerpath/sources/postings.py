"""Job postings: ten public files mapped onto one `postings` table (schema in docs/store.md).

Each file is its own source (`postings-<name>`) with its own file statistics and rejects; the
combined table is attached to the first result only, because the store writes tables by name.

Mapping rules worth knowing when reading the table:

* `posting_id` is '<source_id>:<native id>' where the file has a unique id, else
  '<source_id>:<record number>' (1-based, header excluded); `source_line` is always the record number.
* `country` is ISO-2. Luke Barousse `job_country` names go through a small table (unknown names and
  the "Sudan" parsing artefact become null); the other files have one documented scope each
  (Glassdoor, LA, ds-bookcamp US-style locations = US; NHS, Adzuna = GB; NoFluffJobs = PL).
* `remote`: Luke Barousse `job_work_from_home` or location "Anywhere"; elsewhere True when the title
  or location says remote / work from home / telecommute, else null (unknown, not "on site").
* Salaries: see `careerpath.sources._salary` for the single annualisation rule and the
  plausibility bounds. `currency` is set only where a salary is; amounts are never converted.
* Descriptions are untrusted text: each is capped at 100,000 characters (counted in the notes).
* Line breaks lost by a source's scraper ("committedRegistered Nurse") are put back
  (`careerpath.sources.line_breaks`, after deduplication, which compares the text as published); the notes
  count, per source, the descriptions repaired (`description_line_breaks_restored`) and the breaks put back
  (`description_line_breaks_inserted`).

Deduplication (duplicates stay in the table; `duplicate_of` names the posting kept):
files are taken in the fixed order of `FILES` and rows in file order. A row whose description,
lower-cased and whitespace-collapsed, is at least 200 characters long and equals that of an earlier
row (in the same or an earlier file) is a duplicate of the first such row. Luke Barousse rows have no
description; within each of those files a row repeating an earlier row's (title, company, location), case
and outer spaces aside, is a duplicate of the first: the files are daily scrapes, so the same listing
reappears on later dates (a row without a company is never a duplicate).

Rejects: a row without a title, a JSON line that is not an object, or a JSON value that is not text
where text is required. Every other oddity (bad salary text, unparsable date or skill list,
implausible salary) nulls that field and is counted in the notes (`df.attrs["notes"]`, also logged).
"""

from __future__ import annotations

import ast
import html
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd

from careerpath.progress import log
from careerpath.sources._base import (
    FileStats,
    Loaded,
    Reject,
    SourceInfo,
    check_reject_share,
    read_jsonl,
    read_table,
    rel,
    require_file,
    sha256_file,
    to_number,
)
from careerpath.sources._salary import SALARY_COLUMNS, annualise, parse_glassdoor
from careerpath.sources.line_breaks import learn, restore_line_breaks

MAX_DESCRIPTION = 100_000
MIN_DEDUP_CHARS = 200

COLUMNS = [
    "posting_id", "source_id", "source_file", "source_line", "native_id", "title", "company",
    "location", "country", "remote", "posted_date", "description", "salary_min", "salary_max",
    "salary_period", "currency", "salary_annual", "salary_annual_min", "salary_annual_max",
    "seniority", "title_category", "schedule_type", "no_degree", "skills_given", "duplicate_of",
    "salary_text",
]

#: Luke Barousse `job_country` names -> ISO-2 (the common ones; anything else is null).
COUNTRY_ISO2: dict[str, str] = {
    "United States": "US", "United Kingdom": "GB", "India": "IN", "Canada": "CA", "France": "FR",
    "Singapore": "SG", "Philippines": "PH", "Germany": "DE", "Ireland": "IE", "South Africa": "ZA",
    "Malaysia": "MY", "Hong Kong": "HK", "Puerto Rico": "PR", "Italy": "IT", "Spain": "ES",
    "Netherlands": "NL", "Mexico": "MX", "United Arab Emirates": "AE", "Portugal": "PT",
    "Poland": "PL", "Pakistan": "PK", "Australia": "AU", "Belgium": "BE", "Brazil": "BR",
    "Egypt": "EG", "Colombia": "CO", "Saudi Arabia": "SA", "Israel": "IL", "Costa Rica": "CR",
    "Switzerland": "CH", "Morocco": "MA", "Sri Lanka": "LK", "Kuwait": "KW", "Denmark": "DK",
    "Ukraine": "UA", "Nigeria": "NG", "Austria": "AT", "Argentina": "AR", "Thailand": "TH",
    "Greece": "GR", "Vietnam": "VN", "Qatar": "QA", "Sweden": "SE", "Romania": "RO",
    "Indonesia": "ID", "Japan": "JP", "Hungary": "HU", "Kenya": "KE", "Turkey": "TR", "Guam": "GU",
    "Czechia": "CZ", "Bahrain": "BH", "South Korea": "KR", "U.S. Virgin Islands": "VI",
    "Jordan": "JO", "Chile": "CL", "New Zealand": "NZ", "Bulgaria": "BG", "China": "CN",
    "Taiwan": "TW", "Norway": "NO", "Finland": "FI", "Peru": "PE", "Luxembourg": "LU",
    "Serbia": "RS", "Croatia": "HR", "Lithuania": "LT", "Estonia": "EE", "Latvia": "LV",
    "Slovakia": "SK", "Slovenia": "SI", "Oman": "OM", "Lebanon": "LB", "Bangladesh": "BD",
    "Nepal": "NP", "Ghana": "GH", "Ecuador": "EC", "Uruguay": "UY", "Cyprus": "CY", "Malta": "MT",
}
#: Names the source produces by its own location parsing and that are not countries to trust.
COUNTRY_ARTEFACTS = {"Sudan"}

_ENTITY = r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+\d*);"  # an HTML entity: "&amp;", "&#39;", "&#x27;"
_REMOTE = r"(?i)\b(?:remote|work from home|wfh|telecommut\w*)\b"
_US_LOCATION = r",\s*[A-Z]{2}(?:\s+\d{5})?\s*$"


@dataclass(frozen=True)
class FileSpec:
    """One postings file: where it is, what it is, and how its columns map onto the table."""

    name: str  # short name: the source id is 'postings-<name>'
    filename: str
    kind: str  # 'csv' or 'jsonl'
    required: tuple[str, ...]
    mapper: Callable[[pd.DataFrame], pd.DataFrame]
    publisher: str
    title: str
    version: str
    license: str
    url: str
    as_of: str
    native_id: str | None = None  # column holding the file's own id, if it has one
    # SOC codes (prefixes) of the occupations the collection searched for, when it was a search for some titles only
    # ("data analyst", "data scientist" …): its postings of other occupations are not a sample of them (`SEARCHED`)
    searched: tuple[str, ...] = ()

    @property
    def source_id(self) -> str:
        return f"postings-{self.name}"

    def info(self) -> SourceInfo:
        return SourceInfo(self.source_id, self.publisher, self.title, self.version, self.license,
                          self.url, self.as_of)


# ----------------------------------------------------------------------------------------- helpers

def _text(s: pd.Series) -> pd.Series:
    """Text column from untrusted values: strings stripped, numbers as text, empty/other -> None."""
    def one(v: object) -> str | None:
        if isinstance(v, str):
            v = v.strip()
            return v or None
        if isinstance(v, bool) or v is None:
            return None
        if isinstance(v, (int, float, np.integer, np.floating)) and not pd.isna(v):
            return str(int(v)) if float(v).is_integer() else str(v)
        return None
    return s.astype("object").map(one).astype("object")


def _col(df: pd.DataFrame, name: str) -> pd.Series:
    """A column as text, or all-null when the file does not have it."""
    if name in df.columns:
        return _text(df[name])
    return pd.Series([None] * len(df), index=df.index, dtype="object")


def _numbers(s: pd.Series) -> pd.Series:
    """Numbers from text or JSON numbers; anything else is NaN."""
    return s.astype("object").map(lambda v: to_number(v) if isinstance(v, (str, int, float)) and not isinstance(v, bool) else None).astype("float64")


def _bool_text(s: pd.Series) -> pd.Series:
    """'True'/'False' text -> nullable boolean."""
    t = s.astype("object").map(lambda v: str(v).strip().lower() if v is not None else None)
    return t.map({"true": True, "false": False, "1": True, "0": False}).astype("boolean")


def _const(df: pd.DataFrame, value: object) -> pd.Series:
    return pd.Series([value] * len(df), index=df.index, dtype="object")


def _skill_list(text: str) -> list[str] | None:
    """Parse a Python-list literal of skills safely (literal_eval never runs code)."""
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError, MemoryError, RecursionError, TypeError):
        return None
    if not isinstance(value, (list, tuple)):
        return None
    return [str(x).strip() for x in value if str(x).strip()]


def _frame(df: pd.DataFrame, **cols: pd.Series) -> pd.DataFrame:
    """The mapped frame: given columns, the rest null, on the input's index."""
    out = pd.DataFrame(index=df.index)
    for c in ["native_id", "title", "company", "location", "country", "remote", "posted_date",
              "description", "salary_min", "salary_max", "salary_period", "currency", "salary_text",
              "seniority", "title_category", "schedule_type", "no_degree", "skills_given"]:
        out[c] = cols[c] if c in cols else _const(df, None)
    if "_note_salary_unparsed" in cols:
        out.attrs["salary_unparsed"] = int(cols["_note_salary_unparsed"])
    return out


# ----------------------------------------------------------------------------------------- mappers

def _map_lukebarousse(df: pd.DataFrame) -> pd.DataFrame:
    """Google Jobs data_jobs: salary is USD, year or hour; skills are a list literal; no description."""
    year = _numbers(df["salary_year_avg"])
    hour = _numbers(df["salary_hour_avg"])
    rate = df["salary_rate"].astype(str).str.strip().str.lower()
    use_hour = (rate == "hour") & hour.notna() | year.isna() & hour.notna()
    value = hour.where(use_hour, year)
    period = pd.Series(np.where(use_hour, "HOUR", "YEAR"), index=df.index).where(value.notna())
    country_name = _col(df, "job_country")
    country = country_name.map(lambda c: None if c is None or c in COUNTRY_ARTEFACTS else COUNTRY_ISO2.get(c))
    location = _col(df, "job_location")
    remote = _bool_text(df["job_work_from_home"]).fillna(False) | (location == "Anywhere")
    short = _col(df, "job_title_short")
    skills_raw = _col(df, "job_skills")
    parsed = {t: _skill_list(t) for t in skills_raw.dropna().unique()}
    skills = skills_raw.map(lambda t: parsed.get(t) if t is not None else None)
    out = _frame(
        df, title=_col(df, "job_title"), company=_col(df, "company_name"), location=location,
        country=country, remote=remote.astype("boolean"), posted_date=_col(df, "job_posted_date"),
        salary_min=value, salary_max=value, salary_period=period, currency=_const(df, "USD"),
        seniority=short.map(lambda t: "Senior" if t and t.startswith("Senior ") else None),
        title_category=short, schedule_type=_col(df, "job_schedule_type"),
        no_degree=_bool_text(df["job_no_degree_mention"]), skills_given=skills,
    )
    out.attrs["skills_unparsed"] = int((skills_raw.notna() & skills.isna()).sum())
    return out


def _map_glassdoor_text(df: pd.DataFrame) -> pd.DataFrame:
    """Ken Jee / rashikrahmanpritom layout: salary as Glassdoor text, rating glued to the company."""
    sal, unparsed = parse_glassdoor(df["Salary Estimate"])
    company = _col(df, "Company Name").str.replace(r"\s*\n\s*-?\d+(?:\.\d+)?\s*$", "", regex=True)
    salary_text = _col(df, "Salary Estimate")
    return _frame(
        df, native_id=_col(df, "row_id" if "row_id" in df.columns else "index"), title=_col(df, "Job Title"),
        company=company.where(company.ne("-1") & company.ne(""), None),
        location=_col(df, "Location"), country=_const(df, "US"),
        description=_col(df, "Job Description"), salary_min=sal["salary_min"],
        salary_max=sal["salary_max"], salary_period=sal["salary_period"], currency=_const(df, "USD"),
        salary_text=salary_text.where(salary_text != "-1", None), _note_salary_unparsed=unparsed,
    )


def _map_atharvap329(df: pd.DataFrame) -> pd.DataFrame:
    """MargSetu Glassdoor scrape: annual USD Min/Max with -1 for missing."""
    city, state = _col(df, "City"), _col(df, "State")
    location = (city.fillna("") + ", " + state.fillna("")).str.strip(", ")
    location = location.where(location != "", None)
    return _frame(
        df, title=_col(df, "Job_title"), company=_col(df, "Company"), location=location,
        country=_const(df, "US"), posted_date=_col(df, "Date_Posted"),
        description=_col(df, "Job_Desc"), salary_min=_numbers(df["Min_Salary"]),
        salary_max=_numbers(df["Max_Salary"]), salary_period=_const(df, "YEAR"),
        currency=_const(df, "USD"), schedule_type=_col(df, "Job_Type"),
    )


def _map_nofluffjobs(df: pd.DataFrame) -> pd.DataFrame:
    """NoFluffJobs Warsaw: monthly PLN ranges (0 = missing); location and country from the scrape's scope."""
    skill = _col(df, "main_skill")
    return _frame(
        df, title=_col(df, "position"), location=_const(df, "Warsaw"), country=_const(df, "PL"),
        description=_col(df, "description"), salary_min=_numbers(df["salary_lower"]),
        salary_max=_numbers(df["salary_upper"]), salary_period=_const(df, "MONTH"),
        currency=_const(df, "PLN"), seniority=_col(df, "seniority"),
        title_category=_col(df, "main_category"),
        skills_given=skill.map(lambda s: [s] if s else None),
    )


def _map_ds_bookcamp(df: pd.DataFrame) -> pd.DataFrame:
    """Indeed pages: the page title is '<job title> - <location>'; a ', ST[ 12345]' location is US."""
    full = _col(df, "title")
    parts = full.str.rsplit(" - ", n=1, expand=True).reindex(columns=[0, 1])
    has_loc = parts[1].notna() & parts[0].fillna("").str.strip().ne("")
    title = parts[0].where(has_loc, full).astype("object")
    location = parts[1].where(has_loc, None).astype("object")
    country = location.map(lambda s: "US" if isinstance(s, str) and re.search(_US_LOCATION, s) else None)
    return _frame(
        df, native_id=_col(df, "posting_id"), title=title.map(lambda t: t.strip() if isinstance(t, str) else None),
        location=location, country=country, description=_col(df, "description"),
    )


def _map_normalised(country: str, currency: str, amount: str | None = None) -> Callable[[pd.DataFrame], pd.DataFrame]:
    """NHS / LA / Adzuna share one normalised layout; Adzuna's salary is one annual GBP figure.

    `country` and `currency` are the file's documented scope, used where a row leaves them empty.
    """
    def mapper(df: pd.DataFrame) -> pd.DataFrame:
        if amount is not None:
            lo = hi = _numbers(df[amount])
            period = _const(df, "YEAR")
        else:
            lo, hi = _numbers(df["salary_min"]), _numbers(df["salary_max"])
            period = _col(df, "salary_period").fillna("YEAR")
        return _frame(
            df, native_id=_col(df, "posting_id"), title=_col(df, "title"),
            company=_col(df, "company"), location=_col(df, "location"),
            country=_col(df, "country").fillna(country),
            posted_date=_col(df, "posted_date"), description=_col(df, "description"),
            salary_min=lo, salary_max=hi, salary_period=period, currency=_col(df, "currency").fillna(currency),
            salary_text=_col(df, "salary_text"), seniority=_col(df, "seniority"),
            title_category=_col(df, "category"), schedule_type=_col(df, "employment_type"),
        )
    return mapper


_LB_COLS = ("job_title_short", "job_title", "job_location", "job_schedule_type", "job_work_from_home",
            "job_posted_date", "job_no_degree_mention", "job_country", "salary_rate", "salary_year_avg",
            "salary_hour_avg", "company_name", "job_skills")
_GD_COLS = ("Job Title", "Salary Estimate", "Job Description", "Company Name", "Location")
_NORM_COLS = ("posting_id", "title", "company", "location", "country", "posted_date", "description",
              "salary_text", "salary_min", "salary_max", "salary_period", "currency")

#: The occupations the data- and IT-job collections searched for (SOURCES-market.md): computer and mathematical
#: occupations (data analysts, scientists and engineers, ML, software and cloud engineers), computer and information
#: systems managers, and management analysts (Luke Barousse's "Business Analyst" class).
DATA_IT_SOC = ("15-", "11-3021", "13-1111")

#: The fixed order used for deduplication: earlier files keep their rows.
FILES: list[FileSpec] = [
    FileSpec("lukebarousse-2023", "lukebarousse_data_jobs_2023_salaried.csv.gz", "csv", _LB_COLS,
             _map_lukebarousse, "Luke Barousse", "data_jobs 2023: every salaried posting (Google Jobs)",
             "commit 83894a8a693e", "Apache-2.0", "https://github.com/lukebarousse/Excel_Data_Analytics_Course", "2023", searched=DATA_IT_SOC),
    FileSpec("lukebarousse-2024", "lukebarousse_data_jobs_2024_09to12.csv.gz", "csv", _LB_COLS,
             _map_lukebarousse, "Luke Barousse", "data_jobs September-December 2024 (Google Jobs)",
             "commit dc64a4f470a0", "Apache-2.0", "https://github.com/lukebarousse/PowerBI_Data_Analytics_Course", "2024-12", searched=DATA_IT_SOC),
    FileSpec("glassdoor-kenjee-2020", "glassdoor_ds_jobs_2020_kenjee.csv", "csv", ("row_id",) + _GD_COLS,
             _map_glassdoor_text, "Ken Jee", "Data Science Salary Estimator: Glassdoor data-science postings",
             "commit c8ab2c5629a4", "not stated", "https://github.com/PlayingNumbers/ds_salary_proj", "2020",
             native_id="row_id", searched=DATA_IT_SOC),
    FileSpec("glassdoor-atharvap329-2020", "glassdoor_ds_jobs_2020_atharvap329.csv.gz", "csv",
             ("Job_title", "Company", "State", "City", "Min_Salary", "Max_Salary", "Job_Desc", "Date_Posted", "Job_Type"),
             _map_atharvap329, "atharvap329 (via HarshCasper/MargSetu)", "Glassdoor Data Science Job Data (NY, SF, TX, WA)",
             "commit fce01bddb167", "not stated", "https://github.com/HarshCasper/MargSetu", "2020-05", searched=DATA_IT_SOC),
    FileSpec("glassdoor-rashikrahmanpritom-2021", "glassdoor_ds_jobs_2021_rashikrahmanpritom.csv", "csv",
             ("index",) + _GD_COLS, _map_glassdoor_text, "rashikrahmanpritom (via Zayyadibrahim)",
             "Data Science Job Posting on Glassdoor (uncleaned)", "commit 0aacf0fe6402", "not stated",
             "https://github.com/Zayyadibrahim/GlassDoor_Data_Science_Job_Posting", "2021", native_id="index", searched=DATA_IT_SOC),
    FileSpec("nofluffjobs-warsaw-2022", "nofluffjobs_warsaw_it_postings.csv", "csv",
             ("position", "salary_lower", "salary_upper", "main_skill", "seniority", "main_category", "description"),
             _map_nofluffjobs, "gekas145", "NoFluffJobs IT job offers in Warsaw", "commit 6ae33ad9cf3a",
             "not stated", "https://github.com/gekas145/NoFluffJobsWebScraping", "2022-08", searched=DATA_IT_SOC),
    FileSpec("ds-bookcamp", "ds_bookcamp_ds_postings.jsonl.gz", "jsonl", ("posting_id", "title", "description"),
             _map_ds_bookcamp, "Leonard Apeltsin (Data Science Bookcamp, Manning)",
             "Data Science Bookcamp case study 4 job postings (Indeed)", "commit ad7cdb7f428a", "not stated",
             "https://github.com/books-by-chansung/ds-bookcamp", "2019", native_id="posting_id", searched=DATA_IT_SOC),
    FileSpec("nhs-jobs-uk-2020", "nhs_jobs_uk_2020_stochastictalk.jsonl.gz", "jsonl", _NORM_COLS,
             _map_normalised("GB", "GBP"), "stochastictalk", "NHS Jobs Data (jobs.nhs.uk vacancies)",
             "commit 6ad8e4fb206b", "not stated", "https://github.com/stochastictalk/nhs_jobs_data", "2020-11",
             native_id="posting_id"),
    FileSpec("la-city-bulletins", "la_city_job_bulletins_cityofla.jsonl.gz", "jsonl", _NORM_COLS,
             _map_normalised("US", "USD"), "City of Los Angeles (via bigbluey)", "City of Los Angeles job bulletins",
             "commit 2d8b7fffbdf7", "not stated",
             "https://github.com/bigbluey/Natural-Language-Processing-City-of-Los-Angeles-Job-Descriptions", "2019",
             native_id="posting_id"),
    FileSpec("adzuna-uk-2013", "adzuna_uk_job_salary_sample_vahidhedley.jsonl.gz", "jsonl",
             _NORM_COLS + ("salary_normalized_gbp_year", "category", "employment_type"),
             _map_normalised("GB", "GBP", amount="salary_normalized_gbp_year"), "Adzuna (via VahidHedley)",
             "Job Salary Prediction (Train_rev1 sample)", "commit b0c10a7e46b9", "not stated",
             "https://github.com/VahidHedley/Predict-Salaries-from-Text", "2013", native_id="posting_id"),
]


# ------------------------------------------------------------------------------------- one file

def _read(spec: FileSpec, path: Path) -> tuple[pd.DataFrame, list[tuple[int, str]]]:
    """Read the raw file; adds `_line` (1-based record number) and returns bad JSON lines separately."""
    if spec.kind == "csv":
        df = read_table(path, required=spec.required)
        df["_line"] = np.arange(1, len(df) + 1)
        return df, []
    df = read_jsonl(path, required=spec.required)
    return df, list(df.attrs.get("bad_lines", []))


def _raw_row(row: pd.Series) -> str:
    return json.dumps({k: (None if pd.isna(v) else v) if not isinstance(v, (list, dict)) else v
                       for k, v in row.items() if k != "_line"}, ensure_ascii=False, default=str)[:500]


def _posting_ids(spec: FileSpec, native: pd.Series, line: pd.Series) -> pd.Series:
    """Native id where it is present and unique in the file, else the record number."""
    line_ids = line.astype(str)
    if spec.native_id is None:
        return spec.source_id + ":" + line_ids
    usable = native.notna() & ~native.duplicated(keep=False)
    return spec.source_id + ":" + native.where(usable, "line-" + line_ids).astype(str)


def _load_file(spec: FileSpec, data_dir: Path) -> tuple[Loaded, pd.DataFrame, dict[str, int]]:
    """Read, map and clean one file; returns its Loaded (no tables), its rows and its notes."""
    path = require_file(data_dir / "postings" / spec.filename)
    rpath = rel(path, data_dir)
    stats = FileStats(path=rpath, sha256=sha256_file(path))
    raw, bad_lines = _read(spec, path)
    rejects = [Reject(rpath, line, "not a JSON object", text[:500]) for line, text in bad_lines]
    mapped = spec.mapper(raw)
    notes = {k: v for k, v in mapped.attrs.items() if v}
    mapped["source_line"] = raw["_line"].astype("int64")

    no_title = mapped["title"].isna()
    for idx in mapped.index[no_title]:
        rejects.append(Reject(rpath, int(raw.at[idx, "_line"]), "missing title", _raw_row(raw.loc[idx])))
    rows = mapped.loc[~no_title].copy()
    stats.rows_read = len(raw) + len(bad_lines)
    stats.rows_rejected = len(rejects)
    stats.rows_loaded = len(rows)
    check_reject_share(path, stats)

    rows = _clean(rows, spec, notes)
    rows["source_id"] = spec.source_id
    rows["source_file"] = rpath
    rows["posting_id"] = _posting_ids(spec, rows["native_id"], rows["source_line"])
    rows["_dedup_key"] = _dedup_keys(rows, spec)
    return Loaded(source=spec.info(), files=[stats], rejects=rejects), rows, notes


def _clean(rows: pd.DataFrame, spec: FileSpec, notes: dict[str, int]) -> pd.DataFrame:
    """Cap descriptions, decode HTML entities in short fields, parse dates, fill remote, annualise salaries;
    count what was changed or nulled."""
    for col in ("title", "company", "location"):  # the NHS file escapes titles: "Cleaning &amp; Catering Assistant"
        v = rows[col]
        escaped = v.str.contains(_ENTITY, regex=True, na=False)
        if escaped.any():
            rows[col] = v.where(~escaped, v[escaped].map(html.unescape))
            notes[f"{col}_html_entities_decoded"] = int(escaped.sum())
    desc = rows["description"]
    long = desc.str.len().fillna(0) > MAX_DESCRIPTION
    if long.any():
        rows["description"] = desc.where(~long, desc.str.slice(0, MAX_DESCRIPTION))
        notes["description_truncated"] = int(long.sum())
    given = rows["posted_date"]
    parsed = pd.to_datetime(given.str.slice(0, 10), format="%Y-%m-%d", errors="coerce")
    if int((given.notna() & parsed.isna()).sum()):
        notes["posted_date_unparsed"] = int((given.notna() & parsed.isna()).sum())
    rows["posted_date"] = pd.Series([d.date() if not pd.isna(d) else None for d in parsed],
                                    index=rows.index, dtype="object")
    if rows["remote"].isna().all():
        said = (rows["title"].fillna("") + " " + rows["location"].fillna("")).str.contains(_REMOTE, regex=True)
        rows["remote"] = pd.Series(np.where(said, True, None), index=rows.index, dtype="object").astype("boolean")
    salary, implausible = annualise(rows[["salary_min", "salary_max", "salary_period", "currency"]])
    for c in SALARY_COLUMNS:
        rows[c] = salary[c]
    if implausible:
        notes["salary_implausible_nulled"] = implausible
    return rows


def _dedup_keys(rows: pd.DataFrame, spec: FileSpec) -> pd.Series:
    """Description key (global) or, without descriptions, a (title, company, location) key per file.

    The Luke Barousse files are daily scrapes: one listing reappears day after day (Zeiss's "Knowledge Graph
    Engineer (f/m/x)" on 22 days of September 2024), and with the date in the key 1,209 listings were counted
    10 to 22 times each, enough to make an "emerging role" of one employer's advert. A row without a company
    is never a duplicate: title and place alone do not name one listing."""
    norm = rows["description"].str.lower().str.replace(r"\s+", " ", regex=True).str.strip()
    key = ("d:" + norm).where(norm.str.len().fillna(0) >= MIN_DEDUP_CHARS, None)
    if rows["description"].isna().all() and spec.name.startswith("lukebarousse"):
        company = rows["company"].str.strip().str.lower()
        key = ("t:" + spec.source_id + "\x1f" + rows["title"].fillna("").str.strip().str.lower() + "\x1f" + company
               + "\x1f" + rows["location"].fillna("").str.strip().str.lower()).where(company.fillna("") != "", None)
    return key.astype("object")


def _flag_duplicates(df: pd.DataFrame) -> pd.Series:
    """`duplicate_of` for each row: the first posting_id with the same key, or None for the first."""
    first = df.groupby("_dedup_key", sort=False, dropna=True)["posting_id"].transform("first")
    return first.where(first.notna() & (first != df["posting_id"]), None).astype("object")


def _restore_line_breaks(df: pd.DataFrame, all_notes: dict[str, dict[str, int]]) -> None:
    """Put back the line breaks the sources lost (in place); count the descriptions and breaks per source.

    The names to keep and the line-head words are learnt from all the loaded descriptions at once: a name is
    known by recurring across sources (see `careerpath.sources.line_breaks`)."""
    has = df["description"].notna()
    if not has.any():
        return
    vocabulary = learn(zip(df.loc[has, "source_id"], df.loc[has, "description"]))
    fixed = df.loc[has, "description"].map(lambda t: restore_line_breaks(t, vocabulary))
    breaks = fixed.map(lambda r: len(r[1]))
    changed = breaks > 0
    if not changed.any():
        return
    df.loc[changed[changed].index, "description"] = fixed[changed].map(lambda r: r[0])
    for sid, n in df.loc[changed[changed].index, "source_id"].value_counts().items():
        notes = all_notes.setdefault(sid, {})
        notes["description_line_breaks_restored"] = int(n)
        notes["description_line_breaks_inserted"] = int(breaks[changed & (df.loc[has, "source_id"] == sid)].sum())
        log(f"  {sid}: description_line_breaks_restored {n:,} ({notes['description_line_breaks_inserted']:,} breaks)")


def _tidy(df: pd.DataFrame) -> pd.DataFrame:
    """One null per type (None in text columns, pd.NA in flags) so the store infers clean SQL types."""
    for c in ("remote", "no_degree"):
        df[c] = df[c].astype("boolean")
    for c in df.columns:
        if df[c].dtype == object and c not in ("posted_date", "skills_given"):
            df[c] = df[c].where(df[c].notna(), None)
    return df


# ----------------------------------------------------------------------------------------- entry

def load(data_dir: Path) -> list[Loaded]:
    """Load every postings file; the combined `postings` table rides on the first result."""
    data_dir = Path(data_dir)
    results: list[Loaded] = []
    frames: list[pd.DataFrame] = []
    all_notes: dict[str, dict[str, int]] = {}
    for spec in FILES:
        if not (data_dir / "postings" / spec.filename).exists():
            log(f"  {spec.source_id}: postings/{spec.filename} not in the data folder; skipped")
            continue
        loaded, rows, notes = _load_file(spec, data_dir)
        results.append(loaded)
        frames.append(rows)
        if notes:
            all_notes[spec.source_id] = notes
            log(f"  {spec.source_id}: " + ", ".join(f"{k} {v:,}" for k, v in notes.items()))
    if not frames:
        return []  # market data is optional: ingest creates an empty `postings` table from its schema
    df = pd.concat(frames, ignore_index=True)
    df["duplicate_of"] = _flag_duplicates(df)
    _restore_line_breaks(df, all_notes)
    df = _tidy(df[COLUMNS].reset_index(drop=True))
    df.attrs["notes"] = all_notes
    results[0].tables = {"postings": df}
    return results


#: source id -> the SOC prefixes it searched for, for the collections that searched for some titles only
SEARCHED: dict[str, tuple[str, ...]] = {spec.source_id: spec.searched for spec in FILES if spec.searched}
