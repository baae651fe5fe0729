"""The timeline page: claims (by `said_on`) and articles (by `published`) in date order.

Grouped by article; inside an article, dated entries come in date order (then reading
order), and undated claims follow, listed apart. Nothing here invents a date.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from functools import partial

from . import listing, urls
from .corpus import Corpus
from .listing import ARTICLES_PER_PAGE, ListingPage
from .markdown_text import escape

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)

ClaimLine = Callable[[str, str], str]  # (page, claim id) -> "- …" Markdown list item


def long_date(iso: str) -> str:
    """`2025-01-09` as `9 January 2025`, the same in every locale."""
    year, month, day = iso.split("-")
    return f"{int(day)} {MONTHS[int(month) - 1]} {year}"


def article_key(corpus: Corpus, doc_id: str) -> tuple[str, str, str]:
    """Articles in order of their first date; those without any date last."""
    doc = corpus.documents[doc_id].entry
    dates = [d for d in [doc.published, *(corpus.claim(c).said_on for c in corpus.claims_in_document(doc_id))] if d]
    return (min(dates) if dates else "9999-99-99", corpus.titles[doc_id].casefold(), doc_id)


def article_section(corpus: Corpus, doc_id: str, claim_line: ClaimLine, here: str) -> list[str]:
    doc = corpus.documents[doc_id].entry
    link = f"[{escape(corpus.titles[doc_id])}]({urls.relative_link(here, urls.entity_page('documents', doc_id))})"
    by_date: dict[str, list[str]] = defaultdict(list)
    if doc.published:
        by_date[doc.published].append(f"- Article published: {link}")
    undated: list[str] = []
    for claim_id in corpus.claims_in_document(doc_id):  # reading order
        said_on = corpus.claim(claim_id).said_on
        line = claim_line(here, claim_id)
        (by_date[said_on] if said_on else undated).append(line)
    out = [f"## {escape(corpus.titles[doc_id])}", ""]
    if not by_date and not undated:
        return [*out, f"{link}: no claims annotated yet.", ""]
    if by_date:
        out += ['<div class="explainer-timeline" markdown>', ""]
        for day in sorted(by_date):
            out.append(f"- **{long_date(day)}**")
            out += ["    " + line for line in by_date[day]]
        out += ["", "</div>", ""]
    if undated:
        out += [f"Not dated ({len(undated)}), in the order of the text of {link}:", "", *undated, ""]
    return out


def timeline_listing(corpus: Corpus, per_page: int) -> list[ListingPage]:
    """The timeline's pages (`per_page` articles each, see `listing`), articles in `article_key` order."""
    return listing.split(urls.TIMELINE, sorted(corpus.documents, key=lambda d: article_key(corpus, d)), per_page)


def timeline_pages(corpus: Corpus, claim_line: ClaimLine, per_page: int = ARTICLES_PER_PAGE) -> list[tuple[str, Callable[[], str]]]:
    """Each page of the timeline with the function that renders it."""
    return [(page.path, partial(timeline_page, corpus, claim_line, page)) for page in timeline_listing(corpus, per_page)]


def timeline_page(corpus: Corpus, claim_line: ClaimLine, page: ListingPage) -> str:
    out = [
        f"# {listing.title('Timeline', page)}",
        "",
        "Claims in the order they were made, and articles in the order they were published, grouped by article. "
        "A claim's date is the day it was said, where the annotations give one; undated claims are listed after "
        "the dated ones.",
        "",
    ]
    if not corpus.documents:
        return "\n".join([*out, "No articles yet.", ""])
    out += listing.pager(page, "timeline")
    for doc_id in page.doc_ids:
        out += article_section(corpus, doc_id, claim_line, page.path)
    out += listing.pager(page, "timeline")
    return "\n".join(out)
