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
  "relations": [{"from", "to", "type"}],
  "verdicts":  [{"id", "label", "meaning", "rating", "tone", "applies_to"}]
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
- `verdicts` is the site's rating scale in its own order (the desk's `verdicts:`, format 1.1,
  or the v1 scale): what a claim's `verdict` id means; `meaning` is light Markdown,
  `applies_to` the claim kinds it rates (`null`: every kind).
- Lists are sorted by id (mentions and relations in a fixed order): the same corpus gives
  the same bytes. Fields an annotation left out are `null` (or `[]` for lists).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..annotations.corpus import Corpus, Key
from ..annotations.scale import Verdict
from ..site_map import urls
from .feeds import feed_files
from .webannotation import annotation_files, json_string

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
    for claim_id in corpus.claims:
        c = corpus.claim(claim_id)
        span = corpus.claim_span[claim_id]
        doc_id = corpus.claim_document[claim_id]
        claims.append(
            {
                "key": _key("claims", claim_id),
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
    return {
        "format": FORMAT,
        "version": VERSION,
        "site_url": (site_url.rstrip("/") + "/") if site_url else None,
        "documents": documents,
        "people": people,
        "sources": sources,
        "claims": claims,
        "mentions": mentions,
        "relations": [{"from": a, "to": b, "type": kind} for a, b, kind in relations(corpus)],
        "verdicts": [
            {
                "id": v.id,
                "label": v.label,
                "meaning": v.meaning,
                "rating": v.rating,
                "tone": v.tone,
                "applies_to": list(v.applies_to) if v.applies_to is not None else None,
            }
            for v in corpus.scale.verdicts.values()
        ],
    }


def relations(corpus: Corpus) -> list[tuple[str, str, str]]:
    """`(from key, to key, type)` of every relation, once each, in the order of `data.json`."""
    out = [r for doc_id in corpus.documents for r in publisher_relations(corpus, doc_id)]
    out += [r for claim_id in corpus.claims for r in claim_relations(corpus, claim_id)]
    out += [r for doc_id in corpus.documents for r in mention_relations(corpus, doc_id)]
    return out


# Each entity's relations start from its own key, so keeping each once per entity keeps it
# once in the whole list. The keys are `_key`'s, written inline.


def publisher_relations(corpus: Corpus, doc_id: str) -> list[tuple[str, str, str]]:
    publisher = corpus.documents[doc_id].entry.publisher
    return [(f"documents/{doc_id}", f"sources/{publisher}", "publisher")] if publisher else []


def claim_relations(corpus: Corpus, claim_id: str) -> list[tuple[str, str, str]]:
    c = corpus.claim(claim_id)
    here = f"claims/{claim_id}"
    found = {(here, f"documents/{corpus.claim_document[claim_id]}", "document"): None}
    relate = found.setdefault  # a dict keeps each once, in the order first met
    if c.claimant:
        relate((here, f"people/{c.claimant}", "claimant"))
    for source in c.via:
        relate((here, f"sources/{source}", "via"))
    for e in c.evidence:
        if e.source:
            relate((here, f"sources/{e.source}", "evidence"))
    for r in c.related:
        relate((here, f"claims/{r.claim}", r.relation))
    return list(found)


def mention_relations(corpus: Corpus, doc_id: str) -> list[tuple[str, str, str]]:
    here = f"documents/{doc_id}"
    return list(dict.fromkeys((here, f"{m.kind}/{m.entity}", "mentions") for m in corpus.mentions.get(doc_id, [])))


_str = json_string


def _opt(value: str | None) -> str:
    return "null" if value is None else _str(value)


def _strs(values: Iterable[str]) -> str:
    return "[" + ",".join(map(_str, values)) + "]"


def _relations_json(found: Iterable[tuple[str, str, str]]) -> str:
    return ",".join(f'{{"from":{_str(a)},"to":{_str(b)},"type":{_str(kind)}}}' for a, b, kind in found)


Pieces = tuple[str, ...]
"""One entity's part of `data.json`, each piece a comma-joined run of JSON values ("" for none).

documents: (record, its mentions, its publisher relation, its mention relations);
claims: (record, relations); people and sources: (record,).
"""


def _document_pieces(corpus: Corpus, doc_id: str, du: bool) -> Pieces:
    doc = corpus.documents[doc_id].entry
    record = (
        f'{{"key":{_str(_key("documents", doc_id))},"id":{_str(doc_id)},"title":{_str(corpus.titles[doc_id])},'
        f'"url":{_str(_url("documents", doc_id, du))},"language":{_opt(doc.language)},'
        f'"published":{_opt(doc.published)},"publisher":{_opt(doc.publisher)},"original_url":{_opt(doc.url)},'
        f'"claims":{_strs(corpus.claims_in_document(doc_id))}}}'
    )
    text = corpus.texts[doc_id].text
    document = _str(doc_id)
    page = _url("documents", doc_id, du) + "#"  # `_url` with the mention's anchor
    mentions = []
    for m in corpus.mentions.get(doc_id, []):
        start, end = m.span.start, m.span.end
        mentions.append(
            f'{{"kind":{_str(m.kind)},"entity":{_str(m.entity)},"document":{document},"number":{m.number:d},'
            f'"start":{start:d},"end":{end:d},"text":{_str(text[start:end])},'
            f'"url":{_str(page + urls.mention_anchor(m.kind, m.entity, m.number))}}}'
        )
    return (
        record,
        ",".join(mentions),
        _relations_json(publisher_relations(corpus, doc_id)),
        _relations_json(mention_relations(corpus, doc_id)),
    )


def _person_pieces(corpus: Corpus, person_id: str, du: bool) -> Pieces:
    p = corpus.people[person_id].entry
    return (
        f'{{"key":{_str(_key("people", person_id))},"id":{_str(person_id)},"name":{_str(p.name)},'
        f'"url":{_str(_url("people", person_id, du))},"role":{_opt(p.role)},"affiliation":{_opt(p.affiliation)},'
        f'"wikidata":{_opt(p.wikidata)}}}',
    )


def _source_pieces(corpus: Corpus, source_id: str, du: bool) -> Pieces:
    src = corpus.sources[source_id].entry
    return (
        f'{{"key":{_str(_key("sources", source_id))},"id":{_str(source_id)},"name":{_str(src.name)},'
        f'"url":{_str(_url("sources", source_id, du))},"type":{_str(src.type)},"website":{_opt(src.url)}}}',
    )


def _claim_pieces(corpus: Corpus, claim_id: str, du: bool) -> Pieces:
    c = corpus.claim(claim_id)
    span = corpus.claim_span[claim_id]
    doc_id = corpus.claim_document[claim_id]
    evidence = ",".join(f'{{"url":{_str(e.url)},"title":{_str(e.title)},"source":{_opt(e.source)}}}' for e in c.evidence)
    return (
        f'{{"key":{_str(_key("claims", claim_id))},"id":{_str(claim_id)},"title":{_str(c.title or c.quote)},'
        f'"url":{_str(_url("claims", claim_id, du))},"document":{_str(doc_id)},'
        f'"quote":{_str(corpus.texts[doc_id].text[span.start : span.end])},"start":{span.start:d},"end":{span.end:d},'
        f'"kind":{_str(c.kind)},"verdict":{_str(c.verdict)},"claimant":{_opt(c.claimant)},"said_on":{_opt(c.said_on)},'
        f'"via":{_strs(dict.fromkeys(c.via))},"tags":{_strs(c.tags)},"evidence":[{evidence}]}}',
        _relations_json(claim_relations(corpus, claim_id)),
    )


_PIECES = {"documents": _document_pieces, "people": _person_pieces, "sources": _source_pieces, "claims": _claim_pieces}


def data_pieces(corpus: Corpus, *, directory_urls: bool = True, reuse: Mapping[Key, Pieces] | None = None) -> dict[Key, Pieces]:
    """Every entity's pieces of `data.json`; an entity found in `reuse` takes them from there unmade.

    `reuse` is for `mkdocs serve` rebuilds: the last build's pieces of the entities an edit
    cannot have changed (see build_cache.BuildCache.export_files).
    """
    reuse = reuse or {}
    out: dict[Key, Pieces] = {}
    for kind, make in _PIECES.items():
        for entity_id in corpus.entities(kind):
            key = (kind, entity_id)
            kept = reuse.get(key)
            out[key] = kept if kept is not None else make(corpus, entity_id, directory_urls)
    return out


def data_json(corpus: Corpus, pieces: Mapping[Key, Pieces], site_url: str | None = None) -> str:
    """`data.json` put together from its pieces (`data_pieces`), in the order the module docstring gives."""

    def joined(kind: str, index: int) -> str:
        return ",".join(part for entity_id in corpus.entities(kind) if (part := pieces[(kind, entity_id)][index]))

    relations = (joined("documents", 2), joined("claims", 1), joined("documents", 3))
    return (
        f'{{"format":{_str(FORMAT)},"version":{VERSION:d},"site_url":{_opt((site_url.rstrip("/") + "/") if site_url else None)},'
        f'"documents":[{joined("documents", 0)}],"people":[{joined("people", 0)}],"sources":[{joined("sources", 0)}],'
        f'"claims":[{joined("claims", 0)}],"mentions":[{joined("documents", 1)}],"relations":[{",".join(filter(None, relations))}],'
        f'"verdicts":[{",".join(_verdict(v) for v in corpus.scale.verdicts.values())}]}}\n'
    )


def _verdict(v: Verdict) -> str:
    applies = "[" + ",".join(_str(kind) for kind in v.applies_to) + "]" if v.applies_to is not None else "null"
    rating = "null" if v.rating is None else f"{v.rating:d}"
    return (
        f'{{"id":{_str(v.id)},"label":{_str(v.label)},"meaning":{_str(v.meaning)},"rating":{rating},'
        f'"tone":{_str(v.tone)},"applies_to":{applies}}}'
    )


def site_data_json(corpus: Corpus, site_url: str | None = None, *, directory_urls: bool = True) -> str:
    """`to_json(site_data(...))`, written out directly: the same bytes, without the dicts.

    At 1,000 articles `site_data` makes ~150,000 dicts and lists only to encode them into
    12 MB (issue 6); here each record is one f-string, its values written by the encoder's
    own string writer, keys in the same order. tests/test_graph_export_fast_paths.py holds
    the two equal.
    """
    return data_json(corpus, data_pieces(corpus, directory_urls=directory_urls), site_url)


def export_paths(corpus: Corpus) -> list[str]:
    """The paths of `export_files`, in its order, without making the files."""
    return [urls.DATA_JSON, urls.FEED_ATOM, urls.FEED_JSON, *(urls.annotations_file(doc_id) for doc_id in corpus.documents)]


def export_files(
    corpus: Corpus,
    site_url: str | None = None,
    *,
    directory_urls: bool = True,
    keep: Mapping[str, str] | None = None,
    pieces: Mapping[Key, Pieces] | None = None,
    site_name: str | None = None,
    site_language: str = "en",
) -> dict[str, str]:
    """The open-data files of a build, `{path: text}`: `data.json`, the feeds and each article's annotations.

    The feeds are written in `site_language`; the rest is data, the annotations' words as they are.

    Annotation files found in `keep` are taken from it, and `data.json` is put together from
    `pieces` when given (a `mkdocs serve` rebuild's, see build_cache.BuildCache.export_files).
    """
    if pieces is None:
        pieces = data_pieces(corpus, directory_urls=directory_urls)
    files = {urls.DATA_JSON: data_json(corpus, pieces, site_url)}
    # Made again on every build: one pass over the claims, and only reviewed claims make entries.
    files.update(feed_files(corpus, site_url=site_url, site_name=site_name, directory_urls=directory_urls, site_language=site_language))
    files.update(annotation_files(corpus, site_url, directory_urls=directory_urls, keep=keep))
    return files
