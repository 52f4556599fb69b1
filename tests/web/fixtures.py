"""A tiny hand-built store for the web tests (and the web benchmark when no full store has guides).

Stored guides are hand-made (pages render fixed figures); personalised guides are built by the real
guide builder, so the store also carries what it reads upstream: O*NET rows, role profiles, the skill
taxonomy with its aliases, and courses with their skills.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pandas as pd

from careerpath.figures import Figure
from careerpath.guide.model import (
    FAQ, Certification, CourseItem, ExperienceSalary, Guide, GuideSkill, MonthRange, RelatedRole, RoadmapStep, RoleRef,
    SalaryRange, Snapshot, SocWeight, SourceRef, StateSalary, TimeToJobReady, WhatTheyDo,
)
from careerpath.profile import model as pm
from careerpath.store import write_table

EVIL = "<script>window.__pwned = 1</script>Deep Learning"

SOURCES = [
    {"id": "onet-29.0", "publisher": "National Center for O*NET Development for USDOL/ETA", "title": "O*NET 29.0 Database",
     "version": "29.0", "license": "CC BY 4.0", "url": "https://www.onetcenter.org/database.html", "as_of": "2024-08"},
    {"id": "bls-oews-2025", "publisher": "U.S. Bureau of Labor Statistics", "title": "OEWS May 2025",
     "version": "May 2025", "license": "Public domain", "url": "https://www.bls.gov/oes/tables.htm", "as_of": "2025-05"},
    {"id": "bls-ep-2024-34", "publisher": "U.S. Bureau of Labor Statistics", "title": "Employment Projections 2024–34",
     "version": "2024–34", "license": "Public domain", "url": "https://www.bls.gov/emp/tables.htm", "as_of": "2024"},
    {"id": "esco-1.1", "publisher": "European Commission", "title": "ESCO", "version": "1.1",
     "license": "free reuse with attribution", "url": "https://esco.ec.europa.eu/", "as_of": "2022"},
    {"id": "courses-test", "publisher": "Test catalog <b>bold</b>", "title": "Course catalog", "version": "2024",
     "license": "not stated", "url": "javascript:alert(1)", "as_of": "2024"},
]

ROLES = [
    # slug, title, kind, soc, aliases, n_postings, skills
    ("machine-learning-engineer", "Machine Learning Engineer", "emerging", "15-2051.00",
     ["ml engineer", "machine learning engineer", "mle"], 900,
     ["Python", "Machine learning", "Deep learning", "SQL", "Docker", "Statistics"]),
    ("data-scientist", "Data Scientist", "occupation", "15-2051.00", ["data scientist", "data science"], 700,
     ["Python", "Statistics", "SQL", "Machine learning", "Communication"]),
    ("dental-hygienist", "Dental Hygienist", "occupation", "29-1292.00", ["dental hygienist", "hygienist"], 40,
     ["Patient care", "Radiography", "Infection control"]),
]

COURSES = [
    ("courses-test:1", "Python for Everybody", "University of Michigan", "beginner", 30.0, 4.8, 1000, True, None, "Computer Science"),
    ("courses-test:2", EVIL, "DeepLearning.AI", "intermediate", 60.0, 4.7, 500, False, 49.0, "DataScience"),
    ("courses-test:3", "SQL Basics", "Udemy", "beginner", 5.0, 4.2, 50, False, 19.99, "DataScience"),
    ("courses-test:4", "Dental Radiography", "edX", "advanced", 20.0, None, None, True, None, "Health"),
    ("courses-test:5", "Docker Deep Dive", "Udemy", "intermediate", 8.0, 4.5, 80, False, 29.0, None),
]
COURSE_SKILLS = {"courses-test:1": ["Python"], "courses-test:2": ["Deep learning", "Machine learning"],
                 "courses-test:3": ["SQL"], "courses-test:4": ["Radiography"], "courses-test:5": ["Docker"]}


def fig(value: float, unit: str, source: str, as_of: str, note: str | None = None) -> Figure:
    return Figure(value=value, unit=unit, source=source, as_of=as_of, note=note)


def make_guide(slug: str, title: str, kind: str, soc: str, skills: list[str]) -> Guide:
    course_by_skill = {s: cid for cid, names in COURSE_SKILLS.items() for s in names}
    steps = []
    for i in range(0, len(skills), 2):
        names = skills[i:i + 2]
        steps.append(RoadmapStep(step=len(steps) + 1, title=f"Learn {' and '.join(names)}",
                                 months=MonthRange(low=1, high=2), hours=80, skills=names,
                                 courses=[course_by_skill[s] for s in names if s in course_by_skill]))
    courses = []
    for cid, ctitle, provider, level, hours, rating, n, _free, _price, _subj in COURSES:
        covers = [s for s in COURSE_SKILLS[cid] if s in skills]
        if covers:
            courses.append(CourseItem(course_id=cid, title=ctitle, provider=provider, level=level, hours=hours,
                                      rating=rating, n_ratings=n, quality=7.5, relevance=0.8, covers=covers,
                                      why=f"teaches {', '.join(covers)}"))
    others = [r for r in ROLES if r[0] != slug]
    return Guide(
        role=RoleRef(slug=slug, title=title, kind=kind, soc=[SocWeight(code=soc, title=title, weight=1.0)]),
        snapshot=Snapshot(
            median_salary=fig(112000, "USD/year", "bls-oews-2025", "2025-05"),
            mean_salary=fig(118500, "USD/year", "bls-oews-2025", "2025-05"),
            salary_range=SalaryRange(low=fig(65000, "USD/year", "bls-oews-2025", "2025-05"),
                                     high=fig(190000, "USD/year", "bls-oews-2025", "2025-05")),
            job_growth=fig(34.0, "percent", "bls-ep-2024-34", "2024", note="projected change, 2024–34"),
            time_to_job_ready=TimeToJobReady(with_background=MonthRange(low=6, high=9),
                                             from_scratch=MonthRange(low=18, high=24)),
        ),
        what_they_do=WhatTheyDo(summary=f"{title}s turn data and domain knowledge into working {title.lower()} practice.",
                                tasks=["Build models", "Write reports"], source="onet-29.0"),
        skills=[GuideSkill(id=s.lower().replace(" ", "-"), name=s, type="skill", importance=round(1 - i * 0.1, 2),
                           share_of_postings=0.5 - i * 0.05, core=i < 3) for i, s in enumerate(skills)],
        skills_evidence="from 900 postings",
        roadmap=steps,
        salary_by_experience=[ExperienceSalary(level="entry", annual=fig(80000, "USD/year", "bls-oews-2025", "2025-05")),
                              ExperienceSalary(level="senior", annual=fig(160000, "USD/year", "bls-oews-2025", "2025-05"))],
        salary_by_state=[StateSalary(state="California", median=fig(150000, "USD/year", "bls-oews-2025", "2025-05")),
                         StateSalary(state="Texas", median=fig(120000, "USD/year", "bls-oews-2025", "2025-05"))],
        courses=courses,
        # a credential course of the catalog that the role's course list need not hold: its page must exist too
        certifications=[Certification(name="Docker Deep Dive", course_id="courses-test:5",
                                      evidence="professional certificate course: teaches Docker")],
        day_in_the_life=["Morning stand-up", "Afternoon modelling"],
        faq=[FAQ(question="Do I need a degree?", answer="Often not.")],
        related_roles=[RelatedRole(slug=o[0], title=o[1], similarity=0.6, shared_skills=["Python"],
                                   onet_related=o[2] == "occupation") for o in others],
        sources=[SourceRef(**{k: v for k, v in s.items()}) for s in SOURCES[:3]],
    )


def sid(name: str) -> str:
    return name.lower().replace(" ", "-")


def make_profile(slug: str, title: str, kind: str, soc: str, skills: list[str]) -> pm.Profile:
    """The role's profile as profile/ stores it: ranked skills, OEWS wages, outlook, tasks, related roles."""
    wage = lambda v: fig(v, "USD/year", "bls-oews-2025", "2025-05")  # noqa: E731
    items = [pm.SkillItem(id=sid(s), name=s, type="software" if s in ("Python", "SQL", "Docker") else "skill",
                          importance=round(1 - i * 0.1, 2), rank=i + 1, core=i < 3, evidence="postings",
                          share_of_postings=fig(0.5 - i * 0.05, "share", "onet-29.0", "2024-08"))
             for i, s in enumerate(skills)]
    return pm.Profile(
        role=pm.RoleInfo(slug=slug, title=title, kind=kind, soc=[pm.Occupation(code=soc, title=title, weight=1.0)]),
        skills=pm.SkillsSection(evidence="postings", evidence_text="from 900 postings", formula="test", items=items),
        salary=pm.SalarySection(national=[pm.NationalWages(
            year=2025, method="single occupation", mean=wage(118500), median=wage(112000), p10=wage(65000),
            p25=wage(80000), p75=wage(150000), p90=wage(190000))]),
        outlook=pm.Outlook(change_pct=fig(34.0, "percent", "bls-ep-2024-34", "2024"),
                           average_change_pct=fig(3.1, "percent", "bls-ep-2024-34", "2024")),
        education=pm.Education(typical_entry_education="Bachelor's degree", bls_source="bls-ep-2024-34"),
        what_they_do=pm.WhatTheyDo(summary=f"{title}s do {title.lower()} work.",
                                   tasks=[f"{title} task one.", f"{title} task two."], source="onet-29.0"),
        related_roles=[pm.RelatedRole(slug=o[0], title=o[1], similarity=0.6) for o in ROLES if o[0] != slug],
        sources=["bls-ep-2024-34", "bls-oews-2025", "onet-29.0"],
    )


