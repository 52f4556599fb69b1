"""The guide's three inputs from earlier stages, each with a plain fallback on the source tables.

- profile: `careerpath.profile.get_profile(con, slug)` (issue 5), else `fallback.profile_from_store`;
- courses: the recommender of issue 6 (`careerpath.recommend`), else a lexical match of the role's
  skill names against the catalogue's stated skills, ranked by coverage then rating;
- skills in free text: `careerpath.extract.skills.SkillExtractor` (issue 4), else whole-word matches
  of the role's skill names.
Upstream results are used as they come; the fallbacks keep a guide possible on a bare store.
"""

from __future__ import annotations

import math
import re
from importlib import import_module

import duckdb

from careerpath import store
from careerpath.guide.model import CourseItem
from careerpath.guide.resolve import RoleHit
from careerpath.profile import model as pm

TOP_COURSES = 15


def _optional(module: str, *names: str):
    try:
        mod = import_module(module)
    except ImportError:
        return None
    for n in names:
        fn = getattr(mod, n, None)
        if fn is not None:
            return fn
    return None


def get_profile(con: duckdb.DuckDBPyConnection, role: RoleHit) -> pm.Profile:
    fn = _optional("careerpath.profile", "get_profile")
    if fn is not None:
        try:
            prof = fn(con, role.slug)
        except Exception:  # noqa: BLE001 - a store without the profiles step: use the fallback
            prof = None
        if prof is not None:
            return prof if isinstance(prof, pm.Profile) else pm.Profile.model_validate(prof)
    from careerpath.guide.fallback import profile_from_store

    return profile_from_store(con, role)


def _course_item(c: object) -> CourseItem:
    d = c.model_dump() if hasattr(c, "model_dump") else dict(c)  # type: ignore[call-overload]
    d.setdefault("why", "")
    d.setdefault("relevance", 0.0)
    d["covers"] = list(d.get("covers") or [])
    for k in ("hours", "rating", "quality", "relevance"):
        if d.get(k) is not None and (not isinstance(d[k], (int, float)) or math.isnan(d[k])):
            d[k] = None
    d["relevance"] = d["relevance"] or 0.0
    return CourseItem.model_validate({k: v for k, v in d.items() if k in CourseItem.model_fields})


def recommend_courses(con: duckdb.DuckDBPyConnection, profile: pm.Profile, top: int = TOP_COURSES) -> list[CourseItem]:
    fn = _optional("careerpath.recommend", "recommend_for_role", "recommend_courses", "recommend", "courses_for_role")
    if fn is not None:
        try:
            got = fn(con, profile.role.slug, top=top)
            return [_course_item(c) for c in got]
        except Exception:  # noqa: BLE001 - recommender not ready on this store: fallback below
            pass
    return _lexical_courses(con, profile, top)


def _lexical_courses(con: duckdb.DuckDBPyConnection, profile: pm.Profile, top: int) -> list[CourseItem]:
    skills = {s.name.lower(): s for s in profile.skills.items}
    if not skills or not store.has_table(con, "courses"):
        return []
    names = list(skills)
    rows = con.execute(
        "SELECT course_id, title, provider, url, level, hours, rating, n_ratings, lower_skills FROM ("
        " SELECT *, list_transform(coalesce(skills_given, []), lambda x: lower(x)) AS lower_skills FROM courses)"
        " WHERE len(list_intersect(lower_skills, ?)) > 0", [names]).fetchall()
    scored = []
    for cid, title, prov, url, level, hours, rating, n, low in rows:
        covers = [skills[x].name for x in dict.fromkeys(low) if x in skills]
        cover = sum(skills[x.lower()].importance for x in covers)
        q = ((rating or 0) * (n or 0) + 4.0 * 50) / ((n or 0) + 50) / 5  # rating shrunk to a 4.0 prior
        scored.append((cover * (0.5 + 0.5 * q), cid, title, prov, url, level, hours, rating, n, covers, q))
    scored.sort(key=lambda r: (-r[0], r[1]))
    out, seen_titles, covered = [], set(), set()
    for sc, cid, title, prov, url, level, hours, rating, n, covers, q in scored:
        if title.lower() in seen_titles or (set(covers) <= covered and len(out) >= top // 2):
            continue
        seen_titles.add(title.lower())
        covered |= set(covers)
        hrs = None if hours is None or (isinstance(hours, float) and math.isnan(hours)) else float(hours)
        out.append(CourseItem(course_id=cid, title=title, provider=prov, url=url, level=level, hours=hrs,
                              rating=rating, n_ratings=int(n) if n is not None and n == n else None,
                              quality=round(q, 3), relevance=round(sc, 3), covers=covers,
                              why=f"teaches {', '.join(covers[:4])} (skills the catalogue lists for it)"))
        if len(out) >= top:
            break
    return out


def extract_skills(con: duckdb.DuckDBPyConnection, text: str, candidates: list[tuple[str, str]]) -> set[str]:
    """Ids of the candidate skills (id, name) found in `text`: the extractor's hits plus whole-word names."""
    found: set[str] = set()
    cls = _optional("careerpath.extract.skills", "SkillExtractor")
    if cls is not None:
        try:
            ex = cls.from_store(con) if hasattr(cls, "from_store") else cls(con)
            hits = ex.extract(text)
            ids = {getattr(h, "id", None) or (h.get("id") if isinstance(h, dict) else None) for h in hits}
            names = {(getattr(h, "name", None) or (h.get("name") if isinstance(h, dict) else "") or "").lower() for h in hits}
            found |= {sid for sid, name in candidates if sid in ids or name.lower() in names}
        except Exception:  # noqa: BLE001 - no taxonomy in this store: lexical only
            pass
    low = text.lower()
    for sid, name in candidates:
        forms = {name.lower(), re.sub(r"\s*\(.*?\)\s*", " ", name.lower()).strip()}
        if any(f and re.search(r"(?<![\w+#])" + re.escape(f) + r"(?![\w+#])", low) for f in forms):
            found.add(sid)
    return found
