"""Related roles with their skill overlap, and what moving from one role to another takes."""

from __future__ import annotations

import duckdb

from careerpath.guide.model import RelatedRole
from careerpath.extract.role_lookup import resolve_role, role_by_slug
from careerpath.guide.upstream import get_profile, skills_of
from careerpath.profile import model as pm

MAX_RELATED = 8


def overlap(a: list[pm.SkillItem], b: list[pm.SkillItem]) -> tuple[float, list[str], list[str]]:
    """Importance-weighted overlap of b's skills covered by a (0-1), shared names, b's names a lacks."""
    have = {s.id for s in a}
    total = sum(s.importance for s in b) or 1.0
    shared = [s.name for s in b if s.id in have]
    missing = [s.name for s in b if s.id not in have]
    return round(sum(s.importance for s in b if s.id in have) / total, 3), shared, missing


def related_roles(con: duckdb.DuckDBPyConnection, profile: pm.Profile) -> list[RelatedRole]:
    """The profile's related roles with the skills they share (the profile's cosine is the similarity shown;
    the overlap only names shared skills when the profile names none)."""
    out = []
    related = [r for r in profile.related_roles[:MAX_RELATED] if role_by_slug(con, r.slug) is not None]
    skills = skills_of(con, [r.slug for r in related])
    for r in related:
        if r.slug not in skills:
            continue
        _, shared, _ = overlap(profile.skills.items, skills[r.slug])
        out.append(RelatedRole(slug=r.slug, title=r.title, similarity=r.similarity,
                               shared_skills=r.shared_skills or shared, onet_related=r.onet_related))
    return out


def transition(con: duckdb.DuckDBPyConnection, from_role: str, to_role: str) -> dict:
    """Shared and missing skills from one role to another (missing in the target's order of importance)."""
    a, b = resolve_role(con, from_role), resolve_role(con, to_role)
    pa, pb = get_profile(con, a), get_profile(con, b)
    sim, shared, missing = overlap(pa.skills.items, pb.skills.items)
    return {"from": {"slug": a.slug, "title": a.title}, "to": {"slug": b.slug, "title": b.title},
            "coverage": sim, "shared": shared, "missing": missing,
            "method": "importance-weighted share of the target role's skills the current role already has"}
