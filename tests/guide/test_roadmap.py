import pytest

from careerpath.guide.model import CourseItem
from careerpath.guide.personal import parse_pace, resume_text
from careerpath.guide.roadmap import Pace, PathSkill, SkillFacts, _named, depth, plan, total
from careerpath.errors import InputError

SKILLS = [PathSkill("python", "Python", "software", 0.9, True), PathSkill("sql", "SQL", "software", 0.8, True),
          PathSkill("statistics", "Statistics", "knowledge", 0.7, True),
          PathSkill("deep-learning", "Deep Learning", "knowledge", 0.6),
          PathSkill("mlops", "MLOps", "skill", 0.5), PathSkill("spark", "Apache Spark", "software", 0.4)]
FACTS = {"python": SkillFacts(level=0.0, generality=0.6), "sql": SkillFacts(level=0.1, generality=0.5),
         "statistics": SkillFacts(level=0.2, generality=0.4), "deep-learning": SkillFacts(level=0.9, generality=0.05),
         "mlops": SkillFacts(level=1.0, generality=0.02), "spark": SkillFacts(level=0.5, generality=0.1)}
COURSES = [CourseItem(course_id="c:1", title="Python", hours=30, relevance=1, covers=["Python", "SQL"], why=""),
           CourseItem(course_id="c:2", title="DL", hours=60, relevance=1, covers=["Deep Learning"], why="")]


def test_months_add_up_and_order_follows_depth():
    steps = plan(SKILLS, FACTS, COURSES, Pace(15, 20), tasks=["Build models."], certifications=["AWS ML"])
    assert 4 <= len(steps) <= 7
    t = total(steps)
    assert t.low == pytest.approx(sum(s.months.low for s in steps)) and t.high == pytest.approx(sum(s.months.high for s in steps))
    assert steps[0].skills[0] == "Python" and "MLOps" in steps[-3].skills
    assert steps[-1].title.startswith("Certification") and steps[-2].title.startswith("Portfolio")
    for s in steps:
        assert s.months.low == pytest.approx(round(s.hours / (20 * 4.345), 1))


def test_known_skills_leave_the_path():
    have = {"python", "sql", "statistics"}
    full = plan(SKILLS, FACTS, COURSES, Pace())
    mine = plan(SKILLS, FACTS, COURSES, Pace(), have=have)
    learned = {n for s in mine for n in s.skills}
    assert not learned & {"Python", "SQL", "Statistics"}
    assert total(mine).high < total(full).high
    assert "c:1" not in {c for s in mine for c in s.courses}


def test_depth_unknowns_are_neutral():
    assert depth(SkillFacts()) == pytest.approx(0.5)


def test_pace_and_resume_parsing():
    assert parse_pace("10-5") == (5.0, 10.0) and parse_pace("12") == (12.0, 12.0)
    with pytest.raises(InputError):
        parse_pace("lots")
    assert resume_text(b"Python, SQL") == "Python, SQL"


def test_general_workplace_skills_leave_the_path_but_products_stay():
    from careerpath.guide.roadmap import split_general

    skills = [PathSkill("onet:2.A.1.d", "Speaking", "skill", 0.8), PathSkill("dentrix", "Dentrix", "software", 0.7),
              PathSkill("word", "use word processing software", "software", 0.6),
              PathSkill("onet:2.C.5.a", "Medicine and Dentistry", "knowledge", 0.9),
              PathSkill("x", "unknown generality", "skill", 0.5)]
    facts = {"onet:2.A.1.d": SkillFacts(generality=0.93), "word": SkillFacts(generality=0.9),
             "dentrix": SkillFacts(generality=0.01), "onet:2.C.5.a": SkillFacts(generality=0.05)}
    path, general = split_general(skills, facts)
    assert [s.name for s in general] == ["Speaking"]
    assert [s.name for s in path] == ["Dentrix", "use word processing software", "Medicine and Dentistry",
                                      "unknown generality"]


