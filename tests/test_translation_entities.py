"""The words of the claim, person, source and article pages come from the message catalogs.

Two checks: each message is in the English template (Babel's extractor found it, so a
translator sees it), and the pages really ask `Messages` for it: rendered with messages that
mark every word they hand out (`«…»`), no English message of these pages is left unmarked.
Dates and numbers follow the site's locale. The English pages themselves are pinned by the
other tests (test_pages.py, test_reader_pages.py, test_corrections_site.py...).
"""

from __future__ import annotations

import re

import pytest
from conftest import SAMPLE_YAML, Project, checked_corpus

from generator.annotations.corpus import Corpus
from generator.pages.edit_links import EditLink, footer
from generator.pages.options import SiteOptions
from generator.pages.previews import previews
from generator.pages.site import SiteRenderer
from generator.translation.messages import Messages
from generator.translation.template import make_template

# The reader-visible words of these pages, as the code marks them.
MESSAGES = [
    "Claimant:", "Said on:", "Reviewed on:", "Corrected:", "Via:", "Article:", "Tags:",
    "{n} correction, the latest on {date}", "Explanation", "No explanation yet: this claim has not been checked.",
    "Original wording", "The article's rendering differs from the words as first reported; the explanation says how.",
    "Evidence", "archived copy", "None recorded yet.", "Related claims", "Corrections", "previous verdict: {verdict}",
    "no named person: the article asserts it, crediting {sources}", "the article itself, in its own voice",
    "Verdicts on the {n} claim by {name}", "Verdicts on the {n} claim {name} relays", "No claims recorded, so no verdicts.",
    "No claims relayed, so no verdicts.", "Role:", "Affiliation:", "Links:", "Wikidata {id}", "What {name} said",
    "No claims recorded.", "Where they are mentioned", "No mentions found in the texts.", "Type:", "Website:",
    "Claims it relays", "Articles it published", "Cited as evidence", "Where it is mentioned",
    "Published:", "Publisher:", "Original:", "Language:", "The text", "Claims in this article", "No claims annotated yet.",
    "corrected", "People:", "Sources:", "Who and what it names", "(claim, verdict: {verdict})",
    "(claim, verdict: {verdict}, corrected)", "in {article}", "Verdict", "Claims", "Share", "{percent}%", "{n} claim",
    "No named person; the article credits {sources}", "No named person; the article itself",
    "Edit this annotation: {file}, line {line}",
]

CORRECTED = """\
    verdict: accurate-quote
    reviewed_on: 2025-01-12
    tags: [summit]
    original_wording: He wants to meet
    corrections:
      - date: 2025-01-20
        previous_verdict: unsupported
        note: The first version missed the report.
      - date: 2025-02-03
        note: A date was wrong.
"""


class Marked(Messages):
    """English words, each marked where the page got it from here: `«Evidence»`."""

    def _(self, message: str, **values: object) -> str:
        return "«" + super()._(message, **values) + "»"

    def ngettext(self, singular: str, plural: str, n: int, **values: object) -> str:
        return "«" + super().ngettext(singular, plural, n, **values) + "»"


@pytest.fixture
def corpus(project: Project) -> Corpus:
    yaml = SAMPLE_YAML.replace("    verdict: accurate-quote\n", CORRECTED)
    yaml = yaml.replace("    role: Kremlin spokesman\n", "    role: Kremlin spokesman\n    affiliation: Kremlin\n    wikidata: Q4158\n")
    yaml = yaml.replace("    type: state-media\n", "    type: state-media\n    url: https://tass.com/\n")
    return checked_corpus(project, yaml=yaml)


def renderer(corpus: Corpus, msg: Messages) -> SiteRenderer:
    r = SiteRenderer(corpus, SiteOptions())
    r.msg = msg
    return r


def entity_pages(r: SiteRenderer) -> dict[str, str]:
    """Every entity page of the sample, its local graph (another module's words) left out."""
    made = {
        "articles/trump-putin": (r.document_page("trump-putin"), []),
        **{f"claims/{c}": (r.claim_page(c), r.local_graph("claims", c)) for c in ("trump-wants-to-meet", "no-request")},
        **{f"people/{p}": (r.person_page(p), r.local_graph("people", p)) for p in ("donald-trump", "dmitry-peskov")},
        **{f"sources/{s}": (r.source_page(s), r.local_graph("sources", s)) for s in ("reuters", "tass")},
    }
    pages = {}
    for page, (text, graph) in made.items():
        for line in graph:
            if line.strip():
                text = text.replace(line, "")
        pages[page] = text
    return pages


