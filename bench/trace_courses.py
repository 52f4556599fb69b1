"""Where a role's judged courses are lost: every check of `rank.rank_course_lists`, in its order, for one role.

    PYTHONPATH=src python bench/trace_courses.py --db STORE --roles a,b [--min-grade 2] [--all-stages]

For each judged course at `--min-grade` or above (tests/data/course_judgments.tsv): the first check that drops it
(no role skill claimed or matched; no floor skill among its skills; the text floor; slivers; another discipline; the
raw floor; role rank / family rank / semantic role rank; the relative cut; `nothing_close`; thin misfits), or its
place among the candidates `_pick` gets; with the numbers the checks use (contrast, raw cosine, role rank, coverage,
the skills it claims of the role's and whether they open the floor). Mirrors `rank_course_lists` step by step, and says
so when the ranker returns a course its last step does not hold (the two have drifted apart).
"""
from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import pandas as pd

from careerpath import store  # noqa: E402
from careerpath.embed import default_embedder  # noqa: E402
from careerpath.recommend import rank as R  # noqa: E402
from careerpath.recommend.discipline import anchored_matches, drop_other_disciplines  # noqa: E402
from careerpath.recommend.filters import Filters  # noqa: E402
from careerpath.guide.courses import catalogue  # noqa: E402
from careerpath.recommend.relevance import (GENERIC_TYPES, MIN_SKILL_FIT, relevance_table,  # noqa: E402
                                            semantic_skill_matches, soft_trade, weighted_role_skills)
from careerpath.recommend.roles import load_role  # noqa: E402

JUDGMENTS = Path(__file__).resolve().parents[1] / "tests" / "data" / "course_judgments.tsv"


