"""The rules of review dates and corrections (format 1.1), as diagnostics.

A published verdict never changes or vanishes silently: within one revision a correction
is not dated before the review it corrects (`correction_dates`); compared with a base
revision (`check --base REF`), a changed verdict needs a new correction and a published
claim may not disappear (`base_rules`). Pure functions from entries to diagnostics.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .diagnostics import Diagnostic, Location
from .model import Claim
from .validate import Located


def correction_dates(located: Iterable[Located]) -> list[Diagnostic]:
    """A correction dated before its claim's `reviewed_on`, at the correction's date."""
    problems: list[Diagnostic] = []
    for item in located:
        if item.kind != "claims" or item.dropped & {"reviewed_on", "corrections"}:
            continue
        claim: Claim = item.entry
        if claim.reviewed_on is None:
            continue
        for index, correction in enumerate(claim.corrections):
            # ISO dates of the same shape compare as text in date order.
            if correction.date < claim.reviewed_on:
                where = ("corrections", index, "date")
                problems.append(
                    Diagnostic(
                        item.at(*where),
                        "correction-before-review",
                        f"{item.yaml_path(*where)}: the correction is dated {correction.date}, "
                        f"before the claim's reviewed_on {claim.reviewed_on}",
                        "a correction comes after the review it corrects: fix its date or reviewed_on",
                        related=((item.at("reviewed_on"), "reviewed_on is set here"),),
                    )
                )
    return problems


@dataclass(frozen=True)
class BaseClaim:
    """A claim as the base revision has it, with its place in the base's files."""

    claim: Claim
    location: Location  # of the claim's `verdict:` (or the claim) at the base
    trusted_verdict: bool  # False when the verdict was invalid at the base


def base_claims(located: Iterable[Located], ref: str) -> dict[str, BaseClaim]:
    """The base revision's claims by id (the first of duplicates), located as `REF:path:line:col`."""
    found: dict[str, BaseClaim] = {}
    for item in located:
        if item.kind == "claims" and item.entry.id not in found:
            at = item.at("verdict")
            found[item.entry.id] = BaseClaim(
                item.entry, Location(f"{ref}:{at.file}", at.line, at.col), "verdict" not in item.dropped
            )
    return found


def base_rules(
    base: dict[str, BaseClaim], current: Iterable[Located], ref: str, unreadable: frozenset[str] = frozenset()
) -> list[Diagnostic]:
    """What the working tree does to the base's verdicts that it may not do silently.

    `unreadable`: ids of the working tree's claims too broken to read; they are there, and
    their own errors say what is wrong.
    """
    claims = [item for item in current if item.kind == "claims"]
    by_id: dict[str, Located] = {}
    for item in claims:
        by_id.setdefault(item.entry.id, item)
    for item in claims:  # a renamed claim answers to its former ids
        for old in item.entry.former_ids:
            by_id.setdefault(old, item)
    problems: list[Diagnostic] = []
    for claim_id, was in sorted(base.items()):
        now = by_id.get(claim_id)
        if now is None:
            if was.trusted_verdict and claim_id not in unreadable and was.claim.verdict != "unverified":
                problems.append(
                    Diagnostic(
                        was.location,
                        "published-claim-removed",
                        f"the claim '{claim_id}' had the verdict '{was.claim.verdict}' at {ref} and is gone",
                        "a published verdict may not vanish: keep the claim, set its verdict to unverified and add "
                        "a correction that says why (or, if it was renamed, list the old id in its former_ids)",
                    )
                )
            continue
        if not was.trusted_verdict or "verdict" in now.dropped or "corrections" in now.dropped:
            continue  # the invalid value has its own error
        problems.extend(_verdict_change(now, was, ref))
    return problems


def _verdict_change(item: Located, was: BaseClaim, ref: str) -> list[Diagnostic]:
    claim: Claim = item.entry
    old = was.claim.verdict
    if claim.verdict == old:
        return []
    new_entries = [(i, c) for i, c in enumerate(claim.corrections) if c not in was.claim.corrections]
    if not new_entries:
        return [
            Diagnostic(
                item.at("verdict"),
                "uncorrected-verdict-change",
                f"{item.yaml_path('verdict')}: the verdict changed from '{old}' (at {ref}) to '{claim.verdict}' "
                "without a new correction",
                f"add a corrections entry with date, previous_verdict: {old} and a note that says what changed and why",
            )
        ]
    # The first new correction (oldest first) is the one that replaced the base's verdict;
    # later ones in the same change replace verdicts the base never published.
    index, correction = new_entries[0]
    if correction.previous_verdict is None or correction.previous_verdict == old:
        return []
    where = ("corrections", index, "previous_verdict")
    return [
        Diagnostic(
            item.at(*where),
            "correction-mismatch",
            f"{item.yaml_path(*where)}: the correction says the previous verdict was "
            f"'{correction.previous_verdict}', but at {ref} it was '{old}'",
            f"write previous_verdict: {old}",
        )
    ]
