"""The site's language: Material's `theme.language` picks the catalog every word the generator
writes comes from (gettext `.po` files under generator/translation/locales/), with CLDR's
plurals, dates and numbers through Babel. English is the messages themselves; a message a
catalog lacks is shown in English with a warning, so `mkdocs build --strict` stops on it.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.plurals import get_plural
from conftest import SAMPLE_TEXT, SAMPLE_YAML, Project, built_project, in_language, make_project

from generator.translation.catalogs import (
    TEMPLATE,
    catalog_language,
    catalog_path,
    language_warnings,
    missing_from,
    read_catalog,
    shipped_languages,
)
from generator.translation.messages import Messages, messages
from generator.translation.template import make_template

LANGUAGES = ["de", "fr", "es", "pt", "ru", "uk", "ar"]  # besides English, which is the messages themselves
# What a translation may not add: it goes into Markdown and HTML as it is, trusted.
MARKUP = set("<>&\"*_[]`|\\#")


def message_key(message_id: str | tuple[str, ...] | list[str]) -> str:
    return message_id if isinstance(message_id, str) else message_id[0]


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_the_template_holds_every_message_of_the_code_and_no_other() -> None:
    """Fails after a message changed in the code until `python -m generator.translation.template` ran."""
    made = {message_key(m.id): m.id for m in make_template() if m.id}
    shipped = {message_key(m.id): m.id for m in read_catalog(TEMPLATE) if m.id}
    assert sorted(set(made) - set(shipped)) == [], "new messages: run python -m generator.translation.template"
    assert sorted(set(shipped) - set(made)) == [], "messages no longer used: run python -m generator.translation.template"
    assert made == shipped  # and each plural message with the same plural


def test_every_issue_language_ships_a_catalog() -> None:
    assert shipped_languages() == ["en", *sorted(LANGUAGES)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_catalog_translates_every_message_english_has(language: str) -> None:
    catalog = read_catalog(catalog_path(language))
    assert missing_from(catalog, read_catalog(TEMPLATE)) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_catalog_holds_no_message_the_code_no_longer_has(language: str) -> None:
    """`make messages` drops them; a stale one would only mislead a translator."""
    template = {message_key(m.id) for m in read_catalog(TEMPLATE) if m.id}
    assert sorted(message_key(m.id) for m in read_catalog(catalog_path(language)) if m.id and message_key(m.id) not in template) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_catalog_has_cldrs_plural_forms(language: str) -> None:
    catalog = read_catalog(catalog_path(language))
    expected = get_plural(language).num_plurals  # Babel's table of gettext plural forms, from CLDR
    assert catalog.num_plurals == expected
    for message in catalog:
        if message.id and isinstance(message.id, tuple | list):
            assert len(message.string) == expected, message.id


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_translation_keeps_the_placeholders_and_adds_no_markup(language: str) -> None:
    problems = []
    for message in read_catalog(catalog_path(language)):
        if not message.id:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        wanted = set().union(*(placeholders(i) for i in ids))
        allowed = set().union(*(set(i) & MARKUP for i in ids))
        for text in strings:
            # A plural form may leave the count out (Arabic's dual says "two claims" in one word).
            if not wanted - {"n"} <= placeholders(text) <= wanted or (len(ids) == 1 and placeholders(text) != wanted):
                problems.append(f"{ids[0]!r}: placeholders {sorted(placeholders(text))}, not {sorted(wanted)}")
            if set(text) & MARKUP - allowed:
                problems.append(f"{ids[0]!r}: adds {sorted(set(text) & MARKUP - allowed)}")
            if text.count("`") != ids[0].count("`"):
                problems.append(f"{ids[0]!r}: its code spans differ")
    assert problems == []


def test_a_message_no_catalog_has_is_shown_in_english() -> None:
    assert messages("de")._("A message nobody translated, {name}", name="Ada") == "A message nobody translated, Ada"


def test_what_a_catalog_lacks_is_listed_for_the_warning() -> None:
    template = Catalog(locale="en")
    template.add("Evidence")
    template.add(("{n} claim", "{n} claims"))
    template.add("Explanation")
    catalog = Catalog(locale="de")
    catalog.add("Evidence", "Belege")
    catalog.add(("{n} claim", "{n} claims"), ("{n} Behauptung", ""))  # one plural form empty
    catalog.add("Explanation", "Erklärung", flags=["fuzzy"])  # fuzzy: gettext leaves it out
    assert missing_from(catalog, template) == ["{n} claim", "Explanation"]


def test_a_language_is_served_by_its_regional_or_base_catalog() -> None:
    assert catalog_language("pt-BR") == "pt"
    assert catalog_language("de") == "de"
    assert catalog_language("en-GB") == "en"
    assert catalog_language("ja") is None
    assert language_warnings("ja") == [
        "no message catalog for theme.language 'ja' (there are: en, ar, de, es, fr, pt, ru, uk): "
        "the generator's words stay in English"
    ]
    assert language_warnings("de") == []


def test_counts_dates_and_numbers_follow_cldr() -> None:
    russian = messages("ru")
    forms = {russian.ngettext("{n} claim", "{n} claims", n).split(" ", 1)[1] for n in (1, 2, 5)}
    assert len(forms) == 3  # one, few, many: Russian's three forms
    assert russian.ngettext("{n} claim", "{n} claims", 21).split(" ", 1)[1] == russian.ngettext("{n} claim", "{n} claims", 1).split(" ", 1)[1]
    assert messages("de").date("2025-01-09") == "9. Januar 2025"
    assert messages("en").date("2025-01-09") == "January 9, 2025"
    assert messages("fr").date("2025-01-09") == "9 janvier 2025"
    assert messages("de").number(12345) == "12.345"
    assert messages("en").ngettext("{n} claim", "{n} claims", 1234) == "1,234 claims"
    assert messages("ar").direction == "rtl" and messages("uk").direction == "ltr"


def test_the_v1_scale_is_translated_and_a_desks_own_verdicts_are_not() -> None:
    from generator.annotations.scale import V1_SCALE

    german: Messages = messages("de")
    scale = german.scale(V1_SCALE)
    assert scale.label("accurate") == german._("Accurate") != "Accurate"
    assert german.scale(V1_SCALE) is scale  # translated once a scale


# --- whole builds -------------------------------------------------------------------------


def language(code: str) -> Callable[[str], str]:
    """A `built_project` configure step: the site in `code`."""
    return lambda config: in_language(config, code)


def test_a_german_site_is_german(tmp_path: Path) -> None:
    project = built_project(tmp_path / "de", SAMPLE_TEXT, SAMPLE_YAML, configure=language("de"))
    claim = project.html("claims/trump-wants-to-meet")
    german = messages("de")
    assert '<html lang="de"' in claim
    for english in ("Evidence", "Explanation"):
        assert german._(english) in claim
        assert f">{english}<" not in claim
    assert "9. Januar 2025" in claim or "10. Januar 2025" in project.html("articles/trump-putin")


def test_an_arabic_site_reads_right_to_left(tmp_path: Path) -> None:
    project = built_project(tmp_path / "ar", SAMPLE_TEXT, SAMPLE_YAML, configure=language("ar"))
    claim = project.html("claims/trump-wants-to-meet")
    assert '<html lang="ar"' in claim and '<body dir="rtl"' in claim  # Material's own: the direction is on <body>
    assert messages("ar")._("Evidence") in claim


def test_a_language_without_a_catalog_stops_a_strict_build(project: Project) -> None:
    project.write("mkdocs.yml", in_language((project.root / "mkdocs.yml").read_text(encoding="utf-8"), "ja"))
    project.write("seeds/article.txt", SAMPLE_TEXT)
    project.write("seeds/article.yaml", SAMPLE_YAML)
    strict = project.build()
    assert strict.returncode != 0
    assert "no message catalog for theme.language 'ja'" in strict.stderr
    lenient = project.run("-m", "mkdocs", "build")
    assert lenient.returncode == 0, lenient.stderr
    assert "Evidence" in project.html("claims/trump-wants-to-meet")


def test_check_speaks_english_whatever_the_site_language(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    project.write("mkdocs.yml", in_language((project.root / "mkdocs.yml").read_text(encoding="utf-8"), "de"))
    project.write("seeds/article.txt", SAMPLE_TEXT)
    project.write("seeds/article.yaml", SAMPLE_YAML.replace("verdict: accurate-quote", "verdict: acurate-quote"))
    result = project.build()
    assert result.returncode != 0
    assert "but got 'acurate-quote'" in result.stderr and "did you mean" in result.stderr.lower()


def test_messages_inside_f_strings_are_extracted() -> None:
    """Babel's tokenizer skips f-strings before Python 3.12; the template's extractor reads the syntax tree."""
    import io

    from generator.translation.template import extract_python

    source = b'line = f"<h2>{msg._(\'Evidence\')}</h2> {msg.ngettext(\'{n} claim\', \'{n} claims\', count)}"\nN_("Later")\n'
    found = [message for _, _, message, _ in extract_python(io.BytesIO(source), {}, (), {})]
    assert sorted(found, key=str) == [("{n} claim", "{n} claims"), "Evidence", "Later"]


ARTICLE_DE = "Treffen geplant\n\nDer Sprecher sagte: „Es gibt keine Anfrage.“ Die Agentur meldete, das Treffen sei für Februar geplant.\n"
ANNOTATIONS_DE = """\
documents:
  - id: treffen
    text: artikel.txt
    language: de
    published: 2025-01-10
