"""Guide timings: one guide cold and warm, one personalised guide, all guides (read-only store).

Usage: python bench/bench_guide.py --db careerpath.duckdb [--role "data scientist"] [--all]
"""

from __future__ import annotations

import argparse
import time

import duckdb

from careerpath.guide.build import build_guide
from careerpath.guide.resolve import all_roles


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--role", default="data scientist")
    ap.add_argument("--all", action="store_true", help="also time every role's guide")
    a = ap.parse_args()
    con = duckdb.connect(a.db, read_only=True)
    t = time.perf_counter(); build_guide(con, a.role); cold = time.perf_counter() - t
    t = time.perf_counter(); build_guide(con, a.role); warm = time.perf_counter() - t
    t = time.perf_counter()
    build_guide(con, a.role, resume_text="Python, SQL, statistics, machine learning")
    personal = time.perf_counter() - t
    print(f"one guide cold {cold:.2f}s, warm {warm:.2f}s; personalised {personal:.2f}s")
    if a.all:
        roles = all_roles(con)
        t = time.perf_counter()
        for r in roles:
            build_guide(con, r.slug)
        s = time.perf_counter() - t
        print(f"all guides: {len(roles)} in {s:.1f}s ({s / len(roles) * 1000:.0f} ms each)")


if __name__ == "__main__":
    main()
