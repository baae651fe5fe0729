"""Characters no annotation or source text may carry."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

# Bidirectional overrides and isolates can make a text display differently from what
# it says ("Trojan Source"); the marks LRM/RLM/ALM are harmless and allowed.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


# Unicode's control characters (category Cc) are exactly U+0000-U+001F and U+007F-U+009F;
# one regex finds them and the bidi controls without a Python step per character.
# Surrogates (category Cs) cannot be in a UTF-8 file, but a YAML escape ("\ud800") makes
# one, and no page holding it can be written.
_CONTROLS_AND_SURROGATES = (*range(0x00, 0x20), *range(0x7F, 0xA0), *range(0xD800, 0xE000))
_SUSPECT_CHARS = "".join(map(chr, _CONTROLS_AND_SURROGATES)) + "".join(sorted(BIDI_CONTROLS))
_SUSPECT = re.compile("[" + re.escape(_SUSPECT_CHARS) + "]")


def forbidden_characters(text: str, allow: str = "") -> Iterator[tuple[int, str]]:
    """Each control (other than line breaks and `allow`), surrogate or bidi override, with its index."""
    for match in _SUSPECT.finditer(text):
        char = match.group()
        if char == "\n" or char in allow:
            continue
        yield match.start(), char


@cache
def forbidden_pattern(allow: str = "") -> re.Pattern[str]:
    """A pattern that finds something exactly when `forbidden_characters(·, allow)` would.

    One search of a whole file, where most files have nothing to find.
    """
    kept = "".join(c for c in _SUSPECT_CHARS if c != "\n" and c not in allow)
    return re.compile("[" + re.escape(kept) + "]")
