"""The fast paths that make large corpora build in linear time give the same answers as the
plain definitions they replace (kept here as the reference)."""

from __future__ import annotations

import posixpath
import re
import string
import unicodedata

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.annotations import light_markdown
from generator.annotations.text_checks import BIDI_CONTROLS, forbidden_characters
from generator.annotations.text_spans import (
    WHITE_SPACE,
    AliasIndex,
    SourceText,
    _normalise_clusters,
    first_sentence_end,
    normalise,
    normalise_with_map,
)
from generator.annotations.yaml_strict import parse_events
from generator.pages import markdown_text
from generator.site_map import urls
from generator.support.bulk import bulk_work

# Letters, the quotes and dashes matching folds, white space of several kinds, a combining
# accent, a precomposed letter, a singleton that NFC replaces (Å sign), Hangul jamo.
ALPHABET = "ab AB\t\n\u00a0\u2009’“”—–'\"-.()e\u0301\u00e9\u212b\u1100\u1161_7"


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40) | st.text(max_size=40))
def test_normalising_matches_the_cluster_by_cluster_definition(text: str) -> None:
    assert normalise_with_map(text) == _normalise_clusters(text)
    assert normalise(text) == _normalise_clusters(text)[0].strip()


def reference_mentions(text: str, aliases: list[str]) -> list[tuple[int, int, str]]:
    """Every whole-word match of every alias, overlapping ones too; then left to right, longest first."""
    hay, origin = normalise_with_map(text)
    candidates = []
    for alias in sorted(set(aliases)):
        needle = normalise(alias)
        if not needle:
            continue
        for m in re.finditer(r"(?<!\w)(?=" + re.escape(needle) + r"(?!\w))", hay):  # zero-width: overlaps too
            end = m.start() + len(needle)
            candidates.append((origin[m.start()][0], -origin[end - 1][1], alias))
    taken_until, out = -1, []
    for start, neg_end, alias in sorted(candidates):
        if start >= taken_until:
            out.append((start, -neg_end, alias))
            taken_until = -neg_end
    return out


WORDS = st.sampled_from(["Ann", "Bo", "Ann Bo", "Bo Ann", "(AP)", "AP", "Anne", "Ann-Bo", "Bo’s", "Bo's", "é", "e\u0301"])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(WORDS, st.sampled_from([" ", "  ", "\n", ", ", "x", "."])), max_size=25).map("".join),
    st.lists(WORDS, min_size=1, max_size=5),
)
def test_one_pass_alias_scan_matches_per_alias_matching(text: str, aliases: list[str]) -> None:
    found = SourceText(text).find_aliases(AliasIndex.of(aliases))
    assert [(s.start, s.end, alias) for s, alias in found] == reference_mentions(text, aliases)


def test_longest_alias_wins_and_words_stay_whole() -> None:
    text = SourceText("Donald Trump met Trumpets. Trump’s aide (AP) said x(AP).")
    found = text.find_aliases(AliasIndex.of(["Trump", "Donald Trump", "Trump's", "(AP)"]))
    assert [(text.text[s.start : s.end], alias) for s, alias in found] == [
        ("Donald Trump", "Donald Trump"),
        ("Trump’s", "Trump's"),
        ("(AP)", "(AP)"),
    ]


def test_control_characters_are_exactly_the_unicode_cc_category() -> None:
    cc = {chr(i) for i in range(0x110000) if unicodedata.category(chr(i)) == "Cc"}
    cs = {chr(i) for i in range(0xD800, 0xE000)}  # surrogates: only a YAML escape can make one
    found = {char for _, char in forbidden_characters("".join(sorted(cc | cs)))}
    assert found == (cc | cs) - {"\n"}


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="a\t\r\n\x00\x1b\x7f\x85\u202e\u200f é\ud800\udfff", max_size=30))
def test_forbidden_characters_match_the_per_character_definition(text: str) -> None:
    expected = [
        (i, c) for i, c in enumerate(text) if c not in "\n\t" and (c in BIDI_CONTROLS or unicodedata.category(c) in ("Cc", "Cs"))
    ]
    assert list(forbidden_characters(text, allow="\t")) == expected


YAML_PIECES = [
    "a",
    "b: ",
    "- ",
    "\n",
    "  ",
    ":",
    "#",
    "'",
    '"',
    "[",
    "]",
    "{",
    "}",
    ",",
    "&x ",
    "*x",
    "!t ",
    "? ",
    "|",
    ">",
    "%",
    "@",
    "`",
    "\\",
    "é",
    "\ufffe",
    "\u2028",
    "\u00a0",
    "---",
    "...",
    "1",
    " #c",
    "-",
    "x: y\n",
    "  - q\n",
    "\r\n",
    "\\u202e",
    '"\\t"',
    "\ufeff",
    "\U0001f600",
    "\x85",
    "|-\n",
    ">2\n",
    "|+ #c\n",
    "\n\n",
]


def _events(text: str, parse: object) -> object:
    try:
        events = parse(text)  # type: ignore[operator]
    except yaml.YAMLError as exc:
        return str(exc)
    return [
        (
            type(e).__name__,
            getattr(e, "value", None),
            getattr(e, "style", None),
            getattr(e, "anchor", None),
            getattr(e, "tag", None),
            getattr(e, "implicit", None),
            e.start_mark.line,
            e.start_mark.column,
        )
        for e in events
    ]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(YAML_PIECES), min_size=1, max_size=30).map("".join))
def test_yaml_events_are_those_of_the_python_parser(text: str) -> None:
    python = _events(text, lambda t: list(yaml.parse(t, Loader=yaml.SafeLoader)))
    assert _events(text, parse_events) == python


PATH_PARTS = st.sampled_from(["a", "b", "claims", "x.md", "index.md", ".", "..", "", ".hidden", "a/"])


