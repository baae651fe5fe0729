"""The reader's experience in a real browser: Debian's Chromium, driven by Playwright, on a
built site served from 127.0.0.1.

One site is built for the whole module. Every page a test opens is watched: a console
error, an uncaught exception or a request to any other host fails the test (such requests
are refused, never sent). Screenshots go to test-artifacts/browser/ (not committed).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import pytest
from conftest import ROOT, SAMPLE_TEXT, SAMPLE_YAML, Project, make_project
from local_site import browser, require_chromium, serve

pytestmark = pytest.mark.browser

ARTIFACTS = ROOT / "test-artifacts" / "browser"

BUDGET_TEXT = """\
Budget Row in Lima

Finance minister José Núñez-Pérez said “the deficit fell to 2 percent” on Monday, according to Andina.
Eve Example, an opposition deputy, answered that “the figures are cooked”.

Andina later corrected its report.
"""

# The second person's name is hostile on purpose: it must show as text everywhere.
HOSTILE = "Eve <img src=x onerror=\"window.__pwned=1\"></script><b>Example</b>"

BUDGET_YAML = f"""\
documents:
  - id: budget-row
    text: budget.txt
    published: 2025-03-04
    publisher: andina
people:
  - id: jose-nunez-perez
    name: José Núñez-Pérez
    aliases: [José Núñez-Pérez]
    role: Finance minister
  - id: eve-example
    name: '{HOSTILE}'
    aliases: [Eve Example]
sources:
  - id: andina
    name: Agencia Andina
    type: news-agency
    aliases: [Andina]
claims:
  - id: deficit-fell
    quote: "the deficit fell to 2 percent"
    title: The deficit fell to 2 percent
    kind: direct-quote
    claimant: jose-nunez-perez
    said_on: 2025-03-03
    via: [andina]
    tags: [economy]
    verdict: misleading
    explanation: The deficit fell to *2.4 percent*, per the [ministry](https://example.org/deficit). Rounding it down hides that.
    evidence:
      - url: https://example.org/deficit
        source: andina
        title: Deficit figures
  - id: figures-cooked
    quote: "the figures are cooked"
    kind: direct-quote
    claimant: eve-example
    tags: [economy, opposition]
    verdict: opinion
    explanation: A view, not a checkable "fact" & not a number.
"""


@dataclass
class Watch:
    """What the pages of one test did that they should not have."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    other_hosts: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Project:
    require_chromium()
    project: Project = make_project(tmp_path_factory.mktemp("reader") / "project")
    project.write("seeds/article.txt", SAMPLE_TEXT)
    project.write("seeds/article.yaml", SAMPLE_YAML)
    project.write("seeds/budget.txt", BUDGET_TEXT)
    project.write("seeds/budget.yaml", BUDGET_YAML)
    result = project.build()
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture(scope="module")
def site(built: Project) -> Iterator[str]:
    with serve(built.root / "site") as base:
        yield base


@pytest.fixture(scope="module")
def chromium(site: str) -> Iterator[Any]:
    with browser() as launched:
        yield launched


@pytest.fixture
def watch() -> Watch:
    return Watch()


@pytest.fixture
def page(chromium: Any, site: str, watch: Watch, request: pytest.FixtureRequest) -> Iterator[Any]:
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()

    def route(handler: Any) -> None:
        if urlsplit(handler.request.url).hostname == "127.0.0.1":
            handler.continue_()
        else:
            watch.other_hosts.append(handler.request.url)
            handler.abort()

    tab.route("**/*", route)
    tab.on("console", lambda message: watch.console_errors.append(message.text) if message.type == "error" else None)
    tab.on("pageerror", lambda error: watch.page_errors.append(str(error)))
    yield tab
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / (re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name) + ".png")), full_page=True)
    context.close()
    assert watch == Watch(), "the pages logged errors or asked another host"


def preview(page: Any) -> Any:
    return page.locator("#explainer-preview")


def headings(page: Any, selector: str) -> list[str]:
    """Heading texts without the permalink sign."""
    return [text.removesuffix("¶").strip() for text in page.locator(selector).all_inner_texts()]


