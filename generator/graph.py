"""The network of people, claims, sources and articles, drawn as static SVG at build time.

The layout is computed here, so the drawing is deterministic (same corpus, same bytes),
works without JavaScript, and every node is a plain link. The whole graph is layered:
people | claims (grouped by article, in reading order) | articles | sources, each side
column ordered by where its neighbours are, so most lines stay short. An entity page gets
a small local graph of its direct neighbours.

The SVG goes into the page as a raw HTML block: MkDocs rewrites no link in it, so links
are URLs (`urls.url_link`), and every label is escaped here.
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from . import urls
from .corpus import Corpus
from .model import RELATION_INVERSE, RELATION_LABELS, VERDICTS

Key = tuple[str, str]  # (kind, id)

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


@dataclass(frozen=True)
class Node:
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


@dataclass(frozen=True)
class Edge:
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
    for claim_id in corpus.claims:
        claim = corpus.claim(claim_id)
        nodes[("claims", claim_id)] = Node("claims", claim_id, claim.title or claim.quote, claim.verdict)
    edges: dict[tuple[Key, Key, str], None] = {}
    for claim_id in corpus.claims:
        claim = corpus.claim(claim_id)
        key = ("claims", claim_id)
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
    return Network(nodes, [Edge(a, b, relation) for a, b, relation in edges])


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


@dataclass(frozen=True)
class Placed:
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
    kind, x, y = p.node.kind, p.x, p.y
    if p.label_side == "inside":
        half = p.width / 2
        verdict = f" verdict-{p.node.verdict}" if p.node.verdict else ""
        return (
            f'<rect class="g-pill-bg" x="{num(x - half)}" y="{num(y - 10)}" width="{num(p.width)}" height="20" rx="10"/>'
            f'<rect class="g-node g-{kind}{verdict}" x="{num(x - half)}" y="{num(y - 10)}" width="{num(p.width)}" '
            'height="20" rx="10"/>'
        )
    if kind == "people":
        return f'<circle class="g-node g-people" cx="{num(x)}" cy="{num(y)}" r="7"/>'
    if kind == "claims":
        verdict = f" verdict-{p.node.verdict}" if p.node.verdict else ""
        d = f"M{num(x)} {num(y - 7)}L{num(x + 7)} {num(y)}L{num(x)} {num(y + 7)}L{num(x - 7)} {num(y)}Z"
        return f'<path class="g-node g-claim-dot{verdict}" d="{d}"/>'
    if kind == "sources":
        return f'<rect class="g-node g-sources" x="{num(x - 6)}" y="{num(y - 6)}" width="12" height="12" rx="2"/>'
    return f'<rect class="g-node g-documents" x="{num(x - 6)}" y="{num(y - 8)}" width="12" height="16" rx="1"/>'


def label(p: Placed) -> str:
    from .pages import VERDICT_ICONS

    text = shorten(p.node.label, p.limit)
    if p.node.verdict:
        text = f"{VERDICT_ICONS[p.node.verdict]} {text}"
    if p.label_side == "inside":
        return f'<text class="g-label" x="{num(p.x - p.width / 2 + 10)}" y="{num(p.y + 4)}">{esc(text)}</text>'
    dx = 12 if p.label_side == "start" else -12
    return f'<text class="g-label" x="{num(p.x + dx)}" y="{num(p.y + 4)}" text-anchor="{p.label_side}">{esc(text)}</text>'


def node_link(p: Placed, here: str, directory_urls: bool) -> str:
    description = p.node.description()
    if p.relation:
        description = f"{p.relation[:1].upper()}{p.relation[1:]}: {description}"
    href = urls.url_link(here, p.node.page, directory_urls=directory_urls)
    return (
        f'<a class="g-link" href="{esc(href)}" aria-label="{esc(description)}">'
        f"<title>{esc(description)}</title>{shape(p)}{label(p)}</a>"
    )


def edge_path(a: Placed, b: Placed, relation: str, bulge: float = 0.0) -> str:
    css = "g-edge g-edge-faint" if relation == "mentions" else "g-edge"
    d = arc(a.port(a.x + 1), a.y, b.y, bulge) if bulge else curve(a.port(b.x), a.y, b.port(a.x), b.y)
    return f'<path class="{css}" d="{d}"/>'


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
    placed: dict[Key, Placed] = {}
    documents = sorted(corpus.documents, key=lambda d: (corpus.titles[d].casefold(), d))
    row = 0
    for doc_id in documents:
        for claim_id in corpus.claims_in_document(doc_id):
            key = ("claims", claim_id)
            placed[key] = Placed(net.nodes[key], CLAIM_X, TOP + row * ROW, "inside", CLAIM_WIDTH, CLAIM_LIMIT)
            row += 1
    claim_y = {k[1]: p.y for k, p in placed.items()}
    bottom = TOP + max(row - 1, 0) * ROW

    def desired(key: Key, known: dict[str, float], fallback: float) -> float:
        ys = [known[n[1]] for n in net.neighbours(key) if n[1] in known and n[0] in ("claims", "documents")]
        return sum(ys) / len(ys) if ys else fallback

    doc_y = spread([(desired(("documents", d), claim_y, bottom + ROW), d) for d in documents], ROW * 1.5, TOP)
    for doc_id, y in doc_y.items():
        key = ("documents", doc_id)
        placed[key] = Placed(net.nodes[key], DOCUMENT_X, y, "start", limit=24)
    known = {**claim_y, **doc_y}
    for kind, x, side, limit in (("people", PEOPLE_X, "end", 28), ("sources", SOURCE_X, "start", 34)):
        ids = list(corpus.entities(kind))
        ys = spread([(desired((kind, i), known, bottom + ROW), i) for i in ids], ROW, TOP)
        for entity_id, y in ys.items():
            placed[(kind, entity_id)] = Placed(net.nodes[(kind, entity_id)], x, y, side, limit=limit)
    return placed


def draw(
    net: Network, placed: dict[Key, Placed], here: str, directory_urls: bool, headings: list[str]
) -> tuple[list[str], float]:
    edges: list[str] = []
    drawn: set[tuple[Key, Key]] = set()
    for edge in net.edges:
        pair = (min(edge.a, edge.b), max(edge.a, edge.b))
        if pair in drawn or edge.a not in placed or edge.b not in placed:
            continue
        drawn.add(pair)
        a, b = placed[edge.a], placed[edge.b]
        same_column = a.x == b.x
        bulge = (24 + abs(a.y - b.y) / 8) * (1 if a.label_side == "inside" else -1) if same_column else 0.0
        if same_column and a.label_side == "inside":
            a = Placed(a.node, a.x + a.width / 2, a.y, "start")
            b = Placed(b.node, b.x + b.width / 2, b.y, "start")
        edges.append(edge_path(a, b, edge.relation, bulge))
    # Column by column, top to bottom: the order the keyboard visits them in.
    ordered = sorted(placed.values(), key=lambda p: (p.x, p.y))
    nodes = [node_link(p, here, directory_urls) for p in ordered]
    height = max((p.y for p in placed.values()), default=TOP) + ROW
    groups = ['<g class="g-headings">', *headings, "</g>", '<g class="g-edges">', *edges, "</g>"]
    return [*groups, '<g class="g-nodes">', *nodes, "</g>"], height


def heading(x: float, text: str, anchor: str = "start") -> str:
    return f'<text class="g-heading" x="{num(x)}" y="24" text-anchor="{anchor}">{esc(text)}</text>'


NOUN_PLURALS = (("people", ("person", "people")), ("claims", ("claim", "claims")),
                ("sources", ("source", "sources")), ("documents", ("article", "articles")))


def counted(count: int, nouns: tuple[str, str]) -> str:
    return f"{count} {nouns[0] if count == 1 else nouns[1]}"


def _drawn_from(corpus: Corpus, net: Network, directory_urls: bool) -> tuple[object, ...]:
    """Everything `graph_page` reads: equal keys give the same page."""
    return (
        directory_urls,
        [(n.kind, n.id, n.label, n.verdict) for n in net.nodes.values()],
        [(e.a, e.b, e.relation) for e in net.edges],
        [(d, corpus.claims_in_document(d)) for d in corpus.documents],
        list(corpus.entities("people")),
        list(corpus.entities("sources")),
    )


# The last graph page drawn, by what it was drawn from. Under `mkdocs serve` most edits leave
# the network as it was, and drawing 10,000 nodes is ~1 s of a rebuild (issue 6).
_last_page: tuple[tuple[object, ...], str] | None = None


def graph_page(corpus: Corpus, *, directory_urls: bool = True, net: Network | None = None) -> str:
    global _last_page
    if not corpus.claims and not corpus.people and not corpus.sources and not corpus.documents:
        return "\n".join(["---", "hide:", "  - navigation", "  - toc", "---", "", "# Graph", "", "Nothing to draw yet.", ""])
    net = net or network(corpus)
    key = _drawn_from(corpus, net, directory_urls)
    if _last_page is not None and _last_page[0] == key:
        return _last_page[1]
    page = _graph_page(corpus, net, directory_urls)
    _last_page = (key, page)
    return page


def _graph_page(corpus: Corpus, net: Network, directory_urls: bool) -> str:
    here = urls.GRAPH
    out = ["---", "hide:", "  - navigation", "  - toc", "---", "", "# Graph", ""]
    counts = [counted(len(corpus.entities(kind)), noun) for kind, noun in NOUN_PLURALS]
    out += [
        f"How {counts[0]}, {counts[1]}, {counts[2]} and {counts[3]} connect. "
        "Claims are in reading order, grouped by article; their icon and colour give the verdict. "
        "Each node opens its page; dashed lines are mentions in an article's text.",
        "",
    ]
    placed = layout(corpus, net)
    headings = [
        heading(PEOPLE_X, "People", "end"),
        heading(CLAIM_X - CLAIM_WIDTH / 2, "Claims"),
        heading(DOCUMENT_X - 6, "Articles"),
        heading(SOURCE_X - 6, "Sources"),
    ]
    parts, height = draw(net, placed, here, directory_urls, headings)
    title = "The network of people, claims, articles and sources"
    out += [f'<div class="explainer-graph" data-search-exclude>{svg(parts, WIDTH, height, title, "g-svg g-whole")}</div>', ""]
    links = ", ".join(
        f"[{noun}]({urls.relative_link(here, urls.index_page(kind))})"
        for noun, kind in (("claims", "claims"), ("people", "people"), ("sources", "sources"), ("articles", "documents"))
    )
    out += [f"The same connections as lists: the {links} pages.", ""]
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
    corpus: Corpus, kind: str, entity_id: str, *, directory_urls: bool = True, net: Network | None = None
) -> list[str]:
    """A small SVG of the entity and its direct neighbours, as Markdown lines (empty without neighbours).

    Pass `net` (the corpus's `network`) when drawing many pages: it is the same for all of them.
    """
    net = net or network(corpus)
    key = (kind, entity_id)
    around = net.neighbours(key)
    if not around:
        return []
    here = urls.entity_page(kind, entity_id)

    def order(k: Key) -> tuple[int, int, str, str]:
        if k[0] == "claims":
            doc = corpus.claim_document[k[1]]
            return (ORDER[k[0]], corpus.claim_span[k[1]].start, doc, k[1])
        return (ORDER[k[0]], 0, net.nodes[k].label.casefold(), k[1])

    ordered = sorted(around, key=order)
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
    placed: dict[Key, Placed] = {key: Placed(net.nodes[key], CENTRE_X, centre_y, "inside", CENTRE_WIDTH, 22)}
    for side, x, label_side, room in ((left, LEFT_X, "end", LEFT_X - 16), (right, RIGHT_X, "start", LOCAL_WIDTH - RIGHT_X - 16)):
        offset = LOCAL_TOP + (rows - len(side)) * LOCAL_ROW / 2
        for index, k in enumerate(side):
            relation = ", ".join(around[k])
            limit = int(room / CHAR_WIDTH) - (2 if k[0] == "claims" else 0)  # the verdict icon
            placed[k] = Placed(net.nodes[k], x, offset + index * LOCAL_ROW, label_side, limit=limit, relation=relation)
    centre = placed[key]
    edges = [edge_path(centre, placed[k], "mentions" if "mentions" in around[k] or "mentioned in" in around[k] else "")
             for k in [*left, *right]]
    me = centre.node
    from .pages import VERDICT_ICONS

    centre_text = shorten(me.label, centre.limit)
    if me.verdict:
        centre_text = f"{VERDICT_ICONS[me.verdict]} {centre_text}"
    centre_svg = (
        f'<g class="g-centre" aria-current="page"><title>{esc(me.description())}</title>{shape(centre)}'
        f'<text class="g-label" x="{num(CENTRE_X)}" y="{num(centre_y + 4)}" text-anchor="middle">{esc(centre_text)}</text></g>'
    )
    nodes = [node_link(placed[k], here, directory_urls) for k in [*left, *right]]
    more = (
        [f'<text class="g-more" x="{num(CENTRE_X)}" y="{num(height - 8)}" text-anchor="middle">and {hidden} more</text>']
        if hidden else []
    )
    parts = ['<g class="g-edges">', *edges, "</g>", '<g class="g-nodes">', centre_svg, *nodes, *more, "</g>"]
    title = f"{me.description()} and its {len(around)} direct connection{'s' if len(around) != 1 else ''}"
    graph_link = urls.relative_link(here, urls.GRAPH)
    return [
        "## Connections",
        "",
        '<div class="explainer-graph explainer-local" data-search-exclude>'
        + svg(parts, LOCAL_WIDTH, height, title, "g-svg g-local") + "</div>",
        "",
        f"Each node opens its page; the [whole graph]({graph_link}) shows every connection.",
        "",
    ]
