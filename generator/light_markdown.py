"""Light Markdown: emphasis, inline code and http(s) links, nothing else.

Fields marked light Markdown come from strangers' pull requests. They are checked at
`check` time (raw HTML, images, attribute lists and other link schemes are errors, never
silently dropped), rendered by a Markdown instance that cannot emit raw HTML, and the
result goes through an allowlist sanitiser before it reaches a page.
"""

from __future__ import annotations

import html as html_lib
import re
import xml.etree.ElementTree as etree
from functools import lru_cache

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


def _convert(text: str) -> tuple[str, list[str]]:
    md = _renderer()
    md.reset()
    html = md.convert(text)
    return html, list(getattr(md, "collected_hrefs", []))


def _is_http(href: str) -> bool:
    match = _SCHEME.match(href.strip())
    return bool(match) and match.group(1).lower() in ALLOWED_SCHEMES


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


def to_plain(text: str) -> str:
    """The visible text of a light-Markdown value, for previews and summaries."""
    html, _ = _convert(text)
    plain = nh3.clean(html, tags=set())
    return " ".join(html_lib.unescape(plain).split())
