"""Guides on the whole of ../shared/data (the session's `full_store`)."""

from __future__ import annotations

import json
import re

import pytest

from careerpath.guide.build import build_guide
from careerpath.extract.role_lookup import resolve_role

pytestmark = pytest.mark.slow


def _figures(obj, path="$"):
    if isinstance(obj, dict):
        if "value" in obj and "unit" in obj:
            yield path, obj
        for k, v in obj.items():
            yield from _figures(v, f"{path}.{k}")
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _figures(v, f"{path}[{i}]")


def test_spellings_give_the_same_guide(full_con):
    a, b, c = (build_guide(full_con, t).model_dump_json() for t in
               ("Machine Learning Engineer", "machine learning engineer", "ML engineer"))
    assert a == b == c


def test_resume_shortens_path_and_removes_skills(full_con):
    base = build_guide(full_con, "data scientist")
    mine = build_guide(full_con, "data scientist", resume_text="Skills: Python, SQL, statistics.")
    t = mine.snapshot.time_to_job_ready
    assert t.personalised is not None and t.personalised.high < base.snapshot.time_to_job_ready.from_scratch.high
    learned = {n.lower() for s in mine.roadmap for n in s.skills if not s.title.startswith(("Portfolio", "Supervised"))}
    assert not any(n in ("python", "sql", "statistics") for n in learned)
    assert {"python"} <= {n.lower().split(" (")[0] for n in mine.skill_gap.have}


@pytest.mark.parametrize("role", ["software developers", "registered nurses", "electricians"])
def test_kinds_of_roles_are_complete(full_con, role):
    g = build_guide(full_con, role)
    assert g.snapshot.median_salary and g.snapshot.job_growth and g.what_they_do.tasks
    assert 4 <= len(g.roadmap) <= 7 and g.day_in_the_life and len(g.faq) >= 5 and g.sources
    t = g.snapshot.time_to_job_ready.from_scratch
    assert round(sum(s.months.high for s in g.roadmap), 1) == t.high


def test_every_guide_every_figure_sourced_and_texts_unique(full_con, listed_roles):
    """Walks the JSON of every guide `careerpath build --guides FILE` stored (the session store: a sixth of the
    occupations and the emerging roles a publisher would list; every role with `build --all`)."""
    ids = {r[0] for r in full_con.execute("SELECT id FROM sources").fetchall()}
    stored = full_con.execute("SELECT slug, json FROM guides ORDER BY slug").fetchall()
    assert {resolve_role(full_con, t).slug for t in listed_roles} <= {s for s, _ in stored}
    assert len(stored) >= min(150, len(set(listed_roles)))  # every listed role is there (above), and they are many
    days, faqs = {}, {}
    for slug, text in stored:
        g = json.loads(text)
        for path, f in _figures(g):
            assert f["source"] in ids and f["as_of"], (slug, path, f)
        day = "\n".join(g["day_in_the_life"])
        faq = "\n".join(q["answer"] for q in g["faq"])
        if day:
            assert day not in days, (slug, days.get(day))
            days[day] = slug
        assert faq not in faqs, (slug, faqs.get(faq))
        faqs[faq] = slug


def test_general_workplace_skills_are_named_not_priced(full_con):
    """An O*NET-ranked role: skills most occupations rate important (Speaking ...) are not roadmap steps."""
    g = build_guide(full_con, "dental hygienist")
    on_path = {n for step in g.roadmap for n in step.skills}
    assert g.skills_evidence.startswith("from O*NET")
    assert "Speaking" not in on_path and "Speaking" in {s.name for s in g.skills}
    note = [a for a in g.snapshot.time_to_job_ready.assumptions if a.startswith("general workplace skills")]
    assert note and "Speaking" in note[0]
    assert "Medicine and Dentistry" in on_path
    # skills postings seldom name but most occupations rate important, and skills O*NET rates for this role
    # near their mean over all occupations, are not steps either: the path had begun with Persuasion and
    # Critical Thinking (persuasion 3.0 for dental hygienists against a mean of 2.75)
    assert not {"Active Listening", "Critical Thinking", "Persuasion", "Service Orientation"} & on_path
    assert {"Active Listening", "Critical Thinking"} <= {s.name for s in g.skills}
    assert "Foundations" in g.roadmap[0].title and "Persuasion" not in g.roadmap[0].title


