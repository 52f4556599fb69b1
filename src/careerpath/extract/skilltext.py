"""Text normalisation shared by the taxonomy (aliases) and the extractor (input text).

`normalise(text)` returns a lower-case, accent-folded, single-spaced copy of the text plus, when the
two differ in length, an index array mapping every character of the copy back to the original, so
that matches found in the copy are reported as character spans of the input. Every step is a lookup
per code point (numpy arrays over the text); only characters outside the Basic Multilingual Plane (emoji)
and texts with a capital sigma take per-character Python steps.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np


def _build_table() -> dict[int, int]:
    """One-to-one character replacements that keep positions: dashes, quotes, spaces, accents."""
    table: dict[int, int] = {}
    for cp in range(0x80, 0x2100):
        ch = chr(cp)
        cat = unicodedata.category(ch)
        if cat == "Zs" or ch in "\u2028\u2029\x85":
            table[cp] = 0x20
        elif cat == "Pd":  # every dash
            table[cp] = ord("-")
        elif ch in "\u2018\u2019\u201a\u201b\u2032":
            table[cp] = ord("'")
        elif ch in "\u201c\u201d\u201e\u201f\u2033":
            table[cp] = ord('"')
        elif cat.startswith("L"):
            base = unicodedata.normalize("NFKD", ch)
            base = "".join(c for c in base if not unicodedata.combining(c))
            if len(base) == 1 and base.isascii() and base.isalpha():
                table[cp] = ord(base)
    for ch in "\t\n\r\x0b\x0c":
        table[ord(ch)] = 0x20
    # punctuation that only separates words becomes a space, so every word starts after a space
    for ch in "_()[]{},;:\"'/\\|!?*<>=~`^\u2022\u00b7":
        table[ord(ch)] = 0x20
    table[0x2122] = 0x20  # ™
    table[0x00ae] = 0x20  # ®
    for cp in range(0xFF01, 0xFF5F):  # full-width forms of ASCII ("ＰＹＴＨＯＮ"): as their ASCII character is
        table[cp] = table.get(cp - 0xFEE0, cp - 0xFEE0)
    table[0x3000] = 0x20  # ideographic space
    return table


_TABLE = _build_table()
_MULTISPACE = re.compile(r"  +")
_HYPHEN_WORD = re.compile(r"(?<=\w)-(?=\w)")


def normalise(text: str) -> tuple[str, np.ndarray | None]:
    """Return (normalised text, index map or None when positions are unchanged).

    One pass of array lookups over the text's code points (`_normalise_array`): `str.translate` with a dict,
    a regex and a collapse of spaces each walked the text in Python-level steps, and took ~40% of the lexical
    stage's time per posting. The reference (`_normalise_reference`) still handles the one case the per-code-
    point tables cannot: a capital sigma, whose lower case depends on whether it ends a word."""
    if _SIGMA in text:
        return _normalise_reference(text)
    return _normalise_array(text)


_SIGMA = "\u03a3"
_BMP = 0x10000


def _char_map(ch: str) -> tuple[int, bool]:
    """(code point the character becomes, whether the translated character is a word character for the
    hyphen rule): the table's replacement, then the first character of its lower case."""
    t = chr(_TABLE.get(ord(ch), ord(ch)))
    low = t.lower()
    return ord(low[0]) if low else ord(t), _WORD_CHAR.match(t) is not None


_WORD_CHAR = re.compile(r"\w")
_TABLES: tuple[np.ndarray, np.ndarray] | None = None


def _tables() -> tuple[np.ndarray, np.ndarray]:
    """Per-code-point lookup tables for the Basic Multilingual Plane, built on first use (~0.1 s)."""
    global _TABLES
    if _TABLES is None:
        mapped = np.empty(_BMP, dtype=np.uint32)
        word = np.zeros(_BMP, dtype=bool)
        for cp in range(_BMP):
            if 0xD800 <= cp < 0xE000:  # surrogates: left as they are, never word characters
                mapped[cp] = cp
                continue
            mapped[cp], word[cp] = _char_map(chr(cp))
        _TABLES = mapped, word
    return _TABLES


