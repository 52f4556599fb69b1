"""The role catalog: emerging roles from posting-title families, their occupation mixtures, posting roles."""

from __future__ import annotations

import json

import duckdb
import pandas as pd
import pytest
from click.testing import CliRunner

from careerpath import store
from careerpath.commands.resolve import roles as roles_cmd
from careerpath.embed import HashingEmbedder
from careerpath.extract.roles import alias_key, build_roles, emerging_keys, open_resolver, search_roles

from ._title_store import hand_store

ML_VARIANTS = ["Machine Learning Engineer", "ML engineer", "Sr. Machine Learning Engineer II (Remote)",
               "machine learning engineer - Payments Team", "Senior ML Engineer"]


def _postings() -> list[tuple[str, str, str | None]]:
    rows = []
    for i in range(40):
        rows.append((f"p:ml{i}", ML_VARIANTS[i % len(ML_VARIANTS)], "Machine Learning Engineer"))
    for i in range(31):
        rows.append((f"p:de{i}", "Data Engineer (Azure)" if i % 2 else "Lead Data Engineer", "Data Engineer"))
    for i in range(35):
        rows.append((f"p:sd{i}", "Software Developer", "Software Engineer"))
    for i in range(32):  # a family of its own, which no O*NET title resembles, and a category pointing elsewhere
        rows.append((f"p:wm{i}", "Ward Manager", "Machine Learning Engineer"))
    rows += [("p:x1", "Sous Chef", None), ("p:x2", "Wizard of Models", "Machine Learning Engineer"), ("p:x3", "", None)]
    return rows


@pytest.fixture()
def built(tmp_path):
    db = hand_store(tmp_path / "r.duckdb", _postings())
    stats = store.derive(db, lambda con: build_roles(con, embedder=HashingEmbedder()))
    return db, stats


def test_emerging_roles_and_mixtures(built) -> None:
    db, stats = built
    con = duckdb.connect(str(db), read_only=True)
    roles = {r[0]: r for r in con.execute("SELECT slug, title, kind, soc_code, aliases, confidence, n_postings FROM roles").fetchall()}
    emerging = {s for s, r in roles.items() if r[2] == "emerging"}
    assert emerging == {"machine-learning-engineer", "data-engineer", "ward-manager"}  # software developer is O*NET's
    assert stats["emerging_roles"] == 3
    assert roles["software-developers"][2] == "occupation" and roles["software-developers"][6] == 35
    ml = roles["machine-learning-engineer"]
    assert ml[1] == "Machine Learning Engineer" and ml[3] is None and 0 < ml[5] <= 1 and ml[6] == 41  # 40 + one by category hint
    assert "ml engineer" in [a.lower() for a in ml[4]]
    mix = dict(con.execute("SELECT soc_code, weight FROM role_occupations WHERE slug = 'machine-learning-engineer'").fetchall())
    assert set(mix) == {"15-2051.00", "15-1221.00"} and abs(sum(mix.values()) - 1) < 1e-9
    sums = con.execute("SELECT slug, sum(weight) FROM role_occupations GROUP BY 1").fetchall()
    assert all(abs(w - 1) < 1e-9 for _, w in sums)


def test_every_posting_gets_a_role(built) -> None:
    db, _ = built
    con = duckdb.connect(str(db), read_only=True)
    got = dict(con.execute("SELECT posting_id, slug FROM posting_roles").fetchall())
    assert len(got) == len(_postings())
    assert {got[f"p:ml{i}"] for i in range(40)} == {"machine-learning-engineer"}
    assert got["p:de1"] == got["p:de2"] == "data-engineer"
    assert got["p:x1"] == "chefs-and-head-cooks"
    assert got["p:x2"] == "machine-learning-engineer"  # weak title: the source's category decides
    # ... but not for a title of an emerging role's family, however weakly that family resolves
    assert {got[f"p:wm{i}"] for i in range(32)} == {"ward-manager"}
    assert got["p:x3"] is None


