"""Long listings (the claims index, the timeline, the graph) come in pages of a few dozen
articles (`articles_per_page` in mkdocs.yml, 25 unless set): page 1 keeps the listing's
address, the others are numbered in a folder named after it."""

from __future__ import annotations

import re
import sys
from html.parser import HTMLParser

import pytest
from conftest import ROOT, Project, synthetic_corpus

from generator.annotations.corpus import Corpus
from generator.annotations.model import VERDICTS
from generator.pages import pager
from generator.pages.options import SiteOptions
from generator.pages.site import render_pages
from generator.site_map import listing, urls
from generator.translation.messages import messages

sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus import write_corpus  # noqa: E402

# --- where the pages are, and the links between them -------------------------------------

ENGLISH = messages("en")


def test_a_short_listing_is_one_page_without_a_pager() -> None:
    [page] = listing.split("timeline.md", ["a", "b"], 25)
    assert (page.path, page.number, page.count, page.doc_ids) == ("timeline.md", 1, 1, ("a", "b"))
    assert pager.page_title("Timeline", page, ENGLISH) == "Timeline"
    assert pager.pager(page, "Pages of the timeline", ENGLISH) == []


def test_a_page_of_one_article_says_so() -> None:
    pages = listing.split("graph.md", ["a", "b"], 1)
    assert pager.pager(pages[1], "Pages of the graph", ENGLISH)[2] == (
        'Article 2 of 2: [← Previous](../graph.md) · [1](../graph.md) · **2**{ aria-current="page" }'
    )


def test_an_empty_listing_still_has_its_first_page() -> None:
    [page] = listing.split("graph.md", [], 25)
    assert (page.path, page.doc_ids, page.count) == ("graph.md", (), 1)


def test_later_pages_are_numbered_in_a_folder_named_after_the_first() -> None:
    pages = listing.split("claims/index.md", ["a", "b", "c", "d", "e"], 2)
    assert [p.path for p in pages] == ["claims/index.md", "claims/index/2.md", "claims/index/3.md"]
    assert [p.doc_ids for p in pages] == [("a", "b"), ("c", "d"), ("e",)]
    assert [(p.first, p.total) for p in pages] == [(1, 5), (3, 5), (5, 5)]
    assert pager.page_title("Claims", pages[1], ENGLISH) == "Claims, page 2 of 3"


def test_the_pager_links_the_ends_and_two_pages_either_side() -> None:
    pages = listing.split("timeline.md", [str(i) for i in range(400)], 10)
    assert pager.pager(pages[9], "Pages of the timeline", ENGLISH) == [
        '<nav class="explainer-pager" aria-label="Pages of the timeline" data-search-exclude="" markdown>',
        "",
        "Articles 91–100 of 400: [← Previous](9.md) · [1](../timeline.md) · … · [8](8.md) · [9](9.md) · "
        '**10**{ aria-current="page" } · [11](11.md) · [12](12.md) · … · [40](40.md) · [Next →](11.md)',
        "",
        "</nav>",
        "",
    ]
    assert pager.pager(pages[0], "Pages of the timeline", ENGLISH)[2] == (
        'Articles 1–10 of 400: **1**{ aria-current="page" } · [2](timeline/2.md) · [3](timeline/3.md) · … · '
        "[40](timeline/40.md) · [Next →](timeline/2.md)"
    )
    assert pager.pager(pages[39], "Pages of the timeline", ENGLISH)[2] == (
        "Articles 391–400 of 400: [← Previous](39.md) · [1](../timeline.md) · … · [38](38.md) · [39](39.md) · "
        '**40**{ aria-current="page" }'
    )


# --- what each page lists ------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return synthetic_corpus(tmp_path_factory.mktemp("listing"), 5)


def listing_pages(pages: dict[str, str], first: str) -> list[str]:
    stem = first[: -len(".md")]
    return [p for p in pages if p == first or p.startswith(stem + "/") and re.fullmatch(r"\d+\.md", p[len(stem) + 1 :])]


def claim_links(markdown: str) -> list[str]:
    """The claims a claims index page links, in order: `claim-1-0/` on page 1 (`claims/`), `../../claim-1-0/` after."""
    return re.findall(r'<a href="(?:\.\./\.\./)?(claim-[\d-]+)/">', markdown)


