"""The graphs' and the exports' fast paths (issue 6), each against the plain definition it replaces.

- `data.json` and each `annotations.jsonld`, written directly, are the encoder's bytes for
  `site_data` and `document_annotations`;
- a name-based id is `uuid.uuid5`'s;
- a local graph drawn from memoised pieces is the one drawn node by node with `Placed`,
  `node_link` and `edge_path`, as the whole graph is;
- the memoised pieces follow an edit (they are kept by value, across builds);
- the JSON-LD and previews' script blocks are what `json.dumps` and `asdict` gave.
"""

from __future__ import annotations

import json
import sys
import uuid
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, SAMPLE_TEXT, SAMPLE_YAML
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.annotations.corpus import Corpus, Key
from generator.annotations.pipeline import check
from generator.open_data import claimreview
from generator.open_data.data_export import site_data, site_data_json
from generator.open_data.webannotation import annotation_files, document_annotations, name_based_iri
from generator.pages.graph import local as graph_local
from generator.pages.graph import network as graph_network
from generator.pages.graph import pages as graph_pages
from generator.pages.graph import svg as graph_svg
from generator.pages.pieces import VERDICT_ICONS
from generator.pages.previews import SCRIPT_ID, json_script, previews, previews_block
from generator.site_map import urls
from generator.translation.messages import messages

sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus import write_corpus  # noqa: E402

# Every kind of field with characters that HTML or JSON read, and every optional field set.
HOSTILE_YAML = (
    SAMPLE_YAML.replace(
        "name: Dmitry Peskov", "name: 'Dmitry </script><img src=x onerror=\"alert(1)\"> & Peskov 🙂'\n    wikidata: Q7747"
    )
    .replace("    role: President-elect of the United States", "    role: President & <b>\"elect\"</b>\n    affiliation: Party 'R'")
    .replace("    type: state-media\n", "    type: state-media\n    url: https://tass.example/?a=1&b=<2>\n")
    .replace(
        "    published: 2025-01-10\n",
        "    published: 2025-01-10\n    url: https://example.org/a?x=1&y='2'\n    title: 'Trump & \"Putin\" <meet> \u2029 ✘'\n",
    )
    .replace(
        "    explanation: Reported by *Reuters* the same day.",
        "    explanation: \"Reported by *Reuters* & others, 3 < 4 > 2, \\\"quoted\\\".\"\n"
        "    title: \"A 'quoted' <title> & more\"\n    tags: [summit, kremlin]",
    )
    .replace(
        "        title: Trump says Putin wants to meet\n",
        "        title: Trump says Putin wants to meet\n      - url: https://example.org/second?a=<b>\n        title: 'No source: & < >'\n",
    )
    .replace("    via: [reuters]\n", "    via: [reuters, tass, reuters]\n")
)


# One person with more claims than a local graph shows on a side: "and 5 more".
CROWDED_TEXT = "Crowded\n\n" + " ".join(f"Ada Lovick said that figure {n} was right." for n in range(1, 46)) + "\n"
CROWDED_YAML = "documents:\n  - id: crowded\n    text: crowded.txt\npeople:\n  - id: ada\n    name: Ada Lovick\n    aliases: [Ada Lovick]\n" + (
    "claims:\n" + "".join(
        f"  - id: figure-{n}\n    quote: figure {n} was right\n    kind: paraphrase\n    claimant: ada\n    verdict: opinion\n"
        for n in range(1, 46)
    )
)


def checked(seeds: Path) -> Corpus:
    result = check(seeds, seeds.parent)
    assert result.ok, [d.message for d in result.diagnostics]
    assert result.corpus is not None
    return result.corpus


@pytest.fixture(scope="module")
def corpora(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Corpus]:
    """The project's own seeds, a synthetic newsroom corpus, the hostile one and a crowded one."""

    def seeds(name: str, files: dict[str, str]) -> Path:
        folder = tmp_path_factory.mktemp(name) / "seeds"
        folder.mkdir()
        for file, text in files.items():
            (folder / file).write_text(text, encoding="utf-8")
        return folder

    synthetic = seeds("synthetic", {})
    write_corpus(synthetic, 6)
    return {
        "seeds": checked(ROOT / "seeds"),
        "synthetic": checked(synthetic),
        "hostile": checked(seeds("hostile", {"article.txt": SAMPLE_TEXT, "article.yaml": HOSTILE_YAML})),
        "crowded": checked(seeds("crowded", {"crowded.txt": CROWDED_TEXT, "crowded.yaml": CROWDED_YAML})),
    }


CORPORA = ["seeds", "synthetic", "hostile", "crowded"]
ADDRESSES = [(None, True), (None, False), ("https://example.org/sub/", True), ("https://example.org/sub", False)]


