"""The generator's own HTML blocks, kept out of MkDocs' way and put back into the finished page.

Some blocks are large and neither Markdown nor the search index has anything to do with
them: a graph page's drawing (~240 KB of SVG, some 6,000 tags at 25 articles a page), the
local graphs, and the lines of the claims index and the timeline (each line is its claim's
page, which search finds). They are raw HTML, which Markdown copies as it is, and marked
`data-search-exclude`, which Material's search leaves out. Yet Python-Markdown's HTML parser
and Material's search indexer each walk every tag of them: after a rename at 1,000 articles
that was most of a rebuild (benchmarks/RESULTS.md, round 7). So the plugin hands MkDocs each
page with a placeholder where such a block is, and puts the block back into the page's HTML
once search has indexed it, before the theme lays the page out. The page comes out as it
would have, byte for byte.

A block set aside is a line of its own, blank lines around it, that is one `<div>` element
whose opening tag has `data-search-exclude` and no `markdown` attribute. The generator makes
every such line from escaped text (`markdown_text.as_html`, `graph.esc`), so no annotation
can make one, nor a placeholder.

An article's text is such a block too, but one search must index: a `<div>` whose opening
line has `data-explainer-html` (and no `markdown` attribute), up to the first line that is
`</div>`. It is put back as soon as MkDocs has made the page's HTML, before search reads it,
without the marker. Its placeholder has the `markdown` attribute, so that Markdown writes the
HTML around it as it did around the Markdown text it replaces.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

EXCLUDED = " data-search-exclude"
SEARCHED = " data-explainer-html"


_MARK = 'data-explainer-block="'
_SEARCHED_MARK = 'data-explainer-text="'


class Blocks(NamedTuple):
    """A page's blocks, in order: those search leaves out, and those it indexes."""

    hidden: tuple[str, ...] = ()
    searched: tuple[str, ...] = ()


NO_BLOCKS = Blocks()


def placeholder(number: int) -> str:
    return f'<div {_MARK}{number}"></div>'


def searched_placeholder(number: int) -> str:
    """As Markdown writes it: `searched_placeholder_html`, with the HTML around it as around a `markdown` div."""
    return f'<div {_SEARCHED_MARK}{number}" markdown></div>'


def searched_placeholder_html(number: int) -> str:
    return f'<div {_SEARCHED_MARK}{number}"></div>'


def is_block(line: str) -> bool:
    """Whether a line is an HTML block Markdown would copy as it is, and search leave out."""
    if not (line.startswith("<div ") and line.endswith("</div>")):
        return False
    tag = line[: line.find(">") + 1]
    return EXCLUDED in tag and " markdown" not in tag


def is_searched_block(line: str) -> bool:
    """Whether a line opens an HTML block search indexes (an article's text)."""
    if not line.startswith("<div ") or line.endswith("</div>"):
        return False
    tag = line[: line.find(">") + 1]
    return tag.endswith(">") and SEARCHED in tag and " markdown" not in tag


def set_aside(markdown: str) -> tuple[str, Blocks]:
    """The page with each block (`is_block`, `is_searched_block`) replaced by a numbered placeholder, and the blocks in order."""
    if EXCLUDED not in markdown and SEARCHED not in markdown:
        return markdown, NO_BLOCKS
    pieces: list[str] = []
    hidden: list[str] = []
    searched: list[str] = []
    done = 0  # the text before it is in `pieces`
    # Only lines that start with `<div ` can be blocks: found without splitting every line.
    start = 0 if markdown.startswith("<div ") else _next_div(markdown, 0)
    while start != -1:
        end = markdown.find("\n", start)
        end = len(markdown) if end == -1 else end
        line = markdown[start:end]
        if is_block(line) and _blank_before(markdown, start) and _blank_after(markdown, end):
            pieces += [markdown[done:start], placeholder(len(hidden))]
            hidden.append(line)
            done = end
        elif is_searched_block(line) and _blank_before(markdown, start):
            close = markdown.find("\n</div>", end)
            block_end = close + len("\n</div>") if close != -1 else -1
            if block_end != -1 and (block_end == len(markdown) or markdown[block_end] == "\n") and _blank_after(markdown, block_end):
                pieces += [markdown[done:start], searched_placeholder(len(searched))]
                searched.append(markdown[start:block_end].replace(SEARCHED, "", 1))
                done = end = block_end
        start = _next_div(markdown, end)
    if not hidden and not searched:
        return markdown, NO_BLOCKS
    pieces.append(markdown[done:])
    return "".join(pieces), Blocks(tuple(hidden), tuple(searched))


def _next_div(text: str, at: int) -> int:
    """Where the next line from `at` on that starts with `<div ` starts; -1 if none does."""
    found = text.find("\n<div ", at)
    return -1 if found == -1 else found + 1


def _blank_before(text: str, start: int) -> bool:
    """Whether the line before the one at `start` is blank, or there is none."""
    if start == 0:
        return True
    return not text[text.rfind("\n", 0, start - 1) + 1 : start - 1].strip()


def _blank_after(text: str, end: int) -> bool:
    """Whether the line after the one ending at `end` is blank, or there is none."""
    if end >= len(text) - 1:
        return True
    following = text.find("\n", end + 1)
    return not text[end + 1 : following if following != -1 else len(text)].strip()


def put_back(html: str, blocks: tuple[str, ...]) -> str | None:
    """The HTML with each placeholder of a hidden block replaced by its block; None if one is not there exactly once."""
    return _put_back(html, blocks, _MARK, placeholder)


def put_back_searched(html: str, blocks: tuple[str, ...]) -> str | None:
    """The HTML with each placeholder of a searched block replaced by its block; None if one is not there exactly once."""
    return _put_back(html, blocks, _SEARCHED_MARK, searched_placeholder_html)


def _put_back(html: str, blocks: tuple[str, ...], mark: str, placeholder: Callable[[int], str]) -> str | None:
    if html.count(mark) != len(blocks):  # one missing, or the page's content shown twice
        return None
    pieces: list[str] = []
    rest = html
    for number, block in enumerate(blocks):
        before, found, rest = rest.partition(placeholder(number))
        if not found:
            return None
        pieces += [before, block]
    pieces.append(rest)
    return "".join(pieces)
