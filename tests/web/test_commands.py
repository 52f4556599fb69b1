"""The click commands (registered by cli.py): build-site writes the site; serve needs a store."""

from __future__ import annotations

from click.testing import CliRunner

from careerpath.commands.web import build_site, serve


def test_build_site_command(store_path, tmp_path):
    r = CliRunner().invoke(build_site, [str(tmp_path / "out"), "--db", str(store_path)])
    assert r.exit_code == 0, r.output
    assert "roles 3" in r.output and (tmp_path / "out" / "index.html").is_file()


def test_serve_without_store_is_a_clear_error(tmp_path):
    r = CliRunner().invoke(serve, ["--db", str(tmp_path / "missing.duckdb")])
    assert r.exit_code != 0 and "no store here" in str(r.exception)
