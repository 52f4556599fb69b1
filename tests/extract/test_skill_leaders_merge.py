"""Nineteenth pass of issue 4 (bench/README, branch s20): the worker named a leader states *lead a team*; nursing in a nursing
or care home (or long-term care) states *apply nursing care in long-term care*; ESCO concepts the annotators never tell apart
are reported as one (the `merge` rows of the curated table)."""

from __future__ import annotations

import pytest

from careerpath.extract.skill_competences import LEAD_TEAM, LONGTERM, leader_spans, longterm_spans, merged_concepts, role_spans
from careerpath.extract.skills import ExtractConfig, SkillExtractor, _merged

from .skills_fixtures import FixedEmbedder, esco_names, hand_extractor, unit

NAMES = (LEAD_TEAM, LONGTERM, "manage a team", "manage staff", "develop predictive models", "build predictive models", "SQL")
SKILLS = [{"skill_id": f"c{k}", "name": n, "type": "skill", "esco_uri": f"u:{k}"} for k, n in enumerate(NAMES)]
ALIASES = [{"skill_id": s["skill_id"], "norm": s["name"].lower(), "kind": "preferred", "rule": None, "veto": None} for s in SKILLS]
ALIASES.append({"skill_id": "c4", "norm": "predictive analytics", "kind": "override", "rule": None, "veto": None})
OFF = dict(leader_competence=False, longterm_competence=None, merge_concepts=False)


@pytest.mark.parametrize("text, phrase", [
    ("Are you an enthusiastic leader with a passion for mental health?", "an enthusiastic leader"),
    ("We are looking for a forward thinking leader to drive improvements.", "a forward thinking leader"),
    ("Establish clinical priorities when acting as shift leader.", "as shift leader"),
    ("We need a Team Leader for our warehouse.", "a Team Leader"),
])
def test_the_worker_named_a_leader(text: str, phrase: str) -> None:
    assert [text[a:b] for a, b in leader_spans(text)] == [phrase]
    assert [text[a:b] for a, b in role_spans(text, leaders=True)[LEAD_TEAM]] == [phrase]
    assert LEAD_TEAM not in role_spans(text)  # off unless asked


@pytest.mark.parametrize("text", [
    "You will report to the Team Leader and Project Managers.",
    "Ability to influence senior leaders and other groups.",
    "A natural leadership style.",
    "Our leaders are accountable.",
    "We are a market leader in logistics.",  # a company's boast
    "The Trust is a recognised leader in cardiac care.",
    "Acme is a global technology leader.",
])
def test_other_leaders_state_nothing(text: str) -> None:
    assert leader_spans(text) == []


def test_nursing_in_a_long_term_care_place() -> None:
    nurse = "Registered Nurse (RGN or RMN) is required to work within the elderly nursing home environment."
    place = "The nursing home caters for elderly frail and EMI residents."
    manager = "We are looking for a Nursing Home Manager."
    workers = "Support workers in residential and nursing homes."
    longterm = "We offer long term dementia care."
    assert [nurse[a:b] for a, b in longterm_spans(nurse)] == ["nursing home"]
    assert longterm_spans(place) == [] and longterm_spans(workers) == []  # no nurse outside the place's own name
    assert [place[a:b] for a, b in longterm_spans(place, need_nurse=False)] == ["nursing home"]
    assert [longterm[a:b] for a, b in longterm_spans(longterm, need_nurse=False)] == ["long term dementia care"]
    assert longterm_spans(manager, need_nurse=False) == []  # the home's manager: the residential-care competence
    # the nurse must be in the place's own sentence
    assert longterm_spans("An RGN is needed. The care home is in Leeds.") == []
    assert role_spans(nurse, longterm="nurse")[LONGTERM] and LONGTERM not in role_spans(place, longterm="nurse")
    assert role_spans(place, longterm="place")[LONGTERM] and LONGTERM not in role_spans(nurse)


def _extractor(**cfg) -> SkillExtractor:
    return hand_extractor(SKILLS, ALIASES, **cfg)


def test_the_extractor_ranks_leaders_and_long_term_care_like_a_role_noun() -> None:
    text = "SQL skills. Are you an enthusiastic leader? Our RGN works in a care home."
    assert esco_names(_extractor(semantic=False, **OFF).extract(text)) == ["SQL"]
    hits = _extractor(semantic=False).extract(text)
    assert esco_names(hits) == ["SQL", LEAD_TEAM, LONGTERM]
    assert {h.score for h in hits if h.name != "SQL"} == {0.745}
    assert esco_names(_extractor(semantic=False, leader_competence=False).extract(text)) == ["SQL", LONGTERM]
    assert esco_names(_extractor(semantic=False, longterm_competence=None).extract(text)) == ["SQL", LEAD_TEAM]
    cfg = ExtractConfig()
    assert cfg.leader_competence and cfg.longterm_competence == "nurse" and cfg.merge_concepts


