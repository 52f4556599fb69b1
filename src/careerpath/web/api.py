"""The JSON API: the same data as the pages, described by pydantic models in /openapi.json."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response

from careerpath.guide.model import Guide, RelatedRole, SkillGap
from careerpath.web import views
from careerpath.web.courses import CourseFilter, course_detail, find_courses
from careerpath.web.data import Role, SiteData
from careerpath.web.links import Links
from careerpath.web.personalise import personalise, split_skills
from careerpath.web.schemas import (
    CourseDetail, CourseList, ErrorBody, GapRequest, GapResult, ResolveResult, RoleList, RoleSummary, Source, Topic,
)

router = APIRouter(prefix="/api", tags=["api"])
LINKS = Links()
NOT_FOUND = {404: {"model": ErrorBody}}


def role_summary(r: Role) -> RoleSummary:
    return RoleSummary(slug=r.slug, title=r.title, kind=r.kind, soc_code=r.soc_code, group=r.group,
                       group_title=r.group_title, n_postings=r.n_postings, url=LINKS.role(r.slug))


def _data(request: Request) -> SiteData:
    return request.app.state.data


@router.get("/roles", response_model=RoleList, summary="Roles, or the roles matching a title")
def roles(request: Request, q: Annotated[str | None, Query(max_length=200)] = None,
          limit: Annotated[int, Query(ge=1, le=5000)] = 50) -> RoleList:
    data = _data(request)
    hits = data.search_roles(q, limit=limit) if q and q.strip() else data.roles[:limit]
    return RoleList(q=q, count=len(hits), roles=[role_summary(r) for r in hits])


@router.get("/roles/{slug}/guide", response_model=Guide, responses=NOT_FOUND, summary="A role's guide")
def role_guide(request: Request, slug: str):
    text = _data(request).guide_json(slug)
    if text is None:
        raise HTTPException(404, f"No guide for {slug!r}.")
    return Response(text, media_type="application/json")


@router.get("/roles/{slug}/related", response_model=list[RelatedRole], responses=NOT_FOUND)
def role_related(request: Request, slug: str) -> list[RelatedRole]:
    g = _data(request).guide(slug)
    if g is None:
        raise HTTPException(404, f"No guide for {slug!r}.")
    return g.related_roles


@router.get("/resolve", response_model=ResolveResult, summary="Resolve any job title to a role and occupations")
def resolve(request: Request, title: Annotated[str, Query(min_length=1, max_length=300)]) -> ResolveResult:
    out = request.app.state.search.resolve(title)
    role = out.get("role")
    return ResolveResult(title=out["title"], role=role, matches=out.get("matches", []), method=out["method"],
                         url=LINKS.role(role["slug"]) if role else None)


@router.get("/courses", response_model=CourseList, responses=NOT_FOUND, summary="Courses, filtered")
def courses(request: Request,
            topic: Annotated[str | None, Query(max_length=200)] = None,
            role: Annotated[str | None, Query(max_length=200)] = None,
            level: Literal["beginner", "intermediate", "advanced", "mixed"] | None = None,
            free: bool | None = None,
            max_hours: Annotated[float | None, Query(ge=0, le=100_000)] = None,
            provider: Annotated[str | None, Query(max_length=200)] = None,
            q: Annotated[str | None, Query(max_length=200)] = None,
            limit: Annotated[int, Query(ge=1, le=500)] = 50,
            offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0) -> CourseList:
    data = _data(request)
    if role and data.guide(role) is None:
        raise HTTPException(404, f"No guide for role {role!r}.")
    f = CourseFilter(topic=topic, role=role, level=level, free=free, max_hours=max_hours, provider=provider,
                     q=q, limit=limit, offset=offset)
    total, rows = find_courses(data, f)
    return CourseList(total=total, offset=offset, limit=limit, filters=f.active(), courses=rows)


@router.get("/courses/{course_id:path}", response_model=CourseDetail, responses=NOT_FOUND)
def course(request: Request, course_id: str) -> CourseDetail:
    c = course_detail(_data(request), course_id)
    if c is None:
        raise HTTPException(404, "No such course.")
    return CourseDetail(**c)


@router.get("/topics", response_model=list[Topic], summary="Course topics with their course counts")
def topics(request: Request) -> list[Topic]:
    return [Topic(topic=t, n_courses=n) for t, n in _data(request).topics()]


@router.get("/sources", response_model=list[Source], summary="Every source: publisher, licence, files")
def sources(request: Request) -> list[Source]:
    return [Source(**s) for s in _data(request).sources()]


@router.post("/gap", response_model=GapResult, responses=NOT_FOUND,
             summary="Skill gap and personalised roadmap from your skills or résumé")
def gap(request: Request, body: GapRequest) -> GapResult:
    data = _data(request)
    role = views.find_role(data, body.role)
    slug = role.slug if role else body.role
    result = personalise(data, slug, skills=split_skills(body.skills or []), resume_text=body.resume_text,
                         hours_per_week=body.hours_per_week)
    if result is None:
        raise HTTPException(404, f"No guide for {body.role!r}.")
    g, method = result
    skill_gap = g.skill_gap or SkillGap(have=[], missing=[k.name for k in g.skills])
    return GapResult(role=g.role, method=method, hours_per_week=body.hours_per_week, skill_gap=skill_gap,
                     time_to_job_ready=g.snapshot.time_to_job_ready, roadmap=g.roadmap, courses=g.courses)
