"""Course quality, 0-10, explained: how well-liked a course is, never whether it fits a role.

The formula (stated once, here, and repeated in each course's explanation):

- **Rating part** `R` (0-10). A Bayesian average shrinks a course's rating toward the mean of its
  catalog by the number of ratings: ``r* = (n * r + M * mean) / (n + M)`` with prior weight
  ``M = 50`` ratings. A rating whose count is unknown (the Siddharth M Coursera file) counts as
  ``UNKNOWN_N = 10`` ratings. A course without any rating gets the catalog mean (or, for catalogs
  with no ratings at all, the mean over every rated course) as its rating: the stated prior.
  Ratings crowd between 4 and 5, so ``R = 10 * (r* - 3) / 2`` clipped to 0-10: 3 stars or fewer
  is 0, 4 stars is 5, 5 stars is 10.
- **Popularity part** `P` (0-10): the course's percentile, within its own catalog, of enrolment,
  else of the number of ratings/reviews (Udemy's `num_reviews` is its only quality signal), times 10.
  No signal at all is neutral, 5.
- **Quality** ``Q = 0.8 R + 0.2 P`` for a rated course; ``Q = 0.5 R_prior + 0.5 P`` for an unrated
  course with a popularity signal (popularity is all there is); ``Q = 0.8 R_prior + 0.2 * 5`` when
  there is neither.

Copies of one course across catalogs (`duplicate_group`) pool their evidence: each copy uses the
group's best-supported rating (most ratings) and its largest enrolment.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

PRIOR_M = 50.0
UNKNOWN_N = 10.0
RATING_FLOOR = 3.0  # stars that map to 0
W_RATING, W_POP = 0.8, 0.2
W_PRIOR_POP = 0.5
NEUTRAL_POP = 5.0

QUALITY_COLUMNS = ["course_id", "quality", "rating_part", "popularity_part", "bayes_rating", "prior_rating",
                   "rating_used", "n_ratings_used", "popularity_basis", "basis", "explanation"]


def _num(x: object) -> float | None:
    if x is None:
        return None
    try:
        v = float(x)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(v) else v


def bayes_rating(rating: float | None, n: float | None, prior: float, m: float = PRIOR_M) -> float:
    """The rating shrunk toward `prior` by `m` pseudo-ratings; no rating gives the prior itself."""
    if rating is None:
        return prior
    n_eff = UNKNOWN_N if n is None else max(0.0, n)
    return (n_eff * rating + m * prior) / (n_eff + m)


def rating_part(stars: float) -> float:
    return float(np.clip(10.0 * (stars - RATING_FLOOR) / (5.0 - RATING_FLOOR), 0.0, 10.0))


def _pool_duplicates(df: pd.DataFrame) -> pd.DataFrame:
    """Each copy of a course borrows the group's best-supported rating and largest enrolment."""
    df = df.copy()
    df["rating_from"] = df["catalog"].where(df["rating"].notna())
    if "duplicate_group" not in df or df["duplicate_group"].isna().all():
        return df
    grp = df[df["duplicate_group"].notna()]
    rated = grp[grp["rating"].notna()].copy()
    rated["_n"] = rated["n_ratings"].fillna(UNKNOWN_N)
    best = rated.sort_values("_n", ascending=False).drop_duplicates("duplicate_group").set_index("duplicate_group")
    enrol = grp.groupby("duplicate_group")["enrolled"].max()
    has_group = df["duplicate_group"].notna()
    g = df.loc[has_group, "duplicate_group"]
    borrow = has_group & df["duplicate_group"].isin(best.index)
    df.loc[borrow, "rating"] = df.loc[borrow, "duplicate_group"].map(best["rating"])
    df.loc[borrow, "n_ratings"] = df.loc[borrow, "duplicate_group"].map(best["n_ratings"])
    df.loc[borrow, "rating_from"] = df.loc[borrow, "duplicate_group"].map(best["catalog"])
    df.loc[has_group, "enrolled"] = g.map(enrol)
    return df


def _percentile(values: pd.Series) -> pd.Series:
    """Percentile rank (0-1) among non-null values; null stays null."""
    return values.rank(pct=True, method="average")


