"""A site in Arabic reads right to left: its geometry in Debian's Chromium, at desktop and phone widths.

The project's own seeds (an English article, which the Arabic site marks `dir="ltr"`) and
one Arabic article, built with `theme.language: ar`. Material writes `<body dir="rtl">`; the
generator's parts must follow it (explainer.css uses logical sides) and its drawings are
mirrored (`pages/graph`). Every assertion measures boxes: which side an icon, a label, a
rail or a bar stands on, and that nothing leaves the page. Screenshots of each page at each
width go to test-artifacts/rtl/ (not committed).

Built without `--strict`: until an Arabic catalog is shipped the build warns that the
generator's words stay in English, and nothing here reads those words.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from conftest import ROOT, Project, in_language, make_project
from local_site import browser, require_chromium, serve

pytestmark = pytest.mark.browser

ARTIFACTS = ROOT / "test-artifacts" / "rtl"
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}

# A made-up article for this test, in Arabic: a budget row, with a quote rated on the project's scale.
ARABIC_TEXT = """\
خلاف على الميزانية في ليما

قال وزير المالية خوسيه نونييث يوم الاثنين إن «العجز انخفض إلى 2 في المئة»، وفق وكالة أندينا.
وردّت النائبة المعارضة ليلى مثال بأن «الأرقام مطبوخة».

وصححت أندينا تقريرها لاحقاً.
"""

ARABIC_YAML = """\
documents:
  - id: budget-ar
    text: budget-ar.txt
    language: ar
    published: 2025-03-04
    publisher: andina
people:
  - id: jose-nunez
    name: خوسيه نونييث
    aliases: [خوسيه نونييث]
    role: وزير المالية
  - id: layla-mithal
    name: ليلى مثال
    aliases: [ليلى مثال]
sources:
  - id: andina
    name: وكالة أندينا
    type: news-agency
    aliases: [أندينا]
claims:
  - id: deficit-fell-ar
    quote: "العجز انخفض إلى 2 في المئة"
    kind: assertion
    claimant: jose-nunez
    said_on: 2025-03-03
    via: [andina]
    tags: [economy]
    verdict: misleading
    explanation: انخفض العجز إلى *2.4 في المئة* بحسب الوزارة، والتقريب يخفي ذلك.
    evidence:
      - url: https://example.org/deficit
        source: andina
        title: أرقام العجز
  - id: figures-cooked-ar
    quote: "الأرقام مطبوخة"
    kind: assertion
    claimant: layla-mithal
    said_on: 2025-03-04
    tags: [economy]
    verdict: opinion
    explanation: رأي، لا واقعة يمكن التحقق منها.
