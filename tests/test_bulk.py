"""The generator's bulk work pauses Python's cycle collector and forgets per-run caches after."""

from __future__ import annotations

import gc
import inspect

from conftest import ROOT

from generator.annotations.pipeline import check
from generator.annotations.yaml_strict import load_yaml
from generator.open_data.data_export import export_files
from generator.pages.edit_links import edit_links
from generator.pages.options import SiteOptions
from generator.pages.redirects import redirect_files
from generator.pages.site import render_pages
from generator.support.bulk import bulk_work, per_run_cache

CALLS: list[str] = []


@per_run_cache(maxsize=16)
def shout(word: str) -> str:
    CALLS.append(word)
    return word.upper()


def test_a_per_run_cache_serves_a_run_and_is_empty_after_it() -> None:
    CALLS.clear()
    with bulk_work():
        assert [shout("a"), shout("a"), shout("b")] == ["A", "A", "B"]
        assert CALLS == ["a", "b"]
    assert shout.cache_info().currsize == 0  # type: ignore[attr-defined]
    shout("a")
    assert CALLS == ["a", "b", "a"]


def test_the_cycle_collector_is_paused_inside_and_as_it_was_after() -> None:
    assert gc.isenabled()
    with bulk_work():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with bulk_work():
            assert not gc.isenabled()
        assert not gc.isenabled()  # a caller that had it off keeps it off
    finally:
        gc.enable()


def test_reading_an_annotation_file_leaves_no_garbage_for_the_cycle_collector() -> None:
    # The clean-file reader's recursive closure used to keep each file's parser and marks in a
    # reference cycle: 400,000 objects at 1,000 files, for the next full collection to free.
    text = (ROOT / "seeds" / "trump-to-meet-putin-2025-01.yaml").read_text(encoding="utf-8")
    gc.collect()
    with bulk_work():
        loaded = load_yaml("trump-to-meet-putin-2025-01.yaml", text)
        assert loaded.value and not loaded.diagnostics
        del loaded
        assert gc.collect() == 0


def test_the_generators_work_leaves_no_garbage_of_its_own_for_the_cycle_collector() -> None:
    # Inside bulk_work nothing collects cycles, and the plugin freezes what is left at its end:
    # garbage in a cycle waits for the next full collection or, frozen, stays in memory.
    def generate() -> None:
        checked = check(ROOT / "seeds", ROOT)
        assert checked.corpus is not None
        options = SiteOptions(edit_links=edit_links(checked.corpus, None, "main"))
        render_pages(checked.corpus, options)
        redirect_files(checked.corpus, directory_urls=True, site_url=None)
        export_files(checked.corpus, None, directory_urls=True)

    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        with bulk_work():
            generate()
            gc.collect()
        # All of it is Python-Markdown's: a closure that refers to itself in each conversion
        # of raw HTML (the function, its three cells and their tuple).
        functions = [o for o in gc.garbage if inspect.isfunction(o)]
        assert {f.__module__ for f in functions} <= {"markdown.postprocessors"}
        assert len(gc.garbage) == 5 * len(functions)
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
