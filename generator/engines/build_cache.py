"""What a rebuild can reuse from the build before it, keyed by content.

Under `mkdocs serve` the plugin object lives for the whole session (see its `on_startup`),
and one `BuildCache` with it. An edit to one annotation file then re-parses and
re-validates that file only; the others' entries, and the indexed source texts, are the
objects of the previous build. Keys hold the full content, so a hit is never stale.
What a build did not ask for is dropped when the next one starts, so the cache holds at
most two builds' worth of data and never grows with the length of a session.

Pages: an entity's page shows its entity and facts about entities at most two links away
(a claim page names the claimant of a related claim; a person page gives the title of the
article behind each of their claims). So after an edit only the pages of the entities
that changed and of those within two links of them, before or after the edit, are
rendered again; every other entity page is the previous build's text. People's and sources'
pages show less (`NAMED_KINDS`): of them, only those next to a change are rendered again. Index and
site-wide pages are rendered again too, unless the edit changed only fields that no page
but the entity's own and its article's shows (`OWN_PAGE_FIELDS`, an explanation): then
those two pages are all that is rendered. A verdict (`NEAR_FIELDS`) shows one link away at
most: the pages of the entities within one link are rendered again, and the site-wide pages.
The exports (`data.json` piece by piece, each article's annotations) follow the same rules.
tests/test_build_cache.py checks that the result is the full render and the full export,
file for file, after edits of every kind.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from ..annotations.check_cache import CheckCache
from ..annotations.corpus import Corpus, Key
from ..annotations.model import Claim
from ..annotations.scale import V1_SCALE, Scale
from ..open_data.data_export import Pieces, data_pieces, export_files
from ..pages.graph.network import Network, network
from ..pages.graph.pages import drawn_on
from ..pages.options import SiteOptions
from ..pages.renderer import ClaimLines, LineKey
from ..pages.timeline import timeline_listing
from ..site_map import urls
from ..site_map.listing import ListingPage, claims_index_listing, facets, graph_listing, tag_listings, verdict_listings

DEPTH = 2  # how many links away a page shows facts about other entities


@dataclass
class BuildCache(CheckCache):
    """`CheckCache`, and what a rebuild can reuse of the pages and exports of the build before."""

    # The last render, to reuse its entity pages (kept only by `mkdocs serve`).
    rendered: Rendered | None = None
    # The last build's export files and data.json pieces (kept only by `mkdocs serve`).
    exports: Exports | None = None
    # The entities within two links of a change since the last render; None: all of them.
    affected: set[Key] | None = None
    # A claim line (claims index, timeline) depends on entities one link from its claim.
    claim_lines: ClaimLines = field(default_factory=ClaimLines)
    _network: tuple[Corpus, Network] | None = None  # this build's corpus and its network
    _entries: tuple[Corpus, dict[Key, Any]] | None = None  # this build's corpus and its `entries`
    _listings: tuple[Corpus, int, list[ListingPage]] | None = None  # this build's corpus, page size and `listings`
    _drawn_on: tuple[Corpus, int, dict[Key, ListingPage]] | None = None  # this build's corpus, page size and `graph.drawn_on`

    def next_build(self) -> None:
        super().next_build()
        self._network = self._entries = self._listings = self._drawn_on = None  # the last build's corpus can go
        self.affected = None  # until this build's change is known

    def reusable_pages(self, corpus: Corpus, options: SiteOptions) -> dict[str, str] | None:
        """The pages of the last render that this corpus cannot have changed.

        Also readies `claim_lines`: the last render's claim lines of the claims it cannot have
        changed either, for the claims index and the timeline when they are rendered again.
        """
        # Every verdict's label, icon and colour is on pages far from any claim: a changed
        # rating scale leaves nothing of the last render reusable.
        if self.rendered is None or self.rendered.scale != corpus.scale:
            self.claim_lines.start({})
            self.affected = None
            return None
        last = self.rendered
        change = last.change(self.entries(corpus), options)
        if change is not None and change.own_pages_only:  # nodes (a verdict too) and edges are as they were
            self._network = (corpus, last.network)
            self._drawn_on = (corpus, options.articles_per_page, last.drawn_on)  # and so are the titles
        reuse, affected = last.reusable(options, change, self.network(corpus))
        # A local graph links to the graph page that draws its entity: an article added, or a
        # title changed, moves entities far from the change to other pages of the graph.
        now = self.drawn_on(corpus, options.articles_per_page)
        if now is not last.drawn_on:
            for key, page in now.items():
                before = last.drawn_on.get(key)
                if before is None or (before.path, before.count) != (page.path, page.count):
                    reuse.pop(urls.entity_page(*key), None)
        if affected is not None:
            kept = last.unchanged_listing_pages(self.listings(corpus, options.articles_per_page), affected)
            if facets(claims_of(last.entries), corpus.scale) != facets(claims_of(self.entries(corpus)), corpus.scale):
                # Each page of the claims index links to every verdict and tag some claim has.
                index = {page.path for page in claims_index_listing(corpus, options.articles_per_page)}
                kept = {page: text for page, text in kept.items() if page not in index}
            reuse.update(kept)
        self.affected = affected
        self.claim_lines.start({k: v for k, v in last.lines.items() if ("claims", k[1]) not in affected} if affected is not None else {})
        return reuse

    def entries(self, corpus: Corpus) -> dict[Key, Any]:
        """`entries(corpus)`, made once per build: finding the change and remembering need it."""
        if self._entries is None or self._entries[0] is not corpus:
            self._entries = (corpus, entries(corpus))
        return self._entries[1]

    def listings(self, corpus: Corpus, per_page: int) -> list[ListingPage]:
        """`listings(corpus, per_page)`, made once per build: finding the reusable pages and remembering need it."""
        if self._listings is None or self._listings[0] is not corpus or self._listings[1] != per_page:
            self._listings = (corpus, per_page, listings(corpus, per_page))
        return self._listings[2]

    def drawn_on(self, corpus: Corpus, per_page: int) -> dict[Key, ListingPage]:
        """`graph.drawn_on` for the graph's pages, made once per build: finding the reusable pages and rendering need it."""
        if self._drawn_on is None or self._drawn_on[0] is not corpus or self._drawn_on[1] != per_page:
            self._drawn_on = (corpus, per_page, drawn_on(corpus, self.network(corpus), graph_listing(corpus, per_page)))
        return self._drawn_on[2]

    def network(self, corpus: Corpus) -> Network:
        """The corpus's network (`graph.network`), made once per build: finding the reusable pages,
        the graph page and every local graph use it."""
        if self._network is None or self._network[0] is not corpus:
            self._network = (corpus, network(corpus))
        return self._network[1]

    def export_files(
        self, corpus: Corpus, site_url: str | None, directory_urls: bool, site_name: str | None = None, site_language: str = "en"
    ) -> dict[str, str]:
        """`data_export.export_files`, taking from the last build what this corpus cannot have changed.

        An article's annotations hold its text, its claims, their claimants' names and the
        entities it mentions; an entity's records in `data.json` hold facts about it and its
        direct neighbours (a document's claims, a claim's quote from its article's text). Both
        are therefore unchanged whenever the entity is not within two links of a change
        (tests/test_build_cache.py compares them with a full export).
        """
        address = (site_url, directory_urls)
        last, affected = self.exports, self.affected
        keep: dict[str, str] = {}
        reuse: dict[Key, Pieces] = {}
        if last is not None and last.address == address and affected is not None:
            reuse = {key: pieces for key, pieces in last.pieces.items() if key not in affected}
            for doc_id in corpus.documents:
                path = urls.annotations_file(doc_id)
                if ("documents", doc_id) not in affected and path in last.files:
                    keep[path] = last.files[path]
        pieces = data_pieces(corpus, directory_urls=directory_urls, reuse=reuse)
        files = export_files(
            corpus, site_url, directory_urls=directory_urls, keep=keep, pieces=pieces, site_name=site_name, site_language=site_language
        )
        if last is not None and files[urls.DATA_JSON] == last.files.get(urls.DATA_JSON):
            # Most edits (an explanation, a note) leave it as it was: the very same string lets
            # the plugin see at once that it is unchanged.
            files[urls.DATA_JSON] = last.files[urls.DATA_JSON]
        self.exports = Exports(address, files, pieces)
        return files

    def remember(self, corpus: Corpus, options: SiteOptions, pages: Mapping[str, str]) -> None:
        # The lines handed out again stay valid, also where the pages listing them were reused.
        lines = {**self.claim_lines.reused, **self.claim_lines.made}
        self.rendered = Rendered(
            self.entries(corpus),
            self.network(corpus),
            dict(pages),
            replace(options, edit_links={}),
            options.edit_links,
            lines,
            self.listings(corpus, options.articles_per_page),
            self.drawn_on(corpus, options.articles_per_page),
            corpus.scale,
        )


