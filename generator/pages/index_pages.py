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
        facets = listing.facets((located.entry for located in self.c.claims.values()), self.c.scale)
        return [(page.path, partial(self.claims_index, page, facets)) for page in listing.claims_index_listing(self.c, per_page)]

    def claims_index(self, page: ListingPage, facets: tuple[tuple[str, ...], tuple[str, ...]]) -> str:
        """A page of the claims index; `facets`, the verdicts and tags of the whole corpus (`listing.facets`)."""
        here = page.path
        links = self.html_links(here)
        out = [f"# {page_title('Claims', page)}", "", *browse(*facets, links)]
        if page.count == 1:
            out += filter_form(self.c, [c for doc_id in page.doc_ids for c in self.c.claims_in_document(doc_id)])
        out += pager(page, "claims index")
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
        out += pager(page, "claims index")
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
