"""The site's search index: Pagefind's, made by the `explainer-search` plugin in a real `mkdocs build --strict`.

Material's search box stays in the header; its worker is the site's own
(docs/assets/search-worker.js), which reads Pagefind's index. A page can be found by its
words and narrowed by the values in its `data-pagefind-filter` elements. The browser's side
is tests/browser/test_search.py.
"""

from __future__ import annotations

import json
import re
import shutil
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import Project, built_project
from mkdocs.utils import clean_directory

from generator.engines.search_index import FOLDER, KEPT, BackgroundIndex, index_site

TEXT = """\
Budget Row in Lima

Finance minister José Núñez-Pérez said “the deficit fell to 2 percent” on Monday, according to Andina.
"""

HOSTILE = 'Agencia <img src=x onerror="alert(1)"> & "Andina"'

ANNOTATIONS = f"""\
documents:
  - id: budget-row
    text: article.txt
    publisher: andina
people:
  - id: jose-nunez-perez
    name: José Núñez-Pérez
    aliases: [José Núñez-Pérez]
sources:
  - id: andina
    name: '{HOSTILE}'
    type: news-agency
    aliases: [Andina]
claims:
  - id: deficit-fell
    quote: "the deficit fell to 2 percent"
    kind: direct-quote
    claimant: jose-nunez-perez
    tags: [economy, budget]
    verdict: unverified
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return built_project(tmp_path_factory.mktemp("search-index") / "project", TEXT, ANNOTATIONS)


class _Filters(HTMLParser):
    """Each `data-pagefind-filter` element's name and text, as Pagefind reads them."""

    def __init__(self) -> None:
        super().__init__()
        self.filters: list[tuple[str, str]] = []
        self._open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        name = dict(attrs).get("data-pagefind-filter")
        if name is not None:
            self._open = name
            self.filters.append((name, ""))

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self.filters[-1] = (self._open, self.filters[-1][1] + data)

    def handle_endtag(self, tag: str) -> None:
        self._open = None


def filters_of(page: Path) -> list[tuple[str, str]]:
    parser = _Filters()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.filters


def test_the_built_site_has_a_pagefind_index_of_its_pages(built: Project) -> None:
    site = built.root / "site"
    entry = json.loads((site / FOLDER / "pagefind-entry.json").read_text(encoding="utf-8"))
    pages = len(list(site.rglob("*.html"))) - len(list((site / FOLDER).rglob("*.html")))
    # Every page with an article, which is every page but the redirects and 404.html.
    assert 0 < entry["languages"]["en"]["page_count"] <= pages
    assert list((site / FOLDER / "index").iterdir()) and list((site / FOLDER / "filter").iterdir())
    assert (site / FOLDER / "pagefind.js").is_file()


def test_material_keeps_its_search_box_but_no_index_of_its_own(built: Project) -> None:
    site = built.root / "site"
    lunr = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert lunr["docs"] == []  # no 16 MB to fetch on every page view at 1,000 articles
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'class="md-search__input"' in home
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', home, re.S)[1])  # type: ignore[index]
    assert config["search"] == "assets/search-worker.js"
    assert (site / "assets" / "search-worker.js").is_file()


def test_a_claim_page_can_be_narrowed_by_verdict_person_source_and_tags(built: Project) -> None:
    assert filters_of(built.root / "site" / "claims" / "deficit-fell" / "index.html") == [
        ("verdict", "Unverified"),
        ("person", "José Núñez-Pérez"),
        ("source", HOSTILE),  # the article's publisher: the claim came through it
        ("tag", "economy"),
        ("tag", "budget"),
    ]
    assert filters_of(built.root / "site" / "people" / "jose-nunez-perez" / "index.html") == [("person", "José Núñez-Pérez")]
    assert filters_of(built.root / "site" / "sources" / "andina" / "index.html") == [("source", HOSTILE)]


def test_filter_values_are_text_and_hidden(built: Project) -> None:
    html = (built.root / "site" / "sources" / "andina" / "index.html").read_text(encoding="utf-8")
    block = re.search(r'<div class="explainer-search-filters" hidden data-pagefind-ignore>.*?</div>', html)
    assert block is not None
    assert "<img" not in block[0] and "&lt;img src&#61;x onerror&#61;&quot;alert(1)&quot;&gt; &amp; &quot;Andina&quot;" in block[0]


def test_without_the_plugin_material_keeps_its_own_search(tmp_path: Path) -> None:
    project = built_project(tmp_path / "project", TEXT, ANNOTATIONS, configure=lambda c: c.replace("  - explainer-search", ""))
    site = project.root / "site"
    assert not (site / FOLDER).exists()
    assert json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"] != []
    assert '"search": "assets/javascripts/workers/search.' in (site / "index.html").read_text(encoding="utf-8")


def test_under_serve_the_index_is_made_in_the_background_and_kept_across_a_clean_rebuild(built: Project, tmp_path: Path) -> None:
    site = tmp_path / "site"
    # A built site without its index, as `mkdocs serve` has it right after its first build.
    shutil.copytree(built.root / "site", site, ignore=shutil.ignore_patterns(FOLDER))
    background = BackgroundIndex()
    try:
        background.after_build(site)
        assert background.made.wait(timeout=120)
        assert (site / FOLDER / "pagefind-entry.json").is_file()
        # A rebuild without --dirty: MkDocs empties the site folder but for its hidden entries.
        background.before_build(site, cleans=True)
        clean_directory(str(site))
        assert not (site / FOLDER).exists()
        shutil.copytree(built.root / "site", site, ignore=shutil.ignore_patterns(FOLDER), dirs_exist_ok=True)  # the pages written again
        background.made.clear()
        background.after_build(site)
        assert (site / FOLDER / "pagefind-entry.json").is_file()  # the index served before, back at once
        assert background.wait(timeout=120) and background.made.is_set()
        assert sorted(p.name for p in (site / KEPT).iterdir()) == []  # nothing left aside once swapped
    finally:
        background.close()
    assert not (site / KEPT).exists()  # nothing of it is left once closed


def test_under_serve_no_index_is_made_while_a_build_runs(built: Project, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(built.root / "site", site, ignore=shutil.ignore_patterns(FOLDER))
    background = BackgroundIndex(quiet=0.5)
    try:
        background.after_build(site)
        background.before_build(site, cleans=False)  # the next edit's rebuild, before the builds paused
        time.sleep(1.5)
        assert background.indexes_made == 0 and not (site / FOLDER).exists()
        background.after_build(site)
        assert background.wait(timeout=120)
        assert background.indexes_made == 1 and (site / FOLDER / "pagefind-entry.json").is_file()  # once, for both builds
    finally:
        background.close()


def test_index_site_writes_where_it_is_told(built: Project, tmp_path: Path) -> None:
    index_site(built.root / "site", tmp_path / "index")
    assert (tmp_path / "index" / "pagefind-entry.json").is_file()
