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

The same principle for semantic skill matches (`anchored_matches`, below): a course is for a skill when it says so in
its own words, not when its sentence vector sits near the skill's.
"""

from __future__ import annotations

import re

import numpy as np
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



# Anchored semantic matches (`anchored_matches`). A semantic skill match (`relevance.semantic_skill_matches`) reads a
# course's text vector as teaching a role skill. MiniLM's sentence vectors bend toward look-alike words, so a course can
# sit near a skill whose name it never uses: "Bookkeeping Made Easy" at cosine 0.50 to *supervise housekeeping
# operations*, "Healing with the Arts" to *rehabilitation*. A course that only semantic matches let in must name one
# matched skill: a word of its name or of one of its alternative labels ("law" for *legal studies*) is a word of the
# course's text (title, skills, description, modules), compared by their first STEM letters, or, for a word of
# ANCHOR_COMPOUND letters or more, part of the text with its spaces taken out ("homecare" in "Assisting in Home Care").
# ANCHOR_STOP: words of skill names that say what is done or how, not what it is done to. ANCHOR_MIN_LEN None: off.
ANCHOR_MIN_LEN: int | None = 3
ANCHOR_COMPOUND = 5
ANCHOR_STOP = frozenset({
    "and", "the", "for", "with", "from", "into", "out", "use", "using", "other", "their", "them", "that", "this",
    "such", "apply", "perform", "manage", "management", "provide", "develop", "ensure", "work", "maintain", "carry",
    "make", "give", "take", "keep", "handle", "conduct", "principles", "techniques", "activities", "operations",
    "procedures", "related", "specific", "various", "skills", "types", "general", "basic", "advanced"})


def anchor_words(text: object) -> set[str]:
    """Stems of the words of a skill's name or alias that can anchor a match (ANCHOR_MIN_LEN letters or more, not
    ANCHOR_STOP)."""
    if not isinstance(text, str) or ANCHOR_MIN_LEN is None:
        return set()
    return {w for w in WORD.findall(text.lower()) if len(w) >= ANCHOR_MIN_LEN and w not in ANCHOR_STOP}


def anchor_stem(word: str) -> str:
    """`stem` of the word without a plural s ("teams" and "team" are one word; "class" keeps its s)."""
    w = word.lower()
    return stem(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w)


def course_anchor_text(text: object) -> tuple[set[str], str]:
    """A course text as `anchored_matches` reads it: the stems of its words (`anchor_stem`) and the text without
    spaces."""
    words = WORD.findall(text.lower()) if isinstance(text, str) else []
    return {anchor_stem(w) for w in words}, "".join(words)


def names_course(words: set[str], course: tuple[set[str], str]) -> bool:
    """True when one of `words` (`anchor_words`) is a word of the course (`course_anchor_text`) or, ANCHOR_COMPOUND
    letters or longer, part of its text."""
    stems, squashed = course
    return any(anchor_stem(w) in stems or (len(w) >= ANCHOR_COMPOUND and w in squashed) for w in words)


def anchored_matches(sem: pd.DataFrame, skill_words: dict[str, set[str]],
                     courses: dict[str, tuple[set[str], str]]) -> pd.DataFrame:
    """The rows of `sem` (course_id, skill_id, score) whose course names the skill (`names_course`): `skill_words` maps
    skill_id -> `anchor_words` of its name and aliases, `courses` course_id -> `course_anchor_text`. A skill without
    anchor words keeps its matches: there is nothing to check."""
    if ANCHOR_MIN_LEN is None or sem.empty:
        return sem
    empty: tuple[set[str], str] = (set(), "")
    keep = [not skill_words.get(s) or names_course(skill_words[s], courses.get(c, empty))
            for c, s in zip(sem["course_id"].tolist(), sem["skill_id"].astype(str).tolist())]
    return sem[np.asarray(keep, dtype=bool)].reset_index(drop=True)
