"""Title resolution: top-1 accuracy on the development set, score calibration, and batch throughput.

    .venv/bin/python bench/bench_resolve.py --db careerpath.duckdb [--throughput-n 20000] [--cold] [-v]
        [--skip ac] [--no-rerank] [--fit-reranker]

Needs a store after `careerpath roles build` (the cached alias vectors). Three measurements:

(a) held-out alternate titles: a fixed 1% slice of O*NET alternate titles (chosen by a hash of
    code + title) is removed from the index - every alias of that code with the same normalised
    form goes - and each held-out title must come back to its code;
(b) tests/data/titles_dev.tsv and titles_dev2.tsv: real posting titles labelled by hand, strict (the
    labelled code) and lenient (the label or a listed equally defensible code). dev2 (150 titles drawn
    with a fixed seed across sources) was labelled before the resolver ever saw it; its misses were
    read after the second pass. titles_dev3.tsv (80 titles, 8 per source file, seed 20261126, titles in
    dev/dev2 excluded) was labelled blind in the third pass and is used only as a check; titles_dev4.tsv
    (80 titles, 8 per source file, seed 20261127, titles in dev/dev2/dev3 excluded) was labelled blind in
    the fourth pass, before the resolver ran on it, and is likewise only a check; titles_dev5.tsv (100
    titles, postings drawn uniformly with seed 20261128 so sources count in proportion, `--sample`) was
    labelled blind in the sixth pass and is measured once, at the end of it; titles_dev6.tsv (100 titles,
    `--sample 100 --seed 20261129`, titles in dev-dev5 skipped) was labelled blind in the seventh pass;
    titles_dev7.tsv (60 titles, `--sample 60 --seed 20261130`, dev-dev6 skipped) likewise; titles_dev8.tsv (60
    titles, `--sample 60 --seed 20261201`, dev-dev7 skipped) was labelled blind in the eighth pass and measured
    only before and after it; titles_dev9.tsv (50 titles, `--sample 50 --seed 20261202`, dev-dev8 skipped) likewise
    in the ninth pass; titles_dev10.tsv (50 titles, `--sample 50 --seed 20261203`, dev-dev9 skipped) likewise in the
    tenth pass; titles_dev11.tsv (98 titles, `--per-source 14 --seed 20261204`: 14 from each of the seven sources,
    dev-dev10 skipped) was labelled blind in the eleventh pass; titles_dev12.tsv (98 titles, `--per-source 14 --seed
    20261205`, dev-dev11 skipped) likewise in the twelfth pass; titles_dev13.tsv (98 titles, `--per-source 14 --seed
    20261206`, dev-dev12 skipped) likewise in the thirteenth pass; titles_dev14.tsv (63 titles, `--per-source 9 --seed
    20261207`, dev-dev13 skipped) likewise in the fourteenth pass; titles_dev15.tsv (63 titles, `--per-source 9 --seed
    20261208`, dev-dev14 skipped) likewise in the fifteenth pass; titles_dev16.tsv (119 titles, `--per-source 17 --seed
    20261209`, dev-dev15 skipped) likewise in the sixteenth pass; titles_dev17.tsv (119 titles, `--per-source 17 --seed
    20261210`, dev-dev16 skipped) likewise in the seventeenth pass; titles_dev18.tsv (119 titles, `--per-source 17
    --seed 20261211`, dev-dev17 skipped) likewise in the eighteenth pass; titles_dev19.tsv (119 titles, `--per-source 17
    --seed 20261212`, dev-dev18 skipped) likewise in the nineteenth pass; titles_dev20.tsv (119 titles, `--per-source 17
    --seed 20261213`, dev-dev19 skipped) likewise in the twentieth pass; titles_dev21.tsv (119 titles, `--per-source 17
    --seed 20261214`, dev-dev20 skipped) likewise in the twenty-first pass; titles_dev22.tsv (119 titles, `--per-source
    17 --seed 20261215`, dev-dev21 skipped) likewise in the twenty-second pass; titles_dev23.tsv (98 titles,
    `--per-source 30 --seed 20261216`, dev-dev22 skipped, then the first 30 LA City, 18 Adzuna, 18 NHS and 8 of each
    other source kept: the weakest sources weighted up) in the twenty-third pass; titles_dev24.tsv (98 titles,
    `--per-source 14 --seed 20261217`, dev-dev23 skipped) likewise in the twenty-fourth pass; titles_dev25.tsv (98
    titles, `--per-source 14 --seed 20261218`, dev-dev24 skipped) likewise in the twenty-sixth pass; titles_dev26.tsv (98
    titles, `--per-source 14 --seed 20261219`, dev-dev25 skipped) likewise in the twenty-eighth pass; titles_dev27.tsv
    (98 titles, `--per-source 14 --seed 20261220`, dev-dev26 skipped) likewise in the thirty-first pass (t33);
    titles_dev28.tsv (98 titles, `--per-source 14 --seed 20261221`, dev-dev27 skipped) likewise in the thirty-second
    pass (t34); titles_dev29.tsv (98 titles, `--per-source 14 --seed 20261222`, dev-dev28 skipped; bookcamp's "Page Not
    Found", an Indeed error page with no posting, replaced by that source's 15th draw) likewise in the thirty-third pass
    (t35); titles_dev30.tsv (98 titles, `--per-source 14 --seed 20261223`, dev-dev29 skipped) likewise in the
    thirty-fourth pass (t37); titles_dev31.tsv (98 titles, `--per-source 14 --seed 20261224`, dev-dev30 skipped)
    likewise in the thirty-fifth pass (t38); titles_dev32.tsv (98 titles, `--per-source 14 --seed 20261225`, dev-dev31
    skipped) likewise in the thirty-sixth pass (t39);
(c) throughput of Resolver.resolve_many on posting titles from the store, cold (no cached posting
    results: the model runs on whatever the cheap stages leave) and warm (with the store's cache),
    plus the real CLI (`careerpath resolve --file F --jsonl`) end to end.

`--no-rerank` measures without the learned re-ranker (extract/title_rerank.py); `--fit-reranker [--variant V]`
refits it (held-out alternates from another hash slice than (a)'s, plus the unsettled titles of dev-dev6) and
prints the coefficients to paste into title_rerank.py; `--loso [--variant A,B,...]` compares training variants
leave-one-set-out (fit without set k, measure on set k, k = dev2..dev7; dev8 never used).
"""

