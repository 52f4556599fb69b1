"""Issue 4, 28th pass (s32, session 25): mentoring by the worker states *mentor individuals* (`PASS24_FAMILIES` "mentor"),
curiosity *demonstrate curiosity* ("curiosity", among the semantic links), an automobile furnished and a bus, truck or lorry
driven *drive vehicles* ("furnish", "driving"), and communicating effectively or clearly with the adverb first *communication*
("communicate")."""

from __future__ import annotations

import pytest

from careerpath.extract.skill_competences import (COMMUNICATE_PHRASES, COMMUNICATION, CURIOSITY, CURIOSITY_PHRASES, DRIVE,
                                                  DRIVING_PHRASES, FURNISH_PHRASES, MENTOR, MENTOR_PHRASES, PASS24_FAMILIES, SOFT,
                                                  role_spans)
from careerpath.extract.skills import ExtractConfig

from .skills_fixtures import esco_names, hand_extractor

NEW = ("mentor", "curiosity", "furnish", "driving", "communicate")
OLD = tuple(f for f in PASS24_FAMILIES if f not in NEW)  # every family before this pass


def _old_rules(text: str) -> dict:
    return role_spans(text, people=True, data=True, traits=True, analysis=True, programming="wide", initiative=True,
                      collab="colleagues", reports=True, analytics=True, independence=True, drive=True, comm=True, clerical=True,
                      agents=True, extra=tuple(r for f in OLD for r in PASS24_FAMILIES[f]))


@pytest.mark.parametrize("text, found", [
    ("- Guide the team's direction and technical roadmap, mentor junior members - while also being hands-on", True),
    ("Contributes to the local organization through mentorship of junior staff.", True),
    ("Successful experience in mentoring, training, and leading a small research team", True),
    ("Act as a mentor to junior developers and be able to guide them through their career.", True),
    ("Approved NMC Mentor qualification and a good understanding of nurse training.", True),
    ("You will have a personal mentor and a weekly check-in with your mentor.", False),  # the worker's own mentor
    ("I really appreciate the support of my mentor and supervisor.", False),
    ("Peer mentors (volunteers with lived experience) are part of the team.", False),
    ("New starters are mentored by senior engineers.", False),
    ("Join our mentoring programme and graduate scheme.", False),
    ("A mentor will support you through your preceptorship.", False),
    ("Tormentors and fomentors.", False),  # inside other words
])
def test_mentoring_states_mentor_individuals(text: str, found: bool) -> None:
    assert (MENTOR in role_spans(text, extra=MENTOR_PHRASES)) == found
    assert MENTOR not in _old_rules(text)  # the rules before this pass read none of these


@pytest.mark.parametrize("text, found", [
    ("Have a curiosity to figure out new problems", True),
    ("You remain curious and hungry to understand all the components of your work", True),
    ("Having a curious-minded approach to research, problem solving and supporting client work streams.", True),
    ("have excellent attention to detail, and an inquisitive and inquiring mind", True),
    ("Curious? Apply and find more information on our site.", False),  # an invitation to apply
    ("We are curious. We respect each other.", False),  # the company's own values
    ("Our culture of curiosity and discovery.", False),
    ("A curio shop.", False),
])
def test_curiosity_states_demonstrate_curiosity(text: str, found: bool) -> None:
    assert (CURIOSITY + SOFT in role_spans(text, extra=CURIOSITY_PHRASES)) == found
    assert not any(k.startswith(CURIOSITY) for k in _old_rules(text))


@pytest.mark.parametrize("text, found", [
    ("A Chief Inspector will be required to furnish an automobile, properly insured for use in City service.", True),
    ("Employees may be required to furnish their own automobiles, properly insured.", True),
    ("Three years of full-time paid experience in driving a bus of 40 seated passenger capacity or larger.", True),
    ("One year of full-time paid experience driving a truck or bus carrying a payload of at least 3,000 lbs.", True),
    ("Clean driving record with the ability to drive a truck and trailer.", True),
    ("Experience driving lorries in the UK.", True),
    ("Furnish the office with new desks.", False),
    ("Driving the business forward and drive a business culture.", False),  # "business" holds "bus"
    ("Drive the adoption of electric buses.", False),  # a goal, with the vehicle three words on
    ("Take the bus to work.", False),
])
def test_an_automobile_furnished_and_a_bus_or_truck_driven_state_drive_vehicles(text: str, found: bool) -> None:
    assert (DRIVE in role_spans(text, extra=FURNISH_PHRASES + DRIVING_PHRASES)) == found


