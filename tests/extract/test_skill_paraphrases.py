"""Twentieth pass of issue 4 (bench/README, branch s21): data analysis, programming and initiative stated in other words
(`skill_competences.ANALYSIS_PHRASES`, `PROGRAMMING_PHRASES`, `INITIATIVE_PHRASES`), nurses sought
(`NURSES_SOUGHT`) and a multi-professional team or one with words before "team" (`TEAM_PHRASE_WIDE`)."""

from __future__ import annotations

import pytest

from careerpath.extract.skill_competences import (ANALYSIS_PHRASES, BIG_DATA, DATA_ANALYSIS, INDEPENDENT, INITIATIVE,
                                                   INITIATIVE_PHRASES, NURSE, PROGRAMMING, PROGRAMMING_PHRASES, TEAM, WEAK,
                                                   role_spans)
from careerpath.extract.skills import ExtractConfig, SkillExtractor

from .skills_fixtures import esco_names, hand_extractor

COMPETENCES = (DATA_ANALYSIS, BIG_DATA, PROGRAMMING, INITIATIVE, INDEPENDENT, NURSE, TEAM)
SKILLS = [{"skill_id": f"c{k}", "name": n, "type": "skill", "esco_uri": f"u:{k}"} for k, n in enumerate(COMPETENCES)]
SKILLS += [{"skill_id": "sql", "name": "SQL", "type": "software", "esco_uri": "u:sql"}]
ALIASES = [{"skill_id": s["skill_id"], "norm": s["name"].lower(), "kind": "preferred", "rule": None, "veto": None} for s in SKILLS]
ON = dict(plural=False, team="wide", sought=True, analysis=True, programming=True, initiative=True)
OFF = dict(team_competence=True, nurses_sought=False, analysis_competence=False, programming_competence=False,
           initiative_competence=False)


def found(text: str) -> dict[str, list[str]]:
    return {k.rstrip(WEAK): [text[a:b] for a, b in v] for k, v in role_spans(text, **ON).items()}


@pytest.mark.parametrize("text, comp, phrase", [
    ("Analysis of reports and data to identify any patterns of fraud.", DATA_ANALYSIS, "Analysis of reports and data"),
    ("Provide critical assessment of epidemiological data and literature.", DATA_ANALYSIS, "assessment of epidemiological data"),
    ("Create visualizations through data interpretation and analysis.", DATA_ANALYSIS, "data interpretation"),
    ("Methods to find patterns and relationships in large data sets.", DATA_ANALYSIS, "relationships in large data sets"),
    ("Interpret web analytics, demographic data, market research.", DATA_ANALYSIS, "Interpret web analytics, demographic data"),
    ("Explore / characterize / process data sets.", DATA_ANALYSIS, "Explore / characterize / process data sets"),
    ("Strong experience working with genomic, biosignal, clinical, or imaging data.", DATA_ANALYSIS,
     "working with genomic, biosignal, clinical, or imaging data"),
    ("Enjoy coding, prototyping, and testing.", PROGRAMMING, "coding"),
    ("She writes clean code to ingest data.", PROGRAMMING, "writes clean code"),
    ("Engineers who want to create software in a microservice environment.", PROGRAMMING, "create software"),
    ("Strong development skills in either Java or Python.", PROGRAMMING, "development skills"),
    ("We rely on self starters who do their best work.", INITIATIVE, "self starters"),
    ("An empowered, resourceful and quick-thinking manager.", INITIATIVE, "resourceful"),
    ("The ability to act on own initiative.", INITIATIVE, "own initiative"),
    ("Able to work with minimum supervision.", INDEPENDENT, "minimum supervision"),
    ("A proven track record working independently.", INDEPENDENT, "working independently"),
    ("Confident to work on their own initiative.", INDEPENDENT, "on their own initiative"),
    ("We are looking for Registered Mental Health Nurses.", NURSE, "looking for Registered Mental Health Nurses"),
    ("We welcome applications from newly qualified nurses.", NURSE, "applications from newly qualified nurses"),
    ("Nurses should have 1 years post registration experience.", NURSE, "Nurses should"),
    ("Our unit is a multi-disciplinary integrated team.", TEAM, "multi-disciplinary integrated team"),
    ("You will join our multi-professional team.", TEAM, "multi-professional team"),
])
def test_a_paraphrase_states_its_competence(text: str, comp: str, phrase: str) -> None:
    assert phrase in found(text).get(comp, [])


