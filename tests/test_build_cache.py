"""A rebuild that reuses the previous build (as `mkdocs serve` does) renders exactly the
pages a full render gives, after edits of every kind; and it does reuse pages."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from conftest import ROOT, Project

from generator.annotations.pipeline import check
from generator.engines.build_cache import BuildCache, Rendered
from generator.open_data.data_export import export_files
from generator.pages.edit_links import edit_links
from generator.pages.graph import pages as graph_pages
from generator.pages.graph.network import Network
from generator.pages.options import SiteOptions
from generator.pages.site import render_pages
from generator.site_map import listing, urls

sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus import write_corpus  # noqa: E402

ARTICLES = 12
PER_PAGE = 5  # the claims index, the timeline and the graph have three pages each


def rebuild(seeds: Path, cache: BuildCache) -> tuple[dict[str, str], dict[str, str]]:
    """What the plugin does on a rebuild: the pages, and those it reused."""
    cache.next_build()
    checked = check(seeds, seeds.parent, cache=cache)
    assert checked.ok, [str(d.location) + " " + d.message for d in checked.diagnostics]
    assert checked.corpus is not None
    links = edit_links(checked.corpus, "https://github.com/example/explainers", "main")
    options = SiteOptions(home_page=False, edit_links=links, articles_per_page=PER_PAGE)
    reuse = cache.reusable_pages(checked.corpus, options) or {}
    pages = render_pages(
        checked.corpus,
        options,
        reuse=reuse,
        lines=cache.claim_lines,
        net=cache.network(checked.corpus),
        drawn_on=cache.drawn_on(checked.corpus, PER_PAGE),
    )
    cache.remember(checked.corpus, options, pages)
    graph_pages._last_drawn.clear()  # the graph's pages drawn from nothing, not from the last drawing's pieces
    assert pages == render_pages(checked.corpus, options), "a reused page differs from a fresh render"
    site_url = "https://example.org/"
    last = cache.exports
    exports = cache.export_files(checked.corpus, site_url, True)
    assert exports == export_files(checked.corpus, site_url), "a kept export file differs from a fresh export"
    if last is not None:  # kept, at least: the exports of every entity whose page was kept
        kept_files = {p for p in exports if exports[p] is last.files.get(p)}
        assert kept_files >= {urls.annotations_file(d) for d in checked.corpus.documents if urls.entity_page("documents", d) in reuse}
        assert cache.exports is not None
        kept_pieces = {key for key, pieces in cache.exports.pieces.items() if pieces is last.pieces.get(key)}
        assert kept_pieces >= {key for key in cache.exports.pieces if urls.entity_page(*key) in reuse}
    return pages, reuse


def edit(path: Path, pattern: str, replacement: str) -> None:
    text, count = re.subn(pattern, replacement, path.read_text(encoding="utf-8"), count=1, flags=re.MULTILINE)
    assert count == 1, pattern
    path.write_text(text, encoding="utf-8")


EDITS = {
    "explanation": ("article-5.yaml", r'^    explanation: "Figure 5-3 .*$', '    explanation: "Now *re-checked*."'),
    "explanation-removed": ("article-5.yaml", r'^    explanation: "Figure 5-2 .*\n', ""),
    "original-wording": ("article-5.yaml", r'^(    explanation: "Figure 5-3 .*)$', r'\1\n    original_wording: "Die Zahl 5-3 stieg."'),
    "explanation-and-verdict": (
        "article-5.yaml",
        r'^    verdict: accurate\n    explanation: "Figure 5-3 .*$',
        '    verdict: misleading\n    explanation: "Now *misleading*."',
    ),
    "correction-added": (  # the claim's page, its article's, the corrections page and the feeds change
        "article-5.yaml",
        r'^(    verdict: accurate\n)(    explanation: "Figure 5-3 .*)$',
        r'\1    reviewed_on: "2024-06-07"\n    corrections:\n      - date: "2024-06-08"\n        note: "A *typo* fixed."\n\2',
    ),
    "verdict": ("article-5.yaml", r"^(  - id: claim-5-2\n(?:    .*\n)*?)    verdict: unverified", r"\1    verdict: opinion"),
    # no claim was `unsupported`: every page of the claims index links to that verdict's listing now
    "verdict-new-to-the-corpus": (
        "article-5.yaml", r"^(  - id: claim-5-0\n(?:    .*\n)*?)    verdict: accurate-quote", r"\1    verdict: unsupported"
    ),
    "person-name": ("people-and-sources.yaml", r'^    name: "(\w+) (\w+)"', r'    name: "\1 Renamed-\2"'),
    "new-alias": ("people-and-sources.yaml", r"^    aliases: \[(.*)\]", r'    aliases: [\1, "Report"]'),
    "person-role": ("people-and-sources.yaml", r'^    role: "Councillor for ward 0"', '    role: "Mayor"'),
    "person-description": ("people-and-sources.yaml", r'^    description: "A \*made-up\* person, see (.*)"', r'    description: "Renamed, see \1"'),
    "source-name": ("people-and-sources.yaml", r'^    name: "(\w+) Wire"', r'    name: "\1 Renamed Wire"'),
    "source-url": ("people-and-sources.yaml", r"^    url: https://example.org/sources/0$", "    url: https://example.org/moved/0"),
    "source-type": ("people-and-sources.yaml", r"^    type: news-agency", "    type: newspaper"),
    "text": ("article-5.txt", r"^(Report 5: .*)$", r"\1\n\nA new paragraph before every claim."),
    "title": ("article-5.yaml", r'^    title: "Report 5: (.*)"$', r'    title: "Report 5, revised: \1"'),
    # article-5 moves to the graph's first page: the articles before it each move on a place,
    # and some to the next page, with their claims, claimants and sources
    "title-first": ("article-5.yaml", r'^    title: "Report 5: (.*)"$', r'    title: "A report: \1"'),
    # article-5 moves to the front of the timeline: the articles before it each move on a place
    "published-earlier": ("article-5.yaml", r'^    published: "2024-06-06"$', '    published: "2020-01-01"'),
    # the article's text, its claims' quotes and titles, and their sentences on people's,
    # sources' and related claims' pages, are marked with the language (lang, dir)
    "language": ("article-5.yaml", r'^(    published: "2024-06-06")$', r"\1\n    language: ar"),
    "lines-move": ("article-5.yaml", r"^documents:", "# a comment moves every line down\ndocuments:"),
    "claim-removed": ("article-6.yaml", r"^  - id: claim-6-4\n(?:    .*\n|      .*\n)*", ""),
    # the corpus had no tags: two tags' listings appear, and every page of the claims index links to them
    "tags-added": ("article-5.yaml", r"^(  - id: claim-5-2\n)", r"\1    tags: [economy, audit]\n"),
    "related-added": (
        "article-7.yaml",
        r"^(  - id: claim-7-5\n)",
        r"\1    related:\n      - claim: claim-2-0\n        relation: disputes\n",
    ),
}


@pytest.mark.parametrize("name", list(EDITS))
def test_a_rebuild_after_an_edit_is_a_full_render(tmp_path: Path, name: str) -> None:
    seeds = tmp_path / "seeds"
    write_corpus(seeds, ARTICLES)
    cache = BuildCache()
    first, reused = rebuild(seeds, cache)
    assert reused == {}
    file, pattern, replacement = EDITS[name]
    edit(seeds / file, pattern, replacement)
    _, reused = rebuild(seeds, cache)
    if name in ("explanation", "verdict", "text", "lines-move"):
        assert len(reused) > len(entity_pages(first)) / 3  # a local edit: many pages come from the last build
        # ... and most lines of the claims index and the timeline too, but none of the edited claim's
        reused_claims = {claim for _, claim, *_ in cache.claim_lines.reused}
        assert len(reused_claims) > len({c for _, c, *_ in cache.claim_lines.made}) / 3
        if name == "explanation":
            assert "claim-5-3" not in reused_claims
    if name == "explanation":  # shown on the claim's page and its article's preview only: nothing else is rendered again
        assert set(first) - set(reused) == {"claims/claim-5-3.md", "articles/article-5.md"}
    if name == "verdict":  # of the long listings' pages, only the one listing article-5 changes
        now = rebuild(seeds, cache)[0]
        changed = {page for page in first if now[page] != first[page] and page not in entity_pages(first)}
        listings = {page for page in first if re.fullmatch(r"(claims/index|timeline|graph)(/\d+)?\.md", page)}
        assert len(listings) == 9
        assert changed & listings == {page for page in listings if "article-5.md)" in first[page] or "article-5/" in first[page]}
        assert len(changed & listings) == 3
        # Of the verdicts' listings, only those of the verdict the claim had and the one it has now.
        by_verdict = {page for page in first if page.startswith("claims/verdicts/")}
        involved = {page for page in by_verdict if page.split("/")[2].split(".")[0] in ("unverified", "opinion")}
        assert changed & by_verdict and changed & by_verdict <= involved
        assert {page for page in by_verdict - involved if "/article-5/" not in first[page]} <= set(reused)


def entity_pages(pages: dict[str, str]) -> set[str]:
    return {p for p in pages if p.split("/")[0] in ("articles", "people", "sources", "claims") and p.count("/") == 1} - {
        f"{s}/index.md" for s in ("articles", "people", "sources", "claims")
    }


# Claims of every shape the corpus has: one that responds to another claim, the claim it
# responds to, one without evidence, one whose evidence comes from its article's publisher.
@pytest.mark.parametrize("claim", ["claim-5-0", "claim-4-1", "claim-5-2", "claim-5-5"])
def test_a_verdict_edit_renders_the_claim_and_its_direct_neighbours_only(tmp_path: Path, claim: str) -> None:
    seeds = tmp_path / "seeds"
    write_corpus(seeds, ARTICLES)
    cache = BuildCache()
    rebuild(seeds, cache)
    file = seeds / f"article-{claim.split('-')[1]}.yaml"
    text = file.read_text(encoding="utf-8")
    found = re.search(rf"^  - id: {claim}\n(?:(?:    |      |        )\S.*\n)*", text, flags=re.MULTILINE)
    assert found is not None
    current = re.findall(r"^    verdict: (\S+)$", found[0], flags=re.MULTILINE)[0]
    verdict = "opinion" if current != "opinion" else "unverified"  # neither needs evidence
    file.write_text(text.replace(found[0], found[0].replace(f"    verdict: {current}\n", f"    verdict: {verdict}\n")), encoding="utf-8")
    pages, reused = rebuild(seeds, cache)  # equal to a full render, page for page
    assert cache.rendered is not None
    neighbours = cache.rendered.network.neighbour_keys(("claims", claim))
    assert {kind for kind, _ in neighbours} >= {"documents", "people", "sources"}
    assert entity_pages(pages) - set(reused) == {urls.entity_page(*key) for key in [("claims", claim), *neighbours]}


@pytest.mark.parametrize("entity", ["person-0", "source-0"])
def test_a_rename_renders_no_other_person_or_source_page(tmp_path: Path, entity: str) -> None:
    seeds = tmp_path / "seeds"
    write_corpus(seeds, ARTICLES)
    cache = BuildCache()
    rebuild(seeds, cache)
    edit(seeds / "people-and-sources.yaml", rf'^(  - id: {entity}\n    name: )"', r'\1"Renamed ')
    pages, reused = rebuild(seeds, cache)  # equal to a full render, page for page
    assert cache.rendered is not None
    kind = "people" if entity.startswith("person") else "sources"
    rendered = entity_pages(pages) - set(reused)
    assert {page for page in rendered if page.startswith(("people/", "sources/"))} == {urls.entity_page(kind, entity)}
    around = cache.rendered.network.neighbour_keys((kind, entity))
    assert rendered > {urls.entity_page(*key) for key in around}  # and the claims and articles two links away


def test_a_title_is_shown_on_the_page_of_each_person_quoted_in_the_article(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    write_corpus(seeds, ARTICLES)
    # Claimant of claim-5-0, and named nowhere now: two links from article-5 (through the claim), not one.
    edit(seeds / "people-and-sources.yaml", r'^(  - id: person-19\n    name: .*\n    aliases: )\[.*\]$', r'\1["Nobody Named So"]')
    cache = BuildCache()
    rebuild(seeds, cache)
    assert cache.rendered is not None
    around = cache.rendered.network.neighbour_keys(("people", "person-19"))
    assert ("claims", "claim-5-0") in around and {kind for kind, _ in around} == {"claims"}  # no article mentions them
    edit(seeds / "article-5.yaml", r'^    title: "Report 5: (.*)"$', r'    title: "Report 5, revised: \1"')
    pages, reused = rebuild(seeds, cache)  # equal to a full render, page for page
    assert "people/person-19.md" not in reused
    line = 'in <a href="../../articles/article-5/#claim-claim-5-0">Report 5, revised: the exports question</a>'
    assert line in pages["people/person-19.md"]


def test_a_listing_page_is_kept_when_it_lists_the_same_articles_in_the_same_place() -> None:
    before = listing.split("timeline.md", ["a", "b", "c", "d"], 2)
    rendered = Rendered({}, Network({}, []), {p.path: f"page {p.number}" for p in before}, SiteOptions(), {}, {}, before, {})
    assert rendered.unchanged_listing_pages(before, affected=set()) == {"timeline.md": "page 1", "timeline/2.md": "page 2"}
    assert rendered.unchanged_listing_pages(before, affected={("documents", "c")}) == {"timeline.md": "page 1"}
    # An article comes first now: every page lists other articles, or the same ones in other places.
    assert rendered.unchanged_listing_pages(listing.split("timeline.md", ["x", "a", "b", "c", "d"], 2), affected=set()) == {}


def test_nothing_changed_nothing_rendered_again(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    write_corpus(seeds, ARTICLES)
    cache = BuildCache()
    first, _ = rebuild(seeds, cache)
    _, reused = rebuild(seeds, cache)
    assert set(reused) == set(first)  # entity pages and site-wide pages alike
    assert cache.parsed.hits == ARTICLES + 1  # every file came from the cache


# A `mkdocs serve --dirty` session in one process: the plugin object lives on between
# builds, and MkDocs asks each file whether it changed. `rebuild()` is one build; `mtimes()`
# when the two watched pages were last written.
SERVE_SESSION = """
import collections, json, os, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

