"""Thirteenth pass of issue 4 (bench/README, branch s14): a plain (non-technical) text gets its own context weight and priors for general and
named skills; general labels can be found by a stem-subset rule."""

from __future__ import annotations

import dataclasses

import numpy as np

from careerpath.extract.skill_labels import specialisation_counts
from careerpath.extract.skills import ExtractConfig, SkillExtractor

from .skills_fixtures import FixedEmbedder, unit

LABELS = {
    0: "supervise staff",
    1: "supervise dental staff",  # an inner word: both rules
    2: "supervise staff in food production",  # a tail: both rules
    3: "staff supervision and training",  # another order and stem ("supervision" ~ "supervise"): subset only
    4: "supervise",  # one word: never a general label
    5: "staff to supervise",  # the same stems as label 0: not a proper superset
    6: "manage staff",
}


def test_subset_rule_counts_reordered_and_inner_specialisations():
    span = specialisation_counts(LABELS)
    subset = specialisation_counts(LABELS, rule="subset")
    assert span.get(0) == 2 and subset.get(0) == 3
    assert 4 not in subset and 6 not in subset and 3 not in subset


SKILLS = [
    {"skill_id": "staff", "name": "supervise staff", "type": "skill", "esco_uri": "u:staff"},
    {"skill_id": "dental", "name": "supervise dental staff", "type": "skill", "esco_uri": "u:dental"},
    {"skill_id": "food", "name": "supervise staff in food production", "type": "skill", "esco_uri": "u:food"},
    {"skill_id": "python", "name": "Python", "type": "software", "esco_uri": "u:py"},
]
ALIASES = [{"skill_id": "python", "norm": "python", "kind": "preferred", "rule": None, "veto": None}]


def _extractor(emb, **cfg) -> SkillExtractor:
    vecs = np.stack([unit(0), unit(1), unit(2), unit(7)])
    base = ExtractConfig(sem_length_penalty=0.0, sem_general_weight=0.0, sem_cover_bonus=0.0, sem_popularity_weight=0.0,
                         sem_support_bonus=0.0, alt_lexical_bonus=None, sem_context_weight=0.0,
                         sem_plain_general_weight=0.0)
    return SkillExtractor(SKILLS, ALIASES, embedder=emb, vectors=vecs, vector_ids=[s["skill_id"] for s in SKILLS],
                          config=dataclasses.replace(base, **cfg))


def test_is_technical_reads_cue_words_and_software_hits():
    ex = _extractor(FixedEmbedder({}))
    assert not ex.is_technical("You will supervise the ward team.", ex.lexical("You will supervise the ward team."))
    assert ex.is_technical("Strong SQL and statistics.", {})  # cue words
    text = "Automate the rota in Python."
    assert ex.is_technical(text, ex.lexical(text))  # a software skill named outright


def test_plain_general_prior_puts_the_general_skill_first_in_plain_text_only():
    # the sentence sits as close to the dental label as to the general one
    emb = FixedEmbedder({"dental": unit(0, 1)})
    plain = "Oversee the dental nurses on the ward."
    off = _extractor(emb).extract(plain)
    assert {off[0].id, off[1].id} == {"staff", "dental"} and off[0].score == off[1].score
    on = _extractor(emb, sem_plain_general_weight=0.02).extract(plain)
    assert on[0].id == "staff" and on[0].score > on[1].score  # "supervise staff" is specialised twice
    tech = "Oversee the dental records database in Python."  # a technical text keeps the plain ranking
    a = [(h.id, h.score) for h in _extractor(emb).extract(tech)]
    b = [(h.id, h.score) for h in _extractor(emb, sem_plain_general_weight=0.02).extract(tech)]
    assert a == b


def test_plain_context_weight_applies_to_plain_text_only():
    # two clauses: the first names dental work, the second food production; the text's mean pulls both together
    emb = FixedEmbedder({"dental": unit(1), "food": unit(2)})
    plain = "Oversee dental nurses, and food production staff."
    ctx = [(h.id, h.score) for h in _extractor(emb, sem_context_weight=0.5).extract(plain)]
    none = [(h.id, h.score) for h in _extractor(emb, sem_context_weight=0.0).extract(plain)]
    assert ctx != none
    mixed = [(h.id, h.score) for h in _extractor(emb, sem_context_weight=0.5, sem_context_weight_plain=0.0).extract(plain)]
    assert mixed == none  # plain text: the plain weight (0) replaces the mix
    tech = "Oversee dental nurses, and food production staff in Python."
    a = [(h.id, h.score) for h in _extractor(emb, sem_context_weight=0.5).extract(tech)]
    b = [(h.id, h.score) for h in _extractor(emb, sem_context_weight=0.5, sem_context_weight_plain=0.0).extract(tech)]
    assert a == b  # technical text: unchanged
