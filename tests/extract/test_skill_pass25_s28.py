"""Issue 4, 25th pass (s28, session 23): requirements gathered or understood and a data architecture state their ESCO
competences (`PASS24_FAMILIES` "requirements", "data_arch"); an architecture among code and systems is software's (`OTHER_SENSES`), the analytics
staff or professionals one works with are no *data analytics*, code development and an enterprise, web or mobile application
developed state *computer programming* (`PROGRAMMING_PHRASES_WIDE`), and "ETL" names ESCO's ETL concept (`skill_overrides.csv`,
keyed on the label as the ESCO split leaves it)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest

from careerpath import store
from careerpath.extract.skill_competences import (ANALYTICS_PHRASES, BUSINESS_REQUIREMENTS, DATA_ARCH_PHRASES, DATA_ARCHITECTURE,
                                                  OTHER_SENSES, PROGRAMMING, PROGRAMMING_PHRASES_WIDE, REQUIREMENTS_PHRASES)
from careerpath.extract.skills import ExtractConfig, SkillExtractor
from careerpath.extract.taxonomy import build_taxonomy, load_overrides

from .skills_fixtures import FixedEmbedder, esco_names, hand_extractor, unit

ARCH = next(row for row in OTHER_SENSES if "architect" in row[1].pattern)  # the row, wherever later rows put it
ETL_LABEL = "data extraction, transformation and loading tools Sagent"


@pytest.mark.parametrize("label, building", [
    ("architectural design", True), ("advise architects", True), ("landscape architecture", True), ("design buildings", True),
    ("define software architecture", False), ("design cloud architecture", False), ("manage ICT data architecture", False),
    ("hardware architectures", False), ("design enterprise architecture", False), ("team building", False),
])
def test_the_architecture_row_holds_the_building_concepts_only(label: str, building: bool) -> None:
    assert bool(ARCH[0].search(label)) == building


@pytest.mark.parametrize("text, other_sense", [
    ("You will be part of the design, coding, and reviews for both lower level and architectural level.", True),
    ("Collaborate with a team to architect a data infrastructure that is stable and scalable.", True),
    ("Experience creating system architecture for microservices.", True),
    ("Professional architectural or landscape architectural experience.", False),  # no cue of the software sense
    ("Architectural design of buildings and their technical systems.", False),  # the building sense's own cue
    ("Work with the architect on the construction drawings and the data sheets.", False),
])
def test_an_architecture_among_code_and_systems_is_softwares(text: str, other_sense: bool) -> None:
    _, word, own, other = ARCH
    assert (bool(word.search(text)) and not own.search(text) and bool(other.search(text))) == other_sense


SENSE_SKILLS = [{"skill_id": "arch", "name": "architectural design", "type": "knowledge", "esco_uri": "u:a"},
                {"skill_id": "sd", "name": "create software design", "type": "skill", "esco_uri": "u:sd"}]


def _sense_extractor(emb, **cfg) -> SkillExtractor:
    base = ExtractConfig(sem_length_penalty=0.0, sem_general_weight=0.0, sem_cover_bonus=0.0, sem_popularity_weight=0.0,
                         sem_support_bonus=0.0, alt_lexical_bonus=None, sem_context_weight=0.0, sem_plain_general_weight=0.0,
                         sem_vocab_weight=0.0, sem_vocab_plain_only=False, sem_windows=False)
    return SkillExtractor(SENSE_SKILLS, [], embedder=emb, vectors=np.stack([unit(k) for k in range(2)]),
                          vector_ids=[s["skill_id"] for s in SENSE_SKILLS], config=dataclasses.replace(base, **cfg))


@pytest.mark.parametrize("text, demoted", [
    ("Part of the design, coding and reviews at the architectural level.", True),
    ("Architectural design of new buildings for our clients.", False),
])
def test_a_building_concept_loses_its_place_to_software_in_code(text: str, demoted: bool) -> None:
    emb = FixedEmbedder({"rchitectural": 0.62 * unit(0) + 0.58 * unit(1)})
    on = [h.id for h in _sense_extractor(emb).extract(text)]
    off = [h.id for h in _sense_extractor(emb, sense_penalty=0.0).extract(text)]
    assert off[:2] == ["arch", "sd"]
    assert on[:2] == (["sd", "arch"] if demoted else ["arch", "sd"])


ANALYTICS = ANALYTICS_PHRASES[0][0]


@pytest.mark.parametrize("text, found", [
    ("together with more senior analytics staff, communicate those findings", False),
    ("a global team of analytics professionals who support the business", False),
    ("Work with research and analytics personnel to gather requirements", False),
    ("broad experience in data science and analytics", True),
    ("Uses analytics and metrics to guide the team", True),
])
def test_the_analytics_staff_one_works_with_are_no_skill(text: str, found: bool) -> None:
    assert bool(ANALYTICS.search(text)) == found


def _programming(text: str) -> bool:
    low = text.lower()
    return any(rx.search(text) for rx, comp, keys, _ in PROGRAMMING_PHRASES_WIDE
               if comp == PROGRAMMING and any(k in low for k in keys))


@pytest.mark.parametrize("text, found", [
    ("- Build workflows covering source code development through go-live", True),
    ("Work with a team of developers/DBAs/others to develop enterprise application", True),
    ("Experience building a mobile application for Android", True),
    ("Android application development experience", True),  # the twenty-second pass's own form
    ("Areas within the zip code development zone", False),
    ("Help candidates develop a job application", False),
    ("We develop people through a structured application process", False),
])
def test_code_development_and_an_application_built(text: str, found: bool) -> None:
    assert _programming(text) == found


def test_the_programming_forms_rank_as_a_phrase_competence() -> None:
    skills = [{"skill_id": "cp", "name": PROGRAMMING, "type": "skill", "esco_uri": "u:cp"}]
    text = "Work with a team of developers to develop enterprise application"
    assert esco_names(hand_extractor(skills, [], semantic=False).extract(text)) == [PROGRAMMING]
    assert esco_names(hand_extractor(skills, [], semantic=False, programming_competence=True).extract(text)) == []


def test_the_etl_row_names_the_run_on_label() -> None:
    rows = [r for r in load_overrides() if r["kind"] == "alias" and r["name"] == ETL_LABEL]
    assert len(rows) == 1 and "ETL" in rows[0]["value"].split("|")


def test_a_built_taxonomy_gives_the_etl_concept_its_acronym(tmp_path) -> None:
    with store.building(tmp_path / "etl.duckdb") as con:
        store.write_table(con, "esco_skills", pd.DataFrame({
            "uri": ["u:etl", "u:md"], "preferred_label": [ETL_LABEL, "manage data"], "alt_labels": [[], []],
            "definition": ["Data Flow Relational Junction ETL Manager The tools for integration.", "Manage data."]}))
        build_taxonomy(con)
        rows = dict(con.execute("SELECT a.alias, a.rule FROM skill_aliases a JOIN skills s USING (skill_id) "
                                "WHERE s.esco_uri = 'u:etl'").fetchall())
    assert rows["ETL"] == "case"  # an acronym: matched as written, not "etl" in lower case
    assert "extract, transform and load" in rows
    skills = [{"skill_id": "etl", "name": ETL_LABEL, "type": "skill", "esco_uri": "u:etl"}]
    aliases = [{"skill_id": "etl", "norm": "etl", "kind": "override", "rule": "case", "veto": None}]
    ex = hand_extractor(skills, aliases, semantic=False)
    assert esco_names(ex.extract("Experience in Advance SQL, Python, ETL, Data Modelling")) == [ETL_LABEL]


@pytest.mark.slow
def test_real_store_names_the_etl_concept(full_con) -> None:
    """On a store built with this row, "ETL" is a lexical hit of ESCO's ETL concept."""
    ex = SkillExtractor.from_store(full_con, config=ExtractConfig(semantic=False))
    uris = {h.esco_uri for h in ex.extract("Working knowledge of ETL tools such as SQL, VBA, and Alteryx.")}
    assert "http://data.europa.eu/esco/skill/9d0d89be-bffa-4393-b6f6-8d05bea49051" in uris


