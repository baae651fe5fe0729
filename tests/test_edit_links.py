"""Every generated page links to the YAML line behind it, when the repository is known;
and naming the repository makes the site ask no third party for anything."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import SAMPLE_TEXT, SAMPLE_YAML, Project, built_project, make_project
from local_site import browser, serve, visit

from generator.annotations.corpus import Corpus
from generator.annotations.pipeline import check
from generator.pages.edit_links import edit_links, entry_lines, file_line_url
from generator.pages.options import SiteOptions
from generator.pages.site import render_pages

REPO = "https://github.com/example/explainers"


def line_of(text: str, needle: str) -> int:
    return text.splitlines().index(needle) + 1


@pytest.mark.parametrize(
    ("repo_url", "branch", "expected"),
    [
        (REPO, "main", f"{REPO}/blob/main/seeds/a.yaml#L7"),
        (REPO + "/", "main", f"{REPO}/blob/main/seeds/a.yaml#L7"),
        (REPO + ".git", "main", f"{REPO}/blob/main/seeds/a.yaml#L7"),
        (REPO, "release/2025", f"{REPO}/blob/release/2025/seeds/a.yaml#L7"),
        ("https://gitlab.com/desk/explainers", "main", "https://gitlab.com/desk/explainers/-/blob/main/seeds/a.yaml#L7"),
        ("https://gitlab.example.org/desk/x", "main", "https://gitlab.example.org/desk/x/-/blob/main/seeds/a.yaml#L7"),
        ("https://codeberg.org/desk/x", "main", "https://codeberg.org/desk/x/src/branch/main/seeds/a.yaml#L7"),
        ("https://bitbucket.org/desk/x", "main", "https://bitbucket.org/desk/x/src/main/seeds/a.yaml#lines-7"),
        # A host whose URL scheme we do not know gets no link rather than a guess.
        ("https://git.example.org/desk/x", "main", None),
        ("git@github.com:example/explainers.git", "main", None),
        ("javascript:alert(1)//github.com", "main", None),
    ],
)
def test_file_line_url(repo_url: str, branch: str, expected: str | None) -> None:
    assert file_line_url(repo_url, branch, "seeds/a.yaml", 7) == expected


def test_file_line_url_escapes_and_stays_inside_the_repository() -> None:
    assert file_line_url(REPO, "main", "seeds/a b (1).yaml", 2) == f"{REPO}/blob/main/seeds/a%20b%20%281%29.yaml#L2"
    assert file_line_url(REPO, "main", "../elsewhere/a.yaml", 2) is None


@pytest.fixture(scope="module")
def corpus_and_lines(tmp_path_factory: pytest.TempPathFactory) -> tuple[Corpus, dict[str, tuple[str, int]]]:
    root = tmp_path_factory.mktemp("lines")
    (root / "seeds").mkdir()
    (root / "seeds" / "article.txt").write_text(SAMPLE_TEXT, encoding="utf-8")
    (root / "seeds" / "article.yaml").write_text(SAMPLE_YAML, encoding="utf-8")
    corpus = check(root / "seeds", root).corpus
    assert corpus is not None
    return corpus, entry_lines(corpus)


def test_each_entry_is_found_at_its_first_line(corpus_and_lines: tuple[Corpus, dict[str, tuple[str, int]]]) -> None:
    _, lines = corpus_and_lines
    expected = {
        "articles/trump-putin.md": "  - id: trump-putin",
        "people/donald-trump.md": "  - id: donald-trump",
        "people/dmitry-peskov.md": "  - id: dmitry-peskov",
        "sources/reuters.md": "  - id: reuters",
        "sources/tass.md": "  - id: tass",
        "claims/trump-wants-to-meet.md": "  - id: trump-wants-to-meet",
        "claims/no-request.md": "  - id: no-request",
    }
    assert lines == {page: ("seeds/article.yaml", line_of(SAMPLE_YAML, needle)) for page, needle in expected.items()}


def test_no_repository_no_link(corpus_and_lines: tuple[Corpus, dict[str, tuple[str, int]]]) -> None:
    corpus, _ = corpus_and_lines
    assert edit_links(corpus, None, "main") == {}
    pages = render_pages(corpus, SiteOptions())
    assert not [p for p, text in pages.items() if "Edit this annotation" in text]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Project:
    def configure(config: str) -> str:
        # Material's own edit button on, to see where it points for generated pages.
        config = config.replace("  features:\n", "  features:\n    - content.action.edit\n")
        return f"repo_url: {REPO}\nedit_uri: edit/main/docs/\n" + config

    return built_project(tmp_path_factory.mktemp("edit-links") / "project", SAMPLE_TEXT, SAMPLE_YAML, configure=configure)


def test_generated_pages_link_to_their_yaml_line(built: Project) -> None:
    line = line_of(SAMPLE_YAML, "  - id: dmitry-peskov")
    html = built.html("people/dmitry-peskov")
    url = f"{REPO}/blob/main/seeds/article.yaml#L{line}"
    assert f'<a class="explainer-edit" href="{url}">Edit this annotation: seeds/article.yaml, line {line}</a>' in html
    # Material's "edit this page" button goes to the same line, not to a docs/ file that does not exist.
    assert re.findall(r'<a href="([^"]+)" title="Edit this page"', html) == [url]


def test_every_entity_page_has_one_link_and_other_pages_none(built: Project) -> None:
    for page in ("articles/trump-putin", "people/donald-trump", "sources/reuters", "sources/tass", "claims/no-request"):
        assert built.html(page).count('class="explainer-edit"') == 1, page
    for page in ("people", "claims", "reference/verdicts", "methodology"):
        assert 'class="explainer-edit"' not in built.html(page), page


def test_hand_written_pages_keep_materials_edit_button(built: Project) -> None:
    html = built.html("methodology")
    assert re.findall(r'<a href="([^"]+)" title="Edit this page"', html) == [f"{REPO}/edit/main/docs/methodology.md"]


def test_the_repository_link_fetches_nothing(built: Project) -> None:
    html = built.html("people/donald-trump")
    assert f'<a href="{REPO}" title="Go to repository" class="md-source"' in html
    assert 'data-md-component="source"' not in html


@pytest.mark.browser
def test_no_request_leaves_the_site_and_materials_own_partial_would(built: Project, tmp_path: Path) -> None:
    # Control: the same site with Material's own partial asks api.github.com (refused here).
    plain = make_project(tmp_path / "plain")
    (plain.root / "overrides" / "partials" / "source.html").unlink()
    plain.write("mkdocs.yml", (built.root / "mkdocs.yml").read_text(encoding="utf-8"))
    plain.write("seeds/article.txt", SAMPLE_TEXT)
    plain.write("seeds/article.yaml", SAMPLE_YAML)
    assert plain.build().returncode == 0
    with browser() as chromium:
        with serve(built.root / "site") as base:
            ours = visit(chromium, base + "claims/trump-wants-to-meet/")
        with serve(plain.root / "site") as base:
            theirs = visit(chromium, base + "claims/trump-wants-to-meet/")
    assert ours.requests and ours.third_party() == []
    assert [url for url in theirs.third_party() if url.startswith("https://api.github.com/repos/example/explainers")]
