"""A role profile built straight from the source tables, for stores without the profiles step.

The real profile (careerpath.profile, issue 5) blends postings and O*NET; this one uses what every
store has — O*NET ratings and technology skills, OEWS wages, BLS projections, O*NET tasks — and
returns the same `Profile` model, so the guide has one input shape either way.
"""

from __future__ import annotations

import duckdb

from careerpath.extract.skilltext import slug as skill_slug
from careerpath.figures import figure
from careerpath.guide.resolve import RoleHit, _catalog
from careerpath.profile import model as pm

MAX_SKILLS = 30


def _as_of(con: duckdb.DuckDBPyConnection, source_id: str) -> str:
    row = con.execute("SELECT as_of FROM sources WHERE id = ?", [source_id]).fetchone()
    return str(row[0]) if row and row[0] else "unknown"


def _bls_codes(con: duckdb.DuckDBPyConnection, code: str, dataset: str) -> list[tuple[str, float]]:
    rows = con.execute("SELECT bls_soc, weight FROM soc_crosswalk WHERE onet_soc = ? AND dataset = ?",
                       [code, dataset]).fetchall()
    return [(r[0], float(r[1] or 1.0)) for r in rows] or [(code[:7], 1.0)]


def _skills(con: duckdb.DuckDBPyConnection, code: str) -> list[pm.SkillItem]:
    items: dict[str, pm.SkillItem] = {}
    for table, typ in (("onet_skills", "skill"), ("onet_knowledge", "knowledge")):
        rows = con.execute(
            f"SELECT element_name, value, source_id FROM {table} WHERE soc_code = ? AND scale_id = 'IM' "
            "AND value >= 3.0 AND NOT coalesce(recommend_suppress, false)", [code]).fetchall()
        for name, value, src in rows:
            sid = skill_slug(name)
            items[sid] = pm.SkillItem(
                id=sid, name=name, type=typ, importance=round((float(value) - 1) / 4, 4), rank=0, evidence="onet",
                onet_importance=figure(value, "rating 1-5", src, _as_of(con, src), "O*NET importance"))
    rows = con.execute("SELECT example, hot_technology, in_demand, source_id FROM onet_technology_skills "
                       "WHERE soc_code = ?", [code]).fetchall()
    for name, hot, demand, _ in rows:
        sid = skill_slug(name)
        if sid not in items and (hot or demand):
            items[sid] = pm.SkillItem(id=sid, name=name, type="software", rank=0, evidence="onet",
                                      importance=round(0.45 + 0.15 * bool(hot) + 0.2 * bool(demand), 4),
                                      onet_hot=bool(hot), onet_in_demand=bool(demand))
    ranked = sorted(items.values(), key=lambda s: (-s.importance, s.name))[:MAX_SKILLS]
    cut = sorted((s.importance for s in ranked), reverse=True)[min(7, len(ranked) - 1)] if ranked else 1
    for i, s in enumerate(ranked, 1):
        s.rank, s.core = i, s.importance >= cut
    return ranked


def _wages(con: duckdb.DuckDBPyConnection, code: str) -> pm.SalarySection:
    sec = pm.SalarySection()
    bls = _bls_codes(con, code, "oews")
    soc6 = max(bls, key=lambda x: x[1])[0]
    for row in con.execute("SELECT * FROM oews_national WHERE soc6 = ? ORDER BY year DESC", [soc6]).fetchdf().to_dict("records"):
        src, as_of = row["source_id"], _as_of(con, row["source_id"])
        top = set(list(row["a_topcoded"]) if row.get("a_topcoded") is not None else [])
        f = lambda col, unit="USD/year": figure(row.get(col), unit, src, as_of,  # noqa: E731
                                                 "at or above this value (top-coded)" if col in top else None)
        sec.national.append(pm.NationalWages(
            year=int(row["year"]), method="single occupation" if len(bls) == 1 else f"largest of {len(bls)} BLS codes",
            mean=f("a_mean"), median=f("a_median"), p10=f("a_p10"), p25=f("a_p25"), p75=f("a_p75"),
            p90=f("a_p90"), employment=f("tot_emp", "persons")))
    states = con.execute(
        "SELECT state, a_mean, a_median, a_p10, a_p90, tot_emp, source_id FROM oews_state WHERE soc6 = ? AND "
        "year = (SELECT max(year) FROM oews_state) AND a_median IS NOT NULL ORDER BY tot_emp DESC NULLS LAST",
        [soc6]).fetchall()
    for state, mean, med, p10, p90, emp, src in states:
        a = _as_of(con, src)
        sec.by_state.append(pm.StateWages(state=state, mean=figure(mean, "USD/year", src, a),
                                          median=figure(med, "USD/year", src, a), p10=figure(p10, "USD/year", src, a),
                                          p90=figure(p90, "USD/year", src, a), employment=figure(emp, "persons", src, a)))
    return sec


