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
"""

from __future__ import annotations

EXCLUDED = " data-search-exclude"


_MARK = 'data-explainer-block="'


def placeholder(number: int) -> str:
    return f'<div {_MARK}{number}"></div>'


def is_block(line: str) -> bool:
    """Whether a line is an HTML block Markdown would copy as it is, and search leave out."""
    if not (line.startswith("<div ") and line.endswith("</div>")):
        return False
    tag = line[: line.find(">") + 1]
    return EXCLUDED in tag and " markdown" not in tag


def set_aside(markdown: str) -> tuple[str, tuple[str, ...]]:
    """The page with each block (`is_block`) replaced by a numbered placeholder, and the blocks in order."""
    if EXCLUDED not in markdown:
        return markdown, ()
    pieces: list[str] = []
    blocks: list[str] = []
    done = 0  # the text before it is in `pieces`
    # Only lines that start with `<div ` can be blocks: found without splitting every line.
    start = 0 if markdown.startswith("<div ") else _next_div(markdown, 0)
    while start != -1:
        end = markdown.find("\n", start)
        end = len(markdown) if end == -1 else end
        if is_block(markdown[start:end]) and _blank_before(markdown, start) and _blank_after(markdown, end):
            pieces += [markdown[done:start], placeholder(len(blocks))]
            blocks.append(markdown[start:end])
            done = end
        start = _next_div(markdown, end)
    if not blocks:
        return markdown, ()
    pieces.append(markdown[done:])
    return "".join(pieces), tuple(blocks)


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
    """The HTML with each placeholder replaced by its block; None if one is not there exactly once."""
    if html.count(_MARK) != len(blocks):  # one missing, or the page's content shown twice
        return None
    pieces: list[str] = []
    rest = html
    for number, block in enumerate(blocks):
        before, mark, rest = rest.partition(placeholder(number))
        if not mark:
            return None
        pieces += [before, block]
    pieces.append(rest)
    return "".join(pieces)