from __future__ import annotations

import os

os.environ.setdefault("CAREERPATH_CACHE", "off")  # time the model, not the vector cache (careerpath.vector_cache)

import argparse
import hashlib
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

import duckdb
import pandas as pd

from careerpath.embed import default_embedder
from careerpath.extract import title_rerank
from careerpath.extract import titles as T
from careerpath.extract.normalize import normalize
from careerpath.extract.roles import RoleLookup

HERE = Path(__file__).resolve().parent
DEVS = {"dev": HERE.parent / "tests" / "data" / "titles_dev.tsv",    # labelled first; misses studied
        "dev2": HERE.parent / "tests" / "data" / "titles_dev2.tsv",  # labelled blind; misses since read
        "dev3": HERE.parent / "tests" / "data" / "titles_dev3.tsv",  # labelled blind; only ever checked
        "dev4": HERE.parent / "tests" / "data" / "titles_dev4.tsv",  # labelled blind in the fourth pass
        "dev5": HERE.parent / "tests" / "data" / "titles_dev5.tsv",  # labelled blind in the sixth pass
        "dev6": HERE.parent / "tests" / "data" / "titles_dev6.tsv",  # labelled blind in the seventh pass
        "dev7": HERE.parent / "tests" / "data" / "titles_dev7.tsv",  # the same, never listed with -v before the end
        "dev8": HERE.parent / "tests" / "data" / "titles_dev8.tsv",  # labelled blind in the eighth pass, measured twice
        "dev9": HERE.parent / "tests" / "data" / "titles_dev9.tsv",  # labelled blind in the ninth pass, measured twice
        "dev10": HERE.parent / "tests" / "data" / "titles_dev10.tsv",  # labelled blind in the tenth pass, measured twice
        "dev11": HERE.parent / "tests" / "data" / "titles_dev11.tsv",  # --per-source 14, labelled blind in the eleventh pass
        "dev12": HERE.parent / "tests" / "data" / "titles_dev12.tsv",  # --per-source 14 --seed 20261205, twelfth pass
        "dev13": HERE.parent / "tests" / "data" / "titles_dev13.tsv",  # --per-source 14 --seed 20261206, thirteenth pass
        "dev14": HERE.parent / "tests" / "data" / "titles_dev14.tsv",  # --per-source 9 --seed 20261207, fourteenth pass
        "dev15": HERE.parent / "tests" / "data" / "titles_dev15.tsv",  # --per-source 9 --seed 20261208, fifteenth pass
        "dev16": HERE.parent / "tests" / "data" / "titles_dev16.tsv",  # --per-source 17 --seed 20261209, sixteenth pass
        "dev17": HERE.parent / "tests" / "data" / "titles_dev17.tsv",  # --per-source 17 --seed 20261210, seventeenth pass
        "dev18": HERE.parent / "tests" / "data" / "titles_dev18.tsv",  # --per-source 17 --seed 20261211, eighteenth pass
        "dev19": HERE.parent / "tests" / "data" / "titles_dev19.tsv",  # --per-source 17 --seed 20261212, nineteenth pass
        "dev20": HERE.parent / "tests" / "data" / "titles_dev20.tsv",  # --per-source 17 --seed 20261213, twentieth pass
        "dev21": HERE.parent / "tests" / "data" / "titles_dev21.tsv",  # --per-source 17 --seed 20261214, twenty-first pass
        "dev22": HERE.parent / "tests" / "data" / "titles_dev22.tsv",  # --per-source 17 --seed 20261215, twenty-second pass
        "dev23": HERE.parent / "tests" / "data" / "titles_dev23.tsv",  # --per-source 30 --seed 20261216, the first 30 LA City,
        # 18 Adzuna, 18 NHS and 8 of each other source: twenty-third pass
        "dev24": HERE.parent / "tests" / "data" / "titles_dev24.tsv",  # --per-source 14 --seed 20261217, twenty-fourth pass
        "dev25": HERE.parent / "tests" / "data" / "titles_dev25.tsv",  # --per-source 14 --seed 20261218, twenty-sixth pass
        "dev26": HERE.parent / "tests" / "data" / "titles_dev26.tsv",  # --per-source 14 --seed 20261219, twenty-eighth pass
        "dev27": HERE.parent / "tests" / "data" / "titles_dev27.tsv",  # --per-source 14 --seed 20261220, thirty-first pass (t33)
        "dev28": HERE.parent / "tests" / "data" / "titles_dev28.tsv",  # --per-source 14 --seed 20261221, thirty-second pass (t34)
        "dev29": HERE.parent / "tests" / "data" / "titles_dev29.tsv",  # --per-source 14 --seed 20261222, thirty-third pass (t35)
        "dev30": HERE.parent / "tests" / "data" / "titles_dev30.tsv",  # --per-source 14 --seed 20261223, thirty-fourth pass (t37)
        "dev31": HERE.parent / "tests" / "data" / "titles_dev31.tsv",  # --per-source 14 --seed 20261224, thirty-fifth pass (t38)
        "dev32": HERE.parent / "tests" / "data" / "titles_dev32.tsv"}  # --per-source 14 --seed 20261225, thirty-sixth pass (t39)
