"""A broad skill that is the role's specialty (`rank.specialty_shares`, `vectors.role_skill_top_importance`): listed by
more roles than relevance.MAX_ROLE_SHARE, but rated by this role as high as the top 5 % of them, it may open the floor."""

from __future__ import annotations

import json

import duckdb
import numpy as np
import pandas as pd
import pytest

from careerpath.recommend import rank
from careerpath.recommend.relevance import MAX_ROLE_SHARE, Role, weighted_role_skills
from careerpath.recommend.vectors import SPECIALTY_QUANTILE, SkillVecs, role_skill_top_importance

IDS = ["conduct-quality-control-analysis", "mathematics", "onet:2.C.2.a", "six-sigma"]


def _inspectors() -> Role:
    return Role("inspectors", "Inspectors", pd.DataFrame({
        "skill_id": IDS, "name": [i.replace("-", " ") for i in IDS], "importance": [0.69, 0.54, 0.82, 0.3],
        "core": False, "type": ["skill", "skill", "knowledge", "skill"]}))


def _vecs(top: dict[str, float]) -> SkillVecs:
    return SkillVecs(IDS, np.eye(len(IDS), dtype=np.float32), {}, top_importance=top)


SHARES = {"conduct-quality-control-analysis": 0.41, "mathematics": 0.85, "onet:2.C.2.a": 0.40, "six-sigma": 0.01}
TOP = {"conduct-quality-control-analysis": 0.66, "mathematics": 0.70, "onet:2.C.2.a": 0.75, "six-sigma": 0.2}


def test_a_broad_skill_the_role_rates_in_the_top_of_its_listers_is_its_specialty():
    """Quality control analysis (41 % of roles list it; inspectors rate it 0.69, above the 95th percentile 0.66)
    becomes the inspectors' own; mathematics, rated below its percentile, stays broad; an O*NET id (no course
    claims one) and a skill already narrow (six sigma, 1 %) are left as they are."""
    got = rank.specialty_shares(_inspectors(), SHARES, _vecs(TOP))
    assert got == {"conduct-quality-control-analysis": rank.SPECIALTY_SHARE}
    assert rank.SPECIALTY_SHARE <= MAX_ROLE_SHARE
    spec = pd.DataFrame({"skill_id": IDS, "n": 3, "share": 0.001, "specificity": 1.0})
    before = weighted_role_skills(_inspectors(), spec, SHARES).set_index("skill_id")
    after = weighted_role_skills(_inspectors(), spec, {**SHARES, **got}).set_index("skill_id")
    assert not before.at["conduct-quality-control-analysis", "floor_skill"]
    assert after.at["conduct-quality-control-analysis", "floor_skill"]
    assert not after.at["mathematics", "floor_skill"]


def test_skills_the_ranker_added_are_no_specialty():
    """`recommend` adds O*NET and implied skills before ranking; only the profile's own skills are read."""
    role = _inspectors()
    added = Role(role.slug, role.title, role.skills.assign(type=["implied", "skill", "knowledge", "skill"]))
    assert rank.specialty_shares(added, SHARES, _vecs(TOP)) == {}
    marked = Role(role.slug, role.title, role.skills, extra={"onet": ["conduct-quality-control-analysis"]})
    assert rank.specialty_shares(marked, SHARES, _vecs(TOP)) == {}


def test_specialty_off_and_without_percentiles(monkeypatch):
    assert rank.specialty_shares(_inspectors(), SHARES, _vecs({})) == {}
    assert rank.specialty_shares(_inspectors(), SHARES, None) == {}
    monkeypatch.setattr(rank, "SPECIALTY", False)
    assert rank.specialty_shares(_inspectors(), SHARES, _vecs(TOP)) == {}


def test_top_importance_is_the_quantile_over_the_profiles_listing_the_skill():
    """40 profiles: every one lists *a* at importance 0.01 ... 0.40; only 10 list *b* (fewer than MIN_PROFILES:
    no percentile)."""
    con = duckdb.connect()
    con.execute("CREATE TABLE profiles (slug VARCHAR, json VARCHAR)")
    for i in range(40):
        items = [{"id": "a", "importance": (i + 1) / 100}] + ([{"id": "b", "importance": 0.5}] if i < 10 else [])
        con.execute("INSERT INTO profiles VALUES (?, ?)", [f"r{i}", json.dumps({"skills": {"items": items}})])
    top = role_skill_top_importance(con)
    assert set(top) == {"a"}
    assert top["a"] == pytest.approx(float(np.quantile(np.arange(1, 41) / 100, SPECIALTY_QUANTILE)))
