"""`careerpath skills`, `careerpath extract` and `careerpath taxonomy build`: thin skins over careerpath.extract."""

from __future__ import annotations

import json
from pathlib import Path

import click

from careerpath import config
from careerpath.textfile import read_text
from careerpath.errors import InputError

db_option = click.option("--db", "db", default=None, help="The store file (default $CAREERPATH_DB or ./careerpath.duckdb).")
MAX_FILE_BYTES = 50_000_000


def _extractor(db: str | None, semantic: bool):
    from careerpath import store
    from careerpath.extract.skills import SkillExtractor

    con = store.connect(config.db_path(db))
    embedder = None
    if semantic:
        from careerpath.embed import default_embedder

        embedder = default_embedder()
    try:
        return SkillExtractor.from_store(con, embedder=embedder)
    finally:
        con.close()


def _result(ex, text: str) -> dict:
    from careerpath.extract.skills import hits_to_json

    out = hits_to_json(text, ex.extract(text))
    if len(text) > ex.config.max_chars:
        out["note"] = f"input truncated to its first {ex.config.max_chars:,} characters (of {len(text):,})"
    return out


def _read_file(path: str) -> str:
    return read_text(path, MAX_FILE_BYTES)


@click.command("skills")
@click.argument("text", required=False)
@click.option("--file", "file", default=None, help="Read the text from a file, or '-' for stdin (with --jsonl: one text per line).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--jsonl", "as_jsonl", is_flag=True, help="With --file: one JSON object per input line, same order.")
@click.option("--no-semantic", is_flag=True, help="Lexical stage only (fast; no model).")
@db_option
def skills(text: str | None, file: str | None, as_json: bool, as_jsonl: bool, no_semantic: bool, db: str | None) -> None:
    """Find the skills in a text (a posting, a course, a résumé), best first, with character spans.

    Example: careerpath skills "Build dashboards in Tableau and query data with SQL" --json
    """
    if (text is None) == (file is None):
        raise InputError("give either TEXT or --file F")
    if as_jsonl and file is None:
        raise InputError("--jsonl needs --file F")
    ex = _extractor(db, not no_semantic)
    if as_jsonl:
        for line in _read_file(file).splitlines():
            item = line
            if line.lstrip().startswith("{"):
                try:
                    obj = json.loads(line)
                    item = str(obj.get("text", "")) if isinstance(obj, dict) else line
                except json.JSONDecodeError:
                    item = line
            click.echo(json.dumps(_result(ex, item), ensure_ascii=False))
        return
    body = text if text is not None else _read_file(file)
    out = _result(ex, body)
    if as_json:
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    for s in out["skills"]:
        spans = ", ".join(body[a:b] for a, b in s["spans"][:3])
        click.echo(f"{s['score']:.2f}  {s['name']}  [{s['type']}]  {spans}")
    if "note" in out:
        click.echo(out["note"], err=True)


@click.command("extract")
@db_option
@click.option("--workers", type=int, default=None, help="Worker processes for the lexical stage (default: all cores).")
@click.option("--no-semantic", is_flag=True, help="Skip the semantic stage (lexical and given lists only).")
@click.option("--semantic-budget", type=int, default=None,
              help="Sentences/clauses embedded in the whole run, spread evenly over the documents "
                   "(default: batch.SEM_BUDGET, 16000, about 3 minutes on 2 cores).")
@click.option("--courses-only", is_flag=True,
              help="Rewrite course_skills only; posting_skills (and so the profiles) stay as they are. Rerun the "
                   "course index and guides after it (or `build --skip-ingest`).")
def extract(db: str | None, workers: int | None, no_semantic: bool, semantic_budget: int | None,
            courses_only: bool) -> None:
    """Extract the skills of every posting and course in the store (posting_skills, course_skills).

    Example: careerpath extract --db careerpath.duckdb
    """
    from careerpath import store
    from careerpath.extract.batch import extract_all, extract_courses

    if workers is not None and workers < 1:
        raise InputError("--workers must be at least 1")
    budget = {} if semantic_budget is None else {"sem_budget": semantic_budget}
    run = extract_courses if courses_only else extract_all
    stats = store.derive(config.db_path(db), lambda con: run(
        con, workers=workers, semantic=not no_semantic, **budget))
    click.echo(json.dumps(stats.__dict__, indent=2, default=str))


@click.group("taxonomy")
def taxonomy() -> None:
    """The skill taxonomy (ESCO + O*NET + keyword lists), rebuilt by `careerpath build`.

    Example: careerpath taxonomy build
    """


@taxonomy.command("build")
@db_option
@click.option("--no-embeddings", is_flag=True, help="Do not compute the label vectors of the semantic stage now.")
def taxonomy_build(db: str | None, no_embeddings: bool) -> None:
    """Build the skills and skill_aliases tables (and cache the skills' MiniLM vectors).

    Example: careerpath taxonomy build --db careerpath.duckdb
    """
    from careerpath import store
    from careerpath.extract.taxonomy import build_taxonomy

    def run(con):
        stats = build_taxonomy(con)
        if not no_embeddings:
            from careerpath.embed import default_embedder
            from careerpath.extract.skills import taxonomy_vectors

            taxonomy_vectors(con, default_embedder())
        return stats

    stats = store.derive(config.db_path(db), run)
    click.echo(json.dumps(stats.__dict__, indent=2, default=str))


COMMANDS = (skills, extract, taxonomy)
