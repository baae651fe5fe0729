"""The claims index filter: links to every verdict's and tag's listing, verdict and tag
checkboxes, and the data each claim row carries.

The links (`browse`) filter the whole corpus, on every page of the claims index, with or
without JavaScript: each leads to the listing of every claim with that verdict or tag
(`claim_listings`). A claims index of one page also has the checkboxes, which combine
verdicts and tags: the form is rendered hidden; the page script shows it and hides the rows
that do not match. Without the script the form stays hidden and every claim is listed. An
index of many pages has no such form, which could only filter the page on screen.
"""

from __future__ import annotations

import html
from collections import Counter

from ..annotations.corpus import Corpus
from ..site_map import urls
from ..translation.messages import Messages
from .markdown_text import as_html
from .pieces import HtmlLinks, verdict_icon


def row_attributes(corpus: Corpus, claim_id: str) -> str:
    """The attributes of a claim's list item that the filter reads: its verdict and tags."""
    claim = corpus.claim(claim_id)
    tags = html.escape(" ".join(dict.fromkeys(claim.tags)))  # checked slugs, escaped all the same
    return f' class="claim-row" data-tags="{tags}" data-verdict="{claim.verdict}"'


def checkbox(name: str, value: str, text: str, count: str, checked: bool) -> str:
    """A checkbox of the filter; `count`, its number of claims as the site's language writes it."""
    state = " checked" if checked else ""
    return (
        f'<label class="explainer-filter-option"><input type="checkbox" name="{name}" value="{html.escape(value)}"{state}> '
        f"{html.escape(text)} <span class=\"explainer-filter-count\">({count})</span></label>"
    )


TAGS_SHOWN = 20  # tags linked from each page of the claims index; the tags page has every one


def browse(verdicts: tuple[str, ...], tags: tuple[str, ...], links: HtmlLinks, msg: Messages) -> list[str]:
    """Links to the listing of each of `verdicts` and `tags` (`listing.facets`), as one raw HTML
    block, or nothing when there are no claims.

    No counts: a page of the claims index then shows nothing of the claims of other pages but
    which verdicts and tags exist, and an edit to a verdict elsewhere leaves it as it was.
    """
    if not verdicts:
        return []
    rated = " ".join(links.verdicts[v] for v in verdicts)
    name, rated_label = msg._("Every claim by verdict or tag"), msg._("Every claim rated")
    parts = [
        f'<nav class="explainer-browse" aria-label="{name}" data-search-exclude>',
        f"<p><strong>{rated_label}</strong> {rated}</p>",
    ]
    if tags:
        # A few tags are links here; more would make every page of the index long (their
        # number times the index's pages): the tags page lists them all, once.
        shown = [f'<a href="{links.url(urls.tag_listing(t))}"><code>{as_html(t)}</code></a>' for t in tags[:TAGS_SHOWN]]
        every_tag = msg._("every tag") if len(tags) <= TAGS_SHOWN else msg.ngettext("all {n} tag", "all {n} tags", len(tags))
        every = f'<a href="{links.url(urls.TAGS)}">{every_tag}</a>'
        tagged_label = msg._("Every claim tagged")
        parts.append(f"<p><strong>{tagged_label}</strong> {' · '.join(shown)} ({every})</p>")
    parts.append("</nav>")
    return ["", "".join(parts), ""]


def filter_form(corpus: Corpus, claim_ids: list[str], msg: Messages) -> list[str]:
    """The filter of the listed claims (every claim of a claims index of one page) as one raw
    HTML block, or nothing when none are listed."""
    if not claim_ids:
        return []
    verdicts: Counter[str] = Counter(corpus.claim(c).verdict for c in claim_ids)
    tags: Counter[str] = Counter(t for c in claim_ids for t in dict.fromkeys(corpus.claim(c).tags))
    scale = msg.scale(corpus.scale)
    name, verdict_legend, tags_legend = msg._("Filter the claims"), msg._("Verdict"), msg._("Tags (none ticked: every claim)")
    parts = [
        f'<form class="explainer-filter" hidden data-search-exclude aria-label="{name}">',
        f"<fieldset><legend>{verdict_legend}</legend>",
        *[
            checkbox("verdict", v, f"{verdict_icon(scale, v)} {scale.label(v)}", msg.number(verdicts[v]), True)
            for v in scale.verdicts
            if verdicts[v]
        ],
        "</fieldset>",
    ]
    if tags:
        parts += [
            f"<fieldset><legend>{tags_legend}</legend>",
            *[checkbox("tag", t, t, msg.number(tags[t]), False) for t in sorted(tags)],
            "</fieldset>",
        ]
    show_all = msg._("Show all")
    parts += [
        f'<button type="reset" class="md-button explainer-filter-reset">{show_all}</button>',
        '<p class="explainer-filter-status" role="status" aria-live="polite"></p>',
        "</form>",
    ]
    return ["", "".join(parts), ""]
