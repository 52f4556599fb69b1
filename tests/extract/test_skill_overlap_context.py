"""Ranking rules of the thirteenth pass (issue 4): lexical matches that overlap only in part are both kept, and a
clause's cosine to a skill is mixed with the whole text's, so one noun of a clause pulls less towards another field."""

from __future__ import annotations

import dataclasses

import numpy as np

from careerpath.extract.skills import ExtractConfig, SkillExtractor

from .skills_fixtures import FixedEmbedder, unit

LEX_SKILLS = [
    {"skill_id": "deep-learning", "name": "deep learning", "type": "knowledge", "esco_uri": "u:dl"},
    {"skill_id": "learning-models", "name": "learning models", "type": "knowledge", "esco_uri": "u:lm"},
    {"skill_id": "learning", "name": "learning", "type": "knowledge", "esco_uri": "u:l"},
    {"skill_id": "sql", "name": "SQL", "type": "software", "esco_uri": "u:sql"},
    {"skill_id": "sql-server", "name": "SQL Server", "type": "software", "esco_uri": "u:sqls"},
    {"skill_id": "risk-management", "name": "risk management", "type": "knowledge", "esco_uri": "u:rm"},
    {"skill_id": "management-plans", "name": "management plans", "type": "knowledge", "esco_uri": "u:mp"},
]


def _lex(**cfg) -> SkillExtractor:
    aliases = [{"skill_id": s["skill_id"], "norm": s["name"].lower(), "kind": "preferred", "rule": "none", "veto": None}
               for s in LEX_SKILLS]
    return SkillExtractor(LEX_SKILLS, aliases, config=dataclasses.replace(ExtractConfig(semantic=False), **cfg))


def _found(ex: SkillExtractor, text: str) -> dict[str, list[str]]:
    return {h.id: [text[a:b] for a, b in h.spans] for h in ex.extract(text)}


def test_partial_overlaps_keep_both_matches_and_drop_contained_ones():
    text = "Train deep learning models on SQL Server; write risk management plans."
    longest = _found(_lex(lex_keep_partial=False), text)
    assert set(longest) == {"learning-models", "sql-server", "management-plans"}  # the longest of each pair only
    both = _found(_lex(lex_keep_partial=True), text)
    assert set(both) == {"deep-learning", "learning-models", "sql-server", "risk-management", "management-plans"}
    assert both["deep-learning"] == ["deep learning"] and both["risk-management"] == ["risk management"]
    # inside the span of longer matches: still one match, the longest ("SQL" in "SQL Server", "learning")
    assert "sql" not in both and "learning" not in both


def test_partial_overlaps_change_nothing_without_an_overlap():
    ex, old = _lex(lex_keep_partial=True), _lex(lex_keep_partial=False)
    for text in ("deep learning", "learning models and SQL", "SQL, SQL Server and learning", ""):
        assert [(h.id, h.spans) for h in ex.extract(text)] == [(h.id, h.spans) for h in old.extract(text)]


SEM_SKILLS = [
    {"skill_id": "stack-goods", "name": "stack goods", "type": "skill", "esco_uri": "u:stack"},
    {"skill_id": "data-models", "name": "create data models", "type": "skill", "esco_uri": "u:models"},
]


def _sem(**cfg) -> SkillExtractor:
    # the sentence and its second clause are about modelling (axis 1), the first clause's noun pulls to stacking goods
    emb = FixedEmbedder({"model": unit(1), "stack": unit(0)})
    vecs = np.stack([unit(0), unit(1)])
    base = ExtractConfig(sem_length_penalty=0.0, sem_general_weight=0.0, sem_cover_bonus=0.0, alt_lexical_bonus=None,
                         sem_support_bonus=0.0)
    return SkillExtractor(SEM_SKILLS, [], embedder=emb, vectors=vecs, vector_ids=[s["skill_id"] for s in SEM_SKILLS],
                          config=dataclasses.replace(base, **cfg))


def test_the_text_context_outweighs_one_clause_noun():
    text = "Product stack, modelling of quality data."
    off = {h.id: h.score for h in _sem(sem_context_weight=0.0).extract(text)}
    assert off["stack-goods"] >= off["data-models"]  # each clause's nearest label at cosine 1: at best a tie
    on = _sem(sem_context_weight=0.5).extract(text)
    assert [h.id for h in on] == ["data-models", "stack-goods"] and on[0].score > on[1].score
    # the mix: (1 - w) * cos(clause) + w * cos(text), the text being the mean of the sentence's and clauses' vectors
    ctx = np.array([1.0, 2.0]) / np.sqrt(5.0)
    assert abs(on[1].score - round(0.95 * (0.5 * 1.0 + 0.5 * ctx[0]), 4)) < 1e-3


def test_context_mix_is_a_no_op_on_one_segment():
    text = "modelling of quality data"  # one segment: its vector is the text's
    assert [(h.id, h.score) for h in _sem(sem_context_weight=0.5).extract(text)] == \
           [(h.id, h.score) for h in _sem(sem_context_weight=0.0).extract(text)]


def test_soft_cap_keeps_strong_links_ordered_by_similarity():
    """Above 0.70 semantic scores are squashed below 0.74 rather than cut: two strong links no longer tie."""
    emb = FixedEmbedder({"quality": unit(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16)})
    a, b = unit(*range(1, 16)), unit(*range(1, 14))  # cosines 0.968 and 0.901: both over the old cap of 0.74
    base = ExtractConfig(sem_length_penalty=0.0, sem_general_weight=0.0, sem_cover_bonus=0.0, alt_lexical_bonus=None,
                         sem_support_bonus=0.0, sem_context_weight=0.0)
    ids = [s["skill_id"] for s in SEM_SKILLS]

    def run(soft):
        ex = SkillExtractor(SEM_SKILLS, [], embedder=emb, vectors=np.stack([b, a]), vector_ids=ids,
                            config=dataclasses.replace(base, sem_soft_cap=soft))
        return [(h.id, h.score) for h in ex.extract("quality data checks")]

    hard, soft = run(False), run(True)
    assert hard[0][1] == hard[1][1] == 0.74  # a tie at the cap
    assert [i for i, _ in soft] == ["data-models", "stack-goods"]  # the closer label first
    assert 0.70 < soft[1][1] < soft[0][1] < 0.74