def plain_json(data: object) -> str:
    """`to_json` as first written: `json.dumps`, compact, characters as they are."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


# --- exports --------------------------------------------------------------------

@pytest.mark.parametrize("name", CORPORA)
@pytest.mark.parametrize(("site_url", "directory_urls"), ADDRESSES)
def test_data_json_is_what_the_encoder_writes_for_site_data(
    corpora: dict[str, Corpus], name: str, site_url: str | None, directory_urls: bool
) -> None:
    corpus = corpora[name]
    expected = plain_json(site_data(corpus, site_url, directory_urls=directory_urls))
    assert site_data_json(corpus, site_url, directory_urls=directory_urls) == expected


@pytest.mark.parametrize("name", CORPORA)
@pytest.mark.parametrize(("site_url", "directory_urls"), ADDRESSES)
def test_annotation_files_are_what_the_encoder_writes_for_each_collection(
    corpora: dict[str, Corpus], name: str, site_url: str | None, directory_urls: bool
) -> None:
    corpus = corpora[name]
    files = annotation_files(corpus, site_url, directory_urls=directory_urls)
    assert files == {
        urls.annotations_file(d): plain_json(document_annotations(corpus, d, site_url, directory_urls=directory_urls))
        for d in corpus.documents
    }


@settings(max_examples=2000, deadline=None)
@given(st.text())
def test_name_based_ids_are_uuid5(address: str) -> None:
    assert name_based_iri(address) == f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'explainer:' + address)}"


JSON_TEXT = st.lists(
    st.sampled_from(["a", "é", "<", ">", "&", "/", '"', "\\", "\n", "\u2028", "\u2029", "🙂", "</script", "\x00"]), max_size=8
).map("".join)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | JSON_TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(JSON_TEXT, inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(JSON_TEXT, JSON_VALUES, max_size=4))
def test_claim_review_json_is_escaped_as_one_translate_pass_did(data: dict[str, Any]) -> None:
    table = str.maketrans(claimreview._SCRIPT_SAFE)
    assert claimreview.script_json(data) == json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(table)


@pytest.mark.parametrize("name", CORPORA)
def test_previews_block_holds_each_preview_as_asdict_gave_it(corpora: dict[str, Corpus], name: str) -> None:
    corpus = corpora[name]
    for doc_id in corpus.documents:
        data = {claim_id: asdict(p) for claim_id, p in previews(corpus, doc_id, messages("en")).items()}
        assert previews_block(corpus, doc_id, messages("en")) == ["", json_script(data, SCRIPT_ID), ""]


# --- graphs ---------------------------------------------------------------------

def local_graph_node_by_node(corpus: Corpus, kind: str, entity_id: str, directory_urls: bool) -> list[str]:
    """`graph_local.local_graph` as first written: a `Placed` per node, drawn with the whole graph's functions."""
    net = graph_network.network(corpus)
    key = (kind, entity_id)
    around = net.neighbours(key)
    if not around:
        return []
    here = urls.entity_page(kind, entity_id)

    def order(k: Key) -> tuple[int, int, str, str]:
        if k[0] == "claims":
            return (graph_network.ORDER[k[0]], corpus.claim_span[k[1]].start, corpus.claim_document[k[1]], k[1])
        return (graph_network.ORDER[k[0]], 0, net.nodes[k].label.casefold(), k[1])

    ordered = sorted(around, key=order)
    right = [k for k in ordered if k[0] == "claims"]
    left = [k for k in ordered if k[0] != "claims"]
    if kind == "claims" or not left or not right:
        half = (len(ordered) + 1) // 2
        left, right = ordered[:half], ordered[half:]
    hidden = max(0, len(left) - graph_local.MAX_SIDE) + max(0, len(right) - graph_local.MAX_SIDE)
    left, right = left[: graph_local.MAX_SIDE], right[: graph_local.MAX_SIDE]
    rows = max(len(left), len(right), 1)
    height = graph_local.LOCAL_TOP * 2 + (rows - 1) * graph_local.LOCAL_ROW + (graph_local.LOCAL_ROW if hidden else 0)
    centre_y = graph_local.LOCAL_TOP + (rows - 1) * graph_local.LOCAL_ROW / 2
    placed = {key: graph_svg.Placed(net.nodes[key], graph_local.CENTRE_X, centre_y, "inside", graph_local.CENTRE_WIDTH, 22)}
    sides = (
        (left, graph_local.LEFT_X, "end", graph_local.LEFT_X - 16),
        (right, graph_local.RIGHT_X, "start", graph_local.LOCAL_WIDTH - graph_local.RIGHT_X - 16),
    )
    for side, x, label_side, room in sides:
        offset = graph_local.LOCAL_TOP + (rows - len(side)) * graph_local.LOCAL_ROW / 2
        for index, k in enumerate(side):
            limit = int(room / graph_svg.CHAR_WIDTH) - (2 if k[0] == "claims" else 0)
            y = offset + index * graph_local.LOCAL_ROW
            placed[k] = graph_svg.Placed(net.nodes[k], x, y, label_side, limit=limit, relation=", ".join(around[k]))
    centre = placed[key]
    faint = {k: "mentions" if "mentions" in around[k] or "mentioned in" in around[k] else "" for k in [*left, *right]}
    edges = [graph_svg.edge_path(centre, placed[k], faint[k]) for k in [*left, *right]]
    me = centre.node
    text = graph_svg.shorten(me.label, centre.limit)
    if me.verdict:
        text = f"{VERDICT_ICONS[me.verdict]} {text}"
    centre_svg = (
        f'<g class="g-centre" aria-current="page"><title>{graph_svg.esc(me.description())}</title>{graph_svg.shape(centre)}'
        f'<text class="g-label" x="{graph_svg.num(graph_local.CENTRE_X)}" y="{graph_svg.num(centre_y + 4)}" text-anchor="middle">'
        f"{graph_svg.esc(text)}</text></g>"
    )
    nodes = [graph_svg.node_link(placed[k], here, directory_urls) for k in [*left, *right]]
    more = (
        [
            f'<text class="g-more" x="{graph_svg.num(graph_local.CENTRE_X)}" y="{graph_svg.num(height - 8)}" '
            f'text-anchor="middle">and {hidden} more</text>'
        ]
        if hidden
        else []
    )
    parts = ['<g class="g-edges">', *edges, "</g>", '<g class="g-nodes">', centre_svg, *nodes, *more, "</g>"]
    title = f"{me.description()} and its {len(around)} direct connection{'s' if len(around) != 1 else ''}"
    return [
        "## Connections { #connections }",
        "",
        '<div class="explainer-graph explainer-local" data-search-exclude>'
        + graph_svg.svg(parts, graph_local.LOCAL_WIDTH, height, title, "g-svg g-local")
        + "</div>",
        "",
        f"Each node opens its page; the [graph]({urls.relative_link(here, urls.GRAPH)}) shows the connections of every article.",
        "",
    ]


