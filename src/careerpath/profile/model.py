"""The profile of one role: everything the data says about it, every number a `Figure`.

The guide (guide/) reads a profile and picks what a person needs; the profile keeps the evidence:
sample sizes, intervals, methods and the source of each figure.

Posting-derived figures carry the id of the postings source that contributed most of the sample
(`source`), with every contributing source listed in the note; the figure's `as_of` is that source's.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from careerpath.figures import Figure


class Occupation(BaseModel):
    code: str  # O*NET-SOC code, e.g. "15-1252.00"
    title: str
    weight: float


class RoleInfo(BaseModel):
    slug: str
    title: str
    kind: str = "occupation"  # "occupation" or "emerging"
    soc: list[Occupation] = Field(default_factory=list)
    confidence: float = 1.0
    job_family: str | None = None
    aliases: list[str] = Field(default_factory=list)


class CountryEvidence(BaseModel):
    country: str | None  # ISO-2, None when the posting gives none
    n: int
    sources: list[str]


class SkillItem(BaseModel):
    id: str
    name: str
    type: str | None = None
    importance: float  # the blended score, 0–1 (see stats.py / SkillsSection.formula)
    rank: int
    core: bool = False
    evidence: str  # "postings", "onet" or "both"
    share_of_postings: Figure | None = None  # unit "share"; n = postings that could show the skill
    share_ci95: tuple[float, float] | None = None  # Wilson interval of the share
    n_postings: int | None = None  # postings asking for the skill
    lift: float | None = None
    log_odds: float | None = None
    onet_importance: Figure | None = None  # O*NET IM rating, 1–5
    onet_hot: bool = False
    onet_in_demand: bool = False


class SkillsSection(BaseModel):
    evidence: str  # "postings" or "onet"
    evidence_text: str  # "from 4,812 postings (US 3,912; GB 900)" / "from O*NET ratings"
    n_postings: int = 0
    by_country: list[CountryEvidence] = Field(default_factory=list)
    formula: str
    items: list[SkillItem] = Field(default_factory=list)


class OccupationWages(BaseModel):
    bls_soc: str
    title: str | None = None
    weight: float
    mean: Figure | None = None
    median: Figure | None = None
    employment: Figure | None = None


class NationalWages(BaseModel):
    year: int
    method: str  # "single occupation" or "mixture of N occupations weighted …"
    mean: Figure | None = None
    median: Figure | None = None
    p10: Figure | None = None
    p25: Figure | None = None
    p75: Figure | None = None
    p90: Figure | None = None
    employment: Figure | None = None
    components: list[OccupationWages] = Field(default_factory=list)


class StateWages(BaseModel):
    state: str
    mean: Figure | None = None
    median: Figure | None = None
    p10: Figure | None = None
    p90: Figure | None = None
    employment: Figure | None = None


class PostingWages(BaseModel):
    """Annualised salaries stated in postings, one currency and country at a time."""

    country: str | None
    currency: str
    n: int
    sources: list[str] = Field(default_factory=list)  # every posting source the salaries come from (figures name the most)
    median: Figure | None = None
    mean: Figure | None = None
    p10: Figure | None = None
    p25: Figure | None = None
    p75: Figure | None = None
    p90: Figure | None = None


class LevelWages(BaseModel):
    level: str  # entry / mid / senior
    country: str | None
    currency: str
    annual: Figure  # median, with n and the methods that set the level in the note


class SalarySection(BaseModel):
    national: list[NationalWages] = Field(default_factory=list)  # newest first
    median_change: Figure | None = None  # percent, latest vs previous OEWS year
    by_state: list[StateWages] = Field(default_factory=list)
    postings: list[PostingWages] = Field(default_factory=list)
    by_experience: list[LevelWages] = Field(default_factory=list)


class MonthCount(BaseModel):
    month: str  # YYYY-MM
    n: int
    sources: list[str]


class Outlook(BaseModel):
    change_pct: Figure | None = None
    change_n: Figure | None = None
    employment_2024: Figure | None = None
    employment_2034: Figure | None = None
    openings_annual: Figure | None = None
    median_wage_2024: Figure | None = None
    average_change_pct: Figure | None = None
    wording: str | None = None  # "faster than average"
    summary: str | None = None
    method: str | None = None
    posting_volume: list[MonthCount] = Field(default_factory=list)


class EducationLevel(BaseModel):
    category: int
    level: str
    share: Figure  # percent of respondents


class Preparation(BaseModel):
    """What workers in the occupation told O*NET it takes (Education, Training, and Experience survey): the
    months a person needs beyond any course, which a skills roadmap cannot count."""
    kind: str  # O*NET's element: "Related Work Experience", "On-Site or In-Plant Training", "On-the-Job Training"
    median: str  # O*NET's wording of the category holding the respondents' median ("Over 1 year, up to and including 2 years")
    low_months: float  # that category's span in months
    high_months: float | None = None  # None: open-ended ("Over 10 years")
    share_none: Figure  # percent of respondents reporting none; its source, as-of, n and note cover the whole item
    surveyed: str | None = None  # when O*NET surveyed the occupation ("08/2021"), older than the release's as-of


class Education(BaseModel):
    typical_entry_education: str | None = None
    work_experience: str | None = None
    on_the_job_training: str | None = None
    bls_source: str | None = None
    onet_distribution: list[EducationLevel] = Field(default_factory=list)
    preparation: list[Preparation] = Field(default_factory=list)
    job_zone: int | None = None
    share_postings_no_degree: Figure | None = None


class PostingCertification(BaseModel):
    id: str
    name: str
    share: Figure
    n_postings: int


class Certifications(BaseModel):
    """What postings ask for. Credential courses are the recommender's (ranked by what they teach the role),
    so they appear in the guide, not here: profiles come before recommendations."""
    from_postings: list[PostingCertification] = Field(default_factory=list)


class WhatTheyDo(BaseModel):
    summary: str | None = None
    tasks: list[str] = Field(default_factory=list)
    activities: list[str] = Field(default_factory=list)  # O*NET intermediate work activities
    day_in_the_life: list[str] = Field(default_factory=list)  # detailed work activities
    source: str | None = None


class SkillTrend(BaseModel):
    id: str
    name: str
    before: Figure  # share in the earlier period
    after: Figure
    change_points: float  # percentage points


class Trends(BaseModel):
    periods: list[str] = Field(default_factory=list)
    n: list[int] = Field(default_factory=list)
    rising: list[SkillTrend] = Field(default_factory=list)
    falling: list[SkillTrend] = Field(default_factory=list)
    note: str | None = None


class Location(BaseModel):
    location: str
    country: str | None = None
    n: int


class Market(BaseModel):
    n_postings: int = 0
    remote_share: Figure | None = None
    top_locations: list[Location] = Field(default_factory=list)


class RelatedRole(BaseModel):
    slug: str
    title: str
    similarity: float  # cosine of the two roles' skill-importance vectors
    onet_related: bool = False
    shared_skills: list[str] = Field(default_factory=list)


class Profile(BaseModel):
    role: RoleInfo
    skills: SkillsSection
    salary: SalarySection = Field(default_factory=SalarySection)
    outlook: Outlook = Field(default_factory=Outlook)
    education: Education = Field(default_factory=Education)
    certifications: Certifications = Field(default_factory=Certifications)
    what_they_do: WhatTheyDo = Field(default_factory=WhatTheyDo)
    trends: Trends | None = None
    market: Market = Field(default_factory=Market)
    related_roles: list[RelatedRole] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)  # every source id a figure above cites
