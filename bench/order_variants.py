"""Order variants for the course candidates that pass every check, measured per batch of judged roles (c32).

    PYTHONPATH=src .venv/bin/python bench/order_variants.py --db STORE [--cache FILE] [--only NAME,...]

For every judged role it captures the rows `rank._pick` gets (as `fit_course_rerank.capture`: every check applied, so
nothing can be added or removed) and checks that `_pick`'s list is reproduced from them. Each variant multiplies
`_pick`'s score (``relevance * (0.6 + 0.4 * Q/10)``) by a factor computed from the candidates, the role and the store;
the greedy diversified selection then runs as in `rank._pick`. Printed per variant: nDCG@10 / irrelevant (unjudged) per
top 10 over all judged roles, the odd and even batches apart, the newest batch, roles up / down against main, and how
many batches lose more than 0.002. `--cache FILE` keeps the capture (a pickle) between runs: capturing the 89 roles
takes about a minute on the shared 2 cores.

The variants (bench/README.md, c32):
- centrality: cosine of a course's text vector to the score-weighted centroid of the role's k best candidates;
- precision: share of the course's claimed skills that are the role's (all claims, or extracted claims only);
- stated: share of the role weight a course covers through skills stated in its own skills list or title;
- onet_title: share of the title's content words that are words of the role's O*NET description or tasks;
- cover: coverage's weight in relevance (W_COVER) set anew, or coverage capped;
- profile: share of the covered role weight from the role's profile skills (not implied, O*NET task or feedback ones);
- title_skills: share of the skills a title names (extracted from the title) that are not the role's;
- alpha: the greedy selection's novelty weight (`rank.ALPHA`).
"""

from __future__ import annotations

import argparse
import pickle
import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_courses import BATCHES, JUDGMENTS  # noqa: E402
from fit_course_rerank import base_score, capture, measure, simulate  # noqa: E402

from careerpath import store  # noqa: E402
from careerpath.recommend import rank  # noqa: E402
from careerpath.recommend.discipline import ANCHOR_STOP, anchor_stem  # noqa: E402
from careerpath.recommend.items import dedupe  # noqa: E402
from careerpath.recommend.roles import load_role  # noqa: E402
from careerpath.recommend.titles import TITLE_KIND_WORDS  # noqa: E402

WORD = re.compile(r"[a-z]+")


def batches_of(slugs: list[str]) -> dict[str, int]:
    """slug -> its batch number (BATCHES, in the judgments' order)."""
    out, i = {}, 0
    for name, n in BATCHES:
        for s in slugs[i:i + n]:
            out[s] = int(name.split()[0])
        i += n
    return out


def run(data: dict, vecs: dict, factor=None) -> pd.DataFrame:
    """nDCG@10, irrelevant and unjudged per role with `_pick`'s score times `factor(df, r, slug)`."""
    rows = {}
    for s, r in data.items():
        df = r["df"]
        if factor is None or df is None or df.empty:
            lst = simulate(r, vecs)
        else:
            df = df.copy()
            df["score"] = base_score(df) * np.asarray(factor(df, r, s), dtype=float)
            top = dedupe(df.sort_values("score", ascending=False, kind="stable")).head(rank.POOL)
            lst = rank.greedy_select(top, r["w"], r["core"], vecs, 10)["course_id"].tolist()
        rows[s] = measure(r, lst)[:3]
    return pd.DataFrame(rows, index=["ndcg", "irr", "unj"]).T


def summary(t: pd.DataFrame, batch: dict[str, int], base: pd.DataFrame | None, label: str) -> str:
    b = t.index.map(batch)
    odd, even, newest = t[b % 2 == 1], t[b % 2 == 0], t[b == max(batch.values())]
    out = (f"{label:38s} all {t.ndcg.mean():.4f} / {t.irr.mean():.3f} ({t.unj.mean():.2f})  odd {odd.ndcg.mean():.4f}"
           f"  even {even.ndcg.mean():.4f}  newest {newest.ndcg.mean():.3f}")
    if base is not None:
        d = t.ndcg - base.ndcg
        lost = sum(1 for k in set(batch.values()) if t.ndcg[b == k].mean() < base.ndcg[b == k].mean() - 0.002)
        out += f"  up {int((d > 1e-9).sum())} down {int((d < -1e-9).sum())}  batches down {lost}"
    return out


