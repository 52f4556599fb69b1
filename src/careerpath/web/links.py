"""Where pages live: one `Links` object per rendering, so the same templates serve the live site
(absolute paths) and the static export (relative `.html` paths that work from file://)."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import quote, urlencode

_UNSAFE = re.compile(r"[^a-z0-9]+")


def file_key(text: str) -> str:
    """A file-name-safe, collision-resistant key for an id such as 'courses-udemy:647338'."""
    base = _UNSAFE.sub("-", text.lower()).strip("-")[:60] or "x"
    return f"{base}-{hashlib.sha1(text.encode()).hexdigest()[:8]}"


def topic_key(topic: str) -> str:
    return _UNSAFE.sub("-", topic.lower()).strip("-") or "other"


class Links:
    """Links of the live site."""

    static_mode = False

    def home(self) -> str:
        return "/"

    def asset(self, name: str) -> str:
        return f"/static/{name}"

    def role(self, slug: str) -> str:
        return f"/roles/{quote(slug, safe='')}"

    def related(self, slug: str) -> str:
        return f"/roles/{quote(slug, safe='')}/related"

    def group(self, code: str) -> str:
        return f"/groups/{quote(code, safe='')}"

    def courses(self, topic: str | None = None, **filters: object) -> str:
        params = {k: v for k, v in {"topic": topic, **filters}.items() if v not in (None, "", False)}
        return "/courses" + ("?" + urlencode(params) if params else "")

    def course(self, course_id: str) -> str:
        return f"/courses/{quote(course_id, safe='')}"

    def sources(self, source_id: str | None = None) -> str:
        return "/sources" + (f"#src-{source_id}" if source_id else "")

    def search(self) -> str:
        return "/search"

    def transition(self, from_slug: str | None = None, to_slug: str | None = None) -> str:
        params = {k: v for k, v in (("from", from_slug), ("to", to_slug)) if v}
        return "/transition" + ("?" + urlencode(params) if params else "")


class StaticLinks(Links):
    """Links of the static export; `depth` is how many folders below the site root the page is."""

    static_mode = True

    def __init__(self, depth: int = 0) -> None:
        self.root = "../" * depth

    def home(self) -> str:
        return f"{self.root}index.html"

    def asset(self, name: str) -> str:
        return f"{self.root}static/{name}"

    def role(self, slug: str) -> str:
        return f"{self.root}roles/{quote(slug, safe='')}.html"

    def related(self, slug: str) -> str:
        return f"{self.root}roles/{quote(slug, safe='')}.html#related"

    def group(self, code: str) -> str:
        return f"{self.root}groups/{quote(code, safe='')}.html"

    def courses(self, topic: str | None = None, **filters: object) -> str:
        if topic:
            return f"{self.root}topics/{topic_key(topic)}.html"
        return f"{self.root}courses.html"

    def course(self, course_id: str) -> str:
        return f"{self.root}courses/{file_key(course_id)}.html"

    def sources(self, source_id: str | None = None) -> str:
        return f"{self.root}sources.html" + (f"#src-{source_id}" if source_id else "")

    def search(self) -> str:
        return f"{self.root}index.html"

    def transition(self, from_slug: str | None = None, to_slug: str | None = None) -> str:
        return self.role(to_slug) if to_slug else self.home()
