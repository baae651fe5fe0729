"""The site's search index, made by Pagefind from the built pages: once a build, or in the background under `serve`.

Material's own search needed its whole lunr index (16 MB at 1,000 articles) fetched and
built again on every page view (issue 23). Pagefind's index is chunked: a search fetches
the chunks that hold its words, then a small fragment for each result shown. The binary
comes in the `pagefind-bin` wheel from PyPI, so nothing is downloaded at build time, and the
JavaScript it writes beside the index is always the index's own version.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import threading
import time
from pathlib import Path

from .stable_index import stabilise

log = logging.getLogger("mkdocs.plugins.explainer")

FOLDER = "pagefind"  # in the site: docs/assets/search-worker.js loads `../pagefind/pagefind.js`
# Each page's text is Material's article: not the navigation, header or footer that every page repeats.
ROOT_SELECTOR = "article.md-content__inner"
# What Material's search left out stays out: the generator's blocks marked `data-search-exclude`
# (drawings, and the listing lines whose claims have pages of their own) and the headings' "¶".
EXCLUDED = "[data-search-exclude], .headerlink"


class SearchIndexError(Exception):
    """Pagefind could not index the site; the message says why, in Pagefind's words."""


def executable() -> Path:
    """Pagefind's binary, as the `pagefind-bin` wheel installs it beside its module."""
    import pagefind_bin  # type: ignore[import-untyped]  # no type information; only its folder is used

    folder = Path(pagefind_bin.__file__).parent
    for name in ("pagefind_extended", "pagefind", "pagefind_extended.exe", "pagefind.exe"):
        if (folder / name).is_file():
            return folder / name
    raise SearchIndexError(f"no Pagefind binary in {folder}; reinstall `pagefind-bin` (`make setup`)")


def command(site_dir: Path, output: Path) -> list[str]:
    return [
        str(executable()),
        "--site", str(site_dir),
        "--output-path", str(output),
        "--root-selector", ROOT_SELECTOR,
        "--exclude-selectors", EXCLUDED,
        "--silent",
    ]  # fmt: skip


def index_site(site_dir: Path, output: Path | None = None, *, nice: bool = False, running: list[subprocess.Popen[str]] | None = None) -> None:
    """Index every page of `site_dir` into `output` (the site's own `pagefind/` folder by default).

    `nice`: at a lower priority, so that the work a reader waits for (a `serve` rebuild) goes
    first. `running`: where the Pagefind process is kept while it runs, for one who may end it.
    """
    output = output if output is not None else site_dir / FOLDER
    cmd = command(site_dir, output)
    if nice and os.name == "posix" and shutil.which("nice"):
        cmd = ["nice", "-n", "10", *cmd]
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace") as process:
        if running is not None:
            running.append(process)
        said, _ = process.communicate()
        if running is not None:
            running.remove(process)
    if process.returncode != 0:
        lines = (said.strip() or f"exit status {process.returncode}").splitlines()[-20:]
        raise SearchIndexError("Pagefind could not index the site:\n" + "\n".join(lines))
    stabilise(output)


def _remove(folder: Path) -> None:
    """Deletes a folder of some 10,000 files without holding the interpreter: `serve` goes on rendering meanwhile."""
    if os.name == "posix" and shutil.which("rm") and shutil.which("nice"):
        subprocess.run(["nice", "-n", "10", "rm", "-rf", "--", str(folder)], check=False)
    else:
        shutil.rmtree(folder, ignore_errors=True)


KEPT = ".explainer-search"  # in the site folder: MkDocs' clean step leaves hidden entries, `serve` removes the folder at the end


QUIET = 2.0  # seconds without a build before the index is made again


