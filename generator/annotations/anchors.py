"""Re-anchoring: where each claim's quote sat in its text when the annotations were last recorded.

`python -m generator anchor` writes `<name>.anchors.json` beside each annotation file
`<name>.yaml`: for every claim, the matched text (`exact`), up to 32 characters either
side (`prefix`, `suffix`) and its place (`start`, `end`, in Unicode code points), and for
every document the SHA-256 of its text. When a text changes, `check` compares each claim
with its anchor, in the manner of Hypothesis' fuzzy anchoring:

- exact: the quote matches where it did;
- moved: it matches elsewhere (a notice; `anchor` records the new place);
- fuzzy: it no longer matches, but a passage much like it does: an error that gives the
  similarity (0 to 1) and the `quote:` to write;
- orphaned: nothing like it is left: an error.

A claim without a recorded anchor (a new claim, a file never anchored, or a quote edited
since) is `unanchored` and checked as before. No lock file is no error: a new project has
none until `anchor` runs, so nothing here can make a fresh project fail.
"""

from __future__ import annotations

import difflib
import hashlib
import heapq
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from .corpus import Corpus
from .diagnostics import Diagnostic, Location
from .seeds import MAX_TEXT_BYTES, display_path, is_inside, read_text_file
from .text_spans import SourceText, Span, folded, normalise, normalise_with_map
from .validate import Located

LOCK_SUFFIX = ".anchors.json"
LOCK_FORMAT = "explainer-anchors"
CONTEXT_CHARS = 32
FUZZY_MIN = 0.7  # the lowest similarity still offered as the same passage, reworded
STATUSES = ("exact", "moved", "fuzzy", "orphaned", "unanchored")


@dataclass(frozen=True)
class Anchor:
    document: str
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str


@dataclass(frozen=True)
class Lock:
    documents: dict[str, str]  # document id -> SHA-256 of its text
    claims: dict[str, Anchor]


@dataclass(frozen=True)
class AnchorStatus:
    """What became of one claim's anchor."""

    claim: str
    status: str  # one of STATUSES
    location: Location  # the claim's `quote:` in its YAML file
    score: float | None = None
    suggestion: str | None = None  # the passage to quote instead (fuzzy)


@dataclass(frozen=True)
class Relocated:
    score: float
    span: Span  # in the text's own characters


def lock_path(annotation_file: Path) -> Path:
    """`seeds/a.yaml` -> `seeds/a.anchors.json`."""
    return annotation_file.with_name(annotation_file.stem + LOCK_SUFFIX)


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def anchor_at(doc_id: str, text: str, span: Span) -> Anchor:
    return Anchor(
        document=doc_id,
        start=span.start,
        end=span.end,
        exact=text[span.start : span.end],
        prefix=text[max(0, span.start - CONTEXT_CHARS) : span.start],
        suffix=text[span.end : span.end + CONTEXT_CHARS],
    )


# --- writing ------------------------------------------------------------------


def lock_files(corpus: Corpus) -> dict[Path, str]:
    """The lock file of every annotation file that defines claims, `{path: JSON}`."""
    per_file: dict[Path, dict[str, Anchor]] = defaultdict(dict)
    for claim_id, item in corpus.claims.items():
        doc_id = corpus.claim_document[claim_id]
        per_file[item.source][claim_id] = anchor_at(doc_id, corpus.texts[doc_id].text, corpus.claim_span[claim_id])
    out: dict[Path, str] = {}
    for source, anchors in per_file.items():
        documents = {a.document: text_hash(corpus.texts[a.document].text) for a in anchors.values()}
        data = {
            "format": LOCK_FORMAT,
            "version": 1,
            "note": "Written by `python -m generator anchor`; `check` compares the texts with it. Do not edit.",
            "documents": {d: {"sha256": h} for d, h in documents.items()},
            "claims": {c: {k: v for k, v in vars(a).items()} for c, a in anchors.items()},
        }
        out[lock_path(source)] = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return out


def stale_locks(seeds_dir: Path, wanted: Iterable[Path]) -> list[Path]:
    """Our lock files that no annotation file needs any more."""
    keep = {p.resolve() for p in wanted}
    stale = []
    for path in sorted(seeds_dir.rglob("*" + LOCK_SUFFIX)):
        if path.resolve() in keep or not path.is_file():
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict) and data.get("format") == LOCK_FORMAT:
            stale.append(path)
    return stale


# --- reading --------------------------------------------------------------------


