"""Fourteenth pass of issue 4 (bench/README, branch s15): a segment's candidates re-ranked by how much of its content the
skill's preferred and alternative labels cover together (`skill_labels.LabelVocab`, `ExtractConfig.sem_vocab_weight`)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from careerpath.extract.skill_labels import LabelVocab, stems
from careerpath.extract.skills import ExtractConfig, SkillExtractor

from .skills_fixtures import FixedEmbedder, unit


def test_coverage_weighs_rare_stems_and_joins_alternative_labels():
    vocab = LabelVocab({
        0: ["customer service", "serve customers"],
        1: ["satisfy customers"],
        2: ["manage staff"],
        3: ["manage budgets"],
        4: ["manage time", "plan time"],
    })
    w = vocab.weights(stems("providing excellent service to customers"))
    assert set(w) == {"servi", "custo"}  # "provi", "excel" are in no label: no skill can cover them
    assert vocab.coverage(w, 0) == pytest.approx(1.0)
    assert 0 < vocab.coverage(w, 1) < 1 and vocab.coverage(w, 2) == 0.0
    # a stem in many labels ("manag") weighs less than a rare one ("staff")
    w2 = vocab.weights(stems("manage the staff"))
    assert vocab.idf["manag"] < vocab.idf["staff"]
    assert vocab.coverage(w2, 2) == pytest.approx(1.0) and vocab.coverage(w2, 3) < 0.5
    # the alternative label's words count with the preferred label's
    assert vocab.coverage(vocab.weights(stems("plan the time")), 4) == pytest.approx(1.0)
    assert vocab.coverage({}, 0) == 0.0 and vocab.coverage(w, 99) == 0.0


SKILLS = [
    {"skill_id": "cs", "name": "customer service", "type": "skill", "esco_uri": "u:cs"},
    {"skill_id": "sat", "name": "satisfy customers", "type": "skill", "esco_uri": "u:sat"},
    {"skill_id": "care", "name": "provide care", "type": "skill", "esco_uri": "u:care"},
]
ALIASES = [{"skill_id": "cs", "norm": "serve customers", "kind": "alt", "rule": None, "veto": None},
           {"skill_id": "care", "norm": "caring", "kind": "alt", "rule": None, "veto": None}]


def _extractor(emb, **cfg) -> SkillExtractor:
    vecs = np.stack([unit(0), unit(1), unit(2)])
    base = ExtractConfig(sem_length_penalty=0.0, sem_general_weight=0.0, sem_cover_bonus=0.0, sem_popularity_weight=0.0,
                         sem_support_bonus=0.0, alt_lexical_bonus=None, sem_context_weight=0.0, sem_plain_general_weight=0.0,
                         sem_vocab_weight=0.0, sem_vocab_plain_only=False)
    return SkillExtractor(SKILLS, ALIASES, embedder=emb, vectors=vecs, vector_ids=[s["skill_id"] for s in SKILLS],
                          config=dataclasses.replace(base, **cfg))


def test_vocab_rerank_lifts_the_skill_whose_labels_cover_the_segment():
    text = "Serve our customers with a smile every day"
    # MiniLM stand-in: the segment sits nearer "satisfy customers" (0.62) than "customer service" (0.55)
    vec = 0.55 * unit(0) + 0.62 * unit(1)
    emb = FixedEmbedder({"Serve our": vec})
    off = _extractor(emb).extract(text)
    assert [h.id for h in off[:2]] == ["sat", "cs"]
    on = _extractor(emb, sem_vocab_weight=0.2).extract(text)
    assert [h.id for h in on[:2]] == ["cs", "sat"]  # "serve customers" (an alternative label) covers "serve" and "customers"
    # without the alternative label, "customer service" covers only "customers", as "satisfy customers" does
    bare = SkillExtractor(SKILLS, ALIASES[1:], embedder=emb, vectors=np.stack([unit(0), unit(1), unit(2)]),
                          vector_ids=[s["skill_id"] for s in SKILLS], config=_extractor(emb, sem_vocab_weight=0.2).config)
    assert bare.extract(text)[0].id == "sat"
    # plain-only mode: a technical text keeps the cosine order
    tech = "Serve our customers with SQL every day"
    assert _extractor(emb, sem_vocab_weight=0.2, sem_vocab_plain_only=True).extract(tech)[0].id == "sat"
    assert _extractor(emb, sem_vocab_weight=0.2).extract(tech)[0].id == "cs"
    assert _extractor(emb, sem_vocab_weight=0.2, sem_vocab_plain_only=True).extract(text)[0].id == "cs"


def test_vocab_off_builds_nothing_and_is_the_default():
    ex = _extractor(FixedEmbedder({}))
    assert ex._vocab is None
    assert _extractor(FixedEmbedder({}), sem_vocab_weight=0.1)._vocab is not None
    assert ExtractConfig().sem_vocab_weight == 0.0
