"""Small tables for the pure helpers: loader, matching, links, escaping, light Markdown."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator.annotations import light_markdown
from generator.annotations.model import AnnotationFile, Claim
from generator.annotations.scale import V1_SCALE
from generator.annotations.seeds import display_path
from generator.annotations.text_spans import SourceText, normalise
from generator.annotations.yaml_strict import load_yaml
from generator.pages.markdown_text import escape
from generator.pages.reference import format_page
from generator.site_map.urls import entity_page, page_url, relative_link
from generator.translation.messages import messages

CONTRACT = Path(__file__).parent / "data" / "ANNOTATIONS.md"
SHARED_CONTRACT = Path(__file__).resolve().parents[2] / "shared" / "ANNOTATIONS.md"


@pytest.mark.parametrize(
    ("typed", "kept"),
    [("no", "no"), ("NO", "NO"), ("0123", "0123"), ("1.10", "1.10"), ("2025-01-10", "2025-01-10"), ("'yes'", "yes"), ("~", None), ("", None)],
)
def test_values_stay_the_text_that_was_typed(typed: str, kept: str | None) -> None:
    loaded = load_yaml("a.yaml", f"key: {typed}\n")
    assert loaded.diagnostics == ()
    assert loaded.value == {"key": kept}


def test_marks_point_at_key_line_and_value_column() -> None:
    loaded = load_yaml("a.yaml", "claims:\n  - id: c\n    claimant: x\n")
    assert str(loaded.marks.at(("claims", 0, "claimant"))) == "a.yaml:3:15"
    assert str(loaded.marks.at(("claims", 0))) == "a.yaml:2:5"


def test_alias_bomb_is_refused_at_the_first_anchor() -> None:
    bomb = "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\n"
    codes = {d.code for d in load_yaml("bomb.yaml", bomb).diagnostics}
    assert codes == {"yaml-anchor"}


@pytest.mark.parametrize(
    ("quote", "found"),
    [
        ("He said \"we're here\"", "He said “we’re here”"),
        ("a - b", "a – b"),
        ("line one line two", "line one\n  line two"),
        ("Cafe\u0301", "Café"),
    ],
)
def test_quotes_match_after_normalisation_and_keep_the_texts_characters(quote: str, found: str) -> None:
    text = SourceText(f"Before. {found} After.")
    spans = text.find_all(quote)
    assert len(spans) == 1
    assert text.text[spans[0].start : spans[0].end] == found


def test_aliases_match_whole_words_case_sensitively() -> None:
    text = SourceText("Trump, Trumpism, trump and Trump’s plan")
    assert [text.text[s.start : s.end] for s in text.find_words("Trump")] == ["Trump", "Trump"]
    assert normalise("  a\n\tb ") == "a b"


@pytest.mark.parametrize(
    ("here", "there", "anchor", "link"),
    [
        ("claims/a.md", "people/b.md", "", "../people/b.md"),
        ("claims/a.md", "claims/b.md", "", "b.md"),
        ("claims/index.md", "claims/b.md", "x", "b.md#x"),
        ("index.md", "articles/index.md", "", "articles/index.md"),
        ("reference/format.md", "reference/verdicts.md", "accurate", "verdicts.md#accurate"),
        ("claims/a.md", "claims/a.md", "top", "#top"),
    ],
)
def test_relative_links(here: str, there: str, anchor: str, link: str) -> None:
    assert relative_link(here, there, anchor) == link


def test_page_paths_and_urls() -> None:
    assert entity_page("documents", "x") == "articles/x.md"
    assert page_url("articles/x.md") == "articles/x/"
    assert page_url("articles/index.md") == "articles/"
    assert page_url("articles/x.md", directory_urls=False) == "articles/x.html"


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        ("a *b* _c_", "a \\*b\\* \\_c\\_"),
        ("<b>&amp;</b>", "&lt;b&gt;&amp;amp;&lt;/b&gt;"),
        ("[x](y) {: .z}", "\\[x\\]\\(y\\) \\{: \\.z\\}"),
        ("a | b = c", "a &#124; b &#61; c"),
        ("1. two\n# three", "1\\. two \\# three"),
    ],
)
def test_escape(text: str, markdown: str) -> None:
    assert escape(text) == markdown


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        ("*fine* `code` [link](https://example.org)", None),
        ("<i>x</i>", "raw HTML is not allowed"),
        ("![alt](https://example.org/a.png)", "images are not allowed"),
        ("[x](javascript:alert(1))", "links may only point to http(s) URLs, but got 'javascript:alert(1)'"),
        ("[x][r]\n\n[r]: mailto:a@b.c", "links may only point to http(s) URLs, but got 'mailto:a@b.c'"),
        ("text {: onclick=alert(1) }", "attribute lists"),
    ],
)
def test_light_markdown_problems(source: str, problem: str | None) -> None:
    found = light_markdown.problems(source)
    if problem is None:
        assert found == []
    else:
        assert found and problem in found[0]


def test_light_markdown_render_is_sanitised() -> None:
    assert light_markdown.render("*a* [b](https://e.org/x)") == (
        '<p><em>a</em> <a href="https://e.org/x" rel="nofollow noopener noreferrer">b</a></p>'
    )


def test_contract_copy_is_current() -> None:
    if not SHARED_CONTRACT.exists():
        pytest.skip("../shared is not beside this checkout")
    assert CONTRACT.read_text(encoding="utf-8") == SHARED_CONTRACT.read_text(encoding="utf-8")


def test_the_contracts_example_is_valid_and_uses_only_model_fields() -> None:
    example = re.search(r"```yaml\n(.*?)```", CONTRACT.read_text(encoding="utf-8"), re.S)
    assert example is not None
    data = yaml.safe_load(example.group(1).replace('"..."', '"x"'))

    def as_text(value: object) -> object:  # our loader keeps every scalar as text
        if isinstance(value, dict):
            return {k: as_text(v) for k, v in value.items()}
        if isinstance(value, list):
            return [as_text(v) for v in value]
        return None if value is None else str(value)

    parsed = AnnotationFile.model_validate(as_text(data))
    assert parsed.claims[0].occurrence == 1
    assert isinstance(parsed.claims[0], Claim)


def test_format_reference_lists_every_field_of_the_model() -> None:
    from generator.annotations import model

    page = format_page(V1_SCALE, messages("en"))
    for entry in (model.Document, model.Person, model.Source, model.Claim, model.Evidence, model.Related):
        for name in entry.model_fields:
            assert f"| `{name}` |" in page, name
    assert "| `verdict` | one of `accurate`, `mostly-accurate`," in page


@pytest.mark.parametrize(
    ("path", "base", "shown"),
    [
        ("/work/project/seeds/a.txt", "/work/project", "seeds/a.txt"),
        ("/work/project/seeds/a.txt", "/work/project/", "seeds/a.txt"),
        ("/work/project-2/seeds/a.txt", "/work/project", "../project-2/seeds/a.txt"),  # a sibling, not inside
        ("/work/project/../other/a.txt", "/work/project", "../other/a.txt"),
        ("/elsewhere/a.txt", "/work/project", "../../elsewhere/a.txt"),
        ("seeds/a.txt", "/work/project", "seeds/a.txt"),  # relative: as given
    ],
)
def test_display_path_is_relative_to_the_project(path: str, base: str, shown: str) -> None:
    assert display_path(Path(path), Path(base)) == shown

