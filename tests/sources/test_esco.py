"""ESCO: label recovery on hand-written rows, URI rejects, and the real files."""

from __future__ import annotations

from pathlib import Path

import pytest

from careerpath.errors import InputError
from careerpath.sources import esco

REAL = Path(__file__).resolve().parents[2].parent / "shared" / "data"

LABELS = "manage musical staff\nPython (computer programming)\nmanage staff\n"
SKILLS = (
    "id,description\n"
    'http://data.europa.eu/esco/skill/1,"manage musical staff manage music staff direct musical staff '
    'Assign and manage staff tasks in areas such as scoring."\n'
    'http://data.europa.eu/esco/skill/2,"Python (computer programming) Python 3K Python The techniques of '
    'software development in Python."\n'
    'not-a-uri,"manage staff lead staff Lead people."\n'
    'http://data.europa.eu/esco/skill/3,"teach law explain law Instruct students in law."\n'
)
OCCUPATIONS = (
    "id,description\n"
    'http://data.europa.eu/esco/occupation/1,"technical director head of technical technical manager '
    'Technical directors realise the artistic visions of the creators."\n'
    'http://data.europa.eu/esco/isco/C0,"Armed forces occupations  Armed forces occupations include all jobs."\n'
)


def write(tmp_path: Path, skills: str = SKILLS) -> Path:
    (tmp_path / "esco").mkdir()
    (tmp_path / "skills").mkdir()
    (tmp_path / "esco" / "esco_skills_text.csv").write_text(skills, encoding="utf-8")
    (tmp_path / "esco" / "esco_occupations_text.csv").write_text(OCCUPATIONS, encoding="utf-8")
    (tmp_path / "skills" / "esco_v1.1.0_skill_labels_en.txt").write_text(LABELS, encoding="utf-8")
    return tmp_path


def test_skill_labels_recovered(tmp_path: Path) -> None:
    [loaded] = esco.load(write(tmp_path))
    skills = loaded.tables["esco_skills"].set_index("uri")
    first = skills.loc["http://data.europa.eu/esco/skill/1"]
    assert first.preferred_label == "manage musical staff" and first.label_method == "label_file"
    assert first.definition.startswith("Assign and manage")
    assert "manage music staff" in first.alt_text and first.text.startswith("manage musical staff manage")
    py = skills.loc["http://data.europa.eu/esco/skill/2"]
    assert py.preferred_label == "Python (computer programming)"
    assert py.definition.startswith("The techniques") and py.alt_text == "Python 3K Python"
    unknown = skills.loc["http://data.europa.eu/esco/skill/3"]
    assert unknown.label_method == "segment" and unknown.definition == "Instruct students in law."
    assert list(loaded.tables["esco_skill_labels"]["label"])[:1] == ["manage musical staff"]


def test_bad_uri_rejected_and_counted(tmp_path: Path) -> None:
    [loaded] = esco.load(write(tmp_path))
    stats = {f.path: f for f in loaded.files}["esco/esco_skills_text.csv"]
    assert (stats.rows_read, stats.rows_loaded, stats.rows_rejected) == (4, 3, 1)
    assert loaded.rejects[0].line == 3 and "URI" in loaded.rejects[0].reason


def test_occupation_and_isco_labels(tmp_path: Path) -> None:
    [loaded] = esco.load(write(tmp_path))
    occ = loaded.tables["esco_occupations"].set_index("uri")
    tech = occ.loc["http://data.europa.eu/esco/occupation/1"]
    assert (tech.preferred_label, tech.label_method) == ("technical director", "plural")
    assert tech.definition.startswith("Technical directors realise")
    isco = occ.loc["http://data.europa.eu/esco/isco/C0"]
    assert (isco.preferred_label, isco.kind) == ("Armed forces occupations", "isco")


def test_missing_column_is_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="esco_skills_text.csv.*'description'"):
        esco.load(write(tmp_path, skills=SKILLS.replace("id,description", "id,text")))


def test_non_utf8_is_input_error(tmp_path: Path) -> None:
    path = write(tmp_path)
    (path / "esco" / "esco_skills_text.csv").write_bytes(SKILLS.encode("utf-8") + b"\xff\n")
    with pytest.raises(InputError, match="UTF-8"):
        esco.load(path)


@pytest.mark.skipif(not (REAL / "esco").is_dir(), reason="shared data not present")
def test_real_esco() -> None:
    [loaded] = esco.load(REAL)
    skills, occ = loaded.tables["esco_skills"], loaded.tables["esco_occupations"]
    assert len(skills) == 13_939 and not loaded.rejects
    assert (skills["label_method"] == "label_file").mean() >= 0.95
    assert "Python (computer programming)" in set(skills["preferred_label"])
    assert len(occ) == 3_658 and (occ["kind"] == "isco").sum() == 619
    assert len(loaded.tables["esco_skill_labels"]) == 13_896
    # labels come out repaired: the general concept keeps "attend to detail", run-on labels are split
    by_uri = skills.set_index("uri")["preferred_label"]
    assert by_uri["http://data.europa.eu/esco/skill/83e6510b-ffeb-4aec-959c-4265fd0ff7b7"] == "attend to detail"
    assert (by_uri == "attend to detail").sum() == 1 and "data ethics" in set(by_uri)

