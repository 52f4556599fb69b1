"""Two settings' top-10 course lists for some roles, side by side, to read (the order `careerpath courses ROLE --top 10`
gives, English).

    PYTHONPATH=src python bench/compare_course_lists.py --db STORE --roles a,b,c [--set NAME=VALUE] [--against NAME=VALUE]

Each role is loaded again under each setting (a setting can change its text, as relevance.BORROWED_TEXT_KINDS_OFF
does). Prints each role's lists, courses in only one list marked with + (only in --set's) or - (only in --against's).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from count_empty_courses import _setting  # noqa: E402

from careerpath import store  # noqa: E402
from careerpath.embed import default_embedder  # noqa: E402
from careerpath.guide.courses import catalogue  # noqa: E402
from careerpath.recommend import rank as R  # noqa: E402
from careerpath.recommend.filters import Filters  # noqa: E402
from careerpath.recommend.roles import load_role  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--roles", required=True)
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    ap.add_argument("--against", action="append", default=[], metavar="NAME=VALUE")
    args = ap.parse_args()
    con = store.connect(args.db)
    cat = catalogue(con)
    courses, cs, vecs, sv = cat.courses, cat.course_skills, cat.vecs, cat.skill_vecs
    title = courses.drop_duplicates("course_id").set_index("course_id")["title"]
    emb = default_embedder()

    def top10(slug: str, settings: list[tuple[object, str, object]]) -> list[str]:
        saved = [(m, n, getattr(m, n)) for m, n, _ in settings]
        for m, n, v in settings:
            setattr(m, n, v)
        try:
            role = load_role(con, slug)
            return [c["course_id"] for c in R.rank_courses(
                courses, cs, vecs, R.role_vectors(role, emb), role, top=10, filters=Filters(language="en"),
                skill_vecs=sv, task_vec=R.role_task_vector(con, slug, emb))]
        finally:
            for m, n, v in saved:
                setattr(m, n, v)

    a_set = [_setting(kv) for kv in args.set]
    b_set = [_setting(kv) for kv in args.against]
    for slug in args.roles.split(","):
        a, b = top10(slug, a_set), top10(slug, b_set)
        print(f"== {slug}: {len(b)} -> {len(a)} courses, {len(set(a) - set(b))} new")
        print("  against:")
        for c in b:
            print(f"    {'-' if c not in a else ' '} {c}\t{title.get(c, '')}")
        print("  set:")
        for c in a:
            print(f"    {'+' if c not in b else ' '} {c}\t{title.get(c, '')}")


if __name__ == "__main__":
    main()
