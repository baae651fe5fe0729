"""Reviews and corrections as feeds, newest first: Atom (`feed.xml`) and JSON Feed 1.1 (`feed.json`).

A review is a claim's `reviewed_on`; a correction is one of its `corrections`. What a
newsroom's readers and partners subscribe to: a verdict published, a verdict or an
explanation corrected. Entries link to the claim page (a correction to its place on that
page); with `site_url` every address is absolute, else relative to the site's root, where
the feeds are. Ids are the pages' addresses, or `urn:uuid:` names of them without a site
address, so an entry keeps its id from build to build.

Every value from the annotations is escaped here for XML, or written by the JSON encoder;
the HTML content is light Markdown rendered and sanitised as on the pages. The feeds' own
words are in the site's language (Material's `theme.language`), which each feed declares.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from ..annotations import light_markdown
from ..annotations.corpus import Corpus
from ..site_map import urls
from ..translation.messages import N_, Messages, messages
from .webannotation import name_based_iri

# Also the title of the feeds' links in every page's head (pages.script_messages).
FEED_TITLE = N_("{site}: reviews and corrections")
DEFAULT_NAME = "Explainers"  # the publisher's name where the site has none (outside MkDocs, which requires one)
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
# Atom must say when the feed last changed; a feed with no entry yet says the epoch rather
# than the build's time, so that the same annotations give the same bytes.
NO_DATE = "1970-01-01"


@dataclass(frozen=True)
class Entry:
    """One review or one correction of a claim."""

    claim_id: str
    date: str  # YYYY-MM-DD
    correction: int  # the correction's number on the claim's page, from 1; 0 for the review itself
    title: str
    html: str  # sanitised HTML


def entries(corpus: Corpus, msg: Messages) -> list[Entry]:
    """Every review and correction, newest first; on one day, later claims and corrections first."""
    found: list[tuple[tuple[str, int, int], Entry]] = []
    scale = msg.scale(corpus.scale)
    for order, claim_id in enumerate(corpus.claims):
        claim = corpus.claim(claim_id)
        title = claim.title or claim.quote
        label = scale.label(claim.verdict)
        if claim.reviewed_on:
            html = "<p>{}</p>".format(msg._("Verdict: {verdict}.", verdict=escape(label))) + (
                light_markdown.render(claim.explanation) if claim.explanation else ""
            )
            entry = Entry(claim_id, claim.reviewed_on, 0, msg._("{verdict}: {claim}", verdict=label, claim=title), html)
            found.append(((claim.reviewed_on, order, 0), entry))
        for number, correction in enumerate(claim.corrections, start=1):
            was = "<p>{}</p>".format(
                msg._(
                    "Previous verdict: {previous}; now: {verdict}.",
                    previous=escape(scale.label(correction.previous_verdict)),
                    verdict=escape(label),
                )
            ) if correction.previous_verdict else ""
            title_now = msg._("Corrected: {claim}", claim=title)
            entry = Entry(claim_id, correction.date, number, title_now, was + light_markdown.render(correction.note))
            found.append(((correction.date, order, number), entry))
    return [entry for _key, entry in sorted(found, key=lambda pair: pair[0], reverse=True)]


def _address(entry: Entry, site_url: str | None, directory_urls: bool, *, as_id: bool = False) -> str:
    """Where an entry leads (its claim's page, at the correction when it is one), or, `as_id`,
    the entry's id: the same address (`#review` for a review), or its `urn:uuid:` name without a site address."""
    page = urls.page_url(urls.entity_page("claims", entry.claim_id), directory_urls=directory_urls)
    anchor = urls.correction_anchor(entry.correction) if entry.correction else ("review" if as_id else "")
    if site_url:
        return urls.absolute_url(site_url, page, anchor)
    address = page + (f"#{anchor}" if anchor else "")
    return name_based_iri(address) if as_id else address


def _timestamp(date: str) -> str:
    return f"{date}T00:00:00Z"


def atom_feed(
    corpus: Corpus,
    *,
    site_url: str | None = None,
    site_name: str | None = None,
    directory_urls: bool = True,
    site_language: str = "en",
    found: list[Entry] | None = None,
) -> str:
    """The Atom feed (RFC 4287) of `entries` (`found`, when the caller has them), its text in
    `site_language` (its `xml:lang`)."""
    msg = messages(site_language)
    found = entries(corpus, msg) if found is None else found
    name = site_name or DEFAULT_NAME
    feed_id = urls.absolute_url(site_url, urls.FEED_ATOM) if site_url else name_based_iri(urls.FEED_ATOM)
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={quoteattr(site_language)}>',
        f"  <title>{escape(msg._(FEED_TITLE, site=name))}</title>",
        f"  <id>{escape(feed_id)}</id>",
        f"  <updated>{_timestamp(found[0].date if found else NO_DATE)}</updated>",
        f"  <author><name>{escape(name)}</name></author>",
    ]
    if site_url:
        lines.append(f'  <link rel="self" type="application/atom+xml" href={quoteattr(feed_id)}/>')
        lines.append(f'  <link rel="alternate" type="text/html" href={quoteattr(urls.absolute_url(site_url, ""))}/>')
    for entry in found:
        lines += [
            "  <entry>",
            f"    <title>{escape(entry.title)}</title>",
            f"    <id>{escape(_address(entry, site_url, directory_urls, as_id=True))}</id>",
            f'    <link rel="alternate" type="text/html" href={quoteattr(_address(entry, site_url, directory_urls))}/>',
            f"    <updated>{_timestamp(entry.date)}</updated>",
            f'    <content type="html">{escape(entry.html)}</content>',
            "  </entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def json_feed(
    corpus: Corpus,
    *,
    site_url: str | None = None,
    site_name: str | None = None,
    directory_urls: bool = True,
    site_language: str = "en",
    found: list[Entry] | None = None,
) -> str:
    """The same entries as a JSON Feed 1.1, with its `language`."""
    msg = messages(site_language)
    found = entries(corpus, msg) if found is None else found
    name = site_name or DEFAULT_NAME
    feed: dict[str, object] = {"version": JSON_FEED_VERSION, "title": msg._(FEED_TITLE, site=name)}
    if site_url:
        feed["home_page_url"] = urls.absolute_url(site_url, "")
        feed["feed_url"] = urls.absolute_url(site_url, urls.FEED_JSON)
    feed["language"] = site_language
    feed["items"] = [
        {
            "id": _address(entry, site_url, directory_urls, as_id=True),
            "url": _address(entry, site_url, directory_urls),
            "title": entry.title,
            "content_html": entry.html,
            "date_published": _timestamp(entry.date),
        }
        for entry in found
    ]
    # Compact: with `indent` the json module encodes in Python, whose closures are cycles that
    # outlive the build for the cycle collector to find (tests/test_bulk.py).
    return json.dumps(feed, ensure_ascii=False, separators=(",", ":")) + "\n"


def feed_files(
    corpus: Corpus, *, site_url: str | None = None, site_name: str | None = None, directory_urls: bool = True, site_language: str = "en"
) -> dict[str, str]:
    """Both feeds, `{path: text}`, from one pass over the claims."""
    found = entries(corpus, messages(site_language))
    atom = atom_feed(
        corpus, site_url=site_url, site_name=site_name, directory_urls=directory_urls, site_language=site_language, found=found
    )
    feed = json_feed(
        corpus, site_url=site_url, site_name=site_name, directory_urls=directory_urls, site_language=site_language, found=found
    )
    return {urls.FEED_ATOM: atom, urls.FEED_JSON: feed}
