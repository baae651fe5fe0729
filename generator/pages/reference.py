"""The format reference and the verdict scale, generated from the model."""

from __future__ import annotations

import typing
from typing import Any

from pydantic import BaseModel

from ..annotations import model
from ..annotations.model import KIND_LABELS, RELATION_LABELS, SOURCE_TYPE_LABELS
from ..annotations.scale import Scale
from ..site_map import urls
from .markdown_text import escape
from .pieces import as_sentence, inline_html

_VALIDATOR_NAMES = {
    model._check_id: "id",
    model._check_date: "date `YYYY-MM-DD`",
    model._check_url: "http(s) URL",
    model._check_plain: "text",
    model._check_light_markdown: "light Markdown",
    model._check_wikidata: "Wikidata id",
    model._occurrence: "whole number ≥ 1",
}
_MODEL_NAMES = {
    model.Evidence: "evidence entry",
    model.Related: "related entry",
    model.Correction: "correction",
    model.ScaleVerdict: "scale verdict",
}


def type_name(annotation: Any, verdicts: tuple[str, ...] = ()) -> str:
    """A reader's name for a field's type; a verdict is one of `verdicts`, the site's scale."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        for meta in annotation.__metadata__:
            func = getattr(meta, "func", None)
            if func is model._check_verdict:
                return "one of " + ", ".join(f"`{v}`" for v in verdicts)
            if func in _VALIDATOR_NAMES:
                return _VALIDATOR_NAMES[func]
        return type_name(args[0], verdicts)
    if origin is typing.Literal:
        return "one of " + ", ".join(f"`{a}`" for a in args)
    if origin is list:
        return "list of " + type_name(args[0], verdicts) + ("s" if args[0] in _MODEL_NAMES else "")
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        return " or ".join(type_name(a, verdicts) for a in args if a is not type(None))
    if isinstance(annotation, type) and annotation in _MODEL_NAMES:
        return _MODEL_NAMES[annotation]
    if annotation is str:
        return "text"
    return getattr(annotation, "__name__", str(annotation))


def field_table(cls: type[BaseModel], verdicts: tuple[str, ...] = ()) -> list[str]:
    rows = ["| Field | Type | Required | Meaning |", "| --- | --- | --- | --- |"]
    for name, info in cls.model_fields.items():
        # pydantic keeps a bare Annotated field's validators apart from its type
        own = [getattr(meta, "func", None) for meta in info.metadata]
        kind = type_name(info.annotation, verdicts) if model._check_verdict not in own else type_name(model.VerdictId, verdicts)
        required = "yes" if info.is_required() else "no"
        rows.append(f"| `{name}` | {kind} | {required} | {escape(info.description or '')} |")
    return rows


def format_page(scale: Scale) -> str:
    out = [
        "# Annotation format, version 1",
        "",
        "Every `*.yaml` / `*.yml` file under `seeds/` is read. A file may hold any of the top-level keys "
        "`documents`, `people`, `sources` and `claims`, each a list; one file may also define the rating scale, "
        "`verdicts` (format 1.1). Any other top-level key is an error. "
        "The tables below are generated from the generator's own model, so they always match what `check` accepts.",
        "",
        "Ids are global per kind and appear once. An id is a slug (`^[a-z0-9]+(-[a-z0-9]+)*$`), at most 80 characters, "
        "and not `index`; it becomes the page's URL. Every entry may list `former_ids`: old ids whose URLs keep working. "
        "Text is UTF-8; dates are ISO `YYYY-MM-DD`. Values are read as the text that was typed: "
        "`no` stays `no` and `2025-01-10` stays a date string, so quoting is only needed where YAML syntax needs it.",
        "",
    ]
    sections: list[tuple[str, type[BaseModel]]] = [
        ("Documents", model.Document),
        ("People", model.Person),
        ("Sources", model.Source),
        ("Claims", model.Claim),
        ("Evidence entries", model.Evidence),
        ("Related entries", model.Related),
        ("Corrections", model.Correction),
        ("Rating scale", model.ScaleVerdict),
    ]
    verdicts = tuple(scale.verdicts)
    for title, cls in sections:
        doc = (cls.__doc__ or "").strip()
        out += [f"## {title}", "", escape(doc), "", *field_table(cls, verdicts), ""]
    out += [
        "Without a `verdicts:` list the v1 scale applies. With one, a claim's verdict must be one of its ids, and "
        "a verdict with `applies_to` rates only claims of those kinds. `unverified` is in every scale (a scale may "
        "define it to give it its own label). This site's scale is on the [verdicts page](verdicts.md).",
        "",
    ]
    out += [
        "A correction's date is not before its claim's `reviewed_on`. Compared with a base revision "
        "(`python -m generator check --base REF`, REF any git revision), a claim whose verdict changed needs a new "
        "correction, and a claim that had a verdict other than `unverified` may not disappear (a renamed id listed in "
        "`former_ids` is the same claim): to withdraw one, keep it, set its verdict to `unverified` and add a correction "
        "that says why.",
        "",
        "## Source types",
        "",
        *[f"- `{key}`: {label}" for key, label in SOURCE_TYPE_LABELS.items()],
        "",
        "## Claim kinds",
        "",
        *[f"- `{key}`: {label}" for key, label in KIND_LABELS.items()],
        "",
        "## Relations",
        "",
        "Put a relation on one claim; the other claim's page shows the inverse.",
        "",
        *[f"- `{key}`: {RELATION_LABELS[key]} (shown on the other claim as: {RELATION_LABELS[model.RELATION_INVERSE[key]]})"
          for key in typing.get_args(model.Relation)],
        "",
        "## Matching a quote to the text",
        "",
        "- The quote must be a span of the document's text. Before comparing, both sides are normalised the same way: "
        "Unicode NFC; curly and straight quotes and apostrophes are equal; en and em dashes equal `-`; "
        "runs of white space (line breaks included) equal one space.",
        "- Not found: an error that names the file, the line of the `quote:` key, the quote, and the closest passage of the text.",
        "- Found more than once and no `occurrence`: an error that lists where each one is.",
        "- The matched span keeps the text's own characters on every page (the text is never rewritten).",
        "- Alias mentions (people and sources) are matched on word boundaries, case-sensitively; "
        "where two aliases overlap, the longer one wins.",
        "",
        "## Light Markdown",
        "",
        "Fields marked light Markdown allow emphasis, inline code and links to `http(s)` URLs. Raw HTML, images, "
        "`javascript:` and other schemes, and attribute lists are not allowed: they are an error at check time, "
        "never silently passed to the page.",
        "",
        "See also the [verdict scale](verdicts.md).",
        "",
    ]
    return "\n".join(out)


def verdicts_page(scale: Scale) -> str:
    best, worst = scale.best(), scale.worst()
    rated = f"ClaimReview rating ({worst}–{best})" if best is not None else "ClaimReview rating"
    neutral = [f"`{v.id}`" for v in scale.verdicts.values() if not v.needs_evidence]
    out = [
        "# Verdicts",
        "",
        f"Every claim carries one verdict. A verdict other than {' and '.join(neutral)} needs at least one evidence entry.",
        "",
        f"| Verdict | Meaning | Rates | {rated} |",
        "| --- | --- | --- | --- |",
    ]
    for key, v in scale.verdicts.items():
        kinds = ", ".join(KIND_LABELS[k].lower() for k in v.applies_to) if v.applies_to is not None else "any claim"
        rating = v.rating if v.rating is not None else "none"
        out.append(f"| [{escape(v.label)}](#{key}) | {inline_html(v.meaning)} | {kinds} | {rating} |")
    out.append("")
    for key, v in scale.verdicts.items():
        listed = urls.relative_link(urls.VERDICTS, urls.verdict_listing(key))
        out += [
            f"## {escape(v.label)} {{ #{key} }}",
            "",
            f"`{key}`: {as_sentence(inline_html(v.meaning))}",
            "",
            f"[Every claim rated {escape(v.label)}]({listed})",
            "",
        ]
    return "\n".join(out)
