"""Read-only access to the store for the site: roles (kept in memory), guides, courses, sources.

One DuckDB connection opened read-only; each thread gets its own cursor, so pages served from the
thread pool never share one. Roles are small and read once; guides and courses are read on demand.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import duckdb
from rapidfuzz import fuzz, process

from careerpath import provenance, store
from careerpath.extract.normalize import normalize, slugify
from careerpath.extract.roles import SOC_MAJOR
from careerpath.guide.model import Guide

#: SOC 2018 major groups, by the first two digits of the code (one table, owned by extract/roles.py).
SOC_GROUPS = SOC_MAJOR
OTHER_TOPIC = "Other"


@dataclass
class Role:
    slug: str
    title: str
    kind: str = "occupation"
    soc_code: str | None = None
    aliases: list[str] = field(default_factory=list)
    n_postings: int = 0
    job_family: str | None = None

    @property
    def group(self) -> str | None:
        return self.soc_code[:2] if self.soc_code and self.soc_code[:2] in SOC_GROUPS else None

    @property
    def group_title(self) -> str | None:
        return SOC_GROUPS.get(self.group or "")


class LRU:
    """A small thread-safe least-recently-used cache."""

    def __init__(self, size: int) -> None:
        self.size, self._d, self._lock = size, OrderedDict(), threading.Lock()

    def get(self, key: Any) -> Any:
        with self._lock:
            if key in self._d:
                self._d.move_to_end(key)
                return self._d[key]
        return None

    def put(self, key: Any, value: Any) -> Any:
        with self._lock:
            self._d[key] = value
            self._d.move_to_end(key)
            while len(self._d) > self.size:
                self._d.popitem(last=False)
        return value

    def get_or(self, key: Any, make: Callable[[], Any]) -> Any:
        hit = self.get(key)
        return hit if hit is not None else self.put(key, make())


def _text(v: Any) -> str | None:
    if v is None or (isinstance(v, float) and v != v):
        return None
    return str(v)


class SiteData:
    def __init__(self, db_path: Path | str) -> None:
        self.db_path = Path(db_path)
        self._con = store.connect(self.db_path, read_only=True)
        self._local = threading.local()
        self.tables = {r[0] for r in self._con.execute(
            "SELECT table_name FROM information_schema.tables").fetchall()}
        self.roles = self._load_roles()
        self.by_slug = {r.slug: r for r in self.roles}
        self.by_soc = {r.soc_code: r for r in self.roles if r.kind == "occupation" and r.soc_code}
        self._search_keys: list[str] = []
        self._search_slugs: list[str] = []
        for r in self.roles:
            for name in dict.fromkeys([r.title, *r.aliases]):
                self._search_keys.append(name.lower())
                self._search_slugs.append(r.slug)
        self._moved: dict[str, str] | None = None  # built on the first unknown address (`moved`)
        self.guides = LRU(256)
        self.misc = LRU(256)

    def moved(self, slug: str) -> str | None:
        """The role an address no role has now names: one of its aliases, slugified (None if none). A family folded
        into another role ("Machine Learning" into Machine Learning Engineer) keeps its old address as a redirect."""
        if slug in self.by_slug:
            return None
        if self._moved is None:  # not at start-up: it normalises every alias of every role
            moved: dict[str, str] = {}
            for r in sorted(self.roles, key=lambda r: -r.n_postings):
                for name in r.aliases:  # as posted, and as its family key ("Data Engineer Python  (Focus)")
                    for form in (name, normalize(name).text):
                        if form:
                            moved.setdefault(slugify(form), r.slug)
            self._moved = moved
        target = self._moved.get(slug)
        return target if target in self.by_slug else None

    # plumbing -----------------------------------------------------------------------------------
    def cursor(self) -> duckdb.DuckDBPyConnection:
        cur = getattr(self._local, "cur", None)
        if cur is None:
            cur = self._local.cur = self._con.cursor()
        return cur

    def rows(self, sql: str, params: list | None = None) -> list[dict]:
        cur = self.cursor().execute(sql, params or [])
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row)) for row in cur.fetchall()]

    def has(self, table: str) -> bool:
        return table in self.tables

    def columns(self, table: str) -> set[str]:
        return {r["column_name"] for r in self.rows(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table])}

    # roles --------------------------------------------------------------------------------------
    def _load_roles(self) -> list[Role]:
        if not self.has("roles"):
            return []
        cols = self.columns("roles")
        want = [c for c in ("slug", "title", "kind", "soc_code", "aliases", "n_postings", "job_family") if c in cols]
        order = "n_postings DESC NULLS LAST, title" if "n_postings" in cols else "title"
        out = []
        top_soc: dict[str, str] = {}
        if self.has("role_occupations"):
            for r in self.rows("SELECT slug, soc_code FROM role_occupations ORDER BY slug, weight DESC"):
                top_soc.setdefault(r["slug"], r["soc_code"])
        for r in self.rows(f"SELECT {', '.join(want)} FROM roles ORDER BY {order}"):
            out.append(Role(slug=r["slug"], title=r["title"], kind=r.get("kind") or "occupation",
                            soc_code=_text(r.get("soc_code")) or top_soc.get(r["slug"]),
                            aliases=[a for a in (r.get("aliases") or []) if a],
                            n_postings=int(r.get("n_postings") or 0), job_family=_text(r.get("job_family"))))
        return out

    def search_roles(self, q: str, limit: int = 10) -> list[Role]:
        """Roles whose title or an alias matches `q`: prefix and substring hits first, then fuzzy.

        Kept here rather than calling `extract.roles.search_roles`: that one re-reads and normalises
        every alias per call (~0.35 s on the full store), too slow for suggestions while typing.
        """
        q = " ".join(q.lower().split())[:200]
        if not q:
            return self.roles[:limit]
        scored: dict[str, float] = {}
        for key, slug in zip(self._search_keys, self._search_slugs):
            if key == q:
                s = 300.0
            elif key.startswith(q):
                s = 200.0 - len(key) / 100
            elif q in key:
                s = 150.0 - len(key) / 100
            else:
                continue
            scored[slug] = max(scored.get(slug, 0.0), s)
        if len(scored) < limit and self._search_keys:
            for _, score, i in process.extract(q, self._search_keys, scorer=fuzz.WRatio, limit=limit * 3,
                                               score_cutoff=70):
                slug = self._search_slugs[i]
                scored[slug] = max(scored.get(slug, 0.0), float(score))
        ranked = sorted(scored, key=lambda s: (-scored[s], -self.by_slug[s].n_postings, s))
        return [self.by_slug[s] for s in ranked[:limit]]

    def groups(self) -> list[tuple[str, str, int]]:
        counts: dict[str, int] = {}
        for r in self.roles:
            if r.group:
                counts[r.group] = counts.get(r.group, 0) + 1
        return [(g, SOC_GROUPS[g], counts[g]) for g in sorted(counts)]

    def roles_in_group(self, code: str) -> list[Role]:
        return sorted((r for r in self.roles if r.group == code), key=lambda r: r.title.lower())

    # guides -------------------------------------------------------------------------------------
    def _stored_guide_json(self, slug: str) -> str | None:
        if not self.has("guides"):
            return None
        row = self.cursor().execute("SELECT json FROM guides WHERE slug = ?", [slug]).fetchone()
        return row[0] if row else None

    def guide_json(self, slug: str) -> str | None:
        """The guide as stored by `careerpath build --all`, else built now (and cached) for a known role."""
        text = self._stored_guide_json(slug)
        if text is None:
            g = self.guide(slug)
            return g.model_dump_json() if g is not None else None
        return text

    def guide(self, slug: str) -> Guide | None:
        hit = self.guides.get(slug)
        if hit is not None:
            return hit
        text = self._stored_guide_json(slug)
        if text is not None:
            return self.guides.put(slug, Guide.model_validate_json(text))
        if slug not in self.by_slug or not self.has("profiles"):
            return None
        from careerpath.guide.build import build_guide  # a build without --all: compute on first view

        return self.guides.put(slug, build_guide(self.cursor(), slug))

    def warm(self) -> None:
        """Load what the first guide built on demand needs, by building one and dropping it: the course catalogue
        with its vectors, the embedding model, the role lookup's aliases. Without it that first page took 9-14 s,
        the next ones 1-2 s. `serve` runs it in a thread at start-up, so pages already stored are answered
        meanwhile."""
        if self.roles and self.has("profiles") and self.has("courses"):
            from careerpath.guide.build import build_guide

            build_guide(self.cursor(), max(self.roles, key=lambda r: r.n_postings).slug)

    # sources ------------------------------------------------------------------------------------
    def sources(self) -> list[dict]:
        def load() -> list[dict]:
            if not self.has("sources"):
                return []
            srcs = self.rows("SELECT * FROM sources ORDER BY id")
            files = self.rows("SELECT * FROM source_files ORDER BY source_id, path") if self.has("source_files") else []
            notes = provenance.loader_notes(self.cursor()) if self.has("meta") else {}
            for s in srcs:
                s["files"] = [f for f in files if f["source_id"] == s["id"]]
                for k, v in list(s.items()):
                    if k != "files":
                        s[k] = _text(v)
                s["notes"] = notes.get(s["id"], {})
            return srcs
        return self.misc.get_or("sources", load)

    def source_ids(self) -> set[str]:
        return {s["id"] for s in self.sources()}

    # courses ------------------------------------------------------------------------------------
    def _upstream_topics(self) -> bool:
        """issue 6's `topics(topic_id, name, kind, n_courses)` + `course_topics(course_id, topic_id, ...)`."""
        return self.has("topics") and self.has("course_topics") and "name" in self.columns("topics")

    def topic_sql(self) -> str:
        """SQL expression naming a course's (first) topic."""
        if self._upstream_topics():
            return (f"coalesce((SELECT min(tp.name) FROM course_topics t JOIN topics tp USING (topic_id) "
                    f"WHERE t.course_id = c.course_id), '{OTHER_TOPIC}')")
        return f"coalesce(nullif(trim(c.subject), ''), '{OTHER_TOPIC}')"

    def topic_filter_sql(self) -> str:
        """SQL condition (one `?` for the topic name) that a course is in a topic."""
        if self._upstream_topics():
            return ("(EXISTS (SELECT 1 FROM course_topics t JOIN topics tp USING (topic_id) "
                    "WHERE t.course_id = c.course_id AND tp.name = ?))")
        return f"({self.topic_sql()} = ?)"

    def topics(self) -> list[tuple[str, int]]:
        def load() -> list[tuple[str, int]]:
            if not self.has("courses"):
                return []
            if self._upstream_topics():
                rows = self.rows("SELECT tp.name AS topic, count(DISTINCT t.course_id) AS n FROM course_topics t "
                                 "JOIN topics tp USING (topic_id) GROUP BY 1 ORDER BY 1")
            else:
                rows = self.rows(f"SELECT {self.topic_sql()} AS topic, count(*) AS n FROM courses c GROUP BY 1 ORDER BY 1")
            return [(r["topic"], int(r["n"])) for r in rows]
        return self.misc.get_or("topics", load)

    def providers(self) -> list[str]:
        def load() -> list[str]:
            if not self.has("courses"):
                return []
            return [r["provider"] for r in self.rows(
                "SELECT provider, count(*) n FROM courses WHERE provider IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 60")]
        return self.misc.get_or("providers", load)
