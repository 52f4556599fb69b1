import math

import pytest

from careerpath.profile import stats


def test_wilson_known_values():
    lo, hi = stats.wilson(5, 10)
    assert lo == pytest.approx(0.2366, abs=1e-4) and hi == pytest.approx(0.7634, abs=1e-4)
    lo, hi = stats.wilson(0, 10)
    assert lo == 0.0 and hi == pytest.approx(0.2775, abs=1e-4)
    assert stats.wilson(0, 0) == (0.0, 0.0)


def test_lift_and_log_odds():
    assert stats.lift(20, 100, 50, 1000) == pytest.approx(4.0)
    assert stats.lift(1, 10, 0, 100) is None
    assert stats.log_odds_ratio(20, 100, 50, 1000) == pytest.approx(
        math.log(20.5 / 80.5) - math.log(50.5 / 950.5))


def test_distinctiveness_is_a_mild_tiebreaker():
    assert stats.distinctiveness(4.0) == pytest.approx(1.0)
    assert stats.distinctiveness(1.0) == pytest.approx(1 / 1.2)
    assert stats.distinctiveness(0.5) == pytest.approx(0.75)
    assert stats.distinctiveness(0.01) == pytest.approx(0.75)  # clipped


def test_onet_score():
    assert stats.onet_score(5.0) == 1.0 and stats.onet_score(1.0) == 0.0
    assert stats.onet_score(None, technology=True) == pytest.approx(0.2)  # a technology counts as a rating at the mean
    assert stats.onet_score(None, technology=True, hot=True, in_demand=True) == pytest.approx(0.8 * 2 / 3)
    assert stats.onet_score(None, technology=True, in_demand=True) == pytest.approx(0.6 * 2 / 3)


def test_hot_alone_is_no_evidence_for_the_occupation():
    """O*NET's hot flag is the technology's across all postings (Apache Spark is hot for every occupation that
    lists it, registered nurses included); only "in demand" is this occupation's postings."""
    assert stats.onet_score(None, technology=True, hot=True) == pytest.approx(0.2)
    assert stats.onet_score(None, technology=True, hot=True) == stats.onet_score(None, technology=True)
    assert stats.onet_score(4.0, technology=True) == pytest.approx(0.75)  # a rating with no z: unscaled


def test_blend_uses_onet_only_below_threshold():
    assert stats.blend([0.5, None], [0.2, 0.9], n=29) == [0.2, 0.9]


def test_blend_formula_above_threshold():
    n = 90
    alpha = n / (n + 30)
    out = stats.blend([0.6, 0.3, None], [None, 1.0, 0.8], n=n)
    assert out[0] == pytest.approx(alpha * 1.0, abs=1e-4)
    assert out[1] == pytest.approx(alpha * 0.5 + (1 - alpha) * 1.0, abs=1e-4)
    assert out[2] == pytest.approx((1 - alpha) * 0.8, abs=1e-4)


def test_core_flags():
    assert stats.core_flags([1.0, 0.6, 0.4]) == [True, True, False]
    assert sum(stats.core_flags([1.0] * 15)) == stats.CORE_TOP


def test_mixture():
    assert stats.mixture([(100.0, 0.6), (200.0, 0.4)]) == pytest.approx(140.0)
    assert stats.mixture([(123.45, 0.3), (None, 0.7)]) == 123.45  # one value: exactly that value
    assert stats.mixture([(None, 1.0)]) is None


@pytest.mark.parametrize("pct,wording", [(33.5, "much faster than average"), (9.5, "much faster than average"),
                                         (4.9, "faster than average"), (3.1, "as fast as average"),
                                         (1.0, "slower than average"), (0.2, "little or no change"),
                                         (-3.0, "decline")])
def test_outlook_wording(pct, wording):
    assert stats.outlook_wording(pct, 3.1) == wording


def test_a_technology_every_occupation_lists_weighs_less():
    everywhere = stats.onet_score(technology=True, hot=True, in_demand=True, spread=0.93)
    specialist = stats.onet_score(technology=True, hot=True, in_demand=True, spread=0.01)
    assert specialist == pytest.approx(0.8 * 0.995 * 2 / 3)
    assert everywhere == pytest.approx(0.8 * (1 - 0.5 * 0.93) * 2 / 3) and everywhere < specialist
    assert stats.onet_score(technology=True) == pytest.approx(0.2)  # spread unknown: no discount


def test_a_rating_weighs_by_how_far_it_stands_above_its_mean_over_occupations():
    """Dishwashers: O*NET rates English Language 3.2 (mean over occupations 3.7, sd 0.6) and Food Production 2.8
    (mean 1.4, sd 0.6); the list led by English said nothing of the job."""
    english = stats.onet_score(3.2, z=(3.2 - 3.7) / 0.6)
    food = stats.onet_score(2.8, z=(2.8 - 1.4) / 0.6)
    assert food > english
    assert stats.onet_score(5.0, z=2.5) == 1.0  # two deviations above or more: the full rating
    assert stats.onet_score(3.0, z=0.0) == pytest.approx(0.5 * 2 / 3)
    assert stats.onet_score(3.0) == pytest.approx(0.5)  # unknown spread of ratings: unchanged
    assert stats.specificity(-5.0) == pytest.approx(1 / 3) and stats.specificity(float("nan")) == 1.0


def test_the_specificity_rule_can_be_switched_off(monkeypatch):
    monkeypatch.setattr(stats, "RATING_SPECIFICITY", None)
    assert stats.onet_score(3.2, z=-0.8) == pytest.approx(0.55)
    assert stats.onet_score(None, technology=True) == pytest.approx(0.3)


def test_broader_note_only_when_the_bls_code_is_wider():
    from careerpath.profile.assemble import broader_note
    row = [{"bls_soc": "35-3023", "occ_title": "Fast Food and Counter Workers"}]
    assert broader_note(row, [{"soc_code": "35-3023.01", "title": "Baristas"}]) == (
        "BLS figure for 35-3023 Fast Food and Counter Workers, the occupation that includes Baristas")
    assert broader_note(row, [{"soc_code": "35-3023.00", "title": "Fast Food and Counter Workers"}]) is None
    assert broader_note(row * 2, [{"soc_code": "35-3023.01", "title": "Baristas"}]) is None  # a mixture says so itself
    assert broader_note(row, []) is None
    agg = [{"bls_soc": "13-1020", "title": "Buyers and purchasing agents"}]  # projections' rows name it `title`
    assert "13-1020 Buyers and purchasing agents" in broader_note(agg, [{"soc_code": "13-1021.00", "title": "Buyers, Farm"}])