def _upstream_tables(con: duckdb.DuckDBPyConnection) -> None:
    """What the guide builder reads besides roles, courses and sources."""
    occ = {r[3]: r[1] for r in ROLES if r[2] == "occupation"}
    write_table(con, "onet_occupations", pd.DataFrame(
        [{"soc_code": c, "soc6": c[:7], "title": t + "s", "description": f"{t}s at work."} for c, t in occ.items()]))
    write_table(con, "onet_alternate_titles", pd.DataFrame(
        [{"soc_code": c, "title": t, "short_title": None, "sources": "08"} for c, t in occ.items()]))
    write_table(con, "onet_reported_titles", pd.DataFrame([{"soc_code": c, "title": t} for c, t in occ.items()]))
    write_table(con, "onet_tasks", pd.DataFrame(
        [{"soc_code": c, "task_id": i, "task": f"{t} task {i}.", "task_type": "Core", "incumbents_responding": 50}
         for c, t in occ.items() for i in (1, 2)]))
    for table, cols in (("onet_task_dwas", ["soc_code", "task_id", "dwa_id"]), ("onet_dwas", ["iwa_id", "dwa_id", "dwa_title"]),
                        ("onet_iwas", ["iwa_id", "iwa_title"]),
                        ("onet_technology_skills", ["soc_code", "example", "hot_technology", "in_demand"])):
        con.execute(f"CREATE TABLE {table} ({', '.join(c + ' VARCHAR' for c in cols)})")
    for table in ("onet_skills", "onet_knowledge"):
        con.execute(f"CREATE TABLE {table} (soc_code VARCHAR, element_name VARCHAR, scale_id VARCHAR, value DOUBLE)")
    write_table(con, "profiles", pd.DataFrame([{"slug": r[0], "json": make_profile(*r[:4], r[6]).model_dump_json()}
                                               for r in ROLES]))
    names = sorted({s for r in ROLES for s in r[6]})
    write_table(con, "skill_aliases", pd.DataFrame([{"skill_id": sid(s), "norm": s.lower(), "kind": "label",
                                                     "rule": "none", "veto": None} for s in names]))


