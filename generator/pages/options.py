"""What a site's pages depend on besides the corpus: URL style, site address, listing size."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..site_map.listing import ARTICLES_PER_PAGE
from .edit_links import EditLink


@dataclass(frozen=True)
class SiteOptions:
    home_page: bool = True  # generate `index.md` (when docs/ has no home page of its own)
    directory_urls: bool = True  # the site's URL style; raw-HTML links (graphs, previews) point at built URLs
    # Raw-HTML links (graphs, listings) to the pages' sources, as Markdown links are: for `build --out`,
    # whose pages go to engines that rewrite those links too (Zensical). MkDocs copies raw HTML as it is.
    html_links_to_sources: bool = False
    site_url: str | None = None  # the site's address when known; absolute URLs (ClaimReview) only then
    site_name: str | None = None  # who publishes the reviews (ClaimReview's author)
    edit_links: Mapping[str, EditLink] = field(default_factory=dict)  # page -> the YAML line behind it
    articles_per_page: int = ARTICLES_PER_PAGE  # of the claims index, the timeline and the graph
    # An article's text as HTML where Markdown would make the same of it: for the plugin, which sets it
    # aside from MkDocs (`html_blocks`). `build --out` keeps it Markdown, which other engines convert.
    text_as_html: bool = False
    # The site's language (Material's `theme.language`): a document in another language has its
    # text, quotes and sentences marked with its own (`text_language`).
    site_language: str = "en"
