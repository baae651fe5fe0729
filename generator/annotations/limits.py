"""Sizes past which a value would cost more than linear time, or pages larger than linear size.

Each limit is checked in one pass in C before the value is used, and refused with an error
that names the limit and what to do instead. Files have their own limits (`seeds.py`: 1 MiB
per annotation file, 5 MiB per text) and YAML its nesting limit (`yaml_strict.MAX_DEPTH`).
The figures behind each one are in SECURITY.md ("Time").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

# Python-Markdown's link handling scans the rest of a paragraph for every `[` it meets after
# a link, so a value's time grows with (brackets x length): 5,000 links took 70 s. Within these
# two limits the worst value costs about half a second (benchmarks/adversarial.py).
MAX_LIGHT_MARKDOWN_CHARS = 20_000
MAX_LIGHT_MARKDOWN_BRACKETS = 100
# A plain field (a quote, a title, a role) is written on a few pages; a name is written again
# on every mention of its person or source, so the page grows with (mentions x name length).
MAX_TEXT_CHARS = 5_000
MAX_NAME_CHARS = 300
# Unicode's stream-safe text format (UAX #15) allows 30 combining marks in a row. CPython puts
# a run of them in canonical order by insertion sort, quadratic in its length: 10,000 marks
# took 0.7 s, 40,000 took 13 s to normalise.
MAX_COMBINING_MARKS = 30
# Places a quote may occur, each with a Python object: `occurrence` picks one of them. A quote of
# one letter in a 5 MiB text of that letter occurred 5 million times (a minute, and 500 MB).
MAX_QUOTE_OCCURRENCES = 1_000


def light_markdown_over_limit(text: str) -> str | None:
    """Why a light-Markdown value is too large to check and render in bounded time, or None."""
    if len(text) > MAX_LIGHT_MARKDOWN_CHARS:
        return (
            f"light Markdown may hold at most {MAX_LIGHT_MARKDOWN_CHARS:,} characters, but this value has {len(text):,}; "
            "shorten it, or put the rest in evidence notes"
        )
    brackets = text.count("[")
    if brackets > MAX_LIGHT_MARKDOWN_BRACKETS:
        return (
            f"light Markdown may hold at most {MAX_LIGHT_MARKDOWN_BRACKETS} '[' (links and bracketed words), "
            f"but this value has {brackets:,}; cite the pages as evidence entries instead of links"
        )
    return None


def text_over_limit(text: str, limit: int = MAX_TEXT_CHARS) -> str | None:
    if len(text) > limit:
        return f"a value here may hold at most {limit:,} characters, but this one has {len(text):,}; shorten it"
    return None


def long_mark_runs(text: str) -> Iterator[tuple[int, int]]:
    """Each run of more than MAX_COMBINING_MARKS combining marks: its start and its length."""
    marks = _marks_in(text)
    if not marks:
        return
    # Only the marks this text holds can make a run: one search in C, whatever the text.
    pattern = re.compile("[" + re.escape("".join(sorted(marks))) + f"]{{{MAX_COMBINING_MARKS + 1},}}")
    for run in pattern.finditer(text):
        yield run.start(), run.end() - run.start()


def _marks_in(text: str) -> set[str]:
    # A text without any character outside Latin-1 has no combining mark (all start at U+0300).
    if text.isascii() or max(text) < "\u0300":
        return set()
    return {c for c in set(text) if unicodedata.combining(c)}


def mark_run_message(length: int, *, escaped: bool = False) -> str:
    written = " (written as escapes)" if escaped else ""
    return f"{length:,} combining marks in a row{written}; the limit is {MAX_COMBINING_MARKS} (Unicode's stream-safe text format)"


MARK_RUN_HINT = "a letter carries a few marks at most; remove the extra ones"
