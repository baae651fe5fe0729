"""The graph pages: the network split by article (`site_map.listing`), each page drawn when asked for."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator

from ...annotations.corpus import Corpus, Key
from ...site_map import listing, urls
from ...site_map.listing import ARTICLES_PER_PAGE
from ...translation.messages import Messages, messages
from ..pager import page_title, pager
from .layout import CLAIM_WIDTH, CLAIM_X, DOCUMENT_X, PEOPLE_X, SOURCE_X, WIDTH, NodeLinks, draw, heading, layout, mirror_x
from .network import Edge, Network, Node, network
from .svg import right_to_left, svg


def _drawn_from(corpus: Corpus, net: Network, directory_urls: bool, to_sources: bool) -> tuple[object, ...]:
    """Everything a graph page reads of the network: equal keys give the same drawing."""
    return (
        directory_urls,
        to_sources,
        [tuple(n) for n in net.nodes.values()],
        [(e.a, e.b, e.relation) for e in net.edges],
        [(d, corpus.claims_in_document(d)) for d in corpus.documents if ("documents", d) in net.nodes],
        [i for i in corpus.entities("people") if ("people", i) in net.nodes],
        [i for i in corpus.entities("sources") if ("sources", i) in net.nodes],
    )


# Each graph page's last drawing, by its language and what it was drawn from. Under `mkdocs serve`
# most edits leave most pages' networks as they were, and drawing 10,000 nodes is ~1 s of a
# rebuild (issue 6). One entry per page path: it never holds more than the site's graph pages.
_last_drawn: dict[str, tuple[tuple[object, ...], str, NodeLinks]] = {}


def graph_pages(
    corpus: Corpus,
    *,
    directory_urls: bool = True,
    to_sources: bool = False,
    net: Network | None = None,
    per_page: int = ARTICLES_PER_PAGE,
    msg: Messages | None = None,
) -> dict[str, str]:
    """The graph, `per_page` articles a page (in title order), with their claims, people and sources.

    A person or source linked to articles on several pages is drawn on each of them; a relation
    between claims on different pages is on both claims' own pages. People and sources linked
    to nothing are drawn on the first page. `msg`: the site's language (English when None); a
    right-to-left one mirrors the drawing.
    """
    return dict(
        graph_pages_one_by_one(corpus, directory_urls=directory_urls, to_sources=to_sources, net=net, per_page=per_page, msg=msg)
    )


def graph_pages_one_by_one(
    corpus: Corpus,
    *,
    directory_urls: bool = True,
    to_sources: bool = False,
    net: Network | None = None,
    per_page: int = ARTICLES_PER_PAGE,
    msg: Messages | None = None,
) -> Iterator[tuple[str, str]]:
    """`graph_pages`, each page drawn when it is asked for: a full build hands the first on while the others are drawn."""
    msg = msg or messages("en")
    if not corpus.claims and not corpus.people and not corpus.sources and not corpus.documents:
        yield urls.GRAPH, "\n".join([*FRONT_MATTER, "# " + msg._("Graph"), "", msg._("Nothing to draw yet."), ""])
        return
    net = net or network(corpus)
    listed = listing.graph_listing(corpus, per_page)
    for page, part in zip(listed, page_networks(corpus, net, listed), strict=True):
        key = (msg.language, _drawn_from(corpus, part, directory_urls, to_sources), page)
        last = _last_drawn.get(page.path)
        if last is None or last[0] != key:
            links: NodeLinks = {}
            link_to = urls.url_links_from(page.path, directory_urls=directory_urls, to_sources=to_sources)
            # A node's link from the last drawing says the same only in the same language.
            before = last[2] if last is not None and last[0][0] == msg.language else {}
            drawn = _graph_page(corpus, part, link_to, page, (before, links), msg)
            last = _last_drawn[page.path] = (key, drawn, links)
        yield page.path, last[1]


def page_networks(corpus: Corpus, net: Network, pages: list[listing.ListingPage]) -> list[Network]:
    """The part of `net` each graph page draws: its articles, their claims, and every person and
    source linked to them; people and sources linked to nothing go on the first page. A relation
    between claims on different pages is drawn on neither. Nodes and edges keep `net`'s order.

    One pass over the network for all pages: a rebuild under `serve` makes them all again.
    """
    home: dict[Key, int] = {}  # an article's or a claim's page
    for index, page in enumerate(pages):
        for doc_id in page.doc_ids:
            home[("documents", doc_id)] = index
            home.update((("claims", c), index) for c in corpus.claims_in_document(doc_id))
    edges: list[list[Edge]] = [[] for _ in pages]
    shown_on: dict[Key, set[int]] = defaultdict(set)  # a person's or a source's pages
    for edge in net.edges:
        a, b = home.get(edge.a), home.get(edge.b)
        if a is not None and b is not None:
            if a == b:
                edges[a].append(edge)
            continue
        inside = a if a is not None else b
        if inside is not None:
            edges[inside].append(edge)
            shown_on[edge.b if a is not None else edge.a].add(inside)
    nodes: list[dict[Key, Node]] = [{} for _ in pages]
    for key, node in net.nodes.items():
        own = home.get(key)
        if own is not None:
            nodes[own][key] = node
        elif key in shown_on:
            for index in shown_on[key]:
                nodes[index][key] = node
        elif pages:
            nodes[0][key] = node
    return [Network(n, e) for n, e in zip(nodes, edges, strict=True)]


def drawn_on(corpus: Corpus, net: Network, pages: list[listing.ListingPage]) -> dict[Key, listing.ListingPage]:
    """The graph page that draws each node, where a local graph's "graph" link goes.

    As `page_networks` places the nodes: an article and its claims on the article's page; a
    person or a source on the first page drawing an article or claim linked to it, else on the
    first page.
    """
    home: dict[Key, listing.ListingPage] = {}
    for page in pages:
        for doc_id in page.doc_ids:
            home[("documents", doc_id)] = page
            home.update((("claims", c), page) for c in corpus.claims_in_document(doc_id))
    if not pages:
        return home
    for key in net.nodes:
        if key not in home:
            on = [home[n] for n in net.neighbour_keys(key) if n in home]
            home[key] = min(on, key=lambda page: page.number) if on else pages[0]
    return home


FRONT_MATTER = ["---", "hide:", "  - navigation", "  - toc", "---", ""]


def _graph_page(
    corpus: Corpus,
    net: Network,
    link_to: Callable[[str], str],
    page: listing.ListingPage,
    links: tuple[NodeLinks, NodeLinks],
    msg: Messages,
) -> str:
    here = page.path
    rtl = right_to_left(msg)
    out = [*FRONT_MATTER, "# " + page_title(msg._("Graph"), page, msg), ""]
    count = Counter(k[0] for k in net.nodes)
    out += [
        msg._(
            "How {people}, {claims}, {sources} and {articles} connect. "
            "Claims are in reading order, grouped by article; their icon and colour give the verdict. "
            "Each node opens its page; dashed lines are mentions in an article's text.",
            people=msg.ngettext("{n} person", "{n} people", count["people"]),
            claims=msg.ngettext("{n} claim", "{n} claims", count["claims"]),
            sources=msg.ngettext("{n} source", "{n} sources", count["sources"]),
            articles=msg.ngettext("{n} article", "{n} articles", count["documents"]),
        ),
        "",
        *pager(page, msg._("Pages of the graph"), msg),
    ]
    placed = layout(corpus, net, rtl)

    def at(x: float) -> float:
        return mirror_x(x) if rtl else x

    # Each heading lines up with its column's labels, on the same side of them in either direction.
    headings = [
        heading(at(PEOPLE_X), msg._("People"), "end"),
        heading(at(CLAIM_X - CLAIM_WIDTH / 2), msg._("Claims")),
        heading(at(DOCUMENT_X - 6), msg._("Articles")),
        heading(at(SOURCE_X - 6), msg._("Sources")),
    ]
    parts, height = draw(net, placed, link_to, headings, links, msg)
    if page.count > 1:
        title = msg._(
            "The network of people, claims, articles and sources, page {number} of {count}",
            number=msg.number(page.number), count=msg.number(page.count),
        )
    else:
        title = msg._("The network of people, claims, articles and sources")
    drawing = svg(parts, WIDTH, height, title, "g-svg g-whole", "rtl" if rtl else "ltr")
    out += [f'<div class="explainer-graph" data-search-exclude>{drawing}</div>', ""]
    lists = msg._(
        "The same connections as lists: the [claims]({claims}), [people]({people}), [sources]({sources}), "
        "[articles]({articles}) pages.",
        claims=urls.relative_link(here, urls.index_page("claims")),
        people=urls.relative_link(here, urls.index_page("people")),
        sources=urls.relative_link(here, urls.index_page("sources")),
        articles=urls.relative_link(here, urls.index_page("documents")),
    )
    out += [*pager(page, msg._("Pages of the graph"), msg), lists, ""]
    return "\n".join(out)
