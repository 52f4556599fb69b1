"""Browse the catalog by topic.

Topics come from two places:
- **subjects**: the catalogs' own subject areas (Coursera's keyword, Udemy's subject), merged into
  one readable set ("DataScience" -> "Data Science", "Musical Instruments" -> "Music"). Courses whose
  catalog gives no subject (edX, two of the Coursera files) get one from their nearest labelled
  neighbours in embedding space (k = 15, cosine-weighted vote; kept only when the vote is clear:
  share >= 0.5 and mean cosine >= 0.35), marked `method = 'nearest'`.
- Each membership's `score` is also scaled by how typical the course is of the topic (cosine to the
  topic's centroid), so a course a catalog filed under the wrong subject sinks in browsing.
- **skill categories**: the taxonomy's `skills.category` of the skills a course teaches
  (`course_skills`, score >= 0.5), for categories with at least MIN_COURSES courses.

Tables: `topics(topic_id, name, kind, n_courses)` and `course_topics(course_id, topic_id, score, method)`.
"""

from __future__ import annotations

import re

import duckdb
import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from careerpath.errors import InputError
from careerpath.recommend.filters import Filters
from careerpath.store import has_table
from careerpath.recommend.items import courses_with_quality, dedupe, item

MIN_COURSES = 10
KNN_K = 15
KNN_SHARE, KNN_COS = 0.5, 0.35
SUBJECT_NAMES = {
    "datascience": "Data Science", "data science": "Data Science",
    "business finance": "Finance", "musical instruments": "Music",
    "physical science and engineering": "Physical Science & Engineering",
    "arts and humanities": "Arts & Humanities", "math and logic": "Math & Logic",
}


