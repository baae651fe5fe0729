"""A built site served from 127.0.0.1 and opened in Debian's Chromium, with every request
the page makes recorded; requests to any other host are recorded and refused, never sent."""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """`folder` over HTTP on a free port; yields the base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@dataclass
class Visit:
    final_url: str
    requests: list[str] = field(default_factory=list)

    def third_party(self) -> list[str]:
        return [url for url in self.requests if urlsplit(url).hostname not in ("127.0.0.1", None)]


def require_chromium() -> None:
    """Skip a browser test where Debian's chromium is missing; under CI (CI=true) fail instead:
    `make test` installs it, so a missing browser there is a broken setup, not a choice."""
    import pytest

    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing; `make test` installs it (scripts/install-chromium)")
        pytest.skip(f"{CHROMIUM} is missing; `make test` installs it")


@contextmanager
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def visit(chromium: Any, url: str, *, wait_for_url: str | None = None) -> Visit:
    """Open `url`, wait for the page (and an expected navigation), then list what it asked for."""
    context = chromium.new_context()
    page = context.new_page()
    seen = Visit(final_url="")

    def route(request_route: Any) -> None:
        request_url = request_route.request.url
        seen.requests.append(request_url)
        if urlsplit(request_url).hostname == "127.0.0.1":
            request_route.continue_()
        else:
            request_route.abort()

    page.route("**/*", route)
    try:
        page.goto(url, wait_until="load")
        if wait_for_url is not None:
            page.wait_for_url(wait_for_url, timeout=10_000)
            page.wait_for_load_state("load")
        # Scripts may ask for more after `load` (Material fetches repository facts then).
        page.wait_for_load_state("networkidle")
        seen.final_url = page.url
    finally:
        context.close()
    return seen
