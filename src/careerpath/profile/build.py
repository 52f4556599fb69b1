"""Build every role's profile into the store (`profiles(slug, json)`), and read one back.

    careerpath.store.derive(db, build_profiles)   # all roles, atomically
    get_profile(con, "registered-nurses")         # stored, or computed on the fly

The work is two set-based passes (aggregates.collect), then pure per-role assembly, then related
roles from the cosine similarity of the roles' skill-importance vectors.
"""

from __future__ import annotations

import json
import re
import time

import duckdb
import numpy as np
import pandas as pd

from careerpath import store
from careerpath.errors import InputError
from careerpath.profile import aggregates, assemble, skills, stats
from careerpath.profile.model import Certifications, Occupation, Profile, RelatedRole, RoleInfo, SalarySection

MAX_RELATED = 8
ONET_SLOTS = 4  # O*NET related occupations kept ahead of the similarity fill
PROFILE_WEIGHT = 0.25  # of the profile's ranked skills beside O*NET ratings and posting shares (_similarity)


def _role_info(role: dict, occupations: list[dict]) -> RoleInfo:
    return RoleInfo(slug=role["slug"], title=role["title"], kind=role.get("kind") or "occupation",
                    soc=[Occupation(code=o["soc_code"], title=o.get("title") or "", weight=round(float(o["weight"]), 4))
                         for o in occupations],
                    confidence=float(role["confidence"]) if role.get("confidence") is not None else 1.0,
                    job_family=role.get("job_family"), aliases=list(role.get("aliases") or []))


def profile_of(role: dict, agg: aggregates.Aggregates, names: dict[str, str], fig: assemble.FigureMaker) -> Profile:
    """One role's profile (without related roles) from the aggregates: pure."""
    slug = role["slug"]
    fig.cited = set()
    g = lambda attr: getattr(agg, attr).get(slug, [])  # noqa: E731
    occupations = g("occupations")
    section = skills.skills_section(g("skill_counts"), g("onet_ratings"), g("onet_tech"), g("evidence"),
                                    agg.skills, names, fig, standins=g("rating_standins"),
                                    left_out=g("left_out"))
    national = assemble.national_wages(g("oews"), fig, occupations)
    market_row = (g("market") or [None])[0]
    trend_rows = g("trends")
    profile = Profile(
        role=_role_info(role, occupations),
        skills=section,
        salary=SalarySection(national=national, median_change=assemble.median_change(national, fig),
                             by_state=assemble.state_wages(g("oews_state"), fig, occupations),
                             postings=assemble.posting_wages(g("posting_wages"), fig),
                             by_experience=assemble.level_wages(g("level_wages"), fig)),
        outlook=assemble.outlook(g("ep"), agg.ep_total, g("volume"), fig, occupations),
        education=assemble.education(g("ep"), g("education"), market_row,
                                     occupations[0].get("job_zone") if occupations else None, fig,
                                     g("preparation")),
        certifications=Certifications(
            from_postings=skills.posting_certifications(g("skill_counts"), agg.skills, section.by_country, fig)),
        what_they_do=assemble.what_they_do(occupations, g("tasks"), g("activities")),
        trends=skills.trends(trend_rows, agg.skills, fig) if trend_rows else None,
        market=assemble.market(market_row, g("locations"), fig),
        sources=[],
    )
    profile.sources = sorted(fig.cited)
    return profile


def _similarity(agg: aggregates.Aggregates, profiles: dict[str, Profile], slugs: list[str]) -> np.ndarray:
    """Cosine similarity of roles on two kinds of evidence, averaged over the kinds both roles have: O*NET
    importance (IM−1)/4 of each skill and knowledge area plus the share of postings asking for each
    extracted skill (roles with enough postings); and, at weight PROFILE_WEIGHT², the importance of each
    skill the profile ranks (what the guide shows).

    The first kind alone agrees best with O*NET's curated related occupations (precision@8 0.574; this
    average 0.554, 0.507 at twice the profile's weight; the profile's skills alone 0.36; bench/README) but
    leaves a role O*NET never rated (Data Scientists) orthogonal to every role ranked from O*NET alone
    (similarity 0 to Biostatisticians); comparing such a pair on the profile's skills puts every role with
    skills in one space."""
    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for i, s in enumerate(slugs):
        for r in agg.onet_ratings.get(s, []):
            if r["im"] is not None:
                rows.append(i), cols.append(vocab.setdefault("onet:" + r["element_id"], len(vocab)))
                vals.append((r["im"] - 1) / 4)
        counts = agg.skill_counts.get(s, [])
        if sum(e["n"] for e in agg.evidence.get(s, [])) >= stats.MIN_POSTINGS:
            for r in counts:
                if r["k"] >= skills.MIN_SKILL_POSTINGS:
                    rows.append(i), cols.append(vocab.setdefault(r["skill_id"], len(vocab)))
                    vals.append(r["k"] / r["n"])
    rated = _unit_rows(len(slugs), len(vocab), rows, cols, vals)
    vocab, rows, cols, vals = {}, [], [], []
    for i, s in enumerate(slugs):
        for item in profiles[s].skills.items:
            rows.append(i), cols.append(vocab.setdefault(item.id, len(vocab)))
            vals.append(item.importance)
    ranked = _unit_rows(len(slugs), len(vocab), rows, cols, vals)
    w1, w2 = rated.any(axis=1).astype(np.float32), PROFILE_WEIGHT * ranked.any(axis=1).astype(np.float32)
    weight = np.outer(w1, w1) + np.outer(w2, w2)  # evidence both roles of a pair have
    total = np.outer(w1, w1) * (rated @ rated.T) + np.outer(w2, w2) * (ranked @ ranked.T)
    return np.divide(total, weight, out=np.zeros_like(total), where=weight > 0)


