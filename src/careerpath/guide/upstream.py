"""The guide's three inputs from earlier stages, called directly.

- profile: `careerpath.profile.get_profile` (issue 5), read from the store's `profiles` table;
- courses: the recommender of issue 6 — the list `careerpath.recommend.recommend_for_role` gives,
  computed by guide/courses.py on a catalogue read once per store;
- skills in free text: `careerpath.extract.skills.SkillExtractor` (issue 4), lexical stage only.

A store that lacks a step is the user's to fix (`careerpath build`), so it is an InputError here, not
a quieter guide. The extractor is loaded once per connection: a personalised guide on the web must
not re-read the taxonomy on every request.
"""

from __future__ import annotations

import duckdb

from careerpath import store
from careerpath.errors import InputError
from careerpath.extract.role_lookup import RoleHit
from careerpath.extract.skills import ExtractConfig, SkillExtractor
from careerpath.guide.courses import course_lists_for
from careerpath.guide.model import TOP_COURSES, CourseItem
from careerpath.profile import get_profile as _stored_profile
from careerpath.profile import model as pm
from careerpath.recommend.filters import Filters

BUILD_HINT = "run `careerpath build` (or `careerpath profiles build`) on this store first"

_PREFETCHED: dict[int, tuple[duckdb.DuckDBPyConnection, dict[str, pm.Profile]]] = {}
_SKILLS: dict[int, tuple[duckdb.DuckDBPyConnection, dict[str, list[pm.SkillItem]]]] = {}
_EXTRACTORS: dict[int, tuple[duckdb.DuckDBPyConnection, SkillExtractor]] = {}


def get_profile(con: duckdb.DuckDBPyConnection, role: RoleHit) -> pm.Profile:
    """The stored profile of a role (one `prefetch_profiles` fetched, else `careerpath.profile.get_profile`);
    a store without profiles is an InputError, not a recomputation."""
    ahead = _PREFETCHED.get(id(con))
    if ahead is not None and ahead[0] is con and role.slug in ahead[1]:
        return ahead[1].pop(role.slug)
    if not store.has_table(con, "profiles"):
        raise InputError(f"the store has no role profiles; {BUILD_HINT}")
    return _stored_profile(con, role.slug)


def prefetch_profiles(con: duckdb.DuckDBPyConnection, slugs: list[str]) -> list[pm.Profile]:
    """Read many stored profiles in one query (a point read is ~35 ms on the full store); each is handed
    out once by `get_profile`, so a batch holds only its own chunk in memory."""
    if not store.has_table(con, "profiles"):
        raise InputError(f"the store has no role profiles; {BUILD_HINT}")
    got = {slug: pm.Profile.model_validate_json(text) for slug, text in con.execute(
        "SELECT slug, json FROM profiles WHERE list_contains(?, slug)", [slugs]).fetchall()}
    _PREFETCHED[id(con)] = (con, dict(got))
    return list(got.values())


def skills_of(con: duckdb.DuckDBPyConnection, slugs: list[str]) -> dict[str, list[pm.SkillItem]]:
    """The ranked skills of many roles' stored profiles, read in one query and kept per connection
    (related roles and `build --all` compare a role with others; one `get_profile` each is ~35 ms)."""
    memo = _SKILLS.get(id(con))
    if memo is None or memo[0] is not con:
        memo = _SKILLS[id(con)] = (con, {})
    known = memo[1]
    todo = [s for s in dict.fromkeys(slugs) if s not in known]
    if todo:
        if not store.has_table(con, "profiles"):
            raise InputError(f"the store has no role profiles; {BUILD_HINT}")
        for slug, text in con.execute("SELECT slug, json FROM profiles WHERE list_contains(?, slug)", [todo]).fetchall():
            known[slug] = pm.Profile.model_validate_json(text).skills.items
    return {s: known[s] for s in slugs if s in known}


def recommend_courses(con: duckdb.DuckDBPyConnection, profile: pm.Profile, top: int = TOP_COURSES,
                      certificates: int = 0) -> tuple[list[CourseItem], list[CourseItem]]:
    """The recommender's list for the role and its best `certificates` credentials (professional, university
    or graduate certificates), both ranked by what they teach the role, in the guide's course model."""
    lists: dict[str, tuple[int, Filters | None]] = {"courses": (top, None)}
    if certificates:
        lists["certificates"] = (certificates, Filters(certificate=True))
    got = course_lists_for(con, profile, lists)
    return _items(got["courses"]), _items(got.get("certificates", []))


def _items(rows: list[dict]) -> list[CourseItem]:
    return [CourseItem.model_validate({k: v for k, v in c.items() if k in CourseItem.model_fields}) for c in rows]


def _extractor(con: duckdb.DuckDBPyConnection) -> SkillExtractor:
    hit = _EXTRACTORS.get(id(con))
    if hit is not None and hit[0] is con:
        return hit[1]
    ex = SkillExtractor.from_store(con, config=ExtractConfig(semantic=False))
    _EXTRACTORS[id(con)] = (con, ex)
    return ex


def extract_skills(con: duckdb.DuckDBPyConnection, text: str, candidates: list[tuple[str, str]]) -> set[str]:
    """Ids of the candidate skills (id, name) the extractor finds in `text` (by id, or by name)."""
    hits = _extractor(con).extract(text)
    ids = {h.id for h in hits}
    names = {h.name.lower() for h in hits}
    return {sid for sid, name in candidates if sid in ids or name.lower() in names}


#: The general skill of writing programs (O*NET's "Programming", merged with ESCO's "computer programming").
PROGRAMMING = "computer-programming"


def implied_skills(con: duckdb.DuckDBPyConnection, have: set[str], candidates: list[tuple[str, str]]) -> set[str]:
    """Skills a person has because of ones they named: whoever writes Python or Java can program. A résumé says
    "Python, SQL", never "programming", and a gap listing Programming as missing beside a known Python reads
    as a bug. Programming languages are O*NET's object-oriented development software and ESCO's
    "(computer programming)" concepts."""
    if PROGRAMMING in have or PROGRAMMING not in {sid for sid, _ in candidates} or not have:
        return set()
    known = con.execute("""SELECT count(*) FROM skills WHERE list_contains(?, skill_id) AND skill_id <> ?
                           AND (category = 'Object or component oriented development software'
                                OR name LIKE '%(computer programming)%')""", [sorted(have), PROGRAMMING]).fetchone()[0]
    return {PROGRAMMING} if known else set()
