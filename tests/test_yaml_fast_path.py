"""The loader's fast path for valid files gives what its plain path gives, value, marks and
diagnostics alike, and leaves everything it would have to report to the plain path.

The plain path (prescan line by line, every event listed, then composed with every check)
is the definition; `plain_load` below is load_yaml as it was before the fast path.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic_core import PydanticCustomError

from generator.annotations import model, yaml_strict
from generator.annotations.text_checks import forbidden_characters, forbidden_pattern
from generator.annotations.yaml_strict import Loaded, Marks, load_yaml


def plain_load(file: str, text: str) -> Loaded:
    problems = yaml_strict._prescan_lines(file, text)
    if problems:
        loaded = yaml_strict._load_events(file, text, typed_checked=True)
        if not loaded.complete:
            return Loaded(None, Marks(file), tuple(problems), complete=False)
        return Loaded(loaded.value, loaded.marks, (*problems, *loaded.diagnostics))
    return yaml_strict._load_events(file, text)


def assert_same(text: str) -> None:
    fast, plain = load_yaml("a.yaml", text), plain_load("a.yaml", text)
    assert fast.value == plain.value
    assert fast.diagnostics == plain.diagnostics
    assert fast.complete == plain.complete
    # Same positions, inserted in the same order.
    assert list(fast.marks.key.items()) == list(plain.marks.key.items())
    assert list(fast.marks.value.items()) == list(plain.marks.value.items())
    assert fast == plain


# Scalars that exercise the loader's corners: words YAML would resolve to other types, null
# words, text that needs quotes, characters that only an escape can write (yaml.dump writes
# them as escapes in double quotes), line breaks and spaces that fold.
SCALARS = st.one_of(
    st.sampled_from(
        ["a", "id", "no", "~", "null", "", "0123", "1.10", "2025-01-10", "a b", "x: y", "- z", "#c", "'q'", '"', "&a", "*a", "!t",
         "é", "\u202e", "\t", "\x1b", "\x85", "\u2028", "\r", "a\nb", "a\n\nb\n", " lead", "trail ", "\\", "[1]", "{k: v}"]
    ),
    st.text(alphabet="ab \n'\"\\:#-\t\x00\u202e\u00e9", max_size=8),
)  # fmt: skip
KEYS = st.sampled_from(["a", "b", "id", "claims", "null", "~", "", "x y", "é", "\u202e", "\x07"])


def trees(max_leaves: int = 12) -> st.SearchStrategy[object]:
    return st.recursive(
        st.one_of(st.none(), SCALARS),
        lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=4)),
        max_leaves=max_leaves,
    )


def deep(depth: int, flow: bool) -> object:
    value: object = "x"
    for level in range(depth):
        value = [value] if flow or level % 2 else {"k": value}
    return value


DUMP_OPTIONS = st.fixed_dictionaries(
    {
        "default_flow_style": st.sampled_from([False, True, None]),
        "default_style": st.sampled_from([None, None, '"', "'", "|", ">"]),
        "width": st.sampled_from([8, 80]),
        "allow_unicode": st.booleans(),
        "explicit_start": st.booleans(),
    }
)

# What the plain path reports, or what only it can read: anchors, aliases, tags, keys that
# are not text, a second document, tabs and control characters, comments, line ends
# without a line feed, a BOM.
INSERTIONS = st.sampled_from(
    ["&a ", "*a", "!t ", "!!str ", "! ", "&b [x]", "\t", "\x1b", "\r", "\r\n", "\u202e", "\ufeff", "\x85", " #c", "#",
     "\n---\n", "\n...\n", "---\n", "a: b\n", "- c\n", "  ", "\n", ":", "- ", "[", "]", "{", "}", "'", '"', "\\",
     "? ", "[k]: ", "{k: v}: ", "*a: "]
)  # fmt: skip


@st.composite
def documents(draw: st.DrawFn) -> str:
    tree = draw(st.one_of(trees(), st.builds(deep, st.integers(10, 14), st.booleans())))
    text = yaml.dump(tree, **draw(DUMP_OPTIONS))
    if draw(st.booleans()):
        lines = text.splitlines(keepends=True)  # a key written twice, or a line moved
        if lines:
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines)))
            lines.insert(j, lines[i])
            text = "".join(lines)
    for piece, where, n in draw(st.lists(st.tuples(INSERTIONS, st.sampled_from(["", "\n", ": ", "- "]), st.integers(0, 99)), max_size=2)):
        # Anywhere, or where YAML expects a node: at a line's start, after a key or a dash.
        starts = [m.end() for m in re.finditer(re.escape(where), text)] if where else list(range(len(text) + 1))
        at = starts[n % len(starts)] if starts else 0
        text = text[:at] + piece + text[at:]
    if draw(st.booleans()):
        text = text.replace("\n", draw(st.sampled_from(["\r\n", "\r"])))
    return text


@settings(max_examples=1500, deadline=None)
@given(documents())
def test_the_fast_path_reads_what_the_plain_path_reads(text: str) -> None:
    assert_same(text)


VALID = """\
documents:
  - id: article
    text: "article.txt"
    title: 'It''s "here"'
    summary: >
      Folded
      text.
