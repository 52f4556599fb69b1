"""On the real data: every OEWS and projections figure of 20 occupations equals the source value.

Both these and the issue checks on skills (Machine Learning Engineer, Registered Nurses, Electricians)
run on the session's fully built store (tests/conftest.py: `careerpath build` on ../shared/data).
"""

from pathlib import Path

import duckdb
import pandas as pd
import pytest

from careerpath import store
from careerpath.profile import compute_profiles

CODES = ["15-1252.00", "29-1141.00", "47-2111.00", "15-2051.00", "11-1021.00", "13-2011.00", "25-2021.00",
         "29-1221.00", "35-2014.00", "41-2031.00", "43-4051.00", "47-2061.00", "49-9021.00", "51-4121.00",
         "53-3032.00", "17-2051.00", "19-1042.00", "21-1021.00", "23-1011.00", "39-9011.00"]
STATS = {"mean": "a_mean", "median": "a_median", "p10": "a_p10", "p25": "a_p25", "p75": "a_p75", "p90": "a_p90"}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def real_con(full_store):
    con = store.connect(full_store)
    yield con
    con.close()


def _slug_of(con, code):
    rows = con.execute("SELECT slug FROM roles WHERE soc_code = ? AND kind = 'occupation'", [code]).fetchall()
    return rows[0][0] if rows else None


def test_oews_and_projections_equal_the_source(real_con):
    con = real_con
    slugs = {c: _slug_of(con, c) for c in CODES}
    profiles = compute_profiles(con, [s for s in slugs.values() if s])
    cw = store.has_table(con, "soc_crosswalk")
    checked = 0
    for code, slug in slugs.items():
        if slug is None:
            continue
        p = profiles[slug]
        if len(p.role.soc) != 1:
            continue
        bls = [r[0] for r in con.execute(
            "SELECT bls_soc FROM soc_crosswalk WHERE onet_soc = ? AND dataset = 'oews'", [code]).fetchall()] if cw else [code[:7]]
        if len(bls) != 1:
            continue
        for nat in p.salary.national:
            row = con.execute("SELECT * FROM oews_national WHERE soc6 = ? AND year = ?", [bls[0], nat.year]).fetchdf()
            assert len(row) == 1
            r = row.iloc[0]
            for name, col in STATS.items():
                fig = getattr(nat, name)
                if pd.isna(r[col]):
                    assert fig is None or fig.unit == "USD/hour"
                    continue
                assert fig.value == r[col], (code, nat.year, name)
                assert fig.source == r["source_id"] and fig.as_of == f"{nat.year}-05"
                if col in list(r["a_topcoded"]):
                    assert "at or above" in fig.note
            assert nat.employment.value == r["tot_emp"]
        ep_code = (con.execute("SELECT bls_soc FROM soc_crosswalk WHERE onet_soc = ? AND dataset = 'ep'",
                               [code]).fetchall() if cw else [(code[:7],)])
        if len(ep_code) == 1:
            e = con.execute("SELECT * FROM ep_projections WHERE soc6 = ?", [ep_code[0][0]]).fetchdf().iloc[0]
            o = p.outlook
            assert o.change_pct.value == e["change_pct"] and o.openings_annual.value == e["openings_annual"]
            assert o.employment_2024.value == e["emp_2024"] and o.employment_2034.value == e["emp_2034"]
            assert o.change_pct.source == "bls-ep-2024-34"
            assert p.education.typical_entry_education == e["education"]
        checked += 1
    assert checked >= 18


@pytest.fixture(scope="module")
def built_con(full_store):
    con = store.connect(full_store)
    yield con
    con.close()


def _profile(con, title):
    from careerpath.extract.role_lookup import resolve_role
    from careerpath.profile import get_profile

    return get_profile(con, resolve_role(con, title).slug)


def test_machine_learning_engineer_from_postings(built_con):
    p = _profile(built_con, "Machine Learning Engineer")
    assert p.skills.evidence == "postings"
    top = [i.name.lower() for i in p.skills.items[:20]]
    # machine learning and Python lead; SQL (about a quarter of these postings) sits lower since skills
    # such as "data science" and "computer programming" are recognised by name too
    assert top[0] == "machine learning" and top[1].startswith("python"), top[:5]
    for wanted in ("python", "sql", "machine learning"):
        assert any(name == wanted or name.startswith(wanted + " (") for name in top), (wanted, top)
    assert set(top) & {"deep learning", "pytorch", "tensorflow"}


def test_registered_nurses_draw_on_nhs_postings(built_con):
    p = _profile(built_con, "Registered Nurses")
    assert "GB" in p.skills.evidence_text and "nhs" in p.skills.evidence_text.lower()
    gb = [w for w in p.salary.postings if w.country == "GB"]
    assert gb and all(w.currency == "GBP" and w.median.unit == "GBP/year" for w in gb)
    assert all(n.median.unit == "USD/year" for n in p.salary.national)


def test_electricians_rest_on_onet(built_con):
    p = _profile(built_con, "Electricians")
    assert p.skills.evidence == "onet" and "O*NET" in p.skills.evidence_text


def test_onet_ratings_keep_their_own_names(real_con):
    """A rating names an ESCO concept or itself: never a product, never a stray ESCO alternate label."""
    con = real_con
    slugs = [s for s in (_slug_of(con, c) for c in CODES) if s]
    profiles = compute_profiles(con, slugs)
    products = {r[0] for r in con.execute(
        "SELECT skill_id FROM skills WHERE type IN ('software', 'tool') AND esco_uri IS NULL").fetchall()}
    for slug, p in profiles.items():
        rated_products = [s.name for s in p.skills.items if s.onet_importance is not None and s.id in products]
        assert not rated_products, (slug, rated_products)
    hygienist = _slug_of(con, "29-1292.00")  # few postings: ranked from O*NET ratings
    names = {s.name for s in compute_profiles(con, [hygienist])[hygienist].skills.items}
    assert "Monitoring" in names and "Writing" in names
    assert "Active Listening" in names and "listen actively" not in names  # O*NET's name for an ESCO verb phrase
    assert not names & {"monitor airport surveillance infrastructure",
                        "develop biochemical manufacturing training materials"}


