"""Shared fixtures. The full store is built once per test session, by the real CLI, from ../shared/data."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


def run_cli(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    """Run the installed `careerpath` command as a user would (a fresh process, real exit codes)."""
    proc = subprocess.run([sys.executable, "-m", "careerpath.cli", *args], capture_output=True, text=True)
    if check and proc.returncode != 0:
        raise AssertionError(f"careerpath {' '.join(args)} exited {proc.returncode}: {proc.stderr[-2000:]}")
    return proc


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not beside the repository")
    return SHARED_DATA


GUIDE_SAMPLE = 6  # the session store precomputes every sixth O*NET occupation's guide (and tests/data's list)


def guide_roles(shared_data: Path) -> list[str]:
    """The roles whose guides the session store precomputes: every GUIDE_SAMPLE-th O*NET occupation title and the
    emerging roles a publisher would list (tests/data/publisher_roles.txt).

    All 1,321 guides took 12 minutes on two cores, 40% of CI's budget; the tests that walk every stored guide walk
    these 195 instead (every third occupation, 364 guides, took 3 of CI's 27 minutes), and
    `bench/bench_guide.py --all` builds every role's guide and counts failures."""
    import csv

    with open(shared_data / "onet" / "Occupation Data.txt", encoding="utf-8", newline="") as f:
        titles = [row["Title"] for row in csv.DictReader(f, delimiter="\t")]
    listed = (REPO / "tests" / "data" / "publisher_roles.txt").read_text(encoding="utf-8").splitlines()
    return titles[::GUIDE_SAMPLE] + [t for t in listed if t.strip() and not t.startswith("#")]


@pytest.fixture(scope="session")
def full_store(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built by `careerpath build --guides FILE` on the whole of ../shared/data: every step, and the
    guides of `guide_roles` (other roles' guides are built when a test asks for them, as pages do).

    Set CAREERPATH_TEST_DB to reuse a store you built yourself (it is never modified by tests).
    """
    given = os.environ.get("CAREERPATH_TEST_DB")
    if given:
        return Path(given)
    db = tmp_path_factory.mktemp("store") / "full.duckdb"
    roles = db.parent / "roles.txt"
    roles.write_text("\n".join(guide_roles(shared_data)) + "\n", encoding="utf-8")
    proc = run_cli("build", "--guides", str(roles), "--data", str(shared_data), "--db", str(db))
    (db.parent / "build.log").write_text(proc.stderr)  # per-step timings, kept with pytest's temporary folders
    return db


@pytest.fixture(scope="session")
def listed_roles(shared_data: Path) -> list[str]:
    """`guide_roles`: what the session store was asked to precompute guides for."""
    return guide_roles(shared_data)


@pytest.fixture(scope="session")
def full_con(full_store: Path):
    """One read-only connection to `full_store` for the tests that only read it."""
    import duckdb

    c = duckdb.connect(str(full_store), read_only=True)
    yield c
    c.close()
