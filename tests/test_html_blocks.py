"""The generator's large HTML blocks (drawings, listing lines) are set aside while MkDocs
converts and indexes a page, then put back: the page comes out as it would have."""

from __future__ import annotations

import json
import re
from pathlib import Path

import markdown
import pytest
from conftest import SAMPLE_TEXT, SAMPLE_YAML, Project, built_project, checked_corpus
from pagefind_fragments import indexed_pages

from generator.annotations.scale import V1_SCALE
from generator.annotations.text_checks import forbidden_characters
from generator.annotations.text_spans import SourceText, Span
from generator.pages.article_page import MarkdownText
from generator.pages.html_blocks import NO_BLOCKS, Blocks, put_back, put_back_searched, set_aside
from generator.pages.markdown_text import as_html, as_html_block, escape, escape_block
from generator.pages.options import SiteOptions
from generator.pages.pieces import HtmlLinks, entity_link, in_context, verdict_badge
from generator.pages.site import SiteRenderer, render_pages

BLNS = Path(__file__).parent / "data" / "blns" / "blns.json"
GRAPH = '<div class="explainer-graph" data-search-exclude><svg class="g-svg"><text>Ada</text></svg></div>'


def test_a_block_is_set_aside_and_put_back_in_its_place() -> None:
    page = f"# Graph\n\nHow they connect.\n\n{GRAPH}\n\nThe same as lists.\n"
    markdown_in, blocks = set_aside(page)
    assert markdown_in == '# Graph\n\nHow they connect.\n\n<div data-explainer-block="0"></div>\n\nThe same as lists.\n'
    assert blocks == Blocks(hidden=(GRAPH,))
    html = '<h1>Graph</h1>\n<p>How they connect.</p>\n<div data-explainer-block="0"></div>\n<p>The same as lists.</p>'
    assert put_back(html, blocks.hidden) == f"<h1>Graph</h1>\n<p>How they connect.</p>\n{GRAPH}\n<p>The same as lists.</p>"


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
    assert set_aside(page) == (page, NO_BLOCKS)


def test_a_block_must_stand_between_blank_lines() -> None:
    page = f"Some text\n{GRAPH}\n\n{GRAPH}\n"  # the first continues the paragraph
    assert set_aside(page) == (f'Some text\n{GRAPH}\n\n<div data-explainer-block="0"></div>\n', Blocks(hidden=(GRAPH,)))


def test_several_blocks_are_numbered_in_order() -> None:
    other = GRAPH.replace("Ada", "Bo")
    markdown_in, blocks = set_aside(f"{GRAPH}\n\n## Next\n\n{other}")
    assert markdown_in == '<div data-explainer-block="0"></div>\n\n## Next\n\n<div data-explainer-block="1"></div>'
    assert blocks == Blocks(hidden=(GRAPH, other))
    assert put_back('<div data-explainer-block="0"></div><h2>Next</h2><div data-explainer-block="1"></div>', blocks.hidden) == (
        f"{GRAPH}<h2>Next</h2>{other}"
    )


@pytest.mark.parametrize("html", ["<p>The theme dropped the content.</p>", '<div data-explainer-block="0"></div>' * 2])
def test_a_placeholder_not_there_exactly_once_is_reported(html: str) -> None:
    assert put_back(html, (GRAPH,)) is None


TEXT = '<div class="explainer-text" data-explainer-html>\n<p>One <a href="x/">link</a>.</p>\n<p>Two\nlines.</p>\n</div>'
TEXT_HTML = TEXT.replace(" data-explainer-html", "")


def test_an_articles_text_is_set_aside_and_put_back_before_search_reads_the_page() -> None:
    markdown_in, blocks = set_aside(f"## The text\n\n{TEXT}\n\n{GRAPH}\n")
    assert markdown_in == '## The text\n\n<div data-explainer-text="0" markdown></div>\n\n<div data-explainer-block="0"></div>\n'
    assert blocks == Blocks(hidden=(GRAPH,), searched=(TEXT_HTML,))
    html = markdown.markdown(markdown_in, extensions=["md_in_html"])
    assert html == '<h2>The text</h2>\n<div data-explainer-text="0"></div>\n<div data-explainer-block="0"></div>'
    assert put_back_searched(html, blocks.searched) == f'<h2>The text</h2>\n{TEXT_HTML}\n<div data-explainer-block="0"></div>'