SOURCES = {"adzuna": "adzuna", "bookcamp": "bookcamp", "glassdoor": "glassdoor", "la-city": "la", "lukebarousse": "lukebarousse",
           "nhs": "nhs", "nofluffjobs": "nofluffjobs"}  # source_id fragment -> the dev sets' source column


def holdout_slice(con: duckdb.DuckDBPyConnection, full: T.TitleIndex, per_mille: int = 15) -> pd.DataFrame:
    """A fixed slice of alternate titles that O*NET files under one code only.

    A title O*NET lists under several codes cannot be held out honestly: removing it from one code
    leaves it in the others, which are then wrong by construction.
    """
    alts = con.execute("SELECT soc_code, title FROM onet_alternate_titles").df()
    h = [int(hashlib.sha1(f"{s}|{t}".encode()).hexdigest(), 16) % 1000 for s, t in zip(alts.soc_code, alts.title)]
    out = alts[[x < per_mille for x in h]].copy()
    out["key"] = [normalize(t).text for t in out.title]
    single = [k != "" and len(full.key_socs[full.pos[k]]) == 1 for k in out.key]
    return out[single]


def calibration(rows: list[tuple[float, bool]]) -> str:
    bins = [(0.0, 0.3), (0.3, 0.5), (0.5, 0.7), (0.7, 0.85), (0.85, 1.01)]
    lines = ["  score bin   n    mean score  top-1 precision"]
    for lo, hi in bins:
        sel = [(s, ok) for s, ok in rows if lo <= s < hi]
        if sel:
            lines.append(f"  {lo:.2f}-{min(hi, 1):.2f}  {len(sel):4d}  {sum(s for s, _ in sel) / len(sel):.2f}"
                         f"        {sum(ok for _, ok in sel) / len(sel):.2f}")
    return "\n".join(lines)


def part_a(con, full: T.TitleIndex) -> None:
    held = holdout_slice(con, full)
    exclude = set(zip(held.soc_code, held.key))
    index = T.build_index(con, default_embedder(), exclude=exclude, reuse=full)
    res = T.Resolver(index, default_embedder)
    t0 = time.perf_counter()
    out = res.resolve_many(held.title.tolist())
    dt = time.perf_counter() - t0
    ok1 = [bool(r.matches) and r.matches[0].soc_code == s for r, s in zip(out, held.soc_code)]
    ok3 = [s in [m.soc_code for m in r.matches[:3]] for r, s in zip(out, held.soc_code)]
    same6 = [bool(r.matches) and r.matches[0].soc_code[:7] == s[:7] for r, s in zip(out, held.soc_code)]
    print(f"(a) held-out alternate titles: n={len(held)}  top-1 {sum(ok1) / len(ok1):.3f}  "
          f"top-3 {sum(ok3) / len(ok3):.3f}  top-1 same SOC-6 {sum(same6) / len(same6):.3f}  ({dt:.1f}s)")
    by = defaultdict(list)
    for r, ok in zip(out, ok1):
        by[r.method].append(ok)
    print("    by method: " + ", ".join(f"{m} {sum(v) / len(v):.2f} (n={len(v)})" for m, v in sorted(by.items())))
    print(calibration([(r.matches[0].score if r.matches else 0.0, ok) for r, ok in zip(out, ok1)]))


