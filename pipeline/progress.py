"""Progress of a batch run: a bar with rate and ETA on a terminal, plain log lines otherwise."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

LOG_EVERY_SECONDS = 10.0


@contextmanager
def progress_reporter() -> Iterator[Callable[[int, int, int], None]]:
    """A callback progress(done, total, words) that draws on stderr; used by the CLI only."""
    if sys.stderr.isatty():
        yield from _bar()
    else:
        yield from _log_lines()


def _bar() -> Iterator[Callable[[int, int, int], None]]:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    columns = (
        TextColumn("releases"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
    )
    started = time.perf_counter()
    words_done = 0
    with Progress(*columns, transient=True) as bar:
        task = bar.add_task("run", total=None, rate="")

        def update(done: int, total: int, words: int) -> None:
            nonlocal words_done
            words_done += words
            rate = words_done / max(time.perf_counter() - started, 1e-9)
            bar.update(task, completed=done, total=total, rate=f"{rate:,.0f} words/s")

        yield update


def _log_lines() -> Iterator[Callable[[int, int, int], None]]:
    started = last = time.perf_counter()
    words_done = 0

    def update(done: int, total: int, words: int) -> None:
        nonlocal last, words_done
        words_done += words
        now = time.perf_counter()
        if now - last >= LOG_EVERY_SECONDS or done == total:
            last = now
            elapsed = now - started
            eta = elapsed / done * (total - done) if done else 0.0
            print(
                f"[pressfacts] {done}/{total} releases, {words_done / elapsed:,.0f} words/s, "
                f"ETA {eta:.0f} s",
                file=sys.stderr,
                flush=True,
            )

    yield update
