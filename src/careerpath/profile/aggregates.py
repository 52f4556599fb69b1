"""Per-role aggregates for every role at once: set-based DuckDB SQL, one pass per kind of evidence.

`collect(con, slugs)` returns `Aggregates`: for each kind (wages, skill counts, tasks, ...) a dict
slug → list of row dicts, ready for the pure assembly in `assemble.py`. No query scans the data once
per role; every one groups by slug.

Which postings count: those `posting_roles` assigns to the role, not flagged as duplicates.
Skill shares count a posting for a skill only when it could show it: postings with text count for
every skill; postings with a source-given skill list and no text (the data-jobs files) count only for
skills in that source's given vocabulary (`method = 'given'` somewhere in the source).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import duckdb

from careerpath.profile import tables
from careerpath.sources.postings import SEARCHED

#: Experience level from a posting's seniority field, title words or stated years of experience.
LEVEL_SQL = r"""
    CASE
      WHEN lower(seniority) IN ('trainee', 'junior', 'intern', 'entry', 'entry level', 'graduate') THEN 'entry|seniority field'
      WHEN lower(seniority) IN ('mid', 'regular', 'mid-senior', 'intermediate') THEN 'mid|seniority field'
      WHEN lower(seniority) IN ('senior', 'expert', 'lead', 'principal') THEN 'senior|seniority field'
      WHEN regexp_matches(lower(title), '\b(intern|internship|junior|jr|entry[ -]level|graduate|trainee|apprentice)\b') THEN 'entry|title words'
      WHEN regexp_matches(lower(title), '\b(senior|sr|lead|principal|head of|staff (engineer|scientist|software|data|machine))\b') THEN 'senior|title words'
      WHEN years BETWEEN 0 AND 2 THEN 'entry|stated years of experience'
      WHEN years BETWEEN 3 AND 5 THEN 'mid|stated years of experience'
      WHEN years BETWEEN 6 AND 30 THEN 'senior|stated years of experience'
    END"""

YEARS_SQL = r"""try_cast(regexp_extract(lower(description),
    '(\d{1,2})\s*\+?\s*(?:-|to|–)?\s*(?:\d{1,2})?\s*\+?\s*(?:years|yrs)[^.;]{0,40}experience', 1) AS INTEGER)"""

#: Per O*NET technology example, the share of the occupations with technology skills that list it: Outlook
#: for nearly all, TensorFlow for a few. Profiles discount widespread technology by it; guides read it as how
#: general a skill is. One definition for both.
TECH_SPREAD_SQL = """SELECT example, count(DISTINCT soc_code)
                            / (SELECT count(DISTINCT soc_code) FROM onet_technology_skills) AS spread
                     FROM onet_technology_skills GROUP BY 1"""

#: Core tasks; an occupation whose tasks O*NET never categorised (e.g. 15-1252.00) keeps all of them.
_CORE_TASK = """(t.task_type = 'Core' OR (t.task_type IS NULL AND NOT EXISTS (
    SELECT 1 FROM onet_tasks c WHERE c.soc_code = t.soc_code AND c.task_type = 'Core')))"""


@dataclass
class Aggregates:
    roles: list[dict]
    occupations: dict[str, list[dict]] = field(default_factory=dict)  # slug → O*NET codes with weight
    oews: dict[str, list[dict]] = field(default_factory=dict)
    oews_state: dict[str, list[dict]] = field(default_factory=dict)
    ep: dict[str, list[dict]] = field(default_factory=dict)
    ep_total: dict | None = None
    skill_counts: dict[str, list[dict]] = field(default_factory=dict)
    onet_ratings: dict[str, list[dict]] = field(default_factory=dict)
    onet_tech: dict[str, list[dict]] = field(default_factory=dict)
    rating_standins: dict[str, list[dict]] = field(default_factory=dict)  # slug → rated codes standing in for unrated
    evidence: dict[str, list[dict]] = field(default_factory=dict)  # postings by country and source
    left_out: dict[str, list[dict]] = field(default_factory=dict)  # postings of collections that searched for other titles
    posting_wages: dict[str, list[dict]] = field(default_factory=dict)
    level_wages: dict[str, list[dict]] = field(default_factory=dict)
    volume: dict[str, list[dict]] = field(default_factory=dict)
    market: dict[str, list[dict]] = field(default_factory=dict)
    locations: dict[str, list[dict]] = field(default_factory=dict)
    trends: dict[str, list[dict]] = field(default_factory=dict)
    education: dict[str, list[dict]] = field(default_factory=dict)
    preparation: dict[str, list[dict]] = field(default_factory=dict)
    tasks: dict[str, list[dict]] = field(default_factory=dict)
    activities: dict[str, list[dict]] = field(default_factory=dict)
    related: dict[str, list[dict]] = field(default_factory=dict)
    skills: dict[str, dict] = field(default_factory=dict)  # skill_id → skills row
    sources: dict[str, dict] = field(default_factory=dict)


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict]:
    """Query result as row dicts (lists stay lists, NULL is None, NaN is None)."""
    cur = con.execute(sql)
    cols = [d[0] for d in cur.description]
    rows = [dict(zip(cols, r)) for r in cur.fetchall()]
    for r in rows:
        for k, v in r.items():
            if isinstance(v, float) and v != v:
                r[k] = None
    return rows


def _by_slug(rows: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        out[r["slug"]].append(r)
    return dict(out)


def _setup(con: duckdb.DuckDBPyConnection, slugs: list[str] | None) -> None:
    tables.prepare(con)
    con.execute("CREATE OR REPLACE TEMP TABLE _prof_roles AS SELECT * FROM roles")
    if slugs is not None:
        con.execute("DELETE FROM _prof_roles WHERE slug NOT IN (SELECT unnest(?))", [list(slugs)])
    # O*NET codes per role: role_occupations, else the role's own code with weight 1.
    con.execute("""
        CREATE OR REPLACE TEMP TABLE _prof_occ AS
        SELECT ro.slug, ro.soc_code, ro.weight FROM role_occupations ro JOIN _prof_roles USING (slug)
        WHERE ro.weight > 0
        UNION ALL
        SELECT r.slug, r.soc_code, 1.0 FROM _prof_roles r
        WHERE r.soc_code IS NOT NULL AND r.slug NOT IN (SELECT slug FROM role_occupations WHERE weight > 0)""")
    # The occupations whose O*NET ratings a role's skills rest on: its own; or, when O*NET rates none of them (its
    # "All Other" codes, the SOC residuals, carry no skill or knowledge ratings), the rated occupations O*NET files
    # under the same code (19-1029.00 → 19-1029.01 … .04), else those of the same SOC broad group (19-102x),
    # sharing the weight equally. Without them 85 roles had no skills, no roadmap and "0–0 months" to job-ready.
    con.execute("""
        CREATE OR REPLACE TEMP TABLE _prof_rate_occ AS
        WITH rated AS (SELECT soc_code FROM onet_skills WHERE scale_id = 'IM'
                       UNION SELECT soc_code FROM onet_knowledge WHERE scale_id = 'IM'),
        own AS (SELECT o.slug, o.soc_code, o.weight FROM _prof_occ o WHERE o.soc_code IN (SELECT soc_code FROM rated)),
        bare AS (SELECT o.* FROM _prof_occ o WHERE o.slug NOT IN (SELECT slug FROM own)),
        kids AS (SELECT b.slug, b.soc_code AS stands_for, b.weight, r.soc_code FROM bare b
                 JOIN rated r ON left(r.soc_code, 7) = left(b.soc_code, 7) AND r.soc_code <> b.soc_code),
        sibs AS (SELECT b.slug, b.soc_code AS stands_for, b.weight, r.soc_code FROM bare b
                 JOIN rated r ON left(r.soc_code, 6) = left(b.soc_code, 6) AND r.soc_code <> b.soc_code
                 WHERE NOT EXISTS (SELECT 1 FROM kids k WHERE k.slug = b.slug AND k.stands_for = b.soc_code)),
        sub AS (SELECT * FROM kids UNION ALL SELECT * FROM sibs)
        SELECT slug, soc_code, weight, NULL::VARCHAR AS stands_for FROM own
        UNION ALL
        SELECT slug, soc_code, weight / count(*) OVER (PARTITION BY slug, stands_for), stands_for FROM sub""")
    # BLS codes per role and dataset: weights of O*NET codes sharing a BLS code add up.
    con.execute("""
        CREATE OR REPLACE TEMP TABLE _prof_bls AS
        SELECT o.slug, x.dataset, x.bls_soc, sum(o.weight * x.weight) AS weight
        FROM _prof_occ o JOIN soc_crosswalk x ON x.onet_soc = o.soc_code
        GROUP BY ALL""")
    # Collections that searched for some titles only ("data scientist", "data analyst" …) and the SOC prefixes searched.
    # Their postings of an occupation outside those are data jobs of it ("VP, Data Science" for chief executives, "Data
    # Science Tutor" for tutors, "Energy Data Analyst" for energy auditors), not a sample of it: they had made SQL and
    # Python the first skills of chief executives. A role counts them when one of its codes was searched for, or when it
    # is an emerging role (the catalog made it from these titles); `_prof_left` says how many were left out.
    con.execute("CREATE OR REPLACE TEMP TABLE _prof_searched (source_id VARCHAR, prefix VARCHAR)")
    rows = [(sid, pre) for sid, pres in SEARCHED.items() for pre in pres]
    if rows:
        con.executemany("INSERT INTO _prof_searched VALUES (?, ?)", rows)
    con.execute("""
        CREATE OR REPLACE TEMP TABLE _prof_scope AS
        SELECT DISTINCT r.slug, s.source_id FROM _prof_roles r CROSS JOIN _prof_searched s
        WHERE r.kind = 'emerging' OR EXISTS (SELECT 1 FROM _prof_occ o WHERE o.slug = r.slug AND starts_with(o.soc_code, s.prefix))""")
    con.execute("""
        CREATE OR REPLACE TEMP TABLE _prof_pr AS
        SELECT DISTINCT pr.posting_id, pr.slug, p.source_id,
               p.source_id IN (SELECT source_id FROM _prof_searched)
               AND NOT EXISTS (SELECT 1 FROM _prof_scope s WHERE s.slug = pr.slug AND s.source_id = p.source_id) AS outside
        FROM posting_roles pr JOIN _prof_roles USING (slug) JOIN postings p USING (posting_id)
        WHERE p.duplicate_of IS NULL""")
    con.execute("""CREATE OR REPLACE TEMP TABLE _prof_left AS
                   SELECT slug, count(*) AS n, list(DISTINCT source_id ORDER BY source_id) AS sources
                   FROM _prof_pr WHERE outside GROUP BY slug""")
    # The role's postings (duplicates and searched-for-others postings dropped), with the facts every section needs.
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _prof_pp AS
        WITH pr AS (SELECT posting_id, slug FROM _prof_pr WHERE NOT outside),
        p AS (SELECT p.*, {YEARS_SQL} AS years FROM postings p
              WHERE p.duplicate_of IS NULL AND p.posting_id IN (SELECT posting_id FROM pr))
        SELECT pr.slug, p.posting_id, p.source_id, p.country, p.currency, p.salary_annual, p.remote,
               p.location, strftime(p.posted_date, '%Y-%m') AS month, year(p.posted_date) AS year,
               p.no_degree, coalesce(nullif(lower(trim(p.company)), ''), p.posting_id) AS employer,
               coalesce(length(p.description) > 0, false) AS has_text,
               coalesce(len(p.skills_given) > 0, false) AS has_given,
               {LEVEL_SQL} AS level
        FROM pr JOIN p USING (posting_id)""")
    # Skills per posting, for every non-duplicate posting (the baseline needs all of them).
    con.execute("""
        CREATE OR REPLACE TEMP TABLE _prof_ps AS
        SELECT ps.posting_id, ps.skill_id, bool_or(ps.method = 'given') AS given
        FROM posting_skills ps JOIN postings p USING (posting_id)
        WHERE p.duplicate_of IS NULL GROUP BY ALL""")
    con.execute("""
        CREATE OR REPLACE TEMP TABLE _prof_vocab AS
        SELECT DISTINCT p.source_id, ps.skill_id FROM posting_skills ps JOIN postings p USING (posting_id)
        WHERE ps.method = 'given'""")


