"""Ranking rules of the semantic stage: requirement frames stripped before embedding, the
specificity prior, one-word lexical hits the text's meaning does not confirm, and the override
table's everyday competence names ("team player" -> work in teams) on the real ESCO labels."""

from __future__ import annotations

import dataclasses

import duckdb
import numpy as np
import pandas as pd
import pytest

from careerpath import store
from careerpath.extract.skills import ExtractConfig, SkillExtractor
from careerpath.extract.skilltext import strip_frame
from careerpath.extract.taxonomy import build_taxonomy

from .skills_fixtures import FixedEmbedder, unit



@pytest.mark.parametrize("segment, rest", [
    ("Strong experience with SQL and Python", "SQL and Python"),
    ("Ability to work in teams", "work in teams"),
    ("5+ years of experience in data analytics", "data analytics"),
    ("You will have excellent organisational skills", "excellent organisational skills"),
    ("Proficient in Excel", "Excel"),
    ("  Must have a working knowledge of GMP", "GMP"),
    ("Python and SQL", "Python and SQL"),  # no frame: unchanged
    ("", ""),
])
def test_strip_frame(segment, rest):
    assert segment[strip_frame(segment):] == rest


def test_strip_frame_never_empties_a_segment():
    for seg in ("Experience with", "Ability to be", "must have"):
        assert len(seg[strip_frame(seg):]) >= 2


SKILLS = [
    {"skill_id": "lead-a-team", "name": "lead a team", "type": "skill", "esco_uri": "u:lead"},
    {"skill_id": "a-long", "name": "provide leadership to clinical teams in specialised hospital wards", "type": "skill", "esco_uri": "u:long"},
    {"skill_id": "management", "name": "management", "type": "knowledge", "esco_uri": "u:mgmt"},
    {"skill_id": "sql", "name": "SQL", "type": "software", "esco_uri": "u:sql"},
]
ALIASES = [{"skill_id": "management", "norm": "management", "kind": "preferred", "rule": "none", "veto": None},
           {"skill_id": "sql", "norm": "sql", "kind": "preferred", "rule": "none", "veto": None}]


def _extractor(embedder, **cfg) -> SkillExtractor:
    vecs = np.stack([unit(0), unit(0), unit(1), unit(2)])  # both leadership skills on the same axis
    return SkillExtractor(SKILLS, ALIASES, embedder=embedder, vectors=vecs, vector_ids=[s["skill_id"] for s in SKILLS],
                          config=dataclasses.replace(ExtractConfig(), **cfg))


def test_specificity_prior_ranks_the_short_label_first_on_a_tie():
    emb = FixedEmbedder({"lead": unit(0, 3, 4)})  # cosine 0.58: below the cap on semantic scores
    text = "You will lead the ward's clinical staff every day."
    on = [h.id for h in _extractor(emb, sem_length_penalty=0.01).extract(text)]
    assert on[:2] == ["lead-a-team", "a-long"]
    off = _extractor(emb, sem_length_penalty=0.0).extract(text)
    assert off[0].score == off[1].score  # a tie without the prior: the prior decides, not the ids


def test_a_named_skill_ranks_before_semantic_links():
    """A skill named outright comes first, whatever the sentence's nearest labels; software too."""
    emb = FixedEmbedder({"lead": unit(0, 3, 4), "SQL": unit(2)})
    hits = _extractor(emb).extract("Strong leadership and management skills to lead the team.")
    assert hits[0].id == "management" and hits[0].score >= 0.75
    assert {"lead-a-team", "a-long"} <= {h.id for h in hits[1:]}
    hits = _extractor(FixedEmbedder({})).extract("Reports written in SQL for the clinical leads.")
    assert hits[0].id == "sql" and hits[0].score >= 0.75


