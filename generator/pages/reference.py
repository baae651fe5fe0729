"""The format reference and the verdict scale, generated from the model, in the site's language.

The model's field descriptions and class docstrings are the English messages the template
takes from the model (`translation.template.model_messages`): looked up here as they are
written there, so a catalog's translation of them is found.
"""

from __future__ import annotations

import types
import typing
from typing import Any

from babel.lists import format_list
from pydantic import BaseModel

from ..annotations import model
from ..annotations.model import KIND_LABELS, RELATION_LABELS, SOURCE_TYPE_LABELS
from ..annotations.scale import Scale
from ..site_map import urls
from ..translation.messages import N_, Messages
from .markdown_text import escape
from .pieces import as_sentence, heading, inline_html

_VALIDATOR_NAMES = {
    model._check_id: N_("id"),
    model._check_date: N_("date `YYYY-MM-DD`"),
    model._check_url: N_("http(s) URL"),
    model._check_plain: N_("text"),
    model._check_light_markdown: N_("light Markdown"),
    model._check_wikidata: N_("Wikidata id"),
    model._occurrence: N_("whole number ≥ 1"),
}
# Each nested entry's name, and the name of a list of them: the plural is the catalog's, not an "s".
_MODEL_NAMES = {
    model.Evidence: (N_("evidence entry"), N_("list of evidence entries")),
    model.Related: (N_("related entry"), N_("list of related entries")),
    model.Correction: (N_("correction"), N_("list of corrections")),
    model.ScaleVerdict: (N_("scale verdict"), N_("list of scale verdicts")),
}
# The claim kinds inside a sentence or a table cell, where English writes them in lower case.
_KINDS_IN_TEXT = {"direct-quote": N_("direct quote"), "paraphrase": N_("paraphrase"), "assertion": N_("assertion")}
_SECTIONS: list[tuple[str, type[BaseModel]]] = [
    (N_("Documents"), model.Document),
    (N_("People"), model.Person),
    (N_("Sources"), model.Source),
    (N_("Claims"), model.Claim),
    (N_("Evidence entries"), model.Evidence),
    (N_("Related entries"), model.Related),
    (N_("Corrections"), model.Correction),
    (N_("Rating scale"), model.ScaleVerdict),
]


