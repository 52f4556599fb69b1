"""From what a user typed to a `Role` that relevance can score: resolve the role, read its profile.

Reads issue 3's `roles` table (and its resolver, `careerpath.extract.titles`, when present) and issue 5's
profiles (`careerpath.profile.get_profile`, else the stored `profiles` JSON). Nothing here ranks.
"""

from __future__ import annotations

import json
import re
from importlib import import_module

import duckdb
import pandas as pd

from careerpath.errors import CareerpathError, InputError
from careerpath.store import has_table
from careerpath.recommend.relevance import Role, role_text

MIN_SCORE = 0.15  # the resolver's best occupation below this is not a role we can vouch for


def _get(obj: object, *keys: str, default: object = None) -> object:
    for k in keys:
        if isinstance(obj, dict) and obj.get(k) is not None:
            return obj[k]
        if not isinstance(obj, dict) and getattr(obj, k, None) is not None:
            return getattr(obj, k)
    return default


def _as_dict(obj: object) -> dict:
    if isinstance(obj, dict):
        return obj
    if hasattr(obj, "model_dump"):
        return obj.model_dump()  # type: ignore[no-any-return]
    if isinstance(obj, str):
        return json.loads(obj)
    return dict(vars(obj))


def resolve_slug(con: duckdb.DuckDBPyConnection, query: str) -> tuple[str, str]:
    """(slug, title) for a slug, a title or an alias; otherwise the title resolver's best role."""
    q = query.strip()
    if not q:
        raise InputError("no role given: pass a role slug or job title")
    if has_table(con, "roles"):
        norm = re.sub(r"\s+", " ", q.lower())
        row = con.execute("""
            SELECT slug, title FROM roles
            WHERE slug = ? OR lower(title) = ? OR list_contains(list_transform(coalesce(aliases, []), lambda a: lower(a)), ?)
            ORDER BY (slug = ?) DESC, (lower(title) = ?) DESC LIMIT 1""", [q.lower(), norm, norm, q.lower(), norm]).fetchall()
        row = row[0] if row else None
        if row:
            return row[0], row[1]
    slug = _resolve_with_titles(con, q)
    if slug and has_table(con, "roles"):
        row = con.execute("SELECT slug, title FROM roles WHERE slug = ?", [slug]).fetchall()
        if row:
            return row[0][0], row[0][1]
    raise InputError(f"unknown role {query!r}: try a job title or a slug from `careerpath roles --search`")


def _resolve_with_titles(con: duckdb.DuckDBPyConnection, q: str) -> str | None:
    """Issue 3's resolver on its cheap paths (no model): its role, else the role of its best occupation."""
    try:
        titles = import_module("careerpath.extract.titles")
        index = titles.load_index(con) if has_table(con, "title_index") else None
        res = titles.Resolver(index or titles.build_index(con, None)).resolve(q)
    except InputError:
        raise
    except Exception:  # no resolver or no index in this store: the same as no match
        return None
    if getattr(res, "role_slug", None):
        return str(res.role_slug)
    if not has_table(con, "role_occupations"):
        return None
    for m in getattr(res, "matches", [])[:1]:
        if m.score >= MIN_SCORE:
            row = con.execute("SELECT slug FROM role_occupations WHERE soc_code = ? ORDER BY weight DESC LIMIT 1",
                              [m.soc_code]).fetchall()
            if row:
                return str(row[0][0])
    return None


def _profile(con: duckdb.DuckDBPyConnection, slug: str) -> dict:
    try:
        get_profile = import_module("careerpath.profile").get_profile
    except (ImportError, AttributeError):
        get_profile = None
    if get_profile is not None:
        prof = get_profile(con, slug)
        if prof is not None:
            return _as_dict(prof)
    if has_table(con, "profiles"):
        row = con.execute("SELECT json FROM profiles WHERE slug = ?", [slug]).fetchone()
        if row:
            return json.loads(row[0])
    raise CareerpathError(f"no profile for role {slug!r}; build role profiles first")


def role_from_profile(slug: str, title: str, prof: dict) -> Role:
    """A `Role` from a profile dict: ranked skills (id, name, importance, core, type) and its text."""
    rows = []
    section = _get(prof, "skills", default=[]) or []
    for s in (_get(section, "items", default=[]) if isinstance(section, dict) else section) or []:
        sid = _get(s, "id", "skill_id")
        if sid is None:
            continue
        rows.append({"skill_id": str(sid), "name": _get(s, "name", default=str(sid)),
                     "importance": float(_get(s, "importance", "score", default=0.0) or 0.0),
                     "core": bool(_get(s, "core", default=False)), "type": _get(s, "type"),
                     "rank": _get(s, "rank")})
    skills = pd.DataFrame(rows, columns=["skill_id", "name", "importance", "core", "type", "rank"])
    what = _get(prof, "what_they_do", default={}) or {}
    summary = _get(what, "summary") or _get(prof, "summary", "description")
    tasks = [t if isinstance(t, str) else str(_get(t, "task", "text", default="")) for t in (_get(what, "tasks", default=[]) or [])]
    names = skills.sort_values("importance", ascending=False)["name"].tolist()
    role = _get(prof, "role", default={}) or {}
    title = str(_get(role, "title", default=title) or title)
    return Role(slug=slug, title=title, skills=skills, text=role_text(title, summary, names, tasks),
                evidence=_get(section, "evidence_text") if isinstance(section, dict) else _get(prof, "skills_evidence"))


def load_role(con: duckdb.DuckDBPyConnection, query: str) -> Role:
    slug, title = resolve_slug(con, query)
    return role_from_profile(slug, title, _profile(con, slug))
