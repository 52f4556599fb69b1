"""A role's course list, as `careerpath.recommend.recommend_for_role` makes it, with the catalogue read once.

`recommend_for_role` reads the whole catalogue (courses with quality, course skills, cached vectors)
on every call: right for one `careerpath courses`, too slow for `build --all` (~1,300 roles) or a web
request. This module runs the recommender's own steps — `role_from_profile`, `course_vectors`'s rule
(cached vectors plus the role's uncached candidates encoded now), `role_vectors`, `rank_courses` — on
a catalogue loaded once per store file, so every list is the one `recommend_for_role` returns.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field

import duckdb
import numpy as np
import pandas as pd

from careerpath import store
from careerpath.embed import DIM, default_embedder
from careerpath.profile import model as pm
from careerpath.recommend.index import course_text, load_embeddings, role_task_texts, text_hash
from careerpath.recommend.items import courses_with_quality
from careerpath.recommend.filters import Filters
from careerpath.recommend.rank import (TASK_ANCHOR_FLOOR, SkillVecs, load_course_skills, rank_course_lists, role_texts,
                                      skill_vectors, unit)
from careerpath.recommend.relevance import Role
from careerpath.recommend.roles import role_from_profile


@dataclass
class Catalogue:
    courses: pd.DataFrame
    course_skills: pd.DataFrame
    vecs: dict[str, np.ndarray]
    skill_vecs: SkillVecs | None = None  # taxonomy, O*NET and role vectors + role shares (`skill_vectors`)
    role_vecs: dict[str, np.ndarray] = field(default_factory=dict)  # slug -> role_vectors(role), kept
    task_vecs: dict[str, np.ndarray | None] = field(default_factory=dict)  # slug -> rank.role_task_vector, kept


_CATALOGUES: dict[tuple, Catalogue] = {}
_LOCK = threading.Lock()


def _key(con: duckdb.DuckDBPyConnection) -> tuple:
    """The store file (and its version on disk): every cursor of one store shares one catalogue."""
    row = con.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchone()
    path = row[0] if row else None
    if not path or not os.path.exists(path):
        return ("memory", id(con))
    st = os.stat(path)
    return (path, st.st_mtime_ns, st.st_size)


def catalogue(con: duckdb.DuckDBPyConnection) -> Catalogue:
    """The store's courses with quality, course skills and cached vectors of the default model."""
    key = _key(con)
    with _LOCK:
        hit = _CATALOGUES.get(key)
        if hit is None:
            embedder = default_embedder()
            ids, mat = load_embeddings(con, embedder.name)
            hit = _CATALOGUES[key] = Catalogue(courses_with_quality(con), load_course_skills(con), dict(zip(ids, mat)),
                                               skill_vectors(con, embedder))
    return hit


ROLE_VECTORS = "role_text_embeddings"  # slug, kind (profile | title | tasks), model, text_hash, vec


def prime_role_vectors(con: duckdb.DuckDBPyConnection, profiles: list[pm.Profile]) -> None:
    """Make the roles' text vectors ready for `course_lists_for`, kept with the store's catalogue."""
    cat = catalogue(con)
    todo = [p for p in profiles if p.role.slug not in cat.role_vecs or p.role.slug not in cat.task_vecs]
    if todo:
        role_vecs, task_vecs, _ = role_text_vectors(con, todo)
        cat.role_vecs.update(role_vecs)
        cat.task_vecs.update(task_vecs)