def read_lock(path: Path, label: str) -> tuple[Lock | None, list[Diagnostic]]:
    """The lock, or a warning: a damaged lock only turns re-anchoring off for its file."""

    def bad(why: str) -> tuple[Lock | None, list[Diagnostic]]:
        return None, [
            Diagnostic(
                Location(label),
                "anchor-lock-invalid",
                f"the anchors file cannot be used: {why}",
                "rewrite it: python -m generator anchor",
                severity="warning",
            )
        ]

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        return bad(f"cannot read it ({exc})")
    except ValueError as exc:
        return bad(f"it is not valid JSON ({exc})")
    if not isinstance(data, dict) or data.get("format") != LOCK_FORMAT:
        return bad(f'it is not an anchors file (no "format": "{LOCK_FORMAT}")')
    try:
        documents = {str(d): str(v["sha256"]) for d, v in data["documents"].items()}
        claims = {}
        for claim_id, a in data["claims"].items():
            anchor = Anchor(str(a["document"]), a["start"], a["end"], str(a["exact"]), str(a["prefix"]), str(a["suffix"]))
            if not (isinstance(anchor.start, int) and isinstance(anchor.end, int) and 0 <= anchor.start <= anchor.end):
                raise ValueError
            claims[str(claim_id)] = anchor
    except (KeyError, TypeError, ValueError, AttributeError):
        return bad("an entry is missing a field or has one of the wrong type")
    return Lock(documents, claims), []


# --- finding a passage again -------------------------------------------------------------