def test_credential_courses_teach_the_role(full_con):
    """Certificate courses are the recommender's, ranked by what they teach: matching their titles and skill
    lists to a role's skill names had put "Meta Android Developer" on accountants' and security analysts' pages."""
    sec = [c for c in build_guide(full_con, "information security analysts").certifications if c.course_id]
    assert sec and all(re.search(r"cyber|security", c.name, re.I) for c in sec), [c.name for c in sec]
    acc = [c for c in build_guide(full_con, "accountants and auditors").certifications if c.course_id]
    assert not any(re.search(r"developer|android|project management", c.name, re.I) for c in acc), [c.name for c in acc]
    assert all("Teaches" in c.evidence for c in sec + acc)


def test_months_to_job_ready_say_the_degree_is_not_counted(full_con):
    from careerpath.guide.render_md import render_md

    dh = build_guide(full_con, "dental hygienist")
    assert dh.snapshot.time_to_job_ready.education_not_counted == "Associate's degree"
    assert "typical entry education, Associate's degree, which is not counted" in render_md(dh)
    cook = build_guide(full_con, "restaurant cooks")  # no formal educational credential: nothing left out
    assert cook.snapshot.time_to_job_ready.education_not_counted is None


def test_stored_guides_equal_guides_built_now(full_con):
    """`build --all` built the stored guides in worker processes (one per core, when there are several), each
    reading a snapshot of the store being built: they equal what this process builds from the finished store."""
    slugs = [s for (s,) in full_con.execute("SELECT slug FROM guides ORDER BY slug").fetchall()][::30]
    stored = dict(full_con.execute("SELECT slug, json FROM guides WHERE list_contains(?, slug)", [slugs]).fetchall())
    assert len(stored) == len(slugs) >= 5
    assert stored == {s: build_guide(full_con, s).model_dump_json() for s in slugs}


def test_a_driving_licence_is_listed_not_studied(full_con):
    """Electricians' postings ask for a driving licence: the guide says so, but it is no 40 h roadmap step."""
    g = build_guide(full_con, "electricians")
    lic = [c for c in g.certifications if c.name == "Driving licence"]
    assert lic and "postings" in lic[0].evidence
    assert "Driving licence" not in json.dumps([s.model_dump() for s in g.roadmap])


def test_role_text_vectors_are_kept_and_a_changed_text_is_encoded_again(full_store, tmp_path):
    """`build --all` encodes every role's texts once and keeps them in the store; a role whose profile changed
    gets a new vector, the others are read back as they were."""
    import shutil

    import duckdb
    import numpy as np

    from careerpath.guide.courses import ROLE_VECTORS, role_text_vectors
    from careerpath.guide.upstream import prefetch_profiles

    db = tmp_path / "copy.duckdb"
    shutil.copyfile(full_store, db)
    con = duckdb.connect(str(db))
    con.execute(f"DROP TABLE IF EXISTS {ROLE_VECTORS}")
    profiles = prefetch_profiles(con, ["registered-nurses", "data-scientists"])
    first, tasks, n = role_text_vectors(con, profiles, write=True)
    assert n == 6 and all(v is not None for v in tasks.values())  # profile text, title, O*NET tasks each
    again, tasks2, n2 = role_text_vectors(con, profiles)
    assert n2 == 0 and all(np.array_equal(first[s], again[s]) for s in first)
    changed = profiles[0].model_copy(deep=True)
    changed.what_they_do.summary = "Looks after patients on a hospital ward at night."
    third, _, n3 = role_text_vectors(con, [changed, profiles[1]])
    assert n3 == 1
    slug = changed.role.slug
    assert not np.allclose(third[slug][0], first[slug][0]) and np.array_equal(third[slug][1], first[slug][1])


def test_a_publishers_list_builds_its_roles_and_names_the_unknown(full_store, tmp_path):
    """`build --guides FILE`: each line resolved as typed, duplicates built once, a line no role matches counted
    and named, the rest built."""
    import shutil

    import duckdb

    from careerpath.guide.build import build_listed_guides

    db = tmp_path / "copy.duckdb"
    shutil.copyfile(full_store, db)
    roles = tmp_path / "roles.txt"
    roles.write_text("# my site\ndental hygienist\n\nDental Hygienists\nqwxz vbnm plorf\n", encoding="utf-8")
    con = duckdb.connect(str(db))
    out = build_listed_guides(con, roles)
    assert (out["listed"], out["guides"], out["failed"], out["unknown"]) == (3, 1, 0, 1)
    assert out["unknown_roles"] == [{"line": 5, "role": "qwxz vbnm plorf"}]
    assert [s for (s,) in con.execute("SELECT slug FROM guides").fetchall()] == ["dental-hygienists"]