#: A role's skill counts only when this many employers' postings name it, once the role's postings come from at least
#: SKILL_ROLE_EMPLOYERS employers: one recruiter's footer ("paste … to your web browser", 20 of 76 chef postings) or
#: one employer's template ("Agile development" in a care provider's nurse adverts) is that employer's wording.
#: A posting without a company counts as an employer of its own.
SKILL_EMPLOYERS = 2
SKILL_ROLE_EMPLOYERS = 5


def _skill_counts(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """k (postings asking), n (postings that could show it) per role and skill; K, N over all postings. A skill
    only one employer names is left out (`SKILL_EMPLOYERS`)."""
    return _rows(con, f"""
        WITH allp AS (
            SELECT posting_id, source_id, coalesce(length(description) > 0, false) AS has_text,
                   coalesce(len(skills_given) > 0, false) AS has_given
            FROM postings WHERE duplicate_of IS NULL),
        n_text_all AS (SELECT count(*) FILTER (WHERE has_text) AS n FROM allp),
        go_all AS (SELECT source_id, count(*) AS n FROM allp WHERE NOT has_text AND has_given GROUP BY ALL),
        kk AS (SELECT ps.skill_id, count(*) AS k_all FROM _prof_ps ps JOIN allp USING (posting_id)
               WHERE allp.has_text OR ps.given GROUP BY ALL),
        base AS (
            SELECT kk.skill_id, kk.k_all,
                   (SELECT n FROM n_text_all) + coalesce((SELECT sum(g.n) FROM _prof_vocab v JOIN go_all g USING (source_id)
                                                          WHERE v.skill_id = kk.skill_id), 0) AS n_all
            FROM kk),
        k AS (SELECT pp.slug, ps.skill_id, count(*) AS k, count(DISTINCT pp.employer) AS k_employers
              FROM _prof_pp pp JOIN _prof_ps ps USING (posting_id)
              WHERE pp.has_text OR ps.given GROUP BY ALL),
        emp AS (SELECT slug, count(DISTINCT employer) AS employers FROM _prof_pp GROUP BY slug),
        nt AS (SELECT slug, count(*) FILTER (WHERE has_text) AS n_text FROM _prof_pp GROUP BY slug),
        go AS (SELECT slug, source_id, count(*) AS n FROM _prof_pp WHERE NOT has_text AND has_given GROUP BY ALL),
        gv AS (SELECT go.slug, v.skill_id, sum(go.n) AS n_given FROM go JOIN _prof_vocab v USING (source_id) GROUP BY ALL)
        SELECT k.slug, k.skill_id, k.k, nt.n_text + coalesce(gv.n_given, 0) AS n, base.k_all, base.n_all
        FROM k JOIN nt USING (slug) JOIN base USING (skill_id) JOIN emp USING (slug)
        LEFT JOIN gv ON gv.slug = k.slug AND gv.skill_id = k.skill_id
        WHERE k.k_employers >= {SKILL_EMPLOYERS} OR emp.employers < {SKILL_ROLE_EMPLOYERS}""")


def _trends(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """Skill shares per year for roles with at least 30 skill-bearing postings in two or more years."""
    return _rows(con, """
        WITH e AS (SELECT slug, posting_id, year, source_id FROM _prof_pp WHERE year IS NOT NULL AND (has_text OR has_given)),
        ny AS (SELECT slug, year, count(*) AS n, mode(source_id) AS source_id FROM e GROUP BY ALL HAVING count(*) >= 30),
        ok AS (SELECT slug FROM ny GROUP BY slug HAVING count(*) >= 2),
        k AS (SELECT e.slug, e.year, ps.skill_id, count(*) AS k FROM e JOIN _prof_ps ps USING (posting_id)
              WHERE e.slug IN (SELECT slug FROM ok) GROUP BY ALL)
        SELECT k.slug, k.year, k.skill_id, k.k, ny.n, ny.source_id FROM k JOIN ny USING (slug, year)""")


def collect(con: duckdb.DuckDBPyConnection, slugs: list[str] | None = None) -> Aggregates:
    """Every per-role aggregate a profile needs, for all roles (or the given slugs)."""
    _setup(con, slugs)
    q = lambda sql: _by_slug(_rows(con, sql))  # noqa: E731
    agg = Aggregates(roles=_rows(con, "SELECT * FROM _prof_roles ORDER BY slug"))
    agg.occupations = q("""SELECT o.slug, o.soc_code, o.weight, oc.title, oc.description, oc.source_id FROM _prof_occ o
                           LEFT JOIN onet_occupations oc USING (soc_code) ORDER BY o.slug, o.weight DESC, o.soc_code""")
    # BLS prints a code that is both a broad and a detailed occupation twice (13-1020 Buyers and Purchasing Agents,
    # o_group 'broad' and 'detailed', same figures): one row per code and year, or the role reads as a mixture of two
    agg.oews = q("""SELECT b.slug, b.bls_soc, b.weight, w.* EXCLUDE (soc6) FROM _prof_bls b
                    JOIN oews_national w ON w.soc6 = b.bls_soc WHERE b.dataset = 'oews'
                    QUALIFY row_number() OVER (PARTITION BY b.slug, b.bls_soc, w.year
                                               ORDER BY w.o_group = 'detailed' DESC, w.o_group) = 1
                    ORDER BY b.slug, w.year DESC, b.weight DESC, b.bls_soc""")
    agg.oews_state = q("""SELECT b.slug, b.bls_soc, b.weight, s.year, s.state, s.tot_emp, s.a_mean, s.a_p10,
                                 s.a_median, s.a_p90, s.a_topcoded, s.source_id,
                                 (SELECT any_value(n.occ_title) FROM oews_national n WHERE n.soc6 = b.bls_soc) AS occ_title
                          FROM _prof_bls b JOIN oews_state s ON s.soc6 = b.bls_soc
                          WHERE b.dataset = 'oews' AND s.year = (SELECT max(year) FROM oews_state)
                          ORDER BY b.slug, s.state, b.bls_soc""")
    agg.ep = q("""SELECT b.slug, b.bls_soc, b.weight, e.* EXCLUDE (soc6) FROM _prof_bls b
                  JOIN ep_projections e ON e.soc6 = b.bls_soc WHERE b.dataset = 'ep'
                  ORDER BY b.slug, b.weight DESC, b.bls_soc""")
    total = _rows(con, "SELECT * FROM ep_projections WHERE soc6 = '00-0000'")
    agg.ep_total = total[0] if total else None
    agg.skill_counts = _by_slug(_skill_counts(con))
    # im_mean, im_sd: the same element's importance over all occupations O*NET rates (the specificity of a rating)
    ratings = """(WITH typical AS (SELECT element_id, avg(value) AS im_mean, stddev_pop(value) AS im_sd FROM {table}
                                  WHERE scale_id = 'IM' GROUP BY element_id)
                 SELECT o.slug, r.element_id, r.element_name, '{kind}' AS kind, r.source_id,
                        sum(o.weight * r.value) / sum(o.weight) AS im, any_value(t.im_mean) AS im_mean,
                        any_value(t.im_sd) AS im_sd
                 FROM _prof_rate_occ o JOIN {table} r ON r.soc_code = o.soc_code
                 LEFT JOIN typical t ON t.element_id = r.element_id
                 WHERE r.scale_id = 'IM' AND NOT coalesce(r.recommend_suppress, false)
                 GROUP BY o.slug, r.element_id, r.element_name, r.source_id)"""
    agg.onet_ratings = q(ratings.format(kind="skill", table="onet_skills") + " UNION ALL "
                         + ratings.format(kind="knowledge", table="onet_knowledge"))
    agg.rating_standins = q("""SELECT o.slug, o.stands_for, f.title AS stands_for_title, o.soc_code, oc.title
                               FROM _prof_rate_occ o LEFT JOIN onet_occupations oc USING (soc_code)
                               LEFT JOIN onet_occupations f ON f.soc_code = o.stands_for
                               WHERE o.stands_for IS NOT NULL ORDER BY o.slug, o.stands_for, o.soc_code""")
    agg.onet_tech = q(f"""WITH spread AS ({TECH_SPREAD_SQL})
                         SELECT o.slug, t.example, any_value(t.commodity_title) AS commodity_title,
                                bool_or(t.hot_technology) AS hot, bool_or(t.in_demand) AS in_demand,
                                any_value(t.source_id) AS source_id, any_value(sp.spread) AS spread
                         FROM _prof_occ o JOIN onet_technology_skills t ON t.soc_code = o.soc_code
                         JOIN spread sp ON sp.example = t.example GROUP BY o.slug, t.example""")
    agg.evidence = q("""SELECT slug, country, source_id, count(*) AS n FROM _prof_pp
                        WHERE has_text OR has_given GROUP BY ALL ORDER BY slug, n DESC""")
    agg.left_out = q("SELECT * FROM _prof_left")
    agg.posting_wages = q("""
        SELECT slug, country, currency, count(*) AS n, avg(salary_annual) AS mean,
               quantile_cont(salary_annual, [0.1, 0.25, 0.5, 0.75, 0.9]) AS q,
               list(DISTINCT source_id ORDER BY source_id) AS sources, mode(source_id) AS source_id
        FROM _prof_pp WHERE salary_annual > 0 AND currency IS NOT NULL GROUP BY ALL ORDER BY slug, n DESC""")
    agg.level_wages = q("""
        SELECT slug, country, currency, split_part(level, '|', 1) AS level, count(*) AS n,
               median(salary_annual) AS median, mode(source_id) AS source_id,
               list(DISTINCT source_id ORDER BY source_id) AS sources,
               histogram(split_part(level, '|', 2)) AS methods
        FROM _prof_pp WHERE salary_annual > 0 AND currency IS NOT NULL AND level IS NOT NULL
        GROUP BY ALL ORDER BY slug, n DESC""")
    agg.volume = q("""SELECT slug, month, count(*) AS n, list(DISTINCT source_id ORDER BY source_id) AS sources
                      FROM _prof_pp WHERE month IS NOT NULL GROUP BY ALL ORDER BY slug, month""")
    agg.market = q("""SELECT slug, count(*) AS n, count(remote) AS n_remote_known, count(*) FILTER (WHERE remote) AS n_remote,
                             count(no_degree) AS n_degree_known, count(*) FILTER (WHERE no_degree) AS n_no_degree,
                             mode(source_id) FILTER (WHERE remote IS NOT NULL) AS remote_source,
                             list(DISTINCT source_id) FILTER (WHERE remote IS NOT NULL) AS remote_sources,
                             mode(source_id) FILTER (WHERE no_degree IS NOT NULL) AS degree_source,
                             list(DISTINCT source_id) FILTER (WHERE no_degree IS NOT NULL) AS degree_sources
                      FROM _prof_pp GROUP BY slug""")
    agg.locations = q("""SELECT slug, location, country, count(*) AS n FROM _prof_pp WHERE location IS NOT NULL
                         GROUP BY slug, location, country QUALIFY row_number() OVER (PARTITION BY slug ORDER BY count(*) DESC, location) <= 5
                         ORDER BY slug, n DESC""")
    agg.trends = _by_slug(_trends(con))
    agg.education = q("""SELECT o.slug, e.category, any_value(e.category_description) AS description,
                                any_value(e.source_id) AS source_id, sum(o.weight * e.value) / sum(o.weight) AS pct
                         FROM _prof_occ o JOIN onet_education e ON e.soc_code = o.soc_code
                         WHERE e.scale_id = 'RL' GROUP BY ALL ORDER BY o.slug, e.category""")
    agg.preparation = q("""SELECT o.slug, e.scale_id, any_value(e.element_name) AS element, e.category,
                                  any_value(e.category_description) AS description, any_value(e.source_id) AS source_id,
                                  max(e.date) AS surveyed, sum(e.n) FILTER (WHERE e.category = 1) AS n,
                                  sum(o.weight * e.value) / sum(o.weight) AS pct
                           FROM _prof_occ o JOIN onet_education e ON e.soc_code = o.soc_code
                           WHERE e.scale_id IN ('RW', 'PT', 'OJ') GROUP BY ALL
                           ORDER BY o.slug, e.scale_id DESC, e.category""")
    agg.tasks = q(f"""SELECT o.slug, o.soc_code, o.weight, t.task_id, t.task, t.incumbents_responding, t.source_id
                     FROM _prof_occ o JOIN onet_tasks t ON t.soc_code = o.soc_code
                     WHERE {_CORE_TASK}
                     ORDER BY o.slug, o.weight DESC, t.incumbents_responding DESC NULLS LAST""")
    agg.activities = q(f"""SELECT o.slug, i.iwa_title, d.dwa_title, sum(o.weight) AS w
                          FROM _prof_occ o JOIN onet_tasks t ON t.soc_code = o.soc_code AND {_CORE_TASK}
                          JOIN onet_task_dwas td ON td.soc_code = t.soc_code AND td.task_id = t.task_id
                          JOIN onet_dwas d ON d.dwa_id = td.dwa_id LEFT JOIN onet_iwas i ON i.iwa_id = d.iwa_id
                          GROUP BY ALL ORDER BY o.slug, w DESC, d.dwa_title""")
    agg.related = q("""SELECT o.slug, r.related_soc_code, min(r.rank) AS rank FROM _prof_occ o
                       JOIN onet_related r ON r.soc_code = o.soc_code GROUP BY ALL ORDER BY o.slug, rank""")
    agg.skills = {r["skill_id"]: r for r in _rows(con, "SELECT * FROM skills")}
    agg.sources = {r["id"]: r for r in _rows(con, "SELECT * FROM sources")}
    job_zones = {r["soc_code"]: r["job_zone"] for r in _rows(con, "SELECT soc_code, job_zone FROM onet_job_zones")}
    for rows in agg.occupations.values():
        for r in rows:
            r["job_zone"] = job_zones.get(r["soc_code"])
    return agg

