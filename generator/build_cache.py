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
rendered again; every other entity page is the previous build's text. Index and
site-wide pages are always rendered. tests/test_build_cache.py checks that the result is
the full render, page for page, after edits of every kind.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from . import urls
from .diagnostics import Diagnostic
from .text_spans import SourceText
from .validate import Located

if TYPE_CHECKING:
    from .corpus import Corpus
    from .pages import SiteOptions

Key = tuple[str, str]  # (kind, id)
DEPTH = 2  # how many links away a page shows facts about other entities

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Memo(Generic[K, V]):
    """Values of the previous build, handed out again when their key comes back."""

    def __init__(self) -> None:
        self.previous: dict[K, V] = {}
        self.current: dict[K, V] = {}
        self.hits = 0

    def get(self, key: K, make: Callable[[], V]) -> V:
        if key in self.current:
            return self.current[key]
        if key in self.previous:
            value = self.previous[key]
            self.hits += 1
        else:
            value = make()
        self.current[key] = value
        return value

    def next_build(self) -> None:
        self.previous, self.current, self.hits = self.current, {}, 0


@dataclass(frozen=True)
class Parsed:
    """One annotation file, parsed and validated: its entries, or why they cannot be used."""

    problems: tuple[Diagnostic, ...]
    entries: tuple[Located, ...]
    claimed: frozenset[tuple[str, str]]  # ids of entries that failed validation


LineKey = tuple[str, str, bool, bool, bool]  # (page, claim id, and `Renderer.claim_line`'s three options)


class ClaimLines:
    """Claim lines kept from one render for the next: `reused` are handed out, `made` collects."""

    def __init__(self) -> None:
        self.reused: dict[LineKey, str] = {}
        self.made: dict[LineKey, str] = {}

    def start(self, reused: dict[LineKey, str]) -> None:
        self.reused, self.made = reused, {}


@dataclass
class BuildCache:
    # (path, label, text) -> the file parsed and validated.
    parsed: Memo[tuple[str, str, str], Parsed] = field(default_factory=Memo)
    # text -> the source text with its normalised index (built once, then reused).
    texts: Memo[str, SourceText] = field(default_factory=Memo)

    # The last render, to reuse its entity pages (kept only by `mkdocs serve`).
    rendered: Rendered | None = None
    # The last build's export files, with the (site_url, directory_urls) they were made for.
    exports: tuple[tuple[str | None, bool], dict[str, str]] | None = None
    # A claim line (claims index, timeline) depends on entities one link from its claim.
    claim_lines: ClaimLines = field(default_factory=ClaimLines)
    _links: tuple[Corpus, dict[Key, set[Key]]] | None = None  # this build's corpus and its links

    def source_text(self, text: str) -> SourceText:
        return self.texts.get(text, lambda: SourceText(text))

    def next_build(self) -> None:
        self.parsed.next_build()
        self.texts.next_build()
        self._links = None  # the last build's corpus can go

    def reusable_pages(self, corpus: Corpus, options: SiteOptions) -> dict[str, str] | None:
        """The entity pages of the last render that this corpus cannot have changed.

        Also readies `claim_lines`: the last render's claim lines of the claims it cannot have
        changed either, for the pages that are always rendered (claims index, timeline).
        """
        if self.rendered is None:
            self.claim_lines.start({})
            return None
        reuse, affected = self.rendered.reusable(corpus, options, self.links(corpus))
        previous = self.rendered.lines
        self.claim_lines.start({k: v for k, v in previous.items() if ("claims", k[1]) not in affected} if reuse else {})
        return reuse

    def links(self, corpus: Corpus) -> dict[Key, set[Key]]:
        """`links(corpus)`, made once per build: finding the reusable pages and remembering need it."""
        if self._links is None or self._links[0] is not corpus:
            self._links = (corpus, links(corpus))
        return self._links[1]

    def reusable_exports(
        self, corpus: Corpus, reuse: Mapping[str, str] | None, site_url: str | None, directory_urls: bool
    ) -> dict[str, str]:
        """The last build's annotation files of the articles whose page is reused.

        An article's annotations hold its text, its claims, their claimants' names and the
        entities it mentions: all within two links of it, so they are unchanged whenever its
        page is (tests/test_build_cache.py compares them with a full export).
        """
        if not reuse or self.exports is None or self.exports[0] != (site_url, directory_urls):
            return {}
        previous = self.exports[1]
        out: dict[str, str] = {}
        for doc_id in corpus.documents:
            path = urls.annotations_file(doc_id)
            if urls.entity_page("documents", doc_id) in reuse and path in previous:
                out[path] = previous[path]
        return out

    def remember_exports(self, files: dict[str, str], site_url: str | None, directory_urls: bool) -> None:
        self.exports = ((site_url, directory_urls), files)

    def remember(self, corpus: Corpus, options: SiteOptions, pages: Mapping[str, str]) -> None:
        self.rendered = Rendered(
            entries(corpus), self.links(corpus), dict(pages), replace(options, edit_links={}), options.edit_links, self.claim_lines.made
        )


