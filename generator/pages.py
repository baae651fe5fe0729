"""Render the corpus into Markdown pages: `{page path: markdown}`.

Everything that comes from an annotation or a source text goes through
`markdown_text.escape` (plain fields) or `light_markdown.render` (light Markdown);
links come from `urls`. The pages are plain Markdown with relative links, so MkDocs
checks every link and anchor; the exceptions are the generator's own HTML blocks (drawings,
the lines of the claims index and the timeline, see `html_blocks`), which link to the built
pages' URLs (`urls.url_link`), checked by tests/test_site_build.py and tests/test_listing.py.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Protocol
from urllib.parse import quote

from . import claimreview, html_blocks, light_markdown, listing, text_pieces, urls
from .corpus import Corpus, Key, Mention
from .edit_links import EditLink
from .edit_links import footer as edit_footer
from .listing import ARTICLES_PER_PAGE, ListingPage
from .markdown_text import as_html, as_html_block, as_html_name, attribute, escape, escape_block, escape_name
from .model import KIND_LABELS, RELATION_LABELS, SOURCE_TYPE_LABELS, VERDICTS, Claim, Document, Person, Source
from .progress import QUIET, Progress
from .text_spans import Span

if TYPE_CHECKING:
    from .build_cache import ClaimLines, LineKey
    from .graph import Network

VERDICT_ICONS: dict[str, str] = {
    "accurate": "✔",
    "mostly-accurate": "◑",
    "misleading": "⚠",
    "inaccurate": "✘",
    "unsupported": "∅",
    "disputed": "⇄",
    "accurate-quote": "❝",
    "misquoted": "✎",
    "opinion": "◇",
    "unverified": "…",
}


@dataclass(frozen=True)
class SiteOptions:
    home_page: bool = True  # generate `index.md` (when docs/ has no home page of its own)
    directory_urls: bool = True  # the site's URL style; raw-HTML links (graphs, previews) point at built URLs
    # Raw-HTML links (graphs, listings) to the pages' sources, as Markdown links are: for `build --out`,
    # whose pages go to engines that rewrite those links too (Zensical). MkDocs copies raw HTML as it is.
    html_links_to_sources: bool = False
    site_url: str | None = None  # the site's address when known; absolute URLs (ClaimReview) only then
    site_name: str | None = None  # who publishes the reviews (ClaimReview's author)
    edit_links: Mapping[str, EditLink] = field(default_factory=dict)  # page -> the YAML line behind it
    articles_per_page: int = ARTICLES_PER_PAGE  # of the claims index, the timeline and the graph
    # An article's text as HTML where Markdown would make the same of it: for the plugin, which sets it
    # aside from MkDocs (`html_blocks`). `build --out` keeps it Markdown, which other engines convert.
    text_as_html: bool = False


def external_url(url: str) -> str:
    """A checked http(s) URL made safe to stand inside a Markdown link destination."""
    return quote(url, safe="/:?#[]@!$&'*+,;=%~-._")


def verdict_badge(here: str, verdict: str) -> str:
    label = VERDICTS[verdict][0]
    target = urls.relative_link(here, urls.VERDICTS, verdict)
    return f"[{VERDICT_ICONS[verdict]} {label}]({target}){{ .verdict .verdict-{verdict} }}"


def entity_link(here: str, kind: str, entity_id: str, label: str, anchor: str = "") -> str:
    return f"[{escape_name(label)}]({urls.relative_link(here, urls.entity_page(kind, entity_id), anchor)})"


class HtmlLinks:
    """Links from one page, as HTML with the built pages' URLs: for the generator's own HTML
    blocks (`html_blocks`), which MkDocs does not rewrite. As Python-Markdown renders
    `entity_link` and `verdict_badge` (tests/test_html_blocks.py)."""

    def __init__(self, here: str, directory_urls: bool, to_sources: bool = False) -> None:
        self.url = urls.url_links_from(here, directory_urls=directory_urls, to_sources=to_sources)
        verdicts = urls.url_link(here, urls.VERDICTS, directory_urls=directory_urls, to_sources=to_sources)
        self.verdicts = {
            verdict: f'<a class="verdict verdict-{verdict}" href="{verdicts}#{verdict}">{VERDICT_ICONS[verdict]} {label}</a>'
            for verdict, (label, *_) in VERDICTS.items()
        }

    def entity(self, kind: str, entity_id: str, label: str, anchor: str = "") -> str:
        href = self.url(urls.entity_page(kind, entity_id)) + (f"#{anchor}" if anchor else "")
        return f'<a href="{href}">{as_html_name(label)}</a>'


class TextWriter(Protocol):
    """How an article's text is written: its plain stretches, its mentions and its claims."""

    def text(self, text: str) -> str: ...
    def mention(self, body: str, kind: str, entity_id: str, name: str) -> str: ...
    def claim(self, body: str, claim_id: str, verdict: str) -> str: ...


