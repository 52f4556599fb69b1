"""Guide timings: one guide cold and warm, one personalised guide, all guides (read-only store).

Usage: python bench/bench_guide.py --db careerpath.duckdb [--role "data scientist"] [--all]
"""

from __future__ import annotations

import os

os.environ.setdefault("CAREERPATH_CACHE", "off")  # time the model, not the vector cache (careerpath.vector_cache)

import argparse
import shutil
import tempfile
import time
from pathlib import Path

import duckdb

from careerpath import store
from careerpath.guide.build import build_all_guides, build_guide
from careerpath.extract.role_lookup import all_roles


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--role", default="data scientist")
    ap.add_argument("--all", action="store_true", help="also time every role's guide (build_all_guides on a copy of the store)")
    a = ap.parse_args()
    con = duckdb.connect(a.db, read_only=True)
    t = time.perf_counter(); build_guide(con, a.role); cold = time.perf_counter() - t
    t = time.perf_counter(); build_guide(con, a.role); warm = time.perf_counter() - t
    t = time.perf_counter()
    build_guide(con, a.role, resume_text="Python, SQL, statistics, machine learning")
    personal = time.perf_counter() - t
    print(f"one guide cold {cold:.2f}s, warm {warm:.2f}s; personalised {personal:.2f}s")
    if a.all:  # what `careerpath build --all` runs (batched profile reads and role vectors), on a copy
        n = len(all_roles(con))
        con.close()
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / "store.duckdb"
            shutil.copy(a.db, copy)
            t = time.perf_counter()
            stats = store.derive(copy, build_all_guides)
            s = time.perf_counter() - t
        print(f"all guides: {stats['guides']} of {n} ({stats['failed']} failed) in {s:.1f}s "
              f"({s / max(1, stats['guides']) * 1000:.0f} ms each), build_all_guides {stats['seconds']}s")


if __name__ == "__main__":
    main()
