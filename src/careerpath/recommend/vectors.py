"""The store-wide vectors the ranker uses beyond the courses' own: taxonomy and O*NET skill vectors, role index
vectors, each skill's share of role profiles (`skill_vectors` -> `SkillVecs`), and the course-skill table."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import duckdb
import numpy as np
import pandas as pd

from careerpath.embed import Embedder
from careerpath.recommend.index import load_role_embeddings
from careerpath.store import has_table
from careerpath.recommend import claims


@dataclass(frozen=True)
class SkillVecs:
    """The store-wide vectors the ranker uses beyond the courses' own (`skill_vectors`), keyed by id.

    Skill vectors (L2-normalised rows: implied skills, semantic skill matches) are looked up by skill id
    (`index`, `rows`), role index vectors (`index.build_role_embeddings`) by slug (`role_index`): a caller
    that filters or reorders one list cannot pair a skill with another skill's vector, and mismatched
    lengths or repeated ids fail at construction. `role_share`: each skill's share of all role profiles
    listing it (`role_skill_shares`)."""

    ids: list[str]
    mat: np.ndarray
    role_share: dict[str, float] = field(default_factory=dict)
    role_slugs: list[str] = field(default_factory=list)
    role_mat: np.ndarray | None = None
    #: slug -> [(skill_id, name, type), ...] best first: the skills of the role's O*NET description and tasks
    #: (`index.role_onet_skill_table`, table `role_onet_skills`)
    role_onet: dict = field(default_factory=dict)
    #: slug -> the role's kind in `roles` ("occupation": an O*NET occupation; "emerging": a posting-derived title)
    role_kinds: dict = field(default_factory=dict)
    #: slug -> {skill_id, ...}: the technologies O*NET flags *in demand* for the role's occupations
    #: (`onet_technology_skills.in_demand`, through `role_occupations`), as taxonomy skill ids (`load_role_tools`)
    role_tools: dict = field(default_factory=dict)
    #: skill_id -> its alternative labels (`skills.aliases`), for the skills with a vector: the words a course that
    #: teaches the skill may use instead of its name ("law" for *legal studies*; `discipline.anchored_matches`)
    aliases: dict = field(default_factory=dict)
    #: skill_id -> the importance that SPECIALTY_QUANTILE of the role profiles listing the skill stay below
    #: (`role_skill_top_importance`): a role that rates a broad skill this high has it as a specialty
    top_importance: dict = field(default_factory=dict)
    #: the skill ids that name a product (taxonomy type software or tool: "Chef", "Excel"), `load_products`
    products: frozenset = field(default_factory=frozenset)
    index: dict[str, int] = field(init=False, repr=False)
    role_index: dict[str, int] = field(init=False, repr=False)
    #: what the ranker derives from these vectors once (`rank.family_vectors`), not per recommendation
    derived: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        ids, slugs = [str(i) for i in self.ids], [str(s) for s in self.role_slugs]
        if len(ids) != len(self.mat) or len(set(ids)) != len(ids):
            raise ValueError(f"SkillVecs: {len(ids)} ids ({len(set(ids))} distinct) for {len(self.mat)} vectors")
        if self.role_mat is not None and (len(slugs) != len(self.role_mat) or len(set(slugs)) != len(slugs)):
            raise ValueError(f"SkillVecs: {len(slugs)} role slugs for {len(self.role_mat)} role vectors")
        object.__setattr__(self, "ids", ids)
        object.__setattr__(self, "role_slugs", slugs)
        object.__setattr__(self, "index", {s: i for i, s in enumerate(ids)})
        object.__setattr__(self, "role_index", {s: i for i, s in enumerate(slugs)})

    def rows(self, skill_ids: list[str]) -> np.ndarray:
        """The vectors of `skill_ids`, in that order (KeyError for a skill without one)."""
        return np.asarray(self.mat)[[self.index[s] for s in skill_ids]]

    def has_roles(self) -> bool:
        return self.role_mat is not None and len(self.role_slugs) > 0


_ONET_VECS: dict[tuple, tuple[list[str], np.ndarray]] = {}


MIN_PROFILES = 20  # below this many role profiles a skill's share of them says nothing


def role_skill_shares(con: duckdb.DuckDBPyConnection) -> dict[str, float]:
    """skill_id -> share of the store's role profiles that list it (empty with fewer than MIN_PROFILES)."""
    if not has_table(con, "profiles") or con.execute("SELECT count(*) FROM profiles").fetchone()[0] < MIN_PROFILES:
        return {}
    try:
        rows = con.execute("""
            WITH s AS (SELECT slug, unnest(from_json(json->'$.skills.items', '["json"]')) AS it FROM profiles)
            SELECT it->>'$.id' AS skill_id, count(DISTINCT slug) / (SELECT count(*) FROM profiles)
            FROM s WHERE it->>'$.id' IS NOT NULL GROUP BY 1""").fetchall()
    except duckdb.Error:  # profiles in another shape: no distinctiveness, as without profiles
        return {}
    return {str(k): float(v) for k, v in rows}


