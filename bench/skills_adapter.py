"""Experiment (rejected 2026-11-26, bench/README.md): a linear adapter on MiniLM sentence vectors, fitted on
pairs the store provides, to point sentences at the ESCO skill they ask for.

    PYTHONPATH=src .venv/bin/python bench/skills_adapter.py --db STORE [--variants '[{"identity_penalty": 0.001}]']

W (384 x 384, started at the identity, ||W - I||^2 penalised) maps sentence-side vectors only; skill vectors are
the store's cached `skill_embeddings`. Fitted with a softmax over every ESCO-backed skill (all are negatives) on
- ESCO alternative labels and override phrases -> their concept (group `alias`);
- extractor segments of posting descriptions in which exactly one multi-word competence name occurs (lexical
  stage; ESCO skill/knowledge/soft skill) -> that concept (`sentence`), and the same segment with the name cut
  out (`masked`), so that context alone would learn to point at the skill.
Postings that a benchmark sentence comes from (tests/data/skills_dev*.jsonl) are never read. Prints R-P@5
(technical/other) on dev (tuned), dev2 and dev3 (blind when made) without and with each fitted map, and the
top-5 hit rate on 5 % of the pairs held out of the fit. Pair embeddings are cached (--cache) between runs.
"""

from __future__ import annotations

from dataclasses import dataclass

import argparse
import dataclasses
import json
import os
import sys
from pathlib import Path

import duckdb
import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from bench_skills import r_precision, ranked_uris  # noqa: E402
from careerpath.store import has_table  # noqa: E402

_CONTEXT_TYPES = ("skill", "soft_skill", "knowledge")


@dataclass(frozen=True)
class AdapterConfig:
    """Sizes and training knobs of the adapter (build-time cost is about linear in the pair counts)."""

    postings: int = 6_000  # posting descriptions read for sentence pairs (deterministic sample)
    max_alts_per_skill: int = 3
    max_sentences_per_skill: int = 12  # so "team player" does not drown the rest
    min_context_words: int = 4  # a masked sentence needs this many words left
    epochs: int = 4
    batch: int = 256
    lr: float = 2e-3
    temperature: float = 0.05
    identity_penalty: float = 1.0  # weight of ||W - I||^2 (Frobenius) in the loss
    seed: int = 0
    method: str = "softmax"  # or "ridge" (closed form, see fit_ridge)
    ridge: float = 0.05
    min_pairs: int = 50  # fewer pairs (a tiny store): no adapter


def bench_postings() -> frozenset[str]:
    """Posting ids whose sentences are in the skill benchmark sets: never read for training pairs."""
    return frozenset(json.loads(line)["posting_id"] for f in sorted((ROOT / "tests" / "data").glob("skills_dev*.jsonl"))
                     for line in f.read_text(encoding="utf-8").splitlines() if line.strip())


def alias_pairs(con: duckdb.DuckDBPyConnection, row_of: dict[str, int], config: AdapterConfig) -> list[tuple[str, int]]:
    """(alternative label or override phrase, vector row of its skill): other words for the same skill."""
    df = con.execute(
        "SELECT a.skill_id, a.alias FROM skill_aliases a JOIN skills s USING (skill_id) "
        "WHERE a.kind IN ('alt', 'override') AND s.esco_uri IS NOT NULL AND a.rule != 'drop' "
        "ORDER BY a.skill_id, hash(a.alias), a.alias"
    ).df()
    out: list[tuple[str, int]] = []
    seen: dict[str, int] = {}
    for sid, alias in zip(df["skill_id"], df["alias"]):
        if sid not in row_of or len(alias.split()) < 2 and len(alias) < 5:
            continue
        if seen.get(sid, 0) >= config.max_alts_per_skill:
            continue
        seen[sid] = seen.get(sid, 0) + 1
        out.append((alias, row_of[sid]))
    return out


