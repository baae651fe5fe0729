"""A full build on two cores: a forked process renders the pages while MkDocs works.

At 1,000 articles the generator's part of `mkdocs build` is a few seconds, about two of them
rendering some 10,000 pages, on one core of a machine that has at least two (MkDocs'
own ~70 s use one core too). On Linux, `fork` hands a child process the checked corpus
without copying it. The child renders every page, in order (the site-wide pages, then the
entity pages), then the export files, in batches written to an unnamed file in memory, and
says through a pipe where each batch is; meanwhile MkDocs goes on in this process. MkDocs
asks for a page only when it reads that page, and for an export file when it copies
it (`Rendering.take`); the batch that holds it is read then, by which time the child has
mostly written it. The child writes to a file, not into the pipe, so that it never waits for
this process to read; when it is done, the file and this process's hold on the corpus go.

What is made does not change: the same pages, in the order of `render_pages`
(tests/test_parallel.py). Only for a full build: a rebuild under `mkdocs serve` renders a few
pages, and the server runs threads, which a forked process does not get. Where `fork` is
missing, everything is made in this process, as before. When the child fails (it exits, is
killed, or writes less than every page), the pages it did not write are rendered here, where
an error in rendering is raised and reported.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import select
import signal
import struct
import sys
import tempfile
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..open_data.data_export import export_files, export_paths
from ..pages.graph.network import network
from ..pages.html_blocks import NO_BLOCKS, Blocks
from ..pages.options import SiteOptions
from ..pages.site import entity_page_paths, entity_pages, site_page_makers, site_pages

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from ..annotations.corpus import Corpus

# Pages sent together: a few MB at most, few enough batches to read back quickly.
BATCH = 500
_NOTICE = struct.Struct("<QQ")  # a batch's offset in the file and its length; length 0 ends


# An entity page as MkDocs is to read it, and what the plugin keeps of it for later: the
# Markdown with its HTML blocks set aside, and the blocks (see html_blocks).
Prepared = tuple[str, Blocks]
Prepare = Callable[[str], Prepared]


def as_it_is(page: str) -> Prepared:
    return page, NO_BLOCKS


def can_fork() -> bool:
    """Whether a child process can be forked safely here: Linux, and no other thread running."""
    return sys.platform == "linux" and hasattr(os, "fork") and threading.active_count() == 1


class Rendering:
    """The files of one full build: the pages made here, the other pages and the exports on their way.

    With a child, every page is on its way (`site` is empty); without one, the site-wide pages
    are made here. `take` hands out each page on its way once, prepared for MkDocs (`Prepare`),
    and each export file once (as `(text, NO_BLOCKS)`), waiting for it if it has not arrived yet.
    """

    def __init__(
        self,
        site: dict[str, str],
        pending_paths: list[str],
        export_paths: list[str],
        receiver: _Receiver | None = None,
        rendered: dict[str, Prepared] | None = None,
    ) -> None:
        self.site = site
        self.pending_paths = pending_paths  # after `site`, in `render_pages`' order
        self.export_paths = export_paths
        self._receiver = receiver
        self._rendered = rendered if rendered is not None else {}

    def take(self, path: str) -> Prepared:
        if self._receiver is not None:
            return self._receiver.take(path)
        return self._rendered.pop(path)

    def close(self) -> None:
        """Stop the child, if it is still at work, and let the pages go (a build that failed, or is over)."""
        if self._receiver is not None:
            self._receiver.close()
        self._rendered = {}


def start_rendering(
    corpus: Corpus, options: SiteOptions, site_url: str | None, *, fork: bool, prepare: Prepare = as_it_is
) -> Rendering:
    """Every page of `render_pages(corpus, options)` and `export_files(corpus, site_url)`; on two cores if `fork`.

    Each page made in the child is handed out as `prepare` makes it of the page. The child
    makes the site-wide pages first (the graph's drawings, the claims index, the timeline: about
    half a second at 1,000 articles) while MkDocs here collects its files and builds its
    navigation, and sends each as soon as it is made: MkDocs reads them first, one by one.
    """
    net = network(corpus)  # made once, before the fork: both processes draw from it
    paths, exports = entity_page_paths(corpus), export_paths(corpus)

    def prepared() -> Iterator[tuple[str, Prepared]]:
        yield from ((path, prepare(page)) for path, page in entity_pages(corpus, options, net=net))
        # MkDocs copies these once it has read every page: made last.
        files = export_files(
            corpus, site_url, directory_urls=options.directory_urls, site_name=options.site_name, site_language=options.site_language
        )
        yield from ((path, (text, NO_BLOCKS)) for path, text in files.items())

    if not fork:
        rendered = dict(prepared())
        return Rendering(site_pages(corpus, options, net=net), paths, exports, rendered=rendered)
    # Made before the fork: the child calls them, and this process only where the child failed.
    site_makers = site_page_makers(corpus, options, net=net)

    def site() -> Iterator[tuple[str, Prepared]]:
        return ((path, prepare(make())) for path, make in site_makers)

    file = _scratch_file()
    notices, notify = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child's coverage is not collected
        os.close(notices)
        _child(file, notify, [(site(), 1), (prepared(), BATCH)])

    def everything() -> Iterator[tuple[str, Prepared]]:
        yield from site()
        yield from prepared()

    os.close(notify)
    receiver = _Receiver(file, notices, child, len(site_makers) + len(paths) + len(exports), everything)
    return Rendering({}, [*(path for path, _ in site_makers), *paths], exports, receiver=receiver)


def _scratch_file() -> int:
    """An unnamed file for the child to write its pages into: in memory where Linux has `memfd_create`."""
    if hasattr(os, "memfd_create"):
        return os.memfd_create("explainer-pages", os.MFD_CLOEXEC)
    with tempfile.TemporaryFile() as scratch:  # pragma: no cover - Linux has memfd_create
        return os.dup(scratch.fileno())


def _child(file: int, notify: int, groups: Iterable[tuple[Iterator[tuple[str, Prepared]], int]]) -> None:  # pragma: no cover
    """In the forked child: render the pages, write them in batches, say where each is, exit without cleanup.

    Each group of pages comes with its batch size; a group's last batch is written as soon as
    the group is made, however small.
    """
    status = 1
    try:
        offset = 0
        for pages, size in groups:
            batch: list[tuple[str, Prepared]] = []
            for page in pages:
                batch.append(page)
                if len(batch) == size:
                    offset = _write_batch(file, notify, offset, batch)
                    batch = []
            if batch:
                offset = _write_batch(file, notify, offset, batch)
        os.write(notify, _NOTICE.pack(offset, 0))  # the end: pages without it are a failure
        status = 0
    finally:
        os._exit(status)  # not the parent's atexit handlers, nor its buffered output


def _write_batch(file: int, notify: int, offset: int, batch: list[tuple[str, Prepared]]) -> int:
    """Write a batch at `offset` and tell the parent where it is; where the next one goes."""
    # marshal, not pickle: strings and tuples only, read back in a third of pickle's time (the
    # 10,000 pages of 1,000 articles, 79 MB: 0.10 s against 0.28 s, which MkDocs waited for).
    data = marshal.dumps([(path, content, blocks.hidden, blocks.searched) for path, (content, blocks) in batch])
    view = memoryview(data)
    while view:  # a write may take only part of it
        view = view[os.pwrite(file, view, offset + len(data) - len(view)) :]
    os.write(notify, _NOTICE.pack(offset, len(data)))  # 16 bytes: one write, never split
    return offset + len(data)


class _Receiver:
    """The child's pages, read batch by batch as they are asked for: the child says where each batch is."""

    def __init__(
        self, file: int, notices: int, child: int, expected: int, fallback: Callable[[], Iterator[tuple[str, Prepared]]]
    ) -> None:
        self._file: int | None = file
        self._notices: int | None = notices  # the read end of a pipe: (offset, length) of each batch written
        self._child: int | None = child
        self._expected = expected
        self._received = 0
        self._fallback: Callable[[], Iterator[tuple[str, Prepared]]] | None = fallback  # holds the corpus until every page came
        self._pages: dict[str, Prepared] = {}  # received and not yet taken
        self._missing: dict[str, Prepared] | None = None  # what the child did not write, rendered here

    def take(self, path: str) -> Prepared:
        while path not in self._pages and self._notices is not None:
            self._next_batch()
        # And every batch written since: once the child is done, the corpus can go early in the
        # build, not when MkDocs reads the last page (it is ~120 MB at 1,000 articles).
        while self._notices is not None and select.select([self._notices], [], [], 0)[0]:
            self._next_batch()
        page = self._pages.pop(path, None)
        if page is not None:
            return page
        if self._fallback is None:  # every page came, and each is taken once
            raise KeyError(path)
        if self._missing is None:  # rendered here, where an error is raised and reported
            self._missing = dict(self._fallback())
        return self._missing.pop(path)

    def _next_batch(self) -> None:
        """Wait for the child's next batch and read it; at the end, or when the child failed, wrap up."""
        assert self._notices is not None and self._file is not None
        notice = _read_exactly(self._notices, _NOTICE.size)
        if len(notice) < _NOTICE.size:  # the child stopped before the end
            self._end(whole=False)
            return
        offset, length = _NOTICE.unpack(notice)
        if length == 0:
            self._end(whole=self._received == self._expected)
            return
        data = os.pread(self._file, length, offset)
        try:
            batch = [
                (path, (content, Blocks(hidden, searched) if hidden or searched else NO_BLOCKS))
                for path, content, hidden, searched in marshal.loads(data)  # our own child's
            ]
        except (EOFError, ValueError, TypeError):
            self._end(whole=False)
            return
        self._pages.update(batch)
        self._received += len(batch)

    def _end(self, whole: bool) -> None:
        status = 0
        if self._child is not None:
            if not whole:  # it may still be at work, or stuck
                with contextlib.suppress(ProcessLookupError):
                    os.kill(self._child, signal.SIGKILL)
            _, status = os.waitpid(self._child, 0)
            self._child = None
        for fd in (self._file, self._notices):
            if fd is not None:
                os.close(fd)
        self._file = self._notices = None
        if whole and status == 0:
            self._fallback = None  # every page is here: the corpus can go

    def close(self) -> None:
        self._end(whole=False)
        self._pages, self._missing, self._fallback = {}, None, None


def _read_exactly(fd: int, size: int) -> bytes:
    """`size` bytes from a pipe, or fewer if it ends first."""
    data = b""
    while len(data) < size:
        chunk = os.read(fd, size - len(data))
        if not chunk:
            break
        data += chunk
    return data
