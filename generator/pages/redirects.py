"""Old URLs keep working: each `former_ids` entry becomes a page that sends readers on.

Renaming an id moves its page (`people/<old-id>/` -> `people/<new-id>/`); links to the old
address from other sites, from search engines and from readers' bookmarks should not
break. For MkDocs the plugin adds one small static HTML file per former id, at the old
page's address: a meta refresh (no script), a canonical link and a plain link, in case
the refresh is blocked. They are not pages of the site, so neither the navigation, the
search index nor the sitemap lists them.

`python -m generator build --out DIR` writes Markdown, not HTML, and cannot know the
other engine's URL scheme: there each former id gets a short Markdown page at the old
path that links to the new one (see `redirect_stubs`).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape as html_escape

from ..annotations.corpus import Corpus
from ..site_map import urls
from ..translation.messages import messages
from .markdown_text import escape


@dataclass(frozen=True)
class Redirect:
    old_page: str  # `people/old-id.md`
    new_page: str  # `people/new-id.md`
    name: str  # the entry's name or title, as readers know it


def _name(corpus: Corpus, kind: str, entity_id: str) -> str:
    if kind == "documents":
        return corpus.titles[entity_id]
    if kind == "claims":
        claim = corpus.claim(entity_id)
        return claim.title or claim.quote
    name: str = corpus.entities(kind)[entity_id].entry.name
    return name


def redirects(corpus: Corpus) -> list[Redirect]:
    """Every former id of every entry, in a stable order."""
    found = []
    for kind in urls.SECTIONS:
        for entity_id, item in corpus.entities(kind).items():
            for old in item.entry.former_ids:
                new_page = urls.entity_page(kind, entity_id)
                found.append(Redirect(urls.entity_page(kind, old), new_page, _name(corpus, kind, entity_id)))
    return sorted(found, key=lambda r: r.old_page)


def redirect_html(redirect: Redirect, *, directory_urls: bool = True, site_url: str | None = None, site_language: str = "en") -> str:
    """The page left at the old address, in the site's language; every value is escaped for HTML."""
    msg = messages(site_language)
    href = urls.url_link(redirect.old_page, redirect.new_page, directory_urls=directory_urls)
    new_url = urls.page_url(redirect.new_page, directory_urls=directory_urls)
    canonical = urls.absolute_url(site_url, new_url) if site_url else href
    name = html_escape(" ".join(redirect.name.split()))
    title = msg._("Moved: {name}", name=name)
    link = f'<a href="{html_escape(href)}">{name}</a>'
    moved = msg._("This page has moved to {link}.", link=link)
    return (
        "<!doctype html>\n"
        f'<html lang="{html_escape(site_language)}" dir="{msg.direction}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        f"<title>{title}</title>\n"
        '<meta name="robots" content="noindex">\n'
        f'<link rel="canonical" href="{html_escape(canonical)}">\n'
        f'<meta http-equiv="refresh" content="0; url={html_escape(href)}">\n'
        "</head>\n"
        "<body>\n"
        f"<p>{moved}</p>\n"
        "</body>\n"
        "</html>\n"
    )


def redirect_files(
    corpus: Corpus, *, directory_urls: bool = True, site_url: str | None = None, site_language: str = "en"
) -> dict[str, str]:
    """{file in the built site: its HTML}, e.g. `people/old-id/index.html`."""
    return {
        urls.output_file(r.old_page, directory_urls=directory_urls): redirect_html(
            r, directory_urls=directory_urls, site_url=site_url, site_language=site_language
        )
        for r in redirects(corpus)
    }


def redirect_stubs(corpus: Corpus, site_language: str = "en") -> dict[str, str]:
    """{Markdown page at the old path: a note linking to the new page}, for `build --out`."""
    msg = messages(site_language)
    stubs = {}
    for r in redirects(corpus):
        name = escape(r.name)
        link = f"[{name}]({urls.relative_link(r.old_page, r.new_page)})"
        stubs[r.old_page] = "# " + msg._("Moved: {name}", name=name) + "\n\n" + msg._("This page has moved to {link}.", link=link) + "\n"
    return stubs


def collisions(files: dict[str, str], site_files: set[str]) -> list[str]:
    """The redirect files a page of the site would land on (and silently replace)."""
    return sorted(set(files) & site_files)
