"""The network of people, claims, sources and articles, drawn as static SVG at build time.

The layout is computed here, so the drawing is deterministic (same corpus, same bytes),
works without JavaScript, and every node is a plain link. The graph pages (a few dozen
articles each, see `listing`) are layered: people | claims (grouped by article, in reading
order) | articles | sources, each side column ordered by where its neighbours are, so most
lines stay short. An entity page gets a small local graph of its direct neighbours.

The SVG goes into the page as a raw HTML block: MkDocs rewrites no link in it, so links
are URLs (`urls.url_link`), and every label is escaped here.
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from typing import NamedTuple, cast

from . import listing, urls
from .bulk import per_run_cache
from .corpus import Corpus, Key
from .listing import ARTICLES_PER_PAGE
from .model import RELATION_INVERSE, RELATION_LABELS, VERDICTS

NOUNS = {"documents": "Article", "people": "Person", "sources": "Source", "claims": "Claim"}
# relation -> (seen from the edge's first node, seen from its second node)
RELATIONS: dict[str, tuple[str, str]] = {
    "in": ("in", "contains"),
    "said-by": ("said by", "said"),
    "via": ("credited to", "credited with"),
    "evidence": ("evidence from", "cited as evidence for"),
    "publisher": ("published by", "published"),
    "mentions": ("mentions", "mentioned in"),
    **{key: (RELATION_LABELS[key].lower(), RELATION_LABELS[RELATION_INVERSE[key]].lower()) for key in RELATION_INVERSE},
}


# Nodes and edges are named tuples, not dataclasses: a build makes ~10,000 of one and ~45,000
# of the other, and a frozen dataclass's __init__ sets each field through object.__setattr__.
class Node(NamedTuple):
    kind: str
    id: str
    label: str
    verdict: str | None = None

    @property
    def key(self) -> Key:
        return (self.kind, self.id)

    @property
    def page(self) -> str:
        return urls.entity_page(self.kind, self.id)

    def description(self) -> str:
        """What a screen reader and a tooltip say about the node."""
        if self.verdict:
            return f"Claim, {VERDICTS[self.verdict][0]}: {self.label}"
        return f"{NOUNS[self.kind]}: {self.label}"


class Edge(NamedTuple):
    a: Key
    b: Key
    relation: str


@dataclass(frozen=True)
class Network:
    nodes: dict[Key, Node]
    edges: list[Edge]

    @cached_property
    def _incident(self) -> dict[Key, list[Edge]]:
        # Built once (one cheap pass): every entity page asks for its neighbours, and a
        # `serve` rebuild asks for a few hundred of 10,000, so each node's table is made on demand.
        found: dict[Key, list[Edge]] = defaultdict(list)
        for edge in self.edges:
            if edge.a != edge.b:
                found[edge.a].append(edge)
                found[edge.b].append(edge)
        return found

    def local_order(self, corpus: Corpus) -> dict[Key, tuple[int, int, str, str]]:
        """Each node's place in a local graph's columns (kind, then reading order or name).

        Computed once for all nodes and kept with the network: every entity page sorts its
        neighbours by it. `corpus` must be the one the network was made from.
        """
        kept = self.__dict__.get("_local_order")
        if kept is not None and kept[0] is corpus:
            return cast(dict[Key, tuple[int, int, str, str]], kept[1])
        order: dict[Key, tuple[int, int, str, str]] = {}
        for k, node in self.nodes.items():
            if k[0] == "claims":
                order[k] = (ORDER["claims"], corpus.claim_span[k[1]].start, corpus.claim_document[k[1]], k[1])
            else:
                order[k] = (ORDER[k[0]], 0, node.label.casefold(), k[1])
        self.__dict__["_local_order"] = (corpus, order)  # beside the frozen fields, as cached_property does
        return order

    @cached_property
    def nodes_and_pages(self) -> dict[Key, tuple[Node, str]]:
        """Each node with its page (`Node.page`), made once for every graph that links to it."""
        return {k: (node, urls.entity_page(*k)) for k, node in self.nodes.items()}

    def neighbour_keys(self, key: Key) -> list[Key]:
        """The keys of `neighbours(key)`, in the same order, without their relations."""
        return list(dict.fromkeys(edge.b if edge.a == key else edge.a for edge in self._incident.get(key, ())))

    def neighbours(self, key: Key) -> dict[Key, list[str]]:
        """Each direct neighbour with the relations as seen from `key`, in a stable order (the edges')."""
        around: dict[Key, list[str]] = {}
        for edge in self._incident.get(key, ()):
            other, seen = (edge.b, RELATIONS[edge.relation][0]) if edge.a == key else (edge.a, RELATIONS[edge.relation][1])
            relations = around.setdefault(other, [])
            if seen not in relations:
                relations.append(seen)
        return around


def network(corpus: Corpus) -> Network:
    nodes: dict[Key, Node] = {}
    for doc_id in corpus.documents:
        nodes[("documents", doc_id)] = Node("documents", doc_id, corpus.titles[doc_id])
    for kind in ("people", "sources"):
        for entity_id, item in corpus.entities(kind).items():
            nodes[(kind, entity_id)] = Node(kind, entity_id, item.entry.name)
    edges: dict[tuple[Key, Key, str], None] = {}
    for claim_id in corpus.claims:
        claim = corpus.claim(claim_id)
        key = ("claims", claim_id)
        nodes[key] = Node("claims", claim_id, claim.title or claim.quote, claim.verdict)
        edges[(key, ("documents", corpus.claim_document[claim_id]), "in")] = None
        if claim.claimant:
            edges[(key, ("people", claim.claimant), "said-by")] = None
        for source in claim.via:
            edges[(key, ("sources", source), "via")] = None
        for evidence in claim.evidence:
            if evidence.source:
                edges[(key, ("sources", evidence.source), "evidence")] = None
        for rel in claim.related:
            edges[(key, ("claims", rel.claim), rel.relation)] = None
    for doc_id in corpus.documents:
        key = ("documents", doc_id)
        publisher = corpus.documents[doc_id].entry.publisher
        if publisher:
            edges[(key, ("sources", publisher), "publisher")] = None
        for mention in corpus.mentions.get(doc_id, []):
            edges[(key, (mention.kind, mention.entity), "mentions")] = None
    return Network(nodes, list(map(Edge._make, edges)))


# --- drawing -------------------------------------------------------------------

def esc(text: str) -> str:
    return html.escape(text, quote=True)


def num(value: float) -> str:
    """Coordinates with one decimal, `-0.0` and trailing zeros avoided, so output is stable."""
    # Memoised: a build formats >1 M coordinates, nearly all of them on a few hundred rows.
    text = _NUMS.get(value)
    if text is None:
        text = f"{value:.1f}".rstrip("0").rstrip(".")
        text = "0" if text in ("-0", "") else text
        if len(_NUMS) < 100_000:
            _NUMS[value] = text
    return text


_NUMS: dict[float, str] = {}


def shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] if " " in text[: limit - 1] else text[: limit - 1]
    # Never end inside brackets: the link's name is the whole text, and a name's aside in
    # brackets is left out when checking that a link's name contains what it shows (WCAG
    # 2.5.3; axe-core 4.14 drops "(...)" first), so "The Kremlin (Russian…" would not match.
    depth, opened = 0, 0
    for index, char in enumerate(cut):
        if char == "(":
            opened = index if depth == 0 else opened
            depth += 1
        elif char == ")" and depth:
            depth -= 1
    if depth and opened:
        cut = cut[:opened]
    return cut.rstrip(" ,;:.") + "…"


