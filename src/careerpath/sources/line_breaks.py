"""Line breaks lost at the source: "committedRegistered Nurse" -> "committed\\nRegistered Nurse".

Many posting descriptions (NHS Jobs, the atharvap329 Glassdoor scrape) were flattened by their scrapers: the
last word of one line runs into the first word of the next ("ourWards", "insuranceDental insuranceVision",
"needsWrite code", "NameSarah VincentJob titleWard ManagerEmail address…"). The skill matcher only matches
an alias at a word start and sentence segmentation joins the two lines, so the lost boundary is put back as
a line break, while camel-case names stay whole (JavaScript, TensorFlow, PowerPoint, iPhone, McDonald's,
pySpark …).

A join point is a lower-case letter followed by a capital and at least two lower-case letters, inside one
run of letters. What tells a join from a name (measured on the store's 23,714 described postings, see
bench/README.md, "Postings: lost line breaks restored"):

* **names recur across sources**: a camel-case name is written the same way by unrelated publishers
  (JavaScript in postings of 8 of the 8 described sources, TensorFlow 4, pySpark 3), a join of two arbitrary
  words is the artefact of one scraper (the NHS contact block's "ukTelephone" is in 1,183 postings, all of
  one source). A token seen in at least `NAME_SOURCES` sources is kept whole (`names`, learnt by `learn`);
* **a token that starts with two or more lower-case letters is a join** ("ourWards", "titleClinical"):
  names with a lower-case start have a one-letter prefix (iPhone, eBay, jQuery, eLearning) or no capital
  followed by two lower-case letters (spaCy, noSQL, macOS), and are not split;
* **a capitalised token is split only before a line-head word** (`heads`, learnt by `learn`): a word that
  starts a line in most postings where the intact descriptions have it ("Email", "Job", "Telephone",
  "Excellent", "Ability": "Senior NurseEmail address" -> "Senior Nurse\\nEmail address"), never before the
  tail of a brand ("Point", "Flow", "Script", "Hub", "Ops", "One" are rarely line heads);
* a chunk with a "/" (a URL or path: ".../JobSeeking/...", ".../resourcesContents/...") is left alone.

`restore_line_breaks` is pure: the same text, names and heads give the same result.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

#: a token seen in this many sources or more is a name, never split
NAME_SOURCES = 3
#: a line-head word starts a line in at least this share of the postings that have it …
HEAD_SHARE = 0.5
#: … and in at least this many postings
HEAD_MIN_POSTINGS = 20

_JOIN = re.compile(r"(?<=[a-z])(?=[A-Z][a-z]{2})")  # lower-case letter | capital + two lower-case letters
_CAMEL = re.compile(r"[a-z][A-Z][a-z]{2}")
_LINE_HEAD = re.compile(r"^[ \t]*(?:[-•*·>]+[ \t]*)?([A-Z][a-z]+)\b", re.M)
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")


@dataclass(frozen=True)
class Vocabulary:
    """What `learn` measured on a corpus: camel-case names to keep and line-head words to split before."""

    names: frozenset[str] = field(default_factory=frozenset)
    heads: frozenset[str] = field(default_factory=frozenset)


def learn(texts: Iterable[tuple[str, str]]) -> Vocabulary:
    """Names and line heads from (source id, description) pairs: camel-case tokens seen in `NAME_SOURCES` or
    more sources; capitalised words that begin a line in at least `HEAD_SHARE` of the postings having them."""
    sources: dict[str, set[str]] = {}
    head: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for source, text in set(texts):
        if not text:
            continue
        for tok in set(_camel_tokens(text)):
            sources.setdefault(tok, set()).add(source)
        head.update(set(_LINE_HEAD.findall(text)))
        seen.update(set(_CAPITALISED.findall(text)))
    names = frozenset(t for t, s in sources.items() if len(s) >= NAME_SOURCES)
    heads = frozenset(w for w, n in head.items() if n >= HEAD_MIN_POSTINGS and n >= HEAD_SHARE * seen[w])
    return Vocabulary(names, heads)


def _camel_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of letters (with one inner apostrophe: McDonald's) that holds a join point.

    Found from the join points outwards: one regex for the four characters, then plain scans (a regex for the
    whole token backtracks at every letter and took most of the loader's added time)."""
    spans: list[tuple[int, int]] = []
    n, end = len(text), -1
    for m in _CAMEL.finditer(text):
        if m.start() < end:
            continue
        s, e = m.start(), m.end()
        while s > 0 and text[s - 1].isalpha():
            s -= 1
        while e < n and text[e].isalpha():
            e += 1
        if e + 1 < n and text[e] == "'" and text[e + 1].isalpha():
            e += 1
            while e < n and text[e].isalpha():
                e += 1
        spans.append((s, e))
        end = e
    return spans


def _camel_tokens(text: str) -> list[str]:
    return [text[s:e] for s, e in _camel_spans(text)]


def join_points(text: str, vocabulary: Vocabulary = Vocabulary()) -> list[int]:
    """Offsets in `text` where a lost line break belongs (a break goes before the character at each offset)."""
    if not text or not _CAMEL.search(text):
        return []
    points: list[int] = []
    for start, end in _camel_spans(text):
        tok = text[start:end]
        if tok in vocabulary.names or _in_path(text, start, end):
            continue
        lower_start = re.match(r"[a-z]{2,}(?=[A-Z][a-z]{2})", tok) is not None
        if tok[0].islower() and not lower_start:
            continue  # iPhone, eBay, jQuery, eLearning: a one-letter lower-case prefix is a name's
        for j in _JOIN.finditer(tok):
            i = j.start()
            if lower_start or re.match(r"[A-Z][a-z]+", tok[i:]).group(0) in vocabulary.heads:
                points.append(start + i)
    return points


def _in_path(text: str, start: int, end: int) -> bool:
    """True when the token sits in a whitespace-free chunk holding a '/' (a URL or a file path)."""
    left = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start), text.rfind("\t", 0, start))
    right = min((i for i in (text.find(" ", end), text.find("\n", end), text.find("\t", end)) if i >= 0),
                default=len(text))
    return "/" in text[left + 1:right]


def restore_line_breaks(text: str, vocabulary: Vocabulary = Vocabulary()) -> tuple[str, list[int]]:
    """`text` with a line break put back at every join point, and the join offsets (in the original text).

    The result is len(text) + len(offsets) long: each break is inserted, no character is removed or changed."""
    points = join_points(text, vocabulary)
    if not points:
        return text, []
    parts, last = [], 0
    for p in points:
        parts.append(text[last:p])
        last = p
    parts.append(text[last:])
    return "\n".join(parts), points
