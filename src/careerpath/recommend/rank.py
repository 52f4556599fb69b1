"""The course list for a role: relevant first, diversified to cover the core skills, quality as a tie-breaker.

1. Candidates: courses that pass relevance's hard floor (see `relevance.py`) and the learner's filters.
   Quality never adds a course: it only scales a relevant one, ``score = relevance * (0.6 + 0.4 * Q/10)``.
   Role-rank check (`role_rank_penalty`): each candidate's cosine to every role's index vector (title +
   O*NET description, `role_embeddings`); the more roles fit it better than this one, the lower its
   relevance, and past MAX_ROLE_RANK (MAX_ROLE_RANK_SEMANTIC when only semantic matches let it in) it is out;
   past MAX_FAMILY_RANK among role *families* (`family_vectors`: each role with its nearest roles) it is out too.
   A residual code ("..., All Other", RESIDUAL_SUFFIX) whose list comes out empty is ranked again with its own family
   drawn from the roles that are not residual (its nearest roles are the other residual codes, by their boilerplate).
   A course let in by semantic skill matches alone whose own extracted skill is a different sense of the word
   (`other_sense`: as close to its text, far from the role: "Chef Cookbooks" teaches the configuration tool)
   gets no semantic match, and so does one whose text names none of the skills it is matched to
   (`discipline.anchored_matches`: "Bookkeeping" courses sit near *supervise housekeeping operations* by their vectors).
   With role vectors, the text half of relevance uses *contrast cosines* (`contrast_cosines`: the cosine to
   this role minus CONTRAST x the cosine to the mean of all roles), so a course about study skills or personal
   branding, close to every role, no longer passes as teacher or marketing training; the raw cosine must still
   reach CONTRAST_RAW_FLOOR. *Feedback skills* (`feedback_skills`): what the courses most specific to the role
   teach joins the role's skills, for profiles that miss them.
   *Skill fit* (`role_skill_fit`): a role skill opens the floor only if at least relevance.MIN_SKILL_FIT of the
   courses claiming it fit this role better than all but FIT_MAX_ROLE_RANK other roles ("management" for
   physical therapists, Docker for plumbers do not). *Views* (`role_views`): the role's text, its bare title and
   its index vector. Candidates below MIN_REL_SHARE of the REL_REF_K-th best candidate's relevance are left out
   (`relative_cut`): a short list rather than a padded one. A candidate whose skills cover less than MIN_COVERAGE of
   the role's top skill weight is out (`drop_slivers`); after the cut, the role-rank penalty is steepened to
   ORDER_RANK_SCALE for the order alone (`order_by_role_rank`). When no candidate's contrast cosine reaches
   MIN_BEST_CONTRAST the role gets no list (`nothing_close`: the catalog has nothing clearly about it), and a thin
   candidate that many roles fit better is out (`drop_thin_misfits`). The raw-cosine floor may also be passed on the
   role's O*NET task text (`passes_raw_floor`, TASK_ANCHOR_FLOOR). Short lists are said to be short
   (`notes.course_list_note`). Programs (degrees, graduate certificates) order at PROGRAM_ORDER_SHARE of their
   relevance (`order_programs`): their many claimed skills cover a broad role wholly.
2. One copy per duplicate group / title.
3. Greedy selection of N: each pick maximises ``score * (ALPHA + (1 - ALPHA) * novelty)``, where
   novelty is the share of the course's role-skill weight on skills (core ones count double) that the
   courses already picked do not teach; a course whose text is a near copy (cosine >= NEAR_COPY) of a
   picked one is skipped.
4. Order: best first (the contract), each item carrying `stage` and `path_position` — its place on
   the path from foundations to advanced (level, then how many of the other picks' skills it teaches
   first); `order="path"` returns the list in that order.
"""

from __future__ import annotations

import re

import duckdb
import numpy as np
import pandas as pd

from careerpath.embed import Embedder, default_embedder
from careerpath.recommend import claims
from careerpath.recommend.discipline import anchor_words, anchored_matches, course_anchor_text, drop_other_disciplines
from careerpath.recommend.filters import LEVEL_ORDER, Filters
from careerpath.recommend.index import course_text, load_embeddings, role_task_texts
from careerpath.recommend.items import courses_with_quality, dedupe, item
from careerpath.recommend.relevance import (GENERIC_TYPES, IMPLIED_MIN_TASK_COS, MIN_FIT_COURSES, MIN_SKILL_FIT,
                                            W_COVER, W_SEM, Role, coverage_table, implied_skills, relevance_table,
                                            semantic_skill_matches, skill_fit, skill_specificity, soft_trade,
                                            weighted_role_skills)
from careerpath.recommend.titles import order_by_title_words
from careerpath.recommend.vectors import (MIN_PROFILES, SkillVecs, load_course_skills,  # noqa: F401 - re-exported
                                          role_skill_shares, skill_vectors)