@dataclass(frozen=True)
class Rendered:
    entries: dict[Key, Any]
    links: dict[Key, set[Key]]
    pages: dict[str, str]
    options: SiteOptions  # without its edit links, which are compared page by page
    edit_links: Mapping[str, Any]
    lines: dict[LineKey, str]  # the claim lines this render made

    def reusable(self, corpus: Corpus, options: SiteOptions, graph: dict[Key, set[Key]]) -> tuple[dict[str, str], set[Key]]:
        """The reusable pages, and the entities within two links of a change (whose pages are not)."""
        if replace(options, edit_links={}) != self.options:
            return {}, set()
        now = entries(corpus)
        changed = {key for key in now.keys() | self.entries.keys() if now.get(key) != self.entries.get(key)}
        affected, frontier = set(changed), changed
        for _ in range(DEPTH):
            frontier = {n for key in frontier for n in graph.get(key, set()) | self.links.get(key, set())} - affected
            affected |= frontier
        reuse: dict[str, str] = {}
        for kind, entity_id in now.keys() - affected:
            page = urls.entity_page(kind, entity_id)
            if page in self.pages and options.edit_links.get(page) == self.edit_links.get(page):
                reuse[page] = self.pages[page]
        return reuse, affected


def entries(corpus: Corpus) -> dict[Key, Any]:
    """What each entity is, as values that compare equal when nothing about it changed."""
    out: dict[Key, Any] = {}
    for kind in ("documents", "people", "sources", "claims"):
        for entity_id, item in corpus.entities(kind).items():
            out[(kind, entity_id)] = item.entry
    for doc_id, text in corpus.texts.items():
        out[("documents", doc_id)] = (out.get(("documents", doc_id)), text.text, corpus.titles.get(doc_id))
    return out


def links(corpus: Corpus) -> dict[Key, set[Key]]:
    """Each entity's neighbours: what links it to others in the corpus, either way."""
    pairs: list[tuple[Key, Key]] = []
    join = pairs.append  # (a, b): joined both ways below, in one loop without a call per pair
    for claim_id, item in corpus.claims.items():
        key, claim = ("claims", claim_id), item.entry
        if claim_id in corpus.claim_document:
            join((key, ("documents", corpus.claim_document[claim_id])))
        if claim.claimant:
            join((key, ("people", claim.claimant)))
        for source in claim.via:
            join((key, ("sources", source)))
        for evidence in claim.evidence:
            if evidence.source:
                join((key, ("sources", evidence.source)))
        for related in claim.related:
            join((key, ("claims", related.claim)))
    for doc_id, item in corpus.documents.items():
        key = ("documents", doc_id)
        if item.entry.publisher:
            join((key, ("sources", item.entry.publisher)))
        for mention in corpus.mentions.get(doc_id, []):
            join((key, (mention.kind, mention.entity)))
    graph: dict[Key, set[Key]] = defaultdict(set)
    for a, b in pairs:
        graph[a].add(b)
        graph[b].add(a)
    return dict(graph)
