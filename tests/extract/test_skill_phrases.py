"""Eighteenth pass of issue 4 (bench/README, branch s19): a phrase about the job's team or the people it supervises, manages or
leads, the size of its data or the adjective of its method, and a trait asked of the worker state the general ESCO competence
(`skill_competences.PEOPLE_PHRASES`, `DATA_PHRASES`, `TRAIT_PHRASES`), ranked like a role noun's competence (0.745)."""

from __future__ import annotations

import pytest

from careerpath.extract.skill_competences import (BIG_DATA, DATA_ANALYSIS, DATA_PHRASES, FLEXIBLE, LEAD_TEAM, LEARN, MANAGE_STAFF,
                                                   PEOPLE_PHRASES, STAT_ANALYSIS, STATISTICS, SUPERVISE_STAFF, TRAIT_PHRASES,
                                                   UNCERTAINTY,
                                                   WORK_IN_TEAMS, data_spans, people_spans, role_spans, trait_spans)
from careerpath.extract.skills import ExtractConfig, SkillExtractor

from .skills_fixtures import esco_names, hand_extractor

COMPETENCES = (WORK_IN_TEAMS, SUPERVISE_STAFF, MANAGE_STAFF, LEAD_TEAM, BIG_DATA, STATISTICS, DATA_ANALYSIS, FLEXIBLE,
               UNCERTAINTY, LEARN, STAT_ANALYSIS)
SKILLS = [{"skill_id": f"c{k}", "name": n, "type": "skill", "esco_uri": f"u:{k}"} for k, n in enumerate(COMPETENCES)]
SKILLS += [{"skill_id": "sql", "name": "SQL", "type": "software", "esco_uri": "u:sql"}]
ALIASES = [{"skill_id": s["skill_id"], "norm": s["name"].lower(), "kind": "preferred", "rule": None, "veto": None} for s in SKILLS]
OFF = dict(people_competence=False, data_competence=False, trait_competence=False)


def _extractor(**cfg) -> SkillExtractor:
    return hand_extractor(SKILLS, ALIASES, **cfg)


_esco = esco_names


@pytest.mark.parametrize("text, comp", [
    ("You will also be expected to act as part of the wider administration team for Continuing Healthcare.", WORK_IN_TEAMS),
    ("Working as part of a closeknit team within one of the four residential houses.", WORK_IN_TEAMS),
    ("We need a team player.", WORK_IN_TEAMS),
    ("The ability to work well within a team is essential.", WORK_IN_TEAMS),
    ("Four years as an Automotive Supervisor supervising journey-level workers involved in repair.", SUPERVISE_STAFF),
    ("Two years of experience as a first level supervisor in a machine shop.", SUPERVISE_STAFF),
    ("A superintendent plans, organizes and directs craft employees engaged in construction.", SUPERVISE_STAFF),
    ("Provide leadership and day-to-day management for a team of dietitians.", MANAGE_STAFF),
    ("Overall management of the Neighbourhood team members.", MANAGE_STAFF),
    ("Strong Leadership and Management skills are required.", MANAGE_STAFF),
    ("A strong history of management experience within a secure setting.", MANAGE_STAFF),
    ("Experience of people management is essential.", MANAGE_STAFF),
    ("A track record of building and leading highly productive, technical teams.", LEAD_TEAM),
    ("Experience with handling large amounts of data in production.", BIG_DATA),
    ("Proven success working with large data sets.", BIG_DATA),
    ("Develops novel methods for complex, large-scale biosurveillance data analysis.", BIG_DATA),
    ("Experience implementing and interpreting the results of statistical models.", STATISTICS),
    ("Focusing on established programmatic and quantitative methods to find patterns.", STATISTICS),
    ("Insights gained from analyzing customer data.", DATA_ANALYSIS),
    ("A Data Analyst gathers and interprets data from various sources.", DATA_ANALYSIS),
    ("Insights from usage data drive the roadmap.", DATA_ANALYSIS),
    ("We are looking to recruit an enthusiastic and flexible individual.", FLEXIBLE),
    ("They will be able to demonstrate flexibility to meet the varied demands of the role.", FLEXIBLE),
    ("Comfort dealing with ambiguity in an environment where we build the plane as we fly it.", UNCERTAINTY),
    ("You would need to also be willing to learn new skills in Recovery.", LEARN),
    ("Their passion for learning is infectious.", LEARN),
    ("Ability to quickly pick up new skills.", LEARN),
    ("Experience in data mining and statistical analysis.", STAT_ANALYSIS),  # nineteenth pass
    ("Applying judgment and statistical tests.", STAT_ANALYSIS),
])
def test_a_phrase_states_its_competence(text: str, comp: str) -> None:
    assert comp in role_spans(text, people=True, data=True, traits=True), text


