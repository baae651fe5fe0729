"""A one-line progress display for long runs: the phase and a count, on a terminal only.

The stages take a `Progress` and call `phase()` and `advance()`; the default, `QUIET`,
does nothing, so library callers and the MkDocs plugin never print. The CLI shows it
when stderr is a terminal and `-q` was not given: piped or captured output (CI, editors)
stays free of carriage returns.
"""

from __future__ import annotations

import time
from typing import TextIO

REFRESH_SECONDS = 0.1  # redraw at most this often; the first and last count always show


class Progress:
    """Draws `phase: done/total` over itself on one line of `stream`; silent when `stream` is None."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream
        self.name = ""
        self.total: int | None = None
        self.done = 0
        self.drawn_at = 0.0
        self.shown = False

    def phase(self, name: str, total: int | None = None) -> None:
        self.name, self.total, self.done = name, total, 0
        self.draw(force=True)

    def advance(self, count: int = 1) -> None:
        self.done += count
        self.draw(force=self.done == self.total)

    def draw(self, *, force: bool = False) -> None:
        if self.stream is None:
            return
        now = time.monotonic()
        if not force and now - self.drawn_at < REFRESH_SECONDS:
            return
        self.drawn_at = now
        count = f" {self.done:,}/{self.total:,}" if self.total is not None else ""
        self.stream.write(f"\r{self.name}{count}\x1b[K")  # \x1b[K: erase what a longer line left
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        """Clear the line, so that what is printed next starts clean."""
        if self.stream is not None and self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False


QUIET = Progress(None)
