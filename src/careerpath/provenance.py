"""Reading provenance back out of the store, in the shape of the contract's `sources --json`."""

from __future__ import annotations

import json

import duckdb


def sources(con: duckdb.DuckDBPyConnection) -> list[dict]:
    srcs = con.execute("SELECT * FROM sources ORDER BY id").fetchdf().to_dict("records")
    files = con.execute("SELECT * FROM source_files ORDER BY source_id, path").fetchdf().to_dict("records")
    for s in srcs:
        s["files"] = [
            {k: f[k] for k in ("path", "sha256", "rows_read", "rows_loaded", "rows_rejected")}
            for f in files if f["source_id"] == s["id"]
        ]
        for f in s["files"]:
            for k in ("rows_read", "rows_loaded", "rows_rejected"):
                f[k] = int(f[k])
    notes = loader_notes(con)
    for s in srcs:
        s["notes"] = notes.get(s["id"], {})
    return srcs


def loader_notes(con: duckdb.DuckDBPyConnection) -> dict[str, dict[str, int]]:
    """source id -> what its loader changed in rows it kept (values nulled, text repaired or capped), by note name.

    Rejected rows are counted per file; these are the rows loaded but not as published, which the loaders log and
    ingest keeps as `<table>_notes` in `meta`: listing them beside the files keeps nothing silent."""
    try:
        rows = con.execute("SELECT key, value FROM meta WHERE key LIKE '%\\_notes' ESCAPE '\\' ORDER BY key").fetchall()
    except duckdb.CatalogException:
        return {}
    out: dict[str, dict[str, int]] = {}
    for _, value in rows:
        by_source = json.loads(value)
        if not isinstance(by_source, dict):
            continue
        for sid, counts in by_source.items():
            if isinstance(counts, dict):
                out.setdefault(sid, {}).update({k: int(v) for k, v in counts.items() if isinstance(v, (int, float))})
    return out


def source_index(con: duckdb.DuckDBPyConnection) -> dict[str, dict]:
    """id → source row, for attaching publisher/version/as-of to figures."""
    return {s["id"]: s for s in con.execute("SELECT * FROM sources").fetchdf().to_dict("records")}


def rejects(con: duckdb.DuckDBPyConnection, limit: int | None = 50) -> list[dict]:
    sql = "SELECT source_id, path, line, reason, raw FROM rejects ORDER BY source_id, path, line"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    rows = con.execute(sql).fetchdf().to_dict("records")
    for r in rows:
        r["line"] = int(r["line"])
    return rows
