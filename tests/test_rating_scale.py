"""A desk's own rating scale (format 1.1, `verdicts:`) on a built site: badges, the article,
the verdicts page, filters, legend, previews, graph, ClaimReview, Web Annotation and
`data.json` all speak the scale; without one, the v1 scale is as it always was.

The diagnostics of a scale are golden cases (tests/golden/unknown-verdict, verdict-kind,
duplicate-scale, scale-entry, unknown-verdict-v1).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import SAMPLE_TEXT, SAMPLE_YAML, Project, checked_corpus, make_project

from generator.annotations.scale import V1_SCALE
from generator.open_data.claimreview import claim_review
from generator.pages.reference import verdicts_page
from generator.translation.messages import messages

# The scale of CONTRIBUTING.md ("Your scale"), with a quotation verdict and `unverified` relabelled.
SCALE = """\
verdicts:
  - id: correct
    label: Correct
    meaning: The statement is accurate and nothing significant is missing.
    rating: 4
    tone: positive
    applies_to: [assertion]
  - id: mostly-correct
    label: Mostly correct
    meaning: Accurate, but it needs *context* to be understood.
    rating: 3
    tone: positive
    applies_to: [assertion]
  - id: half-right
    label: Half right
    meaning: Partly accurate; important details are wrong or missing.
    rating: 2
    tone: mixed
    applies_to: [assertion]
  - id: wrong
    label: Wrong <b>
    meaning: Contradicted by the evidence.
    rating: 1
    tone: negative
    applies_to: [assertion]
  - id: faithful
    label: Faithful quote
    meaning: The person said this, in these words.
    tone: positive
    applies_to: [direct-quote, paraphrase]
  - id: unverified
    label: Not checked yet
    meaning: Nobody has checked this yet.
    tone: neutral
"""
CLAIMS = SAMPLE_YAML.replace("    verdict: accurate-quote\n", "    verdict: faithful\n") + """\
  - id: repeated
    quote: Trump later repeated it.
    kind: assertion
    verdict: wrong
    evidence:
      - url: https://example.org/transcript
        title: The transcript
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = make_project(tmp_path_factory.mktemp("scale") / "p")
    project.write("seeds/article.txt", SAMPLE_TEXT)
    project.write("seeds/article.yaml", CLAIMS)
    project.write("seeds/scale.yaml", SCALE)
    result = project.build()  # mkdocs build --strict
    assert result.returncode == 0, result.stderr
    return project


def claim_review_of(html: str) -> dict[str, object]:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert found is not None
    review: dict[str, object] = json.loads(found.group(1))
    return review


def test_badges_show_the_scale_s_label_with_the_tone_s_icon_and_colour(site: Project) -> None:
    html = site.html("claims/repeated")
    # The label is plain text: its `<b>` is shown, never parsed.
    assert '<a class="verdict verdict-tone-negative" href="../verdicts/wrong/">✘ Wrong &lt;b&gt;</a>' in html
    assert '<a class="verdict verdict-tone-positive" href="../verdicts/faithful/">✔ Faithful quote</a>' in (
        site.html("claims/trump-wants-to-meet")
    )
    # `unverified`, relabelled, keeps v1's look: its tone is v1's.
    assert '<a class="verdict verdict-unverified" href="../verdicts/unverified/">… Not checked yet</a>' in (
        site.html("claims/no-request")
    )


def test_the_article_marks_each_claim_by_tone_and_says_the_label(site: Project) -> None:
    html = site.html("articles/trump-putin")
    assert '<a class="claim verdict-tone-negative" data-claim="repeated" href="../../claims/repeated/">' in html
    assert '<a class="claim verdict-unverified" data-claim="no-request" href="../../claims/no-request/">' in html
    assert "(claim, verdict: Wrong &lt;b&gt;)" in html
    previews = json.loads(re.search(r'<script type="application/json" id="explainer-previews">(.*?)</script>', html).group(1))  # type: ignore[union-attr]
    assert previews["repeated"]["label"] == "Wrong <b>" and previews["repeated"]["icon"] == "✘"
    assert previews["repeated"]["verdict"] == "tone-negative"  # explainer.js: class "verdict-" + this
    legend = html[html.index('class="explainer-legend"') :]
    assert '✘ Wrong &lt;b&gt;</a> × 1' in legend and "✔ Faithful quote</a> × 1" in legend


def test_the_verdicts_page_is_the_scale(site: Project) -> None:
    html = site.html("reference/verdicts")
    rows = re.findall(r"<tr>\s*<td>(.*?)</td>\s*<td>(.*?)</td>\s*<td>(.*?)</td>\s*<td>(.*?)</td>\s*</tr>", html, re.S)
    assert rows == [
        ('<a href="#correct">Correct</a>', "The statement is accurate and nothing significant is missing&#46;", "assertion", "4"),
        ('<a href="#mostly-correct">Mostly correct</a>', "Accurate&#44; but it needs <em>context</em> to be understood&#46;", "assertion", "3"),
        ('<a href="#half-right">Half right</a>', "Partly accurate&#59; important details are wrong or missing&#46;", "assertion", "2"),
        ('<a href="#wrong">Wrong &lt;b&gt;</a>', "Contradicted by the evidence&#46;", "assertion", "1"),
        ('<a href="#faithful">Faithful quote</a>', "The person said this&#44; in these words&#46;", "direct quote, paraphrase", "none"),
        ('<a href="#unverified">Not checked yet</a>', "Nobody has checked this yet&#46;", "any claim", "none"),
    ]
    assert "<th>ClaimReview rating (1–4)</th>" in html
    assert "A verdict other than <code>unverified</code> needs at least one evidence entry." in html
    assert re.findall(r'<h2 id="([a-z-]+)">', html) == ["correct", "mostly-correct", "half-right", "wrong", "faithful", "unverified"]