@dataclass(frozen=True)
class Exports:
    address: tuple[str | None, bool]  # (site_url, directory_urls) they were made for
    files: dict[str, str]
    pieces: dict[Key, Pieces]  # of data.json


@dataclass(frozen=True)
class Change:
    """What differs between two builds' entities."""

    now: dict[Key, Any]  # `entries` of the new corpus
    reaching: set[Key]  # changed in a way pages two links away show
    near: set[Key]  # changed in `NEAR_FIELDS` (and `OWN_PAGE_FIELDS`) only
    own: set[Key]  # changed in `OWN_PAGE_FIELDS` only

    @property
    def own_pages_only(self) -> bool:
        """Whether the change shows on its entities' own pages alone: not on the site-wide pages,
        not in the network's nodes and edges."""
        return not self.reaching and not self.near


@dataclass(frozen=True)
class Rendered:
    entries: dict[Key, Any]
    network: Network
    pages: dict[str, str]
    options: SiteOptions  # without its edit links, which are compared page by page
    edit_links: Mapping[str, Any]
    lines: dict[LineKey, str]  # claim lines valid for this render
    listed: list[ListingPage]  # the pages of the listings of `listings()` in this render
    drawn_on: dict[Key, ListingPage]  # the graph page that draws each entity (`graph.drawn_on`)
    scale: Scale = V1_SCALE  # the rating scale the pages show

    def change(self, now: dict[Key, Any], options: SiteOptions) -> Change | None:
        """How the new corpus (its `entries`) differs from this render's; None when the site
        options differ (nothing is reusable)."""
        if replace(options, edit_links={}) != self.options:
            return None
        changed = {key for key in now.keys() | self.entries.keys() if _differ(now.get(key), self.entries.get(key))}
        own = {key for key in changed if _only_differ(OWN_PAGE_FIELDS, key[0], self.entries.get(key), now.get(key))}
        near = {key for key in changed - own if _only_differ(NEAR_OR_OWN, key[0], self.entries.get(key), now.get(key))}
        return Change(now, changed - own - near, near, own)

    def reusable(self, options: SiteOptions, change: Change | None, net: Network) -> tuple[dict[str, str], set[Key] | None]:
        """The reusable pages, and the entities within two links of a change (whose pages are not).

        A change in `NEAR_FIELDS` reaches one link only. When the change reaches no further than
        its own pages, the site-wide pages (indexes, timeline, graph) are reusable too: they show
        no `OWN_PAGE_FIELDS`. With other site options nothing is reusable: no pages, and None for
        "every entity".
        """
        if change is None:
            return {}, None

        def neighbours(key: Key) -> set[Key]:
            return {*net.neighbour_keys(key), *self.network.neighbour_keys(key)}

        next_to = {n for key in change.reaching for n in neighbours(key)}
        reach, frontier = change.reaching | next_to, next_to - change.reaching
        for _ in range(DEPTH - 1):
            frontier = {n for key in frontier for n in neighbours(key)} - reach
            reach |= frontier
        # Of the people and sources, only those whose pages show a changed entity (`NAMED_KINDS`).
        shown = next_to | change.reaching
        shown |= {
            n for key in change.reaching if key[0] == "documents"
            for claim in neighbours(key) if claim[0] == "claims" for n in neighbours(claim)
        }
        reach = {key for key in reach if key[0] not in NAMED_KINDS or key in shown}
        near = change.near | {n for key in change.near for n in neighbours(key)}
        affected = reach | near | change.own | {n for key in change.own for n in neighbours(key) if n[0] == "documents"}
        reuse: dict[str, str] = {}
        for kind, entity_id in change.now.keys() - affected:
            page = urls.entity_page(kind, entity_id)
            if page in self.pages and options.edit_links.get(page) == self.edit_links.get(page):
                reuse[page] = self.pages[page]
        if change.own_pages_only:
            entity_pages = {urls.entity_page(*key) for key in self.entries}
            reuse.update((page, text) for page, text in self.pages.items() if page not in entity_pages)
        return reuse, affected

    def unchanged_listing_pages(self, listed: list[ListingPage], affected: set[Key]) -> dict[str, str]:
        """The pages of the claims index, the verdicts' and tags' listings and the timeline that
        list the same articles as in this render, none of them within two links of a change.

        Such a page shows its articles, their claims and their claimants (two links from the
        article), and its place in the listing: the same `ListingPage` and no affected article
        give the same text. (A page of the claims index also links to the listing of every
        verdict and tag the corpus has: `reusable_pages` drops those pages when that set changed.)
        The graph's pages are not among them: their drawing also follows the order of the
        annotation files (`graph.page_networks`); they are kept by `graph_pages`.
        """
        before = {page.path: page for page in self.listed}
        return {
            page.path: self.pages[page.path]
            for page in listed
            if before.get(page.path) == page and page.path in self.pages
            and not any(("documents", doc_id) in affected for doc_id in page.doc_ids)
        }