"""

ARTICLE = "articles/budget-ar/"
ENGLISH_ARTICLE = "articles/trump-to-meet-putin/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    require_chromium()
    project: Project = make_project(tmp_path_factory.mktemp("rtl") / "project")
    shutil.rmtree(project.seeds)
    shutil.copytree(ROOT / "seeds", project.seeds)
    project.write("seeds/budget-ar.txt", ARABIC_TEXT)
    project.write("seeds/budget-ar.yaml", ARABIC_YAML)
    config = project.root / "mkdocs.yml"
    config.write_text(in_language(config.read_text(encoding="utf-8"), "ar"), encoding="utf-8")
    result = project.run("-m", "mkdocs", "build")
    assert result.returncode == 0, result.stderr
    with serve(project.root / "site") as base:
        yield base


@pytest.fixture(scope="module")
def chromium(site: str) -> Iterator[Any]:
    with browser() as launched:
        yield launched


@pytest.fixture(params=list(VIEWPORTS))
def width(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def page(chromium: Any, site: str, width: str) -> Iterator[Any]:
    context = chromium.new_context(viewport=VIEWPORTS[width])
    tab = context.new_page()
    problems: list[str] = []

    def route(handler: Any) -> None:
        if urlsplit(handler.request.url).hostname == "127.0.0.1":
            handler.continue_()
        else:
            problems.append(handler.request.url)
            handler.abort()

    tab.route("**/*", route)
    tab.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    tab.on("pageerror", lambda error: problems.append(str(error)))
    yield tab
    context.close()
    assert problems == [], "the pages logged errors or asked another host"


def open_page(page: Any, site: str, path: str) -> None:
    page.goto(site + path, wait_until="load")
    assert page.evaluate("[document.documentElement.lang, document.body.dir, getComputedStyle(document.body).direction]") == [
        "ar", "rtl", "rtl",
    ]


def shot(page: Any, name: str, width: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=True)


def box(page: Any, selector: str) -> dict[str, float]:
    found = page.locator(selector).first.bounding_box()
    assert found is not None, selector
    return {"left": found["x"], "right": found["x"] + found["width"], "width": found["width"]}


def content(page: Any) -> dict[str, float]:
    return box(page, "article.md-content__inner")


def no_horizontal_overflow(page: Any) -> None:
    """Nothing in the page's content stands outside the viewport, unless inside a box that scrolls
    or clips it (a graph); and the page cannot be scrolled sideways. Right to left, what overflows
    does so to the left, which only the boxes show."""
    found = page.evaluate(
        """() => {
        const width = document.documentElement.clientWidth;
        const held = e => {
            for (let p = e.parentElement; p && p !== document.body; p = p.parentElement)
                if (getComputedStyle(p).overflowX !== 'visible') return true;
            return false;
        };
        const out = [];
        for (const e of document.querySelectorAll('.md-content *')) {
            const r = e.getBoundingClientRect();
            if (!r.width || !r.height || (r.left >= -1 && r.right <= width + 1) || held(e)) continue;
            out.push(`${e.tagName}.${e.className}: ${Math.round(r.left)}..${Math.round(r.right)}`);
        }
        return [document.documentElement.scrollWidth - width, window.scrollX, out.slice(0, 5)];
    }"""
    )
    assert found == [0, 0, []], found


def line_right(page: Any, selector: str) -> float:
    """Where the words of an element's first line end on the right (whatever their own direction:
    an English phrase in an Arabic line is placed as a whole)."""
    right: float = page.locator(selector).first.evaluate(
        """e => {
        const range = document.createRange();
        range.selectNodeContents(e);
        const rects = [...range.getClientRects()].filter(r => r.width > 0);
        const top = Math.min(...rects.map(r => r.top));
        return Math.max(...rects.filter(r => r.top < top + 4).map(r => r.right));
    }"""
    )
    return right


def claim_icon(page: Any, selector: str) -> dict[str, float]:
    """Where a highlighted claim's verdict icon (its ::before) stands: the room on each side
    between the link's first box and its first words, and between its last box and its last
    words (the icon opens the first line only); and the icon's margins."""
    found: dict[str, float] = page.locator(selector).first.evaluate(
        """a => {
        const texts = [...a.childNodes].filter(n => n.nodeType === 3 && n.data.trim());
        const words = node => {
            const range = document.createRange();
            range.setStart(node, node.data.length - node.data.trimStart().length);
            range.setEnd(node, node.data.trimEnd().length);
            return [...range.getClientRects()];
        };
        const first = words(texts[0])[0], last = words(texts[texts.length - 1]).pop();
        const links = [...a.getClientRects()], link = links[0], end = links[links.length - 1];
        const icon = getComputedStyle(a, '::before');
        return {first_left: first.left - link.left, first_right: link.right - first.right,
                last_left: last.left - end.left, last_right: end.right - last.right,
                margin_left: parseFloat(icon.marginLeft), margin_right: parseFloat(icon.marginRight)};
    }"""
    )
    return found


def test_a_highlights_icon_stands_at_its_start_in_either_direction(page: Any, site: str, width: str) -> None:
    open_page(page, site, ARTICLE)
    assert page.locator(".explainer-text").first.evaluate("e => getComputedStyle(e).direction") == "rtl"
    arabic = claim_icon(page, '.explainer-text a.claim[data-claim="figures-cooked-ar"]')
    # Right to left: the icon stands right of the claim's words, its gap on the words' side.
    assert arabic["first_right"] > 8 and arabic["last_left"] < 4, arabic
    assert arabic["margin_left"] > 2 and arabic["margin_right"] == 0, arabic
    shot(page, "article", width)
    # The English article, marked dir="ltr" inside the Arabic site, keeps its own side: the mirror image.
    open_page(page, site, ENGLISH_ARTICLE)
    text = page.locator(".explainer-text").first
    assert text.evaluate("e => [e.closest('[dir]').dir, getComputedStyle(e).direction]") == ["ltr", "ltr"]
    english = claim_icon(page, '.explainer-text a.claim[data-claim="peskov-denied-request"]')
    assert english["first_left"] > 8 and english["last_right"] < 4, english
    assert english["margin_right"] > 2 and english["margin_left"] == 0, english
    assert abs(english["first_left"] - arabic["first_right"]) < 3  # the same icon, mirrored
    no_horizontal_overflow(page)


