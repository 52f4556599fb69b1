"""BLS loader: markers, caps, thousands and rejects on tiny hand-written files, then the real data."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from careerpath.errors import InputError
from careerpath.sources import bls

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"

NATIONAL_HEADER = ("AREA,AREA_TITLE,AREA_TYPE,PRIM_STATE,NAICS,NAICS_TITLE,I_GROUP,OWN_CODE,OCC_CODE,OCC_TITLE,"
                   "O_GROUP,TOT_EMP,EMP_PRSE,JOBS_1000,LOC_QUOTIENT,PCT_TOTAL,PCT_RPT,H_MEAN,A_MEAN,MEAN_PRSE,"
                   "H_PCT10,H_PCT25,H_MEDIAN,H_PCT75,H_PCT90,A_PCT10,A_PCT25,A_MEDIAN,A_PCT75,A_PCT90,"
                   "ANNUAL,HOURLY").split(",")
STATE_HEADER = ("AREA,AREA_TITLE,STATE_FIPS,OCC_CODE,OCC_TITLE,DISPLAY_LEVEL,TOT_EMP,EMP_PRSE,H_MEAN,A_MEAN,"
                "MEAN_PRSE,H_PCT10,H_PCT25,H_MEDIAN,H_PCT75,H_PCT90,A_PCT10,A_PCT25,A_MEDIAN,A_PCT75,A_PCT90,"
                "JOBS_1000,LOC_QUOTIENT,FOOTNOTES").split(",")
WAGES = {"H_MEAN": "60", "A_MEAN": "124800", "MEAN_PRSE": "0.5", "H_PCT10": "30", "H_PCT25": "40",
         "H_MEDIAN": "55", "H_PCT75": "70", "H_PCT90": "90", "A_PCT10": "62400", "A_PCT25": "83200",
         "A_MEDIAN": "114400", "A_PCT75": "145600", "A_PCT90": "187200"}


def _write(path: Path, header: list[str], rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=header, restval="")
        w.writeheader()
        w.writerows(rows)


def national_row(code: str = "15-1252", **kw: str) -> dict:
    row = {"AREA": "99", "AREA_TITLE": "U.S.", "AREA_TYPE": "1", "NAICS": "000000", "I_GROUP": "cross-industry",
           "OWN_CODE": "1235", "OCC_CODE": code, "OCC_TITLE": f"Occupation {code}", "O_GROUP": "detailed",
           "TOT_EMP": "1,000", "EMP_PRSE": "1.2", **WAGES}
    return {**row, **kw}


def state_row(code: str = "15-1252", **kw: str) -> dict:
    row = {"AREA": "0100000", "AREA_TITLE": "Alabama", "STATE_FIPS": "01", "OCC_CODE": code,
           "OCC_TITLE": f"Occupation {code}", "DISPLAY_LEVEL": "3", "TOT_EMP": "930", "EMP_PRSE": "17.2",
           **WAGES, "JOBS_1000": "0.438", "LOC_QUOTIENT": "0.97", "FOOTNOTES": ""}
    return {**row, **kw}


def ep_row(code: str = "15-2051", **kw: str) -> dict:
    t = "2024 National Employment Matrix"
    row = {f"{t} title": "Data scientists", f"{t} code": code, "Occupation type": "Line item",
           "Employment, 2024": "245.9", "Employment, 2034": "328.3",
           "Employment distribution, percent, 2024": "0.1", "Employment distribution, percent, 2034": "0.2",
           "Employment change, numeric, 2024–34": "82.5", "Employment change, percent, 2024–34": "33.5",
           "Percent self employed, 2024": "1.8", "Occupational openings, 2024–34 annual average": "23.4",
           "Median annual wage, dollars, 2024": "112590", "Typical education needed for entry": "Bachelor's degree",
           "Work experience in a related occupation": "None",
           "Typical on-the-job training needed to attain competency in the occupation": "None",
           "OOH URL": "https://www.bls.gov/ooh/math/data-scientists.htm"}
    return {**row, **kw}


def _header(spec: bls.Spec) -> list[str]:
    return [src for _, src, _ in spec]


def _sep_row(code: str = "15-2051") -> dict:
    return {src: (code if kind == "code" else "Title" if kind == "text" else "1.5")
            for _, src, kind in bls.SEPARATIONS_SPEC} | {"Occupation type": "Line item"}


def _util_row(code: str = "15-2051") -> dict:
    return {src: (code if kind == "code" else "text") for _, src, kind in bls.UTILIZATION_SPEC}


def write_fixture(root: Path, *, national24: list[dict] | None = None, national25: list[dict] | None = None,
                  state: list[dict] | None = None, ep: list[dict] | None = None) -> Path:
    """A complete, tiny BLS data folder; each argument replaces one file's rows."""
    _write(root / bls.NATIONAL_FILES[2025], NATIONAL_HEADER, national25 or [national_row(), national_row("15-1299")])
    _write(root / bls.NATIONAL_FILES[2024], NATIONAL_HEADER, national24 or [national_row(), national_row("15-1299")])
    _write(root / bls.STATE_FILE, STATE_HEADER, state or [state_row(), state_row("15-1299")])
    _write(root / bls.EP_FILES["ep_projections"], _header(bls.PROJECTIONS_SPEC), ep or [ep_row()])
    _write(root / bls.EP_FILES["ep_separations"], _header(bls.SEPARATIONS_SPEC), [_sep_row()])
    _write(root / bls.EP_FILES["ep_utilization"], _header(bls.UTILIZATION_SPEC), [_util_row()])
    return root