ALPHA = 0.75
NEAR_COPY = 0.93
POOL = 300
CATALOG_TOP = 0.03  # the text floor: among the 3% of the catalog closest to the role
# Which roles is a course for? Among all roles' index vectors, those closer to the course than this role
# count against it: relevance * 1 / (1 + closer / ROLE_RANK_SCALE), and past MAX_ROLE_RANK it is out.
ROLE_RANK_SCALE = 100.0
MAX_ROLE_RANK: int | None = 150
# After the relative cut (which uses ROLE_RANK_SCALE), the order uses a steeper scale (`order_by_role_rank`): a
# course that sibling roles fit better falls behind the role's own courses; which courses pass does not change
# (a steeper scale before the cut left logisticians 7 courses).
ORDER_RANK_SCALE: float | None = 50.0
# Programs (`order_programs`): a degree, graduate certificate or postgraduate diploma is a program of many courses; the
# catalog lists 20-30 skills for each, so its coverage of a broad role reaches 1.0 and it outranked the courses about
# the role's core (management analysts: an MBA and an MS in Management above "Organizational Analysis"; computer systems
# analysts: an MS in Computer Science first). Their relevance is scaled by PROGRAM_ORDER_SHARE for the order alone,
# after every check: which courses pass does not change. Judged candidates of these types are graded 0.33 below their
# role's mean (57 of the 1,757 judged candidates over 69 roles). None: off.
PROGRAM_TYPES = frozenset({"degree", "graduate certificate", "postgraduate diploma"})
PROGRAM_ORDER_SHARE: float | None = 0.8
# Implied skills (`with_implied_skills`) are what a role does that its profile does not name, found by the closeness of a
# skill's label to the role's text; a named product is close by a shared word alone: "Chef (tools for software
# configuration management)" to chefs, whose list then held "Getting Started with Chef Cookbooks" (session 19, after a
# rebuild moved the chefs' profile text). A product a role uses is in its profile or its O*NET technology list. True: let
# products be implied as before.
IMPLIED_PRODUCTS = False
# Slivers (`drop_slivers`): a candidate whose skills cover less than this share of the role's top skill weight
# passes on its text alone ("Addiction Treatment" for physical therapists: one O*NET knowledge area, 0.01).
MIN_COVERAGE = 0.02
# A thin candidate (coverage below THIN_COVERAGE) must also fit the role better than all but THIN_MAX_ROLE_RANK other
# roles (`drop_thin_misfits`; None: no check): little of the role's skills and a text that 30 other roles fit better
# ("Operations Analytics" for intelligence analysts, on "perform data mining": coverage 0.04, 43 roles closer).
THIN_COVERAGE = 0.05
THIN_MAX_ROLE_RANK: int | None = 30
# A course whose only evidence for the role's floor skills is semantic (no extracted skill) must fit the
# role better than all but this many other roles: "data pipelines" is close to "pipe" by words alone.
MAX_ROLE_RANK_SEMANTIC: int | None = 50
# Contrast: a course's cosine to this role minus CONTRAST times its cosine to the mean of all roles' index
# vectors, i.e. how much closer it is to this role than to roles in general. A course about study skills or
# personal branding is about as close to every role; one about teaching writing is close to teachers only.
# Used for the text floor and the semantic score when the store has at least MIN_CONTRAST_ROLES role vectors.
CONTRAST = 0.5
MIN_CONTRAST_ROLES = 20
# The mean role of the contrast is over these kinds of roles (None: every role; see RANK_KINDS).
CONTRAST_KINDS: frozenset[str] | None = None
CONTRAST_FLOOR = 0.15  # absolute floor on the contrast cosine (the raw-cosine floor is relevance.SEM_FLOOR)
CONTRAST_REL_FLOOR = 0.4  # and this share of the best candidate's (relevance.SEM_REL_FLOOR for raw cosines)
CONTRAST_RAW_FLOOR = 0.3  # with contrast, the raw cosine must still reach this
# A candidate whose relevance (after the role-rank check) is below this share of the best one's is left out:
# a short list is better than one padded with courses that barely pass.
MIN_REL_SHARE = 0.3
# ... of the REL_REF_K-th best candidate's relevance, not the best one's (`relative_cut`): one outlier (a course
# that restates the role's description, a near copy of its text) no longer sets the bar for the rest.
REL_REF_K = 3
# Feedback skills (`feedback_skills`): what the courses most specific to the role teach.
FEEDBACK_TOP = 30
FEEDBACK_MAX_ROLE_RANK = 20
FEEDBACK_MIN_COURSES = 2
FEEDBACK_MAX = 10
FEEDBACK_IMPORTANCE = 0.3
# A feedback skill that fits the role (`role_skill_fit` at least relevance.MIN_SKILL_FIT, so it may open the floor) and
# whose vector reaches relevance.IMPLIED_MIN_TASK_COS to the role's O*NET tasks joins even past the FEEDBACK_MAX places,
# which go by count: the courses nearest a medical records specialist teach *data science* and *machine learning* (4
# and 3 of them; fit 0.02 and 0.03: their courses fit data roles) as well as *medical terminology* (2 of them; fit 0.90,
# 0.51 to the tasks), and the first ten by count left the terminology out. The first ten join as before (dropping the
# unfit ones from them instead moved 28 of the 69 judged lists and gave industrial machinery mechanics a list of
# operations-management courses); without the task check *react-native* joined chemical technicians (fit 0.57: React
# courses sit near chemistry roles by the word). bench/README.md, c27.
FEEDBACK_FIT = True
ROLE_INDEX_VIEW = True  # the role's index vector joins its views (`role_views`)
# Family check (`family_vectors`): a candidate's rank among role *families* (each role's vector averaged with its
# FAMILY_K - 1 nearest roles) must not pass MAX_FAMILY_RANK. One word of a role's title can pull a course of
# another sense close to that role alone ("pipeline" for plumbers); its neighbouring roles do not share the word.
FAMILY_K = 5
MAX_FAMILY_RANK: int | None = 50
# A residual O*NET code ("Agricultural Workers, All Other": slug ending RESIDUAL_SUFFIX) has no tasks and a one-line
# description ("All agricultural workers not listed separately"), so its nearest roles are the other residual codes
# (production, food processing, religious workers, all other), not its trade. When such a role gets no course at all,
# it is ranked again with its own family drawn from the roles that are not residual, among the (unchanged) families
# of all roles (`rank_course_lists`, `role_rank_penalty`); None: never, as before. bench/README.md, c37.
RESIDUAL_SUFFIX: str | None = "-all-other"
# Other sense (`other_sense`): a course let in by semantic skill matches alone is out when one of its own extracted
# skills explains its text as well (cosine within SENSE_MARGIN of the matched role skill's) and means something
# farther from the role (cosine to the role's index vector lower by SENSE_ROLE_GAP): "Chef Cookbooks" is close to
# "compile cooking recipes" by words, but the extractor found "Chef (configuration management)" in it.
SENSE_MARGIN = 0.05
SENSE_ROLE_GAP = 0.15
OTHER_SENSE = True
# A role skill of type software that too few courses claim for a fit measure (relevance.UNFIT_SOFTWARE_OPENS_FLOOR) does
# not count as the role's own in `other_sense`: chefs' postings name "Chef" and the extractor files it under the
# configuration tool, so the role "lists" the tool and "Getting Started with Chef Cookbooks" passed as a cooking course.
OTHER_SENSE_UNFIT_SOFTWARE = True
# Nor does a role skill of type knowledge whose fit was measured and is below relevance.MIN_SKILL_FIT (it cannot open
# the floor for that reason): intelligence analysts' postings say "intelligence", the extractor files it under
# *principles of artificial intelligence*, and "Artificial Intelligence (AI)" passed as an intelligence course through a
# semantic match to *forensic intelligence* because the role "listed" the AI skill its text is about. Knowledge areas
# only: for every type it also took grade-3 courses from mechanical engineers and computer systems analysts.
OTHER_SENSE_UNFIT = True
# Nothing close (`nothing_close`): when no candidate's contrast cosine reaches MIN_BEST_CONTRAST, the catalog has no
# course clearly about this role, and what passed the floors did so on generic or other-sense skills ("manage time"
# for maintenance workers, "develop test procedures" -- software testing -- for product inspectors): the role gets no
# list rather than an irrelevant one. The roles with good lists in thin catalogs (electricians, plumbers) have a best
# candidate at 0.37-0.40; the two whose lists were all irrelevant, 0.33-0.34.
MIN_BEST_CONTRAST: float | None = 0.35
# Task anchor: a course whose raw cosine to the role's views misses CONTRAST_RAW_FLOOR may pass that floor on its
# cosine to the role's O*NET description + first tasks (`index.role_task_texts`, `role_task_vector`) instead, if
# that reaches TASK_ANCHOR_FLOOR. The views carry the title and the profile's skill names; supply-chain courses sit at
# 0.25-0.31 to logisticians' views (office software in the profile) and at 0.45-0.61 to "Analyze and coordinate the
# logistical functions...". Only this floor: the other floors and the score are unchanged. The floor is the views' own
# (CONTRAST_RAW_FLOOR, 0.30): one raw floor, whichever of the role's texts a course reaches it on. At 0.33,
# radiologic technologists' "AnatomyX: Musculoskeletal Cases" (0.28 to the views, 0.326 to the tasks "Take x-rays and
# CAT scans...") stayed out; on the 65 judged roles every value from 0.25 to 0.30 gives the same top 10s.
TASK_ANCHOR_FLOOR: float | None = 0.30
# Which roles a rank counts (`counted_roles`): kinds from `roles` (None: every role). Posting-derived "emerging"
# roles crowd some regions of the role space (data: business-and-data-analyst, sales-data-analyst, data-analytics-lead
# ...; 305 of 1,321 roles, none for clerical work), so a rank over every role punishes a course for sitting near those
# regions: an Excel basics course had 300-700 roles closer to it than data entry keyers, most of them data-analyst
# variants. O*NET occupations partition work evenly; the role itself is always counted.
RANK_KINDS: frozenset[str] | None = None  # measured with {"occupation"}: rejected (bench/README.md, c13)
FIT_MAX_ROLE_RANK = 20  # a course "fits" the role when at most this many roles are closer to it
SKILL_FIT = True  # check each role skill's fit (`relevance.skill_fit`) before it may open the floor
SPECIALTY = True  # a broad skill the role rates in the top 5 % of roles listing it counts as its own (`specialty_shares`)
SPECIALTY_SHARE = 1 / 3  # ... at this role share: relevance.MAX_ROLE_SHARE, the most a floor skill may have (weighs as broad)
ONET_SKILLS_TOP = 10  # at most this many of the role's O*NET skills (`with_onet_skills`) join it
ONET_SKILLS_IMPORTANCE = 0.3  # at this share of the role's top importance (None: off)
# The role's tools (`anchor_tools`, `tool_courses`): a technology O*NET flags *in demand* for the role's occupation
# that is also among the TOOL_TOP most important skills of its profile (postings) is a skill the role should be able to
# learn even when other roles use it more (Excel for secretaries: data roles sit closer to every Excel course, so the
# role-rank check removes them, and `nothing_close` empties the list). When fewer than TOOL_FILL_BELOW courses pass
# every check, the courses that name one of those tools in their title and claim it among their skills follow the
# list (below its last course, at TOOL_SHARE of its relevance). They pass no floor: what the role's own data say it
# uses is the evidence. None: off.
TOOL_TOP: int | None = 15
# O*NET's rated knowledge and skill areas in a profile (ids "onet:2.C.1.b", Clerical; "onet:2.A.1.d", Speaking) take
# no place among those TOOL_TOP: they are ratings every occupation has, not a tool or anything its postings name, and a
# profile resting on O*NET lists twenty of them at the top (data entry keyers: Word, Office and spreadsheets, all in
# demand for the occupation, sat 16th to 23rd behind them, so the fill found only Outlook, which no course names).
TOOLS_SKIP_ONET_IDS = True
TOOL_FILL_BELOW = 1
TOOL_SHARE = 0.9
STAGES = {0: "foundations", 1: "foundations", 2: "core", 3: "advanced"}


