"""A hand-built Guide for renderer and arithmetic tests: no store needed."""

from __future__ import annotations

import pytest

from careerpath.figures import Figure
from careerpath.guide import model as gm


def fig(value: float, unit: str = "USD/year", source: str = "bls-oews-2025", as_of: str = "2025-05") -> Figure:
    return Figure(value=value, unit=unit, source=source, as_of=as_of)


@pytest.fixture
def guide() -> gm.Guide:
    ttj = gm.TimeToJobReady(with_background=gm.MonthRange(low=2.0, high=3.0), from_scratch=gm.MonthRange(low=3.0, high=4.0))
    return gm.Guide(
        role=gm.RoleRef(slug="widget-makers", title="Widget Makers", soc=[gm.SocWeight(code="99-0000.00", title="Widget Makers", weight=1)]),
        snapshot=gm.Snapshot(median_salary=fig(50000), mean_salary=fig(52000),
                             salary_range=gm.SalaryRange(low=fig(30000), high=fig(80000)),
                             job_growth=fig(4.2, "percent", "bls-ep-2024-34", "2024"),
                             average_growth=fig(3.1, "percent", "bls-ep-2024-34", "2024"), time_to_job_ready=ttj),
        what_they_do=gm.WhatTheyDo(summary="Make widgets.", tasks=["Assemble widgets."], source="onet-29.0"),
        skills=[gm.GuideSkill(id="welding", name="Welding", type="skill", importance=0.9, core=True)],
        roadmap=[gm.RoadmapStep(step=1, title="Foundations: Welding", months=gm.MonthRange(low=3.0, high=4.0), hours=200,
                                skills=["Welding"], courses=["courses-x:1"])],
        courses=[gm.CourseItem(course_id="courses-x:1", title="<script>alert(1)</script> Welding 101",
                               url="javascript:alert(2)", relevance=0.5, why="teaches <b>welding</b>")],
        faq=[gm.FAQ(question="Q?", answer="A.")],
        sources=[gm.SourceRef(id="onet-29.0", publisher="National Center for O*NET Development", title="O*NET 29.0 Database",
                              version="29.0", license="CC BY 4.0", url="https://www.onetcenter.org/database.html")],
    )
