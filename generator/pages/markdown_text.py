"""Writing untrusted text into Markdown so that it shows literally."""

from __future__ import annotations

import re

from ..support.bulk import per_run_cache

# Python-Markdown's backslash escapes; each turns into the plain character.
_BACKSLASH = frozenset("\\`*_{}[]()#+-.!")
# Characters that mean something to HTML or to the extensions we enable (tables,
# setext headings, attr_list), written as character references instead.
# `~` too: MkDocs always enables fenced_code, and a line of `~~~` in a text would open a code
# block that swallows the claim and mention links after it (Python-Markdown has no `\~`).
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "&#124;", "=": "&#61;", '"': "&quot;", "~": "&#126;"}


def escape(text: str) -> str:
    """Inline Markdown that renders exactly as `text` (white space folded to single spaces)."""
    return _escape_chars(" ".join(text.split()))


# Names and titles are escaped again on every page that links to them (passages of a text,
# each escaped once, go to `escape` itself).
escape_name = per_run_cache(maxsize=1 << 14)(escape)


def as_html(text: str) -> str:
    """What Python-Markdown makes of `escape(text)`: the text as HTML, for the generator's own
    HTML blocks (`html_blocks`). The same characters come out as character references
    (tests/test_html_blocks.py compares the two on the Big List of Naughty Strings)."""
    return _TO_REFERENCE.sub(_referenced, " ".join(text.split()))


# Names and titles, again on every listing line that links to them.
as_html_name = per_run_cache(maxsize=1 << 14)(as_html)


def as_html_block(text: str) -> str:
    """What Python-Markdown makes of `escape_block(text)` in a paragraph; tests/test_html_blocks.py
    compares them. A carriage return is a line break, as Markdown reads it. A tab becomes one
    space, where Markdown expands it to the next multiple of four columns of its own source
    (the escaped text with its links): a browser shows either as one space."""
    if "\r" in text or "\t" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    html = _TO_REFERENCE.sub(_referenced, text)
    return _LINE_BREAK.sub("\n", html) if "\n" in html else html


def escape_block(text: str) -> str:
    """Like `escape`, but keeps line breaks (each line's trailing white space dropped)."""
    # Trailing spaces would make a hard break, leading ones an indented code block.
    escaped = _escape_chars(text)
    return _LINE_BREAK.sub("\n", escaped) if "\n" in escaped else escaped


_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")


_ESCAPES: dict[str, str] = {**{c: "\\" + c for c in _BACKSLASH}, **_ENTITIES}
# One pass in C that stops only at the few characters to escape: `str.translate` with a
# table of strings looks each character up, nearly three times slower on a site's worth of
# text (10 M characters at 1,000 articles; issue 6).
_TO_ESCAPE = re.compile("[" + re.escape("".join(sorted(_ESCAPES))) + "]")


_TO_REFERENCE = re.compile("[" + re.escape("".join(sorted(_ENTITIES))) + "]")


def _referenced(found: re.Match[str]) -> str:
    return _ENTITIES[found[0]]


def _escaped(found: re.Match[str]) -> str:
    return _ESCAPES[found[0]]


def _escape_chars(text: str) -> str:
    return _TO_ESCAPE.sub(_escaped, text)


@per_run_cache(maxsize=1 << 12)  # a name, once per mention of it
def attribute(text: str) -> str:
    """A double-quoted attr_list value: only characters that cannot end or escape it."""
    return "".join(c for c in " ".join(text.split()) if c.isalnum() or c in " -,.:;'()?/")
