"""Equal-opportunity and accessibility boilerplate, and what only some positions require, blanked before skills are
read from a posting.

Employers close postings with the characteristics they may not discriminate on ("without regard to race, color,
religion, sex, pregnancy, …, genetic information") and the adjustments applicants may ask for ("reasonable
adjustments to the application process"). Read as requirements, those sentences gave *pregnancy* to 500 postings,
*genetics*, *childbirth*, *rehabilitation* (the Rehabilitation Act) and *application process* to dozens more, and
so to the profiles of whole roles (a receptionist's guide listed pregnancy among the skills). A civil-service
bulletin covers a whole class of positions and says what only some of them need ("Some positions may require a valid
California driver's license": 316 of Los Angeles's 683 bulletins, which made a driving licence a top-10 skill of
accountants and auditors); the posting says that is no requirement of the job. The sentences are replaced by spaces of
the same length, so every span the extractor reports still points into the original text.
"""

from __future__ import annotations

import re

import ahocorasick_rs

# Phrases that occur only in such statements; each one marks its sentence. A characteristic on its own ("age",
# "disability") is no mark: postings for disability support workers or maternity units name them as the work.
_MARKS = re.compile(
    r"equal (?:employment )?opportunit(?:y|ies)(?: employer|,? affirmative)|"
    r"affirmative[ -]action(?:\s*/\s*equal (?:employment )?opportunity)? employer|affirmative action polic|"
    r"without regards? (?:to|for)|(?:regardless|irrespective) of (?:their |your |an? )?(?:race|age\b|sex|gender|colou?r|"
    r"religio|national|disabilit|ethnic|background|sexual|marital|protected|creed)|"
    r"discriminat\w* (?:against|on the basis|based (?:up)?on)|sexual orientation|national origin|gender reassignment|"
    r"protected (?:veteran|characteristic|status|class)|marriage (?:and|or) civil partnership|pregnancy (?:and|or) maternity|"
    r"reasonable (?:accommodations?|adjustments?)|e-verify|equality act|disability confident|guaranteed interview scheme|"
    r"rehabilitation act|Vietnam Era Veterans|VEVRAA|Section 503|"
    r"(?:some|certain) (?:positions|posts|roles)(?: in this class(?:ification)?)? (?:may (?:also )?)?(?:require|need)\b|"
    r"(?:some|certain) (?:positions|posts|roles) (?:that|which) require|"
    r"required (?:for|in|of) (?:some|certain) (?:positions|posts|roles)\b|may be required prior to appointment for some",
    re.I,
)
# Not marks though they fill such lists: "genetic information" (a biotech company's own work: "using human genetic
# information to develop novel medicines") and "gender identity" (an NHS gender identity clinic); the lists that name
# them name other marks too.

# A sentence ends at . ! ? ; or a line break. Scraped postings often lose the full stop before the closing statement
# ("excellent written communication skillsWe are an equal opportunity employer", "a full driving licence is essential
# Saga Healthcare Group is an equal opportunities employer"), so a sentence is blanked from at most `_BACK` characters
# before its first mark (the employer's name), and, looking back, a lower-case letter run into a capital starts one.
_END = re.compile(r"[.!?;\n\u2022]")
_START = re.compile(r"[.!?;\n\u2022]|(?<=[a-z])(?=[A-Z])")
_BACK = 40
# The first words of every mark, lower case: one Aho-Corasick pass for these and a regex match only where one occurs
# is far faster than searching the whole text with the case-insensitive alternation (1.1 ms a posting).
_ANCHORS = ("equal ", "affirmative", "without regard", "regardless of", "irrespective of", "discriminat", "sexual orientation",
            "national origin", "gender reassignment", "protected ", "marriage ", "pregnancy ", "reasonable ", "e-verify",
            "equality act", "disability confident", "guaranteed interview", "rehabilitation act", "vietnam era", "vevraa",
            "section 503", "some positions", "some posts", "some roles", "certain positions", "certain posts", "certain roles",
            "required for some", "required in some", "required of some", "required for certain", "required in certain",
            "required of certain", "may be required prior")

_AUTOMATON = ahocorasick_rs.AhoCorasick(_ANCHORS)


def _marks(text: str) -> list[tuple[int, int]]:
    """(start, end) of every mark in `text`, in order."""
    low = text.lower()
    if len(low) != len(text):  # a letter whose lower case is longer ("İ"): positions would shift, search it all
        return [m.span() for m in _MARKS.finditer(text)]
    found = []
    for _, i, _ in _AUTOMATON.find_matches_as_indexes(low, overlapping=True):
        m = _MARKS.match(text, i)
        if m is not None:
            found.append(m.span())
    return sorted(set(found))


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each equal-opportunity or adjustment sentence in `text`, merged, in order."""
    out: list[tuple[int, int]] = []
    for start, stop in _marks(text):
        if out and start < out[-1][1]:  # inside the sentence blanked already
            continue
        lo = max(0, start - _BACK)
        cut = lo > 0 and not text[lo - 1].isspace()
        for b in _START.finditer(text, lo, start):
            lo, cut = b.end(), False
        if cut:  # `_BACK` fell inside a word: start at the next one
            lo = next((i + 1 for i in range(lo, start) if text[i].isspace()), start)
        end_m = _END.search(text, stop)
        end = end_m.start() if end_m else len(text)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], end)
        else:
            out.append((lo, end))
    return out


def blank_boilerplate(text: str) -> str:
    """`text` with its equal-opportunity and adjustment sentences replaced by spaces (same length, same spans)."""
    spans = boilerplate_spans(text)
    if not spans:
        return text
    parts = []
    last = 0
    for a, b in spans:
        parts.append(text[last:a])
        parts.append(" " * (b - a))
        last = b
    parts.append(text[last:])
    return "".join(parts)
