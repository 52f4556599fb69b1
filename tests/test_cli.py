"""The CLI's outside contract: exit codes, one-line errors, `sources --json` shape."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from careerpath import store
from careerpath.cli import cli
from careerpath.sources._base import FileStats, Loaded, Reject, SourceInfo


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "careerpath.cli", *args], capture_output=True, text=True)


@pytest.fixture
def tiny_db(tmp_path: Path) -> Path:
    db = tmp_path / "t.duckdb"
    src = SourceInfo("demo-1", "Demo Publisher", "Demo data", "1.0", "CC BY 4.0", "https://example.org", "2025-05")
    res = Loaded(src, {"demo": pd.DataFrame({"a": [1, 2]})},
                 [FileStats("demo/a.csv", "ab" * 32, rows_read=3, rows_loaded=2, rows_rejected=1)],
                 [Reject("demo/a.csv", 3, "a: expected a number, got 'x'", "x")])
    with store.building(db) as con:
        store.write_loaded(con, [res])
    return db


def test_sources_json_matches_contract(tiny_db: Path) -> None:
    out = CliRunner().invoke(cli, ["sources", "--json", "--db", str(tiny_db)])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert data[0]["id"] == "demo-1"
    assert set(data[0]) >= {"id", "publisher", "title", "version", "license", "url", "files"}
    assert data[0]["files"] == [{"path": "demo/a.csv", "sha256": "ab" * 32, "rows_read": 3, "rows_loaded": 2, "rows_rejected": 1}]


def test_sources_report_rows_the_loader_changed(tiny_db: Path) -> None:
    """Rows kept but changed in loading (values nulled, text repaired) are listed beside the files, JSON and text."""
    con = store.connect(tiny_db, read_only=False)
    store.set_meta(con, "demo_notes", {"demo-1": {"salary_implausible_nulled": 3, "description_line_breaks_restored": 12},
                                       "other-9": {"x": 1}})
    con.close()
    data = json.loads(CliRunner().invoke(cli, ["sources", "--json", "--db", str(tiny_db)]).output)
    assert data[0]["notes"] == {"salary_implausible_nulled": 3, "description_line_breaks_restored": 12}
    out = CliRunner().invoke(cli, ["sources", "--db", str(tiny_db)]).output
    assert "changed in loading: salary implausible nulled 3; description line breaks restored 12" in out


def test_sources_without_loader_notes_say_nothing_more(tiny_db: Path) -> None:
    data = json.loads(CliRunner().invoke(cli, ["sources", "--json", "--db", str(tiny_db)]).output)
    assert data[0]["notes"] == {}
    assert "changed in loading" not in CliRunner().invoke(cli, ["sources", "--db", str(tiny_db)]).output


def test_sources_rejects_lists_reasons(tiny_db: Path) -> None:
    out = CliRunner().invoke(cli, ["sources", "--rejects", "--db", str(tiny_db)])
    assert out.exit_code == 0
    assert "demo/a.csv:3: a: expected a number" in out.output


def test_missing_data_folder_is_one_line_exit_2(tmp_path: Path) -> None:
    r = _run("ingest", "--data", str(tmp_path / "nope"), "--db", str(tmp_path / "x.duckdb"))
    assert r.returncode == 2
    assert r.stderr.strip().count("\n") == 0 and "data folder does not exist" in r.stderr
    assert "Traceback" not in r.stderr


def test_bad_worker_count_fails_before_building(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAREERPATH_WORKERS", "two")
    r = _run("build", "--all", "--data", str(tmp_path), "--db", str(tmp_path / "x.duckdb"))
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert r.stderr.strip().count("\n") == 0 and "CAREERPATH_WORKERS" in r.stderr
    assert not (tmp_path / "x.duckdb").exists()


@pytest.mark.parametrize("content, expected", [(None, "no such file"), (b"# only a comment\n\n", "no roles in it"),
                                               (b"\xff\xfe nurse", "not UTF-8 text")])
def test_bad_guide_list_fails_before_building(tmp_path: Path, content: bytes | None, expected: str) -> None:
    roles = tmp_path / "roles.txt"
    if content is not None:
        roles.write_bytes(content)
    r = _run("build", "--guides", str(roles), "--data", str(tmp_path), "--db", str(tmp_path / "x.duckdb"))
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert r.stderr.strip().count("\n") == 0 and str(roles) in r.stderr and expected in r.stderr, r.stderr
    assert not (tmp_path / "x.duckdb").exists()


def test_all_and_a_guide_list_are_one_or_the_other(tmp_path: Path) -> None:
    (tmp_path / "roles.txt").write_text("nurse\n")
    r = _run("build", "--all", "--guides", str(tmp_path / "roles.txt"), "--data", str(tmp_path))
    assert r.returncode == 2 and r.stderr.strip().count("\n") == 0 and "--all and --guides" in r.stderr


def test_missing_store_is_one_line_exit_2(tmp_path: Path) -> None:
    r = _run("sources", "--db", str(tmp_path / "absent.duckdb"))
    assert r.returncode == 2 and "no store here" in r.stderr and "Traceback" not in r.stderr


def test_usage_error_exit_2() -> None:
    r = _run("sources", "--no-such-flag")
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "--no-such-flag" in lines[0] and "careerpath sources --help" in lines[0], r.stderr


def test_every_command_has_help_with_an_example() -> None:
    """Like sqlite-utils' test_docs: a command without help or an example is a defect."""
    import click

    def walk(group: click.Group, prefix: str = ""):
        for name, cmd in group.commands.items():
            yield prefix + name, cmd
            if isinstance(cmd, click.Group):
                yield from walk(cmd, prefix + name + " ")

    missing = [name for name, cmd in walk(cli) if not cmd.help or "Example" not in cmd.help]
    assert not missing, missing


@pytest.mark.slow
def test_model_commands_keep_stderr_clean(full_store: Path) -> None:
    """Scripts read stderr as the error channel: loading MiniLM must not print library progress bars there."""
    r = _run("resolve", "wizard of spreadsheets and ledgers", "--json", "--db", str(full_store))  # no alias: needs the model
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["matches"]
    assert r.stderr.strip() == ""