def listings(corpus: Corpus, per_page: int) -> list[ListingPage]:
    """The pages of the claims index, of each verdict's and tag's listing and of the timeline:
    the listings whose pages a rebuild may keep."""
    by_facet = [*verdict_listings(corpus, per_page).values(), *tag_listings(corpus, per_page).values()]
    return [*claims_index_listing(corpus, per_page), *(page for pages in by_facet for page in pages), *timeline_listing(corpus, per_page)]


def claims_of(entries: Mapping[Key, Any]) -> Iterator[Claim]:
    """The claims among `entries`."""
    return (entry for (kind, _), entry in entries.items() if kind == "claims")


# A person's or a source's page shows its own facts, its direct neighbours' (its claims, the
# articles that mention or published it) and the articles of its claims (their titles, the
# sentence a claim comes from); never another person or source. So of the people and sources
# two links from a change, only those next to it, or with a claim in a changed article, are
# rendered again. A rename of a person quoted in 27 articles renders 277 entity pages instead
# of 428 (benchmarks/RESULTS.md, round 7); tests/test_build_cache.py edits people, sources,
# claims and articles and compares the result with a full render.
NAMED_KINDS = frozenset({"people", "sources"})

# Fields shown only on the entity's own page and on its article's page (a claim's preview
# there, its annotation in the article's annotations.jsonld). An edit to these alone leaves
# every other page as it was: after an explanation is edited, two pages are rendered again
# instead of a few hundred. tests/test_build_cache.py edits each of them.
OWN_PAGE_FIELDS: dict[str, frozenset[str]] = {"claims": frozenset({"explanation", "original_wording"})}