class MarkdownText:
    """The text as Markdown, for MkDocs to convert: relative links, which it checks."""

    def __init__(self, here: str) -> None:
        self.here = here
        self.text = escape_block

    def mention(self, body: str, kind: str, entity_id: str, name: str) -> str:
        target = urls.relative_link(self.here, urls.entity_page(kind, entity_id))
        return f'[{body}]({target}){{ .mention title="{attribute(name)}" }}'

    def claim(self, body: str, claim_id: str, verdict: str) -> str:
        target = urls.relative_link(self.here, urls.entity_page("claims", claim_id))
        return f'[{body}]({target}){{ .claim .verdict-{verdict} data-claim="{claim_id}" }}'


class HtmlText:
    """The text as the HTML Python-Markdown makes of `MarkdownText`'s, links to the built pages' URLs."""

    def __init__(self, here: str, directory_urls: bool) -> None:
        self.url = urls.url_links_from(here, directory_urls=directory_urls)
        self.text = as_html_block

    def mention(self, body: str, kind: str, entity_id: str, name: str) -> str:
        return f'<a class="mention" href="{self.url(urls.entity_page(kind, entity_id))}" title="{attribute(name)}">{body}</a>'

    def claim(self, body: str, claim_id: str, verdict: str) -> str:
        href = self.url(urls.entity_page("claims", claim_id))
        return f'<a class="claim verdict-{verdict}" data-claim="{claim_id}" href="{href}">{body}</a>'


def block_html(css_class: str, html: str) -> str:
    """Sanitised HTML as one raw block, blank lines around it."""
    return f'\n<div class="{css_class}">{html}</div>\n'


def inline_html(text: str) -> str:
    """Light Markdown rendered for a list item: one line, nothing the page's Markdown could reread."""
    return light_markdown.render_inline(text)


def marked(text: str, span: Span, context: Span, escaped: Callable[[str], str] = escape) -> str:
    """The context passage with the span inside <mark>, all of it `escaped` (Markdown, or `as_html`)."""
    before = escaped(text[context.start : span.start])
    inner = escaped(text[span.start : span.end])
    after = escaped(text[span.end : context.end])
    space_before = " " if before and text[span.start - 1].isspace() else ""
    space_after = " " if after and text[span.end : span.end + 1].isspace() else ""
    return f"{before}{space_before}<mark>{inner}</mark>{space_after}{after}".strip()


def in_context(text: str, span: Span, context: Span, escaped: Callable[[str], str] = escape) -> str:
    """A backlink's context sentence, set apart by style: the text often has quotation marks of its own."""
    return f'<span class="explainer-context">{marked(text, span, context, escaped)}</span>'


def backlinks_block(items: list[str]) -> str:
    """A page's list of what links to it, as one HTML block (`html_blocks`) that search leaves out.

    A person's or source's page lists each of their claims and mentions with its sentence:
    at 1,000 articles the most quoted person's page was 37 ms of Markdown, and such lists
    were 9.6 MB of a 25.5 MB search index, which MkDocs writes again on every rebuild and a
    reader's browser loads whole (issue 6). Each line leads to a page search finds: the
    claim's, or the article's. The items are as Python-Markdown makes of the Markdown list.
    """
    rows = "".join(f"<li>{item}</li>" for item in items)
    return f'<div class="explainer-backlinks" data-search-exclude><ul>{rows}</ul></div>'