def test_each_claim_is_listed_once_on_the_page_of_its_article(corpus: Corpus) -> None:
    pages = render_pages(corpus, SiteOptions(articles_per_page=2))
    index = listing_pages(pages, "claims/index.md")
    assert index == ["claims/index.md", "claims/index/2.md", "claims/index/3.md"]
    order = listing.by_title(corpus)
    for number, page in enumerate(index):
        assert claim_links(pages[page]) == [c for d in order[number * 2 : number * 2 + 2] for c in corpus.claims_in_document(d)]
    assert pages["claims/index/2.md"].startswith("# Claims, page 2 of 3\n")


def test_each_page_of_a_paged_claims_index_filters_the_whole_corpus_with_links(corpus: Corpus) -> None:
    """No form that could filter only the claims on screen: links to every verdict's listing instead."""
    pages = render_pages(corpus, SiteOptions(articles_per_page=2))
    present = [v for v in VERDICTS if any(corpus.claim(c).verdict == v for c in corpus.claims)]
    assert len(present) > 3
    for page in listing_pages(pages, "claims/index.md"):
        assert "explainer-filter" not in pages[page]
        nav = re.search(r'<nav class="explainer-browse" aria-label="Every claim by verdict or tag" data-search-exclude>.*</nav>', pages[page])
        assert nav is not None
        up = "" if page == "claims/index.md" else "../../"
        assert re.findall(r'href="([^"]*)"', nav[0]) == [f"{up}verdicts/{v}/" for v in present]


def test_later_pages_link_up_one_folder(corpus: Corpus) -> None:
    pages = render_pages(corpus, SiteOptions(articles_per_page=2))
    assert listing_pages(pages, "timeline.md") == ["timeline.md", "timeline/2.md", "timeline/3.md"]
    later = pages["timeline/2.md"]
    assert later.startswith("# Timeline, page 2 of 3\n")
    assert '<a href="../../claims/claim-' in later and '<a href="../claims/' not in later  # from `timeline/2/`
    assert "[← Previous](../timeline.md) · [1](../timeline.md) · **2**" in later


def test_the_graph_pages_draw_every_entity_and_each_claim_once(corpus: Corpus) -> None:
    pages = render_pages(corpus, SiteOptions(articles_per_page=2))
    graph = listing_pages(pages, "graph.md")
    assert graph == ["graph.md", "graph/2.md", "graph/3.md"]
    drawn: list[list[str]] = []
    for page in graph:
        found = Hrefs()
        found.feed(pages[page])
        up = "../../" if page != "graph.md" else "../"
        drawn.append([h[len(up) :] for h in found.hrefs if h.startswith(up) and not h.endswith(".md")])
    claims = [h for links in drawn for h in links if h.startswith("claims/")]
    assert sorted(claims) == sorted(f"claims/{c}/" for c in corpus.claims)  # each on one page only
    everyone = {h for links in drawn for h in links}
    assert everyone >= {f"{urls.SECTIONS[k]}/{i}/" for k in ("people", "sources", "documents") for i in corpus.entities(k)}
    # The synthetic corpus's people speak in several articles: drawn on each page they are in.
    assert sum(len([h for h in links if h.startswith("people/")]) for links in drawn) > len(
        {h for h in everyone if h.startswith("people/")}
    )


def test_a_local_graph_links_to_the_graph_page_that_draws_its_entity(corpus: Corpus) -> None:
    pages = render_pages(corpus, SiteOptions(articles_per_page=2))
    third = listing.by_title(corpus)[2]  # on the graph's second page
    claim = corpus.claims_in_document(third)[0]
    assert (
        "Each node opens its page; [page 2 of the graph](../graph/2.md) shows them among the connections of other articles."
        in pages[f"claims/{claim}.md"].splitlines()
    )
    linked = 0
    for kind, section in (("documents", "articles"), ("claims", "claims"), ("people", "people"), ("sources", "sources")):
        for entity_id in corpus.entities(kind):
            page = pages[f"{section}/{entity_id}.md"]
            found = re.search(r"^Each node opens its page; \[page (\d) of the graph\]\(\.\./(graph(?:/\d)?\.md)\)", page, re.M)
            if "## Connections" not in page:
                continue
            assert found is not None, entity_id
            number, graph_page = found.groups()
            assert graph_page == ("graph.md" if number == "1" else f"graph/{number}.md")
            up = "../../" if graph_page != "graph.md" else "../"
            assert f'href="{up}{section}/{entity_id}/"' in pages[graph_page], (entity_id, graph_page)  # drawn there
            if kind in ("people", "sources"):  # on the first page that draws them
                assert not any(f'href="{"../" if p == "graph.md" else "../../"}{section}/{entity_id}/"' in pages[p]
                               for p in ("graph.md", "graph/2.md", "graph/3.md")[: int(number) - 1]), entity_id
            linked += 1
    assert linked > len(corpus.claims)


