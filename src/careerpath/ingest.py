"""Ingest: every loader, in order, into a new store that replaces the old one only when complete."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from careerpath import store
from careerpath.progress import log, track
from careerpath.sources import LOADERS
from careerpath.sources._base import Loaded


@dataclass
class IngestSummary:
    db: Path
    seconds: float
    results: list[Loaded]

    def rows(self) -> list[dict]:
        return [
            {
                "source": r.source.id,
                "files": len(r.files),
                "rows_read": sum(f.rows_read for f in r.files),
                "rows_loaded": sum(f.rows_loaded for f in r.files),
                "rows_rejected": sum(f.rows_rejected for f in r.files),
            }
            for r in self.results
        ]


def _create_absent_market_tables(con) -> list[str]:
    """Postings, courses and ESCO are optional inputs: when their files are absent, their tables exist empty,
    so every later stage runs on O*NET and BLS alone and says so."""
    from importlib.resources import files

    ddl = files("careerpath").joinpath("data/market_schema.sql").read_text()
    absent = []
    for statement in (s.strip() for s in ddl.split(";")):
        body = "\n".join(line for line in statement.splitlines() if not line.startswith("--")).strip()
        if not body:
            continue
        name = body.split("(")[0].split()[-1]
        if not store.has_table(con, name):
            con.execute(body)
            absent.append(name)
            log(f"  {name}: no input files; created empty")
    return absent


def _write_crosswalk(con, results: list[Loaded]) -> None:
    """SOC 6-digit (BLS) ↔ O*NET-SOC 8-digit, derived from the loaded tables themselves."""
    from careerpath.sources.crosswalk import build_crosswalk

    tables = {name: df for r in results for name, df in r.tables.items()}
    if {"onet_occupations", "oews_national", "ep_projections"} <= tables.keys():
        store.write_table(con, "soc_crosswalk", build_crosswalk(
            tables["onet_occupations"], tables["oews_national"], tables["ep_projections"]))


def ingest(data_dir: Path, db: Path) -> IngestSummary:
    start = time.perf_counter()
    results: list[Loaded] = []
    with store.building(Path(db)) as con:
        for name, loader in track(LOADERS, "Loading sources"):
            loaded = loader(Path(data_dir))
            results += loaded
            for res in loaded:
                log(f"  {res.source.id}: {sum(f.rows_loaded for f in res.files):,} rows loaded, "
                    f"{sum(f.rows_rejected for f in res.files):,} rejected")
        store.write_loaded(con, results)
        for res in results:  # what the loaders changed or nulled, per source (e.g. `postings_notes`)
            for name, df in res.tables.items():
                if df.attrs.get("notes"):
                    store.set_meta(con, f"{name}_notes", df.attrs["notes"])
        _write_crosswalk(con, results)
        absent = _create_absent_market_tables(con)
        store.set_meta(con, "absent_tables", absent)
        store.set_meta(con, "data_dir", str(data_dir))
        store.set_meta(con, "ingested_at", time.strftime("%Y-%m-%dT%H:%M:%S"))
    return IngestSummary(Path(db), time.perf_counter() - start, results)
