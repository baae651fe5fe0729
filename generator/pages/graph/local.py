"""A small drawing of one entity and its direct neighbours, for its own page."""

from __future__ import annotations

from functools import lru_cache

from ...annotations.corpus import Corpus
from ...site_map import listing, urls
from ...translation.messages import Messages, messages
from ..pieces import heading
from .network import Network, network
from .svg import (
    CHAR_WIDTH,
    curve,
    description_html,
    esc,
    label_text,
    link_html,
    node_text,
    num,
    path_html,
    relations_said,
    right_to_left,
    shape_and_label_start,
    svg,
)


# Local graphs put nodes on two columns and a few dozen rows: the same few hundred places
# come back on page after page, so their markup is kept (the whole graph's places are not).
@lru_cache(maxsize=1 << 13)
def _local_place(kind: str, verdict_class: str, x: float, y: float, faint: bool, centre_y: float, rtl: bool) -> tuple[str, str]:
    """A local graph's neighbour at (x, y), left or right of the centre: its line from the centre's
    pill (`edge_path`), and its shape with its label's opening tag. `rtl`: drawn mirrored, at
    `LOCAL_WIDTH - x`, so that what a left-to-right reader finds on the left is on the right."""
    after = x > CENTRE_X
    port = CENTRE_X + CENTRE_WIDTH / 2 if after else CENTRE_X - CENTRE_WIDTH / 2  # Placed.port of the pill
    if rtl:
        x, port = LOCAL_WIDTH - x, LOCAL_WIDTH - port
    shape_, start = shape_and_label_start(kind, verdict_class, x, y, "start" if after else "end", 0.0, rtl)
    return path_html("mentions" if faint else "", curve(port, centre_y, x, y)), shape_ + start


@lru_cache(maxsize=1 << 10)
def _local_centre(kind: str, verdict_class: str, centre_y: float, rtl: bool) -> str:
    """A local graph's centre: its pill and its label's opening tag."""
    x = LOCAL_WIDTH - CENTRE_X if rtl else CENTRE_X
    pill = shape_and_label_start(kind, verdict_class, x, centre_y, "inside", CENTRE_WIDTH, rtl)[0]
    return f'{pill}<text class="g-label" x="{num(x)}" y="{num(centre_y + 4)}" text-anchor="middle">'


# Every entity page's drawing says how many connections it shows and where the whole graph is:
# a few counts and links in all, each made once (Babel writes a number in ~30 µs; ~10,000 pages).
SPLIT = "\x00"  # where the description goes; no message holds it


@lru_cache(maxsize=1 << 10)
def _title_around(msg: Messages, n: int) -> tuple[str, str]:
    """A local graph's title for `n` connections: what comes before and after the entity's description."""
    title = msg.ngettext("{description} and its {n} direct connection", "{description} and its {n} direct connections", n, description=SPLIT)
    before, _, after = title.partition(SPLIT)
    return before, after


@lru_cache(maxsize=1 << 10)
def _whole_graph(msg: Messages, link: str, number: int | None) -> str:
    """Where the graph of every article is: `link`, to its page `number` of several (None: one page)."""
    if number is None:
        return msg._("Each node opens its page; the [graph]({graph}) shows the connections of every article.", graph=link)
    return msg._(
        "Each node opens its page; [page {number} of the graph]({page}) shows them among the connections of other articles.",
        number=msg.number(number), page=link,
    )


LOCAL_WIDTH = 760.0
LOCAL_ROW = 26.0
LOCAL_TOP = 20.0
# Claims (long labels) go right (left when mirrored), so their column gets more room than the other.
CENTRE_X, CENTRE_WIDTH, LEFT_X, RIGHT_X = 330.0, 160.0, 170.0, 490.0
MAX_SIDE = 40


def local_graph(
    corpus: Corpus,
    kind: str,
    entity_id: str,
    *,
    directory_urls: bool = True,
    to_sources: bool = False,
    net: Network | None = None,
    graph_page: listing.ListingPage | None = None,
    msg: Messages | None = None,
) -> list[str]:
    """A small SVG of the entity and its direct neighbours, as Markdown lines (empty without neighbours).

    Pass `net` (the corpus's `network`) when drawing many pages: it is the same for all of them.
    `graph_page` is the page of the whole graph that draws the entity (`drawn_on`); None: a graph of one page.
    `msg`: the site's language (English when None); a right-to-left one mirrors the drawing.
    """
    msg = msg or messages("en")
    rtl = right_to_left(msg)
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
            edge, drawn = _local_place(node.kind, node.verdict_class, x, offset + index * LOCAL_ROW, faint, centre_y, rtl)
            edges.append(edge)
            said = relations_said(tuple(relations), msg)
            text = node_text(node, said, limit - 2 if k[0] == "claims" else limit, msg)  # the verdict icon
            nodes.append(link_html(link_to(page), text, drawn))
    me = net.nodes[key]
    centre_svg = (
        f'<g class="g-centre" aria-current="page"><title>{description_html(me, msg)}</title>'
        f"{_local_centre(me.kind, me.verdict_class, centre_y, rtl)}{label_text(me.label, me.verdict_icon, 22, me.language, msg.language)}</text></g>"
    )
    more = []
    if hidden:  # (messages outside f-strings: Babel's extractor does not look inside them)
        more_said = esc(msg.ngettext("and {n} more", "and {n} more", hidden))
        middle = LOCAL_WIDTH - CENTRE_X if rtl else CENTRE_X
        more = [f'<text class="g-more" x="{num(middle)}" y="{num(height - 8)}" text-anchor="middle">{more_said}</text>']
    parts = ['<g class="g-edges">', *edges, "</g>", '<g class="g-nodes">', centre_svg, *nodes, *more, "</g>"]
    before, after = _title_around(msg, len(around))
    title = before + me.description(msg) + after
    if graph_page is None or graph_page.count == 1:
        whole = _whole_graph(msg, urls.relative_link(here, urls.GRAPH), None)
    else:
        whole = _whole_graph(msg, urls.relative_link(here, graph_page.path), graph_page.number)
    return [
        heading(2, msg._("Connections"), "connections"),
        "",
        '<div class="explainer-graph explainer-local" data-search-exclude>'
        + svg(parts, LOCAL_WIDTH, height, title, "g-svg g-local", "rtl" if rtl else "ltr") + "</div>",
        "",
        whole,
        "",
    ]
