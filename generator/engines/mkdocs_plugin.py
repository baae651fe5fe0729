"""The MkDocs integration: generated pages added in memory, never written into docs/."""

from __future__ import annotations

import functools
import gc
import logging
import os
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2
from mkdocs.config import config_options
from mkdocs.config.base import Config, ValidationError
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, InclusionLevel

from ..annotations.diagnostics import format_human
from ..annotations.pipeline import check
from ..pages.edit_links import EditLink, edit_links
from ..pages.html_blocks import NO_BLOCKS, Blocks, put_back, put_back_searched, set_aside
from ..pages.options import SiteOptions
from ..pages.redirects import collisions, redirect_files
from ..pages.script_messages import MESSAGES_KEY, script_messages
from ..pages.site import render_pages
from ..site_map.listing import ARTICLES_PER_PAGE
from ..support.bulk import bulk_work
from ..translation.catalogs import language_warnings
from ..translation.messages import messages
from . import atomic_site
from .build_cache import BuildCache
from .parallel import Rendering, can_fork, start_rendering
from .serve_support import CompiledTemplates, keep_search_index_current

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

log = logging.getLogger("mkdocs.plugins.explainer")

# An id in the generator's own HTML, which writes every attribute value in double quotes.
_ANCHOR = re.compile(r' id="([^"]+)"')


def _missing_part(page: Page) -> PluginError:
    return PluginError(
        f"{page.file.src_uri}: error[plugin]: part of the page is missing from the HTML Markdown made of it; "
        "a plugin that rewrites pages must keep `<div data-explainer-block>` and `<div data-explainer-text>` placeholders"
    )


class GeneratedFile(File):
    """A generated page or file that knows whether its content changed since the last build.

    MkDocs treats in-memory files as always modified, so `--dirty` would rebuild all of
    them. Asked by `--dirty` builds only: an unchanged file, which the last successful build
    of this `serve` session wrote into the same site folder, is skipped.
    """

    unchanged = False

    def is_modified(self) -> bool:
        # Not a look at the output file: 10,000 of them took ~0.1 s of each rebuild at 1,000 articles.
        return not self.unchanged


class PendingFile(GeneratedFile):
    """A file of a full build whose content is fetched when MkDocs first reads or copies it.

    An entity page or an export file is still being made in another process when MkDocs
    gets its files (`parallel`); MkDocs reads the pages one by one, and copies the other
    files once it has read every page.
    """

    arrives: Callable[[], str] | None = None

    def _arrive(self) -> None:
        if self.arrives is not None:
            self._content, self.arrives = self.arrives(), None

    @property
    def content_string(self) -> str:
        self._arrive()
        return super().content_string

    @content_string.setter
    def content_string(self, value: str) -> None:
        self.arrives = None
        File.content_string.fset(self, value)  # type: ignore[attr-defined]

    @property
    def content_bytes(self) -> bytes:
        return self.content_string.encode("utf-8")

    @content_bytes.setter
    def content_bytes(self, value: bytes) -> None:
        self.arrives = None
        File.content_bytes.fset(self, value)  # type: ignore[attr-defined]

    def copy_file(self, dirty: bool = False) -> None:
        self._arrive()
        super().copy_file(dirty)


class PositiveWholeNumber(config_options.Type[int]):
    def __init__(self, default: int) -> None:
        super().__init__(int, default=default)

    def run_validation(self, value: object) -> int:
        number = super().run_validation(value)
        if isinstance(number, bool) or number < 1:  # YAML's `true` is an int to Python
            shown = str(value).lower() if isinstance(value, bool) else repr(value)  # as YAML wrote it
            raise ValidationError(f"must be a whole number of at least 1, not {shown}")
        return number


class ExplainerConfig(Config):
    seeds = config_options.Type(str, default="seeds")
    branch = config_options.Type(str, default="main")  # edit links point at this branch of `repo_url`
    # Articles on each page of the claims index, the timeline and the graph (see `listing`).
    articles_per_page = PositiveWholeNumber(default=ARTICLES_PER_PAGE)


