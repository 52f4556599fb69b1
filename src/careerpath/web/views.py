"""One data dict per page, shared by the live site and the static export."""

from __future__ import annotations

from dataclasses import dataclass, field

from careerpath.errors import InputError
from careerpath.extract.role_lookup import resolve_role
from careerpath.guide.model import TOP_COURSES, Guide, roadmap_label
from careerpath.guide.wording import article
from careerpath.web.data import SOC_GROUPS, Role, SiteData
from careerpath.recommend.notes import course_list_note
from careerpath.web.render import fmt_fig

POPULAR = 16
TOP_STATES = 10


@dataclass
class PersonaliseForm:
    skills: list[str] = field(default_factory=list)
    skills_text: str = ""
    resume_text: str = ""
    hours_per_week: float = 10


def home(data: SiteData) -> dict:
    return {"page_title": "Career guides from public data", "popular": data.roles[:POPULAR], "groups": data.groups()}


def group(data: SiteData, code: str) -> dict | None:
    if code not in SOC_GROUPS:
        return None
    roles = data.roles_in_group(code)
    if not roles:
        return None
    return {"page_title": SOC_GROUPS[code], "code": code, "name": SOC_GROUPS[code], "roles": roles}


def role_group(data: SiteData, guide: Guide) -> tuple[str, str] | None:
    role = data.by_slug.get(guide.role.slug)
    code = role.group if role else (guide.role.soc[0].code[:2] if guide.role.soc else None)
    return (code, SOC_GROUPS[code]) if code in SOC_GROUPS else None


def guide_page(data: SiteData, g: Guide, *, form: PersonaliseForm | None = None, method: str | None = None,
               max_upload_mb: float = 2) -> dict:
    skills = sorted(g.skills, key=lambda k: -k.importance)[:15]
    states = sorted((s for s in g.salary_by_state if s.median), key=lambda s: -s.median.value)[:TOP_STATES]
    titles = {c.course_id: roadmap_label(c) for c in g.courses}  # the roadmap's steps name them
    one = g.role.person or g.role.title  # guides stored before `person` existed name the occupation
    return {
        "page_title": f"How to become {article(one)} {one}", "g": g, "group": role_group(data, g),
        "skill_rows": [(k.name, k.importance, f"{k.importance:.2f}") for k in skills],
        "exp_rows": [(e.level.capitalize(), e.annual.value, fmt_fig(e.annual)) for e in g.salary_by_experience],
        "state_rows": [(s.state, s.median.value, fmt_fig(s.median)) for s in states],
        "course_titles": titles,
        # guides stored before `courses_note` existed: the same sentence from the list's length
        "courses_note": g.courses_note or course_list_note(len(g.courses), TOP_COURSES),
        "form": form or PersonaliseForm(), "method": method,
        "max_upload_mb": f"{max_upload_mb:g}",
    }


def related(g: Guide) -> dict:
    return {"page_title": f"Roles related to {g.role.title}", "g": g}


def find_role(data: SiteData, text: str | None) -> Role | None:
    """The role a slug or any job title means (extract's role lookup, as the CLI uses), else None."""
    text = (text or "").strip()[:200]
    if not text:
        return None
    try:
        hit = resolve_role(data.cursor(), text)
    except InputError:
        return None
    return data.by_slug.get(hit.slug)