def test_variants_land_on_one_slug(built) -> None:
    db, _ = built
    con = duckdb.connect(str(db), read_only=True)
    r = open_resolver(con)
    slugs = {res.role_slug for res in r.resolve_many(ML_VARIANTS + ["machine learning engineer", "MLE"])}
    assert slugs == {"machine-learning-engineer"}
    out = r.resolve("ML engineer").to_json()
    assert out["role"] == {"slug": "machine-learning-engineer", "title": "Machine Learning Engineer"}
    assert out["matches"][0]["soc_code"] in {"15-2051.00", "15-1221.00"}


def test_search_and_cli(built) -> None:
    db, _ = built
    con = duckdb.connect(str(db), read_only=True)
    assert search_roles(con, "ml engineer")[0]["slug"] == "machine-learning-engineer"
    assert search_roles(con, "nurse")[0]["slug"] == "registered-nurses"
    con.close()
    res = CliRunner().invoke(roles_cmd, ["--search", "data engineer", "--json", "--db", str(db)])
    assert res.exit_code == 0, res.output
    top = json.loads(res.output)[0]
    assert top["slug"] == "data-engineer" and abs(sum(s["weight"] for s in top["soc"]) - 1) < 1e-6


@pytest.mark.slow
def test_emerging_roles_from_the_real_postings(full_con) -> None:
    """On the session store (`build --all` of ../shared/data with the real model), not a second roles build."""
    con = full_con
    emerging = {s for (s,) in con.execute("SELECT slug FROM roles WHERE kind = 'emerging'").fetchall()}
    assert {"machine-learning-engineer", "data-engineer", "data-analyst", "cloud-engineer"} <= emerging
    assert "data-scientist" not in emerging  # Data Scientists is an O*NET title
    n_postings = con.execute("SELECT count(*) FROM postings").fetchone()[0]
    rows, distinct, with_role = con.execute(
        "SELECT count(*), count(DISTINCT posting_id), count(slug) FROM posting_roles").fetchone()
    assert rows == distinct == n_postings  # every posting once, none dropped
    assert with_role / n_postings > 0.97
    assert con.execute("SELECT max(abs(s - 1)) FROM (SELECT sum(weight) s FROM role_occupations GROUP BY slug)").fetchone()[0] < 1e-9
    r = open_resolver(con)
    assert {x.role_slug for x in r.resolve_many(ML_VARIANTS)} == {"machine-learning-engineer"}
    # the families' own postings: once, an alias of the BI-specialist family took the data analysts' and data
    # engineers' 47,031 postings, and their guides' skills rested on O*NET alone
    n = dict(con.execute("SELECT slug, n_postings FROM roles WHERE slug IN ('data-engineer', 'data-analyst')").fetchall())
    assert n["data-engineer"] > 5000 and n["data-analyst"] > 5000
    got = {x.role_slug for x in r.resolve_many(["Data Engineer", "Senior Data Engineer", "Sr. Data Engineer"])}
    assert got == {"data-engineer"}
    assert {x.role_slug for x in r.resolve_many(["Data Analyst", "Junior Data Analyst"])} == {"data-analyst"}
    # a bare field is its practitioners' family, not a role (build and `resolve` agree), and "director of X" is
    # "director X": "Data Science" was once a role, and a related career of Data Scientists
    assert not {"data-science", "data-engineering", "data-analytics"} & emerging
    assert not ({"director-data-science", "director-of-data-science"} <= emerging)
    got = {t: x.role_slug for t, x in zip(["Data Engineering", "Data Analytics", "Data Science"],
                                          r.resolve_many(["Data Engineering", "Data Analytics", "Data Science"]))}
    assert got == {"Data Engineering": "data-engineer", "Data Analytics": "data-analyst",
                   "Data Science": "data-scientists"}, got
    # nor is a role with a tool or a gender tag after it, nor a bare field that one role word makes a family of:
    # "Machine Learning" had been a role whose nearest occupation was an inspector
    assert not {"machine-learning", "data-engineer-python", "data-scientist-h", "data-engineer-h"} & emerging
    got = r.resolve_many(["Machine Learning", "Data Engineer Python", "Data Scientist H/F"])
    assert [x.role_slug for x in got] == ["machine-learning-engineer", "data-engineer", "data-scientists"]
    ml = r.resolve("Machine Learning Engineer").matches[0].soc_code
    assert got[0].matches[0].soc_code == ml


