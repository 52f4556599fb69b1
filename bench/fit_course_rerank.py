"""A learned order for the course candidates that pass every check, fitted and judged by grouped cross-validation.

    PYTHONPATH=src .venv/bin/python bench/fit_course_rerank.py --db STORE [--blind a,b,c,d] [--head 12] [--C 0.1]

What it does (c28, bench/README.md "Course recommendations"): for every judged role it captures the rows that
`rank._pick` gets (every check already applied: the relevance floor, the role-rank and family checks, the cut, the
best-contrast check, the tool fill, the programs' order) and reproduces `_pick`'s list from them (it checks that it
does). A pairwise logistic regression (scikit-learn, no intercept, standardised features) is fitted on the differences
between two judged candidates of one role with different grades; its score exp(w . x) replaces `_pick`'s
``relevance * (0.6 + 0.4 * Q/10)`` for the `--head` best candidates in main's order (the rest stay below, in main's
order), and the greedy diversified selection runs as before. Nothing is added or removed: only the order changes.

Figures: grouped 10-fold cross-validation over the judged roles (a fold's roles are never fitted on), main against the
model on the same roles; then one fit on all of them, measured on the `--blind` roles (held out of every fit).
nDCG@10 with unjudged courses as 0 (as bench_courses.py), and "condensed" (unjudged dropped) as a check that courses
the pools never saw do not hide a gain. The coefficients of the full fit are printed.
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_courses import JUDGMENTS, course_copy_keys, ndcg, with_copies  # noqa: E402

from careerpath import store  # noqa: E402
from careerpath.embed import default_embedder  # noqa: E402
from careerpath.recommend import rank  # noqa: E402
from careerpath.recommend.filters import Filters  # noqa: E402
from careerpath.recommend.index import load_embeddings  # noqa: E402
from careerpath.recommend.items import courses_with_quality, dedupe  # noqa: E402
from careerpath.recommend.roles import load_role  # noqa: E402

FEATURES = ("log_score", "rel_share", "rel_rank", "coverage", "semantic", "contrast_gap", "cosine_gap", "role_rank",
            "family_rank", "quality", "program", "bundle", "log_hours", "hours_missing", "n_covers", "core_share",
            "advanced", "intro_title")
SMALL = ("log_score", "coverage", "contrast_gap", "role_rank", "program", "core_share", "intro_title")
PROGRAMS = frozenset({"degree", "graduate certificate", "postgraduate diploma", "mastertrack"})
BUNDLES = frozenset({"specialization", "professional certificate", "university certificate"})
INTRO = re.compile(r"\b(introduction|intro|fundamentals|foundations?|basics|essentials|principles|beginners?)\b", re.I)


def base_score(df: pd.DataFrame) -> pd.Series:
    return df["relevance"].astype(float) * (0.6 + 0.4 * df["quality"].astype(float).fillna(5.0) / 10.0)


def _num(df: pd.DataFrame, col: str, default: float = 0.0) -> pd.Series:
    if col not in df:
        return pd.Series(default, index=df.index, dtype=float)
    return pd.to_numeric(df[col], errors="coerce").fillna(default).astype(float)


def features(df: pd.DataFrame) -> np.ndarray:
    """One row per candidate (the rows `_pick` gets for one role), columns FEATURES; shares, gaps and ranks are within
    the role's candidates."""
    rel = _num(df, "relevance")
    contrast = _num(df, "contrast", np.nan).fillna(_num(df, "cosine"))
    cosine = _num(df, "cosine")
    def size(s: pd.Series) -> pd.Series:
        return s.map(lambda v: len(v) if isinstance(v, (list, tuple, set, np.ndarray)) else 0).astype(float)

    n_cov, n_core = size(df["covers_ids"]), size(df["core_ids"])
    kind = df["certificate_type"].fillna("").astype(str).str.lower()
    hours = _num(df, "hours", np.nan)
    cols = {
        "log_score": np.log(base_score(df).clip(lower=1e-6)),
        "rel_share": rel / (float(rel.max()) or 1.0),
        "rel_rank": np.log1p(rel.rank(ascending=False, method="min") - 1.0),
        "coverage": _num(df, "coverage"), "semantic": _num(df, "semantic"),
        "contrast_gap": contrast - float(contrast.max()), "cosine_gap": cosine - float(cosine.max()),
        "role_rank": np.log1p(_num(df, "role_rank")), "family_rank": np.log1p(_num(df, "family_rank")),
        "quality": _num(df, "quality", 5.0) / 10.0,
        "program": kind.isin(PROGRAMS).astype(float), "bundle": kind.isin(BUNDLES).astype(float),
        "log_hours": np.log1p(hours.fillna(18.0)), "hours_missing": hours.isna().astype(float),
        "n_covers": np.log1p(n_cov), "core_share": n_core / n_cov.clip(lower=1.0),
        "advanced": (df["level"].fillna("").astype(str).str.lower() == "advanced").astype(float),
        "intro_title": df["title"].fillna("").astype(str).map(lambda t: float(bool(INTRO.search(t)))),
    }
    return np.column_stack([np.asarray(cols[f], dtype=float) for f in FEATURES])


