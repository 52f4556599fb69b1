"""Model-free relations between skill labels, used by the semantic stage to favour the broad competences
that postings mean over the narrow, domain-worded skills MiniLM puts nearest (bench/README.md, issue 4,
ninth pass).

- `specialisation_counts`: ESCO lists many skills as a general label plus a qualifier ("lead a team" ->
  "lead a team in hospitality service", "manage staff" -> "manage physiotherapy staff"). The store has no
  ESCO hierarchy or reuse level (the source files are too large to fetch), so the number of labels that
  specialise a label this way stands in for "transversal": a general skill gets a small prior from it.
- `CoverIndex`: labels whose content words all occur (by a crude 5-letter stem) in a segment, in any order
  and with gaps ("plan and manage their time" covers "manage time"): a gap-tolerant lexical match that the
  exact alias matcher misses; the semantic stage gives such labels a bonus on their cosine.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from typing import Iterable, Mapping

_TOKEN = re.compile(r"[a-z0-9+#]+")
# a qualifier cut from the end of a label must start with one of these ("... in casting processes")
PREPOSITIONS = frozenset("in for of on with related regarding to at during within from by using".split())
STOP = frozenset("a an the and or of in to for with on at by as from into their your our its be is are will you we "
                 "this that using use".split())
STEM_LEN = 5


def label_words(label: str) -> tuple[str, ...]:
    """Lower-case word tokens of a label or text ("C++" and "C#" keep their signs)."""
    return tuple(_TOKEN.findall(label.lower()))


def specialisation_counts(labels: Mapping[int, str], rule: str = "span") -> dict[int, int]:
    """skill -> number of other labels that are this label plus a qualifier.

    rule "subset": B specialises A when A has 2+ content stems (`stems`) and they are a proper subset of B's, in
    any order ("supervise staff" <- "supervise staff in food production", "supervise dental staff"). Otherwise
    (rule "span"):

    B specialises A when deleting one span of B's words gives A's words, A has 2+ words, and either the
    span is inside B (first and last word kept: "manage [physiotherapy] staff") or it is a tail that starts
    with a preposition ("lead a team [in hospitality service]"). Dropping a plain last word would change the
    head ("transfer soap [chips]"), and dropping "non" would invert the meaning: neither counts.
    """
    if rule == "subset":
        return _subset_counts(labels)
    by_words: dict[tuple[str, ...], int] = {}
    for i, lab in labels.items():
        by_words.setdefault(label_words(lab), i)
    general: dict[int, set[int]] = defaultdict(set)
    for words, i in by_words.items():
        n = len(words)
        if n < 3:
            continue
        for a in range(1, n):
            for b in range(a + 1, n + 1):
                if (b == n and words[a] not in PREPOSITIONS) or words[a:b] == ("non",):
                    continue
                g = by_words.get(words[:a] + words[b:])
                if g is not None and g != i and b - a < n - 1:
                    general[i].add(g)
    return dict(Counter(g for gs in general.values() for g in gs))


def _subset_counts(labels: Mapping[int, str]) -> dict[int, int]:
    """`specialisation_counts` by rule "subset": every proper subset (2+ stems) of a label's content stems is looked
    up among the labels' stem sets (labels of more than 10 stems are skipped: 2^n subsets)."""
    from itertools import combinations

    by_stems: dict[frozenset[str], int] = {}
    for i, lab in labels.items():
        st = frozenset(stems(lab))
        if st:
            by_stems.setdefault(st, i)
    out: Counter = Counter()
    for st in by_stems:
        n = len(st)
        if n < 3 or n > 10:
            continue
        words = sorted(st)
        for k in range(2, n):
            for sub in combinations(words, k):
                g = by_stems.get(frozenset(sub))
                if g is not None:
                    out[g] += 1
    return dict(out)


def stem(word: str) -> str:
    """A crude stem: the first five letters ("prioritising", "prioritise" -> "prior"; "managing" -> "manag")."""
    return word[:STEM_LEN]


def stems(text: str) -> set[str]:
    """Stems of a text's content words."""
    return {stem(w) for w in label_words(text) if w not in STOP}


class CoverIndex:
    """Labels of 2+ content stems, indexed by their rarest stem: `covered(stems)` finds every label whose
    stems are all in the given set, looking only at labels keyed by one of those stems."""

    def __init__(self, labels: Mapping[int, str]) -> None:
        seen: set[tuple[str, ...]] = set()
        self._stems: dict[int, frozenset[str]] = {}
        for i, lab in labels.items():
            words = label_words(lab)
            if words in seen:
                continue
            seen.add(words)
            st = frozenset(stem(w) for w in words if w not in STOP)
            if len(st) >= 2:
                self._stems[i] = st
        df = Counter(s for st in self._stems.values() for s in st)
        self._by_key: dict[str, list[int]] = defaultdict(list)
        for i, st in self._stems.items():
            self._by_key[min(st, key=lambda s: (df[s], s))].append(i)

    def __len__(self) -> int:
        return len(self._stems)

    def covered(self, text_stems: Iterable[str]) -> list[int]:
        """Skills whose label stems all occur in `text_stems`."""
        st = set(text_stems)
        return [i for s in st for i in self._by_key.get(s, ()) if self._stems[i] <= st]


class LabelVocab:
    """The content stems of each skill's labels taken together (preferred, alternative, singular forms), with a
    label-side IDF: `coverage(text_stems, i)` is the IDF-weighted share of a text's stems (those any label uses)
    that skill i's labels contain. "providing excellent service and caring for customers" is covered by the labels of
    *customer service* ("service", "custo") more than by those of *satisfy customers*; a rare domain word of the text
    weighs more than "manag" or "work" (bench/README.md, issue 4, fourteenth pass)."""

    def __init__(self, labels: Mapping[int, Iterable[str]]) -> None:
        self._stems: dict[int, frozenset[str]] = {}
        for i, labs in labels.items():
            st: set[str] = set()
            for lab in labs:
                st |= stems(lab)
            if st:
                self._stems[i] = frozenset(st)
        df = Counter(s for st in self._stems.values() for s in st)
        n = max(len(self._stems), 1)
        self.idf: dict[str, float] = {s: math.log(n / c) for s, c in df.items()}

    def __len__(self) -> int:
        return len(self._stems)

    def weights(self, text_stems: Iterable[str]) -> dict[str, float]:
        """IDF of the text's stems that some label uses (the others no skill can cover)."""
        return {s: self.idf[s] for s in text_stems if s in self.idf}

    def coverage(self, weights: Mapping[str, float], i: int) -> float:
        """Share (0-1) of the weighted text stems (`weights`) that skill i's labels contain."""
        total = sum(weights.values())
        st = self._stems.get(i)
        if not total or not st:
            return 0.0
        return sum(w for s, w in weights.items() if s in st) / total
