"""Model-free label relations of the semantic stage (issue 4, ninth pass): general skills that other ESCO
labels specialise get a small prior; labels whose content words a segment contains get a cosine bonus."""

from __future__ import annotations

import dataclasses

import numpy as np

from careerpath.embed import DIM
from careerpath.extract.skill_labels import CoverIndex, specialisation_counts, stems
from careerpath.extract.skills import ExtractConfig, SkillExtractor

from .skills_fixtures import FixedEmbedder, unit

LABELS = {
    0: "lead a team",
    1: "lead a team in hospitality service",
    2: "lead a team in forestry services",
    3: "manage staff",
    4: "manage physiotherapy staff",
    5: "transfer soap",
    6: "transfer soap chips",  # a plain last word changes the head: not a specialisation
    7: "develop hazardous waste management strategies",
    8: "develop non-hazardous waste management strategies",  # "non" inverts: not a specialisation
    9: "management",
    10: "management consulting",  # one-word general labels are too vague to count
    11: "manage time",
    12: "lead a team",  # a duplicate label: counted once, for the first
}


def test_specialisation_counts_follow_qualifiers_not_heads():
    n = specialisation_counts(LABELS)
    assert n.get(0) == 2 and n.get(3) == 1
    assert 5 not in n and 7 not in n and 9 not in n and 12 not in n
    assert set(n) == {0, 3}


def test_cover_index_finds_labels_whose_words_a_text_contains_in_any_order():
    idx = CoverIndex(LABELS)
    got = set(idx.covered(stems("You will plan and manage their time effectively")))
    assert got == {11}
    assert 3 in idx.covered(stems("Staff you manage"))  # order-free, stems ("managing" ~ "manage")
    assert 3 in idx.covered(stems("managing the staff rota"))
    assert not idx.covered(stems("time"))  # one word is the lexical stage's job
    assert 0 in idx.covered(stems("ability to lead the team")) and 12 not in idx.covered(stems("lead the team"))
    assert 9 not in idx.covered(stems("management"))  # labels of one content word are not indexed


SKILLS = [
    {"skill_id": "lead", "name": "lead a team", "type": "skill", "esco_uri": "u:lead"},
    {"skill_id": "lead-hosp", "name": "lead a team in hospitality service", "type": "skill", "esco_uri": "u:lh"},
    {"skill_id": "ward", "name": "supervise ward routines", "type": "skill", "esco_uri": "u:ward"},
    {"skill_id": "time", "name": "manage time", "type": "skill", "esco_uri": "u:time"},
]


def _extractor(emb, vecs, **cfg) -> SkillExtractor:
    return SkillExtractor(SKILLS, [], embedder=emb, vectors=np.stack(vecs), vector_ids=[s["skill_id"] for s in SKILLS],
                          config=dataclasses.replace(ExtractConfig(sem_length_penalty=0.0), **cfg))


def test_general_prior_puts_the_general_skill_first_on_a_tie():
    vecs = [unit(0), unit(9), unit(0), unit(5)]  # "lead a team" and the ward skill on the same axis
    emb = FixedEmbedder({"ward": unit(0, 3, 4)})
    text = "You will oversee the daily ward work."
    on = _extractor(emb, vecs).extract(text)
    assert on[0].id == "lead" and on[0].score > on[1].score and on[1].id == "ward"
    off = _extractor(emb, vecs, sem_general_weight=0.0).extract(text)
    assert off[0].score == off[1].score


def _at_cosine(c: float, axis: int, other: int) -> np.ndarray:
    v = np.zeros(DIM, dtype=np.float32)
    v[axis], v[other] = c, np.sqrt(1 - c * c)
    return v


def test_cover_bonus_adds_a_label_the_segment_states_in_its_own_words():
    vecs = [unit(0), unit(9), unit(1), unit(5)]  # "manage time" on axis 5
    emb = FixedEmbedder({"time": _at_cosine(0.35, 5, 6)})  # below the 0.40 floor on its own
    text = "You will plan and manage your own time across two wards."
    on = [h.id for h in _extractor(emb, vecs).extract(text)]
    off = [h.id for h in _extractor(emb, vecs, sem_cover_bonus=0.0).extract(text)]
    assert "time" in on and "time" not in off
    # the same vector without the label's words: no bonus
    assert "time" not in [h.id for h in _extractor(emb, vecs).extract("Time spent across two wards.")]
    # the bonus lifts a similarity, it is not a lexical match: a far vector stays out
    far = FixedEmbedder({"time": _at_cosine(0.2, 5, 6)})
    assert "time" not in [h.id for h in _extractor(far, vecs).extract(text)]