def capture(db: str) -> tuple[dict, dict]:
    """slug -> the candidates `_pick` got, its list, the grades (with copies) and the ideal grades; and the vectors."""
    con = store.connect(db)
    courses = courses_with_quality(con)
    emb = default_embedder()
    ids, mat = load_embeddings(con, emb.name)
    vecs = dict(zip(ids, mat))
    cs = rank.load_course_skills(con)
    sv = rank.skill_vectors(con, emb)
    judged = pd.read_csv(JUDGMENTS, sep="\t")
    keys = course_copy_keys(courses)
    seen: dict = {}
    orig = rank._pick

    def spy(df, weights, core, vecs_, top, order):
        seen.update(df=df.copy(), w=weights, core=core)
        return orig(df, weights, core, vecs_, top, order)

    rank._pick = spy
    out = {}
    try:
        for slug in dict.fromkeys(judged["role"]):
            role = load_role(con, slug)
            seen.clear()
            lst = rank.rank_courses(courses, cs, vecs, rank.role_vectors(role, emb), role, top=10,
                                    filters=Filters(language="en"), skill_vecs=sv,
                                    task_vec=rank.role_task_vector(con, slug, emb))
            sub = judged[judged["role"] == slug]
            g = dict(zip(sub["course_id"], sub["grade"]))
            out[slug] = dict(list=[c["course_id"] for c in lst], df=seen.get("df"), w=seen.get("w"),
                             core=seen.get("core"), grades=with_copies(g, keys), ideal=list(g.values()))
    finally:
        rank._pick = orig
    return out, vecs


def pairs(data: dict, slugs, cols) -> tuple[np.ndarray, np.ndarray]:
    """Differences of two judged candidates (one copy each) of one role with different grades, both ways."""
    xs, ys = [], []
    for s in slugs:
        df = data[s]["df"]
        if df is None or df.empty:
            continue
        dd = dedupe(df.assign(score=base_score(df)))
        x = features(dd)[:, cols]
        g = dd["course_id"].map(lambda c: data[s]["grades"].get(c, np.nan)).to_numpy(float)
        for a, b in itertools.combinations(np.flatnonzero(~np.isnan(g)), 2):
            if g[a] != g[b]:
                d, y = x[a] - x[b], int(g[a] > g[b])
                xs += [d, -d]
                ys += [y, 1 - y]
    return np.array(xs), np.array(ys)


def fit(data: dict, slugs, cols, c: float):
    from sklearn.linear_model import LogisticRegression
    allx = np.vstack([features(data[s]["df"])[:, cols] for s in slugs if data[s]["df"] is not None
                      and not data[s]["df"].empty])
    mean, scale = allx.mean(0), allx.std(0)
    scale[scale == 0] = 1.0
    x, y = pairs(data, slugs, cols)
    m = LogisticRegression(C=c, fit_intercept=False, max_iter=2000).fit(x / scale, y)
    return m.coef_[0], mean, scale


