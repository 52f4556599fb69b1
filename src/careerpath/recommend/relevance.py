"""Relevance of a course to a role: what it teaches of the role's skills, plus how close its text is.

``relevance = W_COVER * coverage + W_SEM * semantic``, both 0-1:

- **coverage**: importance-weighted share of the role's skills the course teaches (from
  `course_skills`), ``sum_s w_s * min(1, score_cs) / sum of the TOP_NORM largest w_s``, capped at 1
  (no single course is expected to teach a whole role). ``w_s = importance_s * (0.4 + 0.6 *
  specificity_s)``: a skill that a large share of the catalog claims ("communication", "management")
  says little about what a course teaches, so it counts for less.
- **semantic**: cosine between the course's text embedding and the role's (MiniLM; the mean over the
  role's profile text and its bare title), rescaled so the text floor (below) is 0 and the best candidate's cosine is 1:
  cosines run hotter for some roles than others, so the scale is the role's own.

**Implied skills**: a profile drawn from few postings can list office software and generic words
but not what the role's own description says it does ("install electrical wiring"), and then no
course that teaches the trade shares a skill with it. So the taxonomy skills that courses teach and
whose label + definition vector is closest to the role (mean cosine over the role's two views >=
IMPLIED_MIN_COS, at most IMPLIED_TOP of them) join the role's skills with IMPLIED_IMPORTANCE of its
top importance, type "implied", never core, and count toward the floor whatever their rank
(`implied_skills`).

**Distinctiveness** (across roles): a skill that most roles' profiles list ("use spreadsheets software",
Word, "mathematics", O*NET's Speaking or Critical Thinking) says nothing about *this* role. Each skill's
`role_share` (share of all role profiles that list it, from `rank.skill_vectors`) gives ``distinct = log(1/share) / log(1/DISTINCT_SHARE)`` in 0-1 (1 for a skill
at most DISTINCT_SHARE of roles list), and ``w_s`` is multiplied by ``ROLE_FLOOR + (1 - ROLE_FLOOR) * distinct``.

**Semantic skill matches**: the shared extractor finds few skills in short course texts (a course
titled "Electrical Power Distribution" carries none), so a course also teaches a role skill when its text
vector is within SKILL_MATCH_COS of the skill's label + definition vector (`semantic_skill_matches`;
only the role's floor skills, score 0.5-1 by closeness). O*NET knowledge/skill ids in profiles
(`onet:2.C.3.d`) match this way through their O*NET name + description.

The hard floor: a course is eligible only if it teaches at least one of the role's top skills that is
*specific* (not a soft skill, not claimed by more than MAX_GENERIC_SHARE of the catalog, not listed by
more than MAX_ROLE_SHARE of all roles' profiles, and *fitting*: at least MIN_SKILL_FIT of the courses claiming
it are near the role, `skill_fit`) and its text is close enough to the role's. A course that passes neither is never recommended, whatever
its rating. The text floor is ``cos >= max(SEM_FLOOR, SEM_REL_FLOOR * best cosine, catalog_floor)``,
where the caller's `catalog_floor` is the cosine that only the closest few percent of the whole
catalog reach for this role (see `rank.CATALOG_TOP`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

W_COVER, W_SEM = 0.4, 0.6
MAX_ROLE_SHARE = 1 / 3  # a skill more than this share of all roles list never lets a course pass the floor
DISTINCT_SHARE = 0.005  # a skill at most this share of roles list is fully distinctive
ROLE_FLOOR = 0.2  # weight multiplier of a skill every role lists
SKILL_MATCH_COS = 0.45  # course text this close to a role skill's label + definition teaches it
SKILL_MATCH_SCORE = (0.25, 0.5)  # a semantic match's score at SKILL_MATCH_COS and at SKILL_MATCH_COS + 0.2
TOP_NORM = 5
TOP_K = 25  # "the role's top skills" for the floor
# The role's O*NET task skills (`rank.with_onet_skills`, marked in ``role.extra["onet"]``) count toward the floor
# whatever their rank, as implied skills do, when their fit is measured (`floor_ranked`). They join at 0.3 x the role's
# top importance, below every skill of a profile that lists 40, so the top TOP_K never held them once profiles grew
# past 25 skills: what O*NET says the role does (intelligence analysts' *security threats*, supply chain managers'
# *supply chain management*) opened no floor. A measured fit (enough claiming courses, `skill_fit`) keeps the lexical
# stage's misreadings of task words out (*use tools for shoe repair*, *operate a camera* for intelligence analysts: one
# to three courses each); the floor's other checks apply as to any skill. False: the top TOP_K by importance only.
ONET_ANY_RANK = True
MAX_GENERIC_SHARE = 0.08
MIN_GENERIC_COUNT = 20  # a skill is generic only if at least this many courses claim it, too
SEM_FLOOR = 0.30  # absolute: below this cosine a course's text is about something else
SEM_REL_FLOOR = 0.6  # relative: and below this share of the role's best candidate's cosine
GENERIC_TYPES = {"soft_skill"}
# A soft skill at most this share of role profiles list, whose courses sit near the role (fit known and at least
# MIN_SKILL_FIT), is the role's trade rather than a trait every job asks for: it may open the floor. Receptionists'
# *customer service* (1.4 % of roles) was a soft skill like *communication* (14 %), so no customer-service course
# could be recommended to them. None: soft skills never open the floor.
SOFT_TRADE_SHARE: float | None = 0.02
IMPLIED_MIN_COS = 0.45  # a taxonomy skill this close to the role's text + title is part of what it does
IMPLIED_TOP = 10
IMPLIED_IMPORTANCE = 0.6  # share of the role's top importance an implied skill gets
# and, where the role has an O*NET task text (`rank.role_task_vector`), at least this close to it: a skill near the
# role's title and profile words but not to what O*NET says the role does is a word association (receptionists and
# information clerks -> *interview people*, whose courses are job-interview coaching). None: no check.
IMPLIED_MIN_TASK_COS: float | None = 0.38
# Fit of a skill to the role (`skill_fit`): of the courses that claim it, the share whose text is among the catalog's
# closest to the role. "management" or "psychology" is claimed by hundreds of courses about anything; for
# electricians few of them are near the role, so the skill says nothing about whether a course is for it.
MIN_SKILL_FIT = 0.2
MIN_FIT_COURSES = 5  # below this many claiming courses (with vectors) the share is noise: no check
# A named product (type software) that too few courses claim for a fit measure opens no floor (`weighted_role_skills`):
# its name is all the evidence, and a name can be another sense's ("Chef", the configuration tool, in chefs' postings).
UNFIT_SOFTWARE_OPENS_FLOOR = False
# A skill of the role's own (its profile or its O*NET task skills; not an implied one, a software or a soft skill) that at
# most RARE_SKILL_SHARE of all role profiles list is the role's by construction: its fit (`skill_fit`) is not asked.
# Fit measures where the courses claiming a skill sit against the role's text, and a role's text can sit off its
# trade (an emerging title described by a borrowed O*NET text; respiratory therapists' text, near anatomy and
# medicine, leaves the first-aid courses outside the catalogue's closest 3 %: *first aid*, listed by 0.2 % of
# roles, fit 0.18, so "Medical Emergencies: Airway, Breathing, and Circulation" never passed). At 0.002 (two or three
# roles of 1,245) only such skills; at 0.01 intelligence analysts' *geographic information systems* (fit 0) let in
# three irrelevant courses. None: every skill's fit is asked. bench/README.md, c38.
RARE_SKILL_SHARE: float | None = 0.002
# An emerging role (a posting-derived title; its profile's `role.kind` is not "occupation") borrows its summary and tasks
# from the O*NET occupation its title resolved to (data engineers read as database architects, associate scientists as
# medical scientists). With BORROWED_TEXT_KINDS_OFF holding its kind, `roles.role_from_profile` leaves the borrowed
# summary and tasks out of its text: title and skills only. Empty: every role's text is as its profile has it.
# bench/README.md, c38 (measured by patching the bench) and c39 (this switch).
BORROWED_TEXT_KINDS_OFF: frozenset[str] = frozenset()
# With a value, only a role whose title's SOC mapping (`role.confidence`) is below it loses its borrowed text (None: any).
BORROWED_TEXT_BELOW_CONFIDENCE: float | None = None


@dataclass
class Role:
    """What relevance needs to know about a role: its ranked skills and a text to embed."""

    slug: str
    title: str
    skills: pd.DataFrame  # skill_id, name, importance, core[, type]
    text: str = ""
    evidence: str | None = None
    extra: dict = field(default_factory=dict)


def role_text(title: str, summary: str | None, skill_names: list[str], tasks: list[str] | None = None) -> str:
    """The text a role is embedded from: title, what they do and the top skills by name."""
    parts = [f"{title}."]
    if summary:
        parts.append(summary.strip()[:600])
    if skill_names:
        parts.append("Skills: " + ", ".join(skill_names[:15]) + ".")
    if tasks:
        parts.append(" ".join(t.strip() for t in tasks[:3]))
    return " ".join(parts)


def implied_skills(role: Role, skill_ids: list[str], skill_mat: np.ndarray, role_vec: np.ndarray,
                   allowed: set[str] | None = None, task_vec: np.ndarray | None = None) -> Role:
    """`role` plus the taxonomy skills (rows of `skill_mat`, L2-normalised) closest to its vectors.

    Only skills not already in the role (and in `allowed`, when given: the skills some course teaches);
    importance IMPLIED_IMPORTANCE * the role's top importance, scaled down linearly to half at
    IMPLIED_MIN_COS. With `task_vec` (L2-normalised), a skill must also reach IMPLIED_MIN_TASK_COS to it. The role is
    returned unchanged when none qualify.
    """
    if not len(skill_ids):
        return role
    mat = np.asarray(skill_mat, dtype=np.float32)
    sims = (mat @ np.atleast_2d(role_vec).T).mean(axis=1)
    have = set(role.skills["skill_id"].astype(str))
    near_tasks = (mat @ np.asarray(task_vec, dtype=np.float32).ravel() >= IMPLIED_MIN_TASK_COS
                  if task_vec is not None and IMPLIED_MIN_TASK_COS is not None else np.ones(len(sims), dtype=bool))
    order = [i for i in np.argsort(-sims) if sims[i] >= IMPLIED_MIN_COS and skill_ids[i] not in have
             and near_tasks[i] and (allowed is None or skill_ids[i] in allowed)][:IMPLIED_TOP]
    if not order:
        return role
    imp = pd.to_numeric(role.skills["importance"], errors="coerce")
    top = float(imp.max()) if len(imp) and imp.notna().any() else 1.0
    best = float(sims[order[0]])
    rows = pd.DataFrame({
        "skill_id": [skill_ids[i] for i in order],
        "name": [skill_ids[i].replace("-", " ") for i in order],
        "importance": [IMPLIED_IMPORTANCE * top * (0.5 + 0.5 * (float(sims[i]) - IMPLIED_MIN_COS)
                                                   / max(best - IMPLIED_MIN_COS, 1e-6)) for i in order],
        "core": False, "type": "implied"})
    skills = pd.concat([role.skills, rows[[c for c in rows.columns if c in role.skills.columns or c in
                                           ("skill_id", "name", "importance", "core", "type")]]],
                       ignore_index=True)
    return Role(slug=role.slug, title=role.title, skills=skills, text=role.text, evidence=role.evidence,
                extra={**role.extra, "implied": rows["skill_id"].tolist()})


def skill_specificity(course_skills: pd.DataFrame, n_courses: int) -> pd.DataFrame:
    """Per skill: share of courses claiming it and specificity 0-1 (1 = claimed by <= 10 courses)."""
    if course_skills.empty or n_courses <= 0:
        return pd.DataFrame(columns=["skill_id", "n", "share", "specificity"])
    df = course_skills.groupby("skill_id")["course_id"].nunique().rename("n").reset_index()
    df["share"] = df["n"] / n_courses
    top = math.log(max(n_courses, 11) / 10.0)
    df["specificity"] = (np.log(n_courses / df["n"].clip(lower=1)) / top).clip(0.0, 1.0)
    return df[["skill_id", "n", "share", "specificity"]]


def distinctiveness(share: pd.Series | np.ndarray) -> np.ndarray:
    """0-1 per skill from the share of all roles' profiles listing it (0 or unknown: fully distinctive)."""
    sh = np.asarray(pd.to_numeric(pd.Series(share), errors="coerce").fillna(0.0), dtype=float)
    return np.clip(np.log(1.0 / np.clip(sh, DISTINCT_SHARE, 1.0)) / math.log(1.0 / DISTINCT_SHARE), 0.0, 1.0)


