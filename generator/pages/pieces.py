"""The small pieces every page kind is made of: verdict badges, links to entities, marked passages.

Everything that comes from an annotation or a source text goes through
`markdown_text.escape` (plain fields) or `light_markdown.render` (light Markdown);
links come from `site_map.urls`. Links are plain relative Markdown links, so MkDocs checks
every link and anchor; `HtmlLinks` makes the same links as HTML, with the built pages' URLs,
for the generator's own HTML blocks (`html_blocks`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from urllib.parse import quote

from ..annotations import light_markdown
from ..annotations.scale import Scale
from ..annotations.text_spans import Span
from ..site_map import urls
from .markdown_text import as_html_name, escape, escape_name

VERDICT_ICONS: dict[str, str] = {
    "accurate": "✔",
    "mostly-accurate": "◑",
    "misleading": "⚠",
    "inaccurate": "✘",
    "unsupported": "∅",
    "disputed": "⇄",
    "accurate-quote": "❝",
    "misquoted": "✎",
    "opinion": "◇",
    "unverified": "…",
}
# A desk's own verdicts (format 1.1) take the icon and colour of their tone; a v1 id that
# keeps v1's tone keeps v1's own (`Scale.looks_like_v1`), so a v1 site does not change.
TONE_ICONS: dict[str, str] = {"positive": "✔", "mixed": "◐", "negative": "✘", "neutral": "○"}


def verdict_icon(scale: Scale, verdict: str) -> str:
    return VERDICT_ICONS[verdict] if scale.looks_like_v1(verdict) else TONE_ICONS[scale[verdict].tone]


def verdict_class(scale: Scale, verdict: str) -> str:
    """The CSS class that gives a verdict its colour (explainer.css)."""
    return f"verdict-{verdict}" if scale.looks_like_v1(verdict) else f"verdict-tone-{scale[verdict].tone}"


def external_url(url: str) -> str:
    """A checked http(s) URL made safe to stand inside a Markdown link destination."""
    return quote(url, safe="/:?#[]@!$&'*+,;=%~-._")


def verdict_badge(here: str, verdict: str, scale: Scale) -> str:
    """A verdict's badge, leading to every claim with that verdict (whose page says what it means)."""
    label = escape(scale.label(verdict))
    target = urls.relative_link(here, urls.verdict_listing(verdict))
    return f"[{verdict_icon(scale, verdict)} {label}]({target}){{ .verdict .{verdict_class(scale, verdict)} }}"


def entity_link(here: str, kind: str, entity_id: str, label: str, anchor: str = "", lang: str = "") -> str:
    """A Markdown link to an entity's page; `lang` (`text_language.lang_attributes`) marks a label in a document's language."""
    text = f"<span{lang}>{escape_name(label)}</span>" if lang else escape_name(label)
    return f"[{text}]({urls.relative_link(here, urls.entity_page(kind, entity_id), anchor)})"


class HtmlLinks:
    """Links from one page, as HTML with the built pages' URLs: for the generator's own HTML
    blocks (`html_blocks`), which MkDocs does not rewrite. As Python-Markdown renders
    `entity_link` and `verdict_badge` (tests/test_html_blocks.py)."""

    def __init__(self, here: str, directory_urls: bool, scale: Scale, to_sources: bool = False) -> None:
        self.url = urls.url_links_from(here, directory_urls=directory_urls, to_sources=to_sources)
        self.verdicts = _Badges(partial(urls.url_link, here, directory_urls=directory_urls, to_sources=to_sources), scale)

    def entity(self, kind: str, entity_id: str, label: str, anchor: str = "", lang: str = "") -> str:
        href = self.url(urls.entity_page(kind, entity_id)) + (f"#{anchor}" if anchor else "")
        text = f"<span{lang}>{as_html_name(label)}</span>" if lang else as_html_name(label)
        return f'<a href="{href}">{text}</a>'


class _Badges(dict[str, str]):
    """`verdict_badge` as HTML, by verdict, each made when first asked for: most pages show a few verdicts of the scale."""

    def __init__(self, link: Callable[[str], str], scale: Scale) -> None:
        super().__init__()
        self.link = link
        self.scale = scale

    def __missing__(self, verdict: str) -> str:
        scale = self.scale
        href = self.link(urls.verdict_listing(verdict))
        badge = self[verdict] = (
            f'<a class="verdict {verdict_class(scale, verdict)}" href="{href}">'
            f"{verdict_icon(scale, verdict)} {as_html_name(scale.label(verdict))}</a>"
        )
        return badge


# A sentence's last character as light Markdown writes it (`inline_html` writes most punctuation
# as character references).
_STOPS = (".", "!", "?", "&#46;", "&#33;", "&#63;")


def as_sentence(html: str) -> str:
    """`html` ending in a full stop, unless it already ends a sentence."""
    return html if html.rstrip().endswith(_STOPS) else html + "."


def heading(level: int, text: str, anchor: str) -> str:
    """A section heading with an id of its own, the same in every language: the toc would make one
    from the words, a different one in each language and none at all from Cyrillic or Arabic."""
    return f"{'#' * level} {text} {{ #{anchor} }}"


def fact(label: str, value: str) -> str:
    """A line of a page's facts (`- **Claimant:** …`): `label` is a translated message with its colon,
    which some languages space from the word."""
    return f"- **{label}** {value}"


def block_html(css_class: str, html: str) -> str:
    """Sanitised HTML as one raw block, blank lines around it."""
    return f'\n<div class="{css_class}">{html}</div>\n'


def inline_html(text: str) -> str:
    """Light Markdown rendered for a list item: one line, nothing the page's Markdown could reread."""
    return light_markdown.render_inline(text)


def marked(text: str, span: Span, context: Span, escaped: Callable[[str], str] = escape) -> str:
    """The context passage with the span inside <mark>, all of it `escaped` (Markdown, or `as_html`)."""
    before = escaped(text[context.start : span.start])
    inner = escaped(text[span.start : span.end])
    after = escaped(text[span.end : context.end])
    space_before = " " if before and text[span.start - 1].isspace() else ""
    space_after = " " if after and text[span.end : span.end + 1].isspace() else ""
    return f"{before}{space_before}<mark>{inner}</mark>{space_after}{after}".strip()


def in_context(text: str, span: Span, context: Span, escaped: Callable[[str], str] = escape, lang: str = "") -> str:
    """A backlink's context sentence, set apart by style: the text often has quotation marks of its own.
    `lang` marks it with its document's language (`text_language.lang_attributes`)."""
    return f'<span class="explainer-context"{lang}>{marked(text, span, context, escaped)}</span>'


def backlinks_block(items: list[str]) -> str:
    """A page's list of what links to it, as one HTML block (`html_blocks`) that search leaves out.

    A person's or source's page lists each of their claims and mentions with its sentence:
    at 1,000 articles the most quoted person's page was 37 ms of Markdown, and such lists
    were 9.6 MB of a 25.5 MB search index, which MkDocs writes again on every rebuild and a
    reader's browser loads whole (issue 6). Each line leads to a page search finds: the
    claim's, or the article's. The items are as Python-Markdown makes of the Markdown list.
    """
    rows = "".join(f"<li>{item}</li>" for item in items)
    return f'<div class="explainer-backlinks" data-search-exclude><ul>{rows}</ul></div>'
