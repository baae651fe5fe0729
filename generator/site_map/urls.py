"""Page paths and the relative links between them; no other module builds a link.

Pages are Markdown source paths (`claims/<id>.md`) and links are plain relative links
to those sources, so MkDocs (and other engines) check and rewrite them.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from functools import partial

from ..support.bulk import per_run_cache

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
DATA_JSON = "data.json"  # every entity and link, for scripts and the graph page
CORRECTIONS = "corrections.md"  # every correction, newest first
FEED_ATOM = "feed.xml"  # reviews and corrections, newest first (Atom)
FEED_JSON = "feed.json"  # the same as a JSON Feed


def entity_page(kind: str, entity_id: str) -> str:
    """The Markdown source path of an entity's page: `people/donald-trump.md`."""
    return f"{SECTIONS[kind]}/{entity_id}.md"


def index_page(kind: str) -> str:
    return f"{SECTIONS[kind]}/index.md"


# The listings of every claim with one verdict or one tag live in folders of the claims
# section: `claims/verdicts/<verdict>.md` (URL `claims/verdicts/<verdict>/`), its later pages
# `claims/verdicts/<verdict>/2.md` (`site_map.listing.page_path`). A claim's page is always
# `claims/<id>.md`, one level up, so no claim id reaches these paths, not even `verdicts` or
# `tags` (whose pages build to `claims/verdicts/index.html`, beside the listings' folders).
# For that reason no page is ever made at `claims/verdicts/index.md` or `claims/tags/index.md`.
# Verdicts are the model's keys and tags are checked slugs that are never `index`
# (`annotations.model._check_id`): one tag, one path, and two tags never share one.
TAGS = "tags.md"  # every tag, linking to its listing
VERDICT_LISTINGS = f"{SECTIONS['claims']}/verdicts"
TAG_LISTINGS = f"{SECTIONS['claims']}/tags"


def verdict_listing(verdict: str) -> str:
    """The first page of every claim with a verdict: `claims/verdicts/inaccurate.md`."""
    return f"{VERDICT_LISTINGS}/{verdict}.md"


def tag_listing(tag: str) -> str:
    """The first page of every claim with a tag: `claims/tags/economy.md`."""
    return f"{TAG_LISTINGS}/{tag}.md"


def page_url(page: str, *, directory_urls: bool = True) -> str:
    """The site URL of a page, relative to the site root: `people/donald-trump/`."""
    if not directory_urls:
        return page[: -len(".md")] + ".html"
    if page == "index.md" or page.endswith("/index.md"):
        return page[: -len("index.md")]
    return page[: -len(".md")] + "/"


def output_file(page: str, *, directory_urls: bool = True) -> str:
    """The file a page builds to, relative to the site folder: `people/x/index.html` or `people/x.html`."""
    url = page_url(page, directory_urls=directory_urls)
    return url + "index.html" if not url or url.endswith("/") else url


def relative_link(from_page: str, to_page: str, anchor: str = "") -> str:
    """A relative link from one page source to another, with an optional anchor."""
    fragment = f"#{anchor}" if anchor else ""
    if from_page == to_page:
        return fragment or posixpath.basename(to_page)
    return _link_from_folder(to_page, _folder(from_page)) + fragment


# A large site has hundreds of thousands of links, from a handful of folders to some
# thousands of pages: the same pairs come back again and again within a run.
@per_run_cache(maxsize=1 << 17)
def _link_from_folder(to_page: str, folder: str) -> str:
    return _relpath(to_page, folder)


def _folder(page: str) -> str:
    """`posixpath.dirname`, quicker for the usual clean relative page path."""
    if page.startswith("/") or "//" in page:
        return posixpath.dirname(page)
    return page.rpartition("/")[0]


def _relpath(path: str, start: str) -> str:
    """`posixpath.relpath(path or ".", start or ".")`, without its two os.getcwd() calls.

    It runs for every link of every page (hundreds of thousands in a large site); page
    paths are relative and clean, and anything else goes to posixpath.
    """
    if _unclean(path) or _unclean(start):
        return posixpath.relpath(path or ".", start or ".")
    folder, target = start.removesuffix("/"), path.removesuffix("/")
    if "/" not in folder:  # the site's root or a section's folder: where nearly every link starts
        if not folder or target == folder:
            return target if not folder and target else "."
        if target.startswith(folder + "/"):
            return target[len(folder) + 1 :]
        return "../" + target if target else ".."
    start_parts = start.removesuffix("/").split("/") if start else []
    path_parts = path.removesuffix("/").split("/") if path else []
    common = 0
    for a, b in zip(start_parts, path_parts, strict=False):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(start_parts) - common) + path_parts[common:]) or "."


