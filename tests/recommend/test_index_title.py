"""The role index without the title's pull, and the relative cut from the role's own K-th best candidate."""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd
import pytest

from careerpath.embed import HashingEmbedder
from careerpath.recommend import index, rank
from careerpath.recommend.index import build_role_embeddings, load_role_embeddings, role_index_texts

LOGISTICS = "Analyze and coordinate the ongoing logistical functions of a firm or organization."
DATA = "Develop and implement a set of techniques or analytics applications to transform raw data."


@pytest.fixture
def con():
    c = duckdb.connect()
    c.execute("CREATE TABLE roles AS SELECT * FROM (VALUES ('logisticians', 'Logisticians', '13-1081.00'), "
              "('data-analyst', 'Data Analyst', '15-2051.00'), ('data-scientist', 'Data Scientist', '15-2051.00'), "
              "('no-desc', 'Widget Wrangler', '99-9999.00')) t(slug, title, soc_code)")
    c.execute("CREATE TABLE onet_occupations AS SELECT * FROM (VALUES ('13-1081.00', ?), ('15-2051.00', ?)) "
              "t(soc_code, description)", [LOGISTICS, DATA])
    yield c
    c.close()


def test_index_texts_pair_title_and_description_unless_shared(con):
    t = role_index_texts(con).set_index("slug")
    assert t.at["logisticians", "text"] == f"Logisticians. {LOGISTICS}"
    assert t.at["logisticians", "alt"] == LOGISTICS  # its own description: averaged in without the title
    # two posting roles of one occupation share the description: only the title tells them apart
    assert t.at["data-analyst", "alt"] == "" and t.at["data-scientist", "alt"] == ""
    assert t.at["no-desc", "text"] == "Widget Wrangler." and t.at["no-desc", "alt"] == ""


def test_index_vector_is_the_mean_of_both_texts_and_cached(con):
    emb = HashingEmbedder()
    assert build_role_embeddings(con, emb) == {"embedded": 4, "cached": 0}
    slugs, mat = load_role_embeddings(con, emb.name)
    v = dict(zip(slugs, mat))
    both = emb.encode([f"Logisticians. {LOGISTICS}", LOGISTICS], max_tokens=128).sum(axis=0)
    assert np.allclose(v["logisticians"], both / np.linalg.norm(both), atol=1e-5)
    assert np.allclose(v["data-analyst"], emb.encode([f"Data Analyst. {DATA}"], max_tokens=128)[0], atol=1e-5)
    assert build_role_embeddings(con, emb) == {"embedded": 0, "cached": 4}


def test_index_without_the_mean_keeps_the_old_texts(con, monkeypatch):
    monkeypatch.setattr(index, "INDEX_MEAN_WITHOUT_TITLE", False)
    assert (role_index_texts(con)["alt"] == "").all()


def test_relative_cut_is_from_the_kth_best_candidate(monkeypatch):
    monkeypatch.setattr(rank, "MIN_REL_SHARE", 0.3)
    monkeypatch.setattr(rank, "REL_REF_K", 3)
    rel = pd.DataFrame({"course_id": list("abcdef"), "relevance": [1.0, 0.4, 0.35, 0.3, 0.12, 0.1]})
    # bar 0.3 x 0.35 (the third best), not 0.3 x 1.0: one outlier at the top no longer empties the list
    assert rank.relative_cut(rel)["course_id"].tolist() == list("abcde")
    monkeypatch.setattr(rank, "REL_REF_K", 0)
    assert rank.relative_cut(rel)["course_id"].tolist() == list("abcd")


def test_relative_cut_with_fewer_candidates_than_k_uses_the_best(monkeypatch):
    monkeypatch.setattr(rank, "MIN_REL_SHARE", 0.3)
    monkeypatch.setattr(rank, "REL_REF_K", 3)
    rel = pd.DataFrame({"course_id": ["a", "b"], "relevance": [1.0, 0.2]})
    assert rank.relative_cut(rel)["course_id"].tolist() == ["a"]
    assert rank.relative_cut(rel.iloc[:0]).empty
