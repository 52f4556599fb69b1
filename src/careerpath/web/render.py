"""Jinja2 environment (autoescaped), number formatting and the data behind the inline-SVG charts.

Charts are plain SVG with presentation attributes (no inline style, no script), so they work under
`Content-Security-Policy: default-src 'self'` and in the static export.
"""

from __future__ import annotations

from typing import Iterable

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from careerpath.figures import Figure
from careerpath.guide.model import NO_EXTRA_TIME, ONET_RELATED_MARK, POSTING_SALARY_INTRO
from careerpath.guide.render_html import CURRENCY, posting_salary_line
from careerpath.guide.wording import employment_not_counted, month_range, preparation_phrase, preparation_source
from careerpath.profile.assemble import own_note



def fmt_value(value: float | None, unit: str | None = None) -> str:
    if value is None:
        return "—"
    unit = unit or ""
    if "/" in unit and unit.split("/")[0] in CURRENCY:
        cur, per = unit.split("/", 1)
        sym = CURRENCY[cur]
        amount = f"{sym}{value:,.0f}" if value >= 100 else f"{sym}{value:,.2f}"
        return amount + {"year": "/yr", "hour": "/hr", "month": "/mo"}.get(per, f"/{per}")
    if unit == "percent":
        return f"{value:+.1f}%" if value < 0 else f"{value:.1f}%"
    if unit == "share":
        return f"{value * 100:.0f}%"
    if unit in ("persons", "postings", "jobs"):
        return f"{value:,.0f}"
    if unit == "months":
        return f"{value:g} months"
    if unit == "hours":
        return f"{value:,.0f} hours"
    return f"{value:,.4g} {unit}".strip()


def fmt_fig(f: Figure | None) -> str:
    return "—" if f is None else fmt_value(f.value, f.unit)


def bars(rows: Iterable[tuple[str, float | None, str]], maximum: float | None = None) -> list[dict]:
    """[(label, value, shown text)] -> rows with `pct` (0-100) for a horizontal bar chart."""
    rows = [(label, v, text) for label, v, text in rows if v is not None]
    top = maximum or max((v for _, v, _ in rows), default=0) or 1
    return [{"label": label, "value": v, "text": text, "pct": round(max(0.0, min(100.0, 100 * v / top)), 2)}
            for label, v, text in rows]


def salary_scale(low: Figure | None, mid: Figure | None, high: Figure | None) -> dict | None:
    """Positions (0-100) of p10, median and p90 on one axis, for the salary range chart."""
    if low is None or high is None or high.value <= 0:
        return None
    lo_axis, hi_axis = low.value * 0.9, high.value * 1.05
    span = (hi_axis - lo_axis) or 1

    def pos(v: float) -> float:
        return round(100 * (v - lo_axis) / span, 2)

    return {"low": pos(low.value), "high": pos(high.value), "mid": pos(mid.value) if mid else None}


def roadmap_bars(steps: list, personal: bool = False) -> list[dict]:
    """Steps as a timeline: each starts where the previous one ends (upper months)."""
    total = sum(s.months.high for s in steps) or 1
    out, start = [], 0.0
    for s in steps:
        out.append({"step": s.step, "title": s.title, "x": round(100 * start / total, 2),
                    "w": round(max(0.8, 100 * s.months.high / total), 2),
                    "text": month_range(s.months)})
        start += s.months.high
    return out


def make_env() -> Environment:
    env = Environment(loader=PackageLoader("careerpath.web", "templates"),
                      autoescape=select_autoescape(["html", "xml", "svg"], default=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(fig=fmt_fig, value=fmt_value, range=month_range, own_note=own_note)
    env.globals.update(posting_salary_line=posting_salary_line, posting_salary_intro=POSTING_SALARY_INTRO)
    env.globals.update(bars=bars, salary_scale=salary_scale, roadmap_bars=roadmap_bars, fmt_value=fmt_value,
                       preparation_phrase=preparation_phrase, preparation_source=preparation_source,
                       employment_not_counted=employment_not_counted, no_extra_time=NO_EXTRA_TIME, onet_related_mark=ONET_RELATED_MARK)
    return env