def test_a_role_with_no_known_skills_gives_no_months(full_con):
    """Infantry: O*NET rates no skills and no postings name any. The guide said "0–0 months from scratch"; it now
    says the time is not estimated, and why, in the snapshot, the Markdown and the FAQ."""
    from careerpath.guide.render_html import render_html
    from careerpath.guide.render_md import render_md

    g = build_guide(full_con, "infantry")
    assert not g.skills and g.snapshot.time_to_job_ready.not_estimated
    md = render_md(g)
    assert "0–0 months" not in md and "Time to job-ready: not estimated" in md
    # no empty skills table, no assumptions behind a time not given; the skills section says why it is empty
    assert "| Skill |" not in md and "Assumptions:" not in md and "No roadmap: O\\*NET rates no skills" in md
    assert g.skills_evidence.startswith("O*NET rates no skills") and "No skills: O\\*NET rates" in md
    html = render_html(g)
    assert "<th>Skill</th>" not in html and "Assumptions behind" not in html and "No roadmap:" in html
    assert build_guide(full_con, "data scientist").snapshot.time_to_job_ready.not_estimated is None


def test_experience_and_training_from_onet_beside_the_learning_months(full_con):
    """A dental hygienist's roadmap is weeks of study after a degree; what workers report needing on top (O*NET's
    Education, Training, and Experience survey) is shown beside it, cited, in the FAQ answer too."""
    g = build_guide(full_con, "dental hygienist")
    prep = g.snapshot.time_to_job_ready.preparation
    assert [p.kind for p in prep] == ["Related Work Experience", "On-Site or In-Plant Training", "On-the-Job Training"]
    for p in prep:
        assert p.share_none.source.startswith("onet-") and p.share_none.n and 0 <= p.share_none.value <= 100
        assert p.high_months is None or p.low_months <= p.high_months
    answer = next(f.answer for f in g.faq if f.question.startswith("How long"))
    assert "told O*NET: related work experience:" in answer
    electricians = build_guide(full_con, "electrician").snapshot.time_to_job_ready.preparation
    assert max(p.low_months for p in electricians) >= 6  # an apprenticeship trade: months of training on the job


def test_a_programming_language_known_is_programming_known(full_con):
    """'Python' on a résumé means the person can program: O*NET's Programming leaves the gap with it; a
    spreadsheet and a BI tool do not imply it."""
    py = build_guide(full_con, "machine learning engineer", have_skills=["Python"]).skill_gap
    assert "Programming" in py.have and "Programming" not in py.missing
    bi = build_guide(full_con, "machine learning engineer", have_skills=["Excel", "Tableau"]).skill_gap
    assert "Programming" in bi.missing


def test_the_web_page_of_a_role_with_no_known_skills_says_why(full_store):
    """The site's guide page (its own template) showed "Ranked none: ...", an empty skills table, assumptions behind a
    time it does not give and "Nothing left to learn on this roadmap." for infantry officers."""
    from fastapi.testclient import TestClient

    from careerpath.web.app import WebSettings, create_app

    with TestClient(create_app(full_store, WebSettings(semantic_resolve=False))) as client:
        page = client.get("/roles/infantry-officers").text
    assert "No skills: O*NET rates no skills" in page and "Ranked " not in page
    assert "No roadmap: O*NET rates no skills" in page and "Nothing left to learn" not in page
    assert "<summary>assumptions</summary>" not in page and "<caption>Skills by importance" not in page


def test_skills_the_courses_are_recommended_for_are_on_the_roadmap(full_con):
    """Electricians' ranked skills are O*NET's general elements (Troubleshooting, Repairing); their courses are
    recommended for electrical safety and power systems, which the course ranking takes from the occupation's O*NET
    text. With only the ranked skills on the path, the roadmap placed none of them (44 of 153 stored roadmaps with a
    course list placed no course) and priced only default hours."""
    g = build_guide(full_con, "electrician")
    named = {s.name.lower() for s in g.skills}
    beyond = {n.lower() for c in g.courses for n in c.covers if n.lower() not in named}
    assert g.courses and beyond
    assert {c for s in g.roadmap for c in s.courses}, "no recommended course on the roadmap"
    assert beyond & {n.lower() for s in g.roadmap for n in s.skills}
    assert any("are on the path too" in a for a in g.snapshot.time_to_job_ready.assumptions)