def relocate(text: SourceText, anchor: Anchor) -> Relocated | None:
    """The passage of the text most like the anchored quote, with its similarity (0 to 1).

    Candidates are the windows sharing the most 3-grams with the quote (one pass over the
    text); each is aligned with difflib, widened to whole words, and ranked by its similarity
    to the quote plus half that of its surroundings to the recorded prefix and suffix, so that
    of two like passages the one that stood there wins.
    """
    hay, origin = normalise_with_map(text.text)
    needle = normalise(anchor.exact)
    if not needle or not hay:
        return None
    size = len(needle)
    k = min(3, size)
    grams = {needle[i : i + k] for i in range(size - k + 1)}
    hits = [0] * (len(hay) + 1)  # prefix sums of "a 3-gram of the quote starts here"
    for i in range(len(hay)):
        hits[i + 1] = hits[i] + (hay[i : i + k] in grams)
    window = max(1, size - k + 1)
    scored = heapq.nlargest(
        200, ((hits[min(len(hay), at + window)] - hits[at], -at) for at in range(0, max(1, len(hay) - k + 1)))
    )
    starts: list[int] = []
    for _, neg_at in scored:  # the best few windows that do not overlap
        at = -neg_at
        if all(abs(at - s) >= size for s in starts):
            starts.append(at)
        if len(starts) == 5:
            break
    prefix, suffix = folded(anchor.prefix), folded(anchor.suffix)
    best: tuple[float, float, Span] | None = None
    for at in starts:
        lo, hi = max(0, at - size // 2), min(len(hay), at + size + size // 2)
        blocks = [
            b for b in difflib.SequenceMatcher(None, hay[lo:hi], needle, autojunk=False).get_matching_blocks() if b.size >= k
        ]
        if not blocks:
            continue
        start, end = lo + blocks[0].a, lo + blocks[-1].a + blocks[-1].size
        while start > 0 and hay[start - 1].isalnum() and hay[start].isalnum():
            start -= 1
        while end < len(hay) and hay[end - 1].isalnum() and hay[end].isalnum():
            end += 1
        # A rewritten ending ("working on it" -> "setting it up") matches little at the end: where the
        # recorded surroundings still stand, let them mark where the passage starts and ends.
        starts_at = {start, *_after_prefix(hay, prefix, start, size)}
        ends_at = {end, *_before_suffix(hay, suffix, end, size)}
        for first in starts_at:
            for last in ends_at:
                if last <= first:
                    continue
                score = difflib.SequenceMatcher(None, needle, hay[first:last], autojunk=False).ratio()
                context = (
                    _similar(prefix, hay[max(0, first - len(prefix)) : first]) + _similar(suffix, hay[last : last + len(suffix)])
                ) / 2
                rank = score + 0.5 * context  # the recorded surroundings say which of two like passages it was
                if best is None or rank > best[0]:
                    best = (rank, score, Span(first, last))
    if best is None:
        return None
    span = best[2]
    return Relocated(round(best[1], 2), Span(origin[span.start][0], origin[span.end - 1][1]))


_EDGE = 6  # characters of the recorded prefix or suffix that must still stand next to the passage


def _after_prefix(hay: str, prefix: str, start: int, size: int) -> list[int]:
    """Where the passage would start if it begins right after the recorded prefix's end."""
    edge = prefix[-_EDGE:].strip()
    if len(edge) < 3:
        return []
    at = hay.rfind(edge, max(0, start - size), start + size)
    return [at + len(edge) + (1 if hay[at + len(edge) : at + len(edge) + 1] == " " else 0)] if at >= 0 else []


def _before_suffix(hay: str, suffix: str, end: int, size: int) -> list[int]:
    """Where the passage would end if it stops right before the recorded suffix's start."""
    edge = suffix[:_EDGE].strip()
    if len(edge) < 3:
        return []
    at = hay.find(edge, max(0, end - size), end + size)
    return [at - (1 if at > 0 and hay[at - 1] == " " else 0)] if at > 0 else []


def _similar(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def best_occurrence(text: str, spans: list[Span], anchor: Anchor) -> int:
    """Which of several matches (counting from 1) has the anchored prefix and suffix, nearest first."""

    def rank(item: tuple[int, Span]) -> tuple[float, int]:
        _, s = item
        before = text[max(0, s.start - len(anchor.prefix)) : s.start]
        after = text[s.end : s.end + len(anchor.suffix)]
        return (
            -(_similar(folded(anchor.prefix), folded(before)) + _similar(folded(anchor.suffix), folded(after))),
            abs(s.start - anchor.start),
        )

    return min(enumerate(spans, 1), key=rank)[0]


def yaml_string(value: str) -> str:
    """A double-quoted YAML scalar (JSON's escapes are YAML's), white space folded as matching does."""
    return json.dumps(" ".join(value.split()), ensure_ascii=False)


# --- checking -----------------------------------------------------------------------------


@dataclass
class _Texts:
    """Each document's text, read once."""

    seeds_dir: Path
    base: Path
    documents: dict[str, Located]
    cache: dict[str, tuple[SourceText, str] | None]

    def get(self, doc_id: str) -> tuple[SourceText, str] | None:
        if doc_id not in self.cache:
            self.cache[doc_id] = self._read(doc_id)
        return self.cache[doc_id]

    def _read(self, doc_id: str) -> tuple[SourceText, str] | None:
        item = self.documents.get(doc_id)
        if item is None:
            return None
        path = item.source.parent / item.entry.text
        if not is_inside(path, self.seeds_dir) or not path.is_file():
            return None  # linking reports it
        label = display_path(path, self.base)
        text, problems = read_text_file(path, label, MAX_TEXT_BYTES)
        return None if text is None or problems else (SourceText(text), label)


def review(
    located: list[Located],
    problems: list[Diagnostic],
    seeds_dir: Path,
    base: Path,
    known: dict[str, tuple[SourceText, str]] | None = None,
) -> tuple[list[Diagnostic], tuple[AnchorStatus, ...]]:
    """The problems, with every quote error of an anchored claim replaced by what became of its anchor.

    `known` holds the texts linking already read (with their labels), so they are not read again.
    """
    documents = {i.entry.id: i for i in located if i.kind == "documents"}
    docs_per_file: dict[str, list[str]] = defaultdict(list)
    for item in documents.values():
        docs_per_file[item.file].append(item.entry.id)
    texts = _Texts(seeds_dir, base, documents, dict(known or {}))
    claims_per_source: dict[Path, list[Located]] = defaultdict(list)
    for item in located:
        if item.kind == "claims":
            claims_per_source[item.source].append(item)
    out = list(problems)
    statuses: list[AnchorStatus] = []
    for source in sorted(claims_per_source):
        lock: Lock | None = None
        path = lock_path(source)
        lock_label = display_path(path, base)
        if path.is_file():
            lock, lock_problems = read_lock(path, lock_label)
            out.extend(lock_problems)
        first = len(statuses)
        for item in claims_per_source[source]:
            claim = item.entry
            anchor = lock.claims.get(claim.id) if lock else None
            here = docs_per_file.get(item.file, [])
            doc_id = claim.document or (here[0] if len(here) == 1 else None)
            read = texts.get(doc_id) if doc_id else None
            if anchor is None or read is None or anchor.document != doc_id or normalise(claim.quote) != normalise(anchor.exact):
                statuses.append(AnchorStatus(claim.id, "unanchored", item.at("quote")))
                continue
            assert lock is not None
            text, label = read
            unchanged = lock.documents.get(doc_id) == text_hash(text.text)
            status, diagnostics = _compare(item, anchor, text, label, unchanged, out)
            statuses.append(status)
            out = diagnostics
        moved = [s.claim for s in statuses[first:] if s.status == "moved"]
        if moved:
            names = ", ".join(moved[:3]) + (f" and {len(moved) - 3} more" if len(moved) > 3 else "")
            out.append(
                Diagnostic(
                    Location(lock_label),
                    "anchor-moved",
                    f"{len(moved)} quote{'s' if len(moved) != 1 else ''} moved in "
                    f"{'their texts' if len(moved) != 1 else 'its text'} since the anchors were recorded: {names}",
                    "list them: python -m generator check --anchors; record the new places: python -m generator anchor",
                    severity="notice",
                )
            )
    return out, tuple(statuses)


def _compare(
    item: Located, anchor: Anchor, text: SourceText, label: str, unchanged: bool, problems: list[Diagnostic]
) -> tuple[AnchorStatus, list[Diagnostic]]:
    claim = item.entry
    where = item.at("quote")
    spans = text.find_all(claim.quote)
    occurrence = claim.occurrence
    if spans and (occurrence or 1) <= len(spans) and (occurrence is not None or len(spans) == 1):
        span = spans[(occurrence or 1) - 1]
        if (span.start, span.end) == (anchor.start, anchor.end):
            return AnchorStatus(claim.id, "exact", where), problems
        return AnchorStatus(claim.id, "moved", where), problems  # one notice per lock file says so
    if unchanged:
        return AnchorStatus(claim.id, "unanchored", where), problems  # the annotation changed, not the text
    if spans:  # found, but the occurrence no longer says which: the anchor's context does
        best = best_occurrence(text.text, spans, anchor)
        fix = f"the anchored passage is occurrence {best} of {len(spans)}; write:\n    occurrence: {best}"
        return AnchorStatus(claim.id, "moved", where), [
            replace(d, hint=fix)
            if d.code in ("quote-ambiguous", "invalid-value") and d.location in (where, item.at("occurrence"))
            else d
            for d in problems
        ]
    rest = [d for d in problems if not (d.code == "quote-not-found" and d.location == where)]
    found = relocate(text, anchor)
    if found is not None and found.score >= FUZZY_MIN:
        suggestion = " ".join(text.text[found.span.start : found.span.end].split())
        matches = text.find_all(suggestion)
        number = next((n for n, s in enumerate(matches, 1) if s.start == found.span.start), 1)
        line, col = text.line_col(found.span.start)
        fix = f"quote: {yaml_string(suggestion)}"
        if len(matches) > 1:
            fix += f"\n    occurrence: {number}"
        elif claim.occurrence is not None:
            fix += "\n    (and remove `occurrence`)"
        error = Diagnostic(
            where,
            "anchor-fuzzy",
            f"{item.yaml_path('quote')}: the text changed and the quote is no longer in {label}; "
            f"the passage at {label}:{line}:{col} has similarity {found.score:.2f}",
            f"if it is the same statement, write:\n    {fix}",
        )
        return AnchorStatus(claim.id, "fuzzy", where, found.score, suggestion), [*rest, error]
    score = found.score if found else 0.0
    was = f"…{anchor.prefix}[{anchor.exact}]{anchor.suffix}…"
    error = Diagnostic(
        where,
        "anchor-orphaned",
        f"{item.yaml_path('quote')}: the text changed and the quote is no longer in {label}; "
        f"nothing like it is left (best similarity {score:.2f})",
        "the passage was removed or rewritten: quote its new wording, or delete the claim; it read:\n    "
        + " ".join(was.split()),
    )
    return AnchorStatus(claim.id, "orphaned", where, score), [*rest, error]


def summary(statuses: Iterable[AnchorStatus]) -> str:
    counts = {s: 0 for s in STATUSES}
    for status in statuses:
        counts[status.status] += 1
    return "anchors: " + ", ".join(f"{n} {s}" for s, n in counts.items())


def format_statuses(statuses: Iterable[AnchorStatus]) -> str:
    """One line per claim: `seeds/a.yaml:12:12: exact claim-id`, with the score and the new quote when fuzzy."""
    lines = []
    items = sorted(statuses, key=lambda s: (s.location, s.claim))
    for s in items:
        line = f"{s.location}: {s.status} {s.claim}"
        if s.score is not None:
            line += f" (similarity {s.score:.2f})"
        if s.suggestion is not None:
            line += f" -> quote: {yaml_string(s.suggestion)}"
        lines.append(line)
    lines.append(summary(items))
    return "\n".join(lines) + "\n"