def test_claimreview_takes_best_and_worst_from_the_scale(site: Project) -> None:
    rated = claim_review_of(site.html("claims/repeated"))["reviewRating"]
    assert rated == {"@type": "Rating", "alternateName": "Wrong <b>", "ratingValue": 1, "bestRating": 4, "worstRating": 1}
    unrated = claim_review_of(site.html("claims/trump-wants-to-meet"))["reviewRating"]
    assert unrated == {"@type": "Rating", "alternateName": "Faithful quote"}


def test_filters_and_graph_follow_the_scale(site: Project) -> None:
    index = site.html("claims")
    options = re.findall(r'name="verdict" value="([a-z-]+)" checked> (.*?) <span', index)
    assert options == [("wrong", "✘ Wrong &lt;b&gt;"), ("faithful", "✔ Faithful quote"), ("unverified", "… Not checked yet")]
    graph = site.html("graph")
    assert "g-claims verdict-tone-negative" in graph and "Claim, Wrong &lt;b&gt;: Trump later repeated it." in graph


def test_exports_carry_the_scale(site: Project) -> None:
    data = json.loads((site.root / "site" / "data.json").read_text(encoding="utf-8"))
    assert [v["id"] for v in data["verdicts"]] == ["correct", "mostly-correct", "half-right", "wrong", "faithful", "unverified"]
    assert data["verdicts"][4] == {
        "id": "faithful",
        "label": "Faithful quote",
        "meaning": "The person said this, in these words.",
        "rating": None,
        "tone": "positive",
        "applies_to": ["direct-quote", "paraphrase"],
    }
    annotations = (site.root / "site" / "articles" / "trump-putin" / "annotations.jsonld").read_text(encoding="utf-8")
    assert '"purpose":"assessing","value":"Wrong <b>: Contradicted by the evidence."' in annotations


# --- without a scale: v1, as before -------------------------------------------------------


def test_without_a_scale_the_v1_scale_applies_unchanged(project: Project) -> None:
    corpus = checked_corpus(project)
    assert corpus.scale is V1_SCALE
    review = claim_review(corpus, "trump-wants-to-meet")
    assert review is not None and review["reviewRating"] == {"@type": "Rating", "alternateName": "Accurate quote"}
    page = verdicts_page(corpus.scale, messages("en"))
    assert "| Verdict | Meaning | Rates | ClaimReview rating (1–5) |" in page
    assert "| [Accurate](#accurate) | the claim is correct | any claim | 5 |" in page
    assert "A verdict other than `opinion` and `unverified` needs at least one evidence entry." in page


def test_a_v1_verdict_redefined_with_another_tone_takes_the_tone_s_look(tmp_path: Path) -> None:
    from generator.pages.pieces import verdict_badge

    project = Project(tmp_path)
    (tmp_path / "seeds").mkdir()
    project.write("seeds/scale.yaml", "verdicts:\n  - id: accurate\n    label: Right\n    meaning: Right.\n    rating: 2\n    tone: mixed\n")
    yaml = SAMPLE_YAML.replace("    verdict: accurate-quote\n", "    verdict: accurate\n")
    corpus = checked_corpus(project, yaml=yaml)
    assert verdict_badge("x.md", "accurate", corpus.scale) == "[◐ Right](claims/verdicts/accurate.md){ .verdict .verdict-tone-mixed }"


def test_the_scale_of_contributing_md_is_a_valid_four_step_scale(project: Project) -> None:
    contributing = (Path(__file__).parent.parent / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = contributing[contributing.index("## Your scale") :]
    example = section[section.index("```yaml\n") + 8 : section.index("```\n", section.index("```yaml\n") + 8)]
    project.write("seeds/scale.yaml", example)
    yaml = SAMPLE_YAML.replace("    verdict: accurate-quote\n", "    kind: assertion\n    verdict: correct\n", 1).replace(
        "    kind: direct-quote\n    claimant: donald-trump\n    said_on", "    claimant: donald-trump\n    said_on", 1
    )
    corpus = checked_corpus(project, yaml=yaml)
    assert [(v.id, v.rating, v.tone) for v in corpus.scale.verdicts.values()] == [
        ("correct", 4, "positive"), ("mostly-correct", 3, "positive"), ("half-right", 2, "mixed"), ("wrong", 1, "negative"),
        ("unverified", None, "neutral"),
    ]
    review = claim_review(corpus, "trump-wants-to-meet")
    assert review is not None
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "Correct", "ratingValue": 4, "bestRating": 4, "worstRating": 1}
