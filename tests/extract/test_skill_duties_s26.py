"""Session 22 (bench/README "Skills, other sentences (s26, session 22)"): duties of care and health postings stated in other
words — shift work named by its hours (`skill_competences.SHIFT_PHRASE`) -> *work in shifts*, the people cared for named by a
disability (`DISABILITY_PHRASE`) -> *disability care*, a practitioner in the singular or the practice
(`PRACTICE_PHRASES`) -> its core competence, working with the other professions of care (`PROFESSIONS_PHRASE`) -> *work in
multidisciplinary health teams* (`duty_spans`, `ExtractConfig.shift_competence`, `disability_competence`, `practice_competence`,
`professions_competence`)."""

from __future__ import annotations

import pytest

from careerpath.extract.skill_competences import (COOKING, DISABILITY, OT, PRACTICE_PHRASES, RADIOGRAPHY, SHIFTS, TEAM,
                                                   duty_spans)
from careerpath.extract.skills import ExtractConfig, SkillExtractor

from .skills_fixtures import esco_names, hand_extractor


def found(text: str, **kw) -> dict[str, list[str]]:
    return {k: [text[a:b] for a, b in v] for k, v in duty_spans(text, **kw).items()}


@pytest.mark.parametrize("text, comp, phrase", [
    ("The role will be working night shifts (8pm 8am) covering four nights per week.", SHIFTS, "night shifts"),
    ("Working hours: working days and nights over seven days to cover a 24 hour service", SHIFTS, "working days and nights"),
    ("Technicians may be required to work days or nights any five of a seven day workweek.", SHIFTS, "work days or nights"),
    ("You will be the only nurse on night duty in the nursing home.", SHIFTS, "night duty"),
    ("Very strong skills in primary care and experience of working nights.", SHIFTS, "working nights"),
    ("We are recruiting a full time night nurse to cover 33 hours per week.", SHIFTS, "night nurse"),
    ("You will participate in a shift system (early/late shift).", SHIFTS, "shift system"),
    ("Our Radiographers work 12-hour shifts.", SHIFTS, "12-hour shifts"),
    ("Bluebird Care provides care at home for elderly people and adults with a physical disability.", DISABILITY,
     "adults with a physical disability"),
    ("At least one year's experience working with children with disabilites.", DISABILITY, "children with disabilites"),
    ("The care of our elderly frail and young physically disabled residents.", DISABILITY, "physically disabled"),
    ("Support for individuals with a range of conditions, disabilities and elderly service users.", DISABILITY,
     "individuals with a range of conditions, disabilities"),
    ("Children and young people with profound and multiple learning disabilities.", DISABILITY, "learning disabilities"),
    ("An opportunity has arisen for a Senior Occupational Therapist to work within the team.", OT, "Occupational Therapist"),
    ("It is essential you hold a Diploma/Degree in Occupational Therapy.", OT, "Occupational Therapy"),
    ("A variety of posts which will encourage development of core OT skills.", OT, "OT skills"),
    ("We are recruiting an experienced CT radiographer.", RADIOGRAPHY, "radiographer"),
    ("A relevant Radiography Degree and Postgraduate Certificate in Mammography.", RADIOGRAPHY, "Radiography"),
    ("A varied Chef de Partie role in a high volume kitchen.", COOKING, "Chef de Partie"),
    ("Sous Chef required, Coventry.", COOKING, "Sous Chef"),
    ("Good all round knowledge of the kitchen and a genuine love of food and cooking.", COOKING, "cooking"),
    ("o Working with other care professionals such as District Nurses, GPs.", TEAM, "Working with other care professionals"),
    ("They will work closely with the GPs, Care Home Managers and other primary care professionals.", TEAM,
     "work closely with the GPs, Care Home Managers and other primary care professionals"),
    ("Working alongside our partner agencies in Children's services.", TEAM, "Working alongside our partner agencies"),
])
def test_a_phrase_states_its_competence(text: str, comp: str, phrase: str) -> None:
    assert any(phrase in span for span in found(text).get(comp, []))


