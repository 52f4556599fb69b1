"""A tiny hand-built store: three roles (one emerging mixture, one from UK postings, one O*NET-only)."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from careerpath.store import write_table

SOURCES = [
    ("bls-oews-2025", "2025-05"), ("bls-oews-2024", "2024-05"), ("bls-ep-2024-34", "2024"),
    ("onet-29.0", "2024-08"), ("onet-30.0", "2025-08"),
    ("postings-lukebarousse-2024", "2024-12"), ("postings-nhs-jobs-uk-2020", "2020-11"),
    ("postings-la-city-bulletins", "2019"),
]
OCC = {"15-2051.00": "Data Scientists", "15-1252.00": "Software Developers",
       "29-1141.00": "Registered Nurses", "47-2111.00": "Electricians"}
WAGES = {  # soc6: (tot_emp, mean, p10, p25, median, p75, p90)
    "15-2051": (262440, 126800.0, 67240.0, 85660.0, 120230.0, 158880.0, 199130.0),
    "15-1252": (1687890, 148100.0, 82460.0, 105210.0, 135980.0, 171980.0, 214670.0),
    "29-1141": (3379720, 101420.0, 68940.0, 80330.0, 97550.0, 112350.0, 137470.0),
    "47-2111": (757220, 71490.0, 42640.0, 49430.0, 63190.0, 83940.0, 108510.0),
}


def _postings() -> tuple[list[dict], list[dict], list[dict]]:
    posts, roles, skills = [], [], []

    def add(pid, slug, source, country, currency, salary, title, description=None, given=None, sk=(), method="given",
            company=None):
        posts.append(dict(posting_id=pid, source_id=source, title=title, company=company or f"Employer {pid}",
                          location="Somewhere", country=country,
                          remote=False if source.startswith("postings-luke") else None,
                          posted_date=pd.Timestamp("2024-10-01" if "2024" in source else "2020-10-01").date(),
                          description=description, currency=currency, salary_annual=salary, seniority=None,
                          no_degree=(int(pid[-2:]) % 4 == 0) if source.startswith("postings-luke") else None,
                          skills_given=given, duplicate_of=None))
        roles.append(dict(posting_id=pid, slug=slug, soc_code=None, score=1.0))
        skills.extend(dict(posting_id=pid, skill_id=s, score=1.0, spans="[]", method=method) for s in sk)

    for i in range(40):  # ML engineers: data-jobs postings with given skills, US dollars
        sk = ["python"] + (["sql"] if i < 12 else []) + (["pytorch"] if i < 20 else [])
        add(f"ml:{i:02d}", "ml-engineer", "postings-lukebarousse-2024", "US", "USD", 150000.0 + 1000 * i,
            "Senior ML Engineer" if i < 10 else "ML Engineer", given=sk, sk=sk)
    for i in range(35):  # nurses: NHS postings with text, pounds; one employer's template names agile development
        sk = ["patient-care"] + (["nmc"] if i % 2 else []) + (["agile-development"] if i < 6 else [])
        add(f"nhs:{i:02d}", "registered-nurses", "postings-nhs-jobs-uk-2020", "GB", "GBP", 30000.0 + 100 * i,
            "Staff Nurse", description="Staff nurse, patient care, NMC registration.", sk=sk, method="lexical",
            company="Elysium Healthcare" if i < 6 else None)
    for i in range(6):  # a few US nurse postings in dollars
        add(f"la:{i:02d}", "registered-nurses", "postings-la-city-bulletins", "US", "USD", 80000.0 + 1000 * i,
            "Registered Nurse", description="Nursing duties.", sk=["patient-care"], method="lexical")
    for i in range(3):  # a data-jobs search's postings filed under nurses: data jobs of nursing, not a sample of it
        add(f"ndata:{i:02d}", "registered-nurses", "postings-lukebarousse-2024", "US", "USD", 120000.0,
            "Nurse Data Analyst", given=["sql"], sk=["sql"])
    for i in range(2):  # electricians: too few postings to rank from
        add(f"el:{i:02d}", "electricians", "postings-la-city-bulletins", "US", "USD", 90000.0, "Electrician",
            description="Wiring.", sk=["python"], method="lexical")
    # unrelated postings for the all-postings baseline (sql everywhere)
    for i in range(60):
        posts.append(dict(posting_id=f"x:{i:02d}", source_id="postings-lukebarousse-2024", title="Data Analyst",
                          company=f"Employer x:{i:02d}", location="X", country="US", remote=False, posted_date=pd.Timestamp("2024-10-01").date(),
                          description=None, currency=None, salary_annual=None, seniority=None, no_degree=None,
                          skills_given=["sql"], duplicate_of=None))
        skills.append(dict(posting_id=f"x:{i:02d}", skill_id="sql", score=1.0, spans="[]", method="given"))
    return posts, roles, skills


def build_fixture(con: duckdb.DuckDBPyConnection) -> None:
    w = lambda name, rows: write_table(con, name, pd.DataFrame(rows))  # noqa: E731
    w("sources", [dict(id=i, publisher="p", title="t", version="v", license="l", url="u", as_of=a) for i, a in SOURCES])
    w("roles", [dict(slug="ml-engineer", title="Machine Learning Engineer", kind="emerging", soc_code=None,
                     aliases=["ML Engineer"], confidence=0.8, n_postings=40, job_family="data"),
                dict(slug="registered-nurses", title="Registered Nurses", kind="occupation", soc_code="29-1141.00",
                     aliases=["Staff Nurse"], confidence=1.0, n_postings=41, job_family="health"),
                dict(slug="electricians", title="Electricians", kind="occupation", soc_code="47-2111.00",
                     aliases=[], confidence=1.0, n_postings=2, job_family="trades")])
    w("role_occupations", [dict(slug="ml-engineer", soc_code="15-2051.00", weight=0.6),
                           dict(slug="ml-engineer", soc_code="15-1252.00", weight=0.4),
                           dict(slug="registered-nurses", soc_code="29-1141.00", weight=1.0),
                           dict(slug="electricians", soc_code="47-2111.00", weight=1.0)])
    w("onet_occupations", [dict(soc_code=c, soc6=c[:7], title=t, description=f"{t} do things.", source_id="onet-29.0")
                           for c, t in OCC.items()])
    w("onet_alternate_titles", [dict(soc_code="29-1141.00", title="Staff Nurse", short_title=None, sources="01",
                                     source_id="onet-29.0")])
    w("onet_reported_titles", [dict(soc_code="47-2111.00", title="Journeyman Electrician", shown_in_my_next_move=True,
                                    source_id="onet-29.0")])
    w("soc_crosswalk", [dict(onet_soc=c, bls_soc=c[:7], dataset=d, match="exact", weight=1.0)
                        for c in OCC for d in ("oews", "ep")])
    rows = []
    for year, src in ((2025, "bls-oews-2025"), (2024, "bls-oews-2024")):
        for soc6, (emp, mean, p10, p25, med, p75, p90) in WAGES.items():
            f = 1.0 if year == 2025 else 0.96
            top = soc6 == "15-1252" and year == 2024
            rows.append(dict(year=year, soc6=soc6, occ_title=OCC[soc6 + ".00"], o_group="detailed", tot_emp=emp,
                             a_mean=mean * f, a_p10=p10 * f, a_p25=p25 * f, a_median=med * f, a_p75=p75 * f,
                             a_p90=239200.0 if top else p90 * f, h_mean=None, h_median=None, h_p10=None,
                             h_p25=None, h_p75=None, h_p90=None,
                             a_topcoded=["a_p90"] if top else [], source_id=src))
    w("oews_national", rows)
    w("oews_state", [dict(year=2025, state="Texas", soc6=s, tot_emp=1000, a_mean=v[1], a_p10=v[2], a_median=v[4],
                          a_p90=v[6], a_topcoded=[], source_id="bls-oews-2025") for s, v in WAGES.items()])
    ep = [dict(soc6="00-0000", title="Total, all occupations", occ_type="Summary", emp_2024=169956100,
               emp_2034=175167900, change_n=5211800, change_pct=3.1, openings_annual=18863300,
               median_wage_2024=49500.0, education=None, work_experience=None, ojt=None, source_id="bls-ep-2024-34")]
    for soc6, pct, edu in (("15-2051", 33.5, "Bachelor's degree"), ("15-1252", 15.8, "Bachelor's degree"),
                           ("29-1141", 4.9, "Bachelor's degree"), ("47-2111", 9.5, "High school diploma or equivalent")):
        ep.append(dict(soc6=soc6, title=OCC[soc6 + ".00"], occ_type="Line item", emp_2024=100000, emp_2034=110000,
                       change_n=10000, change_pct=pct, openings_annual=9000, median_wage_2024=90000.0,
                       education=edu, work_experience="None", ojt="Apprenticeship" if soc6 == "47-2111" else "None",
                       source_id="bls-ep-2024-34"))
    w("ep_projections", ep)
    w("onet_skills", [dict(soc_code=c, element_id=e, element_name=n, scale_id="IM", value=v, recommend_suppress=False,
                           not_relevant=False, source_id="onet-30.0")
                      for c in ("47-2111.00", "29-1141.00")
                      for e, n, v in (("2.B.3.l", "Troubleshooting", 4.0), ("2.A.2.a", "Critical Thinking", 3.5))])
    w("onet_technology_skills", [dict(soc_code="47-2111.00", example="Microsoft Excel", commodity_code="1",
                                      commodity_title="Spreadsheet software", hot_technology=True, in_demand=False,
                                      source_id="onet-29.0")])
    posts, proles, pskills = _postings()
    w("postings", posts)
    w("posting_roles", proles)
    w("posting_skills", pskills)
    w("skills", [dict(skill_id=s, name=n, type=t, category=None, esco_uri=None, onet_hot=False, onet_in_demand=False,
                      aliases=[]) for s, n, t in (("python", "Python", "software"), ("sql", "SQL", "software"),
                                                  ("pytorch", "PyTorch", "software"),
                                                  ("patient-care", "patient care", "skill"),
                                                  ("nmc", "NMC registration", "certification"))])


@pytest.fixture()
def fixture_db(tmp_path):
    db = tmp_path / "fixture.duckdb"
    con = duckdb.connect(str(db))
    build_fixture(con)
    con.close()
    return db


@pytest.fixture()
def con(fixture_db):
    c = duckdb.connect(str(fixture_db))
    yield c
    c.close()
