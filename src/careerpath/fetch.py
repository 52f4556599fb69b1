"""`careerpath fetch`: download the official public releases and lay them out as a data folder.

Why: the curated data folder is a snapshot; this rebuilds it from the publishers so anyone can refresh
or audit it. Downloads land in `CACHE/downloads/` through a `.part` file that is resumed with HTTP Range
requests (and restarted when a server ignores Range), every finished file is recorded in
`CACHE/manifest.json` (URL, size, sha256, fetch time), and then converted into `CACHE/data/` so that
`careerpath ingest --data CACHE/data` reads it like the curated folder.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator, Sequence

import httpx

from careerpath import fetch_convert as convert
from careerpath.errors import InputError
from careerpath.progress import is_tty, log

CACHE_ENV = "CAREERPATH_CACHE"
CONTACT_ENV = "CAREERPATH_CONTACT"
DEFAULT_ONET_RELEASE = "29.0"
ONET_URL = "https://www.onetcenter.org/dl_files/database/db_{release}_text.zip"
#: BLS answers 403 to anonymous clients; it asks for a User-Agent that says who is calling.
USER_AGENT = "careerpath/0.1 (data-driven career guide; fetches public O*NET/BLS releases; contact: {contact})"
TIMEOUT = httpx.Timeout(60.0, connect=15.0)
RETRIES = 3  # extra tries after the first, on 5xx, timeouts and dropped connections
BACKOFF = 2.0  # seconds before the first retry; doubled each time


@dataclass(frozen=True)
class Source:
    """One official download: `id` is what `--only` takes; `convert` writes its data-folder files."""

    id: str
    title: str
    url: str
    convert: Callable[[Path, Path], list[str]] = field(repr=False, compare=False)

    @property
    def filename(self) -> str:
        return self.url.rsplit("/", 1)[-1]


#: Every source fetch knows, in one place. O*NET's release is swapped in by `select(onet_release=...)`.
SOURCES: tuple[Source, ...] = (
    Source("onet", "O*NET database, text release (USDOL/ETA, CC BY 4.0)",
           ONET_URL.format(release=DEFAULT_ONET_RELEASE.replace(".", "_")), convert.onet_zip),
    Source("oews-national-2025", "BLS OEWS May 2025, national",
           "https://www.bls.gov/oes/special-requests/oesm25nat.zip", convert.oews_national),
    Source("oews-national-2024", "BLS OEWS May 2024, national",
           "https://www.bls.gov/oes/special-requests/oesm24nat.zip", convert.oews_national),
    Source("oews-state-2025", "BLS OEWS May 2025, by state",
           "https://www.bls.gov/oes/special-requests/oesm25st.zip", convert.oews_state),
    Source("ep", "BLS Employment Projections 2024-34, occupation tables",
           "https://www.bls.gov/emp/ind-occ-matrix/occupation.xlsx", convert.ep_tables),
)


@dataclass
class Fetched:
    """What happened to one source: the cached download, and the data files made from it."""

    source: Source
    path: Path
    size: int
    sha256: str
    cached: bool  # True when an earlier complete download was reused
    outputs: list[str]


def cache_dir(given: str | os.PathLike | None = None) -> Path:
    """The cache folder: `--cache`, else `$CAREERPATH_CACHE`, else `./cache`."""
    return Path(given or os.environ.get(CACHE_ENV) or "cache")


def select(only: Sequence[str] = (), onet_release: str = DEFAULT_ONET_RELEASE) -> list[Source]:
    """The sources to fetch: all, or those named by id or id prefix (`oews` picks every OEWS file)."""
    if not re.fullmatch(r"\d+\.\d+", onet_release):
        raise InputError(f"--onet-release {onet_release!r}: expected a release number like 29.0")
    table = [dataclasses.replace(s, url=ONET_URL.format(release=onet_release.replace(".", "_")))
             if s.id == "onet" else s for s in SOURCES]
    if not only:
        return table
    picked = [s for s in table if any(s.id == n or s.id.startswith(n + "-") for n in only)]
    unknown = [n for n in only if not any(s.id == n or s.id.startswith(n + "-") for s in table)]
    if unknown:
        raise InputError(f"unknown source {unknown[0]!r}; choose from {', '.join(s.id for s in table)}")
    return picked


def make_client(transport: httpx.BaseTransport | None = None) -> httpx.Client:
    """An HTTP client with our User-Agent, timeouts and redirects; tests pass a mock transport."""
    contact = os.environ.get(CONTACT_ENV) or "set CAREERPATH_CONTACT to an e-mail address"
    return httpx.Client(
        headers={"User-Agent": USER_AGENT.format(contact=contact), "Accept-Encoding": "identity"},
        timeout=TIMEOUT, follow_redirects=True, transport=transport,
    )


def fetch(cache: Path, sources: Sequence[Source], *, force: bool = False, client: httpx.Client | None = None,
          sleep: Callable[[float], None] = time.sleep) -> list[Fetched]:
    """Download (or reuse) each source, record it in the manifest, and convert it into `cache/data`."""
    own = client is None
    client = client or make_client()
    try:
        results = []
        for src in sources:
            dest = cache / "downloads" / src.filename
            entry = load_manifest(cache).get("files", {}).get(src.filename)
            reuse = (not force and dest.is_file() and bool(entry) and entry["url"] == src.url
                     and entry["size"] == dest.stat().st_size)
            if reuse:
                log(f"{src.id}: using cached {dest}")
            else:
                download(client, src.url, dest, sleep=sleep)
                entry = _record(cache, src, dest)
            outputs = src.convert(dest, cache / "data")
            log(f"{src.id}: wrote {len(outputs)} file(s) under {cache / 'data'}")
            results.append(Fetched(src, dest, entry["size"], entry["sha256"], reuse, outputs))
        return results
    finally:
        if own:
            client.close()


def download(client: httpx.Client, url: str, dest: Path, *, retries: int = RETRIES,
             sleep: Callable[[float], None] = time.sleep) -> Path:
    """Fetch `url` into `dest` via `dest.part`, resuming what an earlier try left; retry transient failures."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    part = dest.with_name(dest.name + ".part")
    for attempt in range(retries + 1):
        try:
            _transfer(client, url, part)
        except _Transient as e:
            if attempt == retries:
                raise InputError(f"couldn't download {url}: {e} (gave up after {retries + 1} tries)") from None
            delay = BACKOFF * 2 ** attempt
            log(f"{url}: {e}; retrying in {delay:.0f}s")
            sleep(delay)
        else:
            part.replace(dest)
            return dest
    raise AssertionError("unreachable")