def course_vectors(con: duckdb.DuckDBPyConnection, courses: pd.DataFrame, embedder: Embedder,
                   need: set[str]) -> dict[str, np.ndarray]:
    """Vectors of the courses in `need`: from the store's cache, else encoded now (not stored)."""
    ids, mat = load_embeddings(con, embedder.name)
    vecs = dict(zip(ids, mat))  # all cached vectors: the catalog-wide text floor needs every cosine
    missing = [c for c in need if c not in vecs]
    if missing:
        rows = courses.set_index("course_id").loc[missing].reset_index()
        enc = embedder.encode([course_text(r) for _, r in rows.iterrows()])
        vecs.update(zip(rows["course_id"], enc))
    return vecs


def catalog_floor(all_cos: np.ndarray) -> float:
    """The text floor from the whole catalog: a course must be among the CATALOG_TOP share closest to the role."""
    if len(all_cos) < 200:  # too few courses for a percentile to mean anything
        return 0.0
    return float(np.quantile(all_cos, 1.0 - CATALOG_TOP))


def contrast_cosines(all_cos: np.ndarray, cmat: np.ndarray, skill_vecs: SkillVecs | None) -> np.ndarray | None:
    """Cosines minus CONTRAST x each course's cosine to the mean role vector (None without enough role vectors)."""
    rmat = skill_vecs.role_mat if skill_vecs is not None else None
    if rmat is None or len(rmat) < MIN_CONTRAST_ROLES or not len(all_cos):
        return None
    rmat = np.asarray(rmat, dtype=np.float32)
    if CONTRAST_KINDS and skill_vecs.role_kinds:
        keep = np.array([skill_vecs.role_kinds.get(s) in CONTRAST_KINDS for s in skill_vecs.role_slugs], dtype=bool)
        if keep.sum() >= MIN_CONTRAST_ROLES:
            rmat = rmat[keep]
    return all_cos - CONTRAST * (cmat @ rmat.mean(axis=0))


def feedback_skills(role: Role, ids: list[str], all_cos: np.ndarray, contrast: np.ndarray, cmat: np.ndarray,
                    course_skills: pd.DataFrame, spec: pd.DataFrame, shares: dict[str, float],
                    skill_vecs: SkillVecs, fit: dict[str, float] | None = None,
                    task_vec: np.ndarray | None = None) -> Role:
    """`role` plus the skills that the courses most specific to it teach (pseudo-relevance feedback).

    A profile can miss what the courses for the role teach (physical therapists' postings name physiotherapy,
    not musculoskeletal anatomy). Take the FEEDBACK_TOP courses with the highest contrast cosine (raw cosine
    >= CONTRAST_RAW_FLOOR) that fit this role better than all but FEEDBACK_MAX_ROLE_RANK other roles; a skill
    at least FEEDBACK_MIN_COURSES of them teach, that is not generic in the catalog nor listed by more than
    relevance.MAX_ROLE_SHARE of roles, joins the role as an implied skill (at most FEEDBACK_MAX, importance
    FEEDBACK_IMPORTANCE x the role's top, by how many of those courses teach it). With `fit` (`role_skill_fit`) and
    FEEDBACK_FIT, a skill that fits the role (relevance.MIN_SKILL_FIT) and whose vector is near the role's O*NET tasks
    (`task_vec`, relevance.IMPLIED_MIN_TASK_COS, as implied skills) joins even past FEEDBACK_MAX."""
    from careerpath.recommend.relevance import MAX_GENERIC_SHARE, MAX_ROLE_SHARE
    fitting: set[str] = set()
    if FEEDBACK_FIT and fit and task_vec is not None and IMPLIED_MIN_TASK_COS is not None:
        tv = np.asarray(task_vec, dtype=np.float32).ravel()
        fitting = {s for s, f in fit.items() if f >= MIN_SKILL_FIT and s in skill_vecs.index
                   and float(skill_vecs.mat[skill_vecs.index[s]] @ tv) >= IMPLIED_MIN_TASK_COS}
    rmat = skill_vecs.role_mat
    if rmat is None or role.slug not in skill_vecs.role_index or not len(ids) or course_skills.empty:
        return role
    order = [i for i in np.argsort(-contrast)[: FEEDBACK_TOP * 4] if all_cos[i] >= CONTRAST_RAW_FLOOR]
    if not order:
        return role
    sims = cmat[order] @ np.asarray(rmat, dtype=np.float32).T
    own = skill_vecs.role_index[role.slug]
    closer = (sims > sims[:, [own]]).sum(axis=1)
    top = [ids[i] for i, n in zip(order, closer) if n <= FEEDBACK_MAX_ROLE_RANK][:FEEDBACK_TOP]
    if len(top) < FEEDBACK_MIN_COURSES:
        return role
    have = set(role.skills["skill_id"].astype(str))
    cnt = course_skills[course_skills["course_id"].isin(top)].drop_duplicates(["course_id", "skill_id"])
    cnt = cnt.groupby("skill_id")["course_id"].nunique()
    share = spec.set_index("skill_id")["share"] if len(spec) else pd.Series(dtype=float)
    cand = [(s, int(n)) for s, n in cnt.sort_values(ascending=False).items()
            if n >= FEEDBACK_MIN_COURSES and s not in have and float(share.get(s, 0.0)) <= MAX_GENERIC_SHARE
            and shares.get(s, 0.0) <= MAX_ROLE_SHARE]
    first = {s for s, _ in cand[:FEEDBACK_MAX]}
    keep = [(s, n) for s, n in cand if s in first or s in fitting]
    if not keep:
        return role
    imp = pd.to_numeric(role.skills["importance"], errors="coerce")
    best = float(imp.max()) if len(imp) and imp.notna().any() else 1.0
    rows = pd.DataFrame({"skill_id": [s for s, _ in keep], "name": [s.replace("-", " ") for s, _ in keep],
                         "importance": [FEEDBACK_IMPORTANCE * best * n / keep[0][1] for _, n in keep],
                         "core": False, "type": "implied"})
    return Role(slug=role.slug, title=role.title, skills=pd.concat([role.skills, rows], ignore_index=True),
                text=role.text, evidence=role.evidence,
                extra={**role.extra, "feedback": rows["skill_id"].tolist()})


def _catalog(vecs: dict[str, np.ndarray], course_skills: pd.DataFrame, n_courses: int,
             skill_vecs: SkillVecs | None) -> dict:
    """What every ranking over one catalogue shares, whatever the role: course ids and their matrix, the skills'
    specificity, and every course's cosine to every role index vector (`role_skill_fit`).

    A batch build ranks 1,300 roles over the same 11,800 courses; recomputing these per role was half of a
    guide's time. Cached in `skill_vecs.derived` for the very objects passed (kept there, so an identity check
    cannot match a new object at a recycled address)."""
    cached = skill_vecs.derived.get("catalog") if skill_vecs is not None else None
    if cached is not None and cached[0] is vecs and cached[1] is course_skills and cached[2] == n_courses:
        return cached[3]
    ids = list(vecs)
    cmat = np.vstack([vecs[c] for c in ids]) if ids else None
    out = {"ids": ids, "cmat": cmat, "spec": skill_specificity(course_skills, n_courses), "role_sims": None}
    rmat = skill_vecs.role_mat if skill_vecs is not None else None
    if rmat is not None and cmat is not None and np.shape(rmat)[1] == cmat.shape[1]:
        out["role_sims"] = cmat @ np.asarray(rmat, dtype=np.float32).T
        # (course, skill) pairs as positions: a role's skill fit is then two bincounts (`_fit_by_rows`)
        pairs = course_skills[["course_id", "skill_id"]].drop_duplicates()
        pos = {c: i for i, c in enumerate(ids)}
        out["pair_row"] = np.array([pos.get(c, -1) for c in pairs["course_id"].tolist()], dtype=np.int64)
        codes, skills = pd.factorize(pairs["skill_id"].astype(str), sort=True)
        out["pair_skill"], out["skills"] = codes, np.asarray(skills, dtype=object)
    if skill_vecs is not None:
        skill_vecs.derived["catalog"] = (vecs, course_skills, n_courses, out)
    return out


