"""The role a typed title means (`extract.role_lookup`) on the session store: the same answer as `resolve`."""

from __future__ import annotations

import pytest

from careerpath.extract.normalize import normalize
from careerpath.extract.role_lookup import resolve_role
from careerpath.extract.roles import open_resolver


def test_an_occupations_reported_titles_resolve_as_the_resolver_says(full_con) -> None:
    """O*NET files "Nurse" under Critical Care Nurses and "Site Manager" under wind-energy operations; the lookup
    once took such titles first come, first served and disagreed with `careerpath resolve` on 304 of them."""
    r = open_resolver(full_con, embedder_factory=None)
    titles = {normalize(t).text for (t,) in full_con.execute("SELECT title FROM roles").fetchall()}
    aliases = sorted({a for (al,) in full_con.execute("SELECT aliases FROM roles WHERE kind = 'occupation'").fetchall()
                      for a in (al or []) if normalize(a).text not in titles})
    assert len(aliases) > 4000
    wrong = [(a, resolve_role(full_con, a).slug, x.role_slug) for a, x in zip(aliases, r.resolve_many(aliases))
             if x.role_slug and x.matches and x.matches[0].score >= 0.15 and resolve_role(full_con, a).slug != x.role_slug]
    assert not wrong, wrong[:10]


@pytest.mark.parametrize("typed, slug", [("nurse", "registered-nurses"), ("site manager", "construction-managers")])
def test_bare_words_are_the_common_occupation(full_con, typed, slug) -> None:
    assert resolve_role(full_con, typed).slug == slug


@pytest.mark.parametrize("typed, not_slug", [("analyst", "data-analytics-specialist"), ("engineer", "python-developer"),
                                              ("doctor", "dermatologists"), ("teacher", "adult-basic-education-adult-"
                                               "secondary-education-and-english-as-a-second-language-instructors")])
def test_a_bare_role_word_is_not_a_family_that_once_posted_it(full_con, typed, not_slug) -> None:
    assert resolve_role(full_con, typed).slug != not_slug


def test_confidences_are_on_zero_to_one(full_con) -> None:
    """The resolver's scores carry the posting prior's boost; the catalog and the guides report 0–1."""
    assert full_con.execute("SELECT max(confidence) FROM roles").fetchone()[0] <= 1.0
    assert full_con.execute("SELECT max(score) FROM posting_roles").fetchone()[0] <= 1.0
    for t in ("SDE", "python developer", "Data Analytics Specialist", "ML engineer"):
        assert 0 < resolve_role(full_con, t).confidence <= 1.0


def test_a_vague_title_says_which_role_it_was_read_as_and_what_else(full_con) -> None:
    from careerpath.extract.role_lookup import weak_match_note

    hit = resolve_role(full_con, "teacher")
    note = weak_match_note(full_con, "teacher", hit)
    assert note and hit.title in note and note.count("Teachers") >= 3  # the pick and other kinds of teacher
    assert weak_match_note(full_con, "data scientist", resolve_role(full_con, "data scientist")) is None


def test_a_role_named_exactly_is_no_vague_lookup_however_loosely_it_rests_on_occupations(full_con) -> None:
    """An emerging role's own confidence (its tie to occupations) is not doubt about which role was meant: the
    slug or name of Machine Learning Engineer once printed "it may also mean: Python Developer ..."."""
    from careerpath.extract.role_lookup import weak_match_note

    for text in ("machine-learning-engineer", "Machine Learning Engineer", "ML engineer"):
        hit = resolve_role(full_con, text)
        assert hit.slug == "machine-learning-engineer" and hit.lookup == 1.0
        assert hit.confidence < 0.5  # the role's mixture is loose; the guide still reports that
        assert weak_match_note(full_con, text, hit) is None


def test_the_guide_command_notes_a_vague_title_on_stderr_only(full_store) -> None:
    import json

    from click.testing import CliRunner

    from careerpath.commands.guide import guide_cmd

    res = CliRunner().invoke(guide_cmd, ["teacher", "--db", str(full_store)])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["role"]["slug"] == resolve_role_slug(full_store, "teacher")
    assert "read 'teacher' as" in res.stderr


def resolve_role_slug(db, text: str) -> str:
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        return resolve_role(con, text).slug