class Renderer:
    def __init__(self, corpus: Corpus, options: SiteOptions, lines: ClaimLines | None = None) -> None:
        self.c = corpus
        self.options = options
        self.lines = lines  # under `mkdocs serve`: claim lines of the last render, and this one's
        self.network: Network | None = None  # every link as a graph, for the entity pages' local graphs
        self.drawn_on: Mapping[Key, ListingPage] | None = None  # the graph page drawing each entity (`graph.drawn_on`)
        self._contexts: dict[tuple[str, bool], str] = {}

    # --- small pieces -------------------------------------------------------

    def claim_title(self, claim_id: str) -> str:
        claim = self.c.claim(claim_id)
        return claim.title or claim.quote

    def claim_line(
        self, here: str, claim_id: str, *, with_document: bool = True, with_claimant: bool = False, with_context: bool = False
    ) -> str:
        # Only links whose target links back are shown: a claim line names its claimant where
        # that person's page links here too (article pages and the claims index).
        key = (here, claim_id, with_document, with_claimant, with_context)
        return self._kept_line(key, lambda: self._claim_line(*key))

    def _kept_line(self, key: LineKey, make: Callable[[], str]) -> str:
        """The line of the last render when it is still valid (`lines`), else `make()`; kept for the next."""
        if self.lines is None:
            return make()
        line = self.lines.reused.get(key)
        if line is None:
            line = make()
        self.lines.made[key] = line
        return line

    def listing_line(self, here: str, links: HtmlLinks, claim_id: str) -> str:
        """A claim in a listing (claims index, timeline), as HTML: the claim, its verdict, its claimant.

        Kept between renders as claim lines are, by `(here, claim id, False, True, False)`: a
        listing page has no Markdown claim lines.
        """
        def make() -> str:
            claim = self.c.claim(claim_id)
            parts = [links.entity("claims", claim_id, self.claim_title(claim_id)), links.verdicts[claim.verdict]]
            if claim.claimant:
                parts.append(links.entity("people", claim.claimant, self.c.people[claim.claimant].entry.name))
            return " · ".join(parts)

        return self._kept_line((here, claim_id, False, True, False), make)

    def backlink_line(self, here: str, links: HtmlLinks, claim_id: str) -> str:
        """A claim in a person's or source's list (`backlinks_block`), as HTML: as Python-Markdown makes of
        `claim_line(here, claim_id, with_context=True)`, and kept between renders by the same key."""
        def make() -> str:
            claim, doc = self.c.claim(claim_id), self.c.claim_document[claim_id]
            parts = [
                links.entity("claims", claim_id, self.claim_title(claim_id)),
                links.verdicts[claim.verdict],
                "in " + links.entity("documents", doc, self.c.titles[doc], urls.claim_anchor(claim_id)),
            ]
            return " · ".join(parts) + ": " + self.claim_context(claim_id, html=True)

        return self._kept_line((here, claim_id, True, False, True), make)

    def _claim_line(self, here: str, claim_id: str, with_document: bool, with_claimant: bool, with_context: bool) -> str:
        claim = self.c.claim(claim_id)
        parts = [entity_link(here, "claims", claim_id, self.claim_title(claim_id)), verdict_badge(here, claim.verdict)]
        if with_claimant and claim.claimant:
            parts.append(entity_link(here, "people", claim.claimant, self.c.people[claim.claimant].entry.name))
        if with_document:
            doc = self.c.claim_document[claim_id]
            parts.append("in " + entity_link(here, "documents", doc, self.c.titles[doc], urls.claim_anchor(claim_id)))
        line = "- " + " · ".join(parts)
        if with_context:  # a backlink shows the sentence it comes from
            line += ": " + self.claim_context(claim_id)
        return line

    def claim_context(self, claim_id: str, *, html: bool = False) -> str:
        """The claim's sentence, span marked, as Markdown or `html`; made once, shown on its claimant's, sources' and related pages."""
        context = self._contexts.get((claim_id, html))
        if context is None:
            text, span = self.c.texts[self.c.claim_document[claim_id]], self.c.claim_span[claim_id]
            escaped = as_html if html else escape
            context = self._contexts[claim_id, html] = in_context(text.text, span, text.sentence_range(span), escaped)
        return context

    def mention_anchor_target(self, mention: Mention) -> str:
        return urls.mention_anchor(mention.kind, mention.entity, mention.number)

    def mention_items(self, links: HtmlLinks, mentions: list[Mention]) -> list[str]:
        """Where an entity is mentioned, a list item's HTML each (`backlinks_block`): the article, and the sentence."""
        items = []
        for mention in mentions:
            text = self.c.texts[mention.document]
            context = text.sentence_range(mention.span)
            where = links.entity("documents", mention.document, self.c.titles[mention.document], self.mention_anchor_target(mention))
            items.append(f"{where}: {in_context(text.text, mention.span, context, as_html)}")
        return items

    # --- pages ----------------------------------------------------------------

    def claim_page(self, claim_id: str) -> str:
        here = urls.entity_page("claims", claim_id)
        claim: Claim = self.c.claim(claim_id)
        doc_id = self.c.claim_document[claim_id]
        text = self.c.texts[doc_id]
        span = self.c.claim_span[claim_id]
        context = text.sentence_range(span, around=1)
        out = [f"# {escape(self.claim_title(claim_id))}", "", f"{verdict_badge(here, claim.verdict)} · {KIND_LABELS[claim.kind]}", ""]
        out += [f"> {marked(text.text, span, context)}", ""]
        if claim.claimant:
            person: Person = self.c.people[claim.claimant].entry
            who = entity_link(here, "people", claim.claimant, person.name)
            if person.role:
                who += f", {escape(person.role)}"
        elif claim.via:
            who = "no named person: the article asserts it, crediting " + ", ".join(
                entity_link(here, "sources", s, self.c.sources[s].entry.name) for s in dict.fromkeys(claim.via)
            )
        else:
            who = "the article itself, in its own voice"
        facts = [f"- **Claimant:** {who}"]
        if claim.said_on:
            facts.append(f"- **Said on:** {claim.said_on}")
        if claim.via:
            facts.append("- **Via:** " + ", ".join(entity_link(here, "sources", s, self.c.sources[s].entry.name) for s in dict.fromkeys(claim.via)))
        facts.append("- **Article:** " + entity_link(here, "documents", doc_id, self.c.titles[doc_id], urls.claim_anchor(claim_id)))
        if claim.tags:
            facts.append("- **Tags:** " + ", ".join(f"`{t}`" for t in claim.tags))
        out += facts + [""]
        out += ["## Explanation", ""]
        if claim.explanation:
            out.append(block_html("explanation", light_markdown.render(claim.explanation)))
        else:
            out += ["No explanation yet: this claim has not been checked.", ""]
        if claim.original_wording:
            out += ["## Original wording", "", f"> {escape(claim.original_wording)}", "",
                    "The article's rendering differs from the words as first reported; the explanation says how.", ""]
        out += ["## Evidence", ""]
        if claim.evidence:
            for item in claim.evidence:
                line = f"- [{escape(item.title)}]({external_url(item.url)})"
                if item.source:
                    line += " — " + entity_link(here, "sources", item.source, self.c.sources[item.source].entry.name)
                if item.note:
                    line += ": " + inline_html(item.note)
                out.append(line)
            out.append("")
        else:
            out += ["None recorded yet.", ""]
        related = self.related(claim_id)
        if related:
            out += ["## Related claims", ""]
            for relation, other in related:
                out.append(f"- **{RELATION_LABELS[relation]}:** " + self.claim_line(here, other, with_document=False, with_context=True)[2:])
            out.append("")
        out += self.local_graph("claims", claim_id)
        return "\n".join(out)

    def local_graph(self, kind: str, entity_id: str) -> list[str]:
        from .graph import drawn_on, local_graph, network

        if self.network is None:  # built once, for every entity page
            self.network = network(self.c)
        options = self.options
        if self.drawn_on is None:
            self.drawn_on = drawn_on(self.c, self.network, listing.graph_listing(self.c, options.articles_per_page))
        return local_graph(
            self.c,
            kind,
            entity_id,
            directory_urls=options.directory_urls,
            to_sources=options.html_links_to_sources,
            net=self.network,
            graph_page=self.drawn_on.get((kind, entity_id)),
        )

    def html_links(self, here: str) -> HtmlLinks:
        """The links from a page's HTML blocks, as the options want them."""
        return HtmlLinks(here, self.options.directory_urls, self.options.html_links_to_sources)

    def related(self, claim_id: str) -> list[tuple[str, str]]:
        pairs: list[tuple[str, str]] = [(r.relation, r.claim) for r in self.c.claim(claim_id).related]
        pairs += [(relation, other) for other, relation in self.c.backlinks.related_in.get(claim_id, [])]
        return list(dict.fromkeys(pairs))

    def person_page(self, person_id: str) -> str:
        here = urls.entity_page("people", person_id)
        person: Person = self.c.people[person_id].entry
        out = [f"# {escape(person.name)}", ""]
        facts = []
        if person.role:
            facts.append(f"- **Role:** {escape(person.role)}")
        if person.affiliation:
            facts.append(f"- **Affiliation:** {escape(person.affiliation)}")
        links = [f"[{escape(link.split('://', 1)[1].split('/', 1)[0])}]({external_url(link)})" for link in person.links]
        if person.wikidata:
            links.append(f"[Wikidata {person.wikidata}](https://www.wikidata.org/wiki/{person.wikidata})")
        if links:
            facts.append("- **Links:** " + " · ".join(links))
        out += facts + [""] if facts else []
        if person.description:
            out.append(block_html("description", light_markdown.render(person.description)))
        html_links = self.html_links(here)
        claims = self.c.backlinks.claims_by_claimant.get(person_id, [])
        out += [f"## What {escape(person.name)} said", ""]
        out += [backlinks_block([self.backlink_line(here, html_links, c) for c in claims]) if claims else "No claims recorded.", ""]
        mentions = self.c.backlinks.mentions_of.get(("people", person_id), [])
        out += ["## Where they are mentioned", ""]
        out += [backlinks_block(self.mention_items(html_links, mentions)) if mentions else "No mentions found in the texts.", ""]
        out += self.local_graph("people", person_id)
        return "\n".join(out)

    def source_page(self, source_id: str) -> str:
        here = urls.entity_page("sources", source_id)
        source: Source = self.c.sources[source_id].entry
        out = [f"# {escape(source.name)}", "", f"- **Type:** {SOURCE_TYPE_LABELS[source.type]}"]
        if source.url:
            out.append(f"- **Website:** [{escape(source.url)}]({external_url(source.url)})")
        out.append("")
        if source.description:
            out.append(block_html("description", light_markdown.render(source.description)))
        b = self.c.backlinks
        links = self.html_links(here)
        relayed = [self.backlink_line(here, links, c) for c in b.claims_via.get(source_id, [])]
        mentioned = self.mention_items(links, b.mentions_of.get(("sources", source_id), []))
        sections = [
            ("Claims it relays", [backlinks_block(relayed)] if relayed else []),
            ("Articles it published", [
                "- " + entity_link(here, "documents", d, self.c.titles[d]) for d in b.documents_by_publisher.get(source_id, [])
            ]),
            ("Cited as evidence", [
                "- " + entity_link(here, "claims", c, self.claim_title(c)) + f": [{escape(self.c.claim(c).evidence[i].title)}]"
                f"({external_url(self.c.claim(c).evidence[i].url)})"
                for c, i in b.evidence_by_source.get(source_id, [])
            ]),
            ("Where it is mentioned", [backlinks_block(mentioned)] if mentioned else []),
        ]
        for heading, lines in sections:
            if lines:
                out += [f"## {heading}", "", *lines, ""]
        out += self.local_graph("sources", source_id)
        return "\n".join(out)

    def document_page(self, doc_id: str) -> str:
        from .previews import legend, previews_block

        here = urls.entity_page("documents", doc_id)
        doc: Document = self.c.documents[doc_id].entry
        out = [f"# {escape(self.c.titles[doc_id])}", ""]
        facts = []
        if doc.published:
            facts.append(f"- **Published:** {doc.published}")
        if doc.publisher:
            facts.append("- **Publisher:** " + entity_link(here, "sources", doc.publisher, self.c.sources[doc.publisher].entry.name))
        if doc.url:
            facts.append(f"- **Original:** [{escape(doc.url)}]({external_url(doc.url)})")
        facts.append(f"- **Language:** {escape(doc.language)}")
        out += facts + [""]
        if doc.summary:
            out.append(block_html("summary", light_markdown.render(doc.summary)))
        # The text comes first: it is what the reader came for; the list of claims follows it.
        out += ["## The text", "", *legend(self.c, doc_id), *self.annotated_text(doc_id)]
        out += previews_block(self.c, doc_id, directory_urls=self.options.directory_urls)
        claims = self.c.claims_in_document(doc_id)
        out += ["## Claims in this article", ""]
        out += [self.claim_line(here, c, with_document=False, with_claimant=True) for c in claims] or ["No claims annotated yet."]
        out += self.entities_in_document(here, doc_id)
        out.append("")
        return "\n".join(out)

    def entities_in_document(self, here: str, doc_id: str) -> list[str]:
        """Everyone and everything the article names, quotes or credits, each linking back."""
        people: set[str] = set()
        sources: set[str] = set()
        doc: Document = self.c.documents[doc_id].entry
        if doc.publisher:
            sources.add(doc.publisher)
        for m in self.c.mentions.get(doc_id, []):
            (people if m.kind == "people" else sources).add(m.entity)
        for claim_id in self.c.claims_in_document(doc_id):
            claim = self.c.claim(claim_id)
            if claim.claimant:
                people.add(claim.claimant)
            sources.update(claim.via)
        out = []
        if people:
            names = sorted(people, key=lambda p: (self.c.people[p].entry.name.casefold(), p))
            out.append("- **People:** " + ", ".join(entity_link(here, "people", p, self.c.people[p].entry.name) for p in names))
        if sources:
            names = sorted(sources, key=lambda s: (self.c.sources[s].entry.name.casefold(), s))
            out.append("- **Sources:** " + ", ".join(entity_link(here, "sources", s, self.c.sources[s].entry.name) for s in names))
        return ["", "## Who and what it names", "", *out] if out else []

    def annotated_text(self, doc_id: str) -> list[str]:
        """The full text, claims and mentions linked: lines of the page.

        One HTML block (`html_blocks`, put back before search indexes the page) where
        Python-Markdown would make exactly that HTML of it: Markdown spent most of an article
        page's time on the text's links (issue 6), and its time grows with the square of a
        paragraph's length (a 50 KB line took minutes; issue 24), so a text with tabs or
        carriage returns is HTML too (`as_html_block`). Markdown, where `text_as_html` is off.
        """
        paragraphs = self.c.texts[doc_id].paragraphs
        here = urls.entity_page("documents", doc_id)
        if not self.options.text_as_html or not paragraphs:
            body = [p + "\n" for p in self.annotated_paragraphs(doc_id, MarkdownText(here))]
            return ['<div class="explainer-text" markdown>', "", *body, "</div>"]
        # Markdown drops the line break that ends a text's last paragraph.
        paras = self.annotated_paragraphs(doc_id, HtmlText(here, self.options.directory_urls))
        html = "\n".join(f"<p>{p}</p>" for p in (para.rstrip("\n") for para in paras))
        return [f'<div class="explainer-text"{html_blocks.SEARCHED}>\n{html}\n</div>', ""]

    def annotated_paragraphs(self, doc_id: str, write: TextWriter) -> Iterator[str]:
        """Each paragraph of the text with its claims and mentions linked, as `write` writes them."""
        text = self.c.texts[doc_id].text
        claims = [(self.c.claim_span[c], c) for c in self.c.claims_in_document(doc_id)]
        mentions = self.c.mentions.get(doc_id, [])
        starting: dict[int, list[str]] = defaultdict(list)  # offset -> anchors of what starts there
        for span, c in claims:
            starting[span.start].append(f'<span id="{urls.claim_anchor(c)}"></span>')
        for m in mentions:
            starting[m.span.start].append(f'<span id="{self.mention_anchor_target(m)}"></span>')
        paragraphs = self.c.texts[doc_id].paragraphs
        for cut in text_pieces.paragraph_pieces(paragraphs, claims, [(m.span, m) for m in mentions]):
            pieces: list[tuple[str | None, str]] = []  # (claim id or None, markdown or HTML)
            for a, b, owner, mention in cut:
                anchors = "".join(starting.get(a, ()))
                body = write.text(text[a:b])
                if mention is not None:
                    name = self.c.entities(mention.kind)[mention.entity].entry.name
                    body = write.mention(body, mention.kind, mention.entity, name)
                pieces.append((owner, anchors + body))
            yield self.join_pieces(write, pieces)

    def join_pieces(self, write: TextWriter, pieces: list[tuple[str | None, str]]) -> str:
        out: list[str] = []
        i = 0
        while i < len(pieces):
            owner = pieces[i][0]
            j = i
            while j < len(pieces) and pieces[j][0] == owner:
                j += 1
            body = "".join(p[1] for p in pieces[i:j])
            if owner is None:
                out.append(body)
            else:
                verdict = self.c.claim(owner).verdict
                # The link's name stays the article's own words (what a screen reader reads in the
                # text, and what a voice user says); the verdict is added in words, unseen.
                said = f'<span class="explainer-sr" data-search-exclude> (claim, verdict: {VERDICTS[verdict][0]})</span>'
                out.append(write.claim(body + said, owner, verdict))
            i = j
        return "".join(out)

    # --- index pages ------------------------------------------------------------

    def documents_index(self) -> str:
        here = urls.index_page("documents")
        out = ["# Articles", ""]
        for doc_id in listing.by_title(self.c):
            doc = self.c.documents[doc_id].entry
            count = len(self.c.claims_in_document(doc_id))
            meta = [doc.published] if doc.published else []
            meta.append(f"{count} claim{'s' if count != 1 else ''}")
            out.append(f"- {entity_link(here, 'documents', doc_id, self.c.titles[doc_id])} — {', '.join(meta)}")
        if not self.c.documents:
            out.append("No articles yet.")
        return "\n".join(out) + "\n"

    def claims_index_pages(self, per_page: int) -> list[tuple[str, Callable[[], str]]]:
        """Each page of the claims index (`per_page` articles with claims, see `listing`) with the function that renders it."""
        return [(page.path, partial(self.claims_index, page)) for page in listing.claims_index_listing(self.c, per_page)]

    def claims_index(self, page: ListingPage) -> str:
        from .filters import filter_form, row_attributes

        here = page.path
        links = self.html_links(here)
        listed = [c for doc_id in page.doc_ids for c in self.c.claims_in_document(doc_id)]
        out = [f"# {listing.title('Claims', page)}", "", *filter_form(self.c, listed, on_one_page=page.count > 1)]
        out += listing.pager(page, "claims index")
        for doc_id in page.doc_ids:
            # Each article's lines are one HTML block (`html_blocks`): MkDocs converts only the heading.
            rows = "".join(
                f"<li{row_attributes(self.c, c)}>{self.listing_line(here, links, c)}</li>" for c in self.c.claims_in_document(doc_id)
            )
            title = self.c.titles[doc_id]
            out += [
                f"## {escape(title)}",
                "",
                f'<div class="explainer-claims" data-search-exclude><p>In {links.entity("documents", doc_id, title)}:</p><ul>{rows}</ul></div>',
                "",
            ]
        out += listing.pager(page, "claims index")
        if not self.c.claims:
            out.append("No claims yet.")
        return "\n".join(out) + "\n"

    def people_index(self) -> str:
        here = urls.index_page("people")
        out = ["# People", ""]
        rows = []
        for person_id in sorted(self.c.people, key=lambda p: (self.c.people[p].entry.name.casefold(), p)):
            person: Person = self.c.people[person_id].entry
            claims = len(self.c.backlinks.claims_by_claimant.get(person_id, []))
            mentions = len(self.c.backlinks.mentions_of.get(("people", person_id), []))
            rows.append(f"| {entity_link(here, 'people', person_id, person.name)} | {escape(person.role or '')} | {claims} | {mentions} |")
        if rows:
            out += ["| Name | Role | Claims | Mentions |", "| --- | --- | ---: | ---: |", *rows]
        else:
            out.append("No people yet.")
        return "\n".join(out) + "\n"

    def sources_index(self) -> str:
        here = urls.index_page("sources")
        out = ["# Sources", ""]
        rows = []
        b = self.c.backlinks
        for source_id in sorted(self.c.sources, key=lambda s: (self.c.sources[s].entry.name.casefold(), s)):
            source: Source = self.c.sources[source_id].entry
            relayed = len(b.claims_via.get(source_id, []))
            cited = len(b.evidence_by_source.get(source_id, []))
            mentions = len(b.mentions_of.get(("sources", source_id), []))
            rows.append(
                f"| {entity_link(here, 'sources', source_id, source.name)} | {SOURCE_TYPE_LABELS[source.type]} | {relayed} | {cited} | {mentions} |"
            )
        if rows:
            out += ["| Name | Type | Claims relayed | Cited as evidence | Mentions |", "| --- | --- | ---: | ---: | ---: |", *rows]
        else:
            out.append("No sources yet.")
        return "\n".join(out) + "\n"

    def home_page(self) -> str:
        here = urls.HOME
        out = ["# Explainers", "", "Annotated articles, with every quote, number and claim linked to its context.", ""]
        out += [f"- {entity_link(here, 'documents', d, self.c.titles[d])}" for d in sorted(self.c.documents)]
        out += ["", f"Browse [claims]({urls.relative_link(here, urls.index_page('claims'))}), "
                f"[people]({urls.relative_link(here, urls.index_page('people'))}) and "
                f"[sources]({urls.relative_link(here, urls.index_page('sources'))}); "
                f"see them on the [timeline]({urls.relative_link(here, urls.TIMELINE)}) "
                f"and in the [graph]({urls.relative_link(here, urls.GRAPH)}).", ""]
        return "\n".join(out)