def role_skill_fit(course_skills: pd.DataFrame, text: pd.Series, floor: float, ids: list[str], cmat: np.ndarray,
                   slug: str, skill_vecs: SkillVecs | None, catalog: dict | None = None) -> dict[str, float]:
    """`relevance.skill_fit` of the role's skills: of the courses claiming a skill, the share that fit this role
    better than all but FIT_MAX_ROLE_RANK other roles (role index vectors, as `role_rank_penalty`); without
    role vectors, the share whose `text` score reaches `floor`.

    Where a skill's courses sit *among roles*, not among courses: the catalog has no plumbing course, so the
    courses closest to plumbers are about data and CI "pipelines", and Docker, which they teach, would look
    like the plumbers' own skill by catalog closeness; but nearly every Docker course fits a hundred software
    roles better than plumbers. The views' text also names the profile's top skills, so a check against them
    would confirm what it should test; the index vectors do not depend on the profile."""
    if skill_vecs is not None and skill_vecs.role_mat is not None and slug in skill_vecs.role_index and len(ids):
        rmat = np.asarray(skill_vecs.role_mat, dtype=np.float32)
        if rmat.shape[1] == cmat.shape[1]:
            own = skill_vecs.role_index[slug]
            if catalog is not None and catalog.get("pair_row") is not None:
                return _fit_by_rows(catalog, own)
            claimed = set(course_skills["course_id"])
            rows = [i for i, c in enumerate(ids) if c in claimed]
            if not rows:
                return {}
            sims = cmat[rows] @ rmat.T
            closer = (sims > sims[:, [own]]).sum(axis=1)
            near = pd.Series((closer <= FIT_MAX_ROLE_RANK).astype(float), index=[ids[i] for i in rows])
            return skill_fit(course_skills, near, 1.0)
    return skill_fit(course_skills, text, floor) if floor > 0 else {}


def _fit_by_rows(catalog: dict, own: int) -> dict[str, float]:
    """`relevance.skill_fit` of a role (index row `own`) with the catalogue's precomputed pairs (`_catalog`): a
    course fits when at most FIT_MAX_ROLE_RANK roles are closer to it; courses without a vector do not count."""
    sims = catalog["role_sims"]
    fits = (sims > sims[:, [own]]).sum(axis=1) <= FIT_MAX_ROLE_RANK
    row, sk = catalog["pair_row"], catalog["pair_skill"]
    ok = row >= 0
    size = np.bincount(sk[ok], minlength=len(catalog["skills"]))
    hits = np.bincount(sk[ok], weights=fits[row[ok]].astype(float), minlength=len(catalog["skills"]))
    keep = np.flatnonzero(size >= MIN_FIT_COURSES)
    return {str(catalog["skills"][i]): float(hits[i] / size[i]) for i in keep}


def specialty_shares(role: Role, shares: dict[str, float], skill_vecs: SkillVecs | None) -> dict[str, float]:
    """skill_id -> SPECIALTY_SHARE for the role's own (profile) skills listed by more than relevance.MAX_ROLE_SHARE of
    roles that this role rates at least as important as `vectors.SPECIALTY_QUANTILE` of them do
    (`SkillVecs.top_importance`): a broad skill that is the role's specialty is distinctive for it and may open the
    floor (O*NET ids, which no course claims, are left as they are). Inspectors' *conduct quality control analysis* is
    listed by 41 % of roles (O*NET rates it for every occupation) and rated higher by inspectors than by 98 % of them;
    without this, their list rested on implied word associations (*test procedures*: TOEFL, software testing). Off
    when SPECIALTY is False."""
    from careerpath.recommend.relevance import MAX_ROLE_SHARE
    if not SPECIALTY or skill_vecs is None or not skill_vecs.top_importance or role.skills.empty:
        return {}
    top = skill_vecs.top_importance
    # the profile's own skills: not the ones the ranker added (`with_onet_skills`, `with_implied_skills`), which a caller
    # such as `recommend` may have added before
    added = set(role.extra.get("onet", [])) | set(role.extra.get("implied", []))
    own = role.skills[~role.skills["skill_id"].astype(str).isin(added)]
    if "type" in own:
        own = own[own["type"] != "implied"]
    imp = pd.to_numeric(own["importance"], errors="coerce")
    return {s: SPECIALTY_SHARE for s, i in zip(own["skill_id"].astype(str), imp)
            if s in top and shares.get(s, 0.0) > MAX_ROLE_SHARE and i >= top[s] and not s.startswith("onet:")}


def _taught(course_skills: pd.DataFrame, skill_vecs: SkillVecs, products: bool = True) -> set[str]:
    """The skill ids some course teaches (without the named products, `SkillVecs.products`, when `products` is False);
    once per `course_skills` object (24k rows, read for every role)."""
    key = "taught" if products else "taught_no_products"
    cached = skill_vecs.derived.get(key)
    if cached is None or cached[0] is not course_skills:
        taught = set(course_skills["skill_id"].astype(str).tolist())
        cached = skill_vecs.derived[key] = (course_skills, taught if products else taught - skill_vecs.products)
    return cached[1]


def _skills_by_course(course_skills: pd.DataFrame, skill_vecs: SkillVecs) -> dict[str, list[str]]:
    """course_id -> its skill ids that have a vector, in table order; once per `course_skills` object."""
    cached = skill_vecs.derived.get("skills_by_course")
    if cached is not None and cached[0] is course_skills:
        return cached[1]
    out: dict[str, list[str]] = {}
    for c, s in zip(course_skills["course_id"].astype(str).tolist(), course_skills["skill_id"].astype(str).tolist()):
        if s in skill_vecs.index:
            out.setdefault(c, []).append(s)
    skill_vecs.derived["skills_by_course"] = (course_skills, out)
    return out


def other_sense(sem: pd.DataFrame, semantic_only: set[str], course_skills: pd.DataFrame, role_skill_ids: set[str],
                vecs: dict[str, np.ndarray], slug: str, skill_vecs: SkillVecs | None) -> set[str]:
    """The courses of `semantic_only` whose semantic match is a word of another sense (see SENSE_MARGIN).

    A semantic match compares a course's text with a skill's label, so a shared word is enough ("Chef", "AI for
    Medicine" and "emergency medicine"). The course's own extracted skills (not the role's) say which sense it
    has: when one of them is as close to its text as the matched role skill, but much farther from the role
    than that skill, the course teaches the other thing. Needs the role's index vector; else nothing is out."""
    if (skill_vecs is None or skill_vecs.role_mat is None or slug not in skill_vecs.role_index or sem.empty
            or not semantic_only):
        return set()
    iv = np.asarray(skill_vecs.role_mat[skill_vecs.role_index[slug]], dtype=np.float32)
    iv = iv / max(float(np.linalg.norm(iv)), 1e-9)
    by_course = _skills_by_course(course_skills, skill_vecs)
    out: set[str] = set()
    for cid, grp in sem[sem["course_id"].isin(semantic_only)].groupby("course_id"):
        mine = [s for s in by_course.get(cid, ()) if s not in role_skill_ids]
        if not mine or cid not in vecs:
            continue
        v = np.asarray(vecs[cid], dtype=np.float32)
        matched = skill_vecs.rows([str(x) for x in grp["skill_id"] if str(x) in skill_vecs.index])
        if not len(matched):
            continue
        ms = matched @ v
        best_s = int(np.argmax(ms))
        tm = skill_vecs.rows(mine)
        ts = tm @ v
        best_t = int(np.argmax(ts))
        as_close = ts[best_t] >= ms[best_s] - SENSE_MARGIN
        if as_close and float(tm[best_t] @ iv) <= float(matched[best_s] @ iv) - SENSE_ROLE_GAP:
            out.add(str(cid))
    return out


def with_onet_skills(role: Role, skill_vecs: SkillVecs | None) -> Role:
    """`role` plus up to ONET_SKILLS_TOP of the skills extracted from its O*NET description and tasks
    (`index.role_onet_skill_table`) that its profile does not list, each at ONET_SKILLS_IMPORTANCE x the role's top
    importance, marked in ``extra["onet"]`` (a role that carries the mark is returned as it is).

    A posting profile can be office software and generic words (data entry keyers, intelligence analysts); O*NET's
    task statements say what the work is ("verify data", "intelligence analysis")."""
    if "onet" in role.extra or ONET_SKILLS_IMPORTANCE is None or skill_vecs is None:
        return role
    have = set(role.skills["skill_id"].astype(str))
    add = [r for r in skill_vecs.role_onet.get(role.slug, []) if r[0] not in have][:ONET_SKILLS_TOP]
    if not add:
        return Role(slug=role.slug, title=role.title, skills=role.skills, text=role.text, evidence=role.evidence,
                    extra={**role.extra, "onet": []})
    imp = pd.to_numeric(role.skills["importance"], errors="coerce")
    best = float(imp.max()) if len(imp) and imp.notna().any() else 1.0
    rows = pd.DataFrame({"skill_id": [r[0] for r in add], "name": [r[1] for r in add],
                         "importance": ONET_SKILLS_IMPORTANCE * best, "core": False,
                         "type": [r[2] for r in add]})
    skills = rows if role.skills.empty else pd.concat([role.skills, rows], ignore_index=True)
    return Role(slug=role.slug, title=role.title, skills=skills, text=role.text, evidence=role.evidence,
                extra={**role.extra, "onet": rows["skill_id"].tolist()})


