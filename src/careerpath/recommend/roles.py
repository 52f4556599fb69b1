"""From what a user typed to a `Role` that relevance can score: resolve the role, read its profile.

Resolves through `careerpath.extract.role_lookup.resolve_role` (issue 3's catalog and resolver) and reads issue 5's
profiles (`careerpath.profile.get_profile`, else the stored `profiles` JSON). Nothing here ranks.
"""

from __future__ import annotations

import json
from importlib import import_module

import duckdb
import pandas as pd

from careerpath.errors import CareerpathError
from careerpath.extract.role_lookup import resolve_role
from careerpath.store import has_table
from careerpath.recommend import relevance
from careerpath.recommend.relevance import Role, role_text


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
    """(slug, title) of the role a slug, title or alias means: the one lookup every stage shares
    (`careerpath.extract.role_lookup.resolve_role`); InputError when nothing matches."""
    hit = resolve_role(con, query)
    return hit.slug, hit.title


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
    kind = _get(role, "kind")
    conf = _get(role, "confidence")
    weak = relevance.BORROWED_TEXT_BELOW_CONFIDENCE is None or (
        conf is not None and float(conf) < relevance.BORROWED_TEXT_BELOW_CONFIDENCE)
    if kind is not None and str(kind) != "occupation" and str(kind) in relevance.BORROWED_TEXT_KINDS_OFF and weak:
        summary, tasks = None, []  # borrowed from the O*NET occupation the title resolved to (see relevance)
    return Role(slug=slug, title=title, skills=skills, text=role_text(title, summary, names, tasks),
                evidence=_get(section, "evidence_text") if isinstance(section, dict) else _get(prof, "skills_evidence"))


def load_role(con: duckdb.DuckDBPyConnection, query: str) -> Role:
    slug, title = resolve_slug(con, query)
    return role_from_profile(slug, title, _profile(con, slug))
