"""The MkDocs plugin `explainer-search`: Material's search box, answered from a Pagefind index.

Listed after Material's `search` in mkdocs.yml. Material's search plugin stays, for its
search box in the header, its keyboard use and its highlighting of the words found; this
plugin keeps every page out of Material's lunr index (Material's documented
`search: exclude` page setting) and has Pagefind index the built site instead, before the
site is swapped into place (`mkdocs_plugin`). The theme's side is `overrides/main.html`,
which names `docs/assets/search-worker.js` as Material's search worker.

`mkdocs serve` uses the same search as a published site, filters and all; the index is
made again in the background once the builds pause (`search_index.BackgroundIndex`), so
that an edit's rebuild never waits for it nor runs beside it.
"""

from __future__ import annotations

import logging
import shutil
import time
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from .search_index import FOLDER, BackgroundIndex, SearchIndexError, index_site

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

log = logging.getLogger("mkdocs.plugins.explainer")


class SearchConfig(Config):
    """No options: the index is the site's, made as `search_index` says."""


class SearchPlugin(BasePlugin[SearchConfig]):
    background: BackgroundIndex | None = None
    seconds = 0.0  # spent indexing in the last full build (benchmarks read it)

    dirty = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.dirty = dirty
        if command == "serve" and self.background is None:
            self.background = BackgroundIndex()

    def on_shutdown(self) -> None:
        if self.background is not None:
            self.background.close()
            self.background = None

    @event_priority(100)  # first: the explainer plugin's check and render get the machine to themselves
    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if self.background is not None:  # without --dirty, MkDocs empties the site folder next
            self.background.before_build(Path(config.site_dir), cleans=not self.dirty)

    @event_priority(50)  # before Material's search plugin, which then leaves the page out of its index
    def on_page_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        site_dir = Path(config.site_dir)
        if self.background is not None:
            self.background.after_build(site_dir)
            return
        start = time.perf_counter()
        shutil.rmtree(site_dir / FOLDER, ignore_errors=True)  # a `--dirty` build's site folder has the last index
        try:
            index_site(site_dir)
        except SearchIndexError as error:
            raise PluginError(f"error[search-index]: {error}") from None
        self.seconds = time.perf_counter() - start
        log.info(f"explainer-search: Pagefind indexed the site in {self.seconds:.1f} s")