def with_implied_skills(role: Role, course_skills: pd.DataFrame, skill_vecs: SkillVecs | None,
                        role_vec: np.ndarray, task_vec: np.ndarray | None = None) -> Role:
    """`role` plus its implied skills (`relevance.implied_skills`; `task_vec`, `role_task_vector`, checks them against
    the role's O*NET tasks), marked in ``extra["implied"]`` so that a caller who needs them before ranking
    (`recommend`, for the candidates to encode) computes them once: a role that carries the mark is returned as it
    is."""
    if "implied" in role.extra or skill_vecs is None or not skill_vecs.ids:
        return role
    allowed = _taught(course_skills, skill_vecs, products=IMPLIED_PRODUCTS)
    out = implied_skills(role, skill_vecs.ids, skill_vecs.mat, role_views(role_vec, role.slug, skill_vecs),
                         allowed=allowed, task_vec=task_vec)
    if out is role:  # none qualified: mark it all the same, so the search is not run again
        out = Role(slug=role.slug, title=role.title, skills=role.skills, text=role.text, evidence=role.evidence,
                   extra={**role.extra, "implied": []})
    return out


def role_views(role_vec: np.ndarray, slug: str, skill_vecs: SkillVecs | None) -> np.ndarray:
    """The role's views for text similarity: `role_vectors` plus, when the store has one, the role's index vector
    (title + O*NET description, `role_embeddings`) when ROLE_INDEX_VIEW.

    A profile text lists the role's top skills by name; when those are office software (logisticians: AutoCAD,
    QuickBooks, Access...), its vector is about software and no supply-chain course is near it. The index
    vector says what the role does whatever its profile lists."""
    rv = np.atleast_2d(role_vec)
    if not ROLE_INDEX_VIEW or skill_vecs is None or skill_vecs.role_mat is None or slug not in skill_vecs.role_index:
        return rv
    iv = np.asarray(skill_vecs.role_mat[skill_vecs.role_index[slug]], dtype=np.float32)
    if iv.shape[-1] != rv.shape[1]:
        return rv
    return np.vstack([rv, iv / max(float(np.linalg.norm(iv)), 1e-9)])


def role_task_vector(con: duckdb.DuckDBPyConnection, slug: str, embedder: Embedder) -> np.ndarray | None:
    """The L2-normalised vector of the role's O*NET task text (`index.role_task_texts`), None without one."""
    text = role_task_texts(con, [slug]).get(slug)
    if not text or TASK_ANCHOR_FLOOR is None:
        return None
    return unit(embedder.encode([text])[0])


def unit(v: np.ndarray | None) -> np.ndarray | None:
    """`v` scaled to length 1 (float32), None as it is."""
    if v is None:
        return None
    v = np.asarray(v, dtype=np.float32)
    return v / max(float(np.linalg.norm(v)), 1e-9)


def role_texts(role: Role) -> list[str]:
    """What `role_vectors` encodes: the role's profile text (title, summary, top skills) and its bare title."""
    return [role.text or role.title, role.title]


def role_vectors(role: Role, embedder: Embedder) -> np.ndarray:
    """Two views of the role (`role_texts`)."""
    return embedder.encode(role_texts(role))


def greedy_select(cand: pd.DataFrame, weights: dict[str, float], core: set[str],
                  vecs: dict[str, np.ndarray], top: int) -> pd.DataFrame:
    """Pick `top` rows of `cand` (with score, covers_ids) for score and coverage of untaught skills."""
    picked: list[int] = []
    taught: set[str] = set()
    rows = cand.reset_index(drop=True)
    covers, scores, cids = rows["covers_ids"].tolist(), rows["score"].tolist(), rows["course_id"].tolist()
    alive = np.ones(len(rows), dtype=bool)
    sw = lambda s: weights.get(s, 0.0) * (2.0 if s in core else 1.0)  # noqa: E731
    while len(picked) < top and alive.any():
        best, best_val = -1, -1.0
        for i in np.flatnonzero(alive):
            ids = covers[i]
            total = sum(sw(s) for s in ids) or 1.0
            novelty = sum(sw(s) for s in ids if s not in taught) / total
            val = scores[i] * (ALPHA + (1 - ALPHA) * novelty)
            if val > best_val:
                best, best_val = i, val
        alive[best] = False
        v = vecs.get(cids[best])
        if v is not None and any(float(v @ vecs[cids[p]]) >= NEAR_COPY for p in picked if cids[p] in vecs):
            continue
        picked.append(best)
        taught.update(covers[best])
    return rows.loc[picked].reset_index(drop=True)


def family_vectors(rmat: np.ndarray, k: int = FAMILY_K, residual: np.ndarray | None = None) -> np.ndarray:
    """Each role's family vector: the L2-normalised mean of its own and its k - 1 nearest roles' vectors.

    A title word that has another sense elsewhere (plumbers' "pipe", chefs' "Chef") makes one role's vector close
    to courses of that other sense; the role's neighbours (steamfitters' and pipelayers' kin, cooks) say what the
    family does, and the word weighs 1/k in their mean.

    `residual` (boolean per role, `residual_roles`): a residual role's k - 1 neighbours are drawn from the roles that
    are not residual (its nearest are otherwise the other residual codes, which share its boilerplate text, not its
    trade); other roles' families are unchanged."""
    rmat = np.asarray(rmat, dtype=np.float32)
    k = max(1, min(k, len(rmat)))
    sims = rmat @ rmat.T
    nb = np.argsort(-sims, axis=1)[:, :k]
    if residual is not None and k > 1:
        residual = np.asarray(residual, dtype=bool)
        if residual.any() and (~residual).sum() >= k - 1:
            others = np.flatnonzero(~residual)
            for i in np.flatnonzero(residual):
                near = others[np.argsort(-sims[i, others])[:k - 1]]
                nb[i] = np.concatenate([[i], near])
    fam = rmat[nb].mean(axis=1)
    return fam / np.linalg.norm(fam, axis=1, keepdims=True).clip(min=1e-9)


def residual_roles(skill_vecs: SkillVecs) -> np.ndarray | None:
    """Boolean mask of the residual roles (slug ending RESIDUAL_SUFFIX: O*NET's "..., All Other" codes), None when
    the check is off or no role is residual."""
    if RESIDUAL_SUFFIX is None or not skill_vecs.role_slugs:
        return None
    mask = np.array([str(s).endswith(RESIDUAL_SUFFIX) for s in skill_vecs.role_slugs], dtype=bool)
    return mask if mask.any() else None


def counted_roles(skill_vecs: SkillVecs, own: int) -> np.ndarray | None:
    """Boolean mask of the roles a role rank counts (RANK_KINDS; `own` always), None for all of them (the check off,
    or a store without role kinds)."""
    if RANK_KINDS is None or not skill_vecs.role_kinds:
        return None
    mask = np.array([skill_vecs.role_kinds.get(s) in RANK_KINDS for s in skill_vecs.role_slugs], dtype=bool)
    mask[own] = True
    return None if mask.all() else mask


