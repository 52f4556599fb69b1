"""`careerpath serve` and `careerpath build-site`: parse options, call careerpath.web, print."""

from __future__ import annotations

import threading

import click

from careerpath import config

db_option = click.option("--db", "db", default=None, help="The store file (default $CAREERPATH_DB or ./careerpath.duckdb).")


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port (0: any free port).")
@db_option
def serve(host: str, port: int, db: str | None) -> None:
    """Serve the web site and JSON API (read-only over the store) and print its URL.

    Example: careerpath serve --port 8000   # then open http://127.0.0.1:8000/
    """
    import socket

    import uvicorn

    from careerpath import store
    from careerpath.web.app import create_app

    path = config.db_path(db)
    store.connect(path).close()  # a missing store is the user's to fix: one clear line, exit 2
    app = create_app(path)
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as e:
        raise click.UsageError(f"cannot listen on {host}:{port}: {e.strerror}") from None
    bound = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"careerpath is serving {path} at http://{shown}:{bound}/  (Ctrl+C to stop)")
    threading.Thread(target=_warm, args=(app,), name="careerpath-warm", daemon=True).start()
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False))
    server.run(sockets=[sock])


def _warm(app) -> None:
    try:
        app.state.data.warm()
    except Exception as e:  # the first guide built on demand loads it again and reports what is wrong
        click.echo(f"warning: the start-up warm-up (one guide built and dropped) failed: {e}", err=True)


@click.command("build-site")
@click.argument("outdir", type=click.Path(file_okay=False))
@db_option
def build_site(outdir: str, db: str | None) -> None:
    """Write a static copy of the site (every role, topic and listed course) into OUTDIR.

    Example: careerpath build-site site/ && python -m http.server -d site
    """
    from careerpath.web.export import build_site as run

    report = run(config.db_path(db), outdir)
    pages = ", ".join(f"{k} {v:,}" for k, v in sorted(report["pages"].items()))
    click.echo(f"wrote {report['outdir']} in {report['seconds']}s: {pages}")
    click.echo(f"open {report['outdir']}/index.html")
