"""A real `mkdocs build --strict` of a temporary project, checked in the HTML it writes."""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import SAMPLE_TEXT, SAMPLE_YAML, Project, built_project

ENTITY_SECTIONS = ("articles", "claims", "people", "sources")


class _Links(HTMLParser):
    """Links and ids inside the page's main content."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0  # > 0 inside <article>
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"] or "")
        if tag == "article":
            self.depth += 1
        if tag == "a" and self.depth and attributes.get("href") and "headerlink" not in (attributes.get("class") or ""):
            self.hrefs.append(attributes["href"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.depth -= 1


def parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def site_pages(site: Path) -> dict[str, _Links]:
    """Every built page by its URL path (`claims/x/`)."""
    return {
        (path.parent.relative_to(site).as_posix() + "/").lstrip("./") or "": parse(path)
        for path in sorted(site.rglob("index.html"))
    }


def resolve(page_url: str, href: str) -> tuple[str, str]:
    path, _, anchor = href.partition("#")
    target = posixpath.normpath(posixpath.join(page_url, path)) + "/" if path else page_url
    return ("" if target == "./" else target), anchor


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return built_project(tmp_path_factory.mktemp("site") / "project", SAMPLE_TEXT, SAMPLE_YAML)


def test_every_internal_link_and_anchor_resolves(built: Project) -> None:
    pages = site_pages(built.root / "site")
    checked = 0
    for url, links in pages.items():
        for href in links.hrefs:
            if re.match(r"^[a-z]+:", href):
                continue
            target, anchor = resolve(url, href)
            if not anchor and (built.root / "site" / target.rstrip("/")).is_file():  # a file, not a page: the feeds
                checked += 1
                continue
            assert target in pages, f"{url}: broken link {href}"
            if anchor:
                assert anchor in pages[target].ids, f"{url}: no anchor #{anchor} on {target}"
            checked += 1
    assert checked > 50


def test_every_link_between_entity_pages_has_its_way_back(built: Project) -> None:
    pages = site_pages(built.root / "site")
    entity = {u for u in pages if u.count("/") == 2 and u.split("/")[0] in ENTITY_SECTIONS}
    assert len(entity) == 7
    targets = {u: {resolve(u, h)[0] for h in pages[u].hrefs if not re.match(r"^[a-z]+:", h)} for u in entity}
    one_way = [(a, b) for a in entity for b in targets[a] if b in entity and b != a and a not in targets[b]]
    assert one_way == []


def test_generated_pages_are_not_written_into_docs(built: Project) -> None:
    docs = sorted(p.relative_to(built.root / "docs").as_posix() for p in (built.root / "docs").rglob("*") if p.is_file())
    assert not any(p.startswith(ENTITY_SECTIONS) for p in docs)


def test_article_html_shows_text_literally_and_links_claims(built: Project) -> None:
    html = built.html("articles/trump-putin")
    assert (
        '<a class="claim verdict-accurate-quote" data-claim="trump-wants-to-meet" href="../../claims/trump-wants-to-meet/">'
        '<span id="claim-trump-wants-to-meet"></span>He wants to meet, and we’re working on it'
        '<span class="explainer-sr" data-search-exclude> (claim, verdict: Accurate quote)</span></a>'
    ) in html


def test_title_of_entity_page(built: Project) -> None:
    assert "<title>Donald Trump - Explainers</title>" in built.html("people/donald-trump")


def test_hostile_text_stays_text_in_html(project: Project) -> None:
    project.write("seeds/a.txt", "Headline\n\n<script>alert(1)</script> <img src=x onerror=alert(2)> *x* {{ config }}\n")
    project.write("seeds/a.yaml", "documents:\n  - id: a\n    text: a.txt\n")
    result = project.build()
    assert result.returncode == 0, result.stderr
    html = project.html("articles/a")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src&#61;x onerror&#61;alert(2)&gt; *x* {{ config }}" in html
    assert "<script>alert" not in html and "<img src=x" not in html


def test_bad_annotations_fail_the_build_with_checks_messages_and_keep_the_old_site(sample: Project) -> None:
    assert sample.build().returncode == 0
    before = {p: p.read_bytes() for p in (sample.root / "site").rglob("*") if p.is_file()}
    sample.write("seeds/article.yaml", SAMPLE_YAML.replace("claimant: dmitry-peskov", "claimant: dmitri-peskov"))
    result = sample.build()
    assert result.returncode == 1
    message = "seeds/article.yaml:41:15: error[unknown-ref]: claims[1].claimant: no person 'dmitri-peskov'"
    assert message in result.stderr
    assert message in sample.check().stderr
    after = {p: p.read_bytes() for p in (sample.root / "site").rglob("*") if p.is_file()}
    assert after == before


def test_hand_written_page_in_the_way_is_an_error_and_is_kept(sample: Project) -> None:
    page = sample.write("docs/people/donald-trump.md", "# Mine\n")
    result = sample.build()
    assert result.returncode == 1
    assert "docs/people/donald-trump.md: error[page-collision]" in result.stderr
    assert page.read_text(encoding="utf-8") == "# Mine\n"


def test_home_page_is_generated_only_without_a_hand_written_one(sample: Project) -> None:
    (sample.root / "docs" / "index.md").unlink()
    assert sample.build().returncode == 0
    assert "Annotated articles, with every quote" in sample.html("")
