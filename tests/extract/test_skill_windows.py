"""Seventeenth pass of issue 4 (bench/README, branch s18): a product ESCO lacks states the ESCO concept of its O*NET
commodity category (Git -> tools for software configuration management), and a general competence stated in a few words
inside a longer sentence ("through mentorship of junior staff") is linked from a short window around its cue word."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from careerpath.extract.skill_competences import category_competences
from careerpath.extract.skills import COMPETENCE_CUES, CUE_FAMILIES, ExtractConfig, SkillExtractor, cue_family
from careerpath.extract.taxonomy import load_overrides

from .skills_fixtures import FixedEmbedder, unit

SCM = "tools for software configuration management"
SKILLS = [
    {"skill_id": "scm", "name": SCM, "type": "knowledge", "esco_uri": "u:scm"},
    {"skill_id": "integ", "name": "ICT system integration", "type": "knowledge", "esco_uri": "u:integ"},
    {"skill_id": "cloud", "name": "cloud technologies", "type": "knowledge", "esco_uri": "u:cloud"},
    {"skill_id": "git", "name": "Git", "type": "software", "esco_uri": None, "category": "File versioning software"},
    {"skill_id": "mule", "name": "MuleSoft software", "type": "software", "esco_uri": None,
     "category": "Enterprise application integration software"},
    {"skill_id": "docker", "name": "Docker", "type": "software", "esco_uri": None, "category": "Application server software"},
    {"skill_id": "tomcat", "name": "Tomcat", "type": "software", "esco_uri": None, "category": "Application server software"},
    {"skill_id": "sql", "name": "SQL", "type": "software", "esco_uri": "u:sql", "category": "Data base user interface and query software"},
    # the semantic stage's labels: a general one (other labels specialise it), a named one of the "mentor" family, and a
    # narrow one of that family that no document names
    {"skill_id": "staff", "name": "supervise staff", "type": "skill", "esco_uri": "u:staff"},
    {"skill_id": "staff2", "name": "supervise staff in a warehouse", "type": "skill", "esco_uri": "u:staff2"},
    {"skill_id": "mentor", "name": "mentor individuals", "type": "skill", "esco_uri": "u:mentor"},
    {"skill_id": "narrow", "name": "mentor police cadets", "type": "skill", "esco_uri": "u:narrow"},
    {"skill_id": "ops", "name": "coordinate operational activities", "type": "skill", "esco_uri": "u:ops"},
]
ALIASES = [{"skill_id": s["skill_id"], "norm": s["name"].lower(), "kind": "preferred", "rule": None, "veto": None} for s in SKILLS]
SEM = ["staff", "staff2", "mentor", "narrow", "ops"]  # the skills with vectors
SENTENCE = "Contributes to the local organization through mentorship of junior staff and taking on operational assignments."


def _extractor(table: dict[str, np.ndarray] | None = None, popularity: dict[str, int] | None = None, **cfg) -> SkillExtractor:
    cfg = {"sem_context_weight": 0.0, **cfg}  # each segment's own cosine: the test places the window's vector
    vecs = np.stack([unit(k) for k in range(len(SEM))])
    return SkillExtractor(SKILLS, ALIASES, embedder=FixedEmbedder(table or {}), vectors=vecs, vector_ids=SEM,
                          popularity=popularity, config=dataclasses.replace(ExtractConfig(), **cfg))


def _esco(hits) -> list[str]:
    return [h.name for h in hits if h.esco_uri]


def test_the_curated_categories_name_real_rows():
    rows = [r for r in load_overrides() if r["kind"] == "category"]
    assert {r["name"] for r in rows} >= {"File versioning software", "Enterprise application integration software"}
    assert all(r["value"] for r in rows)


def test_a_product_esco_lacks_states_the_concept_of_its_category():
    names = {i: s["name"] for i, s in enumerate(SKILLS) if s["esco_uri"]}
    idx = {s["name"]: i for i, s in enumerate(SKILLS)}
    products = {i: s.get("category") for i, s in enumerate(SKILLS) if not s["esco_uri"]}
    links = category_competences(products, names)
    assert links == {idx["Git"]: idx[SCM], idx["MuleSoft software"]: idx["ICT system integration"]}  # not Tomcat's category

    text = "Experience with Git and SQL."
    assert _esco(_extractor(semantic=False, category_competence=False).extract(text)) == ["SQL"]
    hits = _extractor(semantic=False).extract(text)  # on by default
    assert sorted(_esco(hits)) == ["SQL", SCM]
    by = {h.name: h for h in hits}
    assert by[SCM].score == by["Git"].score and by[SCM].spans == by["Git"].spans
    # a product's own `states` row comes first: Docker states cloud technologies (the curated row), not its category's concept
    assert _esco(_extractor(semantic=False).extract("We deploy with Docker.")) == ["cloud technologies"]
    assert _esco(_extractor(semantic=False).extract("We deploy on Tomcat.")) == []


def test_competence_windows_are_short_spans_around_cue_words():
    ex = _extractor()
    wins = ex.windows(SENTENCE)
    assert [w[0] for w in wins] == ["organization through mentorship of junior staff"]
    assert all(SENTENCE[a:b] == t for t, a, b in wins)
    assert ex.windows("Mentorship of staff.") == []  # the window would be the whole segment, which is embedded already
    assert ex.windows("Experience with SQL and Python.") == []
    assert CUE_FAMILIES[cue_family("Mentorship")][0] == "mentor" and CUE_FAMILIES[cue_family("analyzing")][0] == "analy"
    assert COMPETENCE_CUES.fullmatch("leading") and COMPETENCE_CUES.fullmatch("dashboards") and not COMPETENCE_CUES.fullmatch("leader's")
    segs = ex.segments(SENTENCE)
    assert segs[-1][0] == wins[0][0] and len(segs) == len(_extractor(sem_windows=False).segments(SENTENCE)) + 1
    assert ex._window_rows(SENTENCE, segs) == [(len(segs) - 1, cue_family("mentorship"))]


def test_a_window_links_only_to_general_or_named_skills_of_its_family():
    # the window's vector lies on the narrow label; the sentence's and the clauses' on "coordinate operational activities"
    table = {"Contributes": unit(4), "operational": unit(4), "through mentorship": unit(3) + 0.9 * unit(2) + 0.8 * unit(0)}
    table = {k: v / np.linalg.norm(v) for k, v in table.items()}
    pop = {"mentor": 40}
    # the semantic windows alone: s32's phrase family "mentor" finds *mentor individuals* lexically ("mentorship of junior staff")
    rows = tuple(f for f in ExtractConfig().pass24_phrases if f != "mentor")
    off = _esco(_extractor(table, pop, sem_windows=False, pass24_phrases=rows).extract(SENTENCE))
    assert "mentor individuals" not in off and "mentor police cadets" not in off
    on = _esco(_extractor(table, pop, pass24_phrases=rows).extract(SENTENCE))
    assert "mentor individuals" in on and "supervise staff" in on  # a named skill of the family, a general skill
    assert "mentor police cadets" not in on  # no document names it: a window's few words do not reach it
    assert "mentor police cadets" in _esco(_extractor(table, pop, sem_window_named_only=False).extract(SENTENCE))
    anything = _esco(_extractor(table, pop, sem_window_general_only=False).extract(SENTENCE))
    assert "mentor police cadets" in anything
    # without popularity the family's skill is not named anywhere either
    assert "mentor individuals" not in _esco(_extractor(table, {}, pass24_phrases=rows).extract(SENTENCE))


def test_the_defaults():
    cfg = ExtractConfig()
    assert cfg.category_competence and cfg.sem_windows and cfg.sem_window_general_only and cfg.sem_window_named_only
    assert cfg.sem_window_words == (2, 3)


def test_real_taxonomy_dashboards_are_a_variant_of_visual_presentation(real_taxonomy):
    import duckdb

    con = duckdb.connect(str(real_taxonomy), read_only=True)
    rows = con.execute("SELECT a.norm, a.rule FROM skill_aliases a JOIN skills s USING (skill_id) "
                       "WHERE s.name = 'deliver visual presentation of data' AND a.kind = 'override'").fetchall()
    con.close()
    assert {"dashboards", "dashboard"} <= {n for n, _ in rows} and all(r in (None, "none") for _, r in rows)


@pytest.mark.slow
def test_real_store_tools_esco_lacks_and_windows(full_con):
    """On the real taxonomy: Git states the software configuration tools, and the category rows resolve."""
    ex = SkillExtractor.from_store(full_con, config=ExtractConfig(semantic=False))
    scm = [i for i, sid in enumerate(ex._ids) if ex.skills[sid]["name"] == SCM]
    assert scm and any(c == scm[0] for c in ex._licensed.values())
    esco = [h.name for h in ex.extract("Ability to work with the Git version control system.") if h.esco_uri]
    assert esco[:1] == [SCM]
