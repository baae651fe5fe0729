"""Search in a real browser: Material's search box in the header, answered from the site's Pagefind index.

One small site is built for the module with `mkdocs build --strict` and served from
127.0.0.1. Every page a test opens is watched: a console error, an uncaught exception or a
request to any other host fails the test (such requests are refused, never sent).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from conftest import Project, make_project
from local_site import browser, require_chromium, serve

pytestmark = pytest.mark.browser

TEXT = """\
Presupuesto en Lima

La ministra Ana Ibáñez dijo que “la economía creció un 3 por ciento” el lunes, según Andina.
El diputado Eve Example respondió que “las cifras están maquilladas”.
"""

# The second person's name is hostile on purpose: in the results it must show as text.
HOSTILE = "Eve <img src=x onerror=\"window.__pwned=1\"><b>Example</b>"

ANNOTATIONS = f"""\
documents:
  - id: presupuesto
    text: presupuesto.txt
    published: 2025-03-04
    publisher: andina
people:
  - id: ana-ibanez
    name: Ana Ibáñez
    aliases: [Ana Ibáñez]
  - id: eve-example
    name: '{HOSTILE}'
    aliases: [Eve Example]
sources:
  - id: andina
    name: Agencia Andina
    type: news-agency
    aliases: [Andina]
  - id: servicio
    name: Servicio Informativo
    type: news-agency
claims:
  - id: economia-crecio
    quote: "la economía creció un 3 por ciento"
    title: The economy grew 3 percent
    kind: direct-quote
    claimant: ana-ibanez
    via: [servicio]
    tags: [economy]
    verdict: misleading
    explanation: It grew 2.4 percent.
    evidence:
      - url: https://example.org/gdp
        source: andina
        title: GDP figures
  - id: cifras-maquilladas
    quote: "las cifras están maquilladas"
    title: The figures are doctored
    kind: direct-quote
    claimant: eve-example
    tags: [opposition]
    verdict: opinion
    explanation: A view, not a checkable fact.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Project:
    require_chromium()
    project = make_project(tmp_path_factory.mktemp("search") / "project")
    project.write("seeds/presupuesto.txt", TEXT)
    project.write("seeds/presupuesto.yaml", ANNOTATIONS)
    result = project.build()
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture(scope="module")
def site(built: Project) -> Iterator[str]:
    with serve(built.root / "site") as base:
        yield base


@pytest.fixture(scope="module")
def chromium(site: str) -> Iterator[Any]:
    with browser() as launched:
        yield launched


@pytest.fixture
def requests() -> list[str]:
    return []


@pytest.fixture
def page(chromium: Any, requests: list[str]) -> Iterator[Any]:
    """A tab with a cold cache that records every request and refuses any to another host."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    problems: list[str] = []

    def route(handler: Any) -> None:
        requests.append(handler.request.url)
        if urlsplit(handler.request.url).hostname == "127.0.0.1":
            handler.continue_()
        else:
            problems.append(f"asked another host: {handler.request.url}")
            handler.abort()

    context.route("**/*", route)  # the context's route sees the search worker's requests too
    tab.on("console", lambda message: problems.append(f"console: {message.text}") if message.type == "error" else None)
    tab.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    yield tab
    context.close()
    assert problems == []


def search(page: Any, query: str) -> list[str]:
    """Types `query` into the header's search box; the titles of the results shown."""
    page.locator("input.md-search__input").click()
    page.keyboard.type(query)
    results = page.locator(".md-search-result__item h1")
    results.first.wait_for()
    return [title.strip() for title in results.all_inner_texts()]


def test_a_word_of_a_quote_finds_its_claim_with_or_without_accents(page: Any, site: str) -> None:
    for query in ("economía", "economia", "ECONOMIA creció"):
        page.goto(site)
        assert "The economy grew 3 percent" in search(page, query)


def test_the_words_found_are_marked_and_untrusted_names_stay_text(page: Any, site: str) -> None:
    page.goto(site)
    assert HOSTILE in search(page, "Example")
    assert page.evaluate("window.__pwned") is None
    assert page.locator(".md-search-result img, .md-search-result b").count() == 0
    page.locator("input.md-search__input").fill("")
    page.keyboard.type("maquilladas")
    page.locator(".md-search-result mark", has_text="maquilladas").first.wait_for()


@pytest.mark.parametrize(
    ("query", "found", "not_found"),
    [
        ("verdict:misleading", "The economy grew 3 percent", "The figures are doctored"),
        ("verdict:opinion cifras", "The figures are doctored", "The economy grew 3 percent"),
        ('person:"ana ibanez"', "The economy grew 3 percent", "The figures are doctored"),
        # A claim comes through the sources it was said via and through its article's publisher.
        ("source:informativo", "The economy grew 3 percent", "The figures are doctored"),
        ("source:andina doctored", "The figures are doctored", "The economy grew 3 percent"),
        ("tag:opposition", "The figures are doctored", "The economy grew 3 percent"),
    ],
)
def test_filters_narrow_a_search_by_verdict_person_source_and_tag(page: Any, site: str, query: str, found: str, not_found: str) -> None:
    page.goto(site)
    titles = search(page, query)
    assert found in titles
    assert not_found not in titles


def test_a_filter_value_no_page_has_finds_nothing(page: Any, site: str) -> None:
    page.goto(site)
    page.locator("input.md-search__input").click()
    page.keyboard.type("verdict:accurate economía")
    meta = page.locator(".md-search-result__meta")
    meta.filter(has_text="No matching documents").wait_for()
    assert page.locator(".md-search-result__item").count() == 0


def test_the_keyboard_opens_search_moves_through_results_and_follows_one(page: Any, site: str) -> None:
    page.goto(site + "people/")
    page.keyboard.press("/")  # Material's shortcut: focus the search box
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type("economia")
    first = page.locator(".md-search-result__item a").first
    first.wait_for()
    target = first.get_attribute("href")
    assert target is not None and "?h=economia" in target  # the words found are highlighted on the page opened
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.getAttribute('href')") == target
    page.keyboard.press("Enter")
    page.wait_for_url(target)
    page.locator("article mark", has_text="economía").first.wait_for()  # Material marks the words once the page is shown


def test_searching_asks_only_the_site_and_fetches_only_what_it_shows(page: Any, site: str, requests: list[str]) -> None:
    page.goto(site + "claims/")
    shown = search(page, "maquilladas")
    assert all(urlsplit(url).hostname == "127.0.0.1" for url in requests)
    paths = [urlsplit(url).path for url in requests]
    # The chunk of Pagefind's index that holds the word, then one fragment per result shown.
    assert any(path.startswith("/pagefind/index/") for path in paths)
    assert 0 < sum(path.startswith("/pagefind/fragment/") for path in paths) <= len(shown)
