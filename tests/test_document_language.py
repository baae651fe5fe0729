"""A document's own language (`language:`): checked as a language tag, and marking its words on
an English site with `lang` (and `dir` for a right-to-left script) wherever they are shown: the
article's text, the claim page's quote, context sentences, claim titles that are the quote."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from conftest import Project, make_project
from pagefind_fragments import indexed_pages

from generator.annotations.scale import V1_SCALE
from generator.annotations.text_spans import Span
from generator.pages.markdown_text import as_html
from generator.pages.pieces import HtmlLinks, entity_link, in_context
from generator.pages.text_language import direction, lang_attributes

RUSSIAN_TEXT = """\
Песков о встрече

Песков сказал: «Запросов не поступало». Об этом сообщил ТАСС.
"""
ARABIC_TEXT = """\
لقاء مرتقب

قال بيسكوف: «لا يوجد طلب». ونقلت تاس ذلك.
"""
ENGLISH_TEXT = """\
Peskov on the meeting

Peskov said there was no request. TASS reported it.
"""
ANNOTATIONS = """\
documents:
  - id: ru
    text: ru.txt
    language: ru
  - id: ar
    text: ar.txt
    language: ar
  - id: en
    text: en.txt
people:
  - id: peskov
    name: Dmitry Peskov
    aliases: [Песков, بيسكوف, Peskov]
sources:
  - id: tass
    name: TASS
    type: state-media
    aliases: [ТАСС, تاس, TASS]
claims:
  - id: ru-no-request
    document: ru
    quote: Запросов не поступало
    kind: direct-quote
    claimant: peskov
    original_wording: Никаких запросов не было
    verdict: accurate-quote
    evidence:
      - url: https://example.org/tass
        title: Песков о встрече
    reviewed_on: 2025-01-12
    corrections:
      - date: 2025-01-20
        note: A typo fixed.
  - id: ar-no-request
    document: ar
    quote: لا يوجد طلب
    kind: direct-quote
    claimant: peskov
    via: [tass]
  - id: ar-titled
    document: ar
    quote: ونقلت تاس ذلك
    title: TASS relayed it
    kind: assertion
  - id: en-no-request
    document: en
    quote: there was no request
    kind: paraphrase
    claimant: peskov
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = make_project(tmp_path_factory.mktemp("language") / "p")
    for name, text in (("ru", RUSSIAN_TEXT), ("ar", ARABIC_TEXT), ("en", ENGLISH_TEXT)):
        project.write(f"seeds/{name}.txt", text)
    project.write("seeds/articles.yaml", ANNOTATIONS)
    result = project.build()
    assert result.returncode == 0, result.stderr
    return project


def article(html: str) -> str:
    return html[html.index("<article") : html.index("</article>")]


def test_the_article_text_is_marked_with_its_language(site: Project) -> None:
    assert '<div class="explainer-text" lang="ru">' in site.html("articles/ru")
    assert '<div class="explainer-text" lang="ar" dir="rtl">' in site.html("articles/ar")


def test_an_article_in_the_site_language_gets_no_lang_of_its_own(site: Project) -> None:
    html = site.html("articles/en")
    assert '<div class="explainer-text">' in html
    assert "lang=" not in article(html)
    assert "lang=" not in article(site.html("claims/en-no-request"))


def test_the_claim_page_marks_its_title_quote_and_original_wording(site: Project) -> None:
    html = site.html("claims/ru-no-request")
    assert '<h1 id="_1" lang="ru">Запросов не поступало<a class="headerlink"' in html
    assert '<blockquote>\n<p lang="ru">Песков сказал: «<mark>Запросов не поступало</mark>». Об этом сообщил ТАСС.</p>' in html
    assert '<p lang="ru">Никаких запросов не было</p>' in html
    arabic = site.html("claims/ar-no-request")
    assert '<p dir="rtl" lang="ar">قال بيسكوف: «<mark>لا يوجد طلب</mark>». ونقلت تاس ذلك.</p>' in arabic


def test_a_title_the_annotator_wrote_is_in_the_site_language(site: Project) -> None:
    html = site.html("claims/ar-titled")
    assert '<h1 id="tass-relayed-it">TASS relayed it<a class="headerlink"' in html
    assert '<p dir="rtl" lang="ar">' in html  # the quoted passage is still the article's Arabic
    index = site.html("claims")
    assert ">TASS relayed it</a>" in index


def test_context_sentences_and_quoted_titles_on_other_pages(site: Project) -> None:
    person = site.html("people/peskov")
    assert '<span lang="ru">Запросов не поступало</span></a>' in person
    assert '<span class="explainer-context" lang="ru">Песков сказал: «<mark>Запросов не поступало</mark>».' in person
    assert '<span class="explainer-context" lang="ar" dir="rtl">قال بيسكوف: «<mark>لا يوجد طلب</mark>».' in person
    # where the name is mentioned: the sentence, in its article's language
    assert '<span class="explainer-context" lang="ru"><mark>Песков</mark> сказал:' in person
    assert '<span class="explainer-context"><mark>Peskov</mark> said there was no request.</span>' in person  # English: no lang
    source = site.html("sources/tass")
    assert '<span class="explainer-context" lang="ar" dir="rtl">قال بيسكوف: «<mark>لا يوجد طلب</mark>».' in source
    corrections = site.html("corrections")
    assert '<span lang="ru">Запросов не поступало</span></a>' in corrections
    for listing in ("claims", "timeline"):
        html = site.html(listing)
        assert '<span lang="ar" dir="rtl">لا يوجد طلب</span></a>' in html
        assert '<span lang="ru">Запросов не поступало</span></a>' in html
        assert ">there was no request</a>" in html


