"""Characters no annotation or source text may carry."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

# Bidirectional overrides and isolates can make a text display differently from what
# it says ("Trojan Source"); the marks LRM/RLM/ALM are harmless and allowed.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def forbidden_characters(text: str, allow: str = "") -> Iterator[tuple[int, str]]:
    """Each control (other than line breaks and `allow`) or bidi override, with its index."""
    for index, char in enumerate(text):
        if char == "\n" or char in allow:
            continue
        if char in BIDI_CONTROLS or unicodedata.category(char) == "Cc":
            yield index, char
