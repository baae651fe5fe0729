"""The pages of claims, people and sources: what each is, and everything that links to it."""

from __future__ import annotations

from ..annotations import light_markdown
from ..annotations.model import KIND_LABELS, RELATION_LABELS, SOURCE_TYPE_LABELS, Claim, Person, Source
from ..site_map import urls
from .markdown_text import as_html_name, escape
from .pieces import backlinks_block, block_html, entity_link, external_url, inline_html, marked, verdict_badge
from .scorecard import Scorecards, claims_of
from .search_filters import filters_block
from .timeline import long_date


class EntityPages(Scorecards):
    def claim_page(self, claim_id: str) -> str:
        here = urls.entity_page("claims", claim_id)
        claim: Claim = self.c.claim(claim_id)
        doc_id = self.c.claim_document[claim_id]
        text = self.c.texts[doc_id]
        span = self.c.claim_span[claim_id]
        context = text.sentence_range(span, around=1)
        # attr_list puts the attributes on the heading, and on the quoted paragraph from a line of their own.
        title_lang, text_lang = self.title_lang(claim_id), self.text_lang(doc_id)
        heading = f"# {escape(self.claim_title(claim_id))}" + (f" {{{title_lang} }}" if title_lang else "")
        out = [heading, "", f"{verdict_badge(here, claim.verdict, self.c.scale)} · {KIND_LABELS[claim.kind]}", ""]
        out += self.claim_filters(claim, doc_id)
        out += [f"> {marked(text.text, span, context)}", *([f"> {{{text_lang} }}"] if text_lang else []), ""]
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
        if claim.reviewed_on:
            facts.append(f"- **Reviewed on:** {long_date(claim.reviewed_on)}")
        if claim.corrections:
            count = len(claim.corrections)
            latest = max(c.date for c in claim.corrections)
            facts.append(f"- **Corrected:** [{count} correction{'s' if count != 1 else ''}, the latest on {long_date(latest)}](#corrections)")
        if claim.via:
            facts.append("- **Via:** " + ", ".join(entity_link(here, "sources", s, self.c.sources[s].entry.name) for s in dict.fromkeys(claim.via)))
        facts.append("- **Article:** " + entity_link(here, "documents", doc_id, self.c.titles[doc_id], urls.claim_anchor(claim_id)))
        if claim.tags:
            # Each tag leads to every claim with it (a checked slug: nothing in it for Markdown).
            facts.append("- **Tags:** " + ", ".join(f"[`{t}`]({urls.relative_link(here, urls.tag_listing(t))})" for t in dict.fromkeys(claim.tags)))
        out += facts + [""]
        out += ["## Explanation", ""]
        if claim.explanation:
            out.append(block_html("explanation", light_markdown.render(claim.explanation)))
        else:
            out += ["No explanation yet: this claim has not been checked.", ""]
        out += self.corrections(here, claim)
        if claim.original_wording:
            out += ["## Original wording", "", f"> {escape(claim.original_wording)}", *([f"> {{{text_lang} }}"] if text_lang else []), "",
                    "The article's rendering differs from the words as first reported; the explanation says how.", ""]
        out += ["## Evidence", ""]
        if claim.evidence:
            for item in claim.evidence:
                line = f"- [{escape(item.title)}]({external_url(item.url)})"
                if item.archived_url:
                    line += f" ([archived copy]({external_url(item.archived_url)}))"
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

    def corrections(self, here: str, claim: Claim) -> list[str]:
        """The claim's corrections, newest first, each with its anchor (the corrections page and the feeds link to it)."""
        if not claim.corrections:
            return []
        out = ["## Corrections", ""]
        for number, correction in sorted(enumerate(claim.corrections, start=1), key=lambda pair: (pair[1].date, pair[0]), reverse=True):
            line = f'- <span id="{urls.correction_anchor(number)}"></span>**{long_date(correction.date)}**'
            if correction.previous_verdict:
                line += f" · previous verdict: {verdict_badge(here, correction.previous_verdict, self.c.scale)}"
            out.append(f"{line}: {inline_html(correction.note)}")
        return [*out, ""]

    def claim_filters(self, claim: Claim, doc_id: str) -> list[str]:
        publisher = self.c.documents[doc_id].entry.publisher
        sources = [*claim.via, *([publisher] if publisher else [])]
        return filters_block([
            ("verdict", self.c.scale.label(claim.verdict)),
            *([("person", self.c.people[claim.claimant].entry.name)] if claim.claimant else []),
            *(("source", self.c.sources[s].entry.name) for s in sources),
            *(("tag", t) for t in claim.tags),
        ])

    def person_page(self, person_id: str) -> str:
        here = urls.entity_page("people", person_id)
        person: Person = self.c.people[person_id].entry
        claims = self.c.backlinks.claims_by_claimant.get(person_id, [])
        out = [f"# {escape(person.name)}", ""]
        caption = f"Verdicts on the {claims_of(len(claims))} by {as_html_name(person.name)}"
        out += self.scorecard(claims, caption, "No claims recorded, so no verdicts.")
        out += filters_block([("person", person.name)])
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
        out += [f"## What {escape(person.name)} said", ""]
        out += self.claims_by_verdict(here, html_links, claims) if claims else ["No claims recorded.", ""]
        mentions = self.c.backlinks.mentions_of.get(("people", person_id), [])
        out += ["## Where they are mentioned", ""]
        out += [backlinks_block(self.mention_items(html_links, mentions)) if mentions else "No mentions found in the texts.", ""]
        out += self.local_graph("people", person_id)
        return "\n".join(out)

    def source_page(self, source_id: str) -> str:
        here = urls.entity_page("sources", source_id)
        source: Source = self.c.sources[source_id].entry
        relayed = self.c.backlinks.claims_via.get(source_id, [])
        out = [f"# {escape(source.name)}", ""]
        caption = f"Verdicts on the {claims_of(len(relayed))} {as_html_name(source.name)} relays"
        out += self.scorecard(relayed, caption, "No claims relayed, so no verdicts.")
        out += filters_block([("source", source.name)])
        out.append(f"- **Type:** {SOURCE_TYPE_LABELS[source.type]}")
        if source.url:
            out.append(f"- **Website:** [{escape(source.url)}]({external_url(source.url)})")
        out.append("")
        if source.description:
            out.append(block_html("description", light_markdown.render(source.description)))
        b = self.c.backlinks
        links = self.html_links(here)
        mentioned = self.mention_items(links, b.mentions_of.get(("sources", source_id), []))
        sections = [
            ("Claims it relays", self.claims_by_verdict(here, links, relayed)),
            ("Articles it published", [
                "- " + entity_link(here, "documents", d, self.c.titles[d]) for d in b.documents_by_publisher.get(source_id, [])
            ]),
            ("Cited as evidence", [
                "- " + entity_link(here, "claims", c, self.claim_title(c), lang=self.title_lang(c))
                + f": [{escape(self.c.claim(c).evidence[i].title)}]({external_url(self.c.claim(c).evidence[i].url)})"
                for c, i in b.evidence_by_source.get(source_id, [])
            ]),
            ("Where it is mentioned", [backlinks_block(mentioned)] if mentioned else []),
        ]
        for heading, lines in sections:
            if lines:
                out += [f"## {heading}", "", *lines, ""]
        out += self.local_graph("sources", source_id)
        return "\n".join(out)
