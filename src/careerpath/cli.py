"""The `careerpath` command: a thin skin over the library. Each command parses, calls, prints."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from careerpath import config
from careerpath.errors import CareerpathError

db_option = click.option("--db", "db", default=None, help="The store file (default $CAREERPATH_DB or ./careerpath.duckdb).")
data_option = click.option("--data", "data", default=None, help="The data folder (default $CAREERPATH_DATA or ../shared/data).")


def emit_json(obj: object) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False, indent=2, default=str))


@click.group()
@click.version_option(package_name="careerpath")
def cli() -> None:
    """Data-driven career guides: every figure from public data, with its source and date."""


@cli.command()
@data_option
@db_option
def ingest(data: str | None, db: str | None) -> None:
    """Load and validate every source in the data folder into a new store, swapped in atomically.

    Example: careerpath ingest --data ../shared/data --db careerpath.duckdb
    """
    from careerpath.ingest import ingest as run

    summary = run(config.data_dir(data), config.db_path(db))
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"Store {summary.db} built in {summary.seconds:.1f}s")
    for col in ("source", "files", "rows read", "rows loaded", "rows rejected"):
        table.add_column(col, justify="left" if col == "source" else "right")
    for row in summary.rows():
        table.add_row(row["source"], *(f"{row[k]:,}" for k in ("files", "rows_read", "rows_loaded", "rows_rejected")))
    Console().print(table)


@cli.command()
@data_option
@db_option
@click.option("--skip-ingest", is_flag=True, help="Reuse the store's source tables; rerun only the derived steps.")
@click.option("--all", "all_guides", is_flag=True, help="Also precompute the guide of every role.")
@click.option("--guides", "guide_list", default=None, metavar="FILE",
              help="Also precompute the guides of the roles listed in FILE (one per line, as typed; # comments).")
@click.option("--json", "as_json", is_flag=True, help="Print the build report as JSON.")
def build(data: str | None, db: str | None, skip_ingest: bool, all_guides: bool, guide_list: str | None,
          as_json: bool) -> None:
    """Build everything: ingest the data folder, then roles, skills, course index, profiles (and guides).

    Each step is swapped in atomically; `--all` also precomputes every role's guide, `--guides FILE` those of
    the roles in FILE (other roles' pages are computed on first view).

    Example: careerpath build --data ../shared/data --all
    """
    from careerpath.pipeline import build as run

    if all_guides and guide_list:
        raise click.UsageError("--all and --guides: give one (--all already includes every role)")
    report = run(config.data_dir(data) if not skip_ingest else None, config.db_path(db),
                 skip_ingest=skip_ingest, all_guides=all_guides,
                 guide_list=Path(guide_list) if guide_list else None)
    if as_json:
        emit_json(report)
        return
    if "ingest" in report:
        for row in report["ingest"]["sources"]:
            click.echo(f"{row['source']:<45} read {row['rows_read']:>8,}  loaded {row['rows_loaded']:>8,}  rejected {row['rows_rejected']:>6,}")
        click.echo(f"ingest: {report['ingest']['seconds']}s")
    for step in report["steps"]:
        click.echo(f"{step['step']}: {step['seconds']}s  {json.dumps(step['stats'], default=str)[:200]}")


@cli.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--rejects", is_flag=True, help="List rejected rows with their reasons.")
@click.option("--limit", default=50, show_default=True, help="Rejected rows to show with --rejects.")
def sources(db: str | None, as_json: bool, rejects: bool, limit: int) -> None:
    """Show where every table came from: publisher, version, licence, files, checksums, row counts.

    Example: careerpath sources --json
    """
    from careerpath import provenance

    con = _connect(db)
    if rejects:
        rows = provenance.rejects(con, limit=None if as_json else limit)
        if as_json:
            emit_json(rows)
        else:
            for r in rows:
                click.echo(f"{r['path']}:{r['line']}: {r['reason']}")
        return
    data = provenance.sources(con)
    if as_json:
        emit_json(data)
        return
    for s in data:
        click.echo(f"{s['id']}: {s['publisher']} — {s['title']} ({s['version']}); licence: {s['license']}; {s['url']}")
        for f in s["files"]:
            click.echo(f"    {f['path']}  read {f['rows_read']:,}  loaded {f['rows_loaded']:,}  rejected {f['rows_rejected']:,}  sha256 {f['sha256'][:12]}")
        if s.get("notes"):  # rows kept but changed by the loader (values nulled, text repaired)
            click.echo("    changed in loading: " + "; ".join(f"{k.replace('_', ' ')} {v:,}" for k, v in s["notes"].items()))


def _connect(db: str | None):
    from careerpath import store

    return store.connect(config.db_path(db))


def _register_commands() -> None:
    """Commands owned by other modules join the group here, so cli.py stays a table of contents."""
    from careerpath.commands import courses, guide, profile, resolve, skills, web
    from careerpath.fetch_cli import fetch_command

    cli.add_command(fetch_command, "fetch")
    cli.add_command(courses.courses_command, "courses")
    cli.add_command(resolve.resolve)
    cli.add_command(resolve.roles)
    cli.add_command(profile.profile)
    cli.add_command(profile.profiles)
    cli.add_command(web.serve)
    cli.add_command(web.build_site)
    for command in (*guide.COMMANDS, *skills.COMMANDS):
        cli.add_command(command)


_register_commands()


def main(argv: list[str] | None = None) -> None:
    """Entry point: user errors are one line and exit 2; our failures exit 1 with one line too."""
    try:
        rv = cli.main(args=argv, prog_name="careerpath", standalone_mode=False)
    except click.exceptions.Exit as e:
        sys.exit(e.exit_code)
    except click.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(1)
    except click.UsageError as e:  # one line, as for every other user error (click's own display takes four)
        hint = f" (try '{e.ctx.command_path} --help')" if e.ctx else ""
        click.echo(f"Error: {e.format_message()}{hint}", err=True)
        sys.exit(2)
    except click.ClickException as e:
        e.show()
        sys.exit(2 if isinstance(e, click.UsageError) or e.exit_code == 2 else e.exit_code)
    except CareerpathError as e:
        click.echo(f"Error: {e}", err=True)
        sys.exit(e.exit_code)
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(130)
    sys.exit(rv if isinstance(rv, int) else 0)


if __name__ == "__main__":
    main()
