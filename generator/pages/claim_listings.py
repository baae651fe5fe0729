"""Every claim of one verdict, and of one tag, across the corpus: paged listings, newest article first.

The claims index lists every claim by article title; a reader looking for "every inaccurate
claim" or "every claim about the economy" would page through all of it. These listings
(`site_map.listing.verdict_listings`, `tag_listings`) are plain pages that work without
JavaScript: badges, the verdicts page, a claim's tags and the claims index link to them.
Each article's heading stays out of search (`data-search-exclude`): the article's own page
is what search should find, not one listing page for each of its verdicts and tags.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import partial

from ..annotations.model import Claim
from ..site_map import listing, urls
from ..site_map.listing import ListingPage
from .markdown_text import as_html, escape
from .pager import page_title, pager
from .pieces import as_sentence, inline_html, verdict_icon
from .renderer import Renderer
from .scorecard import claims_of
from .timeline import long_date

Maker = tuple[str, Callable[[], str]]


class ClaimListings(Renderer):
    def verdict_listing_pages(self, per_page: int) -> list[Maker]:
        """Each page of each verdict's listing, in the scale's order, with the function that renders it."""
        claims = self._claims_by(lambda claim: (claim.verdict,))
        return [
            (page.path, partial(self.verdict_listing, verdict, page, claims.get(verdict, {})))
            for verdict, pages in listing.verdict_listings(self.c, per_page).items()
            for page in pages
        ]

    def tag_listing_pages(self, per_page: int) -> list[Maker]:
        """Each page of each tag's listing, tags in alphabetical order, with the function that renders it."""
        claims = self._claims_by(lambda claim: claim.tags)
        return [
            (page.path, partial(self.tag_listing, tag, page, claims[tag]))
            for tag, pages in listing.tag_listings(self.c, per_page).items()
            for page in pages
        ]

    def _claims_by(self, keys: Callable[[Claim], Iterable[str]]) -> dict[str, dict[str, list[str]]]:
        """For each key of a claim (its verdict, its tags), each article's claims with it, in reading order.

        Made in one pass, so that a listing page looks at the claims it lists only: with a
        tag on each of 10,000 claims of one article, each tag's page would otherwise look
        at all 10,000 (time quadratic in the input).
        """
        out: dict[str, dict[str, list[str]]] = {}
        for doc_id in self.c.documents:
            for claim_id in self.c.claims_in_document(doc_id):
                for key in dict.fromkeys(keys(self.c.claim(claim_id))):
                    out.setdefault(key, {}).setdefault(doc_id, []).append(claim_id)
        return out

    def verdict_listing(self, verdict: str, page: ListingPage, claims: Mapping[str, list[str]]) -> str:
        """A page of the claims with `verdict`; `claims`, each article's claims with it."""
        entry = self.c.scale.verdicts[verdict]
        label = entry.label
        scale = urls.relative_link(page.path, urls.VERDICTS, verdict)
        intro = (
            f"**{verdict_icon(self.c.scale, verdict)} {escape(label)}**: {as_sentence(inline_html(entry.meaning))} Every claim with this verdict, "
            f"newest article first; [the verdict scale]({scale}) says what each verdict means."
        )
        return self._listing(page, f"Claims rated {label}", intro, claims, "No claim has this verdict yet.")

    def tag_listing(self, tag: str, page: ListingPage, claims: Mapping[str, list[str]]) -> str:
        """A page of the claims with `tag`; `claims`, each article's claims with it."""
        every = urls.relative_link(page.path, urls.TAGS)
        intro = f"Every claim tagged `{tag}`, newest article first; see also [every tag]({every})."  # a checked slug
        return self._listing(page, f"Claims tagged {tag}", intro, claims, "")

    def tags_page(self) -> str:
        """Every tag, each with its number of claims and its listing: one line a tag, on one page."""
        here = urls.TAGS
        counts = {tag: sum(map(len, by_doc.values())) for tag, by_doc in self._claims_by(lambda claim: claim.tags).items()}
        out = ["# Tags", "", "Every tag of a claim, with the number of claims that have it.", ""]
        out += [f"- [`{tag}`]({urls.relative_link(here, urls.tag_listing(tag))}): {claims_of(counts[tag])}" for tag in sorted(counts)]
        if not counts:
            out.append("No claim has a tag yet.")
        return "\n".join(out) + "\n"

    def _listing(self, page: ListingPage, title: str, intro: str, claims: Mapping[str, list[str]], empty: str) -> str:
        """A listing page: its `title` (plain text), `intro` (Markdown), each of its articles with its
        `claims`, or `empty` when it lists none."""
        here = page.path
        links = self.html_links(here)
        index = urls.relative_link(here, urls.index_page("claims"))
        what = as_html(f"listing of {title[0].lower()}{title[1:]}")  # inside the pager's attribute, where Markdown's escapes would show
        out = [f"# {escape(page_title(title, page))}", "", intro, "", f"All claims, by article: [the claims index]({index}).", ""]
        out += pager(page, what, every_page_from_first=True)
        for doc_id in page.doc_ids:
            doc = self.c.documents[doc_id].entry
            rows = "".join(f"<li>{self.listing_line(here, links, c)}</li>" for c in claims[doc_id])
            title_text = self.c.titles[doc_id]
            when = f"({long_date(doc.published)})" if doc.published else "(not dated)"
            out += [
                f"## {escape(title_text)} {{ data-search-exclude }}",
                "",
                f'<div class="explainer-claims" data-search-exclude><p>In {links.entity("documents", doc_id, title_text)}'
                f" {when}:</p><ul>{rows}</ul></div>",
                "",
            ]
        out += pager(page, what, every_page_from_first=True)
        if not page.doc_ids and empty:
            out += [empty, ""]
        return "\n".join(out)