def test_hovering_a_claim_shows_its_preview(page: Any, site: str) -> None:
    page.goto(site + "articles/budget-row/")
    claim = page.locator('a.claim[data-claim="deficit-fell"]')
    claim.hover()
    tip = preview(page)
    assert tip.is_visible()
    assert tip.get_attribute("role") == "tooltip"
    assert claim.get_attribute("aria-describedby") == "explainer-preview"
    assert tip.locator(".explainer-preview-verdict").inner_text() == "⚠Misleading"
    assert tip.locator(".explainer-preview-claimant").inner_text() == "Claimant: José Núñez-Pérez"
    # The explanation's first sentence, as plain text (its emphasis and link dropped).
    assert tip.locator(".explainer-preview-summary").inner_text() == "The deficit fell to 2.4 percent, per the ministry."
    more = tip.locator("a.explainer-preview-more")
    assert more.get_attribute("href") == "../../claims/deficit-fell/"
    # The pointer may travel into the preview and follow its link.
    more.hover()
    assert tip.is_visible()
    more.click()
    page.wait_for_url(site + "claims/deficit-fell/")


def test_preview_hides_on_mouse_leave_and_escape(page: Any, site: str) -> None:
    page.goto(site + "articles/budget-row/")
    claim = page.locator('a.claim[data-claim="deficit-fell"]')
    claim.hover()
    assert preview(page).is_visible()
    page.mouse.move(5, 890)
    preview(page).wait_for(state="hidden")
    assert claim.get_attribute("aria-describedby") is None
    claim.hover()
    assert preview(page).is_visible()
    page.keyboard.press("Escape")
    assert preview(page).is_hidden()


def _rewritten(page: Any, url: str, replacements: list[tuple[str, str]]) -> None:
    """Serve the page at `url` with each of `replacements` made in its HTML (each must be there)."""

    def handle(route: Any) -> None:
        response = route.fetch()
        body = response.text()
        for old, new in replacements:
            assert old in body, old
            body = body.replace(old, new)
        route.fulfill(response=response, body=body)

    page.route(url, handle)


def test_the_scripts_words_come_from_the_pages_messages_block(page: Any, site: str) -> None:
    page.goto(site + "articles/budget-row/")
    words = json.loads(page.locator("script#explainer-messages").text_content())
    assert words["open_claim_page"] == "Open the claim page"
    page.locator('a.claim[data-claim="deficit-fell"]').hover()
    assert preview(page).locator("a.explainer-preview-more").inner_text() == "Open the claim page"
    # Words of another language, as a catalog would give them: the script shows those.
    _rewritten(page, site + "articles/budget-row/", [
        ('"open_claim_page": "Open the claim page"', '"open_claim_page": "Ouvrir la fiche"'),
        ('"claimant": "Claimant: {name}"', '"claimant": "Auteur : {name}"'),
    ])
    page.goto(site + "articles/budget-row/")
    page.locator('a.claim[data-claim="figures-cooked"]').hover()
    assert preview(page).locator("a.explainer-preview-more").inner_text() == "Ouvrir la fiche"
    assert preview(page).locator(".explainer-preview-claimant").inner_text() == "Auteur : " + HOSTILE
    _rewritten(page, site + "claims/", [
        ('"showing_claims": {"one": "Showing {shown} of {n} claim.", "other": "Showing {shown} of {n} claims."}',
         '"showing_claims": {"one": "{shown} sur {n} affirmation", "other": "{shown} sur {n} affirmations"}'),
    ])
    page.goto(site + "claims/")
    assert page.locator(".explainer-filter-status").inner_text() == "4 sur 4 affirmations"  # Intl.PluralRules("en").select(4)


def _right_edge(box: dict[str, float]) -> float:
    return box["x"] + box["width"]


# Where a page says it reads right to left: Material writes `dir` on <body> (`ltr`, or `rtl` for
# Arabic, Hebrew, Persian, Urdu); a page without it on <body> may say it on <html> (`document.dir`).
RTL_ON = {
    "ltr": None,
    "rtl on body": "document.body.setAttribute('dir', 'rtl')",
    "rtl on html": "document.body.removeAttribute('dir'); document.documentElement.setAttribute('dir', 'rtl')",
}


