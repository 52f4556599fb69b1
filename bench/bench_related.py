"""How related roles agree with O*NET's curated related occupations, and what the lists hold.

    python bench/bench_related.py --db careerpath.duckdb

For every O*NET occupation with a related-occupations list and any skills: of the 8 occupations most
similar in skills, how many O*NET lists as related (precision@8), under three similarities: O*NET ratings
and posting shares only (before 2026-11-27), the profile's ranked skills only, and `build._similarity`
(both, over the evidence each pair has). O*NET's list is itself built mostly from O*NET's own ratings,
so the first wins by construction; the figure says how far the others move from it. Then, over the
lists: emerging roles named in occupations' lists, lists in similarity order,
and pairs at similarity 0, as stored in the store's `profiles` (the code that built it).
"""

from __future__ import annotations

import argparse

import numpy as np

from careerpath import store
from careerpath.profile import aggregates, build
from careerpath.profile.model import Profile


def precision(sim: np.ndarray, slugs: list[str], profiles: dict, related: dict[str, set[str]]) -> tuple[float, int]:
    hits = n = 0
    for i, s in enumerate(slugs):
        if profiles[s].role.kind != "occupation" or not related.get(s) or not sim[i].any():
            continue
        top = [j for j in np.argsort(-sim[i]) if j != i and profiles[slugs[j]].role.kind == "occupation"][:8]
        hits += sum(slugs[j] in related[s] for j in top)
        n += 8
    return hits / max(n, 1), n // 8


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", default="careerpath.duckdb")
    args = ap.parse_args()
    con = store.connect(args.db)
    profiles = build.compute_profiles(con)
    agg = aggregates.collect(con)
    slugs = list(profiles)
    by_code: dict[str, list[str]] = {}
    for s, p in profiles.items():
        if p.role.kind == "occupation" and p.role.soc:
            by_code.setdefault(p.role.soc[0].code, []).append(s)
    related = {s: {t for r in agg.related.get(s, []) for t in by_code.get(r["related_soc_code"], []) if t != s}
               for s in slugs}
    full = build._similarity(agg, profiles, slugs)
    only_rated = build._similarity(agg, {s: _no_skills(p) for s, p in profiles.items()}, slugs)
    only_profile = build._similarity(aggregates.Aggregates(roles=[]), profiles, slugs)
    for label, sim in (("O*NET ratings + posting shares", only_rated), ("profile's ranked skills", only_profile),
                       ("both (build._similarity)", full)):
        p, n = precision(sim, slugs, profiles, related)
        print(f"{label:34s} precision@8 vs O*NET related {p:.3f} over {n} occupations")
    lists_report(profiles, agg, by_code)
    stored = dict(con.execute("SELECT slug, json FROM profiles").fetchall())  # what the store's guides show
    lists = {s: Profile.model_validate_json(stored[s]).related_roles for s in slugs if s in stored}
    emerging = sum(1 for s, rel in lists.items() if profiles[s].role.kind == "occupation"
                   for r in rel if profiles[r.slug].role.kind == "emerging")
    ordered = sum(1 for rel in lists.values() if [r.similarity for r in rel] == sorted((r.similarity for r in rel), reverse=True))
    zero = sum(1 for rel in lists.values() for r in rel if r.similarity <= 0)
    print(f"roles {len(lists)}, with related roles {sum(bool(v) for v in lists.values())}; emerging roles in "
          f"occupations' lists {emerging}; lists in similarity order {ordered}; related at similarity 0: {zero}")


def lists_report(profiles: dict, agg: aggregates.Aggregates, by_code: dict[str, list[str]]) -> None:
    """The lists this code builds (`compute_profiles`), as a reader meets them: how many of O*NET's closest
    related occupations (its first five, "Primary-Short") they hold, and how far their job zones (O*NET's
    preparation levels, 1-5) sit from the role's. O*NET picks the slots, so the first figure follows from
    the code; the job-zone gap does not."""
    short = lists = 0
    gap_list = []
    for s, p in profiles.items():
        if p.role.kind != "occupation" or not p.related_roles:
            continue
        first = {t for r in agg.related.get(s, []) if r["rank"] <= 5 for t in by_code.get(r["related_soc_code"], [])}
        short += sum(r.slug in first for r in p.related_roles)
        lists += 1
        zone = p.education.job_zone
        if zone is not None:
            gap_list += [abs(profiles[r.slug].education.job_zone - zone) for r in p.related_roles
                         if profiles[r.slug].education.job_zone is not None]
    gaps = np.array(gap_list or [0])
    print(f"lists of this code: {lists} occupations; O*NET's first five related per list {short / max(lists, 1):.2f}; "
          f"job-zone gap mean {gaps.mean():.3f}, two zones or more {np.mean(gaps >= 2):.1%}")


def _no_skills(p):
    q = p.model_copy(deep=True)
    q.skills.items = []
    return q


if __name__ == "__main__":
    main()
