"""Shared helpers: a temporary copy of the project with its own seeds, built for real."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.annotations.corpus import Corpus

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@dataclass
class Project:
    """A copy of mkdocs.yml, overrides/ and docs/ with an empty `seeds/`."""

    root: Path

    @property
    def seeds(self) -> Path:
        return self.root / "seeds"

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        return subprocess.run(
            [sys.executable, *args], cwd=self.root, capture_output=True, text=True, env=env, timeout=300, check=False
        )

    def check(self, *extra: str) -> subprocess.CompletedProcess[str]:
        return self.run("-m", "generator", "check", *extra)

    def build(self) -> subprocess.CompletedProcess[str]:
        return self.run("-m", "mkdocs", "build", "--strict")

    def html(self, url_path: str) -> str:
        """The built page at a site URL such as `claims/x/`."""
        return (self.root / "site" / url_path / "index.html").read_text(encoding="utf-8")


def in_language(config: str, language: str) -> str:
    """mkdocs.yml's text with Material's `theme.language` set: the site's language."""
    assert "  name: material\n" in config and "  language:" not in config
    return config.replace("  name: material\n", f"  name: material\n  language: {language}\n", 1)


def make_project(root: Path) -> Project:
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", root / "overrides")
    shutil.copytree(ROOT / "docs", root / "docs")
    # The real home page links the seed article's claims; test projects have their own seeds.
    (root / "docs" / "index.md").write_text("# Explainers\n\n- [Articles](articles/index.md)\n", encoding="utf-8")
    (root / "seeds").mkdir()
    return Project(root)


def built_project(
    root: Path, text: str, annotations: str, *, site_url: str = "", configure: Callable[[str], str] | None = None
) -> Project:
    """A project with one article and its annotations, built with `mkdocs build --strict`.

    `configure` rewrites the project's mkdocs.yml text first (`site_url` is added after it).
    """
    project = make_project(root)
    config = (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    if configure is not None:
        config = configure(config)
    if site_url:
        config = f"site_url: {site_url}\n" + config
    project.write("mkdocs.yml", config)
    project.write("seeds/article.txt", text)
    project.write("seeds/article.yaml", annotations)
    result = project.build()
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return make_project(tmp_path / "project")


# A small, complete annotation set used by several tests.
SAMPLE_TEXT = """\
Trump to Meet Putin

US President-Elect Donald Trump said “He wants to meet, and we’re working on it” on Thursday, according to Reuters.
Kremlin spokesman Peskov said: “No, there was no request.”

Trump later repeated it. Reuters and TASS reported both statements.
"""

SAMPLE_YAML = """\
documents:
  - id: trump-putin
    text: article.txt
    published: 2025-01-10
    publisher: reuters
    summary: A *short* summary.
people:
  - id: donald-trump
    name: Donald Trump
    aliases: [Trump, Donald Trump]
    role: President-elect of the United States
  - id: dmitry-peskov
    name: Dmitry Peskov
    aliases: [Peskov]
    role: Kremlin spokesman
sources:
  - id: reuters
    name: Reuters
    type: news-agency
    aliases: [Reuters]
  - id: tass
    name: TASS
    type: state-media
    aliases: [TASS]
claims:
  - id: trump-wants-to-meet
    quote: "He wants to meet, and we're working on it"
    kind: direct-quote
    claimant: donald-trump
    said_on: 2025-01-09
    via: [reuters]
    verdict: accurate-quote
    explanation: Reported by *Reuters* the same day.
    evidence:
      - url: https://example.org/report
        source: reuters
        title: Trump says Putin wants to meet
  - id: no-request
    quote: "No, there was no request."
    kind: direct-quote
    claimant: dmitry-peskov
    related:
      - claim: trump-wants-to-meet
        relation: disputes
"""


@pytest.fixture
def sample(project: Project) -> Project:
    project.write("seeds/article.txt", SAMPLE_TEXT)
    project.write("seeds/article.yaml", SAMPLE_YAML)
    return project


def checked_corpus(project: Project, text: str = SAMPLE_TEXT, yaml: str = SAMPLE_YAML) -> Corpus:
    """The corpus of one article (`seeds/article.txt`) and its annotations, which must pass `check`."""
    from generator.annotations.pipeline import check

    project.write("seeds/article.txt", text)
    project.write("seeds/article.yaml", yaml)
    checked = check(project.seeds, project.root)
    assert checked.ok, checked.diagnostics
    assert checked.corpus is not None
    return checked.corpus


def synthetic_corpus(folder: Path, articles: int) -> Corpus:
    """The benchmark's synthetic corpus (benchmarks/corpus.py) of `articles` articles, checked."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from corpus import write_corpus

    from generator.annotations.pipeline import check

    write_corpus(folder / "seeds", articles)
    checked = check(folder / "seeds", folder)
    assert checked.corpus is not None
    return checked.corpus