@pytest.mark.parametrize("direction", list(RTL_ON))
def test_the_preview_starts_where_the_claim_starts_in_either_direction(page: Any, site: str, direction: str) -> None:
    page.goto(site + "articles/budget-row/")
    marked = RTL_ON[direction]
    if marked is not None:
        page.evaluate(marked)
        assert page.evaluate("getComputedStyle(document.querySelector('article p')).direction") == "rtl"
    claim = page.locator('a.claim[data-claim="deficit-fell"]')
    assert claim.evaluate("e => e.getClientRects().length") == 1  # one line: its box is the line under the pointer
    claim.hover()
    tip = preview(page)
    assert tip.is_visible()
    claim_box, tip_box = claim.bounding_box(), tip.bounding_box()
    assert tip_box["y"] >= claim_box["y"] + claim_box["height"]  # below it
    if marked is not None:
        assert abs(_right_edge(tip_box) - _right_edge(claim_box)) < 1, (tip_box, claim_box)
    else:
        assert abs(tip_box["x"] - claim_box["x"]) < 1, (tip_box, claim_box)


def test_untrusted_values_stay_text_in_the_preview(page: Any, site: str) -> None:
    page.goto(site + "articles/budget-row/")
    page.locator('a.claim[data-claim="figures-cooked"]').hover()
    tip = preview(page)
    assert tip.locator(".explainer-preview-claimant").inner_text() == "Claimant: " + HOSTILE
    assert tip.locator(".explainer-preview-summary").inner_text() == 'A view, not a checkable "fact" & not a number.'
    assert tip.locator("img, b, script").count() == 0
    assert page.evaluate("window.__pwned") is None
    assert page.locator("img[src=x]").count() == 0


def test_tab_reaches_every_claim_with_visible_focus_and_preview(page: Any, site: str) -> None:
    page.goto(site + "articles/trump-putin/")
    expected = page.eval_on_selector_all("a.claim[data-claim]", "links => links.map(l => l.dataset.claim)")
    reached: list[str] = []
    for _ in range(200):  # more than the links on the page
        page.keyboard.press("Tab")
        claim_id = page.evaluate("document.activeElement.dataset ? document.activeElement.dataset.claim || '' : ''")
        if not claim_id:
            continue
        reached.append(claim_id)
        focused = page.locator(f'a.claim[data-claim="{claim_id}"]')
        outline = focused.evaluate("e => [getComputedStyle(e).outlineStyle, parseFloat(getComputedStyle(e).outlineWidth)]")
        assert outline[0] != "none" and outline[1] >= 2, outline
        assert preview(page).is_visible()
        assert focused.get_attribute("aria-describedby") == "explainer-preview"
        if len(reached) == len(expected):
            break
    assert reached == expected
    page.keyboard.press("Escape")
    assert preview(page).is_hidden()


def test_claim_highlights_have_a_text_cue_and_a_spoken_verdict(page: Any, site: str) -> None:
    page.goto(site + "articles/trump-putin/")
    claim = page.locator('a.claim[data-claim="trump-wants-to-meet"]')
    icon = claim.evaluate("e => getComputedStyle(e, '::before').content")
    assert "❝" in icon  # not colour alone
    name = claim.evaluate("e => e.textContent")
    assert name == "He wants to meet, and we’re working on it (claim, verdict: Accurate quote)"
    assert page.locator(".explainer-legend").inner_text().count("×") == 2


def test_article_to_claim_to_person_and_back(page: Any, site: str) -> None:
    page.goto(site + "articles/budget-row/")
    page.locator('a.claim[data-claim="deficit-fell"]').click()
    page.wait_for_url(site + "claims/deficit-fell/")
    assert headings(page, "h1") == ["The deficit fell to 2 percent"]
    page.locator("article a", has_text="José Núñez-Pérez").first.click()
    page.wait_for_url(site + "people/jose-nunez-perez/")
    assert headings(page, "h1") == ["José Núñez-Pérez"]
    # The backlink shows its context sentence, the claim marked in it.
    assert page.locator("article li mark", has_text="the deficit fell to 2 percent").count() == 1
    page.go_back()
    page.wait_for_url(site + "claims/deficit-fell/")
    page.go_back()
    page.wait_for_url(site + "articles/budget-row/")


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("Núñez", "José Núñez-Pérez"),
        ("núñez-pérez", "José Núñez-Pérez"),
        ("Andina", "Agencia Andina"),
        ("deficit", "The deficit fell to 2 percent"),
    ],
)
def test_search_finds_people_sources_and_claims(page: Any, site: str, query: str, title: str) -> None:
    page.goto(site)
    page.locator("input.md-search__input").click()
    page.keyboard.type(query)
    results = page.locator(".md-search-result__item h1")
    results.first.wait_for()
    assert title in results.all_inner_texts()


