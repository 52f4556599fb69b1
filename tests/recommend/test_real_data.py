"""Quality over the real course catalogs (skipped when ../shared/data is absent)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from careerpath.recommend.quality import quality_table

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


@pytest.mark.slow
def test_quality_on_every_real_course():
    if not (DATA / "courses").is_dir():
        pytest.skip("no shared data")
    from careerpath.sources import courses

    df = next(r.tables["courses"] for r in courses.load(DATA) if "courses" in r.tables)
    q = quality_table(df).merge(df[["course_id", "catalog"]], on="course_id")
    assert len(q) == len(df) and q["quality"].between(0, 10).all() and q["explanation"].str.len().gt(20).all()
    basis = q.groupby("catalog")["basis"].agg(lambda s: s.value_counts().idxmax())
    assert basis["udemy"] == "popularity" and basis["edx"] == "prior" and basis["coursera-partner"] == "rating"
    assert isinstance(q, pd.DataFrame)