class BackgroundIndex:
    """The index under `mkdocs serve`: made again once the builds pause, on a thread, never waited for.

    At 1,000 articles Pagefind takes longer to index the site than a `--dirty` rebuild takes
    to make the pages an edit changed, and run beside a rebuild it slowed the rebuild down
    (benchmarks/RESULTS.md). So the reader's pages come first: the index is made again once
    no build has run for `QUIET` seconds, a build that starts meanwhile ends the Pagefind run
    under way (it starts again after that build), and search answers from the previous index
    until the new one is swapped in. Pagefind writes into a hidden folder of the site folder,
    which MkDocs' clean step leaves alone, and every move is a rename: copying the index's
    10,000 files on a thread of the server held up its rebuilds too. A rebuild without
    `--dirty` empties the site folder, so the index served is put aside before it
    (`before_build`) and back after it (`after_build`).
    """

    def __init__(self, quiet: float = QUIET) -> None:
        self.quiet = quiet
        self._lock = threading.Lock()
        self._wanted: Path | None = None  # a site folder built since the last index began
        self._sites: set[Path] = set()  # every site folder indexed, for `close`
        self._thread: threading.Thread | None = None
        self._running: list[subprocess.Popen[str]] = []
        self._building = False
        self._last_build = 0.0  # time.monotonic() at the end of the last build
        self._closed = False
        self.indexes_made = 0  # swapped in so far
        self.made = threading.Event()  # set each time an index is swapped in (tests wait on it)

    def before_build(self, site_dir: Path, *, cleans: bool) -> None:
        """A build starts: the Pagefind run under way ends; `cleans`: the build empties the site folder first."""
        with self._lock:
            self._building = True
            for process in list(self._running):
                process.terminate()
            served, aside = site_dir / FOLDER, site_dir / KEPT / "aside"
            if cleans and served.is_dir():
                if aside.exists():
                    _remove(aside)
                aside.parent.mkdir(exist_ok=True)
                served.rename(aside)

    def after_build(self, site_dir: Path) -> None:
        with self._lock:
            aside = site_dir / KEPT / "aside"
            if aside.is_dir() and not (site_dir / FOLDER).exists():
                aside.rename(site_dir / FOLDER)
            self._building = False
            self._last_build = time.monotonic()
            self._wanted = site_dir
            self._sites.add(site_dir)
            if self._thread is None:
                self._thread = threading.Thread(target=self._work, name="explainer-search-index", daemon=True)
                self._thread.start()

    def _next(self) -> Path | None:
        """The site folder to index once the builds have paused; None: nothing to do."""
        while True:
            with self._lock:
                if self._wanted is None or self._closed:
                    self._thread = None
                    return None
                wait = self._last_build + self.quiet - time.monotonic()
                if not self._building and wait <= 0:
                    site_dir, self._wanted = self._wanted, None
                    return site_dir
            time.sleep(max(wait, 0.1))

    def _work(self) -> None:
        while (site_dir := self._next()) is not None:
            made = site_dir / KEPT / "made"
            if made.exists():
                _remove(made)
            try:
                index_site(site_dir, made, nice=True, running=self._running)
                with self._lock:
                    if self._closed or self._wanted is not None:  # a build came: its pages are indexed next
                        continue
                    self.indexes_made += 1
                    served, old = site_dir / FOLDER, site_dir / KEPT / f"old-{self.indexes_made}"
                    if served.exists():
                        served.rename(old)
                    made.rename(served)
                if old.exists():
                    _remove(old)
            except (SearchIndexError, OSError) as error:
                with self._lock:  # ended by a build that started, or failed: the next build tries again
                    if not self._closed and self._wanted is None and not self._building:
                        log.warning(f"explainer-search: the search index was not updated: {error}")
                continue
            self.made.set()

    def wait(self, timeout: float) -> bool:
        """Whether every build so far has been indexed (or failed to be) within `timeout` seconds."""
        with self._lock:
            thread = self._thread
        if thread is not None:
            thread.join(timeout)
        with self._lock:
            return self._thread is None

    def close(self) -> None:
        """Ends the Pagefind run under way, if any, and removes what it kept in the site folder."""
        with self._lock:
            self._closed, self._wanted = True, None
            thread = self._thread
            for process in list(self._running):
                process.terminate()
        if thread is not None:
            thread.join()
        for site_dir in self._sites:
            _remove(site_dir / KEPT)