def test_graph_draws_every_entity_and_a_node_opens_its_page(page: Any, site: str) -> None:
    page.goto(site + "graph/")
    svg = page.locator(".explainer-graph svg")
    assert svg.count() == 1 and svg.bounding_box()["height"] > 150
    # 2 articles, 4 people, 3 sources, 4 claims.
    assert page.locator(".explainer-graph svg a.g-link").count() == 13
    assert page.locator(".explainer-graph svg path.g-edge").count() > 10
    for _ in range(60):  # the keyboard reaches the nodes too
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('class')") == "g-link":
            break
    assert page.evaluate("document.activeElement.getAttribute('aria-label')").startswith("Person: ")
    page.locator('.explainer-graph svg a[aria-label="Person: José Núñez-Pérez"]').click()
    page.wait_for_url(site + "people/jose-nunez-perez/")
    local = page.locator(".explainer-local svg a.g-link")
    assert local.count() == 2  # his claim and the article that mentions him
    local.first.focus()
    assert local.first.evaluate("e => getComputedStyle(e).outlineStyle") != "none"


def test_timeline_lists_dates_in_order_grouped_by_article(page: Any, site: str) -> None:
    page.goto(site + "timeline/")
    assert headings(page, "article h2") == ["Trump to Meet Putin", "Budget Row in Lima"]
    dates = page.locator(".explainer-timeline > ul > li > strong").all_inner_texts()
    assert dates == ["January 9, 2025", "January 10, 2025", "March 3, 2025", "March 4, 2025"]
    assert "Not dated (1)" in page.locator("article").inner_text()


def test_claims_index_filters_by_verdict_and_tag(page: Any, site: str) -> None:
    page.goto(site + "claims/")
    form = page.locator("form.explainer-filter")
    assert form.is_visible()
    rows = page.locator("li.claim-row")
    assert rows.count() == 4
    status = form.locator(".explainer-filter-status")
    assert status.inner_text() == "Showing 4 of 4 claims."
    form.locator('input[name="tag"][value="economy"]').check()
    assert status.inner_text() == "Showing 2 of 4 claims."
    assert page.locator("h2", has_text="Trump to Meet Putin").is_hidden()  # no claim of it left
    form.locator('input[name="verdict"][value="opinion"]').uncheck()
    assert page.locator("li.claim-row:visible").all_inner_texts()[0].startswith("The deficit fell to 2 percent")
    assert status.inner_text() == "Showing 1 of 4 claims."
    form.locator("button[type=reset]").click()
    page.wait_for_function("document.querySelector('.explainer-filter-status').textContent === 'Showing 4 of 4 claims.'")


def test_claims_index_without_javascript_lists_everything(chromium: Any, site: str) -> None:
    context = chromium.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(site + "claims/")
    assert tab.locator("form.explainer-filter").is_hidden()
    assert tab.locator("li.claim-row:visible").count() == 4
    tab.goto(site + "graph/")
    assert tab.locator(".explainer-graph svg a.g-link").count() == 13
    context.close()


def test_every_page_loads_cleanly(page: Any, site: str, built: Project, watch: Watch) -> None:
    folder = built.root / "site"
    paths = sorted(p.parent.relative_to(folder).as_posix() for p in folder.rglob("index.html"))
    assert len(paths) > 15
    for path in paths:
        page.goto(site + ("" if path == "." else path + "/"), wait_until="load")
        assert watch == Watch(), path


# --- long listings, in pages -------------------------------------------------------------
# The same two articles with `articles_per_page: 1`: the claims index, the timeline and the
# graph have two pages each.


@pytest.fixture(scope="module")
def paged_site(built: Project, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project: Project = make_project(tmp_path_factory.mktemp("paged") / "project")
    for name in ("article.txt", "article.yaml", "budget.txt", "budget.yaml"):
        project.write(f"seeds/{name}", (built.seeds / name).read_text(encoding="utf-8"))
    config = project.root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("      seeds: seeds\n", "      seeds: seeds\n      articles_per_page: 1\n"),
        encoding="utf-8",
    )
    result = project.build()
    assert result.returncode == 0, result.stderr
    with serve(project.root / "site") as base:
        yield base


