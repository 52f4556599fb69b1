"""Skills of every posting and course in the store: `posting_skills` and `course_skills`.

- A given skills list (the lukebarousse `job_skills`, Coursera "skills") is mapped into the taxonomy
  by exact alias (method 'given', score 1.0; ambiguity rules do not apply: the list says it is a skill).
- Text fields get the lexical stage in worker processes (fork, one per core), method 'lexical'.
- `skill_popularity` (skill_id, documents): how many postings and courses name each skill (given + lexical),
  the semantic stage's tie-breaking prior (`ExtractConfig.sem_popularity_weight`), here and in `extract`.
- The semantic stage runs in the parent (the model already uses every core) on descriptions only,
  within a budget of segments (`sem_budget` in total, spread evenly over the documents) so the whole
  run has a bounded cost. A document it reaches is ranked by `SkillExtractor.extract_encoded`, the same
  ranking as `extract` (and `careerpath skills`) over the same segments; its rows replace that document's
  lexical rows. Methods 'lexical' and 'semantic'.
One row per (document, skill): the best method's score, the spans of every method.

Use as a derived step: `store.derive(db, lambda con: extract_all(con))`.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import re
import time
from dataclasses import dataclass, field
from typing import Iterator

import duckdb
import numpy as np
import pandas as pd

from careerpath import store
from careerpath.embed import DIM, Embedder
from careerpath.extract.skills import ExtractConfig, SkillExtractor
from careerpath.extract.skilltext import normalise_phrase
from careerpath.store import has_table
from careerpath.progress import log, track

# segments embedded per build: measured ~80-110 unique segments/s on the 2 shared cores (MiniLM,
# max_seq_length 64, after dedup ~75% unique), so 16k keeps the semantic stage near 3 minutes
SEM_BUDGET = 16_000
_METHOD_RANK = {"given": 0, "lexical": 1, "semantic": 2}
_EX: SkillExtractor | None = None  # the worker's extractor, inherited through fork


@dataclass
class BatchStats:
    postings: int = 0
    postings_with_text: int = 0
    courses: int = 0
    posting_rows: int = 0
    course_rows: int = 0
    given_mapped: int = 0
    given_unmapped: int = 0
    semantic_docs: int = 0
    semantic_segments: int = 0
    semantic_unique_segments: int = 0
    seconds: dict[str, float] = field(default_factory=dict)


def _given_index(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Normalised alias -> skill id, every alias (dropped and ambiguous ones too), owners first."""
    rows = con.execute(
        "SELECT norm, skill_id FROM skill_aliases ORDER BY CASE kind WHEN 'override' THEN 0 WHEN 'preferred' THEN 1 "
        "WHEN 'variant' THEN 2 WHEN 'keywords' THEN 3 ELSE 4 END, skill_id"
    ).fetchall()
    out: dict[str, str] = {}
    for norm, sid in rows:
        out.setdefault(norm, sid)
    return out


def _lexical_chunk(items: list[tuple[str, str, str]]) -> list[tuple[str, str, float, list, str, str]]:
    """(doc id, field, text) -> rows; runs in a worker."""
    assert _EX is not None
    out = []
    for doc_id, fld, text in items:
        for h in _EX.extract(text, semantic=False):
            out.append((doc_id, h.id, h.score, h.spans, "lexical", fld))
    return out


def _chunks(items: list, n: int) -> Iterator[list]:
    for i in range(0, len(items), n):
        yield items[i : i + n]


def _run_lexical(ex: SkillExtractor, items: list[tuple[str, str, str]], workers: int, label: str) -> list[tuple]:
    global _EX
    _EX = ex
    chunks = list(_chunks(items, 400))
    out: list[tuple] = []
    if workers > 1 and len(items) > 2000 and "fork" in mp.get_all_start_methods():
        with mp.get_context("fork").Pool(workers) as pool:
            for rows in track(pool.imap(_lexical_chunk, chunks), f"{label}: lexical", total=len(chunks)):
                out += rows
    else:
        for c in track(chunks, f"{label}: lexical", total=len(chunks)):
            out += _lexical_chunk(c)
    return out


