"""The drawings in the site's language: mirrored for a language written right to left, every
word through the message catalogs, and English drawn exactly as before.

Arabic's direction (Babel's CLDR data) is what mirrors the drawings; nodes are matched by the
page they open, the same in both languages. tests/browser/test_rtl.py looks at them in a browser.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT, synthetic_corpus

from generator.annotations.corpus import Corpus
from generator.annotations.model import RELATION_INVERSE, RELATION_LABELS
from generator.annotations.pipeline import check
from generator.pages.graph import local
from generator.pages.graph.layout import WIDTH, layout
from generator.pages.graph.local import LOCAL_WIDTH, local_graph
from generator.pages.graph.network import RELATIONS, network
from generator.pages.graph.pages import graph_pages
from generator.site_map import urls
from generator.translation.messages import Messages, messages

ARABIC, ENGLISH = messages("ar"), messages("en")


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return synthetic_corpus(tmp_path_factory.mktemp("graph-rtl"), 6)


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """The project's own seeds: a desk's own scale (format 1.1)."""
    checked = check(ROOT / "seeds", ROOT)
    assert checked.corpus is not None
    return checked.corpus


def entities(corpus: Corpus) -> list[tuple[str, str]]:
    return [(kind, entity_id) for kind in ("documents", "people", "sources", "claims") for entity_id in corpus.entities(kind)]


def test_the_languages_directions() -> None:
    assert (ARABIC.direction, ENGLISH.direction, messages("he").direction, messages("fa").direction) == ("rtl", "ltr", "rtl", "rtl")


def test_a_claims_relations_to_claims_are_the_models_labels_in_lower_case() -> None:
    for key, inverse in RELATION_INVERSE.items():
        assert RELATIONS[key] == (RELATION_LABELS[key].lower(), RELATION_LABELS[inverse].lower())


def test_english_is_drawn_as_without_a_language(synthetic: Corpus) -> None:
    assert graph_pages(synthetic, per_page=2) == graph_pages(synthetic, per_page=2, msg=ENGLISH)
    net = network(synthetic)
    for kind, entity_id in entities(synthetic):
        drawn = local_graph(synthetic, kind, entity_id, net=net)
        assert drawn == local_graph(synthetic, kind, entity_id, net=net, msg=ENGLISH)
        assert "direction=" not in "".join(drawn)


# --- mirrored -------------------------------------------------------------------------------

NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
LINK = re.compile(r'<a class="g-link" href="([^"]*)" aria-label="[^"]*"><title>[^<]*</title>(.*?)<text class="g-label" x="([^"]*)"[^>]*?'
                  r'(?: text-anchor="([a-z]+)")?>')


def shape_centre(shape: str) -> float:
    """The x of a node's shape's centre (circle, diamond, rectangle or pill)."""
    if found := re.search(r'cx="([^"]*)"', shape):
        return float(found[1])
    if found := re.search(r'd="M([^ ]*) ', shape):
        return float(found[1])
    x, width = re.search(r'x="([^"]*)" y="[^"]*" width="([^"]*)"', shape).groups()  # type: ignore[union-attr]
    return float(x) + float(width) / 2


def nodes(drawing: str) -> dict[str, tuple[float, float, str]]:
    """Each node link by the page it opens: its shape's centre, its label's x and text-anchor."""
    return {href: (shape_centre(shape), float(x), anchor or "start") for href, shape, x, anchor in LINK.findall(drawing)}


def edges(drawing: str) -> list[list[float]]:
    """Each line's numbers, in drawing order."""
    part = drawing[drawing.index('<g class="g-edges">'):drawing.index('<g class="g-nodes">')]
    return [[float(n) for n in NUMBER.findall(d)] for d in re.findall(r'<path class="[^"]*" d="([^"]*)"', part)]


def assert_mirrored(ltr: str, rtl: str, width: float) -> None:
    ltr_nodes, rtl_nodes = nodes(ltr), nodes(rtl)
    assert ltr_nodes and ltr_nodes.keys() == rtl_nodes.keys()
    for label, (shape, text_x, anchor) in ltr_nodes.items():
        # The same anchor word: an SVG with direction="rtl" reads start and end the other way round.
        assert rtl_nodes[label] == pytest.approx((width - shape, width - text_x, anchor), abs=0.051), label
    ltr_edges, rtl_edges = edges(ltr), edges(rtl)
    assert len(ltr_edges) == len(rtl_edges) > 0
    for before, after in zip(ltr_edges, rtl_edges, strict=True):
        mirrored = [width - n if i % 2 == 0 else n for i, n in enumerate(before)]  # x, y pairs
        assert after == pytest.approx(mirrored, abs=0.11)


