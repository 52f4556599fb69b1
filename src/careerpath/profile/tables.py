"""The store tables a profile reads, and empty stand-ins for the optional ones.

Profiles are built from whatever the store holds: a store without postings still gets O*NET and BLS
profiles, one without `soc_crosswalk` falls back to the O*NET code's 6-digit prefix. Missing optional
tables become empty TEMP tables (never written to the store), so every query can run unchanged.
"""

from __future__ import annotations

import duckdb

from careerpath import store
from careerpath.errors import InputError

#: name → columns with types, for tables that may be absent.
OPTIONAL: dict[str, str] = {
    "role_occupations": "slug VARCHAR, soc_code VARCHAR, weight DOUBLE",
    "posting_roles": "posting_id VARCHAR, slug VARCHAR, soc_code VARCHAR, score DOUBLE",
    "skills": ("skill_id VARCHAR, name VARCHAR, type VARCHAR, category VARCHAR, esco_uri VARCHAR, "
               "onet_hot BOOLEAN, onet_in_demand BOOLEAN, aliases VARCHAR[]"),
    "posting_skills": "posting_id VARCHAR, skill_id VARCHAR, score DOUBLE, spans VARCHAR, method VARCHAR",
    "postings": ("posting_id VARCHAR, source_id VARCHAR, title VARCHAR, location VARCHAR, country VARCHAR, "
                 "remote BOOLEAN, posted_date DATE, description VARCHAR, currency VARCHAR, "
                 "salary_annual DOUBLE, seniority VARCHAR, no_degree BOOLEAN, skills_given VARCHAR[], "
                 "duplicate_of VARCHAR"),
    "onet_occupations": "soc_code VARCHAR, soc6 VARCHAR, title VARCHAR, description VARCHAR, source_id VARCHAR",
    "onet_skills": ("soc_code VARCHAR, element_id VARCHAR, element_name VARCHAR, scale_id VARCHAR, value DOUBLE, "
                    "recommend_suppress BOOLEAN, not_relevant BOOLEAN, source_id VARCHAR"),
    "onet_knowledge": ("soc_code VARCHAR, element_id VARCHAR, element_name VARCHAR, scale_id VARCHAR, value DOUBLE, "
                       "recommend_suppress BOOLEAN, not_relevant BOOLEAN, source_id VARCHAR"),
    "onet_technology_skills": ("soc_code VARCHAR, example VARCHAR, commodity_code VARCHAR, commodity_title VARCHAR, "
                               "hot_technology BOOLEAN, in_demand BOOLEAN, source_id VARCHAR"),
    "onet_tasks": ("soc_code VARCHAR, task_id VARCHAR, task VARCHAR, task_type VARCHAR, "
                   "incumbents_responding DOUBLE, source_id VARCHAR"),
    "onet_task_dwas": "soc_code VARCHAR, task_id VARCHAR, dwa_id VARCHAR",
    "onet_dwas": "element_id VARCHAR, iwa_id VARCHAR, dwa_id VARCHAR, dwa_title VARCHAR",
    "onet_iwas": "element_id VARCHAR, iwa_id VARCHAR, iwa_title VARCHAR",
    "onet_education": ("soc_code VARCHAR, element_id VARCHAR, element_name VARCHAR, scale_id VARCHAR, "
                       "category BIGINT, category_description VARCHAR, value DOUBLE, n BIGINT, date VARCHAR, "
                       "source_id VARCHAR"),
    "onet_education_categories": "element_id VARCHAR, scale_id VARCHAR, category BIGINT, category_description VARCHAR",
    "onet_job_zones": "soc_code VARCHAR, job_zone BIGINT",
    "onet_related": "soc_code VARCHAR, related_soc_code VARCHAR, tier VARCHAR, rank BIGINT",
    "oews_national": ("year BIGINT, soc6 VARCHAR, occ_title VARCHAR, o_group VARCHAR, tot_emp BIGINT, a_mean DOUBLE, "
                      "a_p10 DOUBLE, a_p25 DOUBLE, a_median DOUBLE, a_p75 DOUBLE, a_p90 DOUBLE, "
                      "a_topcoded VARCHAR[], source_id VARCHAR"),
    "oews_state": ("year BIGINT, state VARCHAR, soc6 VARCHAR, tot_emp BIGINT, a_mean DOUBLE, a_p10 DOUBLE, "
                   "a_median DOUBLE, a_p90 DOUBLE, a_topcoded VARCHAR[], source_id VARCHAR"),
    "ep_projections": ("soc6 VARCHAR, title VARCHAR, occ_type VARCHAR, emp_2024 BIGINT, emp_2034 BIGINT, "
                       "change_n BIGINT, change_pct DOUBLE, openings_annual BIGINT, median_wage_2024 DOUBLE, "
                       "education VARCHAR, work_experience VARCHAR, ojt VARCHAR, source_id VARCHAR"),
    "courses": ("course_id VARCHAR, source_id VARCHAR, provider VARCHAR, title VARCHAR, skills_given VARCHAR[], "
                "certificate_type VARCHAR, url VARCHAR"),
    "sources": "id VARCHAR, publisher VARCHAR, title VARCHAR, version VARCHAR, license VARCHAR, url VARCHAR, as_of VARCHAR",
}


def prepare(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Create empty TEMP stand-ins for absent optional tables; return their names. `roles` is required."""
    if not store.has_table(con, "roles"):
        raise InputError("the store has no `roles` table: build the role catalog first (`careerpath roles build`)")
    missing = []
    for name, cols in OPTIONAL.items():
        if not store.has_table(con, name):
            con.execute(f'CREATE OR REPLACE TEMP TABLE "{name}" ({cols})')
            missing.append(name)
    if not store.has_table(con, "soc_crosswalk"):
        # No crosswalk yet: the O*NET code's 6-digit prefix, when BLS publishes it.
        con.execute("""
            CREATE OR REPLACE TEMP TABLE soc_crosswalk AS
            SELECT DISTINCT o.soc_code AS onet_soc, left(o.soc_code, 7) AS bls_soc, 'oews' AS dataset,
                   'exact' AS match, 1.0 AS weight
            FROM onet_occupations o WHERE left(o.soc_code, 7) IN (SELECT soc6 FROM oews_national)
            UNION ALL
            SELECT DISTINCT o.soc_code, left(o.soc_code, 7), 'ep', 'exact', 1.0
            FROM onet_occupations o WHERE left(o.soc_code, 7) IN (SELECT soc6 FROM ep_projections)""")
        missing.append("soc_crosswalk")
    return missing