def weighted_role_skills(role: Role, spec: pd.DataFrame, role_share: dict[str, float] | pd.Series | None = None,
                         skill_fit: dict[str, float] | None = None) -> pd.DataFrame:
    """The role's skills with weight, specificity, distinctiveness and whether they count toward the floor.

    `role_share`: skill_id -> share of all role profiles that list it (missing: 0, i.e. distinctive).
    `skill_fit` (`skill_fit`): skill_id -> share of the courses claiming it whose text is near the role; a skill
    below MIN_SKILL_FIT never opens the floor (missing: not known, no check)."""
    rs = role.skills.copy()
    if "type" not in rs:
        rs["type"] = None
    if "core" not in rs:
        rs["core"] = False
    rs["importance"] = pd.to_numeric(rs["importance"], errors="coerce").fillna(0.0)
    rs = rs.sort_values("importance", ascending=False).drop_duplicates("skill_id").reset_index(drop=True)
    rs = rs.merge(spec, on="skill_id", how="left")
    rs["share"] = rs["share"].fillna(0.0)
    rs["n"] = rs["n"].fillna(0)
    rs["specificity"] = rs["specificity"].fillna(1.0)
    shares = role_share if role_share is not None else {}
    rs["role_share"] = rs["skill_id"].map(lambda s: shares.get(s, 0.0)).astype(float)
    rs["distinct"] = distinctiveness(rs["role_share"])
    rs["weight"] = rs["importance"] * (0.4 + 0.6 * rs["specificity"]) * (ROLE_FLOOR + (1 - ROLE_FLOOR) * rs["distinct"])
    rs["rank"] = np.arange(len(rs))
    fit = skill_fit or {}
    rs["fit"] = rs["skill_id"].map(lambda s: fit.get(s, np.nan)).astype(float)
    unfit = rs["fit"] < MIN_SKILL_FIT
    if RARE_SKILL_SHARE is not None:
        unfit &= ~((rs["role_share"] > 0) & (rs["role_share"] <= RARE_SKILL_SHARE)
                   & ~rs["type"].isin(GENERIC_TYPES | {"implied", "software"}))
    generic = (((rs["share"] > MAX_GENERIC_SHARE) & (rs["n"] >= MIN_GENERIC_COUNT)) | (rs["role_share"] > MAX_ROLE_SHARE)
               | unfit)
    if not UNFIT_SOFTWARE_OPENS_FLOOR and skill_fit:
        generic |= (rs["type"] == "software") & rs["fit"].isna()
    rs["floor_skill"] = (floor_ranked(rs, role) & ~generic
                         & (~rs["type"].isin(GENERIC_TYPES) | soft_trade(rs)) & (rs["importance"] > 0))
    return rs


