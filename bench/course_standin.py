"""Stand-ins for role profiles and course skills, used by the bench only while the real ones are absent.

Role skills from O*NET (technology skills, knowledge, skills) and course skills from a plain
word-boundary match of those names in the course text. The production path reads profiles and
`course_skills`; this exists so the ranker can be measured on real courses before they land.
"""

from __future__ import annotations

import re

import duckdb
import pandas as pd

from careerpath.recommend.relevance import Role, role_text

# Bench roles: slug -> (title, O*NET-SOC codes the stand-in profile is drawn from)
ROLES = {
    "machine-learning-engineer": ("Machine Learning Engineer", ["15-2051.00"]),
    "registered-nurses": ("Registered Nurses", ["29-1141.00"]),
    "data-analyst": ("Data Analyst", ["15-2051.01", "15-2041.00"]),
    "electricians": ("Electricians", ["47-2111.00"]),
    "accountants": ("Accountants and Auditors", ["13-2011.00"]),
}


def _parts(name: str) -> list[str]:
    return [p.strip() for p in re.split(r",| and ", name) if len(p.strip()) > 2]


def standin_role(con: duckdb.DuckDBPyConnection, slug: str) -> Role:
    title, socs = ROLES[slug]
    rows = []
    ph = ",".join("?" * len(socs))
    for ex, hot, dem in con.execute(f"SELECT example, hot_technology, in_demand FROM onet_technology_skills "
                                    f"WHERE soc_code IN ({ph})", socs).fetchall():
        rows.append((ex, 0.5 + 0.3 * bool(hot) + 0.2 * bool(dem), "software"))
    for table, typ in (("onet_knowledge", "knowledge"), ("onet_skills", "soft_skill")):
        for name, v in con.execute(f"SELECT element_name, avg(value) FROM {table} WHERE soc_code IN ({ph}) "
                                   "AND scale_id = 'IM' GROUP BY 1 HAVING avg(value) >= 3.0", socs).fetchall():
            for p in _parts(name):
                rows.append((p, v / 5.0, typ))
    df = pd.DataFrame(rows, columns=["name", "importance", "type"])
    df["skill_id"] = df["name"].str.lower()
    df = df.sort_values("importance", ascending=False).drop_duplicates("skill_id")
    df["core"] = False
    df.loc[df.index[:10], "core"] = True
    summary = con.execute(f"SELECT description FROM onet_occupations WHERE soc_code = ?", [socs[0]]).fetchone()
    text = role_text(title, summary[0] if summary else None, df["name"].tolist())
    return Role(slug=slug, title=title, skills=df[["skill_id", "name", "importance", "core", "type"]], text=text)


def standin_course_skills(courses: pd.DataFrame, roles: list[Role]) -> pd.DataFrame:
    """Course x skill rows where a role skill's name appears as words in the course text."""
    names = sorted({(r.skill_id, r.name) for role in roles for r in role.skills.itertuples()})
    head = (courses["title"].fillna("") + " | " + courses["skills_given"].map(
        lambda v: ", ".join(v) if v is not None and not isinstance(v, float) else "")).str.lower()
    body = (courses["outcomes"].fillna("") + " " + courses["description"].fillna("").str[:1500] + " "
            + courses["modules"].map(lambda v: ", ".join(v) if v is not None and not isinstance(v, float) else "")).str.lower()
    rows = []
    for sid, name in names:
        pat = re.compile(r"(?<![a-z0-9])" + re.escape(name.lower()) + r"(?![a-z0-9])")
        in_head = head.str.contains(pat)
        in_body = body.str.contains(pat) & ~in_head
        rows.append(pd.DataFrame({"course_id": courses.loc[in_head, "course_id"], "skill_id": sid, "score": 1.0}))
        rows.append(pd.DataFrame({"course_id": courses.loc[in_body, "course_id"], "skill_id": sid, "score": 0.7}))
    return pd.concat(rows, ignore_index=True) if rows else pd.DataFrame(columns=["course_id", "skill_id", "score"])


def taxonomy_role(con: duckdb.DuckDBPyConnection, slug: str) -> Role:
    """A stand-in profile in the real taxonomy's ids: the shared extractor (lexical stage) run over the
    occupation's O*NET description and tasks, plus its technology skills found by name (hot ones weigh
    more). For the bench when `course_skills` exists but role profiles do not."""
    from careerpath.extract.skills import SkillExtractor

    title, socs = ROLES[slug]
    ph = ",".join("?" * len(socs))
    ex = SkillExtractor.from_store(con, embedder=None)
    texts = [t for (t,) in con.execute(f"SELECT description FROM onet_occupations WHERE soc_code IN ({ph})", socs).fetchall()]
    texts += [t for (t,) in con.execute(f"SELECT task FROM onet_tasks WHERE soc_code IN ({ph})", socs).fetchall()]
    score: dict[str, float] = {}
    meta: dict[str, tuple[str, str]] = {}
    for text in texts:
        for h in ex.extract(text, semantic=False):
            score[h.id] = score.get(h.id, 0.0) + h.score
            meta[h.id] = (h.name, h.type)
    names = {n.lower(): (i, n, t) for i, n, t in con.execute("SELECT skill_id, name, type FROM skills").fetchall()}
    for ex_name, hot in con.execute(f"SELECT example, hot_technology FROM onet_technology_skills WHERE soc_code IN ({ph})",
                                    socs).fetchall():
        hit = names.get(ex_name.lower())
        if hit:
            score[hit[0]] = score.get(hit[0], 0.0) + (0.3 if hot else 0.1)
            meta[hit[0]] = (hit[1], hit[2])
    top = max(score.values()) if score else 1.0
    df = pd.DataFrame([{"skill_id": k, "name": meta[k][0], "type": meta[k][1], "importance": v / top}
                       for k, v in score.items()]).sort_values("importance", ascending=False).reset_index(drop=True)
    df["core"] = df.index < 10
    summary = texts[0] if texts else None
    return Role(slug=slug, title=title, skills=df[["skill_id", "name", "importance", "core", "type"]],
                text=role_text(title, summary, df["name"].tolist()))
