"""The generator's large HTML blocks (drawings, listing lines) are set aside while MkDocs
converts and indexes a page, then put back: the page comes out as it would have."""

from __future__ import annotations

import json
import re
from pathlib import Path

import markdown
import pytest
from conftest import SAMPLE_TEXT, SAMPLE_YAML, Project, built_project

from generator.html_blocks import put_back, set_aside
from generator.markdown_text import as_html, escape
from generator.pages import HtmlLinks, entity_link, verdict_badge
from generator.text_checks import forbidden_characters

BLNS = Path(__file__).parent / "data" / "blns" / "blns.json"
GRAPH = '<div class="explainer-graph" data-search-exclude><svg class="g-svg"><text>Ada</text></svg></div>'


def test_a_block_is_set_aside_and_put_back_in_its_place() -> None:
    page = f"# Graph\n\nHow they connect.\n\n{GRAPH}\n\nThe same as lists.\n"
    markdown_in, blocks = set_aside(page)
    assert markdown_in == '# Graph\n\nHow they connect.\n\n<div data-explainer-block="0"></div>\n\nThe same as lists.\n'
    assert blocks == (GRAPH,)
    html = '<h1>Graph</h1>\n<p>How they connect.</p>\n<div data-explainer-block="0"></div>\n<p>The same as lists.</p>'
    assert put_back(html, blocks) == f"<h1>Graph</h1>\n<p>How they connect.</p>\n{GRAPH}\n<p>The same as lists.</p>"


@pytest.mark.parametrize(
    "line",
    [
        '<div class="explainer-timeline" markdown>',  # Markdown inside: MkDocs must convert it
        '<div class="explainer-claims" markdown data-search-exclude><p>x</p></div>',
        '<div class="explanation"><p>Searchable.</p></div>',  # search indexes it
        '<nav class="explainer-pager" data-search-exclude="">x</nav>',
        '    <div class="explainer-claims" data-search-exclude><p>x</p></div>',  # inside a list item
        '<div class="explainer-claims" data-search-exclude><p>x</p>',  # the block goes on
    ],
)
def test_what_markdown_or_search_reads_is_left_alone(line: str) -> None:
    page = f"# Page\n\n{line}\n\nText.\n"
    assert set_aside(page) == (page, ())


def test_a_block_must_stand_between_blank_lines() -> None:
    page = f"Some text\n{GRAPH}\n\n{GRAPH}\n"  # the first continues the paragraph
    assert set_aside(page) == (f'Some text\n{GRAPH}\n\n<div data-explainer-block="0"></div>\n', (GRAPH,))


def test_several_blocks_are_numbered_in_order() -> None:
    other = GRAPH.replace("Ada", "Bo")
    markdown_in, blocks = set_aside(f"{GRAPH}\n\n## Next\n\n{other}")
    assert markdown_in == '<div data-explainer-block="0"></div>\n\n## Next\n\n<div data-explainer-block="1"></div>'
    assert blocks == (GRAPH, other)
    assert put_back('<div data-explainer-block="0"></div><h2>Next</h2><div data-explainer-block="1"></div>', blocks) == (
        f"{GRAPH}<h2>Next</h2>{other}"
    )


@pytest.mark.parametrize("html", ["<p>The theme dropped the content.</p>", '<div data-explainer-block="0"></div>' * 2])
def test_a_placeholder_not_there_exactly_once_is_reported(html: str) -> None:
    assert put_back(html, (GRAPH,)) is None


# --- the blocks' HTML is what Markdown would have made ---------------------------------------


def markdown_of(text: str) -> str:
    return markdown.markdown(text, extensions=["attr_list"])


def without_href(html: str) -> str:
    return re.sub(r'href="[^"]*"', "", html)


def test_text_comes_out_as_markdown_renders_it_on_every_naughty_string() -> None:
    strings = [s for s in json.loads(BLNS.read_text(encoding="utf-8")) if s.strip()]
    checked = 0
    for text in strings:
        if any(forbidden_characters(text)):
            continue  # `check` refuses them in every annotation value
        rendered = markdown_of(f"[{escape(text)}](x.md)")
        assert rendered.removeprefix('<p><a href="x.md">').removesuffix("</a></p>") == as_html(text), text
        checked += 1
    assert checked > 450