@pytest.mark.parametrize("text", [
    "Acting as shift leader you will manage the ward.",  # a role, not the hours
    "RGN Nights, Poole, Dorset, £16 per hour.",  # a title's "Nights"
    "A full time permanent role working a mixed rota.",  # dev17: not tagged
    "A shift in priorities towards community care.",
    "We welcome applications from disabled people.",  # applying, not the people cared for
    "Reasonable adjustments will be made for disabled individuals in line with the Equality Act 2010.",
    "Qualified individuals with disabilities are encouraged to apply.",
    "EEO Site . Minorities . females . veterans . individuals with disabilities . gender identity",  # a list split by stops
    "Disability Confident employer: we guarantee an interview to disabled applicants.",
    "The post holder would work closely with the occupational therapy team.",  # colleagues
    "Supervision to a small group of occupational therapists.",  # the plural: the people supervised
    "The OT sales team is looking for a pre-sales consultant.",  # operational technology
    "Supervising our Radiographers and Sonographers.",
    "Tools including AWS CLI, Terraform, Ansible, Chef, Python and Git.",  # the configuration tool
    "Chef Software is the industry leader in IT automation.",
    "Patients at the James Cook University Hospital.",
    "Fun company outings like bowling, yoga and cooking classes.",  # a perk
    "The Head Chef leads the brigade.",  # the boss
])
def test_what_states_nothing_here(text: str) -> None:
    assert found(text) == {}


@pytest.mark.parametrize("text", [
    "A multi-disciplinary team including Community Mental Health Nurses, Occupational Therapist, Psychologists.",
    "We work closely with Physiotherapy, Occupational therapy and Radiology.",
    "Exercise programmes following assessment by Occupational Therapist and/or Physiotherapist.",
    "Regular supervision from a qualified Occupational Therapist.",
    "You will be assisting the Radiographer during examinations.",
    "Providing information, education and training to health care professionals.",  # taught, not worked with
    "Liaise with a variety of other professionals, agencies and members of the public.",
])
def test_what_states_nothing_here_either(text: str) -> None:
    assert found(text, shifts=False, disability=False) == {}
    assert ExtractConfig().professions_competence
    assert found("Working with other healthcare professionals.", professions=False) == {}


def test_a_qualification_among_others_is_the_worker_s() -> None:
    text = "You will either be a Registered Mental Health Nurse/ Social Worker/ Occupational Therapist."
    assert found(text) == {OT: ["Occupational Therapist"]}


def test_each_family_has_its_switch() -> None:
    text = "Working night shifts with adults with learning disabilities."
    assert set(found(text)) == {SHIFTS, DISABILITY}
    assert set(found(text, shifts=False)) == {DISABILITY}
    assert set(found(text, disability=False)) == {SHIFTS}
    assert found("A Radiographer.", practice=False) == {}
    assert ExtractConfig().shift_competence and ExtractConfig().disability_competence and ExtractConfig().practice_competence


def test_every_practice_pattern_starts_at_one_of_its_keys() -> None:
    """`_phrase_spans` anchors each pattern at a lower-cased key: a pattern in capitals or a key it cannot start with would
    never match."""
    for rx, comp, keys, need in PRACTICE_PHRASES:
        assert comp in (OT, RADIOGRAPHY, COOKING) and need is None
        assert rx.pattern == rx.pattern.replace("OT", "ot")  # matched on the lower-cased text
        for k in keys:
            assert k == k.lower()


SKILLS = [{"skill_id": f"c{k}", "name": n, "type": "skill", "esco_uri": f"u:{k}"} for k, n in enumerate((SHIFTS, DISABILITY))]


def test_the_duties_rank_as_the_other_phrase_competences() -> None:
    text = "Experience of working nights with adults with a learning disability."
    hits = hand_extractor(SKILLS, [], semantic=False).extract(text)
    assert {h.name: h.score for h in hits} == {SHIFTS: 0.745, DISABILITY: 0.745}
    assert esco_names(hand_extractor(SKILLS, [], semantic=False, shift_competence=False).extract(text)) == [DISABILITY]
    assert esco_names(hand_extractor(SKILLS, [], semantic=False, disability_competence=False).extract(text)) == [SHIFTS]
    assert esco_names(hand_extractor(SKILLS, [], semantic=False, role_competence_score=None).extract(text)) == []


@pytest.mark.slow
def test_real_taxonomy_names_the_duties(full_con) -> None:
    """On the real taxonomy both competences are ESCO labels the extractor resolves."""
    ex = SkillExtractor.from_store(full_con, config=ExtractConfig(semantic=False))
    assert {SHIFTS, DISABILITY, OT, RADIOGRAPHY, COOKING} <= set(ex._roles)
    esco = [h.name for h in ex.extract("Night shifts caring for adults with learning disabilities. A Band 6 Radiographer. "
                                       "An Occupational Therapist. A Commis Chef.") if h.esco_uri]
    assert {SHIFTS, DISABILITY, OT, RADIOGRAPHY, COOKING} <= set(esco)
