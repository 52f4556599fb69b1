"""One person of a role, for sentences: O*NET names occupations in the plural ("Dental Hygienists",
"Plumbers, Pipefitters, and Steamfitters"), and "How to become a Dental Hygienists" reads as a bug.

`person` keeps the first job of an O*NET list ("Chefs and Head Cooks" -> "Chef"), singular, with a
qualifier in brackets ("Cooks, Institution and Cafeteria" -> "Cook (institution and cafeteria)").
Emerging roles are named from posting titles, already singular, and pass through unchanged.
"""

from __future__ import annotations

import re

from careerpath.guide.model import MonthRange
from careerpath.profile.model import Preparation

#: Words ending in "s" that are not plurals of a job ("Sales Managers": the head is "Managers").
_NOT_PLURAL = frozenset({"sales", "gas", "arts", "business", "athletics", "physics", "economics", "mathematics",
                         "statistics", "logistics", "graphics", "electronics", "robotics", "genetics", "news",
                         "series", "systems", "services", "resources", "relations", "operations", "affairs", "activities",
                         "trades", "products"})
_KEEP = re.compile(r",\s+(Except\b.*|All Other.*)$")


def _singular(word: str) -> str:
    low = word.lower()
    if low.endswith("ies") and len(low) > 4:
        return word[:-3] + "y"
    if low.endswith(("sses", "ches", "shes", "xes", "zes")):
        return word[:-2]
    if low.endswith("men"):
        return word[:-3] + "man"
    if low.endswith("s") and not low.endswith("ss"):
        return word[:-1]
    return word


def _is_plural(word: str) -> bool:
    low = word.lower()
    return (low.endswith("s") and not low.endswith("ss") and low not in _NOT_PLURAL) or low.endswith("men")


def person(title: str, kind: str = "occupation") -> str:
    """The role as one person ("Dental Hygienist"); the title itself when no plural job word is found."""
    if kind != "occupation" or not title:
        return title
    if title.startswith("Helpers--"):  # "Helpers--Roofers": a helper to roofers
        return f"Helper ({title[len('Helpers--'):].lower()})"
    keep = _KEEP.search(title)
    quals = [keep.group(1).lower()] if keep else []
    main = title[:keep.start()] if keep else title
    specialty = re.fullmatch(r"(?:Physicians|Surgeons), (\w+s)", main)  # "Physicians, Pathologists"
    if specialty:
        return _with(_singular(specialty.group(1)), quals)
    head, of, tail = main.partition(" of ")  # "First-Line Supervisors of Food Preparation and Serving Workers"
    # list items in order: "Art", "Drama", "Music Teachers", "Postsecondary"
    items = list(re.finditer(r"[^,]+?(?=,\s|\s+(?:and|or)\s|$)", head))
    for i, m in enumerate(items):
        words = m.group().strip().split()
        if not words or not _is_plural(words[-1]):
            continue
        one = head[:m.end()].rstrip()
        one = one[:len(one) - len(words[-1])] + _singular(words[-1])
        if of:
            return _with(one + of + tail, quals)
        qual = re.match(r",\s+(.*)$", head[m.end():])
        nxt = items[i + 1].group().strip().split() if i + 1 < len(items) else []
        if qual and nxt and not _is_plural(nxt[-1]):  # "Bus Drivers, Transit and Intercity": a qualifier
            quals.insert(0, qual.group(1).lower())
        return _with(one, quals)  # otherwise the rest lists other jobs of the occupation: the first names it
    return title


def _with(one: str, quals: list[str]) -> str:
    return f"{one} ({', '.join(quals)})" if quals else one


def article(phrase: str) -> str:
    """'a' or 'an' before `phrase` (by its first letter: "an Occupational Therapist", "a User Researcher")."""
    return "an" if phrase[:1].lower() in "aeio" else "a"


def month_range(r: MonthRange | None, unit: str = "months") -> str:
    """"1.1–1.5 months", or "0.2 months" when the two ends round alike: a range whose ends print the same reads as a
    typo ("0.2–0.2 months"). Every renderer (Markdown, HTML, FAQ, chart, site) prints month ranges through it."""
    if r is None:
        return "—"
    low, high = round(r.low, 1), round(r.high, 1)
    return f"{low:g}–{high:g} {unit}" if low != high else f"{low:g} {unit}"


def employment_not_counted(n_occupations: int) -> str | None:
    """Why a guide shows no employment figure: BLS counts people by occupation, so a role spanning several has no
    count of its own (its wages are a weighted mean, but a head count cannot be split by weights). "n/a" said
    nothing; a role of one occupation with no count simply omits the line."""
    if n_occupations > 1:
        return f"not counted: BLS counts people by occupation, and this role spans {n_occupations}"
    return None


def _months(m: float) -> str:
    return f"{m / 12:g} year{'s' if m > 12 else ''}" if m >= 12 and m % 12 == 0 else f"{m:g} month{'s' if m > 1 else ''}"


def preparation_span(low: float, high: float | None) -> str:
    """An O*NET duration category in few words: "none", "up to 1 month", "3–6 months", "2–4 years", "over 10 years"."""
    if high == 0:
        return "none"
    if high is None:
        return f"over {_months(low)}"
    if low == 0:
        return f"up to {_months(high)}"
    if low >= 12 and low % 12 == 0 and high % 12 == 0:
        return f"{low / 12:g}–{_months(high)}"
    return f"{low:g}–{high:g} months"


def preparation_phrase(p: Preparation) -> str:
    """One O*NET preparation scale in a sentence's words: "related work experience: 2–4 years (median answer; 8%
    say none)". The category's own wording stays in the figure's note."""
    return f"{p.kind.strip().lower()}: {preparation_span(p.low_months, p.high_months)} " \
           f"(median answer; {p.share_none.value:.0f}% say none)"


def preparation_source(items: list[Preparation]) -> str:
    """The citation of a set of O*NET preparation answers: source and as-of, respondents and survey date."""
    f = items[0].share_none
    ns = [p.share_none.n for p in items if p.share_none.n]
    dated = max((p.surveyed for p in items if p.surveyed), default=None)
    return (f"{f.source}, {f.as_of}" + (f"; {max(ns)} respondents" if ns else "")
            + (f", surveyed {dated}" if dated else ""))
