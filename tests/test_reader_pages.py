"""Reader aids rendered in-process: previews' data, legend, graphs, timeline, claims filter,
and the verdict colours' contrast, read from the stylesheet itself."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE_YAML, Project, checked_corpus

from generator.annotations.corpus import Corpus
from generator.annotations.model import VERDICTS
from generator.pages.graph.local import local_graph
from generator.pages.graph.network import network
from generator.pages.graph.pages import graph_pages
from generator.pages.graph.svg import shorten
from generator.pages.options import SiteOptions
from generator.pages.pieces import TONE_ICONS, VERDICT_ICONS
from generator.pages.previews import first_sentence, json_script, previews
from generator.pages.site import render_pages
from generator.site_map import urls
from generator.translation.messages import messages

ENGLISH = messages("en")
HOSTILE_NAME = 'Dmitry </script><img src=x onerror="alert(1)"> & Peskov'


@pytest.fixture
def corpus(project: Project) -> Corpus:
    return checked_corpus(project)


@pytest.fixture
def hostile(project: Project) -> Corpus:
    return checked_corpus(project, yaml=SAMPLE_YAML.replace("name: Dmitry Peskov", f"name: '{HOSTILE_NAME}'"))


# --- links from raw HTML ---------------------------------------------------------------

@pytest.mark.parametrize(
    ("here", "there", "directory_urls", "link"),
    [
        ("people/a.md", "claims/b.md", True, "../../claims/b/"),
        ("people/a.md", "claims/b.md", False, "../claims/b.html"),
        ("graph.md", "people/a.md", True, "../people/a/"),
        ("graph.md", "people/a.md", False, "people/a.html"),
        ("people/a.md", "index.md", True, "../../"),
        ("people/a.md", "index.md", False, "../index.html"),
        ("index.md", "people/a.md", True, "people/a/"),
        ("people/a.md", "people/index.md", True, "../"),
        ("people/index.md", "people/a.md", True, "a/"),
        ("people/a.md", "people/a.md", True, "./"),
    ],
)
def test_url_link(here: str, there: str, directory_urls: bool, link: str) -> None:
    assert urls.url_link(here, there, directory_urls=directory_urls) == link


# --- previews -----------------------------------------------------------------------------

def test_preview_has_claimant_verdict_first_sentence_and_claim_url(corpus: Corpus) -> None:
    p = previews(corpus, "trump-putin", ENGLISH)["trump-wants-to-meet"]
    assert (p.claimant, p.verdict, p.label, p.icon) == ("Donald Trump", "accurate-quote", "Accurate quote", "❝")
    assert p.summary == "Reported by Reuters the same day."  # plain text: the emphasis is gone
    assert p.url == "../../claims/trump-wants-to-meet/"
    flat = previews(corpus, "trump-putin", ENGLISH, directory_urls=False)
    assert flat["trump-wants-to-meet"].url == "../claims/trump-wants-to-meet.html"
    assert previews(corpus, "trump-putin", ENGLISH)["no-request"].summary == "No explanation yet: this claim has not been checked."


def test_first_sentence_is_plain_and_cut_at_a_word() -> None:
    assert first_sentence("It was *said*. Then [more](https://example.org).") == "It was said."
    long = first_sentence("word " * 100)
    assert len(long) <= 240 and long.endswith("word…")


def test_preview_data_cannot_close_its_script_block(hostile: Corpus) -> None:
    page = render_pages(hostile)["articles/trump-putin.md"]
    block = re.search(r'<script type="application/json" id="explainer-previews">(.*?)</script>', page)
    assert block is not None
    assert "<" not in block.group(1) and ">" not in block.group(1) and "&" not in block.group(1)
    assert json.loads(block.group(1))["no-request"]["claimant"] == HOSTILE_NAME


def test_json_script_escapes_markup() -> None:
    assert json_script({"a": "</script>&"}, "x") == (
        '<script type="application/json" id="x">{"a":"\\u003c/script\\u003e\\u0026"}</script>'
    )


def test_article_shows_the_text_first_with_a_legend(corpus: Corpus) -> None:
    page = render_pages(corpus)["articles/trump-putin.md"]
    assert page.index("## The text") < page.index("## Claims in this article")
    assert "- [❝ Accurate quote](../claims/verdicts/accurate-quote.md){ .verdict .verdict-accurate-quote } × 1" in page
    assert "- [… Unverified](../claims/verdicts/unverified.md){ .verdict .verdict-unverified } × 1" in page


# --- graphs -------------------------------------------------------------------------------

class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.hrefs.append(dict(attrs)["href"] or "")

    def handle_data(self, data: str) -> None:
        self.texts.append(data)


def parsed(markdown: str) -> Links:
    links = Links()
    links.feed(markdown)
    return links


def test_graph_links_every_entity_once(corpus: Corpus) -> None:
    page = graph_pages(corpus)[urls.GRAPH]
    hrefs = parsed(page).hrefs
    expected = sorted(
        urls.url_link(urls.GRAPH, urls.entity_page(kind, i)) for kind in ("documents", "people", "sources", "claims")
        for i in corpus.entities(kind)
    )
    assert sorted(h for h in hrefs if not h.endswith(".md")) == expected
    assert page.startswith("---\nhide:\n  - navigation\n  - toc\n---\n")


def test_graph_is_deterministic(project: Project) -> None:
    first = graph_pages(checked_corpus(project))
    assert graph_pages(checked_corpus(project)) == first


def test_graph_edges(corpus: Corpus) -> None:
    net = network(corpus)
    assert net.neighbours(("claims", "trump-wants-to-meet")) == {
        ("documents", "trump-putin"): ["in"],
        ("people", "donald-trump"): ["said by"],
        ("sources", "reuters"): ["credited to", "evidence from"],
        ("claims", "no-request"): ["disputed by"],
    }
    assert net.neighbours(("people", "dmitry-peskov")) == {
        ("claims", "no-request"): ["said"],
        ("documents", "trump-putin"): ["mentioned in"],
    }


def test_graph_labels_are_escaped(hostile: Corpus) -> None:
    page = graph_pages(hostile)[urls.GRAPH]
    assert "<img" not in page and "</script>" not in page
    assert "Dmitry &lt;/script&gt;&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; Peskov" in page


def test_local_graph_shows_direct_neighbours(corpus: Corpus) -> None:
    lines = local_graph(corpus, "people", "dmitry-peskov")
    assert lines[0] == "## Connections { #connections }"
    assert sorted(parsed("\n".join(lines)).hrefs) == ["../../articles/trump-putin/", "../../claims/no-request/"]
    assert "Each node opens its page; the [graph](../graph.md) shows the connections of every article." in lines


@pytest.mark.parametrize(
    ("label", "limit", "shown"),
    [
        ("Reuters", 30, "Reuters"),
        ("Trump says Putin wants to meet him soon", 20, "Trump says Putin…"),
        # A label cut inside brackets would show words that the link's name, once its
        # "(...)" aside is set apart, does not contain (WCAG 2.5.3, axe-core 4.14).
        ("The Kremlin (Russian presidential administration)", 22, "The Kremlin…"),
        ("A (b) (c (d e f g h i j", 20, "A (b)…"),
        ("Foo (bar) baz qux quux corge", 20, "Foo (bar) baz qux…"),
        ("(Unclosed aside that is long", 12, "(Unclosed…"),
    ],
)
def test_graph_labels_are_cut_at_a_word_and_outside_brackets(label: str, limit: int, shown: str) -> None:
    assert shorten(label, limit) == shown


# --- timeline, filter ------------------------------------------------------------------

def test_a_long_date_is_written_as_the_sites_locale_writes_it() -> None:
    english, german, arabic = messages("en"), messages("de"), messages("ar")
    assert [english.date("2025-01-09"), english.date("2024-12-31")] == ["January 9, 2025", "December 31, 2024"]
    assert [german.date("2025-01-09"), arabic.date("2025-01-09")] == ["9. Januar 2025", "9 يناير 2025"]


def test_timeline_orders_by_date_and_lists_undated_apart(corpus: Corpus) -> None:
    page = render_pages(corpus)[urls.TIMELINE]
    assert page.index("<strong>January 9, 2025</strong>") < page.index("<strong>January 10, 2025</strong>") < page.index("Not dated (1)")
    assert (
        '<li><strong>January 10, 2025</strong><ul><li>Article published: <a href="../articles/trump-putin/">Trump to Meet Putin</a></li></ul></li>'
        in page
    )
    assert page.index(">He wants to meet") < page.index("<strong>January 10, 2025</strong>")
    assert page.index("Not dated (1)") < page.index('<a href="../claims/no-request/">No, there was no request.</a>')


def test_claims_index_rows_carry_verdict_and_tags(project: Project) -> None:
    tagged = SAMPLE_YAML.replace("    verdict: accurate-quote\n", "    verdict: accurate-quote\n    tags: [diplomacy, dates]\n")
    corpus = checked_corpus(project, yaml=tagged)
    page = render_pages(corpus)["claims/index.md"]
    assert '<li class="claim-row" data-tags="diplomacy dates" data-verdict="accurate-quote"><a href="trump-wants-to-meet/">' in page
    assert '<li class="claim-row" data-tags="" data-verdict="unverified"><a href="no-request/">' in page
    assert '<input type="checkbox" name="tag" value="dates"> dates <span class="explainer-filter-count">(1)</span>' in page
    assert '<form class="explainer-filter" hidden' in page


# --- stylesheet ------------------------------------------------------------------------

CSS = (ROOT / "docs" / "assets" / "explainer.css").read_text(encoding="utf-8")
TEXT = (0.0, 0.0, 0.0, 0.87)  # Material's body text colour


def rgb(value: str) -> tuple[float, float, float, float]:
    value = value.strip()
    if value.startswith("#"):
        return (int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16), 1.0)
    r, g, b, a = (float(x) for x in re.findall(r"[\d.]+", value))
    return (r, g, b, a)


def over(colour: tuple[float, float, float, float], base: tuple[float, float, float]) -> tuple[float, float, float]:
    r, g, b, a = colour
    return (r * a + base[0] * (1 - a), g * a + base[1] * (1 - a), b * a + base[2] * (1 - a))


def luminance(colour: tuple[float, float, float]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


VERDICT_CSS = dict(re.findall(r"^\.verdict-([a-z-]+) \{ (.*?) \}$", CSS, re.M))
TONES = [f"tone-{tone}" for tone in TONE_ICONS]


def test_every_verdict_has_colours_and_its_icon_in_the_stylesheet() -> None:
    assert sorted(VERDICT_CSS) == sorted([*VERDICTS, *TONES])
    icons = {**VERDICT_ICONS, **{f"tone-{tone}": icon for tone, icon in TONE_ICONS.items()}}
    for verdict, icon in icons.items():
        assert f'.md-typeset a.claim.verdict-{verdict}::before {{ content: "{icon}"; content: "{icon}" / ""; }}' in CSS


# A desk's own verdicts are coloured by tone (format 1.1): the same contrast rules.
@pytest.mark.parametrize("verdict", [*VERDICTS, *TONES])
def test_verdict_colours_have_enough_contrast(verdict: str) -> None:
    props = dict(p.split(":", 1) for p in VERDICT_CSS[verdict].rstrip(";").split("; "))
    solid = over(rgb(props["--verdict-colour"]), (255, 255, 255))
    tint = over(rgb(props["--verdict-tint"]), (255, 255, 255))
    white = (255.0, 255.0, 255.0)
    assert contrast(white, solid) >= 4.5  # badges, hovered and focused claims: white on the colour
    assert contrast(over(TEXT, tint), tint) >= 4.5  # a claim's text on its tint
    assert contrast(solid, white) >= 3  # the underline against the page


def test_focus_outline_is_visible() -> None:
    assert "outline: 3px solid #1a237e;" in CSS
    assert contrast(over(rgb("#1a237e"), (255, 255, 255)), (255, 255, 255)) >= 3


# --- a real build: the raw-HTML links MkDocs does not check ------------------------------

@pytest.mark.parametrize("directory_urls", [True, False])
def test_graph_links_resolve_in_a_built_site(sample: Project, directory_urls: bool) -> None:
    if not directory_urls:
        config = sample.root / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8") + "\nuse_directory_urls: false\n", encoding="utf-8")
    result = sample.build()
    assert result.returncode == 0, result.stderr
    site = sample.root / "site"
    checked = 0
    for page in ["graph", "people/donald-trump", "sources/reuters", "claims/no-request", "articles/trump-putin"]:
        path = site / (f"{page}/index.html" if directory_urls else f"{page}.html")
        html = path.read_text(encoding="utf-8")
        raw = re.findall(r'<a class="g-link" href="([^"]+)"', html)
        for block in re.findall(r'id="explainer-previews">(.*?)</script>', html):
            raw += [preview["url"] for preview in json.loads(block).values()]
        for href in raw:
            target = (path.parent / href).resolve()
            assert (target / "index.html" if directory_urls else target).is_file(), (page, href)
            checked += 1
    assert checked > 10


def test_site_options_default_to_directory_urls() -> None:
    assert SiteOptions().directory_urls is True
    assert Path(urls.GRAPH).suffix == ".md"
