"""The course index: text embeddings (cached), quality scores and topics, built once per store.

`build_course_index(con)` is a derived step (run it through `careerpath.store.derive`). It writes
`course_embeddings(course_id, model, text_hash, vec FLOAT[384])` — only courses whose text changed are
re-encoded — `course_quality` (see `quality.py`), `topics` / `course_topics` (see `topics.py`), and
`role_onet_skills` (`role_onet_skill_table`: skills extracted from each role's O*NET description and tasks) and
`role_embeddings(slug, model, text_hash, vec)`: every role of the catalog as "title. O*NET description" averaged
with the description alone (`role_index_texts`; same cache rule), so the ranker can ask which roles a course is closest to (`rank.ROLE_RANK_SCALE`).
"""

from __future__ import annotations

import hashlib
import time

import duckdb
import numpy as np
import pandas as pd

from careerpath import store
from careerpath.embed import DIM, Embedder, default_embedder
from careerpath.progress import log, step, track
from careerpath.recommend import quality, topics
from careerpath.store import has_table
from careerpath.recommend.items import load_courses

def _as_list(v: object) -> list[str]:
    if v is None or isinstance(v, float):
        return []
    return [str(x) for x in list(v) if x]


def course_text(row: pd.Series | dict) -> str:
    """What a course is embedded from: title first, then skills, outcomes/description, modules."""
    r = dict(row)
    parts = [str(r.get("title") or "")]
    skills = _as_list(r.get("skills_given"))
    if skills:
        parts.append("Skills: " + ", ".join(skills[:20]))
    body = r.get("outcomes") or r.get("description")
    if isinstance(body, str) and body:
        parts.append(body[:500])
    mods = _as_list(r.get("modules"))
    if mods:
        parts.append("Modules: " + ", ".join(mods[:8]))
    return ". ".join(p for p in parts if p)


def text_hash(text: str) -> str:
    """The key a cached vector is kept under: a changed text is encoded again."""
    return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()


def _cached_vectors(con: duckdb.DuckDBPyConnection, table: str, key: str, want: pd.DataFrame, embedder: Embedder,
                    what: str) -> dict:
    """Write `table` (key, model, text_hash, vec) for `want` (key, text): only new or changed texts are
    encoded; the rest keep the vectors already stored for this model."""
    alt = want["alt"] if "alt" in want else None
    key_text = want["text"] if alt is None else want["text"] + alt.fillna("").map(lambda a: "\x00" + a if a else "")
    want = want.assign(text_hash=key_text.map(text_hash))
    cached = pd.DataFrame(columns=[key, "text_hash", "vec"])
    if has_table(con, table):
        cached = con.execute(f"SELECT {key}, text_hash, vec FROM {table} WHERE model = ?", [embedder.name]).df()
    merged = want.merge(cached[[key, "text_hash", "vec"]], on=[key, "text_hash"], how="left")
    todo = merged["vec"].isna()
    if todo.any():
        with step(f"Embedding {int(todo.sum()):,} {what} with {embedder.name}"):
            vecs = embedder.encode(merged.loc[todo, "text"].tolist(), max_tokens=128)
            if alt is not None:  # a second text per row: the vector is the mean of both (`role_index_texts`)
                alts = merged.loc[todo, "alt"].fillna("").tolist()
                two = [i for i, a in enumerate(alts) if a]
                if two:
                    vecs = np.asarray(vecs, dtype=np.float32).copy()
                    avec = embedder.encode([alts[i] for i in two], max_tokens=128)
                    m = vecs[two] + np.asarray(avec, dtype=np.float32)
                    vecs[two] = m / np.linalg.norm(m, axis=1, keepdims=True).clip(min=1e-9)
        merged.loc[todo, "vec"] = pd.Series([v.astype(np.float32).tolist() for v in vecs],
                                            index=merged.index[todo], dtype=object)
    out = pd.DataFrame({key: merged[key], "model": embedder.name, "text_hash": merged["text_hash"], "vec": merged["vec"]})
    con.register("_vecs", out)
    con.execute(f"CREATE OR REPLACE TABLE {table} AS SELECT {key}, model, text_hash, "
                f"CAST(vec AS FLOAT[{DIM}]) AS vec FROM _vecs")
    con.unregister("_vecs")
    return {"embedded": int(todo.sum()), "cached": int((~todo).sum())}