def part_b(con, full: T.TitleIndex, only: str = "", with_desc: bool = False) -> None:
    for name, path in DEVS.items():
        if path.exists() and (not only or name in only.split(",")):
            dev_set(full, name, path, con if with_desc else None)


def posting_descriptions(con, titles: list[str]) -> list[str | None]:
    """A description for each dev title: the first posting (by id) with exactly that title and a description.
    Many LukeBarousse postings have none, so this measures the NHS / Adzuna / Glassdoor titles mostly."""
    rows = con.execute("SELECT title, description FROM postings WHERE description IS NOT NULL AND length(description) > 50 "
                       "AND title IN (SELECT unnest(?)) ORDER BY posting_id", [titles]).fetchall()
    first: dict[str, str] = {}
    for t, d in rows:
        first.setdefault(t, d)
    return [first.get(t) for t in titles]


def dev_set(full: T.TitleIndex, name: str, path: Path, con=None) -> None:
    dev = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False, quoting=3)
    res = T.Resolver(full, default_embedder)  # no posting cache: every title resolved from scratch
    descs = posting_descriptions(con, dev.title.tolist()) if con is not None else None
    if descs is not None:
        name = f"{name} with descriptions ({sum(d is not None for d in descs)} of {len(dev)})"
    out = res.resolve_many(dev.title.tolist(), descs)
    strict, lenient, rows = [], [], []
    for r, soc, also in zip(out, dev.soc_code, dev.also_ok):
        top = r.matches[0].soc_code if r.matches else None
        strict.append(top == soc)
        lenient.append(top == soc or top in also.split("|"))
        rows.append((r.matches[0].score if r.matches else 0.0, lenient[-1]))
    print(f"(b) {name}: hand-labelled posting titles: n={len(dev)}  top-1 strict {sum(strict) / len(dev):.3f}  "
          f"lenient {sum(lenient) / len(dev):.3f}")
    by = defaultdict(list)
    for src, s, l in zip(dev.source, strict, lenient):
        by[src].append((s, l))
    for src, v in sorted(by.items()):
        print(f"    {src:13s} n={len(v):3d}  strict {sum(s for s, _ in v) / len(v):.2f}  lenient {sum(l for _, l in v) / len(v):.2f}")
    print(calibration(rows))
    if "-v" in sys.argv:
        for r, soc, l in zip(out, dev.soc_code, lenient):
            if not l:
                top = f"{r.matches[0].soc_code} {r.matches[0].soc_title}" if r.matches else "none"
                print(f"    MISS {r.title!r} [{r.key}] want {soc} got {top} ({r.method})")


_POINTWISE_SCORE = title_rerank.score
HOLD_HI = 530  # the re-ranker's held-out alternates: hash slice [500, HOLD_HI) per mille


def fit_reranker(con, full: T.TitleIndex, variant: str = "V") -> None:
    """Fit title_rerank's logistic regression and print its coefficients (pasted into title_rerank.py).

    Training rows: every candidate code of (1) a held-out slice of alternate titles (hash slice 500-529
    per mille, disjoint from part (a)'s, titles O*NET files under one code, removed from the index)
    and (2) hand-labelled posting titles with their lenient labels, as a `VARIANTS` entry says: A is the fourth-pass
    recipe (titles_dev.tsv only); the default, V (the stored coefficients), is dev-dev6, their unsettled titles only,
    with the relative features, C=0.1. dev7 and dev8 are never fitted on."""
    from careerpath.extract import title_rerank as R

    opts = next((o for n, o in VARIANTS.items() if n.startswith((variant or "V") + ":")), None)
    if opts is None:
        sys.exit(f"unknown variant {variant!r}: one of " + ", ".join(n.split(":")[0] for n in VARIANTS))
    held, idx2 = _held_alternates(con, full)
    alt_blocks = _rerank_rows(idx2, held.title.tolist(), [{s} for s in held.soc_code])
    dev_blocks = {}
    for name in opts["devs"]:
        dev, settled = _read_dev(name), []
        dev_blocks[name] = (_rerank_rows(full, dev.title.tolist(), _oks(dev), settled), settled)
    keep, parts = _training(alt_blocks, dev_blocks, opts, None)
    coef, intercept = R.fit(parts, C=opts.get("C", 0.3))
    _set_coef(keep, coef, intercept)
    print(f"# {len(held)} held-out alternates + {', '.join(opts['devs'])}: "
          f"{sum(len(x) for x, _, _ in parts)} candidate rows")
    print("COEF = (" + ", ".join(f"{c:.4f}" for c in R.COEF) + ")")
    print(f"INTERCEPT = {R.INTERCEPT:.4f}")
    print("    " + ", ".join(f"{n} {c:+.2f}" for n, c in zip(R.FEATURES, R.COEF)))


