"""The network of people, claims, sources and articles: every link of the corpus as nodes and edges."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple, cast

from ...annotations.corpus import Corpus, Key
from ...site_map import urls
from ...translation.messages import N_, Messages, messages
from ..pieces import verdict_class, verdict_icon

# What a screen reader and a tooltip say of a node, by kind (`Node.description`).
DESCRIPTIONS = {
    "documents": N_("Article: {name}"), "people": N_("Person: {name}"),
    "sources": N_("Source: {name}"), "claims": N_("Claim: {name}"),
}
ORDER = {"people": 0, "documents": 1, "sources": 2, "claims": 3}  # the columns of a local graph, left to right
# relation -> (seen from the edge's first node, seen from its second node). The English words are
# also the keys a local graph reads (`mentions`); they are translated where they are shown. A claim's
# relation to a claim is `model.RELATION_LABELS` in lower case (tests/test_graph_rtl.py keeps them equal):
# a description joins several, the first capitalised.
RELATIONS: dict[str, tuple[str, str]] = {
    "in": (N_("in"), N_("contains")),
    "said-by": (N_("said by"), N_("said")),
    "via": (N_("credited to"), N_("credited with")),
    "evidence": (N_("evidence from"), N_("cited as evidence for")),
    "publisher": (N_("published by"), N_("published")),
    "mentions": (N_("mentions"), N_("mentioned in")),
    "supports": (N_("supports"), N_("supported by")),
    "supported-by": (N_("supported by"), N_("supports")),
    "disputes": (N_("disputes"), N_("disputed by")),
    "disputed-by": (N_("disputed by"), N_("disputes")),
    "responds-to": (N_("responds to"), N_("answered by")),
    "context": (N_("context"), N_("context")),
}


# Nodes and edges are named tuples, not dataclasses: a build makes ~10,000 of one and ~45,000
# of the other, and a frozen dataclass's __init__ sets each field through object.__setattr__.
class Node(NamedTuple):
    kind: str
    id: str
    label: str
    verdict: str | None = None
    # How the corpus's scale shows the verdict (pieces.verdict_icon, verdict_class): drawings
    # are memoised by node, so what they show of the verdict is part of it.
    verdict_label: str = ""
    verdict_icon: str = ""
    verdict_class: str = ""
    # The label is the generator's word (the v1 scale, or the `unverified` a desk left out), translated
    # where it is shown; a desk's own label is shown as written (as `Messages.scale` has it).
    verdict_ours: bool = False
    # The language of a label that is a document's own words (a claim without a title shows its
    # quote), marked where it is not the site's (`label_text`); empty for the rest.
    language: str = ""

    @property
    def key(self) -> Key:
        return (self.kind, self.id)

    @property
    def page(self) -> str:
        return urls.entity_page(self.kind, self.id)

    def description(self, msg: Messages | None = None) -> str:
        """What a screen reader and a tooltip say about the node, in `msg`'s language (English)."""
        msg = msg or messages("en")
        if self.verdict:
            verdict = msg._(self.verdict_label) if self.verdict_ours else self.verdict_label
            return msg._("Claim, {verdict}: {name}", verdict=verdict, name=self.label)
        return msg._(DESCRIPTIONS[self.kind], name=self.label)


class Edge(NamedTuple):
    a: Key
    b: Key
    relation: str


@dataclass(frozen=True)
class Network:
    nodes: dict[Key, Node]
    edges: list[Edge]

    @cached_property
    def _incident(self) -> dict[Key, list[Edge]]:
        # Built once (one cheap pass): every entity page asks for its neighbours, and a
        # `serve` rebuild asks for a few hundred of 10,000, so each node's table is made on demand.
        found: dict[Key, list[Edge]] = defaultdict(list)
        for edge in self.edges:
            if edge.a != edge.b:
                found[edge.a].append(edge)
                found[edge.b].append(edge)
        return found

    def local_order(self, corpus: Corpus) -> dict[Key, tuple[int, int, str, str]]:
        """Each node's place in a local graph's columns (kind, then reading order or name).

        Computed once for all nodes and kept with the network: every entity page sorts its
        neighbours by it. `corpus` must be the one the network was made from.
        """
        kept = self.__dict__.get("_local_order")
        if kept is not None and kept[0] is corpus:
            return cast(dict[Key, tuple[int, int, str, str]], kept[1])
        order: dict[Key, tuple[int, int, str, str]] = {}
        for k, node in self.nodes.items():
            if k[0] == "claims":
                order[k] = (ORDER["claims"], corpus.claim_span[k[1]].start, corpus.claim_document[k[1]], k[1])
            else:
                order[k] = (ORDER[k[0]], 0, node.label.casefold(), k[1])
        self.__dict__["_local_order"] = (corpus, order)  # beside the frozen fields, as cached_property does
        return order

    @cached_property
    def nodes_and_pages(self) -> dict[Key, tuple[Node, str]]:
        """Each node with its page (`Node.page`), made once for every graph that links to it."""
        return {k: (node, urls.entity_page(*k)) for k, node in self.nodes.items()}

    def neighbour_keys(self, key: Key) -> list[Key]:
        """The keys of `neighbours(key)`, in the same order, without their relations."""
        return list(dict.fromkeys(edge.b if edge.a == key else edge.a for edge in self._incident.get(key, ())))

    def neighbours(self, key: Key) -> dict[Key, list[str]]:
        """Each direct neighbour with the relations as seen from `key`, in a stable order (the edges')."""
        around: dict[Key, list[str]] = {}
        for edge in self._incident.get(key, ()):
            other, seen = (edge.b, RELATIONS[edge.relation][0]) if edge.a == key else (edge.a, RELATIONS[edge.relation][1])
            relations = around.setdefault(other, [])
            if seen not in relations:
                relations.append(seen)
        return around


def network(corpus: Corpus) -> Network:
    nodes: dict[Key, Node] = {}
    for doc_id in corpus.documents:
        nodes[("documents", doc_id)] = Node("documents", doc_id, corpus.titles[doc_id])
    for kind in ("people", "sources"):
        for entity_id, item in corpus.entities(kind).items():
            nodes[(kind, entity_id)] = Node(kind, entity_id, item.entry.name)
    edges: dict[tuple[Key, Key, str], None] = {}
    for claim_id in corpus.claims:
        claim = corpus.claim(claim_id)
        key = ("claims", claim_id)
        scale, verdict = corpus.scale, claim.verdict
        nodes[key] = Node(
            "claims",
            claim_id,
            claim.title or claim.quote,
            verdict,
            scale.label(verdict),
            verdict_icon(scale, verdict),
            verdict_class(scale, verdict),
            scale[verdict].at is None,
            "" if claim.title else corpus.documents[corpus.claim_document[claim_id]].entry.language,
        )
        edges[(key, ("documents", corpus.claim_document[claim_id]), "in")] = None
        if claim.claimant:
            edges[(key, ("people", claim.claimant), "said-by")] = None
        for source in claim.via:
            edges[(key, ("sources", source), "via")] = None
        for evidence in claim.evidence:
            if evidence.source:
                edges[(key, ("sources", evidence.source), "evidence")] = None
        for rel in claim.related:
            edges[(key, ("claims", rel.claim), rel.relation)] = None
    for doc_id in corpus.documents:
        key = ("documents", doc_id)
        publisher = corpus.documents[doc_id].entry.publisher
        if publisher:
            edges[(key, ("sources", publisher), "publisher")] = None
        for mention in corpus.mentions.get(doc_id, []):
            edges[(key, (mention.kind, mention.entity), "mentions")] = None
    return Network(nodes, list(map(Edge._make, edges)))
