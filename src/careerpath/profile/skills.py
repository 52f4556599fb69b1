"""The skills of a role, ranked by one blended importance score; trends; certifications from postings.

Pure functions over the rows `aggregates.collect` returns. The formula lives in `stats.py`.
"""

from __future__ import annotations

import re

from careerpath.profile import stats
from careerpath.profile.model import (CountryEvidence, PostingCertification, SkillItem, SkillsSection,
                                      SkillTrend, Trends)

FORMULA = (
    "importance = α·P/max(P) + (1−α)·O, with P = lower 95% Wilson bound of the share of the role's postings "
    "asking for the skill × (1 + 0.1·clip(log2 lift, −1, 2))/1.2 (lift against all postings), O = max((O*NET "
    f"importance − 1)/4 × (1 + {stats.RATING_SPECIFICITY or 0}·clip(z, −2, 2))/{1 + 2 * (stats.RATING_SPECIFICITY or 0):g} "
    "(z: the rating's standard deviations above its mean over all occupations), technology skill (0.3 + 0.3 in demand + 0.2 if also hot) × "
    f"(1 − {stats.SPREAD_DISCOUNT} × share of occupations "
    f"O*NET lists it for) × {1 / (1 + 2 * (stats.RATING_SPECIFICITY or 0)):.2g} (as a rating at the mean)), α = n/(n+30) for n ≥ 30 postings with skill evidence, else 0 (O*NET only); "
    "core = top 10 with importance ≥ half the top one; a skill named by one employer's postings only is left out "
    "when the role's postings come from five or more employers"
)
#: A skill needs this many of the role's postings asking for it to count as posting evidence.
MIN_SKILL_POSTINGS = 3
MAX_SKILLS = 40


