"""Where the data folder and the store live. Read when a command runs, never at import time."""

from __future__ import annotations

import os
from pathlib import Path

from careerpath.errors import InputError

DATA_ENV = "CAREERPATH_DATA"
DB_ENV = "CAREERPATH_DB"
DEFAULT_DB = "careerpath.duckdb"


def data_dir(given: str | os.PathLike | None = None) -> Path:
    """The data folder: `--data`, else `$CAREERPATH_DATA`, else `../shared/data` when it exists."""
    value = given or os.environ.get(DATA_ENV)
    if value:
        path = Path(value)
    else:
        path = Path("../shared/data")
        if not path.is_dir():
            raise InputError(f"no data folder: pass --data DIR or set {DATA_ENV}")
    if not path.is_dir():
        raise InputError(f"{path}: data folder does not exist")
    return path


def db_path(given: str | os.PathLike | None = None) -> Path:
    """The store file: `--db`, else `$CAREERPATH_DB`, else `careerpath.duckdb` in the current folder."""
    return Path(given or os.environ.get(DB_ENV) or DEFAULT_DB)
