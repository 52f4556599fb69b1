"""The skills the ranker adds to each role's profile (O*NET task skills, implied, feedback), with their weights.

    PYTHONPATH=src python bench/role_added_skills.py --db STORE [--roles a,b] [--top 15] [--out FILE.tsv]

For every role (or `--roles`): the role's skills as `rank.rank_course_lists` sees them after `with_onet_skills`,
`with_implied_skills` and `feedback_skills`, ordered by weight (`weighted_role_skills`), with each skill's type
(profile / onet / implied / feedback), its cosine to the role's O*NET task text and whether it opens the floor. With
`--out`, one row per (role, skill) of the top `--top` by weight, to compare two runs; printed: the roles given.
"""
from __future__ import annotations

import argparse

import numpy as np
import pandas as pd

from careerpath import store
from careerpath.embed import default_embedder
from careerpath.recommend import rank as R
from careerpath.guide.courses import catalogue
from careerpath.recommend.relevance import weighted_role_skills
from careerpath.recommend.roles import load_role


def added_skills(courses, cs, vecs, sv, role, rvec, tvec) -> pd.DataFrame:
    shares = dict(sv.role_share)
    shares.update(R.specialty_shares(role, shares, sv))
    role = R.with_implied_skills(R.with_onet_skills(role, sv), cs, sv, rvec, tvec)
    cat = R._catalog(vecs, cs, len(courses), sv)
    spec, ids, cmat = cat["spec"], cat["ids"], cat["cmat"]
    rv = R.role_views(rvec, role.slug, sv)
    all_cos = (cmat @ rv.T).mean(axis=1)
    contrast = R.contrast_cosines(all_cos, cmat, sv)
    text = pd.Series(contrast, index=ids, dtype=float)
    cat_floor = R.catalog_floor(text.to_numpy())
    fit = R.role_skill_fit(cs, text, cat_floor, ids, cmat, role.slug, sv, cat)
    role = R.feedback_skills(role, ids, all_cos, contrast, cmat, cs, spec, shares, sv, fit, tvec)
    rs = weighted_role_skills(role, spec, shares, fit)
    src = {}
    for k in ("onet", "implied", "feedback"):
        for s in role.extra.get(k, []):
            src.setdefault(str(s), k)
    rs["source"] = rs["skill_id"].astype(str).map(lambda s: src.get(s, "profile"))
    if tvec is not None:
        rs["task_cos"] = [float(sv.mat[sv.index[s]] @ tvec) if s in sv.index else np.nan for s in rs["skill_id"]]
    else:
        rs["task_cos"] = np.nan
    return rs.sort_values("weight", ascending=False).reset_index(drop=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--roles")
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--out")
    args = ap.parse_args()
    con = store.connect(args.db)
    cat = catalogue(con)  # the courses, their skills and vectors, and the skill vectors the guides rank with
    courses, cs, vecs, sv = cat.courses, cat.course_skills, cat.vecs, cat.skill_vecs
    emb = default_embedder()
    slugs = args.roles.split(",") if args.roles else [r[0] for r in con.execute("SELECT slug FROM profiles ORDER BY slug").fetchall()]
    rows = []
    for slug in slugs:
        role = load_role(con, slug)
        rvec = R.role_vectors(role, emb)
        tvec = R.role_task_vector(con, slug, emb)
        rs = added_skills(courses, cs, vecs, sv, role, rvec, tvec).head(args.top)
        rs.insert(0, "slug", slug)
        rows.append(rs[["slug", "skill_id", "source", "type", "importance", "weight", "fit", "task_cos", "floor_skill"]])
        if args.roles:
            print(f"=== {slug}")
            print(rows[-1].drop(columns="slug").round(3).to_string())
    if args.out:
        pd.concat(rows).to_csv(args.out, sep="\t", index=False)


if __name__ == "__main__":
    main()
