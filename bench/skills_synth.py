"""Experiment (issue 4, seventh pass, rejected 2026-11-26, bench/README.md): the linear sentence adapter of `skills_adapter.py`
fitted on hand-written synthetic posting sentences that express an ESCO skill without naming it
(`tests/data/skills_synth.jsonl`), optionally plus ESCO alternative-label pairs.

    PYTHONPATH=src .venv/bin/python bench/skills_synth.py --db STORE [--select OUT.tsv]
        [--variants '[{"identity_penalty": 0.001, "groups": ["synth"]}]'] [--save DIR] [--skill-holdout]

--select prints the rule that chose the skills (no dev label is read): ESCO-backed competences and knowledge
(type skill / knowledge / soft_skill; named software and tools are left to the lexical stage) ranked by the
number of postings that name them in `posting_skills`, in three strata by posting source (technical: Glassdoor,
ds-bookcamp, NoFluffJobs, Luke Barousse; care: NHS; trade/office: LA City bulletins, Adzuna), taken round-robin
(180 / 160 / 160) until 500 distinct concepts.

Held-out check: every sentence whose crc32 is 0 mod 10 (about 10 %) is left out of the fit; its top-5 hit rate
against all ESCO skill vectors is printed before / after. R-P@5 (technical/other) on dev, dev2, dev3, dev4, dev5.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
import zlib
from pathlib import Path

import duckdb
import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from skills_adapter import AdapterConfig, alias_pairs, apply, dev_rp5, fit, fit_ridge, top5  # noqa: E402

SYNTH = ROOT / "tests" / "data" / "skills_synth.jsonl"
SETS = ("dev", "dev2", "dev3", "dev4", "dev5")
STRATA = {"care": ("postings-nhs-jobs-uk-2020",),
          "trade_office": ("postings-la-city-bulletins", "postings-adzuna-uk-2013")}
QUOTA = {"technical": 180, "care": 160, "trade_office": 160}


def select(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, str, int]]:
    """(stratum, label, esco_uri, postings) of the skills to write sentences for: see the module doc."""
    case = " ".join(f"WHEN p.source_id IN ({', '.join(repr(s) for s in v)}) THEN '{k}'" for k, v in STRATA.items())
    rows = con.execute(f"""
        WITH ps AS (SELECT DISTINCT p.posting_id, ps.skill_id, CASE {case} ELSE 'technical' END AS stratum
                    FROM posting_skills ps JOIN postings p USING (posting_id))
        SELECT stratum, s.name, s.esco_uri, count(*) n FROM ps JOIN skills s USING (skill_id)
        WHERE s.esco_uri IS NOT NULL AND s.type IN ('skill', 'knowledge', 'soft_skill')
        GROUP BY ALL ORDER BY stratum, n DESC, s.name""").fetchall()
    lists = {k: [r for r in rows if r[0] == k] for k in QUOTA}
    chosen: dict[str, tuple[str, str, str, int]] = {}
    taken = dict.fromkeys(QUOTA, 0)
    for i in range(max(map(len, lists.values()))):
        for k, lst in lists.items():
            if i < len(lst) and taken[k] < QUOTA[k] and lst[i][2] not in chosen:
                chosen[lst[i][2]] = lst[i]
                taken[k] += 1
        if len(chosen) >= sum(QUOTA.values()):
            break
    return list(chosen.values())


def synth_pairs(con: duckdb.DuckDBPyConnection, row_of: dict[str, int]) -> tuple[list[str], np.ndarray, np.ndarray]:
    """(texts, vector rows, held-out mask) of the synthetic sentences whose concept has a vector."""
    uri_row = {u: row_of[s] for s, u in con.execute("SELECT skill_id, esco_uri FROM skills WHERE esco_uri IS NOT NULL").fetchall()
               if s in row_of}
    items = [json.loads(line) for line in SYNTH.read_text(encoding="utf-8").splitlines() if line.strip()]
    items = [it for it in items if it["esco_uri"] in uri_row]
    texts = [it["text"] for it in items]
    held = np.array([zlib.crc32(t.encode()) % 10 == 0 for t in texts])
    return texts, np.array([uri_row[it["esco_uri"]] for it in items]), held


def main() -> None:
    from careerpath.embed import default_embedder
    from careerpath.extract.skills import ExtractConfig, SkillExtractor, taxonomy_vectors

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True)
    ap.add_argument("--select", default=None, help="write the chosen skills (TSV) and stop")
    ap.add_argument("--variants", default='[{"identity_penalty": 0.001, "groups": ["synth"], "epochs": 40}]',
                    help="JSON list of AdapterConfig overrides; keys groups (synth / alias), blend, synth_repeat (copies of the synthetic pairs)")
    ap.add_argument("--cache", default="/tmp/skills_synth_alias.npz", help="alias-pair embeddings (keyed by text)")
    ap.add_argument("--skill-holdout", action="store_true", help="only the held-out-skills check (no dev sets)")
    ap.add_argument("--save", default=None, help="directory: write each variant's W as variant-N.npy")
    args = ap.parse_args()
    con = duckdb.connect(args.db, read_only=True)
    if args.select:
        rows = select(con)
        Path(args.select).write_text("".join(f"{a}\t{b}\t{c}\t{d}\n" for a, b, c, d in rows), encoding="utf-8")
        print(len(rows), "skills ->", args.select)
        return
    emb = default_embedder()
    cfg = AdapterConfig()
    ids, vecs = taxonomy_vectors(con, emb, write=False)
    row_of = {s: k for k, s in enumerate(ids)}
    ex = SkillExtractor.from_store(con, embedder=emb, config=ExtractConfig())

    texts, ys, held_s = synth_pairs(con, row_of)
    qs = emb.encode(texts, max_tokens=64)
    variants = json.loads(args.variants)
    alias = alias_pairs(con, row_of, cfg) if any("alias" in v.get("groups", ()) for v in variants) else []
    cache = Path(args.cache)
    a_texts = [t for t, _ in alias]
    if not alias:
        qa = np.zeros((0, vecs.shape[1]), dtype=np.float32)
    elif cache.exists() and list(np.load(cache, allow_pickle=True)["t"]) == a_texts:
        qa = np.load(cache, allow_pickle=True)["q"]
    else:
        qa = emb.encode(a_texts, max_tokens=64)
        np.savez(cache, q=qa, t=np.array(a_texts, dtype=object))
    ya = np.array([r for _, r in alias], dtype=np.int64)
    held_a = (np.arange(len(ya)) % 20) == 7
    print("pairs", {"synth": len(texts), "synth_held": int(held_s.sum()), "skills": len(set(ys.tolist())),
                    "alias": len(ya)}, flush=True)
    dev = {n: [json.loads(line) for line in open(ROOT / "tests" / "data" / f"skills_{n}.jsonl", encoding="utf-8") if line.strip()]
           for n in SETS}

    seen: dict[str, np.ndarray] = {}  # dev segments are the same for every variant: encode each once

    class Adapted:  # the extractor's embedder, with the map applied to every sentence vector
        name = emb.name

        def __init__(self, w: np.ndarray | None) -> None:
            self.w = w

        def encode(self, texts, **kw) -> np.ndarray:
            todo = [t for t in dict.fromkeys(texts) if t not in seen]
            if todo:
                seen.update(zip(todo, emb.encode(todo, **kw)))
            return apply(np.stack([seen[t] for t in texts]), self.w)

    def evaluate(w: np.ndarray | None) -> dict[str, str]:
        ex.embedder = Adapted(w)
        return dev_rp5(ex, dev)

    if args.skill_holdout:  # generalisation to skills with no sentence in the fit: 10 % of the concepts held out
        out = np.array([zlib.crc32(str(r).encode()) % 10 == 0 for r in ys.tolist()])
        for v in variants:
            v.pop("groups", None), v.pop("blend", None), v.pop("synth_repeat", None)
            w = fit(qs[~out], ys[~out], vecs, dataclasses.replace(cfg, **v))
            print(json.dumps(v), "held-out skills", int(len(set(ys[out].tolist()))), "sentences", int(out.sum()),
                  "top5 before/after", round(top5(qs[out], ys[out], vecs, None), 2), round(top5(qs[out], ys[out], vecs, w), 2),
                  flush=True)
        return
    print("no adapter", json.dumps(evaluate(None)), flush=True)
    for k, v in enumerate(variants):
        groups, blend, rep = v.pop("groups", ["synth"]), v.pop("blend", 1.0), v.pop("synth_repeat", 1)
        c = dataclasses.replace(cfg, **v)
        q = np.concatenate([qs[~held_s]] * rep + ([qa[~held_a]] if "alias" in groups else []))
        y = np.concatenate([ys[~held_s]] * rep + ([ya[~held_a]] if "alias" in groups else []))
        if "synth" not in groups:
            q, y = qa[~held_a], ya[~held_a]
        w = (fit_ridge if c.method == "ridge" else fit)(q, y, vecs, c)
        w = (1 - blend) * np.eye(len(w), dtype=np.float32) + blend * w
        top = {"synth_held": (round(top5(qs[held_s], ys[held_s], vecs, None), 2), round(top5(qs[held_s], ys[held_s], vecs, w), 2)),
               "synth_fit": (round(top5(qs[~held_s], ys[~held_s], vecs, None), 2), round(top5(qs[~held_s], ys[~held_s], vecs, w), 2)),
               "alias_held": (round(top5(qa[held_a], ya[held_a], vecs, None), 2), round(top5(qa[held_a], ya[held_a], vecs, w), 2))}
        if args.save:
            Path(args.save).mkdir(parents=True, exist_ok=True)
            np.save(Path(args.save) / f"variant-{k}.npy", w)
        print(json.dumps({**v, "groups": groups, "blend": blend, "synth_repeat": rep}), "top5 before/after", json.dumps(top),
              json.dumps(evaluate(w)), flush=True)


if __name__ == "__main__":
    main()
