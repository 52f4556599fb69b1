"""Progress for long steps: rich bars on a terminal, plain log lines elsewhere (CI, pipes)."""

from __future__ import annotations

import sys
import time
from contextlib import contextmanager
from typing import Iterable, Iterator, TypeVar

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

T = TypeVar("T")

_console = Console(stderr=True)


def is_tty() -> bool:
    return sys.stderr.isatty()


def log(message: str) -> None:
    """One line on stderr, so stdout stays clean for --json output."""
    _console.print(message, markup=False, highlight=False) if is_tty() else print(message, file=sys.stderr, flush=True)


def track(items: Iterable[T], description: str, total: int | None = None) -> Iterator[T]:
    """Iterate with a progress bar on a terminal, or with start/end log lines otherwise."""
    if total is None and hasattr(items, "__len__"):
        total = len(items)  # type: ignore[arg-type]
    if is_tty():
        with Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=_console, transient=False,
        ) as progress:
            task = progress.add_task(description, total=total)
            for item in items:
                yield item
                progress.advance(task)
    else:
        start = time.perf_counter()
        log(f"{description} ...")
        n = 0
        for item in items:
            n += 1
            yield item
        log(f"{description}: {n} done in {time.perf_counter() - start:.1f}s")


@contextmanager
def step(description: str) -> Iterator[None]:
    """A long step without a count: a spinner on a terminal, a timed log line otherwise."""
    start = time.perf_counter()
    if is_tty():
        with _console.status(description):
            yield
        log(f"{description}: {time.perf_counter() - start:.1f}s")
    else:
        log(f"{description} ...")
        yield
        log(f"{description}: {time.perf_counter() - start:.1f}s")
