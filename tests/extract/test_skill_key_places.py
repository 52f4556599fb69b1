"""The competence rules find their keys in one automaton pass (`key_places`) rather than each on its own: the places must
be exactly those `str.find` gives, or a rule would fire at a different place or not at all."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from careerpath.extract import skill_competences as sc

KEYS = sc._places_automaton(())[1]


def _finds(low: str, key: str) -> list[int]:
    """Every place of `key` in `low` by `str.find`, overlapping ones included: what the rules looked for one key at a time."""
    out, i = [], low.find(key)
    while i != -1:
        out.append(i)
        i = low.find(key, i + 1)
    return out


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(KEYS), st.text(alphabet="abcdefghijklmnopqrstuvwxyz -.,İ", max_size=6)),
                max_size=30))
def test_places_are_every_find_of_every_key(parts: list[str]) -> None:
    low = sc.lower_text("".join(parts))
    at = sc.key_places(low).at
    for k in KEYS:
        assert at.get(k, []) == _finds(low, k), k


def test_overlapping_and_nested_keys_all_reported() -> None:
    low = "nurses in a nursing home; the care home manager of nursing homes"
    first, second = low.index("nursing home"), low.rindex("nursing home")
    care = low.index("care home")
    at = sc.key_places(low).at
    assert at["nurs"] == [0, first, second] and at["nurses"] == [0]
    assert at["nursing home"] == [first, second] and at["care home"] == [care]
    assert at["home"] == [first + 8, care + 5, second + 8] and at["home manag"] == [care + 5]


def test_every_rule_key_is_in_the_automaton() -> None:
    """A key missing from the automaton would switch its rule off without a word."""
    tables = [sc.PEOPLE_PHRASES, sc.DATA_PHRASES, sc.TRAIT_PHRASES, sc.ANALYSIS_PHRASES, sc.PROGRAMMING_PHRASES,
              sc.PROGRAMMING_PHRASES_WIDE, sc.PROGRAMMING_CODE, sc.COMM_PHRASES, sc.CLERICAL_PHRASES, sc.SUPERVISE_AGENTS,
              sc.INITIATIVE_PHRASES, sc.COLLAB_PHRASES, sc.COOPERATE_PHRASES, sc.ANALYTICS_PHRASES, sc.DRIVE_PHRASES,
              sc.REPORT_PHRASES, sc.INDEPENDENCE_PHRASES, sc.PRACTICE_PHRASES, *sc.PASS24_FAMILIES.values()]
    keys = set(KEYS)
    for rows in tables:
        for _, _, ks, need in rows:
            assert set(ks) <= keys and (need is None or need in keys)
    loose = (sc._SHIFT_KEYS + sc._DISABILITY_KEYS + sc._PROFESSIONS_KEYS + sc._CRITICAL_KEYS + sc._NURSE_LEAD_KEYS
             + sc._EMPATHY_KEYS + sc._CAR_KEYS + sc._HOME_KEYS + sc._TEAM_KEYS_WIDE + sc._ELDERLY_KEYS + sc._LONGTERM_KEYS)
    assert set(loose) <= keys


def test_extra_rows_bring_their_own_keys() -> None:
    row = (re.compile(r"(?i)\bzyxwv\s+skills\b"), sc.COMMUNICATION, ("zyxwv",), None)
    extra = (row,)
    text = "Strong Zyxwv skills wanted"
    assert "zyxwv" not in KEYS
    assert sc.role_spans(text, extra=extra) == {sc.COMMUNICATION: [[7, 19]]}
    assert sc.role_spans(text) == {}


def test_lower_text_keeps_every_place() -> None:
    """`str.lower` lengthens "İ" (two code points): the places found in the lower-cased text must still be the text's."""
    text = "İstanbul office: a Staff Nurse with an own car"
    low = sc.lower_text(text)
    assert len(low) == len(text) and low.index("nurse") == text.index("Nurse")
    places = sc.key_places(low)
    assert sc.role_spans(text, low=low, places=places)[sc.NURSE] == [[25, 30]]
    assert sc.car_spans(text, low, places) == [[39, 46]]


def test_rules_agree_with_and_without_shared_places() -> None:
    """`_add_competences` computes the places once and hands them to every rule; a rule called on its own finds its own."""
    text = ("We are looking for a compassionate Night Nurse to join our multidisciplinary team at a nursing home for older "
            "people. You will work in a team, write reports and analyse data; own car essential; shift patterns apply.")
    low = sc.lower_text(text)
    places = sc.key_places(low)
    kw = dict(team=True, elderly=True, people=True, data=True, longterm="nurse", reports=True, analysis=True)
    assert sc.role_spans(text, low=low, places=places, **kw) == sc.role_spans(text, **kw)
    assert sc.duty_spans(text, low, empathy=True, places=places) == sc.duty_spans(text, empathy=True)
    assert sc.duty_spans(text)[sc.SHIFTS]
