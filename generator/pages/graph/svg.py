"""SVG pieces of the drawings: shapes, labels, lines and node links, escaped and memoised here."""

from __future__ import annotations

import html
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from ...site_map import urls
from ...support.bulk import per_run_cache
from ...translation.messages import Messages, messages
from ..text_language import lang_attributes
from .network import Node


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
    # "start": the label after the shape in reading order (right of it, left in a right-to-left
    # drawing), "end": before it, "inside": a pill. Also the label's text-anchor, which an SVG
    # with direction="rtl" reads the same way round.
    label_side: str
    width: float = 0.0  # pills only
    limit: int = 30  # characters of label shown
    relation: str = ""  # local graphs: how the node relates to the page's entity

    def port(self, towards_x: float) -> float:
        """Where a line to a node at `towards_x` leaves this one."""
        if self.label_side != "inside":
            return self.x
        return self.x + self.width / 2 if towards_x > self.x else self.x - self.width / 2


def shape(p: Placed, rtl: bool = False) -> str:
    return shape_and_label_start(p.node.kind, p.node.verdict_class, p.x, p.y, p.label_side, p.width, rtl)[0]


def shape_and_label_start(
    kind: str, verdict_class: str, x: float, y: float, label_side: str, width: float, rtl: bool = False
) -> tuple[str, str]:
    """A node's shape and its label's opening tag: what depends on where the node is drawn.

    `rtl`: the drawing is mirrored (`svg(..., direction="rtl")`): a label follows its shape to
    the left, and a pill's label starts at its right end.
    """
    verdict_css = f" {verdict_class}" if verdict_class else ""
    if label_side == "inside":
        half = width / 2
        return (
            f'<rect class="g-pill-bg" x="{num(x - half)}" y="{num(y - 10)}" width="{num(width)}" height="20" rx="10"/>'
            f'<rect class="g-node g-{kind}{verdict_css}" x="{num(x - half)}" y="{num(y - 10)}" width="{num(width)}" '
            'height="20" rx="10"/>',
            f'<text class="g-label" x="{num(x + half - 10 if rtl else x - half + 10)}" y="{num(y + 4)}">',
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
    dx = 12 if (label_side == "start") != rtl else -12
    return drawn, f'<text class="g-label" x="{num(x + dx)}" y="{num(y + 4)}" text-anchor="{label_side}">'


# Kept by text, not by node: a node's label is shown cut at a handful of lengths, on every
# page that draws it. Per run (bulk.py): such tables would otherwise hold tens of MB while
# MkDocs renders the pages.
@per_run_cache(maxsize=1 << 16)
def label_text(text: str, verdict_icon: str, limit: int, language: str = "", site_language: str = "") -> str:
    """A node's label as shown (cut to `limit` characters, the verdict's icon first), escaped; a
    document's words in another language than the site's in a `<tspan lang>`, so they are read
    aloud in theirs (an SVG has no `dir`: its labels run in their own script's direction, explainer.css)."""
    shown = esc(shorten(text, limit))
    marked = lang_attributes(language, site_language) if language else ""
    if marked:
        shown = f"<tspan{marked.split(' dir=')[0]}>{shown}</tspan>"
    return f"{esc(verdict_icon)} {shown}" if verdict_icon else shown


@per_run_cache(maxsize=1 << 15)
def description_html(node: Node, msg: Messages) -> str:
    return esc(node.description(msg))


@lru_cache(maxsize=1 << 10)
def relations_said(relations: tuple[str, ...], msg: Messages) -> str:
    """How a neighbour relates to a local graph's entity (`network.RELATIONS`' words), in `msg`'s
    language, the first capitalised: `Said by`, `Said, supports`."""
    words = [msg._(relation) for relation in relations]
    said = words[0]
    for word in words[1:]:  # the language's own comma: Arabic writes «،»
        said = msg._("{list}, {item}", list=said, item=word)
    return f"{said[:1].upper()}{said[1:]}"


@lru_cache(maxsize=1 << 10)
def _relation_html(relation: str) -> str:
    return esc(relation)


def right_to_left(msg: Messages) -> bool:
    """Whether `msg`'s language is written right to left: the drawing is then mirrored."""
    return msg.direction == "rtl"


@lru_cache(maxsize=16)
def _described_html(msg: Messages) -> str:
    """How a relation and a description join, escaped as a whole so the escaped values can go in."""
    return esc(msg._("{relation}: {description}"))


def node_link(p: Placed, here: str, directory_urls: bool, msg: Messages | None = None, rtl: bool = False) -> str:
    return placed_link(p, urls.url_link(here, p.node.page, directory_urls=directory_urls), msg or messages("en"), rtl)


def placed_link(p: Placed, href: str, msg: Messages, rtl: bool = False) -> str:
    shape_, start = shape_and_label_start(p.node.kind, p.node.verdict_class, p.x, p.y, p.label_side, p.width, rtl)
    relation = relations_said(tuple(p.relation.split(", ")), msg) if p.relation else ""
    return link_html(href, node_text(p.node, relation, p.limit, msg), shape_ + start)


def link_html(href: str, text: tuple[str, str], drawn: str) -> str:
    """A node as a link to its page: `text` is its `_node_text`, `drawn` its shape and its label's opening tag."""
    return f'<a class="g-link" href="{_href_html(href)}{text[0]}{drawn}{text[1]}</text></a>'


# The same link text comes back from page to page (`../../people/x/` from every claim page).
_href_html = per_run_cache(maxsize=1 << 15)(esc)


# A person is "said" on every one of their claims' pages, an article "in" on each of its
# claims': what a link says comes back far more often than where it is drawn.
@per_run_cache(maxsize=1 << 16)
def node_text(node: Node, relation: str, limit: int, msg: Messages) -> tuple[str, str]:
    """What a node's link says: the end of its opening tag and its title (escaped), and its label.
    `relation`: how it relates to a local graph's entity, as shown (`relations_said`)."""
    description = description_html(node, msg)
    if relation:
        description = _described_html(msg).format(relation=_relation_html(relation), description=description)
    label = label_text(node.label, node.verdict_icon, limit, node.language, msg.language)
    return f'" aria-label="{description}"><title>{description}</title>', label


def edge_path(a: Placed, b: Placed, relation: str, bulge: float = 0.0) -> str:
    if bulge:
        return path_html(relation, arc(a.port(a.x + 1), a.y, b.y, bulge))
    return path_html(relation, curve(a.port(b.x), a.y, b.port(a.x), b.y))


def path_html(relation: str, d: str) -> str:
    css = "g-edge g-edge-faint" if relation == "mentions" else "g-edge"
    return f'<path class="{css}" d="{d}"/>'


def svg(parts: Iterable[str], width: float, height: float, title: str, css: str, direction: str = "ltr") -> str:
    """The drawing. A right-to-left one says so (`direction="rtl"`) rather than inherit it from the
    page: its labels' `text-anchor` and the order of their words depend on it."""
    mirrored = ' direction="rtl"' if direction == "rtl" else ""
    return (
        f'<svg class="{css}"{mirrored} viewBox="0 0 {num(width)} {num(height)}" width="{num(width)}" height="{num(height)}" '
        f'role="group" aria-label="{esc(title)}" xmlns="http://www.w3.org/2000/svg">' + "".join(parts) + "</svg>"
    )


CHAR_WIDTH = 6.4  # an average character at 12px, to cut labels before they leave the drawing
