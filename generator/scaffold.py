"""`python -m generator new seeds/<name>.txt`: a first draft of `seeds/<name>.yaml`.

The draft holds the document, one claim per quotation (“…” or "…", with `occurrence`
where the same words occur more than once), and the people named in attributions
("…, X said", "X said", "said X", "according to X"). Everything is `unverified` and every
guess is for an annotator to review; the draft passes `check` as written. People already
defined elsewhere in `seeds/` are reused by id, never defined twice.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .annotations.diagnostics import Diagnostic, Location
from .annotations.model import KINDS, MAX_ID_LENGTH, SLUG
from .annotations.seeds import MAX_TEXT_BYTES, display_path, forbidden_in_text, read_annotation_files, read_text_file
from .annotations.text_spans import SourceText, Span
from .annotations.validate import Located, entries_from_file
from .annotations.yaml_strict import load_yaml

SCHEMA_FILE = "schema/annotations.schema.json"  # relative to the project (the folder above seeds/)

_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0391-\u03a9\u0410-\u042f\u0401"
_WORD = rf"[{_UPPER}][\w’'\-]*"
NAME = rf"{_WORD}(?:[ \t]+{_WORD}){{0,4}}"
VERBS = r"(?:said|says|added|stated|told|noted|wrote|asked|replied|explained|insisted|warned)"
ATTRIBUTIONS = (
    re.compile(rf"(?<![\w’'\-])(?P<name>{NAME})[ \t]+{VERBS}\b"),  # "X said", "…, X said"
    re.compile(rf"\b{VERBS}[ \t]+(?P<name>{NAME})(?![\w’'\-])"),  # "said X"
    re.compile(rf"\b[Aa]ccording to[ \t]+(?P<name>{NAME})(?![\w’'\-])"),  # "according to X"
)
# Capitalised words that are not names, and titles that come before one.
NOT_NAMES = frozenset(
    """A An And As At But By For From He Her His I If In It Its On Or She So That The Their Them There These They
    This Those To We What When Where Which While Who You Yes No Officials Analysts Experts Sources Critics
    Police Reporters Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
    June July August September October November December Today Yesterday Tomorrow""".split()  # noqa: SIM905
)
TITLES = frozenset(
    """President President-Elect President-elect Vice Prime Minister Foreign Defense Defence Deputy Chief Press
    Secretary Spokesman Spokeswoman Spokesperson Senator Sen. Rep. Representative Governor Gov. General Gen.
    Chancellor Chairman Chairwoman Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Ambassador Mayor Judge Justice King Queen
    Pope Sir Former Kremlin White House US U.S. UK EU UN Russian American Chinese Ukrainian British French
    German""".split()  # noqa: SIM905
)
CURLY = re.compile(r"“([^“”]*)”")
# A straight quotation mark opens after a space or bracket and closes before one or punctuation.
STRAIGHT = re.compile(r"(?<![^\s(\[\u2014\u2013-])\"([^\"]+)\"(?![^\s.,;:!?)\]\u2014\u2013-])")


@dataclass(frozen=True)
class Quotation:
    span: Span  # the words inside the marks, white space trimmed
    occurrence: int | None
    claimant: str | None = None  # a person's name, as found in an attribution next to it


@dataclass
class Draft:
    doc_id: str
    text_name: str
    people: dict[str, tuple[str, list[str]]] = field(default_factory=dict)  # new id -> (name, aliases)
    claims: list[tuple[str, str, int | None, str | None]] = field(default_factory=list)  # id, quote, occurrence, claimant


def slug(value: str, limit: int = 60) -> str:
    """Lowercase ASCII letters and digits joined by single hyphens; '' when nothing is left."""
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    ascii_text = re.sub(r"['’]", "", ascii_text.lower())
    words = re.findall(r"[a-z0-9]+", ascii_text)
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > limit:
            break
        out = candidate
    return out if out != "index" else ""


def unique_id(base: str, fallback: str, taken: set[str]) -> str:
    base = base or fallback
    candidate, n = base, 1
    while candidate in taken or not SLUG.fullmatch(candidate) or len(candidate) > MAX_ID_LENGTH:
        n += 1
        candidate = f"{base}-{n}"
    taken.add(candidate)
    return candidate


def quotations(text: str) -> list[tuple[Span, Span]]:
    """(marks included, words only) for every quotation, in text order; never across paragraphs."""
    found: list[tuple[Span, Span]] = []
    for para in SourceText(text).paragraphs:
        chunk = text[para.start : para.end]
        curly = [(m.start(), m.end(), m.start(1), m.end(1)) for m in CURLY.finditer(chunk)]
        straight = [
            (m.start(), m.end(), m.start(1), m.end(1))
            for m in STRAIGHT.finditer(chunk)
            if not any(a <= m.start() < b for a, b, _, _ in curly)
        ]
        for outer_start, outer_end, start, end in sorted(curly + straight):
            inner = chunk[start:end]
            if not any(c.isalnum() for c in inner):
                continue
            lead = len(inner) - len(inner.lstrip())
            trail = len(inner) - len(inner.rstrip().rstrip(",;:").rstrip())  # “…,” he said: the comma is not his
            found.append(
                (
                    Span(para.start + outer_start, para.start + outer_end),
                    Span(para.start + start + lead, para.start + end - trail),
                )
            )
    return found


def _person_name(raw: str) -> str | None:
    words = raw.split()
    if words and words[-1].endswith(("’s", "'s")):
        return None  # a possessive ("Trump’s team said") names who owns, not who speaks
    kept: list[str] = []
    for word in reversed(words):  # the name is what follows the last title
        if word in TITLES or word in NOT_NAMES:
            break
        kept.insert(0, word)
    kept = kept[-3:]
    return " ".join(kept) if kept else None


def attributions(text: str) -> list[tuple[Span, str]]:
    """Each attribution's place and the name in it, in text order."""
    found: dict[tuple[int, int], str] = {}
    for pattern in ATTRIBUTIONS:
        for m in pattern.finditer(text):
            name = _person_name(m.group("name"))
            if name:
                found.setdefault((m.start(), m.end()), name)
    return [(Span(a, b), name) for (a, b), name in sorted(found.items())]


