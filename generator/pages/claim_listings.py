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
        msg = self.msg
        scale = msg.scale(self.c.scale)
        entry = scale.verdicts[verdict]
        label = entry.label
        scale_text = msg._("the verdict scale")
        scale_link = f"[{scale_text}]({urls.relative_link(page.path, urls.VERDICTS, verdict)})"
        every = msg._("Every claim with this verdict, newest article first; {scale} says what each verdict means.", scale=scale_link)
        intro = f"**{verdict_icon(scale, verdict)} {escape(label)}**: {as_sentence(inline_html(entry.meaning))} {every}"
        return self._listing(
            page,
            msg._("Claims rated {verdict}", verdict=label),
            # inside the pager's attribute, where Markdown's escapes would show
            msg._("Pages of the listing of claims rated {verdict}", verdict=as_html(label)),
            intro,
            claims,
            msg._("No claim has this verdict yet."),
        )

    def tag_listing(self, tag: str, page: ListingPage, claims: Mapping[str, list[str]]) -> str:
        """A page of the claims with `tag`; `claims`, each article's claims with it."""
        msg = self.msg
        every = msg._("every tag")
        every_link = f"[{every}]({urls.relative_link(page.path, urls.TAGS)})"
        code = f"`{tag}`"  # a checked slug
        intro = msg._("Every claim tagged {tag}, newest article first; see also {every_tag}.", tag=code, every_tag=every_link)
        label = msg._("Pages of the listing of claims tagged {tag}", tag=as_html(tag))
        return self._listing(page, msg._("Claims tagged {tag}", tag=tag), label, intro, claims, "")

    def tags_page(self) -> str:
        """Every tag, each with its number of claims and its listing: one line a tag, on one page."""
        here = urls.TAGS
        msg = self.msg
        counts = {tag: sum(map(len, by_doc.values())) for tag, by_doc in self._claims_by(lambda claim: claim.tags).items()}
        out = ["# " + msg._("Tags"), "", msg._("Every tag of a claim, with the number of claims that have it."), ""]
        for tag in sorted(counts):
            claims = msg.ngettext("{n} claim", "{n} claims", counts[tag])
            out.append(f"- [`{tag}`]({urls.relative_link(here, urls.tag_listing(tag))}): {claims}")
        if not counts:
            out.append(msg._("No claim has a tag yet."))
        return "\n".join(out) + "\n"

    def _listing(self, page: ListingPage, title: str, label: str, intro: str, claims: Mapping[str, list[str]], empty: str) -> str:
        """A listing page: its `title` (plain text), its pager's `label` (HTML), `intro` (Markdown),
        each of its articles with its `claims`, or `empty` when it lists none."""
        here = page.path
        msg = self.msg
        links = self.html_links(here)
        index_text = msg._("the claims index")
        index_link = f"[{index_text}]({urls.relative_link(here, urls.index_page('claims'))})"
        index = msg._("All claims, by article: {index}.", index=index_link)
        out = [f"# {escape(page_title(title, page, msg))}", "", intro, "", index, ""]
        out += pager(page, label, msg, every_page_from_first=True)
        for doc_id in page.doc_ids:
            doc = self.c.documents[doc_id].entry
            rows = "".join(f"<li>{self.listing_line(here, links, c)}</li>" for c in claims[doc_id])
            title_text = self.c.titles[doc_id]
            article = links.entity("documents", doc_id, title_text)
            where = (
                msg._("In {article} ({date}):", article=article, date=msg.date(doc.published))
                if doc.published
                else msg._("In {article} (not dated):", article=article)
            )
            out += [
                f"## {escape(title_text)} {{ data-search-exclude }}",
                "",
                f'<div class="explainer-claims" data-search-exclude><p>{where}</p><ul>{rows}</ul></div>',
                "",
            ]
        out += pager(page, label, msg, every_page_from_first=True)
        if not page.doc_ids and empty:
            out += [empty, ""]
        return "\n".join(out)