def test_search_still_finds_the_words_of_a_marked_text(site: Project) -> None:
    # The site's search index is Pagefind's: each page's fragment holds its text.
    text = " ".join(fragment["content"] for url, fragment in indexed_pages(site.root / "site").items() if url.startswith("/articles/ru/"))
    assert "Об этом сообщил" in text


def test_on_an_arabic_site_an_english_article_runs_left_to_right(tmp_path: Path) -> None:
    assert lang_attributes("en", "ar") == ' lang="en" dir="ltr"'
    assert lang_attributes("ar", "ar") == lang_attributes("pt-BR", "pt-br") == ""
    assert lang_attributes("fa", "he") == ' lang="fa"'  # both right to left
    assert [direction(t) for t in ("ur", "he", "uz-Arab", "az-Latn", "zh-Hant", "en-US", "ckb-IQ")] == [
        "rtl", "rtl", "rtl", "ltr", "ltr", "ltr", "rtl"
    ]


def test_build_out_takes_the_site_language(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    project.write("seeds/ru.txt", RUSSIAN_TEXT)
    project.write("seeds/a.yaml", "documents:\n  - id: ru\n    text: ru.txt\n    language: ru\n")
    for language, expected in (("en", '<div class="explainer-text" lang="ru" markdown>'), ("ru", '<div class="explainer-text" markdown>')):
        out = tmp_path / f"out-{language}"
        result = project.run("-m", "generator", "build", "--out", str(out), "--site-language", language, "-q")
        assert result.returncode == 0, result.stderr
        assert expected in (out / "articles" / "ru.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        ("pt_br", "write it as 'pt-BR'"),
        ("EN", "write it as 'en'"),
        ("zh-hant", "write it as 'zh-Hant'"),
        ("english", "a language subtag (en, ru, ar), then optionally a script (zh-Hant) and a region (pt-BR), joined by hyphens"),
        ('"ru<script>"', "a language subtag (en, ru, ar), then optionally a script (zh-Hant) and a region (pt-BR), joined by hyphens"),
    ],
)
def test_a_language_that_is_not_a_language_tag_is_noted_and_left_unmarked(project: Project, value: str, hint: str) -> None:
    # Format 1.0 took any text here: such a file stays valid (exit 0), and `check` says why its text is not marked.
    project.write("seeds/a.txt", "Title\n\nText.\n")
    project.write("seeds/a.yaml", f"documents:\n  - id: a\n    text: a.txt\n    language: {value}\n")
    result = project.check()
    shown = value.strip('"')
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[0] == (
        f"seeds/a.yaml:4:15: notice[invalid-value]: documents[0].language: "
        f"Expected a language tag such as en, pt-BR or zh-Hant, but got '{shown}'; the text is not marked with its language"
    )
    assert f"    hint: {hint}" in result.stderr.splitlines()
    assert project.build().returncode == 0
    assert ' lang="' not in project.html("articles/a").split("<article", 1)[1]


@pytest.mark.parametrize("value", ["en", "ru", "ar", "pt-BR", "zh-Hant", "sr-Latn-RS", "es-419", "fil"])
def test_language_tags_of_every_shape_are_accepted(project: Project, value: str) -> None:
    project.write("seeds/a.txt", "Title\n\nText.\n")
    project.write("seeds/a.yaml", f"documents:\n  - id: a\n    text: a.txt\n    language: {value}\n")
    result = project.check()
    assert result.returncode == 0, result.stdout


def test_marked_links_and_sentences_come_out_as_markdown_renders_them() -> None:
    """The listings' and backlinks' HTML (`HtmlLinks`, `in_context(…, as_html)`) is what Python-Markdown
    makes of the Markdown claim lines, `lang` and `dir` included."""
    lang = ' lang="ar" dir="rtl"'
    here = "claims/index/2.md"
    links = HtmlLinks(here, directory_urls=True, scale=V1_SCALE, to_sources=True)
    label = "لا يوجد <طلب> | ~x~"
    link = links.entity("claims", "c", label, lang=lang)
    assert link == '<a href="../c.md"><span lang="ar" dir="rtl">لا يوجد &lt;طلب&gt; &#124; &#126;x&#126;</span></a>'
    assert markdown.markdown(entity_link(here, "claims", "c", label, lang=lang), extensions=["attr_list"]) == f"<p>{link}</p>"
    text, span = "قال: «لا يوجد طلب». *ونقلت* تاس.", Span(6, 17)
    sentence = in_context(text, span, Span(0, len(text)), as_html, lang)
    assert sentence == '<span class="explainer-context" lang="ar" dir="rtl">قال: «<mark>لا يوجد طلب</mark>». *ونقلت* تاس.</span>'
    assert markdown.markdown(in_context(text, span, Span(0, len(text)), lang=lang)) == f"<p>{sentence}</p>"


def test_graph_labels_that_are_a_documents_words_are_marked_with_its_language(site: Project) -> None:
    """An SVG has no `dir`: the label's script runs its own way (explainer.css); `lang` is what a screen reader needs."""
    whole, local = site.html("graph"), site.html("people/peskov")
    for drawing in (whole, local):
        assert '<tspan lang="ru">Запросов не поступало</tspan></text>' in drawing
        assert '<tspan lang="ar">لا يوجد طلب</tspan></text>' in drawing
        assert "there was no request</text>" in drawing  # the site's language
    assert "TASS relayed it</text>" in whole  # a title: the annotator's words, in the site's language
    assert '<tspan lang="ru">Запросов не поступало</tspan></text></g>' in site.html("claims/ru-no-request")  # the centre