def role_rank_penalty(rel: pd.DataFrame, slug: str, skill_vecs: SkillVecs | None,
                      vecs: dict[str, np.ndarray], semantic_only: set[str] | None = None,
                      residual_family: bool = True) -> pd.DataFrame:
    """Down-weight candidates that other roles fit better (see ROLE_RANK_SCALE); adds `role_rank`.

    A course for data pipelines is also close to "Plumbers, Pipefitters" by words; what tells them apart is
    that a hundred roles are closer to it. `residual_family`: a residual role's own family vector is drawn from the
    roles that are not residual (`family_vectors`, RESIDUAL_SUFFIX). Unchanged without role vectors or when the role has none."""
    if skill_vecs is None or skill_vecs.role_mat is None or slug not in skill_vecs.role_index:
        return rel
    rmat = skill_vecs.role_mat
    own = skill_vecs.role_index[slug]
    have = rel["course_id"].map(lambda c: c in vecs)
    rel = rel[have].copy()
    if rel.empty:
        return rel
    sims = np.vstack([vecs[c] for c in rel["course_id"]]) @ rmat.T
    mask = counted_roles(skill_vecs, own)
    closer = ((sims > sims[:, [own]]) if mask is None else (sims > sims[:, [own]])[:, mask]).sum(axis=1)
    rel["role_rank"] = closer
    rel["relevance"] = (rel["relevance"] / (1.0 + closer / ROLE_RANK_SCALE)).round(4)
    if MAX_ROLE_RANK is not None:
        rel = rel[rel["role_rank"] <= MAX_ROLE_RANK]
    if MAX_FAMILY_RANK is not None and FAMILY_K > 1 and len(rel):
        key = ("family", FAMILY_K)
        if key not in skill_vecs.derived:  # all roles' families: ~40 ms, the same for every recommendation
            skill_vecs.derived[key] = family_vectors(rmat)
        fam = skill_vecs.derived[key]
        cm = np.vstack([vecs[c] for c in rel["course_id"]])
        fs = cm @ fam.T
        own_fs = fs[:, [own]]
        residual = residual_roles(skill_vecs)
        if residual_family and residual is not None and residual[own]:
            # its own family from roles that are not residual; the families it is ranked among stay as they are
            rkey = ("family", FAMILY_K, RESIDUAL_SUFFIX)
            if rkey not in skill_vecs.derived:
                skill_vecs.derived[rkey] = family_vectors(rmat, residual=residual)
            own_fs = cm @ skill_vecs.derived[rkey][[own]].T
        above = fs > own_fs
        above[:, own] = False
        rel["family_rank"] = (above if mask is None else above[:, mask]).sum(axis=1)
        rel = rel[rel["family_rank"] <= MAX_FAMILY_RANK]
    if MAX_ROLE_RANK_SEMANTIC is not None and semantic_only:
        rel = rel[~rel["course_id"].isin(semantic_only) | (rel["role_rank"] <= MAX_ROLE_RANK_SEMANTIC)]
    return rel.sort_values("relevance", ascending=False).reset_index(drop=True)


def relative_cut(rel: pd.DataFrame) -> pd.DataFrame:
    """Candidates whose relevance reaches MIN_REL_SHARE of the REL_REF_K-th best one's (of the best, with fewer).

    A short list is better than one padded with courses that barely pass, but the bar is the role's own: a role
    whose best match is an outlier (logisticians: a Portuguese "Logistics and Supply Chain Basics" course at
    contrast 0.40 while its supply-chain courses sit at 0.21-0.26) kept one course when the bar was the best one's."""
    if rel.empty:
        return rel
    rv = rel["relevance"].astype(float)
    ref = float(rv.nlargest(REL_REF_K).iloc[-1]) if REL_REF_K and len(rv) >= REL_REF_K else float(rv.max())
    return rel[rv >= MIN_REL_SHARE * ref]


def passes_raw_floor(rel: pd.DataFrame, vecs: dict[str, np.ndarray], task_vec: np.ndarray | None) -> pd.Series:
    """Which candidates reach CONTRAST_RAW_FLOOR on `cosine`, or TASK_ANCHOR_FLOOR on their cosine to `task_vec`."""
    ok = rel["cosine"].astype(float) >= CONTRAST_RAW_FLOOR
    if task_vec is None or TASK_ANCHOR_FLOOR is None or ok.all():
        return ok
    tv = np.asarray(task_vec, dtype=np.float32)
    tc = rel["course_id"].map(lambda c: float(vecs[c] @ tv) if c in vecs else 0.0)
    return ok | (tc >= TASK_ANCHOR_FLOOR)


def drop_slivers(rel: pd.DataFrame) -> pd.DataFrame:
    """Candidates whose coverage reaches MIN_COVERAGE: the floor lets in a course that teaches one top skill, but
    when that skill is a sliver of the role's weight (a broad knowledge area the course only touches), the course
    passes on its text alone, and text near a role is not topic (wellness courses near physical therapists)."""
    if not MIN_COVERAGE or rel.empty:
        return rel
    return rel[rel["coverage"].astype(float) >= MIN_COVERAGE].reset_index(drop=True)


def nothing_close(rel: pd.DataFrame, trade: set[str] | frozenset[str] = frozenset()) -> pd.DataFrame:
    """`rel`, or none of it when its best contrast cosine is below MIN_BEST_CONTRAST (see there).

    Contrast (`contrast_cosines`) is how much closer a course is to this role than to roles in general; the list's
    best course sets how much the catalog has for the role at all. Unchanged without the `contrast` column, or when a
    candidate covers one of `trade` (the role's soft trade skills, `relevance.soft_trade`): customer service is near
    every role that meets the public, so its courses' contrast is low by construction, yet it is what receptionists
    do."""
    if MIN_BEST_CONTRAST is None or rel.empty or "contrast" not in rel:
        return rel
    if trade and "covers_ids" in rel and rel["covers_ids"].map(lambda ids: bool(trade & set(ids))).any():
        return rel
    return rel if float(rel["contrast"].astype(float).max()) >= MIN_BEST_CONTRAST else rel.iloc[0:0]


def drop_thin_misfits(rel: pd.DataFrame) -> pd.DataFrame:
    """Candidates that are not both thin (coverage < THIN_COVERAGE) and fit other roles better (role_rank >
    THIN_MAX_ROLE_RANK). Unchanged without `role_rank` or with the check off."""
    if THIN_MAX_ROLE_RANK is None or rel.empty or "role_rank" not in rel:
        return rel
    bad = (rel["coverage"].astype(float) < THIN_COVERAGE) & (rel["role_rank"].astype(float) > THIN_MAX_ROLE_RANK)
    return rel[~bad].reset_index(drop=True)


def order_by_role_rank(rel: pd.DataFrame) -> pd.DataFrame:
    """Relevance rescaled from ROLE_RANK_SCALE's penalty to ORDER_RANK_SCALE's, after the cut: the order then
    weighs how many roles fit a course better more, the set of courses stays. Unchanged without `role_rank`."""
    if not ORDER_RANK_SCALE or rel.empty or "role_rank" not in rel:
        return rel
    rr = rel["role_rank"].astype(float)
    out = rel.assign(relevance=(rel["relevance"] * (1.0 + rr / ROLE_RANK_SCALE) / (1.0 + rr / ORDER_RANK_SCALE))
                     .round(4))
    return out.sort_values("relevance", ascending=False).reset_index(drop=True)


def order_programs(rel: pd.DataFrame) -> pd.DataFrame:
    """`rel` (merged with the courses: `certificate_type`) with the relevance of programs (PROGRAM_TYPES) scaled by
    PROGRAM_ORDER_SHARE, best first (see there). Unchanged with the check off or without `certificate_type`."""
    if not PROGRAM_ORDER_SHARE or rel.empty or "certificate_type" not in rel:
        return rel
    prog = rel["certificate_type"].fillna("").astype(str).str.lower().isin(PROGRAM_TYPES)
    if not prog.any():
        return rel
    out = rel.assign(relevance=rel["relevance"].where(~prog, (rel["relevance"] * PROGRAM_ORDER_SHARE).round(4)))
    return out.sort_values("relevance", ascending=False, kind="stable").reset_index(drop=True)


def anchor_tools(role: Role, skill_vecs: SkillVecs | None) -> list[str]:
    """The role's tools (see TOOL_TOP): skills of its own profile (not the implied, feedback or O*NET ones added
    here), among the TOOL_TOP most important, that O*NET flags in demand for its occupation
    (`SkillVecs.role_tools`), most important first."""
    tools = skill_vecs.role_tools.get(role.slug) if skill_vecs is not None and TOOL_TOP else None
    if not tools or role.skills.empty:
        return []
    added = set()
    for k in ("onet", "implied", "feedback"):
        added |= {str(x) for x in role.extra.get(k, [])}
    sid = role.skills["skill_id"].astype(str)
    keep = ~sid.isin(added)
    if TOOLS_SKIP_ONET_IDS:
        keep &= ~sid.str.startswith("onet:")
    rs = role.skills[keep].copy()
    rs["importance"] = pd.to_numeric(rs["importance"], errors="coerce").fillna(0.0)
    rs = rs[rs["importance"] > 0].sort_values("importance", ascending=False).drop_duplicates("skill_id")
    return [str(s) for s in rs["skill_id"].head(TOOL_TOP) if str(s) in tools]


