"""Twenty-fourth pass of issue 4 (bench/README, branch s25): typing, business acumen in other words, detail
orientation split by a word, a secretary's work, scripts written, CNC programming and data visualisation as work
(`skill_competences.PASS24_FAMILIES`, `ExtractConfig.pass24_phrases`), and alias matches stopped at separators
(`ExtractConfig.lex_punct_stop`)."""

from __future__ import annotations

import pytest

from careerpath.extract.skill_competences import (ACUMEN, CLERICAL, CNC, DETAIL, PASS24_FAMILIES, SCRIPTING, TYPE_SPEED,
                                                   VISUAL_DATA, role_spans)
from careerpath.extract.skills import ExtractConfig, SkillExtractor

from .skills_fixtures import esco_names, hand_extractor

ALL = tuple(ph for rows in PASS24_FAMILIES.values() for ph in rows)


def found(text: str, extra=ALL) -> dict[str, list[str]]:
    return {k: [text[a:b] for a, b in v] for k, v in role_spans(text, extra=extra).items()}


@pytest.mark.parametrize("text, comp, phrase", [
    ("Applicants may be required to submit certification of typing skills.", TYPE_SPEED, "typing"),
    ("An experienced audio typist.", TYPE_SPEED, "typist"),
    ("Business acumen to work with business partners.", ACUMEN, "Business acumen"),
    ("Commercially minded, focussed on attention to detail.", ACUMEN, "Commercially minded"),
    ("Commercial awareness and adaptability.", ACUMEN, "Commercial awareness"),
    ("Detail and process oriented with strong problem resolution abilities.", DETAIL, "Detail and process oriented"),
    ("A detail-focused analyst.", DETAIL, "detail-focused"),
    ("Two years of experience as a Secretary, or in office clerical work.", CLERICAL, "as a Secretary"),
    ("The post holder will provide a confidential medical secretary service.", CLERICAL, "secretary service"),
    ("The ENT is seeking to appoint a Medical Secretary to join their department.", CLERICAL, "a Medical Secretary"),
    ("Writing Infrastructure as a Code scripts.", SCRIPTING, "Writing Infrastructure as a Code scripts"),
    ("Experience writing shell scripts.", SCRIPTING, "shell scripts"),
    ("We are looking to appoint experienced CNC Programmers.", CNC, "CNC Programmers"),
    ("Programming CNC machines from drawings.", CNC, "Programming CNC"),
    ("Develop data visualization techniques to provide insights into data patterns.", VISUAL_DATA, "data visualization"),
    ("Visualize complex data for executives.", VISUAL_DATA, "Visualize complex data"),
    ("Creates 3D visualizations from data and research.", VISUAL_DATA, "visualizations from data"),
])
def test_a_phrase_states_its_competence(text: str, comp: str, phrase: str) -> None:
    assert phrase in found(text).get(comp, [])


@pytest.mark.parametrize("text, comp", [
    ("Blood typing and cross-matching of samples.", TYPE_SPEED),  # a laboratory test
    ("Rapid prototyping of new features.", TYPE_SPEED),  # the key inside a word
    ("HLA typing of donors.", TYPE_SPEED),
    ("A leading commercial bank.", ACUMEN),
    ("Pay attention to the details of the contract.", DETAIL),  # the lexical stage's, not a split form
    ("Contact the consultant via his secretary on 0117 342 8843.", CLERICAL),  # a contact, not the worker
    ("Reporting to the Secretary of State.", CLERICAL),
    ("Write call scripts for the sales team.", SCRIPTING),  # a call centre's script
    ("Develop sales scripts and video scripts.", SCRIPTING),
    ("Operate CNC machines safely.", CNC),  # tending, not programming
    ("Data visualization software such as Tableau.", VISUAL_DATA),  # the tool: *data visualisation software*'s
    ("Experience with data visualization tools.", VISUAL_DATA),
])
def test_what_states_nothing_here(text: str, comp: str) -> None:
    assert comp not in found(text)


def test_each_family_has_its_switch() -> None:
    text = ("Typing skills; business acumen; detail and quality oriented; as a Secretary; writing shell scripts; "
            "CNC programming; data visualization.")
    every = found(text)
    assert {TYPE_SPEED, ACUMEN, DETAIL, CLERICAL, SCRIPTING, CNC, VISUAL_DATA} <= set(every)
    assert found(text, extra=()) == {}
    for fam, rows in PASS24_FAMILIES.items():
        rest = tuple(ph for f, r in PASS24_FAMILIES.items() if f != fam for ph in r)
        assert set(found(text, extra=rest)) == set(every) - {rows[0][1]}, fam
    assert set(ExtractConfig().pass24_phrases) == set(PASS24_FAMILIES) and ExtractConfig().lex_punct_stop