def simulate(r: dict, vecs: dict, model=None, cols=None, head: int | None = None) -> list[str]:
    """`_pick`'s list from the captured candidates: main's score, or the model's for the `head` best (main's order)."""
    df = r["df"]
    if df is None or df.empty:
        return r["list"]
    df = df.copy()
    df["score"] = base_score(df)
    if model is not None:
        coef, mean, scale = model
        top = dedupe(df)
        inhead = df.index.isin((top.head(head) if head else top).index)
        z = ((features(df)[:, cols] - mean) / scale) @ coef
        s = np.exp(z - z.max())
        low = float(s[inhead].min())
        df["score"] = np.where(inhead, s, low * 1e-3 * df["score"] / df["score"].max())
        df = df[df.index.isin(top.index)]  # the copy main keeps
    return rank.greedy_select(dedupe(df).head(rank.POOL), r["w"], r["core"], vecs, 10)["course_id"].tolist()


def measure(r: dict, lst: list[str]) -> tuple[float, int, int, float]:
    g = r["grades"]
    return (ndcg([int(g.get(c, 0)) for c in lst], r["ideal"]), sum(1 for c in lst if g.get(c) == 0),
            sum(1 for c in lst if c not in g), ndcg([int(g[c]) for c in lst if c in g], r["ideal"]))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--blind", default="software-quality-assurance-analysts-and-testers,epidemiologists,"
                    "public-relations-specialists,training-and-development-specialists",
                    help="roles held out of every fit and measured once with the full fit")
    ap.add_argument("--features", default=",".join(SMALL), help="'all' or a comma-separated subset of FEATURES")
    ap.add_argument("--head", type=int, default=12, help="re-order only main's best N candidates (0: all)")
    ap.add_argument("--C", type=float, default=0.1)
    ap.add_argument("--folds", type=int, default=10)
    args = ap.parse_args()
    from sklearn.model_selection import GroupKFold
    data, vecs = capture(args.db)
    bad = [s for s, r in data.items() if simulate(r, vecs) != r["list"]]
    print(f"{len(data)} roles captured; lists not reproduced: {bad or 'none'}")
    names = FEATURES if args.features == "all" else tuple(args.features.split(","))
    cols = [FEATURES.index(f) for f in names]
    blind = [s for s in args.blind.split(",") if s in data]
    roles = np.array([s for s in data if s not in blind])
    head = args.head or None
    rows = {}
    for tr, te in GroupKFold(n_splits=args.folds).split(roles, groups=roles):
        model = fit(data, list(roles[tr]), cols, args.C)
        for s in roles[te]:
            rows[s] = measure(data[s], simulate(data[s], vecs)) + measure(data[s], simulate(data[s], vecs, model, cols,
                                                                                              head))
    cols_out = ["main", "main_irr", "main_unj", "main_cond", "model", "model_irr", "model_unj", "model_cond"]
    cvt = pd.DataFrame(rows, index=cols_out).T
    print(f"\ngrouped {args.folds}-fold CV over {len(roles)} roles (held-out roles only), features {names}, "
          f"head {head}, C {args.C}:")
    print(cvt.mean().round(3).to_string())
    print("roles up / down:", int((cvt.model > cvt.main + 1e-9).sum()), "/", int((cvt.model < cvt.main - 1e-9).sum()))
    model = fit(data, list(roles), cols, args.C)
    print("\nfull fit (standardised coefficients):", {n: round(float(v), 3) for n, v in zip(names, model[0])})
    if blind:
        bt = pd.DataFrame({s: measure(data[s], simulate(data[s], vecs)) + measure(data[s], simulate(
            data[s], vecs, model, cols, head)) for s in blind}, index=cols_out).T
        print("\nblind roles (never fitted on):")
        print(bt.round(3).to_string())
        print(bt.mean().round(3).to_string())


if __name__ == "__main__":
    main()