SPECIALTY_QUANTILE = 0.95


def role_skill_top_importance(con: duckdb.DuckDBPyConnection) -> dict[str, float]:
    """skill_id -> the SPECIALTY_QUANTILE quantile of its importance over the role profiles that list it, for the
    skills at least MIN_PROFILES profiles list (empty without that many profiles or with profiles in another shape)."""
    if not has_table(con, "profiles") or con.execute("SELECT count(*) FROM profiles").fetchone()[0] < MIN_PROFILES:
        return {}
    try:
        rows = con.execute("""
            WITH s AS (SELECT slug, unnest(from_json(json->'$.skills.items', '["json"]')) AS it FROM profiles)
            SELECT it->>'$.id' AS skill_id, quantile_cont(TRY_CAST(it->>'$.importance' AS DOUBLE), ?)
            FROM s WHERE it->>'$.id' IS NOT NULL GROUP BY 1 HAVING count(DISTINCT slug) >= ?""",
                           [SPECIALTY_QUANTILE, MIN_PROFILES]).fetchall()
    except duckdb.Error:
        return {}
    return {str(k): float(v) for k, v in rows if v is not None}


def load_course_skills(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """course_id, skill_id, score, in_title: whether one of the skill's evidence spans lies inside the course's title
    (the title opens the text the extractor reads, `index.course_text`; "Excel" in "Excel Skills for Business")."""
    if not has_table(con, "course_skills"):
        return pd.DataFrame(columns=["course_id", "skill_id", "score"])
    try:
        df = con.execute("""SELECT cs.course_id, CAST(cs.skill_id AS VARCHAR) AS skill_id, cs.score,
                                   CAST(cs.spans AS VARCHAR) AS spans, coalesce(c.title, '') AS ttl,
                                   coalesce(CAST(cs.method AS VARCHAR), '') AS method
                            FROM course_skills cs LEFT JOIN (SELECT course_id, any_value(title) AS title FROM courses
                                                             GROUP BY course_id) c USING (course_id)""").df()
    except duckdb.Error:  # no spans or no courses table: no title evidence
        return con.execute("SELECT course_id, CAST(skill_id AS VARCHAR) AS skill_id, score FROM course_skills").df()
    names = _skill_names(con)
    if claims.EXAM_PREP is not None and has_table(con, "skills"):  # a test-preparation course's test words: the test's
        prime = {str(k): v for k, v in con.execute("SELECT skill_id, name FROM skills").fetchall()}
        titles = dict(zip(df["course_id"].tolist(), df["ttl"].tolist()))
        df = df[~claims.exam_sense(df["course_id"], df["skill_id"], titles, prime)].reset_index(drop=True)
    df["in_title"] = [m != "semantic" and _span_in_title(s, t, names.get(k))
                      for s, t, m, k in zip(df["spans"].tolist(), df["ttl"].tolist(), df["method"].tolist(),
                                            df["skill_id"].tolist())]
    return df.drop(columns=["spans", "ttl", "method"])


def _skill_names(con: duckdb.DuckDBPyConnection) -> dict[str, set[str]]:
    """skill_id -> its name and aliases, lower-case (empty without a `skills` table)."""
    if not has_table(con, "skills"):
        return {}
    try:
        rows = con.execute("SELECT skill_id, lower(name) FROM skills UNION "
                           "SELECT skill_id, lower(unnest(aliases)) FROM skills WHERE aliases IS NOT NULL").fetchall()
    except duckdb.Error:
        rows = con.execute("SELECT skill_id, lower(name) FROM skills").fetchall()
    out: dict[str, set[str]] = {}
    for sid, nm in rows:
        if nm:
            out.setdefault(str(sid), set()).add(" ".join(str(nm).split()))
    return out


def _span_in_title(spans: object, title: str, names: set[str] | None = None) -> bool:
    """True when a [start, end] pair of `spans` (JSON text) is a span of whole words inside `title` (a pair that
    cuts a word was counted in another text: "oduction to Med") and, given the skill's `names` (name and aliases,
    lower-case), reads as one of them: an offset into another text can land on whole words of the title."""
    if not isinstance(spans, str) or not spans or not title:
        return False
    try:
        pairs = json.loads(spans)
    except ValueError:
        return False
    for p in pairs:
        if not (isinstance(p, (list, tuple)) and len(p) == 2):
            continue
        a, b = int(p[0]), int(p[1])
        if 0 <= a < b <= len(title) and (a == 0 or not title[a - 1].isalnum()) and \
                (b == len(title) or not title[b].isalnum()) and title[a].isalnum():
            if names is None or " ".join(title[a:b].lower().split()) in names:
                return True
    return False


def load_role_tools(con: duckdb.DuckDBPyConnection) -> dict[str, set[str]]:
    """slug -> the taxonomy skill ids of the technologies O*NET flags *in demand* for the role's occupations
    (`role_occupations` -> `onet_technology_skills`), matched on the skill's name or an alias ("Microsoft Excel" is
    an alias of *use spreadsheets software*). Empty without those tables."""
    if not all(has_table(con, t) for t in ("role_occupations", "onet_technology_skills", "skills")):
        return {}
    try:
        rows = con.execute("""
            WITH t AS (SELECT DISTINCT soc_code, lower(example) AS ex FROM onet_technology_skills WHERE in_demand),
                 n AS (SELECT skill_id, lower(name) AS nm FROM skills
                       UNION SELECT skill_id, lower(unnest(aliases)) FROM skills WHERE aliases IS NOT NULL)
            SELECT DISTINCT ro.slug, n.skill_id FROM role_occupations ro JOIN t USING (soc_code)
            JOIN n ON n.nm = t.ex""").fetchall()
    except duckdb.Error:
        return {}
    out: dict[str, set[str]] = {}
    for slug, sid in rows:
        out.setdefault(str(slug), set()).add(str(sid))
    return out


def _onet_vectors(con: duckdb.DuckDBPyConnection, embedder: Embedder) -> tuple[list[str], np.ndarray]:
    """`onet:<element id>` vectors of O*NET skills and knowledge (name: description), encoded once per process."""
    if not has_table(con, "onet_content_model"):
        return [], np.zeros((0, 0), dtype=np.float32)
    rows = con.execute("""SELECT element_id, element_name, coalesce(description, '') FROM onet_content_model
                          WHERE element_id LIKE '2.%' ORDER BY element_id""").fetchall()
    key = (embedder.name, tuple((r[0], r[1]) for r in rows))
    if key not in _ONET_VECS:
        mat = embedder.encode([f"{r[1]}: {r[2]}" for r in rows]) if rows else np.zeros((0, 0), dtype=np.float32)
        _ONET_VECS[key] = ([f"onet:{r[0]}" for r in rows], np.asarray(mat, dtype=np.float32))
    return _ONET_VECS[key]


def load_role_onet_skills(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[str, str, str]]]:
    """slug -> [(skill_id, name, type), ...] from `role_onet_skills`, best first; empty without the table."""
    if not has_table(con, "role_onet_skills"):
        return {}
    out: dict[str, list[tuple[str, str, str]]] = {}
    for slug, sid, name, typ in con.execute("SELECT slug, skill_id, name, type FROM role_onet_skills "
                                            "ORDER BY slug, rank").fetchall():
        out.setdefault(str(slug), []).append((str(sid), str(name), typ))
    return out


