"""Questions people ask about a role, answered only from the guide's own figures.

Each answer names its numbers with their source and year, and the figures go in `FAQ.figures`; a
question the data cannot answer says so instead of guessing.
"""

from __future__ import annotations

from careerpath.figures import Figure
from careerpath.guide.model import FAQ, ExperienceSalary, PostingSalary, Snapshot
from careerpath.guide.render_html import CURRENCY, fmt
from careerpath.guide.wording import article, month_range, preparation_phrase, preparation_source
from careerpath.profile.assemble import WIDER, own_note, wider_scope


def _money(f: Figure) -> str:
    return fmt(f) if f.unit.split("/")[0] in CURRENCY else f"{f.value:,.0f} {f.unit}"


def _cite(f: Figure) -> str:
    return f"({f.source}, {f.as_of})"


def _scope(*figs: Figure | None) -> str:
    """A sentence's end, saying once which wider BLS occupation its figures are for (`wider_scope`), when they are:
    ". These are BLS figures for 35-3023 Fast Food and Counter Workers, the occupation that includes Baristas."."""
    wider = next((w for f in figs if f is not None and (w := wider_scope(f.note))), None)
    return f". These are BLS figures for {wider.removeprefix(WIDER).strip()}." if wider else "."


def _pct(f: Figure) -> str:
    v = f.value * 100 if f.unit == "share" else f.value
    return f"{v:.0f}%"


def build_faq(title: str, snap: Snapshot, *, average_growth: Figure | None = None, remote_share: Figure | None = None,
              n_postings: int = 0, by_experience: list[ExperienceSalary] | None = None,
              hours: float | None = None, person: str | None = None,
              posting_salaries: list[PostingSalary] | None = None) -> list[FAQ]:
    """`title` names the occupation ("Dental Hygienists"); `person` one of them ("Dental Hygienist",
    `wording.person`), for the questions a reader asks about themselves."""
    one = person or title
    a_one = f"{article(one)} {one}"
    out: list[FAQ] = []
    deg = snap.degree
    edu = deg.typical_entry_education
    edu_text = edu if isinstance(edu, str) else None
    figs = [f for f in (deg.share_postings_no_degree,) if f]
    parts = []
    if edu_text:
        parts.append(f"The BLS lists “{edu_text}” as the typical entry-level education for {title} "
                     f"({deg.source or 'BLS'}, {deg.as_of or 'n/a'}).")
    if deg.share_postings_no_degree:
        f = deg.share_postings_no_degree
        parts.append(f"{_pct(f)} of the {title} postings that state an education requirement accept no degree "
                     f"{_cite(f)}{'; ' + f.note if f.note else ''}.")
    else:
        parts.append(f"None of the job postings this guide reads states whether {title} roles need a degree, so the "
                     "share cannot be given.")
    out.append(FAQ(question=f"Can I become {a_one} without a degree?", answer=" ".join(parts), figures=figs))

    t = snap.time_to_job_ready
    lo, hi = t.hours_per_week
    if t.not_estimated:
        ans = f"This guide gives no time: {t.not_estimated}."
    else:
        ans = (f"At {lo:g}–{hi:g} hours a week, this guide's path to becoming {a_one} takes "
               f"{month_range(t.from_scratch)} from scratch")
        if t.with_background != t.from_scratch:
            ans += f" and {month_range(t.with_background)} with a programming and maths background"
        if t.personalised:
            ans += f", and {month_range(t.personalised)} from the skills you already have"
        ans += f"{f' ({hours:,.0f} hours of courses and practice)' if hours else ''}. This is learning time only"
        formal = edu_text and not edu_text.lower().startswith("no formal")  # not "a formal “No formal educational credential”"
        ans += f"; it does not include a formal “{edu_text}”." if formal else "."
    if t.preparation:
        ans += (" Beyond study, workers in the occupation told O*NET: "
                + "; ".join(preparation_phrase(p) for p in t.preparation)
                + f" ({preparation_source(t.preparation)}).")
    out.append(FAQ(question=f"How long does it take to become {a_one}?", answer=ans))

    figs = [f for f in (snap.job_growth, snap.annual_openings, snap.employment, average_growth) if f]
    if snap.job_growth:
        g = snap.job_growth
        ans = f"BLS projects {title} employment to change by {g.value:+.1f}% over 2024–34 {_cite(g)}"
        if average_growth:
            ans += f", against {average_growth.value:+.1f}% for all occupations {_cite(average_growth)}"
        ans += _scope(g, snap.employment)
        if snap.annual_openings:
            ans += f" About {snap.annual_openings.value:,.0f} openings a year are projected {_cite(snap.annual_openings)}."
        if snap.employment:
            ans += f" {snap.employment.value:,.0f} people were employed in it {_cite(snap.employment)}."
    else:
        ans = f"The BLS projections have no line for {title}, so no growth figure can be given."
    if n_postings:
        ans += f" The job postings this guide reads include {n_postings:,} matched to {title}."
    out.append(FAQ(question=f"What is the job market like for {a_one}?", answer=ans, figures=figs))

    figs = [f for f in (snap.median_salary, snap.salary_range.low, snap.salary_range.high) if f]
    if snap.median_salary:
        m = snap.median_salary
        ans = f"In the US, the median annual wage of {a_one} is {_money(m)} {_cite(m)}"
        if snap.salary_range.low and snap.salary_range.high:
            ans += (f"; {snap.salary_range.label}: {_money(snap.salary_range.low)} to {_money(snap.salary_range.high)}"
                    f"{' (' + high_note + ')' if (high_note := own_note(snap.salary_range.high.note)) else ''}")
        ans += _scope(m)
        entry = next((e for e in by_experience or [] if e.level == "entry"), None)
        if entry:
            ans += f" A realistic starting salary is about {_money(entry.annual)} {_cite(entry.annual)}" \
                   f"{' — ' + entry.annual.note if entry.annual.note else ''}."
            figs.append(entry.annual)
    else:
        ans = f"OEWS publishes no annual wage for {title}, so no salary can be given."
    for p in posting_salaries or []:  # what the postings themselves offer, in their own currency
        where = f"in {p.country}" if p.country else "(country not given)"
        ans += (f" Job postings {where} state a median of {_money(p.median)} a year {_cite(p.median)}, "
                f"over {p.n:,} postings.")
        figs.append(p.median)
    out.append(FAQ(question=f"What is a realistic salary for {a_one}?", answer=ans, figures=figs))

    if remote_share:
        ans = (f"{_pct(remote_share)} of the {title} postings that say whether the job is remote offer remote work "
               f"{_cite(remote_share)}{'; ' + remote_share.note if remote_share.note else ''}.")
        figs = [remote_share]
    else:
        ans = f"None of the postings matched to {title} say whether the work is remote, so the share is unknown."
        figs = []
    out.append(FAQ(question=f"Can {a_one} work remotely?", answer=ans, figures=figs))
    return out
