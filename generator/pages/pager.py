"""A paged listing's title and the links between its pages (see `site_map.listing`)."""

from __future__ import annotations

from ..site_map import urls
from ..site_map.listing import ListingPage
from ..translation.messages import Messages


def page_title(name: str, page: ListingPage, msg: Messages) -> str:
    """`Claims`, or `Claims, page 2 of 40`: each page's own title in the tab and in search."""
    if page.count == 1:
        return name
    return msg._("{name}, page {number} of {count}", name=name, number=msg.number(page.number), count=msg.number(page.count))


def pager(page: ListingPage, label: str, msg: Messages, *, every_page_from_first: bool = False) -> list[str]:
    """Markdown lines linking the pages of a listing (none when it has one page); `label`, the
    navigation's name for assistive technology (`Pages of the timeline`), as HTML.

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
        previous = msg._("← Previous")
        items.append(f"[{previous}]({_link(page, page.number - 1)})")
    before = 0
    for n in shown:
        if n > before + 1:
            items.append("…")
        number = msg.number(n)
        items.append(f'**{number}**{{ aria-current="page" }}' if n == page.number else f"[{number}]({_link(page, n)})")
        before = n
    if page.number < page.count:
        following = msg._("Next →")
        items.append(f"[{following}]({_link(page, page.number + 1)})")
    return [
        f'<nav class="explainer-pager" aria-label="{label}" data-search-exclude="" markdown>',
        "",
        f"{_span(page, last, msg)} " + " · ".join(items),
        "",
        "</nav>",
        "",
    ]


def _span(page: ListingPage, last: int, msg: Messages) -> str:
    """Which articles of the listing a page holds: `Article 3 of 3:`, `Articles 1–25 of 1,000:`."""
    first, total = msg.number(page.first), msg.number(page.total)
    if page.first == last:
        return msg._("Article {number} of {total}:", number=first, total=total)
    return msg._("Articles {first}–{last} of {total}:", first=first, last=msg.number(last), total=total)


def _link(page: ListingPage, number: int) -> str:
    return urls.relative_link(page.path, page.paths[number - 1])
