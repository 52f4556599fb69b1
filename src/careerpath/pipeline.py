"""`careerpath build`: the whole one-way flow, sources → store → roles → skills → profiles → guides.

Each derived step runs on a copy of the store and is swapped in atomically (`store.derive`), so an
interrupted build leaves the last good store in place. Steps are listed here in data-flow order.
"""

from __future__ import annotations

import dataclasses
import time
from importlib import import_module
from pathlib import Path
from typing import Callable

import duckdb

from careerpath import store
from careerpath.ingest import IngestSummary, ingest
from careerpath.progress import log

#: (name, "module:function") of each derived step, in the order data flows.
DERIVED_STEPS: list[tuple[str, str]] = [
    ("roles", "careerpath.extract.roles:build_roles"),
    ("taxonomy", "careerpath.extract.taxonomy:build_taxonomy"),
    ("skills", "careerpath.extract.batch:extract_all"),
    ("course index", "careerpath.recommend.index:build_course_index"),
    ("profiles", "careerpath.profile.build:build_profiles"),
]
#: Precomputing every guide is optional (`build --all`): pages compute and cache a guide on first view.
GUIDES_STEP = ("guides", "careerpath.guide.build:build_all_guides")


def _resolve(spec: str) -> Callable[[duckdb.DuckDBPyConnection], object]:
    module, func = spec.split(":")
    return getattr(import_module(module), func)


def build(data_dir: Path | None, db: Path, *, skip_ingest: bool = False, all_guides: bool = False) -> dict:
    """Ingest (unless told not to) and run every derived step; returns per-step timings and stats."""
    report: dict = {"steps": []}
    if all_guides:  # a bad CAREERPATH_WORKERS fails now, not after the steps before the guides
        from careerpath.guide.build import guide_workers
        guide_workers()
    if not skip_ingest:
        summary: IngestSummary = ingest(data_dir, db)
        report["ingest"] = {"seconds": round(summary.seconds, 1), "sources": summary.rows()}
    for name, spec in DERIVED_STEPS + ([GUIDES_STEP] if all_guides else []):
        start = time.perf_counter()
        log(f"Step {name} ...")
        stats = store.derive(db, _resolve(spec))
        seconds = round(time.perf_counter() - start, 1)
        log(f"Step {name}: {seconds}s")
        if dataclasses.is_dataclass(stats):
            stats = dataclasses.asdict(stats)
        report["steps"].append({"step": name, "seconds": seconds, "stats": stats})
    return report
