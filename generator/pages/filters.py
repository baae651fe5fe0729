"""The claims index filter: verdict and tag checkboxes, and the data each claim row carries.

The form is rendered hidden; the page script shows it and hides the rows that do not
match. Without the script the form stays hidden and every claim is listed.
"""

from __future__ import annotations

import html
from collections import Counter

from ..annotations.corpus import Corpus
from .pieces import verdict_icon


def row_attributes(corpus: Corpus, claim_id: str) -> str:
    """The attributes of a claim's list item that the filter reads: its verdict and tags."""
    claim = corpus.claim(claim_id)
    tags = html.escape(" ".join(dict.fromkeys(claim.tags)))  # checked slugs, escaped all the same
    return f' class="claim-row" data-tags="{tags}" data-verdict="{claim.verdict}"'


def checkbox(name: str, value: str, text: str, count: int, checked: bool) -> str:
    state = " checked" if checked else ""
    return (
        f'<label class="explainer-filter-option"><input type="checkbox" name="{name}" value="{html.escape(value)}"{state}> '
        f"{html.escape(text)} <span class=\"explainer-filter-count\">({count})</span></label>"
    )


def filter_form(corpus: Corpus, claim_ids: list[str], *, on_one_page: bool = False) -> list[str]:
    """The filter of the listed claims as one raw HTML block, or nothing when none are listed.

    `on_one_page`: the claims index has more pages, and this one's filter (and its counts)
    cover its own claims.
    """
    if not claim_ids:
        return []
    verdicts: Counter[str] = Counter(corpus.claim(c).verdict for c in claim_ids)
    tags: Counter[str] = Counter(t for c in claim_ids for t in dict.fromkeys(corpus.claim(c).tags))
    scope = ' data-scope="page" aria-label="Filter the claims on this page"' if on_one_page else ' aria-label="Filter the claims"'
    parts = [
        f'<form class="explainer-filter" hidden data-search-exclude{scope}>',
        "<fieldset><legend>Verdict</legend>",
        *[
            checkbox("verdict", v, f"{verdict_icon(corpus.scale, v)} {corpus.scale.label(v)}", verdicts[v], True)
            for v in corpus.scale.verdicts
            if verdicts[v]
        ],
        "</fieldset>",
    ]
    if tags:
        parts += [
            "<fieldset><legend>Tags (none ticked: every claim)</legend>",
            *[checkbox("tag", t, t, tags[t], False) for t in sorted(tags)],
            "</fieldset>",
        ]
    parts += [
        '<button type="reset" class="md-button explainer-filter-reset">Show all</button>',
        '<p class="explainer-filter-status" role="status" aria-live="polite"></p>',
        "</form>",
    ]
    return ["", "".join(parts), ""]