def _by_id(results: list) -> dict:
    return {r.source.id: r for r in results}


def test_load_returns_three_sources_with_metadata_and_relative_paths(tmp_path: Path) -> None:
    res = _by_id(bls.load(write_fixture(tmp_path)))
    assert set(res) == {"bls-oews-2025", "bls-oews-2024", "bls-ep-2024-34"}
    oews = res["bls-oews-2025"]
    assert oews.source.as_of == "2025-05" and oews.source.version == "May 2025"
    assert oews.source.title == "Occupational Employment and Wage Statistics, May 2025"
    assert oews.source.license == "Public domain (U.S. Government work)"
    assert res["bls-oews-2024"].source.as_of == "2024-05"
    assert res["bls-ep-2024-34"].source.url == "https://www.bls.gov/emp/tables.htm"
    assert [f.path for f in oews.files] == ["bls/oews_national_M2025.csv", "bls/oews_state_M2025.csv"]
    assert [f.path for f in res["bls-oews-2024"].files] == ["bls/oews_national_M2024.csv"]
    assert len(res["bls-ep-2024-34"].files) == 3 and all(len(f.sha256) == 64 for f in oews.files)
    national = oews.tables["oews_national"]
    assert sorted(national["year"].unique()) == [2024, 2025]
    assert set(national.loc[national["year"] == 2024, "source_id"]) == {"bls-oews-2024"}
    assert set(res["bls-ep-2024-34"].tables) == {"ep_projections", "ep_separations", "ep_utilization"}


