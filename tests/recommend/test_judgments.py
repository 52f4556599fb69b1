"""The bench's hand judgments (tests/data/course_judgments.tsv) stay usable: one grade 0-3 per (role, course), and the
bench's BATCHES cover every judged role in the order it was judged, so a new blind batch is reported apart."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
JUDGMENTS = ROOT / "tests" / "data" / "course_judgments.tsv"


def _batches() -> list[tuple[str, int]]:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from bench_courses import BATCHES
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return BATCHES


def test_one_grade_per_role_and_course():
    j = pd.read_csv(JUDGMENTS, sep="\t")
    assert list(j.columns[:3]) == ["role", "course_id", "grade"]
    assert not j.duplicated(["role", "course_id"]).any()
    assert set(j["grade"].unique()) <= {0, 1, 2, 3}
    assert j["role"].notna().all() and j["course_id"].notna().all()


def test_batches_cover_every_judged_role():
    j = pd.read_csv(JUDGMENTS, sep="\t")
    roles = list(dict.fromkeys(j["role"]))
    sizes = [n for _, n in _batches()]
    # later grades for earlier roles are appended at the end: a batch is the roles *first* judged together
    assert sum(sizes) == len(roles), f"BATCHES cover {sum(sizes)} roles, the judgments have {len(roles)}"