def floor_ranked(rs: pd.DataFrame, role: Role) -> pd.Series:
    """Rows of `rs` (`weighted_role_skills`: rank, type, fit) whose place lets them open the floor: the TOP_K most
    important, implied skills, and with ONET_ANY_RANK the role's O*NET task skills whose fit is measured (see there)."""
    ranked = (rs["rank"] < TOP_K) | (rs["type"] == "implied")
    onet = {str(x) for x in role.extra.get("onet", [])} if ONET_ANY_RANK else set()
    if not onet:
        return ranked
    measured = rs["fit"].notna() if "fit" in rs else False
    return ranked | (rs["skill_id"].astype(str).isin(onet) & measured)


def soft_trade(rs: pd.DataFrame) -> pd.Series:
    """Rows of `rs` (`weighted_role_skills`: role_share, fit) that are a trade's soft skill (SOFT_TRADE_SHARE): few
    roles list it and the courses claiming it are near this role. An unknown fit (too few courses) is no evidence."""
    if SOFT_TRADE_SHARE is None:
        return pd.Series(False, index=rs.index)
    return (rs["role_share"] <= SOFT_TRADE_SHARE) & (rs["fit"] >= MIN_SKILL_FIT)


def skill_fit(course_skills: pd.DataFrame, text: pd.Series, floor: float) -> dict[str, float]:
    """skill_id -> share of the courses claiming it whose text score (`text`, indexed by course_id) reaches
    `floor`; only skills at least MIN_FIT_COURSES courses with a score claim.

    A skill's own label says what it is; where the courses that claim it sit says what it means in this
    catalog. When most of them are far from the role, a course claiming it is no evidence for the role."""
    if course_skills.empty or not len(text):
        return {}
    cs = course_skills[["course_id", "skill_id"]].drop_duplicates()
    near = cs["course_id"].map(text >= floor)
    cs = cs.assign(near=near)[near.notna()]
    g = cs.groupby("skill_id")["near"].agg(["mean", "size"])
    g = g[g["size"] >= MIN_FIT_COURSES]
    return {str(k): float(v) for k, v in g["mean"].items()}