def test_markers_become_null_and_hash_becomes_cap_with_topcoded_list(tmp_path: Path) -> None:
    rows = [national_row("11-1011", A_PCT75="#", A_PCT90="#", H_PCT75="#", H_PCT90="#"),
            national_row("27-2021", TOT_EMP="**", EMP_PRSE="**", H_MEAN="*", H_MEDIAN="*", ANNUAL="TRUE"),
            national_row("53-2011", A_MEAN="n/a", HOURLY="TRUE")]
    res = _by_id(bls.load(write_fixture(tmp_path, national24=rows)))
    df = res["bls-oews-2025"].tables["oews_national"]
    df = df[df["year"] == 2024].set_index("soc6")
    ceo = df.loc["11-1011"]
    assert ceo["a_p90"] == 239_200.0 and ceo["h_p90"] == 115.0 and ceo["a_median"] == 114400.0
    assert list(ceo["a_topcoded"]) == ["a_p75", "a_p90"] and list(ceo["h_topcoded"]) == ["h_p75", "h_p90"]
    athletes = df.loc["27-2021"]
    assert pd.isna(athletes["tot_emp"]) and pd.isna(athletes["h_median"]) and athletes["annual_only"]
    assert list(athletes["a_topcoded"]) == []
    assert pd.isna(df.loc["53-2011", "a_mean"]) and df.loc["53-2011", "hourly_only"]
    assert df.loc["11-1011", "tot_emp"] == 1000 and str(df["tot_emp"].dtype) == "Int64"
    assert res["bls-oews-2024"].files[0].rows_rejected == 0


def test_non_numeric_wage_rejects_only_that_row(tmp_path: Path) -> None:
    rows = [national_row("15-1251"), national_row("15-1252", A_MEDIAN="about 100k"), national_row("15-1253")]
    res = _by_id(bls.load(write_fixture(tmp_path, national25=rows)))
    oews = res["bls-oews-2025"]
    stats = oews.files[0]
    assert (stats.rows_read, stats.rows_loaded, stats.rows_rejected) == (3, 2, 1)
    [reject] = oews.rejects
    assert reject.line == 2 and "A_MEDIAN" in reject.reason and "about 100k" in reject.raw
    assert reject.path == "bls/oews_national_M2025.csv"
    national = oews.tables["oews_national"]
    assert "15-1252" not in set(national.loc[national["year"] == 2025, "soc6"])


def test_non_national_rows_are_rejected_with_a_reason(tmp_path: Path) -> None:
    rows = [national_row("15-1251"), national_row("15-1252"), national_row("15-1252", I_GROUP="sector", NAICS="51")]
    res = _by_id(bls.load(write_fixture(tmp_path, national25=rows)))
    [reject] = res["bls-oews-2025"].rejects
    assert "cross-industry" in reject.reason and reject.line == 3


def test_mostly_bad_file_is_an_input_error(tmp_path: Path) -> None:
    rows = [national_row("15-1251", H_MEAN="x"), national_row("15-1252", A_MEAN="?"), national_row("15-1253")]
    with pytest.raises(InputError, match="oews_national_M2024.csv: 2 of 3 rows rejected"):
        bls.load(write_fixture(tmp_path, national24=rows))


def test_missing_column_names_file_and_column(tmp_path: Path) -> None:
    write_fixture(tmp_path)
    path = tmp_path / bls.NATIONAL_FILES[2025]
    df = pd.read_csv(path, dtype=str, keep_default_na=False).drop(columns=["A_MEDIAN"])
    df.to_csv(path, index=False)
    with pytest.raises(InputError, match=r"oews_national_M2025\.csv: missing column 'A_MEDIAN'"):
        bls.load(tmp_path)


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    write_fixture(tmp_path)
    (tmp_path / bls.EP_FILES["ep_utilization"]).unlink()
    with pytest.raises(InputError, match="table1.12"):
        bls.load(tmp_path)


