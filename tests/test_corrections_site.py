"""Review dates and corrections on the site (format 1.1): the claim page, the article page, the
corrections page, ClaimReview's dates, and the Atom and JSON feeds announced in every page's head."""

from __future__ import annotations

import json
import re
from pathlib import Path

import feedparser
import pytest
from conftest import SAMPLE_TEXT, SAMPLE_YAML, Project, built_project

REVIEWED = """\
    verdict: accurate-quote
    reviewed_on: 2025-01-12
    corrections:
      - date: 2025-01-20
        previous_verdict: unsupported
        note: The first version missed the *Reuters* report.
      - date: 2025-02-03
        note: A date in the explanation was wrong.
"""
SECOND = """\
    claimant: dmitry-peskov
    reviewed_on: 2025-01-15
    corrections:
      - date: 2025-01-25
        note: Spelling of a name.
"""


def reviewed_yaml() -> str:
    assert "    verdict: accurate-quote\n" in SAMPLE_YAML and "    claimant: dmitry-peskov\n" in SAMPLE_YAML
    return SAMPLE_YAML.replace("    verdict: accurate-quote\n", REVIEWED).replace("    claimant: dmitry-peskov\n", SECOND)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return built_project(tmp_path_factory.mktemp("corrections") / "p", SAMPLE_TEXT, reviewed_yaml(), site_url="https://example.org/fc/")


def text_of(html: str) -> str:
    """The page's article text, tags removed and white space folded."""
    article = html[html.index("<article") : html.index("</article>")]
    return " ".join(re.sub(r"<[^>]+>", "", article).split())


def test_a_claim_page_says_when_it_was_reviewed_and_lists_its_corrections_newest_first(site: Project) -> None:
    html = site.html("claims/trump-wants-to-meet")
    text = text_of(html)
    assert "Reviewed on: January 12, 2025" in text
    assert "Corrected: 2 corrections, the latest on February 3, 2025" in text
    newer, older = text.index("February 3, 2025: A date"), text.index("January 20, 2025 · previous verdict")
    assert newer < older
    assert '<span id="correction-1"></span><strong>January 20, 2025</strong>' in html
    assert '<span id="correction-2"></span><strong>February 3, 2025</strong>' in html
    assert "The first version missed the <em>Reuters</em> report&#46;" in html  # light Markdown, as every note


def test_the_article_page_marks_corrected_claims(site: Project) -> None:
    html = site.html("articles/trump-putin")
    assert html.count('class="explainer-corrected"') == 2  # both claims have corrections
    assert '<a class="explainer-corrected" href="../../claims/trump-wants-to-meet/#corrections">corrected</a>' in html
    assert "(claim, verdict: Accurate quote, corrected)" in html


def test_the_corrections_page_lists_every_correction_newest_first_with_links(site: Project) -> None:
    html = site.html("corrections")
    text = text_of(html)
    dates = re.findall(r"((?:January|February) \d+, 2025) ·", text)
    assert dates == ["February 3, 2025", "January 25, 2025", "January 20, 2025"]
    assert 'href="../claims/trump-wants-to-meet/#correction-2"' in html
    assert 'href="../claims/no-request/#correction-1"' in html
    assert "(previously" in text and "Unsupported" in text


def test_claimreview_dates_come_from_the_review_and_the_latest_correction(site: Project) -> None:
    html = site.html("claims/trump-wants-to-meet")
    review = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))  # type: ignore[union-attr]
    assert review["datePublished"] == "2025-01-12"
    assert review["dateModified"] == "2025-02-03"


def test_the_atom_feed_is_valid_and_newest_first_with_absolute_addresses(site: Project) -> None:
    feed = feedparser.parse((site.root / "site" / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title == "Explainers: reviews and corrections"
    assert feed.feed.language == "en"  # the site's language, Material's theme.language (English by default)
    assert [(e.updated[:10], e.link) for e in feed.entries] == [
        ("2025-02-03", "https://example.org/fc/claims/trump-wants-to-meet/#correction-2"),
        ("2025-01-25", "https://example.org/fc/claims/no-request/#correction-1"),
        ("2025-01-20", "https://example.org/fc/claims/trump-wants-to-meet/#correction-1"),
        ("2025-01-15", "https://example.org/fc/claims/no-request/"),
        ("2025-01-12", "https://example.org/fc/claims/trump-wants-to-meet/"),
    ]
    assert feed.entries[0].id == "https://example.org/fc/claims/trump-wants-to-meet/#correction-2"
    assert feed.entries[-1].title == "Accurate quote: He wants to meet, and we're working on it"
    assert "<em>Reuters</em>" in feed.entries[2].content[0].value


def test_the_json_feed_has_the_same_entries(site: Project) -> None:
    feed = json.loads((site.root / "site" / "feed.json").read_text(encoding="utf-8"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["feed_url"] == "https://example.org/fc/feed.json"
    assert feed["language"] == "en"
    assert [item["date_published"] for item in feed["items"]] == [
        "2025-02-03T00:00:00Z", "2025-01-25T00:00:00Z", "2025-01-20T00:00:00Z", "2025-01-15T00:00:00Z", "2025-01-12T00:00:00Z"
    ]


@pytest.mark.parametrize(("page", "root"), [("", "."), ("claims/no-request/", "../.."), ("people/donald-trump/", "../.."), ("corrections/", "..")])
def test_every_page_announces_the_feeds_in_its_head(site: Project, page: str, root: str) -> None:
    # Relative, so that the sitemap Material fetches beside each alternate link is the site's own.
    html = (site.root / "site" / page / "index.html").read_text(encoding="utf-8")
    head = html[: html.index("</head>")]
    assert f'<link rel="alternate" type="application/atom+xml" title="Explainers: reviews and corrections" href="{root}/feed.xml">' in head
    assert f'<link rel="alternate" type="application/feed+json" title="Explainers: reviews and corrections" href="{root}/feed.json">' in head


def test_without_a_site_address_the_feed_links_relatively_and_keeps_stable_ids(tmp_path: Path) -> None:
    built = built_project(tmp_path / "p", SAMPLE_TEXT, reviewed_yaml())
    feed = feedparser.parse((built.root / "site" / "feed.xml").read_bytes())
    assert not feed.bozo
    assert feed.entries[0].link.endswith("claims/trump-wants-to-meet/#correction-2")
    assert feed.entries[0].id.startswith("urn:uuid:")
    head = built.html("claims/no-request")
    assert 'href="../../feed.xml"' in head


def test_a_site_without_reviews_has_an_empty_valid_feed_and_says_so(tmp_path: Path) -> None:
    built = built_project(tmp_path / "p", SAMPLE_TEXT, SAMPLE_YAML)
    feed = feedparser.parse((built.root / "site" / "feed.xml").read_bytes())
    assert not feed.bozo and feed.entries == []
    assert "No corrections yet." in text_of(built.html("corrections"))