def coverage_table(rs: pd.DataFrame, course_skills: pd.DataFrame) -> pd.DataFrame:
    """Per course that teaches any role skill: coverage 0-1, floor pass, and the skills it covers."""
    cols = ["course_id", "coverage", "floor_ok", "covers", "covers_ids", "core_ids"]
    if rs.empty or course_skills.empty:
        return pd.DataFrame(columns=cols)
    cs = course_skills[["course_id", "skill_id", "score"]].merge(
        rs[["skill_id", "name", "weight", "floor_skill", "core", "rank"]], on="skill_id")
    if cs.empty:
        return pd.DataFrame(columns=cols)
    cs["score"] = pd.to_numeric(cs["score"], errors="coerce").fillna(1.0).clip(0.0, 1.0)
    cs = cs.sort_values(["course_id", "score"], ascending=[True, False]).drop_duplicates(["course_id", "skill_id"])
    cs["gain"] = cs["weight"] * cs["score"]
    norm = float(rs["weight"].nlargest(TOP_NORM).sum()) or 1.0
    cs = cs.sort_values(["course_id", "rank"])
    # one slice per course over the sorted rows: pandas' per-group list aggregation cost ~0.25 s a role
    cid = cs["course_id"].to_numpy()
    starts = np.flatnonzero(np.r_[True, cid[1:] != cid[:-1]])
    spans = list(zip(starts.tolist(), np.r_[starts[1:], len(cid)].tolist()))
    names, sids = cs["name"].to_numpy(dtype=object), cs["skill_id"].to_numpy(dtype=object)
    core = cs["core"].astype(bool).to_numpy()
    gain = cs["gain"].to_numpy(dtype=float)
    floor = cs["floor_skill"].astype(bool).to_numpy()
    return pd.DataFrame({
        "course_id": cid[starts],
        "coverage": np.minimum(np.array([math.fsum(gain[a:b]) for a, b in spans]) / norm, 1.0),
        "floor_ok": np.logical_or.reduceat(floor, starts),
        "covers": [names[a:b].tolist() for a, b in spans],
        "covers_ids": [sids[a:b].tolist() for a, b in spans],
        "core_ids": [sids[a:b][core[a:b]].tolist() for a, b in spans],
    })[cols]


