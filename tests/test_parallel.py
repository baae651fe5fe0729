"""A full build renders on two cores (a forked child renders two in three entity pages), and
what it makes is exactly what a single render makes, in the same order."""

from __future__ import annotations

import os

import pytest
from conftest import synthetic_corpus

from generator import parallel, urls
from generator.corpus import Corpus
from generator.data_export import export_files
from generator.pages import SiteOptions, render_pages
from generator.parallel import can_fork, interleaved, render_and_export

OPTIONS = SiteOptions(home_page=True, site_url="https://example.org/", articles_per_page=5)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return synthetic_corpus(tmp_path_factory.mktemp("parallel"), 12)


def entities(corpus: Corpus) -> int:
    return sum(len(corpus.entities(kind)) for kind in urls.SECTIONS)


@pytest.mark.parametrize("count", [2, 3, 4])
def test_the_shares_interleaved_are_one_render_in_its_order(corpus: Corpus, count: int) -> None:
    shares = [render_pages(corpus, OPTIONS, part=(share, count)) for share in range(count)]
    assert "graph.md" in shares[0] and not any("graph.md" in share for share in shares[1:])  # site-wide pages: share 0's
    assert [len(share) for share in shares[1:]] == [len(range(k, entities(corpus), count)) for k in range(1, count)]
    merged = interleaved(shares, entities(corpus))
    assert list(merged.items()) == list(render_pages(corpus, OPTIONS).items())


def test_shares_that_do_not_hold_every_entity_page_are_refused(corpus: Corpus) -> None:
    first = render_pages(corpus, OPTIONS, part=(0, 2))
    with pytest.raises(ValueError, match="do not hold"):
        interleaved([first, {}], entities(corpus))


needs_fork = pytest.mark.skipif(not can_fork(), reason="forks only on Linux with no other thread running")


@needs_fork
def test_a_forked_render_gives_the_pages_and_exports_of_a_single_one(corpus: Corpus) -> None:
    pages, exports = render_and_export(corpus, OPTIONS, "https://example.org/", fork=True)
    assert list(pages.items()) == list(render_pages(corpus, OPTIONS).items())
    assert exports == export_files(corpus, "https://example.org/", directory_urls=True)


@needs_fork
def test_when_the_child_fails_its_share_is_rendered_here(corpus: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    def fails(*args: object) -> None:
        os._exit(3)

    monkeypatch.setattr(parallel, "_child_shares", fails)  # the forked child runs this, and exits with 3
    pages, _ = render_and_export(corpus, OPTIONS, "https://example.org/", fork=True)
    assert list(pages.items()) == list(render_pages(corpus, OPTIONS).items())
