"""`careerpath guide` and `careerpath transition`: parse options, call careerpath.guide, print."""

from __future__ import annotations

import json

import click

from careerpath import config

FORMATS = ("json", "md", "html")


def _con(db: str | None):
    from careerpath import store

    return store.connect(config.db_path(db))


@click.command("guide")
@click.argument("role")
@click.option("--skills", default=None, help="Skills you already have, comma-separated: 'python,sql,statistics'.")
@click.option("--resume", "resume", default=None, type=click.Path(dir_okay=False),
              help="Your résumé (plain text or PDF, at most 2 MB); the skills found in it leave the path.")
@click.option("--hours-per-week", "hours", default="15-20", show_default=True, help="Study pace: N or LO-HI hours a week.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True)
@click.option("--db", "db", default=None, help="The store file (default $CAREERPATH_DB or ./careerpath.duckdb).")
def guide_cmd(role: str, skills: str | None, resume: str | None, hours: str, fmt: str, db: str | None) -> None:
    """The career guide of a role: snapshot, roadmap, time to job-ready, skills, FAQ, sources.

    Example: careerpath guide "data scientist" --skills python,sql --format md
    """
    from careerpath.extract.role_lookup import resolve_role_noting
    from careerpath.guide.build import build_guide
    from careerpath.guide.personal import parse_pace, parse_skills, read_resume

    pace = parse_pace(hours)
    text = read_resume(resume) if resume else None
    con = _con(db)
    resolve_role_noting(con, role)  # a vague title says on stderr which role it was read as
    g = build_guide(con, role, have_skills=parse_skills(skills) or None, resume_text=text, hours_per_week=pace)
    if fmt == "json":
        click.echo(g.model_dump_json(indent=2))
    elif fmt == "md":
        from careerpath.guide.render_md import render_md

        click.echo(render_md(g))
    else:
        from careerpath.guide.render_html import render_html

        click.echo(render_html(g, standalone=True))


@click.command("transition")
@click.argument("from_role")
@click.argument("to_role")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--db", "db", default=None, help="The store file (default $CAREERPATH_DB or ./careerpath.duckdb).")
def transition_cmd(from_role: str, to_role: str, as_json: bool, db: str | None) -> None:
    """Skills shared by two roles and the skills the move still needs.

    Example: careerpath transition "data analyst" "data scientist" --json
    """
    from careerpath.guide.related import transition

    t = transition(_con(db), from_role, to_role)
    if as_json:
        click.echo(json.dumps(t, ensure_ascii=False, indent=2))
        return
    click.echo(f"{t['from']['title']} → {t['to']['title']}: {t['coverage'] * 100:.0f}% of the target's skills "
               "(weighted by importance) already shared")
    click.echo("Shared: " + (", ".join(t["shared"]) or "none"))
    click.echo("Missing: " + (", ".join(t["missing"]) or "none"))


COMMANDS = (guide_cmd, transition_cmd)