def semantic_skill_matches(rs: pd.DataFrame, skill_index: dict[str, int], skill_mat: np.ndarray,
                           course_ids: list[str], course_mat: np.ndarray) -> pd.DataFrame:
    """course_id, skill_id, score for each floor skill of `rs` whose vector a course's text is close to.

    `skill_index` maps skill_id -> row of `skill_mat` (L2-normalised); `course_mat` rows are the courses'
    L2-normalised text vectors; scores rise linearly over SKILL_MATCH_SCORE from SKILL_MATCH_COS to + 0.2."""
    cols = ["course_id", "skill_id", "score"]
    sk = [s for s in rs.loc[rs["floor_skill"], "skill_id"] if s in skill_index]
    if not sk or not len(course_ids):
        return pd.DataFrame(columns=cols)
    sims = np.asarray(course_mat, dtype=np.float32) @ np.asarray(skill_mat[[skill_index[s] for s in sk]]).T
    ci, si = np.nonzero(sims >= SKILL_MATCH_COS)
    if not len(ci):
        return pd.DataFrame(columns=cols)
    lo, hi = SKILL_MATCH_SCORE
    score = lo + (hi - lo) * np.clip((sims[ci, si] - SKILL_MATCH_COS) / 0.2, 0.0, 1.0)
    return pd.DataFrame({"course_id": np.asarray(course_ids, dtype=object)[ci],
                         "skill_id": np.asarray(sk, dtype=object)[si], "score": score})


