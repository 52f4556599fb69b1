"""`careerpath resolve`, `careerpath roles` and `careerpath roles build`: thin skins over careerpath.extract."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from careerpath import config
from careerpath.api import MAX_TITLE_CHARS  # one cap for the CLI and the Python API
from careerpath.textfile import read_text
from careerpath.errors import InputError

db_option = click.option("--db", "db", default=None, help="The store file (default $CAREERPATH_DB or ./careerpath.duckdb).")
MAX_FILE_BYTES = 200_000_000


def _emit(obj: object, indent: int | None = 2) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False, indent=indent, default=str))


def _human(res: dict) -> str:
    role = res["role"]["slug"] if res["role"] else "-"
    if not res["matches"]:
        return f"{res['title']}\tno match"
    m = res["matches"][0]
    return f"{res['title']}\t{role}\t{m['soc_code']} {m['soc_title']} ({m['score']:.2f})"


def _read_lines(path: str) -> list[str]:
    return read_text(path, MAX_FILE_BYTES).splitlines()


@click.command("resolve")
@click.argument("title", required=False)
@click.option("--file", "file", default=None, help="Resolve every line of this file ('-' for stdin).")
@click.option("--description", default=None, help="The posting's description: extra evidence for one title.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--jsonl", "as_jsonl", is_flag=True, help="With --file: one JSON object per input line, same order.")
@click.option("--top", default=5, show_default=True, type=click.IntRange(1, 50), help="Codes to list per title.")
@db_option
def resolve(title: str | None, file: str | None, description: str | None, as_json: bool, as_jsonl: bool,
            top: int, db: str | None) -> None:
    """Resolve a job title to its role and ranked O*NET-SOC occupations with calibrated scores.

    Example: careerpath resolve "Sr. Machine Learning Engineer II (Remote)" --json

    Batch: careerpath resolve --file titles.txt --jsonl   (one object per line, same order)
    """
    if (title is None) == (file is None):
        raise InputError("give exactly one of TITLE or --file F")
    if as_jsonl and file is None:
        raise InputError("--jsonl goes with --file")
    if title is not None and len(title) > MAX_TITLE_CHARS:
        raise InputError(f"the title is longer than {MAX_TITLE_CHARS:,} characters")
    lines = _read_lines(file) if file is not None else [title or ""]
    resolver = _resolver(db)
    sidecar = _Sidecar(config.db_path(db), resolver) if file is not None else None
    if file is None:
        res = resolver.resolve(lines[0], description=description, top=top).to_json()
        _emit(res) if as_json else click.echo(_human(res))
        return
    out = sys.stdout
    for start in range(0, len(lines), 20_000):
        chunk = [ln[:MAX_TITLE_CHARS] for ln in lines[start:start + 20_000]]
        for r in resolver.resolve_many(chunk, top=top):
            res = r.to_json()
            out.write((json.dumps(res, ensure_ascii=False) if (as_jsonl or as_json) else _human(res)) + "\n")
    out.flush()
    if sidecar is not None:
        sidecar.save()


class _Sidecar:
    """Results for titles the store's cache lacked, kept beside the store (`STORE.titles-cache.jsonl`) so a
    title the model resolved once is a dictionary lookup next time. The first line fingerprints the roles
    build it belongs to; a rebuilt store starts a fresh file. Best effort: an unwritable folder just means
    no cache."""

    def __init__(self, db: Path, resolver) -> None:
        from careerpath import store

        self.path = Path(str(db) + ".titles-cache.jsonl")
        self.resolver = resolver
        con = store.connect(db)
        try:
            self.stamp = json.dumps(store.get_meta(con, "roles_build"), sort_keys=True, default=str)
        finally:
            con.close()
        self.known = set(resolver.cache)
        try:
            with self.path.open(encoding="utf-8") as f:
                if f.readline().rstrip("\n") == self.stamp:
                    for line in f:
                        k, matches, method = json.loads(line)
                        resolver.cache.setdefault(k, ([tuple(m) for m in matches], method))
        except (OSError, ValueError):
            pass
        self.start = set(resolver.cache)

    def save(self) -> None:
        new = {k: v for k, v in self.resolver.seen.items() if k and k not in self.start}
        if not new:
            return
        try:
            fresh = not self.path.exists() or len(self.start) == len(self.known)
            with self.path.open("w" if fresh else "a", encoding="utf-8") as f:
                if fresh:
                    f.write(self.stamp + "\n")
                for k, (scores, method) in new.items():
                    top = sorted(([s, round(p, 5)] for s, p in scores.items()), key=lambda x: -x[1])[:5]
                    f.write(json.dumps([k, top, method]) + "\n")
        except OSError:
            pass


def _resolver(db: str | None):
    from careerpath import store
    from careerpath.extract.roles import open_resolver

    con = store.connect(config.db_path(db))
    try:
        return open_resolver(con)
    finally:
        con.close()


@click.group("roles", invoke_without_command=True)
@click.option("--search", "query", default=None, help="Roles whose title or aliases match this text.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 5000), help="Roles to show.")
@db_option
@click.pass_context
def roles(ctx: click.Context, query: str | None, as_json: bool, limit: int, db: str | None) -> None:
    """List or search the role catalog (O*NET occupations and emerging roles from postings).

    Example: careerpath roles --search "ml engineer" --json
    """
    if ctx.invoked_subcommand is not None:
        return
    from careerpath import store
    from careerpath.extract.roles import search_roles

    con = store.connect(config.db_path(db))
    try:
        found = search_roles(con, query, limit=limit)
        mixes = _mixtures(con, [r["slug"] for r in found])
    finally:
        con.close()
    for r in found:
        r["soc"] = mixes.get(r["slug"], [])
    if as_json:
        _emit(found)
        return
    for r in found:
        socs = ", ".join(f"{s['code']} {s['weight']:.2f}" for s in r["soc"])
        click.echo(f"{r['slug']}\t{r['title']}\t{r['kind']}\t{r['n_postings']:,} postings\t{socs}")


def _mixtures(con, slugs: list[str]) -> dict[str, list[dict]]:
    if not slugs:
        return {}
    rows = con.execute(
        "SELECT ro.slug, ro.soc_code, o.title, ro.weight FROM role_occupations ro "
        "LEFT JOIN onet_occupations o USING (soc_code) WHERE ro.slug IN (SELECT unnest(?)) ORDER BY ro.weight DESC",
        [slugs]).fetchall()
    out: dict[str, list[dict]] = {}
    for slug, code, title, w in rows:
        out.setdefault(slug, []).append({"code": code, "title": title, "weight": round(w, 4)})
    return out


@roles.command("build")
@db_option
@click.option("--min-postings", default=30, show_default=True, type=click.IntRange(1), help="Postings an emerging role needs.")
@click.option("--all-titles", is_flag=True,
              help="Run the model on one-off posting titles too, so every posting title is cached (slower).")
def roles_build(db: str | None, min_postings: int, all_titles: bool = False) -> None:
    """Build the title index, the role catalog and every posting's role (a derived step, swapped in atomically).

    Example: careerpath roles build --db careerpath.duckdb
    """
    from careerpath import store
    from careerpath.extract.roles import build_roles

    stats = store.derive(config.db_path(db),
                         lambda con: build_roles(con, min_postings=min_postings, model_all=all_titles))
    _emit(stats)


build_roles_command = click.Command(
    "build-roles", params=roles_build.params, callback=roles_build.callback,
    help="Same as `careerpath roles build`.\n\nExample: careerpath build-roles --db careerpath.duckdb")
