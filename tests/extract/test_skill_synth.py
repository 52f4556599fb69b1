"""The synthetic posting sentences of the seventh skills pass (tests/data/skills_synth.jsonl, bench/skills_synth.py):
well-formed, ESCO-backed, 2-3 sentences per concept, and none names its own skill outright (the point of the set:
a competence described, not quoted), except languages, which postings can only name."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"
LANGUAGES = {"English", "Welsh", "Spanish", "German", "Polish", "Dutch", "Danish", "French", "Italian", "Norwegian",
             "Swedish", "Chinese"}


def _norm(s: str) -> str:
    return " ".join(re.findall(r"\w+", s.lower()))


def test_synthetic_sentences_describe_without_naming() -> None:
    items = [json.loads(line) for line in (DATA / "skills_synth.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    assert 900 <= len(items) <= 1500
    assert all(set(it) == {"text", "skill", "esco_uri", "stratum"} for it in items)
    assert all(it["esco_uri"].startswith("http://data.europa.eu/esco/skill/") for it in items)
    assert {it["stratum"] for it in items} == {"technical", "care", "trade_office"}
    assert len({it["text"] for it in items}) == len(items)
    per = Counter(it["esco_uri"] for it in items)
    assert set(per.values()) <= {2, 3}
    quoted = [it for it in items if it["skill"] not in LANGUAGES
              and re.search(rf"\b{re.escape(_norm(it['skill']))}\b", _norm(it["text"]))]
    assert not quoted, quoted[:3]
    dev = {json.loads(line)["text"] for f in DATA.glob("skills_dev*.jsonl")
           for line in f.read_text(encoding="utf-8").splitlines() if line.strip()}
    assert not dev & {it["text"] for it in items}
