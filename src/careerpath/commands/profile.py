"""`careerpath profile ROLE` and `careerpath profiles build`: thin skins over careerpath.profile."""

from __future__ import annotations

import json

import click

from careerpath import config

db_option = click.option("--db", "db", default=None, help="The store file (default $CAREERPATH_DB or ./careerpath.duckdb).")


def _slug_for(con, role: str) -> str:
    """A slug, a role title or alias, or any job title (resolved on the title resolver's cheap paths)."""
    from careerpath.extract.role_lookup import resolve_role_noting

    return resolve_role_noting(con, role).slug


@click.command("profile")
@click.argument("role")
@click.option("--json", "as_json", is_flag=True, help="Print the whole profile as JSON.")
@db_option
def profile(role: str, as_json: bool, db: str | None) -> None:
    """Everything the data says about one role: skills ranked by importance, wages (national, by
    state, from postings by level), outlook, education, certifications, tasks, related roles.

    ROLE is a slug or any job title. Example: careerpath profile "machine learning engineer" --json
    """
    from careerpath import store
    from careerpath.profile import get_profile

    con = store.connect(config.db_path(db))
    try:
        p = get_profile(con, _slug_for(con, role))
    finally:
        con.close()
    if as_json:
        click.echo(json.dumps(p.model_dump(mode="json"), ensure_ascii=False, indent=2))
        return
    click.echo(f"{p.role.title} ({p.role.slug}); skills {p.skills.evidence_text}")
    for s in p.skills.items[:12]:
        share = f"  {s.share_of_postings.value:.0%} of postings" if s.share_of_postings else ""
        click.echo(f"  {s.rank:>2}. {s.name}{' [core]' if s.core else ''}  importance {s.importance:.2f}{share}")
    if p.salary.national:
        n = p.salary.national[0]
        if n.median:
            click.echo(f"Median wage (OEWS May {n.year}): {n.median.value:,.0f} {n.median.unit}")
    for w in p.salary.postings[:3]:
        if w.median:
            click.echo(f"Postings ({w.country or 'country not given'}, {w.currency}): median {w.median.value:,.0f} from {w.n:,}")
    if p.outlook.summary:
        click.echo(p.outlook.summary)


@click.command("build")
@db_option
def build(db: str | None) -> None:
    """Build every role's profile into the store (table `profiles`), swapped in atomically.

    Example: careerpath profiles build --db careerpath.duckdb
    """
    from careerpath import store
    from careerpath.profile import build_profiles

    stats = store.derive(config.db_path(db), build_profiles)
    click.echo(json.dumps(stats))


@click.group("profiles")
def profiles() -> None:
    """Role profiles kept in the store (rebuilt by `careerpath build`).

    Example: careerpath profiles build --db careerpath.duckdb
    """


profiles.add_command(build)