def _rerank_rows(index: T.TitleIndex, titles: list[str], oks: list[set[str]], settled: list | None = None):
    """Feature blocks (X, y) per title with a key; `settled`, if given, receives whether the cheap stages settle
    each kept title (the re-ranker is only applied to the unsettled ones)."""
    import numpy as np

    from careerpath.extract import title_rerank as R

    res = T.Resolver(index, default_embedder)
    res.rerank = False  # the features include the resolver's own scores before re-ranking
    out = res.resolve_many(titles)
    keep = [i for i, r in enumerate(out) if r.key]
    keys = [out[i].key for i in keep]
    if settled is not None:
        settled += [res._cheap(k)[2] for k in keys]
    q = T.encode_titles(res.embedder, keys, batch_size=256)
    cur = [{m.soc_code: m.score for m in out[i].matches} for i in keep]
    feats = R.features(res, keys, q, cur)
    return [(X, np.array([c in oks[i] for c in codes], dtype=bool)) for i, (codes, X) in zip(keep, feats)]


def _read_dev(name: str) -> pd.DataFrame:
    return pd.read_csv(DEVS[name], sep="\t", dtype=str, keep_default_na=False, quoting=3)


def _oks(dev: pd.DataFrame) -> list[set[str]]:
    return [{s, *[a for a in also.split("|") if a]} for s, also in zip(dev.soc_code, dev.also_ok)]


def _accuracy(full: T.TitleIndex, name: str) -> tuple[float, float]:
    """(strict, lenient) top-1 of the resolver as it is configured now on one dev set."""
    dev = _read_dev(name)
    out = T.Resolver(full, default_embedder).resolve_many(dev.title.tolist())
    tops = [r.matches[0].soc_code if r.matches else None for r in out]
    strict = sum(t == s for t, s in zip(tops, dev.soc_code)) / len(dev)
    lenient = sum(t in ok for t, ok in zip(tops, _oks(dev))) / len(dev)
    return strict, lenient


# leave-one-set-out variants of the re-ranker's training: name -> options
#   devs: posting-title sets fitted on (besides the alternates), minus the set measured
#   alts: include the held-out alternates; w: weight of a posting title's rows; unsettled: only titles the
#   cheap stages leave unsettled (those the re-ranker is applied to); drop: features left out; C: regularisation
LOSO_TRAIN = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6")
LOSO_TEST = ("dev2", "dev3", "dev4", "dev5", "dev6", "dev7")
REL = ("alias_gap", "desc_gap", "occ_gap", "vote_rel", "resolver_rel")  # the eighth pass's relative features
BASE_DROP = REL
VARIANTS = {
    "A: alternates + dev1 (the current recipe, refitted)": dict(devs=("dev",)),
    "B: alternates + dev1-dev6 (minus k)": dict(devs=LOSO_TRAIN),
    "C: B, posting titles weighted x3": dict(devs=LOSO_TRAIN, w=3.0),
    "D: B, unsettled titles only": dict(devs=LOSO_TRAIN, unsettled=True),
    "E: dev1-dev6 only, no alternates": dict(devs=LOSO_TRAIN, alts=False),
    "K: B + relative features": dict(devs=LOSO_TRAIN, drop=()),
    "M: D + relative features": dict(devs=LOSO_TRAIN, unsettled=True, drop=()),
    "P: M, listwise (conditional logit)": dict(devs=LOSO_TRAIN, unsettled=True, drop=(),
                                               listwise=True),
    "Q: K, listwise": dict(devs=LOSO_TRAIN, drop=(), listwise=True),
    "S: M, C=1.0": dict(devs=LOSO_TRAIN, unsettled=True, drop=(), C=1.0),
    "T: M, posting titles weighted x3": dict(devs=LOSO_TRAIN, unsettled=True, drop=(), w=3.0),
    "U: M, no alternates": dict(devs=LOSO_TRAIN, unsettled=True, drop=(), alts=False),
    "V: M, C=0.1": dict(devs=LOSO_TRAIN, unsettled=True, drop=(), C=0.1),
    "V2: M, C=0.03": dict(devs=LOSO_TRAIN, unsettled=True, drop=(), C=0.03),
    "V3: M, C=0.2": dict(devs=LOSO_TRAIN, unsettled=True, drop=(), C=0.2),
    "X: K, C=0.1 (settled titles kept)": dict(devs=LOSO_TRAIN, drop=(), C=0.1),
    "R: P, C=3": dict(devs=LOSO_TRAIN, unsettled=True, drop=(), listwise=True, C=3.0),
    "I: B, C=1.0": dict(devs=LOSO_TRAIN, C=1.0),
    "J: B, C=0.05": dict(devs=LOSO_TRAIN, C=0.05),
}