def _normalise_array(text: str) -> tuple[str, np.ndarray | None]:
    if not text:
        return "", None
    mapped_t, word_t = _tables()
    cps = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    if int(cps.max()) < _BMP:
        out = mapped_t[cps]
        word = word_t[cps]
    else:  # astral characters (emoji, math letters): mapped one by one, they are few
        small = cps < _BMP
        out = mapped_t[np.where(small, cps, 0)]
        word = word_t[np.where(small, cps, 0)]
        for i in np.nonzero(~small)[0].tolist():
            out[i], word[i] = _char_map(chr(int(cps[i])))
    hyphen = out == 0x2D  # "front-end" == "front end": a hyphen between word characters; same length
    if hyphen.any():
        hyphen[1:-1] &= word[:-2] & word[2:]
        hyphen[0] = hyphen[-1] = False
        out[hyphen] = 0x20
    space = out == 0x20
    double = space[1:] & space[:-1]
    if not double.any():
        return out.tobytes().decode("utf-32-le", "surrogatepass"), None
    keep = np.ones(len(out), dtype=bool)
    keep[1:] = ~double
    kept = np.nonzero(keep)[0]
    return out[kept].tobytes().decode("utf-32-le", "surrogatepass"), kept


def _normalise_reference(text: str) -> tuple[str, np.ndarray | None]:
    """The rules stated one step at a time: the definition `_normalise_array` is tested against."""
    t = text.translate(_TABLE)
    t = _HYPHEN_WORD.sub(" ", t)
    low = t.lower()
    index: np.ndarray | None = None
    if len(low) != len(t):  # rare: a character whose lower case is two characters
        low = "".join(ch.lower()[0] if ch.lower() else ch for ch in t)
    if "  " in low:
        arr = np.frombuffer(low.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        space = arr == 32
        keep = ~(space & np.concatenate(([False], space[:-1])))
        kept = np.nonzero(keep)[0]
        low = arr[keep].tobytes().decode("utf-32-le", "surrogatepass")
        index = kept
    return low, index


def normalise_phrase(text: str) -> str:
    """Normalise an alias or label: same rules as the text, trimmed."""
    return normalise(text)[0].strip(" .,;:")


_SLUG_SUBS = (("c++", "cplusplus"), ("c#", "csharp"), ("f#", "fsharp"), (".net", "dotnet"), ("+", "plus"), ("#", "sharp"), ("&", "and"))
_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slug(name: str) -> str:
    """A readable, stable id from a canonical name: 'Python (computer programming)' -> 'python-computer-programming'."""
    s = normalise_phrase(name)
    for a, b in _SLUG_SUBS:
        s = s.replace(a, f" {b} ")
    return _NON_SLUG.sub("-", s).strip("-") or "skill"



# Requirement boilerplate in front of the skill itself ("Strong experience with ...", "You will have
# excellent ...", "Ability to ..."): stripped before a segment is embedded, so the vector is the skill's
# rather than the sentence frame's (a skill label never starts "Experience in").
_FILLER = re.compile(
    r"(?:(?:you\s+)?(?:will|must|should|shall|would)\s+(?:also\s+)?(?:have|be|need\s+to\s+have)?\s*|"
    r"(?:the\s+)?(?:successful\s+)?(?:candidates?|applicants?|post\s*holder|role|position)\s+"
    r"(?:will|must|should)\s+(?:have|be)?\s*|"
    r"(?:a\s+|an\s+)?(?:(?:very|highly|strong|good|great|excellent|proven|solid|extensive|demonstrated|"
    r"demonstrable|previous|prior|some|basic|working|in-depth|in\s+depth|deep|firm|sound|thorough|practical|"
    r"hands-on|relevant|minimum|at\s+least|\d+\+?(?:\s*-\s*\d+)?\s+years?(?:'|\u2019)?(?:\s+of)?)\s+)*"
    r"(?:experience|knowledge|understanding|familiarity|proficiency|expertise|skills?|abilit(?:y|ies)|background|"
    r"competence|track\s+record|exposure|capability)\s*(?:in|of|with|to|on|using|for|as)?\s+|"
    r"(?:be\s+)?(?:able|expected|required)\s+to\s+|"
    r"(?:proficient|experienced|skilled|familiar|comfortable|competent)\s+(?:in|with|at|using)\s+|"
    r"(?:is|are)\s+(?:a\s+)?(?:must|essential|required|desirable|preferred)\s*|must\s+(?:have|be)\s+|have\s+|be\s+|"
    r"(?:and|or|including|such\s+as|e\.?g\.?|i\.?e\.?)\s+)",
    re.I,
)


def strip_frame(segment: str) -> int:
    """Offset in `segment` where the skill starts once the requirement frame in front is skipped
    ("Strong experience with SQL" -> the offset of "SQL"); 0 when nothing is skipped, and never so far
    that fewer than two characters remain."""
    pos = len(segment) - len(segment.lstrip())
    for _ in range(6):
        m = _FILLER.match(segment, pos)
        if not m or m.end() == pos:
            break
        nxt = m.end()
        while nxt < len(segment) and segment[nxt] in " ,":
            nxt += 1
        if len(segment) - nxt < 2:
            break
        pos = nxt
    return pos