@pytest.mark.parametrize("name", CORPORA)
@pytest.mark.parametrize("directory_urls", [True, False])
def test_local_graphs_are_drawn_as_node_by_node(corpora: dict[str, Corpus], name: str, directory_urls: bool) -> None:
    corpus = corpora[name]
    net = graph_network.network(corpus)
    for kind in ("documents", "people", "sources", "claims"):
        for entity_id in corpus.entities(kind):
            fast = graph_local.local_graph(corpus, kind, entity_id, directory_urls=directory_urls, net=net)
            assert fast == local_graph_node_by_node(corpus, kind, entity_id, directory_urls), (kind, entity_id)
    if name == "crowded":
        assert "and 5 more</text>" in "".join(graph_local.local_graph(corpus, "people", "ada", net=net))


def test_kept_pieces_of_a_drawing_follow_an_edit(tmp_path: Path) -> None:
    """Labels, descriptions and places are kept by value from build to build (`serve`): an
    edited name or verdict is drawn as edited, in the local graphs and in the whole graph."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "article.txt").write_text(SAMPLE_TEXT, encoding="utf-8")
    drawings = []
    for yaml in (SAMPLE_YAML, SAMPLE_YAML.replace("name: Donald Trump", "name: Donald J. Trump").replace(
        "verdict: accurate-quote", "verdict: misquoted"
    )):
        (seeds / "article.yaml").write_text(yaml, encoding="utf-8")
        corpus = checked(seeds)
        net = graph_network.network(corpus)
        local = "\n".join(graph_local.local_graph(corpus, "claims", "trump-wants-to-meet", net=net))
        assert local == "\n".join(local_graph_node_by_node(corpus, "claims", "trump-wants-to-meet", True))
        drawings.append((local, graph_pages.graph_pages(corpus, net=net)[urls.GRAPH]))
    (before, whole_before), (after, whole_after) = drawings
    assert "Said by: Person: Donald Trump" in before and "Donald J. Trump" not in before
    assert "Said by: Person: Donald J. Trump" in after
    assert "verdict-accurate-quote" in before and "verdict-misquoted" in after and "verdict-accurate-quote" not in after
    assert "Person: Donald J. Trump" in whole_after and "Person: Donald Trump" not in whole_after
    assert "Person: Donald Trump" in whole_before