def build_store(path: Path) -> Path:
    path = Path(path)
    con = duckdb.connect(str(path))
    write_table(con, "sources", pd.DataFrame(SOURCES))
    write_table(con, "source_files", pd.DataFrame([
        {"source_id": s["id"], "path": f"{s['id']}/file.csv", "sha256": "ab" * 32, "rows_read": 10,
         "rows_loaded": 9, "rows_rejected": 1} for s in SOURCES]))
    write_table(con, "roles", pd.DataFrame([
        {"slug": r[0], "title": r[1], "kind": r[2], "soc_code": r[3] if r[2] == "occupation" else None,
         "aliases": r[4], "confidence": 0.9, "n_postings": r[5], "job_family": None} for r in ROLES]))
    write_table(con, "role_occupations", pd.DataFrame([{"slug": r[0], "soc_code": r[3], "weight": 1.0} for r in ROLES]))
    write_table(con, "guides", pd.DataFrame([{"slug": r[0], "json": make_guide(*r[:4], r[6]).model_dump_json()}
                                             for r in ROLES]))
    write_table(con, "courses", pd.DataFrame([
        {"course_id": c[0], "source_id": "courses-test", "catalog": "test", "provider": c[2], "title": c[1],
         "description": "A course.", "skills_given": COURSE_SKILLS[c[0]], "subject": c[9], "level": c[3],
         "rating": c[5], "n_ratings": c[6], "hours": c[4], "price": c[8], "is_free": c[7],
         "url": "https://example.org/" + c[0].split(":")[1]} for c in COURSES]))
    skills = sorted({s for r in ROLES for s in r[6]})
    write_table(con, "skills", pd.DataFrame([{"skill_id": sid(s), "name": s, "type": "skill", "esco_uri": None}
                                             for s in skills]))
    write_table(con, "course_skills", pd.DataFrame([
        {"course_id": cid, "skill_id": s.lower().replace(" ", "-"), "score": 1.0, "spans": "[]", "method": "given",
         "evidence": "skills_given"} for cid, names in COURSE_SKILLS.items() for s in names]))
    con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    con.execute("INSERT INTO meta VALUES ('courses_notes', ?)",
                [json.dumps({"courses-test": {"description_line_breaks_restored": 1234, "rating_implausible_nulled": 2}})])
    _upstream_tables(con)
    con.execute("CHECKPOINT")
    con.close()
    return path