def sentence_pairs(con: duckdb.DuckDBPyConnection, extractor, row_of: dict[str, int],
                   config: AdapterConfig) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """(segment, row) with the competence name kept, and (segment without it, row): see the module doc."""
    if not has_table(con, "postings"):
        return [], []
    held = bench_postings()
    docs = con.execute(
        "SELECT posting_id, duplicate_of, description FROM postings WHERE description IS NOT NULL "
        "AND length(description) >= 200 ORDER BY hash(posting_id), posting_id LIMIT ?",
        [config.postings + len(held)],
    ).fetchall()
    kept: list[tuple[str, int]] = []
    masked: list[tuple[str, int]] = []
    per_skill: dict[int, int] = {}
    n_docs = 0
    for pid, dup, text in docs:
        if pid in held or dup in held or n_docs >= config.postings:
            continue
        n_docs += 1
        text = text[:20_000]
        lex = extractor.lexical(text)
        hits = []  # (start, end, row) of multi-word competence names
        for i, (_, multi, spans) in lex.items():
            s = extractor.skills[extractor._ids[i]]
            if not multi or s["type"] not in _CONTEXT_TYPES or s["skill_id"] not in row_of:
                continue
            hits += [(a, b, row_of[s["skill_id"]]) for a, b in spans]
        if not hits:
            continue
        for seg, a, b in extractor.segments(text):
            inside = [(s, e, r) for s, e, r in hits if s >= a and e <= b]
            if len({r for _, _, r in inside}) != 1:
                continue  # none, or two skills named: not unambiguous
            r = inside[0][2]
            if per_skill.get(r, 0) >= config.max_sentences_per_skill:
                continue
            per_skill[r] = per_skill.get(r, 0) + 1
            kept.append((seg, r))
            rest = seg
            for s, e, _ in sorted(inside, reverse=True):
                rest = rest[: s - a] + " " + rest[e - a:]
            rest = " ".join(rest.split())
            if len(rest.split()) >= config.min_context_words:
                masked.append((rest, r))
    return kept, masked


def fit(queries: np.ndarray, targets: np.ndarray, skill_vecs: np.ndarray, config: AdapterConfig) -> np.ndarray:
    """W (DIM x DIM) minimising softmax cross-entropy of normalise(q W^T) against all skill vectors, plus
    `identity_penalty` * ||W - I||^2. Full softmax: every skill is a negative, not only the batch's."""
    import torch

    torch.manual_seed(config.seed)
    q = torch.from_numpy(np.ascontiguousarray(queries, dtype=np.float32))
    t = torch.from_numpy(targets.astype(np.int64))
    s = torch.from_numpy(np.ascontiguousarray(skill_vecs, dtype=np.float32))
    eye = torch.eye(q.shape[1])
    w = torch.nn.Parameter(eye.clone())
    opt = torch.optim.Adam([w], lr=config.lr)
    gen = torch.Generator().manual_seed(config.seed)
    for _ in range(config.epochs):
        order = torch.randperm(len(q), generator=gen)
        for k in range(0, len(q), config.batch):
            idx = order[k:k + config.batch]
            z = torch.nn.functional.normalize(q[idx] @ w.T, dim=1)
            loss = torch.nn.functional.cross_entropy(z @ s.T / config.temperature, t[idx])
            loss = loss + config.identity_penalty * ((w - eye) ** 2).sum()
            opt.zero_grad()
            loss.backward()
            opt.step()
    return w.detach().numpy().astype(np.float32)


def fit_ridge(queries: np.ndarray, targets: np.ndarray, skill_vecs: np.ndarray, config: AdapterConfig) -> np.ndarray:
    """Closed-form alternative: W minimising ||q W^T - s_y||^2 + ridge * n * ||W - I||^2 (milliseconds, no
    negatives: it pulls each query towards its skill without pushing it from the others)."""
    q = queries.astype(np.float64)
    s = skill_vecs[targets].astype(np.float64)
    lam = config.ridge * len(q)
    eye = np.eye(q.shape[1])
    wt = np.linalg.solve(q.T @ q + lam * eye, q.T @ s + lam * eye)
    return wt.T.astype(np.float32)


def apply(vecs: np.ndarray, w: np.ndarray | None) -> np.ndarray:
    """Sentence vectors through the adapter, re-normalised (unchanged without one)."""
    if w is None or not len(vecs):
        return vecs
    out = vecs.astype(np.float32, copy=False) @ w.T
    return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)


