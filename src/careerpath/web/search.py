"""Title search: the resolver of issue 3 when the store has its index, else the site's role search.

Upstream interface assumed: `careerpath.extract.titles` has `load_index(con) -> TitleIndex | None`,
`load_cache(con)` and `Resolver(index, embedder_factory=..., roles=..., cache=...)` whose
`resolve(title).to_json()` is the contract's `resolve --json` object; the role lookup comes from
`careerpath.extract.roles.load_lookup(con)` or `RoleLookup.from_store(con)` when either exists.
"""

from __future__ import annotations

import logging
import threading
from importlib import import_module

from careerpath.web.data import SiteData

log = logging.getLogger(__name__)


class TitleSearch:
    def __init__(self, data: SiteData, *, semantic: bool = True) -> None:
        self.data, self.semantic = data, semantic
        self._resolver = None
        self._loaded = False
        self._lock = threading.Lock()

    def _load(self):
        with self._lock:
            if self._loaded:
                return self._resolver
            self._loaded = True
            if not self.data.has("title_index"):
                return None
            try:
                titles = import_module("careerpath.extract.titles")
                con = self.data.cursor()
                index = titles.load_index(con)
                if index is None:
                    return None
                roles = None
                try:
                    mod = import_module("careerpath.extract.roles")
                    if hasattr(mod, "load_lookup"):
                        roles = mod.load_lookup(con)
                    elif hasattr(getattr(mod, "RoleLookup", None), "from_store"):
                        roles = mod.RoleLookup.from_store(con)
                except Exception:  # noqa: BLE001 - resolve without role names rather than not at all
                    log.exception("role lookup unavailable")
                factory = None
                if self.semantic:
                    from careerpath.embed import MiniLM
                    factory = MiniLM
                cache = titles.load_cache(con) if hasattr(titles, "load_cache") else None
                self._resolver = titles.Resolver(index, embedder_factory=factory, roles=roles, cache=cache)
            except Exception:  # noqa: BLE001 - the site's own search still answers
                log.exception("title resolver unavailable; using role search")
                self._resolver = None
            return self._resolver

    def resolve(self, title: str) -> dict:
        """The contract's resolve object: {title, role: {slug, title} | None, matches, method}."""
        title = " ".join(title.split())[:300]
        resolver = self._load() if title else None
        if resolver is not None:
            try:
                with self._lock:
                    out = resolver.resolve(title).to_json()
                role = out.get("role")
                if role and role.get("slug") not in self.data.by_slug:
                    out["role"] = None
                if out.get("role") is None:
                    fallback = self._best_role(title)
                    out["role"] = fallback
                return {"title": title, "role": out.get("role"), "matches": out.get("matches", []),
                        "method": out.get("method", "resolver")}
            except Exception:  # noqa: BLE001
                log.exception("resolver failed on %r", title)
        role = self._best_role(title)
        matches = []
        if role is not None:
            r = self.data.by_slug[role["slug"]]
            if r.soc_code:
                matches.append({"soc_code": r.soc_code, "soc_title": r.title, "score": 0.5})
        return {"title": title, "role": role, "matches": matches, "method": "role-search" if role else "none"}

    def _best_role(self, title: str) -> dict | None:
        hits = self.data.search_roles(title, limit=1) if title else []
        return {"slug": hits[0].slug, "title": hits[0].title} if hits else None
