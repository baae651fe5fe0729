"""ClaimReview JSON-LD on claim pages: read back from a real build, as a browser parses it."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from conftest import SAMPLE_TEXT, SAMPLE_YAML, Project, built_project

from generator.annotations.pipeline import check
from generator.open_data.claimreview import claim_review, script_json
from generator.pages.options import SiteOptions
from generator.pages.site import render_pages
from generator.translation.messages import messages

HOSTILE = '</script><script>window.pwned=1</script><!-- & "quotes" \u2028'

# The sample, plus: a publisher and address for the article, a hostile claimant name,
# and one claim in the article's own voice.
YAML = (
    SAMPLE_YAML.replace(
        "    published: 2025-01-10\n", "    published: 2025-01-10\n    url: https://example.org/original-article\n"
    )
    .replace("    name: Dmitry Peskov\n", f"    name: {json.dumps(HOSTILE)}\n")
    .replace(
        "    related:\n",
        "    verdict: inaccurate\n    evidence:\n      - url: https://example.org/evidence\n"
        "        title: A report\n    related:\n",
    )
    + """\
  - id: trump-repeated-it
    quote: Trump later repeated it.
    kind: assertion
    verdict: disputed
    evidence:
      - url: https://example.org/other
        title: Another report
  - id: reuters-and-tass
    quote: Reuters and TASS reported both statements.
    kind: assertion
"""
)


class LdJson(HTMLParser):
    """Collects the text of each `<script type="application/ld+json">`, split as HTML splits it."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[str] = []
        self.scripts = 0
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.scripts += 1
            self._inside = ("type", "application/ld+json") in attrs
            if self._inside:
                self.blocks.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._inside = False

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.blocks[-1] += data


def ld_json(html: str) -> list[Any]:
    parser = LdJson()
    parser.feed(html)
    return [json.loads(block) for block in parser.blocks]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Project:
    root = tmp_path_factory.mktemp("claimreview") / "project"
    return built_project(root, SAMPLE_TEXT, YAML, site_url="https://example.org/explainers/")


def test_direct_quote_by_a_person(built: Project) -> None:
    assert ld_json(built.html("claims/trump-wants-to-meet")) == [
        {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": "https://example.org/explainers/claims/trump-wants-to-meet/",
            "claimReviewed": "He wants to meet, and we’re working on it",
            "itemReviewed": {
                "@type": "Claim",
                "author": {"@type": "Person", "name": "Donald Trump", "jobTitle": "President-elect of the United States"},
                "datePublished": "2025-01-09",
                "appearance": {
                    "@type": "CreativeWork",
                    "name": "Trump to Meet Putin",
                    "url": "https://example.org/original-article",
                    "datePublished": "2025-01-10",
                    "publisher": {"@type": "Organization", "name": "Reuters"},
                },
            },
            # No number: an accurate quote says nothing about whether the words are true.
            "reviewRating": {"@type": "Rating", "alternateName": "Accurate quote"},
            "inLanguage": "en",  # the site's, as the rating's name
            "author": {"@type": "Organization", "name": "Explainers", "url": "https://example.org/explainers/"},
        }
    ]


def test_numeric_rating_and_a_hostile_name(built: Project) -> None:
    html = built.html("claims/no-request")
    assert "<script>window.pwned" not in html  # the name shows as text, never as markup
    [review] = ld_json(html)
    assert review["itemReviewed"]["author"] == {"@type": "Person", "name": HOSTILE, "jobTitle": "Kremlin spokesman"}
    assert review["reviewRating"] == {
        "@type": "Rating", "alternateName": "Inaccurate", "ratingValue": 1, "bestRating": 5, "worstRating": 1,
    }
    assert "datePublished" not in review["itemReviewed"]  # no said_on: no date
    opening = '<script type="application/ld+json">'
    raw = html[html.index(opening) + len(opening) :]
    raw = raw[: raw.index("</script>")]
    assert not set(raw) & set("<>&")


def test_the_articles_own_assertion_is_credited_to_its_publisher(built: Project) -> None:
    [review] = ld_json(built.html("claims/trump-repeated-it"))
    assert review["itemReviewed"]["author"] == {"@type": "Organization", "name": "Reuters"}
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "Disputed"}


def test_unverified_claims_carry_none(built: Project) -> None:
    parser = LdJson()
    parser.feed(built.html("claims/reuters-and-tass"))
    assert parser.blocks == []


def test_pages_other_than_claims_carry_none(built: Project) -> None:
    for page in ("articles/trump-putin", "people/donald-trump", "sources/reuters", "claims"):
        parser = LdJson()
        parser.feed(built.html(page))
        assert parser.blocks == [], page


def test_without_site_url_no_address_is_made_up(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "article.txt").write_text(SAMPLE_TEXT, encoding="utf-8")
    (tmp_path / "seeds" / "article.yaml").write_text(SAMPLE_YAML.replace("    publisher: reuters\n", ""), encoding="utf-8")
    corpus = check(tmp_path / "seeds", tmp_path).corpus
    assert corpus is not None
    review = claim_review(corpus, "trump-wants-to-meet")
    assert review is not None
    assert "url" not in review and "author" not in review
    appearance = {"@type": "CreativeWork", "name": "Trump to Meet Putin", "datePublished": "2025-01-10"}
    assert review["itemReviewed"]["appearance"] == appearance
    page = render_pages(corpus, SiteOptions())["claims/trump-wants-to-meet.md"]
    on_page = claim_review(corpus, "trump-wants-to-meet", msg=messages("en"))
    assert on_page == {**review, "inLanguage": "en"}
    assert page.endswith(f'\n<script type="application/ld+json">{script_json(on_page)}</script>\n')


def test_the_article_itself_when_it_has_no_publisher(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "article.txt").write_text(SAMPLE_TEXT, encoding="utf-8")
    (tmp_path / "seeds" / "article.yaml").write_text(YAML.replace("    publisher: reuters\n", ""), encoding="utf-8")
    corpus = check(tmp_path / "seeds", tmp_path).corpus
    assert corpus is not None
    review = claim_review(corpus, "trump-repeated-it", site_url="https://example.org/", directory_urls=False)
    assert review is not None
    assert review["url"] == "https://example.org/claims/trump-repeated-it.html"
    assert review["itemReviewed"]["author"] == {
        "@type": "CreativeWork",
        "name": "Trump to Meet Putin",
        "url": "https://example.org/original-article",
        "datePublished": "2025-01-10",
    }


def test_script_json_escapes_what_html_reads() -> None:
    data = {"name": "</script><!--<script> & \u2028\u2029 ok"}
    text = script_json(data)
    assert text == '{"name":"\\u003c/script\\u003e\\u003c!--\\u003cscript\\u003e \\u0026 \\u2028\\u2029 ok"}'
    assert json.loads(text) == data