def test_dental_hygienists_related_roles_hold_o_net_s_first_related_occupations(full_con):
    """O*NET lists Dental Assistants first among dental hygienists' related occupations; picked by our similarity
    (flat across health occupations) it gave way to surgeons at 0.96. O*NET's first four now keep their places;
    every role O*NET lists is marked, and the list is still shown most similar first."""
    g = build_guide(full_con, "dental hygienist")
    marked = [r.title for r in g.related_roles if r.onet_related]
    assert {"Dental Assistants", "Medical Assistants"} <= set(marked), marked  # O*NET's first and third
    sims = [r.similarity for r in g.related_roles]
    assert sims == sorted(sims, reverse=True)


def test_a_day_in_the_life_counts_its_tasks_with_the_right_verb(full_con):
    """"1 of the 16 tasks O*NET lists for Data Scientists involve this": one task involves it."""
    from careerpath.guide.day import day_in_the_life

    items = day_in_the_life(full_con, "15-2051.00", "Data Scientists")
    ones = [d for d in items if " — 1 of the " in d]
    assert ones and all("tasks O*NET lists for Data Scientists involves this" in d for d in ones)
    assert all(" involve this" in d for d in items if d not in ones)


def test_a_specialty_guide_says_once_which_wider_bls_occupation_its_figures_are(full_con):
    """Baristas (O*NET 35-3023.01) are paid, counted and projected by BLS within 35-3023 Fast Food and Counter Workers:
    the snapshot says so once, in every format, and the FAQ's market and salary answers say so; each figure's note
    keeps it for the JSON reader. Registered Nurses (29-1141.00, its own BLS code) carry no such line."""
    from careerpath.guide.render_html import render_html
    from careerpath.guide.render_md import render_md

    g = build_guide(full_con, "baristas")
    scope = g.snapshot.bls_scope
    assert scope and scope.startswith("35-3023 ") and scope.endswith("includes Baristas")
    assert "35-3023" in g.snapshot.employment.note and "35-3023" in g.snapshot.job_growth.note
    md = render_md(g)
    assert md.count(f"are for {scope}") == 1 and "BLS figure for" not in md
    html = render_html(g)
    assert html.count(f"are for {scope}") == 1 and "BLS figure for" not in html
    faq = {f.question: f.answer for f in g.faq}
    market = next(a for q, a in faq.items() if "job market" in q)
    salary = next(a for q, a in faq.items() if "salary" in q)
    assert "These are BLS figures for 35-3023" in market and "These are BLS figures for 35-3023" in salary
    how_long = next(a for q, a in faq.items() if q.startswith("How long"))
    assert "a formal “No formal" not in how_long
    nurse = build_guide(full_con, "registered nurses")
    assert nurse.snapshot.bls_scope is None and "projections are for" not in render_md(nurse)


def test_a_role_hired_in_pounds_shows_what_its_postings_pay_in_pounds(full_con):
    """Support workers' postings are NHS and UK ones with salaries in pounds; the guide showed only US BLS dollars. It
    now shows the postings' own salaries per country and currency, each line cited with every source it draws on."""
    from careerpath.guide.render_md import render_md

    g = build_guide(full_con, "support worker")
    gb = [p for p in g.salary_in_postings if p.currency == "GBP"]
    assert gb and gb[0].country == "GB" and gb[0].n >= 5 and gb[0].low.value <= gb[0].median.value <= gb[0].high.value
    assert gb[0].median.unit == "GBP/year" and gb[0].sources
    assert {s for p in g.salary_in_postings for s in p.sources} <= {s.id for s in g.sources}
    md = render_md(g)
    assert "## Salary in job postings" in md and f"median £{gb[0].median.value:,.0f}" in md
    usd_first = build_guide(full_con, "machine learning engineer").salary_in_postings
    assert usd_first and (usd_first[0].country, usd_first[0].currency) == ("US", "USD")


def test_the_salary_answer_says_the_bls_wage_is_american_and_adds_the_postings_own(full_con):
    g = build_guide(full_con, "support worker")
    answer = next(f for f in g.faq if "salary" in f.question)
    assert answer.answer.startswith("In the US, the median annual wage")
    gb = next(p for p in g.salary_in_postings if p.country == "GB")
    assert f"Job postings in GB state a median of £{gb.median.value:,.0f} a year" in answer.answer
    assert gb.median in answer.figures