@pytest.mark.parametrize(
    "page",
    [
        f"Some text\n{TEXT}\n",  # continues a paragraph
        TEXT.replace("\n</div>", "\n</div> and more"),  # no line closes it
        f"{TEXT}\nmore\n",  # something follows it on the next line
        TEXT.replace("data-explainer-html", "data-explainer-html markdown"),
    ],
)
def test_a_text_block_must_be_whole_and_stand_between_blank_lines(page: str) -> None:
    assert set_aside(page) == (page, NO_BLOCKS)


def test_a_missing_text_placeholder_is_reported() -> None:
    assert put_back_searched("<p>The theme dropped the content.</p>", (TEXT_HTML,)) is None
    assert put_back_searched('<div data-explainer-text="0"></div>' * 2, (TEXT_HTML,)) is None


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


def paragraphs_as_markdown_renders_them(text: str) -> str:
    """A text's paragraphs as the plugin wrote them before they were HTML: Markdown in a `markdown` div."""
    paragraphs = [escape_block(text[p.start : p.end]) + "\n" for p in SourceText(text).paragraphs]
    source = "\n".join(['<div class="explainer-text" markdown>', "", *paragraphs, "</div>"])
    return markdown.markdown(source, extensions=["attr_list", "md_in_html"])


def paragraphs_as_html(text: str) -> str:
    paragraphs = [as_html_block(text[p.start : p.end]).rstrip("\n") for p in SourceText(text).paragraphs]
    return '<div class="explainer-text">\n' + "".join(f"<p>{p}</p>\n" for p in paragraphs) + "</div>"


@pytest.mark.parametrize(
    "text",
    [
        "One paragraph.\n",  # the text's last line break
        "Soft  \n  break, spaces around it dropped.\n\nSecond paragraph ends in spaces   ",
        "Looks like Markdown:\n# not a heading\n- not a list\n1. nor this\n> nor a quote\n=== nor a rule\n",
        "[not](a-link) *nor* `code` <b>nor HTML</b> &amp; &copy; | a | table |\n~~~\nno fence\n",
        "Non-breaking\u00a0\n\u00a0space, ideographic\u3000, line separator\u2028 stay.\u00a0 \n",
    ],
)
def test_an_articles_text_comes_out_as_markdown_renders_it(text: str) -> None:
    assert paragraphs_as_html(text) == paragraphs_as_markdown_renders_them(text)


def test_an_articles_text_comes_out_as_markdown_renders_it_on_every_naughty_string() -> None:
    strings = [s for s in json.loads(BLNS.read_text(encoding="utf-8")) if s.strip()]
    # Tabs and carriage returns go to Markdown (`ArticlePage.annotated_text`), which changes them.
    usable = [s for s in strings if not any(forbidden_characters(s)) and "\t" not in s and "\r" not in s]
    assert len(usable) > 450
    text = "\n\n".join(usable) + "\n"
    assert paragraphs_as_html(text) == paragraphs_as_markdown_renders_them(text)


def test_an_articles_links_come_out_as_markdown_and_mkdocs_render_them(project: Project) -> None:
    renderer = SiteRenderer(checked_corpus(project), SiteOptions(text_as_html=True))
    here = "articles/trump-putin.md"
    written = [p + "\n" for p in renderer.annotated_paragraphs("trump-putin", MarkdownText(here))]
    source = "\n".join(['<div class="explainer-text" markdown>', "", *written, "</div>"])
    rendered = markdown.markdown(source, extensions=["attr_list", "md_in_html"])
    block, blank = renderer.annotated_text("trump-putin")  # what the page has
    assert blank == ""
    html = block.replace(" data-explainer-html", "", 1)
    assert without_href(rendered) == without_href(html)
    assert '<a class="mention" href="../../people/dmitry-peskov/" title="Dmitry Peskov">Peskov</a>' in html
    assert '<a class="claim verdict-' in html and 'data-claim="trump-wants-to-meet" href="../../claims/trump-wants-to-meet/">' in html
    assert 'href="../people/dmitry-peskov.md"' in rendered  # MkDocs turns it into the URL above


