"""The site's words in its language: what every page asks for its headings, labels, counts,
dates and numbers.

Messages are English text in the code, marked as gettext marks them so Babel's extractor
finds them (`_("Evidence")`, `ngettext("{n} claim", "{n} claims", n)`, `N_` for a message
translated later). Placeholders are `str.format` names; the values put into them are the
caller's to escape, as any other text on a page.
"""

from __future__ import annotations

import datetime
from dataclasses import replace
from functools import cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.numbers import format_decimal

from ..annotations.scale import Scale
from .catalogs import translations


def N_(message: str) -> str:  # noqa: N802 - gettext's own name, which Babel's extractor knows
    """Marks a message for the catalogs where it is defined; it is translated where it is shown."""
    return message


class Messages:
    """The words, dates and numbers of one site language (Material's `theme.language`)."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.locale = babel_locale(language)
        self._catalog = translations(language)
        # `rtl` for a language written right to left (Arabic, Hebrew, Persian, Urdu), else `ltr`:
        # asked on every drawing, and Babel looks it up anew each time.
        self.direction = "rtl" if self.locale.character_order == "right-to-left" else "ltr"
        self._scale: tuple[Scale, Scale] | None = None  # the last scale asked for, and its translation

    def _(self, message: str, **values: object) -> str:
        text = self._catalog.gettext(message)
        return text.format(**values) if values else text

    def ngettext(self, singular: str, plural: str, n: int, **values: object) -> str:
        """The plural form for `n` in this language, with `{n}` written as this locale writes numbers."""
        return self._catalog.ngettext(singular, plural, n).format(n=self.number(n), **values)

    def date(self, iso: str) -> str:
        """`2025-01-09` as this locale writes a long date: `January 9, 2025`, `9. Januar 2025`."""
        return format_date(datetime.date.fromisoformat(iso), format="long", locale=self.locale)

    def number(self, n: int) -> str:
        return format_decimal(n, locale=self.locale)

    def scale(self, scale: Scale) -> Scale:
        """The scale with the generator's own verdicts in this language: every verdict of the v1
        scale, and a desk's `unverified` where its scale does not define it. A desk's own
        verdicts are its own words, shown as it wrote them."""
        kept = self._scale
        if kept is None or kept[0] is not scale:
            own = {
                key: verdict if verdict.at is not None else replace(verdict, label=self._(verdict.label), meaning=self._(verdict.meaning))
                for key, verdict in scale.verdicts.items()
            }
            kept = self._scale = (scale, replace(scale, verdicts=own))
        return kept[1]

    def plural_category(self, n: int) -> str:
        """CLDR's plural category of `n` (`one`, `few`, `many`, `other`...), as JavaScript's `Intl.PluralRules` gives it."""
        return str(self.locale.plural_form(n))


@cache
def messages(language: str) -> Messages:
    return Messages(language)


def babel_locale(language: str) -> Locale:
    """Babel's locale of a site language; English when Babel knows neither the tag nor its language."""
    for candidate in (language.replace("-", "_"), language.split("-")[0].split("_")[0]):
        try:
            return Locale.parse(candidate)
        except (UnknownLocaleError, ValueError):
            continue
    return Locale.parse("en")
