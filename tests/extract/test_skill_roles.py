"""Sixteenth pass of issue 4 (bench/README, branch s17): a role noun states the role's core competence ("a staff nurse",
"a nursing background" -> provide professional care in nursing; "Home Manager" -> organise operations of residential care
services), a multidisciplinary team states *work in multidisciplinary health teams*, and a cloud platform named (AWS,
Azure) states *cloud technologies* (`skill_competences`)."""

from __future__ import annotations

import pytest

from careerpath.extract.skill_competences import ELDERLY, HOME, NURSE, TEAM, credential_competences, role_spans
from careerpath.extract.skills import ExtractConfig, SkillExtractor

from .skills_fixtures import esco_names, hand_extractor

SKILLS = [
    {"skill_id": "care", "name": NURSE, "type": "skill", "esco_uri": "u:care"},
    {"skill_id": "home", "name": HOME, "type": "skill", "esco_uri": "u:home"},
    {"skill_id": "mdt", "name": TEAM, "type": "skill", "esco_uri": "u:mdt"},
    {"skill_id": "old", "name": ELDERLY, "type": "skill", "esco_uri": "u:old"},
    {"skill_id": "cloud", "name": "cloud technologies", "type": "knowledge", "esco_uri": "u:cloud"},
    {"skill_id": "aws", "name": "AWS", "type": "software", "esco_uri": None},
    {"skill_id": "azure", "name": "Microsoft Azure software", "type": "software", "esco_uri": None},
    {"skill_id": "sql", "name": "SQL", "type": "software", "esco_uri": "u:sql"},
    {"skill_id": "surgery", "name": "surgery", "type": "knowledge", "esco_uri": "u:surgery"},
]
ALIASES = [{"skill_id": s["skill_id"], "norm": s["name"].lower(), "kind": "preferred", "rule": None, "veto": None} for s in SKILLS]
ALIASES += [{"skill_id": "azure", "norm": "azure", "kind": "override", "rule": None, "veto": None}]


def _extractor(**cfg) -> SkillExtractor:
    return hand_extractor(SKILLS, ALIASES, **cfg)


_esco = esco_names


OFF = dict(role_competence_score=None, product_competence=False, team_competence=False, elderly_competence=False)
ROLES = dict(role_competence_score=0.745, team_competence=False, elderly_competence=False)


def test_a_nurse_named_states_nursing_care():
    text = "We are looking to recruit a full time, permanent Nurse to work on the ward supporting mainly day case surgery."
    assert NURSE not in _esco(_extractor(semantic=False, **OFF).extract(text))  # main: the role noun said nothing
    hits = _extractor(semantic=False, **ROLES).extract(text)
    assert _esco(hits) == ["surgery", NURSE]  # below the skill named outright, above any semantic link (<= 0.74)
    by = {h.name: h for h in hits}
    assert by[NURSE].score == 0.745 and by[NURSE].spans == [[text.index("Nurse"), text.index("Nurse") + 5]]
    for line in ("A staff nurse who wishes to develop their career within community nursing.",
                 "Candidates with significant nursing experience are welcome.",
                 "Any healthcare professional with an ODP or nursing background.",
                 "Nurses should have 1 years post registration experience."):
        assert _esco(_extractor(semantic=False, **ROLES, role_competence_plural=True).extract(line))[:1] == [NURSE], line
    # the plural is left out by default ("a team of nurses", "work with nurses" name colleagues)
    assert NURSE not in _esco(_extractor(semantic=False, **ROLES).extract("Support the nurses on the ward."))


def test_a_nursing_home_is_a_place_and_a_home_manager_runs_it():
    ex = _extractor(semantic=False, **ROLES)
    # care assistants work in nursing homes: the place names no nurse
    assert _esco(ex.extract("The home manager is looking for care assistants for our nursing home.")) == [HOME]
    assert _esco(ex.extract("Care assistants wanted for our nursing home in Hereford.")) == []
    assert _esco(ex.extract("Previous experience of managing a Nursing Home is essential.")) == [HOME]
    assert _esco(ex.extract("Several years Home Management experience.")) == [HOME]
    assert role_spans("A home for everyone.") == {}


