"""Twenty-second pass of issue 4 (bench/README, branch s23): programming named as software or application development and code
by its quality (`skill_competences.PROGRAMMING_PHRASES_WIDE`, `PROGRAMMING_CODE`), a communicator and communications skills
(`COMM_PHRASES`), secretarial, clerical and administrative work (`CLERICAL_PHRASES`), a trade's plural after "supervise"
(`SUPERVISE_AGENTS`), nurses an employer wants to employ (`NURSES_SOUGHT`), another sense of "pipeline" and "theatre" in the
semantic stage (`OTHER_SENSES`, `ExtractConfig.sense_penalty`), and *make decisions* in a sentence about data
(`ExtractConfig.data_decisions`)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from careerpath.extract.skill_competences import (CLERICAL, CLERICAL_PHRASES, COMM_PHRASES, COMMUNICATION, NURSE, OTHER_SENSES,
                                                   PROGRAMMING, PROGRAMMING_CODE, PROGRAMMING_PHRASES_WIDE, SUPERVISE_AGENTS,
                                                   SUPERVISE_STAFF, WEAK, role_spans)
from careerpath.extract.skills import ExtractConfig, SkillExtractor

from .skills_fixtures import FixedEmbedder, esco_names, hand_extractor, unit

ON = dict(plural=False, sought=True, people=True, programming="wide", comm=True, clerical=True, agents=True)


def found(text: str, **kw) -> dict[str, list[str]]:
    return {k.rstrip(WEAK): [text[a:b] for a, b in v] for k, v in role_spans(text, **{**ON, **kw}).items()}


@pytest.mark.parametrize("text, comp, phrase", [
    ("Software Android application development for onboard applications.", PROGRAMMING, "Android application development"),
    ("The project is related to the development and maintenance of software for LTE networks.", PROGRAMMING,
     "development and maintenance of software"),
    ("This is an exciting chance for developing a Front End software layer.", PROGRAMMING, "developing a Front End software"),
    ("You will build mobile apps for our customers.", PROGRAMMING, "build mobile apps"),
    ("Striving for performance, reliability and maintainable code.", PROGRAMMING, "maintainable code"),
    ("Help them improve their model code and development practices.", PROGRAMMING, "model code"),
    ("Excellent communications skills, strong presentation skills a plus.", COMMUNICATION, "communications skills"),
    ("Natural communicator that instills confidence and trust.", COMMUNICATION, "communicator"),
    ("You should have previous secretarial/administrative experience.", CLERICAL, "secretarial"),
    ("You should have previous secretarial/administrative experience.", CLERICAL, "administrative experience"),
    ("One year of full-time paid office clerical experience.", CLERICAL, "clerical"),
    ("The post holder will provide receptionist support for our outpatient department.", CLERICAL, "receptionist"),
    ("Performs a limited range of technical administrative duties.", CLERICAL, "administrative duties"),
    ("A Pipefitter Supervisor supervises Pipefitters and occasional helpers.", SUPERVISE_STAFF, "supervises Pipefitters"),
    ("Supervises journey-level Electricians engaged in repairs.", SUPERVISE_STAFF, "Supervises journey-level Electricians"),
    ("We are keen to employ nurses who want to develop their skills.", NURSE, "employ nurses"),
])
def test_a_phrase_states_its_competence(text: str, comp: str, phrase: str) -> None:
    assert phrase in found(text).get(comp, [])


@pytest.mark.parametrize("text, comp", [
    ("Software development lifecycles, unit test techniques.", PROGRAMMING),  # a process, not the coding
    ("Our codebase is written in TypeScript.", PROGRAMMING),
    ("Adhere to the code of conduct.", PROGRAMMING),
    ("We develop our software engineers through mentoring.", PROGRAMMING),  # people, not software
    ("Supervise work orders and customers.", SUPERVISE_STAFF),  # not people of a trade
    ("Supervise children in the playground.", SUPERVISE_STAFF),
    ("Strong communication with the customer.", COMMUNICATION),  # the lexical stage's "communication", not a phrase here
    ("The administrative centre of the Trust.", CLERICAL),
    ("We benefit from excellent administrative support.", CLERICAL),  # support the worker is given
    ("Partner with software development teams.", PROGRAMMING),  # the people, not the work
    ("Work closely with nurses and therapists.", NURSE),  # colleagues
])
def test_what_states_nothing_here(text: str, comp: str) -> None:
    assert comp not in found(text)


def test_each_family_has_its_switch() -> None:
    assert PROGRAMMING not in found("Android application development.", programming=True)
    assert PROGRAMMING not in found("Maintainable code.", programming=True)
    assert PROGRAMMING in found("Write code and love coding.", programming=True)  # the twentieth pass's forms stay
    assert COMMUNICATION not in found("A natural communicator.", comm=False)
    assert CLERICAL not in found("Clerical experience.", clerical=False)
    assert SUPERVISE_STAFF not in found("Supervises Pipefitters.", agents=False)
    assert role_spans("Android application development; maintainable code; a communicator; clerical work; "
                      "supervises Pipefitters.") == {}
    cfg = ExtractConfig()
    assert cfg.programming_competence == "wide" and cfg.comm_competence and cfg.clerical_competence and cfg.supervise_agents
    assert cfg.sense_penalty == pytest.approx(0.2) and cfg.data_decisions


def test_every_pattern_starts_at_one_of_its_keys() -> None:
    for rx, comp, keys, need in PROGRAMMING_PHRASES_WIDE + COMM_PHRASES + CLERICAL_PHRASES + SUPERVISE_AGENTS:
        assert keys and all(k == k.lower() for k in keys) and comp in (PROGRAMMING, COMMUNICATION, CLERICAL, SUPERVISE_STAFF)
        assert need is None or need == need.lower()
    for rx, comp, keys, need in PROGRAMMING_CODE:  # found from its `need` word (`_need_spans`)
        assert need == "code" and comp == PROGRAMMING


COMPETENCES = (PROGRAMMING, COMMUNICATION, CLERICAL, SUPERVISE_STAFF, NURSE)
SKILLS = [{"skill_id": f"c{k}", "name": n, "type": "skill", "esco_uri": f"u:{k}"} for k, n in enumerate(COMPETENCES)]


def test_the_phrase_competences_rank_as_the_others() -> None:
    hits = hand_extractor(SKILLS, [], semantic=False).extract("A natural communicator with clerical experience.")
    by = {h.name: h.score for h in hits}
    assert by[COMMUNICATION] == 0.745 and by[CLERICAL] == 0.745
    assert esco_names(hand_extractor(SKILLS, [], semantic=False, comm_competence=False).extract("A communicator.")) == []


DECIDE = [{"skill_id": "md", "name": "make decisions", "type": "skill", "esco_uri": "u:md"},
          {"skill_id": "mdd", "name": "make data-driven decisions", "type": "skill", "esco_uri": "u:mdd"}]
DECIDE_ALIASES = [{"skill_id": "md", "norm": "decision making", "kind": "override", "rule": None, "veto": None}]


@pytest.mark.parametrize("text, name", [
    ("Some experience in data-driven decision making.", "make data-driven decisions"),
    ("Decision making based on evidence derived from data.", "make data-driven decisions"),
    ("Quick decision making under pressure.", "make decisions"),
    ("Quick decision making under pressure. Clean the data daily.", "make decisions"),  # data in another sentence
])
def test_make_decisions_in_a_sentence_about_data(text: str, name: str) -> None:
    hits = hand_extractor(DECIDE, DECIDE_ALIASES, semantic=False).extract(text)
    assert esco_names(hits) == [name]
    off = hand_extractor(DECIDE, DECIDE_ALIASES, semantic=False, data_decisions=False).extract(text)
    assert esco_names(off) == ["make decisions"]


SENSE_SKILLS = [{"skill_id": "pipe", "name": "inspect pipelines", "type": "skill", "esco_uri": "u:p"},
                {"skill_id": "md", "name": "manage data", "type": "skill", "esco_uri": "u:md"},
                {"skill_id": "stage", "name": "maintain theatre sets", "type": "skill", "esco_uri": "u:t"},
                {"skill_id": "surg", "name": "surgery", "type": "knowledge", "esco_uri": "u:s"}]


def _sense_extractor(emb, **cfg) -> SkillExtractor:
    base = ExtractConfig(sem_length_penalty=0.0, sem_general_weight=0.0, sem_cover_bonus=0.0, sem_popularity_weight=0.0,
                         sem_support_bonus=0.0, alt_lexical_bonus=None, sem_context_weight=0.0, sem_plain_general_weight=0.0,
                         sem_vocab_weight=0.0, sem_vocab_plain_only=False, sem_windows=False)
    return SkillExtractor(SENSE_SKILLS, [], embedder=emb, vectors=np.stack([unit(k) for k in range(4)]),
                          vector_ids=[s["skill_id"] for s in SENSE_SKILLS], config=dataclasses.replace(base, **cfg))


@pytest.mark.parametrize("text, demoted", [
    ("Build and maintain robust data pipelines for analytics.", True),
    ("Maintain the CI/CD pipelines of our services.", True),
    ("Inspect oil and gas pipelines for corrosion.", False),  # the concept's own sense
    ("Water distribution pipelines and pumps.", False),
])
def test_a_data_pipeline_is_no_oil_pipeline(text: str, demoted: bool) -> None:
    # MiniLM stand-in: the sentence sits a little nearer "inspect pipelines" (0.62) than "manage data" (0.58)
    emb = FixedEmbedder({"pipelines": 0.62 * unit(0) + 0.58 * unit(1)})
    on = [h.id for h in _sense_extractor(emb).extract(text)]
    off = [h.id for h in _sense_extractor(emb, sense_penalty=0.0).extract(text)]
    assert off[:2] == ["pipe", "md"]
    assert on[:2] == (["md", "pipe"] if demoted else ["pipe", "md"])


@pytest.mark.parametrize("text, demoted", [
    ("Recent experience working in a theatre setting as a scrub nurse.", True),
    ("Theatre experience supporting patients in surgery.", True),
    ("Experience in leading a theatre and managing staff.", False),  # no cue of either sense: left alone
    ("Backstage theatre work on performances for a large audience.", False),
])
def test_an_operating_theatre_is_no_stage(text: str, demoted: bool) -> None:
    emb = FixedEmbedder({"heatre": 0.62 * unit(2) + 0.58 * unit(3)})
    on = [h.id for h in _sense_extractor(emb).extract(text)]
    off = [h.id for h in _sense_extractor(emb, sense_penalty=0.0).extract(text)]
    assert off[:2] == ["stage", "surg"]
    assert on[:2] == (["surg", "stage"] if demoted else ["stage", "surg"])


def test_the_sense_rows_cover_their_concepts_only() -> None:
    ex = _sense_extractor(FixedEmbedder({}))
    assert {ex._ids[i] for i in ex._senses} == {"pipe", "stage"}
    assert _sense_extractor(FixedEmbedder({}), sense_penalty=0.0)._senses == {}
    label, word, own, other = OTHER_SENSES[0]
    assert label.search("repair pipelines") and own.search("gas pipelines") and not own.search("data pipelines") and other is None


@pytest.mark.slow
def test_real_taxonomy_names_every_new_competence(full_con) -> None:
    """On the real taxonomy the new competences are ESCO labels the extractor resolves, and the sense rows find concepts."""
    ex = SkillExtractor.from_store(full_con, config=ExtractConfig(semantic=False))
    assert {COMMUNICATION, CLERICAL, SUPERVISE_STAFF, PROGRAMMING} <= set(ex._roles)
    assert ex._decide is not None and len(ex._senses) >= 20
    esco = [h.name for h in ex.extract("A natural communicator with secretarial experience; supervises Electricians; "
                                       "Android application development; data-driven decision making.") if h.esco_uri]
    assert {COMMUNICATION, CLERICAL, SUPERVISE_STAFF, PROGRAMMING, "make data-driven decisions"} <= set(esco)
    assert "make decisions" not in esco