def norm(name: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9+#.]+", " ", str(name).lower())).strip()


def name_index(skills: dict[str, dict]) -> dict[str, str]:
    """Normalised name or alias → skill id, so O*NET elements join the extracted skills they name.

    Names win over aliases, and an alias several skills claim names none of them: ESCO carries stray
    one-word alternates ("writing" on "develop biochemical manufacturing training materials", "monitoring"
    on eighteen concepts) that once put those concepts in every role's profile in place of O*NET's Writing
    and Monitoring. A shared one-word alias still names a short skill that has it as a word
    ("programming" → "computer programming") when exactly one claimant does.
    """
    out: dict[str, str] = {}
    claims: dict[str, set[str]] = {}
    for sid, row in skills.items():
        name = norm(row.get("name") or "")
        if name:
            out.setdefault(name, sid)
        for alias in row.get("aliases") if row.get("aliases") is not None else []:
            a = norm(alias or "")
            if a and a != name:
                claims.setdefault(a, set()).add(sid)
    for a, sids in claims.items():
        if a in out:
            continue
        if len(sids) > 1 and " " not in a:
            sids = {s for s in sids if a in (words := norm(skills[s].get("name") or "").split()) and len(words) <= 2}
        if len(sids) == 1:
            out[a] = next(iter(sids))
    return out


#: O*NET rates abilities, skills and knowledge; a rating never names a software product or a tool
#: ("Persuasion" the skill is not Adobe Persuasion). ESCO concepts typed software stay eligible
#: ("Programming" is ESCO's computer programming).
_NOT_RATED_TYPES = frozenset({"software", "tool"})


def rated_skill_id(element_id: str, element_name: str, skills: dict[str, dict], names: dict[str, str]) -> str:
    """The taxonomy skill an O*NET rating element names, else its own `onet:` id.

    A one-word element reached through an alias joins only a short skill (at most two words): once ESCO's
    stray one-word alternates were mostly dropped, "monitoring" was left on a single long concept
    ("monitor manufacturing impact ...") and, unshared, named O*NET's Monitoring in every profile.
    """
    key = norm(element_name)
    sid = names.get(key)
    row = (skills.get(sid) or {}) if sid else {}
    if sid is None or (row.get("type") in _NOT_RATED_TYPES and not row.get("esco_uri")):
        return f"onet:{element_id}"
    name = norm(row.get("name") or "")
    if " " not in key and name != key and len(name.split()) > 2:
        return f"onet:{element_id}"
    return sid


def rated_display_name(taxonomy_name: str, element_name: str) -> str:
    """The name a rated skill shows: O*NET's own where the taxonomy's is an ESCO lower-case label.

    ESCO names competences as verb phrases ("listen actively", "think critically", "manage time"); in a table
    of skills beside "Medicine and Dentistry" they read as fragments, and O*NET's element ("Active Listening")
    is the name the rating itself carries. The skill id stays the ESCO concept, so courses and résumés still
    match it.
    """
    if taxonomy_name and taxonomy_name == taxonomy_name.lower() and element_name:
        return element_name
    return taxonomy_name or element_name


def evidence_rows(rows: list[dict]) -> tuple[int, list[CountryEvidence]]:
    by_country: dict[str | None, dict] = {}
    for r in rows:
        c = by_country.setdefault(r["country"], {"n": 0, "sources": set()})
        c["n"] += int(r["n"])
        c["sources"].add(r["source_id"])
    items = [CountryEvidence(country=k, n=v["n"], sources=sorted(v["sources"]))
             for k, v in sorted(by_country.items(), key=lambda kv: -kv[1]["n"])]
    return sum(i.n for i in items), items


def evidence_text(n: int, countries: list[CountryEvidence]) -> str:
    if n < stats.MIN_POSTINGS:
        tail = f" (only {n} posting{'s' if n != 1 else ''} with skill evidence)" if n else " (no postings)"
        return "from O*NET ratings and technology skills" + tail
    parts = [f"{c.country or 'country not given'} {c.n:,} via {', '.join(c.sources)}" for c in countries[:4]]
    if len(countries) > 4:
        parts.append(f"{len(countries) - 4} more countries {sum(c.n for c in countries[4:]):,}")
    return f"from {n:,} postings ({'; '.join(parts)}), with O*NET ratings as a prior"


def standins_text(rows: list[dict]) -> str:
    """Which rated occupations stand in for the role's unrated ones (`aggregates.rating_standins`), in words."""
    by: dict[str, list[str]] = {}
    for r in rows:
        by.setdefault(r["stands_for_title"] or r["stands_for"], []).append(r["title"] or r["soc_code"])
    parts = []
    for occ, subs in by.items():
        shown = "; ".join(subs[:4]) + (f"; and {len(subs) - 4} more" if len(subs) > 4 else "")
        parts.append(f"O*NET rates no skills for {occ}: its ratings here are the mean of those of the occupations "
                     f"O*NET files under it or beside it ({shown})")
    return ". ".join(parts)


def left_out_text(rows: list[dict]) -> str:
    """The postings of data- and IT-job collections a role does not count (`aggregates._setup`), in words."""
    n = sum(int(r["n"]) for r in rows)
    sources = sorted({s for r in rows for s in (r.get("sources") or [])})
    return (f"{n:,} posting{'s' if n != 1 else ''} from collections that searched for data and IT titles "
            f"({', '.join(sources)}) left out: they are data jobs of this occupation, not a sample of it")


def skills_section(counts: list[dict], ratings: list[dict], tech: list[dict], evidence: list[dict],
                   skills: dict[str, dict], names: dict[str, str], fig,
                   standins: list[dict] | None = None, left_out: list[dict] | None = None) -> SkillsSection:
    """Rank one role's skills. `fig(value, unit, source, note, n)` builds Figures with as-of dates."""
    n_role, countries = evidence_rows(evidence)
    use_postings = n_role >= stats.MIN_POSTINGS
    cand: dict[str, dict] = {}

    def entry(sid: str, name: str, type_: str | None) -> dict:
        row = skills.get(sid, {})
        # "in demand" is per occupation: the taxonomy's flag says some occupation's postings ask for it (Apache
        # Spark's are data scientists'), and seeded here it had made Spark and Dentrix core skills of nurses. It
        # comes from this role's own O*NET technology rows below. "Hot" is the technology's everywhere.
        return cand.setdefault(sid, {"id": sid, "name": row.get("name") or name, "type": row.get("type") or type_,
                                     "hot": bool(row.get("onet_hot")), "in_demand": False})

    if use_postings:
        for r in counts:
            if r["k"] >= MIN_SKILL_POSTINGS:
                e = entry(r["skill_id"], r["skill_id"], None)
                e.update(k=int(r["k"]), n=int(r["n"]), k_all=int(r["k_all"]), n_all=int(r["n_all"]))
    for r in ratings:
        sid = rated_skill_id(r["element_id"], r["element_name"], skills, names)
        e = entry(sid, r["element_name"], r["kind"])
        e["name"] = rated_display_name(e["name"], r["element_name"])
        if r["im"] is not None and r["im"] > e.get("im", 0):
            sd = r.get("im_sd")
            z = (float(r["im"]) - float(r["im_mean"])) / float(sd) if sd and r.get("im_mean") is not None else None
            e.update(im=float(r["im"]), im_source=r["source_id"], im_z=z)
    for r in tech:
        sid = names.get(norm(r["example"]), f"onet-tech:{norm(r['example']).replace(' ', '-')}")
        e = entry(sid, r["example"], "software")
        e["tech"] = True
        e["tech_source"] = r["source_id"]
        e["hot"] = e["hot"] or bool(r["hot"])
        e["in_demand"] = e["in_demand"] or bool(r["in_demand"])
        e["spread"] = max(e.get("spread", 0.0), float(r.get("spread") or 0.0))

    items = list(cand.values())
    p_scores = [stats.posting_score(e["k"], e["n"], e["k_all"], e["n_all"]) if "k" in e else None for e in items]
    o_scores = [stats.onet_score(e.get("im"), e.get("tech", False), e["hot"], e["in_demand"], e.get("spread"),
                                 e.get("im_z"))
                if ("im" in e or e.get("tech")) else None for e in items]
    importance = stats.blend(p_scores, o_scores, n_role)
    order = sorted(range(len(items)), key=lambda i: (-importance[i], items[i]["name"]))[:MAX_SKILLS]
    core = stats.core_flags([importance[i] for i in order])
    out = []
    for rank, (i, is_core) in enumerate(zip(order, core), start=1):
        e = items[i]
        has_p, has_o = "k" in e, o_scores[i] is not None
        share = ci = lift = lor = None
        if has_p:
            ci = tuple(round(x, 4) for x in stats.wilson(e["k"], e["n"]))
            lift = stats.lift(e["k"], e["n"], e["k_all"], e["n_all"])
            lor = stats.log_odds_ratio(e["k"], e["n"], e["k_all"], e["n_all"])
            src = _dominant(countries)
            share = fig(e["k"] / e["n"], "share", src,
                        f"{e['k']:,} of {e['n']:,} postings that could show it; 95% CI {ci[0]:.1%}–{ci[1]:.1%}",
                        e["n"])
        onet_im = fig(e["im"], "importance (1-5)", e["im_source"], "O*NET importance rating, weighted over the "
                      "role's occupations", None) if "im" in e else None
        out.append(SkillItem(
            id=e["id"], name=e["name"], type=e["type"], importance=importance[i], rank=rank, core=is_core,
            evidence="both" if has_p and has_o else ("postings" if has_p else "onet"),
            share_of_postings=share, share_ci95=ci, n_postings=e.get("k"),
            lift=round(lift, 3) if lift is not None else None, log_odds=round(lor, 3) if lor is not None else None,
            onet_importance=onet_im, onet_hot=e["hot"], onet_in_demand=e["in_demand"]))
    text = evidence_text(n_role, countries)
    if not out:  # military occupations: O*NET rates and lists nothing for them
        text = ("O*NET rates no skills or knowledge for this occupation and lists no technology for it, and "
                + (f"its {n_role} posting{'s' if n_role != 1 else ''} name" if n_role else "no postings name")
                + " any skill often enough to count")
    if standins and ratings:
        text += f" ({standins_text(standins)})"
    if left_out:
        text += f"; {left_out_text(left_out)}"
    return SkillsSection(evidence="postings" if use_postings else "onet", evidence_text=text,
                         n_postings=n_role, by_country=countries, formula=FORMULA, items=out)


def _dominant(countries: list[CountryEvidence]) -> str:
    """The source id behind most of the role's skill evidence."""
    tally: dict[str, int] = {}
    for c in countries:
        for s in c.sources:
            tally[s] = tally.get(s, 0) + c.n // max(1, len(c.sources))
    return max(tally, key=tally.get) if tally else "careerpath"


def posting_certifications(counts: list[dict], skills: dict[str, dict], countries: list[CountryEvidence],
                           fig, top: int = 10) -> list[PostingCertification]:
    rows = [r for r in counts if (skills.get(r["skill_id"]) or {}).get("type") == "certification" and r["k"] >= 2]
    rows.sort(key=lambda r: -r["k"] / max(1, r["n"]))
    src = _dominant(countries)
    return [PostingCertification(id=r["skill_id"], name=skills[r["skill_id"]].get("name") or r["skill_id"],
                                 share=fig(r["k"] / r["n"], "share", src,
                                           f"{int(r['k']):,} of {int(r['n']):,} postings mention it", int(r["n"])),
                                 n_postings=int(r["k"]))
            for r in rows[:top]]


def trends(rows: list[dict], skills: dict[str, dict], fig, top: int = 5) -> Trends | None:
    """Skills that rose and fell in share between the role's two latest periods with ≥ 30 postings."""
    years = sorted({r["year"] for r in rows})
    if len(years) < 2:
        return None
    a, b = years[-2], years[-1]
    per = {y: {r["skill_id"]: r for r in rows if r["year"] == y} for y in (a, b)}
    n = {y: next(iter(per[y].values()))["n"] for y in (a, b)}
    src = {y: next(iter(per[y].values()))["source_id"] for y in (a, b)}
    changes = []
    for sid in set(per[a]) | set(per[b]):
        ka = per[a].get(sid, {}).get("k", 0)
        kb = per[b].get(sid, {}).get("k", 0)
        if max(ka, kb) < 5:
            continue
        sa, sb = ka / n[a], kb / n[b]
        name = (skills.get(sid) or {}).get("name") or sid
        changes.append(SkillTrend(
            id=sid, name=name, change_points=round((sb - sa) * 100, 2),
            before=fig(sa, "share", src[a], f"{ka:,} of {n[a]:,} postings in {a}", int(n[a])),
            after=fig(sb, "share", src[b], f"{kb:,} of {n[b]:,} postings in {b}", int(n[b]))))
    changes.sort(key=lambda t: -t.change_points)
    return Trends(periods=[str(a), str(b)], n=[int(n[a]), int(n[b])],
                  rising=[t for t in changes if t.change_points > 0][:top],
                  falling=[t for t in reversed(changes) if t.change_points < 0][:top],
                  note="share of the role's postings with skill evidence in each year; the 2023 data-jobs file "
                       "holds only postings that state a salary, so part of a change may come from that selection")
