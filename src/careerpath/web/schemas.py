"""Response and request models of the JSON API (they make /openapi.json)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from careerpath.guide.model import CourseItem, RoadmapStep, RoleRef, SkillGap, TimeToJobReady


class RoleSummary(BaseModel):
    slug: str
    title: str
    kind: str
    soc_code: str | None = None
    group: str | None = None
    group_title: str | None = None
    n_postings: int = 0
    url: str


class RoleList(BaseModel):
    q: str | None = None
    count: int
    roles: list[RoleSummary]


class ResolvedRole(BaseModel):
    slug: str
    title: str


class ResolveMatch(BaseModel):
    soc_code: str
    soc_title: str
    score: float


class ResolveResult(BaseModel):
    title: str
    role: ResolvedRole | None = None
    matches: list[ResolveMatch] = Field(default_factory=list)
    method: str
    url: str | None = None


class Course(BaseModel):
    course_id: str
    title: str
    provider: str | None = None
    catalog: str | None = None
    url: str | None = None
    level: str | None = None
    hours: float | None = None
    rating: float | None = None
    n_ratings: int | None = None
    is_free: bool | None = None
    price: float | None = None
    topic: str | None = None
    source_id: str | None = None


class CourseList(BaseModel):
    total: int
    offset: int
    limit: int
    filters: dict[str, str | float | bool]
    courses: list[Course]


class CourseDetail(Course):
    description: str | None = None
    skills: list[str] = Field(default_factory=list)
    roles: list[ResolvedRole] = Field(default_factory=list)


class Topic(BaseModel):
    topic: str
    n_courses: int


class GapRequest(BaseModel):
    role: str = Field(min_length=1, max_length=200, description="role slug or any job title")
    skills: list[str] | None = Field(default=None, max_length=200)
    resume_text: str | None = Field(default=None, max_length=200_000)
    hours_per_week: float = Field(default=10, ge=1, le=80)


class GapResult(BaseModel):
    role: RoleRef
    method: str = Field(description="'build_guide': the guide builder of careerpath.guide")
    hours_per_week: float
    skill_gap: SkillGap
    time_to_job_ready: TimeToJobReady
    roadmap: list[RoadmapStep]
    courses: list[CourseItem]


class SourceFile(BaseModel):
    path: str
    sha256: str | None = None
    rows_read: int | None = None
    rows_loaded: int | None = None
    rows_rejected: int | None = None


class Source(BaseModel):
    id: str
    publisher: str | None = None
    title: str | None = None
    version: str | None = None
    license: str | None = None
    url: str | None = None
    as_of: str | None = None
    files: list[SourceFile] = Field(default_factory=list)
    notes: dict[str, int] = Field(default_factory=dict,
                                  description="Rows the loader kept but changed (values nulled, text repaired), by note")


class ErrorBody(BaseModel):
    detail: str
