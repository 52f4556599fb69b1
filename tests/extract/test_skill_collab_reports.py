"""Twenty-first pass of issue 4 (bench/README, branch s22): teamwork and cooperation phrases (`skill_competences.COLLAB_PHRASES`,
`COOPERATE_PHRASES`), reports and findings (`REPORT_PHRASES`), a bare "analytics" (`ANALYTICS_PHRASES`), the service user's
independence (`INDEPENDENCE_PHRASES`), multidisciplinary working (`TEAM_PHRASE_WIDE`), drive words at a semantic-level score
(`DRIVE_PHRASES`, `ExtractConfig.soft_trait_score`), and a field named only as its practitioner in the semantic stage
(`ExtractConfig.agent_field_penalty`)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from careerpath.extract.skill_competences import (ANALYTICAL_INSIGHTS, ANALYTICS_PHRASES, COLLAB_PHRASES, COOPERATE,
                                                   COOPERATE_PHRASES, DATA_ANALYTICS, DRIVE_PHRASES, INDEPENDENCE,
                                                   INDEPENDENCE_PHRASES, INDEPENDENT, INITIATIVE, PRESENT_REPORTS,
                                                   REPORT_PHRASES, SOFT, TEAM, WEAK, WORK_IN_TEAMS, WRITE_REPORTS,
                                                   role_spans)
from careerpath.extract.skills import ExtractConfig, SkillExtractor

from .skills_fixtures import FixedEmbedder, esco_names, hand_extractor, unit

COMPETENCES = (WORK_IN_TEAMS, COOPERATE, WRITE_REPORTS, ANALYTICAL_INSIGHTS, PRESENT_REPORTS, DATA_ANALYTICS, INDEPENDENCE,
               INDEPENDENT, TEAM, INITIATIVE)
SKILLS = [{"skill_id": f"c{k}", "name": n, "type": "skill", "esco_uri": f"u:{k}"} for k, n in enumerate(COMPETENCES)]
SKILLS += [{"skill_id": "sql", "name": "SQL", "type": "software", "esco_uri": "u:sql"}]
ALIASES = [{"skill_id": s["skill_id"], "norm": s["name"].lower(), "kind": "preferred", "rule": None, "veto": None} for s in SKILLS
           if s["name"] != DATA_ANALYTICS]  # the phrase, not the label, is under test
ON = dict(plural=False, team="wide", people=True, initiative=True, collab="cooperate", reports=True, analytics=True,
          independence=True, drive=True)


def found(text: str) -> dict[str, list[str]]:
    return {k.rstrip(WEAK).rstrip(SOFT): [text[a:b] for a, b in v] for k, v in role_spans(text, **ON).items()}


@pytest.mark.parametrize("text, comp, phrase", [
    ("Can you thrive in a fast-paced, collaborative environment?", WORK_IN_TEAMS, "collaborative environment"),
    ("A commitment to diabetes care through collaborative working.", WORK_IN_TEAMS, "collaborative working"),
    ("Work collaboratively with a diverse set of partners.", WORK_IN_TEAMS, "Work collaboratively"),
    ("All of this takes place in an environment of respect and collaboration.", WORK_IN_TEAMS,
     "environment of respect and collaboration"),
    ("Ability to collaborate with cross-functional teams.", WORK_IN_TEAMS, "cross-functional teams"),
    ("You will work with interdisciplinary teams to build products.", WORK_IN_TEAMS, "interdisciplinary teams"),
    ("This role will partner closely with data engineering and product management.", COOPERATE, "partner closely with"),
    ("Collaborate with technical professionals (IT, Elec.", COOPERATE, "Collaborate with"),
    ("Work closely with the data engineering team.", COOPERATE, "closely with"),
    ("The ability to work in partnership with staff throughout the Hospital.", COOPERATE, "in partnership with"),
    ("Utilizes and maintains a formal report writing process.", WRITE_REPORTS, "report writing"),
    ("Draft complex reports outlining the findings of investigations.", WRITE_REPORTS, "Draft complex reports"),
    ("Develop, create, analyze and distribute management reports.", WRITE_REPORTS,
     "create, analyze and distribute management reports"),
    ("Assisting staff in the preparation of correspondence, reports, studies.", WRITE_REPORTS,
     "preparation of correspondence, reports"),
    ("Communicate findings to members of the advancement community.", ANALYTICAL_INSIGHTS, "Communicate findings"),
    ("Ability to communicate the results of analyses clearly.", ANALYTICAL_INSIGHTS, "communicate the results of analyses"),
    ("Adept at queries and presenting findings.", PRESENT_REPORTS, "presenting findings"),
    ("Deliver effective presentations of findings to stakeholders.", PRESENT_REPORTS, "presentations of findings"),
    ("Broad experience in data science and analytics.", DATA_ANALYTICS, "analytics"),
    ("Uses analytics and metrics to improve processes.", DATA_ANALYTICS, "analytics"),
    ("Help people to live as independently as possible.", INDEPENDENCE, "live as independently"),
    ("Interventions to promote independence and quality of life.", INDEPENDENCE, "promote independence"),
    ("Supporting with all aspects of daily living.", INDEPENDENCE, "daily living"),
    ("Helping them to lead fulfilling independent lives.", INDEPENDENCE, "lead fulfilling independent lives"),
    ("Support the individual to work towards independence.", INDEPENDENCE, "towards independence"),
    ("To be exceptional at multidisciplinary working.", TEAM, "multidisciplinary working"),
    ("An exceptional, highly motivated and self-directed data scientist.", INITIATIVE, "motivated"),
    ("A driven, self-reliant Python developer.", INITIATIVE, "self-reliant"),
    ("Applicants must be reliable, self-motivated and speak Spanish.", INITIATIVE, "motivated"),
])
def test_a_phrase_states_its_competence(text: str, comp: str, phrase: str) -> None:
    assert phrase in found(text).get(comp, [])


@pytest.mark.parametrize("text, comp", [
    ("Optimizing data delivery for cross functional teams.", WORK_IN_TEAMS),  # served, not worked in
    ("You will be part of a multi-disciplinary team.", WORK_IN_TEAMS),  # the MDT competence's, not this one's
    ("Experience with predictive analytics and web analytics.", DATA_ANALYTICS),  # qualified kinds: their own concepts
    ("The division, in partnership with other groups, collects data.", COOPERATE),  # not a form of "work" before it
    ("The Global Analytics team and the Advanced Analytics group.", DATA_ANALYTICS),  # departments
    ("Big data analytics applications.", DATA_ANALYTICS),
    ("Develop reporting software.", WRITE_REPORTS),
    ("Present the business case to the board.", PRESENT_REPORTS),
    ("Outcomes as they move towards adulthood and independence.", INDEPENDENCE),
    ("Able to work independently.", INDEPENDENCE),  # the worker's independence
    ("Spire Healthcare is a leading independent hospital group.", INDEPENDENCE),  # not a life led
    ("Help people to live independently.", INDEPENDENT),  # the service user's, not the worker's
    ("Staff motivated by patient outcomes.", INITIATIVE),  # motivated by something: a reason, not a trait
])
def test_what_states_nothing_here(text: str, comp: str) -> None:
    assert comp not in found(text)


def test_collaboration_and_teamwork_are_separate_levels() -> None:
    assert WORK_IN_TEAMS in role_spans("A collaborative environment.", collab=True)
    assert COOPERATE not in {k.rstrip(WEAK) for k in role_spans("Collaborate with engineers.", collab=True)}
    assert COOPERATE in {k.rstrip(WEAK) for k in role_spans("Collaborate with engineers.", collab="cooperate")}
    assert role_spans("A collaborative environment; collaborate with engineers; report writing; analytics; daily living; "
                      "highly motivated.") == {}


def test_cooperation_ranks_below_the_other_phrases() -> None:
    """Cooperation is weaker evidence (`WEAK`): with teamwork in the same sentence, *work in teams* comes first."""
    hits = hand_extractor(SKILLS, ALIASES, semantic=False).extract("Partner with product managers to form a cross-functional team.")
    assert esco_names(hits)[:2] == [WORK_IN_TEAMS, COOPERATE]
    by = {h.name: h.score for h in hits}
    assert by[WORK_IN_TEAMS] == 0.745 and by[COOPERATE] == 0.744


def test_drive_words_rank_among_the_semantic_links() -> None:
    """A drive word is half-certain evidence: *show initiative* gets `soft_trait_score`, below every phrase competence (and any
    semantic link stronger than it), not the phrase competences' 0.745."""
    hits = hand_extractor(SKILLS, ALIASES, semantic=False).extract("A highly motivated team player; report writing.")
    by = {h.name: h.score for h in hits}
    assert by[INITIATIVE] == pytest.approx(0.60) and by[WORK_IN_TEAMS] == 0.745 and by[WRITE_REPORTS] == 0.745
    assert esco_names(hits)[-1] == INITIATIVE
    strong = hand_extractor(SKILLS, ALIASES, semantic=False, soft_trait_score=0.7).extract("A self-motivated developer.")
    assert {h.name: h.score for h in strong}[INITIATIVE] == pytest.approx(0.7)


