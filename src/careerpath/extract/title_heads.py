"""Head-noun / modifier analysis of a normalised title: the field a title names, read as a role.

Posting titles often name a field where O*NET's aliases name a role: "Data Engineering Expert",
"Specialist - Data Engineering" (normalised "data engineering specialist") and "Director of Data Science"
say "data engineer" and "data scientist" with a generic head ("expert", "specialist", "director") that
no alias pairs with the field. Two readings, both checked against the alias index, never a word list
of fields:

- `field_role`: a generic head after a field is the field's practitioner ("data engineering specialist"
  -> "data engineer"), when that role is an alias;
- `managed_role`: a manager / director / head of a field manages that field's practitioners ("data
  engineering manager", "director of data science"); the caller decides which manager code that is
  (Computer and Information Systems Managers when the practitioners are computer occupations).

The field word becomes its role word by shared stem ("engineering" -> "engineer", "science" ->
"scientist", "analytics" -> "analyst", "development" -> "developer"): the role is the index's role
word (`TitleIndex.head_words`) sharing the longest stem with the field word.
"""

from __future__ import annotations

from typing import Callable, Collection

GENERIC_HEADS = frozenset({"specialist", "practitioner", "expert", "professional", "lead", "consultant"})
# "<field> engineering associate": LA City's Engineering Associate class series (civil, electrical, mechanical, fire
# protection ...) are the field's professional engineers; other associates ("research analytics associate", "data
# analytics associate") are a bank's or a firm's rank, read by the other stages
ASSOCIATE_FIELDS = frozenset({"engineering"})
MANAGER_HEADS = frozenset({"manager", "director", "head", "vp"})
_NOT_ROLES = frozenset({"manager", *MANAGER_HEADS, *GENERIC_HEADS})  # "management" is not "manager"'s field
MIN_STEM = 5
MANAGER_FIRST = True  # "Manager, Data Engineering" (the rank first, no "of"); off to measure without


def _stem_len(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def role_word(field: str, head_words: Collection[str], cache: dict[str, str | None] | None = None) -> str | None:
    """The role word that practises `field` ("engineering" -> "engineer"), or None.

    A role word qualifies when it shares a stem of at least five letters with the field word, at most four
    of its own letters lie past that stem ("scien|tist", "analy|st") and the field word goes on past it too:
    "programme" is not the field of "programmer" (a programme manager runs programmes). The longest stem wins."""
    if cache is not None and field in cache:
        return cache[field]
    best, best_n = None, 0
    if field not in head_words and len(field) >= MIN_STEM:
        for r in head_words:
            if r == field or r in _NOT_ROLES:
                continue
            n = _stem_len(field, r)
            if n >= MIN_STEM and len(r) - n <= 4 and 1 <= len(field) - n <= 4 and (n, -len(r)) > (best_n, -len(best or "")):
                best, best_n = r, n
    if cache is not None:
        cache[field] = best
    return best


def field_role(key: str, head_words: Collection[str], is_alias: Callable[[str], bool],
               cache: dict[str, str | None] | None = None) -> str | None:
    """"data engineering specialist" -> "data engineer" when that is an alias; else None."""
    words = key.split()
    if len(words) < 2:
        return None
    if not (words[-1] in GENERIC_HEADS or (words[-1] == "associate" and words[-2] in ASSOCIATE_FIELDS)):
        return None
    return as_role(words[:-1], head_words, is_alias, cache)


def managed_role(key: str, head_words: Collection[str], is_alias: Callable[[str], bool],
                 cache: dict[str, str | None] | None = None) -> str | None:
    """The role a manager title manages: "data engineering manager" / "director of data engineering" /
    "manager data engineering" -> "data engineer" when that is an alias; else None."""
    words = key.split()
    if len(words) >= 2 and words[-1] in MANAGER_HEADS:
        field = words[:-1]
    elif len(words) >= 3 and words[0] in MANAGER_HEADS and words[1] == "of":
        field = words[2:]
    elif (MANAGER_FIRST and len(words) >= 3 and words[0] in MANAGER_HEADS
          and not any(w in head_words for w in words[1:])):
        # "Sr Mgr-Data Engineering": the rank first, then the field it runs; not a role ("Director Senior Data
        # Analyst" is a data analyst at director level as likely as a manager of analysts)
        field = words[1:]
    else:
        return None
    return as_role(field, head_words, is_alias, cache)


def as_role(field: list[str], head_words: Collection[str], is_alias: Callable[[str], bool],
             cache: dict[str, str | None] | None) -> str | None:
    """The field's role if it is an alias of two words or more (a bare "analyst" says too little); a field of
    several parts ("data science and analytics") is read part by part, the last first; a field whose whole role is
    no alias drops its leading modifiers ("client data analytics" -> "data analyst")."""
    parts = [[]]
    for w in field:
        if w == "and":
            parts.append([])
        else:
            parts[-1].append(w)
    for part in reversed([p for p in parts if len(p) >= 2]):
        if part[-1] in head_words and part[-1] not in _NOT_ROLES:
            # already a role ("data engineer manager", "data applications engineer manager"): the whole role if it
            # is an alias, else its first modifier with its head ("data engineer") when that is one
            for phrase in (" ".join(part), f"{part[0]} {part[-1]}"):
                if is_alias(phrase):
                    return phrase
            continue
        role = role_word(part[-1], head_words, cache)
        if role is not None:
            for k in range(len(part) - 1):  # "client data analytics": "client data analyst", else "data analyst"
                if is_alias(phrase := " ".join([*part[k:-1], role])):
                    return phrase
    return None
