"""The generator's bulk work, kept cheap for the Python process it runs in.

Checking and rendering a large corpus allocates millions of small objects that all stay
alive until the pages are handed over. Each time the cycle collector's thresholds are
reached it walks every live object again, and the walks grow with the corpus: at 1,000
articles they took about 1.5 s of an 8 s run, and found nothing to free. Reference
counting still frees everything as usual; only the search for unreachable cycles waits
until the work is done.

Memo tables that help only within one run (`per_run_cache`) are emptied when it ends, so
they hold no memory while MkDocs renders the pages, and do not grow across the rebuilds of
a `mkdocs serve` session.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

_RUN_CACHES: list[Callable[[], None]] = []


def per_run_cache(maxsize: int | None = None) -> Callable[[F], F]:
    """`functools.lru_cache`, emptied at the end of every `bulk_work` block."""

    def decorate(function: F) -> F:
        cached = lru_cache(maxsize=maxsize)(function)
        _RUN_CACHES.append(cached.cache_clear)
        return cached  # type: ignore[return-value]

    return decorate


def forget_run_caches() -> None:
    for clear in _RUN_CACHES:
        clear()


@contextmanager
def bulk_work() -> Iterator[None]:
    """Run the block with the cycle collector paused; then empty the per-run caches."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        forget_run_caches()
        if was_enabled:
            gc.enable()
