"""Degree programmes of another discipline (`other_discipline`): "Master of Science in Electrical Engineering" is
not a course for civil or mechanical engineers, though every embedding feature puts it next to any engineer.

A degree programme's title names its field ("Master of Science in *Civil Engineering*", "Master of Engineering in
*Computer Engineering*"). The field's last word is its discipline (engineering) and the words before it narrow it
(civil). When the discipline is one of DEGREE_DISCIPLINES and the role's title is of the same discipline ("Mechanical
Engineers"), the degree is for the role only if one of its narrowing words is a word of the role's title or O*NET
description (`role_words`): "Computer Engineering" for computer systems engineers stays, "Electrical Engineering"
for civil engineers goes. A field with no narrowing word ("Master of Advanced Study in Engineering") or of another
discipline ("Engineering Management", "Construction Management") is never judged here. Words are compared by their
first STEM letters ("electrical" / "electric", "engineering" / "engineers").
"""

from __future__ import annotations

import re

import pandas as pd

# Disciplines whose degrees are checked, as stems (None: the check is off). Engineering: its degree titles name the
# branch, and the branches are different jobs; "Science" is not here ("Master of Science in Computer Science" is a
# fair course for data scientists).
DEGREE_DISCIPLINES: frozenset[str] | None = frozenset({"engin"})
STEM = 5
DEGREE_TITLE = re.compile(
    r"^\s*(?:executive |global |online )?"
    r"(?:master|bachelor|doctor|msc|ms|m\.s\.|bsc|bs|b\.s\.|meng|m\.eng\.|beng|ma|ba|mas)(?:'s)?(?: degree)?"
    r"(?: of (?:science|arts|engineering|applied science|advanced study))?\s+(?:in|of)\s+(?P<field>[^:(|\-–]+)",
    re.IGNORECASE)
WORD = re.compile(r"[a-z]+")
FILLER = frozenset({"and", "of", "the", "in", "for", "with", "applied", "advanced"})


def stem(word: str) -> str:
    return word.lower()[:STEM]


def degree_field(title: object) -> list[str] | None:
    """The words of a degree programme's field, in order ("Master of Science in Civil Engineering" -> ["civil",
    "engineering"]); None when the title is not a degree programme's."""
    if not isinstance(title, str):
        return None
    m = DEGREE_TITLE.match(title)
    if not m:
        return None
    words = [w for w in WORD.findall(m.group("field").lower()) if w not in FILLER]
    return words or None


def role_words(title: str, text: str | None) -> set[str]:
    """Stems of the words of the role's title and of its text before the skills it lists (`relevance.role_text`:
    title, O*NET description, then "Skills: ..."; the skills are left out, an implied *electrical engineering*
    would otherwise vouch for any electrical degree)."""
    body = (text or "").split(" Skills: ")[0]
    return {stem(w) for w in WORD.findall(f"{title} {body}".lower())}


def other_discipline(title: object, role_title: str, role_text: str | None) -> bool:
    """True when `title` is a degree programme of the role's discipline but another branch of it (see module)."""
    if DEGREE_DISCIPLINES is None:
        return False
    field = degree_field(title)
    if not field or len(field) < 2 or stem(field[-1]) not in DEGREE_DISCIPLINES:
        return False
    if stem(field[-1]) not in {stem(w) for w in WORD.findall(role_title.lower())}:
        return False
    own = role_words(role_title, role_text)
    return not any(stem(w) in own for w in field[:-1])


def drop_other_disciplines(rel: pd.DataFrame, titles: pd.Series, role_title: str,
                           role_text: str | None) -> pd.DataFrame:
    """`rel` without the degree programmes of another branch of the role's discipline (`other_discipline`);
    `titles` maps course_id -> title."""
    if DEGREE_DISCIPLINES is None or rel.empty:
        return rel
    bad = rel["course_id"].map(lambda c: other_discipline(titles.get(c), role_title, role_text))
    return rel[~bad.astype(bool)].reset_index(drop=True)