@pytest.mark.parametrize("text, comp", [
    ("You will report to the Team Leader and Project Managers.", LEAD_TEAM),  # a colleague's title, not the worker's lead
    ("Supervising work crews involved in maintenance.", SUPERVISE_STAFF),  # crews: ESCO's own *supervise crew*
    ("Supervising maintenance work on the site.", SUPERVISE_STAFF),  # not people
    ("Manage the project budget and schedule.", MANAGE_STAFF),
    ("Three years of project management experience.", MANAGE_STAFF),  # management of a thing
    ("Lead the development of new models.", LEAD_TEAM),
    ("Join our friendly nursing team!", WORK_IN_TEAMS),  # an invitation, not a requirement (gold in 1 of 7 dev sentences)
    ("We are looking for a nurse to join the team at our home.", WORK_IN_TEAMS),
    ("You will become a crucial part of our outstanding multi-disciplinary team.", WORK_IN_TEAMS),  # the MDT rule's
    ("A counterpart of the finance team.", WORK_IN_TEAMS),  # "part of" inside a word
    ("Experience working with complex datasets.", BIG_DATA),  # complex is not large
    ("We offer flexible working hours and a pension.", FLEXIBLE),  # a working pattern offered
    ("Estimate the measurement uncertainty of each method.", UNCERTAINTY),  # a quantity
    ("Experience with uncertainty quantification.", UNCERTAINTY),
    ("A strong desire to learn quantitative analysis techniques.", LEARN),  # a named subject states the subject
    ("Analyze the requirements with the business.", DATA_ANALYSIS),
    ("Developing statistical models.", STAT_ANALYSIS),  # a model: the alias gives statistical modeling techniques
])
def test_a_phrase_that_states_nothing_here(text: str, comp: str) -> None:
    assert comp not in role_spans(text, people=True, data=True, traits=True), text


def test_each_family_has_its_switch_and_the_spans_are_the_phrase() -> None:
    text = "Working as part of a busy team, you will analyse large volumes of data and must be flexible."
    assert role_spans(text) == {}
    assert set(people_spans(text)) == {WORK_IN_TEAMS}
    assert set(data_spans(text)) == {BIG_DATA, DATA_ANALYSIS}
    assert set(trait_spans(text)) == {FLEXIBLE}
    [[a, b]] = people_spans(text)[WORK_IN_TEAMS]
    assert text[a:b] == "part of a busy team"
    [[a, b]] = data_spans(text)[BIG_DATA]
    assert text[a:b] == "large volumes of data"
    # a case the lower-casing does not change in length is read case-blind
    assert set(trait_spans("MUST BE FLEXIBLE")) == {FLEXIBLE}