claims:
  - id: c-1
    quote: "He said \\"no\\" \\u00e9"
    kind: direct-quote
    via: [ap, "reuters"]
    evidence:
      - {url: "https://e.org/a#b", title: 'x'}
      - title: |
          Literal
          lines
    occurrence: 0123
    verdict: no
    note: ~
    empty:
    "null": null
"""


def test_a_valid_file_takes_the_fast_path_and_reads_as_the_plain_path_reads_it() -> None:
    assert yaml_strict._read_clean("a.yaml", VALID) is not None
    assert_same(VALID)
    loaded = load_yaml("a.yaml", VALID)
    assert loaded.value["claims"][0]["occurrence"] == "0123"  # type: ignore[index,call-overload]
    assert str(loaded.marks.at(("claims", 0, "via", 1))) == "a.yaml:12:15"


@pytest.mark.parametrize(
    "text",
    [
        "a: &x b\n",
        "a: *x\n",
        "a: !t b\n",
        "a: !!str b\n",
        "&x a: b\n",
        "!t a: b\n",
        "- &x [b]\n",
        "- !t {b: c}\n",
        "a: b\na: c\n",
        "[a]: b\n",
        "? {a: b}\n: c\n",
        'a: "\\u202e"\n',
        'a: "\\t"\n',
        '"\\e": b\n',
        "a: b\n---\nc: d\n",
        "a: " + "[" * 13 + "]" * 13 + "\n",
        "a: [b\n",  # a syntax error
        "a: b",  # no final line break: the Python parser's marks
        "a: b #\n|#\n",  # a comment after a block indicator: only the Python parser refuses it
        "a: \ufeffb\n",
    ],
)
def test_what_the_plain_path_would_report_is_left_to_it(text: str) -> None:
    assert yaml_strict._read_clean("a.yaml", text) is None
    assert_same(text)


def test_nesting_up_to_the_limit_stays_on_the_fast_path() -> None:
    text = "a: " + "[" * (yaml_strict.MAX_DEPTH - 1) + "]" * (yaml_strict.MAX_DEPTH - 1) + "\n"
    assert yaml_strict._read_clean("a.yaml", text) is not None
    assert_same(text)


LINE_ALPHABET = "a \n\r\t\x00\x1b\x7f\x85\x9f\u202e\u2066\u200f\u2028é"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=LINE_ALPHABET, max_size=30), st.sampled_from(["", "\r", "\t", "\r\t"]))
def test_one_search_finds_what_forbidden_characters_finds(text: str, allow: str) -> None:
    assert bool(forbidden_pattern(allow).search(text)) == any(True for _ in forbidden_characters(text, allow))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=LINE_ALPHABET, max_size=30))
def test_the_whole_file_prescan_is_the_line_by_line_one(text: str) -> None:
    assert yaml_strict._prescan("a.yaml", text) == yaml_strict._prescan_lines("a.yaml", text)


PYTHON_ONLY = re.compile("[\ufeff\u2028\u2029\x85]|[|>][-+0-9]*#")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="a |>-+09#\n\ufeff\u2028\u2029\x85é", max_size=20))
def test_the_libyaml_test_is_the_pattern_it_replaces(text: str) -> None:
    assert yaml_strict._libyaml_agrees(text) == (text.endswith("\n") and not PYTHON_ONLY.search(text))


def plain_url_check(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in value):
        raise PydanticCustomError("invalid-url", "Expected an http(s) URL, but got '{value}'", {"value": value})
    return value


def outcome(check: object, value: str) -> object:
    try:
        return check(value)  # type: ignore[operator]
    except PydanticCustomError as exc:
        return ("custom", exc.type, str(exc))
    except ValueError as exc:
        return ("value", str(exc))


URL_PIECES = st.sampled_from(
    ["http", "https", "HTTP", "ftp", ":", "//", "/", "e.org", "a", "-", ".", "9", "?q=1", "#f", "[", "]", "::1", "@", " ",
     "\t", "\n", "\x00", "\u00a0", "é", "\uff0f", "%20", ":80"]
)  # fmt: skip


@settings(max_examples=2000, deadline=None)
@given(st.lists(URL_PIECES, max_size=8).map("".join))
def test_the_plain_url_shortcut_agrees_with_urlsplit(value: str) -> None:
    assert outcome(model._check_url, value) == outcome(plain_url_check, value)
