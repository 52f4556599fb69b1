"""The course browser's queries: filter the catalogue, and one course with its skills and roles."""

from __future__ import annotations

from dataclasses import dataclass

from careerpath.web.data import SiteData, _text

LEVELS = ("beginner", "intermediate", "advanced", "mixed")
COLUMNS = ("course_id", "title", "provider", "catalog", "url", "level", "hours", "rating", "n_ratings",
           "is_free", "price", "source_id")


@dataclass
class CourseFilter:
    topic: str | None = None
    role: str | None = None
    level: str | None = None
    free: bool | None = None
    max_hours: float | None = None
    provider: str | None = None
    q: str | None = None
    limit: int = 50
    offset: int = 0

    def active(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k not in ("limit", "offset") and v not in (None, "")}


def _clean(row: dict) -> dict:
    out = {k: row.get(k) for k in COLUMNS}
    for k in ("hours", "rating", "price"):
        v = out.get(k)
        out[k] = None if v is None or v != v else float(v)
    n = out.get("n_ratings")
    out["n_ratings"] = None if n is None or n != n else int(n)
    out["is_free"] = None if out.get("is_free") is None else bool(out["is_free"])
    for k in ("title", "provider", "catalog", "url", "level", "source_id"):
        out[k] = _text(out.get(k))
    out["title"] = out["title"] or out["course_id"]
    out["topic"] = row.get("topic")
    return out


def find_courses(data: SiteData, f: CourseFilter) -> tuple[int, list[dict]]:
    """(total matching, one page of courses) best-rated first; a role's courses in its guide's order."""
    if not data.has("courses"):
        return 0, []
    where, params = [], []
    order = "coalesce(c.n_ratings, 0) * coalesce(c.rating, 0) DESC, c.title"
    if f.role:
        guide = data.guide(f.role)
        ids = [c.course_id for c in guide.courses] if guide else []
        if not ids:
            return 0, []
        where.append("list_contains(?, c.course_id)")
        params.append(ids)
        order = "list_position(?, c.course_id)"
    if f.topic:
        where.append(data.topic_filter_sql())
        params.append(f.topic)
    if f.level:
        where.append("c.level = ?")
        params.append(f.level)
    if f.free is not None:
        where.append("coalesce(c.is_free, false) = ?" if f.free else "NOT coalesce(c.is_free, false)")
        if f.free:
            params.append(True)
    if f.max_hours is not None:
        where.append("c.hours <= ?")
        params.append(float(f.max_hours))
    if f.provider:
        where.append("lower(c.provider) = lower(?)")
        params.append(f.provider)
    if f.q:
        where.append("c.title ILIKE ?")
        params.append("%" + f.q.replace("%", "").replace("_", "") + "%")
    sql_where = ("WHERE " + " AND ".join(where)) if where else ""
    total = data.cursor().execute(f"SELECT count(*) FROM courses c {sql_where}", params).fetchone()[0]
    order_params = [params[0]] if f.role else []
    cols = ", ".join(f"c.{k}" for k in COLUMNS)
    rows = data.rows(f"SELECT {cols}, {data.topic_sql()} AS topic FROM courses c {sql_where} ORDER BY {order} "
                     f"LIMIT ? OFFSET ?", params + order_params + [int(f.limit), int(f.offset)])
    return int(total), [_clean(r) for r in rows]


def course_detail(data: SiteData, course_id: str) -> dict | None:
    if not data.has("courses"):
        return None
    cols = ", ".join(f"c.{k}" for k in COLUMNS)
    rows = data.rows(f"SELECT {cols}, c.description, c.skills_given, {data.topic_sql()} AS topic "
                     f"FROM courses c WHERE c.course_id = ?", [course_id])
    if not rows:
        return None
    row = rows[0]
    out = _clean(row)
    out["description"] = _text(row.get("description"))
    out["skills"] = course_skills(data, course_id) or [s for s in (row.get("skills_given") or []) if s]
    out["roles"] = roles_for_course(data, course_id)
    return out


def course_skills(data: SiteData, course_id: str) -> list[str]:
    if not (data.has("course_skills") and data.has("skills")):
        return []
    return [r["name"] for r in data.rows(
        "SELECT s.name FROM course_skills cs JOIN skills s USING (skill_id) WHERE cs.course_id = ? "
        "GROUP BY s.name ORDER BY max(cs.score) DESC, s.name", [course_id])]


def roles_for_course(data: SiteData, course_id: str) -> list[dict]:
    """Roles whose guide recommends the course (the guides' JSON is searched for the quoted id)."""
    if not data.has("guides"):
        return []
    rows = data.rows("SELECT slug FROM guides WHERE contains(json, ?) ORDER BY slug LIMIT 50",
                     ['"' + course_id.replace("\\", "\\\\").replace('"', '\\"') + '"'])
    return [{"slug": r["slug"], "title": data.by_slug[r["slug"]].title if r["slug"] in data.by_slug else r["slug"]}
            for r in rows]
