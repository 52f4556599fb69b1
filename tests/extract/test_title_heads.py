"""Head-noun / modifier analysis: a field read as its practitioner, a manager read by whom it manages."""

from __future__ import annotations

import pytest

from careerpath.extract import title_heads as H
from careerpath.extract import titles as T
from careerpath.extract.title_index import TitleIndex

HEADS = {"engineer", "scientist", "analyst", "programmer", "developer", "manager", "specialist", "nurse"}
ALIASES = {"data engineer", "data scientist", "software engineer", "product engineer", "data analyst", "analyst"}


@pytest.mark.parametrize("field, role", [
    ("engineering", "engineer"), ("science", "scientist"), ("analytics", "analyst"), ("development", "developer"),
    ("programming", "programmer"),
    ("programme", None),    # a programme manager runs programmes: the field word must go on past the stem
    ("management", None),   # "manager" is never a practitioner role
    ("data", None), ("nursing", None),   # no stem of five letters
])
def test_role_word_by_shared_stem(field, role) -> None:
    assert H.role_word(field, HEADS) == role


@pytest.mark.parametrize("key, role", [
    ("data engineering specialist", "data engineer"),
    ("data science consultant", "data scientist"),
    ("data engineering expert", "data engineer"),
    ("chemical engineering specialist", None),   # "chemical engineer" is not an alias here
    ("data engineer", None),                     # no generic head: nothing to read
    ("specialist", None),
    ("data engineering associate", "data engineer"),    # LA City's "Civil Engineering Associate" series
    ("engineering associate", None),                     # one field word: too little
    ("data science associate", None),                    # another field's associate is a rank
])
def test_field_role_needs_a_generic_head_and_an_alias(key, role) -> None:
    assert H.field_role(key, HEADS, ALIASES.__contains__) == role


@pytest.mark.parametrize("key, role", [
    ("data engineering manager", "data engineer"),
    ("director of data science", "data scientist"),
    ("head of software engineering", "software engineer"),
    ("project manager", None),
    ("director of operations", None),
    ("data engineering specialist", None),
    ("data science and analytics manager", "data scientist"),   # read part by part
    ("analytics manager", None),                                # a bare "analyst" says too little
])
def test_managed_role(key, role) -> None:
    assert H.managed_role(key, HEADS, ALIASES.__contains__) == role


@pytest.mark.parametrize("key, role", [
    ("manager data engineering", "data engineer"),    # "Sr Mgr-Data Engineering": the rank first, no "of"
    ("director data science", "data scientist"),
    ("director data analyst", None),                  # already a role: a director-level analyst as likely
    ("manager operations", None),                     # no practitioner alias
])
def test_managed_role_with_the_rank_first(key, role, monkeypatch) -> None:
    assert H.managed_role(key, HEADS, ALIASES.__contains__) == role
    monkeypatch.setattr(H, "MANAGER_FIRST", False)
    assert H.managed_role(key, HEADS, ALIASES.__contains__) is None


def _index() -> TitleIndex:
    rows = {  # enough "... engineer" / "... scientist" aliases for both to count as role words
        "data engineer": {"15-1243.00": 1.0}, "software engineer": {"15-1252.00": 1.0},
        "product engineer": {"17-2141.00": 1.0}, "civil engineer": {"17-2051.00": 1.0},
        "mechanical engineer": {"17-2141.00": 1.0}, "data scientist": {"15-2051.00": 1.0},
        "food scientist": {"19-1012.00": 1.0}, "soil scientist": {"19-1013.00": 1.0},
        "research scientist": {"15-1221.00": 1.0}, "medical scientist": {"19-1042.00": 1.0},
        "data engineering manager": {"11-9041.00": 1.0}, "engineering manager": {"11-9041.00": 1.0},
        "information technology manager": {"11-3021.00": 1.0},
    }
    titles = {c: c for socs in rows.values() for c in socs}
    return TitleIndex(list(rows), list(rows.values()), titles)


def _top(r: T.Resolver, key: str) -> str:
    scores, _ = r.resolve_keys([key])[key]
    return max(scores, key=scores.get)


def test_a_manager_of_computer_practitioners_is_an_it_manager() -> None:
    r = T.Resolver(_index())
    assert _top(r, "data engineering manager") == "11-3021.00"    # although the alias says 11-9041
    assert _top(r, "director of data science") == "11-3021.00"
    assert _top(r, "head of software engineering") == "11-3021.00"
    assert _top(r, "engineering manager") == "11-9041.00"         # engineers are not computer practitioners
    assert _top(r, "product engineering manager") != "11-3021.00"
    scores, method = r.resolve_keys(["data engineering manager"])["data engineering manager"]
    assert scores["15-1243.00"] < scores["11-3021.00"] and method == "span"  # the practitioners stay a candidate


