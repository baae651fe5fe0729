"""An article's page: its facts, its text with every claim and mention linked, its claims and names."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Protocol

from ..annotations import light_markdown
from ..annotations.model import Document
from ..site_map import urls
from . import html_blocks, text_pieces
from .markdown_text import as_html_block, attribute, escape, escape_block
from .pieces import block_html, entity_link, external_url, fact, heading, verdict_class
from .previews import legend, previews_block
from .renderer import Renderer


class TextWriter(Protocol):
    """How an article's text is written: its plain stretches, its mentions and its claims."""

    def text(self, text: str) -> str: ...
    def mention(self, body: str, kind: str, entity_id: str, name: str) -> str: ...
    def claim(self, body: str, claim_id: str, verdict_class: str) -> str: ...


class MarkdownText:
    """The text as Markdown, for MkDocs to convert: relative links, which it checks."""

    def __init__(self, here: str) -> None:
        self.here = here
        self.text = escape_block

    def mention(self, body: str, kind: str, entity_id: str, name: str) -> str:
        target = urls.relative_link(self.here, urls.entity_page(kind, entity_id))
        return f'[{body}]({target}){{ .mention title="{attribute(name)}" }}'

    def claim(self, body: str, claim_id: str, verdict_class: str) -> str:
        target = urls.relative_link(self.here, urls.entity_page("claims", claim_id))
        return f'[{body}]({target}){{ .claim .{verdict_class} data-claim="{claim_id}" }}'


class HtmlText:
    """The text as the HTML Python-Markdown makes of `MarkdownText`'s, links to the built pages' URLs."""

    def __init__(self, here: str, directory_urls: bool) -> None:
        self.url = urls.url_links_from(here, directory_urls=directory_urls)
        self.text = as_html_block

    def mention(self, body: str, kind: str, entity_id: str, name: str) -> str:
        return f'<a class="mention" href="{self.url(urls.entity_page(kind, entity_id))}" title="{attribute(name)}">{body}</a>'

    def claim(self, body: str, claim_id: str, verdict_class: str) -> str:
        href = self.url(urls.entity_page("claims", claim_id))
        return f'<a class="claim {verdict_class}" data-claim="{claim_id}" href="{href}">{body}</a>'


class ArticlePage(Renderer):
    def document_page(self, doc_id: str) -> str:
        here = urls.entity_page("documents", doc_id)
        doc: Document = self.c.documents[doc_id].entry
        msg = self.msg
        out = [f"# {escape(self.c.titles[doc_id])}", ""]
        facts = []
        if doc.published:
            facts.append(fact(msg._("Published:"), msg.date(doc.published)))
        if doc.publisher:
            facts.append(fact(msg._("Publisher:"), entity_link(here, "sources", doc.publisher, self.c.sources[doc.publisher].entry.name)))
        if doc.url:
            facts.append(fact(msg._("Original:"), f"[{escape(doc.url)}]({external_url(doc.url)})"))
        facts.append(fact(msg._("Language:"), escape(doc.language)))
        out += facts + [""]
        if doc.summary:
            out.append(block_html("summary", light_markdown.render(doc.summary)))
        # The text comes first: it is what the reader came for; the list of claims follows it.
        out += [heading(2, msg._("The text"), "the-text"), "", *legend(self.c, doc_id, msg), *self.annotated_text(doc_id)]
        out += previews_block(self.c, doc_id, msg, directory_urls=self.options.directory_urls)
        claims = self.c.claims_in_document(doc_id)
        out += [heading(2, msg._("Claims in this article"), "claims-in-this-article"), ""]
        out += [self.claim_line(here, c, with_document=False, with_claimant=True) + self.corrected_mark(here, c) for c in claims] or [
            msg._("No claims annotated yet.")
        ]
        out += self.entities_in_document(here, doc_id)
        out.append("")
        return "\n".join(out)

    def corrected_mark(self, here: str, claim_id: str) -> str:
        """` · corrected`, linking to the claim's corrections, for a claim that has any."""
        if not self.c.claim(claim_id).corrections:
            return ""
        target = urls.relative_link(here, urls.entity_page("claims", claim_id), "corrections")
        return " · [" + self.msg._("corrected") + f"]({target}){{ .explainer-corrected }}"

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
            out.append(fact(self.msg._("People:"), ", ".join(entity_link(here, "people", p, self.c.people[p].entry.name) for p in names)))
        if sources:
            names = sorted(sources, key=lambda s: (self.c.sources[s].entry.name.casefold(), s))
            out.append(fact(self.msg._("Sources:"), ", ".join(entity_link(here, "sources", s, self.c.sources[s].entry.name) for s in names)))
        return ["", "## " + self.msg._("Who and what it names"), "", *out] if out else []

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
            return [f'<div class="explainer-text"{self.text_lang(doc_id)} markdown>', "", *body, "</div>"]
        # Markdown drops the line break that ends a text's last paragraph.
        paras = self.annotated_paragraphs(doc_id, HtmlText(here, self.options.directory_urls))
        html = "\n".join(f"<p>{p}</p>" for p in (para.rstrip("\n") for para in paras))
        return [f'<div class="explainer-text"{self.text_lang(doc_id)}{html_blocks.SEARCHED}>\n{html}\n</div>', ""]

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
        scale = self.scale
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
                label = write.text(scale.label(verdict))
                if self.c.claim(owner).corrections:
                    words = self.msg._("(claim, verdict: {verdict}, corrected)", verdict=label)
                else:
                    words = self.msg._("(claim, verdict: {verdict})", verdict=label)
                said = f'<span class="explainer-sr" data-search-exclude> {words}</span>'
                out.append(write.claim(body + said, owner, verdict_class(scale, verdict)))
            i = j
        return "".join(out)
