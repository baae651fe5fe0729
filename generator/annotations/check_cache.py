"""What a check can reuse from the check before it, keyed by content.

A long-lived caller (`mkdocs serve`, through the engines' `BuildCache`) keeps one: an edit
to one annotation file then re-parses and re-validates that file only; the others' entries,
and the indexed source texts, are the objects of the previous check. Keys hold the full
content, so a hit is never stale. What a check did not ask for is dropped when the next
one starts, so the cache holds at most two checks' worth of data.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from .diagnostics import Diagnostic
from .text_spans import SourceText
from .validate import Located

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Memo(Generic[K, V]):
    """Values of the previous build, handed out again when their key comes back."""

    def __init__(self) -> None:
        self.previous: dict[K, V] = {}
        self.current: dict[K, V] = {}
        self.hits = 0

    def get(self, key: K, make: Callable[[], V]) -> V:
        if key in self.current:
            return self.current[key]
        if key in self.previous:
            value = self.previous[key]
            self.hits += 1
        else:
            value = make()
        self.current[key] = value
        return value

    def next_build(self) -> None:
        self.previous, self.current, self.hits = self.current, {}, 0


@dataclass(frozen=True)
class Parsed:
    """One annotation file, parsed and validated: its entries, or why they cannot be used."""

    problems: tuple[Diagnostic, ...]
    entries: tuple[Located, ...]
    claimed: frozenset[tuple[str, str]]  # ids of entries that failed validation


@dataclass
class CheckCache:
    # (path, label, text) -> the file parsed and validated.
    parsed: Memo[tuple[str, str, str], Parsed] = field(default_factory=Memo)
    # text -> the source text with its normalised index (built once, then reused).
    texts: Memo[str, SourceText] = field(default_factory=Memo)

    def source_text(self, text: str) -> SourceText:
        return self.texts.get(text, lambda: SourceText(text))

    def next_build(self) -> None:
        self.parsed.next_build()
        self.texts.next_build()
