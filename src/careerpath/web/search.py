"""Title search for `/api/resolve` and the search box: the store's title resolver (extract/roles.py).

`open_resolver` gives the resolver with the store's cached index, cached posting titles and role
catalog; with `semantic` the model is loaded on the first hard title (never for cheap ones).
"""

from __future__ import annotations

import threading

from careerpath.embed import model_embedder
from careerpath.extract.roles import open_resolver
from careerpath.extract.titles import Resolver
from careerpath.web.data import SiteData


class TitleSearch:
    """One resolver per site, built on first use and used under a lock (it caches as it goes)."""

    def __init__(self, data: SiteData, *, semantic: bool = True) -> None:
        self.data, self.semantic = data, semantic
        self._resolver: Resolver | None = None
        self._lock = threading.Lock()

    def _load(self) -> Resolver:
        if self._resolver is None:
            self._resolver = open_resolver(self.data.cursor(), model_embedder if self.semantic else None)  # queries: no vector cache
        return self._resolver

    def resolve(self, title: str) -> dict:
        """The contract's resolve object: {title, role: {slug, title} | None, matches, method}."""
        title = " ".join(title.split())[:300]
        if not title:
            return {"title": title, "role": None, "matches": [], "method": "none"}
        with self._lock:
            out = self._load().resolve(title).to_json()
        role = out.get("role")
        if role and role.get("slug") not in self.data.by_slug:
            role = None
        return {"title": title, "role": role, "matches": out.get("matches", []), "method": out.get("method", "none")}