def test_state_footnote_5_is_cap_and_8_is_null(tmp_path: Path) -> None:
    capped = {k: "-" for k in WAGES if k != "MEAN_PRSE"}
    notes5 = ";".join(f"{k}:5" for k in capped)
    rows = [state_row("29-1022", **capped, FOOTNOTES=notes5),
            state_row("15-1254", **capped, FOOTNOTES=notes5.replace(":5", ":8")),
            state_row("29-1249", A_PCT90="-", H_PCT90="-", FOOTNOTES="H_PCT90:5;A_PCT90:5"),
            state_row("11-9039", TOT_EMP="-", EMP_PRSE="-", FOOTNOTES="TOT_EMP:8;EMP_PRSE:8")]
    res = _by_id(bls.load(write_fixture(tmp_path, state=rows)))
    df = res["bls-oews-2025"].tables["oews_state"].set_index("soc6")
    assert df.loc["29-1022", "a_median"] == 239_200.0 and df.loc["29-1022", "h_mean"] == 115.0
    assert len(df.loc["29-1022", "a_topcoded"]) == 6 and df.loc["29-1022", "footnotes"] == notes5
    assert pd.isna(df.loc["15-1254", "a_median"]) and list(df.loc["15-1254", "a_topcoded"]) == []
    assert list(df.loc["29-1249", "a_topcoded"]) == ["a_p90"] and df.loc["29-1249", "a_median"] == 114400.0
    assert pd.isna(df.loc["11-9039", "tot_emp"])
    assert df.loc["11-9039", "state"] == "Alabama" and df.loc["11-9039", "state_fips"] == "01"
    assert (df["year"] == 2025).all() and (df["source_id"] == "bls-oews-2025").all()


def test_ep_keeps_none_text_and_converts_thousands(tmp_path: Path) -> None:
    rows = [ep_row(),
            ep_row("15-0000", **{"Occupation type": "Summary", "Typical education needed for entry": "—",
                                 "Work experience in a related occupation": "—", "OOH URL": "",
                                 "Percent self employed, 2024": "—"}),
            ep_row("29-1211", **{"Median annual wage, dollars, 2024": ">=$239,200"})]
    res = _by_id(bls.load(write_fixture(tmp_path, ep=rows)))
    df = res["bls-ep-2024-34"].tables["ep_projections"].set_index("soc6")
    ds = df.loc["15-2051"]
    assert ds["work_experience"] == "None" and ds["ojt"] == "None"
    assert ds["emp_2024"] == 245_900 and ds["emp_2034"] == 328_300 and ds["openings_annual"] == 23_400
    assert ds["change_n"] == 82_500 and ds["change_pct"] == 33.5
    assert ds["ooh_url"] == "https://www.bls.gov/ooh/math/data-scientists.htm"
    summary = df.loc["15-0000"]
    assert summary["occ_type"] == "Summary" and pd.isna(summary["education"]) and pd.isna(summary["ooh_url"])
    assert pd.isna(summary["self_employed_pct"])
    assert df.loc["29-1211", "median_wage_2024"] == 239_200.0 and df.loc["29-1211", "median_wage_topcoded"]
    sep = res["bls-ep-2024-34"].tables["ep_separations"].iloc[0]
    assert sep["openings_annual"] == 1500 and sep["labor_force_exit_rate"] == 1.5


def test_ep_bad_code_row_is_rejected(tmp_path: Path) -> None:
    rows = [ep_row(), ep_row("15-2041"), ep_row("see note")]
    res = _by_id(bls.load(write_fixture(tmp_path, ep=rows)))
    [reject] = res["bls-ep-2024-34"].rejects
    assert reject.line == 3 and "SOC code" in reject.reason


@pytest.fixture(scope="module")
def real() -> dict:
    if not (DATA / bls.NATIONAL_FILES[2025]).is_file():
        pytest.skip("shared data not present")
    return _by_id(bls.load(DATA))


@pytest.mark.slow
def test_real_data(real: dict) -> None:
    national = real["bls-oews-2025"].tables["oews_national"]
    sd = national[(national["soc6"] == "15-1252") & (national["o_group"] == "detailed")].set_index("year")
    assert sd.loc[2025, "a_median"] == 135980 and sd.loc[2024, "a_median"] == 133080
    assert national.loc[national["year"] == 2024, "a_topcoded"].map(len).sum() > 0
    ep = real["bls-ep-2024-34"].tables["ep_projections"].set_index("soc6")
    assert pd.notna(ep.loc["15-2051", "change_pct"])
    assert ep.loc["11-1011", "work_experience"] == "5 years or more"
    assert (ep["work_experience"] == "None").sum() > 100
    for r in real.values():
        assert all(f.rows_rejected == 0 for f in r.files)