def test_one_page_when_the_articles_fit(corpus: Corpus) -> None:
    pages = render_pages(corpus, SiteOptions())
    for first in ("claims/index.md", "timeline.md", "graph.md"):
        assert listing_pages(pages, first) == [first]
        assert "explainer-pager" not in pages[first]


class Hrefs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.hrefs.append(dict(attrs).get("href") or "")


# --- the built site --------------------------------------------------------------------------


def per_page(project: Project, value: str) -> None:
    """Set the plugin's `articles_per_page` in the project's mkdocs.yml."""
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "      seeds: seeds\n" in text
    config.write_text(text.replace("      seeds: seeds\n", f"      seeds: seeds\n      articles_per_page: {value}\n"), encoding="utf-8")


def test_mkdocs_builds_the_pages_and_every_pager_link_works(project: Project) -> None:
    write_corpus(project.seeds, 5)
    per_page(project, "2")
    result = project.build()
    assert result.returncode == 0, result.stderr
    site = project.root / "site"
    for url in ("claims/", "claims/index/2/", "claims/index/3/", "timeline/", "timeline/3/", "graph/", "graph/3/"):
        page = project.html(url)
        pager = re.findall(r'<nav aria-label="Pages of the [a-z ]+" class="explainer-pager" data-search-exclude="">(.*?)</nav>', page, re.S)
        assert len(pager) == 2, url  # above and below the listing
        links = Hrefs()
        links.feed(pager[0])
        assert links.hrefs, url
        for href in links.hrefs:
            assert (site / url / href / "index.html").resolve().is_file(), (url, href)
        number = url.rstrip("/").rpartition("/")[2]
        assert f'<strong aria-current="page">{number if number.isdigit() else 1}</strong>' in pager[0]
        # The lines of the claims index and the timeline are HTML with built URLs: each resolves.
        for block in re.findall(r'<div class="explainer-(?:claims|timeline|undated)" data-search-exclude>(.*?)</div>', page, re.S):
            lines = Hrefs()
            lines.feed(block)
            assert lines.hrefs, url
            for href in lines.hrefs:
                path, _, anchor = href.partition("#")
                assert (site / url / path / "index.html").resolve().is_file(), (url, href)
                if anchor:
                    assert f'id="{anchor}"' in (site / url / path / "index.html").read_text(encoding="utf-8"), (url, href)
    assert "<title>Claims, page 2 of 3 - Explainers</title>" in project.html("claims/index/2/")
    # A claim's local graph links to the graph page that draws it: article 4 is the fifth by title.
    claim_page = project.html("claims/claim-4-0/")
    assert '<p>Each node opens its page; <a href="../../graph/3/">page 3 of the graph</a> shows them' in claim_page
    assert 'href="../../claims/claim-4-0/"' in project.html("graph/3/")


@pytest.mark.parametrize("value", ["0", "-3", "true"])
def test_articles_per_page_must_be_a_positive_number(project: Project, value: str) -> None:
    write_corpus(project.seeds, 1)
    per_page(project, value)
    result = project.build()
    assert result.returncode != 0
    assert f"Plugin 'explainer' option 'articles_per_page': must be a whole number of at least 1, not {value}\n" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project.root / "site").exists()


def test_build_out_takes_the_number_of_articles_per_page(project: Project) -> None:
    write_corpus(project.seeds, 3)
    assert project.run("-m", "generator", "build", "--out", "out", "--articles-per-page", "2", "-q").returncode == 0
    assert sorted(p.relative_to(project.root / "out").as_posix() for p in (project.root / "out").glob("timeline*/**/*.md")) == ["timeline/2.md"]
    assert (project.root / "out" / "timeline.md").is_file()
    refused = project.run("-m", "generator", "build", "--out", "out2", "--articles-per-page", "0")
    assert refused.returncode == 2
    assert "--articles-per-page: a whole number of at least 1, not '0'" in refused.stderr
    assert not (project.root / "out2").exists()