def semantic_scores(course_vecs: np.ndarray, role_vec: np.ndarray) -> np.ndarray:
    """Cosine of each (L2-normalised) course vector with the role vector."""
    if len(course_vecs) == 0:
        return np.zeros(0, dtype=np.float32)
    return course_vecs @ role_vec.reshape(-1)


def scale_semantic(cos: np.ndarray | pd.Series, best: float, floor: float) -> np.ndarray:
    return np.clip((np.asarray(cos, dtype=float) - floor) / max(best - floor, 1e-6), 0.0, 1.0)


def relevance_table(role: Role, course_skills: pd.DataFrame, n_courses: int,
                    cosines: pd.Series, spec: pd.DataFrame | None = None, catalog_floor: float = 0.0,
                    role_share: dict[str, float] | None = None, abs_floor: float | None = None,
                    rel_floor: float | None = None, skill_fit: dict[str, float] | None = None) -> pd.DataFrame:
    """Relevance of every course that passes the floor, best first.

    `cosines` is indexed by course_id (courses without an embedding count as 0); the caller may pass
    contrast cosines instead (`rank.contrast_cosines`), with their own absolute and relative floors `abs_floor`,
    `rel_floor` (default SEM_FLOOR, SEM_REL_FLOOR). Returned columns: course_id, relevance, coverage, semantic, cosine (what was
    passed), covers (names, most important first), covers_ids, core_ids.
    """
    spec = skill_specificity(course_skills, n_courses) if spec is None else spec
    rs = weighted_role_skills(role, spec, role_share, skill_fit)
    cov = coverage_table(rs, course_skills)
    if cov.empty:
        return cov.assign(relevance=[], semantic=[], cosine=[])
    cov["cosine"] = cov["course_id"].map(cosines).fillna(0.0).astype(float)
    best = float(cov.loc[cov["floor_ok"], "cosine"].max()) if cov["floor_ok"].any() else 0.0
    floor = max(SEM_FLOOR if abs_floor is None else abs_floor,
                (SEM_REL_FLOOR if rel_floor is None else rel_floor) * best, catalog_floor)
    cov = cov[cov["floor_ok"] & (cov["cosine"] >= floor)].copy()
    cov["semantic"] = scale_semantic(cov["cosine"], best, floor)
    cov["relevance"] = (W_COVER * cov["coverage"] + W_SEM * cov["semantic"]).round(4)
    return cov.sort_values("relevance", ascending=False).drop(columns="floor_ok").reset_index(drop=True)
