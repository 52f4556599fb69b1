"""A course as the outside world sees it: the contract's fields (see ../shared/CONTRACT.md)."""

from __future__ import annotations

import math

import duckdb
import pandas as pd

from careerpath.recommend import quality
from careerpath.store import has_table


COURSE_COLUMNS = ["course_id", "catalog", "provider", "title", "description", "outcomes", "skills_given",
                  "modules", "subject", "level", "rating", "n_ratings", "enrolled", "hours", "is_free",
                  "price", "certificate_type", "url", "duplicate_group", "language"]


def load_courses(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The `courses` table with the columns recommend reads (missing columns come back as null)."""
    if not has_table(con, "courses"):
        return pd.DataFrame(columns=COURSE_COLUMNS)
    have = {r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'courses'").fetchall()}
    sel = ", ".join(f'"{c}"' if c in have else f'NULL AS "{c}"' for c in COURSE_COLUMNS)
    return con.execute(f"SELECT {sel} FROM courses").df()


def _num(v: object) -> float | None:
    try:
        f = float(v)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) else f


def _text(v: object) -> str | None:
    return v if isinstance(v, str) and v else None


def item(row: pd.Series | dict, relevance: float, covers: list[str], why: str, **extra: object) -> dict:
    """One course in the contract's shape; missing numbers stay null, never zero."""
    r = dict(row)
    n = _num(r.get("n_ratings"))
    hours, rating, q = _num(r.get("hours")), _num(r.get("rating")), _num(r.get("quality"))
    out = {
        "course_id": r["course_id"], "title": _text(r.get("title")) or "", "provider": _text(r.get("provider")),
        "url": _text(r.get("url")), "level": _text(r.get("level")),
        "certificate_type": _text(r.get("certificate_type")),
        "hours": round(hours, 1) if hours is not None else None,
        "rating": round(rating, 2) if rating is not None else None,
        "n_ratings": int(n) if n is not None else None,
        "quality": round(q, 1) if q is not None else None,
        "relevance": round(float(relevance), 3), "covers": list(covers), "why": why,
    }
    out.update(extra)
    return out


def courses_with_quality(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Courses joined with their quality (from `course_quality`, computed on the fly if absent)."""
    courses = load_courses(con)
    if has_table(con, "course_quality"):
        q = con.execute("SELECT course_id, quality, explanation AS quality_note FROM course_quality").df()
    else:
        q = quality.quality_table(courses)[["course_id", "quality", "explanation"]].rename(
            columns={"explanation": "quality_note"})
    return courses.merge(q, on="course_id", how="left")


SUFFIX_KINDS = ("professional certificate", "specialization")  # catalogs add these to a title, or not


def dedupe(df: pd.DataFrame, by: str = "score") -> pd.DataFrame:
    """One copy per duplicate_group (the best by `by`), and one per normalised title and provider. A professional
    certificate or specialization is listed by one catalog as "IBM Data Engineering" and by another with its kind
    as a suffix ("... Professional Certificate"): one title."""
    df = df.sort_values(by, ascending=False)
    grp = df["duplicate_group"].fillna(df["course_id"])
    df = df[~grp.duplicated()]
    key = df["title"].fillna("").str.lower().str.replace(r"[^a-z0-9]+", " ", regex=True).str.strip()
    kind = df["certificate_type"].fillna("").str.lower() if "certificate_type" in df else pd.Series("", index=df.index)
    key = pd.Series([k[:-len(c)].strip() if c in SUFFIX_KINDS and k.endswith(" " + c) else k for k, c in zip(key, kind)],
                    index=df.index, dtype=object)
    return df[~(key + "|" + df["provider"].fillna("").str.lower()).duplicated()]
