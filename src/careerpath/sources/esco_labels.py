"""Repairs of ESCO preferred labels that the flattened source text split got wrong.

The source rows join label, alternative labels and definition with no separator (`sources/esco.py`), so
some labels come out cut short (before their tail, or after a function word: "code of" + "Conduct for
Responsible Fisheries") and some run on into their alternative labels; and some alternative labels are
one-word fragments of verb-form alternates ("rules" on "hazardous waste storage"). Fixing them is part of
reading the source: the loader emits clean labels and nothing downstream (taxonomy, extractor, bench)
has to know the source was flattened.
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
import pandas as pd


_CONTINUATION = re.compile(r"^(?:in|on|for|during|at|within|under|regarding|with|from|into)\s")


def repair_labels(esco: pd.DataFrame) -> pd.DataFrame:
    """Labels the source split got wrong, repaired before anything else reads them. (1) ESCO concepts whose
    preferred label was cut short when the source text was split into label, alternative labels and
    definition: two concepts then share one label, and the cut-off tail ("in preparation for audits",
    "on unpaved areas of airports", "on train routes") is the first alternative label of the narrow one. That
    concept gets its label back (label + tail), so the general one ("attend to detail", "comply with
    regulations", "provide information") keeps the name, its id and its definition. (2) Run-on labels of concepts
    missing from the label list (`label_method` 'segment'): see `split_run_on_label`."""
    if not len(esco) or "alt_labels" not in esco.columns:
        return esco
    labels = esco["preferred_label"].astype(str).str.strip()
    dup = set(labels[labels.duplicated(keep=False)])
    esco = esco.copy()
    new_labels, new_alts = list(esco["preferred_label"]), list(esco["alt_labels"])
    for k, (label, alts) in enumerate(zip(labels, esco["alt_labels"])):
        alts = list(alts) if isinstance(alts, (list, np.ndarray)) else []
        if label not in dup or not alts:
            continue
        tail = str(alts[0]).strip()
        if _CONTINUATION.match(tail) and " ".join(tail.split()[:2]) not in label:
            new_labels[k], new_alts[k] = f"{label} {tail}", alts[1:]
    if "label_method" in esco.columns and "alt_text" in esco.columns:  # (2a) one-word labels cut too early
        for k, (method, run) in enumerate(zip(esco["label_method"], esco["alt_text"])):
            if method == "segment" and isinstance(new_labels[k], str) and isinstance(run, str):
                label, alts = extend_one_word_label(new_labels[k], run)
                if label != new_labels[k]:
                    new_labels[k], new_alts[k] = label, alts
                else:  # (2b) a tail every form shares, cut off as an alternative of its own
                    label, alts = rejoin_shared_tail(new_labels[k], new_alts[k])
                    if label != new_labels[k]:
                        new_labels[k], new_alts[k] = label, alts
    if "label_method" in esco.columns:  # labels not found in the label list: split run-on labels
        defs = list(esco["definition"]) if "definition" in esco.columns else [None] * len(esco)
        listed = [str(x).lower().split() for x, m in zip(new_labels, esco["label_method"]) if m != "segment"]
        ends, starts = Counter(w[-1] for w in listed if w), Counter(w[0] for w in listed if w)
        for k, method in enumerate(esco["label_method"]):
            if method != "segment" or not isinstance(new_labels[k], str) or len(new_labels[k].split()) < 3:
                continue
            label, extra, prefix = split_run_on_label(new_labels[k], ends, starts)
            if label != new_labels[k]:
                alts = list(new_alts[k]) if isinstance(new_alts[k], (list, np.ndarray)) else []
                new_labels[k], new_alts[k] = label, extra + alts
                if prefix:
                    defs[k] = f"{prefix} {defs[k] if isinstance(defs[k], str) else ''}".strip()
        if "definition" in esco.columns:
            esco["definition"] = defs
    if "definition" in esco.columns:  # (3) labels cut after a function word: "code of" + "Conduct for ..."
        defs = list(esco["definition"])
        for k, label in enumerate(new_labels):
            if isinstance(label, str) and isinstance(defs[k], str):
                new_labels[k], defs[k] = complete_cut_label(label, defs[k])
        esco["definition"] = defs
    new_alts = [drop_stray_alternates(lab, alts) for lab, alts in zip(new_labels, new_alts)]  # (4)
    esco["preferred_label"], esco["alt_labels"] = new_labels, new_alts
    return esco


def extend_one_word_label(label: str, alt_text: str) -> tuple[str, list[str]]:
    """("management", "consulting business management consulting") -> ("management consulting", ["business
    management consulting"]): a concept missing from the label list whose run the segmenter cut after its first
    word. When the label and the run's next word occur together again later in the run, that pair is the label
    (ESCO's "management consulting", "services marketing"); the rest of the run is one alternative label, and
    the fragments that began with the moved word go. Left as it was, the bare word ("management") was an alias
    that matched most postings as the concept "management consulting"."""
    words = label.split()
    if len(words) != 1 or not alt_text.strip():
        return label, []
    run = [label] + alt_text.split()
    low = [w.lower() for w in run]
    if len(low) < 4 or not any(low[j:j + 2] == low[:2] for j in range(1, len(low) - 1)):
        return label, []
    rest = " ".join(run[2:])
    return f"{run[0]} {run[1]}", [rest] if rest else []


def rejoin_shared_tail(label: str, alts: object) -> tuple[str, list[str]]:
    """("clarify how various components", ["work together", "interpret how different components", ...]) ->
    ("clarify how various components work together", ["interpret how different components work together", ...]):
    the split cut a tail that every form of the concept ends with ("components work together" three times in the
    run) and kept it as an alternative label of its own. Left so, "work together" in 168 data postings was the
    artistic skill of judging how a work's components are harmonised. The first alternative is such a tail when it
    is at most three words without the label's last word, and the other alternatives end with that word."""
    alts = [str(a) for a in alts] if isinstance(alts, (list, np.ndarray)) else []
    if len(alts) < 2 or not label.split():
        return label, alts
    tail, rest = alts[0].strip(), alts[1:]
    last = label.split()[-1].lower()
    if not (1 <= len(tail.split()) <= 3 and tail.islower()) or any(w[:4] == last[:4] for w in tail.split()) or \
            not all(a.split() and a.split()[-1].lower() == last for a in rest):
        return label, alts  # a tail naming the label's head noun again ("battery control systems") is a whole form
    return f"{label} {tail}", [f"{a} {tail}" for a in rest]


def drop_stray_alternates(label: object, alts: object) -> list[str]:
    """Alternative labels without the one-word fragments the split left behind: "rules" on "hazardous waste
    storage", "writing" on "prepare work instructions", "operating" on "tend paint mixer" (the first word
    of a verb-form alternate such as "operating paint mixer"), and the label's first word alone, the verb or
    modifier without its object ("testing" on "test hardware", "cultivating" on "cultivate hops", "types" on
    "types of wind turbines"). A one-word alternate of a label of two content words or more is kept when it
    shares a stem with a label word other than only the first ("budgeting" on "manage budgets"), or is an acronym
    (PBX, DTP) or capitalised (a vendor's name: "Teradata"); a one-word label's alternates are synonyms
    ("accounting": "bookkeeping") and stay. Any alternate cut after a function word ("purpose of", "adhere to") goes."""
    alts = [str(a) for a in alts] if isinstance(alts, (list, np.ndarray)) else []
    # (a) a phrase cut after a function word ("purpose of" on the MARPOL convention, "adhere to" on *adhere to OHSAS
    # 18001*, "take care of" on *tend CNC grinding machine*, "the study of" on *geomatics*): the source split cut its
    # object off, and left as an alias it matched any posting's "the purpose of this role" as the convention
    alts = [a for a in alts if not _cut_after_function_word(a)]
    words = [w[:4] for w in re.findall(r"[a-z0-9]+", str(label).lower())]
    if len(words) < 2:
        return alts
    content = [w for w in words if w not in _FUNCTION_STEMS]

    def stray(alt: str) -> bool:
        a = alt.strip()
        if " " in a or not a or a.isupper() or any(c.isdigit() for c in a):
            return False
        shared = [k for k, w in enumerate(content) if a.lower().startswith(w) or w.startswith(a.lower()[:4])]
        # no stem in common, or (lower case) only the label's first word: the verb or modifier without its object
        # ("testing" on "test hardware", "planning" on "plan scaffolding", "types" on "types of wind turbines")
        return not shared or (len(content) >= 2 and shared == [0] and a.islower())

    return [a for a in alts if not stray(a)]


def _cut_after_function_word(alt: str) -> bool:
    """An alternative label that ends in a function word ("purpose of", "PRojects IN") is a fragment of a longer one."""
    words = alt.split()
    return bool(words) and words[-1].lower() in _CUT_END


_FUNCTION_WORDS = frozenset({"a", "an", "the", "of", "to", "for", "and", "or", "in", "on", "with", "at", "by"})
_FUNCTION_STEMS = frozenset(w[:4] for w in _FUNCTION_WORDS)
_NAME_WORD = re.compile(r"[A-Z][\w\-/&]*")
_NAME_LINK = frozenset({"of", "for", "and", "on", "in", "the", "to"})
_DEF_OPENERS = frozenset({"A", "An", "Any", "The", "This", "These", "Those", "It", "Its", "All", "Each", "Every"})


def complete_cut_label(label: str, definition: str) -> tuple[str, str]:
    """("code of", "Conduct for Responsible Fisheries coverage of ...") -> ("code of Conduct for Responsible
    Fisheries", "coverage of ..."): a label ending in a function word was cut before a proper name that the
    definition then opens with. Link words inside the name count only between two capitalised words."""
    words = label.split()
    if len(words) > 4 or not words or words[-1].lower() not in _FUNCTION_END:
        return label, definition
    toks = definition.split()
    n = 0
    while n < len(toks):
        if _NAME_WORD.fullmatch(toks[n]):
            n += 1
        elif toks[n] in _NAME_LINK and n and n + 1 < len(toks) and _NAME_WORD.fullmatch(toks[n + 1]):
            n += 1
        else:
            break
    if n == len(toks) or toks[0] in _DEF_OPENERS or (n < 2 and not toks[0].isupper()):
        return label, definition
    return f"{label} {' '.join(toks[:n])}", " ".join(toks[n:])


_DEF_START = re.compile(r"\s(?:A|An|Any|The)\s+[a-z]")
_FUNCTION_END = frozenset({"a", "an", "the", "of", "to", "for", "and", "or", "in", "on", "with"})
# the last words of a cut-off alternate; not "with" ("ensure railway legislation is complied with" is a whole label)
_CUT_END = _FUNCTION_END - {"with"}


def split_run_on_label(label: str, ends: Counter, starts: Counter) -> tuple[str, list[str], str]:
    """A label that the source split did not find in its label list comes as a run of the preferred label, its
    alternative labels and sometimes the definition's first words ("data ethics principles of data ethics",
    "business communication business communication process", "image recognition image detection ... A process
    designed to ..."). Returns (label, alternative labels, definition prefix): the definition is cut off at a
    capitalised article, and the label is the longest prefix of two or more words (one, when repeated
    at once: "Luxembourgish Luxembourgish ...") that the run repeats, so the rest are alternative labels. One
    word between the prefix and its repeat stays with the label when ESCO labels end with it more often than
    they start with it ("talent management strategies talent management", not "wind energy renewable")."""
    prefix = ""
    m = _DEF_START.search(label)
    if m and m.start() > 0:
        label, prefix = label[: m.start()].strip(), label[m.start():].strip()
    words = label.split()
    low = [w.lower() for w in words]
    for k in range(len(words) // 2, 0, -1):
        head = low[:k]
        if low[k - 1] in _FUNCTION_END or low[k - 1].endswith("'s") or (k == 1 and low[1:2] != head):
            continue
        j = next((j for j in range(k, len(low) - k + 1) if low[j:j + k] == head), None)
        if j is None:
            continue
        if low[k] in _FUNCTION_END:  # "risks associated | to physical ... hazards": the label goes on
            break
        cut = k
        if j == k + 1 and ends[low[k]] > starts[low[k]]:
            cut = j
        rest = " ".join(words[cut:])
        return " ".join(words[:cut]), [rest] if rest else [], prefix
    cut = _repeat_cut(words, ends, starts) or _parallel_cut(words, ends, starts)
    if cut:
        return " ".join(words[:cut]), [" ".join(words[cut:])], prefix
    return label, [], prefix


def _parallel_cut(words: list[str], ends: Counter, starts: Counter) -> int | None:
    """Where a run-on label ends when the next alternative says it again in other forms of its own words:
    "computational chemistry | chemical computing", "think innovatively | apply innovative thinking", "perform PCR
    covid test | conduct PCR covid test", "recognise blockchain risks | predict risks in blockchain technology". For
    each cut of two or more words, the label's content words (the first four letters) are set against those of the
    next words of the run (as many as the label has, plus one); the cut where the two share the most (at least two
    stems and half of the stems they have between them) wins, the shorter label at a tie. A side that repeats a stem
    is no single label ("marine energy tidal | energy ocean energy"), and the cut falls where a label ends or one
    starts: the label's last word ends ESCO labels (at least as often as it starts them: "solutions"), or the next
    word starts them (at least as often as it ends them: "conduct", "apply"), or the next word is the label's first
    word in another form ("effect of water currents | effects of water currents on fish"); not between words known
    to neither ("retrofitting | retrofit", "risks associated to physical | hazards risks associated"). Left run on,
    the concept's own words never matched a text: "computational chemistry" in a posting found only *chemistry*."""
    low = [re.sub(r"[^\w&+-]", "", w.lower()) for w in words]
    stems = lambda ws: [w[:4] for w in ws if w and w not in _FUNCTION_WORDS]  # noqa: E731
    best: tuple[float, int] | None = None  # (-share, cut): the most shared, then the shorter label
    for k in range(2, len(low)):
        if low[k - 1] in _FUNCTION_END or words[k - 1].endswith(",") or low[k] in _FUNCTION_END:
            continue
        last, first = low[k - 1], low[k]
        if not (ends[last] >= starts[last] and ends[last] > 0 or starts[first] >= ends[first] and starts[first] > 0
                or first[:4] == low[0][:4]):
            continue
        head, nxt = stems(low[:k]), stems(low[k:2 * k + 1])
        if len(set(head)) < len(head) or len(set(nxt)) < len(nxt) or not head or not nxt:
            continue
        shared = len(set(head) & set(nxt))
        share = shared / len(set(head) | set(nxt))
        if shared >= 2 and share >= 0.5 and (best is None or (-share, k) < best):
            best = (-share, k)
    return best[1] if best else None


def _repeat_cut(words: list[str], ends: Counter, starts: Counter, longest: int = 5) -> int | None:
    """Where a run-on label ends when no prefix repeats whole: an alternative label after it names the same thing in
    other words, and it shows in one of three ways. The next words end as the label does ("data visualisation
    software | data presentation software", "public administration | government administration ..."), the label's
    first word starts the run again ("mathematical modelling | mathematical simulation ..."), or the run's last word,
    the head noun of its last alternative, ends the label too ("types of lubricants | lubricants varieties of
    lubricants ... classes of lubricants"). The shortest such label of two to `longest` words wins, if its last word
    ends ESCO labels at least as often as it starts them ("clinical social | work social services" is no label).
    Left run on, "data visualisation software data presentation software" was the name 953 postings' skill showed,
    and matched no text itself."""
    low = [w.lower().rstrip(",") for w in words]
    n = len(low)
    for k in range(2, min(longest, n - 1) + 1):
        last = low[k - 1]
        if last in _FUNCTION_END or words[k - 1].endswith(",") or ends[last] == 0 or ends[last] < starts[last]:
            continue
        parallel = 2 * k <= n and low[2 * k - 1] == last and (2 * k == n or low[2 * k] != low[k])
        if parallel or low[k] == low[0] or last == low[-1]:
            return k
    return None