def test_every_pattern_starts_at_one_of_its_keys() -> None:
    for rx, comp, keys, need in (COLLAB_PHRASES + COOPERATE_PHRASES + REPORT_PHRASES + ANALYTICS_PHRASES
                                 + INDEPENDENCE_PHRASES + DRIVE_PHRASES):
        assert keys and all(k == k.lower() for k in keys) and comp.rstrip(WEAK).rstrip(SOFT) in COMPETENCES
        assert need is None or need == need.lower()


def test_each_family_has_its_switch() -> None:
    for knob, line, comp in (("collab_competence", "A collaborative environment.", WORK_IN_TEAMS),
                             ("collab_competence", "Collaborate with engineers.", COOPERATE),
                             ("report_competence", "Report writing.", WRITE_REPORTS),
                             ("analytics_competence", "Uses analytics.", DATA_ANALYTICS),
                             ("independence_competence", "Promoting independence.", INDEPENDENCE)):
        assert comp in esco_names(hand_extractor(SKILLS, ALIASES, semantic=False).extract(line)), knob
        assert comp not in esco_names(hand_extractor(SKILLS, ALIASES, semantic=False, **{knob: False}).extract(line)), knob
    teams_only = hand_extractor(SKILLS, ALIASES, semantic=False, collab_competence=True)
    assert COOPERATE not in esco_names(teams_only.extract("Collaborate with engineers in a collaborative environment."))
    assert WORK_IN_TEAMS in esco_names(teams_only.extract("Collaborate with engineers in a collaborative environment."))
    line = "A highly motivated individual."
    assert INITIATIVE in esco_names(hand_extractor(SKILLS, ALIASES, semantic=False).extract(line))
    assert INITIATIVE not in esco_names(hand_extractor(SKILLS, ALIASES, semantic=False, soft_trait_score=None).extract(line))
    cfg = ExtractConfig()
    assert cfg.soft_trait_score == pytest.approx(0.60)
    assert cfg.collab_competence == "colleagues" and cfg.report_competence and cfg.analytics_competence  # s30: "cooperate" less outsiders
    assert cfg.independence_competence and cfg.agent_field_penalty == pytest.approx(0.1)


