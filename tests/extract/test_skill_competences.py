"""Fifteenth pass of issue 4 (bench/README, branch s16): a named language or licence states a competence
(`skill_competences`): "ability to speak Spanish" -> interact verbally in Spanish, "RGN qualified" -> provide professional
care in nursing, "full clean driving licence" -> drive vehicles."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from careerpath.extract.skill_competences import CUES, LanguageForms, credential_competences
from careerpath.extract.skills import ExtractConfig, SkillExtractor

from .skills_fixtures import FixedEmbedder, unit

LANGS = ["Spanish", "English", "Welsh"]
SKILLS = (
    [{"skill_id": l.lower(), "name": l, "type": "knowledge", "esco_uri": f"u:{l}"} for l in LANGS]
    + [{"skill_id": f"speak-{l.lower()}", "name": f"interact verbally in {l}", "type": "skill", "esco_uri": f"u:speak-{l}"}
       for l in LANGS]
    + [{"skill_id": "write-english", "name": "write English", "type": "skill", "esco_uri": "u:write-English"},
       {"skill_id": "listen-welsh", "name": "understand spoken Welsh", "type": "skill", "esco_uri": "u:listen-Welsh"},
       # "Latin" has a written form only: no speaking competence, so it is not taken for a spoken language
       {"skill_id": "latin", "name": "Latin", "type": "knowledge", "esco_uri": "u:Latin"},
       {"skill_id": "write-latin", "name": "write Latin", "type": "skill", "esco_uri": "u:write-Latin"},
       {"skill_id": "rn", "name": "Registered Nurse licence", "type": "certification", "esco_uri": None},
       {"skill_id": "dl", "name": "Driving licence", "type": "certification", "esco_uri": None},
       {"skill_id": "care", "name": "provide professional care in nursing", "type": "skill", "esco_uri": "u:care"},
       {"skill_id": "drive", "name": "drive vehicles", "type": "skill", "esco_uri": "u:drive"},
       {"skill_id": "comm", "name": "communication", "type": "soft_skill", "esco_uri": "u:comm"}]
)
ALIASES = [{"skill_id": s["skill_id"], "norm": s["name"].lower(), "kind": "preferred", "rule": None, "veto": None} for s in SKILLS]
ALIASES += [{"skill_id": "rn", "norm": "rgn", "kind": "override", "rule": None, "veto": None},
            {"skill_id": "dl", "norm": "driving licence", "kind": "override", "rule": None, "veto": None},
            {"skill_id": "dl", "norm": "driver s license", "kind": "override", "rule": None, "veto": None}]


def _extractor(**cfg) -> SkillExtractor:
    vecs = np.stack([unit(k) for k in range(len(SKILLS))])
    return SkillExtractor(SKILLS, ALIASES, embedder=FixedEmbedder({}), vectors=vecs, vector_ids=[s["skill_id"] for s in SKILLS],
                          config=dataclasses.replace(ExtractConfig(), **cfg))


def _names(hits) -> list[str]:
    return [h.name for h in hits]


def test_language_forms_are_found_by_esco_label_patterns():
    names = {i: s["name"] for i, s in enumerate(SKILLS)}
    forms = LanguageForms(names)
    idx = {s["name"]: i for i, s in enumerate(SKILLS)}
    assert forms.forms[idx["Welsh"]] == {"speak": idx["interact verbally in Welsh"], "listen": idx["understand spoken Welsh"]}
    assert forms.forms[idx["English"]] == {"speak": idx["interact verbally in English"], "write": idx["write English"]}
    assert idx["Latin"] not in forms.forms  # no "interact verbally in Latin"
    text = "Fluent Spanish is essential. English is a plus."
    spans = [[text.index("English"), text.index("English") + 7]]
    assert forms.competences(text, idx["English"], spans) == []  # the cue is in another sentence
    assert forms.competences(text, idx["Spanish"], [[6, 13]]) == [idx["interact verbally in Spanish"]]
    assert CUES["speak"].search("Welsh speakers welcome") and not CUES["speak"].search("a keynote speech")


def test_speaking_a_language_ranks_the_verbal_competence_above_the_language():
    text = "The post requires the ability to speak Spanish in addition to English."
    main = _extractor(semantic=False, lang_competence_uses=(), credential_competence=False, car_competence=False).extract(text)
    assert _names(main)[:2] == ["Spanish", "English"]
    on = _extractor(semantic=False, lang_competence_uses=("speak",)).extract(text)
    # each competence just above its language (both languages score alike here, so both competences come first)
    assert _names(on)[:4] == ["interact verbally in Spanish", "interact verbally in English", "Spanish", "English"]
    by = {h.name: h for h in on}
    assert by["interact verbally in Spanish"].score > by["Spanish"].score
    assert by["interact verbally in Spanish"].spans == by["Spanish"].spans  # at the language's span
    below = _extractor(semantic=False, lang_competence_uses=("speak",), lang_competence_above=False).extract(text)
    assert _names(below)[:4] == ["Spanish", "English", "interact verbally in Spanish", "interact verbally in English"]
    # a language named without a cue word of use states no competence
    assert _names(_extractor(semantic=False, lang_competence_uses=("speak",)).extract("Functional skills in English and Maths")) == ["English"]
    # "write" is a use of its own, off unless asked for
    wr = "Good written English is required."
    assert _names(_extractor(semantic=False, lang_competence_uses=("speak",)).extract(wr)) == ["English"]
    assert _names(_extractor(semantic=False, lang_competence_uses=("speak", "write")).extract(wr))[:1] == ["write English"]


def test_a_licence_states_the_competence_it_licenses():
    names = {i: s["name"] for i, s in enumerate(SKILLS)}
    idx = {n: i for i, n in names.items()}
    pairs = credential_competences(names)  # the curated `states` rows whose both names exist
    assert pairs[idx["Registered Nurse licence"]] == idx["provide professional care in nursing"]
    assert pairs[idx["Driving licence"]] == idx["drive vehicles"]
    text = "The successful candidate will be RGN qualified with a full clean driving licence."
    assert "provide professional care in nursing" not in _names(_extractor(semantic=False, credential_competence=False).extract(text))
    hits = _extractor(semantic=False, credential_competence=True).extract(text)
    by = {h.name: h for h in hits}
    assert by["provide professional care in nursing"].score == by["Registered Nurse licence"].score
    assert by["drive vehicles"].score == by["Driving licence"].score
    assert by["drive vehicles"].spans == by["Driving licence"].spans
    # the semantic path too, and ESCO-backed hits first: the competences are the first two with a URI
    sem = _extractor(credential_competence=True).extract("A valid Class B driver's license may be required.")
    assert [h.name for h in sem if h.esco_uri][:1] == ["drive vehicles"]


def test_own_car_states_driving_and_the_defaults_are_on():
    text = "Own car and willingness to travel is essential."
    assert "drive vehicles" not in _names(_extractor(semantic=False, car_competence=False).extract(text))
    assert _names(_extractor(semantic=False, car_competence=True).extract(text))[:1] == ["drive vehicles"]
    cfg = ExtractConfig()
    assert cfg.lang_competence_uses == ("speak",) and cfg.credential_competence and cfg.car_competence


def test_real_taxonomy_states_the_competences_of_languages_and_licences(real_taxonomy):
    """On the real ESCO labels: every `states` row of the curated table resolves, nurse registrations written as RMN or
    "Registered Nurse" are the Registered Nurse licence, and a line naming a registration, a licence and a spoken language
    gives the three competences as its first ESCO-backed skills."""
    import duckdb

    from careerpath.extract.taxonomy import load_overrides

    with duckdb.connect(str(real_taxonomy), read_only=True) as con:
        ex = SkillExtractor.from_store(con, config=ExtractConfig(semantic=False))
    names = {i: s["name"] for i, s in enumerate(ex.skills.values())}
    states = [r for r in load_overrides() if r["kind"] == "states" and r.get("extra") != "software"]
    assert len(credential_competences(names)) == len(states) >= 4
    assert "Registered Nurse licence" in _names(ex.extract("Applicants must be RMN qualified."))
    assert "Registered Nurse licence" in _names(ex.extract("We are looking for a Registered Nurse to join our team."))
    # the nurse who directs a care assistant is a colleague: neither the licence nor nursing care is asked of the worker
    for line in ("Undertake duties as directed by a registered nurse.", "Working under the supervision of an RGN.",
                 "You will be assisting the Registered Nurse with personal care."):
        got = _names(ex.extract(line))
        assert "Registered Nurse licence" not in got and "provide professional care in nursing" not in got, line
    text = "You will be RMN qualified, hold a full UK driving licence and be able to speak Welsh."
    esco = [h.name for h in ex.extract(text) if h.esco_uri]
    assert set(esco[:3]) == {"provide professional care in nursing", "drive vehicles", "interact verbally in Welsh"}
    assert esco[3] == "Welsh"


def test_car_spans_agree_with_the_regex_and_skip_texts_without_the_phrase():
    from careerpath.extract.skill_competences import CAR, car_spans

    for text in ("Own car essential.", "You need access to a vehicle for work.", "Drivers with use of a car are essential.",
                 "Access to own vehicle.", "A career in care, caring for a carer.", ""):
        assert car_spans(text) == [[m.start(), m.end()] for m in CAR.finditer(text)]
    assert car_spans("A career in care") == [] and car_spans("OWN CAR") == [[0, 7]]


@pytest.mark.parametrize("text, colleague", [
    ("Undertake duties as directed by a registered nurse", True),
    ("under the direction of a licensed registered nurse", True),
    ("Working under the direction of a RGN team lead", True),
    ("Assisting the Registered Nurse with patient care", True),
    ("with the support of a Registered Nurse", True),
    ("reporting to the duty nurse", True),
    ("We are looking for a Registered Nurse", False),
    ("You will be an NMC registered nurse", False),
    ("Registered Nurse (RGN) required", False),
])
def test_a_nurse_who_directs_or_is_assisted_is_a_colleague(text: str, colleague: bool) -> None:
    from careerpath.extract.skill_competences import colleague_before

    low = text.lower()
    start = low.find("registered") if "registered" in low else (low.find("rgn") if "rgn" in low else low.find("nurse"))
    assert colleague_before(text, start) is colleague
    assert colleague_before(text, low.rfind("nurse") if "nurse" in low else start) is colleague
