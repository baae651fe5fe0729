"""What a search can be narrowed by: a page's values for the search index's filters, in one hidden block.

Pagefind (`engines.search_index`) takes the text of each `data-pagefind-filter="name"`
element as the page's value for the filter `name`; the search box's worker turns a typed
`verdict:misleading` or `person:"José Núñez-Pérez"` into such a filter
(docs/assets/search-worker.js). A claim's page has its verdict, its claimant, the sources it
came through (those it was said via and its article's publisher) and its tags; a person's
and a source's page their own name, so that narrowing by them finds them too.

The block is hidden from readers and from the index's words (`data-pagefind-ignore` keeps
filters). Every value is an annotation's and reaches the page through `as_html_name`.
"""

from __future__ import annotations

from collections.abc import Iterable

from .markdown_text import as_html_name

NAMES = ("verdict", "person", "source", "tag")


def filters_block(values: Iterable[tuple[str, str]]) -> list[str]:
    """Markdown lines: one raw HTML block with each `(filter name, value)` once, in the order given."""
    spans = "".join(
        f'<span data-pagefind-filter="{name}">{as_html_name(value)}</span>' for name, value in dict.fromkeys(values) if value.strip()
    )
    if not spans:
        return []
    return [f'<div class="explainer-search-filters" hidden data-pagefind-ignore>{spans}</div>', ""]
