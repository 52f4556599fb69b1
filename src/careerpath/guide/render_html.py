"""HTML rendering of a Guide: Jinja2 with autoescape on, inline SVG charts, no external assets.

`render_html(guide, standalone=True)` gives a whole page; `standalone=False` gives the body fragment
(`templates/guide_body.html`) that another layout (the web site) can include.
"""

from __future__ import annotations

from functools import lru_cache

from jinja2 import Environment, PackageLoader, select_autoescape

from careerpath.figures import Figure
from careerpath.guide import charts
from careerpath.guide.model import (COURSE_LEVELS, NO_EXTRA_TIME, ONET_RELATED_MARK, POSTING_SALARY_INTRO, Guide,
                                    PostingSalary)
from careerpath.guide.wording import employment_not_counted, month_range, preparation_phrase, preparation_source
from careerpath.profile.assemble import own_note


CURRENCY = {"USD": "$", "GBP": "£", "EUR": "€", "PLN": "PLN ", "INR": "₹"}


def fmt(f: Figure | None) -> str:
    """A figure's value in words a person reads: $123,400 / £21,000 / 12.3% / 4,500 people."""
    if f is None:
        return "n/a"
    if f.unit.split("/")[0] in CURRENCY:
        return f"{CURRENCY[f.unit.split('/')[0]]}{f.value:,.0f}"
    if f.unit == "percent":
        return f"{f.value:+.1f}%"
    if f.unit == "share":
        return f"{f.value * 100:.0f}%"
    return f"{f.value:,.0f} {f.unit}"


def posting_salary_source(p: PostingSalary) -> str:
    """The one citation of a line of posting salaries (its median, 10th and 90th percentiles share source and date)."""
    more = f"; sources: {', '.join(p.sources)}" if len(p.sources) > 1 else ""
    return f"{p.median.source}, {p.median.as_of}{more}"


def posting_salary_line(p: PostingSalary) -> str:
    """"GB (GBP), 256 postings: median £15,902, 10th to 90th percentile £14,030 to £19,000" (no citation)."""
    where = f"{p.country} ({p.currency})" if p.country else f"{p.currency}, country not given"
    spread = f", 10th to 90th percentile {fmt(p.low)} to {fmt(p.high)}" if p.low and p.high else ""
    return f"{where}, {p.n:,} postings: median {fmt(p.median)}{spread}"


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
    env.globals.update(posting_salary_source=posting_salary_source, posting_salary_line=posting_salary_line,
                       posting_salary_intro=POSTING_SALARY_INTRO)
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
