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