site = sys.argv[1]
load_config("mkdocs.yml", site_dir=site).plugins.on_startup(command="serve", dirty=True)
pages = ["reference/verdicts/index.html", "claims/trump-wants-to-meet/index.html"]
seeds = Path("seeds/article.yaml")

def rebuild():
    config = load_config("mkdocs.yml", site_dir=site)
    build(config, serve_url="http://127.0.0.1:8000/", dirty=True)
    # Under `serve` the search index is made in the background; the tests read it once it is.
    assert config.plugins["explainer-search"].background.wait(timeout=120)

def mtimes():
    return [os.stat(os.path.join(site, p)).st_mtime_ns for p in pages]

rebuild()
before = mtimes()
"""

DIRTY_REBUILDS = SERVE_SESSION + """
seeds.write_text(seeds.read_text().replace("by *Reuters* the same day", "by *Reuters* on the day"))
rebuild()
after = mtimes()
html = Path(site, pages[1]).read_text()
# The search index's pages, as Pagefind stores them: one gzipped fragment each.
import gzip
index = [json.loads(gzip.decompress(f.read_bytes()).removeprefix(b"pagefind_dcd")) for f in Path(site, "pagefind/fragment").iterdir()]
claim = [e["content"] for e in index if e["url"] == "/claims/trump-wants-to-meet/"]
print(json.dumps({
    "rewritten": [a != b for a, b in zip(before, after)],
    "updated": "on the day" in html,
    "searched": [any("on the day" in t for t in claim), any("the same day" in t for t in claim)],
    "twice in the index": [l for l, n in collections.Counter(e["url"] for e in index).items() if n > 1],
}))
"""


def test_dirty_rebuilds_write_only_what_changed(sample: Project) -> None:
    """The edited claim's page is written again, the unchanged verdicts page is not.
    Search finds the new wording only, and no page twice (Material's search plugin, left alone,
    kept the old entries of all but one of the pages rendered again; Pagefind's index is now
    the site's, and `--dirty` must not leave the last one's pages in it)."""
    result = sample.run("-c", DIRTY_REBUILDS, str(sample.root / "served-site"))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1]) == {
        "rewritten": [False, True],
        "updated": True,
        "searched": [True, False],
        "twice in the index": [],
    }


REBUILD_AFTER_AN_ERROR = SERVE_SESSION + """
good = seeds.read_text()
seeds.write_text(good.replace("verdict: accurate-quote", "verdict: sort-of"))
try:
    rebuild()
    failed = False
