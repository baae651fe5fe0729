"""A full build renders on two cores: a forked child renders the pages while MkDocs works,
and what it hands over is exactly what a single render makes, in its order."""

from __future__ import annotations

import os
import time

import pytest
from conftest import synthetic_corpus

from generator.annotations.corpus import Corpus
from generator.engines import parallel
from generator.engines.parallel import Rendering, can_fork, start_rendering
from generator.open_data.data_export import export_files
from generator.pages.html_blocks import NO_BLOCKS, set_aside
from generator.pages.options import SiteOptions
from generator.pages.site import entity_page_paths, entity_pages, render_pages, site_pages

OPTIONS = SiteOptions(home_page=True, site_url="https://example.org/", articles_per_page=5)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return synthetic_corpus(tmp_path_factory.mktemp("parallel"), 12)


def every_file(rendering: Rendering) -> list[tuple[str, str]]:
    """What the plugin hands to MkDocs: the site-wide pages, then each entity page and export file as it is read."""
    taken = (*rendering.pending_paths, *rendering.export_paths)
    return [*rendering.site.items(), *((path, rendering.take(path)[0]) for path in taken)]


def single_render(corpus: Corpus, site_url: str | None) -> list[tuple[str, str]]:
    exports = export_files(corpus, site_url, directory_urls=OPTIONS.directory_urls)
    return [*render_pages(corpus, OPTIONS).items(), *exports.items()]


def test_a_render_is_the_site_wide_pages_then_the_entity_pages(corpus: Corpus) -> None:
    pages = render_pages(corpus, OPTIONS)
    site = site_pages(corpus, OPTIONS)
    assert "graph.md" in site and "claims/index.md" in site
    assert "claims/verdicts/opinion.md" in site and "claims/verdicts/opinion/2.md" in site  # the forked rendering makes them too
    assert list(pages.items()) == [*site.items(), *entity_pages(corpus, OPTIONS)]
    assert [path for path, _ in entity_pages(corpus, OPTIONS)] == entity_page_paths(corpus)


@pytest.mark.parametrize("fork", [False, pytest.param(True, marks=pytest.mark.skipif(not can_fork(), reason="Linux only"))])
def test_a_rendering_gives_the_pages_and_exports_of_a_single_render(corpus: Corpus, fork: bool) -> None:
    rendering = start_rendering(corpus, OPTIONS, "https://example.org/", fork=fork)
    try:
        assert rendering.export_paths == list(export_files(corpus, "https://example.org/"))
        assert every_file(rendering) == single_render(corpus, "https://example.org/")
    finally:
        rendering.close()


needs_fork = pytest.mark.skipif(not can_fork(), reason="forks only on Linux with no other thread running")


@needs_fork
def test_when_the_child_fails_before_writing_its_pages_are_rendered_here(corpus: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    def fails(*args: object) -> None:
        os._exit(3)

    monkeypatch.setattr(parallel, "_child", fails)  # the forked child runs this, and exits with 3
    rendering = start_rendering(corpus, OPTIONS, None, fork=True)
    assert every_file(rendering) == single_render(corpus, None)


@needs_fork
def test_when_the_child_stops_halfway_the_rest_is_rendered_here(corpus: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    first_seven = [(path, (page, NO_BLOCKS)) for path, page in entity_pages(corpus, OPTIONS)][:7]

    def writes_one_batch(file: int, notify: int, pages: object) -> None:
        parallel._write_batch(file, notify, 0, first_seven)
        os._exit(0)  # no end mark: the pages stop short

    monkeypatch.setattr(parallel, "_child", writes_one_batch)
    rendering = start_rendering(corpus, OPTIONS, None, fork=True)
    assert every_file(rendering) == single_render(corpus, None)


@needs_fork
def test_closing_a_rendering_stops_a_child_still_at_work(corpus: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    children: list[int] = []
    real_fork = os.fork

    def fork() -> int:
        pid = real_fork()
        if pid:
            children.append(pid)
        return pid

    def hangs(*args: object) -> None:
        time.sleep(600)
        os._exit(0)

    monkeypatch.setattr(parallel, "_child", hangs)
    monkeypatch.setattr(os, "fork", fork)
    rendering = start_rendering(corpus, OPTIONS, None, fork=True)
    rendering.close()  # a build that failed: MkDocs reads no more pages
    (child,) = children
    with pytest.raises(ChildProcessError):  # killed and reaped: no process left behind
        os.waitpid(child, os.WNOHANG)


@needs_fork
def test_the_child_hands_over_each_page_as_prepare_makes_it(corpus: Corpus) -> None:
    rendering = start_rendering(corpus, OPTIONS, None, fork=True, prepare=set_aside)
    pages = render_pages(corpus, OPTIONS)
    assert rendering.site == {}  # the site-wide pages too: made in the child while MkDocs builds its navigation
    assert rendering.pending_paths == list(pages)
    handed = {path: rendering.take(path) for path in rendering.pending_paths}
    assert handed == {path: set_aside(pages[path]) for path in rendering.pending_paths}
    assert any(blocks for _, blocks in handed.values())  # the local graphs, set aside
