"""Two builds of the same inputs give byte-identical output.

Each build is a separate process with its own PYTHONHASHSEED, so an order that depends on
set or dict hashing (it varies between processes) shows up as a difference.

The only part of a site that depends on when it was built is MkDocs' sitemap (listed when
`site_url` is set, as it is for a published site): each page's
`<lastmod>` in `sitemap.xml` is the build date, and `sitemap.xml.gz` carries the same date
as its gzip timestamp. MkDocs takes that date from SOURCE_DATE_EPOCH when it is set
(reproducible-builds.org's convention), so with it set every file, the sitemap included,
is compared; a build with another SOURCE_DATE_EPOCH shows that nothing else moves.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SAMPLE_TEXT, SAMPLE_YAML, Project, make_project

EPOCH = "1700000000"  # 2023-11-14
LATER_EPOCH = "1800000000"  # 2027-01-15


def run(project: Project, args: list[str], *, hash_seed: str, epoch: str) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": hash_seed, "SOURCE_DATE_EPOCH": epoch}
    result = subprocess.run(
        [sys.executable, *args], cwd=project.root, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = make_project(tmp_path_factory.mktemp("determinism") / "project")
    # With a site URL, as a published site has: MkDocs then lists every page in the sitemap.
    config = project.root / "mkdocs.yml"
    config.write_text("site_url: https://explainers.example.org/\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    project.write("seeds/article.txt", SAMPLE_TEXT)
    project.write("seeds/article.yaml", SAMPLE_YAML)
    return project


@pytest.fixture(scope="module")
def sites(project: Project) -> dict[str, dict[str, bytes]]:
    builds = {"first": ("1", EPOCH), "second": ("2", EPOCH), "later": ("3", LATER_EPOCH)}
    for name, (seed, epoch) in builds.items():
        run(project, ["-m", "mkdocs", "build", "--strict", "--site-dir", f"../site-{name}"], hash_seed=seed, epoch=epoch)
    return {name: tree(project.root.parent / f"site-{name}") for name in builds}


def test_two_builds_give_identical_sites(sites: dict[str, dict[str, bytes]]) -> None:
    first, second = sites["first"], sites["second"]
    assert sorted(first) == sorted(second)
    assert "claims/trump-wants-to-meet/index.html" in first and "search/search_index.json" in first
    assert [path for path in first if first[path] != second[path]] == []


def test_only_the_sitemap_dates_depend_on_the_build_date(sites: dict[str, dict[str, bytes]]) -> None:
    first, later = sites["first"], sites["later"]
    assert sorted(path for path in first if first[path] != later[path]) == ["sitemap.xml", "sitemap.xml.gz"]
    lines = zip(first["sitemap.xml"].decode().splitlines(), later["sitemap.xml"].decode().splitlines(), strict=True)
    changed = [(a.strip(), b.strip()) for a, b in lines if a != b]
    assert changed and all(a == "<lastmod>2023-11-14</lastmod>" and b == "<lastmod>2027-01-15</lastmod>" for a, b in changed)


def test_two_markdown_builds_are_identical(project: Project) -> None:
    for seed, out in (("1", "md-first"), ("2", "md-second")):
        run(project, ["-m", "generator", "build", "-q", "--out", f"../{out}"], hash_seed=seed, epoch=EPOCH)
    first, second = tree(project.root.parent / "md-first"), tree(project.root.parent / "md-second")
    assert len(first) > 10 and first == second


# `mkdocs build` with the entity pages and export files made in this process, as where a
# process cannot be forked (generator/engines/parallel.py), instead of by the forked child.
WITHOUT_FORK = (
    "import sys, generator.engines.mkdocs_plugin as plugin; plugin.can_fork = lambda: False; "
    "from mkdocs.__main__ import cli; cli(sys.argv[1:])"
)


def test_a_site_is_the_same_whether_a_child_process_renders_the_pages_or_not(
    project: Project, sites: dict[str, dict[str, bytes]]
) -> None:
    run(project, ["-c", WITHOUT_FORK, "build", "--strict", "--site-dir", "../site-unforked"], hash_seed="4", epoch=EPOCH)
    unforked, first = tree(project.root.parent / "site-unforked"), sites["first"]
    assert sorted(unforked) == sorted(first)
    assert "data.json" in first and "articles/trump-putin/annotations.jsonld" in first
    assert [path for path in first if first[path] != unforked[path]] == []
