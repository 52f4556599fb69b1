"""Markdown rendering of a Guide: the same sections as the HTML, every figure with [source, as-of]."""

from __future__ import annotations

from careerpath.figures import Figure
from careerpath.guide.model import NO_EXTRA_TIME, ONET_RELATED_MARK, POSTING_SALARY_INTRO, Guide, roadmap_label
from careerpath.guide.render_html import fmt, posting_salary_line, posting_salary_source
from careerpath.guide.wording import employment_not_counted, month_range, preparation_phrase, preparation_source
from careerpath.profile.assemble import own_note

ONET_ATTRIBUTION = (
    "This guide includes information from the O*NET Database by the U.S. Department of Labor, Employment and "
    "Training Administration (USDOL/ETA), used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA. "
    "careerpath has modified all or some of this information; USDOL/ETA has not approved, endorsed, or tested "
    "these modifications.")


#: The similarity is a cosine of whole skill profiles, not a share of skills: two nursing roles can be 0.95
#: alike while few skills sit in both top 15s, so it must not read as "95% overlap".
_RELATED_NOTE = ("Similarity is the cosine of the two roles' skill-importance profiles (1 = the same); "
                 "\"both rank\" lists skills in both roles' top 15.")

def _md(text: object) -> str:
    """Escape characters that would change Markdown structure or inject HTML."""
    s = str(text)
    for ch in ("\\", "`", "*", "_", "[", "]", "<", ">", "|"):
        s = s.replace(ch, "\\" + ch)
    return s.replace("\n", " ")


def _fig(f: Figure | None) -> str:
    if f is None:
        return "n/a"
    note = f"; {_md(n)}" if (n := own_note(f.note)) else ""  # a wider BLS occupation: said once (`bls_scope`)
    return f"{fmt(f)} \\[{f.source}, {f.as_of}{note}\\]"


