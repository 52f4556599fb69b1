"""Time and peak memory of a full `careerpath ingest` of the data folder (goal: < 3 min, < 2 GB).

Usage: .venv/bin/python bench/bench_ingest.py [DATA_DIR]
"""

from __future__ import annotations

import os

os.environ.setdefault("CAREERPATH_CACHE", "off")  # time the model, not the vector cache (careerpath.vector_cache)

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1].parent / "shared" / "data"
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "careerpath.cli", "ingest", "--data", str(data), "--db", str(db)],
                       check=True, capture_output=True)
        seconds = time.perf_counter() - start
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        size_mb = db.stat().st_size / 1e6
    print(f"full ingest: {seconds:.1f} s wall, peak RSS {peak_mb:.0f} MB, store {size_mb:.0f} MB")


if __name__ == "__main__":
    main()
