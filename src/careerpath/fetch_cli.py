"""The `careerpath fetch` command, kept apart from cli.py so it can be registered with one line:
`cli.add_command(fetch_command, "fetch")`. It parses, calls `careerpath.fetch`, prints."""

from __future__ import annotations

import click

from careerpath.fetch import DEFAULT_ONET_RELEASE, SOURCES


@click.command("fetch")
@click.option("--cache", "cache", default=None,
              help="The download cache (default $CAREERPATH_CACHE or ./cache); the data folder is CACHE/data.")
@click.option("--only", "only", multiple=True, metavar="SOURCE",
              help=f"Fetch only this source (repeatable; an id or prefix): {', '.join(s.id for s in SOURCES)}.")
@click.option("--onet-release", default=DEFAULT_ONET_RELEASE, show_default=True, help="O*NET database release.")
@click.option("--force", is_flag=True, help="Download again even when the cache holds a complete copy.")
def fetch_command(cache: str | None, only: tuple[str, ...], onet_release: str, force: bool) -> None:
    """Download the official O*NET and BLS releases and convert them into a data folder for ingest.

    Interrupted downloads resume; each file's URL, size, sha256 and fetch time go to CACHE/manifest.json.

    Example: careerpath fetch --only onet --only ep && careerpath ingest --data cache/data
    """
    from careerpath.fetch import cache_dir, fetch, select

    folder = cache_dir(cache)
    results = fetch(folder, select(only, onet_release), force=force)
    for r in results:
        state = "cached" if r.cached else "downloaded"
        click.echo(f"{r.source.id}: {state} {r.path.name} ({r.size:,} bytes, sha256 {r.sha256[:12]}) "
                   f"-> {', '.join(r.outputs[:3])}{' …' if len(r.outputs) > 3 else ''}")
    click.echo(f"Data folder ready: careerpath ingest --data {folder / 'data'}")