def render_md(g: Guide) -> str:
    s, t = g.snapshot, g.snapshot.time_to_job_ready
    employment = _fig(s.employment) if s.employment else employment_not_counted(len(g.role.soc))
    out = [f"# {_md(g.role.title)}", "",
           "O*NET-SOC: " + "; ".join(f"{x.code} {_md(x.title)}" for x in g.role.soc), "", "## Snapshot", "",
           f"- Median salary: {_fig(s.median_salary)}", f"- Mean salary: {_fig(s.mean_salary)}",
           f"- Range ({s.salary_range.label}): {_fig(s.salary_range.low)} to {_fig(s.salary_range.high)}",
           f"- Job growth 2024–34: {_fig(s.job_growth)}"
           + (f" (all occupations: {_fig(s.average_growth)})" if s.average_growth else ""),
           f"- Openings a year: {_fig(s.annual_openings)}", *([f"- Employment: {employment}"] if employment else []),
           *([f"- BLS wages, employment and projections are for {_md(s.bls_scope)}"] if s.bls_scope else []),
           (f"- Time to job-ready: not estimated: {_md(t.not_estimated)}" if t.not_estimated else
            f"- Time to job-ready at {t.hours_per_week[0]:g}–{t.hours_per_week[1]:g} h/week: "
            f"{month_range(t.from_scratch)} from scratch"
           + (f"; {month_range(t.with_background)} with a programming and maths background"
              if t.with_background != t.from_scratch else "")
           + (f"; **{month_range(t.personalised)} for you**" if t.personalised else "")
           + (f" (learning time beyond the typical entry education, {_md(t.education_not_counted)}, which is not counted)"
              if t.education_not_counted else ""))]
    if t.preparation:
        out.append("- Experience and training that workers report (O*NET survey): "
                   + "; ".join(_md(preparation_phrase(p)) for p in t.preparation)
                   + f" \\[{_md(preparation_source(t.preparation))}\\]")
    edu = s.degree.typical_entry_education
    edu_s = f"{_md(edu)} \\[{s.degree.source}, {s.degree.as_of}\\]" if isinstance(edu, str) else _fig(edu)
    out += [f"- Typical entry education: {edu_s}; postings needing no degree: {_fig(s.degree.share_postings_no_degree)}",
            *(["", "Assumptions:", *[f"- {_md(a)}" for a in t.assumptions]] if not t.not_estimated else []), "",
            "## What they do", "", _md(g.what_they_do.summary) + f" \\[{g.what_they_do.source}\\]", "",
            *[f"- {_md(x)}" for x in g.what_they_do.tasks], ""]
    if g.day_in_the_life:
        out += ["## A day in the life", "", *[f"- {_md(x)}" for x in g.day_in_the_life], "",
                "From the occupation's O*NET tasks and work activities \\[onet-29.0\\]", ""]
    out += ["## Skills", "", ("" if g.skills else "No skills: ") + _md(g.skills_evidence or ""), ""]
    if g.skills:
        out += ["| Skill | Type | Importance | Share of postings | Core |", "|---|---|---|---|---|"]
        out += [f"| {_md(x.name)} | {x.type} | {x.importance:.2f} | "
                f"{'—' if x.share_of_postings is None else f'{x.share_of_postings * 100:.0f}%'} | {'yes' if x.core else ''} |"
                for x in g.skills]
        out.append("")
    if g.skill_gap:
        out += ["## Your skill gap", "", "- Have: " + (", ".join(map(_md, g.skill_gap.have)) or "none"),
                "- Missing: " + (", ".join(map(_md, g.skill_gap.missing)) or "nothing"), ""]
    titles = {c.course_id: roadmap_label(c) for c in g.courses}
    out += ["## Roadmap", ""]
    if not g.roadmap:
        out += ["No roadmap: " + _md(t.not_estimated or "the role has no skills to learn in order") + ".", ""]
    for st in g.roadmap:
        time = NO_EXTRA_TIME if not st.hours else f"{st.hours:g} h, {month_range(st.months)}"
        out.append(f"{st.step}. **{_md(st.title)}** — {time}")
        out.append(f"   - Skills: {', '.join(map(_md, st.skills))}")
        if st.courses:
            out.append("   - Courses: " + "; ".join(_md(titles.get(c, c)) for c in st.courses))
        if st.why:
            out.append(f"   - Why here: {_md(st.why)}")
    out.append("")
    if g.certifications:
        out += ["## Certifications", "", *[f"- {_link(c.name, c.url)} — {_md(c.evidence)}" for c in g.certifications], ""]
    if g.salary_by_experience:
        out += ["## Salary by experience", "", *[f"- {e.level}: {_fig(e.annual)}" for e in g.salary_by_experience], ""]
    if g.salary_in_postings:
        out += ["## Salary in job postings", "", POSTING_SALARY_INTRO, "",
                *[f"- {_md(posting_salary_line(p))} \\[{_md(posting_salary_source(p))}\\]" for p in g.salary_in_postings], ""]
    if g.salary_by_state:
        out += ["## Salary by state", "", "| State | Median | Employment |", "|---|---|---|",
                *[f"| {_md(x.state)} | {_fig(x.median)} | {_fig(x.employment)} |" for x in g.salary_by_state], ""]
    if g.courses or g.courses_note:
        out += ["## Recommended courses", ""]
        for i, c in enumerate(g.courses, 1):
            bits = [b for b in (c.provider and _md(c.provider), c.level, c.hours and f"{c.hours:g} h",
                                c.rating and f"{c.rating:g}★") if b]
            link = _link(c.title, c.url)
            out.append(f"{i}. {link} — {', '.join(bits)} \\[{c.course_id.split(':')[0]}\\]: {_md(c.why)}")
        if g.courses_note:
            out += ([""] if g.courses else []) + [_md(g.courses_note)]
        out.append("")
    if g.faq:
        out += ["## FAQ", ""]
        for q in g.faq:
            out += [f"### {_md(q.question)}", "", _md(q.answer), ""]
    if g.related_roles:
        out += ["## Related roles", "", _RELATED_NOTE, "",
                *[f"- {_md(r.title)} — skill similarity {r.similarity:.2f}"
                  + (f"; {ONET_RELATED_MARK}" if r.onet_related else "")
                  + (f" (both rank: {', '.join(map(_md, r.shared_skills[:6]))})" if r.shared_skills else "")
                  for r in g.related_roles], ""]
    out += ["## Sources", ""]
    out += [f"- `{x.id}`: {_md(x.publisher)}, {_md(x.title)} ({_md(x.version)}"
            f"{', as of ' + x.as_of if x.as_of else ''}). Licence: {_md(x.license)}. {x.url}" for x in g.sources]
    out += ["", ONET_ATTRIBUTION, ""]
    return "\n".join(out)


def _link(text: str, url: str | None) -> str:
    """A Markdown link for web addresses only: a catalog's `javascript:` URL stays plain text."""
    return f"[{_md(text)}](<{url}>)" if url and url.startswith(("http://", "https://")) else _md(text)
