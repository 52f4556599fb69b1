"""Twentieth pass of issue 4 (bench/README, branch s21): an ESCO alternative label that repeats the preferred label without
its first word ("contaminated materials" of *remove contaminated materials*) names the object, not the skill: it counts only
when its sentence also has the label's first word (`ExtractConfig.alt_object_only`)."""

from __future__ import annotations

import pytest

from careerpath.extract.skills import ExtractConfig, SkillExtractor, _head_near, _object_only_head

NAMES = ("remove contaminated materials", "recruit personnel", "ICT system integration", "insurance law", "data ethics")
SKILLS = [{"skill_id": f"c{k}", "name": n, "type": "skill", "esco_uri": f"u:{k}"} for k, n in enumerate(NAMES)]
ALIASES = [{"skill_id": s["skill_id"], "norm": s["name"].lower(), "kind": "preferred", "rule": None, "veto": None} for s in SKILLS]
ALIASES += [{"skill_id": sid, "norm": norm, "kind": "alt", "rule": None, "veto": None} for sid, norm in
            (("c0", "contaminated materials"), ("c1", "personnel"), ("c2", "system integration"), ("c3", "law"),
             ("c4", "ethics of data"))]


def names(ex: SkillExtractor, text: str) -> list[str]:
    return [h.name for h in ex.extract(text, semantic=False)]


def test_the_head_of_an_object_only_alternate() -> None:
    by = {s["skill_id"]: s for s in SKILLS}
    heads = {a["norm"]: _object_only_head(a, by[a["skill_id"]]) for a in ALIASES}
    assert heads["contaminated materials"] == "remov" and heads["personnel"] == "recru" and heads["law"] == "insur"
    assert heads["system integration"] is None  # a capitalised first word names the thing itself
    assert heads["ethics of data"] is None  # not the label without its first word
    assert heads["remove contaminated materials"] is None  # preferred labels are never affected


@pytest.mark.parametrize("text, expected", [
    ("Handle and store contaminated materials safely.", []),
    ("Removal of contaminated materials from the site.", ["remove contaminated materials"]),
    ("Supervise personnel in the warehouse.", []),
    ("You will help recruit and onboard new personnel.", ["recruit personnel"]),
    ("Experience with system integration projects.", ["ICT system integration"]),
    ("A degree in law.", []),
])
def test_an_object_only_alternate_needs_its_head_in_the_sentence(text: str, expected: list[str]) -> None:
    ex = SkillExtractor(SKILLS, ALIASES, config=ExtractConfig(semantic=False))
    assert names(ex, text) == expected


def test_the_head_must_be_in_the_same_sentence_and_outside_the_match() -> None:
    text = "We remove waste. Store contaminated materials."
    s = text.index("contaminated")
    assert not _head_near(text, s, s + len("contaminated materials"), "remov")
    assert _head_near("Removing contaminated materials.", 9, 31, "remov")


def test_switches() -> None:
    text = "Handle and store contaminated materials safely. Supervise personnel."
    keep = SkillExtractor(SKILLS, ALIASES, config=ExtractConfig(semantic=False, alt_object_only=None))
    drop = SkillExtractor(SKILLS, ALIASES, config=ExtractConfig(semantic=False, alt_object_only="drop"))
    assert set(names(keep, text)) == {"remove contaminated materials", "recruit personnel"}  # before: any mention
    assert names(drop, "Removal of contaminated materials.") == []
    assert names(drop, "Experience with system integration.") == ["ICT system integration"]