def _held_alternates(con, full: T.TitleIndex) -> tuple[pd.DataFrame, T.TitleIndex]:
    alts = con.execute("SELECT soc_code, title FROM onet_alternate_titles").df()
    h = [int(hashlib.sha1(f"{s}|{t}".encode()).hexdigest(), 16) % 1000 for s, t in zip(alts.soc_code, alts.title)]
    held = alts[[500 <= x < HOLD_HI for x in h]].copy()
    held["key"] = [normalize(t).text for t in held.title]
    held = held[[k != "" and k in full.pos and len(full.key_socs[full.pos[k]]) == 1 for k in held.key]]
    return held, T.build_index(con, default_embedder(), exclude=set(zip(held.soc_code, held.key)), reuse=full)


def _training(alt_blocks, dev_blocks, opts: dict, without: str | None):
    """(X, y, sample weight) for one fit: the alternates and the option's posting-title sets minus `without`."""
    import numpy as np

    from careerpath.extract import title_rerank as R

    keep = [i for i, f in enumerate(R.FEATURES) if f not in opts.get("drop", BASE_DROP)]
    parts = [(X, y, 1.0) for X, y in alt_blocks] if opts.get("alts", True) else []
    for name in opts["devs"]:
        if name != without:
            blocks, settled = dev_blocks[name]
            parts += [(X, y, opts.get("w", 1.0)) for (X, y), st in zip(blocks, settled)
                      if not (opts.get("unsettled") and st)]
    parts = [(X[:, keep], y, np.full(len(y), w)) for X, y, w in parts if len(X)]
    return keep, parts


def _fit_listwise(rows, C: float) -> tuple[list[float], float]:
    """A conditional logit (tried in the eighth pass, not kept): per title, the softmax of X @ coef over its
    candidates, fitted to put its mass on the right codes (L2 penalty 1 / (2 C)); no intercept."""
    import numpy as np
    from scipy.optimize import minimize

    rows = [r for r in rows if len(r[0]) and r[1].any()]
    X = np.vstack([r[0] for r in rows])
    pos = np.concatenate([r[1] for r in rows]).astype(bool)
    bounds = np.cumsum([0] + [len(r[1]) for r in rows])
    w_blk = np.array([float(np.mean(r[2])) if len(r) > 2 else 1.0 for r in rows])
    seg = np.repeat(np.arange(len(rows)), np.diff(bounds))

    def loss(beta):
        z = X @ beta
        e = np.exp(z - np.maximum.reduceat(z, bounds[:-1])[seg])
        tot, good = np.add.reduceat(e, bounds[:-1]), np.add.reduceat(e * pos, bounds[:-1])
        grad = -((w_blk[seg] * (np.where(pos, e, 0) / good[seg] - e / tot[seg])) @ X)
        return -np.sum(w_blk * (np.log(good) - np.log(tot))) + beta @ beta / (2 * C), grad + beta / C

    return [float(c) for c in minimize(loss, np.zeros(X.shape[1]), jac=True, method="L-BFGS-B").x], 0.0


def _softmax_score(X):
    """title_rerank.score for a conditional logit: a softmax over one title's candidates."""
    import numpy as np

    from careerpath.extract import title_rerank as R

    z = X @ np.asarray(R.COEF, dtype=np.float64)
    e = np.exp(z - z.max())
    return e / e.sum()


def _set_coef(keep: list[int], coef: list[float], intercept: float, listwise: bool = False) -> None:
    from careerpath.extract import title_rerank as R

    R.score = _softmax_score if listwise else _POINTWISE_SCORE
    full_coef = [0.0] * len(R.FEATURES)
    for j, c in zip(keep, coef):
        full_coef[j] = c
    R.COEF, R.INTERCEPT = tuple(full_coef), intercept