def _unit_rows(n: int, width: int, rows: list, cols: list, vals: list) -> np.ndarray:
    m = np.zeros((n, max(1, width)), dtype=np.float32)
    np.add.at(m, (np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64)), np.asarray(vals, dtype=np.float32))
    return m / np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-9)


def _variant(title: str, of: str) -> bool:
    """A title that contains the role's own title ("Associate Data Scientist" of "Data Scientists") names the
    same job at another grade: not a different career to move to.

    Plain words, not `extract.normalize`: the normaliser reduces a title to the job key it resolves (it drops
    levels, places and what follows a comma), so "Special Education Teachers, Preschool" and "..., Middle School"
    or "Patternmakers, Metal and Plastic" and "..., Wood" read as one job: tried, it changed 11 of 1,319
    lists, dropping such sibling careers."""
    a, b = _words(title), _words(of)
    return bool(b) and all(w in a for w in b)


def _words(title: str) -> list[str]:
    return [w[:-1] if w.endswith("s") and len(w) > 3 else w for w in re.findall(r"[a-z0-9]+", title.lower())]


def related_roles(profiles: dict[str, Profile], agg: aggregates.Aggregates) -> dict[str, list[RelatedRole]]:
    """The roles most alike in skills, O*NET's related occupations among them, most similar first.

    O*NET's list is curated but knows no emerging role (Machine Learning Engineer for Data Scientists), and
    similarity alone can miss a curated neighbour whose skills are ranked from other evidence; so the first
    ONET_SLOTS of O*NET's related occupations, in O*NET's own order, are kept and the rest of the list is
    filled by similarity. O*NET's order, not ours, picks them: health occupations share most of their ratings,
    so by similarity dental hygienists kept surgeons (0.96) over Dental Assistants, O*NET's first. One measure
    orders the list shown, so the figure always means the same."""
    slugs = list(profiles)
    index = {s: i for i, s in enumerate(slugs)}
    sim = _similarity(agg, profiles, slugs)
    by_code: dict[str, list[str]] = {}
    for s, p in profiles.items():
        if p.role.kind == "occupation" and p.role.soc:
            by_code.setdefault(p.role.soc[0].code, []).append(s)
    names = {s: {i.name for i in p.skills.items[:15]} for s, p in profiles.items()}
    out = {}
    for s in slugs:
        i = index[s]
        onet = list(dict.fromkeys(t for r in agg.related.get(s, []) for t in by_code.get(r["related_soc_code"], [])
                                  if t != s))  # O*NET's own order
        if sim[i].any():
            kept = [t for t in onet if sim[i, index[t]] > 0][:ONET_SLOTS]
        else:  # no skills at all: O*NET's list is all there is
            kept = onet[:MAX_RELATED]
        order = [slugs[j] for j in np.argsort(-sim[i])[: 4 * MAX_RELATED] if slugs[j] != s and sim[i, j] > 0
                 and not _variant(profiles[slugs[j]].role.title, profiles[s].role.title)]
        picked = list(dict.fromkeys(kept + [t for t in order if t not in kept]))[:MAX_RELATED]
        items = [RelatedRole(slug=t, title=profiles[t].role.title, similarity=round(float(sim[i, index[t]]), 4),
                             onet_related=t in onet, shared_skills=sorted(names[s] & names[t])[:8]) for t in picked]
        items.sort(key=lambda r: -r.similarity)
        out[s] = items
    return out


def compute_profiles(con: duckdb.DuckDBPyConnection, slugs: list[str] | None = None,
                     progress: bool = False) -> dict[str, Profile]:
    """Profiles of all roles (or the given ones), with related roles; nothing is written."""
    from careerpath.progress import step, track

    with step("Profiles: aggregating postings, wages and O*NET by role") if progress else _null():
        agg = aggregates.collect(con, slugs)
    fig = assemble.FigureMaker(agg.sources)
    names = skills.name_index(agg.skills)
    roles = track(agg.roles, "Profiles: assembling") if progress else agg.roles
    profiles = {r["slug"]: profile_of(r, agg, names, fig) for r in roles}
    for s, rel in related_roles(profiles, agg).items():
        profiles[s].related_roles = rel
    return profiles


class _null:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


def build_profiles(con: duckdb.DuckDBPyConnection) -> dict:
    """Derived step: write `profiles(slug, json)` for every role; return build statistics."""
    start = time.perf_counter()
    profiles = compute_profiles(con, progress=True)
    df = pd.DataFrame({"slug": list(profiles), "json": [p.model_dump_json() for p in profiles.values()]})
    store.write_table(con, "profiles", df)
    store.set_meta(con, "profiles_built_at", time.strftime("%Y-%m-%dT%H:%M:%S"))
    evidence = [p.skills.evidence for p in profiles.values()]
    return {"profiles": len(profiles), "from_postings": evidence.count("postings"),
            "from_onet": evidence.count("onet"), "seconds": round(time.perf_counter() - start, 1)}


def get_profile(con: duckdb.DuckDBPyConnection, slug: str) -> Profile:
    """The stored profile of a role, or one computed now when the store has none (related roles then come
    from a similarity over all roles, computed too)."""
    if store.has_table(con, "profiles"):
        row = con.execute("SELECT json FROM profiles WHERE slug = ?", [slug]).fetchone()
        if row:
            return Profile.model_validate(json.loads(row[0]))
    if not store.has_table(con, "roles") or not con.execute("SELECT 1 FROM roles WHERE slug = ?", [slug]).fetchone():
        raise InputError(f"unknown role: {slug!r}")
    return compute_profiles(con)[slug]
