"""HTML rendering of a Guide: Jinja2 with autoescape on, inline SVG charts, no external assets.

`render_html(guide, standalone=True)` gives a whole page; `standalone=False` gives the body fragment
(`templates/guide_body.html`) that another layout (the web site) can include.
"""

from __future__ import annotations

from functools import lru_cache

from jinja2 import Environment, PackageLoader, select_autoescape

from careerpath.figures import Figure
from careerpath.guide import charts
from careerpath.guide.model import COURSE_LEVELS, NO_EXTRA_TIME, ONET_RELATED_MARK, Guide
from careerpath.guide.wording import employment_not_counted, month_range, preparation_phrase, preparation_source
from careerpath.profile.assemble import own_note


def fmt(f: Figure | None) -> str:
    """A figure's value in words a person reads: $123,400 / 12.3% / 4,500 people."""
    if f is None:
        return "n/a"
    if f.unit.startswith("USD"):
        return f"${f.value:,.0f}"
    if f.unit == "percent":
        return f"{f.value:+.1f}%"
    if f.unit == "share":
        return f"{f.value * 100:.0f}%"
    return f"{f.value:,.0f} {f.unit}"


def safe_url(url: str | None) -> str:
    """Only http(s) links leave the page: a `javascript:` URL in a catalogue becomes '#'."""
    u = (url or "").strip()
    return u if u.lower().startswith(("http://", "https://")) else "#"


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=PackageLoader("careerpath.guide", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["fig"] = fmt
    env.filters["own_note"] = own_note
    env.filters["url"] = safe_url
    env.filters["months"] = month_range
    env.globals.update(preparation_phrase=preparation_phrase, preparation_source=preparation_source,
                       employment_not_counted=employment_not_counted,
                       course_levels=COURSE_LEVELS, no_extra_time=NO_EXTRA_TIME,
                       onet_related_mark=ONET_RELATED_MARK)
    return env


def chart_set(guide: Guide) -> dict:
    avg = guide.snapshot.average_growth.value if guide.snapshot.average_growth else None
    return {"salary": charts.salary_percentiles(guide), "skills": charts.skill_importance(guide),
            "timeline": charts.roadmap_timeline(guide), "growth": charts.growth_vs_average(guide, avg)}


def render_html(guide: Guide, *, standalone: bool = True) -> str:
    name = "guide_page.html" if standalone else "guide_body.html"
    courses = {c.course_id: c for c in guide.courses}
    return environment().get_template(name).render(g=guide, charts=chart_set(guide), courses=courses)