def test_a_generic_head_after_a_field_is_the_fields_practitioner() -> None:
    r = T.Resolver(_index())
    assert _top(r, "data engineering specialist") == "15-1243.00"
    assert _top(r, "data science expert") == "15-2051.00"


@pytest.mark.parametrize("key, role", [
    ("data engineer manager", "data engineer"),                 # the field is already a role
    ("data application engineer manager", "data engineer"),     # not an alias whole: first modifier + head
    ("software engineer manager", "software engineer"),
    ("analyst manager", None),                                  # one word says too little
    ("specialist manager", None),                               # a generic head is not a managed role
])
def test_managed_role_when_the_field_is_a_role(key, role) -> None:
    assert H.managed_role(key, HEADS, ALIASES.__contains__) == role


def test_a_manager_of_named_computer_roles_is_an_it_manager() -> None:
    r = T.Resolver(_index())
    assert _top(r, "data application engineer manager") == "11-3021.00"
    assert _top(r, "mechanical engineer manager") != "11-3021.00"


def _compound_index() -> TitleIndex:
    rows = {"data analyst": {"15-2051.00": 1.0}, "forensic analyst": {"19-4092.00": 1.0},
            "forensic science technician": {"19-4092.00": 1.0}, "research scientist": {"15-1221.00": 1.0},
            "data engineer": {"15-1243.00": 1.0}, "infrastructure engineer": {"15-1299.08": 1.0},
            "civil engineer": {"17-2051.00": 1.0}, "registered nurse": {"29-1141.00": 1.0},
            "substance abuse counselor": {"21-1011.00": 1.0}, "nurse practitioner": {"29-1171.00": 1.0},
            # five aliases ending in "nurse" make it a role word (`TitleIndex.head_words`)
            **{f"{w} nurse": {"29-1141.00": 0.9} for w in ("staff", "charge", "school", "ward")}}
    titles = {c: c for socs in rows.values() for c in socs}
    return TitleIndex(list(rows), list(rows.values()), titles)


def test_a_two_word_computer_role_names_the_title() -> None:
    r = T.Resolver(_compound_index())
    scores, method = r.resolve_keys(["oracle data analyst"])["oracle data analyst"]
    assert max(scores, key=scores.get) == "15-2051.00" and method == "span"
    # "forensic analyst" is a role too, but another kind of worker's (forensic science technicians, whose title
    # here, the code itself, never says "analyst"): the title is still a data analyst (other_workers)
    assert max(r._computer_compound("forensic data analyst").items(), key=lambda kv: kv[1])[0] == "15-2051.00"
    r.other_workers = False
    assert r._computer_compound("forensic data analyst") == {}          # the model decides
    r.other_workers = True
    assert r._computer_compound("data infrastructure engineer") == {}   # so is "data engineer"
    assert r._computer_compound("talent assessment research scientist") == {}
    assert r._computer_compound("bridge civil engineer") == {}          # not a computer occupation
    assert r._computer_compound("data analyst") == {}                   # the exact alias does that


def test_a_licensed_head_outranks_codes_without_it() -> None:
    r = T.Resolver(_compound_index())
    out = r._licensed_head({"21-1011.00": 0.5, "29-1141.00": 0.3}, "alcohol liaison nurse")
    assert max(out, key=out.get) == "29-1141.00" and out["29-1141.00"] == 0.3
    loose = {"17-2051.00": 0.5, "15-1243.00": 0.3}   # "engineer" is not a licensed head: unchanged
    assert r._licensed_head(loose, "bridge data engineer") == loose
    none = {"21-1011.00": 0.5}                        # no candidate uses the word: nothing to prefer
    assert r._licensed_head(none, "alcohol liaison nurse") == none


@pytest.mark.parametrize("key, role", [
    ("client data analytics manager", "data analyst"),   # tenth pass: leading modifiers dropped until an alias
    ("director of client data science", "data scientist"),
    ("client analytics manager", None),                  # never down to a bare "analyst"
])
def test_a_managed_field_drops_leading_modifiers(key, role) -> None:
    assert H.managed_role(key, HEADS, ALIASES.__contains__) == role