def _claimant(text: str, outer: Span, found: list[tuple[Span, str]]) -> str | None:
    """The name in an attribution right after the closing mark (unless the quotation ended its
    sentence), else right before the opening one; never across a blank line."""
    ends_sentence = text[outer.start : outer.end].rstrip('”"').rstrip().endswith((".", "…"))
    for span, name in found:
        if not ends_sentence and span.start >= outer.end and re.fullmatch(r"[ \t,]*\n?[ \t]*", text[outer.end : span.start]):
            return name
    for span, name in reversed(found):
        if span.end <= outer.start and re.fullmatch(r"[ \t,:]*\n?[ \t]*", text[span.end : outer.start]):
            return name
    return None


def existing_entries(seeds_dir: Path, base: Path) -> list[Located]:
    """Every entity of the annotation files already in seeds/ that parses, broken ones skipped
    (the rating scale's entries are not entities: a draft neither reuses nor redefines them)."""
    files, _ = read_annotation_files(seeds_dir, base)
    located: list[Located] = []
    for seed in files:
        loaded = load_yaml(seed.label, seed.text)
        if not loaded.diagnostics:
            located.extend(item for item in entries_from_file(loaded.value, loaded.marks, seed.path)[0] if item.kind in KINDS)
    return located


def plan(text: str, text_name: str, stem: str, existing: list[Located]) -> Draft:
    """What the draft defines, with ids that collide with nothing in `existing`."""
    taken: dict[str, set[str]] = {
        k: {i.entry.id for i in existing if i.kind == k} for k in ("documents", "people", "sources", "claims")
    }
    for item in existing:
        taken[item.kind].update(item.entry.former_ids)
    owners: dict[str, tuple[str, str]] = {}  # alias or name -> (kind, id) of existing people and sources
    for item in existing:
        if item.kind in ("people", "sources"):
            for spelling in (item.entry.name, *item.entry.aliases):
                owners.setdefault(spelling, (item.kind, item.entry.id))
    draft = Draft(unique_id(slug(stem), "document", taken["documents"]), text_name)
    source = SourceText(text)
    found = attributions(text)
    names = sorted({name for _, name in found})
    surnames: dict[str, list[str]] = {}
    for name in names:
        if " " in name:
            surnames.setdefault(name.split()[-1], []).append(name)
    person_of: dict[str, str] = {}  # name as found -> person id (new or existing)
    for name in names:
        if name in owners:
            kind, entity = owners[name]
            if kind == "people":
                person_of[name] = entity
            continue
        longer = surnames.get(name, [])
        if " " not in name and len(longer) == 1:
            continue  # "Trump" joins "Donald Trump" below
        if " " not in name and len(longer) > 1:
            continue  # "Biden" could be either Biden: left for the annotator
        aliases = [name]
        last = name.split()[-1]
        if (
            " " in name
            and len(surnames.get(last, [])) == 1
            and last not in owners
            and last not in NOT_NAMES
            and last not in TITLES
        ):
            aliases.append(last)
        person_id = unique_id(slug(name), "person", taken["people"])
        draft.people[person_id] = (name, aliases)
        for alias in aliases:
            person_of[alias] = person_id
    for outer, inner in quotations(text):
        quote = " ".join(text[inner.start : inner.end].split())
        matches = source.find_all(quote)
        number = next((n for n, s in enumerate(matches, 1) if s.start == inner.start), None)
        if number is None:
            continue  # the words do not match where they stand (never seen; kept out so the draft passes)
        claimant = _claimant(text, outer, found)
        claim_id = unique_id(slug(" ".join(quote.split()[:6]), 50), "claim", taken["claims"])
        draft.claims.append((claim_id, quote, number if len(matches) > 1 else None, person_of.get(claimant or "")))
    return draft