def test_every_row_is_found_from_its_need_word_or_starts_at_a_key() -> None:
    for rx, comp, keys, need in ALL:  # `_need_spans` probes `need` and searches from 80 characters before it; the others
        assert keys and all(k == k.lower() for k in keys)  # join `_phrase_spans`' automaton, anchored at a key
        assert need is None or need == need.lower()
    starts = [("Audio typing.", TYPE_SPEED, 6), ("Commercially aware.", ACUMEN, 0),
              ("Detail-oriented.", DETAIL, 0), ("Secretarial duties.", CLERICAL, 0), ("CNC programming.", CNC, 0),
              ("Data visualization.", VISUAL_DATA, 0)]
    for text, comp, at in starts:
        assert at in [a for a, _ in role_spans(text, extra=ALL)[comp]], text


COMPETENCES = (TYPE_SPEED, ACUMEN, DETAIL, CLERICAL, SCRIPTING, CNC, VISUAL_DATA)
SKILLS = [{"skill_id": f"c{k}", "name": n, "type": "skill", "esco_uri": f"u:{k}"} for k, n in enumerate(COMPETENCES)]


def test_the_phrase_competences_rank_as_the_others() -> None:
    hits = hand_extractor(SKILLS, [], semantic=False).extract("Commercially minded with excellent typing skills.")
    by = {h.name: h.score for h in hits}
    assert by[ACUMEN] == 0.745 and by[TYPE_SPEED] == 0.745
    assert esco_names(hand_extractor(SKILLS, [], semantic=False, pass24_phrases=()).extract("Commercially minded, typing.")) == []


PUNCT_SKILLS = [{"skill_id": "tb", "name": "team building", "type": "skill", "esco_uri": "u:tb"},
                {"skill_id": "dp", "name": "design process", "type": "skill", "esco_uri": "u:dp"},
                {"skill_id": "aws", "name": "Amazon Web Services", "type": "software", "esco_uri": None},
                {"skill_id": "mb", "name": "browse, search and filter data", "type": "skill", "esco_uri": "u:mb"}]
PUNCT_ALIASES = [
    {"skill_id": "tb", "alias": "team building", "norm": "team building", "kind": "preferred", "rule": None, "veto": None},
    {"skill_id": "dp", "alias": "design process", "norm": "design process", "kind": "preferred", "rule": None, "veto": None},
    {"skill_id": "aws", "alias": "Amazon Web Services (AWS)", "norm": "amazon web services aws", "kind": "onet-tech",
     "rule": None, "veto": None},
    {"skill_id": "mb", "alias": "browse, search and filter data", "norm": "browse search and filter data",
     "kind": "preferred", "rule": None, "veto": None},
]


@pytest.mark.parametrize("text, name, stopped", [
    ("We started by creating a Cloud Platform team, building our AWS Organisation.", "team building", True),
    ("Process Validation (Process Design, Process Qualification).", "design process", True),
    ("Join our growing team; building trust matters.", "team building", True),
    ("Experience in team building and coaching.", "team building", False),
    ("Amazon Web Services (AWS) experience.", "Amazon Web Services", False),  # a bracket is no separator
    ("Design\nprocess reviews of hard-wrapped bulletins.", "design process", False),  # nor a single line break
    ("Browse, search and filter data in the portal.", "browse, search and filter data", False),  # the alias has the comma
])
def test_an_alias_match_stops_at_a_separator(text: str, name: str, stopped: bool) -> None:
    on = [h.name for h in hand_extractor(PUNCT_SKILLS, PUNCT_ALIASES, semantic=False).extract(text)]
    off = [h.name for h in hand_extractor(PUNCT_SKILLS, PUNCT_ALIASES, semantic=False, lex_punct_stop=False).extract(text)]
    assert name in off
    assert (name not in on) == stopped


@pytest.mark.slow
def test_real_taxonomy_names_every_new_competence(full_con) -> None:
    """On the real taxonomy the new competences are ESCO labels the extractor resolves."""
    ex = SkillExtractor.from_store(full_con, config=ExtractConfig(semantic=False))
    assert set(COMPETENCES) <= set(ex._roles)
    esco = [h.name for h in ex.extract("Typing skills; commercially minded; detail and process oriented; "
                                       "as a Secretary; writing shell scripts; CNC programmers; visualize complex data.")
            if h.esco_uri]
    assert set(COMPETENCES) <= set(esco)
    assert "team building" not in [h.name for h in ex.extract("a Cloud Platform team, building our AWS Organisation")]
