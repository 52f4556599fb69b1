"""Luke Barousse's data_jobs skill keyword list -> `skill_keywords(skill_id, name, type)`.

These are the keywords behind `job_skills` in the data_jobs postings, so matching them verbatim lets
those postings' skills join the taxonomy. A row without an integer id or a name is rejected. (The ESCO
label list is loaded by `sources/esco.py` as `esco_skill_labels`.)
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from careerpath.progress import log
from careerpath.sources._base import (
    FileStats, Loaded, Reject, SourceInfo, check_reject_share, read_table, rel, sha256_file,
)

SOURCE = SourceInfo(
    "lukebarousse-skills", "Luke Barousse", "data_jobs skill dimension (skills_dim.csv)",
    "lukebarousse/PowerBI_Data_Analytics_Course@dc64a4f470a0", "not stated (data_jobs: Apache-2.0 per its dataset card)",
    "https://github.com/lukebarousse/PowerBI_Data_Analytics_Course", "2024",
)
FILE = "skills/lukebarousse_skills_dim.csv"


def load(data_dir: Path) -> list[Loaded]:
    path = data_dir / FILE
    if not path.exists():
        log(f"  lukebarousse-skills: {FILE} not in the data folder; skipped")
        return []
    df = read_table(path, required=("skill_id", "skills", "type"))
    rp = rel(path, data_dir)
    stats = FileStats(rp, sha256_file(path), rows_read=len(df))
    rows, rejects = [], []
    for line, (sid, name, typ) in enumerate(zip(df["skill_id"], df["skills"], df["type"]), start=1):
        sid, name, typ = sid.strip(), name.strip(), typ.strip().lower()
        if not re.fullmatch(r"\d+", sid) or not name:
            reason = "skill_id is not an integer" if name else "no skill name"
            rejects.append(Reject(rp, line, reason, f"{sid},{name},{typ}"[:500]))
            continue
        rows.append(dict(skill_id=int(sid), name=name.lower(), type=typ or None))
    stats.rows_loaded, stats.rows_rejected = len(rows), len(rejects)
    check_reject_share(path, stats)
    table = pd.DataFrame.from_records(rows, columns=["skill_id", "name", "type"])
    return [Loaded(SOURCE, tables={"skill_keywords": table}, files=[stats], rejects=rejects)]
