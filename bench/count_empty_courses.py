"""How many of the store's roles get no course at all (`careerpath courses ROLE --top 10`, English), and how many a
short list (fewer than --short courses): the ranker run over every role, as the bench runs it.

    PYTHONPATH=src python bench/count_empty_courses.py --db STORE [--kinds occupation] [--out FILE]
        [--set NAME=VALUE] [--against NAME=VALUE]

`--set` changes a constant of `recommend.rank` (or `relevance.NAME`) for the counted run; `--against` runs every role a
second time with that setting too and counts both (e.g. `--against CLOSE_MAX_ROLE_RANK=None`: main's behaviour).
With --out, one line per role: slug, courses returned (and with --against, returned under it).
"""
from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

from careerpath import store
from careerpath.embed import default_embedder
from careerpath.recommend import rank as R
from careerpath.recommend import relevance as REL
from careerpath.recommend.filters import Filters
from careerpath.guide.courses import catalogue
from careerpath.recommend.roles import load_role


def _setting(kv: str) -> tuple[object, str, object]:
    name, value = kv.split("=", 1)
    mod = REL if name.startswith("relevance.") else R
    name = name.removeprefix("relevance.")
    if not hasattr(mod, name):
        raise SystemExit(f"no constant {name} in {mod.__name__}")
    return mod, name, ast.literal_eval(value)


def _summary(label: str, counts: dict[str, int], short: int) -> str:
    n = len(counts)
    empty = sum(1 for v in counts.values() if v == 0)
    few = sum(1 for v in counts.values() if 0 < v < short)
    return (f"{label}: roles {n}, empty {empty} ({empty / max(n, 1):.1%}), 1-{short - 1} courses {few}, "
            f"{short}+ courses {n - empty - few}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--kinds", default=None, help="comma-separated role kinds to count (default: every role)")
    ap.add_argument("--short", type=int, default=5)
    ap.add_argument("--out", default=None)
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    ap.add_argument("--against", action="append", default=[], metavar="NAME=VALUE")
    args = ap.parse_args()
    for kv in args.set:
        mod, name, value = _setting(kv)
        setattr(mod, name, value)
    against = [_setting(kv) for kv in args.against]
    con = store.connect(args.db)
    cat = catalogue(con)  # the courses, their skills and vectors, and the skill vectors the guides rank with
    courses, cs, vecs, sv = cat.courses, cat.course_skills, cat.vecs, cat.skill_vecs
    emb = default_embedder()
    roles = con.execute("SELECT slug, kind FROM roles ORDER BY slug").fetchall()
    if args.kinds:
        keep = set(args.kinds.split(","))
        roles = [r for r in roles if r[1] in keep]
    counts: dict[str, int] = {}
    other: dict[str, int] = {}
    for slug, _ in roles:
        try:
            role = load_role(con, slug)
        except Exception as e:  # noqa: BLE001 - a role without a profile is counted apart
            print(f"{slug}: no profile ({e})", file=sys.stderr)
            continue
        rvec, tvec = R.role_vectors(role, emb), R.role_task_vector(con, slug, emb)

        def run(role=role, rvec=rvec) -> int:
            return len(R.rank_courses(courses, cs, vecs, rvec, role, top=10, filters=Filters(language="en"),
                                      skill_vecs=sv, task_vec=tvec))
        counts[slug] = run()
        if against:
            saved = [(m, n, getattr(m, n)) for m, n, _ in against]
            for m, n, v in against:
                setattr(m, n, v)
            try:
                # the role is loaded again: a setting can change its text (relevance.BORROWED_TEXT_KINDS_OFF)
                role2 = load_role(con, slug)
                other[slug] = run(role2, R.role_vectors(role2, emb))
            finally:
                for m, n, v in saved:
                    setattr(m, n, v)
    print(_summary("counted", counts, args.short))
    if against:
        print(_summary("against " + " ".join(args.against), other, args.short))
        moved = [(s, other[s], counts[s]) for s in counts if other[s] != counts[s]]
        print(f"lists that differ: {len(moved)}")
        for s, a, b in moved:
            print(f"  {s}: {a} -> {b}")
    if args.out:
        Path(args.out).write_text("".join(f"{s}\t{v}" + (f"\t{other[s]}" if against else "") + "\n"
                                          for s, v in counts.items()))


if __name__ == "__main__":
    main()
