"""A paged listing's title and the links between its pages (see `site_map.listing`)."""

from __future__ import annotations

from ..site_map import urls
from ..site_map.listing import ListingPage


def page_title(name: str, page: ListingPage) -> str:
    """`Claims`, or `Claims, page 2 of 40`: each page's own title in the tab and in search."""
    return name if page.count == 1 else f"{name}, page {page.number} of {page.count}"


def pager(page: ListingPage, what: str, *, every_page_from_first: bool = False) -> list[str]:
    """Markdown lines linking the pages of a listing (none when it has one page).

    Shows the first and last page, and two on each side of this one: a bounded number of links
    however long the listing. With `every_page_from_first`, the first page links to every page
    (a listing of one verdict or tag: a reader can jump to any page from where they land).
    """
    if page.count == 1:
        return []
    last = page.first + len(page.doc_ids) - 1
    if every_page_from_first and page.number == 1:
        shown = list(range(1, page.count + 1))
    else:
        shown = sorted({1, page.count, *range(max(1, page.number - 2), min(page.count, page.number + 2) + 1)})
    items: list[str] = []
    if page.number > 1:
        items.append(f"[← Previous]({_link(page, page.number - 1)})")
    before = 0
    for n in shown:
        if n > before + 1:
            items.append("…")
        items.append(f'**{n}**{{ aria-current="page" }}' if n == page.number else f"[{n}]({_link(page, n)})")
        before = n
    if page.number < page.count:
        items.append(f"[Next →]({_link(page, page.number + 1)})")
    return [
        f'<nav class="explainer-pager" aria-label="Pages of the {what}" data-search-exclude="" markdown>',
        "",
        f"{_span(page.first, last)} of {page.total:,}: " + " · ".join(items),
        "",
        "</nav>",
        "",
    ]


def _span(first: int, last: int) -> str:
    return f"Article {first:,}" if first == last else f"Articles {first:,}–{last:,}"


def _link(page: ListingPage, number: int) -> str:
    return urls.relative_link(page.path, page.paths[number - 1])