def test_merged_concepts_are_reported_as_one() -> None:
    names = dict(enumerate(NAMES))
    merge = merged_concepts(names)
    assert merge == {2: 3, 4: 5}  # manage a team -> manage staff, develop -> build predictive models
    assert merged_concepts({0: "manage a team"}) == {}  # only pairs whose both names are known
    # lexical: an alias of the merged concept gives the other one, at the alias's score
    text = "Experience with predictive analytics."
    assert esco_names(_extractor(semantic=False, merge_concepts=False).extract(text)) == ["develop predictive models"]
    hits = _extractor(semantic=False).extract(text)
    assert esco_names(hits) == ["build predictive models"] and hits[0].spans == [[16, 36]]
    # semantic: a link to "manage a team" is one to "manage staff"
    emb = FixedEmbedder({"run the group": unit(2)})
    for merge_on, want in ((False, "manage a team"), (True, "manage staff")):
        ex = _extractor(merge_concepts=merge_on, rank_threshold=0.3)
        ex.embedder = emb
        assert esco_names(ex.extract("You will run the group every day."))[:1] == [want]


def test_merged_records_keep_the_better_score_and_both_spans() -> None:
    lex = {4: [0.1, True, [[0, 5]]], 5: [0.05, False, [[10, 15]]], 6: [0.1, False, [[20, 23]]]}
    out = _merged(lex, {4: 5}, lexical=True)
    assert out == {5: [0.1, True, [[10, 15], [0, 5]]], 6: [0.1, False, [[20, 23]]]}
    sem = {2: [0.6, [[0, 9]], 2], 3: [0.5, [[0, 9]], 1]}
    assert _merged(sem, {2: 3}, lexical=False) == {3: [0.6, [[0, 9]], 2]}
    assert _merged(sem, {}, lexical=False) is sem


@pytest.mark.slow
def test_real_taxonomy_names_the_new_competences_and_merge_pairs(full_con) -> None:
    ex = SkillExtractor.from_store(full_con, config=ExtractConfig(semantic=False))
    assert {LEAD_TEAM, LONGTERM} <= set(ex._roles)
    names = {ex.skills[ex._ids[a]]["name"]: ex.skills[ex._ids[b]]["name"] for a, b in ex._merge.items()}
    assert names == {"manage a team": "manage staff", "develop predictive models": "build predictive models"}
    esco = [h.name for h in ex.extract("Experience of predictive modelling in Python.") if h.esco_uri]
    assert "build predictive models" in esco and "develop predictive models" not in esco
    esco = [h.name for h in ex.extract("An experienced RGN to work in our friendly nursing home.") if h.esco_uri]
    assert LONGTERM in esco


def test_a_field_that_names_a_department_is_not_a_skill_of_the_worker() -> None:
    """The curated rule rows veto "data science", "data engineering", "leadership" and "AI" where they name a team or a
    department ("the Data Science team", "a leadership team"); the field named as a skill still matches."""
    from careerpath.extract.taxonomy import load_overrides

    rules = {r["name"]: (r["value"], r["extra"]) for r in load_overrides() if r["kind"] == "rule"}
    fields = {"data science": "ds", "data engineering": "de", "leadership": "lp", "AI": "ai"}
    skills = [{"skill_id": v, "name": k, "type": "knowledge", "esco_uri": f"u:{v}"} for k, v in fields.items()]
    aliases = [{"skill_id": v, "norm": k.lower(), "kind": "preferred", "rule": rules[k][0], "veto": rules[k][1] or None}
               for k, v in fields.items()]
    ex = hand_extractor(skills, aliases, semantic=False)
    for text in ("All steps take place in an environment where the Data Science team owns its processes.",
                 "Present in the Data Science and Advanced Analytics space.", "Work with the data engineering department.",
                 "Experience supporting a leadership team.", "Partner with the AI teams."):
        assert esco_names(ex.extract(text)) == [], text
    for text, name in (("Five years of data science experience.", "data science"), ("Strong leadership skills.", "leadership"),
                       ("Experience with AI and data engineering.", "AI")):
        assert name in esco_names(ex.extract(text)), text