def test_a_text_with_tabs_or_carriage_returns_is_html_too_and_build_out_writes_markdown(project: Project) -> None:
    # Markdown's time grows with the square of a paragraph's length (issue 24), so no text is
    # left to it: a carriage return is a line break, as Markdown reads it, and a tab one space.
    text = SAMPLE_TEXT.replace("Trump later", "Trump\tlater").replace("\n", "\r\n")
    page = render_pages(checked_corpus(project, text), SiteOptions(text_as_html=True))["articles/trump-putin.md"]
    assert '<div class="explainer-text" data-explainer-html>' in page
    assert "\r" not in page and "\t" not in page
    assert 'title="Donald Trump">Trump</a> later repeated it. ' in page
    assert '<div class="explainer-text" markdown>' in render_pages(checked_corpus(project))["articles/trump-putin.md"]  # build --out


def test_carriage_returns_and_tabs_come_out_as_markdown_renders_them_bar_the_width_of_a_tab() -> None:
    text = "Line one\r\nline two\rline three.\r\n\r\nA\ttab.\r\n"
    assert paragraphs_as_html(text) == '<div class="explainer-text">\n<p>Line one\nline two\nline three.</p>\n<p>A tab.</p>\n</div>'
    assert paragraphs_as_markdown_renders_them(text) == paragraphs_as_html(text).replace("A tab", "A   tab")


def test_links_come_out_as_markdown_and_mkdocs_render_them() -> None:
    links = HtmlLinks("claims/index/2.md", directory_urls=True, scale=V1_SCALE)
    label = 'Ada "A&B" <Lovelace> | ~x~'
    assert links.entity("people", "ada", label) == f'<a href="../../../people/ada/">{as_html(label)}</a>'
    rendered = markdown_of(entity_link("claims/index/2.md", "people", "ada", label))
    assert rendered == '<p><a href="../../people/ada.md">Ada &quot;A&amp;B&quot; &lt;Lovelace&gt; &#124; &#126;x&#126;</a></p>'
    assert without_href(rendered) == "<p>" + without_href(links.entity("people", "ada", label)) + "</p>"
    badge = markdown_of(verdict_badge("claims/index/2.md", "mostly-accurate", V1_SCALE))
    assert badge == '<p><a class="verdict verdict-mostly-accurate" href="../verdicts/mostly-accurate.md">◑ Mostly accurate</a></p>'
    assert links.verdicts["mostly-accurate"] == (
        '<a class="verdict verdict-mostly-accurate" href="../../verdicts/mostly-accurate/">◑ Mostly accurate</a>'
    )
    flat = HtmlLinks("timeline.md", directory_urls=False, scale=V1_SCALE)
    assert flat.entity("claims", "c-1", "C") == '<a href="claims/c-1.html">C</a>'
    assert flat.verdicts["opinion"].startswith('<a class="verdict verdict-opinion" href="claims/verdicts/opinion.html">')


def test_links_to_sources_are_the_markdown_links_for_engines_that_rewrite_raw_html() -> None:
    links = HtmlLinks("claims/index/2.md", directory_urls=True, scale=V1_SCALE, to_sources=True)
    assert links.entity("people", "ada", "Ada") == '<a href="../../people/ada.md">Ada</a>'
    assert links.verdicts["opinion"].startswith('<a class="verdict verdict-opinion" href="../verdicts/opinion.md">')


