"""W3C Web Annotation export: one JSON-LD AnnotationCollection per article.

Every claim and every mention of a person or source is an `Annotation` whose target is
the article page with two selectors: a `TextQuoteSelector` (exact, prefix, suffix) and a
`TextPositionSelector`. Positions count Unicode code points of the source text (the text
file the article page shows in full), which is what Python's `str` indices are; a
JavaScript client counts UTF-16 code units and must convert (or match on the quote).

With `site_url`, every id and `source` is an absolute URL, and each annotation links to
its claim or entity page. Without it (the model requires absolute IRIs, so a relative URL
will not do), every id and `source` is a name-based `urn:uuid:`, the UUID 5 of
`explainer:` + the address relative to the site root (`articles/<id>/`, or
`articles/<id>/annotations.jsonld#claim-<claim id>`): stable from build to build, the same
article always the same IRI, but not a web address.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Mapping
from typing import Any

from ..annotations.corpus import Corpus, Mention
from ..annotations.text_spans import Span
from ..site_map import urls

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
CONTEXT_CHARS = 32  # of prefix and suffix, as Hypothesis records them
Json = dict[str, Any]


class _Addresses:
    """Ids and links seen from one export file."""

    def __init__(self, file: str, site_url: str | None, directory_urls: bool) -> None:
        self.file = file
        self.site_url = site_url or None
        self.directory_urls = directory_urls

    def _iri(self, path: str, fragment: str = "") -> str:
        if self.site_url:
            return urls.absolute_url(self.site_url, path, fragment)
        return name_based_iri(path + (f"#{fragment}" if fragment else ""))

    def page(self, page: str, anchor: str = "") -> str:
        return self._iri(urls.page_url(page, directory_urls=self.directory_urls), anchor)

    def own(self, fragment: str = "") -> str:
        """An id for something this file defines."""
        return self._iri(self.file, fragment)


_NAMESPACE = uuid.NAMESPACE_URL.bytes
_VARIANT = {digit: "89ab"[int(digit, 16) & 3] for digit in "0123456789abcdef"}  # the top two bits set to 10


def name_based_iri(address: str) -> str:
    """The stand-in IRI of a site address when the site's URL is unknown.

    `urn:uuid:` + `uuid.uuid5(uuid.NAMESPACE_URL, "explainer:" + address)`, spelled out: the
    same SHA-1, its first 16 bytes in hex, the version digit 5 and the RFC 4122 variant bits,
    without a UUID object (a build makes ~40,000 ids; tests/test_graph_export_fast_paths.py
    compares the two).
    """
    h = hashlib.sha1(_NAMESPACE + ("explainer:" + address).encode()).hexdigest()
    return f"urn:uuid:{h[:8]}-{h[8:12]}-5{h[13:16]}-{_VARIANT[h[16]]}{h[17:20]}-{h[20:32]}"


def selectors(text: str, span: Span) -> list[Json]:
    """The quote with its context, then its place; both in code points of `text`."""
    return [
        {
            "type": "TextQuoteSelector",
            "exact": text[span.start : span.end],
            "prefix": text[max(0, span.start - CONTEXT_CHARS) : span.start],
            "suffix": text[span.end : span.end + CONTEXT_CHARS],
        },
        {"type": "TextPositionSelector", "start": span.start, "end": span.end},
    ]


def _claim_annotation(corpus: Corpus, claim_id: str, at: _Addresses) -> Json:
    claim = corpus.claim(claim_id)
    doc_id = corpus.claim_document[claim_id]
    verdict = corpus.scale[claim.verdict]
    label, meaning = verdict.label, verdict.meaning
    body: list[Json] = [
        {"type": "TextualBody", "purpose": "assessing", "value": f"{label}: {meaning}", "format": "text/plain", "language": "en"}
    ]
    if claim.explanation:
        body.append({"type": "TextualBody", "purpose": "describing", "value": claim.explanation, "format": "text/markdown"})
    if claim.claimant:
        person = corpus.people[claim.claimant].entry
        body.append({"type": "TextualBody", "purpose": "identifying", "value": person.name, "format": "text/plain"})
    if at.site_url:  # an External Web Resource needs an absolute IRI
        body.append(
            {"id": at.page(urls.entity_page("claims", claim_id)), "type": "Text", "format": "text/html", "purpose": "linking"}
        )
    return {
        "@context": CONTEXT,
        "id": at.own(urls.claim_anchor(claim_id)),
        "type": "Annotation",
        "motivation": "assessing",
        "body": body,
        "target": {
            "source": at.page(urls.entity_page("documents", doc_id)),
            "selector": selectors(corpus.texts[doc_id].text, corpus.claim_span[claim_id]),
        },
    }


def _mention_annotation(corpus: Corpus, mention: Mention, at: _Addresses) -> Json:
    entity = corpus.entities(mention.kind)[mention.entity].entry
    body: list[Json] = [{"type": "TextualBody", "purpose": "identifying", "value": entity.name, "format": "text/plain"}]
    wikidata = getattr(entity, "wikidata", None)
    if wikidata:
        body.append({"id": f"http://www.wikidata.org/entity/{wikidata}", "purpose": "identifying"})
    if at.site_url:
        body.append(
            {
                "id": at.page(urls.entity_page(mention.kind, mention.entity)),
                "type": "Text",
                "format": "text/html",
                "purpose": "linking",
            }
        )
    return {
        "@context": CONTEXT,
        "id": at.own(urls.mention_anchor(mention.kind, mention.entity, mention.number)),
        "type": "Annotation",
        "motivation": "identifying",
        "body": body,
        "target": {
            "source": at.page(urls.entity_page("documents", mention.document)),
            "selector": selectors(corpus.texts[mention.document].text, mention.span),
        },
    }


def document_annotations(corpus: Corpus, doc_id: str, site_url: str | None = None, *, directory_urls: bool = True) -> Json:
    """The AnnotationCollection of one article: its claims, then its mentions, in text order."""
    at = _Addresses(urls.annotations_file(doc_id), site_url, directory_urls)
    items = [_claim_annotation(corpus, c, at) for c in corpus.claims_in_document(doc_id)]
    items += [_mention_annotation(corpus, m, at) for m in corpus.mentions.get(doc_id, [])]
    return {
        "@context": CONTEXT,
        "id": at.own(),
        "type": "AnnotationCollection",
        "label": f"Claims and mentions in “{corpus.titles[doc_id]}”",
        "total": len(items),
        "first": {"id": at.own("page-1"), "type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def to_json(data: object) -> str:
    """Stable, compact JSON: the same corpus gives the same bytes.

    Without `indent`, `json.dumps` runs the C encoder: with `indent=2` it took Python's
    pure-Python one, ~70 % of the exports' time at 1,000 articles (issue 6). Pretty-print
    with `python -m json.tool` when reading.
    """
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


# The string writer of the compact encoder (`to_json`): with `ensure_ascii=False`, json's
# encoder escapes every string with this very function. The exports' direct writers
# (here and in data_export) write their strings with it.
json_string = json.encoder.encode_basestring
_str = json_string
_CONTEXT_JSON = _str(CONTEXT)


class _Writer:
    """`to_json(document_annotations(...))`, written out directly: the same bytes, without the dicts.

    At 1,000 articles the exports make ~36,000 annotations; built as dicts and then encoded
    they took twice as long (issue 6). Here each one is a few f-strings, its values written
    by the encoder's own string writer, keys in the same order, and what is the same for
    every mention of an entity is written once. tests/test_graph_export_fast_paths.py holds the two equal.
    """

    def __init__(self, corpus: Corpus, site_url: str | None, directory_urls: bool) -> None:
        self.corpus = corpus
        self.site_url = site_url
        self.directory_urls = directory_urls
        self.pages: dict[str, str] = {}  # page -> its IRI, as JSON
        self.bodies: dict[tuple[str, str], str] = {}  # (kind, id) -> a mention's body items, as JSON

    def document(self, doc_id: str) -> str:
        corpus = self.corpus
        at = _Addresses(urls.annotations_file(doc_id), self.site_url, self.directory_urls)
        items = [self._claim(claim_id, at) for claim_id in corpus.claims_in_document(doc_id)]
        items += [self._mention(mention, at) for mention in corpus.mentions.get(doc_id, [])]
        label = f"Claims and mentions in “{corpus.titles[doc_id]}”"
        return (
            f'{{"@context":{_CONTEXT_JSON},"id":{_str(at.own())},"type":"AnnotationCollection","label":{_str(label)},'
            f'"total":{len(items):d},"first":{{"id":{_str(at.own("page-1"))},"type":"AnnotationPage","startIndex":0,'
            f'"items":[{",".join(items)}]}}}}\n'
        )

    def _page(self, at: _Addresses, page: str) -> str:
        found = self.pages.get(page)
        if found is None:
            found = self.pages[page] = _str(at.page(page))
        return found

    def _claim(self, claim_id: str, at: _Addresses) -> str:
        corpus = self.corpus
        claim = corpus.claim(claim_id)
        verdict = corpus.scale[claim.verdict]
        label, meaning = verdict.label, verdict.meaning
        body = (
            f'{{"type":"TextualBody","purpose":"assessing","value":{_str(f"{label}: {meaning}")},'
            '"format":"text/plain","language":"en"}'
        )
        if claim.explanation:
            body += f',{{"type":"TextualBody","purpose":"describing","value":{_str(claim.explanation)},"format":"text/markdown"}}'
        if claim.claimant:
            name = corpus.people[claim.claimant].entry.name
            body += f',{{"type":"TextualBody","purpose":"identifying","value":{_str(name)},"format":"text/plain"}}'
        if at.site_url:
            page = self._page(at, urls.entity_page("claims", claim_id))
            body += f',{{"id":{page},"type":"Text","format":"text/html","purpose":"linking"}}'
        return (
            f'{{"@context":{_CONTEXT_JSON},"id":{_str(at.own(urls.claim_anchor(claim_id)))},"type":"Annotation",'
            f'"motivation":"assessing","body":[{body}],'
            f"{self._target(at, corpus.claim_document[claim_id], corpus.claim_span[claim_id])}}}"
        )

    def _mention(self, mention: Mention, at: _Addresses) -> str:
        body = self.bodies.get((mention.kind, mention.entity))
        if body is None:
            entity = self.corpus.entities(mention.kind)[mention.entity].entry
            body = f'{{"type":"TextualBody","purpose":"identifying","value":{_str(entity.name)},"format":"text/plain"}}'
            wikidata = getattr(entity, "wikidata", None)
            if wikidata:
                body += f',{{"id":{_str(f"http://www.wikidata.org/entity/{wikidata}")},"purpose":"identifying"}}'
            if at.site_url:
                page = self._page(at, urls.entity_page(mention.kind, mention.entity))
                body += f',{{"id":{page},"type":"Text","format":"text/html","purpose":"linking"}}'
            self.bodies[(mention.kind, mention.entity)] = body
        anchor = urls.mention_anchor(mention.kind, mention.entity, mention.number)
        return (
            f'{{"@context":{_CONTEXT_JSON},"id":{_str(at.own(anchor))},"type":"Annotation","motivation":"identifying",'
            f'"body":[{body}],{self._target(at, mention.document, mention.span)}}}'
        )

    def _target(self, at: _Addresses, doc_id: str, span: Span) -> str:
        """`"target":{…}`: the article's page and the `selectors`."""
        text = self.corpus.texts[doc_id].text
        start, end = span.start, span.end
        return (
            f'"target":{{"source":{self._page(at, urls.entity_page("documents", doc_id))},"selector":['
            f'{{"type":"TextQuoteSelector","exact":{_str(text[start:end])},'
            f'"prefix":{_str(text[max(0, start - CONTEXT_CHARS) : start])},"suffix":{_str(text[end : end + CONTEXT_CHARS])}}},'
            f'{{"type":"TextPositionSelector","start":{start:d},"end":{end:d}}}]}}'
        )


def document_annotations_json(corpus: Corpus, doc_id: str, site_url: str | None = None, *, directory_urls: bool = True) -> str:
    """`to_json(document_annotations(...))`, the same bytes, made without the dicts (see `_Writer`)."""
    return _Writer(corpus, site_url or None, directory_urls).document(doc_id)


def annotation_files(
    corpus: Corpus, site_url: str | None = None, *, directory_urls: bool = True, keep: Mapping[str, str] | None = None
) -> dict[str, str]:
    """`{path: JSON-LD}` for every article; a path in `keep` takes its text from there unmade.

    `keep` is for `mkdocs serve` rebuilds: the previous build's files of the articles an
    edit cannot have changed (see build_cache.BuildCache.reusable_exports).
    """
    keep = keep or {}
    files: dict[str, str] = {}
    writer = _Writer(corpus, site_url or None, directory_urls)  # one for all: entities' bodies are written once
    for doc_id in corpus.documents:
        path = urls.annotations_file(doc_id)
        kept = keep.get(path)
        files[path] = kept if kept is not None else writer.document(doc_id)
    return files
