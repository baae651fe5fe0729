"""The format and verdicts pages, the feeds, ClaimReview and explainer.js's words in the site's
language. A language's catalog is written for the test into a folder of its own (a real `.po`
file, read as the generator reads the shipped ones); English needs none."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po
from conftest import SAMPLE_TEXT, SAMPLE_YAML, Project, checked_corpus, make_project

from generator.annotations.corpus import Corpus
from generator.annotations.scale import V1_SCALE
from generator.open_data.claimreview import claim_review
from generator.open_data.feeds import atom_feed, json_feed
from generator.pages.reference import format_page, verdicts_page
from generator.pages.script_messages import script_messages
from generator.translation import catalogs
from generator.translation import messages as messages_module
from generator.translation.messages import Messages, messages

Translations = dict[str | tuple[str, str], str | tuple[str, ...]]

REVIEWED_YAML = SAMPLE_YAML.replace(
    "    verdict: accurate-quote\n",
    "    verdict: accurate-quote\n    reviewed_on: 2025-01-12\n    corrections:\n"
    "      - date: 2025-01-20\n        previous_verdict: unsupported\n        note: The *first* version was wrong.\n",
)


def _forget_catalogs() -> None:
    for cached in (catalogs.read_catalog, catalogs.translations, messages_module.messages):
        cached.cache_clear()


@pytest.fixture
def catalog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str, Translations], Messages]]:
    """Writes a language's catalog with the given translations; gives that language's Messages."""
    monkeypatch.setattr(catalogs, "LOCALES", tmp_path / "locales")
    _forget_catalogs()

    def write(language: str, translations: Translations) -> Messages:
        po = Catalog(locale=language, domain=catalogs.DOMAIN, fuzzy=False)
        for message_id, text in translations.items():
            po.add(message_id, text)
        path = catalogs.catalog_path(language)
        path.parent.mkdir(parents=True)
        with path.open("wb") as handle:
            write_po(handle, po)
        _forget_catalogs()
        return messages(language)

    yield write
    _forget_catalogs()


@pytest.fixture
def corpus(project: Project) -> Corpus:
    return checked_corpus(project, SAMPLE_TEXT, REVIEWED_YAML)


# --- English: as before ----------------------------------------------------------------------


def test_the_english_format_page_reads_as_before() -> None:
    page = format_page(V1_SCALE, messages("en"))
    assert page.startswith(
        "# Annotation format, version 1\n\nEvery `*.yaml` / `*.yml` file under `seeds/` is read. A file may hold any"
    )
    assert (
        "## Evidence entries { #evidence-entries }\n\nA page the verdict rests on\\.\n\n"
        "| Field | Type | Required | Meaning |\n| --- | --- | --- | --- |\n"
        "| `url` | text | yes | The cited page, http\\(s\\) only\\. |\n"
    ) in page
    assert "| `evidence` | list of evidence entries | no | What the verdict rests on\\. |" in page  # no longer "entrys"
    assert "| `title` | text or None | " not in page and "| `title` | text | no | Default: the first line of the text\\. |" in page
    assert "| `occurrence` | whole number ≥ 1 | no |" in page
    assert "| `applies_to` | list of one of `direct-quote`, `paraphrase`, `assertion` | no |" in page
    assert (
        "## Relations { #relations }\n\nPut a relation on one claim; the other claim's page shows the inverse.\n\n"
        "- `supports`: Supports (shown on the other claim as: Supported by)\n"
        "- `supported-by`: Supported by (shown on the other claim as: Supports)\n"
    ) in page
    assert "This site's scale is on the [verdicts page](verdicts.md).\n" in page
    assert page.endswith("never silently passed to the page.\n\nSee also the [verdict scale](verdicts.md).\n")


def test_the_english_verdicts_page_reads_as_before() -> None:
    page = verdicts_page(V1_SCALE, messages("en"))
    assert page.startswith(
        "# Verdicts\n\nEvery claim carries one verdict. A verdict other than `opinion` and `unverified` needs at least "
        "one evidence entry.\n\n| Verdict | Meaning | Rates | ClaimReview rating (1–5) |\n| --- | --- | --- | --- |\n"
        "| [Accurate](#accurate) | the claim is correct | any claim | 5 |\n"
    )
    assert (
        "## Disputed { #disputed }\n\n`disputed`: credible sources disagree.\n\n"
        "[Every claim rated Disputed](../claims/verdicts/disputed.md)\n"
    ) in page


def test_the_english_feeds_say_their_language(corpus: Corpus) -> None:
    atom = atom_feed(corpus, site_name="Desk")
    assert atom.splitlines()[1:3] == ['<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">', "  <title>Desk: reviews and corrections</title>"]
    feed = json.loads(json_feed(corpus, site_name="Desk"))
    assert (feed["title"], feed["language"]) == ("Desk: reviews and corrections", "en")
    assert [item["title"] for item in feed["items"]] == [
        "Corrected: He wants to meet, and we're working on it", "Accurate quote: He wants to meet, and we're working on it"
    ]
    assert feed["items"][0]["content_html"].startswith("<p>Previous verdict: Unsupported; now: Accurate quote.</p>")


def test_the_english_script_messages() -> None:
    assert script_messages(messages("en")) == {
        "open_claim_page": "Open the claim page",
        "claimant": "Claimant: {name}",
        "showing_claims": {"other": "Showing {shown} of {n} claims.", "one": "Showing {shown} of {n} claim."},
        "feed_title": "{site}: reviews and corrections",
    }


# --- another language --------------------------------------------------------------------------


def test_the_format_page_in_the_site_language(catalog: Callable[[str, Translations], Messages]) -> None:
    msg = catalog("de", {
        "Annotation format, version 1": "Annotationsformat, Version 1",
        "Evidence entries": "Belege",
        "A page the verdict rests on.": "Eine Seite, auf der das Urteil beruht.",
        "Field": "Feld", "Type": "Typ", "Required": "Pflicht", "Meaning": "Bedeutung", "yes": "ja", "no": "nein",
        "The cited page, http(s) only.": "Die zitierte Seite, nur http(s).",
        "http(s) URL": "http(s)-Adresse",
        "list of {items}": "Liste von {items}",
        "text": "Text",
        "list of evidence entries": "Liste von Belegen",
        "one of {values}": "eines von {values}",
        "Direct quote": "Direktes Zitat",
        "Supports": "Stützt", "Supported by": "Gestützt von",
        "{relation} (shown on the other claim as: {inverse})": "{relation} (bei der anderen Behauptung: {inverse})",
        "See also the [verdict scale]({verdicts_page}).": "Siehe auch die [Bewertungsskala]({verdicts_page}).",
    })
    page = format_page(V1_SCALE, msg)
    assert page.startswith("# Annotationsformat, Version 1\n\n")
    assert (
        "## Belege { #evidence-entries }\n\nEine Seite, auf der das Urteil beruht\\.\n\n"
        "| Feld | Typ | Pflicht | Bedeutung |\n| --- | --- | --- | --- |\n"
        "| `url` | Text | ja | Die zitierte Seite, nur http\\(s\\)\\. |\n"
    ) in page
    assert "| `evidence` | Liste von Belegen | nein |" in page
    assert "| `aliases` | Liste von Text | nein |" in page
    assert "| `kind` | eines von `direct-quote`, `paraphrase`, `assertion` | ja |" in page
    assert "- `direct-quote`: Direktes Zitat\n" in page
    assert "- `supports`: Stützt (bei der anderen Behauptung: Gestützt von)\n" in page
    assert page.endswith("Siehe auch die [Bewertungsskala](verdicts.md).\n")
    assert "Ids are global per kind" in page  # a message the catalog lacks stays English


def test_the_verdicts_page_in_the_site_language(catalog: Callable[[str, Translations], Messages]) -> None:
    msg = catalog("de", {
        "Verdicts": "Urteile",
        "Accurate": "Zutreffend",
        "the claim is correct": "die Behauptung stimmt",
        "Verdict": "Urteil", "Meaning": "Bedeutung", "Rates": "Bewertet",
        "ClaimReview rating ({worst}–{best})": "ClaimReview-Wertung ({worst}–{best})",
        "any claim": "jede Behauptung",
        "none": "keine",
        "Every claim rated {verdict}": "Jede Behauptung mit dem Urteil {verdict}",
        "Every claim carries one verdict. A verdict other than {verdicts} needs at least one evidence entry.":
            "Jede Behauptung trägt ein Urteil. Ein Urteil außer {verdicts} braucht mindestens einen Beleg.",
    })
    page = verdicts_page(V1_SCALE, msg)
    assert page.startswith(
        "# Urteile\n\nJede Behauptung trägt ein Urteil. Ein Urteil außer `opinion` und `unverified` braucht mindestens "
        "einen Beleg.\n\n| Urteil | Bedeutung | Bewertet | ClaimReview-Wertung (1–5) |\n| --- | --- | --- | --- |\n"
        "| [Zutreffend](#accurate) | die Behauptung stimmt | jede Behauptung | 5 |\n"
    )
    assert "| [Disputed](#disputed) | credible sources disagree | jede Behauptung | keine |\n" in page
    assert "## Zutreffend { #accurate }\n\n`accurate`: die Behauptung stimmt.\n\n" in page
    assert "[Jede Behauptung mit dem Urteil Zutreffend](../claims/verdicts/accurate.md)" in page


def test_feeds_and_claimreview_in_the_site_language(corpus: Corpus, catalog: Callable[[str, Translations], Messages]) -> None:
    msg = catalog("fr", {
        "{site}: reviews and corrections": "{site} : vérifications et corrections",
        "Accurate quote": "Citation exacte",
        "Unsupported": "Non étayé",
        "{verdict}: {claim}": "{verdict} : {claim}",
        "Corrected: {claim}": "Corrigé : {claim}",
        "Previous verdict: {previous}; now: {verdict}.": "Verdict précédent : {previous} ; désormais : {verdict}.",
    })
    atom = atom_feed(corpus, site_name="Desk & Co", site_language="fr")
    assert atom.splitlines()[1:3] == [
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">', "  <title>Desk &amp; Co : vérifications et corrections</title>"
    ]
    feed = json.loads(json_feed(corpus, site_name="Desk", site_language="fr"))
    assert (feed["title"], feed["language"]) == ("Desk : vérifications et corrections", "fr")
    assert [item["title"] for item in feed["items"]] == [
        "Corrigé : He wants to meet, and we're working on it", "Citation exacte : He wants to meet, and we're working on it"
    ]
    assert feed["items"][0]["content_html"] == (
        "<p>Verdict précédent : Non étayé ; désormais : Citation exacte.</p><p>The <em>first</em> version was wrong.</p>"
    )
    review = claim_review(corpus, "trump-wants-to-meet", msg=msg)
    assert review is not None
    assert (review["reviewRating"], review["inLanguage"]) == ({"@type": "Rating", "alternateName": "Citation exacte"}, "fr")


def test_script_messages_have_a_text_for_each_plural_category(catalog: Callable[[str, Translations], Messages]) -> None:
    msg = catalog("ru", {
        "Open the claim page": "Открыть страницу утверждения",
        "Claimant: {name}": "Автор: {name}",
        ("Showing {shown} of {n} claim.", "Showing {shown} of {n} claims."): (
            "Показано {shown} из {n} утверждения.", "Показано {shown} из {n} утверждений.", "Показано {shown} из {n} утверждений."
        ),
    })
    assert script_messages(msg) == {
        "open_claim_page": "Открыть страницу утверждения",
        "claimant": "Автор: {name}",
        # Russian: 1, 21 (one); 2-4, 22 (few); 0, 5-20 (many); gettext's forms for those numbers.
        "showing_claims": {
            "many": "Показано {shown} из {n} утверждений.",
            "one": "Показано {shown} из {n} утверждения.",
            "few": "Показано {shown} из {n} утверждений.",
        },
        "feed_title": "{site}: reviews and corrections",
    }


def test_the_plugin_writes_the_script_messages_into_every_page(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    project.write("seeds/article.txt", SAMPLE_TEXT)
    project.write("seeds/article.yaml", SAMPLE_YAML)
    assert project.build().returncode == 0
    block = (
        '<script type="application/json" id="explainer-messages">{"claimant": "Claimant: {name}", '
        '"feed_title": "{site}: reviews and corrections", "open_claim_page": "Open the claim page", '
        '"showing_claims": {"one": "Showing {shown} of {n} claim.", "other": "Showing {shown} of {n} claims."}}</script>'
    )
    for page in ("articles/trump-putin", "claims", "reference/format"):
        html = project.html(page)
        assert html.count(block) == 1, page
        assert '<link rel="alternate" type="application/atom+xml" title="Explainers: reviews and corrections"' in html
