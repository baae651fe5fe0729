"""What keeps `mkdocs serve` rebuilds quick and right: compiled templates kept, the search index kept current."""

from __future__ import annotations

from collections.abc import Iterable

import jinja2
import jinja2.bccache


class CompiledTemplates(jinja2.BytecodeCache):
    """The theme's templates, compiled once per `mkdocs serve` session instead of once a rebuild.

    MkDocs makes a new Jinja environment for every build, so every template it uses was
    compiled again (about 0.08 s of a rebuild at 10,000 pages, benchmarks/RESULTS.md). Jinja
    compares the template's source with the checksum kept beside its code, so an edited
    template is compiled anew.
    """

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


def _page(entry: object) -> str | None:
    location = entry.get("location") if isinstance(entry, dict) else None
    return location.split("#", 1)[0] if isinstance(location, str) else None


def keep_search_index_current(plugins: Iterable[object], pages: set[str]) -> None:
    """Material's search index after a `--dirty` rebuild: each page once, as it is now.

    Under `--dirty`, Material's search plugin keeps the last build's index and, assuming one
    page was rendered again, replaces that page's entries only. A rebuild here renders several
    pages (an article and its claim at least), so the others' old entries stayed: an edited
    explanation was found in both its old and new wording, a deleted claim was still found.
    Before the plugin writes its index, the entries it kept are cut to the pages (URLs) that
    still exist and were not rendered again. Looked up by its attributes, so a Material that
    no longer has them is left as it is.
    """
    for plugin in plugins:
        kept = getattr(plugin, "search_index_prev", None)
        new_entries = getattr(getattr(plugin, "search_index", None), "entries", None)
        kept_entries = getattr(kept, "entries", None)
        if kept is None or not isinstance(new_entries, list) or not isinstance(kept_entries, list):
            continue
        rendered = {_page(entry) for entry in new_entries}
        current = pages - rendered
        kept.entries = [entry for entry in kept_entries if _page(entry) in current]