# Fields shown on the entity's own page, on its direct neighbours' pages and on the site-wide
# listings, never two links away: a claim's verdict is on the pages of its article, claimant,
# sources and related claims (each lists the claim), in their local graphs and exports. An edit
# to these renders a handful of pages instead of a few hundred; tests/test_build_cache.py edits the
# verdict of claims of every shape and compares the result with a full render.
NEAR_FIELDS: dict[str, frozenset[str]] = {"claims": frozenset({"verdict"})}
NEAR_OR_OWN = {kind: fields | OWN_PAGE_FIELDS.get(kind, frozenset()) for kind, fields in NEAR_FIELDS.items()}


def _differ(a: object, b: object) -> bool:
    return a is not b and a != b  # most entries are the very objects of the last build: no field-by-field compare


def _only_differ(only: Mapping[str, frozenset[str]], kind: str, before: object, after: object) -> bool:
    """Whether the two entries of one entity differ in the fields `only[kind]` alone."""
    fields = only.get(kind)
    if fields is None or before is None or type(before) is not type(after):
        return False
    return {k: v for k, v in vars(before).items() if k not in fields} == {k: v for k, v in vars(after).items() if k not in fields}


def entries(corpus: Corpus) -> dict[Key, Any]:
    """What each entity is, as values that compare equal when nothing about it changed."""
    out: dict[Key, Any] = {}
    for kind in ("documents", "people", "sources", "claims"):
        for entity_id, item in corpus.entities(kind).items():
            out[(kind, entity_id)] = item.entry
    for doc_id, text in corpus.texts.items():
        out[("documents", doc_id)] = (out.get(("documents", doc_id)), text.text, corpus.titles.get(doc_id))
    return out
