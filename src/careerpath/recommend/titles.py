"""The order among course candidates that pass every check: a title that names the role's subject (c29).

Among the candidates `rank` keeps, a course whose title says what the role does ("Global Procurement and Sourcing"
for purchasing agents, "Photovoltaic Systems" for solar installers) is graded above a course whose text is as close to
the role but whose title names another subject ("Buyer Behaviour and Analysis", "Fundamentals of Global Energy
Business"). The title is the course's own statement of its subject; the text cosine and the skills it claims spread
over everything it touches. `order_by_title_words` scales each candidate's relevance by 1 + TITLE_WORDS_GAIN x the
share of its title's content words that are words of the role's title or of its TITLE_WORDS_TOP heaviest skills
(`title_word_share`), after every check: which courses pass does not change, only their order.

Words are compared by `discipline.anchor_stem` (first letters, no plural s); a title's words that say what kind of
course it is (TITLE_KIND_WORDS: "introduction", "specialization"...) or how a skill is done (`discipline.ANCHOR_STOP`)
are not its subject and do not count either way.
"""

from __future__ import annotations

import re

import pandas as pd

from careerpath.recommend.discipline import ANCHOR_STOP, anchor_stem, anchor_words

# The role's heaviest skills (by `weighted_role_skills` weight) whose words count as the role's subject, with its title.
TITLE_WORDS_TOP = 3
# Relevance x (1 + TITLE_WORDS_GAIN x share); None or 0: off. c29: 0.1-0.3 measured, 0.2 kept (bench/README.md).
TITLE_WORDS_GAIN: float | None = 0.2
# Words of course titles that say what kind of course it is, not what it is about.
TITLE_KIND_WORDS = frozenset({
    "introduction", "intro", "fundamentals", "foundations", "foundation", "basics", "essentials", "beginners",
    "beginner", "course", "specialization", "professional", "certificate", "capstone", "project", "part", "level",
    "complete", "guide", "mastery", "masterclass", "learn", "learning", "understanding", "getting", "started",
    "practice", "practical", "overview", "program", "programme"})
_WORD = re.compile(r"[a-z]+")
# O*NET titles name what the role is not after "Except" ("Secretaries and Administrative Assistants, Except Legal,
# Medical, and Executive"): those words are not its subject.
_EXCEPT = re.compile(r",?\s*\bexcept\b", re.IGNORECASE)


def role_subject_words(role_title: str, rs: pd.DataFrame, top: int = TITLE_WORDS_TOP) -> set[str]:
    """Stems (`anchor_stem`) of the words of the role's title (before an "Except") and of its `top` heaviest skills'
    names (`rs`, from `weighted_role_skills`: skill_id, name, weight)."""
    words = set(anchor_words(_EXCEPT.split(role_title or "")[0]))
    if top and len(rs) and "name" in rs and "weight" in rs:
        heavy = rs.sort_values("weight", ascending=False, kind="stable").drop_duplicates("skill_id").head(top)
        for name in heavy["name"]:
            words |= anchor_words(name)
    return {anchor_stem(w) for w in words}


def title_word_share(title: object, subject: set[str]) -> float:
    """Share of the title's content words (3 letters or more, not TITLE_KIND_WORDS or ANCHOR_STOP) whose stem is in
    `subject`; 0 for a title with none."""
    if not isinstance(title, str) or not subject:
        return 0.0
    words = {anchor_stem(w) for w in _WORD.findall(title.lower())
             if len(w) >= 3 and w not in TITLE_KIND_WORDS and w not in ANCHOR_STOP}
    return len(words & subject) / len(words) if words else 0.0


def order_by_title_words(rel: pd.DataFrame, role_title: str, rs: pd.DataFrame) -> pd.DataFrame:
    """`rel` (merged with the courses: `title`) with relevance scaled by 1 + TITLE_WORDS_GAIN x `title_word_share`,
    best first. Unchanged with the check off, without titles, or when no title names the role's subject."""
    if not TITLE_WORDS_GAIN or rel.empty or "title" not in rel:
        return rel
    subject = role_subject_words(role_title, rs)
    share = rel["title"].map(lambda t: title_word_share(t, subject)).astype(float)
    if not (share > 0).any():
        return rel
    out = rel.assign(relevance=(rel["relevance"].astype(float) * (1.0 + TITLE_WORDS_GAIN * share)).round(4))
    return out.sort_values("relevance", ascending=False, kind="stable").reset_index(drop=True)
