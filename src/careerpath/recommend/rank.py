"""The course list for a role: relevant first, diversified to cover the core skills, quality as a tie-breaker.

1. Candidates: courses that pass relevance's hard floor (see `relevance.py`) and the learner's filters.
   Quality never adds a course: it only scales a relevant one, ``score = relevance * (0.6 + 0.4 * Q/10)``.
2. One copy per duplicate group / title.
3. Greedy selection of N: each pick maximises ``score * (ALPHA + (1 - ALPHA) * novelty)``, where
   novelty is the share of the course's role-skill weight on skills (core ones count double) that the
   courses already picked do not teach; a course whose text is a near copy (cosine >= NEAR_COPY) of a
   picked one is skipped.
4. Order: best first (the contract), each item carrying `stage` and `path_position` — its place on
   the path from foundations to advanced (level, then how many of the other picks' skills it teaches
   first); `order="path"` returns the list in that order.
"""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd

from careerpath.embed import Embedder, default_embedder
from careerpath.recommend.filters import LEVEL_ORDER, Filters
from careerpath.recommend.index import course_text, load_embeddings
from careerpath.store import has_table
from careerpath.recommend.items import courses_with_quality, dedupe, item
from careerpath.recommend.relevance import (Role, implied_skills, relevance_table, skill_specificity,
                                            weighted_role_skills)

ALPHA = 0.75
NEAR_COPY = 0.93
POOL = 300
CATALOG_TOP = 0.03  # the text floor: among the 3% of the catalog closest to the role
STAGES = {0: "foundations", 1: "foundations", 2: "core", 3: "advanced"}


