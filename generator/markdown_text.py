"""Writing untrusted text into Markdown so that it shows literally."""

from __future__ import annotations

import re

# Python-Markdown's backslash escapes; each turns into the plain character.
_BACKSLASH = frozenset("\\`*_{}[]()#+-.!")
# Characters that mean something to HTML or to the extensions we enable (tables,
# setext headings, attr_list), written as character references instead.
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "&#124;", "=": "&#61;", '"': "&quot;"}


def escape(text: str) -> str:
    """Inline Markdown that renders exactly as `text` (white space folded to single spaces)."""
    return _escape_chars(" ".join(text.split()))


def escape_block(text: str) -> str:
    """Like `escape`, but keeps line breaks (each line's trailing white space dropped)."""
    # Trailing spaces would make a hard break, leading ones an indented code block.
    return re.sub(r"[ \t]*\n[ \t]*", "\n", _escape_chars(text))


def _escape_chars(text: str) -> str:
    out: list[str] = []
    for char in text:
        if char in _ENTITIES:
            out.append(_ENTITIES[char])
        elif char in _BACKSLASH:
            out.append("\\" + char)
        else:
            out.append(char)
    return "".join(out)


def attribute(text: str) -> str:
    """A double-quoted attr_list value: only characters that cannot end or escape it."""
    return "".join(c for c in " ".join(text.split()) if c.isalnum() or c in " -,.:;'()?/")
