"""A document's own language on the site's pages: the `lang` (and `dir`) that mark its words.

A Russian article on an English site is read aloud and hyphenated as Russian only if its
text says so; an Arabic one also needs `dir="rtl"` to run right to left. The attributes are
written only where the document's language differs from the site's (`theme.language`):
an English article on an English site gets none. Only a tag that matches
`model.LANGUAGE_TAG` is written, so it can stand in an attribute as it is; any other value
(format 1.0 took any text) leaves the text unmarked, with a notice from `check`.
"""

from __future__ import annotations

from ..annotations.model import LANGUAGE_TAG

# Languages whose usual script runs right to left, when the tag names no script.
RTL_LANGUAGES = frozenset(
    {"ar", "arc", "azb", "bal", "ckb", "dv", "fa", "glk", "he", "iw", "ji", "khw", "ks", "lrc", "mzn", "nqo",
     "pnb", "prs", "ps", "sd", "skr", "syr", "ug", "ur", "yi"}
)
# Scripts that run right to left; a script subtag decides over the language's usual one
# (`uz-Arab` is right to left, `ku-Arab` too, `az-Latn` is not).
RTL_SCRIPTS = frozenset({"Adlm", "Arab", "Aran", "Hebr", "Mand", "Mend", "Nkoo", "Rohg", "Samr", "Syrc", "Thaa", "Yezi"})


def direction(tag: str) -> str:
    """`rtl` or `ltr`: the direction the tag's script is written in."""
    parts = tag.split("-")
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            return "rtl" if part.title() in RTL_SCRIPTS else "ltr"
    return "rtl" if parts[0].lower() in RTL_LANGUAGES else "ltr"


def lang_attributes(language: str, site_language: str) -> str:
    """` lang="…"` (and ` dir="…"` when the direction differs) for text in `language` on a site in
    `site_language`; empty when they are the same language. Language tags compare case-blind (BCP 47)."""
    if language.lower() == site_language.lower() or not LANGUAGE_TAG.fullmatch(language):
        return ""  # the same language, or not a tag (format 1.0 took any text; `check` notes it)
    own = direction(language)
    return f' lang="{language}"' + (f' dir="{own}"' if own != direction(site_language) else "")