def curve(x1: float, y1: float, x2: float, y2: float) -> str:
    mid = (x1 + x2) / 2
    return f"M{num(x1)} {num(y1)}C{num(mid)} {num(y1)} {num(mid)} {num(y2)} {num(x2)} {num(y2)}"


def arc(x: float, y1: float, y2: float, bulge: float) -> str:
    return f"M{num(x)} {num(y1)}C{num(x + bulge)} {num(y1)} {num(x + bulge)} {num(y2)} {num(x)} {num(y2)}"


def spread(desired: list[tuple[float, str]], gap: float, top: float) -> dict[str, float]:
    """Positions near the desired ones, in their order, at least `gap` apart."""
    out: dict[str, float] = {}
    last = top - gap
    for want, name in sorted(desired):
        last = max(want, last + gap)
        out[name] = last
    return out


class Placed(NamedTuple):  # a named tuple, as Node: the whole graph places ~10,000
    node: Node
    x: float
    y: float
    label_side: str  # "start" (label right of the shape), "end" (left), "inside" (a pill)
    width: float = 0.0  # pills only
    limit: int = 30  # characters of label shown
    relation: str = ""  # local graphs: how the node relates to the page's entity

    def port(self, towards_x: float) -> float:
        """Where a line to a node at `towards_x` leaves this one."""
        if self.label_side != "inside":
            return self.x
        return self.x + self.width / 2 if towards_x > self.x else self.x - self.width / 2


