"""The learning path: the role's skills grouped and ordered by prerequisite depth, priced in hours.

Pure functions, data in and data out. A skill's depth (0 = learn first, 1 = learn last) is

    depth = 0.45 * level + 0.35 * specificity + 0.20 * dependence

- level: mean level of the catalogue courses that teach it (beginner 0, intermediate 0.5, advanced 1);
- specificity: 1 - the share of all roles (or postings) that ask for it: general skills come first;
- dependence: from co-occurrence in the role's postings; a skill that appears whenever another does
  (P(s|t) > P(t|s)) is the more basic one. Unknown parts count 0.5.

General workplace skills (asked for in over half of all postings or, without posting evidence, rated
important by over half of all occupations: Speaking, Active Listening, ...) are named in the assumptions
and left off the priced path (`split_general`). Skills sorted by depth are cut into 2-4 contiguous learning steps, then a portfolio step (core skills
applied to the occupation's own tasks) and, where postings ask for certifications, a certification
step. Where portfolios are not how the work is shown (`practice_kind`: health care, trades, service work), the
same step is supervised practice. Hours: each recommended course sits in the step holding most of the skills it covers (or, where its
level fits a later or earlier step it also teaches in better, that step: `_home`), and is credited
with at most one skill per MIN_HOURS_PER_SKILL of its length (its most important ones); a skill no chosen
course covers costs its type's default hours. A course that also teaches skills the person already
has counts only the share of its role skills still missing (they skip the parts they know). Months = hours / (hours per week * 4.345), as a
range over the stated pace; the guide's time to job-ready is the sum of the steps' rounded months.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from careerpath.guide.model import COURSE_LEVELS, CourseItem, MonthRange, RoadmapStep

WEEKS_PER_MONTH = 4.345
W_LEVEL, W_SPEC, W_DEP = 0.45, 0.35, 0.20
DEFAULT_HOURS = {"software": 30.0, "tool": 20.0, "knowledge": 45.0, "skill": 25.0, "soft_skill": 8.0,
                 "certification": 40.0}
FALLBACK_HOURS = 25.0
COURSE_HOURS_CAP = 80.0  # a long specialisation counts at most this much toward one step
UNKNOWN_COURSE_HOURS = 15.0  # a course of unstated length: the catalogue's median stated "course" is 14 h
#: A credential of unstated length counts as its kind's median stated length in the catalogue (specialization 80 h
#: over 1,137 with hours, professional certificate 98 h over 219, degrees and university certificates longer: all at
#: or above the cap), a guided project as 2 h (311 of 311 stated). At 15 h, Johns Hopkins' ten-course Data Science
#: specialization (no length in its catalogue) was credited with 15 h and three skills of a data scientist's path.
UNKNOWN_HOURS_BY_KIND = {"specialization": COURSE_HOURS_CAP, "professional certificate": COURSE_HOURS_CAP,
                         "mastertrack": COURSE_HOURS_CAP, "university certificate": COURSE_HOURS_CAP,
                         "graduate certificate": COURSE_HOURS_CAP, "postgraduate diploma": COURSE_HOURS_CAP,
                         "degree": COURSE_HOURS_CAP, "guided project": 2.0}
MIN_HOURS_PER_SKILL = 4.0  # a course is credited with at most one role skill per 4 h of its length
PROJECT_HOURS_PER_SKILL, PROJECT_HOURS = 10.0, (30.0, 120.0)
CERT_HOURS = 40.0
MAX_CERTS = 2
BACKGROUND = re.compile(
    r"\b(python|java|javascript|c\+\+|c#|sql|r|programming|computer programming|mathematics|statistics|"
    r"statistical|calculus|linear algebra|probability|algorithms?|git)\b", re.I)
#: A step's phase by its place in the path, not by a fixed cut of its depth: the steps are already ordered by
#: depth, and fixed cuts named every learning step of the Data Scientists path "Intermediate". Not "Core",
#: which the skills table uses for the role's most important skills.
PHASES = ("Foundations", "Intermediate", "Advanced")


def phase(index: int, n: int) -> str:
    """The first of n learning steps lays foundations; the last of three or more is advanced."""
    if index == 0:
        return PHASES[0]
    return PHASES[2] if index == n - 1 and n >= 3 else PHASES[1]


@dataclass(frozen=True)
class PathSkill:
    id: str
    name: str
    type: str | None
    importance: float
    core: bool = False


@dataclass(frozen=True)
class SkillFacts:
    level: float | None = None        # 0-1, from course levels
    generality: float | None = None   # 0-1, share of all postings or of O*NET occupations asking for it (the larger)
    dependence: float | None = None   # 0-1, 1 = appears only alongside other skills
    n_courses: int = 0
    above_typical: float | None = None  # O*NET importance (1-5) for this role minus its mean over all occupations


@dataclass(frozen=True)
class Pace:
    low: float = 15.0
    high: float = 20.0

    def months(self, hours: float) -> MonthRange:
        return MonthRange(low=round(hours / (self.high * WEEKS_PER_MONTH), 1),
                          high=round(hours / (self.low * WEEKS_PER_MONTH), 1))


def depth(f: SkillFacts) -> float:
    lvl = 0.5 if f.level is None else f.level
    spec = 0.5 if f.generality is None else 1.0 - f.generality
    dep = 0.5 if f.dependence is None else f.dependence
    return W_LEVEL * lvl + W_SPEC * spec + W_DEP * dep


#: A skill over half of all postings ask for, or over half of all occupations rate important (O*NET's Speaking,
#: Active Listening, Reading Comprehension ...) is practised in the portfolio projects and on the job, not studied as
#: a step: priced at 25 h each, a dozen of them once made up most of an O*NET-ranked role's roadmap.
GENERAL_SHARE = 0.5
#: Nor is a skill O*NET rates for this role less than half a point (of 1-5) above its mean over all occupations: the
#: dental hygienists' roadmap began "Foundations: Persuasion, Psychology, Critical Thinking", rated 3.0 against a mean
#: of 2.75 for persuasion, while their dentistry (4.6 against 1.8) came last.
TYPICAL_MARGIN = 0.5
PRICED_TYPES = frozenset({"software", "tool", "certification"})


def split_general(skills: list[PathSkill], facts: dict[str, SkillFacts]) -> tuple[list[PathSkill], list[PathSkill]]:
    """(path skills, general workplace skills) of `skills`, order kept; software, tools and
    certifications are always on the path, however common."""
    path, general = [], []
    for s in skills:
        f = facts.get(s.id, SkillFacts())
        usual = (f.generality is not None and f.generality >= GENERAL_SHARE) or (
            f.above_typical is not None and f.above_typical < TYPICAL_MARGIN)
        is_general = usual and (s.type or "") not in PRICED_TYPES
        (general if is_general else path).append(s)
    return path, general


def is_background(skill: PathSkill) -> bool:
    """Covered by 'a programming and maths background'."""
    return bool(BACKGROUND.search(skill.name))


def _named(group: list[PathSkill], n: int = 3) -> str:
    """The skills a step is titled by: its first `n`, soft skills after the rest. A step is studied for what it
    teaches; "Intermediate: work in teams, perform data analysis, data science" named a data scientist's step by a
    trait practised in every step."""
    return ", ".join(s.name for s in sorted(group, key=lambda s: s.type == "soft_skill")[:n])


def _groups(ordered: list[PathSkill], k: int) -> list[list[PathSkill]]:
    n = len(ordered)
    k = max(1, min(k, n))
    bounds = [round(i * n / k) for i in range(k + 1)]
    return [ordered[bounds[i]:bounds[i + 1]] for i in range(k) if bounds[i + 1] > bounds[i]]


def _hours_of(course: CourseItem) -> float:
    h = course.hours
    if h is None or (isinstance(h, float) and math.isnan(h)) or h <= 0:
        return UNKNOWN_HOURS_BY_KIND.get(course.certificate_type or "", UNKNOWN_COURSE_HOURS)
    return min(float(h), COURSE_HOURS_CAP)


def _skill_budget(course: CourseItem) -> int:
    """How many role skills a course can be said to teach: one per MIN_HOURS_PER_SKILL of its length, at
    least one."""
    return max(1, int(_hours_of(course) // MIN_HOURS_PER_SKILL))


def _share_missing(course: CourseItem, role_names: set[str], known_names: set[str]) -> float:
    """The share of the role skills a course teaches that the person does not have yet (1 when none known)."""
    taught = [n.lower() for n in course.covers if n.lower() in role_names]
    if not taught or not known_names:
        return 1.0
    return sum(n not in known_names for n in taught) / len(taught)


#: SOC major groups whose work a newcomer can show in portfolio projects (management, business and
#: finance, computer and maths, engineering, science, arts and media). Elsewhere the same step is supervised
#: practice: nobody builds a "portfolio project" of administering local anaesthetic or wiring a house.
PORTFOLIO_GROUPS = frozenset({"11", "13", "15", "17", "19", "27"})


def _taught_elsewhere(group: list[PathSkill], gi: int, taught_by: dict[str, tuple[int, str]]) -> list[str]:
    """Where a step's skills are taught when a course placed in another step teaches them: a step listing SQL and
    Python with no course of its own read as if nothing taught them (a data engineer's IBM Data Engineering, which does,
    sits in step 3 with most of its skills)."""
    by: dict[tuple[int, str], list[str]] = {}
    for s in group:
        home = taught_by.get(s.id)
        if home is not None and home[0] != gi:
            by.setdefault(home, []).append(s.name)
    return [f"{_and(names)} {'is' if len(names) == 1 else 'are'} taught in step {k + 1}'s course {title}"
            for (k, title), names in sorted(by.items())]


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


#: How much a whole path's mismatch between a course's level and its step's place weighs against the share of its
#: skills a step holds: "Advanced Data Science with IBM" sat in a machine-learning engineer's Foundations step (most of
#: the skills it was first to teach were Python and SQL) while a beginner's Machine Learning course sat in the
#: Advanced step.
LEVEL_FIT = 1.0


def _home(counts: dict[int, int], n_new: int, n_steps: int, level: float | None) -> int:
    """The step a course sits in: the one holding most of the new skills it teaches, unless its level fits another
    step it also teaches in better (the skills stay where their depth put them; the step notes where they are
    taught). Ties go to the earlier step."""
    def fit(g: int) -> float:
        place = g / (n_steps - 1) if n_steps > 1 else 0.0
        return counts[g] / n_new - (LEVEL_FIT * abs(place - level) if level is not None else 0.0)
    return min(counts, key=lambda g: (-round(fit(g), 9), g))


def practice_kind(soc_code: str | None) -> str:
    """'portfolio' or 'supervised' for the role's (first) SOC code; portfolio when unknown."""
    if not soc_code or soc_code[:2] in PORTFOLIO_GROUPS or not soc_code[:2].isdigit():
        return "portfolio"
    return "supervised"


