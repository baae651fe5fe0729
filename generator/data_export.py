"""`data.json`: every entity and every link of the site, as plain JSON for scripts and the graph page.

Shape (version 1; keys are only ever added):

```
{
  "format": "explainer-data", "version": 1,
  "site_url": "https://…/" or null,
  "documents": [{"key", "id", "title", "url", "language", "published", "publisher", "original_url", "claims"}],
  "people":    [{"key", "id", "name", "url", "role", "affiliation", "wikidata"}],
  "sources":   [{"key", "id", "name", "url", "type", "website"}],
  "claims":    [{"key", "id", "title", "url", "document", "quote", "start", "end", "kind", "verdict",
                 "claimant", "said_on", "via", "tags", "evidence": [{"url", "title", "source"}]}],
  "mentions":  [{"kind", "entity", "document", "number", "start", "end", "text", "url"}],
  "relations": [{"from", "to", "type"}]
}
```

- `key` is `<kind>/<id>` (kinds: documents, people, sources, claims): unique across kinds,
  and what `relations` use.
- `url` is the page's address relative to the site root (`claims/x/`); prefix it with
  `site_url`, or resolve it against `data.json`'s own address, which is the site root.
- `start`/`end` count Unicode code points of the article's source text, end exclusive.
- `relations` lists every edge once, in the direction written: `claimant` (claim → person),
  `document` (claim → document), `via` (claim → source), `publisher` (document → source),
  `evidence` (claim → source), `mentions` (document → person or source, one per entity),
  and each claim-to-claim `related` link with its relation (`supports`, `disputes`, …).
- Lists are sorted by id (mentions and relations in a fixed order): the same corpus gives
  the same bytes. Fields an annotation left out are `null` (or `[]` for lists).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import urls
from .corpus import Corpus
from .webannotation import annotation_files, to_json

FORMAT = "explainer-data"
VERSION = 1
Json = dict[str, Any]


def _key(kind: str, entity_id: str) -> str:
    return f"{kind}/{entity_id}"


def _url(kind: str, entity_id: str, directory_urls: bool, anchor: str = "") -> str:
    return urls.page_url(urls.entity_page(kind, entity_id), directory_urls=directory_urls) + (f"#{anchor}" if anchor else "")


def site_data(corpus: Corpus, site_url: str | None = None, *, directory_urls: bool = True) -> Json:
    """The whole corpus as plain data (see the module docstring for the shape)."""
    du = directory_urls
    documents = []
    for doc_id, item in corpus.documents.items():
        doc = item.entry
        documents.append(
            {
                "key": _key("documents", doc_id),
                "id": doc_id,
                "title": corpus.titles[doc_id],
                "url": _url("documents", doc_id, du),
                "language": doc.language,
                "published": doc.published,
                "publisher": doc.publisher,
                "original_url": doc.url,
                "claims": corpus.claims_in_document(doc_id),
            }
        )
    people = []
    for person_id, item in corpus.people.items():
        p = item.entry
        people.append(
            {
                "key": _key("people", person_id),
                "id": person_id,
                "name": p.name,
                "url": _url("people", person_id, du),
                "role": p.role,
                "affiliation": p.affiliation,
                "wikidata": p.wikidata,
            }
        )
    sources = []
    for source_id, item in corpus.sources.items():
        s = item.entry
        sources.append(
            {
                "key": _key("sources", source_id),
                "id": source_id,
                "name": s.name,
                "url": _url("sources", source_id, du),
                "type": s.type,
                "website": s.url,
            }
        )
    claims = []
    relations: list[Json] = []
    seen: set[tuple[str, str, str]] = set()

    def relate(from_key: str, to_key: str, kind: str) -> None:
        if (from_key, to_key, kind) not in seen:
            seen.add((from_key, to_key, kind))
            relations.append({"from": from_key, "to": to_key, "type": kind})

    for doc_id in corpus.documents:
        doc = corpus.documents[doc_id].entry
        if doc.publisher:
            relate(_key("documents", doc_id), _key("sources", doc.publisher), "publisher")
    for claim_id in corpus.claims:
        c = corpus.claim(claim_id)
        span = corpus.claim_span[claim_id]
        doc_id = corpus.claim_document[claim_id]
        here = _key("claims", claim_id)
        claims.append(
            {
                "key": here,
                "id": claim_id,
                "title": c.title or c.quote,
                "url": _url("claims", claim_id, du),
                "document": doc_id,
                "quote": corpus.texts[doc_id].text[span.start : span.end],
                "start": span.start,
                "end": span.end,
                "kind": c.kind,
                "verdict": c.verdict,
                "claimant": c.claimant,
                "said_on": c.said_on,
                "via": list(dict.fromkeys(c.via)),
                "tags": list(c.tags),
                "evidence": [{"url": e.url, "title": e.title, "source": e.source} for e in c.evidence],
            }
        )
        relate(here, _key("documents", doc_id), "document")
        if c.claimant:
            relate(here, _key("people", c.claimant), "claimant")
        for source in c.via:
            relate(here, _key("sources", source), "via")
        for e in c.evidence:
            if e.source:
                relate(here, _key("sources", e.source), "evidence")
        for r in c.related:
            relate(here, _key("claims", r.claim), r.relation)
    mentions = []
    for doc_id in corpus.documents:
        text = corpus.texts[doc_id].text
        for m in corpus.mentions.get(doc_id, []):
            mentions.append(
                {
                    "kind": m.kind,
                    "entity": m.entity,
                    "document": doc_id,
                    "number": m.number,
                    "start": m.span.start,
                    "end": m.span.end,
                    "text": text[m.span.start : m.span.end],
                    "url": _url("documents", doc_id, du, urls.mention_anchor(m.kind, m.entity, m.number)),
                }
            )
            relate(_key("documents", doc_id), _key(m.kind, m.entity), "mentions")
    return {
        "format": FORMAT,
        "version": VERSION,
        "site_url": (site_url.rstrip("/") + "/") if site_url else None,
        "documents": documents,
        "people": people,
        "sources": sources,
        "claims": claims,
        "mentions": mentions,
        "relations": relations,
    }


def export_files(
    corpus: Corpus, site_url: str | None = None, *, directory_urls: bool = True, keep: Mapping[str, str] | None = None
) -> dict[str, str]:
    """The open-data files of a build, `{path: text}`: `data.json` and each article's annotations.

    Annotation files found in `keep` (a `mkdocs serve` rebuild's unchanged ones) are taken from it,
    and `data.json` from the last call when its data are the same.
    """
    data = site_data(corpus, site_url, directory_urls=directory_urls)
    # Only a `serve` rebuild (it passes `keep`) holds on to the last data: a single build lets it go.
    files = {urls.DATA_JSON: _data_json(data) if keep is not None else to_json(data)}
    files.update(annotation_files(corpus, site_url, directory_urls=directory_urls, keep=keep))
    return files


# The last data.json, by its data. Under `mkdocs serve` most edits (an explanation, a note)
# leave it as it was; comparing the data is ~5x cheaper than encoding 12 MB again (issue 6),
# and the very same string lets the plugin see at once that the file is unchanged.
_last_data: tuple[Json, str] | None = None


def _data_json(data: Json) -> str:
    global _last_data
    if _last_data is not None and _last_data[0] == data:
        return _last_data[1]
    text = to_json(data)
    _last_data = (data, text)
    return text