def role_text_vectors(con: duckdb.DuckDBPyConnection, profiles: list[pm.Profile], *, write: bool = False
                      ) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray | None], int]:
    """(slug -> profile-text and title vectors (`rank.role_vectors`), slug -> O*NET task-text vector
    (`rank.role_task_vector`, None without one), texts encoded now).

    Vectors come from the store's `role_text_embeddings` where the text is unchanged, the rest are encoded in one
    batch (5x faster on CPU than one call per role). `write` keeps new ones in the store: `build --all` encodes
    every role once, in the parent process with every core, before its worker processes (which read them) start."""
    embedder = default_embedder()
    roles = [_role(p) for p in profiles]
    want = [(r.slug, kind, text) for r in roles for kind, text in zip(("profile", "title"), role_texts(r))]
    if TASK_ANCHOR_FLOOR is not None:  # else no role has a task vector (`rank.role_task_vector`)
        want += [(slug, "tasks", text) for slug, text in role_task_texts(con, [r.slug for r in roles]).items()]
    df = pd.DataFrame(want, columns=["slug", "kind", "text"])
    df["text_hash"] = df["text"].map(text_hash)
    got: dict[tuple[str, str], np.ndarray] = {}
    if len(df) and store.has_table(con, ROLE_VECTORS):
        con.register("_want", df[["slug", "kind", "text_hash"]])
        try:
            got = {(s, k): np.asarray(v, dtype=np.float32) for s, k, v in con.execute(
                f"SELECT e.slug, e.kind, e.vec FROM {ROLE_VECTORS} e JOIN _want w USING (slug, kind, text_hash) "
                "WHERE e.model = ?", [embedder.name]).fetchall()}
        finally:
            con.unregister("_want")
    todo = df[[(s, k) not in got for s, k in zip(df["slug"], df["kind"])]]
    if len(todo):
        vecs = embedder.encode(todo["text"].tolist())
        got.update({(s, k): v for s, k, v in zip(todo["slug"], todo["kind"], vecs)})
        if write:
            _store_vectors(con, todo.assign(vec=[v.tolist() for v in vecs]), embedder.name)
    role_vecs = {r.slug: np.stack([got[(r.slug, "profile")], got[(r.slug, "title")]]) for r in roles}
    task_vecs = {r.slug: unit(got.get((r.slug, "tasks"))) for r in roles}
    return role_vecs, task_vecs, len(todo)


def _store_vectors(con: duckdb.DuckDBPyConnection, rows: pd.DataFrame, model: str) -> None:
    con.execute(f"CREATE TABLE IF NOT EXISTS {ROLE_VECTORS} (slug VARCHAR, kind VARCHAR, model VARCHAR, "
                f"text_hash VARCHAR, vec FLOAT[{DIM}])")
    con.register("_new", rows[["slug", "kind", "text_hash", "vec"]])
    try:
        con.execute(f"DELETE FROM {ROLE_VECTORS} e USING _new n WHERE e.model = ? AND e.slug = n.slug AND e.kind = n.kind",
                    [model])
        con.execute(f"INSERT INTO {ROLE_VECTORS} SELECT slug, kind, ?, text_hash, CAST(vec AS FLOAT[{DIM}]) FROM _new",
                    [model])
    finally:
        con.unregister("_new")


def _role(profile: pm.Profile) -> Role:
    return role_from_profile(profile.role.slug, profile.role.title, profile.model_dump(mode="json"))


def courses_for(con: duckdb.DuckDBPyConnection, profile: pm.Profile, top: int) -> list[dict]:
    """`recommend_for_role(con, profile.role.slug, top=top)`, from the cached catalogue."""
    return course_lists_for(con, profile, {"": (top, None)})[""]


def course_lists_for(con: duckdb.DuckDBPyConnection, profile: pm.Profile,
                     lists: dict[str, tuple[int, Filters | None]]) -> dict[str, list[dict]]:
    """Several (top, filters) lists of the role from one relevance ranking (`rank_course_lists`)."""
    cat = catalogue(con)
    role = _role(profile)
    embedder = default_embedder()
    if role.slug not in cat.role_vecs or role.slug not in cat.task_vecs:
        prime_role_vectors(con, [profile])
    need = set(cat.course_skills.loc[cat.course_skills["skill_id"].isin(set(role.skills["skill_id"].astype(str))),
                                     "course_id"])
    vecs = cat.vecs
    missing = [c for c in need if c not in vecs]
    if missing:  # as course_vectors: uncached candidates are encoded for this list only
        rows = cat.courses.set_index("course_id").loc[missing].reset_index()
        vecs = {**vecs, **dict(zip(rows["course_id"], embedder.encode([course_text(r) for _, r in rows.iterrows()])))}
    return rank_course_lists(cat.courses, cat.course_skills, vecs, cat.role_vecs[role.slug], role, lists,
                             skill_vecs=cat.skill_vecs, task_vec=cat.task_vecs[role.slug])