def test_skills_rated_near_their_mean_over_all_occupations_leave_the_path():
    from careerpath.guide.roadmap import TYPICAL_MARGIN, split_general

    skills = [PathSkill("persuasion", "Persuasion", "skill", 0.5), PathSkill("dent", "Medicine and Dentistry", "knowledge", 0.9),
              PathSkill("dentrix", "Dentrix", "software", 0.7), PathSkill("psy", "Psychology", "knowledge", 0.5)]
    facts = {"persuasion": SkillFacts(generality=0.32, above_typical=0.25),
             "dent": SkillFacts(generality=0.11, above_typical=2.8),
             "dentrix": SkillFacts(generality=0.01, above_typical=0.0),  # a product stays, however typical
             "psy": SkillFacts(generality=0.19, above_typical=TYPICAL_MARGIN)}  # at the margin: distinctive
    path, general = split_general(skills, facts)
    assert [s.name for s in general] == ["Persuasion"]
    assert [s.name for s in path] == ["Medicine and Dentistry", "Dentrix", "Psychology"]


def test_facts_take_the_larger_generality_and_the_roles_rating_against_the_mean():
    import duckdb

    from careerpath.guide import facts as F

    con = duckdb.connect()
    con.execute("CREATE TABLE onet_occupations AS SELECT * FROM (VALUES ('a'), ('b'), ('c'), ('d')) t(soc_code)")
    con.execute("CREATE TABLE onet_skills AS SELECT * FROM (VALUES ('a', 'Active Listening', 'IM', 4.0), "
                "('b', 'Active Listening', 'IM', 3.5), ('c', 'Active Listening', 'IM', 3.0), "
                "('d', 'Active Listening', 'IM', 1.5)) t(soc_code, element_name, scale_id, value)")
    con.execute("CREATE TABLE onet_knowledge AS SELECT * FROM onet_skills WHERE false")
    con.execute("CREATE TABLE onet_technology_skills (soc_code VARCHAR, example VARCHAR)")
    con.execute("CREATE TABLE posting_skills AS SELECT * FROM (VALUES ('p1', 'listen'), ('p2', 'x'), ('p3', 'x'), "
                "('p4', 'x')) t(posting_id, skill_id)")
    con.execute("CREATE TABLE role_occupations AS SELECT * FROM (VALUES ('r', 'a', 0.5), ('r', 'b', 0.5)) "
                "t(slug, soc_code, weight)")
    F._CACHE.clear()
    got = F.skill_facts(con, "r", [PathSkill("listen", "Active Listening", "soft_skill", 0.7)])["listen"]
    assert got.generality == 0.75  # 3 of 4 occupations rate it 3+, though 1 of 4 postings names it
    assert got.above_typical == 3.75 - 3.0


def test_practice_is_a_portfolio_only_where_work_is_shown_that_way():
    from careerpath.guide.roadmap import practice_kind

    assert practice_kind("15-2051.00") == practice_kind("27-1024.00") == practice_kind(None) == "portfolio"
    assert practice_kind("29-1292.00") == practice_kind("47-2111.00") == "supervised"
    steps = plan(SKILLS, FACTS, COURSES, Pace(), tasks=["Administer local anesthetic agents."], practice="supervised")
    last = steps[-1]
    assert last.title.startswith("Supervised practice") and "under supervision" in last.why
    assert "portfolio" not in " ".join(s.title + s.why for s in steps).lower()
    assert last.hours == plan(SKILLS, FACTS, COURSES, Pace(), tasks=["x"])[-1].hours  # same pricing, other wording


def test_step_phases_do_not_borrow_the_skills_tables_word_core():
    """The skills table marks the role's most important skills "Core"; a learning step named "Core: Persuasion"
    for a skill the table does not mark read as a contradiction (dental hygienists' guide)."""
    steps = plan(SKILLS, FACTS, COURSES, Pace(), tasks=["Build models."])
    phases = [s.title.split(":")[0] for s in steps]
    assert phases[:-1] == sorted(phases[:-1], key=["Foundations", "Intermediate", "Advanced"].index)
    assert "Intermediate" in phases and "Core" not in phases


