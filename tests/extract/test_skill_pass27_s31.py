"""Issue 4, 27th pass (s31, session 24): a car of one's own in other words ("their own automobiles", "your own transport")
states *drive vehicles* (`PASS24_FAMILIES` "transport"), and so does driving vehicles with a word between ("vehicles");
personality disorders are *psychiatric disorders* ("disorders"); "RN", "RNs" and "RSCN" in capitals name a nurse
(`NURSE_ABBR`, `ExtractConfig.nurse_abbrev`)."""

from __future__ import annotations

import pytest

from careerpath.extract.skill_competences import (DISORDER_PHRASES, DRIVE, NURSE, PASS24_FAMILIES, PSYCHIATRIC, TRANSPORT_PHRASES,
                                                  VEHICLE_PHRASES, car_spans, role_spans)
from careerpath.extract.skills import ExtractConfig

from .skills_fixtures import esco_names, hand_extractor


@pytest.mark.parametrize("text, found", [
    ("Upon appointment, employees may be required to furnish their own automobiles, properly insured, for use in City service.",
     True),
    ("You will also need to be a driver with your own transport Interested?", True),
    ("Applicants are preferred to have their own Transportation as public transport is limited.", True),
    ("Access to your own transport (ideally car) is essential.", True),
    ("Public transport links are good.", False),
    ("Their own transport policy.", True),  # the rule reads the words, not the sense: a known limit
    ("The automobile industry.", False),
])
def test_own_automobiles_and_own_transport_state_drive_vehicles(text: str, found: bool) -> None:
    assert (DRIVE in role_spans(text, extra=TRANSPORT_PHRASES)) == found
    assert car_spans(text) == [] or "car" in text.lower()  # the old rule read none of these forms


@pytest.mark.parametrize("text, found", [
    ("An exciting opportunity has arisen for RN / RSCN to join our happy and cohesive ED team.", True),
    ("The RNs/LPNs we are looking to hire would have to be responsible.", True),
    ("Must be a qualified RN with a live NMC pin.", True),
    ("Under direction of the RN, performs routine patient admissions.", False),  # the nurse the worker answers to
    ("Please search (339-NBTX-RN-TH-07) to apply.", False),  # a code
    ("Senior React Native (RN) developer.", False),
    ("We learn and return modern patterns.", False),  # lower-case letters are no abbreviation
    ("MODERN RETURN POLICY", False),
])
def test_rn_in_capitals_names_a_nurse(text: str, found: bool) -> None:
    assert (NURSE in role_spans(text, abbrev=True)) == found
    assert NURSE not in role_spans(text)  # off: the old rules read none of these


@pytest.mark.parametrize("text, found", [
    ("All Electric Distribution Mechanics are required to drive commercial vehicles.", True),
    ("Driving City vehicles is part of the job.", True),
    ("Drive the adoption of electric vehicles.", False),  # three words between: a business goal, not driving
    ("Vehicles are driven by the crew.", False),
])
def test_driving_vehicles_with_a_word_between(text: str, found: bool) -> None:
    assert (DRIVE in role_spans(text, extra=VEHICLE_PHRASES)) == found


def test_personality_disorders_are_psychiatric_disorders() -> None:
    assert PSYCHIATRIC in role_spans("Wards that care for adults with personality disorders.", extra=DISORDER_PHRASES)
    assert PSYCHIATRIC not in role_spans("A personality test.", extra=DISORDER_PHRASES)


def test_on_by_default_with_their_switches() -> None:
    cfg = ExtractConfig()
    assert {"vehicles", "disorders"} <= set(cfg.pass24_phrases)
    assert "transport" in cfg.pass24_phrases and PASS24_FAMILIES["transport"] is TRANSPORT_PHRASES and cfg.nurse_abbrev
    skills = [{"skill_id": "d", "name": DRIVE, "type": "skill", "esco_uri": "u:d"},
              {"skill_id": "n", "name": NURSE, "type": "skill", "esco_uri": "u:n"}]
    text = "RN / RSCN wanted; you must furnish your own automobile."
    hits = hand_extractor(skills, [], semantic=False).extract(text)
    assert set(esco_names(hits)) == {DRIVE, NURSE} and {h.score for h in hits} == {0.745}
    rest = tuple(f for f in cfg.pass24_phrases if f not in ("transport", "furnish"))  # s32's "furnish" reads it too
    assert esco_names(hand_extractor(skills, [], semantic=False, pass24_phrases=rest, nurse_abbrev=False).extract(text)) == []
