"""Time building every role's profile on a store (default ./careerpath.duckdb), without writing it.

    python bench/bench_profiles.py --db careerpath.duckdb

Prints the aggregation time (set-based SQL), the assembly time (pure Python per role), the JSON size,
and how many roles rank skills from postings vs from O*NET ratings.
"""

from __future__ import annotations

import os

os.environ.setdefault("CAREERPATH_CACHE", "off")  # time the model, not the vector cache (careerpath.vector_cache)

import argparse
import time

from careerpath import store
from careerpath.profile import aggregates, build


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", default="careerpath.duckdb")
    args = ap.parse_args()
    con = store.connect(args.db)
    t0 = time.perf_counter()
    aggregates.collect(con)
    t1 = time.perf_counter()
    profiles = build.compute_profiles(con)  # aggregates again, then assembly and related roles
    t2 = time.perf_counter()
    size = sum(len(p.model_dump_json()) for p in profiles.values())
    t3 = time.perf_counter()
    evidence = [p.skills.evidence for p in profiles.values()]
    print(f"roles: {len(profiles):,}  (skills from postings: {evidence.count('postings')}, "
          f"from O*NET: {evidence.count('onet')})")
    print(f"aggregates (SQL): {t1 - t0:.1f}s")
    print(f"all profiles (aggregates + assembly + related roles): {t2 - t1:.1f}s")
    print(f"JSON serialisation: {t3 - t2:.1f}s, {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
