"""The claims index filter: verdict and tag checkboxes, and the data each claim row carries.

The form is rendered hidden; the page script shows it and hides the rows that do not
match. Without the script the form stays hidden and every claim is listed.
"""

from __future__ import annotations

import html
from collections import Counter

from .corpus import Corpus
from .model import VERDICTS


def row_attributes(corpus: Corpus, claim_id: str) -> str:
    """An attr_list line that puts the claim's verdict and tags on its list item."""
    claim = corpus.claim(claim_id)
    # Verdicts are fixed keys and tags are checked slugs, so both are safe attribute values.
    return f'\n  {{ .claim-row data-verdict="{claim.verdict}" data-tags="{" ".join(dict.fromkeys(claim.tags))}" }}'


def checkbox(name: str, value: str, text: str, count: int, checked: bool) -> str:
    state = " checked" if checked else ""
    return (
        f'<label class="explainer-filter-option"><input type="checkbox" name="{name}" value="{html.escape(value)}"{state}> '
        f"{html.escape(text)} <span class=\"explainer-filter-count\">({count})</span></label>"
    )


def filter_form(corpus: Corpus) -> list[str]:
    """The filter as one raw HTML block, or nothing when there are no claims."""
    from .pages import VERDICT_ICONS

    if not corpus.claims:
        return []
    verdicts: Counter[str] = Counter(corpus.claim(c).verdict for c in corpus.claims)
    tags: Counter[str] = Counter(t for c in corpus.claims for t in dict.fromkeys(corpus.claim(c).tags))
    parts = [
        '<form class="explainer-filter" hidden data-search-exclude aria-label="Filter the claims">',
        "<fieldset><legend>Verdict</legend>",
        *[checkbox("verdict", v, f"{VERDICT_ICONS[v]} {VERDICTS[v][0]}", verdicts[v], True) for v in VERDICTS if verdicts[v]],
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
