"""Ambiguous technology names ("Chef", "Scratch", "R") need a named technology or a programming word nearby.

Real postings showed what vouched for them before: a cook's "stove" (an O*NET tool) or "work in teams" put
"Chef (tools for software configuration management)" among chefs' top skills, "prepared from scratch" read as the
Scratch language, and O*NET's "Creative Solutions UltraTax CS" turned every "CS" (computer science) into tax software.
"""

from __future__ import annotations

import duckdb
import pytest

from careerpath.extract.skills import ExtractConfig, SkillExtractor
from careerpath.extract.taxonomy import _variants

CHEF = "Chef (tools for software configuration management)"
SCRATCH = "Scratch (computer programming)"


@pytest.fixture(scope="module")
def lex(real_taxonomy):
    with duckdb.connect(str(real_taxonomy), read_only=True) as con:
        return SkillExtractor.from_store(con, config=ExtractConfig(semantic=False))


def names(ex, text):
    return {h.name for h in ex.extract(text, semantic=False)}


@pytest.mark.parametrize("text, name, found", [
    ("Chef de Partie: stock rotation and work in teams in a busy kitchen.", CHEF, False),
    ("Infrastructure as code with Chef, Puppet and Ansible.", CHEF, True),
    ("Configuration management in Chef and Python scripts.", CHEF, True),
    ("All dishes are prepared from scratch using fresh produce.", SCRATCH, False),
    ("Teach children to code in Scratch and Python.", SCRATCH, True),
    ("Statistical analysis in R or Python.", "R", True),
])
def test_ambiguous_names_need_a_technology_nearby(lex, text, name, found):
    assert (name in names(lex, text)) is found


def test_the_neighbour_itself_is_still_found(lex):
    hits = names(lex, "Chef de Partie: stock rotation and work in teams in a busy kitchen.")
    assert "work in teams" in hits  # the neighbour is found; it just says nothing about "Chef"


@pytest.mark.parametrize("name, acronym, kept", [
    ("Structured query language SQL", "SQL", True),
    ("Pure Data PD", "PD", True),  # two letters, the name's initials in full
    ("Creative Solutions UltraTax CS", "CS", False),
    ("Diffraction Limited MaxIm DL", "DL", False),
    ("Exact Software Macola ES", "ES", False),
    ("Advanced business application programming ABAP", "ABAP", True),
])
def test_trailing_acronym_variants(name, acronym, kept):
    assert (acronym in _variants(name)) is kept


@pytest.mark.slow
def test_a_career_ladder_is_no_tool(full_con):
    """O*NET's tool *Ladders* (singular alias "ladder") was restaurant cooks' top skill: "up the career ladder"."""
    ex = SkillExtractor.from_store(full_con, config=ExtractConfig(semantic=False))
    assert "Ladders" not in names(ex, "Work your way up the career ladder from Chef de Partie to Sous Chef.")
    assert "Ladders" not in names(ex, "The first step of the ladder to a senior chef role.")
    assert "Ladders" in names(ex, "Use ladders and scaffolding safely when working at height.")


def test_a_code_of_practice_is_no_programming_cue(lex):
    """NHS imaging adverts cite "IR(ME)R 2017, Code of Clinical Practice": the last R had read as the language."""
    assert "R" not in names(lex, "Follow IR(ME)R 2017 and the Code of Clinical Practice.")
    assert "R" in names(lex, "Write clean code in R and Python.")
