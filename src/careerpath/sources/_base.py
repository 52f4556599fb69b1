"""What every loader shares: source metadata, file statistics, rejected rows and safe readers.

A loader is a function `load(data_dir: Path) -> list[Loaded]`. It reads only its own files, raises
`InputError` (one line naming the file and what was expected) when a file is unusable, and returns
clean pandas tables plus an account of every row it read: loaded or rejected with a reason.
Nothing is dropped silently.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import pandas as pd

from careerpath.errors import InputError

#: A file where more than this share of rows is rejected is treated as broken, not as noisy.
MAX_REJECT_SHARE = 0.5


@dataclass(frozen=True)
class SourceInfo:
    """One publisher's release: the `id` is what every figure's `source` field points at."""

    id: str
    publisher: str
    title: str
    version: str
    license: str
    url: str
    as_of: str  # "YYYY" or "YYYY-MM": the date a figure from this source is "as of"


@dataclass
class FileStats:
    path: str  # relative to the data folder
    sha256: str
    rows_read: int = 0
    rows_loaded: int = 0
    rows_rejected: int = 0


@dataclass(frozen=True)
class Reject:
    path: str
    line: int  # 1-based physical line in the file (the header, if any, is line 1); record number for JSON lines
    reason: str
    raw: str


@dataclass
class Loaded:
    """The result of loading one source: its tables, its files and its rejected rows."""

    source: SourceInfo
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    files: list[FileStats] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)


def rel(path: Path, data_dir: Path) -> str:
    try:
        return path.relative_to(data_dir).as_posix()
    except ValueError:
        return path.as_posix()


def require_file(path: Path) -> Path:
    if not path.is_file():
        raise InputError(f"{path}: required file is missing")
    if path.stat().st_size == 0:
        raise InputError(f"{path}: file is empty")
    return path


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def read_text(path: Path, *, max_bytes: int | None = None) -> str:
    """Read a (possibly gzipped) UTF-8 file whole, turning every decoding failure into one clear line."""
    require_file(path)
    try:
        if path.suffix == ".gz":
            with gzip.open(path, "rb") as f:
                raw = f.read() if max_bytes is None else f.read(max_bytes)
        else:
            raw = path.read_bytes() if max_bytes is None else path.open("rb").read(max_bytes)
    except (EOFError, OSError, zlib.error) as e:
        raise InputError(f"{path}: not a complete gzip file ({e})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise InputError(f"{path}: line {line}: not UTF-8 text (byte {raw[e.start]:#x})") from None
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise InputError(f"{path}: file is empty")
    return text


def read_table(
    path: Path,
    *,
    required: Iterable[str],
    sep: str = ",",
    quoting: int = csv.QUOTE_MINIMAL,
) -> pd.DataFrame:
    """Read a delimited file as text columns, checking that the columns we rely on are present.

    Everything is read as strings (`dtype=str`, no NA guessing) so that markers like `n/a`, `#`,
    `*` and the literal `None` reach the loader, which decides what they mean.
    """
    text = read_text(path)
    try:
        df = pd.read_csv(
            io.StringIO(text),
            sep=sep,
            dtype=str,
            keep_default_na=False,
            na_filter=False,
            quoting=quoting,
            on_bad_lines="error",
        )
    except pd.errors.ParserError as e:
        raise InputError(f"{path}: not valid {'tab-separated' if sep == chr(9) else 'CSV'} ({str(e).strip().splitlines()[-1]})") from None
    except pd.errors.EmptyDataError:
        raise InputError(f"{path}: file is empty") from None
    missing = [c for c in required if c not in df.columns]
    if missing:
        raise InputError(f"{path}: missing column {missing[0]!r} (expected columns: {', '.join(required)})")
    if df.empty:
        raise InputError(f"{path}: file has a header but no rows")
    return df


def read_jsonl(path: Path, *, required: Iterable[str]) -> pd.DataFrame:
    """Read JSON lines; a line that is not a JSON object is a reject, not a crash (see `split_bad_json`)."""
    import json

    text = read_text(path)
    records: list[dict] = []
    bad: list[tuple[int, str]] = []
    for i, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError:
            bad.append((i, line[:500]))
            continue
        if not isinstance(obj, dict):
            bad.append((i, line[:500]))
            continue
        obj["_line"] = i
        records.append(obj)
    if not records:
        raise InputError(f"{path}: no JSON objects found")
    df = pd.DataFrame.from_records(records)
    missing = [c for c in required if c not in df.columns]
    if missing:
        raise InputError(f"{path}: missing field {missing[0]!r} (expected fields: {', '.join(required)})")
    df.attrs["bad_lines"] = bad
    return df


def check_reject_share(path: Path, stats: FileStats) -> None:
    """A few bad rows are rejected and counted; a file where most rows fail is an error."""
    if stats.rows_read and stats.rows_rejected / stats.rows_read > MAX_REJECT_SHARE:
        raise InputError(
            f"{path}: {stats.rows_rejected} of {stats.rows_read} rows rejected; expected mostly valid rows"
        )


def to_number(value: str | None) -> float | None:
    """Parse a number written as text ('1,234.5'); None for empty or non-numeric text."""
    if value is None:
        return None
    s = str(value).strip().replace(",", "")
    if not s:
        return None
    try:
        return float(s)
    except ValueError:
        return None
