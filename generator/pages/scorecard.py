"""A person's or a source's scorecard: how their claims rate, at the top of their page.

Fact-checkers' readers look first for how someone's claims rate, as PolitiFact's scorecards
show it. The scorecard is a table (a caption, a row for each verdict they have, in the
scale's order): the verdict as its badge, the number of claims, their share in words and as
a bar. The bar only repeats the number beside it, so nothing is told by colour or length
alone; it is an SVG rectangle, not an inline style, so a page needs no `style-src` exception.
Each verdict leads to its claims, listed on the same page under a heading of their verdict.
"""

from __future__ import annotations

from collections import Counter

from ..site_map import urls
from ..translation.messages import Messages, messages
from .markdown_text import as_html, escape
from .pieces import HtmlLinks, backlinks_block, verdict_class, verdict_icon
from .renderer import Renderer


def share(count: int, total: int) -> int:
    """`count` of `total` in whole percent, halves rounded up: the same on every machine."""
    return (200 * count + total) // (2 * total)


def bar(count: int, total: int) -> str:
    """The bar of `count` out of `total`, as wide as its share of the whole track."""
    width = f"{1000 * count // total / 10:g}"
    return (
        '<svg class="explainer-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">'
        f'<rect width="{width}" height="10"></rect></svg>'
    )


class Scorecards(Renderer):
    def scorecard(self, claim_ids: list[str], caption: str, empty: str) -> list[str]:
        """The scorecard of `claim_ids` as one HTML block (`html_blocks`), or `empty` said in it when there are none.

        `caption` and `empty` are HTML. The verdicts' anchors are `claims_by_verdict`'s headings.
        """
        opening = '<div id="scorecard" class="explainer-scorecard" data-search-exclude>'
        if not claim_ids:
            return [f"{opening}<p>{empty}</p></div>", ""]
        counts: Counter[str] = Counter(self.c.claim(c).verdict for c in claim_ids)
        total = len(claim_ids)
        scale, msg = self.scale, self.msg
        rows = "".join(
            f'<tr class="{verdict_class(scale, verdict)}"><th scope="row"><a class="verdict {verdict_class(scale, verdict)}" '
            f'href="#{urls.verdict_group_anchor(verdict)}">{verdict_icon(scale, verdict)} {as_html(v.label)}</a></th>'
            f'<td class="explainer-count">{msg.number(counts[verdict])}</td>'
            f"<td>{bar(counts[verdict], total)} {percent(msg, share(counts[verdict], total))}</td></tr>"
            for verdict, v in scale.verdicts.items()
            if counts[verdict]
        )
        headers = (msg._("Verdict"), msg._("Claims"), msg._("Share"))
        head = "<tr>" + "".join(f'<th scope="col">{header}</th>' for header in headers) + "</tr>"
        table = f"<table><caption>{caption}</caption><thead>{head}</thead><tbody>{rows}</tbody></table>"
        return [f"{opening}{table}</div>", ""]

    def claims_by_verdict(self, here: str, links: HtmlLinks, claim_ids: list[str]) -> list[str]:
        """`claim_ids` in groups of one verdict, in the scale's order, each under a heading the scorecard links to.

        The headings stay out of search, as the lists under them do (`backlinks_block`).
        """
        groups: dict[str, list[str]] = {}
        for claim_id in claim_ids:
            groups.setdefault(self.c.claim(claim_id).verdict, []).append(claim_id)
        out: list[str] = []
        scale = self.scale
        for verdict, v in scale.verdicts.items():
            if verdict in groups:
                heading = f"{verdict_icon(scale, verdict)} {escape(v.label)} ({self.msg.number(len(groups[verdict]))})"
                out += [
                    f"### {heading} {{ #{urls.verdict_group_anchor(verdict)} data-search-exclude }}",
                    "",
                    backlinks_block([self.backlink_line(here, links, c) for c in groups[verdict]]),
                    "",
                ]
        return out


def percent(msg: Messages, value: int) -> str:
    """`value` percent as the site's language writes it (`12%`, `12 %`, `%12`)."""
    return msg._("{percent}%", percent=msg.number(value))


def claims_of(count: int, msg: Messages | None = None) -> str:
    """`1 claim`, `12 claims`, in `msg`'s language (English without it)."""
    return (msg or messages("en")).ngettext("{n} claim", "{n} claims", count)
