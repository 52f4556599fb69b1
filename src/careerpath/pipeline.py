"""`careerpath build`: the whole one-way flow, sources → store → roles → skills → profiles → guides.

Each derived step runs on a copy of the store and is swapped in atomically (`store.derive`), so an
interrupted build leaves the last good store in place. Steps are listed here in data-flow order.
"""

from __future__ import annotations

import dataclasses
import time
from functools import partial
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


def build(data_dir: Path | None, db: Path, *, skip_ingest: bool = False, all_guides: bool = False,
          guide_list: Path | None = None) -> dict:
    """Ingest (unless told not to) and run every derived step; returns per-step timings and stats.

    `all_guides` precomputes every role's guide; `guide_list` only those of the roles listed in that file
    (`guide.build.read_role_list`): a publisher's few hundred roles, built in minutes instead of all 1,300."""
    report: dict = {"steps": []}
    steps: list[tuple[str, str | Callable[[duckdb.DuckDBPyConnection], object]]] = list(DERIVED_STEPS)
    if all_guides or guide_list is not None:  # a bad list or CAREERPATH_WORKERS fails now, not after the other steps
        from careerpath.guide.build import build_listed_guides, guide_workers, read_role_list
        guide_workers()
        if guide_list is not None and not all_guides:
            read_role_list(guide_list)
            steps.append(("guides", partial(build_listed_guides, path=guide_list)))
        else:
            steps.append(GUIDES_STEP)
    if not skip_ingest:
        summary: IngestSummary = ingest(data_dir, db)
        report["ingest"] = {"seconds": round(summary.seconds, 1), "sources": summary.rows()}
    for name, spec in steps:
        start = time.perf_counter()
        log(f"Step {name} ...")
        stats = store.derive(db, spec if callable(spec) else _resolve(spec))
        seconds = round(time.perf_counter() - start, 1)
        log(f"Step {name}: {seconds}s")
        if dataclasses.is_dataclass(stats):
            stats = dataclasses.asdict(stats)
        report["steps"].append({"step": name, "seconds": seconds, "stats": stats})
    return report
