"""The corrections page: every correction of a published verdict or explanation, newest first.

The IFCN's code of principles asks signatories for open and honest corrections; fact-checkers
keep a public list of them. Each line links to the correction on its claim's page.
"""

from __future__ import annotations

from ..annotations.corpus import Corpus
from ..site_map import urls
from ..translation.messages import messages
from .pieces import entity_link, inline_html, verdict_badge
from .text_language import lang_attributes


def corrections_page(corpus: Corpus, site_language: str = "en") -> str:
    here = urls.CORRECTIONS
    msg = messages(site_language)
    scale = msg.scale(corpus.scale)
    found = []
    for order, claim_id in enumerate(corpus.claims):
        for number, correction in enumerate(corpus.claim(claim_id).corrections, start=1):
            found.append(((correction.date, order, number), claim_id, number, correction))
    found.sort(key=lambda item: item[0], reverse=True)
    # The feeds' names are their formats' own, the same in every language.
    atom, json_feed = f"[Atom]({urls.relative_link(here, urls.FEED_ATOM)})", f"[JSON Feed]({urls.relative_link(here, urls.FEED_JSON)})"
    feeds = msg._("{atom} or {json_feed}", atom=atom, json_feed=json_feed)
    out = [
        "# " + msg._("Corrections"),
        "",
        msg._(
            "Every correction of a published verdict or explanation, newest first. Each leads to its claim's page, "
            "which says when the claim was reviewed and lists its corrections. Reviews and corrections as a feed: {feeds}.",
            feeds=feeds,
        ),
        "",
    ]
    for (date, _order, _number), claim_id, number, correction in found:
        claim = corpus.claim(claim_id)
        # A quote as the title is the article's words, in its language (`text_language`).
        language = corpus.documents[corpus.claim_document[claim_id]].entry.language
        lang = "" if claim.title else lang_attributes(language, site_language)
        link = entity_link(here, "claims", claim_id, claim.title or claim.quote, urls.correction_anchor(number), lang)
        line = f"- **{msg.date(date)}** · {link} · {verdict_badge(here, claim.verdict, scale)}"
        if correction.previous_verdict:
            line += " " + msg._("(previously {verdict})", verdict=verdict_badge(here, correction.previous_verdict, scale))
        out.append(f"{line}: {inline_html(correction.note)}")
    if not found:
        out.append(msg._("No corrections yet."))
    return "\n".join(out) + "\n"