def shape(p: Placed) -> str:
    return _shape_and_label_start(p.node.kind, p.node.verdict, p.x, p.y, p.label_side, p.width)[0]


def _shape_and_label_start(
    kind: str, verdict: str | None, x: float, y: float, label_side: str, width: float
) -> tuple[str, str]:
    """A node's shape and its label's opening tag: what depends on where the node is drawn."""
    verdict_css = f" verdict-{verdict}" if verdict else ""
    if label_side == "inside":
        half = width / 2
        return (
            f'<rect class="g-pill-bg" x="{num(x - half)}" y="{num(y - 10)}" width="{num(width)}" height="20" rx="10"/>'
            f'<rect class="g-node g-{kind}{verdict_css}" x="{num(x - half)}" y="{num(y - 10)}" width="{num(width)}" '
            'height="20" rx="10"/>',
            f'<text class="g-label" x="{num(x - half + 10)}" y="{num(y + 4)}">',
        )
    if kind == "people":
        drawn = f'<circle class="g-node g-people" cx="{num(x)}" cy="{num(y)}" r="7"/>'
    elif kind == "claims":
        d = f"M{num(x)} {num(y - 7)}L{num(x + 7)} {num(y)}L{num(x)} {num(y + 7)}L{num(x - 7)} {num(y)}Z"
        drawn = f'<path class="g-node g-claim-dot{verdict_css}" d="{d}"/>'
    elif kind == "sources":
        drawn = f'<rect class="g-node g-sources" x="{num(x - 6)}" y="{num(y - 6)}" width="12" height="12" rx="2"/>'
    else:
        drawn = f'<rect class="g-node g-documents" x="{num(x - 6)}" y="{num(y - 8)}" width="12" height="16" rx="1"/>'
    dx = 12 if label_side == "start" else -12
    return drawn, f'<text class="g-label" x="{num(x + dx)}" y="{num(y + 4)}" text-anchor="{label_side}">'


# Kept by text, not by node: a node's label is shown cut at a handful of lengths, on every
# page that draws it. Per run (bulk.py): such tables would otherwise hold tens of MB while
# MkDocs renders the pages.
@per_run_cache(maxsize=1 << 16)
def label_text(text: str, verdict: str | None, limit: int) -> str:
    """A node's label as shown (cut to `limit` characters, the verdict's icon first), escaped."""
    shown = shorten(text, limit)
    if verdict:
        shown = f"{_verdict_icons()[verdict]} {shown}"
    return esc(shown)


@cache
def _verdict_icons() -> dict[str, str]:
    # Imported once, not at each label (pages imports this module).
    from .pages import VERDICT_ICONS

    return VERDICT_ICONS


@per_run_cache(maxsize=1 << 15)
def _description_html(node: Node) -> str:
    return esc(node.description())


@lru_cache(maxsize=1 << 10)
def _relation_html(relation: str) -> str:
    """`relation` as the start of a description, escaped (escaping commutes with joining)."""
    return esc(f"{relation[:1].upper()}{relation[1:]}: ")


def node_link(p: Placed, here: str, directory_urls: bool) -> str:
    return _placed_link(p, urls.url_link(here, p.node.page, directory_urls=directory_urls))


def _placed_link(p: Placed, href: str) -> str:
    shape_, start = _shape_and_label_start(p.node.kind, p.node.verdict, p.x, p.y, p.label_side, p.width)
    return _link(href, _node_text(p.node, p.relation, p.limit), shape_ + start)


def _link(href: str, text: tuple[str, str], drawn: str) -> str:
    """A node as a link to its page: `text` is its `_node_text`, `drawn` its shape and its label's opening tag."""
    return f'<a class="g-link" href="{_href_html(href)}{text[0]}{drawn}{text[1]}</text></a>'


# The same link text comes back from page to page (`../../people/x/` from every claim page).
_href_html = per_run_cache(maxsize=1 << 15)(esc)