def type_name(annotation: Any, msg: Messages, verdicts: tuple[str, ...] = ()) -> str:
    """A reader's name for a field's type; a verdict is one of `verdicts`, the site's scale."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        for meta in annotation.__metadata__:
            func = getattr(meta, "func", None)
            if func is model._check_verdict:
                return msg._("one of {values}", values=", ".join(f"`{v}`" for v in verdicts))
            if func in _VALIDATOR_NAMES:
                return msg._(_VALIDATOR_NAMES[func])
        return type_name(args[0], msg, verdicts)
    if origin is typing.Literal:
        return msg._("one of {values}", values=", ".join(f"`{a}`" for a in args))
    if origin is list:
        if args[0] in _MODEL_NAMES:
            return msg._(_MODEL_NAMES[args[0]][1])
        return msg._("list of {items}", items=type_name(args[0], msg, verdicts))
    if origin in (typing.Union, types.UnionType):
        names = [type_name(a, msg, verdicts) for a in args if a is not type(None)]
        shown = names[0]
        for other in names[1:]:
            shown = msg._("{type} or {other}", type=shown, other=other)
        return shown
    if isinstance(annotation, type) and annotation in _MODEL_NAMES:
        return msg._(_MODEL_NAMES[annotation][0])
    if annotation is str:
        return msg._("text")
    return getattr(annotation, "__name__", str(annotation))


def field_table(cls: type[BaseModel], msg: Messages, verdicts: tuple[str, ...] = ()) -> list[str]:
    rows = [_row(msg._("Field"), msg._("Type"), msg._("Required"), msg._("Meaning")), "| --- | --- | --- | --- |"]
    for name, info in cls.model_fields.items():
        # pydantic keeps a bare Annotated field's validators apart from its type
        own = [getattr(meta, "func", None) for meta in info.metadata]
        annotation = info.annotation if model._check_verdict not in own else model.VerdictId
        kind = type_name(annotation, msg, verdicts)
        required = msg._("yes") if info.is_required() else msg._("no")
        # gettext's message "" is the catalog's header: an undocumented field stays empty
        meaning = escape(msg._(info.description)) if info.description else ""
        rows.append(f"| `{name}` | {kind} | {required} | {meaning} |")
    return rows


def _row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |"


def format_page(scale: Scale, msg: Messages) -> str:
    verdicts_link = urls.relative_link(urls.FORMAT, urls.VERDICTS)
    out = [
        "# " + msg._("Annotation format, version 1"),
        "",
        msg._(
            "Every `*.yaml` / `*.yml` file under `seeds/` is read. A file may hold any of the top-level keys "
            "`documents`, `people`, `sources` and `claims`, each a list; one file may also define the rating scale, "
            "`verdicts` (format 1.1). Any other top-level key is an error. "
            "The tables below are generated from the generator's own model, so they always match what `check` accepts."
        ),
        "",
        msg._(
            "Ids are global per kind and appear once. An id is a slug (`^[a-z0-9]+(-[a-z0-9]+)*$`), at most 80 characters, "
            "and not `index`; it becomes the page's URL. Every entry may list `former_ids`: old ids whose URLs keep working. "
            "Text is UTF-8; dates are ISO `YYYY-MM-DD`. Values are read as the text that was typed: "
            "`no` stays `no` and `2025-01-10` stays a date string, so quoting is only needed where YAML syntax needs it."
        ),
        "",
    ]
    verdicts = tuple(scale.verdicts)
    for title, cls in _SECTIONS:
        doc = (cls.__doc__ or "").strip()  # stripped, as the template has it
        out += [heading(2, msg._(title), title.lower().replace(" ", "-")), "", escape(msg._(doc)) if doc else "", ""]
        out += [*field_table(cls, msg, verdicts), ""]
    out += [
        msg._(
            "Without a `verdicts:` list the v1 scale applies. With one, a claim's verdict must be one of its ids, and "
            "a verdict with `applies_to` rates only claims of those kinds. `unverified` is in every scale (a scale may "
            "define it to give it its own label). This site's scale is on the [verdicts page]({verdicts_page}).",
            verdicts_page=verdicts_link,
        ),
        "",
        msg._(
            "A correction's date is not before its claim's `reviewed_on`. Compared with a base revision "
            "(`python -m generator check --base REF`, REF any git revision), a claim whose verdict changed needs a new "
            "correction, and a claim that had a verdict other than `unverified` may not disappear (a renamed id listed in "
            "`former_ids` is the same claim): to withdraw one, keep it, set its verdict to `unverified` and add a correction "
            "that says why."
        ),
        "",
        heading(2, msg._("Source types"), "source-types"),
        "",
        *[f"- `{key}`: {msg._(label)}" for key, label in SOURCE_TYPE_LABELS.items()],
        "",
        heading(2, msg._("Claim kinds"), "claim-kinds"),
        "",
        *[f"- `{key}`: {msg._(label)}" for key, label in KIND_LABELS.items()],
        "",
        heading(2, msg._("Relations"), "relations"),
        "",
        msg._("Put a relation on one claim; the other claim's page shows the inverse."),
        "",
        *[
            "- `{key}`: {relation}".format(
                key=key,
                relation=msg._(
                    "{relation} (shown on the other claim as: {inverse})",
                    relation=msg._(RELATION_LABELS[key]),
                    inverse=msg._(RELATION_LABELS[model.RELATION_INVERSE[key]]),
                ),
            )
            for key in typing.get_args(model.Relation)
        ],
        "",
        heading(2, msg._("Matching a quote to the text"), "matching-a-quote-to-the-text"),
        "",
        "- " + msg._(
            "The quote must be a span of the document's text. Before comparing, both sides are normalised the same way: "
            "Unicode NFC; curly and straight quotes and apostrophes are equal; en and em dashes equal `-`; "
            "runs of white space (line breaks included) equal one space."
        ),
        "- " + msg._("Not found: an error that names the file, the line of the `quote:` key, the quote, and the closest passage of the text."),
        "- " + msg._("Found more than once and no `occurrence`: an error that lists where each one is."),
        "- " + msg._("The matched span keeps the text's own characters on every page (the text is never rewritten)."),
        "- " + msg._(
            "Alias mentions (people and sources) are matched on word boundaries, case-sensitively; "
            "where two aliases overlap, the longer one wins."
        ),
        "",
        heading(2, msg._("Light Markdown"), "light-markdown"),
        "",
        msg._(
            "Fields marked light Markdown allow emphasis, inline code and links to `http(s)` URLs. Raw HTML, images, "
            "`javascript:` and other schemes, and attribute lists are not allowed: they are an error at check time, "
            "never silently passed to the page."
        ),
        "",
        msg._("See also the [verdict scale]({verdicts_page}).", verdicts_page=verdicts_link),
        "",
    ]
    return "\n".join(out)


def verdicts_page(scale: Scale, msg: Messages) -> str:
    scale = msg.scale(scale)  # the v1 scale's words in the site's language; a desk's own as written
    best, worst = scale.best(), scale.worst()
    if best is not None and worst is not None:
        rated = msg._("ClaimReview rating ({worst}–{best})", worst=msg.number(worst), best=msg.number(best))
    else:
        rated = msg._("ClaimReview rating")
    neutral = format_list([f"`{v.id}`" for v in scale.verdicts.values() if not v.needs_evidence], locale=msg.locale)
    out = [
        "# " + msg._("Verdicts"),
        "",
        msg._("Every claim carries one verdict. A verdict other than {verdicts} needs at least one evidence entry.", verdicts=neutral),
        "",
        _row(msg._("Verdict"), msg._("Meaning"), msg._("Rates"), rated),
        "| --- | --- | --- | --- |",
    ]
    for key, v in scale.verdicts.items():
        if v.applies_to is not None:
            kinds = ", ".join(msg._(_KINDS_IN_TEXT[k]) for k in v.applies_to)
        else:
            kinds = msg._("any claim")
        rating = msg.number(v.rating) if v.rating is not None else msg._("none")
        out.append(f"| [{escape(v.label)}](#{key}) | {inline_html(v.meaning)} | {kinds} | {rating} |")
    out.append("")
    for key, v in scale.verdicts.items():
        listed = urls.relative_link(urls.VERDICTS, urls.verdict_listing(key))
        out += [
            f"## {escape(v.label)} {{ #{key} }}",
            "",
            f"`{key}`: {as_sentence(inline_html(v.meaning))}",
            "",
            "[{}]({})".format(msg._("Every claim rated {verdict}", verdict=escape(v.label)), listed),
            "",
        ]
    return "\n".join(out)