def test_learning_steps_run_from_foundations_to_advanced_even_when_depths_are_alike():
    """Fixed depth cuts named all three learning steps of the Data Scientists path "Intermediate"."""
    alike = {s.id: SkillFacts(level=0.5, generality=0.5) for s in SKILLS}
    steps = plan(SKILLS, alike, COURSES, Pace(), tasks=["Build models."])
    learning = [s.title.split(":")[0] for s in steps if not s.title.startswith("Portfolio")]
    assert len(learning) >= 3
    assert learning[0] == "Foundations" and learning[-1] == "Advanced"
    assert set(learning[1:-1]) == {"Intermediate"}
    assert "the more roles ask for a skill, the earlier it comes" in steps[0].why


def test_a_short_course_is_not_credited_with_every_skill_it_names():
    """A 5-hour capstone naming machine learning, algorithms and NLP among many skills had priced a step of them at
    5 hours: a course is credited with at most one skill per MIN_HOURS_PER_SKILL, its most important ones."""
    from careerpath.guide.roadmap import DEFAULT_HOURS, MIN_HOURS_PER_SKILL

    capstone = CourseItem(course_id="c:cap", title="Capstone", hours=5, relevance=1,
                          covers=["Deep Learning", "MLOps", "Apache Spark"], why="")
    steps = plan(SKILLS, FACTS, [capstone], Pace())
    taught = [s for s in steps if "c:cap" in s.courses]
    assert len(taught) == 1 and 5 // MIN_HOURS_PER_SKILL == 1  # the capstone has time for one skill
    hours = sum(s.hours for s in steps if not s.title.startswith(("Portfolio", "Certification")))
    # one skill (Deep Learning, the most important) rides on the course; the others keep their default hours
    others = sum(DEFAULT_HOURS[s.type] for s in SKILLS if s.name not in ("Deep Learning",))
    assert hours == pytest.approx(5 + others)


def test_a_step_says_which_other_steps_course_teaches_its_skills():
    """A course sits in the step holding most of its skills; a step whose skills it also teaches says so, rather than
    listing them with no course as if nothing taught them."""
    wide = CourseItem(course_id="c:wide", title="Data Engineering", hours=80, relevance=1,
                      covers=["Python", "Deep Learning", "MLOps", "Apache Spark"], why="")
    steps = plan(SKILLS, FACTS, [wide], Pace())
    home = next(s for s in steps if "c:wide" in s.courses)
    first = steps[0]
    assert "Python" in first.skills and "c:wide" not in first.courses
    assert f"Python is taught in step {home.step}'s course Data Engineering" in first.why
    assert "taught in step" not in home.why


def test_a_course_sits_where_its_level_fits_among_the_steps_it_teaches_in():
    """"Advanced Data Science with IBM" sat in a machine-learning engineer's Foundations step because most of the
    skills it was first to teach (Python, SQL) are learnt first; an advanced course goes to the latest step it
    teaches in when its level fits there better, and its skills stay where their depth put them."""
    adv = CourseItem(course_id="c:adv", title="Advanced Data Science", level="advanced", hours=80, relevance=1,
                     covers=["Python", "SQL", "Apache Spark", "MLOps"], why="")
    unlevelled = adv.model_copy(update={"course_id": "c:any", "level": None})
    steps = plan(SKILLS, FACTS, [adv], Pace())
    learn = [s for s in steps if s.title.split(":")[0] in ("Foundations", "Intermediate", "Advanced")]
    home = next(s for s in learn if "c:adv" in s.courses)
    assert home is not learn[0] and "Python" in learn[0].skills
    assert "Python and SQL are taught in step" in learn[0].why
    # without a level the course sits with most of its skills, as before
    assert "c:any" in plan(SKILLS, FACTS, [unlevelled], Pace())[0].courses
    # the same hours in all: the course moves, not the work
    base = plan(SKILLS, FACTS, [unlevelled], Pace())
    assert sum(s.hours for s in steps) == pytest.approx(sum(s.hours for s in base))


