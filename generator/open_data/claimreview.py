"""schema.org ClaimReview for each checked claim, as JSON-LD inside its page.

Search engines and fact-check aggregators read it to show the verdict next to the
claim. Only what the annotations say goes in: no review date (none is recorded), no
absolute URL unless the site's address (`site_url`) is known, and a numeric rating only
where the corpus's scale gives one (`corpus.scale`), with the scale's highest and lowest
rating as best and worst; `alternateName` always carries the verdict's label, in the site's
language when a page gives it (`msg`), which is then the review's `inLanguage` too.

The JSON sits inside `<script type="application/ld+json">`, where the HTML parser ends
the element at the first `</script`, whatever JSON quoting surrounds it. So `<`, `>` and
`&` (and the line separators U+2028/U+2029) are written as `\\u` escapes: the same JSON
value, with no character that HTML reads.
"""

from __future__ import annotations

import json
from typing import Any

from ..annotations.corpus import Corpus
from ..annotations.model import Claim, Document, Person, Source
from ..annotations.scale import Scale
from ..site_map import urls
from ..translation.messages import Messages

Json = dict[str, Any]
_SCRIPT_SAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
# One encoder for every claim page (json.dumps makes one per call); a review is a tree built
# here, so the encoder keeps no table of the containers it is inside.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)


def _organization(source: Source) -> Json:
    org: Json = {"@type": "Organization", "name": source.name}
    if source.url:
        org["url"] = source.url
    return org


def _person(person: Person) -> Json:
    out: Json = {"@type": "Person", "name": person.name}
    if person.role:
        out["jobTitle"] = person.role
    same_as = list(person.links)
    if person.wikidata:
        same_as.append(f"https://www.wikidata.org/wiki/{person.wikidata}")
    if same_as:
        out["sameAs"] = same_as
    return out


def _document(corpus: Corpus, doc_id: str) -> Json:
    doc: Document = corpus.documents[doc_id].entry
    work: Json = {"@type": "CreativeWork", "name": corpus.titles[doc_id]}
    if doc.url:
        work["url"] = doc.url
    if doc.published:
        work["datePublished"] = doc.published
    if doc.publisher:
        work["publisher"] = _organization(corpus.sources[doc.publisher].entry)
    return work


def _author(corpus: Corpus, claim: Claim, doc_id: str) -> Json:
    """Who made the claim: the claimant, else the article's publisher, else the article."""
    if claim.claimant:
        return _person(corpus.people[claim.claimant].entry)
    publisher = corpus.documents[doc_id].entry.publisher
    if publisher:
        return _organization(corpus.sources[publisher].entry)
    return _document(corpus, doc_id)


def _rating(scale: Scale, verdict: str) -> Json:
    rated = scale[verdict]
    rating: Json = {"@type": "Rating", "alternateName": rated.label}
    if rated.rating is not None:
        rating.update(ratingValue=rated.rating, bestRating=scale.best(), worstRating=scale.worst())
    return rating


def claim_review(
    corpus: Corpus,
    claim_id: str,
    *,
    site_url: str | None = None,
    site_name: str | None = None,
    directory_urls: bool = True,
    msg: Messages | None = None,
) -> Json | None:
    """The ClaimReview of a claim, or None while it is unverified; with `msg`, in its language."""
    claim = corpus.claim(claim_id)
    if claim.verdict == "unverified":
        return None
    doc_id = corpus.claim_document[claim_id]
    span = corpus.claim_span[claim_id]
    item: Json = {"@type": "Claim", "author": _author(corpus, claim, doc_id)}
    if claim.said_on:
        item["datePublished"] = claim.said_on
    item["appearance"] = _document(corpus, doc_id)
    review: Json = {"@context": "https://schema.org", "@type": "ClaimReview"}
    if site_url:
        page = urls.page_url(urls.entity_page("claims", claim_id), directory_urls=directory_urls)
        review["url"] = urls.absolute_url(site_url, page)
    # The words as the article has them, white space folded.
    review["claimReviewed"] = " ".join(corpus.texts[doc_id].text[span.start : span.end].split())
    review["itemReviewed"] = item
    review["reviewRating"] = _rating(msg.scale(corpus.scale) if msg is not None else corpus.scale, claim.verdict)
    if msg is not None:
        review["inLanguage"] = msg.language
    if claim.reviewed_on:
        review["datePublished"] = claim.reviewed_on
    if claim.corrections:
        review["dateModified"] = max(correction.date for correction in claim.corrections)
    if site_name:
        review["author"] = {"@type": "Organization", "name": site_name, **({"url": site_url} if site_url else {})}
    return review


def script_json(data: Json) -> str:
    """Compact JSON with nothing an HTML parser could take for markup."""
    text = _ENCODER.encode(data)
    # Five C searches beat one `str.translate`, which looks each character up in a dict (~4x,
    # issue 6); no replacement holds a character a later one looks for, so the order is free.
    for char, escaped in _SCRIPT_SAFE.items():
        text = text.replace(char, escaped)
    return text


def script_block(
    corpus: Corpus,
    claim_id: str,
    *,
    site_url: str | None = None,
    site_name: str | None = None,
    directory_urls: bool = True,
    msg: Messages | None = None,
) -> str:
    """A raw HTML block for the claim's Markdown page (blank lines around it), or nothing."""
    review = claim_review(corpus, claim_id, site_url=site_url, site_name=site_name, directory_urls=directory_urls, msg=msg)
    if review is None:
        return ""
    return f'\n<script type="application/ld+json">{script_json(review)}</script>\n'