def variants(db: str, data: dict, vecs: dict) -> dict:
    """name -> factor(df, r, slug), for the variants in the module docstring."""
    con = store.connect(db)
    cs = con.execute("SELECT course_id, CAST(skill_id AS VARCHAR) AS skill_id, method, evidence "
                     "FROM course_skills").df()
    claims = cs.groupby("course_id")["skill_id"].apply(set).to_dict()
    extracted = cs[cs["method"] != "semantic"].groupby("course_id")["skill_id"].apply(set).to_dict()
    stated = cs[cs["evidence"].isin(["skills_given", "title"])].groupby("course_id")["skill_id"].apply(set).to_dict()
    lcs = rank.load_course_skills(con)
    in_title = lcs[lcs["in_title"].astype(bool)].groupby("course_id")["skill_id"].apply(set).to_dict()
    onet: dict[str, set[str]] = {}
    profile: dict[str, set[str]] = {}
    for s in data:
        role = load_role(con, s)
        profile[s] = set(role.skills["skill_id"].astype(str))
        code = con.execute("SELECT soc_code FROM roles WHERE slug = ?", [s]).fetchone()
        tasks = " ".join(t for (t,) in con.execute("SELECT task FROM onet_tasks WHERE soc_code = ?",
                                                   [code[0]]).fetchall()) if code and code[0] else ""
        body = (role.text or "").split(" Skills: ")[0]
        onet[s] = {anchor_stem(w) for w in WORD.findall(f"{body} {tasks}".lower()) if len(w) >= 3}

    def centrality(k: int, g: float):
        def f(df, r, s):
            d = dedupe(df.assign(score=base_score(df)))
            ids = [c for c in d["course_id"].head(k) if c in vecs]
            w = d.set_index("course_id")["score"]
            c = sum(vecs[i] * w[i] for i in ids)
            c = c / np.linalg.norm(c)
            cos = np.array([float(vecs[i] @ c) if i in vecs else 0.0 for i in df["course_id"]])
            return np.exp(g * (cos - cos.max()))
        return f

    def precision(g: float, sets: dict):
        def f(df, r, s):
            own = set(r["w"])
            return 1 + g * np.array([len(sets.get(c, set()) & own) / max(1, len(sets.get(c, set())))
                                     for c in df["course_id"]])
        return f

    def stated_share(g: float):
        def f(df, r, s):
            w = r["w"]
            out = []
            for c, cov in zip(df["course_id"], df["covers_ids"]):
                tot = sum(w.get(k, 0.0) for k in cov) or 1e-9
                out.append(sum(w.get(k, 0.0) for k in cov if k in stated.get(c, set())) / tot)
            return 1 + g * np.array(out)
        return f

    def onet_title(g: float):
        def f(df, r, s):
            out = []
            for t in df["title"]:
                ws = {anchor_stem(w) for w in WORD.findall(str(t).lower())
                      if len(w) >= 3 and w not in TITLE_KIND_WORDS and w not in ANCHOR_STOP}
                out.append(len(ws & onet[s]) / len(ws) if ws else 0.0)
            return 1 + g * np.array(out)
        return f

    def profile_share(g: float):
        def f(df, r, s):
            w = r["w"]
            out = []
            for cov in df["covers_ids"]:
                tot = sum(w.get(k, 0.0) for k in cov) or 1e-9
                out.append(sum(w.get(k, 0.0) for k in cov if k in profile[s]) / tot)
            return 1 + g * np.array(out)
        return f

    def cover(wc: float, cap: float | None = None):
        def f(df, r, s):
            cov = df["coverage"].astype(float)
            if cap:
                cov = np.minimum(cov, cap) / cap
            old = (0.4 * df["coverage"] + 0.6 * df["semantic"]).clip(lower=1e-6)
            return (wc * cov + (1 - wc) * df["semantic"]) / old
        return f

    def title_skills(g: float):
        def f(df, r, s):
            w = r["w"]
            out = []
            for c in df["course_id"]:
                t = in_title.get(c, set())
                out.append(len([k for k in t if k not in w]) / len(t) if t else 0.0)
            return 1 - g * np.array(out)
        return f

    out = {}
    for k in (5, 10, 20):
        for g in (0.5, 1.0, 2.0, 4.0):
            out[f"centrality k{k} g{g}"] = centrality(k, g)
    for g in (0.1, 0.2, 0.4, 0.8):
        out[f"precision all g{g}"] = precision(g, claims)
        out[f"precision extracted g{g}"] = precision(g, extracted)
    for g in (0.1, 0.2, 0.4):
        out[f"stated g{g}"] = stated_share(g)
        out[f"onet_title g{g}"] = onet_title(g)
        out[f"profile g{g}"] = profile_share(g)
    for g in (0.1, 0.2, 0.3):
        out[f"title_skills g{g}"] = title_skills(g)
    for wc in (0.0, 0.2, 0.3, 0.5):
        out[f"cover W_COVER {wc}"] = cover(wc)
    for cap in (0.3, 0.5, 0.7):
        out[f"cover capped {cap}"] = cover(0.4, cap)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--cache", help="pickle of the capture (written when missing, read when present)")
    ap.add_argument("--only", help="comma-separated prefixes of the variants to run")
    args = ap.parse_args()
    if args.cache and Path(args.cache).exists():
        data, vecs = pickle.loads(Path(args.cache).read_bytes())
    else:
        data, vecs = capture(args.db)
        if args.cache:
            Path(args.cache).write_bytes(pickle.dumps((data, vecs)))
    bad = [s for s, r in data.items() if simulate(r, vecs) != r["list"]]
    print(f"{len(data)} roles captured; lists not reproduced: {bad or 'none'}")
    slugs = list(dict.fromkeys(pd.read_csv(JUDGMENTS, sep="\t")["role"]))
    batch = batches_of(slugs)
    base = run(data, vecs)
    print(summary(base, batch, None, "main"))
    only = tuple(args.only.split(",")) if args.only else None
    for name, f in variants(args.db, data, vecs).items():
        if only is None or name.startswith(only):
            print(summary(run(data, vecs, f), batch, base, name), flush=True)
    if only is None or "alpha".startswith(only):
        keep = rank.ALPHA
        try:
            for a in (0.5, 0.85, 0.95, 1.0):
                rank.ALPHA = a
                print(summary(run(data, vecs), batch, base, f"alpha {a}"), flush=True)
        finally:
            rank.ALPHA = keep


if __name__ == "__main__":
    main()
