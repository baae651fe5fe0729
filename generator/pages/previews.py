"""Reader aids on an article page: the verdict legend and the claim previews' data.

The previews are plain data (a JSON block the page's script reads and shows with
`textContent`), never HTML: every value in them comes from an annotation.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass

from ..annotations import light_markdown
from ..annotations.corpus import Corpus
from ..annotations.text_spans import first_sentence_end
from ..site_map import urls
from ..translation.messages import N_, Messages
from .pieces import verdict_badge, verdict_class, verdict_icon

SCRIPT_ID = "explainer-previews"
MAX_SUMMARY = 240
NO_EXPLANATION = N_("No explanation yet: this claim has not been checked.")


@dataclass(frozen=True)
class Preview:
    title: str
    claimant: str
    verdict: str
    label: str
    icon: str
    summary: str
    url: str  # relative to the article page's URL


def first_sentence(light: str | None, none: str = NO_EXPLANATION) -> str:
    """The first sentence of a light-Markdown value as plain text, cut at a word if long; `none` when it has no words."""
    if not light:
        return none
    plain = light_markdown.to_plain(light)
    if not plain:
        return none
    first = plain[: first_sentence_end(plain)]  # `plain` is one line, its spaces folded
    if len(first) <= MAX_SUMMARY:
        return first
    cut = first[: MAX_SUMMARY - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def claimant_text(corpus: Corpus, claim_id: str, msg: Messages) -> str:
    """Plain text: explainer.js shows it with `textContent`, so names are not escaped here."""
    claim = corpus.claim(claim_id)
    if claim.claimant:
        return str(corpus.people[claim.claimant].entry.name)
    if claim.via:
        names = ", ".join(corpus.sources[s].entry.name for s in dict.fromkeys(claim.via))
        return msg._("No named person; the article credits {sources}", sources=names)
    return msg._("No named person; the article itself")


def previews(corpus: Corpus, doc_id: str, msg: Messages, *, directory_urls: bool = True) -> dict[str, Preview]:
    link_to = urls.url_links_from(urls.entity_page("documents", doc_id), directory_urls=directory_urls)
    scale = msg.scale(corpus.scale)
    none = msg._(NO_EXPLANATION)
    out: dict[str, Preview] = {}
    for claim_id in corpus.claims_in_document(doc_id):
        claim = corpus.claim(claim_id)
        out[claim_id] = Preview(
            title=claim.title or claim.quote,
            claimant=claimant_text(corpus, claim_id, msg),
            # explainer.js makes the class `verdict-` + this: the v1 id, or the tone of a desk's verdict.
            verdict=verdict_class(scale, claim.verdict).removeprefix("verdict-"),
            label=scale.label(claim.verdict),
            icon=verdict_icon(scale, claim.verdict),
            summary=first_sentence(claim.explanation, none),
            url=link_to(urls.entity_page("claims", claim_id)),
        )
    return out


def json_script(data: object, element_id: str) -> str:
    """A JSON data block that is safe inside HTML: no `<`, `>` or `&` can end or open a tag."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return f'<script type="application/json" id="{element_id}">{text}</script>'


def previews_block(corpus: Corpus, doc_id: str, msg: Messages, *, directory_urls: bool = True) -> list[str]:
    """The article's claim previews as a raw HTML block (with blank lines around it)."""
    # The fields as they are (all strings): `asdict` would deep-copy each one (issue 6).
    data = {claim_id: vars(p) for claim_id, p in previews(corpus, doc_id, msg, directory_urls=directory_urls).items()}
    return ["", json_script(data, SCRIPT_ID), ""]


def legend(corpus: Corpus, doc_id: str, msg: Messages) -> list[str]:
    """The verdicts used in this article, each with its badge (icon and label) and count."""
    here = urls.entity_page("documents", doc_id)
    counts: Counter[str] = Counter(corpus.claim(c).verdict for c in corpus.claims_in_document(doc_id))
    if not counts:
        return []
    scale = msg.scale(corpus.scale)
    items = [f"- {verdict_badge(here, v, scale)} × {msg.number(counts[v])}" for v in scale.verdicts if counts[v]]
    return [
        '<div class="explainer-legend" markdown>',
        "",
        msg._(
            "Each highlighted passage is a claim; its icon and colour give the verdict. Hover over one, or reach it "
            "with the Tab key, for a preview; open it for the full check. Names with a dotted underline lead to the "
            "person's or source's page."
        ),
        "",
        *items,
        "",
        "</div>",
        "",
    ]
