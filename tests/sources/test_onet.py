"""Tests for the O*NET loader: a tiny hand-written release, its broken variants, and the real shared copy."""

from __future__ import annotations

import time
from pathlib import Path

import pandas as pd
import pytest

from careerpath.errors import InputError
from careerpath.sources import onet
from careerpath.sources._base import Loaded

RATING_HEADER = [
    "O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Data Value", "N", "Standard Error",
    "Lower CI Bound", "Upper CI Bound", "Recommend Suppress", "Not Relevant", "Date", "Domain Source",
]


def _rating_rows(element: str, name: str) -> list[list[str]]:
    return [
        ["15-1252.00", element, name, "IM", "4.12", "8", "0.1250", "3.88", "4.37", "N", "n/a", "08/2023", "Analyst"],
        ["15-1252.00", element, name, "LV", "4.62", "8", "0.1830", "4.27", "4.98", "N", "N", "08/2023", "Analyst"],
        ["11-1011.00", element, name, "IM", "3.00", "8", "0.1000", "2.80", "3.20", "N", "n/a", "08/2023", "Analyst"],
        ["11-1011.00", element, name, "LV", "2.50", "8", "0.2000", "2.10", "2.90", "Y", "N", "08/2023", "Analyst"],
    ]


def _good_files() -> dict[str, list[list[str]]]:
    """A minimal but complete release: file name -> header row + data rows."""
    return {
        "Occupation Data": [
            ["O*NET-SOC Code", "Title", "Description"],
            ["11-1011.00", "Chief Executives", "Determine and formulate policies."],
            ["15-1252.00", "Software Developers", "Research, design, and develop computer software."],
        ],
        "Alternate Titles": [
            ["O*NET-SOC Code", "Alternate Title", "Short Title", "Source(s)"],
            ["15-1252.00", "Application Developer", "n/a", "08"],
            ["15-1252.00", "Software Engineer", "SWE", "04,08"],
        ],
        "Sample of Reported Titles": [
            ["O*NET-SOC Code", "Reported Job Title", "Shown in My Next Move"],
            ["15-1252.00", "Software Engineer", "Y"],
            ["11-1011.00", "CEO", "N"],
        ],
        "Task Statements": [
            ["O*NET-SOC Code", "Task ID", "Task", "Task Type", "Incumbents Responding", "Date", "Domain Source"],
            ["15-1252.00", "16987", "Modify existing software to correct errors.", "Core", "27", "08/2024", "Incumbent"],
            ["15-1252.00", "16988", "Analyze user needs.", "n/a", "n/a", "08/2024", "Analyst"],
        ],
        "Technology Skills": [
            ["O*NET-SOC Code", "Example", "Commodity Code", "Commodity Title", "Hot Technology", "In Demand"],
            ["15-1252.00", "Python", "43232405", "Object or component oriented development software", "Y", "Y"],
            ["15-1252.00", "Git", "43232402", "Program testing software", "Y", "N"],
        ],
        "Tools Used": [
            ["O*NET-SOC Code", "Example", "Commodity Code", "Commodity Title"],
            ["15-1252.00", "Laptop computers", "43211503", "Notebook computers"],
        ],
        "Skills": [RATING_HEADER, *_rating_rows("2.A.1.a", "Reading Comprehension")],
        "Knowledge": [RATING_HEADER, *_rating_rows("2.C.3.a", "Computers and Electronics")],
        "Abilities": [RATING_HEADER, *_rating_rows("1.A.1.a.1", "Oral Comprehension")],
        "Work Styles": [
            [c for c in RATING_HEADER if c != "Not Relevant"],
            ["11-1011.00", "1.C.1.a", "Achievement/Effort", "IM", "4.69", "28", "0.12", "4.44", "4.94", "N", "08/2023", "Incumbent"],
        ],
        "Education, Training, and Experience": [
            ["O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Category", "Data Value", "N", "Standard Error",
             "Lower CI Bound", "Upper CI Bound", "Recommend Suppress", "Date", "Domain Source"],
            ["11-1011.00", "2.D.1", "Required Level of Education", "RL", "6", "40.5", "28", "4.14", "n/a", "n/a", "N", "08/2023", "Incumbent"],
            ["11-1011.00", "2.D.1", "Required Level of Education", "IM", "n/a", "3.1", "28", "n/a", "n/a", "n/a", "N", "08/2023", "Incumbent"],
        ],
        "Education, Training, and Experience Categories": [
            ["Element ID", "Element Name", "Scale ID", "Category", "Category Description"],
            ["2.D.1", "Required Level of Education", "RL", "6", "Bachelor's Degree"],
        ],
        "Job Zones": [
            ["O*NET-SOC Code", "Job Zone", "Date", "Domain Source"],
            ["11-1011.00", "5", "08/2023", "Analyst"],
            ["15-1252.00", "4", "08/2023", "Analyst"],
        ],
        "Job Zone Reference": [
            ["Job Zone", "Name", "Experience", "Education", "Job Training", "Examples", "SVP Range"],
            ["4", "Job Zone Four: Considerable Preparation Needed", "A minimum of two to four years.",
             "Most require a four-year bachelor's degree.", "Several years of work-related experience.",
             "Accountants, \"quoted\" examples", "(7.0 to < 8.0)"],
        ],
        "Related Occupations": [
            ["O*NET-SOC Code", "Related O*NET-SOC Code", "Relatedness Tier", "Index"],
            ["15-1252.00", "15-1253.00", "Primary-Short", "1"],
        ],
        "Tasks to DWAs": [
            ["O*NET-SOC Code", "Task ID", "DWA ID", "Date", "Domain Source"],
            ["15-1252.00", "16987", "4.A.3.b.1.I01.D01", "03/2014", "Analyst"],
        ],
        "DWA Reference": [
            ["Element ID", "IWA ID", "DWA ID", "DWA Title"],
            ["4.A.3.b.1", "4.A.3.b.1.I01", "4.A.3.b.1.I01.D01", "Modify software programs to improve performance."],
        ],
        "IWA Reference": [
            ["Element ID", "IWA ID", "IWA Title"],
            ["4.A.3.b.1", "4.A.3.b.1.I01", "Program computer systems or production equipment."],
        ],
        "Content Model Reference": [
            ["Element ID", "Element Name", "Description"],
            ["2.A.1.a", "Reading Comprehension", "Understanding written sentences and paragraphs."],
        ],
        "Interests": [  # one optional file present; the others stay absent
            ["O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Data Value", "Date", "Domain Source"],
            ["15-1252.00", "1.B.1.b", "Investigative", "OI", "5.67", "11/2023", "Machine Learning"],
        ],
    }


