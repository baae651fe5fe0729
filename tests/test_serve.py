"""`mkdocs serve` while annotating: edits under seeds/ rebuild, once, with no stale page."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest
from conftest import Project


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0


def wait_for(condition, what: str, limit: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + limit  # a bound on waiting, not a performance assertion
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"gave up waiting for {what}")


@pytest.fixture
def served(sample: Project) -> Iterator[tuple[Project, str, subprocess.Popen[str]]]:
    port = free_port()
    log = open(sample.root / "serve.log", "w+", encoding="utf-8")  # noqa: SIM115
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=sample.root,
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for(lambda: status(base + "people/dmitry-peskov/") == 200, "the first build")
        yield sample, base, process
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def builds(project: Project) -> int:
    return (project.root / "serve.log").read_text(encoding="utf-8").count("Building documentation")


def test_renamed_id_moves_the_page_and_leaves_no_stale_one(served: tuple[Project, str, subprocess.Popen[str]]) -> None:
    project, base, _ = served
    yaml_file = project.seeds / "article.yaml"
    yaml_file.write_text(yaml_file.read_text(encoding="utf-8").replace("dmitry-peskov", "dmitri-peskov"), encoding="utf-8")
    wait_for(lambda: status(base + "people/dmitri-peskov/") == 200, "the renamed page")
    assert status(base + "people/dmitry-peskov/") == 404
    assert not (project.root / "docs" / "people").exists()
    # No rebuild loop: once the edit is built, nothing triggers another build.
    settled = builds(project)
    time.sleep(3)
    assert builds(project) == settled


def test_a_broken_edit_keeps_serving_the_last_good_site(served: tuple[Project, str, subprocess.Popen[str]]) -> None:
    project, base, process = served
    yaml_file = project.seeds / "article.yaml"
    good = yaml_file.read_text(encoding="utf-8")
    yaml_file.write_text(good.replace("claimant: dmitry-peskov", "claimant: nobody"), encoding="utf-8")
    wait_for(lambda: "error[unknown-ref]" in (project.root / "serve.log").read_text(encoding="utf-8"), "the error")
    assert process.poll() is None  # MkDocs holds page requests until a build succeeds again
    yaml_file.write_text(good.replace("Kremlin spokesman", "Kremlin press secretary"), encoding="utf-8")

    def fixed() -> bool:
        try:
            with urllib.request.urlopen(base + "people/dmitry-peskov/", timeout=5) as response:
                return "Kremlin press secretary" in response.read().decode("utf-8")
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return False

    wait_for(fixed, "the fixed page")
