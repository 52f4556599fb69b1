"""skill_keywords from the data_jobs skill list."""

from __future__ import annotations

from pathlib import Path

import pytest

from careerpath.errors import InputError
from careerpath.sources import skill_lists

REAL = Path(__file__).resolve().parents[2].parent / "shared" / "data"


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "skills").mkdir()
    (tmp_path / "skills" / "lukebarousse_skills_dim.csv").write_text(text, encoding="utf-8")
    return tmp_path


def test_keywords_and_reject(tmp_path: Path) -> None:
    [loaded] = skill_lists.load(write(tmp_path, "skill_id,skills,type\n0,sql,programming\nx,python,programming\n1,Power BI,analyst_tools\n"))
    table = loaded.tables["skill_keywords"]
    assert table.to_dict("records") == [
        {"skill_id": 0, "name": "sql", "type": "programming"},
        {"skill_id": 1, "name": "power bi", "type": "analyst_tools"},
    ]
    assert loaded.rejects[0].line == 2 and loaded.files[0].rows_rejected == 1


def test_missing_column(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="lukebarousse_skills_dim.csv.*'type'"):
        skill_lists.load(write(tmp_path, "skill_id,skills\n0,sql\n"))


@pytest.mark.skipif(not (REAL / "skills").is_dir(), reason="shared data not present")
def test_real_list() -> None:
    [loaded] = skill_lists.load(REAL)
    table = loaded.tables["skill_keywords"]
    assert len(table) == 254 and "python" in set(table["name"])
