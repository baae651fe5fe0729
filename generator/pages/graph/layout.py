"""The whole network's drawing: people | claims (by article, in reading order) | articles | sources.

On a site written right to left the drawing is the mirror image (sources | articles | claims |
people, read from the right): the places are computed left to right and mirrored once, and
each piece that is not symmetric (a label beside its shape, a line between nodes of one
column) is drawn for the direction it is told.
"""

from __future__ import annotations

from collections.abc import Callable

from ...annotations.corpus import Corpus, Key
from ...site_map import listing
from ...translation.messages import Messages
from .network import Network
from .svg import CHAR_WIDTH, Placed, edge_path, esc, num, placed_link, right_to_left, spread

WIDTH = 1200.0
ROW = 28.0
TOP = 56.0
PEOPLE_X, CLAIM_X, CLAIM_WIDTH, DOCUMENT_X, SOURCE_X = 200.0, 460.0, 400.0, 780.0, 960.0
CLAIM_LIMIT = int((CLAIM_WIDTH - 20) / CHAR_WIDTH) - 2  # characters in a pill, after the verdict icon


def layout(corpus: Corpus, net: Network, rtl: bool = False) -> dict[Key, Placed]:
    """Places for the nodes of `net`: the whole network, or one page's part of it; mirrored if `rtl`."""
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
    if rtl:
        return {key: p._replace(x=mirror_x(p.x)) for key, p in placed.items()}
    return placed


def mirror_x(x: float) -> float:
    """Where a right-to-left drawing puts what a left-to-right one draws at `x`."""
    return WIDTH - x


# A node's link on a graph page, by where it is drawn and what it links to (`_placed_link`).
NodeLinks = dict[tuple[Placed, str], str]


def draw(
    net: Network,
    placed: dict[Key, Placed],
    link_to: Callable[[str], str],
    headings: list[str],
    links: tuple[NodeLinks, NodeLinks],
    msg: Messages,
) -> tuple[list[str], float]:
    """The drawing's parts and its height. `link_to`: a page's link from the drawing's page
    (`urls.url_links_from`). `links`: the node links of the page's last drawing in the same
    language, to take from, and a table to fill with this one's (a rename changes one node of
    hundreds). `placed` is mirrored (`layout`) where `msg`'s language is written right to left."""
    rtl = right_to_left(msg)
    outward = -1 if rtl else 1  # a pill's lines within its column leave from its end side
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
        bulge = (24 + abs(a.y - b.y) / 8) * (outward if a.label_side == "inside" else -outward)
        if a.label_side == "inside":
            a = Placed(a.node, a.x + outward * a.width / 2, a.y, "start")
            b = Placed(b.node, b.x + outward * b.width / 2, b.y, "start")
        edges.append(edge_path(a, b, relation, bulge))
    # Column by column in reading order, top to bottom: the order the keyboard visits them in.
    ordered = sorted(placed.values(), key=(lambda p: (-p.x, p.y)) if rtl else (lambda p: (p.x, p.y)))
    before, now = links
    nodes = []
    for p in ordered:
        at = (p, link_to(p.node.page))
        link = before.get(at)
        now[at] = link = link if link is not None else placed_link(*at, msg, rtl)
        nodes.append(link)
    height = max((p.y for p in placed.values()), default=TOP) + ROW
    groups = ['<g class="g-headings">', *headings, "</g>", '<g class="g-edges">', *edges, "</g>"]
    return [*groups, '<g class="g-nodes">', *nodes, "</g>"], height


def heading(x: float, text: str, anchor: str = "start") -> str:
    return f'<text class="g-heading" x="{num(x)}" y="24" text-anchor="{anchor}">{esc(text)}</text>'