def test_a_beginner_course_fits_the_first_step_it_teaches_in():
    from careerpath.guide.roadmap import _home

    assert _home({0: 1, 2: 2}, 3, 3, 0.0) == 0  # beginner: the first step, though the last holds more
    assert _home({0: 1, 2: 2}, 3, 3, None) == 2  # no level: most skills
    assert _home({0: 2, 2: 1}, 3, 3, 1.0) == 2  # advanced: the last
    assert _home({0: 3, 1: 1}, 4, 1, 1.0) == 0  # one step only


def test_within_a_step_beginner_courses_come_first():
    a = CourseItem(course_id="c:a", title="Deep learning at scale", level="advanced", hours=20, relevance=1,
                   covers=["Deep Learning"], why="")
    b = CourseItem(course_id="c:b", title="MLOps basics", level="beginner", hours=20, relevance=1, covers=["MLOps"],
                   why="")
    steps = plan(SKILLS, FACTS, [a, b], Pace())
    together = [s for s in steps if {"c:a", "c:b"} <= set(s.courses)]
    assert together and together[0].courses == ["c:b", "c:a"]


def test_a_step_is_titled_by_what_it_teaches_not_by_a_trait():
    """A soft skill stays on the step (and priced), but the title names the step's other skills first."""
    skills = [PathSkill("teams", "work in teams", "soft_skill", 0.95, True),
              PathSkill("analysis", "perform data analysis", "skill", 0.8, True),
              PathSkill("ds", "data science", "knowledge", 0.7, True)]
    facts = {s.id: SkillFacts(level=0.2, generality=0.1) for s in skills}
    assert _named(skills) == "perform data analysis, data science, work in teams"
    assert _named(skills, 2) == "perform data analysis, data science"
    assert _named(skills[:1]) == "work in teams"  # a step of soft skills alone is still named
    steps = plan(skills, facts, [], Pace(), tasks=["Analyse data."])
    assert "work in teams" in {n for s in steps for n in s.skills}
    assert steps[-1].title == "Portfolio projects: perform data analysis, data science, work in teams"


def test_skills_the_courses_teach_beyond_the_ranked_ones_join_the_path_below_them():
    import duckdb

    from careerpath.guide.build import MAX_TAUGHT_SKILLS, taught_beyond
    from careerpath.profile.model import SkillItem

    con = duckdb.connect()
    con.execute("CREATE TABLE skills (skill_id VARCHAR, name VARCHAR, type VARCHAR)")
    con.execute("INSERT INTO skills VALUES ('safety', 'comply with electrical safety regulations', 'skill'), "
                "('grid', 'manage electricity transmission system', 'skill'), ('trouble', 'Troubleshooting', 'skill')")
    items = [SkillItem(id="trouble", name="Troubleshooting", type="skill", importance=0.8, rank=1, evidence="onet")]
    c1 = CourseItem(course_id="c:1", title="Power", relevance=1, why="",
                    covers=["Troubleshooting", "manage electricity transmission system", "not in the taxonomy"])
    c2 = CourseItem(course_id="c:2", title="Safety", relevance=1, why="",
                    covers=["comply with electrical safety regulations", "manage electricity transmission system"])
    taught = taught_beyond(con, [c1, c2], items)
    # most taught first, the ranked skill left out, a name the taxonomy lacks dropped, below every ranked skill
    assert [s.id for s in taught] == ["grid", "safety"] and all(s.importance == 0 and not s.core for s in taught)
    assert taught_beyond(con, [c1, c2], []) == []  # a role with no skills gets no path
    # one skill in two wordings is taught once: beside a ranked name, or beside another taught one
    con.execute("INSERT INTO skills VALUES ('uml', 'utilise machine learning', 'skill'), "
                "('ml', 'machine learning', 'knowledge'), ('pdm', 'perform data mining', 'skill'), "
                "('dm', 'data mining', 'knowledge')")
    ranked = [SkillItem(id="ml", name="machine learning", type="knowledge", importance=0.9, rank=1, evidence="both")]
    c3 = CourseItem(course_id="c:3", title="ML", relevance=1, why="",
                    covers=["machine learning", "utilise machine learning", "perform data mining", "data mining"])
    assert [s.id for s in taught_beyond(con, [c3], ranked)] == ["pdm"]
    # at most MAX_TAUGHT_SKILLS, the most taught first
    many = [f"skill {k}" for k in range(MAX_TAUGHT_SKILLS + 3)]
    con.executemany("INSERT INTO skills VALUES (?, ?, 'skill')", [(n.replace(" ", "-"), n) for n in many])
    wide = [CourseItem(course_id=f"c:w{k}", title="W", relevance=1, why="", covers=many[:k + 1])
            for k in range(len(many))]
    assert [s.name for s in taught_beyond(con, wide, items)] == many[:MAX_TAUGHT_SKILLS]


