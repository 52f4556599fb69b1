"""A title that names the role's subject (`titles.order_by_title_words`): among the candidates that pass every check, a
course whose title's words are words of the role's title or of its heaviest skills orders first."""

from __future__ import annotations

import pandas as pd
import pytest

from careerpath.recommend import titles
from careerpath.recommend.titles import order_by_title_words, role_subject_words, title_word_share

PURCHASING = "Purchasing Agents, Except Wholesale, Retail, and Farm Products"


def _rs() -> pd.DataFrame:
    return pd.DataFrame({"skill_id": ["procure", "negotiate", "suppliers", "excel"],
                         "name": ["procure goods and services", "negotiate sales contracts", "evaluate suppliers",
                                  "Microsoft Excel"],
                         "weight": [0.9, 0.8, 0.7, 0.2]})


def _rel() -> pd.DataFrame:
    return pd.DataFrame({"course_id": ["buyer", "procurement", "sales", "intro"],
                         "title": ["Buyer Behaviour and Analysis", "Global Procurement and Sourcing",
                                   "Make the Sale: Build, Launch, and Manage E-commerce Stores",
                                   "Introduction to Supplier Negotiation"],
                         "relevance": [0.58, 0.56, 0.52, 0.30]})


def test_subject_words_are_the_title_and_the_heaviest_skills():
    words = role_subject_words(PURCHASING, _rs(), top=3)
    assert {"purch", "procu", "negot", "suppl"} <= words
    assert "excel" not in words  # the 4th skill: past TITLE_WORDS_TOP
    # what the role is not ("Except Wholesale, Retail, and Farm Products") is not its subject
    assert not {"whole", "retai", "farm", "produ"} & words


def test_share_counts_the_subject_words_of_a_title():
    words = role_subject_words(PURCHASING, _rs(), top=3)
    assert title_word_share("Global Procurement and Sourcing", words) == pytest.approx(1 / 3)
    assert title_word_share("Buyer Behaviour and Analysis", words) == 0.0
    # words that say what kind of course it is count neither way: "Introduction" is not a subject
    assert title_word_share("Introduction to Supplier Negotiation", words) == 1.0
    assert title_word_share(None, words) == 0.0
    assert title_word_share("Procurement", set()) == 0.0


def test_a_course_whose_title_names_the_role_orders_first(monkeypatch):
    """Purchasing agents: "Buyer Behaviour and Analysis" (consumer buyers, graded 0) came before "Global Procurement
    and Sourcing" (graded 3) on a text as close to the role."""
    monkeypatch.setattr(titles, "TITLE_WORDS_GAIN", 0.2)
    out = order_by_title_words(_rel(), PURCHASING, _rs())
    assert out["course_id"].tolist()[:2] == ["procurement", "buyer"]
    assert out.set_index("course_id").loc["procurement", "relevance"] == round(0.56 * (1 + 0.2 / 3), 4)
    assert out.set_index("course_id").loc["buyer", "relevance"] == 0.58  # no subject word: unchanged


def test_the_set_of_courses_does_not_change_and_a_course_far_ahead_stays(monkeypatch):
    monkeypatch.setattr(titles, "TITLE_WORDS_GAIN", 0.2)
    rel = _rel()
    out = order_by_title_words(rel, PURCHASING, _rs())
    assert sorted(out["course_id"]) == sorted(rel["course_id"])
    # at most 1 + TITLE_WORDS_GAIN: a title naming the role wholly (0.30 x 1.2) stays behind one at 0.52
    assert out["course_id"].tolist().index("intro") == 3


def test_off_without_titles_and_empty(monkeypatch):
    rel = _rel()
    monkeypatch.setattr(titles, "TITLE_WORDS_GAIN", None)
    assert order_by_title_words(rel, PURCHASING, _rs())["course_id"].tolist() == rel["course_id"].tolist()
    monkeypatch.setattr(titles, "TITLE_WORDS_GAIN", 0.2)
    bare = rel.drop(columns="title")
    assert order_by_title_words(bare, PURCHASING, _rs())["course_id"].tolist() == bare["course_id"].tolist()
    assert order_by_title_words(rel.iloc[0:0], PURCHASING, _rs()).empty
    # no title names the subject: nothing moves
    other = rel.assign(title=["Beethoven's Sonatas", "Piano", "Drawing Cars", "Poetry"])
    assert order_by_title_words(other, PURCHASING, _rs())["relevance"].tolist() == rel["relevance"].tolist()
