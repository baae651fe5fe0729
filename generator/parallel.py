"""A full build on two cores: a forked process renders two in three entity pages.

At 1,000 articles the generator's part of `mkdocs build` is ~5 s, three of them rendering
some 10,000 entity pages and the exports, all on one core of a machine that has at least two
(MkDocs' own ~75 s use one core too). On Linux, `fork` hands a child process the checked
corpus without copying it: the child renders two in three entity pages while this process
renders the rest, the site-wide pages and the export files, and the child sends its pages
back through a pipe. What is made does not change: the pages come back in `render_pages`'
order (tests/test_parallel.py).

Only for a full build: a rebuild under `mkdocs serve` renders a few pages, and the server
runs threads, which a forked process does not get. Where `fork` is missing, or when the child
fails, everything is made in this process, as before: an error in rendering is then raised
here, where the plugin reports it.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
import threading
from typing import TYPE_CHECKING

from . import urls
from .data_export import export_files
from .graph import network
from .pages import SiteOptions, render_pages

if TYPE_CHECKING:
    from .corpus import Corpus
    from .graph import Network

def can_fork() -> bool:
    """Whether a child process can be forked safely here: Linux, and no other thread running."""
    return sys.platform == "linux" and hasattr(os, "fork") and threading.active_count() == 1


def render_and_export(
    corpus: Corpus, options: SiteOptions, site_url: str | None, *, fork: bool
) -> tuple[dict[str, str], dict[str, str]]:
    """`render_pages(corpus, options)` and `export_files(corpus, site_url)`, on two cores if `fork`."""
    net = network(corpus)  # made once, before the fork: both processes draw from it
    if not fork:
        return render_pages(corpus, options, net=net), export_files(corpus, site_url, directory_urls=options.directory_urls)
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child's coverage is not collected
        _child_shares(read, write, corpus, options, net)
    os.close(write)
    mine = render_pages(corpus, options, net=net, part=(0, SHARES))
    exports = export_files(corpus, site_url, directory_urls=options.directory_urls)
    theirs: list[dict[str, str]] | None = None
    # Read as it is unpickled: the ~40 MB of pages are never all in one buffer. Cut short, the
    # child failed before it sent everything.
    with os.fdopen(read, "rb") as pipe, contextlib.suppress(EOFError, pickle.UnpicklingError):
        theirs = pickle.load(pipe)  # noqa: S301 - from our own child, through our own pipe
    _, status = os.waitpid(child, 0)
    if status != 0 or theirs is None:  # the child failed: its shares are made here, where an error gets reported
        theirs = [render_pages(corpus, options, net=net, part=(share, SHARES)) for share in range(1, SHARES)]
    return interleaved([mine, *theirs], sum(len(corpus.entities(kind)) for kind in urls.SECTIONS)), exports


# This process renders share 0 (with the site-wide pages) and the exports; the child, the other
# shares of the entity pages. The child is slower at the same work (its first write to each
# object copies a page of memory), and the site-wide pages are ~0.9 s at 1,000 articles: three
# shares give both processes about 2 s (benchmarks/RESULTS.md, round 7).
SHARES = 3


def _child_shares(read: int, write: int, corpus: Corpus, options: SiteOptions, net: Network) -> None:
    """In the forked child: render shares 1 and up, send them, and exit without cleanup."""
    status = 1
    try:
        os.close(read)
        shares = [render_pages(corpus, options, net=net, part=(share, SHARES)) for share in range(1, SHARES)]
        with os.fdopen(write, "wb") as pipe:
            pickle.dump(shares, pipe, protocol=pickle.HIGHEST_PROTOCOL)
        status = 0
    finally:
        os._exit(status)  # not the parent's atexit handlers, nor its buffered output


def interleaved(shares: list[dict[str, str]], entities: int) -> dict[str, str]:
    """The shares of `render_pages(part=(·, n))`, 0 to n-1, as one dict in the order of a single render.

    Share 0 is the site-wide pages, then entity pages 0, n, 2n…; share k is entity pages k, n+k….
    """
    count = len(shares)
    lists = [list(share.items()) for share in shares]
    site = len(lists[0]) - len(range(0, entities, count))
    if site < 0 or any(len(lists[k]) != len(range(k, entities, count)) for k in range(1, count)):
        raise ValueError(f"shares of {[len(s) for s in lists]} pages do not hold {entities} entity pages")
    merged = dict(lists[0][:site])
    lists[0] = lists[0][site:]
    for number in range(entities):
        page, text = lists[number % count][number // count]
        merged[page] = text
    return merged
