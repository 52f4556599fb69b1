"""The shared readers turn every unusable file into one line that names it."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from careerpath.errors import InputError
from careerpath.sources._base import FileStats, check_reject_share, read_jsonl, read_table, read_text, to_number


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="required file is missing"):
        read_text(tmp_path / "nope.csv")


def test_empty_file(tmp_path: Path) -> None:
    p = tmp_path / "e.csv"
    p.write_text("")
    with pytest.raises(InputError, match="empty"):
        read_table(p, required=["a"])


def test_header_only(tmp_path: Path) -> None:
    p = tmp_path / "h.csv"
    p.write_text("a,b\n")
    with pytest.raises(InputError, match="no rows"):
        read_table(p, required=["a"])


def test_non_utf8_names_line(tmp_path: Path) -> None:
    p = tmp_path / "latin.csv"
    p.write_bytes("a,b\n1,2\ncaf\xe9,3\n".encode("latin-1"))
    with pytest.raises(InputError, match=r"line 3: not UTF-8"):
        read_table(p, required=["a"])


def test_truncated_gzip(tmp_path: Path) -> None:
    p = tmp_path / "t.csv.gz"
    data = gzip.compress(("a,b\n" + "1,2\n" * 10000).encode())
    p.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError, match="not a complete gzip file"):
        read_table(p, required=["a"])


def test_missing_column_named(tmp_path: Path) -> None:
    p = tmp_path / "c.csv"
    p.write_text("a,c\n1,2\n")
    with pytest.raises(InputError, match=r"missing column 'b'"):
        read_table(p, required=["a", "b"])


def test_markers_stay_text(tmp_path: Path) -> None:
    p = tmp_path / "m.csv"
    p.write_text("a,b\nNone,#\nn/a,*\n")
    df = read_table(p, required=["a", "b"])
    assert df["a"].tolist() == ["None", "n/a"] and df["b"].tolist() == ["#", "*"]


def test_jsonl_bad_lines_are_collected(tmp_path: Path) -> None:
    p = tmp_path / "j.jsonl"
    p.write_text('{"title": "a"}\n{broken\n[1]\n{"title": "b"}\n')
    df = read_jsonl(p, required=["title"])
    assert df["title"].tolist() == ["a", "b"]
    assert [line for line, _ in df.attrs["bad_lines"]] == [2, 3]


def test_mostly_rejected_file_is_an_error(tmp_path: Path) -> None:
    check_reject_share(tmp_path / "ok.csv", FileStats("ok.csv", "x", rows_read=10, rows_rejected=5))
    with pytest.raises(InputError, match="6 of 10 rows rejected"):
        check_reject_share(tmp_path / "bad.csv", FileStats("bad.csv", "x", rows_read=10, rows_rejected=6))


@pytest.mark.parametrize("text,expected", [("1,234.5", 1234.5), ("", None), ("#", None), (None, None), (" 7 ", 7.0)])
def test_to_number(text: str | None, expected: float | None) -> None:
    assert to_number(text) == expected
