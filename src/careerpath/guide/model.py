"""The guide model: the fields of ../shared/CONTRACT.md, plus room to grow.

One model, rendered three ways (JSON, Markdown, HTML), so the page and the API can never disagree.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from careerpath.figures import Figure
from careerpath.profile.model import Preparation


class SocWeight(BaseModel):
    code: str
    title: str
    weight: float


class RoleRef(BaseModel):
    slug: str
    title: str
    kind: str = "occupation"  # "occupation" or "emerging"
    person: str | None = None  # one of them, for sentences: "Dental Hygienist" (guide.wording.person)
    soc: list[SocWeight] = Field(default_factory=list)
    confidence: float = 1.0


class MonthRange(BaseModel):
    low: float
    high: float


class TimeToJobReady(BaseModel):
    with_background: MonthRange
    from_scratch: MonthRange
    personalised: MonthRange | None = None
    hours_per_week: tuple[float, float] = (15, 20)
    assumptions: list[str] = Field(default_factory=list)
    # the formal education the months leave out (BLS typical entry education), shown beside them
    education_not_counted: str | None = None
    # why no months are given (the renderers say "not estimated" before it): a role with no known skills has no path
    # to add up, and "0–0 months" would say it takes no time at all
    not_estimated: str | None = None
    # what workers in the occupation told O*NET it takes beyond study: related work experience, on-site and
    # on-the-job training (median answers); months no course can shorten, so shown beside the learning months
    preparation: list[Preparation] = Field(default_factory=list)


class SalaryRange(BaseModel):
    low: Figure | None = None  # p10
    high: Figure | None = None  # p90
    label: str = "10th to 90th percentile"


class Degree(BaseModel):
    typical_entry_education: Figure | str | None = None
    share_postings_no_degree: Figure | None = None
    source: str | None = None
    as_of: str | None = None


class Snapshot(BaseModel):
    median_salary: Figure | None = None
    mean_salary: Figure | None = None
    salary_range: SalaryRange = Field(default_factory=SalaryRange)
    job_growth: Figure | None = None
    average_growth: Figure | None = None  # all occupations, same projection decade
    annual_openings: Figure | None = None
    employment: Figure | None = None
    # "35-3023 Fast Food and Counter Workers, the occupation that includes Baristas": the wider BLS occupation whose
    # wages, employment and projections these are (an O*NET specialty or a code BLS pools); each figure's note says so too
    bls_scope: str | None = None
    time_to_job_ready: TimeToJobReady
    degree: Degree = Field(default_factory=Degree)


class WhatTheyDo(BaseModel):
    summary: str
    tasks: list[str] = Field(default_factory=list)
    source: str | None = None


class GuideSkill(BaseModel):
    id: str
    name: str
    type: str
    importance: float
    share_of_postings: float | None = None
    core: bool = False
    evidence: str | None = None  # "postings", "onet", "both"


class RoadmapStep(BaseModel):
    step: int
    title: str
    months: MonthRange
    hours: float
    skills: list[str] = Field(default_factory=list)
    courses: list[str] = Field(default_factory=list)
    why: str | None = None


class Certification(BaseModel):
    name: str
    evidence: str
    share: Figure | None = None  # when postings ask for it
    course_id: str | None = None  # when it is a credential course of the catalog
    url: str | None = None


class ExperienceSalary(BaseModel):
    level: str  # entry / mid / senior
    annual: Figure


POSTING_SALARY_INTRO = ("Annualised salaries stated in the job postings this guide reads, per country and currency "
                        "(never converted or pooled; each line dated by its postings).")


class PostingSalary(BaseModel):
    """Annualised salaries the role's job postings state, one country and currency at a time (never converted or pooled):
    for a role hired mostly outside the US (NHS support workers) the only pay figure in its own currency."""

    country: str | None = None  # ISO code, as the postings give it
    currency: str
    n: int  # postings
    median: Figure
    low: Figure | None = None  # 10th percentile
    high: Figure | None = None  # 90th percentile
    sources: list[str] = Field(default_factory=list)


class StateSalary(BaseModel):
    state: str
    median: Figure | None = None
    mean: Figure | None = None
    employment: Figure | None = None


class CourseItem(BaseModel):
    course_id: str
    title: str
    provider: str | None = None
    url: str | None = None
    level: str | None = None
    certificate_type: str | None = None
    hours: float | None = None
    rating: float | None = None
    n_ratings: int | None = None
    quality: float | None = None
    relevance: float
    covers: list[str] = Field(default_factory=list)
    why: str


#: Where a course's level puts it on a path of learning steps (0 = the first, 1 = the last); mixed or unknown: nowhere.
COURSE_LEVELS = {"beginner": 0.0, "intermediate": 0.5, "advanced": 1.0}


#: What a learning step with no hours of its own shows instead of "0 h, 0–0 months": every skill in it is taught by a
#: course the path places in another step (the step's `why` names the course), so there is nothing left to do there.
NO_EXTRA_TIME = "no extra time: courses in other steps teach these skills"


def roadmap_label(c: CourseItem) -> str:
    """A course as a roadmap step names it: with its level, so a reader sees the path go from beginner to advanced
    courses (mixed or unknown levels are not named)."""
    return f"{c.title} ({c.level})" if c.level in COURSE_LEVELS else c.title


class FAQ(BaseModel):
    question: str
    answer: str
    figures: list[Figure] = Field(default_factory=list)


class RelatedRole(BaseModel):
    slug: str
    title: str
    similarity: float
    shared_skills: list[str] = Field(default_factory=list)
    #: one of O*NET's own related occupations (curated; its first four are kept whatever their similarity): the reader
    #: sees why a role at 0.85 sits beside others at 0.96 (O*NET lists Dental Assistants first for dental hygienists)
    onet_related: bool = False


#: How a related role O*NET itself lists is marked, after its similarity.
ONET_RELATED_MARK = "O*NET lists it as related"


class SkillGap(BaseModel):
    have: list[str]
    missing: list[str]


class SourceRef(BaseModel):
    id: str
    publisher: str
    title: str
    version: str
    license: str
    url: str
    as_of: str | None = None


TOP_COURSES = 15  # a guide's course list asks for this many (`upstream.recommend_courses`)


class Guide(BaseModel):
    role: RoleRef
    snapshot: Snapshot
    what_they_do: WhatTheyDo
    skills: list[GuideSkill]
    skills_evidence: str | None = None  # "from 4,812 postings" / "from O*NET ratings"
    roadmap: list[RoadmapStep]
    certifications: list[Certification] = Field(default_factory=list)
    salary_by_experience: list[ExperienceSalary] = Field(default_factory=list)
    salary_by_state: list[StateSalary] = Field(default_factory=list)
    salary_in_postings: list[PostingSalary] = Field(default_factory=list)
    courses: list[CourseItem] = Field(default_factory=list)
    # Set when the list is shorter than asked for (`recommend.notes.course_list_note`): the catalog has only that many.
    courses_note: str | None = None
    day_in_the_life: list[str] = Field(default_factory=list)
    faq: list[FAQ] = Field(default_factory=list)
    related_roles: list[RelatedRole] = Field(default_factory=list)
    skill_gap: SkillGap | None = None
    sources: list[SourceRef] = Field(default_factory=list)
    generated_at: str | None = None
