"""The batch stage stores what `extract` finds: the same ranking over the same segments, links above the threshold."""

from __future__ import annotations

import json
import shutil

import duckdb
import pandas as pd

from careerpath import store
from careerpath.embed import HashingEmbedder
from careerpath.extract.batch import extract_all
from careerpath.extract.skills import _ALT_W, ExtractConfig, SkillExtractor

TEXTS = [
    "You will analyse test results and write reports for the quality team.",
    "Maintain patient records and support the ward manager with rotas. Excellent communication skills.",
    "Build data pipelines in Python and SQL; monitor the system performance and fix faults.",
    "Prepare food from scratch, keep the kitchen clean and follow food safety rules.",
]


def test_batch_rows_are_extract_hits_above_the_link_threshold(real_taxonomy, tmp_path):
    db = tmp_path / "b.duckdb"
    shutil.copyfile(real_taxonomy, db)
    posts = pd.DataFrame({"posting_id": [f"p:{i}" for i in range(len(TEXTS))], "description": TEXTS,
                          "skills_given": [None] * len(TEXTS), "duplicate_of": [None] * len(TEXTS)})
    with duckdb.connect(str(db)) as con:
        store.write_table(con, "postings", posts)
    store.derive(db, lambda con: extract_all(con, embedder=HashingEmbedder(), workers=1, sem_budget=10_000))
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT posting_id, skill_id, method, spans FROM posting_skills").fetchall()
        popularity = dict(con.execute("SELECT skill_id, documents FROM skill_popularity").fetchall())
        ex = SkillExtractor.from_store(con, embedder=HashingEmbedder(), config=ExtractConfig())
    ex.set_popularity(popularity)
    floor = ex.config.sem_weight * ex.config.sem_threshold
    stored: dict[str, set] = {}
    for pid, sid, method, spans in rows:
        stored.setdefault(pid, set()).add((sid, method))
        assert json.loads(spans)  # every stored skill says where it was found
    dropped_alt = 0
    for i, text in enumerate(TEXTS):
        hits = ex.extract(text)
        want = {(h.id, h.method) for h in hits if h.method != "semantic" or h.score >= floor}
        assert stored.get(f"p:{i}", set()) == want, text
        lexical_ids = {h.id for h in hits if h.method == "lexical"}
        dropped_alt += sum(1 for k, rec in ex.lexical(text).items() if rec[0] == _ALT_W and ex._ids[k] not in lexical_ids)
    # the case the lexical stage alone gets wrong: a match only through an ESCO alternative label, judged against
    # its sentence and not kept as a named skill
    assert dropped_alt > 0
