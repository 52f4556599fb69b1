"""Inline SVG charts for the HTML guide: no scripts, no external assets, all text escaped.

Each function returns an SVG string (markupsafe.Markup) built from the guide's own numbers.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from careerpath.guide.model import Guide
from careerpath.guide.wording import month_range

W = 560
BAR = "#3b6ea8"
ACCENT = "#c0562b"


def _svg(h: int, body: str, label: str) -> Markup:
    return Markup(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {h}" width="100%" role="img" '
                  f'aria-label="{escape(label)}" class="cp-chart">{body}</svg>')


def _text(x: float, y: float, s: str, anchor: str = "start", size: int = 12) -> str:
    return f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}">{escape(s)}</text>'


def salary_percentiles(g: Guide) -> Markup | None:
    s = g.snapshot
    pts = [("10th", s.salary_range.low), ("median", s.median_salary), ("mean", s.mean_salary), ("90th", s.salary_range.high)]
    pts = [(k, f) for k, f in pts if f is not None]
    if len(pts) < 2:
        return None
    hi = max(f.value for _, f in pts) * 1.1
    body, y = [], 10
    for k, f in pts:
        w = (W - 170) * f.value / hi
        body.append(_text(0, y + 13, k))
        body.append(f'<rect x="60" y="{y}" width="{w:.1f}" height="18" fill="{BAR}"/>')
        body.append(_text(66 + w, y + 13, f"${f.value:,.0f}"))
        y += 26
    return _svg(y + 4, "".join(body), "Annual wage percentiles")


def skill_importance(g: Guide, top: int = 12) -> Markup | None:
    skills = sorted(g.skills, key=lambda s: -s.importance)[:top]
    if not skills:
        return None
    body, y = [], 4
    for s in skills:
        w = (W - 260) * max(0.0, min(1.0, s.importance))
        body.append(_text(0, y + 12, s.name[:32]))
        body.append(f'<rect x="220" y="{y}" width="{w:.1f}" height="15" fill="{ACCENT if s.core else BAR}"/>')
        body.append(_text(226 + w, y + 12, f"{s.importance:.2f}", size=11))
        y += 20
    return _svg(y + 4, "".join(body), "Skill importance, 0 to 1 (core skills highlighted)")


def roadmap_timeline(g: Guide) -> Markup | None:
    if not g.roadmap:
        return None
    end = sum(s.months.high for s in g.roadmap) or 1
    body, y, lo, hi = [], 4, 0.0, 0.0
    for s in g.roadmap:
        x0, x1 = 200 + (W - 220) * hi / end, 200 + (W - 220) * (hi + s.months.high) / end
        body.append(_text(0, y + 13, f"{s.step}. {s.title}"[:30]))
        body.append(f'<rect x="{x0:.1f}" y="{y}" width="{max(2.0, x1 - x0):.1f}" height="18" fill="{BAR}" opacity="0.85"/>')
        lo += s.months.low
        hi += s.months.high
        body.append(_text(min(x1 + 4, W - 40), y + 13, month_range(s.months, "mo"), size=11))
        y += 24
    body.append(_text(0, y + 14, f"total {lo:.1f}–{hi:.1f} months at {g.snapshot.time_to_job_ready.hours_per_week[0]:g}–"
                                 f"{g.snapshot.time_to_job_ready.hours_per_week[1]:g} h/week"))
    return _svg(y + 22, "".join(body), "Roadmap timeline in months")


def growth_vs_average(g: Guide, average: float | None) -> Markup | None:
    f = g.snapshot.job_growth
    if f is None:
        return None
    rows = [(g.role.title[:28], f.value, ACCENT)] + ([("All occupations", average, BAR)] if average is not None else [])
    span = max(abs(v) for _, v, _ in rows) * 1.2 or 1
    zero = 200 + (W - 260) / 2
    body, y = [], 4
    for name, v, color in rows:
        w = (W - 260) / 2 * abs(v) / span
        x = zero if v >= 0 else zero - w
        body.append(_text(0, y + 14, name))
        body.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="20" fill="{color}"/>')
        body.append(_text(zero + (w + 4 if v >= 0 else -w - 4), y + 14, f"{v:+.1f}%", "start" if v >= 0 else "end"))
        y += 28
    body.append(f'<line x1="{zero:.1f}" y1="0" x2="{zero:.1f}" y2="{y}" stroke="#555"/>')
    return _svg(y + 4, "".join(body), "Projected employment change 2024-34 against all occupations")
