"""Render the corpus into Markdown pages: `{page path: markdown}`.

The pages are plain Markdown with relative links, so MkDocs checks every link and anchor;
the exceptions are the generator's own HTML blocks (drawings, the lines of the claims index
and the timeline, see `html_blocks`), which link to the built pages' URLs (`urls.url_link`),
checked by tests/test_site_build.py and tests/test_listing.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from functools import partial

from ..annotations.corpus import Corpus, Key
from ..open_data import claimreview
from ..site_map import listing, urls
from ..site_map.listing import ListingPage
from ..support.progress import QUIET, Progress
from .article_page import ArticlePage
from .claim_listings import ClaimListings
from .corrections_page import corrections_page
from .edit_links import footer as edit_footer
from .entity_pages import EntityPages
from .graph.network import Network, network
from .graph.pages import graph_pages_one_by_one
from .index_pages import IndexPages
from .options import SiteOptions
from .reference import format_page, verdicts_page
from .renderer import ClaimLines
from .timeline import timeline_pages


class SiteRenderer(EntityPages, ArticlePage, IndexPages, ClaimListings):
    """Every page kind, over one corpus and one set of options."""


def render_pages(
    corpus: Corpus,
    options: SiteOptions | None = None,
    *,
    reuse: Mapping[str, str] | None = None,
    lines: ClaimLines | None = None,
    net: Network | None = None,
    drawn_on: Mapping[Key, ListingPage] | None = None,
    progress: Progress = QUIET,
) -> dict[str, str]:
    """Every generated page, keyed by its Markdown path, in a stable order: the site-wide pages, then the entity pages.

    Pages found in `reuse` are taken from it instead of being rendered: a rebuild under
    `mkdocs serve` passes the pages an edit cannot have changed (see build_cache), `lines`,
    the claim lines it cannot have changed, `net`, the corpus's network, and `drawn_on`, the
    graph page that draws each entity.
    """
    r = _renderer(corpus, options, lines, net)
    r.drawn_on = drawn_on
    pages = _site_pages(r, reuse)
    pages.update(_entity_pages(r, reuse, progress))
    return pages


def site_pages(corpus: Corpus, options: SiteOptions | None = None, *, net: Network | None = None) -> dict[str, str]:
    """The site-wide pages of `render_pages`, in its order: home, indexes, listings, reference."""
    return _site_pages(_renderer(corpus, options, None, net), None)


def site_page_makers(
    corpus: Corpus, options: SiteOptions | None = None, *, net: Network | None = None
) -> list[tuple[str, Callable[[], str]]]:
    """The site-wide pages of `site_pages`, in its order, each with the function that makes it (called once)."""
    return _site_page_makers(_renderer(corpus, options, None, net), None)


def entity_pages(corpus: Corpus, options: SiteOptions | None = None, *, net: Network | None = None) -> Iterator[tuple[str, str]]:
    """The entity pages of `render_pages` (every article, person, source and claim), one by one, in its order."""
    return _entity_pages(_renderer(corpus, options, None, net), None, QUIET)


def entity_page_paths(corpus: Corpus) -> list[str]:
    """The paths of the entity pages, in the order `entity_pages` makes them."""
    return [urls.entity_page(kind, entity_id) for kind in urls.SECTIONS for entity_id in corpus.entities(kind)]


def _renderer(corpus: Corpus, options: SiteOptions | None, lines: ClaimLines | None, net: Network | None) -> SiteRenderer:
    r = SiteRenderer(corpus, options or SiteOptions(), lines)
    # One network (and adjacency table) for the graph page and every local graph.
    r.network = net if net is not None else network(corpus)
    return r


def _site_pages(r: SiteRenderer, reuse: Mapping[str, str] | None) -> dict[str, str]:
    return {page: make() for page, make in _site_page_makers(r, reuse)}


def _site_page_makers(r: SiteRenderer, reuse: Mapping[str, str] | None) -> list[tuple[str, Callable[[], str]]]:
    """Each site-wide page with the function that makes it (or hands out its reused text), in `render_pages`' order."""
    corpus, options = r.c, r.options
    assert r.network is not None
    per_page = options.articles_per_page

    def kept_or_made(made_by: list[tuple[str, Callable[[], str]]]) -> list[tuple[str, Callable[[], str]]]:
        if reuse is None:
            return made_by
        return [(page, partial(reuse.__getitem__, page) if page in reuse else make) for page, make in made_by]

    makers = kept_or_made([
        *([(urls.HOME, r.home_page)] if options.home_page else []),
        (urls.index_page("documents"), r.documents_index),
        *r.claims_index_pages(per_page),
        *r.verdict_listing_pages(per_page),
        *r.tag_listing_pages(per_page),
        (urls.TAGS, r.tags_page),
        (urls.index_page("people"), r.people_index),
        (urls.index_page("sources"), r.sources_index),
        (urls.VERDICTS, partial(verdicts_page, corpus.scale, r.msg)),
        (urls.FORMAT, partial(format_page, corpus.scale, r.msg)),
        (urls.CORRECTIONS, partial(corrections_page, corpus, options.site_language)),
    ])
    graph = [page.path for page in listing.graph_listing(corpus, per_page)]
    if reuse is not None and all(page in reuse for page in graph):  # drawn from the same network
        makers += [(page, partial(reuse.__getitem__, page)) for page in graph]
    else:  # drawn in order, as asked for: a page's drawing is kept while its part of the network stays the same
        drawing = graph_pages_one_by_one(
            corpus, directory_urls=options.directory_urls, to_sources=options.html_links_to_sources, net=r.network, per_page=per_page, msg=r.msg
        )
        drawn: dict[str, str] = {}

        def graph_page(page: str) -> str:
            if page not in drawn:  # a loop, not next(): a StopIteration would quietly end a generator calling this
                for path, text in drawing:
                    drawn[path] = text
                    if path == page:
                        break
            return drawn.pop(page)

        makers += [(page, partial(graph_page, page)) for page in graph]
    makers += kept_or_made(timeline_pages(corpus, r.listing_line, r.html_links, r.msg, per_page))
    return makers


def _entity_pages(r: SiteRenderer, reuse: Mapping[str, str] | None, progress: Progress) -> Iterator[tuple[str, str]]:
    corpus, options = r.c, r.options
    renderers: dict[str, Callable[[str], str]] = {
        "documents": r.document_page, "people": r.person_page, "sources": r.source_page, "claims": r.claim_page
    }
    progress.phase("rendering pages", sum(len(corpus.entities(kind)) for kind in urls.SECTIONS))
    for kind in urls.SECTIONS:  # the order of `entity_page_paths`
        render = renderers[kind]
        for entity_id in corpus.entities(kind):
            page = urls.entity_page(kind, entity_id)
            progress.advance()
            if reuse is not None and page in reuse:
                yield page, reuse[page]
                continue
            content = render(entity_id)
            if kind == "claims":
                content += claimreview.script_block(
                    corpus,
                    entity_id,
                    site_url=options.site_url,
                    site_name=options.site_name,
                    directory_urls=options.directory_urls,
                    msg=r.msg,
                )
            yield page, content + edit_footer(options.edit_links.get(page), r.msg)
