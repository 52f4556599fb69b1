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

from careerpath.embed import default_embedder
from careerpath.profile import model as pm
from careerpath.recommend.index import course_text, load_embeddings, role_task_texts
from careerpath.recommend.items import courses_with_quality
from careerpath.recommend.filters import Filters
from careerpath.recommend.rank import (SkillVecs, load_course_skills, rank_course_lists, role_task_vector, role_vectors,
                                      skill_vectors)
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


def prime_role_vectors(con: duckdb.DuckDBPyConnection, profiles: list[pm.Profile]) -> None:
    """Encode many roles' texts in one batch (5x faster on CPU than one call per role), kept per store."""
    cat = catalogue(con)
    roles = [_role(p) for p in profiles if p.role.slug not in cat.role_vecs]
    vecs = default_embedder().encode([t for r in roles for t in (r.text or r.title, r.title)], batch_size=64)
    for i, r in enumerate(roles):
        cat.role_vecs[r.slug] = vecs[2 * i:2 * i + 2]
    todo = [p.role.slug for p in profiles if p.role.slug not in cat.task_vecs]
    texts = role_task_texts(con, todo)
    got = dict(zip(texts, default_embedder().encode(list(texts.values()), batch_size=64))) if texts else {}
    for slug in todo:
        v = got.get(slug)
        cat.task_vecs[slug] = None if v is None else v / max(float(np.linalg.norm(v)), 1e-9)


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
    if role.slug not in cat.role_vecs:
        cat.role_vecs[role.slug] = role_vectors(role, embedder)
    need = set(cat.course_skills.loc[cat.course_skills["skill_id"].isin(set(role.skills["skill_id"].astype(str))),
                                     "course_id"])
    vecs = cat.vecs
    missing = [c for c in need if c not in vecs]
    if missing:  # as course_vectors: uncached candidates are encoded for this list only
        rows = cat.courses.set_index("course_id").loc[missing].reset_index()
        vecs = {**vecs, **dict(zip(rows["course_id"], embedder.encode([course_text(r) for _, r in rows.iterrows()])))}
    if role.slug not in cat.task_vecs:
        cat.task_vecs[role.slug] = role_task_vector(con, role.slug, embedder)
    return rank_course_lists(cat.courses, cat.course_skills, vecs, cat.role_vecs[role.slug], role, lists,
                             skill_vecs=cat.skill_vecs, task_vec=cat.task_vecs[role.slug])