def loso(con, full: T.TitleIndex, only: str = "") -> None:
    """Leave-one-set-out: for each variant and each k in dev2-dev7, fit the re-ranker without set k and measure
    top-1 on set k. dev8 is never used. Prints strict / lenient per set and the averages."""
    from careerpath.extract import title_rerank as R

    stored = (R.COEF, R.INTERCEPT, R.score)
    held, idx2 = _held_alternates(con, full)
    alt_blocks = _rerank_rows(idx2, held.title.tolist(), [{s} for s in held.soc_code])
    dev_blocks = {}
    for name in dict.fromkeys(LOSO_TRAIN + LOSO_TEST):
        dev, settled = _read_dev(name), []
        dev_blocks[name] = (_rerank_rows(full, dev.title.tolist(), _oks(dev), settled), settled)
        print(f"# {name}: {len(settled)} titles, {len(settled) - sum(settled)} unsettled")
    print("variant | " + " | ".join(LOSO_TEST) + " | mean strict | mean lenient")
    variants = {"0: stored coefficients (no refit)": None, **VARIANTS}
    for vname, opts in variants.items():
        if only and not any(vname.startswith(o + ":") for o in only.split(",")) and opts is not None:
            continue
        cells, ss, ls = [], [], []
        for k in LOSO_TEST:
            if opts is None:
                R.COEF, R.INTERCEPT, R.score = stored
            else:
                keep, parts = _training(alt_blocks, dev_blocks, opts, k)
                fit = _fit_listwise if opts.get("listwise") else R.fit
                coef, intercept = fit(parts, C=opts.get("C", 0.3))
                _set_coef(keep, coef, intercept, opts.get("listwise", False))
            s, l = _accuracy(full, k)
            cells.append(f"{100 * s:.1f} / {100 * l:.1f}")
            ss.append(s)
            ls.append(l)
        print(f"{vname} | " + " | ".join(cells) + f" | {100 * sum(ss) / len(ss):.1f} | {100 * sum(ls) / len(ls):.1f}",
              flush=True)
    R.COEF, R.INTERCEPT, R.score = stored


def part_c(con, full: T.TitleIndex, db: str, n: int, with_cold: bool) -> None:
    titles = [t or "" for (t,) in con.execute(f"SELECT title FROM postings USING SAMPLE reservoir({int(n)} ROWS) REPEATABLE (7)").fetchall()]
    uniq = len({normalize(t).text for t in titles})
    print(f"(c) throughput on {len(titles):,} posting titles ({uniq:,} distinct normalised):")
    if with_cold:
        cold = T.Resolver(full, default_embedder, RoleLookup.from_store(con))
        default_embedder()  # model load (~5 s) is not part of the per-title rate
        t0 = time.perf_counter()
        out = cold.resolve_many(titles)
        dt_cold = time.perf_counter() - t0
        methods = dict(Counter(r.method for r in out))
        print(f"    cold (no posting cache): {len(titles) / dt_cold:,.0f} titles/s   methods {methods}")
    warm = T.Resolver(full, default_embedder, RoleLookup.from_store(con), T.load_cache(con))
    t0, c0 = time.perf_counter(), time.process_time()
    warm.resolve_many(titles)
    dt_warm, cpu_warm = time.perf_counter() - t0, time.process_time() - c0
    # CPU time as well as wall time: on a shared machine the wall clock measures the neighbours too
    print(f"    warm (store cache):      {len(titles) / dt_warm:,.0f} titles/s wall, "
          f"{len(titles) / max(cpu_warm, 1e-9):,.0f} titles per CPU-second")
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write("\n".join(t.replace("\n", " ") for t in titles) + "\n")
    exe = Path(sys.executable).with_name("careerpath")
    cmd = [str(exe), "resolve", "--file", f.name, "--jsonl", "--db", db]
    if "No such command" in subprocess.run([str(exe), "resolve", "--help"], capture_output=True, text=True).stderr:
        # not registered in cli.py yet: the same click command object, run as its own program
        cmd = [sys.executable, "-c", "from careerpath.commands.resolve import resolve; resolve()", *cmd[2:]]
    # twice: the first run resolves what the store's cache lacks (one-off titles the build left to the
    # model) and keeps it in the sidecar cache beside the store; the second run reads it
    side = Path(db + ".titles-cache.jsonl")
    side.unlink(missing_ok=True)
    for run in ("first run", "second run (sidecar cache)"):
        t0, ru0 = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
        proc = subprocess.run(cmd, capture_output=True, text=True)
        dt = time.perf_counter() - t0
        ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime)
        lines = proc.stdout.count("\n")
        print(f"    CLI end to end, {run} (process start, store load, {lines:,} JSON lines): {dt:.1f}s = "
              f"{lines / dt:,.0f} titles/s wall; {cpu:.1f} CPU-s = {lines / max(cpu, 1e-9):,.0f} titles per CPU-second"
              + ("" if proc.returncode == 0 else f"  [exit {proc.returncode}: {proc.stderr.strip()[-200:]}]"))
    side.unlink(missing_ok=True)
    Path(f.name).unlink()


