"""What the store says about each skill's place in a learning path (inputs of roadmap.depth).

- level: mean course level of the courses teaching the skill (`course_skills` by id, else the
  catalogue's stated skills by name);
- generality: share of all postings asking for it (`posting_skills`) or share of O*NET occupations listing it
  (technology example, `aggregates.TECH_SPREAD_SQL`, or an importance rating of 3+ of 5), the larger: postings
  seldom write "active listening" (0.04% of them), which O*NET rates important for 82% of occupations;
- above_typical: the role's O*NET importance rating (its occupations' weighted mean) minus the mean over all
  occupations, for O*NET's skills and knowledge areas;
- dependence: co-occurrence in the role's own postings (`posting_roles` + `posting_skills`).
Whole-store counts are computed once per connection.
"""

from __future__ import annotations

import duckdb

from careerpath import store
from careerpath.guide.roadmap import PathSkill, SkillFacts
from careerpath.profile.aggregates import TECH_SPREAD_SQL

LEVEL_VALUE = {"beginner": 0.0, "mixed": 0.5, "intermediate": 0.5, "advanced": 1.0}
MIN_ROLE_POSTINGS = 30

_CACHE: dict[int, tuple[duckdb.DuckDBPyConnection, dict]] = {}


def _global(con: duckdb.DuckDBPyConnection) -> dict:
    hit = _CACHE.get(id(con))
    if hit is not None and hit[0] is con:
        return hit[1]
    lv = "CASE lower(c.level) WHEN 'beginner' THEN 0.0 WHEN 'intermediate' THEN 0.5 WHEN 'mixed' THEN 0.5 " \
         "WHEN 'advanced' THEN 1.0 END"
    g: dict = {"level_id": {}, "level_name": {}, "gen_id": {}, "gen_name": {}}
    if store.has_table(con, "courses"):
        for name, lvl, n in con.execute(
                f"SELECT lower(s) AS name, avg({lv}), count(*) FROM courses c, unnest(coalesce(c.skills_given, [])) AS t(s) "
                "GROUP BY 1").fetchall():
            g["level_name"][name] = (lvl, int(n))
        if store.has_table(con, "course_skills"):
            for sid, lvl, n in con.execute(
                    f"SELECT cs.skill_id, avg({lv}), count(*) FROM course_skills cs JOIN courses c USING (course_id) "
                    "GROUP BY 1").fetchall():
                g["level_id"][sid] = (lvl, int(n))
    if store.has_table(con, "posting_skills"):
        total = con.execute("SELECT count(DISTINCT posting_id) FROM posting_skills").fetchone()[0] or 1
        for sid, n in con.execute("SELECT skill_id, count(DISTINCT posting_id) FROM posting_skills GROUP BY 1").fetchall():
            g["gen_id"][sid] = n / total
    n_occ = con.execute("SELECT count(*) FROM onet_occupations").fetchone()[0] or 1
    for name, share in con.execute(f"SELECT lower(example), max(spread) FROM ({TECH_SPREAD_SQL}) GROUP BY 1").fetchall():
        g["gen_name"][name] = share
    g["mean_im"] = {}
    for table in ("onet_skills", "onet_knowledge"):
        for name, n, mean in con.execute(
                f"SELECT lower(element_name), count(DISTINCT soc_code) FILTER (WHERE value >= 3), avg(value) "
                f"FROM {table} WHERE scale_id = 'IM' GROUP BY 1").fetchall():
            g["gen_name"][name] = n / n_occ
            g["mean_im"][name] = float(mean)
    _CACHE[id(con)] = (con, g)
    return g


def _dependence(con: duckdb.DuckDBPyConnection, slug: str, ids: list[str]) -> dict[str, float]:
    if not (store.has_table(con, "posting_roles") and store.has_table(con, "posting_skills")) or len(ids) < 2:
        return {}
    rows = con.execute(
        "SELECT ps.posting_id, ps.skill_id FROM posting_skills ps JOIN posting_roles pr USING (posting_id) "
        "WHERE pr.slug = ? AND list_contains(?, ps.skill_id)", [slug, ids]).fetchall()
    sets: dict[str, set[str]] = {}
    for pid, sid in rows:
        sets.setdefault(sid, set()).add(pid)
    if len({p for s in sets.values() for p in s}) < MIN_ROLE_POSTINGS:
        return {}
    out = {}
    for s, ps in sets.items():
        diffs = []
        for t, pt in sets.items():
            if t == s:
                continue
            both = len(ps & pt)
            diffs.append(both / len(pt) - both / len(ps))  # P(s|t) - P(t|s): > 0 means s is more basic
        if diffs:
            out[s] = (1 - sum(diffs) / len(diffs)) / 2
    return out


def _role_ratings(con: duckdb.DuckDBPyConnection, slug: str) -> dict[str, float]:
    """O*NET importance (1-5) of each skill and knowledge area for the role, weighted over its occupations."""
    if not store.has_table(con, "role_occupations"):
        return {}
    out: dict[str, float] = {}
    for table in ("onet_skills", "onet_knowledge"):
        for name, value in con.execute(
                f"SELECT lower(t.element_name), sum(t.value * ro.weight) / sum(ro.weight) FROM {table} t "
                "JOIN role_occupations ro USING (soc_code) WHERE ro.slug = ? AND t.scale_id = 'IM' GROUP BY 1",
                [slug]).fetchall():
            out[name] = float(value)
    return out


def skill_facts(con: duckdb.DuckDBPyConnection, slug: str, skills: list[PathSkill]) -> dict[str, SkillFacts]:
    g = _global(con)
    dep = _dependence(con, slug, [s.id for s in skills])
    rated = _role_ratings(con, slug)
    out = {}
    for s in skills:
        name = s.name.lower()
        lvl = g["level_id"].get(s.id) or g["level_name"].get(name)
        gens = [x for x in (g["gen_id"].get(s.id), g["gen_name"].get(name)) if x is not None]
        above = rated[name] - g["mean_im"][name] if name in rated and name in g["mean_im"] else None
        out[s.id] = SkillFacts(level=None if not lvl or lvl[0] is None else float(lvl[0]),
                               generality=float(max(gens)) if gens else None,
                               dependence=dep.get(s.id), n_courses=int(lvl[1]) if lvl else 0,
                               above_typical=above)
    return out
