"""A file a user names (`--file`, `build --guides`): a path, a pipe or '-', bounded, and one clear line for whatever else it is."""

from __future__ import annotations

import io
import os
import sys

import pytest

from careerpath.textfile import read_text
from careerpath.errors import InputError


def test_a_file_a_pipe_and_stdin_read_alike(tmp_path, monkeypatch) -> None:
    f = tmp_path / "t.txt"
    f.write_text("nurse\nwelder\n", encoding="utf-8")
    assert read_text(str(f), 100) == "nurse\nwelder\n"
    r, w = os.pipe()  # what `--file <(...)` and /dev/stdin are: not a regular file, once refused as "no such file"
    os.write(w, "chef\n".encode())
    os.close(w)
    try:
        assert read_text(f"/dev/fd/{r}", 100) == "chef\n"
    finally:
        os.close(r)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("café\n".encode())))
    assert read_text("-", 100) == "café\n"


@pytest.mark.parametrize("make, says", [
    (lambda d: d / "missing.txt", "no such file"),
    (lambda d: d, "is a folder"),
    (lambda d: (d / "big.txt").write_text("x" * 101) and d / "big.txt", "larger than"),
    (lambda d: (d / "bin.txt").write_bytes(b"\xff\xfe nurse") and d / "bin.txt", "not UTF-8 text"),
])
def test_what_is_no_text_file_gets_one_line_naming_it(tmp_path, make, says) -> None:
    path = str(make(tmp_path))
    with pytest.raises(InputError) as e:
        read_text(path, 100)
    assert str(e.value).startswith(path) and says in str(e.value) and "\n" not in str(e.value)
