"""Which role a typed title means: one answer for every spelling of the same role.

Order of evidence: the role catalog (`roles`: slug, title, aliases) after title normalisation
("ML engineer" → "machine learning engineer"), then the title resolver of extract/titles.py on its
cheap paths (exact alias, typo repair, span, fuzzy: no model is loaded for a guide). Without a role
catalog each O*NET occupation is a role whose slug is its slugified title.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb

from careerpath import store
from careerpath.errors import InputError
from careerpath.extract.normalize import normalize, slugify

MIN_SCORE = 0.15  # below this the resolver's best guess is not a role we can vouch for
# (an exact alias shared by three occupations scores ~0.32 each: still a role, the first by rank)


@dataclass(frozen=True)
class RoleHit:
    slug: str
    title: str
    kind: str
    soc: tuple[tuple[str, str, float], ...]  # (code, title, weight)
    confidence: float
    aliases: tuple[str, ...] = field(default_factory=tuple)


_CATALOGS: dict[int, dict] = {}
_RESOLVERS: dict[int, object] = {}


def _catalog(con: duckdb.DuckDBPyConnection) -> dict:
    """slug → RoleHit and normalised key → slug; built once per connection."""
    cached = _CATALOGS.get(id(con))
    if cached is not None and cached["con"] is con:
        return cached
    titles = dict(con.execute("SELECT soc_code, title FROM onet_occupations").fetchall())
    roles: dict[str, RoleHit] = {}
    by_soc: dict[str, list[tuple[float, str]]] = {}
    if store.has_table(con, "roles"):
        occ: dict[str, list[tuple[str, str, float]]] = {}
        if store.has_table(con, "role_occupations"):
            for slug, code, w in con.execute("SELECT slug, soc_code, weight FROM role_occupations ORDER BY weight DESC").fetchall():
                occ.setdefault(slug, []).append((code, titles.get(code, code), float(w or 0)))
        for slug, title, kind, code, aliases, conf in con.execute(
                "SELECT slug, title, kind, soc_code, aliases, confidence FROM roles").fetchall():
            soc = occ.get(slug) or ([(code, titles.get(code, code), 1.0)] if code else [])
            roles[slug] = RoleHit(slug, title, kind or "occupation", tuple(soc),
                                  float(conf if conf is not None else 1.0), tuple(aliases or ()))
            for code_, _, w in soc:
                by_soc.setdefault(code_, []).append((w, slug))
    else:
        for code, title in sorted(titles.items()):
            slug = slugify(title)
            roles[slug] = RoleHit(slug, title, "occupation", ((code, title, 1.0),), 1.0)
            by_soc.setdefault(code, []).append((1.0, slug))
    keys: dict[str, str] = {}
    for hit in roles.values():
        for name in (hit.title, *hit.aliases):
            k = normalize(name).text
            if k:
                keys.setdefault(k, hit.slug)
    cached = {"con": con, "roles": roles, "keys": keys,
              "by_soc": {c: max(v)[1] for c, v in by_soc.items()}}
    _CATALOGS[id(con)] = cached
    return cached


def all_roles(con: duckdb.DuckDBPyConnection) -> list[RoleHit]:
    return sorted(_catalog(con)["roles"].values(), key=lambda r: r.slug)


def role_by_slug(con: duckdb.DuckDBPyConnection, slug: str) -> RoleHit | None:
    return _catalog(con)["roles"].get(slug)


def _resolver(con: duckdb.DuckDBPyConnection):
    cached = _RESOLVERS.get(id(con))
    if cached is not None and cached[0] is con:
        return cached[1]
    from careerpath.extract import titles

    index = titles.load_index(con) if store.has_table(con, "title_index") else None
    if index is None:
        index = titles.build_index(con, None)
    resolver = titles.Resolver(index)  # no embedder: a guide never waits for the model
    _RESOLVERS[id(con)] = (con, resolver)
    return resolver


def resolve_role(con: duckdb.DuckDBPyConnection, text: str) -> RoleHit:
    """The role a title means, or InputError naming what was typed."""
    cat = _catalog(con)
    raw = (text or "").strip()
    if not raw:
        raise InputError("ROLE is empty: give a job title such as 'data scientist'")
    if raw in cat["roles"]:
        return cat["roles"][raw]
    if slugify(raw) in cat["roles"]:
        return cat["roles"][slugify(raw)]
    key = normalize(raw).text
    if key in cat["keys"]:
        return cat["roles"][cat["keys"][key]]
    res = _resolver(con).resolve(raw)
    if res.role_slug and res.role_slug in cat["roles"]:
        return cat["roles"][res.role_slug]
    for m in res.matches:
        if m.score < MIN_SCORE:
            break
        slug = cat["by_soc"].get(m.soc_code)
        if slug:
            hit = cat["roles"][slug]
            return RoleHit(hit.slug, hit.title, hit.kind, hit.soc, round(min(hit.confidence, m.score), 4), hit.aliases)
    raise InputError(f"unknown role {raw!r}: no occupation or role matches it; try `careerpath resolve {raw!r}`")