class ExplainerPlugin(BasePlugin[ExplainerConfig]):
    """Reads `seeds/` on every build; a problem aborts before the site folder is touched."""

    # `mkdocs build` writes into a sibling folder that replaces the site folder only when the
    # build succeeded (see atomic_site); `serve` and `--dirty` write in place, as MkDocs does.
    _swap = True
    _staging: tuple[Path, Path] | None = None  # (staging folder, site folder)
    serving = False
    dirty = False
    _generated = False  # this build's pages are made: MkDocs goes on to write them
    page_urls: set[str]  # of this build's pages, as the search index names them
    written: dict[str, str]  # page -> its content in the last successful build (serve only)
    config_text: bytes  # mkdocs.yml in that build
    new_written: tuple[dict[str, str], bytes]  # this build's, kept once it has succeeded
    rendering: Rendering | None = None  # a full build's files, the entity pages and exports still arriving
    # Seconds of this build's generator work that MkDocs waited for outside the plugin's hooks:
    # fetching the entity pages and exports as MkDocs reads them (`PendingFile`).
    # benchmarks/timed_build.py counts them.
    outside_hooks = 0.0

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._swap = command != "serve" and not dirty
        self.serving = command == "serve"  # rebuilds follow: keep what they can reuse
        self.dirty = dirty

    @event_priority(100)  # first, so that every other plugin writes into the staging folder too
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        site_dir = Path(config.site_dir)
        staging = atomic_site.staging_folder(site_dir) if self._swap else None
        self._staging = (staging, site_dir) if staging is not None else None
        if staging is not None:
            config.site_dir = str(staging)
        for warning in language_warnings(site_language(config)):  # a warning, so that `--strict` stops on it
            log.warning(f"explainer: {warning}")
        # explainer.js's words and the feeds' link titles, which overrides/main.html writes into every page
        config.extra[MESSAGES_KEY] = script_messages(messages(site_language(config)))
        return config

    @event_priority(50)  # before Material's search plugin writes its index
    def _current_search_index(self, *, config: MkDocsConfig) -> None:
        if self.serving and self.dirty:
            keep_search_index_current(config.plugins.values(), self.page_urls)

    @event_priority(-100)  # last: the site is complete once every other plugin has written
    def _publish(self, *, config: MkDocsConfig) -> None:
        self._end_rendering()
        self.written, self.config_text = self.new_written  # every page of this build is written
        if self._staging is None or atomic_site.strict_abort_ahead(config.strict):
            return  # MkDocs aborts next; on_build_error discards the staging folder
        (staging, site_dir), self._staging = self._staging, None
        config.site_dir = str(site_dir)  # `gh-deploy` reads it after the build
        atomic_site.publish(staging, site_dir)
        log.info(f"The new site replaced the old one in {site_dir}")

    on_post_build = CombinedEvent(_current_search_index, _publish)

    def on_build_error(self, *, error: Exception) -> None:
        self._end_rendering()
        if self._generated:  # MkDocs may have written some pages and not others: the next build writes all
            self.written = {}
        # else the check stopped the build before anything was written: the pages are still the
        # last good build's, and the next build writes only what differs from them.
        if self._staging is not None:
            (staging, _), self._staging = self._staging, None
            atomic_site.discard(staging)

    def _end_rendering(self) -> None:
        if self.rendering is not None:
            self.rendering.close()
            self.rendering = None

    def __init__(self) -> None:
        self.pages: dict[str, str | None] = {}  # None: an entity page or export still arriving (`rendering`)
        self.edit_links: dict[str, EditLink] = {}
        self.redirects: dict[str, str] = {}
        self.blocks: dict[str, Blocks] = {}  # page -> its HTML blocks, set aside for MkDocs (`html_blocks`)
        # This object lives as long as `mkdocs serve` (on_startup makes MkDocs keep it), so
        # these carry over from one rebuild to the next.
        self.cache = BuildCache()
        self.templates = CompiledTemplates()
        self.written = {}
        self.config_text = b""
        self.new_written = ({}, b"")
        self.page_urls = set()

    def on_pre_build(self, config: MkDocsConfig) -> None:
        gc.unfreeze()  # the last build's objects may be garbage by now: let the collector see them
        self._generated = False
        self.outside_hooks = 0.0
        with bulk_work():
            self._generate(config)
            self._generated = True
            # What the generator made lives through MkDocs' rendering and, under `serve`, until
            # the next rebuild: kept out of the collector's full walks, which otherwise took up
            # to 0.7 s of a 2 s `--dirty` rebuild at 10,000 pages (benchmarks/RESULTS.md). Frozen
            # while the collector is still paused: once it resumes, its first collection would
            # walk everything made since it paused (the build cache too, under `serve`: about
            # 0.05 s of each `--dirty` rebuild at 10,000 pages).
            gc.freeze()

    def _generate(self, config: MkDocsConfig) -> None:
        # Runs before MkDocs cleans the site folder, so bad annotations leave the old site intact.
        base = Path(config.config_file_path).parent
        self.cache.next_build()
        # Only `serve` rebuilds; a single build lets the corpus go once its pages are made.
        checked = check(base / self.config.seeds, base, cache=self.cache if self.serving else None)
        if not checked.ok:
            count = sum(d.severity == "error" for d in checked.diagnostics)
            raise PluginError(
                f"the annotations have {count} error{'s' if count != 1 else ''}:\n"
                + format_human(checked.diagnostics, checked.sources)
            )
        assert checked.corpus is not None
        for note in checked.diagnostics:  # notices (a quote that moved): informative, never fatal
            log.info(format_human([note]).rstrip())
        has_home = (Path(config.docs_dir) / "index.md").is_file()
        self.edit_links = edit_links(checked.corpus, config.repo_url, self.config.branch)
        options = SiteOptions(
            home_page=not has_home,
            directory_urls=config.use_directory_urls,
            site_url=config.site_url or None,
            site_name=config.site_name,
            edit_links=self.edit_links,
            articles_per_page=self.config.articles_per_page,
            text_as_html=True,
            site_language=site_language(config),
        )
        self.redirects = redirect_files(
            checked.corpus, directory_urls=config.use_directory_urls, site_url=options.site_url, site_language=options.site_language
        )
        if self.serving:  # what the edit cannot have changed comes from the last build
            reuse = self.cache.reusable_pages(checked.corpus, options)
            pages = render_pages(
                checked.corpus,
                options,
                reuse=reuse,
                lines=self.cache.claim_lines,
                net=self.cache.network(checked.corpus),
                drawn_on=self.cache.drawn_on(checked.corpus, options.articles_per_page),
            )
            self.cache.remember(checked.corpus, options, pages)
            if reuse is not None:
                log.info(f"explainer: {len(pages) - len(reuse):,} pages rendered again, {len(reuse):,} unchanged by the edit")
            exports = self.cache.export_files(
                checked.corpus, config.site_url, config.use_directory_urls, config.site_name, options.site_language
            )
            self.pages = {**pages, **self.redirects, **exports}
            return
        # One full build: the entity pages and exports are made on the other core where it can (`parallel`).
        rendering = start_rendering(checked.corpus, options, config.site_url, fork=can_fork(), prepare=set_aside)
        self.rendering = rendering
        self.pages = {
            **rendering.site, **dict.fromkeys(rendering.pending_paths), **self.redirects, **dict.fromkeys(rendering.export_paths)
        }

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        for path in collisions(self.redirects, {f.dest_uri for f in files if not f.generated_by}):
            raise PluginError(
                f"{path}: error[page-collision]: a hand-written page is where a former id's redirect belongs; move it"
            )
        # A page is unchanged when its content and mkdocs.yml are as in the last successful build
        # of this `serve` session (a reused page is the very same string: `==` is instant), and
        # that build's site folder is still there.
        config_text = Path(config.config_file_path).read_bytes() if config.config_file_path else b""
        same = self.serving and config_text == self.config_text and os.path.isdir(config.site_dir)
        previous = self.written if same else {}
        # Under `serve` every page is made by now (`rendering` is for full builds only).
        self.new_written = ({path: page for path, page in self.pages.items() if page is not None} if self.serving else {}, config_text)
        self.blocks = {}
        for path, content in self.pages.items():
            existing = files.src_uris.get(path)  # `get_file_from_path` without its conversion: ours are POSIX paths
            if existing is not None and not existing.generated_by:
                raise PluginError(
                    f"docs/{path}: error[page-collision]: a hand-written page is in the way of a generated page; "
                    "rename or move it (the generator never overwrites it)"
                )
            # Entity pages are reached through the index pages, and a listing's later pages through
            # its first (`claims/index/2.md`); a nav listing them all makes builds quadratic.
            inclusion = InclusionLevel.NOT_IN_NAV if "/" in path and not path.endswith("/index.md") else InclusionLevel.UNDEFINED
            if content is None:  # still on its way: fetched when MkDocs reads or copies it
                pending = PendingFile.generated(config, path, content="", inclusion=inclusion)
                assert isinstance(pending, PendingFile)
                pending.arrives = functools.partial(self._arrived, path)
                files.append(pending)
                continue
            unchanged = content == previous.get(path)
            if not unchanged and path.endswith(".md"):  # an unchanged page is not converted again: its blocks can stay
                content, blocks = set_aside(content)
                if blocks != NO_BLOCKS:
                    self.blocks[path] = blocks
            file = GeneratedFile.generated(config, path, content=content, inclusion=inclusion)
            assert isinstance(file, GeneratedFile)
            file.unchanged = unchanged
            files.append(file)
        if not self.serving:  # the files hold what MkDocs reads: the pages as made, blocks and all, can go
            self.pages = {}
        return files

    def _arrived(self, path: str) -> str:
        """A file of a full build as MkDocs reads it: a page has its blocks set aside (`on_files`) where it was made."""
        start = time.perf_counter()
        assert self.rendering is not None
        content, blocks = self.rendering.take(path)
        if blocks != NO_BLOCKS:
            self.blocks[path] = blocks
        self.outside_hooks += time.perf_counter() - start
        return content

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        if self.serving and env.bytecode_cache is None:
            env.bytecode_cache = self.templates
        if self.serving and self.dirty:
            self.page_urls = {file.page.url for file in files.documentation_pages() if file.page is not None}
        return env

    @event_priority(100)  # first: every other plugin, and search, sees the page's text
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        blocks = self.blocks.get(page.file.src_uri) if page.file.generated_by else None
        if not blocks or not blocks.searched:
            return html
        content = put_back_searched(html, blocks.searched)
        if content is None:
            raise _missing_part(page)
        # MkDocs found the anchors of the page's raw HTML in its Markdown, where the block was
        # not; links to them (a claim's place in its article) are checked once every page is made.
        if page.present_anchor_ids is not None:
            for block in blocks.searched:
                page.present_anchor_ids.update(_ANCHOR.findall(block))
        return content

    @event_priority(-100)  # after Material's search has indexed the page without its hidden blocks
    def on_page_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
        blocks = self.blocks.get(page.file.src_uri) if page.file.generated_by else None
        if blocks and blocks.hidden and page.content is not None:
            content = put_back(page.content, blocks.hidden)
            if content is None:
                raise _missing_part(page)
            page.content = content
        return context

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        # MkDocs gives generated pages no edit URL; theirs is the YAML line behind them.
        link = self.edit_links.get(page.file.src_uri) if page.file.generated_by else None
        if link is not None:
            page.edit_url = link.url
        return page


def site_language(config: MkDocsConfig) -> str:
    # Material's own setting; a theme without one is taken to be in English, as Material's default.
    return str(config.theme["language"]) if "language" in config.theme else "en"
