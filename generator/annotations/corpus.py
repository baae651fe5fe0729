"""Linking: collect every id, then resolve references, quotes and mentions.

Every id of every kind is collected before any reference is resolved; backlinks are
the inverse of the outgoing links, computed once here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .diagnostics import Diagnostic
from .limits import MAX_QUOTE_OCCURRENCES
from .model import RELATION_INVERSE, Claim, Document, Person, Source
from .scale import V1_SCALE, Scale, build_scale, verdict_problems
from .seeds import MAX_TEXT_BYTES, display_path, forbidden_in_text, inside, read_text_file
from .text_spans import AliasIndex, SourceText, Span, normalise
from .validate import Located, did_you_mean

NOUNS = {"documents": "document", "people": "person", "sources": "source", "claims": "claim"}
PLACES_SHOWN = 10  # of a quote found more than once: the count says the rest


Key = tuple[str, str]  # (kind, id): one entity, as graphs, caches and exports name it


@dataclass(frozen=True)
class Mention:
    kind: str  # people | sources
    entity: str
    document: str
    span: Span
    number: int  # counts this entity's mentions in this document, from 1


@dataclass(frozen=True)
class Corpus:
    documents: dict[str, Located]
    people: dict[str, Located]
    sources: dict[str, Located]
    claims: dict[str, Located]
    texts: dict[str, SourceText]
    titles: dict[str, str]
    text_labels: dict[str, str]
    claim_document: dict[str, str]
    claim_span: dict[str, Span]
    mentions: dict[str, list[Mention]]  # by document, in text order
    scale: Scale = V1_SCALE  # the rating scale every verdict is one of
    backlinks: Backlinks = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "backlinks", Backlinks.of(self))

    def entities(self, kind: str) -> dict[str, Located]:
        return {"documents": self.documents, "people": self.people, "sources": self.sources, "claims": self.claims}[kind]

    def claim(self, claim_id: str) -> Claim:
        entry: Claim = self.claims[claim_id].entry
        return entry

    def claims_in_document(self, doc_id: str) -> list[str]:
        return self.backlinks.claims_in_document.get(doc_id, [])


@dataclass(frozen=True)
class Backlinks:
    claims_by_claimant: dict[str, list[str]]
    claims_via: dict[str, list[str]]
    documents_by_publisher: dict[str, list[str]]
    evidence_by_source: dict[str, list[tuple[str, int]]]
    related_in: dict[str, list[tuple[str, str]]]  # claim -> [(other claim, relation seen from here)]
    mentions_of: dict[tuple[str, str], list[Mention]]
    claims_in_document: dict[str, list[str]]

    @staticmethod
    def of(corpus: Corpus) -> Backlinks:
        by_claimant: dict[str, list[str]] = defaultdict(list)
        via: dict[str, list[str]] = defaultdict(list)
        by_publisher: dict[str, list[str]] = defaultdict(list)
        evidence: dict[str, list[tuple[str, int]]] = defaultdict(list)
        related_in: dict[str, list[tuple[str, str]]] = defaultdict(list)
        mentions_of: dict[tuple[str, str], list[Mention]] = defaultdict(list)
        in_document: dict[str, list[str]] = defaultdict(list)
        for doc_id in sorted(corpus.documents):
            publisher = corpus.documents[doc_id].entry.publisher
            if publisher:
                by_publisher[publisher].append(doc_id)
            for mention in corpus.mentions.get(doc_id, []):
                mentions_of[(mention.kind, mention.entity)].append(mention)
        ordered = sorted(
            corpus.claims,
            key=lambda c: (corpus.claim_document[c], corpus.claim_span[c].start, corpus.claim_span[c].end, c),
        )
        for claim_id in ordered:
            claim = corpus.claim(claim_id)
            in_document[corpus.claim_document[claim_id]].append(claim_id)
            if claim.claimant:
                by_claimant[claim.claimant].append(claim_id)
            for source in dict.fromkeys(claim.via):
                via[source].append(claim_id)
            for index, item in enumerate(claim.evidence):
                if item.source:
                    evidence[item.source].append((claim_id, index))
            for rel in claim.related:
                related_in[rel.claim].append((claim_id, RELATION_INVERSE[rel.relation]))
        return Backlinks(
            dict(by_claimant), dict(via), dict(by_publisher), dict(evidence), dict(related_in), dict(mentions_of), dict(in_document)
        )


class _Linker:
    def __init__(
        self,
        located: list[Located],
        claimed: set[tuple[str, str]],
        seeds_dir: Path,
        base: Path,
        source_text: Callable[[str], SourceText] = SourceText,
    ) -> None:
        self.source_text = source_text  # a cache may hand back the indexed text of the last build
        # The rating scale's entries are not entities (scale.py reads them).
        self.located = [item for item in located if item.kind in NOUNS]
        self.claimed = claimed
        self.scale, scale_problems = build_scale(located)
        self.broken_verdicts = {entry_id for kind, entry_id in claimed if kind == "verdicts"}
        self.seeds_dir = seeds_dir
        self.base = base
        self.problems: list[Diagnostic] = scale_problems
        self.by_kind: dict[str, dict[str, Located]] = {kind: {} for kind in NOUNS}

    def error(self, where: Located, fields: tuple[str | int, ...], code: str, message: str, hint: str = "", **kw: object) -> None:
        self.problems.append(Diagnostic(where.at(*fields), code, f"{where.yaml_path(*fields)}: {message}", hint, **kw))  # type: ignore[arg-type]

    def collect_ids(self) -> None:
        for item in self.located:
            table = self.by_kind[item.kind]
            first = table.get(item.entry.id)
            if first is not None:
                self.error(
                    item,
                    ("id",),
                    "duplicate-id",
                    f"the {NOUNS[item.kind]} id '{item.entry.id}' is already defined",
                    "ids are global per kind; rename one of them",
                    related=((first.at("id"), "first defined here"),),
                )
                continue
            table[item.entry.id] = item
        for kind, table in self.by_kind.items():
            seen: dict[str, Located] = {}
            for _entry_id, item in table.items():
                for index, old in enumerate(item.entry.former_ids):
                    owner = table.get(old) or seen.get(old)
                    if owner is not None or (kind, old) in self.claimed:
                        self.error(
                            item,
                            ("former_ids", index),
                            "duplicate-id",
                            f"the former id '{old}' is in use by another {NOUNS[kind]}",
                            "a former id must not be the id or former id of another entry",
                        )
                        continue
                    seen[old] = item

    def ref(self, where: Located, fields: tuple[str | int, ...], kind: str, ref_id: str | None) -> bool:
        """Whether the reference resolves; reports it when it does not."""
        if ref_id is None or ref_id in self.by_kind[kind]:
            return ref_id is not None
        if (kind, ref_id) in self.claimed:
            return False  # the entry exists but is broken; its own error says why
        self.error(
            where,
            fields,
            "unknown-ref",
            f"no {NOUNS[kind]} '{ref_id}'",
            did_you_mean(ref_id, sorted(self.by_kind[kind])),
        )
        return False

    def read_texts(self) -> tuple[dict[str, SourceText], dict[str, str], dict[str, str]]:
        texts: dict[str, SourceText] = {}
        titles: dict[str, str] = {}
        labels: dict[str, str] = {}
        in_seeds = inside(self.seeds_dir)
        for doc_id, item in self.by_kind["documents"].items():
            doc: Document = item.entry
            relative = PurePosixPath(doc.text)
            folder = item.source.parent
            path = folder / Path(*relative.parts) if not relative.is_absolute() else Path(doc.text)
            if relative.is_absolute() or not in_seeds(path):
                self.error(
                    item,
                    ("text",),
                    "text-outside-seeds",
                    f"the text '{doc.text}' is outside the seeds folder",
                    "give a path relative to this YAML file that stays inside seeds/",
                )
                continue
            if not path.is_file():
                nearby = sorted(p.name for p in folder.glob("*") if p.is_file() and not p.name.endswith((".yaml", ".yml")))
                self.error(item, ("text",), "text-not-found", f"no file '{doc.text}' next to this YAML file", did_you_mean(relative.name, nearby))
                continue
            label = display_path(path, self.base)
            text, problems = read_text_file(path, label, MAX_TEXT_BYTES)
            self.problems.extend(problems)
            if text is None:
                continue
            bad = forbidden_in_text(text, label)
            if bad:
                self.problems.extend(bad)
                continue
            texts[doc_id] = self.source_text(text)
            labels[doc_id] = label
            first_line = next((line.strip() for line in text.splitlines() if line.strip()), doc_id)
            titles[doc_id] = doc.title or first_line
        return texts, titles, labels

    def documents_per_file(self) -> dict[str, list[str]]:
        per_file: dict[str, list[str]] = defaultdict(list)
        for item in self.located:
            if item.kind == "documents":
                per_file[item.file].append(item.entry.id)
        return per_file

    def link_claims(self, texts: dict[str, SourceText], labels: dict[str, str]) -> tuple[dict[str, str], dict[str, Span]]:
        per_file = self.documents_per_file()
        claim_document: dict[str, str] = {}
        claim_span: dict[str, Span] = {}
        for claim_id, item in self.by_kind["claims"].items():
            claim: Claim = item.entry
            doc_id = claim.document
            if doc_id is None:
                here = per_file.get(item.file, [])
                if len(here) != 1:
                    self.error(
                        item,
                        ("quote",),
                        "missing-field",
                        f"no 'document' given, and this file defines {len(here)} documents",
                        "add 'document: <id>' to the claim",
                    )
                    doc_id = None
                else:
                    doc_id = here[0]
            elif not self.ref(item, ("document",), "documents", doc_id):
                doc_id = None
            self.ref(item, ("claimant",), "people", claim.claimant)
            for index, source in enumerate(claim.via):
                self.ref(item, ("via", index), "sources", source)
            for index, evidence in enumerate(claim.evidence):
                self.ref(item, ("evidence", index, "source"), "sources", evidence.source)
            for index, rel in enumerate(claim.related):
                if rel.claim == claim_id:
                    self.error(item, ("related", index, "claim"), "invalid-value", "a claim cannot be related to itself")
                else:
                    self.ref(item, ("related", index, "claim"), "claims", rel.claim)
            self.problems.extend(verdict_problems(item, claim, self.scale, self.broken_verdicts))
            needs_evidence = claim.verdict in self.scale and self.scale[claim.verdict].needs_evidence
            if needs_evidence and not claim.evidence and not item.dropped & {"verdict", "evidence"}:
                self.error(
                    item,
                    ("verdict",),
                    "missing-evidence",
                    f"the verdict '{claim.verdict}' needs at least one evidence entry",
                    "add evidence, or set the verdict to unverified",
                )
            if doc_id is None or doc_id not in texts:
                continue
            span = self.match_quote(item, claim, texts[doc_id], labels[doc_id])
            if span is not None:
                claim_document[claim_id] = doc_id
                claim_span[claim_id] = span
        return claim_document, claim_span

    def match_quote(self, item: Located, claim: Claim, text: SourceText, label: str) -> Span | None:
        spans = text.find_all(claim.quote)
        if not spans:
            closest = text.closest_passage(claim.quote)
            self.error(
                item,
                ("quote",),
                "quote-not-found",
                f"the quote is not in {label}: \"{claim.quote}\"",
                f"the closest passage is: \"{closest}\"" if closest else "no passage of the text is close to it",
            )
            return None

        if len(spans) > MAX_QUOTE_OCCURRENCES:
            self.error(
                item,
                ("quote",),
                "quote-ambiguous",
                f"the quote occurs more than {MAX_QUOTE_OCCURRENCES:,} times in {label}",
                "quote more of the text around the place you mean",
            )
            return None

        def places() -> str:
            shown = ", ".join("{}:{}:{}".format(label, *text.line_col(s.start)) for s in spans[:PLACES_SHOWN])
            return shown + (f" and {len(spans) - PLACES_SHOWN:,} more" if len(spans) > PLACES_SHOWN else "")

        if claim.occurrence is None:
            if len(spans) > 1:
                self.error(
                    item,
                    ("quote",),
                    "quote-ambiguous",
                    f"the quote occurs {len(spans)} times in {label}: {places()}",
                    "add 'occurrence: N' to say which one (counting from 1)",
                )
                return None
            return spans[0]
        if claim.occurrence > len(spans):
            self.error(
                item,
                ("occurrence",),
                "invalid-value",
                f"occurrence {claim.occurrence} asked for, but the quote occurs {len(spans)} time{'s' if len(spans) > 1 else ''}: {places()}",
            )
            return None
        return spans[claim.occurrence - 1]

    def link_publishers(self) -> None:
        for item in self.by_kind["documents"].values():
            self.ref(item, ("publisher",), "sources", item.entry.publisher)

    def mentions(self, texts: dict[str, SourceText]) -> dict[str, list[Mention]]:
        # Keyed by the form matching uses: aliases that differ only in Unicode normalisation,
        # quote or dash style or spacing find the same words, so they count as the same alias.
        owners: dict[str, tuple[str, str]] = {}
        for kind in ("people", "sources"):
            for entity_id, item in self.by_kind[kind].items():
                entity: Person | Source = item.entry
                for index, alias in enumerate(entity.aliases):
                    owner = owners.get(normalise(alias))
                    if owner is not None and owner != (kind, entity_id):
                        first = self.by_kind[owner[0]][owner[1]]
                        self.error(
                            item,
                            ("aliases", index),
                            "duplicate-alias",
                            f"the alias '{alias}' also belongs to the {NOUNS[owner[0]]} '{owner[1]}'",
                            "a mention must point to one page; keep the alias on one entry",
                            related=((first.at("id"), "the other entry"),),
                        )
                        continue
                    owners[normalise(alias)] = (kind, entity_id)
        # One pass over each text for all aliases (one regex per alias and text was quadratic);
        # the longest match at a place wins: "Donald Trump" over "Trump".
        aliases = AliasIndex.of(owners)
        found: dict[str, list[Mention]] = {}
        for doc_id in sorted(texts):
            counts: dict[tuple[str, str], int] = defaultdict(int)
            doc_mentions: list[Mention] = []
            for span, alias in texts[doc_id].find_aliases(aliases):
                kind, entity_id = owners[alias]
                counts[(kind, entity_id)] += 1
                doc_mentions.append(Mention(kind, entity_id, doc_id, span, counts[(kind, entity_id)]))
            found[doc_id] = doc_mentions
        return found


def link(
    located: list[Located],
    claimed: set[tuple[str, str]],
    seeds_dir: Path,
    base: Path,
    source_text: Callable[[str], SourceText] = SourceText,
) -> tuple[Corpus | None, list[Diagnostic]]:
    """Resolve every reference; the corpus is None when anything failed."""
    linker = _Linker(located, claimed, seeds_dir, base, source_text)
    linker.collect_ids()
    texts, titles, labels = linker.read_texts()
    linker.link_publishers()
    claim_document, claim_span = linker.link_claims(texts, labels)
    mentions = linker.mentions(texts)
    if linker.problems or claimed or any(item.dropped for item in located):
        return None, linker.problems
    kinds = linker.by_kind
    corpus = Corpus(
        documents=dict(sorted(kinds["documents"].items())),
        people=dict(sorted(kinds["people"].items())),
        sources=dict(sorted(kinds["sources"].items())),
        claims=dict(sorted(kinds["claims"].items())),
        texts=texts,
        titles=titles,
        text_labels=labels,
        claim_document=claim_document,
        claim_span=claim_span,
        mentions=mentions,
        scale=linker.scale,
    )
    return corpus, []
