"""Postings loader: tiny hand-written files in every format, plus one run over the real data."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pandas as pd
import pytest

from careerpath.errors import InputError
from careerpath.sources import postings
from careerpath.sources._salary import annualise, parse_glassdoor

REAL_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"

LONG = "We are looking for a data scientist to build models. " * 5  # > 200 chars
SHARED = "Shared Glassdoor description that appears in two scrapes of the same posting. " * 4


def _lb_rows() -> list[dict]:
    base = dict(job_title_short="Data Analyst", job_title="Data Analyst", job_location="Austin, TX",
                job_via="via LinkedIn", job_schedule_type="Full-time", job_work_from_home="False",
                search_location="Texas", job_posted_date="2023-03-01 10:00:00", job_no_degree_mention="True",
                job_health_insurance="False", job_country="United States", salary_rate="year",
                salary_year_avg="90000.0", salary_hour_avg="", company_name="Acme",
                job_skills="['sql', 'python']")
    return [
        base,
        {**base, "job_title_short": "Senior Data Scientist", "job_title": "Sr DS", "job_location": "Anywhere",
         "job_country": "Sudan", "salary_rate": "hour", "salary_year_avg": "", "salary_hour_avg": "50.0",
         "job_skills": "not a list ["},
        {**base},  # same title/company/location/date as row 1: a duplicate
        {**base, "job_title": "Analyst", "job_country": "Atlantis", "job_skills": ""},
    ]


def _glassdoor(id_col: str, rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    return pd.DataFrame([
        {id_col: i, "Job Title": title, "Salary Estimate": sal, "Job Description": desc, "Rating": "3.8",
         "Company Name": "Tecolote Research\n3.8", "Location": "Albuquerque, NM", "Headquarters": "Goleta, CA",
         "Size": "-1", "Founded": "1973", "Type of ownership": "-1", "Industry": "-1", "Sector": "-1",
         "Revenue": "-1", "Competitors": "-1"}
        for i, (title, sal, desc) in enumerate(rows)
    ])


def _norm(pid: str, title: str, **kw: object) -> dict:
    row = dict(posting_id=pid, title=title, company="Org", location="Leeds, LS1 1AA", country="GB",
               posted_date="2020-11-01T10:00:00+0000", description=LONG + pid, salary_text="£25,000",
               salary_min=25000, salary_max=30000, salary_period="YEAR", currency="GBP",
               employment_type="FULL_TIME", seniority=None, category="Healthcare")
    row.update(kw)
    return row


def _write_jsonl(path: Path, rows: list[dict | str]) -> None:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in rows]
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def write_fixtures(data: Path) -> Path:
    """All ten files, 2-5 rows each, in their real formats (gzip where the real file is)."""
    d = data / "postings"
    d.mkdir(parents=True, exist_ok=True)
    pd.DataFrame(_lb_rows()).to_csv(d / "lukebarousse_data_jobs_2023_salaried.csv.gz", index=False, compression="gzip")
    lb24 = pd.DataFrame(_lb_rows()[:2]).assign(job_type_skills="{}", job_posted_date="2024-10-01 00:00:00")
    lb24.to_csv(d / "lukebarousse_data_jobs_2024_09to12.csv.gz", index=False, compression="gzip")
    _glassdoor("row_id", [
        ("Data Scientist", "$53K-$91K (Glassdoor est.)", SHARED),
        ("Remote Data Engineer", "Employer Provided Salary:$25-$28 Per Hour", LONG + "kenjee"),
        ("Analyst", "-1", "short"),
    ]).to_csv(d / "glassdoor_ds_jobs_2020_kenjee.csv", index=False)
    pd.DataFrame([
        {"source_file": "Data_Job_NY.csv", "Job_title": "Registered Nurse", "Company": "Clinic", "State": "NY",
         "City": "New York", "Min_Salary": "-1", "Max_Salary": "-1", "Job_Desc": LONG + "nurse",
         "Industry": "", "Rating": "4.0", "Date_Posted": "2020-05-08", "Valid_until": "2020-06-07", "Job_Type": "FULL_TIME"},
        {"source_file": "Data_Job_SF.csv", "Job_title": "Data Analyst", "Company": "Co", "State": "CA",
         "City": "San Francisco", "Min_Salary": "60000", "Max_Salary": "80000", "Job_Desc": LONG + "analyst",
         "Industry": "", "Rating": "4.0", "Date_Posted": "2020-04-25", "Valid_until": "2020-06-07", "Job_Type": "PART_TIME"},
    ]).to_csv(d / "glassdoor_ds_jobs_2020_atharvap329.csv.gz", index=False, compression="gzip")
    _glassdoor("index", [
        ("Sr Data Scientist", "$137K-$171K (Glassdoor est.)", "  " + SHARED.upper().replace(" ", "   ") + "\n"),
        ("Data Scientist", "$21-$34 Per Hour(Glassdoor est.)", LONG + "rashik"),
    ]).to_csv(d / "glassdoor_ds_jobs_2021_rashikrahmanpritom.csv", index=False)
    pd.DataFrame([
        {"position": "Backend Developer", "salary_lower": "10000", "salary_upper": "15000", "main_skill": "java",
         "seniority": "Mid", "main_category": "Backend", "description": LONG + "java", "description_preprocessed": ""},
        {"position": "Tester", "salary_lower": "0", "salary_upper": "8000", "main_skill": "",
         "seniority": "Junior", "main_category": "Testing", "description": LONG + "qa", "description_preprocessed": ""},
    ]).to_csv(d / "nofluffjobs_warsaw_it_postings.csv", index=False)
    _write_jsonl(d / "ds_bookcamp_ds_postings.jsonl.gz", [
        {"posting_id": "abc1", "title": "Data Scientist - Seattle, WA 98101", "description": LONG + "book"},
        {"posting_id": "abc2", "title": "ML Engineer - Remote", "description": LONG + "book2"},
    ])
    _write_jsonl(d / "nhs_jobs_uk_2020_stochastictalk.jsonl.gz", [
        _norm("915", "Staff Nurse"),
        _norm("916", "Porter", salary_min=0, salary_max=37890000),  # implausible: nulled, row kept
        "{not json",
        _norm("917", "Healthcare Assistant", salary_min=None, salary_max=None),
        _norm("918", "Cleaning &amp; Catering Assistant &#8211; Band 2"),  # the NHS file escapes its titles
    ])
    _write_jsonl(d / "la_city_job_bulletins_cityofla.jsonl.gz", [
        _norm("ACCOUNTANT 1513 062218.txt", "ACCOUNTANT", country="US", currency="USD", salary_min=49903,
              salary_max=72996, location="Los Angeles, CA", posted_date="2018-06-22", category="LA class code 1513"),
        _norm("311 DIRECTOR 9206 041814.txt", "311 DIRECTOR", country="US", currency="USD", salary_min=125175,
              salary_max=155514, location="Los Angeles, CA", posted_date="2014-04-18"),
    ])
    adz = dict(salary_min=None, salary_max=None, salary_period=None, posted_date=None,
               location_normalized="Dorking", source_name="cv-library.co.uk", category="IT Jobs")
    _write_jsonl(d / "adzuna_uk_job_salary_sample_vahidhedley.jsonl.gz", [
        _norm("1261", "Systems Analyst", salary_normalized_gbp_year=25000, **adz),
        _norm("1262", "", salary_normalized_gbp_year=30000, **adz),  # no title: rejected
        _norm("1263", "Care Assistant", salary_normalized_gbp_year=19000, **adz),
    ])
    return data


@pytest.fixture
def loaded(tmp_path: Path) -> tuple[list, pd.DataFrame]:
    results = postings.load(write_fixtures(tmp_path))
    return results, results[0].tables["postings"].set_index("posting_id", drop=False)


# ----------------------------------------------------------------------------------- salary units

def test_parse_glassdoor_salary_text() -> None:
    text = pd.Series(["$53K-$91K (Glassdoor est.)", "Employer Provided Salary:$100K-$140K",
                      "$21-$34 Per Hour(Glassdoor est.)", "Employer Provided Salary:$25-$28 Per Hour",
                      "$145K-$225K(Employer est.)", "-1", "", "competitive"])
    out, unparsed = parse_glassdoor(text)
    assert out["salary_min"].tolist()[:5] == [53000, 100000, 21, 25, 145000]
    assert out["salary_max"].tolist()[:5] == [91000, 140000, 34, 28, 225000]
    assert out["salary_period"].tolist()[:5] == ["YEAR", "YEAR", "HOUR", "HOUR", "YEAR"]
    assert out["salary_min"].iloc[5:].isna().all()
    assert unparsed == 1  # only "competitive": -1 and empty mean "no salary", not an error


def test_annualise_one_rule_and_plausibility() -> None:
    frame = pd.DataFrame({
        "salary_min": [20.0, 10000.0, 0.0, 100.0, 5.0, None, 300.0],
        "salary_max": [30.0, 15000.0, 8000.0, 200.0, 5.0, None, 300.0],
        "salary_period": ["HOUR", "MONTH", "MONTH", "DAY", "YEAR", "YEAR", "WEEK"],
        "currency": ["USD", "PLN", "PLN", "GBP", "GBP", "GBP", "GBP"],
    })
    out, implausible = annualise(frame)
    assert out["salary_annual"].tolist()[:4] == [25 * 2080, 12500 * 12, 8000 * 12, 150 * 260]
    assert out["salary_annual_min"].iloc[0] == 20 * 2080 and out["salary_annual_max"].iloc[0] == 30 * 2080
    assert out["salary_min"].iloc[2] == 8000  # a zero bound is missing, the other one is used
    assert out["salary_annual"].iloc[6] == 300 * 52
    assert implausible == 1 and pd.isna(out["salary_annual"].iloc[4]) and out["currency"].iloc[4] is None
    assert pd.isna(out["salary_annual"].iloc[5]) and out["currency"].iloc[5] is None


# ----------------------------------------------------------------------------------- whole loader

def test_one_result_per_file_and_table_on_first(loaded) -> None:
    results, df = loaded
    ids = [r.source.id for r in results]
    assert ids == [f"postings-{s.name}" for s in postings.FILES] and len(ids) == 10
    assert "postings-glassdoor-kenjee-2020" in ids and "postings-adzuna-uk-2013" in ids
    assert list(results[0].tables) == ["postings"] and all(not r.tables for r in results[1:])
    assert list(results[0].tables["postings"].columns) == postings.COLUMNS
    assert df["posting_id"].is_unique and len(df) == sum(r.files[0].rows_loaded for r in results)
    for r in results:
        f = r.files[0]
        assert f.rows_read == f.rows_loaded + f.rows_rejected and len(f.sha256) == 64
        assert f.path.startswith("postings/") and r.source.license and r.source.url.startswith("https://github.com/")
        assert (df.loc[df["source_id"] == r.source.id, "source_file"] == f.path).all()


def test_salaries_per_source(loaded) -> None:
    _, df = loaded
    assert df.loc["postings-glassdoor-kenjee-2020:0", "salary_annual"] == 72000
    row = df.loc["postings-glassdoor-kenjee-2020:1"]
    assert row["salary_period"] == "HOUR" and row["salary_annual"] == 26.5 * 2080 and row["remote"] == True  # noqa: E712
    assert pd.isna(df.loc["postings-glassdoor-kenjee-2020:2", "salary_annual"])
    assert pd.isna(df.loc["postings-glassdoor-atharvap329-2020:1", "salary_min"])  # -1 = missing
    assert df.loc["postings-glassdoor-atharvap329-2020:2", "salary_annual"] == 70000
    nfj = df.loc["postings-nofluffjobs-warsaw-2022:1"]
    assert nfj["currency"] == "PLN" and nfj["salary_annual"] == 12500 * 12 and nfj["country"] == "PL"
    assert df.loc["postings-nofluffjobs-warsaw-2022:2", "salary_annual"] == 8000 * 12
    lb = df.loc["postings-lukebarousse-2023:2"]
    assert lb["salary_period"] == "HOUR" and lb["salary_annual"] == 50 * 2080 and lb["currency"] == "USD"
    assert df.loc["postings-adzuna-uk-2013:1261", "salary_annual"] == 25000
    assert df.loc["postings-nhs-jobs-uk-2020:915", "currency"] == "GBP"
    assert pd.isna(df.loc["postings-nhs-jobs-uk-2020:916", "salary_annual"])
    assert df.attrs["notes"]["postings-nhs-jobs-uk-2020"]["salary_implausible_nulled"] == 1
    assert set(df.loc[df["currency"] == "GBP", "source_id"]) <= {"postings-nhs-jobs-uk-2020", "postings-adzuna-uk-2013"}


def test_countries_companies_and_fields(loaded) -> None:
    _, df = loaded
    assert df.loc["postings-lukebarousse-2023:1", "country"] == "US"
    assert df.loc["postings-lukebarousse-2023:2", "country"] is None  # "Sudan" artefact
    assert df.loc["postings-lukebarousse-2023:4", "country"] is None  # unknown name
    assert df.loc["postings-lukebarousse-2023:2", "remote"] == True  # noqa: E712  "Anywhere"
    assert df.loc["postings-lukebarousse-2023:2", "seniority"] == "Senior"
    assert df.loc["postings-lukebarousse-2023:1", "skills_given"] == ["sql", "python"]
    assert df.loc["postings-lukebarousse-2023:2", "skills_given"] is None
    assert df.loc["postings-lukebarousse-2023:1", "no_degree"] == True  # noqa: E712
    assert df.loc["postings-lukebarousse-2023:1", "posted_date"].isoformat() == "2023-03-01"
    assert df.loc["postings-glassdoor-kenjee-2020:0", "company"] == "Tecolote Research"
    assert df.loc["postings-nhs-jobs-uk-2020:915", "country"] == "GB"
    assert df.loc["postings-nhs-jobs-uk-2020:918", "title"] == "Cleaning & Catering Assistant \u2013 Band 2"
    assert df.attrs["notes"]["postings-nhs-jobs-uk-2020"]["title_html_entities_decoded"] == 1
    assert df.loc["postings-la-city-bulletins:ACCOUNTANT 1513 062218.txt", "country"] == "US"
    book = df.loc["postings-ds-bookcamp:abc1"]
    assert (book["title"], book["location"], book["country"]) == ("Data Scientist", "Seattle, WA 98101", "US")
    assert df.loc["postings-ds-bookcamp:abc2", "remote"] == True  # noqa: E712
    assert df.loc["postings-nofluffjobs-warsaw-2022:1", "skills_given"] == ["java"]
    assert df.loc["postings-nofluffjobs-warsaw-2022:1", "seniority"] == "Mid"


def test_a_daily_scrape_counts_one_listing_once() -> None:
    """The Luke Barousse files repeat a listing on every day it stayed up; the date is no part of its identity."""
    spec = next(f for f in postings.FILES if f.name == "lukebarousse-2024")
    rows = pd.DataFrame({
        "posting_id": [f"p:{i}" for i in range(5)],
        "title": ["Knowledge Graph Engineer (f/m/x)", "Knowledge Graph Engineer (f/m/x) ", "Knowledge Graph Engineer (f/m/x)",
                  "Data Analyst", "Data Analyst"],
        "company": ["Zeiss", "ZEISS", "Zeiss", None, None],
        "location": ["Jena, Germany", "Jena, Germany", "Berlin, Germany", "Anywhere", "Anywhere"],
        "posted_date": ["2024-09-01", "2024-09-02", "2024-09-03", "2024-09-01", "2024-09-02"],
        "description": [None] * 5,
    })
    rows["_dedup_key"] = postings._dedup_keys(rows, spec)
    dup = [d if isinstance(d, str) else None for d in postings._flag_duplicates(rows)]
    assert dup == [None, "p:0", None, None, None]  # another place is another listing; no company, no key


def test_duplicates_within_and_across_files(loaded) -> None:
    _, df = loaded
    # same description modulo case/whitespace, later file -> points at the earlier file's row
    assert df.loc["postings-glassdoor-rashikrahmanpritom-2021:0", "duplicate_of"] == "postings-glassdoor-kenjee-2020:0"
    assert df.loc["postings-glassdoor-kenjee-2020:0", "duplicate_of"] is None
    assert df.loc["postings-lukebarousse-2023:3", "duplicate_of"] == "postings-lukebarousse-2023:1"
    # the same tuple in the 2024 file is not compared with 2023 (duplicates are found within a file)
    assert df.loc[df["source_id"] == "postings-lukebarousse-2024", "duplicate_of"].isna().all()
    assert df.loc["postings-glassdoor-kenjee-2020:2", "duplicate_of"] is None  # short: never deduped
    assert int(df["duplicate_of"].notna().sum()) == 2


def test_rejects_are_counted(loaded) -> None:
    results, _ = loaded
    by_id = {r.source.id: r for r in results}
    nhs = by_id["postings-nhs-jobs-uk-2020"]
    assert [(x.line, x.reason) for x in nhs.rejects] == [(3, "not a JSON object")]
    assert (nhs.files[0].rows_read, nhs.files[0].rows_loaded, nhs.files[0].rows_rejected) == (5, 4, 1)
    adz = by_id["postings-adzuna-uk-2013"]
    assert [(x.line, x.reason) for x in adz.rejects] == [(2, "missing title")] and "1262" in adz.rejects[0].raw
    assert len(adz.rejects[0].raw) <= 500


def test_long_description_is_capped(tmp_path: Path) -> None:
    data = write_fixtures(tmp_path)
    _write_jsonl(data / "postings" / "ds_bookcamp_ds_postings.jsonl.gz",
                 [{"posting_id": "x", "title": "T - Boston, MA", "description": "a" * 150_000}])
    df = postings.load(data)[0].tables["postings"]
    assert df.loc[df["posting_id"] == "postings-ds-bookcamp:x", "description"].str.len().item() == 100_000
    assert df.attrs["notes"]["postings-ds-bookcamp"]["description_truncated"] == 1


def test_truncated_gzip_is_an_input_error(tmp_path: Path) -> None:
    data = write_fixtures(tmp_path)
    path = data / "postings" / "nhs_jobs_uk_2020_stochastictalk.jsonl.gz"
    path.write_bytes(gzip.compress(("x" * 5000 + "\n").encode() * 50)[:200])
    with pytest.raises(InputError, match="gzip"):
        postings.load(data)


def test_missing_column_is_an_input_error(tmp_path: Path) -> None:
    data = write_fixtures(tmp_path)
    path = data / "postings" / "nofluffjobs_warsaw_it_postings.csv"
    pd.read_csv(path, dtype=str).drop(columns=["salary_upper"]).to_csv(path, index=False)
    with pytest.raises(InputError, match="salary_upper"):
        postings.load(data)


def test_absent_file_is_skipped_not_fatal(tmp_path: Path) -> None:
    """Postings files are optional inputs: an absent one is skipped (and logged), the rest still load."""
    data = write_fixtures(tmp_path)
    (data / "postings" / "glassdoor_ds_jobs_2020_kenjee.csv").unlink()
    results = postings.load(data)
    ids = {r.source.id for r in results}
    assert "postings-glassdoor-kenjee-2020" not in ids and len(ids) == 9
    assert not results[0].tables["postings"]["source_id"].eq("postings-glassdoor-kenjee-2020").any()


def test_no_postings_at_all_gives_no_results(tmp_path: Path) -> None:
    assert postings.load(tmp_path) == []


def test_mostly_bad_file_is_an_input_error(tmp_path: Path) -> None:
    data = write_fixtures(tmp_path)
    _write_jsonl(data / "postings" / "la_city_job_bulletins_cityofla.jsonl.gz",
                 [_norm("a", "A"), "[1]", "{oops", "nope"])
    with pytest.raises(InputError, match="rejected"):
        postings.load(data)


# ----------------------------------------------------------------------------------- real data

@pytest.mark.slow
@pytest.mark.skipif(not (REAL_DATA / "postings").is_dir(), reason="shared data folder not present")
def test_real_data() -> None:
    results = postings.load(REAL_DATA)
    df = results[0].tables["postings"]
    read = sum(r.files[0].rows_read for r in results)
    assert read == 32_672 + 93_397 + 3_324 + 956 + 672 + 1_108 + 1_458 + 14_517 + 683 + 2_478
    assert len(df) == sum(r.files[0].rows_loaded for r in results) and len(df) > 150_000
    assert df["posting_id"].is_unique
    files = {r.files[0].path for r in results}
    assert df["source_file"].notna().all() and set(df["source_file"]) == files
    assert df["source_line"].ge(1).all()
    uk = {"postings-nhs-jobs-uk-2020", "postings-adzuna-uk-2013"}
    assert set(df.loc[df["currency"] == "GBP", "source_id"]) == uk
    assert set(df.loc[df["currency"] == "PLN", "source_id"]) == {"postings-nofluffjobs-warsaw-2022"}
    assert df["currency"].notna().eq(df["salary_annual"].notna()).all()
    assert df["salary_annual"].dropna().between(1_000, 2_000_000).all()
    assert (df["duplicate_of"].notna()).sum() > 0
    assert df.loc[df["duplicate_of"].notna(), "duplicate_of"].isin(df["posting_id"]).all()


def test_lost_line_breaks_are_restored_and_counted(tmp_path: Path) -> None:
    data = write_fixtures(tmp_path)
    flat = "Join a team that is committedRegistered Nurses on ourWards use JavaScript and an iPhone app. " * 3
    _write_jsonl(data / "postings" / "ds_bookcamp_ds_postings.jsonl.gz",
                 [{"posting_id": "x", "title": "T - Boston, MA", "description": flat},
                  {"posting_id": "y", "title": "T - Boston, MA", "description": "Keeps TensorFlow and eBay whole."}])
    df = postings.load(data)[0].tables["postings"].set_index("posting_id")
    fixed = df.loc["postings-ds-bookcamp:x", "description"]
    assert fixed.startswith("Join a team that is committed\nRegistered Nurses on our\nWards use JavaScript and an iPhone app.")
    assert len(fixed) == len(flat.strip()) + 6  # two breaks inserted per copy, nothing removed
    assert df.loc["postings-ds-bookcamp:y", "description"] == "Keeps TensorFlow and eBay whole."
    notes = df.attrs["notes"]["postings-ds-bookcamp"]
    assert (notes["description_line_breaks_restored"], notes["description_line_breaks_inserted"]) == (1, 6)
