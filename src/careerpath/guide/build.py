"""Assemble a `Guide` from the role's profile, its courses and the O*NET task data.

`build_guide(con, role)` reads; `build_all_guides(con)` is the derived step writing `guides(slug, json)`.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Iterable, Iterator

import duckdb

from careerpath import store
from careerpath.errors import InputError
from careerpath.figures import Figure
from careerpath.textfile import read_text
from careerpath.guide import model as gm
from careerpath.guide.day import day_in_the_life
from careerpath.guide.facts import skill_facts
from careerpath.guide.faq import build_faq
from careerpath.guide.wording import person
from careerpath.guide.related import related_roles
from careerpath.extract.role_lookup import all_roles, resolve_role
from careerpath.guide.roadmap import (GENERAL_SHARE, MIN_HOURS_PER_SKILL, Pace, PathSkill, is_background, plan,
                                      practice_kind, split_general, total, total_hours,
                                      TYPICAL_MARGIN)
from careerpath.guide.courses import prime_role_vectors, role_text_vectors
from careerpath.guide.upstream import (TOP_COURSES, extract_skills, get_profile, implied_skills, prefetch_profiles,
                                      recommend_courses, skills_of)
from careerpath.profile import model as pm
from careerpath.profile.assemble import WIDER, wider_scope
from careerpath.recommend.notes import course_list_note

MAX_PATH_SKILLS = 20
MAX_POSTING_SALARIES = 3  # countries / currencies of posting salaries a guide shows
MAX_TAUGHT_SKILLS = 6  # skills the recommended courses teach beyond the ranked ones, on the path (`taught_beyond`)
TAUGHT_IMPORTANCE = 0.0  # below every ranked skill: a course's hours go to the role's own skills first
MIN_CERT_SHARE = 0.02       # a certification asked for in 2% of postings earns a roadmap step
MIN_LIST_SHARE, MIN_LIST_POSTINGS = 0.005, 5  # below either floor a certification is not listed
MAX_CATALOG_CERTS = 3
# credentials postings ask for that are no step of the career: listed with their share, not priced as 40 h of study
# (a driving licence is asked of electricians and care workers because the job travels)
NOT_STUDIED = frozenset({"driving-licence"})
TOP_STATES = 10
CHUNK = 200  # roles whose profiles and text vectors are read/encoded together by build_all_guides
PARALLEL_CHUNK = 40  # roles per task when build_all_guides spreads them over processes
PARALLEL_MIN = 100  # fewer roles than this are built in-process: a worker takes ~20 s to start
ALWAYS_CITED = ("onet-29.0",)
# BLS typical entry education levels that are not a programme of study
NO_PROGRAM = ("no formal educational credential", "high school diploma or equivalent", "some college, no degree")
NO_SKILLS_ESTIMATE = ("O*NET rates no skills for this occupation and too few postings name any, so there is no path "
                      "of skills to add up")


def _experience(prof: pm.Profile, nat: pm.NationalWages | None) -> list[gm.ExperienceSalary]:
    """Entry/mid/senior in US dollars, like the snapshot beside it: from US postings when they give all
    three levels, else OEWS percentiles (a 2013 UK median in pounds next to a 2025 US one misleads)."""
    usd = [lv for lv in prof.salary.by_experience if lv.currency == "USD"]
    if {lv.level for lv in usd} >= {"entry", "mid", "senior"}:
        return [gm.ExperienceSalary(level=lv.level, annual=lv.annual) for lv in usd
                if lv.level in ("entry", "mid", "senior")][:3]
    if nat is None:
        return []
    out = []
    for level, f, what in (("entry", nat.p25, "25th"), ("mid", nat.median, "50th"), ("senior", nat.p75, "75th")):
        if f is not None:
            note = f"method: {what} percentile of the OEWS wage distribution stands in for {level} level"
            out.append(gm.ExperienceSalary(level=level, annual=f.model_copy(update={"note": note})))
    return out


def _posting_salaries(prof: pm.Profile, n: int = MAX_POSTING_SALARIES) -> list[gm.PostingSalary]:
    """What the postings pay, per country and currency (the profile's order: US dollars first, then by postings)."""
    return [gm.PostingSalary(country=w.country, currency=w.currency, n=w.n, median=w.median, low=w.p10, high=w.p90,
                             sources=w.sources) for w in prof.salary.postings if w.median][:n]


def _top_states(prof: pm.Profile, n: int = TOP_STATES) -> list[gm.StateSalary]:
    """The states that employ the most, when every state has its employment; else the best paid (a role
    spanning occupations has employment only where one occupation is reported: ranking by it would put
    Guam first). The first ten alphabetically would say nothing."""
    states = prof.salary.by_state
    if states and all(s.employment for s in states):
        ranked = sorted(states, key=lambda s: (-s.employment.value, s.state))  # type: ignore[union-attr]
    else:
        ranked = sorted(states, key=lambda s: (-(s.median.value if s.median else 0.0), s.state))
    return [gm.StateSalary(state=s.state, median=s.median, mean=s.mean, employment=s.employment) for s in ranked[:n]]


def _snapshot(prof: pm.Profile, ttj: gm.TimeToJobReady, con: duckdb.DuckDBPyConnection) -> gm.Snapshot:
    nat = prof.salary.national[0] if prof.salary.national else None
    edu = prof.education
    as_of = None
    if edu.bls_source:
        row = con.execute("SELECT as_of FROM sources WHERE id = ?", [edu.bls_source]).fetchone()
        as_of = str(row[0]) if row else None
    scopes = (wider_scope(f.note) for f in (nat.median if nat else None, nat.employment if nat else None,
                                            prof.outlook.change_pct, prof.outlook.employment_2024) if f)
    scope = next((w for w in scopes if w), None)
    return gm.Snapshot(
        bls_scope=scope.removeprefix(WIDER).strip() if scope else None,
        median_salary=nat.median if nat else None, mean_salary=nat.mean if nat else None,
        salary_range=gm.SalaryRange(low=nat.p10 if nat else None, high=nat.p90 if nat else None),
        job_growth=prof.outlook.change_pct, average_growth=prof.outlook.average_change_pct,
        annual_openings=prof.outlook.openings_annual,
        employment=nat.employment if nat and nat.employment else prof.outlook.employment_2024,
        time_to_job_ready=ttj,
        degree=gm.Degree(typical_entry_education=edu.typical_entry_education,
                         share_postings_no_degree=edu.share_postings_no_degree,
                         source=edu.bls_source, as_of=as_of))


def _education_not_counted(edu: str | None) -> str | None:
    """A degree or award is years of study the months of the roadmap do not include; saying so beside the months
    keeps "3 to 4 months" from reading as the way to become a dental hygienist (an associate's degree)."""
    if not edu or edu.strip().lower() in NO_PROGRAM:
        return None
    return edu


def _certifications(prof: pm.Profile, credentials: list[gm.CourseItem]) -> tuple[list[gm.Certification], list[str]]:
    """Certifications postings ask for (above a noise floor), then the credential courses the recommender ranks
    for the role by what they teach (one per title); the second list is what earns a roadmap step. Matching
    certificate titles to skill names instead put "Meta Android Developer" on accountants' pages."""
    certs, for_path = [], []
    for c in prof.certifications.from_postings:
        if c.share.value < MIN_LIST_SHARE or c.n_postings < MIN_LIST_POSTINGS:
            continue  # a handful of postings naming an accountancy licence for nurses is noise
        certs.append(gm.Certification(name=c.name, share=c.share,
                                      evidence=f"asked for in {c.share.value * 100:.1f}% of postings "
                                               f"({c.n_postings:,} postings; {c.share.source}, {c.share.as_of})"))
        if c.share.value >= MIN_CERT_SHARE and c.id not in NOT_STUDIED:
            for_path.append(c.name)
    seen: set[str] = set()
    for c in credentials:
        key = " ".join(re.sub(r"[^a-z0-9]+", " ", re.sub(r"\(.*?\)", " ", c.title.lower())).split())
        key = re.sub(r" professional certificate$", "", key)
        if key in seen:
            continue
        seen.add(key)
        certs.append(gm.Certification(name=c.title, course_id=c.course_id, url=c.url,
                                      evidence=f"{c.certificate_type or 'certificate'} course"
                                               f"{' by ' + c.provider if c.provider else ''}: {c.why}"))
        if len(seen) >= MAX_CATALOG_CERTS:
            break
    return certs, for_path


def _walk_sources(obj: object, acc: set[str]) -> None:
    if isinstance(obj, dict):
        if "source" in obj and "as_of" in obj and isinstance(obj["source"], str):
            acc.add(obj["source"])
        for v in obj.values():
            _walk_sources(v, acc)
    elif isinstance(obj, list):
        for v in obj:
            _walk_sources(v, acc)


def _sources(con: duckdb.DuckDBPyConnection, guide: gm.Guide) -> list[gm.SourceRef]:
    ids: set[str] = set(ALWAYS_CITED)
    _walk_sources(guide.model_dump(mode="json"), ids)
    if guide.snapshot.degree.source:
        ids.add(guide.snapshot.degree.source)
    ids |= {c.course_id.split(":", 1)[0] for c in guide.courses}
    ids |= {s for p in guide.salary_in_postings for s in p.sources}
    rows = con.execute("SELECT id, publisher, title, version, license, url, as_of FROM sources WHERE list_contains(?, id) "
                       "ORDER BY id", [sorted(ids)]).fetchall()
    return [gm.SourceRef(id=r[0], publisher=r[1] or "", title=r[2] or "", version=str(r[3] or ""), license=r[4] or "",
                         url=r[5] or "", as_of=str(r[6]) if r[6] else None) for r in rows]


def taught_beyond(con: duckdb.DuckDBPyConnection, courses: list[gm.CourseItem],
                  items: list[pm.SkillItem]) -> list[PathSkill]:
    """The skills the recommended courses are recommended for that the role's ranked skills do not name, most taught
    first (at most MAX_TAUGHT_SKILLS), as path skills ranked below the role's own. The course ranking adds skills from the
    occupation's O*NET description and tasks (electricians: *comply with electrical safety regulations*); without them on the
    path, 44 of 153 roadmaps with a course list placed no course at all and priced only O*NET's general elements."""
    if not items:  # a role with no skills says so ("No skills: ...", no roadmap), whatever its courses teach
        return []
    own = {s.name.lower() for s in items}
    count: dict[str, int] = {}
    for c in courses:
        for n in dict.fromkeys(x.lower() for x in c.covers):
            if n not in own:
                count[n] = count.get(n, 0) + 1  # dicts keep first-seen order: ties go to the better course's skill
    names: list[str] = []
    for n in sorted(count, key=lambda n: -count[n]):
        # one skill in two wordings is one thing to learn: "utilise machine learning" beside the ranked "machine
        # learning", "data mining" beside "perform data mining"
        if len(names) < MAX_TAUGHT_SKILLS and not any(_same_skill(n, m) for m in (*own, *names)):
            names.append(n)
    if not names:
        return []
    rows = con.execute("SELECT lower(name), skill_id, name, type FROM skills WHERE list_contains(?, lower(name)) "
                       "ORDER BY skill_id", [names]).fetchall()
    found: dict[str, tuple] = {}
    for key, sid, name, typ in rows:
        found.setdefault(key, (sid, name, typ))
    return [PathSkill(found[n][0], found[n][1], found[n][2], TAUGHT_IMPORTANCE) for n in names if n in found]


def _same_skill(a: str, b: str) -> bool:
    """Whether one name holds the other as whole words ("perform data mining", "data mining")."""
    return f" {a} " in f" {b} " or f" {b} " in f" {a} "


def build_guide(con: duckdb.DuckDBPyConnection, role: str, *, have_skills: list[str] | None = None,
                resume_text: str | None = None, hours_per_week: tuple[float, float] = (15, 20)) -> gm.Guide:
    """The guide of the role `role` means; with `have_skills` or `resume_text` (even empty) a personalised
    one, so the CLI, `build --all` and the web's personalise form all share this one assembly."""
    hit = resolve_role(con, role)
    prof = get_profile(con, hit)
    pace = Pace(float(min(hours_per_week)), float(max(hours_per_week)))
    items = prof.skills.items
    skills = [gm.GuideSkill(id=s.id, name=s.name, type=s.type or "skill", importance=round(s.importance, 4),
                            share_of_postings=round(s.share_of_postings.value, 4) if s.share_of_postings else None,
                            core=s.core, evidence=s.evidence) for s in items]
    courses, credentials = recommend_courses(con, prof, certificates=2 * MAX_CATALOG_CERTS)
    top = [PathSkill(s.id, s.name, s.type, s.importance, s.core)
           for s in sorted(items, key=lambda s: (-s.importance, s.name))[:MAX_PATH_SKILLS]]
    taught = taught_beyond(con, courses, items)
    facts = skill_facts(con, hit.slug, top + taught)
    path, general = split_general(top + taught, facts)
    certs, cert_names = _certifications(prof, credentials)
    tasks = prof.what_they_do.tasks
    practice = practice_kind(prof.role.soc[0].code if prof.role.soc else None)
    full = plan(path, facts, courses, pace, tasks=tasks, certifications=cert_names, practice=practice)
    background = {s.id for s in path if is_background(s)}
    with_bg = plan(path, facts, courses, pace, tasks=tasks, certifications=cert_names, have=background, practice=practice)
    gap, personal = None, None
    if have_skills is not None or resume_text is not None:  # asked to personalise, even with nothing found
        cands = [(s.id, s.name) for s in items] + [(s.id, s.name) for s in taught]
        have: set[str] = set()
        if have_skills:
            typed = {x.strip().lower() for x in have_skills}
            have |= {sid for sid, name in cands if name.lower() in typed or sid.lower() in typed}
            have |= extract_skills(con, ", ".join(have_skills), cands)
        if resume_text:
            have |= extract_skills(con, resume_text, cands)
        have |= implied_skills(con, have, cands)
        personal = plan(path, facts, courses, pace, tasks=tasks, certifications=cert_names, have=have,
                        practice=practice)
        gap = gm.SkillGap(have=[s.name for s in items if s.id in have], missing=[s.name for s in items if s.id not in have])
    roadmap = personal if personal is not None else full
    assumptions = [
        f"pace {pace.low:g}-{pace.high:g} hours a week, {4.345:g} weeks a month; low = fast pace, high = slow pace",
        "hours = recommended course hours (each capped at 80 h, and counted as teaching at most one of the role's "
        f"skills per {MIN_HOURS_PER_SKILL:g} h; a course of unstated length counts 15 h, a specialization or "
        "professional certificate 80 h: the catalogue's median stated lengths of their kind) + default hours for skills no course covers "
        "(software 30, tool 20, knowledge 45, skill 25, soft skill 8) + "
        f"{'supervised practice' if practice == 'supervised' else 'portfolio projects'} (10 h per core skill, "
        "30-120 h) + 40 h per certification asked for in postings",
        *(["with a programming and maths background: programming languages, SQL, mathematics and statistics are "
           "taken as known and leave the path"] if total(with_bg) != total(full) else []),
        f"learning time only; formal education ({prof.education.typical_entry_education or 'not stated'}) and "
        "job search are not included",
        f"the roadmap below adds up to the {'personalised' if personal is not None else 'from-scratch'} figure",
        *([f"skills the recommended courses teach that the ranked skills do not name (the course ranking adds them from "
           f"the occupation's O*NET description and tasks, and from the courses most specific to it) are on the path too: {', '.join(s.name for s in taught)}"]
          if taught else []),
    ]
    if general:
        assumptions.append(
            f"general workplace skills (asked for in over {GENERAL_SHARE:.0%} of all postings, rated important by "
            f"over {GENERAL_SHARE:.0%} of all occupations, or rated by O*NET for this role less than "
            f"{TYPICAL_MARGIN:g} point above their mean over all occupations) are practised "
            f"in the projects and on the job, not priced as study: {', '.join(s.name for s in general[:8])}"
            + (f" and {len(general) - 8} more" if len(general) > 8 else ""))
    ttj = gm.TimeToJobReady(with_background=total(with_bg), from_scratch=total(full),
                            personalised=total(personal) if personal is not None else None,
                            hours_per_week=(pace.low, pace.high), assumptions=assumptions,
                            education_not_counted=_education_not_counted(prof.education.typical_entry_education),
                            not_estimated=None if prof.skills.items else NO_SKILLS_ESTIMATE,
                            preparation=prof.education.preparation)
    snap = _snapshot(prof, ttj, con)
    by_exp = _experience(prof, prof.salary.national[0] if prof.salary.national else None)
    paid = _posting_salaries(prof)
    code = max(hit.soc, key=lambda s: s[2])[0] if hit.soc else None
    one = person(hit.title, hit.kind)
    guide = gm.Guide(
        role=gm.RoleRef(slug=hit.slug, title=hit.title, kind=hit.kind, person=one, confidence=hit.confidence,
                        soc=[gm.SocWeight(code=c, title=t, weight=w) for c, t, w in hit.soc]),
        snapshot=snap,
        what_they_do=gm.WhatTheyDo(summary=prof.what_they_do.summary or "", tasks=tasks[:10],
                                   source=prof.what_they_do.source or "onet-29.0"),
        skills=skills, skills_evidence=prof.skills.evidence_text, roadmap=roadmap, certifications=certs,
        salary_by_experience=by_exp,
        salary_by_state=_top_states(prof), salary_in_postings=paid,
        courses=courses, courses_note=course_list_note(len(courses), TOP_COURSES),
        day_in_the_life=day_in_the_life(con, code, hit.title),
        faq=build_faq(hit.title, snap, average_growth=prof.outlook.average_change_pct,
                      remote_share=prof.market.remote_share, n_postings=prof.market.n_postings,
                      by_experience=by_exp, hours=total_hours(roadmap), person=one, posting_salaries=paid),
        related_roles=related_roles(con, prof), skill_gap=gap,
    )
    guide.sources = _sources(con, guide)
    return guide


def stored_guide(con: duckdb.DuckDBPyConnection, role: str) -> gm.Guide | None:
    """The precomputed guide of a role (default pace, not personalised), if `build --all` wrote one."""
    if not store.has_table(con, "guides"):
        return None
    slug = resolve_role(con, role).slug
    row = con.execute("SELECT json FROM guides WHERE slug = ?", [slug]).fetchone()
    return gm.Guide.model_validate_json(row[0]) if row else None


def _guides_of(con: duckdb.DuckDBPyConnection, slugs: list[str]) -> tuple[list[tuple[str, str]], list[dict]]:
    """(slug, guide JSON) rows and failures for `slugs`, their profiles and text vectors read in one go."""
    # one query for the chunk's profiles and one batch for its text vectors: per role they were ~35 ms x 9
    # profile reads and ~0.6 s of model calls
    prime_role_vectors(con, prefetch_profiles(con, slugs))
    rows, failed = [], []
    for slug in slugs:
        try:
            rows.append((slug, build_guide(con, slug).model_dump_json()))
        except Exception as e:  # noqa: BLE001 - one bad role must not stop the rest; reported by the caller
            failed.append({"slug": slug, "error": f"{type(e).__name__}: {e}"[:200]})
    return rows, failed


_WORKER_CON: duckdb.DuckDBPyConnection | None = None
_WORKER_ERROR: str | None = None


def _worker_init(path: str) -> None:
    """A guide worker: its own read-only connection to the snapshot, quiet (the parent shows progress).

    A failure is kept and raised by the first task: a pool whose initializer raises restarts workers forever."""
    global _WORKER_CON, _WORKER_ERROR
    sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the worker
    try:
        _WORKER_CON = duckdb.connect(path, read_only=True)
        _WORKER_CON.execute("SET enable_progress_bar = false")
        skills_of(_WORKER_CON, [r.slug for r in all_roles(_WORKER_CON)])
    except Exception as e:  # noqa: BLE001 - reported to the parent by _worker_chunk
        _WORKER_ERROR = f"guide worker could not open the store snapshot {path}: {type(e).__name__}: {e}"


def _worker_chunk(slugs: list[str]) -> tuple[list[tuple[str, str]], list[dict]]:
    if _WORKER_ERROR is not None or _WORKER_CON is None:
        raise RuntimeError(_WORKER_ERROR or "guide worker not initialised")
    return _guides_of(_WORKER_CON, slugs)


def _store_path(con: duckdb.DuckDBPyConnection) -> str | None:
    row = con.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchone()
    return row[0] if row and row[0] and os.path.isfile(row[0]) else None


def guide_workers() -> int:
    """Worker processes for `build_all_guides`: CAREERPATH_WORKERS, else every core."""
    raw = os.environ.get("CAREERPATH_WORKERS", "")
    if not raw.strip():
        return max(1, os.cpu_count() or 1)
    if not raw.strip().isdigit() or int(raw) < 1:
        raise InputError(f"CAREERPATH_WORKERS: expected a whole number of worker processes (1 or more), got {raw!r}")
    return int(raw)


MAX_LISTED_ROLES = 100_000  # lines of a `build --guides FILE` list; a longer file is not a list of roles
MAX_LIST_BYTES = 20_000_000  # nor is a larger one (100,000 lines of 200 characters)


def read_role_list(path: Path) -> list[tuple[int, str]]:
    """(line number, role as typed) of a publisher's list for `build --guides FILE`: one role per line, blank
    lines and # comments skipped. Read before the build starts, so a bad file fails in a second, not after it."""
    text = read_text(str(path), MAX_LIST_BYTES, expected="a list of roles, one per line")
    rows = [(n, line.strip()) for n, line in enumerate(text.splitlines(), 1)
            if line.strip() and not line.strip().startswith("#")]
    if not rows:
        raise InputError(f"{path}: no roles in it; expected one role per line, such as 'data scientist'")
    if len(rows) > MAX_LISTED_ROLES:
        raise InputError(f"{path}: {len(rows):,} lines; expected at most {MAX_LISTED_ROLES:,} roles")
    return rows


def build_listed_guides(con: duckdb.DuckDBPyConnection, path: Path) -> dict:
    """Derived step of `build --guides FILE`: the guides of the roles in `path` (`read_role_list`), each resolved
    as `careerpath guide` resolves what is typed. A line no role matches is counted and named in the report
    and the log, and the others are built: one typo must not cost a publisher the build."""
    from careerpath.progress import log

    slugs: list[str] = []
    unknown: list[dict] = []
    rows = read_role_list(path)
    for n, typed in rows:
        try:
            slug = resolve_role(con, typed[:200]).slug
        except InputError:
            unknown.append({"line": n, "role": typed[:200]})
            continue
        if slug not in slugs:
            slugs.append(slug)
    for u in unknown[:10]:
        log(f"{path}:{u['line']}: no role matches {u['role']!r}; its guide is not built")
    out = build_all_guides(con, slugs=slugs)
    return {**out, "listed": len(rows), "unknown": len(unknown), "unknown_roles": unknown[:20]}


def build_all_guides(con: duckdb.DuckDBPyConnection, workers: int | None = None,
                     slugs: list[str] | None = None) -> dict:
    """Derived step: the guide of every role into `guides(slug, json)`; returns counts and timing.

    A guide is ~0.25 s of single-threaded ranking, so 1,300 roles are worth spreading over cores: each worker
    process reads its own read-only snapshot of the store being built (DuckDB lets several processes read one
    file, not read a file another process writes). `slugs`: only these roles (default: every role)."""
    from careerpath.progress import log, track

    start = time.perf_counter()
    workers = workers or guide_workers()
    slugs = [r.slug for r in all_roles(con)] if slugs is None else list(slugs)
    path = _store_path(con) if workers > 1 and len(slugs) > PARALLEL_MIN else None
    failed: list[dict] = []

    def each_guide(results: Iterable[tuple[list, list[dict]]]) -> Iterator[tuple[str, str] | None]:
        """One item per role, for the progress bar: its row, or None when it failed (kept in `failed`)."""
        for part, bad in results:
            failed.extend(bad)
            yield from part
            yield from (None for _ in bad)

    # every role's text vectors, encoded here with every core and kept in the store: encoding in the workers cost
    # ~0.2 s per role, with two processes' model threads fighting over the cores
    chunks = [slugs[i:i + CHUNK] for i in range(0, len(slugs), CHUNK)]
    for chunk in track(chunks, "Role text vectors", total=len(chunks)):
        role_text_vectors(con, prefetch_profiles(con, chunk), write=True)
    if path is None:
        skills_of(con, slugs)
        rows = [r for r in track(each_guide(_guides_of(con, c) for c in chunks), "Guides", total=len(slugs)) if r]
    else:
        con.execute("CHECKPOINT")
        chunks = [slugs[i:i + PARALLEL_CHUNK] for i in range(0, len(slugs), PARALLEL_CHUNK)]
        with tempfile.TemporaryDirectory(prefix="guides-", dir=os.path.dirname(path)) as tmp:
            snap = os.path.join(tmp, "snapshot.duckdb")
            shutil.copyfile(path, snap)
            ctx = mp.get_context("spawn")  # not fork: the parent's torch threads and DuckDB handles do not survive it
            with ctx.Pool(min(workers, len(chunks)), initializer=_worker_init, initargs=(snap,)) as pool:
                done = each_guide(pool.imap_unordered(_worker_chunk, chunks))
                rows = [r for r in track(done, f"Guides ({workers} processes)", total=len(slugs)) if r]
                pool.close()  # let the workers exit on their own: terminating them leaks their semaphores
                pool.join()
        rows.sort()
    con.execute("CREATE OR REPLACE TABLE guides (slug VARCHAR PRIMARY KEY, json VARCHAR)")
    con.executemany("INSERT INTO guides VALUES (?, ?)", rows)
    for f in failed[:10]:
        log(f"guide {f['slug']} failed: {f['error']}")
    return {"guides": len(rows), "failed": len(failed), "failures": failed[:20],
            "workers": 1 if path is None else workers, "seconds": round(time.perf_counter() - start, 1)}


def figures_of(guide: gm.Guide) -> list[Figure]:
    """Every Figure in a guide (used by tests and the renderers' source checks)."""
    out: list[Figure] = []

    def walk(o: object) -> None:
        if isinstance(o, Figure):
            out.append(o)
        elif isinstance(o, (list, tuple)):
            for v in o:
                walk(v)
        elif hasattr(o, "model_fields"):
            for k in type(o).model_fields:
                walk(getattr(o, k))

    walk(guide)
    return out



