"""The rating scale a corpus uses: the desk's own (format 1.1, a top-level `verdicts:` list
in one file) or, without one, the v1 scale of `model.VERDICTS`.

Which verdict ids exist is only known once every file is read, so a claim's verdict is
checked here, at link time, and not by the model.
"""

from __future__ import annotations

from dataclasses import dataclass

from .diagnostics import Diagnostic, Location
from .model import V1_VERDICTS, VERDICTS, Claim, Tone
from .validate import Located, did_you_mean

UNVERIFIED = "unverified"


@dataclass(frozen=True)
class Verdict:
    id: str
    label: str
    meaning: str  # light Markdown
    rating: int | None
    tone: Tone
    applies_to: tuple[str, ...] | None  # claim kinds; None: every kind
    at: Location | None = None  # its `id:` in the scale's file; None in the v1 scale

    def applies(self, kind: str) -> bool:
        return self.applies_to is None or kind in self.applies_to

    @property
    def needs_evidence(self) -> bool:
        # v1's two verdicts without evidence, `opinion` and `unverified`, are its neutral ones.
        return self.tone != "neutral"


_UNVERIFIED = Verdict(UNVERIFIED, *VERDICTS[UNVERIFIED][:2], None, "neutral", None)


@dataclass(frozen=True)
class Scale:
    """Verdicts by id, in the order the scale lists them (`unverified` last unless listed)."""

    verdicts: dict[str, Verdict]
    defined_at: Location | None = None  # None: the v1 scale

    @property
    def is_v1(self) -> bool:
        return self.defined_at is None

    def __contains__(self, verdict: object) -> bool:
        return verdict in self.verdicts

    def __getitem__(self, verdict: str) -> Verdict:
        return self.verdicts[verdict]

    def label(self, verdict: str) -> str:
        return self.verdicts[verdict].label

    def ratings(self) -> list[int]:
        return [v.rating for v in self.verdicts.values() if v.rating is not None]

    def best(self) -> int | None:
        return max(self.ratings(), default=None)

    def worst(self) -> int | None:
        return min(self.ratings(), default=None)

    def looks_like_v1(self, verdict: str) -> bool:
        """Whether a verdict keeps v1's own colour and icon: a v1 id with v1's tone."""
        return verdict in VERDICTS and VERDICTS[verdict][3] == self.verdicts[verdict].tone


V1_SCALE = Scale(
    {key: Verdict(key, label, meaning, rating, tone, None) for key, (label, meaning, rating, tone) in VERDICTS.items()}
)


def _from_entries(items: list[Located], at: Location) -> tuple[Scale, list[Diagnostic]]:
    verdicts: dict[str, Verdict] = {}
    first: dict[str, Located] = {}
    problems: list[Diagnostic] = []
    for item in items:
        entry = item.entry
        if entry.id in first:
            problems.append(
                Diagnostic(
                    item.at("id"),
                    "duplicate-id",
                    f"{item.yaml_path('id')}: the verdict id '{entry.id}' is already in the scale",
                    "each verdict of the scale has its own id",
                    related=((first[entry.id].at("id"), "first defined here"),),
                )
            )
            continue
        first[entry.id] = item
        applies = tuple(entry.applies_to) if entry.applies_to is not None else None
        verdicts[entry.id] = Verdict(entry.id, entry.label, entry.meaning, entry.rating, entry.tone, applies, item.at("id"))
    verdicts.setdefault(UNVERIFIED, _UNVERIFIED)  # always available, as every claim's default
    return Scale(verdicts, at), problems


def build_scale(located: list[Located]) -> tuple[Scale, list[Diagnostic]]:
    """The scale the files define (one file at most), or the v1 scale.

    A file with a `verdicts:` key defines a scale even when its entries are too broken to
    read (validate.py leaves a `verdict-scale` marker at the key).
    """
    keys = {item.file: item.marks.key_at(item.path) for item in located if item.kind == "verdict-scale"}
    if not keys:
        return V1_SCALE, []
    files = sorted(keys)
    problems = [
        Diagnostic(
            keys[file],
            "duplicate-scale",
            f"verdicts: a second rating scale; {keys[files[0]].file} already defines one",
            "a seeds folder has one scale: move these verdicts into that file",
            related=((keys[files[0]], "the scale is defined here"),),
        )
        for file in files[1:]
    ]
    entries = [item for item in located if item.kind == "verdicts" and item.file == files[0]]
    scale, more = _from_entries(entries, keys[files[0]])
    return scale, problems + more


def verdict_problems(item: Located, claim: Claim, scale: Scale, broken: set[str]) -> list[Diagnostic]:
    """A claim's verdict and its corrections' previous verdicts against the scale.

    `broken` are scale ids whose entries were too broken to read: their own error says why.
    """
    problems: list[Diagnostic] = []
    fields: list[tuple[tuple[str | int, ...], str]] = []
    if "verdict" not in item.dropped:
        fields.append((("verdict",), claim.verdict))
    if "corrections" not in item.dropped:
        fields += [
            (("corrections", index, "previous_verdict"), c.previous_verdict)
            for index, c in enumerate(claim.corrections)
            if c.previous_verdict is not None
        ]
    elif isinstance(item.raw, dict) and isinstance(item.raw.get("corrections"), list):
        fields += [
            (("corrections", index, "previous_verdict"), c["previous_verdict"])
            for index, c in enumerate(item.raw["corrections"])
            if isinstance(c, dict) and isinstance(c.get("previous_verdict"), str)
        ]
    for where, verdict in fields:
        if verdict in broken:
            continue
        if verdict not in scale:
            problems.append(_unknown(item, where, verdict, scale))
        elif where == ("verdict",) and "kind" not in item.dropped and not scale[verdict].applies(claim.kind):
            kinds = ", ".join(scale[verdict].applies_to or ())
            problems.append(
                Diagnostic(
                    item.at(*where),
                    "verdict-kind",
                    f"{item.yaml_path(*where)}: the verdict '{verdict}' does not apply to a claim of kind '{claim.kind}'; "
                    f"it rates: {kinds}",
                    _fitting(scale, claim.kind),
                    related=((at, f"the scale defines '{verdict}' here"),) if (at := scale[verdict].at) else (),
                )
            )
    return problems


def _fitting(scale: Scale, kind: str) -> str:
    fits = [v.id for v in scale.verdicts.values() if v.applies(kind)]
    return f"a claim of kind '{kind}' takes one of: {', '.join(fits)}"


def _unknown(item: Located, where: tuple[str | int, ...], verdict: str, scale: Scale) -> Diagnostic:
    ids = list(scale.verdicts)
    if scale.is_v1:  # word for word what v1 said, when the list was part of the model
        return Diagnostic(
            item.at(*where),
            "invalid-value",
            f"{item.yaml_path(*where)}: Expected one of {', '.join(V1_VERDICTS)}, but got {verdict!r}",
            did_you_mean(verdict, V1_VERDICTS),
        )
    return Diagnostic(
        item.at(*where),
        "unknown-verdict",
        f"{item.yaml_path(*where)}: the scale has no verdict '{verdict}'",
        did_you_mean(verdict, ids) or "the scale's verdicts: " + ", ".join(ids),
        related=((scale.defined_at, "the scale is defined here"),) if scale.defined_at else (),
    )