def test_a_sector_is_no_hint_a_role_is() -> None:
    from careerpath.extract.roles import RoleLookup, _posting_roles, role_hints

    resolved = {"wizard of wand": ({"29-1141.00": 0.1}, "embedding"),
                "healthcare": ({"11-9111.00": 0.34}, "embedding"),  # the NHS's one category, a sector
                "data engineer": ({"15-1243.00": 0.66}, "span"),
                "machine learning engineer": ({"15-2051.00": 0.45}, "span")}  # an emerging role's own key
    named = role_hints({k: resolved[k] for k in ("healthcare", "data engineer", "machine learning engineer")},
                       {"machine learning engineer"})
    assert named == {"data engineer", "machine learning engineer"}
    lookup = RoleLookup({}, {"29-1141.00": ("registered-nurses", "Registered Nurses"),
                             "11-9111.00": ("medical-and-health-services-managers", "Medical and Health Services Managers"),
                             "15-1243.00": ("database-architects", "Database Architects")})
    postings = pd.DataFrame({"posting_id": ["a", "b"], "key": ["wizard of wand"] * 2, "hint": ["healthcare", "data engineer"]})
    got = {pid: slug for pid, slug, _, _ in _posting_roles(postings, resolved, lookup, named)}
    assert got == {"a": "registered-nurses", "b": "database-architects"}


def test_a_bare_head_noun_takes_its_sources_category() -> None:
    """A data-jobs board's "Analyst" under "Data Analyst" resolves well to O*NET's first "Analyst" (financial
    analysts) on its own; the category names the same job more exactly. A sector, or another head, does not."""
    from careerpath.extract.roles import RoleLookup, _posting_roles

    resolved = {"analyst": ({"13-2051.00": 0.82}, "exact"), "data analyst": ({"15-2051.01": 0.9}, "exact"),
                "associate engineer": ({"17-2051.00": 0.36}, "fuzzy"), "software engineer": ({"15-1252.00": 1.0}, "exact"),
                "healthcare": ({"11-9111.00": 0.34}, "embedding"), "data engineer": ({"15-1243.00": 0.66}, "span")}
    lookup = RoleLookup({"data analyst": ("data-analyst", "Data Analyst"),
                         "software engineer": ("software-engineer", "Software Engineer")},
                        {"13-2051.00": ("financial-and-investment-analysts", "Financial and Investment Analysts"),
                         "11-9111.00": ("medical-and-health-services-managers", "Medical and Health Services Managers"),
                         "15-1243.00": ("database-architects", "Database Architects")})
    named = {"data analyst", "data engineer"}
    postings = pd.DataFrame({"posting_id": list("abcd"), "key": ["analyst"] * 4,
                             "hint": ["data analyst", "healthcare", "data engineer", None]})
    got = {pid: slug for pid, slug, _, _ in _posting_roles(postings, resolved, lookup, named)}
    assert got == {"a": "data-analyst", "b": "financial-and-investment-analysts",
                   "c": "financial-and-investment-analysts", "d": "financial-and-investment-analysts"}
    postings = pd.DataFrame({"posting_id": ["e"], "key": ["associate engineer"], "hint": ["software engineer"]})
    assert _posting_roles(postings, resolved, lookup, {"software engineer"})[0][1] == "software-engineer"


