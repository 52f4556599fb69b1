"""The embedded store: one DuckDB file holding every clean table plus where each row came from.

Builds never touch the live file. They write `<db>.building-<pid>`, and only a complete build is
renamed over the store (`os.replace` is atomic on one filesystem), so a failed or killed build
leaves the previous store exactly as it was.
"""

from __future__ import annotations

import json
import os
import shutil
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Callable, Iterator

import duckdb
import pandas as pd

from careerpath.errors import InputError
from careerpath.sources._base import Loaded

PROVENANCE_TABLES = ("sources", "source_files", "rejects")


def _tmp_path(db: Path) -> Path:
    return db.with_name(f"{db.name}.building-{os.getpid()}")


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove_stale_builds(db: Path) -> None:
    """Leftovers of killed builds (their process is gone) are removed; a live build's file is left alone."""
    for path in db.parent.glob(f"{db.name}.building-*"):
        pid = path.name.rsplit("-", 1)[-1].split(".")[0]
        if not pid.isdigit() or int(pid) == os.getpid() or not _pid_alive(int(pid)):
            path.unlink(missing_ok=True)


@contextmanager
def building(db: Path, *, start_from_current: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """Yield a connection to a fresh copy of the store; swap it in only if the block succeeds."""
    db = Path(db)
    db.parent.mkdir(parents=True, exist_ok=True)
    tmp = _tmp_path(db)
    _remove_stale_builds(db)
    if start_from_current:
        if not db.exists():
            raise InputError(f"{db}: no store yet; run `careerpath ingest` first")
        shutil.copyfile(db, tmp)
    con = duckdb.connect(str(tmp))
    try:
        yield con
        con.execute("CHECKPOINT")
        con.close()
        os.replace(tmp, db)
    except BaseException:
        con.close()
        tmp.unlink(missing_ok=True)
        tmp.with_name(tmp.name + ".wal").unlink(missing_ok=True)
        raise


def connect(db: Path | str, *, read_only: bool = True) -> duckdb.DuckDBPyConnection:
    """Open an existing store; a missing one is the user's to fix, so say how."""
    db = Path(db)
    if not db.exists():
        raise InputError(f"{db}: no store here; build it with `careerpath ingest --data DIR --db {db}`")
    return duckdb.connect(str(db), read_only=read_only)


def write_table(con: duckdb.DuckDBPyConnection, name: str, df: pd.DataFrame) -> None:
    con.register("_df", df)
    con.execute(f'CREATE OR REPLACE TABLE "{name}" AS SELECT * FROM _df')
    con.unregister("_df")


def write_loaded(con: duckdb.DuckDBPyConnection, results: list[Loaded]) -> None:
    """Write each source's tables and its provenance (sources, source_files, rejects)."""
    sources, files, rejects = [], [], []
    for res in results:
        for name, df in res.tables.items():
            write_table(con, name, df)
        sources.append(asdict(res.source))
        files += [{"source_id": res.source.id, **asdict(f)} for f in res.files]
        rejects += [{"source_id": res.source.id, **asdict(r)} for r in res.rejects]
    write_table(con, "sources", pd.DataFrame(sources))
    write_table(con, "source_files", pd.DataFrame(files, columns=["source_id", "path", "sha256", "rows_read", "rows_loaded", "rows_rejected"]))
    write_table(con, "rejects", pd.DataFrame(rejects, columns=["source_id", "path", "line", "reason", "raw"]))


def set_meta(con: duckdb.DuckDBPyConnection, key: str, value: object) -> None:
    con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, json.dumps(value)])


def get_meta(con: duckdb.DuckDBPyConnection, key: str, default: object = None) -> object:
    try:
        rows = con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchall()
    except duckdb.CatalogException:
        return default
    return json.loads(rows[0][0]) if rows else default


def has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    # fetchall, not fetchone: DuckDB refuses `register` while a result is still pending on the connection
    return bool(con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]).fetchall()[0][0])


def derive(db: Path, fn: Callable[[duckdb.DuckDBPyConnection], object]) -> object:
    """Run a derived step (roles, skills, profiles) on a copy of the store and swap it in atomically."""
    with building(db, start_from_current=True) as con:
        return fn(con)
