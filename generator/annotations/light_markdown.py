"""Light Markdown: emphasis, inline code and http(s) links, nothing else.

Fields marked light Markdown come from strangers' pull requests. They are checked at
`check` time (raw HTML, images, attribute lists and other link schemes are errors, never
silently dropped), rendered by a Markdown instance that cannot emit raw HTML, and the
result goes through an allowlist sanitiser before it reaches a page.
"""

from __future__ import annotations

import html as html_lib
import re
import string
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser

import markdown
import nh3
from markdown.treeprocessors import Treeprocessor

ALLOWED_TAGS = frozenset({"p", "em", "strong", "code", "a", "br", "ul", "ol", "li", "blockquote", "pre"})
ALLOWED_SCHEMES = frozenset({"http", "https"})

_RAW_HTML = re.compile(r"<[A-Za-z!?/]")
_AUTOLINK = re.compile(r"<https?://[^>\s]*>")
_IMAGE = re.compile(r"!\[")
_ATTR_LIST = re.compile(r"\{\s*:|\{\s*[.#][A-Za-z_]|\{[^{}\n]*=[^{}\n]*\}")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")


class _LinkCollector(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        self.md.collected_hrefs = [el.get("href", "") for el in root.iter("a")]  # type: ignore[attr-defined]


@lru_cache(maxsize=1)
def _renderer() -> markdown.Markdown:
    md = markdown.Markdown(extensions=[], output_format="html")
    # No way to emit raw HTML, images or mail links; headings and rules would break the page's outline.
    md.preprocessors.deregister("html_block")
    for name in ("html", "image_link", "image_reference", "short_image_ref", "automail"):
        md.inlinePatterns.deregister(name)
    for name in ("hashheader", "setextheader", "hr"):
        md.parser.blockprocessors.deregister(name)
    md.treeprocessors.register(_LinkCollector(md), "collect_links", 0)
    return md


# Each value is converted at check time, again to render it, and again on every rebuild
# under `mkdocs serve`; the output depends on the text alone. Bounded, so a long session
# cannot grow it without limit; large enough for some 60,000 distinct values.
CACHE_SIZE = 1 << 16


def _convert(text: str) -> tuple[str, tuple[str, ...]]:
    simple = _simple(text)  # cached, with every form of the value
    if simple is not None:
        return simple.html, simple.hrefs
    return _convert_markdown_cached(text)


def _convert_markdown(text: str) -> tuple[str, tuple[str, ...]]:
    md = _renderer()
    md.reset()
    html = md.convert(text)
    return html, tuple(getattr(md, "collected_hrefs", []))


_convert_markdown_cached = lru_cache(maxsize=CACHE_SIZE)(_convert_markdown)


# Python-Markdown is most of the cost of checking a large corpus, and most values are one
# paragraph of words with a little *emphasis*, **strong**, `code` or a [link](https://…).
# Those are converted here directly. The grammar is deliberately narrow: no character
# Markdown could read otherwise (`\ < > & _`, brackets or asterisks outside the four
# forms, block markers at the start, line breaks, non-printing characters) and no nesting.
# Anything else returns None and goes to Python-Markdown; a property test checks that
# this output equals Python-Markdown's whenever it gives one (tests/test_fast_paths.py).
_INERT = r"(?:[^\\<>&_*`\[\]!]|!(?!\[))"  # text that no inline pattern reads
_EDGE = r"[^\s\\<>&_*`\[\]!]"
_WORDS = rf"{_EDGE}(?:{_INERT}*{_EDGE})?"
_SIMPLE_TOKEN = re.compile(
    rf"(?P<plain>{_INERT}+)"
    rf"|\*\*(?P<strong>{_WORDS})\*\*(?!\*)"
    rf"|\*(?P<em>{_WORDS})\*(?!\*)"
    r"|`(?P<code>[^`\\<>&]+)`(?!`)"
    rf"|\[(?P<text>{_WORDS})\]\((?P<href>[^\s()<>\"'`\\&\[\]]+)\)"
)
_BLOCK_START = re.compile(r"[\s#>+=|:~-]|\d+[.)]|\*+\s")


@dataclass(frozen=True)
class _Simple:
    """A value in the simple grammar, in every form the other functions give."""

    html: str  # `_convert_markdown`'s HTML
    hrefs: tuple[str, ...]
    safe: str | None  # `_render_sanitised`'s; None when a link is not plainly http(s): nh3 decides
    inline: str | None  # `_render_inline_parsed`'s
    plain: str  # `_to_plain_sanitised`'s


_REL = "nofollow noopener noreferrer"  # what nh3 adds to every link (`link_rel` below)


@lru_cache(maxsize=CACHE_SIZE)
def _simple(text: str) -> _Simple | None:
    """The value's forms when it is one paragraph in the simple grammar, else None."""
    line = text.rstrip("\n")
    if not line or not line.isprintable() or line != line.rstrip() or _BLOCK_START.match(line):
        return None
    html: list[str] = []
    safe: list[str] = []
    inline: list[str] = []
    plain: list[str] = []
    hrefs: list[str] = []
    pos = 0
    while pos < len(line):
        token = _SIMPLE_TOKEN.match(line, pos)
        if token is None:
            return None
        kind = token.lastgroup
        if kind == "plain":
            words = token.group()
            html.append(words)
            safe.append(words)
            inline.append(_references(words))
        elif kind == "href":
            href, words = token.group("href"), token.group("text")
            hrefs.append(href)
            html.append(f'<a href="{href}">{words}</a>')
            safe.append(f'<a href="{href}" rel="{_REL}">{words}</a>')
            inline.append(f'<a href="{_references(href)}" rel="{_references(_REL)}">{_references(words)}</a>')
        else:
            assert kind in ("strong", "em", "code")
            words = token.group(kind).strip()
            if not words:
                return None
            html.append(f"<{kind}>{words}</{kind}>")
            safe.append(f"<{kind}>{words}</{kind}>")
            inline.append(f"<{kind}>{_references(words)}</{kind}>")
        plain.append(words)
        pos = token.end()
    plainly_http = all(href.startswith(("http://", "https://")) for href in hrefs)
    return _Simple(
        html="<p>" + "".join(html) + "</p>",
        hrefs=tuple(hrefs),
        safe="<p>" + "".join(safe) + "</p>" if plainly_http else None,
        inline=" ".join("".join(inline).split()) if plainly_http else None,
        plain=" ".join("".join(plain).split()),
    )


def _convert_simple(text: str) -> tuple[str, tuple[str, ...]] | None:
    """Python-Markdown's output for a one-paragraph value in the simple grammar, else None."""
    simple = _simple(text)
    return None if simple is None else (simple.html, simple.hrefs)


def _is_http(href: str) -> bool:
    match = _SCHEME.match(href.strip())
    return match is not None and match.group(1).lower() in ALLOWED_SCHEMES


def problems(text: str) -> list[str]:
    """What makes `text` unacceptable as light Markdown, in reading order."""
    found: list[str] = []
    if _RAW_HTML.search(_AUTOLINK.sub("", text)):
        found.append("raw HTML is not allowed in light Markdown; use *emphasis*, `code` and [links](https://…)")
    if _IMAGE.search(text):
        found.append("images are not allowed in light Markdown")
    if _ATTR_LIST.search(text):
        found.append("attribute lists ({: …}) are not allowed in light Markdown")
    _, hrefs = _convert(text)
    for href in hrefs:
        if not _is_http(href):
            found.append(f"links may only point to http(s) URLs, but got '{href}'")
    return found


def render(text: str) -> str:
    """Safe HTML for a checked light-Markdown value."""
    simple = _simple(text)
    if simple is not None and simple.safe is not None:
        return simple.safe
    return _render_sanitised_cached(text)


def _render_sanitised(text: str) -> str:
    html, _ = _convert(text)
    clean = nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={"a": {"href"}},
        url_schemes=set(ALLOWED_SCHEMES),
        link_rel=_REL,
    )
    # One line, so that the page's Markdown keeps it as a single raw HTML block.
    return clean.replace("\n", " ").strip()