def _outlook_education(con: duckdb.DuckDBPyConnection, code: str) -> tuple[pm.Outlook, pm.Education]:
    soc6 = max(_bls_codes(con, code, "ep"), key=lambda x: x[1])[0]
    row = con.execute("SELECT * FROM ep_projections WHERE soc6 = ?", [soc6]).fetchdf().to_dict("records")
    avg = con.execute("SELECT change_pct, source_id FROM ep_projections WHERE soc6 = '00-0000'").fetchone()
    out, edu = pm.Outlook(), pm.Education()
    if avg:
        out.average_change_pct = figure(avg[0], "percent", avg[1], _as_of(con, avg[1]), "all occupations, 2024-34")
    zone = con.execute("SELECT job_zone FROM onet_job_zones WHERE soc_code = ?", [code]).fetchone()
    edu.job_zone = int(zone[0]) if zone else None
    if row:
        r = row[0]
        src, a = r["source_id"], _as_of(con, r["source_id"])
        out.change_pct = figure(r["change_pct"], "percent", src, a, "projected change 2024-34")
        out.change_n = figure(r["change_n"], "persons", src, a)
        out.employment_2024 = figure(r["emp_2024"], "persons", src, a)
        out.employment_2034 = figure(r["emp_2034"], "persons", src, a)
        out.openings_annual = figure(r["openings_annual"], "persons/year", src, a, "average annual openings 2024-34")
        edu.typical_entry_education = r.get("education")
        edu.work_experience = r.get("work_experience")
        edu.on_the_job_training = r.get("ojt")
        edu.bls_source = src
    return out, edu


def _what_they_do(con: duckdb.DuckDBPyConnection, code: str) -> pm.WhatTheyDo:
    desc = con.execute("SELECT description FROM onet_occupations WHERE soc_code = ?", [code]).fetchone()
    tasks = [r[0] for r in con.execute(
        "SELECT task FROM onet_tasks WHERE soc_code = ? ORDER BY (task_type = 'Core') DESC NULLS LAST, "
        "incumbents_responding DESC NULLS LAST, task_id", [code]).fetchall()]
    return pm.WhatTheyDo(summary=desc[0] if desc else None, tasks=tasks, source="onet-29.0")


def _related(con: duckdb.DuckDBPyConnection, code: str) -> list[pm.RelatedRole]:
    by_soc = _catalog(con)["by_soc"]
    roles = _catalog(con)["roles"]
    out = []
    for rel, rank in con.execute("SELECT related_soc_code, rank FROM onet_related WHERE soc_code = ? ORDER BY rank",
                                 [code]).fetchall()[:10]:
        slug = by_soc.get(rel)
        if slug:
            out.append(pm.RelatedRole(slug=slug, title=roles[slug].title, similarity=0.0, onet_related=True))
    return out


def profile_from_store(con: duckdb.DuckDBPyConnection, role: RoleHit) -> pm.Profile:
    code = role.soc[0][0] if role.soc else None
    info = pm.RoleInfo(slug=role.slug, title=role.title, kind=role.kind, confidence=role.confidence,
                       soc=[pm.Occupation(code=c, title=t, weight=w) for c, t, w in role.soc],
                       aliases=list(role.aliases))
    if code is None:
        return pm.Profile(role=info, skills=pm.SkillsSection(evidence="onet", evidence_text="no data", formula=""))
    items = _skills(con, code)
    outlook, edu = _outlook_education(con, code)
    return pm.Profile(
        role=info,
        skills=pm.SkillsSection(evidence="onet", evidence_text="from O*NET ratings and technology skills",
                                formula="O*NET importance (1-5) rescaled to 0-1; hot/in-demand technologies 0.45-0.8",
                                items=items),
        salary=_wages(con, code), outlook=outlook, education=edu, what_they_do=_what_they_do(con, code),
        related_roles=_related(con, code),
        sources=sorted({"onet-29.0", "onet-30.0", "bls-oews-2025", "bls-ep-2024-34"}),
    )