@settings(max_examples=2000, deadline=None)
@given(st.lists(PATH_PARTS, max_size=4).map("/".join), st.lists(PATH_PARTS, max_size=4).map("/".join), st.booleans())
def test_relative_paths_match_posixpath(path: str, start: str, absolute: bool) -> None:
    if absolute:
        path, start = "/" + path, "/" + start
    assert urls._relpath(path, start) == posixpath.relpath(path or ".", start or ".")
    assert urls._relpath_from_page_folder(path, start) == posixpath.relpath(path or ".", start or ".")
    assert urls._folder(path) == posixpath.dirname(path)


PAGES = st.lists(st.sampled_from(["a", "claims", "x.md", "index.md", ".", "..", "", "b.md"]), min_size=1, max_size=3).map("/".join)


@settings(max_examples=2000, deadline=None)
@given(PAGES.filter(lambda p: p.endswith(".md")), PAGES.filter(lambda p: p.endswith(".md")), st.booleans())
def test_links_from_one_page_are_url_links(from_page: str, to_page: str, directory_urls: bool) -> None:
    with bulk_work():  # its per-run cache, as in a build
        linked = urls.url_links_from(from_page, directory_urls=directory_urls)(to_page)
    assert linked == urls.url_link(from_page, to_page, directory_urls=directory_urls)


def test_white_space_list_is_what_python_calls_white_space() -> None:
    every = "".join(map(chr, range(0x110000)))
    assert set(WHITE_SPACE) == {c for c in every if c.isspace()} == set(re.findall(r"\s", every))


# Pieces of light Markdown, the valid forms and every character that could start another
# reading: escapes, raw HTML, entities, underscores, images, references, list and heading
# markers, digits, white space and line breaks.
MARKDOWN_PIECES = st.sampled_from(
    [
        "a", "Bo", " ", "  ", "\n", "\t", "\u00a0", "é", "(", ")", "!", "'", '"', ".", ",", ";",
        "*", "**", "***", "_", "__", "`", "``", "[", "]", "](", "\\", "<", ">", "&", "&amp;", "#",
        "-", "+", "=", "|", ":", "~", "1", "1.", "2)", "*em*", "**strong**", "`code`", "` x `",
        "[t](https://e.org/x_y)", "[t u](http://e.org/(a))", "[t](mailto:a@b.c)", "![i](https://e.org/i.png)",
        "[t]", "[t][r]", "<https://e.org>", "https://e.org/a*b*c", "{", "}", "%", "@", "/", "?", "`a\"b'`",
    ]
)  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(st.lists(MARKDOWN_PIECES, max_size=12).map("".join))
def test_simple_light_markdown_is_converted_as_python_markdown_would(text: str) -> None:
    simple = light_markdown._convert_simple(text)
    if simple is not None:
        assert simple == light_markdown._convert_markdown(text)


def test_the_simple_light_markdown_path_takes_the_usual_values() -> None:
    usual = [
        "Peskov said *in Moscow* that `talks` had **begun**; see [the report](https://e.org/a_b?q=1).",
        "A plain sentence, with (brackets), quotes \"like this\" and an exclamation!\n",
    ]
    assert [light_markdown._convert_simple(text) is not None for text in usual] == [True, True]
    assert [light_markdown._convert_simple(text) for text in ["a\n\nb", "x_y", "1. list", "a \\*b"]] == [None] * 4


LINKS_OF_EVERY_KIND = st.sampled_from(["[t](https://e.org/é?a=b#c)", "[t](HTTP://e.org)", "[t](https:x)", "[é](http://e.org/'q)"])


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.one_of(MARKDOWN_PIECES, LINKS_OF_EVERY_KIND), max_size=12).map("".join))
def test_simple_light_markdown_is_rendered_as_the_sanitiser_would(text: str) -> None:
    simple = light_markdown._simple(text)
    if simple is None:
        return
    assert simple.plain == light_markdown._to_plain_sanitised(text)
    if simple.safe is not None:
        assert simple.safe == light_markdown._render_sanitised(text)
        assert simple.inline == light_markdown._render_inline_parsed(text)


@settings(max_examples=1000, deadline=None)
@given(st.one_of(st.text(alphabet=ALPHABET, max_size=40), st.text(alphabet="ab \t\n\r\u00a0\u2009’“—.", max_size=40)))
def test_a_source_text_maps_each_normalised_character_back_as_normalise_with_map_does(text: str) -> None:
    chars, origin = normalise_with_map(text)
    haystack, where = SourceText(text)._index
    assert haystack == chars
    assert [where.span(i) for i in range(len(chars))] == origin


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(["A", "b", "7", ".", "!", "?", '"', "“", "’", ")", "(", " ", "é"]), min_size=1, max_size=30).map("".join))
def test_the_first_sentence_ends_where_the_sentence_splitter_says(text: str) -> None:
    line = " ".join(text.split())  # as light_markdown.to_plain gives it
    if line:
        assert first_sentence_end(line) == SourceText(line).sentences[0].end


# Every character either escape replaces, with letters, white space and non-ASCII around them.
ESCAPE_ALPHABET = "\\`*_{}[]()#+-.!&<>|=\"~ab \n\u00e9’;" + string.punctuation


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=ESCAPE_ALPHABET, max_size=60) | st.text(max_size=60))
def test_escaping_replaces_each_character_as_one_translation_table_would(text: str) -> None:
    table = str.maketrans({**{c: "\\" + c for c in "\\`*_{}[]()#+-.!"}, **markdown_text._ENTITIES})
    assert markdown_text._escape_chars(text) == text.translate(table)
    references = str.maketrans({c: f"&#{ord(c)};" for c in string.punctuation})
    assert light_markdown._references(text) == text.translate(references)