# A person is "said" on every one of their claims' pages, an article "in" on each of its
# claims': what a link says comes back far more often than where it is drawn.
@per_run_cache(maxsize=1 << 16)
def _node_text(node: Node, relation: str, limit: int) -> tuple[str, str]:
    """What a node's link says: the end of its opening tag and its title (escaped), and its label."""
    description = _description_html(node)
    if relation:
        description = _relation_html(relation) + description
    return f'" aria-label="{description}"><title>{description}</title>', label_text(node.label, node.verdict, limit)


def edge_path(a: Placed, b: Placed, relation: str, bulge: float = 0.0) -> str:
    if bulge:
        return _path(relation, arc(a.port(a.x + 1), a.y, b.y, bulge))
    return _path(relation, curve(a.port(b.x), a.y, b.port(a.x), b.y))


def _path(relation: str, d: str) -> str:
    css = "g-edge g-edge-faint" if relation == "mentions" else "g-edge"
    return f'<path class="{css}" d="{d}"/>'


# Local graphs put nodes on two columns and a few dozen rows: the same few hundred places
# come back on page after page, so their markup is kept (the whole graph's places are not).
@lru_cache(maxsize=1 << 13)
def _local_place(kind: str, verdict: str | None, x: float, y: float, faint: bool, centre_y: float) -> tuple[str, str]:
    """A local graph's neighbour at (x, y), left or right of the centre: its line from the centre's
    pill (`edge_path`), and its shape with its label's opening tag."""
    right = x > CENTRE_X
    shape_, start = _shape_and_label_start(kind, verdict, x, y, "start" if right else "end", 0.0)
    port = CENTRE_X + CENTRE_WIDTH / 2 if right else CENTRE_X - CENTRE_WIDTH / 2  # Placed.port of the pill
    return _path("mentions" if faint else "", curve(port, centre_y, x, y)), shape_ + start


@lru_cache(maxsize=1 << 10)
def _local_centre(kind: str, verdict: str | None, centre_y: float) -> str:
    """A local graph's centre: its pill and its label's opening tag."""
    pill = _shape_and_label_start(kind, verdict, CENTRE_X, centre_y, "inside", CENTRE_WIDTH)[0]
    return f'{pill}<text class="g-label" x="{num(CENTRE_X)}" y="{num(centre_y + 4)}" text-anchor="middle">'


def svg(parts: Iterable[str], width: float, height: float, title: str, css: str) -> str:
    return (
        f'<svg class="{css}" viewBox="0 0 {num(width)} {num(height)}" width="{num(width)}" height="{num(height)}" '
        f'role="group" aria-label="{esc(title)}" xmlns="http://www.w3.org/2000/svg">' + "".join(parts) + "</svg>"
    )


# --- the whole network -------------------------------------------------------------

CHAR_WIDTH = 6.4  # an average character at 12px, to cut labels before they leave the drawing

WIDTH = 1200.0
ROW = 28.0
TOP = 56.0
PEOPLE_X, CLAIM_X, CLAIM_WIDTH, DOCUMENT_X, SOURCE_X = 200.0, 460.0, 400.0, 780.0, 960.0
CLAIM_LIMIT = int((CLAIM_WIDTH - 20) / CHAR_WIDTH) - 2  # characters in a pill, after the verdict icon


def layout(corpus: Corpus, net: Network) -> dict[Key, Placed]:
    """Places for the nodes of `net`: the whole network, or one page's part of it."""
    placed: dict[Key, Placed] = {}
    documents = [d for d in listing.by_title(corpus) if ("documents", d) in net.nodes]
    row = 0
    for doc_id in documents:
        for claim_id in corpus.claims_in_document(doc_id):
            key = ("claims", claim_id)
            placed[key] = Placed(net.nodes[key], CLAIM_X, TOP + row * ROW, "inside", CLAIM_WIDTH, CLAIM_LIMIT)
            row += 1
    claim_y = {k[1]: p.y for k, p in placed.items()}
    bottom = TOP + max(row - 1, 0) * ROW

    def desired(key: Key, known: dict[str, float], fallback: float) -> float:
        ys = [known[n[1]] for n in net.neighbour_keys(key) if n[1] in known and n[0] in ("claims", "documents")]
        return sum(ys) / len(ys) if ys else fallback

    doc_y = spread([(desired(("documents", d), claim_y, bottom + ROW), d) for d in documents], ROW * 1.5, TOP)
    for doc_id, y in doc_y.items():
        key = ("documents", doc_id)
        placed[key] = Placed(net.nodes[key], DOCUMENT_X, y, "start", limit=24)
    known = {**claim_y, **doc_y}
    for kind, x, side, limit in (("people", PEOPLE_X, "end", 28), ("sources", SOURCE_X, "start", 34)):
        ids = [i for i in corpus.entities(kind) if (kind, i) in net.nodes]
        ys = spread([(desired((kind, i), known, bottom + ROW), i) for i in ids], ROW, TOP)
        for entity_id, y in ys.items():
            placed[(kind, entity_id)] = Placed(net.nodes[(kind, entity_id)], x, y, side, limit=limit)
    return placed