def test_a_backlinks_sentence_comes_out_as_markdown_renders_it_on_every_naughty_string() -> None:
    strings = [s for s in json.loads(BLNS.read_text(encoding="utf-8")) if s.strip() and not any(forbidden_characters(s))]
    for text in strings:
        span = Span(len(text) // 3, max(len(text) // 3 + 1, 2 * len(text) // 3))
        whole = Span(0, len(text))
        rendered = markdown_of(f"[x](x.md): {in_context(text, span, whole)}")
        assert rendered == f'<p><a href="x.md">x</a>: {in_context(text, span, whole, as_html)}</p>', text


def test_a_persons_lists_come_out_as_markdown_renders_them(project: Project) -> None:
    corpus = checked_corpus(project)
    renderer = SiteRenderer(corpus, SiteOptions())
    here = "people/dmitry-peskov.md"
    page = renderer.person_page("dmitry-peskov")
    blocks = re.findall(r'^<div class="explainer-backlinks" data-search-exclude>(<ul>.*</ul>)</div>$', page, re.MULTILINE)
    said = [renderer.claim_line(here, c, with_context=True) for c in corpus.backlinks.claims_by_claimant["dmitry-peskov"]]
    mentioned = []
    for mention in corpus.backlinks.mentions_of[("people", "dmitry-peskov")]:
        text = corpus.texts[mention.document]
        where = entity_link(here, "documents", mention.document, corpus.titles[mention.document], renderer.mention_anchor_target(mention))
        mentioned.append(f"- {where}: {in_context(text.text, mention.span, text.sentence_range(mention.span))}")
    assert len(said) == len(mentioned) == 1
    as_markdown = [markdown_of("\n".join(lines)).replace("\n", "") for lines in (said, mentioned)]
    assert [without_href(html) for html in blocks] == [without_href(html) for html in as_markdown]
    assert 'href="../../articles/trump-putin/#mention-people-dmitry-peskov-1"' in blocks[1]
    assert 'href="../articles/trump-putin.md#mention-people-dmitry-peskov-1"' in as_markdown[1]  # MkDocs turns it into the URL above


# --- in a real build --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return built_project(tmp_path_factory.mktemp("blocks") / "project", SAMPLE_TEXT, SAMPLE_YAML)


def test_the_built_pages_have_their_blocks_and_no_placeholder(built: Project) -> None:
    site = built.root / "site"
    leftovers = ("data-explainer-block", "data-explainer-text", "data-explainer-html")
    assert not [p for p in site.rglob("*.html") if any(mark in p.read_text(encoding="utf-8") for mark in leftovers)]
    graph = built.html("graph")
    assert graph.count('<div class="explainer-graph" data-search-exclude><svg class="g-svg g-whole"') == 1
    assert 'href="../people/donald-trump/"' in graph
    claims = built.html("claims")
    assert '<div class="explainer-claims" data-search-exclude><p>In <a href="../articles/trump-putin/">Trump to Meet Putin</a>:</p>' in claims
    assert built.html("people/donald-trump").count('<div class="explainer-graph explainer-local" data-search-exclude><svg') == 1


def test_search_indexes_the_listing_headings_not_their_lines(built: Project) -> None:
    index = indexed_pages(built.root / "site")
    claims = index["/claims/"]
    assert [anchor["text"] for anchor in claims["anchors"] if anchor["element"] == "h2"] == ["Trump to Meet Putin"]
    assert "He wants to meet" not in claims["content"]
    assert "He wants to meet" in index["/claims/trump-wants-to-meet/"]["content"]  # the claim's own page is found
    assert not [url for url, page in index.items() if "direct connection" in page["content"]]  # no drawing is indexed
    # A person's lists are not indexed either: each line is a claim's or an article's page, which search finds.
    person = index["/people/dmitry-peskov/"]
    headings = [anchor["text"] for anchor in person["anchors"] if anchor["element"] in ("h1", "h2")]
    assert headings == ["Dmitry Peskov", "What Dmitry Peskov said", "Where they are mentioned", "Connections"]
    assert "Trump to Meet Putin" not in person["content"] and "No, there was no request" not in person["content"]
    assert 'data-search-exclude><ul><li><a href="../../claims/no-request/">' in built.html("people/dmitry-peskov")


@pytest.mark.parametrize(
    ("hook", "page"),
    [
        ("def on_page_content(html, **kwargs):\n    return html.replace('data-explainer-block', 'data-x')\n", "claims/index.md"),
        ("def on_page_markdown(markdown, **kwargs):\n    return markdown.replace('data-explainer-text', 'data-x')\n", "articles/trump-putin.md"),
    ],
)
def test_a_plugin_that_drops_the_placeholders_gets_a_clear_error(project: Project, hook: str, page: str) -> None:
    project.write("seeds/article.txt", SAMPLE_TEXT)
    project.write("seeds/article.yaml", SAMPLE_YAML)
    project.write("hooks.py", hook)
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nhooks:\n  - hooks.py\n", encoding="utf-8")
    result = project.build()
    assert result.returncode != 0
    assert (
        f"{page}: error[plugin]: part of the page is missing from the HTML Markdown made of it; "
        "a plugin that rewrites pages must keep `<div data-explainer-block>` and `<div data-explainer-text>` placeholders\n"
    ) in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project.root / "site").exists()  # nothing half-written
