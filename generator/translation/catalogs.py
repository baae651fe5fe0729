"""The message catalogs: `locales/<language>/LC_MESSAGES/explainer.po`, gettext's own layout,
which translators' tools (Poedit, Weblate, `pybabel update`) open as they are.

A catalog is read with Babel and compiled in memory to a `gettext.GNUTranslations`, so plural
forms follow the catalog's `Plural-Forms` exactly as gettext does; fuzzy entries are left out,
as `msgfmt` leaves them out. A message a catalog lacks is looked up in English, which is the
message itself: `missing_messages` lists them so the engine can warn (and `--strict` stop).
"""

from __future__ import annotations

import gettext
import io
from functools import cache
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

DOMAIN = "explainer"
LOCALES = Path(__file__).resolve().parent / "locales"
TEMPLATE = LOCALES / f"{DOMAIN}.pot"


def catalog_path(language: str) -> Path:
    return LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def shipped_languages() -> list[str]:
    """Every language with a catalog, English (the messages themselves) first."""
    found = sorted(p.parent.parent.name for p in LOCALES.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    return ["en", *(language for language in found if language != "en")]


def catalog_language(language: str) -> str | None:
    """The catalog that serves a site language (`pt-BR` → `pt_BR`, else `pt`), or None.

    Material spells languages as BCP 47 tags (`pt-BR`, `zh-Hant`); gettext's folders use `_`.
    """
    if language.split("-")[0].split("_")[0].lower() == "en":
        return "en"
    tag = language.replace("-", "_")
    for candidate in (tag, tag.split("_")[0]):
        if catalog_path(candidate).is_file():
            return candidate
    return None


@cache
def read_catalog(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, domain=DOMAIN)


@cache
def translations(language: str) -> gettext.NullTranslations:
    """The compiled catalog of a site language; English (no catalog) when there is none."""
    found = catalog_language(language)
    if found is None or found == "en":
        return gettext.NullTranslations()
    compiled = io.BytesIO()
    write_mo(compiled, read_catalog(catalog_path(found)), use_fuzzy=False)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def missing_messages(language: str) -> list[str]:
    """The template's messages the language's catalog lacks (or has only fuzzy or empty), in order."""
    found = catalog_language(language)
    if found is None or found == "en":
        return []
    return missing_from(read_catalog(catalog_path(found)), read_catalog(TEMPLATE))


def missing_from(catalog: Catalog, template: Catalog) -> list[str]:
    missing = []
    for message in template:
        if not message.id:
            continue
        ours = catalog.get(message.id, context=message.context)
        strings = ours.string if ours is not None else None
        forms = strings if isinstance(strings, tuple | list) else (strings,)
        if ours is None or ours.fuzzy or not all(forms):
            missing.append(_message_id(message.id))
    return missing


def _message_id(message_id: str | tuple[str, ...] | list[str]) -> str:
    return message_id if isinstance(message_id, str) else message_id[0]


def language_warnings(language: str) -> list[str]:
    """What a site in `language` shows in English instead: no catalog at all, or messages one lacks."""
    found = catalog_language(language)
    if found is None:
        others = ", ".join(shipped_languages())
        return [f"no message catalog for theme.language '{language}' (there are: {others}): the generator's words stay in English"]
    missing = missing_messages(language)
    if not missing:
        return []
    shown = "; ".join(repr(m) for m in missing[:5]) + (f"; and {len(missing) - 5} more" if len(missing) > 5 else "")
    return [f"the '{found}' message catalog lacks {len(missing)} of the generator's messages, shown in English: {shown}"]