def slugify(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def subject_name(raw: object) -> str | None:
    """A catalog's subject label as a topic name; None for empty."""
    if not isinstance(raw, str) or not raw.strip():
        return None
    s = re.sub(r"\s+", " ", raw.strip())
    return SUBJECT_NAMES.get(s.lower(), s if not s.islower() else s.title())


def infer_subjects(ids: list[str], mat: np.ndarray, labels: dict[str, str]) -> pd.DataFrame:
    """Subject for unlabelled courses by a cosine-weighted vote of their KNN_K nearest labelled courses."""
    cols = ["course_id", "name", "score"]
    if not len(ids) or not labels:
        return pd.DataFrame(columns=cols)
    pos = {c: i for i, c in enumerate(ids)}
    lab_ids = [c for c in ids if c in labels]
    unl_ids = [c for c in ids if c not in labels]
    if not lab_ids or not unl_ids:
        return pd.DataFrame(columns=cols)
    lab_mat = mat[[pos[c] for c in lab_ids]]
    lab_names = np.array([labels[c] for c in lab_ids])
    rows = []
    for start in range(0, len(unl_ids), 512):
        chunk = unl_ids[start:start + 512]
        sims = mat[[pos[c] for c in chunk]] @ lab_mat.T
        k = min(KNN_K, sims.shape[1])
        top = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        for j, cid in enumerate(chunk):
            s = sims[j, top[j]]
            votes = pd.Series(np.clip(s, 0, None)).groupby(lab_names[top[j]]).sum()
            if votes.sum() <= 0:
                continue
            best, share = votes.idxmax(), float(votes.max() / votes.sum())
            if share >= KNN_SHARE and float(s.mean()) >= KNN_COS:
                rows.append({"course_id": cid, "name": best, "score": round(share, 3)})
    return pd.DataFrame(rows, columns=cols)


def _skill_category_topics(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    cols = ["course_id", "name", "score"]
    if not (has_table(con, "course_skills") and has_table(con, "skills")):
        return pd.DataFrame(columns=cols)
    df = con.execute("""
        SELECT cs.course_id, s.category AS name, max(cs.score) AS score
        FROM course_skills cs JOIN skills s USING (skill_id)
        WHERE s.category IS NOT NULL AND s.category <> '' AND coalesce(cs.score, 1) >= 0.5
        GROUP BY 1, 2""").df()
    return df[cols]


def _typicality(ct: pd.DataFrame, ids: list[str], mat: np.ndarray) -> pd.Series:
    """How typical each course is of its topic: cosine to the topic's centroid over the topic's 90th
    percentile, capped at 1 (a course filed under a subject it is not about scores low)."""
    out = pd.Series(1.0, index=ct.index)
    if not len(ids):
        return out
    pos = {c: i for i, c in enumerate(ids)}
    for _, idx in ct.groupby("topic_id").groups.items():
        rows = [i for i in idx if ct.at[i, "course_id"] in pos]
        if len(rows) < 3:
            continue
        vecs = mat[[pos[ct.at[i, "course_id"]] for i in rows]]
        centroid = vecs.mean(axis=0)
        cos = vecs @ (centroid / (np.linalg.norm(centroid) or 1.0))
        out.loc[rows] = np.clip(cos / max(float(np.percentile(cos, 90)), 1e-6), 0.0, 1.0).round(3)
    return out


def build_topics(con: duckdb.DuckDBPyConnection, courses: pd.DataFrame, ids: list[str],
                 mat: np.ndarray) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(topics, course_topics) from subjects, nearest-neighbour subjects and skill categories."""
    given = pd.DataFrame({"course_id": courses["course_id"], "name": courses["subject"].map(subject_name)})
    given = given[given["name"].notna()].assign(score=1.0, method="given", kind="subject")
    inferred = infer_subjects(ids, mat, dict(zip(given["course_id"], given["name"])))
    inferred = inferred.assign(method="nearest", kind="subject")
    cats = _skill_category_topics(con).assign(method="skills", kind="skill_category")
    cats["name"] = cats["name"].map(lambda s: s if not str(s).islower() else str(s).capitalize())
    ct = pd.concat([given, inferred, cats], ignore_index=True)
    ct["topic_id"] = ct["name"].map(slugify)
    ct["score"] = _typicality(ct, ids, mat) * ct["score"].astype(float)
    ct = ct.sort_values("score", ascending=False).drop_duplicates(["course_id", "topic_id"])
    counts = ct.groupby(["topic_id", "name", "kind"])["course_id"].nunique().rename("n_courses").reset_index()
    counts = counts.sort_values(["kind", "n_courses"], ascending=[False, False]).drop_duplicates("topic_id")
    counts = counts[(counts["kind"] == "subject") | (counts["n_courses"] >= MIN_COURSES)]
    ct = ct[ct["topic_id"].isin(counts["topic_id"])]
    topics = counts.sort_values("n_courses", ascending=False).reset_index(drop=True)
    return topics[["topic_id", "name", "kind", "n_courses"]], ct[["course_id", "topic_id", "score", "method"]]


def list_topics(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """Every topic with its course count, largest first."""
    if not has_table(con, "topics"):
        raise InputError("no topics in this store; run the course index step (build_course_index) first")
    df = con.execute("SELECT topic_id, name, kind, n_courses FROM topics ORDER BY n_courses DESC, name").df()
    return [{"id": r.topic_id, "name": r.name, "kind": r.kind, "n_courses": int(r.n_courses)} for r in df.itertuples()]


def resolve_topic(con: duckdb.DuckDBPyConnection, topic: str) -> dict:
    """A topic by id, name or close spelling; an unknown topic is the user's to fix."""
    topics = list_topics(con)
    q = slugify(topic)
    for t in topics:
        if q and (t["id"] == q or slugify(t["name"]) == q):
            return t
    names = {t["id"]: t["name"] for t in topics}
    hit = process.extractOne(topic, names, scorer=fuzz.WRatio, score_cutoff=88) if q else None
    if hit:
        return next(t for t in topics if t["id"] == hit[2])
    close = [n for n, _, _ in process.extract(topic, list(names.values()), scorer=fuzz.WRatio, limit=3)]
    raise InputError(f"unknown topic {topic!r}; try one of: {', '.join(close)} (see `careerpath courses --topics`)")


def courses_for_topic(con: duckdb.DuckDBPyConnection, topic: str, filters: Filters | None = None,
                      top: int = 20) -> list[dict]:
    """The best courses of a topic by quality (then topic fit), in the contract's course fields."""
    t = resolve_topic(con, topic)
    filters = filters or Filters()
    members = con.execute("SELECT course_id, score AS topic_score, method FROM course_topics WHERE topic_id = ?",
                          [t["id"]]).df()
    df = courses_with_quality(con).merge(members, on="course_id")
    df = filters.apply(df)
    if df.empty:
        return []
    df["score"] = df["quality"].fillna(0) * (0.5 + 0.5 * df["topic_score"].astype(float))
    df = dedupe(df).head(top)
    out = []
    for r in df.itertuples(index=False):
        row = r._asdict()
        skills = [str(s) for s in (row.get("skills_given") if row.get("skills_given") is not None else [])][:5]
        how = "listed under" if row["method"] == "given" else (
            "grouped by its skills under" if row["method"] == "skills" else "placed by its nearest courses in")
        why = f"{how.capitalize()} {t['name']}; {row.get('quality_note') or 'quality unknown'}"
        out.append(item(row, relevance=float(row["topic_score"]), covers=skills, why=why, topic=t["id"]))
    return out