# A node's link on a graph page, by where it is drawn and what it links to (`_placed_link`).
NodeLinks = dict[tuple[Placed, str], str]


def draw(
    net: Network,
    placed: dict[Key, Placed],
    link_to: Callable[[str], str],
    headings: list[str],
    links: tuple[NodeLinks, NodeLinks],
) -> tuple[list[str], float]:
    """The drawing's parts and its height. `link_to`: a page's link from the drawing's page
    (`urls.url_links_from`). `links`: the node links of the page's last drawing, to take
    from, and a table to fill with this one's (a rename changes one node of hundreds)."""
    edges: list[str] = []
    drawn: set[tuple[Key, Key]] = set()
    # ~45,000 lines between a few columns: `edge_path`, with each node's ports (`Placed.port`
    # towards the right and the left) and y, and each pair of ports' numbers, made once.
    inf = float("inf")
    spots = {k: (p.x, p.port(inf), p.port(-inf), num(p.y)) for k, p in placed.items()}
    xs: dict[tuple[float, float], tuple[str, str, str]] = {}
    for ka, kb, relation in net.edges:
        sa, sb = spots.get(ka), spots.get(kb)
        if sa is None or sb is None:
            continue
        pair = (ka, kb) if ka <= kb else (kb, ka)
        if pair in drawn:
            continue
        drawn.add(pair)
        if sa[0] != sb[0]:
            ports = (sa[1], sb[2]) if sb[0] > sa[0] else (sa[2], sb[1])
            x1, mid, x2 = xs.get(ports) or xs.setdefault(ports, (num(ports[0]), num((ports[0] + ports[1]) / 2), num(ports[1])))
            css = "g-edge g-edge-faint" if relation == "mentions" else "g-edge"
            edges.append(f'<path class="{css}" d="M{x1} {sa[3]}C{mid} {sa[3]} {mid} {sb[3]} {x2} {sb[3]}"/>')
            continue
        a, b = placed[ka], placed[kb]
        bulge = (24 + abs(a.y - b.y) / 8) * (1 if a.label_side == "inside" else -1)
        if a.label_side == "inside":
            a = Placed(a.node, a.x + a.width / 2, a.y, "start")
            b = Placed(b.node, b.x + b.width / 2, b.y, "start")
        edges.append(edge_path(a, b, relation, bulge))
    # Column by column, top to bottom: the order the keyboard visits them in.
    ordered = sorted(placed.values(), key=lambda p: (p.x, p.y))
    before, now = links
    nodes = []
    for p in ordered:
        at = (p, link_to(p.node.page))
        link = before.get(at)
        now[at] = link = link if link is not None else _placed_link(*at)
        nodes.append(link)
    height = max((p.y for p in placed.values()), default=TOP) + ROW
    groups = ['<g class="g-headings">', *headings, "</g>", '<g class="g-edges">', *edges, "</g>"]
    return [*groups, '<g class="g-nodes">', *nodes, "</g>"], height


def heading(x: float, text: str, anchor: str = "start") -> str:
    return f'<text class="g-heading" x="{num(x)}" y="24" text-anchor="{anchor}">{esc(text)}</text>'


NOUN_PLURALS = (("people", ("person", "people")), ("claims", ("claim", "claims")),
                ("sources", ("source", "sources")), ("documents", ("article", "articles")))


def counted(count: int, nouns: tuple[str, str]) -> str:
    return f"{count} {nouns[0] if count == 1 else nouns[1]}"


