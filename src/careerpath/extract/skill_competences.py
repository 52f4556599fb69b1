"""The competence a language line or a licence line states (issue 4, fifteenth pass; bench/README.md).

Postings state languages and licences ("fluent Spanish", "ability to speak Welsh", "full clean driving licence", "Class B
driver's license"). The lexical stage finds the language as ESCO knowledge (*Spanish*) and the licence as a certification
(*Driving licence*, no ESCO concept), while what the sentence asks for, and what annotators tag, is the competence:
*interact verbally in Spanish*, *drive vehicles*. Two rules, both over the taxonomy's own labels:

- `LanguageForms`: ESCO names each language's competences with four fixed patterns ("interact verbally in L",
  "understand spoken L", "understand written L", "write L"); a skill L is a language when its speaking competence
  exists. A cue word in the language's sentence says which competence is meant ("speak", "fluent", "verbal" -> speak;
  "read" -> read; "write", "written" -> write; "understand", "comprehend" -> listen).
- `credential_competences`: a licence to practise (a certification of the taxonomy's curated table: *Registered Nurse
  licence* from "RGN", "NMC registered"; *Driving licence* from "full clean driving licence", "Class B driver's license")
  states the competence it licenses (*provide professional care in nursing*, *drive vehicles*): the `states` rows of
  `careerpath/data/skill_overrides.csv`. `car_spans` ("own car", "access to a vehicle") states *drive vehicles* too.
"""

from __future__ import annotations

import re
from typing import Mapping

# the competence ESCO names for each use of a language L
FORMS = {"speak": "interact verbally in {}", "listen": "understand spoken {}", "read": "understand written {}",
         "write": "write {}"}
CUES = {
    "speak": re.compile(r"(?i)\b(speak(s|ing|ers?)?|spoken|verbal(ly)?|oral(ly)?|fluen(t|tly|cy)|conversational|bilingual)\b"),
    "listen": re.compile(r"(?i)\b(understand(s|ing)?|comprehen(d|sion)|listen(s|ing)?)\b"),
    "read": re.compile(r"(?i)\b(read(s|ing)?)\b"),
    "write": re.compile(r"(?i)\b(writ(e|es|ing|ten))\b"),
}
DRIVE = "drive vehicles"
# a car of one's own or access to one: UK care and field ads' way of asking for a driver
CAR = re.compile(r"(?i)\b(own|access to an?|use of an?)\s+(car|vehicle)\b")
# plain substrings one of which every CAR match contains (lower-cased, single-spaced): a test ~15x cheaper than the regex over
# a whole posting, so the regex runs on the few that pass (a posting without the phrase costs one lower() and six finds)
_CAR_KEYS = ("own car", "own vehicle", "to a car", "to a vehicle", "of a car", "of a vehicle", "to an vehicle", "of an vehicle")
_SENTENCE = re.compile(r"[^.!?;\n\u2022]+")


def car_spans(text: str) -> list[list[int]]:
    """Character spans of "own car", "access to a vehicle", "use of a car" ... in `text`."""
    low = text.lower()
    if not any(k in low for k in _CAR_KEYS):
        return []
    return [[m.start(), m.end()] for m in CAR.finditer(text)]


def credential_competences(names: Mapping[int, str]) -> dict[int, int]:
    """certification skill -> the competence skill it licenses (the `states` rows of the curated table), for the pairs
    whose both names are in `names`."""
    from careerpath.extract.taxonomy import load_overrides

    by_name = {n: i for i, n in names.items()}
    return {by_name[r["name"]]: by_name[r["value"]] for r in load_overrides()
            if r["kind"] == "states" and r["name"] in by_name and r["value"] in by_name}


class LanguageForms:
    """language skill -> {use: competence skill} for every language whose speaking competence the taxonomy has."""

    def __init__(self, names: Mapping[int, str], uses: tuple[str, ...] = tuple(FORMS)) -> None:
        by_name = {n.lower(): i for i, n in names.items()}
        self.uses = tuple(u for u in uses if u in FORMS)
        self.forms: dict[int, dict[str, int]] = {}
        for i, n in names.items():
            if FORMS["speak"].format(n).lower() not in by_name:
                continue
            forms = {u: by_name[FORMS[u].format(n).lower()] for u in self.uses if FORMS[u].format(n).lower() in by_name}
            if forms:
                self.forms[i] = forms

    def competences(self, text: str, i: int, spans: list[list[int]]) -> list[int]:
        """The competences of language `i` that the sentences of its matches ask for, in FORMS order."""
        forms = self.forms.get(i)
        if not forms:
            return []
        found: list[int] = []
        for m in _SENTENCE.finditer(text):
            if not any(s < m.end() and m.start() < e for s, e in spans):
                continue
            sent = m.group()
            for use in self.uses:
                if use in forms and forms[use] not in found and CUES[use].search(sent):
                    found.append(forms[use])
        return found