def render_pages(
    corpus: Corpus,
    options: SiteOptions | None = None,
    *,
    reuse: Mapping[str, str] | None = None,
    lines: ClaimLines | None = None,
    net: Network | None = None,
    drawn_on: Mapping[Key, ListingPage] | None = None,
    progress: Progress = QUIET,
) -> dict[str, str]:
    """Every generated page, keyed by its Markdown path, in a stable order: the site-wide pages, then the entity pages.

    Pages found in `reuse` are taken from it instead of being rendered: a rebuild under
    `mkdocs serve` passes the pages an edit cannot have changed (see build_cache), `lines`,
    the claim lines it cannot have changed, `net`, the corpus's network, and `drawn_on`, the
    graph page that draws each entity.
    """
    r = _renderer(corpus, options, lines, net)
    r.drawn_on = drawn_on
    pages = _site_pages(r, reuse)
    pages.update(_entity_pages(r, reuse, progress))
    return pages


def site_pages(corpus: Corpus, options: SiteOptions | None = None, *, net: Network | None = None) -> dict[str, str]:
    """The site-wide pages of `render_pages`, in its order: home, indexes, listings, reference."""
    return _site_pages(_renderer(corpus, options, None, net), None)


def site_page_makers(
    corpus: Corpus, options: SiteOptions | None = None, *, net: Network | None = None
) -> list[tuple[str, Callable[[], str]]]:
    """The site-wide pages of `site_pages`, in its order, each with the function that makes it (called once)."""
    return _site_page_makers(_renderer(corpus, options, None, net), None)


