"""The first search after opening a page, in Chromium: Pagefind (the site's search) beside Material's lunr search.

    .venv/bin/python benchmarks/search.py                      # 1,000 articles, 3 runs each
    .venv/bin/python benchmarks/search.py --articles 50 --repeat 1
    .venv/bin/python benchmarks/search.py --work /tmp/bench    # keeps the two sites for page_budget.py

It writes a synthetic corpus (benchmarks/corpus.py) into a copy of this project and builds
two sites from it with `mkdocs build --strict`: the project as it is (Material's search box,
answered from Pagefind's index by docs/assets/search-worker.js) and the same project
without the `explainer-search` plugin (Material's own lunr search, as before issue 23).

Each site is served from 127.0.0.1 by a small threaded server that gzips text responses, as
static hosts do (Pagefind's own files are compressed already). A headless Chromium
(Debian's, through Playwright) opens a page with a cold cache, and as soon as the page has
loaded, clicks the search box in the header and types a query, a key every `--key-delay` ms.
It prints, for each search:

- from the last keystroke to the first result of the whole query shown, measured in the
  page (`performance.now()` at the last `keyup` and at the DOM change that showed it);
- the bytes moved from opening the page until then: every response's body as sent (gzip)
  plus its headers, from Playwright's network events (the search worker's requests included);
  how many of them the search fetched (its index, worker and chunks).

Each measured run uses a new browser context (empty cache); one unmeasured run first fills
the server's cache of compressed files, so that the server's own gzip time is not counted.
Nothing leaves 127.0.0.1: any request to another host is refused and reported.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import person, write_corpus  # noqa: E402
from scale import ENV, copy_project, machine  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
TEXT_TYPES = (".html", ".js", ".css", ".json", ".svg", ".xml", ".txt", ".map")
TARGET_MS, TARGET_BYTES = 500, 1_000_000


class GzipHandler(SimpleHTTPRequestHandler):
    """Static files, text ones gzip-compressed when the browser accepts it (each compressed once, then kept)."""

    compressed: dict[str, bytes] = {}  # noqa: RUF012 - one cache per server, set by `serve`
    lock = threading.Lock()

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not (path.suffix in TEXT_TYPES and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        key = str(path)
        with self.lock:
            body = self.compressed.get(key)
        if body is None:
            body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
            with self.lock:
                self.compressed[key] = body
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    handler = type("Handler", (GzipHandler,), {"compressed": {}, "lock": threading.Lock()})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def build(project: Path, log: Path) -> float:
    start = time.perf_counter()
    with log.open("wb") as out:
        done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], cwd=project, stdout=out, stderr=subprocess.STDOUT, env=ENV)
    if done.returncode:
        sys.exit(f"build failed in {project}:\n{log.read_text(errors='replace')[-3000:]}")
    return time.perf_counter() - start


def make_sites(articles: int, work: Path, *, material_too: bool = True) -> list[Path]:
    """[site with Pagefind, site with Material's lunr search] of the same corpus, each built if not there yet.

    `material_too`: False for the first alone.
    """
    sites = []
    for name, keep_plugin in (("pagefind", True), ("lunr", False))[: 2 if material_too else 1]:
        project = work / f"{name}-{articles}"
        if not (project / "site" / "index.html").is_file():
            shutil.rmtree(project, ignore_errors=True)
            copy_project(project)
            write_corpus(project / "seeds", articles)
            if not keep_plugin:
                config = project / "mkdocs.yml"
                lines = config.read_text(encoding="utf-8").splitlines()
                config.write_text("\n".join(line for line in lines if line.split(" #")[0].strip() != "- explainer-search") + "\n", encoding="utf-8")
            note(f"building the {name} site ({articles:,} articles)")
            note(f"... built in {build(project, project / 'build.log'):.1f} s")
        sites.append(project / "site")
    return sites[0], sites[1]


# In the page: the time of the last keyup, and of the first DOM change after it that shows a
# result of the whole query (its first result's text has the query's word).
WATCH = """
window.__search = {lastKey: 0, shown: 0};
document.addEventListener("keyup", () => { window.__search.lastKey = performance.now(); window.__search.shown = 0; }, true);
new MutationObserver(() => {
  const s = window.__search, input = document.querySelector("input.md-search__input");
  if (!s.lastKey || s.shown || !input) return;
  const first = document.querySelector(".md-search-result__item");
  const word = input.value.trim().split(/\\s+/).pop().toLowerCase();
  if (first && word && first.textContent.toLowerCase().includes(word)) s.shown = performance.now();
}).observe(document, {subtree: true, childList: true, characterData: true});
"""


@dataclass
class Search:
    ms: float  # from the last keystroke to the results shown
    bytes: int  # moved from opening the page until the results were shown
    requests: int
    search_bytes: int  # of which the search's own (its worker, index, chunks)
    search_requests: int


def is_search(url: str) -> bool:
    path = urlsplit(url).path
    return "/pagefind/" in path or "/search/" in path or "/workers/" in path or path.endswith("search-worker.js")


def one_search(chromium: Any, url: str, query: str, key_delay: int) -> Search:
    context = chromium.new_context(viewport={"width": 1280, "height": 900})  # a new context: an empty cache
    moved: list[tuple[str, int]] = []
    other_hosts: list[str] = []

    def route(handler: Any) -> None:
        if urlsplit(handler.request.url).hostname == "127.0.0.1":
            handler.continue_()
        else:
            other_hosts.append(handler.request.url)
            handler.abort()

    def finished(request: Any) -> None:
        sizes = request.sizes()
        moved.append((request.url, sizes["responseBodySize"] + sizes["responseHeadersSize"]))

    context.route("**/*", route)
    context.add_init_script(WATCH)
    page = context.new_page()
    page.on("requestfinished", finished)
    try:
        page.goto(url, wait_until="load")
        page.locator("input.md-search__input").click()
        page.keyboard.type(query, delay=key_delay)
        page.wait_for_function("window.__search.shown > 0", timeout=60_000, polling=50)
        timing = page.evaluate("window.__search")
        page.wait_for_timeout(200)  # responses finishing as the results show are counted too
        shown_at = len(moved)
    finally:
        context.close()
    if other_hosts:
        sys.exit(f"the page asked another host: {other_hosts[:3]}")
    counted = moved[:shown_at]
    searched = [size for request_url, size in counted if is_search(request_url)]
    return Search(timing["shown"] - timing["lastKey"], sum(size for _, size in counted), len(counted), sum(searched), len(searched))


def measure(site: Path, page: str, query: str, repeat: int, key_delay: int) -> list[Search]:
    from playwright.sync_api import sync_playwright

    with serve(site) as base, sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            one_search(chromium, base + page, query, key_delay)  # fills the server's cache of gzipped files
            return [one_search(chromium, base + page, query, key_delay) for _ in range(repeat)]
        finally:
            chromium.close()


def note(message: str) -> None:
    print(f"... {message}", file=sys.stderr, flush=True)


def row(name: str, runs: list[Search]) -> str:
    ms = statistics.median(r.ms for r in runs)
    moved = statistics.median(r.bytes for r in runs)
    mine = statistics.median(r.search_bytes for r in runs)
    return (
        f"| {name} | {ms:,.0f} ms ({', '.join(f'{r.ms:,.0f}' for r in runs)}) | {moved / 1000:,.1f} kB "
        f"| {mine / 1000:,.1f} kB in {statistics.median(r.search_requests for r in runs):.0f} | "
        f"{statistics.median(r.requests for r in runs):.0f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3, help="measured runs per search; the median is reported")
    parser.add_argument("--query", help="what to type (default: a person's surname that many pages name)")
    parser.add_argument("--page", default="claims/claim-{middle}-0/", help="the page opened, relative to the site")
    parser.add_argument("--key-delay", type=int, default=80, help="ms between keystrokes")
    parser.add_argument("--work", type=Path, help="keep the projects here, and reuse sites built there (default: a temporary folder)")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        sys.exit(f"{CHROMIUM} is missing (scripts/install-chromium)")
    query = args.query or person(7)[2]
    page = args.page.format(middle=args.articles // 2)
    work = args.work or Path(tempfile.mkdtemp(prefix="explainer-search-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        pagefind_site, lunr_site = make_sites(args.articles, work)
        if not (pagefind_site / page.rstrip("/") / "index.html").is_file() and not (pagefind_site / page).is_file():
            sys.exit(f"no page {page} in the site")
        note("searching with Pagefind")
        pagefind = measure(pagefind_site, page, query, args.repeat, args.key_delay)
        note("searching with Material's lunr search")
        lunr = measure(lunr_site, page, query, args.repeat, args.key_delay)
        lunr_index = (lunr_site / "search" / "search_index.json").stat().st_size
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    print(f"Machine: {machine()}; load average now: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{args.articles:,} articles; page opened: /{page}; query typed: {query!r}, a key every {args.key_delay} ms; "
          f"{args.repeat} cold-cache runs each (median, then each run)\n")
    print("| search | last keystroke → results shown | moved from opening the page (gzip) | of which search | requests |")
    print("| --- | ---: | ---: | ---: | ---: |")
    print(row("Pagefind (explainer-search)", pagefind))
    print(row("Material's lunr search", lunr))
    print(f"\nMaterial's search_index.json: {lunr_index / 1e6:.1f} MB uncompressed.")
    ms = statistics.median(r.ms for r in pagefind)
    moved = statistics.median(r.bytes for r in pagefind)
    print(f"Target (issue 23): results within {TARGET_MS} ms of the last keystroke: {'met' if ms <= TARGET_MS else 'NOT met'} "
          f"({ms:,.0f} ms); at most {TARGET_BYTES / 1e6:g} MB moved: {'met' if moved <= TARGET_BYTES else 'NOT met'} ({moved / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