@pytest.mark.parametrize("text, comp", [
    ("Experience with data analysis software: Python, R.", DATA_ANALYSIS),  # the software, not the analysis
    ("Work closely with the data engineering team.", DATA_ANALYSIS),  # a data team
    ("Experience working with diverse set of teams supporting data needs.", DATA_ANALYSIS),  # people in between
    ("The Data Engineer will work with product owners and data stewards.", DATA_ANALYSIS),
    ("Understanding the NMC code of conduct.", PROGRAMMING),
    ("Medical coding standards apply.", PROGRAMMING),
    ("Work closely with nurses, HCAs and therapists.", NURSE),  # colleagues: the plural alone states nothing
    ("I lead our fantastic team of nurses.", NURSE),
    ("We promote the independence of service users.", INDEPENDENT),
    ("A highly motivated individual.", INITIATIVE),  # "motivated" alone: gold in 6 of 13 dev sentences, not taken
])
def test_what_states_nothing_here(text: str, comp: str) -> None:
    assert comp not in found(text)


def test_the_wider_forms_are_off_unless_asked() -> None:
    assert TEAM not in role_spans("Our unit is a multi-disciplinary integrated team.", team=True)
    assert TEAM in role_spans("Our unit is a multi-disciplinary team.", team=True)
    assert NURSE not in role_spans("We are looking for Registered Mental Health Nurses.", plural=False)
    assert role_spans("Enjoy coding.") == {} and role_spans("A self-starter.") == {} and role_spans("Analysis of the data.") == {}


def test_every_pattern_starts_at_one_of_its_keys() -> None:
    for rx, comp, keys, need in ANALYSIS_PHRASES + PROGRAMMING_PHRASES + INITIATIVE_PHRASES:
        assert keys and all(k == k.lower() for k in keys) and comp.rstrip(WEAK) in COMPETENCES
        assert need is None or need == need.lower()


def test_working_with_data_ranks_below_big_data() -> None:
    """"working with large data sets" states both: the weaker phrase (`WEAK`) ranks a step below *analyse big data*."""
    hits = hand_extractor(SKILLS, ALIASES, semantic=False).extract("Experience working with large data sets.")
    assert esco_names(hits) == [BIG_DATA, DATA_ANALYSIS]
    by = {h.name: h.score for h in hits}
    assert by[BIG_DATA] == 0.745 and by[DATA_ANALYSIS] == 0.744


def test_each_family_has_its_switch() -> None:
    for knob, line, comp in (("analysis_competence", "Analysis of reports and data.", DATA_ANALYSIS),
                             ("programming_competence", "Enjoy coding.", PROGRAMMING),
                             ("initiative_competence", "A self-starter.", INITIATIVE),
                             ("nurses_sought", "We are recruiting Registered Nurses.", NURSE)):
        assert comp in esco_names(hand_extractor(SKILLS, ALIASES, semantic=False).extract(line)), knob
        assert comp not in esco_names(hand_extractor(SKILLS, ALIASES, semantic=False, **{knob: False}).extract(line)), knob
    line = "A multi-professional team."
    assert TEAM in esco_names(hand_extractor(SKILLS, ALIASES, semantic=False).extract(line))
    assert TEAM not in esco_names(hand_extractor(SKILLS, ALIASES, semantic=False, team_competence=True).extract(line))
    assert esco_names(hand_extractor(SKILLS, ALIASES, semantic=False, **OFF).extract("SQL and coding, as a self-starter.")) == ["SQL"]
    cfg = ExtractConfig()
    assert cfg.analysis_competence and cfg.programming_competence and cfg.initiative_competence and cfg.nurses_sought
    assert cfg.team_competence == "wide" and cfg.alt_object_only == "head"


@pytest.mark.slow
def test_real_taxonomy_names_every_new_competence(full_con) -> None:
    """On the real taxonomy every competence the new phrases state is an ESCO label the extractor resolves."""
    ex = SkillExtractor.from_store(full_con, config=ExtractConfig(semantic=False))
    assert {DATA_ANALYSIS, PROGRAMMING, INITIATIVE, INDEPENDENT, NURSE, TEAM} <= set(ex._roles)
    esco = [h.name for h in ex.extract("Strong development skills in Java; a self-starter able to work with minimal supervision.")
            if h.esco_uri]
    assert {PROGRAMMING, INITIATIVE, INDEPENDENT} <= set(esco)