def _drawn_from(corpus: Corpus, net: Network, directory_urls: bool, to_sources: bool) -> tuple[object, ...]:
    """Everything a graph page reads of the network: equal keys give the same drawing."""
    return (
        directory_urls,
        to_sources,
        [(n.kind, n.id, n.label, n.verdict) for n in net.nodes.values()],
        [(e.a, e.b, e.relation) for e in net.edges],
        [(d, corpus.claims_in_document(d)) for d in corpus.documents if ("documents", d) in net.nodes],
        [i for i in corpus.entities("people") if ("people", i) in net.nodes],
        [i for i in corpus.entities("sources") if ("sources", i) in net.nodes],
    )


# Each graph page's last drawing, by what it was drawn from. Under `mkdocs serve` most edits
# leave most pages' networks as they were, and drawing 10,000 nodes is ~1 s of a rebuild
# (issue 6). One entry per page path: it never holds more than the site's graph pages.
_last_drawn: dict[str, tuple[tuple[object, ...], str, NodeLinks]] = {}


def graph_pages(
    corpus: Corpus,
    *,
    directory_urls: bool = True,
    to_sources: bool = False,
    net: Network | None = None,
    per_page: int = ARTICLES_PER_PAGE,
) -> dict[str, str]:
    """The graph, `per_page` articles a page (in title order), with their claims, people and sources.

    A person or source linked to articles on several pages is drawn on each of them; a relation
    between claims on different pages is on both claims' own pages. People and sources linked
    to nothing are drawn on the first page.
    """
    return dict(graph_pages_one_by_one(corpus, directory_urls=directory_urls, to_sources=to_sources, net=net, per_page=per_page))


def graph_pages_one_by_one(
    corpus: Corpus,
    *,
    directory_urls: bool = True,
    to_sources: bool = False,
    net: Network | None = None,
    per_page: int = ARTICLES_PER_PAGE,
) -> Iterator[tuple[str, str]]:
    """`graph_pages`, each page drawn when it is asked for: a full build hands the first on while the others are drawn."""
    if not corpus.claims and not corpus.people and not corpus.sources and not corpus.documents:
        yield urls.GRAPH, "\n".join([*FRONT_MATTER, "# Graph", "", "Nothing to draw yet.", ""])
        return
    net = net or network(corpus)
    listed = listing.graph_listing(corpus, per_page)
    for page, part in zip(listed, page_networks(corpus, net, listed), strict=True):
        key = (_drawn_from(corpus, part, directory_urls, to_sources), page)
        last = _last_drawn.get(page.path)
        if last is None or last[0] != key:
            links: NodeLinks = {}
            link_to = urls.url_links_from(page.path, directory_urls=directory_urls, to_sources=to_sources)
            drawn = _graph_page(corpus, part, link_to, page, (last[2] if last else {}, links))
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
    corpus: Corpus, net: Network, link_to: Callable[[str], str], page: listing.ListingPage, links: tuple[NodeLinks, NodeLinks]
) -> str:
    here = page.path
    out = [*FRONT_MATTER, f"# {listing.title('Graph', page)}", ""]
    counts = [counted(sum(k[0] == kind for k in net.nodes), noun) for kind, noun in NOUN_PLURALS]
    out += [
        f"How {counts[0]}, {counts[1]}, {counts[2]} and {counts[3]} connect. "
        "Claims are in reading order, grouped by article; their icon and colour give the verdict. "
        "Each node opens its page; dashed lines are mentions in an article's text.",
        "",
        *listing.pager(page, "graph"),
    ]
    placed = layout(corpus, net)
    headings = [
        heading(PEOPLE_X, "People", "end"),
        heading(CLAIM_X - CLAIM_WIDTH / 2, "Claims"),
        heading(DOCUMENT_X - 6, "Articles"),
        heading(SOURCE_X - 6, "Sources"),
    ]
    parts, height = draw(net, placed, link_to, headings, links)
    title = "The network of people, claims, articles and sources"
    if page.count > 1:
        title += f", page {page.number} of {page.count}"
    out += [f'<div class="explainer-graph" data-search-exclude>{svg(parts, WIDTH, height, title, "g-svg g-whole")}</div>', ""]
    lists = ", ".join(
        f"[{noun}]({urls.relative_link(here, urls.index_page(kind))})"
        for noun, kind in (("claims", "claims"), ("people", "people"), ("sources", "sources"), ("articles", "documents"))
    )
    out += [*listing.pager(page, "graph"), f"The same connections as lists: the {lists} pages.", ""]
    return "\n".join(out)


# --- one entity's neighbours ------------------------------------------------------