def top5(queries: np.ndarray, targets: np.ndarray, skill_vecs: np.ndarray, w: np.ndarray | None) -> float:
    """Share of queries whose skill is among their 5 nearest skill vectors."""
    if not len(queries):
        return 0.0
    sims = apply(queries, w) @ skill_vecs.T
    gold = sims[np.arange(len(targets)), targets][:, None]
    return float(((sims > gold).sum(axis=1) < 5).mean())


def dev_rp5(ex, dev: dict[str, list[dict]]) -> dict[str, str]:
    """R-P@5 "technical/other" per dev set, with the extractor as it is (its embedder possibly adapted)."""
    out = {}
    for n, items in dev.items():
        by: dict[str, list[float]] = {}
        for it in items:
            gold = {s["uri"] for s in it["skills"] if s["uri"]}
            by.setdefault(it["group"], []).append(r_precision(ranked_uris(ex.extract(it["text"])), gold))
        out[n] = "/".join(f"{100 * sum(v) / len(v):.1f}" for _, v in sorted(by.items(), key=lambda kv: kv[0] != "technical"))
    return out


def main() -> None:
    from careerpath.embed import default_embedder
    from careerpath.extract.skills import ExtractConfig, SkillExtractor, taxonomy_vectors

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True)
    ap.add_argument("--variants", default='[{"identity_penalty": 0.001}]', help="JSON list of AdapterConfig overrides; "
                    "optional keys: groups (list of alias/sentence/masked), blend (W' = (1-b) I + b W)")
    ap.add_argument("--cache", default="/tmp/skills_adapter_pairs.npz")
    args = ap.parse_args()
    con = duckdb.connect(args.db, read_only=True)
    emb = default_embedder()
    cfg = AdapterConfig()
    ids, vecs = taxonomy_vectors(con, emb, write=False)
    row_of = {s: k for k, s in enumerate(ids)}
    ex = SkillExtractor.from_store(con, embedder=emb, config=ExtractConfig())
    cache = Path(args.cache)
    if cache.exists():
        z = np.load(cache)
        q, y, g = z["q"], z["y"], z["g"]
    else:
        lex = SkillExtractor.from_store(con, config=ExtractConfig(semantic=False))
        groups = {"alias": alias_pairs(con, row_of, cfg)}
        groups["sentence"], groups["masked"] = sentence_pairs(con, lex, row_of, cfg)
        print("pairs", {k: len(v) for k, v in groups.items()}, flush=True)
        pairs = [(t, r, k) for k, v in groups.items() for t, r in v]
        q = emb.encode([p[0] for p in pairs], max_tokens=64)
        y, g = np.array([p[1] for p in pairs]), np.array([p[2] for p in pairs])
        np.savez(cache, q=q, y=y, g=g)
    dev = {n: [json.loads(line) for line in open(ROOT / "tests" / "data" / f"skills_{n}.jsonl", encoding="utf-8") if line.strip()]
           for n in ("dev", "dev2", "dev3")}

    class Adapted:  # the extractor's embedder, with the map applied to every sentence vector
        name = emb.name

        def __init__(self, w: np.ndarray | None) -> None:
            self.w = w

        def encode(self, texts, **kw) -> np.ndarray:
            return apply(emb.encode(texts, **kw), self.w)

    def evaluate(w: np.ndarray | None) -> dict[str, str]:
        ex.embedder = Adapted(w)
        return dev_rp5(ex, dev)

    print("no adapter", evaluate(None), flush=True)
    held = (np.arange(len(y)) % 20) == 7
    for v in json.loads(args.variants):
        groups, blend = v.pop("groups", None), v.pop("blend", 1.0)
        c = dataclasses.replace(cfg, **v)
        m = ~held & (np.isin(g, groups) if groups else True)
        w = (fit_ridge if c.method == "ridge" else fit)(q[m], y[m], vecs, c)
        w = (1 - blend) * np.eye(len(w), dtype=np.float32) + blend * w
        top = {k: (round(top5(q[held & (g == k)], y[held & (g == k)], vecs, None), 2),
                   round(top5(q[held & (g == k)], y[held & (g == k)], vecs, w), 2)) for k in ("alias", "sentence", "masked")}
        print(json.dumps({**v, "groups": groups, "blend": blend}), "held-out top5 before/after", top, evaluate(w), flush=True)


if __name__ == "__main__":
    main()
