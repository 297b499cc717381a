"""A progress bar for long work on a terminal (the compile of a large store)."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from typing import Any


class StageBar:
    """What long work shows while it runs: a Rich progress bar on stderr, only on a terminal and
    when the work is long (elsewhere every method does nothing). One line: each stage replaces
    the last, and the bar is gone when the work ends."""

    def __init__(self, title: str = "", progress: Any = None) -> None:
        self.title, self.progress, self.task = title, progress, None

    @classmethod
    @contextlib.contextmanager
    def shown(cls, long: bool, title: str) -> Iterator[StageBar]:
        if not long or not sys.stderr.isatty():
            yield cls()
            return
        from rich.progress import Progress

        from .emit import progress_console

        with Progress(console=progress_console(), transient=True) as progress:
            yield cls(title, progress)

    def stage(self, what: str, total: int | None = None) -> None:
        if self.progress is not None:
            if self.task is not None:
                self.progress.remove_task(self.task)
            self.task = self.progress.add_task(f"{self.title}: {what}", total=total)
            self.progress.refresh()  # shown now, however soon the stage ends

    def track(self, rows: Iterator[Any], total: int, what: str) -> Iterator[Any]:
        self.stage(what, total)
        if self.progress is None:
            yield from rows
            return
        for i, row in enumerate(rows, 1):
            yield row
            if i % 1000 == 0 or i == total:
                self.progress.update(self.task, completed=i)