LOCAL_WIDTH = 760.0
LOCAL_ROW = 26.0
LOCAL_TOP = 20.0
# Claims (long labels) go right, so the right column gets more room than the left.
CENTRE_X, CENTRE_WIDTH, LEFT_X, RIGHT_X = 330.0, 160.0, 170.0, 490.0
MAX_SIDE = 40
ORDER = {"people": 0, "documents": 1, "sources": 2, "claims": 3}


def local_graph(
    corpus: Corpus,
    kind: str,
    entity_id: str,
    *,
    directory_urls: bool = True,
    to_sources: bool = False,
    net: Network | None = None,
    graph_page: listing.ListingPage | None = None,
) -> list[str]:
    """A small SVG of the entity and its direct neighbours, as Markdown lines (empty without neighbours).

    Pass `net` (the corpus's `network`) when drawing many pages: it is the same for all of them.
    `graph_page` is the page of the whole graph that draws the entity (`drawn_on`); None: a graph of one page.
    """
    net = net or network(corpus)
    key = (kind, entity_id)
    around = net.neighbours(key)
    if not around:
        return []
    here = urls.entity_page(kind, entity_id)
    ordered = sorted(around, key=net.local_order(corpus).__getitem__)
    right = [k for k in ordered if k[0] == "claims"]
    left = [k for k in ordered if k[0] != "claims"]
    if kind == "claims" or not left or not right:
        # One kind only (or a claim page): balance the two sides instead.
        half = (len(ordered) + 1) // 2
        left, right = ordered[:half], ordered[half:]
    hidden = max(0, len(left) - MAX_SIDE) + max(0, len(right) - MAX_SIDE)
    left, right = left[:MAX_SIDE], right[:MAX_SIDE]
    rows = max(len(left), len(right), 1)
    height = LOCAL_TOP * 2 + (rows - 1) * LOCAL_ROW + (LOCAL_ROW if hidden else 0)
    centre_y = LOCAL_TOP + (rows - 1) * LOCAL_ROW / 2
    # ~70,000 neighbours at 1,000 articles: drawn from memoised pieces, without a Placed each (issue 6).
    edges: list[str] = []
    nodes: list[str] = []
    linked = net.nodes_and_pages
    link_to = urls.url_links_from(here, directory_urls=directory_urls, to_sources=to_sources)
    for side, x, room in ((left, LEFT_X, LEFT_X - 16), (right, RIGHT_X, LOCAL_WIDTH - RIGHT_X - 16)):
        offset = LOCAL_TOP + (rows - len(side)) * LOCAL_ROW / 2
        limit = int(room / CHAR_WIDTH)
        for index, k in enumerate(side):
            (node, page), relations = linked[k], around[k]
            faint = "mentions" in relations or "mentioned in" in relations
            edge, drawn = _local_place(node.kind, node.verdict, x, offset + index * LOCAL_ROW, faint, centre_y)
            edges.append(edge)
            text = _node_text(node, ", ".join(relations), limit - 2 if k[0] == "claims" else limit)  # the verdict icon
            nodes.append(_link(link_to(page), text, drawn))
    me = net.nodes[key]
    centre_svg = (
        f'<g class="g-centre" aria-current="page"><title>{_description_html(me)}</title>'
        f"{_local_centre(me.kind, me.verdict, centre_y)}{label_text(me.label, me.verdict, 22)}</text></g>"
    )
    more = (
        [f'<text class="g-more" x="{num(CENTRE_X)}" y="{num(height - 8)}" text-anchor="middle">and {hidden} more</text>']
        if hidden else []
    )
    parts = ['<g class="g-edges">', *edges, "</g>", '<g class="g-nodes">', centre_svg, *nodes, *more, "</g>"]
    title = f"{me.description()} and its {len(around)} direct connection{'s' if len(around) != 1 else ''}"
    if graph_page is None or graph_page.count == 1:
        whole = f"the [graph]({urls.relative_link(here, urls.GRAPH)}) shows the connections of every article."
    else:
        whole = (
            f"[page {graph_page.number} of the graph]({urls.relative_link(here, graph_page.path)}) "
            "shows them among the connections of other articles."
        )
    return [
        "## Connections",
        "",
        '<div class="explainer-graph explainer-local" data-search-exclude>'
        + svg(parts, LOCAL_WIDTH, height, title, "g-svg g-local") + "</div>",
        "",
        f"Each node opens its page; {whole}",
        "",
    ]