people:
  - id: sprecher
    name: Der Sprecher
    aliases: [Sprecher]
claims:
  - id: keine-anfrage
    quote: "Es gibt keine Anfrage."
    kind: direct-quote
    claimant: sprecher
    said_on: 2025-01-09
    verdict: korrekt-zitiert
    explanation: So steht es im Wortlaut der Agentur.
    evidence:
      - url: https://example.org/meldung
        title: Die Meldung der Agentur
  - id: treffen-im-februar
    quote: das Treffen sei für Februar geplant
    kind: assertion
"""


def test_contributings_worked_example_is_what_a_german_desk_gets(tmp_path: Path) -> None:
    """CONTRIBUTING.md, "Your language": its German scale, on a German site, gives the words it says."""
    guide = (Path(__file__).resolve().parent.parent / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = guide[guide.index("### Your language") :]
    scale = re.findall(r"```yaml\n(verdicts:.*?)```", section, re.S)[0]
    project = make_project(tmp_path / "desk")
    project.write("mkdocs.yml", in_language((project.root / "mkdocs.yml").read_text(encoding="utf-8"), "de"))
    project.write("seeds/skala.yaml", scale)
    project.write("seeds/artikel.txt", ARTICLE_DE)
    project.write("seeds/artikel.yaml", ANNOTATIONS_DE)
    result = project.build()
    assert result.returncode == 0, result.stderr
    rated, unrated = project.html("claims/keine-anfrage"), project.html("claims/treffen-im-februar")
    for words, shown in [
        ("Korrekt zitiert", "Korrekt zitiert</a>"),
        ("Behauptet von:", "<strong>Behauptet von:</strong>"),
        ("Geäußert am: 9. Januar 2025", "<strong>Geäußert am:</strong> 9. Januar 2025"),
        ("Erläuterung", ">Erläuterung<"),
        ("Belege", ">Belege<"),
    ]:
        assert f'"{words}"' in section and shown in rated, words
    assert '"Ungeprüft"' in section and "Ungeprüft</a>" in unrated
