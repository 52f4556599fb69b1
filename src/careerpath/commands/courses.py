"""`careerpath courses`: the course list for a role, a topic's courses, or the list of topics."""

from __future__ import annotations

import json

import click

from careerpath import config
from careerpath.errors import InputError


def _emit(obj: object) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False, indent=2, default=str))


def _show(items: list[dict], note: str | None = None) -> None:
    if not items and not note:
        click.echo("No course matches (a role's list holds only courses that teach its skills; filters narrow it).")
    for i, c in enumerate(items, 1):
        q = f"quality {c['quality']:.1f}" if c.get("quality") is not None else "quality unknown"
        click.echo(f"{i:>2}. {c['title']} — {c.get('provider') or '?'} ({q}, relevance {c['relevance']:.2f})")
        click.echo(f"    {c['why']}")
        if c.get("url"):
            click.echo(f"    {c['url']}")
    if note:
        click.echo(note)


@click.command("courses")
@click.argument("role", required=False)
@click.option("--top", default=10, show_default=True, type=click.IntRange(1, 100), help="How many courses.")
@click.option("--topic", default=None, help="List the courses of a topic instead of a role's.")
@click.option("--topics", "list_topics", is_flag=True, help="List the topics with their course counts.")
@click.option("--level", type=click.Choice(["beginner", "intermediate", "advanced", "mixed"], case_sensitive=False),
              default=None, help="Only courses of this level.")
@click.option("--free", is_flag=True, help="Only courses stated to be free.")
@click.option("--max-hours", type=float, default=None, help="Only courses stated to take at most this many hours.")
@click.option("--provider", default=None, help="Only courses whose provider or catalog contains this text.")
@click.option("--certificate", is_flag=True,
              help="Only credentials: professional, university or graduate certificates.")
@click.option("--language", default="en", show_default=True,
              help="Only courses in this language (detected from their text; undetected counts as English); 'any' for all.")
@click.option("--order", type=click.Choice(["best", "path"]), default="best", show_default=True,
              help="best: most useful first; path: from foundations to advanced.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--db", "db", default=None, help="The store file (default $CAREERPATH_DB or ./careerpath.duckdb).")
def courses_command(role: str | None, top: int, topic: str | None, list_topics: bool, level: str | None,
                    free: bool, max_hours: float | None, provider: str | None, certificate: bool, language: str, order: str,
                    as_json: bool, db: str | None) -> None:
    """Courses that teach a role's skills, best first; or browse the catalog by topic.

    Examples: careerpath courses "machine learning engineer" --top 10 --json;
    careerpath courses data-analyst --free --max-hours 20; careerpath courses nurse --certificate;
    careerpath courses --topics;
    careerpath courses --topic "data science" --json
    """
    from careerpath import store
    from careerpath.recommend import topics as topics_mod
    from careerpath.recommend.filters import Filters

    given = sum(bool(x) for x in (role, topic, list_topics))
    if given != 1:
        raise InputError("give exactly one of: ROLE, --topic T, --topics")
    filters = Filters(level=level, free=free, max_hours=max_hours, provider=provider, certificate=certificate,
                      language=language)
    con = store.connect(config.db_path(db))
    if list_topics:
        rows = topics_mod.list_topics(con)
        if as_json:
            _emit(rows)
        else:
            for t in rows:
                click.echo(f"{t['name']:<45} {t['n_courses']:>6,}  ({t['kind']}, --topic {t['id']})")
        return
    note = None
    if topic:
        items = topics_mod.courses_for_topic(con, topic, filters, top=top)
    else:
        from careerpath.recommend.notes import course_list_note
        from careerpath.recommend.rank import recommend
        from careerpath.recommend.roles import load_role

        items = recommend(con, load_role(con, role or ""), top=top, filters=filters, order=order)
        note = course_list_note(len(items), top, filtered=filters != Filters())
    _emit(items) if as_json else _show(items, note)  # JSON stays the contract's list: its length says it
