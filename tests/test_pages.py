"""Page fragments per page kind, rendered in-process from the sample annotations."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Project

from generator.annotations.model import VERDICTS
from generator.annotations.pipeline import check
from generator.pages.options import SiteOptions
from generator.pages.site import render_pages


@pytest.fixture
def pages(sample: Project) -> dict[str, str]:
    checked = check(sample.seeds, sample.root)
    assert checked.ok, checked.diagnostics
    assert checked.corpus is not None
    return render_pages(checked.corpus)


def test_one_page_per_entity_and_index(pages: dict[str, str]) -> None:
    assert sorted(pages) == [
        "articles/index.md",
        "articles/trump-putin.md",
        "claims/index.md",
        "claims/no-request.md",
        "claims/trump-wants-to-meet.md",
        *sorted(f"claims/verdicts/{verdict}.md" for verdict in VERDICTS),  # one listing each, empty ones too
        "corrections.md",
        "graph.md",
        "index.md",
        "people/dmitry-peskov.md",
        "people/donald-trump.md",
        "people/index.md",
        "reference/format.md",
        "reference/verdicts.md",
        "sources/index.md",
        "sources/reuters.md",
        "sources/tass.md",
        "tags.md",
        "timeline.md",
    ]


def test_article_links_each_claim_span_with_its_verdict(pages: dict[str, str]) -> None:
    page = pages["articles/trump-putin.md"]
    assert (
        '[<span id="claim-trump-wants-to-meet"></span>He wants to meet, and we’re working on it'
        '<span class="explainer-sr" data-search-exclude> (claim, verdict: Accurate quote)</span>](../claims/trump-wants-to-meet.md)'
        '{ .claim .verdict-accurate-quote data-claim="trump-wants-to-meet" }'
    ) in page


def test_article_links_mentions_longest_alias_first(pages: dict[str, str]) -> None:
    page = pages["articles/trump-putin.md"]
    assert '<span id="mention-people-donald-trump-2"></span>[Donald Trump](../people/donald-trump.md){ .mention' in page
    assert "[Trump](../people/donald-trump.md){ .mention" in page
    assert "[Donald](" not in page


def test_article_shows_metadata_and_summary(pages: dict[str, str]) -> None:
    page = pages["articles/trump-putin.md"]
    assert "- **Published:** January 10, 2025" in page
    assert "- **Publisher:** [Reuters](../sources/reuters.md)" in page
    assert '<div class="summary"><p>A <em>short</em> summary.</p></div>' in page


def test_claim_page_has_context_claimant_evidence_and_way_back(pages: dict[str, str]) -> None:
    page = pages["claims/trump-wants-to-meet.md"]
    assert page.startswith("# He wants to meet, and we're working on it\n")
    assert "[❝ Accurate quote](verdicts/accurate-quote.md){ .verdict .verdict-accurate-quote } · Direct quote" in page
    assert (
        "> US President\\-Elect Donald Trump said “<mark>He wants to meet, and we’re working on it</mark>” on Thursday, "
        "according to Reuters\\. Kremlin spokesman Peskov said: “No, there was no request\\.”\n"
    ) in page
    assert "- **Claimant:** [Donald Trump](../people/donald-trump.md), President\\-elect of the United States" in page
    assert "- **Said on:** January 9, 2025" in page
    assert "- **Via:** [Reuters](../sources/reuters.md)" in page
    assert "- **Article:** [Trump to Meet Putin](../articles/trump-putin.md#claim-trump-wants-to-meet)" in page
    assert "- [Trump says Putin wants to meet](https://example.org/report) — [Reuters](../sources/reuters.md)" in page


def test_related_claims_show_on_both_sides(pages: dict[str, str]) -> None:
    assert "- **Disputes:** [He wants to meet, and we're" in pages["claims/no-request.md"].replace("\\", "")
    assert "- **Disputed by:** [No, there was no request" in pages["claims/trump-wants-to-meet.md"].replace("\\", "")


def test_person_page_separates_claims_from_mentions(pages: dict[str, str]) -> None:
    page = pages["people/donald-trump.md"]
    said, mentioned = page.split("## Where they are mentioned")
    assert "## What Donald Trump said" in said
    assert "<li><a href=\"../../claims/trump-wants-to-meet/\">He wants to meet, and we're working on it</a>" in said
    assert (
        '<li><a href="../../articles/trump-putin/#mention-people-donald-trump-3">Trump to Meet Putin</a>: '
        '<span class="explainer-context"><mark>Trump</mark> later repeated it.</span></li>'
    ) in mentioned


def test_source_page_lists_relayed_claims_published_articles_and_citations(pages: dict[str, str]) -> None:
    page = pages["sources/reuters.md"]
    assert "- **Type:** News agency" in page
    relayed = '<div class="explainer-backlinks" data-search-exclude><ul><li><a href="../../claims/trump-wants-to-meet/">He wants to meet'
    relays = "## Claims it relays { #claims-it-relays }\n\n"
    assert f"{relays}### ❝ Accurate quote (1) {{ #claims-accurate-quote data-search-exclude }}\n\n{relayed}" in page
    assert "## Articles it published { #articles-it-published }\n\n- [Trump to Meet Putin](../articles/trump-putin.md)" in page
    assert "## Cited as evidence { #cited-as-evidence }\n\n- [He wants to meet" in page


def test_index_pages_count_claims_and_mentions(pages: dict[str, str]) -> None:
    assert "| [Donald Trump](donald-trump.md) | President\\-elect of the United States | 1 | 3 |" in pages["people/index.md"]
    assert "| [TASS](tass.md) | State media | 0 | 0 | 1 |" in pages["sources/index.md"]
    assert "- [Trump to Meet Putin](trump-putin.md) — January 10, 2025, 2 claims" in pages["articles/index.md"]


def test_claim_without_claimant_is_the_articles_own_assertion(project: Project) -> None:
    project.write("seeds/a.txt", "Aid passed $175 billion.\n")
    project.write(
        "seeds/a.yaml",
        """
        documents:
          - id: a
            text: a.txt
        claims:
          - id: aid
            quote: Aid passed $175 billion.
            kind: assertion
        """,
    )
    checked = check(project.seeds, project.root)
    assert checked.corpus is not None
    page = render_pages(checked.corpus)["claims/aid.md"]
    assert "- **Claimant:** the article itself, in its own voice" in page


def test_text_is_never_interpreted(project: Project) -> None:
    hostile = "# Not a heading\n<b>bold?</b> *star* _under_ [x](javascript:y) {{ jinja }} {: .attr }\n--8<-- \"mkdocs.yml\"\n===\n"
    project.write("seeds/a.txt", hostile)
    project.write("seeds/a.yaml", "documents:\n  - id: a\n    text: a.txt\n    title: T\n")
    checked = check(project.seeds, project.root)
    assert checked.corpus is not None
    page = render_pages(checked.corpus)["articles/a.md"]
    body = page.split('<div class="explainer-text" markdown>')[1]
    assert "\\# Not a heading\n&lt;b&gt;bold?&lt;/b&gt; \\*star\\* \\_under\\_ \\[x\\]\\(javascript:y\\) \\{\\{ jinja \\}\\} \\{: \\.attr \\}" in body
    assert "\\-\\-8&lt;\\-\\- &quot;mkdocs\\.yml&quot;\n&#61;&#61;&#61;" in body
    as_html = render_pages(checked.corpus, SiteOptions(text_as_html=True))["articles/a.md"]  # as the plugin has it
    text = as_html.split('<div class="explainer-text" data-explainer-html>\n')[1].split("\n</div>")[0]
    assert text == (
        "<p># Not a heading\n&lt;b&gt;bold?&lt;/b&gt; *star* _under_ [x](javascript:y) {{ jinja }} {: .attr }\n"
        "--8&lt;-- &quot;mkdocs.yml&quot;\n&#61;&#61;&#61;</p>"
    )


def test_rendering_is_deterministic(sample: Project) -> None:
    first = check(sample.seeds, sample.root)
    second = check(Path(sample.seeds), sample.root)
    assert first.corpus is not None and second.corpus is not None
    assert render_pages(first.corpus) == render_pages(second.corpus)