def test_every_phrase_starts_at_one_of_its_keys() -> None:
    """`_phrase_spans` tries a pattern only where a key occurs: a key that cannot start a match would hide the phrase."""
    samples = {WORK_IN_TEAMS: ["part of a team", "member of the team", "members of our team", "team player",
                               "working within teams"],
               SUPERVISE_STAFF: ["supervising staff", "first-level supervisor", "directs employees"],
               MANAGE_STAFF: ["manage the team", "line management", "leadership and management", "management skills"],
               LEAD_TEAM: ["leading teams"], BIG_DATA: ["big data sets", "high volumes of data", "vast amounts of data"],
               STATISTICS: ["statistical", "quantitative methods"], DATA_ANALYSIS: ["analyse data", "insight into data"],
               FLEXIBLE: ["flexibility"], UNCERTAINTY: ["ambiguous"], LEARN: ["eager to learn", "learn new skills"]}
    for comp, texts in samples.items():
        for t in texts:
            assert role_spans(t, people=True, data=True, traits=True).get(comp) == [[0, len(t)]], t
    for rx, comp, keys, need in PEOPLE_PHRASES + DATA_PHRASES + TRAIT_PHRASES:
        assert keys and all(k == k.lower() for k in keys) and comp in COMPETENCES
        assert need is None or need == need.lower()


def test_the_extractor_ranks_the_competence_like_a_role_noun() -> None:
    text = "Proficiency in SQL and the ability to work as part of a team."
    assert _esco(_extractor(semantic=False, **OFF).extract(text)) == ["SQL"]
    hits = _extractor(semantic=False).extract(text)
    assert _esco(hits) == ["SQL", WORK_IN_TEAMS]
    by = {h.name: h for h in hits}
    assert by[WORK_IN_TEAMS].score == 0.745 and by[WORK_IN_TEAMS].method == "lexical"
    # each family is its own switch
    for knob, line, comp in (("people_competence", "Supervising employees engaged in gardening.", SUPERVISE_STAFF),
                             ("data_competence", "Statistical programming in SAS.", STATISTICS),
                             ("trait_competence", "Be flexible and reliable.", FLEXIBLE)):
        assert comp in _esco(_extractor(semantic=False).extract(line))
        assert comp not in _esco(_extractor(semantic=False, **{knob: False}).extract(line))
    cfg = ExtractConfig()
    assert cfg.people_competence and cfg.data_competence and cfg.trait_competence


def test_a_changed_hit_keeps_the_ranking_order() -> None:
    """`_add_competences` puts a new or raised hit back in order instead of sorting again: the order is still the full sort's."""
    ex = _extractor(semantic=False)
    text = "SQL. Statistical models. Manage the team. Be flexible. Statistical tests. Eager to learn. Team player."
    hits = ex.extract(text)
    assert hits == sorted(hits, key=lambda h: (-h.score, h.spans[0][0] if h.spans else 0, h.id))
    assert _esco(hits)[0] == "SQL" and {STATISTICS, MANAGE_STAFF, FLEXIBLE, LEARN, WORK_IN_TEAMS} <= set(_esco(hits))


@pytest.mark.slow
def test_real_taxonomy_names_every_phrase_competence(full_con) -> None:
    """On the real taxonomy: every competence the phrases state is an ESCO label the extractor resolves, and a posting's
    line gives it."""
    ex = SkillExtractor.from_store(full_con, config=ExtractConfig(semantic=False))
    assert set(COMPETENCES) <= set(ex._roles)
    esco = [h.name for h in ex.extract("You will act as part of the wider administration team.") if h.esco_uri]
    assert esco[:1] == [WORK_IN_TEAMS]
    esco = [h.name for h in ex.extract("Supervising journey-level workers involved in the repair of vehicles.") if h.esco_uri]
    assert SUPERVISE_STAFF in esco[:2]


@pytest.mark.slow
def test_real_taxonomy_products_of_mixed_categories_state_their_concept(full_con) -> None:
    """The eighteenth pass's product rows: a data visualisation product and a programming language ESCO lacks state their ESCO
    concept (a language ESCO has is its own concept and states nothing more)."""
    ex = SkillExtractor.from_store(full_con, config=ExtractConfig(semantic=False))
    esco = [h.name for h in ex.extract("Dashboards in Tableau or Power BI.") if h.esco_uri]
    assert "data visualisation software" in esco
    esco = [h.name for h in ex.extract("The application is written in Kotlin.") if h.esco_uri]
    assert esco[:1] == ["computer programming"]
    esco = [h.name for h in ex.extract("Strong Python skills.") if h.esco_uri]
    assert "computer programming" not in esco