def test_the_whole_graph_is_mirrored(synthetic: Corpus) -> None:
    net = network(synthetic)
    ltr_places, rtl_places = layout(synthetic, net), layout(synthetic, net, rtl=True)
    assert {k: (WIDTH - p.x, p.y) for k, p in ltr_places.items()} == {k: (p.x, p.y) for k, p in rtl_places.items()}
    ltr, rtl = graph_pages(synthetic, per_page=3), graph_pages(synthetic, per_page=3, msg=ARABIC)
    assert ltr.keys() == rtl.keys() and len(rtl) == 2
    for path in ltr:
        assert '<svg class="g-svg g-whole" direction="rtl" viewBox=' in rtl[path]
        assert_mirrored(ltr[path], rtl[path], WIDTH)
        headings = re.findall(r'<text class="g-heading" x="([^"]*)" y="24" text-anchor="([a-z]+)">', rtl[path])
        assert [(WIDTH - float(x), anchor) for x, anchor in headings] == [
            (float(x), anchor) for x, anchor in re.findall(r'<text class="g-heading" x="([^"]*)" y="24" text-anchor="([a-z]+)">', ltr[path])
        ]
        # The keyboard meets the columns in reading order: from the right, people first.
        order = [centre for centre, _x, _anchor in nodes(rtl[path]).values()]
        assert order == sorted(order, reverse=True) and order[0] == WIDTH - 200
        assert "/people/" in next(iter(nodes(rtl[path])))


def test_each_local_graph_is_mirrored(synthetic: Corpus, seeds: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(local, "MAX_SIDE", 3)  # and its "more" too
    more = 0
    for corpus in (synthetic, seeds):
        net = network(corpus)
        for kind, entity_id in entities(corpus):
            ltr = "".join(local_graph(corpus, kind, entity_id, net=net))
            rtl = "".join(local_graph(corpus, kind, entity_id, net=net, msg=ARABIC))
            assert ("direction" in rtl) == bool(ltr)
            if not ltr:
                continue
            assert_mirrored(ltr, rtl, LOCAL_WIDTH)
            centre = r'<text class="g-(?:label|more)" x="([^"]*)" y="[^"]*" text-anchor="middle">'
            assert [LOCAL_WIDTH - float(x) for x in re.findall(centre, ltr)] == [float(x) for x in re.findall(centre, rtl)]
            more += 'class="g-more"' in rtl
    assert more > 10


# --- every word through the catalogs ----------------------------------------------------------


class Marked(Messages):
    """Every word the catalogs give, in brackets: what is not bracketed did not come from them."""

    def _(self, message: str, **values: object) -> str:
        return f"⟦{super()._(message, **values)}⟧"

    def ngettext(self, singular: str, plural: str, n: int, **values: object) -> str:
        return f"⟦{super().ngettext(singular, plural, n, **values)}⟧"


def words(drawing: str) -> list[str]:
    """What a reader sees or hears of a drawing page besides the nodes' own labels."""
    said = re.findall(r'aria-label="([^"]*)"', drawing) + re.findall(r"<title>([^<]*)</title>", drawing)
    said += re.findall(r'<text class="g-(?:heading|more)"[^>]*>([^<]*)</text>', drawing)
    lines = [line for line in drawing.splitlines() if line.strip() and not line.startswith(("<", "---", "hide:", "  - "))]
    return said + [line.lstrip("# ") for line in lines]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_word_of_the_drawings_comes_from_the_catalogs(synthetic: Corpus, seeds: Corpus, language: str) -> None:
    marked = Marked(language)
    for corpus in (synthetic, seeds):
        net = network(corpus)
        pages = graph_pages(corpus, per_page=100, msg=marked)
        drawings = [pages[urls.GRAPH], *("\n".join(local_graph(corpus, k, i, net=net, msg=marked)) for k, i in entities(corpus))]
        for drawing in drawings:
            for said in words(drawing):
                assert said.startswith("⟦"), said
    # A claim's verdict is the generator's word on the v1 scale, the desk's own on its scale.
    words_of = Messages(language)
    claim = words_of._("Claim, {verdict}: {name}", verdict="VERDICT", name="")
    assert claim.replace("VERDICT", "⟦" + words_of._("Accurate") + "⟧") in pages_of(synthetic, marked)
    assert re.search(re.escape(claim.split("VERDICT")[0]) + "[A-Z]", pages_of(seeds, marked))


def pages_of(corpus: Corpus, msg: Messages) -> str:
    return "".join(graph_pages(corpus, per_page=100, msg=msg).values())


def test_an_empty_graph_has_its_words_too(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    checked = check(tmp_path / "seeds", tmp_path)
    assert checked.corpus is not None
    [page] = graph_pages(checked.corpus, msg=Marked("ar")).values()
    arabic = Messages("ar")
    assert f"# ⟦{arabic._('Graph')}⟧" in page and f"⟦{arabic._('Nothing to draw yet.')}⟧" in page


def test_a_nodes_relations_are_joined_with_the_languages_comma() -> None:
    from generator.pages.graph.svg import relations_said

    assert relations_said(("said", "supports"), ENGLISH) == "Said, supports"
    arabic = relations_said(("said", "supports"), ARABIC)
    assert arabic == f"{ARABIC._('said')}، {ARABIC._('supports')}"
