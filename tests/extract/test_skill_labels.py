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
    off = _extractor(emb, vecs, sem_general_weight=0.0, sem_plain_general_weight=0.0).extract(text)
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


# issue 4, tenth pass: a lexical hit made only through an ESCO alternative label is ranked with the semantic links
ALT_SKILLS = [
    {"skill_id": "rock", "name": "install rock movement monitoring devices", "type": "skill", "esco_uri": "u:rock"},
    {"skill_id": "data", "name": "gather experimental data", "type": "skill", "esco_uri": "u:data"},
    {"skill_id": "sql", "name": "SQL", "type": "software", "esco_uri": "u:sql"},
]
ALT_ALIASES = [
    {"skill_id": "rock", "norm": "monitoring devices", "kind": "alt", "rule": None, "veto": None},
    {"skill_id": "sql", "norm": "sql", "kind": "preferred", "rule": None, "veto": None},
]


def _alt_extractor(emb, **cfg) -> SkillExtractor:
    vecs = np.stack([unit(3), unit(0), unit(7)])  # rock on axis 3, the experimental-data skill on axis 0
    return SkillExtractor(ALT_SKILLS, ALT_ALIASES, embedder=emb, vectors=vecs, vector_ids=[s["skill_id"] for s in ALT_SKILLS],
                          config=dataclasses.replace(ExtractConfig(sem_length_penalty=0.0, sem_general_weight=0.0,
                                                                   sem_cover_bonus=0.0, sem_popularity_weight=0.0), **cfg))


def test_alternative_label_hit_far_from_its_sentence_is_dropped():
    emb = FixedEmbedder({"study data": _at_cosine(0.8, 0, 3)})  # the sentence is about data, 0.6 from the rock skill
    text = "Collects basic study data through monitoring devices and SQL queries."
    lex_only = [h.id for h in _alt_extractor(emb).extract(text, semantic=False)]
    assert "rock" in lex_only  # the lexical stage alone still reports the alias match
    off = _alt_extractor(emb, alt_lexical_bonus=None).extract(text)
    assert {h.id for h in off[:2]} == {"sql", "rock"} and all(h.method == "lexical" for h in off[:2])  # before: above "data"
    on = _alt_extractor(emb).extract(text)
    ids = [h.id for h in on]
    # the named skill stays first; the semantic link (0.8) now ranks above the alias match (0.6 + 0.1)
    assert ids[0] == "sql" and ids.index("data") < ids.index("rock")
    rock = on[ids.index("rock")]
    assert rock.method == "semantic" and rock.score < 0.75 and rock.spans  # below every lexical hit, span kept
    far = FixedEmbedder({"study data": unit(0)})  # cosine 0 to the rock skill: below the floor even with the bonus
    assert "rock" not in [h.id for h in _alt_extractor(far).extract(text)]


def test_alternative_label_hit_close_to_its_sentence_is_kept():
    emb = FixedEmbedder({"monitoring devices": _at_cosine(0.5, 3, 0)})
    hits = _alt_extractor(emb).extract("Install and calibrate the monitoring devices on the slope.")
    rock = next(h for h in hits if h.id == "rock")
    assert rock.method == "semantic" and abs(rock.score - round(0.95 * (0.5 + 0.1), 4)) < 1e-3
