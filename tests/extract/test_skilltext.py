"""The skill text normaliser and the lexical matcher's two paths, each against the rules stated plainly."""

from __future__ import annotations

import duckdb
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerpath.extract.skills import ExtractConfig, SkillExtractor
from careerpath.extract.skilltext import _normalise_array, _normalise_reference, normalise

from .skills_fixtures import make_store

# characters whose handling differs: dashes, quotes, spaces of every kind, accents, a lower case of two
# characters (U+0130), the final-sigma rule (U+03A3), full-width forms, astral letters and emoji, surrogates
TRICKY = ("aZ09 -.+#,_/\n\t\u00a0\u2013\u2014\u2019\u201c\u00e9\u00c9\u00df\u1e9e\u0130\u03a3\u03c3\u2122\u00ae"
          "\uff30\uff59\uff0c\u3000\u2126\u212a\ufb01\U0001d400\U0001f600\ud800")


def _positions(result: tuple[str, np.ndarray | None]) -> tuple[str, list[int]]:
    text, index = result
    return text, list(range(len(text))) if index is None else index.tolist()


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(alphabet=TRICKY, max_size=40), st.text(max_size=40)))
def test_normaliser_equals_the_reference(text: str) -> None:
    assert _positions(normalise(text)) == _positions(_normalise_reference(text))


def test_array_path_taken_except_for_a_capital_sigma() -> None:
    text = "Café  C++ \u0130stanbul"
    assert _positions(_normalise_array(text)) == _positions(_normalise_reference(text))
    assert _normalise_array("ΟΔΟΣ")[0] != _normalise_reference("ΟΔΟΣ")[0]  # why `normalise` routes it


def test_normalise_rules() -> None:
    low, index = normalise("Front-end  DEVELOPER")
    assert low == "front end developer" and index.tolist() == list(range(10)) + list(range(11, 20))
    assert normalise("Front-end developer") == ("front end developer", None)
    assert normalise("Pythön, SQL")[0] == "python sql"
    assert normalise("ＰＹＴＨＯＮ，ＳＱＬ\u3000Server")[0] == "python sql server"
    assert normalise("-x- a--b")[0] == "-x- a--b"  # a hyphen only between word characters
    assert normalise("ΟΔΟΣ Σ")[0] == "οδος σ"  # final sigma where it ends a word, as str.lower() has it
    assert normalise("") == ("", None)


@pytest.fixture(scope="module")
def lex(tmp_path_factory):
    db = make_store(tmp_path_factory.mktemp("st") / "s.duckdb")
    with duckdb.connect(str(db), read_only=True) as con:
        return SkillExtractor.from_store(con, config=ExtractConfig(semantic=False))


def _naive_candidates(ex: SkillExtractor, norm: str) -> list[tuple]:
    """Every alias found by `str.find` after a space (or at the start), kept when the next character ends the
    word: the rule that the automaton and the one-letter regex implement between them."""
    n, padded, out = len(norm), " " + norm, []
    keys = [(" " + letter, (1, ks)) for letter, ks in ex._letters.items()]
    keys += list(zip(ex._automaton_keys, ex._key_aliases))
    for key, (length, ks) in keys:
        at = padded.find(key)
        while at != -1:
            end = at + len(key) - 1  # exclusive end in `norm`
            nxt = norm[end] if end < n else ""
            cut = nxt.isalnum() or (nxt in ("+", "#") and norm[end - 1] not in "+#") or (
                nxt == "." and end + 1 < n and norm[end + 1].isalnum())
            if not cut:
                out.append((length, end - length, end, ks))
            at = padded.find(key, at + 1)
    return sorted(out)


WORDS = ["C", "c", "R", "r", "C++", "C#", "c++", "R.", "R.js", "R&D", "Go", "go", "Python", "SQL", "Server",
         "programming", "statistics", "x", "c-suite", "(R)", "é", "Σ", "  ", ".", ",", "+", "#", "-", "\n", "3"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=14), st.sampled_from(["", " "]))
def test_candidates_are_every_whole_word_alias(lex, words: list[str], sep: str) -> None:
    text = (sep or " ").join(words) if sep else "".join(words)
    assert lex._letters, "the fixture taxonomy has one-letter aliases (C, R)"
    norm = normalise(text)[0]
    assert sorted(lex._candidates(norm)) == _naive_candidates(lex, norm)


def test_one_letter_aliases_whole_words_only(lex) -> None:
    found = lex.lexical("Statistics in R, C and C++; R&D, Rust, c-level, R.js")
    letters = {lex._ids[i] for i in found}
    names = {lex.skills[s]["name"] for s in letters}
    assert {"R", "C", "C++"} <= names
    spans = sorted(sp for rec in found.values() for sp in rec[2])
    assert [14, 15] in spans and [17, 18] in spans  # "R" and "C" themselves, not the R of "R&D" or "Rust"
