"""Related roles: one similarity for every pair of roles, O*NET's curated neighbours kept, most similar first."""

from types import SimpleNamespace

import numpy as np
import pytest

from careerpath.profile.aggregates import Aggregates
from careerpath.profile.build import PROFILE_WEIGHT, _similarity, _variant


def _profile(*items: tuple[str, float]):
    return SimpleNamespace(skills=SimpleNamespace(items=[SimpleNamespace(id=i, importance=w) for i, w in items]))


def _rating(element: str, im: float) -> dict:
    return {"element_id": element, "im": im}


def test_a_role_o_net_never_rated_is_compared_on_the_profiles_skills():
    """Data Scientists has no O*NET ratings; it must not be orthogonal to a rated role with the same skills."""
    profiles = {"rated": _profile(("python", 0.9), ("sql", 0.6)),
                "unrated": _profile(("python", 0.9), ("sql", 0.6)),
                "other": _profile(("welding", 1.0)),
                "empty": _profile()}
    agg = Aggregates(roles=[], onet_ratings={"rated": [_rating("2.A.1", 4.0)], "other": [_rating("2.B.3", 3.0)]})
    slugs = list(profiles)
    sim = _similarity(agg, profiles, slugs)
    i = {s: k for k, s in enumerate(slugs)}
    assert sim[i["rated"], i["unrated"]] == pytest.approx(1.0)
    assert sim[i["rated"], i["other"]] == pytest.approx(0.0)
    assert not sim[i["empty"]].any() and np.allclose(sim, sim.T)


def test_both_kinds_of_evidence_count_when_both_roles_have_them():
    profiles = {"a": _profile(("python", 1.0)), "b": _profile(("python", 1.0))}
    agg = Aggregates(roles=[], onet_ratings={"a": [_rating("x", 5.0)], "b": [_rating("y", 5.0)]})
    sim = _similarity(agg, profiles, ["a", "b"])
    # ratings share nothing (cosine 0), profiles are the same (cosine 1): the weighted mean of the two cosines
    w = PROFILE_WEIGHT ** 2
    assert 0 < w < 1 and sim[0, 1] == pytest.approx(w / (1 + w))


@pytest.mark.parametrize("title,of,expected", [
    ("Associate Data Scientist", "Data Scientists", True),
    ("Senior Registered Nurse", "Registered Nurses", True),
    ("Machine Learning Engineer", "Data Scientists", False),
    ("Nurse Practitioners", "Registered Nurses", False),
    ("General Dentist", "Dentists, General", True),
])
def test_a_grade_of_the_same_job_is_not_a_related_career(title, of, expected):
    assert _variant(title, of) is expected


def _occupation(code: str, title: str, *items: tuple[str, float]):
    role = SimpleNamespace(kind="occupation", soc=[SimpleNamespace(code=code)], title=title)
    skills = SimpleNamespace(items=[SimpleNamespace(id=i, name=i, importance=w) for i, w in items])
    return SimpleNamespace(role=role, skills=skills)


def test_o_net_s_own_order_picks_its_related_occupations_not_our_similarity():
    """Health occupations share most of their O*NET ratings, so among O*NET's twenty related occupations our
    similarity kept surgeons (0.96) for dental hygienists and dropped Dental Assistants, O*NET's first. The
    curated slots now follow O*NET's order; the rest of the list is still filled by similarity."""
    from careerpath.profile.build import MAX_RELATED, ONET_SLOTS, related_roles

    n = MAX_RELATED + ONET_SLOTS + 2
    # role r0 is the subject; r1..rn are decreasingly similar to it (more of the subject's skill, less of "other")
    profiles = {"r0": _occupation("00-0000.00", "Subject", ("core", 1.0))}
    for k in range(1, n + 1):
        profiles[f"r{k}"] = _occupation(f"00-{k:04d}.00", f"Role {k}", ("core", 1.0), ("other", k / n))
    # O*NET lists the least similar roles first
    related = [{"related_soc_code": f"00-{k:04d}.00", "rank": rank}
               for rank, k in enumerate(range(n, 0, -1), start=1)]
    agg = Aggregates(roles=[], related={"r0": related})
    got = related_roles(profiles, agg)["r0"]
    slugs = [r.slug for r in got]
    curated = [f"r{k}" for k in range(n, n - ONET_SLOTS, -1)]  # O*NET's first ONET_SLOTS
    assert set(curated) <= set(slugs), slugs
    fill = [s for s in slugs if s not in curated]
    assert fill == [f"r{k}" for k in range(1, MAX_RELATED - ONET_SLOTS + 1)], slugs  # the most similar
    assert [r.similarity for r in got] == sorted((r.similarity for r in got), reverse=True)
    assert all(r.onet_related for r in got)