def build_embeddings(con: duckdb.DuckDBPyConnection, courses: pd.DataFrame, embedder: Embedder) -> dict:
    """Encode courses whose text is new or changed; keep the rest from the cache."""
    texts = courses.apply(course_text, axis=1) if len(courses) else pd.Series(dtype=str)
    want = pd.DataFrame({"course_id": courses["course_id"], "text": texts})
    return _cached_vectors(con, "course_embeddings", "course_id", want, embedder, "course texts")


def load_embeddings(con: duckdb.DuckDBPyConnection, model: str | None = None) -> tuple[list[str], np.ndarray]:
    """(course_ids, matrix) of the cached course embeddings; empty when there are none."""
    if not has_table(con, "course_embeddings"):
        return [], np.zeros((0, DIM), dtype=np.float32)
    q = "SELECT course_id, vec FROM course_embeddings" + (" WHERE model = ?" if model else "")
    df = con.execute(q, [model] if model else []).df()
    if df.empty:
        return [], np.zeros((0, DIM), dtype=np.float32)
    return df["course_id"].tolist(), np.vstack(df["vec"].map(lambda v: np.asarray(v, dtype=np.float32)).to_list())


# A role's index vector is the mean of "title. description" and the description alone (unless another role shares
# that description, as posting roles of one occupation do: then only the title tells them apart). A title is one or
# two words MiniLM may read as something else: with "Logisticians." the course "Supply Chain Logistics" sat at
# cosine 0.34 (36 roles closer), with the description alone at 0.55; but "Electricians." or "Plumbers" carry what
# the trade is, and the description alone cost electricians half their list (bench/README.md, sixth pass).
INDEX_MEAN_WITHOUT_TITLE = True


def _main_occupation(con: duckdb.DuckDBPyConnection) -> tuple[str, str]:
    """(join, expression) naming each role `r`'s main occupation: its heaviest `role_occupations` code, else its own."""
    if not has_table(con, "role_occupations"):
        return "", "r.soc_code"
    return ("""LEFT JOIN (SELECT slug, soc_code, row_number() OVER (PARTITION BY slug ORDER BY weight DESC, soc_code) AS k
               FROM role_occupations) ro ON ro.slug = r.slug AND ro.k = 1""", "coalesce(ro.soc_code, r.soc_code)")


