"""The site-wide pages in the site's language (Material's `theme.language`): dates and numbers as
the locale writes them, words and plural counts from the message catalog.

A German site is built for real with the shipped German catalog; Babel writes the dates. A small
German catalog made for the test shows that the counts and the pager's words come from the catalog.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po
from conftest import SAMPLE_TEXT, SAMPLE_YAML, Project, checked_corpus, in_language, make_project

from generator.pages import pager
from generator.pages.options import SiteOptions
from generator.pages.redirects import Redirect, redirect_html
from generator.pages.site import render_pages
from generator.site_map import listing, urls
from generator.translation import catalogs
from generator.translation.messages import messages

YAML = (
    SAMPLE_YAML.replace("    aliases: [Trump, Donald Trump]\n", "    aliases: [Trump, Donald Trump]\n    former_ids: [trump]\n")
    .replace(
        "    verdict: accurate-quote\n",
        "    verdict: accurate-quote\n    tags: [kremlin, diplomacy]\n    corrections:\n"
        "      - date: 2025-01-20\n        previous_verdict: unsupported\n        note: A report was missed.\n",
    )
    .replace("    claimant: dmitry-peskov\n", "    claimant: dmitry-peskov\n    tags: [kremlin]\n")
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = make_project(tmp_path_factory.mktemp("german") / "p")
    project.write("mkdocs.yml", in_language((project.root / "mkdocs.yml").read_text(encoding="utf-8"), "de"))
    project.write("seeds/article.txt", SAMPLE_TEXT)
    project.write("seeds/article.yaml", YAML)
    result = project.build()
    assert result.returncode == 0, result.stderr
    return project


def test_the_timeline_writes_german_dates(site: Project) -> None:
    html = site.html("timeline")
    assert '<li><strong>9. Januar 2025</strong><ul><li><a href="../claims/trump-wants-to-meet/">' in html
    assert "<li><strong>10. Januar 2025</strong><ul><li>Artikel veröffentlicht: " in html


def test_the_listings_and_the_articles_index_write_german_dates(site: Project) -> None:
    assert '<a href="../../../articles/trump-putin/">Trump to Meet Putin</a> (10. Januar 2025):</p>' in site.html(
        "claims/verdicts/accurate-quote"
    )
    assert '<a href="trump-putin/">Trump to Meet Putin</a> — 10. Januar 2025, 2 Behauptungen</li>' in site.html("articles")


def test_the_corrections_page_writes_german_dates(site: Project) -> None:
    assert "<li><strong>20. Januar 2025</strong> · " in site.html("corrections")


def test_a_redirect_page_is_in_the_site_language(site: Project) -> None:
    assert '<html lang="de" dir="ltr">\n' in (site.root / "site/people/trump/index.html").read_text(encoding="utf-8")


def test_an_arabic_redirect_page_reads_right_to_left() -> None:
    html = redirect_html(Redirect("people/old.md", "people/new.md", "Name"), site_language="ar")
    assert html.startswith('<!doctype html>\n<html lang="ar" dir="rtl">\n')


# --- a German catalog of a few messages ------------------------------------------------------

GERMAN = {
    "Tags": "Schlagwörter",
    ("{n} claim", "{n} claims"): ("{n} Behauptung", "{n} Behauptungen"),
    "{name}, page {number} of {count}": "{name}, Seite {number} von {count}",
    "Articles {first}–{last} of {total}:": "Artikel {first}–{last} von {total}:",
    "← Previous": "← Zurück",
    "Next →": "Weiter →",
}


@pytest.fixture
def german_catalog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    catalog = Catalog(locale="de", domain=catalogs.DOMAIN)
    for message, translation in GERMAN.items():
        catalog.add(message, translation)
    path = tmp_path / "de" / "LC_MESSAGES" / f"{catalogs.DOMAIN}.po"
    path.parent.mkdir(parents=True)
    with path.open("wb") as handle:
        write_po(handle, catalog)
    monkeypatch.setattr(catalogs, "LOCALES", tmp_path)
    forget = (catalogs.read_catalog.cache_clear, catalogs.translations.cache_clear, messages.cache_clear)
    for clear in forget:
        clear()
    yield
    for clear in forget:  # the next test reads the real catalogs again
        clear()


def test_counts_take_the_catalogs_plural_forms(german_catalog: None, project: Project) -> None:
    corpus = checked_corpus(project, SAMPLE_TEXT, YAML)
    pages = render_pages(corpus, SiteOptions(site_language="de"))
    assert pages[urls.TAGS].startswith("# Schlagwörter\n")
    assert "- [`diplomacy`](claims/tags/diplomacy.md): 1 Behauptung\n- [`kremlin`](claims/tags/kremlin.md): 2 Behauptungen\n" in pages[urls.TAGS]
    assert "— 10. Januar 2025, 2 Behauptungen" in pages["articles/index.md"]


def test_the_pager_writes_the_locales_numbers(german_catalog: None) -> None:
    pages = listing.split("timeline.md", [str(i) for i in range(1200)], 10)
    msg = messages("de")
    assert pager.page_title("Zeitleiste", pages[9], msg) == "Zeitleiste, Seite 10 von 120"
    assert pager.pager(pages[9], "Seiten der Zeitleiste", msg)[:3] == [
        '<nav class="explainer-pager" aria-label="Seiten der Zeitleiste" data-search-exclude="" markdown>',
        "",
        "Artikel 91–100 von 1.200: [← Zurück](9.md) · [1](../timeline.md) · … · [8](8.md) · [9](9.md) · "
        '**10**{ aria-current="page" } · [11](11.md) · [12](12.md) · … · [120](120.md) · [Weiter →](11.md)',
    ]