def test_links_come_out_as_markdown_and_mkdocs_render_them() -> None:
    links = HtmlLinks("claims/index/2.md", directory_urls=True)
    label = 'Ada "A&B" <Lovelace> | ~x~'
    assert links.entity("people", "ada", label) == f'<a href="../../../people/ada/">{as_html(label)}</a>'
    rendered = markdown_of(entity_link("claims/index/2.md", "people", "ada", label))
    assert rendered == '<p><a href="../../people/ada.md">Ada &quot;A&amp;B&quot; &lt;Lovelace&gt; &#124; &#126;x&#126;</a></p>'
    assert without_href(rendered) == "<p>" + without_href(links.entity("people", "ada", label)) + "</p>"
    badge = markdown_of(verdict_badge("claims/index/2.md", "mostly-accurate"))
    assert badge == '<p><a class="verdict verdict-mostly-accurate" href="../../reference/verdicts.md#mostly-accurate">◑ Mostly accurate</a></p>'
    assert links.verdicts["mostly-accurate"] == (
        '<a class="verdict verdict-mostly-accurate" href="../../../reference/verdicts/#mostly-accurate">◑ Mostly accurate</a>'
    )
    flat = HtmlLinks("timeline.md", directory_urls=False)
    assert flat.entity("claims", "c-1", "C") == '<a href="claims/c-1.html">C</a>'
    assert flat.verdicts["opinion"].startswith('<a class="verdict verdict-opinion" href="reference/verdicts.html#opinion">')


# --- in a real build --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return built_project(tmp_path_factory.mktemp("blocks") / "project", SAMPLE_TEXT, SAMPLE_YAML)


def test_the_built_pages_have_their_blocks_and_no_placeholder(built: Project) -> None:
    site = built.root / "site"
    assert not [p for p in site.rglob("*.html") if "data-explainer-block" in p.read_text(encoding="utf-8")]
    graph = built.html("graph")
    assert graph.count('<div class="explainer-graph" data-search-exclude><svg class="g-svg g-whole"') == 1
    assert 'href="../people/donald-trump/"' in graph
    claims = built.html("claims")
    assert '<div class="explainer-claims" data-search-exclude><p>In <a href="../articles/trump-putin/">Trump to Meet Putin</a>:</p>' in claims
    assert built.html("people/donald-trump").count('<div class="explainer-graph explainer-local" data-search-exclude><svg') == 1


def test_search_indexes_the_listing_headings_not_their_lines(built: Project) -> None:
    index = json.loads((built.root / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    claims = [doc for doc in index["docs"] if doc["location"].startswith("claims/#")]
    assert [doc["title"] for doc in claims] == ["Trump to Meet Putin"]
    assert claims[0]["text"] == ""
    claim_pages = {doc["location"] for doc in index["docs"] if "He wants to meet" in doc["text"]}
    assert "claims/trump-wants-to-meet/" in claim_pages  # the claim's own page is found
    assert not [doc["location"] for doc in index["docs"] if "direct connection" in doc["text"]]  # no drawing is indexed


def test_a_plugin_that_drops_the_placeholders_gets_a_clear_error(project: Project) -> None:
    project.write("seeds/article.txt", SAMPLE_TEXT)
    project.write("seeds/article.yaml", SAMPLE_YAML)
    project.write("hooks.py", "def on_page_content(html, **kwargs):\n    return html.replace('data-explainer-block', 'data-x')\n")
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nhooks:\n  - hooks.py\n", encoding="utf-8")
    result = project.build()
    assert result.returncode != 0
    assert (
        "claims/index.md: error[plugin]: part of the page is missing from the HTML Markdown made of it; "
        "a plugin that rewrites pages must keep `<div data-explainer-block>` placeholders\n"
    ) in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project.root / "site").exists()  # nothing half-written