def tool_courses(rel: pd.DataFrame, tools: list[str], course_skills: pd.DataFrame, rs: pd.DataFrame,
                 raw: pd.Series) -> pd.DataFrame:
    """`rel` followed by the courses that teach one of the role's `tools` by name (`anchor_tools`), when fewer than
    TOOL_FILL_BELOW candidates passed (see TOOL_TOP). A course teaches a tool by name when it claims the skill and
    the evidence lies in its title (`course_skills.in_title`, `vectors.load_course_skills`). Their relevance: TOOL_SHARE
    x the list's lowest (1 for an empty list) x (0.5 + 0.5 x (W_COVER x coverage + W_SEM x their cosine to the role
    scaled among them)), so they never pass a course that passed the checks."""
    if not tools or len(rel) >= TOOL_FILL_BELOW or "in_title" not in course_skills or course_skills.empty:
        return rel
    named = course_skills["skill_id"].astype(str).isin(set(tools)) & course_skills["in_title"].fillna(False).astype(bool)
    ids = set(course_skills.loc[named, "course_id"]) - set(rel["course_id"] if len(rel) else [])
    if not ids:
        return rel
    cov = coverage_table(rs, course_skills[course_skills["course_id"].isin(ids)][["course_id", "skill_id", "score"]])
    cov = cov[cov["course_id"].isin(ids)].copy()
    if cov.empty:
        return rel
    cos = cov["course_id"].map(raw).fillna(0.0).astype(float)
    lo, hi = float(cos.min()), float(cos.max())
    sem = (cos - lo) / (hi - lo) if hi > lo else cos * 0.0 + 1.0
    base = float(rel["relevance"].astype(float).min()) if len(rel) else 1.0
    cov["relevance"] = (TOOL_SHARE * base * (0.5 + 0.5 * (W_COVER * cov["coverage"].astype(float) + W_SEM * sem)))
    cov["relevance"] = cov["relevance"].round(4)
    cov["semantic"] = sem.round(4)
    cov["cosine"] = cos
    cov["tool"] = True
    cov = cov.drop(columns="floor_ok")
    out = cov if rel.empty else pd.concat([rel.assign(tool=False), cov], ignore_index=True)
    return out.sort_values("relevance", ascending=False).reset_index(drop=True)


def path_order(sel: pd.DataFrame) -> list[int]:
    """Positions from foundations to advanced: level first, then courses that teach more basics."""
    lvl = sel["level"].map(lambda v: LEVEL_ORDER.get(v if isinstance(v, str) else None, 1))
    # A course teaching skills that later picks build on comes first: fewer skills is more basic.
    breadth = sel["covers_ids"].map(len)
    order = sorted(range(len(sel)), key=lambda i: (lvl.iat[i], breadth.iat[i], -sel["score"].iat[i]))
    pos = [0] * len(sel)
    for p, i in enumerate(order):
        pos[i] = p + 1
    return pos


def _shown(covers: list[str], k: int = 3) -> list[str]:
    """The first `k` skills worth naming apart: ESCO keeps "machine learning" and "utilise machine learning" as
    two concepts, and "Teaches machine learning, Python and utilise machine learning" says one thing twice. A
    name whose words hold, or are held by, a name already shown is left to the "+N more" count."""
    shown: list[str] = []
    seen: list[set[str]] = []
    for name in covers:
        words = set(re.findall(r"[a-z0-9+#]+", name.lower()))
        if words and not any(words <= w or w <= words for w in seen):
            shown.append(name)
            seen.append(words)
            if len(shown) == k:
                break
    return shown or covers[:k]


def _length(hours: object) -> str:
    """"about 12 h", "about 27 min" under an hour (Udemy's short video courses), else "length not stated"."""
    if not isinstance(hours, (int, float)) or hours != hours or hours <= 0:
        return "length not stated"
    return f"about {float(hours):.0f} h" if hours >= 1 else f"about {max(1, round(float(hours) * 60))} min"


def why(covers: list[str], n_core: int, level: object, hours: object) -> str:
    """One sentence naming what the course teaches of the role."""
    names = _shown(covers)
    taught = names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" and {names[-1]}"
    more = f" (+{len(covers) - len(names)} more)" if len(covers) > len(names) else ""
    core = f", {n_core} of the role's core skills" if n_core else ""
    lv = f"{level} level" if isinstance(level, str) else "level not stated"
    hrs = _length(hours)
    return f"Teaches {taught}{more}{core}; {lv}, {hrs}."


def rank_courses(courses: pd.DataFrame, course_skills: pd.DataFrame, vecs: dict[str, np.ndarray],
                 role_vec: np.ndarray, role: Role, top: int = 10, filters: Filters | None = None,
                 order: str = "best", skill_vecs: SkillVecs | None = None,
                 task_vec: np.ndarray | None = None) -> list[dict]:
    """The pure core of `recommend`: courses (with quality), their skills and vectors -> the list.

    `task_vec` (`role_task_vector`) lets a course pass the raw-cosine floor on the role's O*NET tasks instead
    (TASK_ANCHOR_FLOOR).

    `skill_vecs` (`skill_vectors`) brings the role's implied skills, the semantic skill matches, the skills'
    distinctiveness across roles (see `relevance.py`) and the role-rank check; without it, courses are
    matched on their extracted skills alone, as before those existed."""
    return rank_course_lists(courses, course_skills, vecs, role_vec, role, {"": (top, filters)}, order,
                             skill_vecs, task_vec)[""]


def rank_course_lists(courses: pd.DataFrame, course_skills: pd.DataFrame, vecs: dict[str, np.ndarray],
                      role_vec: np.ndarray, role: Role, lists: dict[str, tuple[int, Filters | None]],
                      order: str = "best", skill_vecs: SkillVecs | None = None,
                      task_vec: np.ndarray | None = None) -> dict[str, list[dict]]:
    """`rank_courses` for several (top, filters) lists of one role, relevance computed once: a guide wants
    its course list and its certificate courses, and relevance is most of the cost (~0.3 s a role).

    A residual role ("..., All Other", RESIDUAL_SUFFIX) that gets no course at all is ranked once more with its own
    family drawn from the roles that are not residual (`role_rank_penalty`): its boilerplate family (the other
    residual codes) can hold out its trade's courses, but a list it does give is left as it is."""
    out = _rank_course_lists(courses, course_skills, vecs, role_vec, role, lists, order, skill_vecs, task_vec,
                             residual_family=False)
    if (RESIDUAL_SUFFIX is not None and role.slug.endswith(RESIDUAL_SUFFIX) and skill_vecs is not None
            and not any(out.values())):
        out = _rank_course_lists(courses, course_skills, vecs, role_vec, role, lists, order, skill_vecs, task_vec,
                                 residual_family=True)
    return out