def test_a_step_of_rarely_asked_skills_says_under_one_percent_not_zero():
    """A data scientist's advanced step said its skills "are asked for by 0% of all postings": rare, not never."""
    rare = {**FACTS, "deep-learning": SkillFacts(level=0.9, generality=0.004),
            "mlops": SkillFacts(level=1.0, generality=0.002)}
    whys = " ".join(s.why for s in plan(SKILLS, rare, COURSES, Pace(15, 20)))
    assert "asked for by 0% " not in whys and "asked for by under 1% of all postings" in whys
    assert "asked for by 55% of all postings" in " ".join(s.why for s in plan(SKILLS, FACTS, COURSES, Pace(15, 20)))


def test_a_credential_of_unstated_length_counts_its_kinds_typical_length():
    """Johns Hopkins' ten-course Data Science specialization has no length in its catalogue and was credited with 15 h
    (a course's median) and three skills; a specialization of unstated length now counts 80 h, as stated ones do."""
    from careerpath.guide.roadmap import _hours_of, _skill_budget

    spec = CourseItem(course_id="c:s", title="Data Science", certificate_type="specialization", relevance=1, why="")
    course = CourseItem(course_id="c:c", title="Data Science", certificate_type="course", relevance=1, why="")
    project = CourseItem(course_id="c:p", title="Plot it", certificate_type="guided project", relevance=1, why="")
    assert (_hours_of(spec), _hours_of(course), _hours_of(project)) == (80.0, 15.0, 2.0)
    assert _skill_budget(spec) == 20 and _skill_budget(course) == 3
    stated = spec.model_copy(update={"hours": 12.0})
    assert _hours_of(stated) == 12.0  # a stated length is the length


def test_the_unstated_lengths_are_the_catalogues_medians(full_con):
    """The defaults above are measured: a catalogue whose typical lengths moved would make them wrong."""
    from careerpath.guide.roadmap import COURSE_HOURS_CAP, UNKNOWN_COURSE_HOURS, UNKNOWN_HOURS_BY_KIND

    medians = dict(full_con.execute("SELECT certificate_type, median(hours) FROM courses WHERE hours > 0 "
                                    "AND certificate_type IS NOT NULL GROUP BY 1 HAVING count(*) >= 10").fetchall())
    assert abs(medians["course"] - UNKNOWN_COURSE_HOURS) <= 3
    for kind, hours in UNKNOWN_HOURS_BY_KIND.items():
        if kind in medians:
            assert min(medians[kind], COURSE_HOURS_CAP) == pytest.approx(hours, abs=1), kind