def _run_semantic(ex: SkillExtractor, items: list[tuple[str, str, str]], budget: int, stats: BatchStats,
                  label: str) -> tuple[list[tuple], set[tuple[str, str]]]:
    """Skills of each document within `budget` segments in all, ranked as `SkillExtractor.extract` ranks them.

    Boilerplate repeats across postings, so segments are deduplicated before embedding; the unique
    ones are encoded in large batches (max_seq_length 64: segments are <= 40 words), then each document
    is ranked by `extract_encoded` over its own segments' vectors. Returns the rows (lexical and semantic
    hits) and the (document, field) pairs they replace: for those the lexical stage's rows are stale,
    since an alternative-label match may have been judged against its sentence and dropped.
    """
    if ex.embedder is None or not items or budget <= 0:
        return [], set()
    if budget < len(items):  # fewer segments than documents: an evenly spread subset of the documents
        items = items[:: -(-len(items) // budget)]
    per_doc = max(1, min(ex.config.sem_max_segments, budget // len(items)))
    uniq: dict[str, int] = {}
    docs: list[tuple[str, str, str, list[tuple[str, int, int]], list[int]]] = []
    for doc_id, fld, text in items:
        segs = ex.segments(ex.prepare(text))[:per_doc]
        if segs:
            docs.append((doc_id, fld, text, segs, [uniq.setdefault(t, len(uniq)) for t, _, _ in segs]))
    stats.semantic_segments += sum(len(d[4]) for d in docs)
    stats.semantic_unique_segments += len(uniq)
    texts = list(uniq)
    vecs = np.zeros((len(texts), DIM), dtype=np.float32)
    step = 4096
    for i in track(range(0, len(texts), step), f"{label}: semantic ({per_doc} segments/doc, {len(texts):,} unique)",
                   total=(len(texts) + step - 1) // step):
        vecs[i : i + step] = ex.embedder.encode(texts[i : i + step], batch_size=128, max_tokens=64)  # segments are <= 40 words
    # `extract` ranks links down to rank_threshold to fill a short text's list; a stored link says the document
    # asks for the skill, so it needs the linking threshold (weaker links put unrelated courses on role lists)
    floor = ex.config.sem_weight * ex.config.sem_threshold
    out: list[tuple] = []
    for doc_id, fld, text, segs, rows in track(docs, f"{label}: ranking", total=len(docs)):
        for h in ex.extract_encoded(text, segs, vecs[rows]):
            if h.method != "semantic" or h.score >= floor:
                out.append((doc_id, h.id, h.score, h.spans, h.method, fld))
    stats.semantic_docs += len(items)
    return out, {(d[0], d[1]) for d in docs}


def _replace_lexical(rows: list[tuple], ranked: list[tuple], done: set[tuple[str, str]]) -> list[tuple]:
    """`rows` without the lexical rows of the (document, field) pairs the semantic stage ranked, plus its rows."""
    if not done:
        return rows + ranked
    return [r for r in rows if r[4] != "lexical" or (r[0], r[5]) not in done] + ranked


def _merge_rows(rows: list[tuple], id_col: str) -> pd.DataFrame:
    """One row per (document, skill): best method (given > lexical > semantic), spans of all."""
    best: dict[tuple[str, str], list] = {}
    for doc_id, sid, score, spans, method, fld in rows:
        key = (doc_id, sid)
        cur = best.get(key)
        if cur is None:
            best[key] = [score, spans and {fld: spans} or {}, method, fld]
            continue
        if spans:
            cur[1].setdefault(fld, spans)
        if (_METHOD_RANK[method], -score) < (_METHOD_RANK[cur[2]], -cur[0]):
            cur[0], cur[2], cur[3] = score, method, fld
    recs = [
        {id_col: d, "skill_id": s, "score": float(v[0]), "spans": json.dumps(v[1].get(v[3]) or next(iter(v[1].values()), [])),
         "method": v[2], "evidence": v[3]}
        for (d, s), v in best.items()
    ]
    return pd.DataFrame(recs, columns=[id_col, "skill_id", "score", "spans", "method", "evidence"])


def _given_rows(df: pd.DataFrame, id_col: str, index: dict[str, str], stats: BatchStats) -> list[tuple]:
    out = []
    for doc_id, given in zip(df[id_col], df["skills_given"]):
        if not isinstance(given, (list, tuple)) and not hasattr(given, "__array__"):
            continue  # None / NA: no list given
        for g in given:
            sid = index.get(normalise_phrase(str(g)))
            if sid is None:
                stats.given_unmapped += 1
                continue
            stats.given_mapped += 1
            out.append((doc_id, sid, 1.0, [], "given", "skills_given"))
    return out


def skill_popularity(*row_lists: list[tuple]) -> dict[str, int]:
    """skill id -> number of documents whose given list or text names it (rows of method 'given' / 'lexical')."""
    seen: set[tuple[str, str]] = set()
    for rows in row_lists:
        seen.update((r[0], r[1]) for r in rows if r[4] in ("given", "lexical"))
    counts: dict[str, int] = {}
    for _, sid in seen:
        counts[sid] = counts.get(sid, 0) + 1
    return counts


def _postings(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return con.execute(
        "SELECT posting_id, description, skills_given FROM postings WHERE duplicate_of IS NULL"
    ).df() if has_table(con, "postings") else pd.DataFrame(columns=["posting_id", "description", "skills_given"])


def _courses(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    cols = ["course_id", "title", "description", "outcomes", "skills_given", "modules"]
    return con.execute(f"SELECT {', '.join(cols)} FROM courses").df() if has_table(con, "courses") else pd.DataFrame(
        columns=cols)


def _posting_items(posts: pd.DataFrame) -> list[tuple[str, str, str]]:
    return [(i, "description", d) for i, d in zip(posts["posting_id"], posts["description"])
            if isinstance(d, str) and d.strip()]


# A catalogue's subject label appended to its descriptions ("... regardless of where you take it. Communication", "...
# further growth. Data Analysis & Statistics": edX's 23 subjects end 548 descriptions) names the catalogue's shelf, not
# what the course teaches; the extractor read *communication*, *statistics*, *perform data analysis*, *social sciences*
# in it (~200 course skills found nowhere else in those descriptions). The words after a description's last sentence
# end, at most TAIL_MAX_WORDS of them, that end at least TAIL_MIN_COURSES descriptions are such a label
# (`catalog_tails`) and are cut before extraction. None: off.
TAIL_MIN_COURSES: int | None = 5
TAIL_MAX_WORDS = 5
_TAIL = re.compile(r"[.!?)\]]\s*([A-Z][A-Za-z&,' -]*)$")


def catalog_tails(texts: list[object]) -> set[str]:
    """The labels that end at least TAIL_MIN_COURSES of `texts` (see TAIL_MIN_COURSES)."""
    if TAIL_MIN_COURSES is None:
        return set()
    counts: dict[str, int] = {}
    for t in texts:
        if isinstance(t, str):
            m = _TAIL.search(t.rstrip())
            if m and len(m.group(1).split()) <= TAIL_MAX_WORDS:
                counts[m.group(1).strip()] = counts.get(m.group(1).strip(), 0) + 1
    return {k for k, n in counts.items() if n >= TAIL_MIN_COURSES}


def cut_tail(text: str, tails: set[str]) -> str:
    """`text` without its last words when they are one of `tails` (`catalog_tails`); offsets before them unchanged."""
    body = text.rstrip()
    m = _TAIL.search(body) if tails else None
    return body[: m.start(1)] if m and m.group(1).strip() in tails else text


def _course_items(courses: pd.DataFrame) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """(course id, field, text) for the lexical stage (title, description, outcomes, modules joined by "; ") and
    for the semantic stage (description and outcomes); descriptions without their catalogue label (`catalog_tails`)."""
    c_items: list[tuple[str, str, str]] = []
    c_sem: list[tuple[str, str, str]] = []
    tails = catalog_tails(courses["description"].tolist())
    for r in courses.itertuples(index=False):
        for fld in ("title", "description", "outcomes"):
            v = getattr(r, fld)
            if fld == "description" and isinstance(v, str):
                v = cut_tail(v, tails)
            if isinstance(v, str) and v.strip():
                c_items.append((r.course_id, fld, v))
                if fld != "title":
                    c_sem.append((r.course_id, fld, v))
        mods = r.modules
        if isinstance(mods, (list, tuple)) or hasattr(mods, "__array__"):
            c_items.append((r.course_id, "modules", "; ".join(map(str, mods))))
    return c_items, c_sem


def _load(con: duckdb.DuckDBPyConnection, embedder: Embedder | None, config: ExtractConfig | None, workers: int | None,
          semantic: bool) -> tuple[SkillExtractor, dict[str, str], int]:
    """The extractor (with the default model when `semantic` and none is given), the given-skills index and the
    worker count that `extract_all` and `extract_courses` both start from."""
    if semantic and embedder is None:
        from careerpath.embed import default_embedder

        embedder = default_embedder()
    ex = SkillExtractor.from_store(con, config=config or ExtractConfig(), embedder=embedder if semantic else None)
    return ex, _given_index(con), workers or max(1, os.cpu_count() or 1)


def extract_all(con: duckdb.DuckDBPyConnection, *, embedder: Embedder | None = None, config: ExtractConfig | None = None,
                workers: int | None = None, semantic: bool = True, sem_budget: int = SEM_BUDGET) -> BatchStats:
    """Extract skills for every posting and course in `con` and write `posting_skills`, `course_skills`.

    `sem_budget` caps the segments embedded in the whole run (postings' descriptions and courses'
    descriptions/outcomes share it in proportion to their counts); 0 or `semantic=False` skips the stage.
    """
    stats = BatchStats()
    t0 = time.perf_counter()
    ex, index, workers = _load(con, embedder, config, workers, semantic)
    stats.seconds["load"] = time.perf_counter() - t0

    posts = _postings(con)
    courses = _courses(con)
    stats.postings, stats.courses = len(posts), len(courses)

    p_items = _posting_items(posts)
    stats.postings_with_text = len(p_items)
    c_items, c_sem = _course_items(courses)

    t = time.perf_counter()
    p_rows = _given_rows(posts, "posting_id", index, stats)
    c_rows = _given_rows(courses, "course_id", index, stats)
    stats.seconds["given"] = time.perf_counter() - t

    t = time.perf_counter()
    p_rows += _run_lexical(ex, p_items, workers, "postings")
    c_rows += _run_lexical(ex, c_items, workers, "courses")
    stats.seconds["lexical"] = time.perf_counter() - t
    stats.seconds["lexical_docs_per_s_per_core"] = (len(p_items) + len(c_items)) / max(stats.seconds["lexical"], 1e-9) / workers

    popularity = skill_popularity(p_rows, c_rows)  # what real postings and courses name: the semantic prior
    store.write_table(con, "skill_popularity", pd.DataFrame(
        sorted(popularity.items()), columns=["skill_id", "documents"]).astype({"documents": "int64"}))
    ex.set_popularity(popularity)

    if semantic and ex.embedder is not None:
        t = time.perf_counter()
        total = len(p_items) + len(c_sem)
        p_budget = sem_budget * len(p_items) // max(total, 1)
        p_rows = _replace_lexical(p_rows, *_run_semantic(ex, p_items, p_budget, stats, "postings"))
        c_rows = _replace_lexical(c_rows, *_run_semantic(ex, c_sem, sem_budget - p_budget, stats, "courses"))
        stats.seconds["semantic"] = time.perf_counter() - t

    t = time.perf_counter()
    pdf = _merge_rows(p_rows, "posting_id")
    cdf = _merge_rows(c_rows, "course_id")
    store.write_table(con, "posting_skills", pdf)
    if has_table(con, "postings"):  # duplicates share the skills of the copy kept
        con.execute(
            "INSERT INTO posting_skills SELECT p.posting_id, s.skill_id, s.score, s.spans, s.method, s.evidence "
            "FROM postings p JOIN posting_skills s ON s.posting_id = p.duplicate_of WHERE p.duplicate_of IS NOT NULL"
        )
    store.write_table(con, "course_skills", cdf)
    stats.posting_rows = con.execute("SELECT count(*) FROM posting_skills").fetchone()[0]
    stats.course_rows = len(cdf)
    stats.seconds["write"] = time.perf_counter() - t
    stats.seconds["total"] = time.perf_counter() - t0
    store.set_meta(con, "skills_extract", stats.__dict__)
    log(f"extract: {stats.posting_rows:,} posting skills, {stats.course_rows:,} course skills in {stats.seconds['total']:.1f}s")
    return stats


def extract_courses(con: duckdb.DuckDBPyConnection, *, embedder: Embedder | None = None,
                    config: ExtractConfig | None = None, workers: int | None = None, semantic: bool = True,
                    sem_budget: int = SEM_BUDGET) -> BatchStats:
    """`course_skills` again, as `extract_all` writes it, leaving `posting_skills` (and so the profiles) as they are.

    The semantic prior is the store's `skill_popularity` (written by `extract_all`) and the courses' share of
    `sem_budget` is the one `extract_all` gives them (in proportion to the postings with text), so on an unchanged
    store and code the table comes out the same. After it, the course index's topics (`build_course_index`) and any
    stored guides are stale: rerun them (`careerpath build --skip-ingest` reruns every step).
    """
    stats = BatchStats()
    t0 = time.perf_counter()
    ex, index, workers = _load(con, embedder, config, workers, semantic)
    if has_table(con, "skill_popularity"):
        ex.set_popularity({str(k): int(v) for k, v in con.execute(
            "SELECT skill_id, documents FROM skill_popularity").fetchall()})
    stats.seconds["load"] = time.perf_counter() - t0
    courses = _courses(con)
    stats.courses = len(courses)
    stats.postings_with_text = len(_posting_items(_postings(con)))  # the budget's split, as `extract_all` makes it
    c_items, c_sem = _course_items(courses)
    c_rows = _given_rows(courses, "course_id", index, stats)
    t = time.perf_counter()
    c_rows += _run_lexical(ex, c_items, workers, "courses")
    stats.seconds["lexical"] = time.perf_counter() - t
    if semantic and ex.embedder is not None:
        t = time.perf_counter()
        total = stats.postings_with_text + len(c_sem)
        p_budget = sem_budget * stats.postings_with_text // max(total, 1)
        c_rows = _replace_lexical(c_rows, *_run_semantic(ex, c_sem, sem_budget - p_budget, stats, "courses"))
        stats.seconds["semantic"] = time.perf_counter() - t
    cdf = _merge_rows(c_rows, "course_id")
    store.write_table(con, "course_skills", cdf)
    stats.course_rows = len(cdf)
    stats.seconds["total"] = time.perf_counter() - t0
    log(f"extract: {stats.course_rows:,} course skills in {stats.seconds['total']:.1f}s (postings' skills kept)")
    return stats