except Abort:
    failed = True
seeds.write_text(good)
rebuild()
after = mtimes()
print(json.dumps({"failed": failed, "rewritten": [a != b for a, b in zip(before, after)]}))
"""


def test_a_rejected_edit_does_not_make_the_next_rebuild_write_every_page(sample: Project) -> None:
    """Under `serve --dirty`, a build the check stops has written nothing: once the annotation
    is fixed, the pages are as the last good build wrote them, and none is written again
    (before, all 10,000 pages of a large corpus were: about 100 s)."""
    result = sample.run("-c", REBUILD_AFTER_AN_ERROR, str(sample.root / "served-site"))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1]) == {"failed": True, "rewritten": [False, False]}


def test_a_changed_rating_scale_renders_every_page_again(tmp_path: Path) -> None:
    # A label shows on pages far from its claims (listings, legends, the graph): nothing is kept.
    from generator.annotations.model import VERDICTS

    seeds = tmp_path / "seeds"
    write_corpus(seeds, ARTICLES)
    cache = BuildCache()
    first, _ = rebuild(seeds, cache)
    scale = "verdicts:\n" + "".join(
        f"  - id: {key}\n    label: {'Checked, correct' if key == 'accurate' else label}\n    meaning: {meaning}\n"
        f"    tone: {tone}\n" + (f"    rating: {rating}\n" if rating else "")
        for key, (label, meaning, rating, tone) in VERDICTS.items()
    )
    (seeds / "scale.yaml").write_text(scale, encoding="utf-8")
    now, reused = rebuild(seeds, cache)  # and each page equals a fresh render
    assert reused == {}
    assert any("Checked, correct" in page for page in now.values())


def test_the_listings_of_tags_follow_their_tags(tmp_path: Path) -> None:
    """A tag's listing appears with its first claim, grows and shrinks with its claims, and goes
    with its last; the claims index links to the tags there are (each rebuild is a full render)."""
    seeds = tmp_path / "seeds"
    write_corpus(seeds, ARTICLES)
    edit(seeds / "article-5.yaml", r"^(  - id: claim-5-2\n)", r"\1    tags: [economy]\n")
    cache = BuildCache()
    pages, _ = rebuild(seeds, cache)
    assert [p for p in pages if p.startswith("claims/tags/")] == ["claims/tags/economy.md"]
    edit(seeds / "article-7.yaml", r"^(  - id: claim-7-1\n)", r"\1    tags: [economy, audit]\n")
    pages, reused = rebuild(seeds, cache)
    assert [p for p in pages if p.startswith("claims/tags/")] == ["claims/tags/audit.md", "claims/tags/economy.md"]
    assert "claims/index.md" not in reused  # it links to `audit` now
    edit(seeds / "article-5.yaml", r"^    tags: \[economy\]\n", "")
    edit(seeds / "article-7.yaml", r"^    tags: \[economy, audit\]\n", "    tags: [audit]\n")
    pages, _ = rebuild(seeds, cache)
    assert [p for p in pages if p.startswith("claims/tags/")] == ["claims/tags/audit.md"]
    assert "tags/economy/" not in pages["claims/index.md"]
