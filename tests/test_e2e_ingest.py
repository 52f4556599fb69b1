"""End to end: the real CLI on the whole of ../shared/data, checked against the source files' own values."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from tests.conftest import run_cli

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def con(full_store: Path) -> duckdb.DuckDBPyConnection:
    c = duckdb.connect(str(full_store), read_only=True)
    yield c
    c.close()


def test_occupations(con) -> None:
    assert con.execute("SELECT count(*) FROM onet_occupations").fetchone()[0] == 1016


def test_oews_software_developers_median(con) -> None:
    rows = dict(con.execute(
        "SELECT year, a_median FROM oews_national WHERE soc6 = '15-1252' AND o_group = 'detailed'").fetchall())
    assert rows == {2025: 135980.0, 2024: 133080.0}


def test_data_scientists_projection(con) -> None:
    pct = con.execute("SELECT change_pct FROM ep_projections WHERE soc6 = '15-2051'").fetchone()[0]
    assert pct is not None and pct > 0


def test_every_posting_and_course_traces_to_its_file(con) -> None:
    files = {p for (p,) in con.execute("SELECT path FROM source_files").fetchall()}
    for table in ("postings", "courses"):
        untraced = con.execute(f"SELECT count(*) FROM {table} WHERE source_file IS NULL OR source_line IS NULL").fetchone()[0]
        assert untraced == 0
        used = {p for (p,) in con.execute(f"SELECT DISTINCT source_file FROM {table}").fetchall()}
        assert used <= files


def test_row_counts_add_up(con) -> None:
    bad = con.execute("SELECT path FROM source_files WHERE rows_read != rows_loaded + rows_rejected").fetchall()
    assert bad == []
    n_rejects = con.execute("SELECT count(*) FROM rejects").fetchone()[0]
    assert n_rejects == con.execute("SELECT sum(rows_rejected) FROM source_files").fetchone()[0]


def test_loader_notes_are_kept_and_lost_line_breaks_restored(con) -> None:
    from careerpath import store

    notes = store.get_meta(con, "postings_notes")
    nhs = notes["postings-nhs-jobs-uk-2020"]
    assert 0 < nhs["description_line_breaks_restored"] <= nhs["description_line_breaks_inserted"]
    n_flat = con.execute("SELECT count(*) FROM postings WHERE source_id = 'postings-nhs-jobs-uk-2020' "
                         "AND contains(description, 'ukTelephone')").fetchone()[0]
    assert n_flat == 0  # "…@nhs.ukTelephone number" is in 1,184 postings of the file as published


def test_sources_json_contract(full_store: Path) -> None:
    data = json.loads(run_cli("sources", "--json", "--db", str(full_store)).stdout)
    ids = {s["id"] for s in data}
    assert {"onet-29.0", "onet-30.0", "bls-oews-2025", "bls-oews-2024", "bls-ep-2024-34", "esco-1.1"} <= ids
    for s in data:
        assert s["files"], s["id"]
        for f in s["files"]:
            assert len(f["sha256"]) == 64 and f["rows_read"] >= f["rows_loaded"]


def test_crosswalk_maps_software_developers(con) -> None:
    rows = con.execute("SELECT bls_soc, match FROM soc_crosswalk WHERE onet_soc = '15-1252.00' AND dataset = 'oews'").fetchall()
    assert rows == [("15-1252", "exact")]


def _linked_copy(src: Path, dst: Path) -> Path:
    """A data folder of symlinks to the real files, so one file can be swapped for a broken one cheaply."""
    for path in src.rglob("*"):
        if path.is_file():
            target = dst / path.relative_to(src)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.symlink_to(path)
    return dst


@pytest.mark.parametrize("broken,content,expected", [
    ("bls/oews_national_M2025.csv", b"AREA,OCC_CODE\n99,15-1252\n", "missing column"),
    ("onet/Occupation Data.txt", b"", "empty"),
    ("postings/nhs_jobs_uk_2020_stochastictalk.jsonl.gz", b"\x1f\x8b\x08\x00garbage", "gzip"),
])
def test_bad_file_fails_cleanly_and_keeps_previous_store(shared_data: Path, tmp_path: Path, full_store: Path,
                                                         broken: str, content: bytes, expected: str) -> None:
    data = _linked_copy(shared_data, tmp_path / "data")
    (data / broken).unlink()
    (data / broken).write_bytes(content)
    db = tmp_path / "store.duckdb"
    db.write_bytes(b"previous store")
    proc = run_cli("ingest", "--data", str(data), "--db", str(db), check=False)
    assert proc.returncode == 2
    last = proc.stderr.strip().splitlines()[-1]
    assert broken in last and expected in last and "Traceback" not in proc.stderr
    assert db.read_bytes() == b"previous store"
    assert not list(tmp_path.glob("store.duckdb.building-*"))


def test_market_schema_file_matches_what_loaders_produce(con) -> None:
    from importlib.resources import files

    ddl = files("careerpath").joinpath("data/market_schema.sql").read_text()
    for statement in ddl.split(";"):
        body = "\n".join(l for l in statement.splitlines() if not l.startswith("--")).strip()
        if body:
            name = body.split("(")[0].split()[-1]
            actual = con.execute("SELECT sql FROM duckdb_tables() WHERE table_name = ?", [name]).fetchone()[0]
            assert actual.rstrip(";") == body, f"{name}: regenerate src/careerpath/data/market_schema.sql"


def test_onet_and_bls_alone_build_a_store(shared_data: Path, tmp_path: Path) -> None:
    """What `careerpath fetch` gives a user (official O*NET and BLS releases only) must ingest."""
    data = tmp_path / "data"
    for folder in ("onet", "bls"):
        _linked_copy(shared_data / folder, data / folder)
    db = tmp_path / "s.duckdb"
    run_cli("ingest", "--data", str(data), "--db", str(db))
    c = duckdb.connect(str(db), read_only=True)
    assert c.execute("SELECT count(*) FROM postings").fetchone()[0] == 0
    assert c.execute("SELECT count(*) FROM onet_occupations").fetchone()[0] == 1016
    c.close()
