"""The store's promise: a build that fails or is killed leaves the previous store exactly as it was."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pandas as pd
import pytest

from careerpath import store
from careerpath.errors import InputError


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _make_store(db: Path, value: int) -> None:
    with store.building(db) as con:
        store.write_table(con, "t", pd.DataFrame({"x": [value]}))


def test_build_writes_tables_and_swaps_in(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    _make_store(db, 1)
    con = store.connect(db)
    assert con.execute("SELECT x FROM t").fetchone() == (1,)
    con.close()
    assert not list(tmp_path.glob("*.building-*"))


def test_failed_build_leaves_previous_store_untouched(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    _make_store(db, 1)
    before = _digest(db)
    with pytest.raises(RuntimeError):
        with store.building(db) as con:
            store.write_table(con, "t", pd.DataFrame({"x": [2]}))
            raise RuntimeError("loader failed half-way")
    assert _digest(db) == before
    assert not list(tmp_path.glob("*.building-*"))


def test_killed_build_leaves_previous_store_untouched(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    _make_store(db, 1)
    before = _digest(db)
    script = textwrap.dedent(f"""
        import time, pandas as pd
        from careerpath import store
        with store.building({str(db)!r}) as con:
            store.write_table(con, "t", pd.DataFrame({{"x": list(range(100000))}}))
            print("writing", flush=True)
            time.sleep(60)
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "writing"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert _digest(db) == before
    # the next build cleans up what the killed one left behind
    _make_store(db, 3)
    assert not list(tmp_path.glob("*.building-*"))
    con = store.connect(db)
    assert con.execute("SELECT x FROM t").fetchone() == (3,)
    con.close()


def test_derive_adds_tables_atomically(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    _make_store(db, 1)
    store.derive(db, lambda con: store.write_table(con, "u", pd.DataFrame({"y": [5]})))
    con = store.connect(db)
    assert con.execute("SELECT x FROM t").fetchone() == (1,)
    assert con.execute("SELECT y FROM u").fetchone() == (5,)
    con.close()


def test_connect_missing_store_is_a_clear_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no store here"):
        store.connect(tmp_path / "absent.duckdb")


def test_meta_roundtrip(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    with store.building(db) as con:
        store.set_meta(con, "k", {"a": 1})
        assert store.get_meta(con, "k") == {"a": 1}
        assert store.get_meta(con, "absent", 7) == 7
