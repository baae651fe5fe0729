"""Characters no annotation or source text may carry."""

from __future__ import annotations

import re
from collections.abc import Iterator

# Bidirectional overrides and isolates can make a text display differently from what
# it says ("Trojan Source"); the marks LRM/RLM/ALM are harmless and allowed.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


# Unicode's control characters (category Cc) are exactly U+0000-U+001F and U+007F-U+009F;
# one regex finds them and the bidi controls without a Python step per character.
_SUSPECT = re.compile("[\x00-\x1f\x7f-\x9f" + "".join(sorted(BIDI_CONTROLS)) + "]")


def forbidden_characters(text: str, allow: str = "") -> Iterator[tuple[int, str]]:
    """Each control (other than line breaks and `allow`) or bidi override, with its index."""
    for match in _SUSPECT.finditer(text):
        char = match.group()
        if char == "\n" or char in allow:
            continue
        yield match.start(), char