FIELD_SKILLS = [{"skill_id": "de", "name": "data engineering", "type": "knowledge", "esco_uri": "u:de"},
                {"skill_id": "md", "name": "manage data", "type": "skill", "esco_uri": "u:md"},
                {"skill_id": "cs", "name": "computer science", "type": "knowledge", "esco_uri": "u:cs"}]


def _field_extractor(emb, **cfg) -> SkillExtractor:
    base = ExtractConfig(sem_length_penalty=0.0, sem_general_weight=0.0, sem_cover_bonus=0.0, sem_popularity_weight=0.0,
                         sem_support_bonus=0.0, alt_lexical_bonus=None, sem_context_weight=0.0, sem_plain_general_weight=0.0,
                         sem_vocab_weight=0.0, sem_vocab_plain_only=False)
    return SkillExtractor(FIELD_SKILLS, [], embedder=emb, vectors=np.stack([unit(0), unit(1), unit(2)]),
                          vector_ids=[s["skill_id"] for s in FIELD_SKILLS], config=dataclasses.replace(base, **cfg))


@pytest.mark.parametrize("text, demoted", [
    ("As a Data Engineer, your role will be to design and build data pipelines.", True),
    ("Our data engineers design and build data pipelines every day.", True),
    ("Experience in data engineering: design and build data pipelines.", False),  # the field itself is named
    ("You will design and build data pipelines for the whole company.", False),  # no practitioner named
])
def test_a_field_named_only_as_its_practitioner_loses_its_link(text: str, demoted: bool) -> None:
    # MiniLM stand-in: the sentence sits a little nearer "data engineering" (0.62) than "manage data" (0.58)
    emb = FixedEmbedder({"data pipelines": 0.62 * unit(0) + 0.58 * unit(1)})
    on = [h.id for h in _field_extractor(emb).extract(text)]
    off = [h.id for h in _field_extractor(emb, agent_field_penalty=0.0).extract(text)]
    assert off[:2] == ["de", "md"]
    assert on[:2] == (["md", "de"] if demoted else ["de", "md"])


def test_only_engineering_and_science_fields_have_a_practitioner() -> None:
    ex = _field_extractor(FixedEmbedder({}))
    assert {ex._ids[i] for i in ex._agent_fields} == {"de", "cs"}
    agent, field = ex._agent_fields[ex._ids.index("cs")]
    assert agent.search("computer scientists") and not agent.search("computer science") and field.search("computer science")
    assert _field_extractor(FixedEmbedder({}), agent_field_penalty=0.0)._agent_fields == {}


@pytest.mark.slow
def test_real_taxonomy_names_every_new_competence(full_con) -> None:
    """On the real taxonomy every competence the new phrases state is an ESCO label the extractor resolves."""
    ex = SkillExtractor.from_store(full_con, config=ExtractConfig(semantic=False))
    assert {WORK_IN_TEAMS, COOPERATE, WRITE_REPORTS, ANALYTICAL_INSIGHTS, PRESENT_REPORTS, DATA_ANALYTICS, INDEPENDENCE} <= set(ex._roles)
    esco = [h.name for h in ex.extract("Prepare reports, communicate findings and collaborate with engineers in a collaborative "
                                       "environment; promote independence.") if h.esco_uri]
    assert {WORK_IN_TEAMS, COOPERATE, WRITE_REPORTS, ANALYTICAL_INSIGHTS, INDEPENDENCE} <= set(esco)
    assert any(n.endswith(" engineering") for n in (ex.skills[ex._ids[i]]["name"] for i in ex._agent_fields))
