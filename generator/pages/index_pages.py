"""The site-wide index pages: home, articles, the paged claims index, people and sources."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from ..annotations.model import SOURCE_TYPE_LABELS, Person, Source
from ..site_map import listing, urls
from ..site_map.listing import ListingPage
from .filters import browse, filter_form, row_attributes
from .markdown_text import escape
from .pager import page_title, pager
from .pieces import entity_link
from .renderer import Renderer


class IndexPages(Renderer):
    def documents_index(self) -> str:
        here = urls.index_page("documents")
        msg = self.msg
        out = ["# " + msg._("Articles"), ""]
        for doc_id in listing.by_title(self.c):
            doc = self.c.documents[doc_id].entry
            count = len(self.c.claims_in_document(doc_id))
            meta = [msg.date(doc.published)] if doc.published else []
            meta.append(msg.ngettext("{n} claim", "{n} claims", count))
            out.append(f"- {entity_link(here, 'documents', doc_id, self.c.titles[doc_id])} — {', '.join(meta)}")
        if not self.c.documents:
            out.append(msg._("No articles yet."))
        return "\n".join(out) + "\n"

    def claims_index_pages(self, per_page: int) -> list[tuple[str, Callable[[], str]]]:
        """Each page of the claims index (`per_page` articles with claims, see `listing`) with the function that renders it."""
        facets = listing.facets((located.entry for located in self.c.claims.values()), self.c.scale)
        return [(page.path, partial(self.claims_index, page, facets)) for page in listing.claims_index_listing(self.c, per_page)]

    def claims_index(self, page: ListingPage, facets: tuple[tuple[str, ...], tuple[str, ...]]) -> str:
        """A page of the claims index; `facets`, the verdicts and tags of the whole corpus (`listing.facets`)."""
        here = page.path
        msg = self.msg
        links = self.html_links(here)
        out = ["# " + page_title(msg._("Claims"), page, msg), "", *browse(*facets, links, msg)]
        if page.count == 1:
            out += filter_form(self.c, [c for doc_id in page.doc_ids for c in self.c.claims_in_document(doc_id)], msg)
        label = msg._("Pages of the claims index")
        out += pager(page, label, msg)
        for doc_id in page.doc_ids:
            # Each article's lines are one HTML block (`html_blocks`): MkDocs converts only the heading.
            rows = "".join(
                f"<li{row_attributes(self.c, c)}>{self.listing_line(here, links, c)}</li>" for c in self.c.claims_in_document(doc_id)
            )
            title = self.c.titles[doc_id]
            where = msg._("In {article}:", article=links.entity("documents", doc_id, title))
            out += [
                f"## {escape(title)}",
                "",
                f'<div class="explainer-claims" data-search-exclude><p>{where}</p><ul>{rows}</ul></div>',
                "",
            ]
        out += pager(page, label, msg)
        if not self.c.claims:
            out.append(msg._("No claims yet."))
        return "\n".join(out) + "\n"

    def people_index(self) -> str:
        here = urls.index_page("people")
        msg = self.msg
        out = ["# " + msg._("People"), ""]
        rows = []
        for person_id in sorted(self.c.people, key=lambda p: (self.c.people[p].entry.name.casefold(), p)):
            person: Person = self.c.people[person_id].entry
            claims = msg.number(len(self.c.backlinks.claims_by_claimant.get(person_id, [])))
            mentions = msg.number(len(self.c.backlinks.mentions_of.get(("people", person_id), [])))
            rows.append(f"| {entity_link(here, 'people', person_id, person.name)} | {escape(person.role or '')} | {claims} | {mentions} |")
        if rows:
            header = [msg._("Name"), msg._("Role"), msg._("Claims"), msg._("Mentions")]
            out += [f"| {' | '.join(header)} |", "| --- | --- | ---: | ---: |", *rows]
        else:
            out.append(msg._("No people yet."))
        return "\n".join(out) + "\n"

    def sources_index(self) -> str:
        here = urls.index_page("sources")
        msg = self.msg
        out = ["# " + msg._("Sources"), ""]
        rows = []
        b = self.c.backlinks
        for source_id in sorted(self.c.sources, key=lambda s: (self.c.sources[s].entry.name.casefold(), s)):
            source: Source = self.c.sources[source_id].entry
            relayed = msg.number(len(b.claims_via.get(source_id, [])))
            cited = msg.number(len(b.evidence_by_source.get(source_id, [])))
            mentions = msg.number(len(b.mentions_of.get(("sources", source_id), [])))
            kind = msg._(SOURCE_TYPE_LABELS[source.type])
            rows.append(f"| {entity_link(here, 'sources', source_id, source.name)} | {kind} | {relayed} | {cited} | {mentions} |")
        if rows:
            header = [msg._("Name"), msg._("Type"), msg._("Claims relayed"), msg._("Cited as evidence"), msg._("Mentions")]
            out += [f"| {' | '.join(header)} |", "| --- | --- | ---: | ---: | ---: |", *rows]
        else:
            out.append(msg._("No sources yet."))
        return "\n".join(out) + "\n"

    def home_page(self) -> str:
        here = urls.HOME
        msg = self.msg

        def link(text: str, page: str) -> str:
            return f"[{text}]({urls.relative_link(here, page)})"

        places = {
            "claims": link(msg._("claims"), urls.index_page("claims")),
            "people": link(msg._("people"), urls.index_page("people")),
            "sources": link(msg._("sources"), urls.index_page("sources")),
            "timeline": link(msg._("timeline"), urls.TIMELINE),
            "graph": link(msg._("graph"), urls.GRAPH),
        }
        out = ["# " + msg._("Explainers"), "", msg._("Annotated articles, with every quote, number and claim linked to its context."), ""]
        out += [f"- {entity_link(here, 'documents', d, self.c.titles[d])}" for d in sorted(self.c.documents)]
        out += ["", msg._("Browse {claims}, {people} and {sources}; see them on the {timeline} and in the {graph}.", **places), ""]
        return "\n".join(out)
