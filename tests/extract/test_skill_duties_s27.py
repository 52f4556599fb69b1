"""Session 22 (bench/README "Skills, other sentences (s27, session 22)"): a critical-care setting named
(`skill_competences.CRITICAL_PHRASE`) -> *intensive care medicine*, a nurse who leads nurses (`NURSE_LEAD_PHRASE`) -> *leadership
in nursing*, a caring or compassionate worker (`EMPATHY_PHRASE`) -> *show empathy* (`duty_spans`, `ExtractConfig.critical_competence`,
`nurse_lead_competence`, `empathy_competence`)."""

from __future__ import annotations

import pytest

from careerpath.extract.skill_competences import CRITICAL, EMPATHY, NURSE_LEAD, duty_spans
from careerpath.extract.skills import ExtractConfig, SkillExtractor

from .skills_fixtures import esco_names, hand_extractor

ON = dict(critical=True, nurse_lead=True, empathy=True)


def found(text: str, **kw) -> dict[str, list[str]]:
    return {k: [text[a:b] for a, b in v] for k, v in duty_spans(text, **{**ON, **kw}).items()
            if k in (CRITICAL, NURSE_LEAD, EMPATHY)}


@pytest.mark.parametrize("text, comp, phrase", [
    ("Are you a nurse with existing and/or previous experience in critical care?", CRITICAL, "critical care"),
    ("As Senior Staff Nurse in ITU you will require extensive experience.", CRITICAL, "ITU"),
    ("Deliver care to our patients on the specialist intensive care at the Churchill Hospital.", CRITICAL, "intensive care"),
    ("Band 5 Staff Nurse, NICU.", CRITICAL, "NICU"),
    ("The ability to deputise in a clinical lead role", NURSE_LEAD, "a clinical lead"),
    ("We are seeking a strong, committed and dedicated Clinical Lead, an experienced RGN.", NURSE_LEAD,
     "a strong, committed and dedicated Clinical Lead"),
    ("Exposure to take the lead as Clinical Nurse Manager within a clinic.", NURSE_LEAD, "as Clinical Nurse Manager"),
    ("Clinical management experience in order to lead a team of more junior nurses.", NURSE_LEAD,
     "lead a team of more junior nurses"),
    ("To provide senior nursing leadership to the ward.", NURSE_LEAD, "nursing leadership"),
    ("A Registered Nurse (RGN) with a naturally caring nature.", EMPATHY, "caring"),
    ("Good communication skills with a caring and professional approach to your work.", EMPATHY, "caring"),
    ("Compassionate and able to showcase excellent patient care", EMPATHY, "Compassionate"),
    ("The delivery of safe, effective and compassionate care.", EMPATHY, "compassionate"),
])
def test_a_phrase_states_its_competence(text: str, comp: str, phrase: str) -> None:
    assert found(text) == {comp: [phrase]}


@pytest.mark.parametrize("text", [
    "The hospital is a 39 bedded purpose-built psychiatric intensive care unit.",  # psychiatric, not intensive care medicine
    "Assessment and implementation of intensive care and treatment in the home of people with mental health needs.",
    "A situation at the institute.",  # "itu" inside words
    "For an informal visit please contact Abi Hutter, Clinical Lead OT, on 01234.",  # a contact, another profession
    "Dr Shivaram, Clinical Lead for Swale, Tel 01795 418359",  # no article: a contact
    "Reporting to the Clinical Nurse Manager.",  # the one reported to
    "You will work closely with the Clinical Lead and the ward team.",  # a colleague
    "She is a Clinical Lead Physiotherapist.",  # another profession's lead
    "You will be caring for up to six residents.",  # the duty, not the trait
    "The home boasts a comforting and caring atmosphere for the elderly.",  # the place
    "Join a caring and compassionate team, who work in a flexible way.",  # the team
    "We are an enthusiastic, progressive and caring Pharmacy department.",
    "Our values are caring, open and respectful.",  # the employer's values
    "Flexible working to fit around caring responsibilities.",  # a carer's
    "Care and compassion is at the heart of everything we do.",  # the noun: the employer's ethos
])
def test_what_states_nothing_here(text: str) -> None:
    assert found(text) == {}


def test_each_family_has_its_switch() -> None:
    text = "A caring nurse with critical care experience, as a Clinical Lead."
    assert set(found(text)) == {CRITICAL, NURSE_LEAD, EMPATHY}
    assert set(found(text, critical=False)) == {NURSE_LEAD, EMPATHY}
    assert set(found(text, nurse_lead=False)) == {CRITICAL, EMPATHY}
    assert set(found(text, empathy=False)) == {CRITICAL, NURSE_LEAD}
    assert set(duty_spans(text)) & {CRITICAL, NURSE_LEAD, EMPATHY} == set()  # off unless asked for
    cfg = ExtractConfig()
    assert cfg.critical_competence and cfg.nurse_lead_competence and cfg.empathy_competence


SKILLS = [{"skill_id": f"c{k}", "name": n, "type": "skill", "esco_uri": f"u:{k}"}
          for k, n in enumerate((CRITICAL, NURSE_LEAD, EMPATHY))]


def test_the_families_rank_as_the_other_phrase_competences() -> None:
    text = "A caring nurse with critical care experience, as a Clinical Lead."
    hits = hand_extractor(SKILLS, [], semantic=False).extract(text)
    assert {h.name: h.score for h in hits} == {CRITICAL: 0.745, NURSE_LEAD: 0.745, EMPATHY: 0.745}
    assert set(esco_names(hand_extractor(SKILLS, [], semantic=False, critical_competence=False).extract(text))) == {
        NURSE_LEAD, EMPATHY}
    assert set(esco_names(hand_extractor(SKILLS, [], semantic=False, nurse_lead_competence=False,
                                         empathy_competence=False).extract(text))) == {CRITICAL}
    assert esco_names(hand_extractor(SKILLS, [], semantic=False, critical_competence=False, nurse_lead_competence=False,
                                     empathy_competence=False).extract(text)) == []


@pytest.mark.slow
def test_real_taxonomy_names_the_families(full_con) -> None:
    """On the real taxonomy the three competences are ESCO labels the extractor resolves."""
    ex = SkillExtractor.from_store(full_con, config=ExtractConfig(semantic=False))
    assert {CRITICAL, NURSE_LEAD, EMPATHY} <= set(ex._roles)
    esco = [h.name for h in ex.extract("A caring nurse with critical care experience, as a Clinical Lead.") if h.esco_uri]
    assert {CRITICAL, NURSE_LEAD, EMPATHY} <= set(esco)
