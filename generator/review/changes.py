"""What a change does to the site: the annotations at a base revision and now, compared as data.

`compare` takes what `check` found on both sides (linked or not: a side with errors still
has every entry it could read) and returns a `Review`: entries added, removed and renamed
(`former_ids`), verdicts changed, claims whose quote, explanation, evidence or corrections
changed, pages added, removed and redirected, quotes that moved in their text, and the
errors and notices the base did not have. `review_format` renders it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..annotations.diagnostics import Diagnostic
from ..annotations.pipeline import Checked
from ..annotations.scale import V1_SCALE, Scale
from ..annotations.validate import Located
from ..site_map import urls

KINDS = ("documents", "people", "sources", "claims")
# Claim fields whose change a reviewer reads on the claim's page, in the order shown.
CLAIM_FIELDS = ("quote", "occurrence", "explanation", "evidence", "corrections")


@dataclass(frozen=True)
class Entity:
    kind: str
    id: str
    name: str  # as readers know it: a name, an article's title, a claim's title or quote


@dataclass(frozen=True)
class Renamed:
    kind: str
    old: str
    new: str
    name: str


@dataclass(frozen=True)
class VerdictChange:
    claim: str
    name: str
    old: str
    new: str
    corrected: bool  # a new corrections entry came with it
    old_label: str  # as the base's scale names it
    new_label: str  # as the working tree's scale names it


@dataclass(frozen=True)
class ClaimChange:
    claim: str
    name: str
    fields: tuple[str, ...]  # from CLAIM_FIELDS


@dataclass(frozen=True)
class QuoteMoved:
    claim: str
    document: str
    old: tuple[int, int]  # line, column in the text at the base
    new: tuple[int, int]


@dataclass(frozen=True)
class Review:
    ref: str
    commit: str
    added: tuple[Entity, ...] = ()
    removed: tuple[Entity, ...] = ()
    renamed: tuple[Renamed, ...] = ()
    verdicts: tuple[VerdictChange, ...] = ()
    claims_changed: tuple[ClaimChange, ...] = ()
    pages_added: tuple[str, ...] = ()  # Markdown sources, e.g. `claims/x.md`
    pages_removed: tuple[str, ...] = ()
    pages_redirected: tuple[tuple[str, str], ...] = ()  # (old page, new page)
    pages_changed: tuple[str, ...] = ()  # pages on both sides whose content differs (when both were rendered)
    quotes_moved: tuple[QuoteMoved, ...] = ()
    new_problems: tuple[Diagnostic, ...] = field(default=())  # errors and notices the base did not have
    errors: int = 0  # every error in the working tree, new or not: the review exits 1 when there is one

    @property
    def empty(self) -> bool:
        return not any(
            (self.added, self.removed, self.renamed, self.verdicts, self.claims_changed, self.pages_added,
             self.pages_removed, self.pages_redirected, self.pages_changed, self.quotes_moved, self.new_problems)
        )


def entries(located: Iterable[Located]) -> dict[str, dict[str, Located]]:
    """Kind -> id -> entry; of two entries with one id, the first (the second is an error)."""
    table: dict[str, dict[str, Located]] = {kind: {} for kind in KINDS}
    for item in located:
        if item.kind in table:  # the rating scale's entries are not entities
            table[item.kind].setdefault(item.entry.id, item)
    return table


def _name(item: Located, titles: dict[str, str]) -> str:
    entry = item.entry
    if item.kind == "documents":
        return titles.get(entry.id) or entry.title or entry.id
    if item.kind == "claims":
        return str(entry.title or entry.quote)
    return str(entry.name)


def _renames(before: dict[str, Located], after: dict[str, Located]) -> dict[str, str]:
    """Old id -> new id, for base entries now known by a new id that lists the old one."""
    found = {}
    for new_id, item in after.items():
        for old in item.entry.former_ids:
            if old in before and old not in after:
                found[old] = new_id
    return found


def _redirects(table: dict[str, dict[str, Located]]) -> dict[str, str]:
    return {
        urls.entity_page(kind, old): urls.entity_page(kind, entity_id)
        for kind in KINDS
        for entity_id, item in table[kind].items()
        for old in item.entry.former_ids
    }


def _pages(table: dict[str, dict[str, Located]]) -> set[str]:
    return {urls.entity_page(kind, entity_id) for kind in KINDS for entity_id in table[kind]}


def _claim_fields(old: Located, new: Located) -> tuple[str, ...]:
    return tuple(name for name in CLAIM_FIELDS if getattr(old.entry, name) != getattr(new.entry, name))


def _quotes_moved(base: Checked, current: Checked, renames: dict[str, str]) -> list[QuoteMoved]:
    if base.corpus is None or current.corpus is None:
        return []  # a side with errors has no linked quotes to compare
    before, after = base.corpus, current.corpus
    moved = []
    for old_id in sorted(before.claim_span):
        new_id = renames.get(old_id, old_id)
        if new_id not in after.claim_span or before.claim_document[old_id] != after.claim_document[new_id]:
            continue
        doc = after.claim_document[new_id]
        old_at = before.texts[doc].line_col(before.claim_span[old_id].start)
        new_at = after.texts[doc].line_col(after.claim_span[new_id].start)
        if old_at != new_at:
            moved.append(QuoteMoved(new_id, doc, old_at, new_at))
    return moved


def _label(side: Checked, verdict: str) -> str:
    """A verdict's label in a side's scale; its id where that side did not link or lacks it."""
    scale: Scale = side.corpus.scale if side.corpus else V1_SCALE
    return scale.label(verdict) if verdict in scale else verdict


def _problem_key(d: Diagnostic) -> tuple[str, str, str]:
    # Lines shift with every edit above them: a problem is the same one when its file,
    # code and message are.
    return (d.location.file, d.code, d.message)


def compare(
    base: Checked,
    current: Checked,
    ref: str,
    commit: str,
    extra: Iterable[Diagnostic] = (),
    rendered: tuple[dict[str, str], dict[str, str]] | None = None,
) -> Review:
    """The review of the change from `base` to `current`; `extra` are the `check --base` rules' findings.

    `rendered`, the pages of both sides (Markdown path -> text) when both linked, gives every
    page of the site and which of them change; without it the entity pages are compared.
    """
    before, after = entries(base.located), entries(current.located)
    titles = {**(base.corpus.titles if base.corpus else {}), **(current.corpus.titles if current.corpus else {})}
    added: list[Entity] = []
    removed: list[Entity] = []
    renamed: list[Renamed] = []
    all_renames: dict[str, str] = {}
    for kind in KINDS:
        renames = _renames(before[kind], after[kind])
        if kind == "claims":
            all_renames = renames
        renamed += [Renamed(kind, old, new, _name(after[kind][new], titles)) for old, new in sorted(renames.items())]
        new_ids = set(renames.values())
        added += [Entity(kind, i, _name(after[kind][i], titles)) for i in sorted(after[kind]) if i not in before[kind] and i not in new_ids]
        removed += [Entity(kind, i, _name(before[kind][i], titles)) for i in sorted(before[kind]) if i not in after[kind] and i not in renames]
    verdicts: list[VerdictChange] = []
    changed: list[ClaimChange] = []
    for old_id in sorted(before["claims"]):
        new_id = all_renames.get(old_id, old_id)
        if new_id not in after["claims"]:
            continue
        old, new = before["claims"][old_id], after["claims"][new_id]
        name = _name(new, titles)
        if old.entry.verdict != new.entry.verdict:
            corrected = any(c not in old.entry.corrections for c in new.entry.corrections)
            was, now = old.entry.verdict, new.entry.verdict
            verdicts.append(VerdictChange(new_id, name, was, now, corrected, _label(base, was), _label(current, now)))
        fields = _claim_fields(old, new)
        if fields:
            changed.append(ClaimChange(new_id, name, fields))
    pages_before, pages_after = (set(rendered[0]), set(rendered[1])) if rendered else (_pages(before), _pages(after))
    changed_pages = [p for p in pages_before & pages_after if rendered[0][p] != rendered[1][p]] if rendered else []
    redirects_before, redirects_after = _redirects(before), _redirects(after)
    base_problems = {_problem_key(d) for d in base.diagnostics}
    extra = list(extra)
    new_problems = [d for d in current.diagnostics if _problem_key(d) not in base_problems]
    errors = sum(d.severity == "error" for d in [*current.diagnostics, *extra])
    return Review(
        ref=ref,
        commit=commit,
        added=tuple(added),
        removed=tuple(removed),
        renamed=tuple(renamed),
        verdicts=tuple(verdicts),
        claims_changed=tuple(changed),
        pages_added=tuple(sorted(pages_after - pages_before, key=urls.page_url)),
        pages_removed=tuple(sorted(pages_before - pages_after - set(redirects_after), key=urls.page_url)),
        pages_redirected=tuple(sorted((o, n) for o, n in redirects_after.items() if redirects_before.get(o) != n)),
        pages_changed=tuple(sorted(changed_pages, key=urls.page_url)),
        quotes_moved=tuple(_quotes_moved(base, current, all_renames)),
        new_problems=tuple(sorted([*new_problems, *extra], key=Diagnostic.sort_key)),
        errors=errors,
    )