def test_the_claims_index_pages_link_each_other_and_every_claim_of_a_verdict_or_tag(page: Any, paged_site: str) -> None:
    page.goto(paged_site + "claims/")
    assert headings(page, "article h1") == ["Claims, page 1 of 2"]
    assert headings(page, "article h2") == ["Budget Row in Lima"]
    assert page.locator("nav.explainer-pager").count() == 2
    assert page.locator('nav.explainer-pager strong[aria-current="page"]').first.inner_text() == "1"
    assert page.locator("form.explainer-filter").count() == 0  # no filter of the claims on screen only
    page.locator("nav.explainer-pager").first.get_by_role("link", name="Next →").click()
    page.wait_for_url(paged_site + "claims/index/2/")
    assert headings(page, "article h1") == ["Claims, page 2 of 2"]
    assert headings(page, "article h2") == ["Trump to Meet Putin"]
    assert page.locator("li.claim-row").count() == 2
    # From any page of the index, a verdict leads to every claim with it: here, one on page 1.
    browse = page.get_by_role("navigation", name="Every claim by verdict or tag")
    browse.get_by_role("link", name="◇ Opinion").click()
    page.wait_for_url(paged_site + "claims/verdicts/opinion/")
    assert headings(page, "article h1") == ["Claims rated Opinion"]
    assert page.locator(".explainer-claims li").all_inner_texts() == [f"the figures are cooked · ◇ Opinion · {HOSTILE}"]
    page.get_by_role("link", name="the claims index").click()
    page.wait_for_url(paged_site + "claims/")
    page.get_by_role("navigation", name="Every claim by verdict or tag").get_by_role("link", name="economy").click()
    page.wait_for_url(paged_site + "claims/tags/economy/")
    assert headings(page, "article h1") == ["Claims tagged economy"]
    assert page.locator(".explainer-claims li").count() == 2


def test_without_javascript_the_listings_are_links_and_pages(chromium: Any, paged_site: str) -> None:
    context = chromium.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(paged_site + "claims/index/2/")
    tab.get_by_role("navigation", name="Every claim by verdict or tag").get_by_role("link", name="⚠ Misleading").click()
    tab.wait_for_url(paged_site + "claims/verdicts/misleading/")
    assert tab.locator(".explainer-claims li:visible").count() == 1
    tab.get_by_role("link", name="The deficit fell to 2 percent").click()
    tab.wait_for_url(paged_site + "claims/deficit-fell/")
    context.close()


def test_a_persons_scorecard_is_a_table_whose_verdicts_lead_to_their_claims(page: Any, site: str) -> None:
    page.goto(site + "people/jose-nunez-perez/")
    scorecard = page.locator("#scorecard")
    assert page.locator("article h1 + #scorecard").count() == 1  # the page opens with it
    table = scorecard.get_by_role("table", name="Verdicts on the 1 claim by José Núñez-Pérez")
    assert table.locator("tbody tr").all_inner_texts() == ["⚠ Misleading\t1\t 100%"]
    assert table.locator("svg.explainer-bar").get_attribute("aria-hidden") == "true"
    table.get_by_role("link", name="⚠ Misleading").click()
    page.wait_for_url(site + "people/jose-nunez-perez/#claims-misleading")
    assert page.locator("#claims-misleading + .explainer-backlinks li").count() == 1


def test_the_timeline_and_graph_pages_open_their_entities(page: Any, paged_site: str) -> None:
    page.goto(paged_site + "timeline/")
    assert headings(page, "article h2") == ["Trump to Meet Putin"]
    page.locator("nav.explainer-pager").first.get_by_role("link", name="2", exact=True).click()
    page.wait_for_url(paged_site + "timeline/2/")
    assert headings(page, "article h2") == ["Budget Row in Lima"]
    page.goto(paged_site + "graph/2/")
    assert headings(page, "article h1") == ["Graph, page 2 of 2"]
    # Trump to Meet Putin: the article, its 2 claims, 2 people and 2 sources; nothing of the budget row.
    labels = page.locator(".explainer-graph svg a.g-link").evaluate_all("links => links.map(a => a.getAttribute('aria-label'))")
    assert sorted(label.split(":")[0].split(",")[0] for label in labels) == ["Article", "Claim", "Claim", "Person", "Person", "Source", "Source"]
    assert not [label for label in labels if "Núñez" in label or "Andina" in label]
    page.locator('.explainer-graph svg a[aria-label="Person: Dmitry Peskov"]').click()
    page.wait_for_url(paged_site + "people/dmitry-peskov/")