class _Transient(Exception):
    """A failure worth retrying: 5xx, a timeout, a dropped connection, a short body."""


def _transfer(client: httpx.Client, url: str, part: Path) -> None:
    """One HTTP request: append to `part` on 206, start over on 200 (the server ignored Range)."""
    offset = part.stat().st_size if part.exists() else 0
    headers = {"Range": f"bytes={offset}-"} if offset else {}
    try:
        with client.stream("GET", url, headers=headers) as resp:
            if resp.status_code == 416 and offset:  # our .part is stale or bigger than the file
                part.unlink()
                raise _Transient("server refused to resume (HTTP 416); starting over")
            _check_status(resp, url)
            resumed = resp.status_code == 206
            if resumed and _range_start(resp) != offset:
                part.unlink()
                raise _Transient("server resumed at the wrong offset; starting over")
            start = offset if resumed else 0
            length = resp.headers.get("Content-Length")
            total = start + int(length) if length and length.isdigit() else None
            with part.open("ab" if resumed else "wb") as fh, _progress(part.name[:-5], total, start) as advance:
                for chunk in resp.iter_bytes():  # no chunk size: keep every byte that arrived
                    fh.write(chunk)
                    advance(len(chunk))
    except httpx.TimeoutException:
        raise _Transient("timed out") from None
    except httpx.TransportError as e:
        raise _Transient(f"network error ({type(e).__name__}: {e})") from None
    size = part.stat().st_size
    if total is not None and size != total:
        raise _Transient(f"got {size:,} of {total:,} bytes")


def _check_status(resp: httpx.Response, url: str) -> None:
    """5xx is the server's hiccup (retry); any other non-2xx is final and named with the URL."""
    if resp.status_code >= 500:
        raise _Transient(f"HTTP {resp.status_code}")
    if resp.status_code >= 400 or resp.status_code not in (200, 206):
        raise InputError(f"couldn't download {url}: HTTP {resp.status_code} {resp.reason_phrase}".rstrip())


def _range_start(resp: httpx.Response) -> int | None:
    m = re.match(r"bytes (\d+)-", resp.headers.get("Content-Range", ""))
    return int(m.group(1)) if m else None


@contextmanager
def _progress(name: str, total: int | None, done: int) -> Iterator[Callable[[int], None]]:
    """A byte progress bar on a terminal; a start and an end log line elsewhere (CI, pipes)."""
    if is_tty():
        from rich.console import Console
        from rich.progress import (BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn,
                                   TransferSpeedColumn)

        columns = (TextColumn("{task.description}"), BarColumn(), DownloadColumn(), TransferSpeedColumn(),
                   TimeRemainingColumn())
        with Progress(*columns, console=Console(stderr=True)) as bar:
            task = bar.add_task(name, total=total, completed=done)
            yield lambda n: bar.advance(task, n)
        return
    begin, got = time.perf_counter(), [0]
    log(f"downloading {name}" + (f" (resuming at {done:,} bytes)" if done else "")
        + (f", {total:,} bytes" if total else ""))
    yield lambda n: got.__setitem__(0, got[0] + n)
    log(f"downloaded {name}: {got[0]:,} bytes in {time.perf_counter() - begin:.1f}s")


def load_manifest(cache: Path) -> dict:
    """The manifest, or an empty one; a damaged manifest is a user-fixable error, not a crash."""
    path = cache / "manifest.json"
    if not path.exists():
        return {"files": {}}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise InputError(f"{path}: not valid JSON ({e}); delete it to re-fetch everything") from None


def _record(cache: Path, src: Source, path: Path) -> dict:
    """Add a finished download to the manifest (written atomically) and return its entry."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    entry = {
        "source": src.id, "title": src.title, "url": src.url, "file": f"downloads/{path.name}",
        "size": path.stat().st_size, "sha256": digest.hexdigest(),
        "fetched_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }
    manifest = load_manifest(cache)
    manifest.setdefault("files", {})[path.name] = entry
    tmp = cache / "manifest.json.tmp"
    tmp.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    tmp.replace(cache / "manifest.json")
    return entry