def _family(rows, text: str) -> bool:
    low = text.lower()
    return any(rx.search(text) for rx, _, keys, need in rows if any(k in low for k in keys) and (need is None or need in low))


@pytest.mark.parametrize("text, found", [
    ("You will assist with requirement gathering and software design", True),
    ("The data engineer is responsible for gathering requirements, design, creation and support", True),
    ("Ensure systems meet business requirements and industry practices.", True),
    ("have to understands business needs when it comes to implementing new solutions", True),
    ("Translate business requirements into specifications for the reports", True),
    ("Hours may vary as business requirements dictate.", False),
    ("Flexible working as business needs require.", False),
    ("Define data requirements and gather and validate information", False),
])
def test_requirements_gathered_or_understood(text: str, found: bool) -> None:
    assert _family(REQUIREMENTS_PHRASES, text) == found


@pytest.mark.parametrize("text, found", [
    ("5+ years working in data warehousing, data architecture and/or data engineering", True),
    ("Principles and patterns of data processing architectures (batch, streaming)", True),
    ("you will collaborate with a team to architect a data infrastructure", True),
    ("take a lead position as the research data architect for the IT infrastructure", True),
    ("Work closely with data architects and engineers", False),  # the colleagues
    ("Good understanding of Mobile and Wireless Data Network architecture", False),
])
def test_a_data_architecture(text: str, found: bool) -> None:
    assert _family(DATA_ARCH_PHRASES, text) == found


def test_the_two_families_have_their_switches() -> None:
    skills = [{"skill_id": "br", "name": BUSINESS_REQUIREMENTS, "type": "skill", "esco_uri": "u:br"},
              {"skill_id": "da", "name": DATA_ARCHITECTURE, "type": "skill", "esco_uri": "u:da"}]
    text = "Requirements gathering for our data architecture."
    assert set(esco_names(hand_extractor(skills, [], semantic=False).extract(text))) == {BUSINESS_REQUIREMENTS, DATA_ARCHITECTURE}
    hits = hand_extractor(skills, [], semantic=False).extract(text)
    assert {h.score for h in hits} == {0.745}
    off = ExtractConfig().pass24_phrases
    assert "requirements" in off and "data_arch" in off
    rest = tuple(f for f in off if f not in ("requirements", "data_arch"))
    assert esco_names(hand_extractor(skills, [], semantic=False, pass24_phrases=rest).extract(text)) == []