def test_segments_spans_point_at_the_stripped_text():
    ex = _extractor(FixedEmbedder({}))
    text = "Strong experience with relational databases and reporting; ability to work under pressure."
    segs = ex.segments(text)
    assert segs and all(text[a:b] == t for t, a, b in segs)
    assert "relational databases and reporting" in [t for t, _, _ in segs]
    assert "work under pressure" in [t for t, _, _ in segs]
    raw = dataclasses.replace(ex.config, strip_frames=False)
    ex.config = raw
    assert "Strong experience with relational databases and reporting" in [t for t, _, _ in ex.segments(text)]


def test_everyday_competence_names_map_to_esco_skills(real_taxonomy):
    """The override table names the ESCO skills behind the phrases postings use most."""
    with duckdb.connect(str(real_taxonomy), read_only=True) as con:
        missing = store.get_meta(con, "taxonomy")["missing_override_targets"]
        skills = con.execute("SELECT skill_id, name, type, esco_uri FROM skills").df().to_dict("records")
        aliases = con.execute("SELECT skill_id, norm, kind, rule, veto FROM skill_aliases").df().to_dict("records")
    assert not {"work in teams", "manage staff", "computer programming"} & set(missing)
    for a in aliases:
        a["veto"] = a["veto"] if isinstance(a["veto"], str) else None
    ex = SkillExtractor(skills, aliases, config=ExtractConfig(semantic=False))
    text = ("A team player with excellent organisational skills, attention to detail and the ability to work under "
            "pressure; experience of line management; scripting languages and the SDLC.")
    found = {h.name for h in ex.extract(text)}
    assert {"work in teams", "apply organisational techniques", "attend to detail", "cope with stress", "manage staff",
            "use scripting programming", "systems development life-cycle"} <= found
    assert "work in teams" not in {h.name for h in ex.extract("Our team played well.")}


def test_override_alias_takes_a_name_from_an_esco_label(tmp_path):
    """ESCO's 'SPARK' (a Java web framework) must not take 'Spark': the override table gives it to
    Apache Spark, even though O*NET already listed 'Spark' as an Apache Spark name."""
    from .skills_fixtures import source_tables

    tables = source_tables()
    spark = {"uri": "http://data.europa.eu/esco/skill/test-spark-java", "preferred_label": "SPARK", "alt_labels": [],
             "definition": "The Java micro framework software development environment.", "text": "SPARK"}
    tables["esco_skills"] = pd.concat([tables["esco_skills"], pd.DataFrame([spark])], ignore_index=True)
    with store.building(tmp_path / "sp.duckdb") as con:
        for name, df in tables.items():
            store.write_table(con, name, df)
        build_taxonomy(con)
        owners = dict(con.execute("SELECT alias, skill_id FROM skill_aliases WHERE norm = 'spark'").fetchall())
    assert owners == {"Spark": "apache-spark"}


def test_popularity_prior_breaks_ties_towards_skills_documents_name():
    emb = FixedEmbedder({"lead": unit(0, 3, 4)})
    text = "You will lead the ward's clinical staff every day."
    ex = _extractor(emb, sem_length_penalty=0.0)
    assert ex.extract(text)[0].score == ex.extract(text)[1].score  # a tie
    ex.set_popularity({"a-long": 40, "lead-a-team": 0, "sql": 900})
    assert [h.id for h in ex.extract(text)][:2] == ["a-long", "lead-a-team"]
    # a small weight: it only decides near-ties, never outranks a clearly closer skill
    ex = _extractor(FixedEmbedder({"lead": unit(0, 3), "staff": unit(1, 3)}), sem_length_penalty=0.0)
    ex.set_popularity({"management": 10_000, "a-long": 1})
    assert ex._prior is not None and float(-ex._prior.min()) <= ex.config.sem_popularity_weight + 1e-6
    off = _extractor(emb, sem_length_penalty=0.0, sem_popularity_weight=0.0)
    off.set_popularity({"a-long": 40})
    assert off._prior is None or not off._prior.any()