def _write(data_dir: Path, files: dict[str, list[list[str]]]) -> Path:
    onet_dir = data_dir / "onet"
    onet_dir.mkdir(parents=True, exist_ok=True)
    for name, rows in files.items():
        (onet_dir / f"{name}.txt").write_text("".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    return data_dir


def _by_id(results: list[Loaded]) -> dict[str, Loaded]:
    return {r.source.id: r for r in results}


@pytest.fixture
def good_dir(tmp_path: Path) -> Path:
    return _write(tmp_path, _good_files())


def test_good_release_loads_into_two_sources(good_dir: Path) -> None:
    res = _by_id(onet.load(good_dir))
    assert set(res) == {"onet-29.0", "onet-30.0"}
    r29, r30 = res["onet-29.0"], res["onet-30.0"]
    assert (r29.source.version, r29.source.as_of, r30.source.as_of) == ("29.0", "2024-08", "2025-08")
    assert r30.source.license == "CC BY 4.0"
    assert set(r30.tables) == {"onet_skills", "onet_knowledge", "onet_abilities"}
    assert {"onet_occupations", "onet_work_styles", "onet_education", "onet_unspsc"} <= set(r29.tables)
    assert not r29.rejects and not r30.rejects
    assert {f.path for f in r30.files} == {"onet/Skills.txt", "onet/Knowledge.txt", "onet/Abilities.txt"}
    assert all(len(f.sha256) == 64 and f.rows_read == f.rows_loaded for f in r29.files + r30.files)
    assert all((df["source_id"] == r.source.id).all() for r in res.values() for df in r.tables.values())


def test_columns_are_converted(good_dir: Path) -> None:
    res = _by_id(onet.load(good_dir))
    t = {**res["onet-29.0"].tables, **res["onet-30.0"].tables}
    occ = t["onet_occupations"]
    assert list(occ.columns[:4]) == ["soc_code", "soc6", "title", "description"]
    assert occ.set_index("soc_code").loc["15-1252.00", "soc6"] == "15-1252"
    skills = t["onet_skills"]
    assert skills["value"].dtype == "float64" and skills["value"].iloc[0] == pytest.approx(4.12)
    assert skills["recommend_suppress"].tolist() == [False, False, False, True]
    assert pd.isna(skills["not_relevant"].iloc[0]) and skills["not_relevant"].iloc[1] == False  # noqa: E712
    assert t["onet_work_styles"]["not_relevant"].isna().all()  # column absent from the file
    tasks = t["onet_tasks"]
    assert tasks["task_type"].iloc[0] == "Core" and pd.isna(tasks["task_type"].iloc[1])
    assert pd.isna(tasks["incumbents_responding"].iloc[1])
    tech = t["onet_technology_skills"]
    assert tech["hot_technology"].tolist() == [True, True] and tech["in_demand"].tolist() == [True, False]
    assert tech["commodity_code"].iloc[0] == "43232405"  # codes stay text
    assert t["onet_alternate_titles"]["short_title"].isna().tolist() == [True, False]
    edu = t["onet_education"].set_index("scale_id")
    assert edu.loc["RL", "category"] == 6 and edu.loc["RL", "category_description"] == "Bachelor's Degree"
    assert pd.isna(edu.loc["IM", "category"]) and pd.isna(edu.loc["IM", "category_description"])
    assert t["onet_job_zones"]["job_zone"].tolist() == [5, 4]
    assert t["onet_related"]["rank"].tolist() == [1]
    assert '"quoted"' in t["onet_job_zone_reference"]["examples"].iloc[0]  # QUOTE_NONE keeps quotes


def test_optional_files_absent_give_empty_tables(good_dir: Path) -> None:
    t = _by_id(onet.load(good_dir))["onet-29.0"].tables
    assert len(t["onet_interests"]) == 1
    assert t["onet_unspsc"].empty and "segment_title" in t["onet_unspsc"].columns
    assert t["onet_work_values"].empty and "value" in t["onet_work_values"].columns
    paths = {f.path for f in _by_id(onet.load(good_dir))["onet-29.0"].files}
    assert "onet/Interests.txt" in paths and "onet/UNSPSC Reference.txt" not in paths


@pytest.mark.parametrize("name", ["Skills", "Job Zones", "Education, Training, and Experience Categories"])
def test_missing_required_file_is_input_error(good_dir: Path, name: str) -> None:
    (good_dir / "onet" / f"{name}.txt").unlink()
    with pytest.raises(InputError, match=f"{name}.txt: required file is missing"):
        onet.load(good_dir)


def test_renamed_column_is_input_error(tmp_path: Path) -> None:
    files = _good_files()
    files["Skills"][0] = ["O*NET-SOC Code", "Element", *RATING_HEADER[2:]]
    with pytest.raises(InputError, match="Skills.txt: missing column 'Element ID'"):
        onet.load(_write(tmp_path, files))


def test_bad_soc_code_row_is_rejected_and_counted(tmp_path: Path) -> None:
    files = _good_files()
    files["Skills"][3][0] = "15-125.00"  # third data row = physical line 4
    res = _by_id(onet.load(_write(tmp_path, files)))["onet-30.0"]
    assert len(res.tables["onet_skills"]) == 3
    stats = next(f for f in res.files if f.path == "onet/Skills.txt")
    assert (stats.rows_read, stats.rows_loaded, stats.rows_rejected) == (4, 3, 1)
    [rej] = res.rejects
    assert rej.path == "onet/Skills.txt" and rej.line == 4
    assert "O*NET-SOC Code" in rej.reason and "15-125.00" in rej.reason
    assert rej.raw.startswith("15-125.00\t2.A.1.a\t")


def test_non_numeric_value_is_rejected(tmp_path: Path) -> None:
    files = _good_files()
    files["Knowledge"][2][4] = "high"
    files["Knowledge"][4][5] = "8.5"  # N must be a whole number
    res = _by_id(onet.load(_write(tmp_path, files)))["onet-30.0"]
    assert [(r.line, r.reason.split(":")[0]) for r in res.rejects] == [(3, "Data Value"), (5, "N")]
    assert len(res.tables["onet_knowledge"]) == 2


def test_missing_data_value_and_bad_flag_are_rejected(tmp_path: Path) -> None:
    files = _good_files()
    files["Abilities"][1][4] = "n/a"
    files["Technology Skills"][1][4] = "Maybe"
    res = _by_id(onet.load(_write(tmp_path, files)))
    assert [r.reason.split(":")[0] for r in res["onet-30.0"].rejects] == ["Data Value"]
    assert "expected Y or N, got 'Maybe'" in res["onet-29.0"].rejects[0].reason


def test_mostly_bad_file_is_input_error(tmp_path: Path) -> None:
    files = _good_files()
    for row in files["Abilities"][1:4]:
        row[0] = "not-a-code"
    with pytest.raises(InputError, match="Abilities.txt: 3 of 4 rows rejected"):
        onet.load(_write(tmp_path, files))


def test_non_utf8_file_is_input_error(good_dir: Path) -> None:
    path = good_dir / "onet" / "Occupation Data.txt"
    path.write_bytes(path.read_bytes() + b"29-1141.00\tNurse \xe9\tCare.\n")
    with pytest.raises(InputError, match="Occupation Data.txt: line 4: not UTF-8"):
        onet.load(good_dir)


REAL_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


@pytest.mark.skipif(not (REAL_DATA / "onet" / "Skills.txt").is_file(), reason="shared O*NET data not present")
def test_real_release() -> None:
    start = time.perf_counter()
    res = _by_id(onet.load(REAL_DATA))
    assert time.perf_counter() - start < 30
    occ = res["onet-29.0"].tables["onet_occupations"]
    assert len(occ) == 1016
    assert occ.set_index("soc_code").loc["15-1252.00", "title"] == "Software Developers"
    skills = res["onet-30.0"].tables["onet_skills"]
    assert len(skills) == 62580 and (skills["source_id"] == "onet-30.0").all()
    assert (skills["soc_code"] == "15-1252.00").sum() == 70  # 35 skills x IM/LV
    assert not res["onet-29.0"].rejects and not res["onet-30.0"].rejects
    assert all(f.rows_rejected == 0 for r in res.values() for f in r.files)
