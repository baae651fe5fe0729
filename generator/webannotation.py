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

import json
import uuid
from collections.abc import Mapping
from typing import Any

from . import urls
from .corpus import Corpus, Mention
from .model import VERDICTS
from .text_spans import Span

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


def name_based_iri(address: str) -> str:
    """The stand-in IRI of a site address when the site's URL is unknown."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'explainer:' + address)}"


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
    label, meaning, _ = VERDICTS[claim.verdict]
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


def annotation_files(
    corpus: Corpus, site_url: str | None = None, *, directory_urls: bool = True, keep: Mapping[str, str] | None = None
) -> dict[str, str]:
    """`{path: JSON-LD}` for every article; a path in `keep` takes its text from there unmade.

    `keep` is for `mkdocs serve` rebuilds: the previous build's files of the articles an
    edit cannot have changed (see build_cache.BuildCache.reusable_exports).
    """
    keep = keep or {}
    files: dict[str, str] = {}
    for doc_id in corpus.documents:
        path = urls.annotations_file(doc_id)
        kept = keep.get(path)
        files[path] = kept if kept is not None else to_json(
            document_annotations(corpus, doc_id, site_url, directory_urls=directory_urls)
        )
    return files