def load_role_kinds(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """slug -> kind from `roles` (empty without the table or the column)."""
    if not has_table(con, "roles"):
        return {}
    try:
        rows = con.execute("SELECT slug, kind FROM roles WHERE kind IS NOT NULL").fetchall()
        return {str(s): str(k) for s, k in rows}
    except duckdb.Error:
        return {}


def skill_vectors(con: duckdb.DuckDBPyConnection, embedder: Embedder) -> SkillVecs:
    """Cached taxonomy vectors (label + definition, `skill_embeddings`), O*NET skill/knowledge vectors, the
    skills' role shares, the roles' index vectors and their O*NET skills (`role_onet_skills`). No skill vectors when the store has no
    `skill_embeddings` or no `course_skills`; no role vectors without `role_embeddings`."""
    slugs, rmat = load_role_embeddings(con, embedder.name)
    onet = load_role_onet_skills(con)
    kinds = load_role_kinds(con)
    tools = load_role_tools(con)
    empty = SkillVecs([], np.zeros((0, 0), dtype=np.float32), {}, slugs, rmat if slugs else None, onet, kinds, tools)
    if not (has_table(con, "skill_embeddings") and has_table(con, "course_skills")):
        return empty
    rows = con.execute("""SELECT skill_id, vec FROM skill_embeddings WHERE split_part(model, ':', 1) = ?
                          ORDER BY skill_id""", [embedder.name]).fetchall()
    if not rows:
        return empty
    by_id = {str(r[0]): r[1] for r in rows}  # one vector per skill, should a model name repeat
    ids = list(by_id)
    mat = np.asarray(list(by_id.values()), dtype=np.float32)
    oids, omat = _onet_vectors(con, embedder)
    if len(oids) and omat.shape[1] == mat.shape[1]:
        ids, mat = ids + oids, np.vstack([mat, omat])
    mat /= np.linalg.norm(mat, axis=1, keepdims=True).clip(min=1e-9)
    return SkillVecs(ids, mat, role_skill_shares(con), slugs, rmat if slugs else None, onet, kinds, tools,
                     load_skill_aliases(con, set(by_id)), role_skill_top_importance(con), load_products(con))


def load_products(con: duckdb.DuckDBPyConnection) -> frozenset:
    """The taxonomy's named products (type software or tool); empty without a `skills` table or its `type`."""
    if not has_table(con, "skills") or "type" not in {r[0] for r in con.execute("DESCRIBE skills").fetchall()}:
        return frozenset()
    return frozenset(str(r[0]) for r in con.execute("SELECT skill_id FROM skills WHERE type IN ('software', 'tool')").fetchall())


def load_skill_aliases(con: duckdb.DuckDBPyConnection, skill_ids: set[str]) -> dict[str, list[str]]:
    """skill_id -> its alternative labels (`skills.aliases`), for `skill_ids`; {} without the column."""
    if not has_table(con, "skills"):
        return {}
    cols = {r[0] for r in con.execute("DESCRIBE skills").fetchall()}
    if "aliases" not in cols:
        return {}
    out = {}
    for sid, al in con.execute("SELECT skill_id, aliases FROM skills WHERE aliases IS NOT NULL").fetchall():
        if str(sid) in skill_ids and al:
            out[str(sid)] = [str(a) for a in al if a]
    return out