def test_a_multidisciplinary_team_states_teamwork_in_health():
    text = "You will become a crucial part of our outstanding multi-disciplinary team."
    assert TEAM not in _esco(_extractor(semantic=False, **ROLES).extract(text))
    on = _extractor(semantic=False, **{**ROLES, "team_competence": True})
    assert _esco(on.extract(text)) == [TEAM]
    assert _esco(on.extract("An integral part of these MDTs, working within and between teams.")) == [TEAM]
    assert _esco(on.extract("A multidisciplinary approach to research.")) == []  # not a team


def test_the_elderly_client_group_states_elderly_care():
    text = "The elderly residents have very high needs; we offer long term dementia care."
    assert ELDERLY not in _esco(_extractor(semantic=False, **ROLES).extract(text))
    on = _extractor(semantic=False, **{**ROLES, "elderly_competence": True})
    hits = on.extract(text)
    assert _esco(hits) == [ELDERLY] and len(hits[0].spans) == 2  # "elderly" and "dementia"
    assert _esco(on.extract("Care for older people in their own homes.")) == [ELDERLY]
    assert _esco(on.extract("Applicants must be 18 years or older.")) == []


def test_a_cloud_platform_states_cloud_technologies():
    names = {i: s["name"] for i, s in enumerate(SKILLS)}
    idx = {n: i for i, n in names.items()}
    assert idx["AWS"] not in credential_competences(names)  # the software rows only when asked for
    assert credential_competences(names, products=True)[idx["AWS"]] == idx["cloud technologies"]
    text = "Experience with SQL and AWS or Azure."
    assert _esco(_extractor(semantic=False, **OFF).extract(text)) == ["SQL"]
    hits = _extractor(semantic=False, product_competence=True).extract(text)
    assert _esco(hits) == ["SQL", "cloud technologies"]
    by = {h.name: h for h in hits}
    assert by["cloud technologies"].score == max(by["AWS"].score, by["Microsoft Azure software"].score)
    assert _esco(_extractor(semantic=False, **OFF, credential_competence=False).extract(text)) == ["SQL"]
    # products on, licences off: still only the product rows
    ex = _extractor(semantic=False, product_competence=True, credential_competence=False)
    assert all(ex.skills[ex._ids[i]]["type"] == "software" for i in ex._licensed)


def test_the_rules_are_on_by_default_and_the_semantic_path_agrees():
    cfg = ExtractConfig()
    assert cfg.role_competence_score == 0.745 and cfg.product_competence and cfg.team_competence and cfg.elderly_competence
    text = "As a Registered Nurse you will join a multidisciplinary team."
    assert set(_esco(_extractor(semantic=False).extract(text))[:2]) == {NURSE, TEAM}
    assert set(_esco(_extractor().extract(text))[:2]) == {NURSE, TEAM}


@pytest.mark.slow
def test_real_store_role_nouns_and_platforms(full_con):
    """On the real taxonomy: the role and platform rules resolve their ESCO labels, and the competences come first."""
    ex = SkillExtractor.from_store(full_con, config=ExtractConfig(semantic=False))
    assert {NURSE, HOME, TEAM, ELDERLY} <= set(ex._roles)  # and the eighteenth pass's phrase competences (test_skill_phrases)
    esco = [h.name for h in ex.extract("We need a staff nurse with experience in a multi-disciplinary team.") if h.esco_uri]
    assert set(esco[:2]) == {NURSE, TEAM}
    esco = [h.name for h in ex.extract("Hands-on experience with AWS and Microsoft Azure.") if h.esco_uri]
    assert esco[:1] == ["cloud technologies"]
