"""Page paths and the relative links between them; no other module builds a link.

Pages are Markdown source paths (`claims/<id>.md`) and links are plain relative links
to those sources, so MkDocs (and other engines) check and rewrite them.
"""

from __future__ import annotations

import posixpath

SECTIONS: dict[str, str] = {
    "documents": "articles",
    "people": "people",
    "sources": "sources",
    "claims": "claims",
}

HOME = "index.md"
GRAPH = "graph.md"
TIMELINE = "timeline.md"
VERDICTS = "reference/verdicts.md"
FORMAT = "reference/format.md"


def entity_page(kind: str, entity_id: str) -> str:
    """The Markdown source path of an entity's page: `people/donald-trump.md`."""
    return f"{SECTIONS[kind]}/{entity_id}.md"


def index_page(kind: str) -> str:
    return f"{SECTIONS[kind]}/index.md"


def page_url(page: str, *, directory_urls: bool = True) -> str:
    """The site URL of a page, relative to the site root: `people/donald-trump/`."""
    if not directory_urls:
        return page[: -len(".md")] + ".html"
    if page == "index.md" or page.endswith("/index.md"):
        return page[: -len("index.md")]
    return page[: -len(".md")] + "/"


def relative_link(from_page: str, to_page: str, anchor: str = "") -> str:
    """A relative link from one page source to another, with an optional anchor."""
    fragment = f"#{anchor}" if anchor else ""
    if from_page == to_page:
        return fragment or posixpath.basename(to_page)
    start = posixpath.dirname(from_page) or "."
    return posixpath.relpath(to_page, start) + fragment


def mention_anchor(kind: str, entity_id: str, number: int) -> str:
    return f"mention-{SECTIONS[kind]}-{entity_id}-{number}"


def claim_anchor(claim_id: str) -> str:
    return f"claim-{claim_id}"
