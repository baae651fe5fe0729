"""Other engines: the same project builds under ProperDocs (the maintained MkDocs 1.x fork,
which loads our `mkdocs.plugins` entry point), and `build --out docs` feeds Zensical, which
runs no plugins. Zensical lives in its own venv (`make zensical` creates .venv-zensical), so
its dependencies never meet MkDocs'; the test is skipped where it is not installed."""

from __future__ import annotations

import os
import posixpath
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest
from conftest import ROOT, Project

CLAIM_LINK = 'class="claim verdict-accurate-quote" data-claim="trump-wants-to-meet" href="../../claims/trump-wants-to-meet/"'


def zensical() -> str | None:
    for candidate in (os.environ.get("ZENSICAL"), str(ROOT / ".venv-zensical" / "bin" / "zensical"), shutil.which("zensical")):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def broken_links(site: Path) -> list[tuple[str, str]]:
    """Every relative link of every page, resolved from the page's URL: (page, link) of those that reach no file."""
    broken = []
    for page in sorted(site.rglob("*.html")):
        here = page.relative_to(site).as_posix()
        for href in re.findall(r'href="([^"#?]*)', page.read_text(encoding="utf-8")):
            if not href or "://" in href or href.startswith(("/", "mailto:", "data:")):
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(here), unquote(href)))
            if target.startswith("..") or not ((site / target).is_file() or (site / target / "index.html").is_file()):
                broken.append((here, href))
    return broken


def run(project: Project, *command: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(command, cwd=project.root, capture_output=True, text=True, env=env, timeout=300, check=False)


def test_properdocs_builds_the_mkdocs_yml_with_our_plugin(sample: Project) -> None:
    pytest.importorskip("properdocs", reason="ProperDocs is in the test extra: pip install -e '.[test]'")
    result = run(sample, sys.executable, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml", "-d", "site-properdocs")
    assert result.returncode == 0, result.stderr
    site = sample.root / "site-properdocs"
    assert CLAIM_LINK in (site / "articles" / "trump-putin" / "index.html").read_text(encoding="utf-8")
    assert (site / "claims" / "no-request" / "index.html").is_file()
    assert (site / "data.json").is_file() and (site / "articles" / "trump-putin" / "annotations.jsonld").is_file()
    assert broken_links(site) == []


def test_zensical_builds_the_pages_written_by_build_out(sample: Project) -> None:
    exe = zensical()
    if exe is None:
        pytest.skip("Zensical is not installed: run `make zensical` (a separate venv, .venv-zensical)")
    docs = sample.root / "docs"
    sample.write("docs/notes/hand-written.md", "# Notes\n\nKept as written.\n")
    hand_written = {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    result = run(sample, sys.executable, "-m", "generator", "build", "--out", "docs", "-q")
    assert (result.returncode, result.stderr) == (0, "")
    assert {p: p.read_bytes() for p in hand_written} == hand_written  # hand-written pages, home included, untouched
    result = run(sample, exe, "build", "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    site = sample.root / "site"
    assert CLAIM_LINK in (site / "articles" / "trump-putin" / "index.html").read_text(encoding="utf-8")
    assert (site / "people" / "donald-trump" / "index.html").is_file()
    assert (site / "notes" / "hand-written" / "index.html").is_file()
    assert (site / "data.json").is_file() and (site / "articles" / "trump-putin" / "annotations.jsonld").is_file()
    # Zensical rewrites the links in raw HTML as it does Markdown's, from the page's source: the
    # graphs' and listings' links are written that way for it (`SiteOptions.html_links_to_sources`).
    graph = (site / "graph" / "index.html").read_text(encoding="utf-8")
    assert '<a class="g-link" href="../people/donald-trump/"' in graph
    assert broken_links(site) == []