def _relpath_from_page_folder(path: str, start: str) -> str:
    """`_relpath`, for a start folder that is one page's own (`claims/x` with directory URLs).

    Few links point inside a page's folder: the others leave it with `..` and continue as
    from its parent, a section's folder.
    """
    parent, slash, _ = start.rpartition("/")
    if not slash or start.endswith("/") or _unclean(path) or _unclean(start) or _within(path, start):
        return _relpath(path, start)
    return _up_from(path, parent)


def _within(path: str, folder: str) -> bool:
    """Whether `path` is `folder` or inside it."""
    inside = path.removesuffix("/")
    return inside == folder or inside.startswith(folder + "/")


def _up_from(path: str, parent: str) -> str:
    """The relative path to `path` from a folder inside `parent`, for a path outside that folder."""
    rest = _link_from_folder(path, parent)
    return ".." if rest == "." else "../" + rest


def _unclean(path: str) -> bool:
    """Whether a path may be absolute or have an empty, `.` or `..` part (conservatively)."""
    return path.startswith((".", "/")) or "/." in path or "//" in path


def url_link(from_page: str, to_page: str, anchor: str = "", *, directory_urls: bool = True, to_sources: bool = False) -> str:
    """A relative link between built pages' URLs, for raw HTML (an SVG), which MkDocs does not rewrite.

    With `to_sources`, the link between the pages' sources (`relative_link`) instead: for an
    engine that rewrites the links in raw HTML as it does Markdown's (Zensical, which builds
    the pages `build --out` writes), so that a built URL would be moved once too often.
    """
    if to_sources:
        return relative_link(from_page, to_page, anchor)
    fragment = f"#{anchor}" if anchor else ""
    start = page_url(from_page, directory_urls=directory_urls)
    target = page_url(to_page, directory_urls=directory_urls)
    folder = start.rstrip("/") if directory_urls else posixpath.dirname(start)
    return _as_url(_relpath_from_page_folder(target, folder), target) + fragment


def _as_url(link: str, target: str) -> str:
    """A relative path as a link to the URL `target`: a folder's keeps its final slash."""
    if target.endswith("/") or not target:
        return "./" if link == "." else link + "/"
    return link


def url_links_from(from_page: str, *, directory_urls: bool = True, to_sources: bool = False) -> Callable[[str], str]:
    """`url_link(from_page, ·)` without an anchor: the links of one drawing, dozens per page.

    With directory URLs a page has a folder of its own, and a link that leaves it is `../` and
    the link from its parent, a section's folder: the same for every page of the section, so
    it is worked out once per run (55,000 links in the local graphs of 1,000 articles).
    """
    if to_sources:
        return partial(relative_link, from_page)
    folder = page_url(from_page, directory_urls=directory_urls).rstrip("/")
    parent, slash, _ = folder.rpartition("/")
    if not directory_urls or not slash or _unclean(folder):
        return partial(_url_link, from_page, directory_urls)

    def link(to_page: str) -> str:
        target = page_url(to_page)
        if _within(target, folder) or _unclean(target):
            return url_link(from_page, to_page)
        return _url_from_parent(target, parent)

    return link


def _url_link(from_page: str, directory_urls: bool, to_page: str) -> str:
    return url_link(from_page, to_page, directory_urls=directory_urls)


@per_run_cache(maxsize=1 << 16)
def _url_from_parent(target: str, parent: str) -> str:
    """`url_link`'s answer for a target outside the start page's folder, from that folder's parent."""
    return _as_url(_up_from(target, parent), target)


def annotations_file(doc_id: str) -> str:
    """The W3C Web Annotation export of an article, beside its page: `articles/<id>/annotations.jsonld`."""
    return f"{SECTIONS['documents']}/{doc_id}/annotations.jsonld"


def absolute_url(site_url: str, path: str, anchor: str = "") -> str:
    """`path` (a URL relative to the site root) under the site's address."""
    return site_url.rstrip("/") + "/" + path + (f"#{anchor}" if anchor else "")


def mention_anchor(kind: str, entity_id: str, number: int) -> str:
    return f"mention-{SECTIONS[kind]}-{entity_id}-{number}"


def claim_anchor(claim_id: str) -> str:
    return f"claim-{claim_id}"


def correction_anchor(number: int) -> str:
    """A claim page's `number`th correction (from 1, in the order the annotations list them)."""
    return f"correction-{number}"


def verdict_group_anchor(verdict: str) -> str:
    """A person's or source's claims of one verdict, on their page (the scorecard links there)."""
    return f"claims-{verdict}"
