"""The format reference and the verdict scale, generated from the model."""

from __future__ import annotations

import typing
from typing import Any

from pydantic import BaseModel

from ..annotations import model
from ..annotations.model import KIND_LABELS, RELATION_LABELS, SOURCE_TYPE_LABELS, VERDICTS
from ..site_map import urls
from .markdown_text import escape

_VALIDATOR_NAMES = {
    model._check_id: "id",
    model._check_date: "date `YYYY-MM-DD`",
    model._check_url: "http(s) URL",
    model._check_plain: "text",
    model._check_light_markdown: "light Markdown",
    model._check_wikidata: "Wikidata id",
    model._occurrence: "whole number ≥ 1",
}
_MODEL_NAMES = {model.Evidence: "evidence entry", model.Related: "related entry"}


def type_name(annotation: Any) -> str:
    """A reader's name for a field's type."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        for meta in annotation.__metadata__:
            func = getattr(meta, "func", None)
            if func in _VALIDATOR_NAMES:
                return _VALIDATOR_NAMES[func]
        return type_name(args[0])
    if origin is typing.Literal:
        return "one of " + ", ".join(f"`{a}`" for a in args)
    if origin is list:
        return "list of " + type_name(args[0]) + ("s" if args[0] in _MODEL_NAMES else "")
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        return " or ".join(type_name(a) for a in args if a is not type(None))
    if isinstance(annotation, type) and annotation in _MODEL_NAMES:
        return _MODEL_NAMES[annotation]
    if annotation is str:
        return "text"
    return getattr(annotation, "__name__", str(annotation))


def field_table(cls: type[BaseModel]) -> list[str]:
    rows = ["| Field | Type | Required | Meaning |", "| --- | --- | --- | --- |"]
    for name, info in cls.model_fields.items():
        required = "yes" if info.is_required() else "no"
        rows.append(f"| `{name}` | {type_name(info.annotation)} | {required} | {escape(info.description or '')} |")
    return rows


def format_page() -> str:
    out = [
        "# Annotation format, version 1",
        "",
        "Every `*.yaml` / `*.yml` file under `seeds/` is read. A file may hold any of the four top-level keys "
        "`documents`, `people`, `sources` and `claims`, each a list; any other top-level key is an error. "
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
    ]
    for title, cls in sections:
        doc = (cls.__doc__ or "").strip()
        out += [f"## {title}", "", escape(doc), "", *field_table(cls), ""]
    out += [
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


def verdicts_page() -> str:
    out = [
        "# Verdicts",
        "",
        "Every claim carries one verdict. A verdict other than `unverified` and `opinion` needs at least one evidence entry.",
        "",
        "| Verdict | Meaning | ClaimReview rating (1–5) |",
        "| --- | --- | --- |",
    ]
    for key, (label, meaning, rating) in VERDICTS.items():
        out.append(f"| [{label}](#{key}) | {escape(meaning)} | {rating if rating is not None else 'none'} |")
    out.append("")
    for key, (label, meaning, _) in VERDICTS.items():
        listed = urls.relative_link(urls.VERDICTS, urls.verdict_listing(key))
        out += [f"## {label} {{ #{key} }}", "", f"`{key}`: {escape(meaning)}.", "", f"[Every claim rated {escape(label)}]({listed})", ""]
    return "\n".join(out)