def test_the_legend_and_preview_start_on_the_right(page: Any, site: str, width: str) -> None:
    open_page(page, site, ARTICLE)
    page_box, legend = content(page), box(page, ".explainer-legend")
    assert abs(legend["right"] - page_box["right"]) < 2
    item = box(page, ".explainer-legend li")
    assert legend["right"] - item["right"] < item["left"] - legend["left"], (legend, item)
    no_horizontal_overflow(page)
    claim = page.locator('.explainer-text a.claim[data-claim="deficit-fell-ar"]')
    claim.hover() if width == "desktop" else claim.focus()
    tip = page.locator("#explainer-preview")
    tip.wait_for(state="visible")
    assert tip.evaluate("e => getComputedStyle(e).direction") == "rtl"
    tip_box, verdict = box(page, "#explainer-preview"), box(page, ".explainer-preview-verdict")
    padding = float(tip.evaluate("e => parseFloat(getComputedStyle(e).paddingRight)"))
    assert abs(tip_box["right"] - padding - verdict["right"]) < 2, (tip_box, verdict)
    assert tip_box["left"] >= 0 and tip_box["right"] <= VIEWPORTS[width]["width"]
    icon = page.locator(".explainer-preview-icon").evaluate("e => [getComputedStyle(e).marginLeft, getComputedStyle(e).marginRight].map(parseFloat)")
    assert icon[0] > 2 and icon[1] == 0, icon  # the gap between the icon and the verdict's word, on the word's side
    shot(page, "article-preview", width)


def test_the_claims_filters_start_on_the_right(page: Any, site: str, width: str) -> None:
    open_page(page, site, "claims/")
    form = page.locator("form.explainer-filter")
    form.wait_for(state="visible")
    page_box, fieldset = content(page), box(page, "form.explainer-filter fieldset")
    assert abs(fieldset["right"] - page_box["right"]) < 2
    legend, option = box(page, "form.explainer-filter fieldset legend"), box(page, ".explainer-filter-option")
    for inner in (legend, option):
        assert fieldset["right"] - inner["right"] < inner["left"] - fieldset["left"], (fieldset, inner)
    # The options run right to left: the second of a line stands left of the first.
    options = page.locator("form.explainer-filter fieldset").first.locator(".explainer-filter-option")
    first, second = options.nth(0).bounding_box(), options.nth(1).bounding_box()
    if abs(first["y"] - second["y"]) < 2:
        assert second["x"] + second["width"] <= first["x"] + 1
    arabic_row = 'li.claim-row:has(a[href*="deficit-fell-ar"])'
    assert box(page, arabic_row)["right"] - line_right(page, arabic_row) < 2
    no_horizontal_overflow(page)
    shot(page, "claims-index", width)


def test_the_timelines_rail_and_markers_are_on_the_right(page: Any, site: str, width: str) -> None:
    open_page(page, site, "timeline/")
    rail = page.locator(".explainer-timeline > ul").first
    borders = rail.evaluate("e => [parseFloat(getComputedStyle(e).borderRightWidth), parseFloat(getComputedStyle(e).borderLeftWidth)]")
    assert borders == [3, 0]
    rail_box, page_box = box(page, ".explainer-timeline > ul"), content(page)
    assert page_box["right"] - rail_box["right"] < 20 and rail_box["left"] - page_box["left"] < 2
    marker = rail.locator(":scope > li").first.evaluate(
        """li => {
        const r = li.getBoundingClientRect(), s = getComputedStyle(li, '::before');
        const right = r.right - parseFloat(s.right), width = parseFloat(s.width);
        return {left: right - width, right: right};
    }"""
    )
    rail_line = (rail_box["right"] - 3, rail_box["right"])
    centre = (marker["left"] + marker["right"]) / 2
    assert abs(centre - sum(rail_line) / 2) < 3, (marker, rail_line)  # each date's marker sits on the rail
    item = box(page, ".explainer-timeline > ul > li")
    assert item["right"] - line_right(page, ".explainer-timeline > ul > li") < 2 and item["right"] < rail_line[0]
    no_horizontal_overflow(page)
    shot(page, "timeline", width)