def unmarked(text: str) -> str:
    """`text` without what the messages handed out, innermost first (a message may hold a badge)."""
    while True:
        shorter = re.sub("«[^«»]*»", "", text)
        if shorter == text:
            return text
        text = shorter


def test_every_message_of_these_pages_is_in_the_template() -> None:
    template = make_template()
    found = {message.id if isinstance(message.id, str) else message.id[0]: message for message in template if message.id}
    assert [m for m in MESSAGES if m not in found] == []
    assert all(any(path.startswith("generator/pages/") for path, _ in found[m].locations) for m in MESSAGES)


def test_no_english_word_of_these_pages_is_left_out_of_the_messages(corpus: Corpus) -> None:
    pages = entity_pages(renderer(corpus, Marked("en")))
    words = [m for m in MESSAGES if "{" not in m] + ["Direct quote", "Accurate quote", "News agency", "State media", "Disputes"]
    for page, text in pages.items():
        rest = unmarked(text)
        assert [w for w in words if re.search(rf"(?<![\w«-]){re.escape(w)}(?![\w»-])", rest)] == [], page


def test_the_claim_page_asks_for_its_words(corpus: Corpus) -> None:
    page = renderer(corpus, Marked("en")).claim_page("trump-wants-to-meet")
    assert "[❝ «Accurate quote»](verdicts/accurate-quote.md){ .verdict .verdict-accurate-quote } · «Direct quote»" in page
    assert "- **«Claimant:»** [Donald Trump](../people/donald-trump.md), President\\-elect of the United States" in page
    assert "- **«Reviewed on:»** January 12, 2025" in page
    assert "- **«Corrected:»** [«2 corrections, the latest on February 3, 2025»](#corrections)" in page
    assert "**January 20, 2025** · «previous verdict: [∅ «Unsupported»](verdicts/unsupported.md){ .verdict .verdict-unsupported }»" in page
    assert "## «Evidence»" in page and "## «Original wording»" in page


def test_person_and_source_scorecards_ask_for_their_words(corpus: Corpus) -> None:
    r = renderer(corpus, Marked("en"))
    person, source = r.person_page("dmitry-peskov"), r.source_page("reuters")
    assert "<caption>«Verdicts on the 1 claim by Dmitry Peskov»</caption>" in person
    assert '<th scope="col">«Verdict»</th><th scope="col">«Claims»</th><th scope="col">«Share»</th>' in person
    assert '<td class="explainer-count">1</td>' in person and "</svg> «100%»</td>" in person
    assert "## «What Dmitry Peskov said»" in person
    assert "[«Wikidata Q4158»](https://www.wikidata.org/wiki/Q4158)" in person
    assert "<caption>«Verdicts on the 1 claim Reuters relays»</caption>" in source
    assert "- **«Type:»** «News agency»" in source


def test_the_article_page_and_its_previews_ask_for_their_words(corpus: Corpus) -> None:
    marked = Marked("en")
    page = renderer(corpus, marked).document_page("trump-putin")
    assert "(claim, verdict: «Accurate quote», corrected)»</span>" in page
    assert "- [❝ «Accurate quote»](../claims/verdicts/accurate-quote.md){ .verdict .verdict-accurate-quote } × 1" in page
    assert "- **«People:»** [Dmitry Peskov]" in page
    preview = previews(corpus, "trump-putin", marked)["no-request"]
    assert (preview.label, preview.summary) == ("«Unverified»", "«No explanation yet: this claim has not been checked.»")


def test_the_edit_link_asks_for_its_words() -> None:
    link = EditLink("https://example.org/x.yaml#L3", "seeds/x_*.yaml", 3)
    expected = "[«Edit this annotation: seeds/x\\_\\*\\.yaml, line 3»](https://example.org/x.yaml#L3){ .explainer-edit }"
    assert footer(link, Marked("en")) == f"\n{expected}\n"


def test_dates_and_numbers_follow_the_sites_locale(corpus: Corpus) -> None:
    r = renderer(corpus, Messages("de"))
    page = r.claim_page("trump-wants-to-meet")
    assert "- **Geprüft am:** 12. Januar 2025" in page
    assert "[2 Korrekturen, zuletzt am 3. Februar 2025](#corrections)" in page
