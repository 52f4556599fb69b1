"""Throughput and latency of a guide page, live app vs a static file server serving the same bytes.

    .venv/bin/python bench/bench_web.py [--db STORE] [--role SLUG] [--seconds 10] [--connections 32]

Both servers run in their own process on loopback. The load generator is `wrk` when installed
(`apt-get install wrk`), else a bounded asyncio + httpx generator. With no `--db`, or a store with
no `guides` table yet, the test fixture store (tests/web/fixtures.py) is used. Goal: the app does at
least half the static server's requests/s, with p99 at or under 20 ms.
"""

from __future__ import annotations

import os

os.environ.setdefault("CAREERPATH_CACHE", "off")  # time the model, not the vector cache (careerpath.vector_cache)

import argparse
import asyncio
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import httpx

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_up(url: str, timeout: float = 30) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"server at {url} did not come up")


def pick_store(db: str | None, tmp: Path) -> tuple[Path, str]:
    if db:
        con = duckdb.connect(db, read_only=True)
        has = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'guides'").fetchone()[0]
        con.close()
        if has:
            return Path(db), "given store"
        print(f"{db} has no guides table yet; using the fixture store")
    sys.path.insert(0, str(ROOT))
    from tests.web.fixtures import build_store

    return build_store(tmp / "bench.duckdb"), "fixture store (3 roles)"


def run_wrk(url: str, seconds: int, connections: int) -> dict:
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url],
                         capture_output=True, text=True, check=True).stdout

    def ms(label: str) -> float:
        m = re.search(rf"^\s*{label}\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        v, unit = float(m.group(1)), m.group(2)
        return v / 1000 if unit == "us" else v * 1000 if unit == "s" else v

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": rps, "p50": ms("50%"), "p99": ms("99%"), "errors": int(errors.group(1)) if errors else 0,
            "tool": "wrk -t2"}


def run_httpx(url: str, seconds: int, connections: int) -> dict:
    async def main() -> dict:
        lat: list[float] = []
        errors = 0
        stop = time.perf_counter() + seconds
        limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
        async with httpx.AsyncClient(limits=limits, timeout=10) as client:
            async def worker() -> None:
                nonlocal errors
                while time.perf_counter() < stop:
                    t = time.perf_counter()
                    r = await client.get(url)
                    lat.append(time.perf_counter() - t)
                    errors += r.status_code != 200
            start = time.perf_counter()
            await asyncio.gather(*(worker() for _ in range(connections)))
            wall = time.perf_counter() - start
        q = statistics.quantiles(lat, n=100)
        return {"rps": len(lat) / wall, "p50": q[49] * 1000, "p99": q[98] * 1000, "errors": errors,
                "tool": "asyncio+httpx"}
    return asyncio.run(main())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db")
    ap.add_argument("--role", default="machine-learning-engineer")
    ap.add_argument("--seconds", type=int, default=10)
    ap.add_argument("--connections", type=int, default=32)
    ap.add_argument("--append", action="store_true", help="append the result to bench/README.md")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-web-"))
    db, what = pick_store(args.db, tmp)
    load = run_wrk if shutil.which("wrk") else run_httpx
    app_port, static_port = free_port(), free_port()
    code = ("import uvicorn, sys; from careerpath.web.app import create_app, WebSettings; "
            f"uvicorn.run(create_app({str(db)!r}, WebSettings(semantic_resolve=False)), host='127.0.0.1', "
            f"port={app_port}, log_level='warning', access_log=False)")
    app_proc = subprocess.Popen([sys.executable, "-c", code])
    static_proc = None
    try:
        page_url = f"http://127.0.0.1:{app_port}/roles/{args.role}"
        wait_up(page_url)
        body = httpx.get(page_url).content
        (tmp / "site").mkdir()
        (tmp / "site" / "guide.html").write_bytes(body)
        static_proc = subprocess.Popen([sys.executable, "-m", "http.server", str(static_port), "--bind", "127.0.0.1",
                                        "--directory", str(tmp / "site")], stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL)
        static_url = f"http://127.0.0.1:{static_port}/guide.html"
        wait_up(static_url)
        app = load(page_url, args.seconds, args.connections)
        static = load(static_url, args.seconds, args.connections)
    finally:
        app_proc.terminate()
        if static_proc:
            static_proc.terminate()
    ratio = app["rps"] / static["rps"] if static["rps"] else float("nan")
    ok = ratio >= 0.5 and app["p99"] <= 20
    rows = [("careerpath app (uvicorn, 1 worker)", app), ("python -m http.server (same page)", static)]
    print(f"store: {what}; page {len(body):,} bytes; {args.connections} connections, {args.seconds}s each, {app['tool']}")
    for name, r in rows:
        print(f"{name:38s} {r['rps']:9.0f} req/s  p50 {r['p50']:6.2f} ms  p99 {r['p99']:6.2f} ms  errors {r['errors']}")
    print(f"app/static throughput {ratio:.2f} (goal >= 0.5); app p99 {app['p99']:.1f} ms (goal <= 20): "
          f"{'met' if ok else 'NOT met'}")
    if args.append:
        lines = ["", f"### {time.strftime('%Y-%m-%d')}: {what}, page {len(body):,} bytes, {args.connections} connections, "
                 f"{args.seconds} s, {app['tool']}", "", "| server | req/s | p50 | p99 | errors |", "|---|---|---|---|---|"]
        lines += [f"| {n} | {r['rps']:,.0f} | {r['p50']:.2f} ms | {r['p99']:.2f} ms | {r['errors']} |" for n, r in rows]
        lines += ["", f"App/static throughput {ratio:.2f} (goal ≥ 0.5); app p99 {app['p99']:.1f} ms (goal ≤ 20 ms): "
                  f"{'met' if ok else 'not met'}.", ""]
        with open(ROOT / "bench" / "README.md", "a", encoding="utf-8") as fh:
            fh.write("\n".join(lines))


if __name__ == "__main__":
    main()