def entity_pages(corpus: Corpus, options: SiteOptions | None = None, *, net: Network | None = None) -> Iterator[tuple[str, str]]:
    """The entity pages of `render_pages` (every article, person, source and claim), one by one, in its order."""
    return _entity_pages(_renderer(corpus, options, None, net), None, QUIET)


def entity_page_paths(corpus: Corpus) -> list[str]:
    """The paths of the entity pages, in the order `entity_pages` makes them."""
    return [urls.entity_page(kind, entity_id) for kind in urls.SECTIONS for entity_id in corpus.entities(kind)]


def _renderer(corpus: Corpus, options: SiteOptions | None, lines: ClaimLines | None, net: Network | None) -> Renderer:
    from .graph import network

    r = Renderer(corpus, options or SiteOptions(), lines)
    # One network (and adjacency table) for the graph page and every local graph.
    r.network = net if net is not None else network(corpus)
    return r


def _site_pages(r: Renderer, reuse: Mapping[str, str] | None) -> dict[str, str]:
    return {page: make() for page, make in _site_page_makers(r, reuse)}


def _site_page_makers(r: Renderer, reuse: Mapping[str, str] | None) -> list[tuple[str, Callable[[], str]]]:
    """Each site-wide page with the function that makes it (or hands out its reused text), in `render_pages`' order."""
    from .graph import graph_pages_one_by_one
    from .reference import format_page, verdicts_page
    from .timeline import timeline_pages

    corpus, options = r.c, r.options
    assert r.network is not None
    per_page = options.articles_per_page

    def kept_or_made(made_by: list[tuple[str, Callable[[], str]]]) -> list[tuple[str, Callable[[], str]]]:
        if reuse is None:
            return made_by
        return [(page, partial(reuse.__getitem__, page) if page in reuse else make) for page, make in made_by]

    makers = kept_or_made([
        *([(urls.HOME, r.home_page)] if options.home_page else []),
        (urls.index_page("documents"), r.documents_index),
        *r.claims_index_pages(per_page),
        (urls.index_page("people"), r.people_index),
        (urls.index_page("sources"), r.sources_index),
        (urls.VERDICTS, verdicts_page),
        (urls.FORMAT, format_page),
    ])
    graph = [page.path for page in listing.graph_listing(corpus, per_page)]
    if reuse is not None and all(page in reuse for page in graph):  # drawn from the same network
        makers += [(page, partial(reuse.__getitem__, page)) for page in graph]
    else:  # drawn in order, as asked for: a page's drawing is kept while its part of the network stays the same
        drawing = graph_pages_one_by_one(
            corpus, directory_urls=options.directory_urls, to_sources=options.html_links_to_sources, net=r.network, per_page=per_page
        )
        drawn: dict[str, str] = {}

        def graph_page(page: str) -> str:
            if page not in drawn:  # a loop, not next(): a StopIteration would quietly end a generator calling this
                for path, text in drawing:
                    drawn[path] = text
                    if path == page:
                        break
            return drawn.pop(page)

        makers += [(page, partial(graph_page, page)) for page in graph]
    makers += kept_or_made(timeline_pages(corpus, r.listing_line, r.html_links, per_page))
    return makers


def _entity_pages(r: Renderer, reuse: Mapping[str, str] | None, progress: Progress) -> Iterator[tuple[str, str]]:
    corpus, options = r.c, r.options
    renderers: dict[str, Callable[[str], str]] = {
        "documents": r.document_page, "people": r.person_page, "sources": r.source_page, "claims": r.claim_page
    }
    progress.phase("rendering pages", sum(len(corpus.entities(kind)) for kind in urls.SECTIONS))
    for kind in urls.SECTIONS:  # the order of `entity_page_paths`
        render = renderers[kind]
        for entity_id in corpus.entities(kind):
            page = urls.entity_page(kind, entity_id)
            progress.advance()
            if reuse is not None and page in reuse:
                yield page, reuse[page]
                continue
            content = render(entity_id)
            if kind == "claims":
                content += claimreview.script_block(
                    corpus,
                    entity_id,
                    site_url=options.site_url,
                    site_name=options.site_name,
                    directory_urls=options.directory_urls,
                )
            yield page, content + edit_footer(options.edit_links.get(page))
