import json

import pytest

from careerpath import store
from careerpath.errors import InputError
from careerpath.profile import build_profiles, compute_profiles, get_profile
from tests.profile.conftest import WAGES


@pytest.fixture()
def profiles(con):
    return compute_profiles(con)


def test_every_role_gets_a_profile(profiles):
    assert set(profiles) == {"ml-engineer", "registered-nurses", "electricians"}


def test_single_occupation_wages_are_the_source_values(profiles):
    nat = profiles["registered-nurses"].salary.national
    assert [n.year for n in nat] == [2025, 2024]
    emp, mean, p10, p25, med, p75, p90 = WAGES["29-1141"]
    assert (nat[0].median.value, nat[0].mean.value, nat[0].p10.value, nat[0].p90.value) == (med, mean, p10, p90)
    assert nat[0].employment.value == emp
    assert nat[0].median.source == "bls-oews-2025" and nat[0].median.as_of == "2025-05"
    assert nat[1].median.source == "bls-oews-2024" and nat[1].median.as_of == "2024-05"
    assert profiles["registered-nurses"].salary.median_change.unit == "percent"


def test_mixture_weighting_for_emerging_roles(profiles):
    nat = profiles["ml-engineer"].salary.national[0]
    expected = 0.6 * WAGES["15-2051"][4] + 0.4 * WAGES["15-1252"][4]
    assert nat.median.value == pytest.approx(expected)
    assert "weighted mean" in nat.median.note and "15-2051" in nat.median.note
    assert nat.method.startswith("mixture of 2")
    assert nat.employment is None  # employment of a mixture is not a weighted mean: components carry it
    assert {c.bls_soc for c in nat.components} == {"15-2051", "15-1252"}
    out = profiles["ml-engineer"].outlook
    assert out.change_pct.value == pytest.approx(0.6 * 33.5 + 0.4 * 15.8)
    assert "weighted mean" in out.change_pct.note
    texas = next(s for s in profiles["ml-engineer"].salary.by_state if s.state == "Texas")
    assert "15-2051 Data Scientists (0.60)" in texas.median.note  # each component named, not a bare code


def test_top_coded_values_say_at_or_above(profiles):
    p90_2024 = profiles["ml-engineer"].salary.national[1].p90
    assert "at or above $239,200/year" in p90_2024.note


def test_currency_and_country_kept_apart(profiles):
    p = profiles["registered-nurses"]
    wages = {(w.country, w.currency): w for w in p.salary.postings}
    assert set(wages) == {("US", "USD"), ("GB", "GBP")}
    assert list(wages)[0] == ("US", "USD")  # US first
    assert wages[("GB", "GBP")].median.unit == "GBP/year" and wages[("GB", "GBP")].n == 35
    assert wages[("GB", "GBP")].median.source == "postings-nhs-jobs-uk-2020"
    assert wages[("US", "USD")].median.value == pytest.approx(82500.0)
    assert all(n.median.unit == "USD/year" for n in p.salary.national)  # OEWS untouched by pounds


def test_evidence_labelling(profiles):
    el = profiles["electricians"].skills
    assert el.evidence == "onet" and el.evidence_text.startswith("from O*NET ratings")
    assert el.items[0].name == "Troubleshooting" and el.items[0].evidence == "onet"
    assert all(i.share_of_postings is None for i in el.items)
    rn = profiles["registered-nurses"].skills
    assert rn.evidence == "postings" and rn.evidence_text.startswith("from 41 postings")
    assert "GB 35 via postings-nhs-jobs-uk-2020" in rn.evidence_text
    assert rn.items[0].name == "patient care" and rn.items[0].core
    ml = profiles["ml-engineer"].skills
    names = [i.name for i in ml.items]
    assert names[:2] == ["Python", "PyTorch"] and "SQL" in names


def test_postings_of_a_search_for_other_titles_are_left_out_and_said_so(profiles):
    """Three "Nurse Data Analyst" postings of a data-jobs search: not a sample of nurses (their SQL, their dollars),
    and the guide says they were left out. The emerging ML engineers keep that search's postings."""
    rn = profiles["registered-nurses"]
    assert rn.skills.n_postings == 41 and "SQL" not in [i.name for i in rn.skills.items]
    assert "3 postings from collections that searched for data and IT titles (postings-lukebarousse-2024) left out" \
        in rn.skills.evidence_text
    assert all(w.n == 6 for w in rn.salary.postings if w.country == "US")  # the six LA City postings only
    assert profiles["ml-engineer"].skills.n_postings == 40 and "left out" not in profiles["ml-engineer"].skills.evidence_text


def test_a_skill_one_employer_names_is_not_the_roles(profiles):
    """Six of the nurses' postings, all from one employer, name agile development: that employer's template."""
    names = [i.name for i in profiles["registered-nurses"].skills.items]
    assert "patient care" in names and "agile-development" not in names and "Agile development" not in names


def test_skill_share_interval_and_lift(profiles):
    sql = next(i for i in profiles["ml-engineer"].skills.items if i.name == "SQL")
    assert sql.share_of_postings.value == pytest.approx(12 / 40) and sql.share_of_postings.n == 40
    lo, hi = sql.share_ci95
    assert lo < 0.3 < hi
    # 75 of 146 postings could show SQL and ask for it: 103 with given lists + 43 with text (the baseline is every
    # posting, the nurses' data-jobs postings too)
    assert sql.lift == pytest.approx((12 / 40) / (75 / 146), abs=1e-3)


def test_experience_levels_and_certifications(profiles):
    ml = profiles["ml-engineer"]
    levels = {w.level: w for w in ml.salary.by_experience}
    assert levels["senior"].annual.n == 10 and "title words" in levels["senior"].annual.note
    rn = profiles["registered-nurses"]
    assert rn.certifications.from_postings[0].name == "NMC registration"
    assert rn.certifications.from_postings[0].n_postings == 17


def test_outlook_education_and_no_degree(profiles):
    el = profiles["electricians"]
    assert el.outlook.change_pct.value == 9.5 and el.outlook.wording == "much faster than average"
    assert el.education.on_the_job_training == "Apprenticeship"
    ml = profiles["ml-engineer"]
    assert ml.education.share_postings_no_degree.value == pytest.approx(10 / 40)
    assert ml.market.remote_share.value == 0.0


def test_build_and_read_back(fixture_db):
    stats = store.derive(fixture_db, build_profiles)
    assert stats["profiles"] == 3 and stats["from_onet"] == 1
    con = store.connect(fixture_db)
    stored = json.loads(con.execute("SELECT json FROM profiles WHERE slug = 'electricians'").fetchone()[0])
    assert stored["skills"]["evidence"] == "onet"
    p = get_profile(con, "registered-nurses")
    assert p.role.title == "Registered Nurses" and "bls-oews-2025" in p.sources
    with pytest.raises(InputError):
        get_profile(con, "astronaut")
    con.close()


def test_get_profile_on_the_fly(con):
    assert get_profile(con, "electricians").skills.evidence == "onet"
