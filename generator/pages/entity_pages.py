"""The pages of claims, people and sources: what each is, and everything that links to it."""

from __future__ import annotations

from ..annotations import light_markdown
from ..annotations.model import KIND_LABELS, RELATION_LABELS, SOURCE_TYPE_LABELS, Claim, Person, Source
from ..site_map import urls
from .markdown_text import as_html_name, escape
from .pieces import backlinks_block, block_html, entity_link, external_url, fact, heading, inline_html, marked, verdict_badge
from .previews import NO_EXPLANATION
from .scorecard import Scorecards
from .search_filters import filters_block


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
        title = f"# {escape(self.claim_title(claim_id))}" + (f" {{{title_lang} }}" if title_lang else "")
        msg = self.msg
        out = [title, "", verdict_badge(here, claim.verdict, self.scale) + " · " + msg._(KIND_LABELS[claim.kind]), ""]
        out += self.claim_filters(claim, doc_id)
        out += [f"> {marked(text.text, span, context)}", *([f"> {{{text_lang} }}"] if text_lang else []), ""]
        out += self.claim_facts(here, claim_id, doc_id)
        out += [heading(2, msg._("Explanation"), "explanation"), ""]
        if claim.explanation:
            out.append(block_html("explanation", light_markdown.render(claim.explanation)))
        else:
            out += [msg._(NO_EXPLANATION), ""]
        out += self.corrections(here, claim)
        if claim.original_wording:
            out += [heading(2, msg._("Original wording"), "original-wording"), "", f"> {escape(claim.original_wording)}"]
            out += [*([f"> {{{text_lang} }}"] if text_lang else []), "",
                    msg._("The article's rendering differs from the words as first reported; the explanation says how."), ""]
        out += [heading(2, msg._("Evidence"), "evidence"), ""]
        if claim.evidence:
            for item in claim.evidence:
                line = f"- [{escape(item.title)}]({external_url(item.url)})"
                if item.archived_url:
                    line += " ([" + msg._("archived copy") + f"]({external_url(item.archived_url)}))"
                if item.source:
                    line += " — " + entity_link(here, "sources", item.source, self.c.sources[item.source].entry.name)
                if item.note:
                    line += ": " + inline_html(item.note)
                out.append(line)
            out.append("")
        else:
            out += [msg._("None recorded yet."), ""]
        related = self.related(claim_id)
        if related:
            out += [heading(2, msg._("Related claims"), "related-claims"), ""]
            for relation, other in related:
                line = self.claim_line(here, other, with_document=False, with_context=True)[2:]
                out.append(fact(msg._("{relation}:", relation=msg._(RELATION_LABELS[relation])), line))
            out.append("")
        out += self.local_graph("claims", claim_id)
        return "\n".join(out)

    def claim_facts(self, here: str, claim_id: str, doc_id: str) -> list[str]:
        """Who said it, when, when it was reviewed and corrected, through whom, where, and its tags."""
        claim, msg = self.c.claim(claim_id), self.msg
        via = ", ".join(entity_link(here, "sources", s, self.c.sources[s].entry.name) for s in dict.fromkeys(claim.via))
        if claim.claimant:
            person: Person = self.c.people[claim.claimant].entry
            who = entity_link(here, "people", claim.claimant, person.name)
            if person.role:
                who += f", {escape(person.role)}"
        elif claim.via:
            who = msg._("no named person: the article asserts it, crediting {sources}", sources=via)
        else:
            who = msg._("the article itself, in its own voice")
        facts = [fact(msg._("Claimant:"), who)]
        if claim.said_on:
            facts.append(fact(msg._("Said on:"), msg.date(claim.said_on)))
        if claim.reviewed_on:
            facts.append(fact(msg._("Reviewed on:"), msg.date(claim.reviewed_on)))
        if claim.corrections:
            latest = msg.date(max(c.date for c in claim.corrections))
            count = msg.ngettext(
                "{n} correction, the latest on {date}", "{n} corrections, the latest on {date}", len(claim.corrections), date=latest
            )
            facts.append(fact(msg._("Corrected:"), f"[{count}](#corrections)"))
        if claim.via:
            facts.append(fact(msg._("Via:"), via))
        facts.append(fact(msg._("Article:"), entity_link(here, "documents", doc_id, self.c.titles[doc_id], urls.claim_anchor(claim_id))))
        if claim.tags:
            # Each tag leads to every claim with it (a checked slug: nothing in it for Markdown).
            tags = ", ".join(f"[`{t}`]({urls.relative_link(here, urls.tag_listing(t))})" for t in dict.fromkeys(claim.tags))
            facts.append(fact(msg._("Tags:"), tags))
        return [*facts, ""]

    def corrections(self, here: str, claim: Claim) -> list[str]:
        """The claim's corrections, newest first, each with its anchor (the corrections page and the feeds link to it)."""
        if not claim.corrections:
            return []
        msg = self.msg
        out = [heading(2, msg._("Corrections"), "corrections"), ""]
        for number, correction in sorted(enumerate(claim.corrections, start=1), key=lambda pair: (pair[1].date, pair[0]), reverse=True):
            line = f'- <span id="{urls.correction_anchor(number)}"></span>**{msg.date(correction.date)}**'
            if correction.previous_verdict:
                line += " · " + msg._("previous verdict: {verdict}", verdict=verdict_badge(here, correction.previous_verdict, self.scale))
            out.append(f"{line}: {inline_html(correction.note)}")
        return [*out, ""]

    def claim_filters(self, claim: Claim, doc_id: str) -> list[str]:
        publisher = self.c.documents[doc_id].entry.publisher
        sources = [*claim.via, *([publisher] if publisher else [])]
        return filters_block([
            ("verdict", self.scale.label(claim.verdict)),  # the label readers see on the badges, and type
            *([("person", self.c.people[claim.claimant].entry.name)] if claim.claimant else []),
            *(("source", self.c.sources[s].entry.name) for s in sources),
            *(("tag", t) for t in claim.tags),
        ])

    def person_page(self, person_id: str) -> str:
        here = urls.entity_page("people", person_id)
        person: Person = self.c.people[person_id].entry
        claims = self.c.backlinks.claims_by_claimant.get(person_id, [])
        msg = self.msg
        out = [f"# {escape(person.name)}", ""]
        caption = msg.ngettext(
            "Verdicts on the {n} claim by {name}", "Verdicts on the {n} claims by {name}", len(claims), name=as_html_name(person.name)
        )
        out += self.scorecard(claims, caption, msg._("No claims recorded, so no verdicts."))
        out += filters_block([("person", person.name)])
        facts = []
        if person.role:
            facts.append(fact(msg._("Role:"), escape(person.role)))
        if person.affiliation:
            facts.append(fact(msg._("Affiliation:"), escape(person.affiliation)))
        links = [f"[{escape(link.split('://', 1)[1].split('/', 1)[0])}]({external_url(link)})" for link in person.links]
        if person.wikidata:
            wikidata = msg._("Wikidata {id}", id=person.wikidata)  # a checked Q-number: nothing in it for Markdown
            links.append(f"[{wikidata}](https://www.wikidata.org/wiki/{person.wikidata})")
        if links:
            facts.append(fact(msg._("Links:"), " · ".join(links)))
        out += facts + [""] if facts else []
        if person.description:
            out.append(block_html("description", light_markdown.render(person.description)))
        html_links = self.html_links(here)
        out += [heading(2, msg._("What {name} said", name=escape(person.name)), "what-they-said"), ""]
        out += self.claims_by_verdict(here, html_links, claims) if claims else [msg._("No claims recorded."), ""]
        mentions = self.c.backlinks.mentions_of.get(("people", person_id), [])
        out += [heading(2, msg._("Where they are mentioned"), "where-they-are-mentioned"), ""]
        out += [backlinks_block(self.mention_items(html_links, mentions)) if mentions else msg._("No mentions found in the texts."), ""]
        out += self.local_graph("people", person_id)
        return "\n".join(out)

    def source_page(self, source_id: str) -> str:
        here = urls.entity_page("sources", source_id)
        source: Source = self.c.sources[source_id].entry
        relayed = self.c.backlinks.claims_via.get(source_id, [])
        msg = self.msg
        out = [f"# {escape(source.name)}", ""]
        caption = msg.ngettext(
            "Verdicts on the {n} claim {name} relays", "Verdicts on the {n} claims {name} relays", len(relayed), name=as_html_name(source.name)
        )
        out += self.scorecard(relayed, caption, msg._("No claims relayed, so no verdicts."))
        out += filters_block([("source", source.name)])
        out.append(fact(msg._("Type:"), msg._(SOURCE_TYPE_LABELS[source.type])))
        if source.url:
            out.append(fact(msg._("Website:"), f"[{escape(source.url)}]({external_url(source.url)})"))
        out.append("")
        if source.description:
            out.append(block_html("description", light_markdown.render(source.description)))
        b = self.c.backlinks
        links = self.html_links(here)
        mentioned = self.mention_items(links, b.mentions_of.get(("sources", source_id), []))
        sections = [
            (msg._("Claims it relays"), "claims-it-relays", self.claims_by_verdict(here, links, relayed)),
            (msg._("Articles it published"), "articles-it-published", [
                "- " + entity_link(here, "documents", d, self.c.titles[d]) for d in b.documents_by_publisher.get(source_id, [])
            ]),
            (msg._("Cited as evidence"), "cited-as-evidence", [
                "- " + entity_link(here, "claims", c, self.claim_title(c), lang=self.title_lang(c))
                + f": [{escape(self.c.claim(c).evidence[i].title)}]({external_url(self.c.claim(c).evidence[i].url)})"
                for c, i in b.evidence_by_source.get(source_id, [])
            ]),
            (msg._("Where it is mentioned"), "where-it-is-mentioned", [backlinks_block(mentioned)] if mentioned else []),
        ]
        for title, anchor, lines in sections:
            if lines:
                out += [heading(2, title, anchor), "", *lines, ""]
        out += self.local_graph("sources", source_id)
        return "\n".join(out)
