"""The words `docs/assets/explainer.js` shows, in the site's language, for the page to hand it.

The MkDocs plugin puts `script_messages` in `config.extra` under `MESSAGES_KEY`, and
`overrides/main.html` writes it into every page as a JSON block (`#explainer-messages`); the
script reads its texts from there and, where a page has none (a site built by another
engine from `build --out`), keeps its own English. Placeholders are `{name}`, filled by the
script with text (never HTML); counts are written with the page language's digits.

A plural message is one text per CLDR plural category of the language (`one`, `few`,
`other`...), which the script picks with `Intl.PluralRules`: gettext's plural forms are a
formula over the number, unknown to the browser, so each category is asked of the catalog
with a number of that category.
"""

from __future__ import annotations

from collections.abc import Callable

from ..open_data.feeds import FEED_TITLE
from ..translation.messages import N_, Messages

MESSAGES_KEY = "explainer_messages"
# Every category a language has shows up among these numbers (CLDR's `many` of French starts
# at a million, but only as a multiple of it; such a category falls back to `other`).
PLURAL_SAMPLES = range(201)
COUNT = "{n}"

OPEN_CLAIM_PAGE = N_("Open the claim page")
CLAIMANT = N_("Claimant: {name}")


def script_messages(msg: Messages) -> dict[str, str | dict[str, str]]:
    """The script's messages in `msg`'s language; each plural one as `{category: text}`."""
    return {
        "open_claim_page": msg._(OPEN_CLAIM_PAGE),
        "claimant": msg._(CLAIMANT),
        "showing_claims": plural_texts(
            msg, lambda n: msg.ngettext("Showing {shown} of {n} claim.", "Showing {shown} of {n} claims.", n, shown="{shown}")
        ),
        # Not the script's: the title of the feeds' links in every page's head, `{site}` its name.
        "feed_title": msg._(FEED_TITLE),
    }


def plural_texts(msg: Messages, counted: Callable[[int], str]) -> dict[str, str]:
    """`{category: text}` for every plural category of the language, the count left as `{n}`.

    `counted(n)` is the message for `n` (a literal `msg.ngettext` call, for the extractor to
    find); each text is its form for the first sample number of a category, with that
    number, as the language writes it, turned back into the placeholder.
    """
    samples: dict[str, int] = {}
    for n in PLURAL_SAMPLES:
        samples.setdefault(msg.plural_category(n), n)
    return {
        category: counted(n).replace(msg.number(n), COUNT)
        for category, n in samples.items()
    }
