"""Draw candidate sentences for a new blind skill set (issue 4): fixed seed, postings no earlier set used.

    PYTHONPATH=src .venv/bin/python bench/skills_draw.py --db STORE --seed dev5 [--per-group 14] > candidates.txt

Technical postings come from the data/IT sources (Glassdoor x3, ds-bookcamp, NoFluffJobs), the rest from NHS,
LA City bulletins and Adzuna ads whose title names no IT/data job; sources are taken round-robin, postings in
sha1(seed + posting_id) order, skipping postings (and their duplicates) that a tests/data/skills_dev*.jsonl set
already uses. For each posting the candidate sentences (8-45 words) are printed in seeded order; the annotator
takes, per posting, the first two that carry skill content (the dev2-dev4 rule), before any extractor runs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
TECH = ("postings-glassdoor-kenjee-2020", "postings-glassdoor-atharvap329-2020", "postings-glassdoor-rashikrahmanpritom-2021",
        "postings-ds-bookcamp", "postings-nofluffjobs-warsaw-2022")
OTHER = ("postings-nhs-jobs-uk-2020", "postings-la-city-bulletins", "postings-adzuna-uk-2013")
IT_TITLE = re.compile(r"\b(data|develop|software|engineer|programm|analyst|IT|SQL|java|web|network|systems?|cyber|devops)\b", re.I)
SENT = re.compile(r"[^.!?\n\u2022]+[.!?]?")


def key(seed: str, s: str) -> str:
    return hashlib.sha1((seed + s).encode()).hexdigest()


def used_postings() -> set[str]:
    return {json.loads(line)["posting_id"] for f in sorted((ROOT / "tests" / "data").glob("skills_dev*.jsonl"))
            for line in f.read_text(encoding="utf-8").splitlines() if line.strip()}


def draw(con: duckdb.DuckDBPyConnection, seed: str, per_group: int) -> list[tuple[str, str, str, str, list[str]]]:
    used = used_postings()
    rows = con.execute("SELECT posting_id, duplicate_of, source_id, title, description FROM postings "
                       "WHERE description IS NOT NULL AND length(description) >= 300").fetchall()
    out = []
    for group, sources in (("technical", TECH), ("other", OTHER)):
        pools = {s: sorted((r for r in rows if r[2] == s and r[0] not in used and r[1] not in used
                            and (group == "technical" or not IT_TITLE.search(r[3] or ""))), key=lambda r: key(seed, r[0]))
                 for s in sources}
        taken, i = 0, 0
        while taken < per_group:
            for s in sources:
                if taken < per_group and i < len(pools[s]):
                    pid, _, src, title, desc = pools[s][i]
                    sents = [" ".join(m.group().split()) for m in SENT.finditer(desc)]
                    sents = [x for x in dict.fromkeys(sents) if 8 <= len(x.split()) <= 45]
                    out.append((group, pid, src, title, sorted(sents, key=lambda x: key(seed, x))[:12]))
                    taken += 1
            i += 1
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True)
    ap.add_argument("--seed", default="dev5")
    ap.add_argument("--per-group", type=int, default=14)
    args = ap.parse_args()
    con = duckdb.connect(args.db, read_only=True)
    for group, pid, src, title, sents in draw(con, args.seed, args.per_group):
        print(f"## {group} {pid} | {title}")
        for k, s in enumerate(sents):
            print(f"  [{k}] {s}")


if __name__ == "__main__":
    main()
