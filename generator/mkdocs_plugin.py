"""The MkDocs integration: generated pages added in memory, never written into docs/."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, InclusionLevel

from .diagnostics import format_human
from .pages import SiteOptions, render_pages
from .pipeline import check

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

log = logging.getLogger("mkdocs.plugins.explainer")


class ExplainerConfig(Config):
    seeds = config_options.Type(str, default="seeds")


class ExplainerPlugin(BasePlugin[ExplainerConfig]):
    """Reads `seeds/` on every build; a problem aborts before the site folder is touched."""

    def __init__(self) -> None:
        self.pages: dict[str, str] = {}

    def on_pre_build(self, config: MkDocsConfig) -> None:
        # Runs before MkDocs cleans the site folder, so bad annotations leave the old site intact.
        base = Path(config.config_file_path).parent
        checked = check(base / self.config.seeds, base)
        if not checked.ok:
            count = len(checked.diagnostics)
            raise PluginError(
                f"the annotations have {count} error{'s' if count != 1 else ''}:\n"
                + format_human(checked.diagnostics, checked.sources)
            )
        assert checked.corpus is not None
        has_home = (Path(config.docs_dir) / "index.md").is_file()
        self.pages = render_pages(checked.corpus, SiteOptions(home_page=not has_home))

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        for path, content in self.pages.items():
            existing = files.get_file_from_path(path)
            if existing is not None and not existing.generated_by:
                raise PluginError(
                    f"docs/{path}: error[page-collision]: a hand-written page is in the way of a generated page; "
                    "rename or move it (the generator never overwrites it)"
                )
            # Entity pages are reached through the index pages; a nav listing them all makes builds quadratic.
            inclusion = InclusionLevel.NOT_IN_NAV if path.count("/") == 1 and not path.endswith("/index.md") else InclusionLevel.UNDEFINED
            files.append(File.generated(config, path, content=content, inclusion=inclusion))
        return files