def _string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def render(draft: Draft, schema_ref: str) -> str:
    out = [
        f"# yaml-language-server: $schema={schema_ref}",
        "#",
        f"# Drafted by `python -m generator new` from {_string(draft.text_name)}. Review all of it before",
        "# publishing: each quotation became a claim (kind direct-quote, verdict unverified; a",
        "# claimant only where an attribution stands right beside it) and each person was guessed",
        '# from an attribution ("X said", "said X", "according to X").',
        "",
        "documents:",
        f"  - id: {draft.doc_id}",
        f"    text: {_string(draft.text_name)}",
        "    language: en",
        "",
    ]
    if draft.people:
        out.append("people:")
        for person_id, (name, aliases) in draft.people.items():
            out += [
                f"  - id: {person_id}",
                f"    name: {_string(name)}",
                f"    aliases: [{', '.join(_string(a) for a in aliases)}]",
            ]
        out.append("")
    if draft.claims:
        out.append("claims:")
        for claim_id, quote, occurrence, claimant in draft.claims:
            out += [f"  - id: {claim_id}", f"    document: {draft.doc_id}", f"    quote: {_string(quote)}"]
            if occurrence is not None:
                out.append(f"    occurrence: {occurrence}")
            out.append("    kind: direct-quote")
            if claimant:
                out.append(f"    claimant: {claimant}")
            out.append("    verdict: unverified")
    else:
        out.append("# No quotations found: add claims by hand (see the site's Annotation format page).")
    return "\n".join(out).rstrip("\n") + "\n"


def new_annotation_file(text_path: Path, seeds_dir: Path, base: Path) -> tuple[Path | None, Draft | None, list[Diagnostic]]:
    """Write the draft next to the text; never over an existing file."""
    label = display_path(text_path, base)
    target = text_path.with_suffix(".yaml")

    def fail(code: str, message: str, hint: str = "") -> tuple[Path | None, Draft | None, list[Diagnostic]]:
        return None, None, [Diagnostic(Location(label), code, message, hint)]

    if text_path.suffix in (".yaml", ".yml") or text_path.name.endswith(".json"):
        return fail("invalid-value", "give the source text (e.g. seeds/my-article.txt), not an annotation file")
    if not text_path.is_file():
        return fail("text-not-found", "no such file")
    try:
        text_path.resolve().relative_to(seeds_dir.resolve())
    except ValueError:
        return fail(
            "text-outside-seeds",
            f"the text is outside the seeds folder {display_path(seeds_dir, base)}",
            "put the text in seeds/ first",
        )
    for existing in (target, text_path.with_suffix(".yml")):
        if existing.exists():
            return (
                None,
                None,
                [
                    Diagnostic(
                        Location(display_path(existing, base)),
                        "file-exists",
                        "the annotation file already exists; nothing was written",
                        "edit it, or move it away to draft a new one",
                    )
                ],
            )
    text, problems = read_text_file(text_path, label, MAX_TEXT_BYTES)
    if text is None:
        return None, None, problems
    bad = forbidden_in_text(text, label)
    if bad:
        return None, None, bad
    draft = plan(text, text_path.name, text_path.stem, existing_entries(seeds_dir, base))
    schema_ref = Path(os.path.relpath(seeds_dir.parent / SCHEMA_FILE, target.parent)).as_posix()
    try:
        with target.open("x", encoding="utf-8", newline="\n") as handle:  # "x": refuse to overwrite, even in a race
            handle.write(render(draft, schema_ref))
    except FileExistsError:
        return (
            None,
            None,
            [
                Diagnostic(
                    Location(display_path(target, base)), "file-exists", "the annotation file already exists; nothing was written"
                )
            ],
        )
    return target, draft, []
