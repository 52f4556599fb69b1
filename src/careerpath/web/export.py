"""`build_site(db_path, outdir)`: the site as static HTML with relative links (works from file://).

Pages: index, sources, courses (top rated), one page per topic, per occupation group, per role
with a guide, and per course that a guide or a topic page lists; plus the CSS/JS and a roles index
for search-as-you-type without a server. Personalising needs the server, so static pages omit it.
"""

from __future__ import annotations

import json
import shutil
import time
from collections import defaultdict
from pathlib import Path

from careerpath.web import views
from careerpath.web.app import STATIC_DIR
from careerpath.web.courses import COLUMNS, LEVELS, CourseFilter, _clean, course_skills, find_courses
from careerpath.web.data import SiteData, _text
from careerpath.web.links import StaticLinks, file_key, topic_key
from careerpath.web.render import make_env

TOPIC_PAGE_SIZE = 200


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def build_site(db_path: Path | str, outdir: Path | str) -> dict:
    """Write the static site into `outdir`; returns counts of pages written."""
    start = time.perf_counter()
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    data = SiteData(db_path)
    env = make_env()
    counts: dict[str, int] = defaultdict(int)

    def page(rel: str, template: str, ctx: dict) -> None:
        depth = rel.count("/")
        _write(out / rel, env.get_template(template).render(L=StaticLinks(depth), **ctx))
        counts[rel.split("/")[0] if depth else "top"] += 1

    shutil.copytree(STATIC_DIR, out / "static", dirs_exist_ok=True)
    index = [{"slug": r.slug, "title": r.title, "aliases": r.aliases[:12]} for r in data.roles if data.guide_json(r.slug)]
    _write(out / "static" / "roles-index.js",
           "window.CAREERPATH_ROLES = " + json.dumps(index, ensure_ascii=False).replace("</", "<\\/") + ";\n")

    page("index.html", "home.html", views.home(data))
    page("sources.html", "sources.html", {"page_title": "Sources and licences", "sources": data.sources()})
    for code, _, _ in data.groups():
        page(f"groups/{code}.html", "group.html", views.group(data, code))

    course_roles: dict[str, list[dict]] = defaultdict(list)
    listed: set[str] = set()
    slugs = [r.slug for r in data.roles]
    if data.has("guides"):
        slugs += [s for (s,) in data.cursor().execute("SELECT slug FROM guides ORDER BY slug").fetchall()
                  if s not in data.by_slug]
    for slug in slugs:
        g = data.guide(slug)
        if g is None:
            continue
        page(f"roles/{file_name(slug)}", "guide.html", views.guide_page(data, g))
        for cid in ({c.course_id for c in g.courses} | {c for st in g.roadmap for c in st.courses}
                    | {c.course_id for c in g.certifications if c.course_id}):  # the certification links too
            course_roles[cid].append({"slug": slug, "title": g.role.title})
            listed.add(cid)

    base = {"topics": data.topics(), "levels": LEVELS, "providers": [], "role": None, "prev_url": None,
            "next_url": None}
    f = CourseFilter(limit=TOPIC_PAGE_SIZE)
    total, rows = find_courses(data, f) if data.has("courses") else (0, [])
    page("courses.html", "courses.html", {**base, "page_title": "Courses", "f": f, "total": total, "courses": rows})
    listed |= {r["course_id"] for r in rows}
    for topic, _ in data.topics():
        f = CourseFilter(topic=topic, limit=TOPIC_PAGE_SIZE)
        total, rows = find_courses(data, f)
        page(f"topics/{topic_key(topic)}.html", "courses.html",
             {**base, "page_title": f"Courses: {topic}", "f": f, "total": total, "courses": rows})
        listed |= {r["course_id"] for r in rows}

    if listed and data.has("courses"):
        cols = ", ".join(f"c.{k}" for k in COLUMNS)
        for row in data.rows(f"SELECT {cols}, c.description, c.skills_given, {data.topic_sql()} AS topic "
                             f"FROM courses c WHERE list_contains(?, c.course_id)", [sorted(listed)]):
            c = _clean(row)
            c["description"] = _text(row.get("description"))
            c["skills"] = course_skills(data, c["course_id"]) or [s for s in (row.get("skills_given") or []) if s]
            c["roles"] = sorted(course_roles.get(c["course_id"], []), key=lambda r: r["title"])
            page(f"courses/{file_key(c['course_id'])}.html", "course.html", {"page_title": c["title"], "c": c})
    return {"outdir": str(out), "pages": dict(counts), "seconds": round(time.perf_counter() - start, 1)}


def file_name(slug: str) -> str:
    """The file a role's page is written to; matches StaticLinks.role (which percent-quotes)."""
    from urllib.parse import quote

    return f"{quote(slug, safe='')}.html"