def trace(courses, course_skills, vecs, role_vec, role, skill_vecs, task_vec):
    """(stages, info): stages = [(name, set of candidate ids after it)], info = per-course numbers."""
    shares = dict(skill_vecs.role_share)
    shares.update(R.specialty_shares(role, shares, skill_vecs))
    role = R.with_implied_skills(R.with_onet_skills(role, skill_vecs), course_skills, skill_vecs, role_vec, task_vec)
    cat = R._catalog(vecs, course_skills, len(courses), skill_vecs)
    spec, ids, cmat = cat["spec"], cat["ids"], cat["cmat"]
    rv = R.role_views(role_vec, role.slug, skill_vecs)
    all_cos = (cmat @ rv.T).mean(axis=1)
    contrast = R.contrast_cosines(all_cos, cmat, skill_vecs)
    raw = pd.Series(all_cos, index=ids, dtype=float)
    text = pd.Series(contrast, index=ids, dtype=float)
    cat_floor = R.catalog_floor(text.to_numpy())
    fit = R.role_skill_fit(course_skills, text, cat_floor, ids, cmat, role.slug, skill_vecs, cat)
    role = R.feedback_skills(role, ids, all_cos, contrast, cmat, course_skills, spec, shares, skill_vecs, fit, task_vec)
    cs_role = course_skills[course_skills["skill_id"].isin(set(role.skills["skill_id"].astype(str)))]
    cs_role = cs_role[["course_id", "skill_id", "score"]]
    stages = [("+ claims a role skill", set(cs_role["course_id"]))]
    rs0 = weighted_role_skills(role, spec, shares, fit)
    trade = set(rs0.loc[rs0["floor_skill"] & soft_trade(rs0) & rs0["type"].isin(GENERIC_TYPES), "skill_id"])
    sem = semantic_skill_matches(rs0, skill_vecs.index, skill_vecs.mat, ids, cmat)
    floor_ids = set(rs0.loc[rs0["floor_skill"], "skill_id"])
    semantic_only = set(sem["course_id"]) - set(cs_role.loc[cs_role["skill_id"].isin(floor_ids), "course_id"])
    stages.append(("+ semantic matches", stages[-1][1] | set(sem["course_id"])))
    anchored = set(anchored_matches(sem[sem["course_id"].isin(semantic_only)], R._skill_words(rs0, skill_vecs),
                                    R._course_words(courses, semantic_only, skill_vecs))["course_id"])
    sem = sem[~sem["course_id"].isin(semantic_only - anchored)]
    semantic_only &= anchored
    own = set(role.skills["skill_id"].astype(str))
    if R.OTHER_SENSE_UNFIT_SOFTWARE and fit:
        own -= set(rs0.loc[(rs0["type"] == "software") & rs0["fit"].isna(), "skill_id"])
    if R.OTHER_SENSE_UNFIT and fit:
        own -= set(rs0.loc[(rs0["fit"] < MIN_SKILL_FIT) & (rs0["type"] == "knowledge"), "skill_id"])
    gone = (R.other_sense(sem, semantic_only, course_skills, own, vecs, role.slug, skill_vecs)
            if R.OTHER_SENSE else set())
    sem = sem[~sem["course_id"].isin(gone)]
    cs_role = pd.concat([cs_role, sem], ignore_index=True)
    stages.append(("no role skill claimed / matched", set(cs_role["course_id"])))
    rs = weighted_role_skills(role, spec, shares, fit)
    from careerpath.recommend.relevance import coverage_table
    cov = coverage_table(rs, cs_role)
    stages.append(("a floor skill", set(cov.loc[cov["floor_ok"].astype(bool), "course_id"])))
    rel = relevance_table(role, cs_role, len(courses), text[text.index.isin(set(cs_role["course_id"]))], spec,
                          catalog_floor=cat_floor, role_share=shares, abs_floor=R.CONTRAST_FLOOR,
                          rel_floor=R.CONTRAST_REL_FLOOR, skill_fit=fit)
    stages.append(("text (contrast) floor", set(rel["course_id"])))
    rel = R.drop_slivers(rel)
    stages.append(("not a sliver", set(rel["course_id"])))
    rel = drop_other_disciplines(rel, R._titles(courses), role.title, role.text)
    stages.append(("not another discipline", set(rel["course_id"])))
    if not rel.empty:
        rel["contrast"] = rel["cosine"]
        rel["cosine"] = rel["course_id"].map(raw).fillna(0.0)
        rel = rel[R.passes_raw_floor(rel, vecs, task_vec)].reset_index(drop=True)
    stages.append(("raw floor", set(rel["course_id"])))
    if not rel.empty:
        rel = R.role_rank_penalty(rel, role.slug, skill_vecs, vecs, semantic_only, residual_family=False)
    stages.append(("role / family rank", set(rel["course_id"])))
    if not rel.empty:
        rel = R.relative_cut(rel)
    stages.append(("relative cut", set(rel["course_id"])))
    if not rel.empty:
        rel = R.nothing_close(rel, trade)
    stages.append(("nothing_close", set(rel["course_id"])))
    if not rel.empty:
        rel = R.order_by_role_rank(R.drop_thin_misfits(rel))
    stages.append(("thin misfit", set(rel["course_id"])))
    rel = R.tool_courses(rel, R.anchor_tools(role, skill_vecs), course_skills, rs, raw)
    stages.append(("+ tool fill", set(rel["course_id"]) if len(rel) else set()))
    # numbers for every course
    own_i = skill_vecs.role_index[role.slug]
    sims = cmat @ np.asarray(skill_vecs.role_mat, dtype=np.float32).T
    rrank = pd.Series((sims > sims[:, [own_i]]).sum(axis=1), index=ids)
    info = {"raw": raw, "contrast": text, "role_rank": rrank, "cov": cov.set_index("course_id"),
            "rs": rs, "rel": rel, "semantic_only": semantic_only, "fit": fit, "role": role,
            "best_contrast": float(rel["contrast"].max()) if len(rel) and "contrast" in rel else None}
    return stages, info


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--roles", required=True)
    ap.add_argument("--min-grade", type=int, default=2)
    ap.add_argument("--skills", action="store_true", help="print the role's floor skills")
    args = ap.parse_args()
    con = store.connect(args.db)
    cat = catalogue(con)  # the courses, their skills and vectors, and the skill vectors the guides rank with
    courses, cs, vecs, sv = cat.courses, cat.course_skills, cat.vecs, cat.skill_vecs
    emb = default_embedder()
    judged = pd.read_csv(JUDGMENTS, sep="\t")
    title = courses.drop_duplicates("course_id").set_index("course_id")["title"]
    claimed = cs.groupby("course_id")["skill_id"].apply(lambda s: sorted(set(map(str, s))))
    for slug in args.roles.split(","):
        role = load_role(con, slug)
        rvec = R.role_vectors(role, emb)
        tvec = R.role_task_vector(con, slug, emb)
        stages, info = trace(courses, cs, vecs, rvec, role, sv, tvec)
        final = [c["course_id"] for c in R.rank_courses(courses, cs, vecs, rvec, role, top=300, filters=Filters(),
                                                        skill_vecs=sv, task_vec=tvec)]
        drift = set(final) - stages[-1][1]
        if drift:
            print(f"WARNING {slug}: the ranker returns {len(drift)} courses this trace drops: it no longer mirrors it")
        print(f"=== {slug}: " + ", ".join(f"{n} {len(s)}" for n, s in stages)
              + f"; best contrast {info['best_contrast']}; returned {len(final)}")
        rs = info["rs"]
        if args.skills:
            fs = rs[rs["floor_skill"]]
            print("  floor skills:", "; ".join(f"{s} ({t}, fit {f:.2f})" for s, t, f in
                                                zip(fs["skill_id"], fs["type"], fs["fit"].fillna(-1))))
        g = judged[(judged["role"] == slug) & (judged["grade"] >= args.min_grade)]
        floor = set(rs.loc[rs["floor_skill"], "skill_id"])
        roleskills = set(rs["skill_id"])
        for cid, grade in zip(g["course_id"], g["grade"]):
            lost = next((n for n, s in stages if cid not in s and not n.startswith("+")), None)
            if cid in final:
                lost = f"IN LIST at {final.index(cid) + 1}"
            elif lost is None:
                lost = "passes, not picked (copy / filters)"
            mine = claimed.get(cid, [])
            rsk = [s for s in mine if s in roleskills]
            cv = info["cov"]
            cov = float(cv.loc[cid, "coverage"]) if cid in cv.index else 0.0
            print(f"  {grade} {str(title.get(cid, ''))[:60]:60s} | {lost:32s}"
                  f" | contrast {info['contrast'].get(cid, np.nan):.3f}"
                  f" raw {info['raw'].get(cid, np.nan):.3f} rank {info['role_rank'].get(cid, -1)} cov {cov:.3f}"
                  f" | role skills {[(s, 'F' if s in floor else '-') for s in rsk]} | claims {len(mine)}: {mine[:6]}")


if __name__ == "__main__":
    main()