def test_office_software_every_occupation_lists_does_not_top_an_onet_ranked_profile(real_con):
    con = real_con
    everywhere = {r[0] for r in con.execute(
        "SELECT example FROM onet_technology_skills GROUP BY 1 HAVING count(DISTINCT soc_code) > "
        "0.5 * (SELECT count(DISTINCT soc_code) FROM onet_technology_skills)").fetchall()}
    assert "Microsoft Excel" in everywhere
    profiles = compute_profiles(con, [s for s in (_slug_of(con, c) for c in CODES) if s])
    ranked = [p for p in profiles.values() if p.skills.evidence == "onet"]
    assert len(ranked) >= 5
    for p in ranked:
        assert p.skills.items[0].name not in everywhere, (p.role.slug, p.skills.items[0].name)


@pytest.mark.parametrize("title", ["Data Scientists", "Machine Learning Engineer", "Dental Hygienists"])
def test_related_roles_are_most_similar_first_and_mix_curated_and_emerging(built_con, title):
    """One similarity orders the list (it once mixed a cosine with an overlap, and O*NET's list filled every
    slot, so no emerging role was ever related to an occupation)."""
    from careerpath.profile import get_profile

    p = _profile(built_con, title)
    sims = [r.similarity for r in p.related_roles]
    assert len(sims) == 8 and sims == sorted(sims, reverse=True) and min(sims) > 0, sims
    assert any(r.onet_related for r in p.related_roles)
    kinds = {get_profile(built_con, r.slug).role.kind for r in p.related_roles}
    # dental hygienists' one emerging neighbour (the UK's Dental Nurse) ties with five occupations at 0.96 and
    # may fall ninth: only the roles with many emerging neighbours must show one
    assert "occupation" in kinds and ("emerging" in kinds or title == "Dental Hygienists"), kinds
    own = p.role.title.lower().rstrip("s")
    assert not any(own in r.title.lower() for r in p.related_roles), [r.title for r in p.related_roles]


def test_an_unrated_occupation_borrows_the_ratings_of_those_filed_under_it(real_con):
    """O*NET rates no skills for its "All Other" residuals: Biological Scientists, All Other had no skills, no roadmap
    and "0–0 months" to job-ready. Its ratings are now those of the occupations O*NET files under it, and it says so;
    a military role, which no rated occupation stands beside, keeps none rather than borrowing."""
    con = real_con
    slugs = [_slug_of(con, "19-1029.00"), _slug_of(con, "55-3016.00")]
    assert all(slugs)
    profiles = compute_profiles(con, slugs)
    bio, infantry = profiles[slugs[0]], profiles[slugs[1]]
    names = [i.name for i in bio.skills.items[:10]]
    assert "Biology" in names, names
    assert "O*NET rates no skills for Biological Scientists, All Other" in bio.skills.evidence_text
    assert "Geneticists" in bio.skills.evidence_text
    assert not [i for i in infantry.skills.items if i.evidence == "onet"]


def test_a_code_bls_prints_as_broad_and_detailed_is_one_occupation(real_con):
    """13-1020 and 31-1120 are both a broad and a detailed BLS occupation, printed twice with the same figures; a role
    filed under them read as a "mixture of 2 occupations" with no employment count."""
    dup = real_con.execute("""SELECT soc6 FROM oews_national WHERE year = 2025 GROUP BY soc6 HAVING count(*) > 1
                              ORDER BY soc6""").fetchall()
    assert dup, "the data no longer prints a code twice: the case this test covers is gone"
    slugs = [r[0] for r in real_con.execute("""SELECT DISTINCT r.slug FROM roles r JOIN soc_crosswalk x ON x.onet_soc = r.soc_code
                                               WHERE r.kind = 'occupation' AND x.dataset = 'oews' AND x.bls_soc IN ?
                                               ORDER BY r.slug LIMIT 6""", [[d[0] for d in dup]]).fetchall()]
    assert slugs
    for slug, p in compute_profiles(real_con, slugs).items():
        nat = p.salary.national[0]
        assert nat.method == "single occupation", slug
        assert len(nat.components) == 1 and nat.employment is not None, slug


def test_a_specialty_says_its_bls_figures_are_the_wider_occupations(real_con):
    """O*NET's Baristas (35-3023.01) are paid and counted by BLS within 35-3023 Fast Food and Counter Workers: every
    figure from that code says so; an occupation that is its BLS code (29-1141.00) carries no such note."""
    slugs = {c: _slug_of(real_con, c) for c in ("35-3023.01", "29-1141.00")}
    profiles = compute_profiles(real_con, list(slugs.values()))
    barista, nurse = profiles[slugs["35-3023.01"]], profiles[slugs["29-1141.00"]]
    nat = barista.salary.national[0]
    for fig in (nat.median, nat.mean, nat.p10, nat.p90, nat.employment, barista.outlook.change_pct,
                barista.outlook.openings_annual, barista.salary.by_state[0].median):
        assert "35-3023" in fig.note and "includes Baristas" in fig.note
    n_nat = nurse.salary.national[0]
    for fig in (n_nat.median, n_nat.employment, nurse.outlook.employment_2024):
        assert fig.note is None or "includes" not in fig.note
