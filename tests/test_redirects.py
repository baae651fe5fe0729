"""`former_ids`: the old address of a renamed entry lands on its new page."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SAMPLE_TEXT, SAMPLE_YAML, Project, built_project
from local_site import browser, serve, visit
from pagefind_fragments import indexed_pages

from generator.annotations.corpus import Corpus
from generator.annotations.pipeline import check
from generator.pages.redirects import Redirect, redirect_files, redirect_html

YAML = (
    SAMPLE_YAML.replace("  - id: donald-trump\n", "  - id: donald-trump\n    former_ids: [trump, d-trump]\n")
    .replace("  - id: reuters\n", "  - id: reuters\n    former_ids: [reuters-agency]\n")
    .replace("  - id: trump-putin\n", "  - id: trump-putin\n    former_ids: [trump-putin-2025]\n")
    .replace("  - id: no-request\n", "  - id: no-request\n    former_ids: [peskov-no-request]\n")
)

EXPECTED_TRUMP = """\
<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<title>Moved: Donald Trump</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="https://example.org/site/people/donald-trump/">
<meta http-equiv="refresh" content="0; url=../donald-trump/">
</head>
<body>
<p>This page has moved to <a href="../donald-trump/">Donald Trump</a>.</p>
</body>
</html>
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return built_project(tmp_path_factory.mktemp("redirects") / "project", SAMPLE_TEXT, YAML, site_url="https://example.org/site/")


def test_each_former_id_gets_a_redirect_page(built: Project) -> None:
    site = built.root / "site"
    assert (site / "people/trump/index.html").read_text(encoding="utf-8") == EXPECTED_TRUMP
    for old, new in [
        ("people/d-trump", "../donald-trump/"),
        ("sources/reuters-agency", "../reuters/"),
        ("articles/trump-putin-2025", "../trump-putin/"),
        ("claims/peskov-no-request", "../no-request/"),
    ]:
        html = (site / old / "index.html").read_text(encoding="utf-8")
        assert f'<meta http-equiv="refresh" content="0; url={new}">' in html, old
        assert (site / old / new / "index.html").resolve().is_file(), old


def test_redirects_are_not_pages_of_the_site(built: Project) -> None:
    site = built.root / "site"
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    search = indexed_pages(site)
    assert "/people/donald-trump/" in search
    for old in ("people/trump/", "claims/peskov-no-request/"):
        assert old not in sitemap and "/" + old not in search


@pytest.mark.browser
def test_the_old_address_lands_on_the_new_page(built: Project) -> None:
    with browser() as chromium, serve(built.root / "site") as base:
        seen = visit(chromium, base + "people/trump/", wait_for_url=base + "people/donald-trump/")
    assert seen.final_url == base + "people/donald-trump/"
    assert seen.third_party() == []


def test_names_are_escaped_and_plain_urls_work() -> None:
    html = redirect_html(Redirect("claims/old.md", "claims/new.md", '<script>alert("x")</script> & co'), directory_urls=False)
    assert "<title>Moved: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co</title>" in html
    assert '<meta http-equiv="refresh" content="0; url=new.html">' in html
    assert '<link rel="canonical" href="new.html">' in html  # no site_url: no made-up address
    assert "<script" not in html


@pytest.fixture
def corpus(tmp_path: Path) -> Corpus:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "article.txt").write_text(SAMPLE_TEXT, encoding="utf-8")
    (tmp_path / "seeds" / "article.yaml").write_text(YAML, encoding="utf-8")
    checked = check(tmp_path / "seeds", tmp_path)
    assert checked.corpus is not None
    return checked.corpus


def test_redirect_files_without_directory_urls(corpus: Corpus) -> None:
    files = redirect_files(corpus, directory_urls=False)
    assert sorted(files) == [
        "articles/trump-putin-2025.html", "claims/peskov-no-request.html", "people/d-trump.html",
        "people/trump.html", "sources/reuters-agency.html",
    ]
    assert '<a href="donald-trump.html">Donald Trump</a>' in files["people/trump.html"]


def test_build_out_writes_markdown_stubs(sample: Project) -> None:
    sample.write("seeds/article.yaml", YAML)
    out = sample.root / "out"
    result = sample.run("-m", "generator", "build", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert (out / "people/trump.md").read_text(encoding="utf-8") == (
        "# Moved: Donald Trump\n\nThis page has moved to [Donald Trump](donald-trump.md).\n"
    )


def test_a_hand_written_page_at_a_former_address_stops_the_build(sample: Project) -> None:
    sample.write("seeds/article.yaml", YAML)
    sample.write("docs/people/trump.md", "# Trump\n")
    result = sample.build()
    assert result.returncode == 1
    expected = "people/trump/index.html: error[page-collision]: a hand-written page is where a former id's redirect belongs"
    assert expected in result.stderr
