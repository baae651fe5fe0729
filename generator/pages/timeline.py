"""The timeline page: claims (by `said_on`) and articles (by `published`) in date order.

Grouped by article; inside an article, dated entries come in date order (then reading
order), and undated claims follow, listed apart. Nothing here invents a date.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from functools import partial

from ..annotations.corpus import Corpus
from ..site_map import listing, urls
from ..site_map.listing import ARTICLES_PER_PAGE, ListingPage
from ..translation.messages import Messages
from .markdown_text import escape
from .pager import page_title, pager
from .pieces import HtmlLinks

ClaimLine = Callable[[str, HtmlLinks, str], str]  # (page, its links, claim id) -> a list item's HTML


def article_key(corpus: Corpus, doc_id: str) -> tuple[str, str, str]:
    """Articles in order of their first date; those without any date last."""
    doc = corpus.documents[doc_id].entry
    dates = [d for d in [doc.published, *(corpus.claim(c).said_on for c in corpus.claims_in_document(doc_id))] if d]
    return (min(dates) if dates else "9999-99-99", corpus.titles[doc_id].casefold(), doc_id)


def article_section(corpus: Corpus, doc_id: str, claim_line: ClaimLine, here: str, links: HtmlLinks, msg: Messages) -> list[str]:
    """An article's heading, then its dated and its undated entries, each an HTML block
    (`html_blocks`): MkDocs converts only the heading."""
    doc = corpus.documents[doc_id].entry
    title = corpus.titles[doc_id]
    out = [f"## {escape(title)}", ""]
    claims = corpus.claims_in_document(doc_id)  # reading order
    if not doc.published and not claims:
        link = f"[{escape(title)}]({urls.relative_link(here, urls.entity_page('documents', doc_id))})"
        return [*out, msg._("{article}: no claims annotated yet.", article=link), ""]
    link = links.entity("documents", doc_id, title)
    by_date: dict[str, list[str]] = defaultdict(list)
    if doc.published:
        by_date[doc.published].append(msg._("Article published: {article}", article=link))
    undated: list[str] = []
    for claim_id in claims:
        said_on = corpus.claim(claim_id).said_on
        line = claim_line(here, links, claim_id)
        (by_date[said_on] if said_on else undated).append(line)
    if by_date:
        days = "".join(
            f"<li><strong>{msg.date(day)}</strong><ul>{''.join(f'<li>{line}</li>' for line in by_date[day])}</ul></li>"
            for day in sorted(by_date)
        )
        out += [f'<div class="explainer-timeline" data-search-exclude><ul>{days}</ul></div>', ""]
    if undated:
        items = "".join(f"<li>{line}</li>" for line in undated)
        heading = msg._("Not dated ({count}), in the order of the text of {article}:", count=msg.number(len(undated)), article=link)
        out += [f'<div class="explainer-undated" data-search-exclude><p>{heading}</p><ul>{items}</ul></div>', ""]
    return out


def timeline_listing(corpus: Corpus, per_page: int) -> list[ListingPage]:
    """The timeline's pages (`per_page` articles each, see `listing`), articles in `article_key` order."""
    return listing.split(urls.TIMELINE, sorted(corpus.documents, key=lambda d: article_key(corpus, d)), per_page)


def timeline_pages(
    corpus: Corpus,
    claim_line: ClaimLine,
    links_from: Callable[[str], HtmlLinks],
    msg: Messages,
    per_page: int = ARTICLES_PER_PAGE,
) -> list[tuple[str, Callable[[], str]]]:
    """Each page of the timeline with the function that renders it. `links_from`: a page's `HtmlLinks`."""
    return [
        (page.path, partial(timeline_page, corpus, claim_line, links_from, msg, page)) for page in timeline_listing(corpus, per_page)
    ]


def timeline_page(corpus: Corpus, claim_line: ClaimLine, links_from: Callable[[str], HtmlLinks], msg: Messages, page: ListingPage) -> str:
    out = [
        "# " + page_title(msg._("Timeline"), page, msg),
        "",
        msg._(
            "Claims in the order they were made, and articles in the order they were published, grouped by article. "
            "A claim's date is the day it was said, where the annotations give one; undated claims are listed after "
            "the dated ones."
        ),
        "",
    ]
    if not corpus.documents:
        return "\n".join([*out, msg._("No articles yet."), ""])
    label = msg._("Pages of the timeline")
    out += pager(page, label, msg)
    links = links_from(page.path)
    for doc_id in page.doc_ids:
        out += article_section(corpus, doc_id, claim_line, page.path, links, msg)
    out += pager(page, label, msg)
    return "\n".join(out)