def _rank_course_lists(courses: pd.DataFrame, course_skills: pd.DataFrame, vecs: dict[str, np.ndarray],
                       role_vec: np.ndarray, role: Role, lists: dict[str, tuple[int, Filters | None]],
                       order: str = "best", skill_vecs: SkillVecs | None = None,
                       task_vec: np.ndarray | None = None, residual_family: bool = False) -> dict[str, list[dict]]:
    """`rank_course_lists` with the residual family on or off."""
    shares: dict[str, float] = dict(skill_vecs.role_share) if skill_vecs is not None else {}
    shares.update(specialty_shares(role, shares, skill_vecs))
    role = with_implied_skills(with_onet_skills(role, skill_vecs), course_skills, skill_vecs, role_vec, task_vec)
    cat = _catalog(vecs, course_skills, len(courses), skill_vecs)
    spec = cat["spec"]
    rv = role_views(role_vec, role.slug, skill_vecs)  # rows: profile text, bare title, index vector; cosines averaged
    ids = cat["ids"]
    cmat = cat["cmat"] if ids else np.zeros((0, rv.shape[1]), dtype=np.float32)
    all_cos = (cmat @ rv.T).mean(axis=1) if ids else np.zeros(0)
    contrast = contrast_cosines(all_cos, cmat, skill_vecs)
    raw = pd.Series(all_cos, index=ids, dtype=float)
    text = raw if contrast is None else pd.Series(contrast, index=ids, dtype=float)
    cat_floor = catalog_floor(text.to_numpy())
    # the fit of every skill courses claim (not only the role's): with role vectors it does not depend on the role's
    # skills, and the feedback skills below need it
    fit = (role_skill_fit(course_skills, text, cat_floor, ids, cmat, role.slug, skill_vecs, cat)
           if SKILL_FIT else {})
    if contrast is not None and FEEDBACK_TOP:
        role = feedback_skills(role, ids, all_cos, contrast, cmat, course_skills, spec, shares, skill_vecs, fit,
                               task_vec)
    cs_role = course_skills[course_skills["skill_id"].isin(set(role.skills["skill_id"].astype(str)))]
    cs_role = cs_role[["course_id", "skill_id", "score"]]
    semantic_only: set[str] = set()
    trade: set[str] = set()
    if skill_vecs is not None and skill_vecs.ids and ids:
        rs0 = weighted_role_skills(role, spec, shares, fit)
        trade = set(rs0.loc[rs0["floor_skill"] & soft_trade(rs0) & rs0["type"].isin(GENERIC_TYPES), "skill_id"])
        sem = semantic_skill_matches(rs0, skill_vecs.index, skill_vecs.mat, ids, cmat)
        if len(sem) and claims.EXAM_PREP is not None:  # a test-preparation course's test words: the test's
            sem = sem[~claims.exam_sense(sem["course_id"], sem["skill_id"], _titles(courses),
                                         dict(zip(rs0["skill_id"].astype(str), rs0["name"])))].reset_index(drop=True)
        if len(sem):
            floor_ids = set(rs0.loc[rs0["floor_skill"], "skill_id"])
            semantic_only = set(sem["course_id"]) - set(cs_role.loc[cs_role["skill_id"].isin(floor_ids), "course_id"])
            # a course that only semantic matches let in needs one whose skill its text names (`anchored_matches`)
            anchored = set(anchored_matches(sem[sem["course_id"].isin(semantic_only)], _skill_words(rs0, skill_vecs),
                                            _course_words(courses, semantic_only, skill_vecs))["course_id"])
            sem = sem[~sem["course_id"].isin(semantic_only - anchored)]
            semantic_only &= anchored
            if OTHER_SENSE:
                own = set(role.skills["skill_id"].astype(str))
                if OTHER_SENSE_UNFIT_SOFTWARE and fit:  # a product too rare for a fit measure: maybe another sense
                    own -= set(rs0.loc[(rs0["type"] == "software") & rs0["fit"].isna(), "skill_id"])
                if OTHER_SENSE_UNFIT and fit:  # a skill whose courses sit away from the role: another sense here
                    own -= set(rs0.loc[(rs0["fit"] < MIN_SKILL_FIT) & (rs0["type"] == "knowledge"), "skill_id"])
                gone = other_sense(sem, semantic_only, course_skills, own, vecs, role.slug, skill_vecs)
                sem = sem[~sem["course_id"].isin(gone)]
            cs_role = pd.concat([cs_role, sem], ignore_index=True)
    rel = relevance_table(role, cs_role, len(courses), text[text.index.isin(set(cs_role["course_id"]))], spec,
                          catalog_floor=cat_floor, role_share=shares,
                          abs_floor=None if contrast is None else CONTRAST_FLOOR,
                          rel_floor=None if contrast is None else CONTRAST_REL_FLOOR, skill_fit=fit)
    rel = drop_slivers(rel)
    rel = drop_other_disciplines(rel, _titles(courses), role.title, role.text)
    if not rel.empty:
        rel["contrast"] = rel["cosine"]
        rel["cosine"] = rel["course_id"].map(raw).fillna(0.0)
        if contrast is not None:
            rel = rel[passes_raw_floor(rel, vecs, task_vec)].reset_index(drop=True)
        rel = role_rank_penalty(rel, role.slug, skill_vecs, vecs, semantic_only, residual_family)
    if not rel.empty:
        rel = relative_cut(rel)
        if contrast is not None:
            rel = nothing_close(rel, trade)
        rel = order_by_role_rank(drop_thin_misfits(rel))
    rs = weighted_role_skills(role, spec, shares, fit)
    rel = tool_courses(rel, anchor_tools(role, skill_vecs), course_skills, rs, raw)
    if rel.empty:
        return {name: [] for name in lists}
    rel = order_by_title_words(order_programs(rel.merge(courses, on="course_id")), role.title, rs)
    weights = dict(zip(rs["skill_id"], rs["weight"]))
    core = set(rs.loc[rs["core"].astype(bool), "skill_id"])
    return {name: _pick((filters or Filters()).apply(rel), weights, core, vecs, top, order)
            for name, (top, filters) in lists.items()}


def _anchor_source(row: pd.Series) -> str:
    """All the text a course has: title, description, outcomes, skills and modules (`index.course_text` keeps one
    of description and outcomes, and reads a missing outcome loaded as NaN as present)."""
    parts: list[str] = []
    for col in ("title", "description", "outcomes", "skills_given", "modules"):
        v = row.get(col)
        if isinstance(v, str):
            parts.append(v)
        elif isinstance(v, (list, tuple, np.ndarray)):
            parts.extend(str(x) for x in v if isinstance(x, str))
    return " . ".join(parts)


def _skill_words(rs: pd.DataFrame, skill_vecs: SkillVecs) -> dict[str, set[str]]:
    """skill_id -> `discipline.anchor_words` of its name (`rs`) and its aliases (`SkillVecs.aliases`)."""
    return {s: anchor_words(" ".join([n, *skill_vecs.aliases.get(s, [])]))
            for s, n in zip(rs["skill_id"].astype(str), rs["name"].astype(str))}


def _course_words(courses: pd.DataFrame, need: set[str], skill_vecs: SkillVecs) -> dict[str, tuple[set[str], str]]:
    """course_id -> `discipline.course_anchor_text` of its text (`index.course_text`), for the courses in `need`; kept
    in `skill_vecs.derived` per `courses` object (a batch build asks for the same courses for many roles)."""
    cached = skill_vecs.derived.get("course_words")
    if cached is None or cached[0] is not courses:
        cached = skill_vecs.derived["course_words"] = (courses, {}, courses.drop_duplicates("course_id")
                                                       .set_index("course_id", drop=False))
    words, rows = cached[1], cached[2]
    for c in need - set(words):
        words[c] = course_anchor_text(_anchor_source(rows.loc[c])) if c in rows.index else (set(), "")
    return {c: words[c] for c in need}


def _titles(courses: pd.DataFrame) -> pd.Series:
    """course_id -> title (the first listing's)."""
    return courses.drop_duplicates("course_id").set_index("course_id")["title"]


def _pick(df: pd.DataFrame, weights: dict[str, float], core: set[str],
          vecs: dict[str, np.ndarray], top: int, order: str) -> list[dict]:
    """Steps 2-4 of the module docstring on the candidates that passed a list's filters."""
    if df.empty:
        return []
    df = df.copy()
    df["score"] = df["relevance"] * (0.6 + 0.4 * df["quality"].fillna(5.0) / 10.0)
    df = dedupe(df).head(POOL)
    sel = greedy_select(df, weights, core, vecs, top)
    sel["path_position"] = path_order(sel)
    if order == "path":
        sel = sel.sort_values("path_position").reset_index(drop=True)
    out = []
    for _, r in sel.iterrows():
        lvl = LEVEL_ORDER.get(r["level"] if isinstance(r["level"], str) else None, 1)
        out.append(item(r, r["relevance"], list(r["covers"]),
                        why(list(r["covers"]), len(r["core_ids"]), r["level"], r["hours"]),
                        stage=STAGES[lvl], path_position=int(r["path_position"]),
                        quality_note=r.get("quality_note"), coverage=round(float(r["coverage"]), 3),
                        similarity=round(float(r["cosine"]), 3)))
    return out


def recommend(con: duckdb.DuckDBPyConnection, role: Role, top: int = 10, filters: Filters | None = None,
              embedder: Embedder | None = None, order: str = "best") -> list[dict]:
    """The diversified top `top` courses for `role`, in the contract's course fields plus stage/path."""
    embedder = embedder or default_embedder()
    courses = courses_with_quality(con)
    cs = load_course_skills(con)
    role_vec = role_vectors(role, embedder)
    sv = skill_vectors(con, embedder)
    task_vec = role_task_vector(con, role.slug, embedder)
    # once: rank_courses keeps a role that has them
    role = with_implied_skills(with_onet_skills(role, sv), cs, sv, role_vec, task_vec)
    need = set(cs.loc[cs["skill_id"].isin(set(role.skills["skill_id"].astype(str))), "course_id"])
    vecs = course_vectors(con, courses, embedder, need)
    return rank_courses(courses, cs, vecs, role_vec, role, top, filters, order, skill_vecs=sv, task_vec=task_vec)
