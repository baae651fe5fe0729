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


@lru_cache(maxsize=CACHE_SIZE)
def _convert(text: str) -> tuple[str, tuple[str, ...]]:
    md = _renderer()
    md.reset()
    html = md.convert(text)
    return html, tuple(getattr(md, "collected_hrefs", []))


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


@lru_cache(maxsize=CACHE_SIZE)
def render(text: str) -> str:
    """Safe HTML for a checked light-Markdown value."""
    html, _ = _convert(text)
    clean = nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={"a": {"href"}},
        url_schemes=set(ALLOWED_SCHEMES),
        link_rel="nofollow noopener noreferrer",
    )
    # One line, so that the page's Markdown keeps it as a single raw HTML block.
    return clean.replace("\n", " ").strip()


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
    return "".join(f"&#{ord(c)};" if c in _PUNCTUATION else c for c in text)


_PUNCTUATION = frozenset(string.punctuation)


def render_inline(text: str) -> str:
    """Safe HTML for a checked light-Markdown value that stands inside a line of Markdown."""
    parser = _Inert()
    parser.feed(render(text))
    parser.close()
    return " ".join("".join(parser.parts).split())


def to_plain(text: str) -> str:
    """The visible text of a light-Markdown value, for previews and summaries."""
    html, _ = _convert(text)
    plain = nh3.clean(html, tags=set())
    return " ".join(html_lib.unescape(plain).split())
