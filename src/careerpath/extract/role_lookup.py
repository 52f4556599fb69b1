"""Which role a typed title means: one answer for every spelling of the same role.

Every stage after extract/ (profile, recommend, guide, web) needs "the role the user meant", so the
lookup lives here, beside the role catalog it reads (extract/roles.py). Order of evidence:
1. a role slug, or the slugified text;
2. the catalog's own names after title normalisation ("ML engineer" → "machine learning engineer"): every
   role's title, and the aliases of emerging roles (O*NET's titles of occupations are the resolver's to weigh);
3. the store's title resolver (`extract.roles.open_resolver`) on its cheap paths — exact alias, typo
   repair, span, fuzzy, the cached posting titles — and its `RoleLookup` (emerging role by alias, else
   the occupation role of the best code). No model is loaded: a lookup never waits for embeddings.

The catalog is read once per connection and kept (keyed by the connection object itself).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb

from careerpath import progress, store
from careerpath.errors import InputError
from careerpath.extract.normalize import normalize, slugify
from careerpath.extract.roles import alias_key, open_resolver
from careerpath.extract.titles import Resolver

WEAK_BELOW = 0.5  # a lookup less sure than this says so, and names the other roles the text may mean
MIN_SCORE = 0.15  # below this the resolver's best guess is not a role we can vouch for
# (an exact alias shared by three occupations scores ~0.32 each: still a role, the first by rank)


@dataclass(frozen=True)
class RoleHit:
    """A role from the catalog, with its occupations (code, title, weight) best first."""

    slug: str
    title: str
    kind: str
    soc: tuple[tuple[str, str, float], ...]
    confidence: float
    aliases: tuple[str, ...] = field(default_factory=tuple)
    # how sure the lookup was that the text means this role: 1 for a slug or a catalog name, else the resolver's
    # score. Apart from `confidence` (the role's own, an emerging role's tie to its occupations): "ML engineer"
    # names Machine Learning Engineer surely, though that role rests on its occupations at 0.45
    lookup: float = 1.0


@dataclass
class _Catalog:
    con: duckdb.DuckDBPyConnection
    roles: dict[str, RoleHit]
    keys: dict[str, str]  # normalised title or alias -> slug
    resolver: Resolver | None = None


_CATALOGS: dict[int, _Catalog] = {}


def _catalog(con: duckdb.DuckDBPyConnection) -> _Catalog:
    cached = _CATALOGS.get(id(con))
    if cached is not None and cached.con is con:
        return cached
    if not store.has_table(con, "roles"):
        raise InputError("the store has no role catalog; run `careerpath build` (or `careerpath roles build`)")
    titles = dict(con.execute("SELECT soc_code, title FROM onet_occupations").fetchall())
    occ: dict[str, list[tuple[str, str, float]]] = {}
    for slug, code, w in con.execute(
            "SELECT slug, soc_code, weight FROM role_occupations ORDER BY weight DESC, soc_code").fetchall():
        occ.setdefault(slug, []).append((code, titles.get(code, code), float(w or 0)))
    roles: dict[str, RoleHit] = {}
    for slug, title, kind, code, aliases, conf in con.execute(
            "SELECT slug, title, kind, soc_code, aliases, confidence FROM roles ORDER BY slug").fetchall():
        soc = occ.get(slug) or ([(code, titles.get(code, code), 1.0)] if code else [])
        roles[slug] = RoleHit(slug, title, kind or "occupation", tuple(soc),
                              float(conf if conf is not None else 1.0), tuple(aliases or ()))
    keys: dict[str, str] = {}
    for hit in roles.values():  # titles first, so a title never loses its key to another role's alias
        keys.setdefault(normalize(hit.title).text, hit.slug)
    owners: dict[str, set[str]] = {}
    for hit in roles.values():
        # An occupation's aliases are O*NET's reported titles, which the resolver holds too and weighs against
        # the other occupations' and the postings': taken here first come, first served (by slug), "nurse" went
        # to Critical Care Nurses, "doctor" to Dermatologists, "teacher" to ESL instructors and "site manager" to
        # wind-energy operations, while `careerpath resolve` said otherwise. Only emerging roles' aliases, which
        # no O*NET file knows, are read here, and only when one role claims them.
        if hit.kind != "emerging":
            continue
        own = normalize(hit.title).text
        for name in hit.aliases:
            if key := alias_key(name, own):
                owners.setdefault(key, set()).add(hit.slug)
    for key, slugs in owners.items():
        if len(slugs) == 1:
            keys.setdefault(key, next(iter(slugs)))
    keys.pop("", None)
    cat = _Catalog(con, roles, keys)
    _CATALOGS[id(con)] = cat
    return cat


def all_roles(con: duckdb.DuckDBPyConnection) -> list[RoleHit]:
    """Every role of the catalog, by slug."""
    return list(_catalog(con).roles.values())


def role_by_slug(con: duckdb.DuckDBPyConnection, slug: str) -> RoleHit | None:
    """The role with this exact slug, or None."""
    return _catalog(con).roles.get(slug)


def resolve_role(con: duckdb.DuckDBPyConnection, text: str) -> RoleHit:
    """The role a slug, title or alias means, or InputError naming what was typed."""
    cat = _catalog(con)
    raw = (text or "").strip()
    if not raw:
        raise InputError("ROLE is empty: give a job title such as 'data scientist'")
    for slug in (raw, slugify(raw)):
        if slug in cat.roles:
            return cat.roles[slug]
    key = normalize(raw).text
    if key in cat.keys:
        return cat.roles[cat.keys[key]]
    if cat.resolver is None:
        cat.resolver = open_resolver(con, embedder_factory=None)
    res = cat.resolver.resolve(raw)
    best = res.matches[0].score if res.matches else 0.0
    if res.role_slug in cat.roles and best >= MIN_SCORE:
        hit = cat.roles[res.role_slug]  # type: ignore[index]
        return RoleHit(hit.slug, hit.title, hit.kind, hit.soc, round(min(hit.confidence, best, 1.0), 4), hit.aliases,
                       lookup=round(min(best, 1.0), 4))
    raise InputError(f"unknown role {raw!r}: no occupation or role matches it; try `careerpath resolve {raw!r}`")


def resolve_role_noting(con: duckdb.DuckDBPyConnection, text: str) -> RoleHit:
    """`resolve_role`, with `weak_match_note` on stderr when the text named its role vaguely (for commands whose
    stdout is the answer)."""
    hit = resolve_role(con, text)
    if note := weak_match_note(con, text, hit):
        progress.log(note)
    return hit


def weak_match_note(con: duckdb.DuckDBPyConnection, text: str, hit: RoleHit, limit: int = 4) -> str | None:
    """One line for a reader when `text` named its role weakly ("teacher": fourteen kinds of teacher), so a
    command that picked one says which, and what else was meant; None when the lookup was sure."""
    if hit.lookup >= WEAK_BELOW:
        return None
    from careerpath.extract.roles import search_roles

    others = [r["title"] for r in search_roles(con, text, limit=limit + 1) if r["slug"] != hit.slug][:limit]
    also = f"; it may also mean: {'; '.join(others)}" if others else ""
    return (f"read {text.strip()!r} as {hit.title} (confidence {hit.lookup:.2f}){also}. "
            "Give a fuller title or a slug (`careerpath roles --search ...`) to choose.")