def test_family_keys_fold_only_a_bare_field_and_a_managers_of() -> None:
    from careerpath.extract.roles import family_keys

    heads = {"engineer", "scientist", "analyst", "director", "manager", "head"}
    aliases = {"data engineer", "data scientist", "data analyst"}
    keys = {"data engineering", "data science", "director of data science", "director data science",
            "director data scientist", "head of data engineering", "senior data engineering lead", "data engineer",
            "project management"}
    fold = family_keys(keys, heads, (aliases | keys).__contains__)
    assert fold == {"data engineering": "data engineer", "data science": "data scientist",
                    "director of data science": "director data scientist",  # through "director data science"
                    "director data science": "director data scientist",
                    "head of data engineering": "head data engineering"}


def test_family_merges_a_role_with_a_tool_after_it_and_a_bare_field() -> None:
    from careerpath.extract.roles import family_merges

    heads = {"engineer", "scientist", "analyst", "director", "fellow"}
    size = {"data engineer python": 40, "data engineer": 25000, "machine learning": 30,
            "machine learning engineer": 900, "machine learning scientist": 120, "associate director of data science": 31,
            "associate director": 50, "clinical fellow in radiology": 35, "clinical fellow": 80,
            "quantum computing": 40, "quantum computing engineer": 12, "sales": 35, "sales analyst": 60}
    roles = set(size)
    got = family_merges(sorted(size), size, heads, roles.__contains__)
    assert got == {"data engineer python": "data engineer",  # the role its words start with
                   "machine learning": "machine learning engineer"}  # the biggest field + role word family
    # "quantum computing" stays: its engineers' family is smaller; "of"/"in" name a field, not a tool or a place;
    # one word is no family ("sales"); a role that ends on its role word is left alone


def test_resolving_a_merged_alias_takes_its_roles_occupations() -> None:
    from careerpath.extract.roles import RoleLookup

    lookup = RoleLookup({"machine learning engineer": ("machine-learning-engineer", "Machine Learning Engineer"),
                         "machine learning": ("machine-learning-engineer", "Machine Learning Engineer")}, {})
    assert lookup.family_key("machine learning") == "machine learning engineer"
    assert lookup.family_key("machine learning engineer") == "machine learning engineer"
    assert lookup.family_key("nurse") == "nurse"


def test_an_emerging_roles_own_title_beats_another_roles_alias() -> None:
    emerging = [("business-intelligence-specialist", "Business Intelligence Specialist",
                 ["Business Intelligence Specialist", "Data Analyst - Business Intelligence Specialist",
                  "Senior Data Engineer/ Senior BI Specialist", "Software Developer - BI Specialist"]),
                ("data-analyst", "Data Analyst", ["Data Analyst", "Sr. Data Analyst"])]
    for order in (emerging, emerging[::-1]):
        keys = emerging_keys(order, {"software developer"})
        assert keys["data analyst"] == ("data-analyst", "Data Analyst")
        # a two-part alias joined to the family by its other part claims neither: "data engineer" has no role here
        assert "data engineer" not in keys
        assert keys["business intelligence specialist"][0] == "business-intelligence-specialist"
        assert "software developer" not in keys  # an O*NET occupation's title stays the occupation's


@pytest.mark.parametrize("alias, own, key", [
    ("Analyst, Data Analytics Specialist", "data analytics specialist", None),  # "analyst" is no such specialist
    ("Engineer (Python Developer- Machine Learning)", "python developer", None),
    ("Product Owner, Business Analytics Analyst", "business analytics analyst", None),
    ("Senior Data Analytics Specialist", "data analytics specialist", "data analytics specialist"),
    ("Data Engineering", "data engineer", "data engineering"),  # a folded field: one part, the family's own
    ("Data Engineer (Azure)", "data engineer", "data engineer"),
])
def test_an_alias_claims_only_the_key_it_names_the_family_by(alias, own, key) -> None:
    assert alias_key(alias, own) == key