def plan(skills: list[PathSkill], facts: dict[str, SkillFacts], courses: list[CourseItem], pace: Pace, *,
         tasks: list[str] | None = None, certifications: list[str] | None = None,
         have: set[str] | None = None, practice: str = "portfolio") -> list[RoadmapStep]:
    """The roadmap for the skills not in `have` (ids); see the module docstring for the method."""
    have = have or set()
    todo = [s for s in skills if s.id not in have]
    ordered = sorted(todo, key=lambda s: (round(depth(facts.get(s.id, SkillFacts())), 4), -s.importance, s.name))
    certs = [c for c in (certifications or []) if c][:MAX_CERTS]
    n_learn = min(4, max(3 - bool(certs), math.ceil(len(ordered) / 6)))
    groups = _groups(ordered, n_learn)
    by_name = {s.name.lower(): s for s in todo}
    role_names = {s.name.lower() for s in skills}
    known_names = {s.name.lower() for s in skills if s.id in have}
    step_of = {s.id: i for i, g in enumerate(groups) for s in g}
    chosen: list[list[CourseItem]] = [[] for _ in groups]
    covered: set[str] = set()
    taught_by: dict[str, tuple[int, str]] = {}  # skill id -> (step index, title) of the chosen course teaching it
    rank = {s.id: i for i, s in enumerate(sorted(todo, key=lambda s: -s.importance))}
    for c in courses:  # best first: a course is taken only if it teaches something not yet covered
        ids = [by_name[n.lower()].id for n in c.covers if n.lower() in by_name]
        # its hours are a budget: the most important new skills it has time for (a 5-hour capstone that names
        # machine learning, algorithms and NLP among 16 skills had priced a step of them at 5 hours)
        new = sorted((i for i in ids if i not in covered), key=rank.__getitem__)[:_skill_budget(c)]
        if not new:
            continue
        counts: dict[int, int] = {}
        for i in new:
            counts[step_of[i]] = counts.get(step_of[i], 0) + 1
        home = _home(counts, len(new), len(groups), COURSE_LEVELS.get(c.level or ""))
        chosen[home].append(c)
        covered.update(new)
        taught_by.update((i, (home, c.title)) for i in new)
    for cs in chosen:  # within a step, beginner courses first (stable: best first among equals)
        cs.sort(key=lambda c: COURSE_LEVELS.get(c.level or "", 0.5))
    steps: list[RoadmapStep] = []
    for gi, group in enumerate(groups):
        course_hours = sum(_hours_of(c) * _share_missing(c, role_names, known_names) for c in chosen[gi])
        own = sum(DEFAULT_HOURS.get(s.type or "", FALLBACK_HOURS) for s in group if s.id not in covered)
        hours = round(course_hours + own, 1)
        fs = [facts.get(s.id, SkillFacts()) for s in group]
        levels = [f.level for f in fs if f.level is not None]
        gens = [f.generality for f in fs if f.generality is not None]
        mean_depth = sum(depth(f) for f in fs) / len(fs)
        why = [f"mean prerequisite depth {mean_depth:.2f} (0 = learn first)"]
        if levels:
            why.append(f"courses teaching these skills average level {sum(levels) / len(levels):.2f} on 0 (beginner) to 1 (advanced)")
        if gens:
            share = 100 * sum(gens) / len(gens)  # "0% of all postings" read as never asked for: under 1% is not none
            why.append(f"the more roles ask for a skill, the earlier it comes: these are asked for by "
                       f"{'under 1' if share < 0.5 else f'{share:.0f}'}% of all postings on average (of O*NET "
                       "occupations, for skills postings do not name)")
        if own:
            why.append(f"{own:.0f} h at default rates for skills no chosen course covers")
        why += _taught_elsewhere(group, gi, taught_by)
        steps.append(RoadmapStep(step=0, title=f"{phase(gi, len(groups))}: " + _named(group),
                                 months=pace.months(hours), hours=hours, skills=[s.name for s in group],
                                 courses=[c.course_id for c in chosen[gi]], why="; ".join(why)))
    core = ([s for s in todo if s.core] or todo[:5] or [s for s in skills if s.core])[:6]
    if core or tasks:
        hours = min(PROJECT_HOURS[1], max(PROJECT_HOURS[0], PROJECT_HOURS_PER_SKILL * len(core)))
        shown = [t.rstrip(".") for t in (tasks or [])[:2]]
        if practice == "supervised":
            why = ("Practise the occupation's own tasks under supervision — in a training program's clinical, lab or "
                   "workshop hours, an apprenticeship, or an entry-level job")
            label = "Supervised practice"
        else:
            why, label = "Build two or three portfolio projects that do the occupation's own tasks", "Portfolio projects"
        why += (": " + "; ".join(f"“{t}”" for t in shown) if shown else "")
        why += f", using {', '.join(s.name for s in core[:5])}" if core else ""
        steps.append(RoadmapStep(step=0, title=f"{label}: " + _named(core),
                                 months=pace.months(hours), hours=hours, skills=[s.name for s in core], why=why))
    if certs:
        hours = CERT_HOURS * len(certs)
        steps.append(RoadmapStep(step=0, title="Certification: " + ", ".join(certs), months=pace.months(hours),
                                 hours=hours, skills=certs,
                                 why=f"postings for this role ask for {', '.join(certs)}; {CERT_HOURS:.0f} h of preparation each"))
    for i, s in enumerate(steps, 1):
        s.step = i
    return steps


def total(steps: list[RoadmapStep]) -> MonthRange:
    """Time to job-ready: the sum of the steps' months, so the roadmap adds up to it exactly."""
    return MonthRange(low=round(sum(s.months.low for s in steps), 1), high=round(sum(s.months.high for s in steps), 1))


def total_hours(steps: list[RoadmapStep]) -> float:
    return round(sum(s.hours for s in steps), 1)
