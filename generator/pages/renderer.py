"""What every page kind shares while the corpus is rendered: claim lines, context sentences, local graphs.

`Renderer` holds the corpus and the site's options for one render, and the pieces several
page kinds show (a claim's line, its sentence, a mention's place); the page kinds add
their pages to it (`entity_pages`, `article_page`, `index_pages`) and `site` puts them
together. Under `mkdocs serve` the claim lines of the last render are kept (`ClaimLines`),
so an edit renders again only the lines it can have changed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ..annotations.corpus import Corpus, Key, Mention
from ..annotations.scale import Scale
from ..site_map import listing, urls
from ..site_map.listing import ListingPage
from ..translation.messages import Messages, messages
from .graph.local import local_graph
from .graph.network import Network, network
from .graph.pages import drawn_on
from .markdown_text import as_html, escape
from .options import SiteOptions
from .pieces import HtmlLinks, entity_link, in_context, verdict_badge
from .text_language import lang_attributes

LineKey = tuple[str, str, bool, bool, bool]  # (page, claim id, and `Renderer.claim_line`'s three options)


class ClaimLines:
    """Claim lines kept from one render for the next: `reused` are handed out, `made` collects."""

    def __init__(self) -> None:
        self.reused: dict[LineKey, str] = {}
        self.made: dict[LineKey, str] = {}

    def start(self, reused: dict[LineKey, str]) -> None:
        self.reused, self.made = reused, {}


class Renderer:
    def __init__(self, corpus: Corpus, options: SiteOptions, lines: ClaimLines | None = None) -> None:
        self.c = corpus
        self.options = options
        self.msg: Messages = messages(options.site_language)  # every word this render writes, in the site's language
        self.lines = lines  # under `mkdocs serve`: claim lines of the last render, and this one's
        self.network: Network | None = None  # every link as a graph, for the entity pages' local graphs
        self.drawn_on: Mapping[Key, ListingPage] | None = None  # the graph page drawing each entity (`graph.drawn_on`)
        self._contexts: dict[tuple[str, bool], str] = {}

    @property
    def scale(self) -> Scale:
        """The corpus's scale as readers see it: the v1 scale's words in the site's language (`Messages.scale`)."""
        return self.msg.scale(self.c.scale)

    # --- small pieces -------------------------------------------------------

    def claim_title(self, claim_id: str) -> str:
        claim = self.c.claim(claim_id)
        return claim.title or claim.quote

    def text_lang(self, doc_id: str) -> str:
        """The `lang`/`dir` attributes of the document's words on this site (`text_language`); often empty."""
        return lang_attributes(self.c.documents[doc_id].entry.language, self.options.site_language)

    def title_lang(self, claim_id: str) -> str:
        """`text_lang` of the claim's article when its title is the quote, the article's own words;
        empty when the annotator wrote a title (in the site's language)."""
        return "" if self.c.claim(claim_id).title else self.text_lang(self.c.claim_document[claim_id])

    def claim_line(
        self, here: str, claim_id: str, *, with_document: bool = True, with_claimant: bool = False, with_context: bool = False
    ) -> str:
        # Only links whose target links back are shown: a claim line names its claimant where
        # that person's page links here too (article pages and the claims index).
        key = (here, claim_id, with_document, with_claimant, with_context)
        return self._kept_line(key, lambda: self._claim_line(*key))

    def _kept_line(self, key: LineKey, make: Callable[[], str]) -> str:
        """The line of the last render when it is still valid (`lines`), else `make()`; kept for the next."""
        if self.lines is None:
            return make()
        line = self.lines.reused.get(key)
        if line is None:
            line = make()
        self.lines.made[key] = line
        return line

    def listing_line(self, here: str, links: HtmlLinks, claim_id: str) -> str:
        """A claim in a listing (claims index, timeline), as HTML: the claim, its verdict, its claimant.

        Kept between renders as claim lines are, by `(here, claim id, False, True, False)`: a
        listing page has no Markdown claim lines.
        """
        def make() -> str:
            claim = self.c.claim(claim_id)
            parts = [links.entity("claims", claim_id, self.claim_title(claim_id), lang=self.title_lang(claim_id)), links.verdicts[claim.verdict]]
            if claim.claimant:
                parts.append(links.entity("people", claim.claimant, self.c.people[claim.claimant].entry.name))
            return " · ".join(parts)

        return self._kept_line((here, claim_id, False, True, False), make)

    def backlink_line(self, here: str, links: HtmlLinks, claim_id: str) -> str:
        """A claim in a person's or source's list (`backlinks_block`), as HTML: as Python-Markdown makes of
        `claim_line(here, claim_id, with_context=True)`, and kept between renders by the same key."""
        def make() -> str:
            claim, doc = self.c.claim(claim_id), self.c.claim_document[claim_id]
            parts = [
                links.entity("claims", claim_id, self.claim_title(claim_id), lang=self.title_lang(claim_id)),
                links.verdicts[claim.verdict],
                self.msg._("in {article}", article=links.entity("documents", doc, self.c.titles[doc], urls.claim_anchor(claim_id))),
            ]
            return " · ".join(parts) + ": " + self.claim_context(claim_id, html=True)

        return self._kept_line((here, claim_id, True, False, True), make)

    def _claim_line(self, here: str, claim_id: str, with_document: bool, with_claimant: bool, with_context: bool) -> str:
        claim = self.c.claim(claim_id)
        title = entity_link(here, "claims", claim_id, self.claim_title(claim_id), lang=self.title_lang(claim_id))
        parts = [title, verdict_badge(here, claim.verdict, self.scale)]
        if with_claimant and claim.claimant:
            parts.append(entity_link(here, "people", claim.claimant, self.c.people[claim.claimant].entry.name))
        if with_document:
            doc = self.c.claim_document[claim_id]
            parts.append(self.msg._("in {article}", article=entity_link(here, "documents", doc, self.c.titles[doc], urls.claim_anchor(claim_id))))
        line = "- " + " · ".join(parts)
        if with_context:  # a backlink shows the sentence it comes from
            line += ": " + self.claim_context(claim_id)
        return line

    def claim_context(self, claim_id: str, *, html: bool = False) -> str:
        """The claim's sentence, span marked, as Markdown or `html`; made once, shown on its claimant's, sources' and related pages."""
        context = self._contexts.get((claim_id, html))
        if context is None:
            doc_id = self.c.claim_document[claim_id]
            text, span = self.c.texts[doc_id], self.c.claim_span[claim_id]
            escaped = as_html if html else escape
            context = self._contexts[claim_id, html] = in_context(
                text.text, span, text.sentence_range(span), escaped, self.text_lang(doc_id)
            )
        return context

    def mention_anchor_target(self, mention: Mention) -> str:
        return urls.mention_anchor(mention.kind, mention.entity, mention.number)

    def mention_items(self, links: HtmlLinks, mentions: list[Mention]) -> list[str]:
        """Where an entity is mentioned, a list item's HTML each (`backlinks_block`): the article, and the sentence."""
        items = []
        for mention in mentions:
            text = self.c.texts[mention.document]
            context = text.sentence_range(mention.span)
            where = links.entity("documents", mention.document, self.c.titles[mention.document], self.mention_anchor_target(mention))
            sentence = in_context(text.text, mention.span, context, as_html, self.text_lang(mention.document))
            items.append(f"{where}: {sentence}")
        return items

    def local_graph(self, kind: str, entity_id: str) -> list[str]:
        if self.network is None:  # built once, for every entity page
            self.network = network(self.c)
        options = self.options
        if self.drawn_on is None:
            self.drawn_on = drawn_on(self.c, self.network, listing.graph_listing(self.c, options.articles_per_page))
        return local_graph(
            self.c,
            kind,
            entity_id,
            directory_urls=options.directory_urls,
            to_sources=options.html_links_to_sources,
            net=self.network,
            graph_page=self.drawn_on.get((kind, entity_id)),
            msg=self.msg,
        )

    def html_links(self, here: str) -> HtmlLinks:
        """The links from a page's HTML blocks, as the options want them."""
        return HtmlLinks(here, self.options.directory_urls, self.scale, self.options.html_links_to_sources)

    def related(self, claim_id: str) -> list[tuple[str, str]]:
        pairs: list[tuple[str, str]] = [(r.relation, r.claim) for r in self.c.claim(claim_id).related]
        pairs += [(relation, other) for other, relation in self.c.backlinks.related_in.get(claim_id, [])]
        return list(dict.fromkeys(pairs))