def test_roles_build_command(tmp_path, monkeypatch) -> None:
    import careerpath.extract.roles as R
    from careerpath.commands.resolve import build_roles_command, roles_build

    db = hand_store(tmp_path / "c.duckdb", _postings())
    monkeypatch.setattr(R, "default_embedder", HashingEmbedder)
    for cmd in (roles_build, build_roles_command):
        res = CliRunner().invoke(cmd, ["--db", str(db), "--min-postings", "30"])
        assert res.exit_code == 0, res.output
        assert json.loads(res.output[res.output.index("{"):])["emerging_roles"] == 3


@pytest.mark.parametrize("key, raw, title", [
    ("insight analyst", {"Insights Analyst - Fully Remote": 50, "Insights Analyst": 20}, "Insights Analyst"),
    ("backend engineer", {"Backend Engineer | Chatbot": 40}, "Backend Engineer"),
    ("data scientist", {"Python Data Scientist- Contractual": 9, "Data Scientist": 2}, "Data Scientist"),
    ("front end developer", {"Front-End Developer": 50}, "Front-End Developer"),  # a hyphen inside a word stays
    ("machine learning engineer", {"Senior Machine Learning Engineer": 60, "Machine Learning Engineer": 30},
     "Machine Learning Engineer"),
    ("manager data science", {"Manager data science": 60}, "Manager Data Science"),  # one employer's casing
    ("health data analyst", {"Health data analyst": 40}, "Health Data Analyst"),
    ("teacher of mathematics", {"Teacher of mathematics": 40}, "Teacher of Mathematics"),
    ("ios developer", {"iOS Developer": 40}, "iOS Developer"),
    ("front end developer", {"Front-End  Developer": 40}, "Front-End Developer"),  # one space between words
    # a work-mode word the normaliser drops is no part of the name, though the most common form carries it
    ("front end developer", {"Remote Frontend Developer": 8, "Frontend Developer": 6}, "Frontend Developer"),
    ("front end developer", {"Remote Frontend Developer": 8}, "Front End Developer"),
    ("data engineer", {"AWS Data Engineer": 9, "Hybrid Data Engineer": 5, "Data Engineer": 2}, "Data Engineer"),
])
def test_display_title_is_a_clean_posted_form(key, raw, title) -> None:
    from collections import Counter

    from careerpath.extract.roles import display_title

    assert display_title(key, Counter(raw)) == title


def test_a_rebuild_ignores_the_last_builds_posting_prior(tmp_path) -> None:
    """The posting prior comes from the build's own first pass: a rebuild over a store whose stored prior favours
    other codes gives the same roles and the same prior (a rebuild of the real store had moved 5.6% of postings)."""
    from careerpath.extract import titles as T

    db = hand_store(tmp_path / "r.duckdb", _postings())
    store.derive(db, lambda con: build_roles(con, embedder=HashingEmbedder()))

    def state() -> tuple[list, dict]:
        with duckdb.connect(str(db), read_only=True) as con:
            rows = con.execute("SELECT posting_id, slug, soc_code, score FROM posting_roles ORDER BY 1").fetchall()
            return rows, T.load_index(con).prior

    before, prior = state()
    assert prior  # the build counted confidently resolved postings
    con = duckdb.connect(str(db))
    codes = [s for (s,) in con.execute("SELECT soc_code FROM onet_occupations").fetchall()]
    T.save_prior(con, {s: 1e6 for s in codes if s not in prior})  # every other code looks heavily posted
    con.close()
    store.derive(db, lambda con: build_roles(con, embedder=HashingEmbedder()))
    assert state() == (before, prior)


def test_families_with_the_same_words_in_another_order_are_one_role() -> None:
    from careerpath.extract.roles import word_order_merges

    size = {"data engineering manager": 302, "data engineer manager": 64, "manager data engineer": 63,
            "director data scientist": 127, "data science director": 124, "data engineer": 18737,
            "software engineer": 1798, "engineer software": 40, "data analyst": 14609}
    out = word_order_merges(list(size), size, keep={"software engineer"})
    assert out == {"data engineer manager": "data engineering manager", "manager data engineer": "data engineering manager",
                   "data science director": "director data scientist"}  # an O*NET title's group is left alone
