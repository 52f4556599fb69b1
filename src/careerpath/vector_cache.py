"""A vector cache that outlives stores: a text MiniLM has encoded once is not encoded again.

Every `careerpath build` writes a new store, and the caches kept inside a store (course, role and skill vectors)
start empty after `ingest`. A publisher rebuilding from an unchanged or slightly changed data folder paid about
13 of the build's 18 minutes again in the model. This file keeps each vector under (model, truncation, text) in
SQLite, which several processes (the guide workers) can read and write at once.

Where: `$CAREERPATH_CACHE` (a file path; `off` turns the cache off, as the benchmarks do to time the model), else
`$XDG_CACHE_HOME/careerpath/vectors.sqlite`, else `~/.cache/careerpath/vectors.sqlite`. Deleting the file is safe.
A cache that cannot be opened or written (read-only home, full disk) is reported once and the run goes on without it.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from careerpath.embed import BATCH, DIM, Embedder
from careerpath.progress import log

CACHE_ENV = "CAREERPATH_CACHE"
_OFF = {"off", "0", "no", "false", "none"}
_CHUNK = 500  # keys per SELECT: below SQLite's parameter limit


def cache_path() -> Path | None:
    """The cache file, or None when `$CAREERPATH_CACHE` turns it off."""
    given = os.environ.get(CACHE_ENV, "").strip()
    if given.lower() in _OFF:
        return None
    if given:
        return Path(given).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "careerpath" / "vectors.sqlite"


def _key(model: str, max_tokens: int | None, text: str) -> bytes:
    return hashlib.blake2b(f"{model}\x00{max_tokens or 0}\x00{text}".encode("utf-8", "surrogatepass"),
                           digest_size=16).digest()


class CachedEmbedder:
    """An `Embedder` that asks the cache first and loads the model only when a text is missing from it."""

    def __init__(self, factory: Callable[[], Embedder], name: str, path: Path, *, version: str = "") -> None:
        self.name, self._factory, self._inner = name, factory, None
        self._model = f"{name}@{version}"  # the key's model part: a new model release does not reuse old vectors
        self.path = path
        self._con: sqlite3.Connection | None = None
        self._broken = False
        self._lock = threading.Lock()  # the site builds guides on first view in worker threads
        self.hits = self.misses = 0

    def _db(self) -> sqlite3.Connection | None:
        if self._con is None and not self._broken:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                con = sqlite3.connect(self.path, timeout=60, check_same_thread=False)
                con.execute("PRAGMA journal_mode=WAL")
                con.execute("CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, vec BLOB NOT NULL)")
                self._con = con
            except (OSError, sqlite3.Error) as e:
                self._give_up(e)
        return self._con

    def _give_up(self, error: Exception) -> None:
        log(f"vector cache {self.path}: {error}; going on without it")
        self._broken, self._con = True, None

    def _get(self, keys: list[bytes]) -> dict[bytes, np.ndarray]:
        con = self._db()
        found: dict[bytes, np.ndarray] = {}
        if con is None:
            return found
        try:
            for i in range(0, len(keys), _CHUNK):
                part = keys[i:i + _CHUNK]
                rows = con.execute(f"SELECT key, vec FROM vectors WHERE key IN ({','.join('?' * len(part))})", part)
                for k, v in rows:
                    if len(v) == DIM * 4:  # anything else is not ours: encode again
                        found[k] = np.frombuffer(v, dtype=np.float32)
        except sqlite3.Error as e:
            self._give_up(e)
        return found

    def _put(self, keys: list[bytes], vecs: np.ndarray) -> None:
        con = self._db()
        if con is None:
            return
        try:
            with con:
                con.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?)",
                                [(k, np.ascontiguousarray(v, dtype=np.float32).tobytes()) for k, v in zip(keys, vecs)])
        except sqlite3.Error as e:
            self._give_up(e)

    def encode(self, texts: Sequence[str], *, batch_size: int = BATCH, progress: bool = False,
               max_tokens: int | None = None) -> np.ndarray:
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        keys = [_key(self._model, max_tokens, t) for t in texts]
        with self._lock:
            found = self._get(list(dict.fromkeys(keys)))
        todo = {k: t for k, t in zip(keys, texts) if k not in found}
        self.hits, self.misses = self.hits + len(texts) - len(todo), self.misses + len(todo)
        if todo:
            if self._inner is None:
                self._inner = self._factory()
            vecs = np.asarray(self._inner.encode(list(todo.values()), batch_size=batch_size, progress=progress,
                                                 max_tokens=max_tokens), dtype=np.float32)
            found.update(zip(todo, vecs))
            with self._lock:
                self._put(list(todo), vecs)
        return np.stack([found[k] for k in keys]).astype(np.float32, copy=False)