def role_index_texts(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """slug, text, alt: "title. description" of each role's main O*NET occupation (the title alone without one), and
    the description alone where the vector is the mean of both (INDEX_MEAN_WITHOUT_TITLE; else "")."""
    if not has_table(con, "roles"):
        return pd.DataFrame(columns=["slug", "text"])
    desc = "''"
    join = ""
    if has_table(con, "onet_occupations"):
        desc = "coalesce(o.description, '')"
        join, occ = _main_occupation(con)
        join += f" LEFT JOIN onet_occupations o ON o.soc_code = {occ}"
    df = con.execute(f"SELECT r.slug, r.title, {desc} AS d FROM roles r {join} ORDER BY r.slug").df()
    df = df.drop_duplicates("slug")
    d = df["d"].where(df["d"].map(lambda v: isinstance(v, str) and bool(v.strip())), "").astype(str).str[:300]
    shared = d.map(d.value_counts()) > 1
    text = [f"{t}. {x}" if x else f"{t}." for t, x in zip(df["title"], d)]
    alt = [x if x and not sh and INDEX_MEAN_WITHOUT_TITLE else "" for x, sh in zip(d, shared)]
    return pd.DataFrame({"slug": df["slug"], "text": text, "alt": alt})


TASK_ANCHOR_TASKS = 5  # tasks in a role's task text (`role_task_texts`): core tasks first, in O*NET's order


def role_task_texts(con: duckdb.DuckDBPyConnection, slugs: list[str]) -> dict[str, str]:
    """slug -> the O*NET description and first TASK_ANCHOR_TASKS tasks (core first) of the role's main occupation
    (as `role_index_texts` picks it); roles without an occupation or O*NET tables are left out.

    What the role does, in O*NET's words and without its profile's skill names or its title: the text side of
    `rank.TASK_ANCHOR_FLOOR`."""
    if not slugs or not has_table(con, "roles") or not has_table(con, "onet_occupations") \
            or not has_table(con, "onet_tasks"):
        return {}
    join, occ = _main_occupation(con)
    df = con.execute(f"""
        WITH pick AS (SELECT r.slug, {occ} AS soc FROM roles r {join} WHERE r.slug IN (SELECT unnest(?)))
        SELECT p.slug, any_value(coalesce(o.description, '')) AS d,
               list(t.task ORDER BY (t.task_type = 'Core') DESC, t.task_id) AS tasks
        FROM pick p LEFT JOIN onet_occupations o ON o.soc_code = p.soc
        LEFT JOIN onet_tasks t ON t.soc_code = p.soc GROUP BY p.slug""", [list(slugs)]).df()
    out = {}
    for slug, d, tasks in zip(df["slug"], df["d"], df["tasks"]):
        tasks = [t for t in (list(tasks) if tasks is not None else []) if isinstance(t, str)][:TASK_ANCHOR_TASKS]
        text = " ".join(([d.strip()] if isinstance(d, str) and d.strip() else []) + tasks)
        if text:
            out[str(slug)] = text
    return out


ONET_SKILLS_MAX = 20  # skills kept per role in `role_onet_skills`
ONET_SKILLS_EXCLUDE_TYPES = {"soft_skill"}
ONET_SKILLS_MAX_OCC_SHARE = 1 / 3  # a skill found in more than this share of occupations' texts is general: left out


def role_onet_skill_table(con: duckdb.DuckDBPyConnection, extractor: object | None = None) -> pd.DataFrame:
    """slug, skill_id, name, type, score, rank: the taxonomy skills the shared extractor's lexical stage finds in the
    description and task statements of each role's main O*NET occupation (as `role_index_texts` picks it), summed
    over the texts, at most ONET_SKILLS_MAX per role, best first. Soft skills (ONET_SKILLS_EXCLUDE_TYPES) and skills
    found for more than ONET_SKILLS_MAX_OCC_SHARE of the occupations (general: "monitor", "communicate") are left out.

    What the role does in O*NET's words, for roles whose posting profile is office software and little else
    (`rank.with_onet_skills`)."""
    cols = ["slug", "skill_id", "name", "type", "score", "rank"]
    if not has_table(con, "roles") or not has_table(con, "onet_occupations") or not has_table(con, "skills"):
        return pd.DataFrame(columns=cols)
    if extractor is None:
        if not has_table(con, "skill_aliases"):  # no taxonomy built: nothing to extract with
            return pd.DataFrame(columns=cols)
        from careerpath.extract.skills import SkillExtractor
        extractor = SkillExtractor.from_store(con, embedder=None)
    join, occ = _main_occupation(con)
    picks = con.execute(f"SELECT DISTINCT r.slug, {occ} AS soc FROM roles r {join} WHERE {occ} IS NOT NULL").df()
    picks = picks.drop_duplicates("slug")
    socs = sorted(set(picks["soc"].astype(str)))
    if not socs:
        return pd.DataFrame(columns=cols)
    texts: dict[str, list[str]] = {s: [] for s in socs}
    for soc, d in con.execute("SELECT soc_code, description FROM onet_occupations WHERE soc_code IN (SELECT unnest(?))",
                              [socs]).fetchall():
        if isinstance(d, str) and d.strip():
            texts[soc].append(d)
    if has_table(con, "onet_tasks"):
        for soc, t in con.execute("SELECT soc_code, task FROM onet_tasks WHERE soc_code IN (SELECT unnest(?)) "
                                  "ORDER BY soc_code, task_id", [socs]).fetchall():
            if isinstance(t, str) and t.strip():
                texts[soc].append(t)
    found: dict[str, dict[str, list]] = {}
    for soc, ts in track(list(texts.items()), "O*NET skills of roles", total=len(texts)):
        acc: dict[str, list] = {}
        for t in ts:
            for h in extractor.extract(t, semantic=False):  # type: ignore[attr-defined]
                a = acc.setdefault(str(h.id), [h.name, h.type, 0.0])
                a[2] += float(h.score)
        found[soc] = acc
    n_occ = max(len(found), 1)
    occ_count: dict[str, int] = {}
    for acc in found.values():
        for sid in acc:
            occ_count[sid] = occ_count.get(sid, 0) + 1
    general = {s for s, n in occ_count.items() if n / n_occ > ONET_SKILLS_MAX_OCC_SHARE} if n_occ >= 20 else set()
    per_soc: dict[str, list[tuple]] = {}
    for soc, acc in found.items():
        keep = [(sid, v[0], v[1], v[2]) for sid, v in acc.items()
                if v[1] not in ONET_SKILLS_EXCLUDE_TYPES and sid not in general]
        keep.sort(key=lambda r: (-r[3], r[0]))
        per_soc[soc] = keep[:ONET_SKILLS_MAX]
    rows = [(slug, sid, name, typ, round(score, 4), k + 1)
            for slug, soc in zip(picks["slug"], picks["soc"].astype(str))
            for k, (sid, name, typ, score) in enumerate(per_soc.get(soc, []))]
    return pd.DataFrame(rows, columns=cols)


def build_role_embeddings(con: duckdb.DuckDBPyConnection, embedder: Embedder) -> dict:
    """`role_embeddings`: one vector per role (`role_index_texts`); unchanged texts keep theirs."""
    want = role_index_texts(con)
    if want.empty:
        return {"embedded": 0, "cached": 0}
    return _cached_vectors(con, "role_embeddings", "slug", want, embedder, "role texts")


def load_role_embeddings(con: duckdb.DuckDBPyConnection, model: str) -> tuple[list[str], np.ndarray]:
    """(slugs, L2-normalised matrix) of `role_embeddings` for `model`; empty when there are none."""
    if not has_table(con, "role_embeddings"):
        return [], np.zeros((0, DIM), dtype=np.float32)
    df = con.execute("SELECT slug, vec FROM role_embeddings WHERE model = ? ORDER BY slug", [model]).df()
    if df.empty:
        return [], np.zeros((0, DIM), dtype=np.float32)
    mat = np.vstack(df["vec"].map(lambda v: np.asarray(v, dtype=np.float32)).to_list())
    return df["slug"].tolist(), mat / np.linalg.norm(mat, axis=1, keepdims=True).clip(min=1e-9)


def build_course_index(con: duckdb.DuckDBPyConnection, embedder: Embedder | None = None) -> dict:
    """Derived step: embeddings, quality and topics for every course. Returns counts and timings."""
    start = time.perf_counter()
    courses = load_courses(con)
    if courses.empty:
        log("course index: no courses in the store")
        return {"courses": 0}
    embedder = embedder or default_embedder()
    stats: dict = {"courses": int(len(courses))}
    stats["embeddings"] = build_embeddings(con, courses, embedder)
    stats["role_embeddings"] = build_role_embeddings(con, embedder)
    ros = role_onet_skill_table(con).astype({"slug": str, "skill_id": str, "name": str, "type": str,
                                              "score": float, "rank": int})
    store.write_table(con, "role_onet_skills", ros)
    stats["role_onet_skills"] = int(len(ros))
    q = quality.quality_table(courses)
    store.write_table(con, "course_quality", q)
    stats["quality"] = {k: int(v) for k, v in q["basis"].value_counts().items()}
    ids, mat = load_embeddings(con, embedder.name)
    t, ct = topics.build_topics(con, courses, ids, mat)
    store.write_table(con, "topics", t)
    store.write_table(con, "course_topics", ct)
    stats["topics"] = int(len(t))
    store.set_meta(con, "course_index", {"model": embedder.name, "built_at": time.strftime("%Y-%m-%dT%H:%M:%S")})
    stats["seconds"] = round(time.perf_counter() - start, 1)
    return stats