def load_course_skills(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    if not has_table(con, "course_skills"):
        return pd.DataFrame(columns=["course_id", "skill_id", "score"])
    return con.execute("SELECT course_id, CAST(skill_id AS VARCHAR) AS skill_id, score FROM course_skills").df()


def skill_vectors(con: duckdb.DuckDBPyConnection, embedder: Embedder) -> tuple[list[str], np.ndarray]:
    """Cached taxonomy vectors (label + definition, `skill_embeddings`) of the skills some course teaches."""
    if not (has_table(con, "skill_embeddings") and has_table(con, "course_skills")):
        return [], np.zeros((0, 0), dtype=np.float32)
    rows = con.execute("""SELECT skill_id, vec FROM skill_embeddings WHERE split_part(model, ':', 1) = ?
                          AND skill_id IN (SELECT DISTINCT CAST(skill_id AS VARCHAR) FROM course_skills)
                          ORDER BY skill_id""", [embedder.name]).fetchall()
    if not rows:
        return [], np.zeros((0, 0), dtype=np.float32)
    mat = np.asarray([r[1] for r in rows], dtype=np.float32)
    mat /= np.linalg.norm(mat, axis=1, keepdims=True).clip(min=1e-9)
    return [str(r[0]) for r in rows], mat


def course_vectors(con: duckdb.DuckDBPyConnection, courses: pd.DataFrame, embedder: Embedder,
                   need: set[str]) -> dict[str, np.ndarray]:
    """Vectors of the courses in `need`: from the store's cache, else encoded now (not stored)."""
    ids, mat = load_embeddings(con, embedder.name)
    vecs = dict(zip(ids, mat))  # all cached vectors: the catalog-wide text floor needs every cosine
    missing = [c for c in need if c not in vecs]
    if missing:
        rows = courses.set_index("course_id").loc[missing].reset_index()
        enc = embedder.encode([course_text(r) for _, r in rows.iterrows()])
        vecs.update(zip(rows["course_id"], enc))
    return vecs


def catalog_floor(all_cos: np.ndarray) -> float:
    """The text floor from the whole catalog: a course must be among the CATALOG_TOP share closest to the role."""
    if len(all_cos) < 200:  # too few courses for a percentile to mean anything
        return 0.0
    return float(np.quantile(all_cos, 1.0 - CATALOG_TOP))


def role_vectors(role: Role, embedder: Embedder) -> np.ndarray:
    """Two views of the role: its profile text (title, summary, top skills) and its bare title."""
    return embedder.encode([role.text or role.title, role.title])


def greedy_select(cand: pd.DataFrame, weights: dict[str, float], core: set[str],
                  vecs: dict[str, np.ndarray], top: int) -> pd.DataFrame:
    """Pick `top` rows of `cand` (with score, covers_ids) for score and coverage of untaught skills."""
    picked: list[int] = []
    taught: set[str] = set()
    rows = cand.reset_index(drop=True)
    alive = np.ones(len(rows), dtype=bool)
    sw = lambda s: weights.get(s, 0.0) * (2.0 if s in core else 1.0)  # noqa: E731
    while len(picked) < top and alive.any():
        best, best_val = -1, -1.0
        for i in np.flatnonzero(alive):
            ids = rows.at[i, "covers_ids"]
            total = sum(sw(s) for s in ids) or 1.0
            novelty = sum(sw(s) for s in ids if s not in taught) / total
            val = rows.at[i, "score"] * (ALPHA + (1 - ALPHA) * novelty)
            if val > best_val:
                best, best_val = i, val
        alive[best] = False
        v = vecs.get(rows.at[best, "course_id"])
        if v is not None and any(float(v @ vecs[rows.at[p, "course_id"]]) >= NEAR_COPY
                                 for p in picked if rows.at[p, "course_id"] in vecs):
            continue
        picked.append(best)
        taught.update(rows.at[best, "covers_ids"])
    return rows.loc[picked].reset_index(drop=True)


def path_order(sel: pd.DataFrame) -> list[int]:
    """Positions from foundations to advanced: level first, then courses that teach more basics."""
    lvl = sel["level"].map(lambda v: LEVEL_ORDER.get(v if isinstance(v, str) else None, 1))
    # A course teaching skills that later picks build on comes first: fewer skills is more basic.
    breadth = sel["covers_ids"].map(len)
    order = sorted(range(len(sel)), key=lambda i: (lvl.iat[i], breadth.iat[i], -sel["score"].iat[i]))
    pos = [0] * len(sel)
    for p, i in enumerate(order):
        pos[i] = p + 1
    return pos


def why(covers: list[str], n_core: int, level: object, hours: object) -> str:
    """One sentence naming what the course teaches of the role."""
    names = covers[:3]
    taught = names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" and {names[-1]}"
    more = f" (+{len(covers) - 3} more)" if len(covers) > 3 else ""
    core = f", {n_core} of the role's core skills" if n_core else ""
    lv = f"{level} level" if isinstance(level, str) else "level not stated"
    hrs = f"about {float(hours):.0f} h" if isinstance(hours, (int, float)) and hours == hours else "length not stated"
    return f"Teaches {taught}{more}{core}; {lv}, {hrs}."


def rank_courses(courses: pd.DataFrame, course_skills: pd.DataFrame, vecs: dict[str, np.ndarray],
                 role_vec: np.ndarray, role: Role, top: int = 10, filters: Filters | None = None,
                 order: str = "best", skill_vecs: tuple[list[str], np.ndarray] | None = None) -> list[dict]:
    """The pure core of `recommend`: courses (with quality), their skills and vectors -> the list.

    `skill_vecs` (ids, L2-normalised matrix) adds the role's implied skills (see `relevance.py`)."""
    filters = filters or Filters()
    if skill_vecs is not None and len(skill_vecs[0]):
        role = implied_skills(role, skill_vecs[0], skill_vecs[1], role_vec)
    spec = skill_specificity(course_skills, len(courses))
    cs_role = course_skills[course_skills["skill_id"].isin(set(role.skills["skill_id"].astype(str)))]
    rv = np.atleast_2d(role_vec)  # rows: the profile text, and optionally the bare title; cosines averaged
    ids = list(vecs)
    all_cos = (np.vstack([vecs[c] for c in ids]) @ rv.T).mean(axis=1) if ids else np.zeros(0)
    cos = pd.Series(all_cos, index=ids, dtype=float)
    rel = relevance_table(role, cs_role, len(courses), cos[cos.index.isin(set(cs_role["course_id"]))], spec,
                          catalog_floor=catalog_floor(all_cos))
    if rel.empty:
        return []
    df = filters.apply(rel.merge(courses, on="course_id"))
    if df.empty:
        return []
    df["score"] = df["relevance"] * (0.6 + 0.4 * df["quality"].fillna(5.0) / 10.0)
    df = dedupe(df).head(POOL)
    rs = weighted_role_skills(role, spec)
    weights = dict(zip(rs["skill_id"], rs["weight"]))
    core = set(rs.loc[rs["core"].astype(bool), "skill_id"])
    sel = greedy_select(df, weights, core, vecs, top)
    sel["path_position"] = path_order(sel)
    if order == "path":
        sel = sel.sort_values("path_position").reset_index(drop=True)
    out = []
    for _, r in sel.iterrows():
        lvl = LEVEL_ORDER.get(r["level"] if isinstance(r["level"], str) else None, 1)
        out.append(item(r, r["relevance"], list(r["covers"]),
                        why(list(r["covers"]), len(r["core_ids"]), r["level"], r["hours"]),
                        stage=STAGES[lvl], path_position=int(r["path_position"]),
                        quality_note=r.get("quality_note"), coverage=round(float(r["coverage"]), 3),
                        similarity=round(float(r["cosine"]), 3)))
    return out


def recommend(con: duckdb.DuckDBPyConnection, role: Role, top: int = 10, filters: Filters | None = None,
              embedder: Embedder | None = None, order: str = "best") -> list[dict]:
    """The diversified top `top` courses for `role`, in the contract's course fields plus stage/path."""
    embedder = embedder or default_embedder()
    courses = courses_with_quality(con)
    cs = load_course_skills(con)
    role_vec = role_vectors(role, embedder)
    sv = skill_vectors(con, embedder)
    if len(sv[0]):
        role = implied_skills(role, sv[0], sv[1], role_vec)
    need = set(cs.loc[cs["skill_id"].isin(set(role.skills["skill_id"].astype(str))), "course_id"])
    vecs = course_vectors(con, courses, embedder, need)
    return rank_courses(courses, cs, vecs, role_vec, role, top, filters, order)