def quality_table(courses: pd.DataFrame, m: float = PRIOR_M) -> pd.DataFrame:
    """One row per course: quality 0-10, its parts and a one-line explanation (see module docstring)."""
    if courses.empty:
        return pd.DataFrame(columns=QUALITY_COLUMNS)
    cols = ["course_id", "catalog", "rating", "n_ratings", "enrolled", "duplicate_group"]
    df = courses.reindex(columns=cols).copy()
    for c in ("rating", "n_ratings", "enrolled"):
        df[c] = pd.to_numeric(df[c], errors="coerce")
    df["catalog"] = df["catalog"].fillna("unknown")
    rated = df[df["rating"].notna()]  # catalog means from each catalog's own ratings, before pooling
    global_mean = float(rated["rating"].mean()) if len(rated) else 4.5
    cat_mean = rated.groupby("catalog")["rating"].mean().to_dict()
    df = _pool_duplicates(df)

    pop_pct = pd.Series(np.nan, index=df.index)
    basis = pd.Series(None, index=df.index, dtype=object)
    for _, idx in df.groupby("catalog").groups.items():
        part = df.loc[idx]
        for col, label in (("enrolled", "enrolment"), ("n_ratings", "number of reviews")):
            mask = part[col].notna() & pop_pct.loc[idx].isna()
            if mask.any() and part[col].notna().sum() >= 2:
                pct = _percentile(np.log1p(part[col].clip(lower=0)))
                pop_pct.loc[mask[mask].index] = pct[mask]
                basis.loc[mask[mask].index] = label

    rows = []
    for i, r in df.iterrows():
        rating, n = _num(r["rating"]), _num(r["n_ratings"])
        src = r["rating_from"] if isinstance(r["rating_from"], str) else r["catalog"]
        prior = cat_mean.get(src, global_mean)
        br = bayes_rating(rating, n, prior, m)
        rp = rating_part(br)
        pct = _num(pop_pct.loc[i])
        pp = NEUTRAL_POP if pct is None else 10.0 * pct
        if rating is not None:
            q, kind = W_RATING * rp + W_POP * pp, "rating"
        elif pct is not None:
            q, kind = W_PRIOR_POP * rp + (1 - W_PRIOR_POP) * pp, "popularity"
        else:
            q, kind = W_RATING * rp + W_POP * NEUTRAL_POP, "prior"
        rows.append({
            "course_id": r["course_id"], "quality": round(float(q), 2), "rating_part": round(rp, 2),
            "popularity_part": round(pp, 2), "bayes_rating": round(br, 3), "prior_rating": round(prior, 3),
            "rating_used": rating, "n_ratings_used": n, "popularity_basis": basis.loc[i], "basis": kind,
            "explanation": explain(kind, rating, n, br, prior, src, pct, basis.loc[i], m, r["catalog"]),
        })
    return pd.DataFrame(rows, columns=QUALITY_COLUMNS)


def explain(kind: str, rating: float | None, n: float | None, br: float, prior: float, catalog: str,
            pct: float | None, basis: str | None, m: float = PRIOR_M, own: str | None = None) -> str:
    """One line a learner can check: what the score rests on and how it was shrunk."""
    pop = (f"{basis} in the top {max(1, round(100 * (1 - pct)))}% of {own or catalog}" if pct is not None and pct >= 0.5
           else f"{basis} in the bottom {max(1, round(100 * pct))}% of {own or catalog}" if pct is not None
           else "no enrolment or review count")
    if kind == "rating":
        count = f"{int(n):,} ratings" if n is not None else "an unknown number of ratings (counted as 10)"
        return (f"{rating:.1f}★ from {count}, shrunk toward the {catalog} mean {prior:.2f}★ "
                f"(prior weight {m:g} ratings) to {br:.2f}★; {pop}.")
    if kind == "popularity":
        return f"No rating: prior {prior:.2f}★ (mean of rated courses) blended 50/50 with popularity; {pop}."
    return f"No rating and no popularity data: stated prior {prior:.2f}★ (mean of rated courses)."