def test_a_scorecard_reads_from_the_right_and_its_bars_fill_from_the_right(page: Any, site: str, width: str) -> None:
    open_page(page, site, "people/donald-trump/")
    table, page_box = box(page, "#scorecard table"), content(page)
    assert abs(table["right"] - page_box["right"]) < 2
    assert box(page, "#scorecard caption")["right"] - line_right(page, "#scorecard caption") < 2
    row = page.locator("#scorecard tbody tr").first
    verdict, count = row.locator("th").bounding_box(), row.locator("td.explainer-count").bounding_box()
    assert verdict["x"] > count["x"]  # the verdict's column comes first, on the right
    bar = row.locator("svg.explainer-bar")
    share = bar.locator("rect").get_attribute("width")
    assert share is not None and float(share) < 50
    bar_box, fill = bar.bounding_box(), bar.locator("rect").bounding_box()
    assert abs((bar_box["x"] + bar_box["width"]) - (fill["x"] + fill["width"])) < 1, (bar_box, fill)
    assert fill["x"] > bar_box["x"] + bar_box["width"] / 2
    no_horizontal_overflow(page)
    shot(page, "person-scorecard", width)


def test_a_persons_backlinks_and_context_sentences_start_on_the_right(page: Any, site: str, width: str) -> None:
    open_page(page, site, "people/jose-nunez/")
    assert box(page, ".explainer-backlinks li")["right"] - line_right(page, ".explainer-backlinks li") < 2
    context = page.locator(".explainer-backlinks .explainer-context mark").first
    assert context.evaluate("e => getComputedStyle(e).direction") == "rtl"
    no_horizontal_overflow(page)
    shot(page, "person", width)


def graph_geometry(page: Any, svg: str) -> dict[str, Any]:
    found: dict[str, Any] = page.locator(svg).evaluate(
        """svg => {
        const r = e => { const b = e.getBoundingClientRect(); return {left: b.left, right: b.right}; };
        const links = [...svg.querySelectorAll('a.g-link')];
        const shape = a => a.querySelector('.g-node');
        const first = links[0];
        const container = svg.closest('.explainer-graph');
        return {svg: r(svg), direction: getComputedStyle(svg).direction, first: r(first),
                first_shape: r(shape(first)), first_label: r(first.querySelector('.g-label')),
                lasts: links.slice(-1).map(r), viewport: r(container)};
    }"""
    )
    return found


def test_the_whole_graph_is_drawn_from_the_right(page: Any, site: str, width: str) -> None:
    open_page(page, site, "graph/")
    found = graph_geometry(page, ".explainer-graph svg.g-whole")
    assert found["direction"] == "rtl"
    drawing, first = found["svg"], found["first"]
    middle = (drawing["left"] + drawing["right"]) / 2
    assert first["left"] > middle, found  # the keyboard's first node (a person) is in the right half
    assert found["lasts"][0]["right"] < middle  # and its last (a source) in the left half
    # A person's label stands right of its circle, away from the claims: the mirror of left to right.
    assert found["first_label"]["left"] > found["first_shape"]["right"]
    # A claim's label starts at its pill's right end, whatever the language of its words.
    pills = page.locator(".explainer-graph svg a.g-link:has(rect.g-claims)").evaluate_all(
        """links => links.map(a => a.querySelector('rect.g-node').getBoundingClientRect().right
                                 - a.querySelector('.g-label').getBoundingClientRect().right)"""
    )
    assert len(pills) > 30 and all(0 < gap < 12 for gap in pills), pills
    headings = page.locator(".explainer-graph svg .g-heading").evaluate_all("hs => hs.map(h => h.getBoundingClientRect().left)")
    assert headings == sorted(headings, reverse=True)  # people | claims | articles | sources, from the right
    # On a phone the drawing scrolls in its box, which opens on its right end: where reading starts.
    viewport = found["viewport"]
    assert viewport["left"] - 1 <= first["left"] and first["right"] <= viewport["right"] + 1, found
    no_horizontal_overflow(page)
    shot(page, "graph", width)


def test_a_local_graph_is_mirrored(page: Any, site: str, width: str) -> None:
    open_page(page, site, "people/jose-nunez/")
    found = graph_geometry(page, ".explainer-local svg")
    assert found["direction"] == "rtl"
    centre = page.locator(".explainer-local svg .g-centre rect.g-node").bounding_box()
    # Left to right his article is left of him and his claim right; here the other way round.
    assert found["first_shape"]["left"] > centre["x"] + centre["width"], found
    assert found["lasts"][0]["right"] < centre["x"]
    assert found["first_label"]["left"] > found["first_shape"]["right"]
    viewport = found["viewport"]
    assert viewport["left"] - 1 <= found["first"]["left"] and found["first"]["right"] <= viewport["right"] + 1, found
    page.locator(".explainer-local").scroll_into_view_if_needed()
    shot(page, "person-local-graph", width)