def sample_titles(con, n: int, seed: int, exclude: str = "", per_source: int = 0) -> pd.DataFrame:
    """`n` posting titles for a new blind dev set: non-duplicate postings drawn uniformly with `seed`, so every
    source counts in proportion to its postings; a title already in a dev set (same normalised form) or already
    drawn is skipped (`exclude`: the dev sets to skip, comma-separated, default all; dev5 is
    `--sample 100 --seed 20261128 --only dev,dev2,dev3,dev4`). Prints title, source and a description excerpt to label from (soc_code left empty).

    `per_source` > 0 draws that many titles from each source instead (the dev sets' source column: adzuna,
    bookcamp, glassdoor, la, lukebarousse, nhs, nofluffjobs), each source's postings shuffled with `seed`, so a
    small source counts as much as LukeBarousse's 125k postings (dev11: `--per-source 14 --seed 20261204`)."""
    import random

    seen = set()
    for name, path in DEVS.items():
        if path.exists() and (not exclude or name in exclude.split(",")):
            seen |= {normalize(t).text for t in pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False, quoting=3).title}
    rows = con.execute("SELECT posting_id, source_id, title, description FROM postings "
                       "WHERE duplicate_of IS NULL AND title IS NOT NULL ORDER BY posting_id").fetchall()
    groups: dict[str, list] = defaultdict(list)
    for r in rows:
        groups[next((v for k, v in SOURCES.items() if k in r[1]), r[1]) if per_source else ""].append(r)
    out = []
    for src in sorted(groups):
        part = groups[src]
        rng = random.Random(seed)
        want = per_source or n
        got = 0
        for i in rng.sample(range(len(part)), len(part)):
            pid, sid, title, desc = part[i]
            title = " ".join(title.split())
            key = normalize(title).text
            if not key or key in seen:
                continue
            seen.add(key)
            out.append((title, next((v for k, v in SOURCES.items() if k in sid), sid), pid, " ".join((desc or "").split())[:400]))
            got += 1
            if got == want:
                break
    return pd.DataFrame(out, columns=["title", "source", "posting_id", "description"])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", default="careerpath.duckdb")
    ap.add_argument("--throughput-n", type=int, default=20_000)
    ap.add_argument("--skip", default="", help="parts to skip, e.g. 'ac'")
    ap.add_argument("-v", action="store_true", help="list the dev-set misses")
    ap.add_argument("--cold", action="store_true", help="also time resolution without the posting cache (slow)")
    ap.add_argument("--fit-reranker", action="store_true", help="fit title_rerank's coefficients and print them")
    ap.add_argument("--no-rerank", action="store_true", help="measure without the learned re-ranker")
    ap.add_argument("--sample", type=int, default=0, metavar="N",
                    help="print N new posting titles (TSV) for a blind dev set, drawn with --seed, and stop")
    ap.add_argument("--per-source", type=int, default=0, metavar="K",
                    help="with --sample: draw K titles from each source instead of N uniformly over postings")
    ap.add_argument("--seed", type=int, default=20261128)
    ap.add_argument("--descriptions", action="store_true",
                    help="in (b), pass each title's posting description (found by exact title in the store) to resolve")
    ap.add_argument("--loso", action="store_true", help="leave-one-set-out comparison of re-ranker training variants")
    ap.add_argument("--variant", default="",
                    help="with --fit-reranker: a VARIANTS letter (default V, the stored fit); with --loso: letters, comma-separated")
    ap.add_argument("--only", default="", help="dev sets to measure in (b), comma-separated (default: all)")
    args = ap.parse_args()
    con = duckdb.connect(args.db, read_only=True)
    if args.sample or args.per_source:
        sample_titles(con, args.sample, args.seed, args.only, args.per_source).to_csv(sys.stdout, sep="\t", index=False)
        return
    stored = T.load_index(con)
    if stored is None or stored.vectors is None:
        sys.exit("no cached title index: run `careerpath roles build` first")
    # rebuilt in memory from the store's tables, reusing its cached vectors: measures the code as it is
    full = T.build_index(con, default_embedder(), reuse=stored)
    if args.fit_reranker:
        fit_reranker(con, full, args.variant or "V")
        return
    if args.loso:
        loso(con, full, args.variant)
        return
    if args.no_rerank:
        from careerpath.extract import title_rerank

        title_rerank.COEF = (0.0,) * len(title_rerank.FEATURES)  # enabled() is false without coefficients
    if "a" not in args.skip:
        part_a(con, full)
    if "b" not in args.skip:
        part_b(con, full, args.only, args.descriptions)
    if "c" not in args.skip:
        part_c(con, full, args.db, args.throughput_n, args.cold)


if __name__ == "__main__":
    main()