_render_sanitised_cached = lru_cache(maxsize=CACHE_SIZE)(_render_sanitised)


class _Inert(HTMLParser):
    """Re-serialises sanitised HTML so that the Markdown around it has nothing left to read.

    Python-Markdown reads the text between inline HTML tags as Markdown again, and its
    link pattern runs before its HTML pattern: a backslash-escaped `\\[x\\](javascript:…)`
    in a note would come back as a live link. Here every ASCII punctuation character of a
    text or an attribute value becomes a numeric character reference (the browser shows
    the same character), and paragraphs are joined into one line.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "p":
            return
        attributes = "".join(f' {name}="{_references(value or "")}"' for name, value in attrs)
        self.parts.append(f"<{tag}{attributes}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self.parts.append(" " if tag == "p" else f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.parts.append(_references(data))


def _references(text: str) -> str:
    # A search in C that stops only at punctuation: quicker than `str.translate` with a table of strings.
    return _PUNCTUATION.sub(_reference, text)


_PUNCTUATION_REFERENCES = {c: f"&#{ord(c)};" for c in string.punctuation}
_PUNCTUATION = re.compile("[" + re.escape(string.punctuation) + "]")


def _reference(found: re.Match[str]) -> str:
    return _PUNCTUATION_REFERENCES[found[0]]


def render_inline(text: str) -> str:
    """Safe HTML for a checked light-Markdown value that stands inside a line of Markdown."""
    simple = _simple(text)
    if simple is not None and simple.inline is not None:
        return simple.inline
    return _render_inline_parsed(text)


def _render_inline_parsed(text: str) -> str:
    parser = _Inert()
    parser.feed(render(text))
    parser.close()
    return " ".join("".join(parser.parts).split())


def to_plain(text: str) -> str:
    """The visible text of a light-Markdown value, for previews and summaries."""
    simple = _simple(text)
    if simple is not None:
        return simple.plain
    return _to_plain_sanitised(text)


def _to_plain_sanitised(text: str) -> str:
    html, _ = _convert(text)
    plain = nh3.clean(html, tags=set())
    return " ".join(html_lib.unescape(plain).split())
