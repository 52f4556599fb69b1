"""What the vector cache saves a rebuild: the course-index step run cold (empty cache) and warm, on copies of a store.

    .venv/bin/python bench/bench_vector_cache.py --db STORE

The store's own vector tables (course and role embeddings) are dropped from each copy, as a fresh build after
`ingest` would have them; the cache file is a new temporary one, so "cold" is what a first build pays.
"""

from __future__ import annotations

import os
import tempfile

os.environ["CAREERPATH_CACHE"] = os.path.join(tempfile.mkdtemp(prefix="vcache-"), "vectors.sqlite")

import argparse
import json
import shutil
import time
from pathlib import Path

import duckdb

from careerpath import store
from careerpath.embed import default_embedder
from careerpath.recommend.index import build_course_index


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--db", type=Path, required=True, help="a built store (not modified)")
    args = ap.parse_args()
    out: dict = {"cache_file": os.environ["CAREERPATH_CACHE"]}
    with tempfile.TemporaryDirectory(prefix="vcache-db-") as tmp:
        db = Path(tmp) / "copy.duckdb"
        for run in ("cold", "warm"):
            shutil.copyfile(args.db, db)
            con = duckdb.connect(str(db))
            for table in ("course_embeddings", "role_embeddings"):
                con.execute(f"DROP TABLE IF EXISTS {table}")
            con.close()
            e = default_embedder()
            hits, misses = getattr(e, "hits", 0), getattr(e, "misses", 0)
            start = time.perf_counter()
            store.derive(db, build_course_index)
            out[run] = {"seconds": round(time.perf_counter() - start, 1), "texts_from_cache": e.hits - hits,
                        "texts_encoded": e.misses - misses}
    cache = Path(out["cache_file"])
    out["cache_mb"] = round(sum(f.stat().st_size for f in cache.parent.iterdir()) / 1e6, 1)
    shutil.rmtree(cache.parent, ignore_errors=True)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