@pytest.mark.parametrize("text", [
    "A Chief Inspector will be required to furnish an automobile, properly insured for use in City service.",
    "Three years of full-time paid experience in driving a bus of 40 seated passenger capacity or larger.",
])
def test_the_old_rules_missed_the_furnished_automobile_and_the_bus(text: str) -> None:
    assert DRIVE not in _old_rules(text)


@pytest.mark.parametrize("text, found", [
    ("Effectively communicate results in written, oral and presentation formats.", True),
    ("Ability to effectively communicate/teach concepts to other team members and clients", True),
    ("You must be able to clearly communicate complex ideas.", True),
    ("It is essential to have the ability to communicate clearly and follow instructions.", True),
    ("We communicated the change to staff.", False),
    ("Clearly, communication matters.", False),
])
def test_communicating_effectively_with_the_adverb_first_states_communication(text: str, found: bool) -> None:
    assert (COMMUNICATION in role_spans(text, extra=COMMUNICATE_PHRASES)) == found
    if found:
        assert COMMUNICATION not in _old_rules(text)


def test_on_by_default_with_their_switches() -> None:
    cfg = ExtractConfig()
    assert set(NEW) <= set(cfg.pass24_phrases)
    skills = [{"skill_id": "m", "name": MENTOR, "type": "skill", "esco_uri": "u:m"},
              {"skill_id": "c", "name": CURIOSITY, "type": "soft_skill", "esco_uri": "u:c"},
              {"skill_id": "d", "name": DRIVE, "type": "skill", "esco_uri": "u:d"},
              {"skill_id": "k", "name": COMMUNICATION, "type": "soft_skill", "esco_uri": "u:k"}]
    text = ("Mentor junior analysts and effectively communicate results. An inquisitive mind. "
            "Required to furnish an automobile; experience driving a truck.")
    hits = hand_extractor(skills, [], semantic=False).extract(text)
    assert set(esco_names(hits)) == {MENTOR, CURIOSITY, DRIVE, COMMUNICATION}
    assert {h.name: h.score for h in hits if h.esco_uri} == {MENTOR: 0.745, CURIOSITY: cfg.soft_trait_score, DRIVE: 0.745,
                                                               COMMUNICATION: 0.745}
    rest = tuple(f for f in cfg.pass24_phrases if f not in NEW)
    assert esco_names(hand_extractor(skills, [], semantic=False, pass24_phrases=rest).extract(text)) == []


@pytest.mark.parametrize("text, other", [
    ("Select vehicles, excipients and/or new technologies to prepare formulations of novel small molecules for in vivo studies.",
     True),
    ("Thorough understanding of CAR-based cell therapy; a working knowledge of CAR engineering and in vitro assays.", True),
    ("Deliver drugs to the pharmacy in a company vehicle; a full driving licence is required.", False),  # roads and drivers
    ("Maintain the fleet of vehicles used for drug deliveries.", False),
    ("The car park is free; immunology clinics run on Mondays.", False),  # "car" in lower case is no CAR-T
    ("Select vehicles for the new depot.", False),  # no life-science cue
])
def test_vehicles_and_car_t_among_life_science_words_are_another_sense(text: str, other: bool) -> None:
    from careerpath.extract.skill_competences import OTHER_SENSES

    label, word, own, need = next(row for row in OTHER_SENSES if "CAR" in row[1].pattern)
    assert label.search("drive vehicles") and label.search("automotive engineering") and not label.search("immunology")
    assert (bool(word.search(text)) and not own.search(text) and bool(need.search(text))) == other
