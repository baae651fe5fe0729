"""Annotation format v1 as typed, frozen models.

Each field's description is the annotator's reference: the format page of the site
and the JSON Schema are generated from these models, so they cannot drift apart.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from . import light_markdown
from .limits import MAX_LIGHT_MARKDOWN_CHARS, MAX_NAME_CHARS, MAX_TEXT_CHARS, light_markdown_over_limit, text_over_limit

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_ID_LENGTH = 80
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
WIKIDATA = re.compile(r"^Q[1-9][0-9]*$")
# A BCP 47 language tag of the common shape language[-script][-region] (`en`, `zh-Hant`,
# `pt-BR`, `es-419`), in its canonical case: it becomes a page's `lang` attribute, and one
# spelling per language keeps pages and exports comparable.
LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-(?:[A-Z]{2}|[0-9]{3}))?$")

V1_VERDICTS = (
    "accurate",
    "mostly-accurate",
    "misleading",
    "inaccurate",
    "unsupported",
    "disputed",
    "accurate-quote",
    "misquoted",
    "opinion",
    "unverified",
)
Tone = Literal["positive", "mixed", "negative", "neutral"]
SourceType = Literal[
    "news-agency",
    "newspaper",
    "broadcaster",
    "state-media",
    "government",
    "press-conference",
    "social-media",
    "document",
    "other",
]
ClaimKind = Literal["direct-quote", "paraphrase", "assertion"]
Relation = Literal["supports", "supported-by", "disputes", "disputed-by", "responds-to", "context"]


def _check_id(value: str) -> str:
    if not SLUG.fullmatch(value):  # `$` alone would let a trailing newline through
        raise PydanticCustomError(
            "invalid-id",
            "'{value}' is not a valid id: use lowercase letters, digits and single hyphens (a slug)",
            {"value": value},
        )
    if len(value) > MAX_ID_LENGTH:
        raise PydanticCustomError("invalid-id", "an id has at most 80 characters, but got {n}", {"n": len(value)})
    if value == "index":
        raise PydanticCustomError("invalid-id", "'index' is reserved for index pages and cannot be an id", {})
    return value


def _check_verdict(value: str) -> str:
    # Which ids exist is the scale's business, known only once every file is read
    # (annotations/scale.py); here a verdict is any text, so that the check can name the
    # scale's ids in its message, as it did when the v1 scale was a fixed list.
    return value


def _check_date(value: str) -> str:
    try:
        if not ISO_DATE.fullmatch(value):
            raise ValueError
        date.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError(
            "invalid-date", "Expected a date as YYYY-MM-DD, but got '{value}'", {"value": value}
        ) from None
    return value


# Most URLs are plain ASCII `http(s)://host/…`, for which urlsplit's answer is known: scheme
# http(s), the host as netloc, no error, no white space. Those skip it (tests/test_yaml_fast_path.py).
_PLAIN_HTTP_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?:[/?#][!-~]*)?")
_WHITE_SPACE = re.compile(r"\s")  # exactly the characters str.isspace() accepts


def _check_url(value: str) -> str:
    if _PLAIN_HTTP_URL.fullmatch(value):
        return value
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or _WHITE_SPACE.search(value):
        raise PydanticCustomError(
            "invalid-url", "Expected an http(s) URL, but got '{value}'", {"value": value}
        )
    return value


def _check_wikidata(value: str) -> str:
    if not WIKIDATA.fullmatch(value):
        raise PydanticCustomError(
            "invalid-value", "Expected a Wikidata item id such as Q22686, but got '{value}'", {"value": value}
        )
    return value


def language_hint(value: str) -> str:
    """What a language tag that failed `LANGUAGE_TAG` should look like: its canonical spelling if it has one."""
    parts = value.strip().replace("_", "-").split("-")
    canonical = "-".join(
        p.lower() if i == 0 else p.title() if len(p) == 4 else p.upper() for i, p in enumerate(parts)
    )
    if LANGUAGE_TAG.fullmatch(canonical):
        return f"write it as '{canonical}'"
    return "a language subtag (en, ru, ar), then optionally a script (zh-Hant) and a region (pt-BR), joined by hyphens"


def _check_light_markdown(value: str) -> str:
    too_large = light_markdown_over_limit(value)  # first: converting it is what would take the time
    if too_large:
        raise PydanticCustomError("too-long", "{problem}", {"problem": too_large})
    problems = light_markdown.problems(value)
    if problems:
        raise PydanticCustomError("unsafe-markdown", "{problem}", {"problem": problems[0]})
    return value


def _check_plain(value: str) -> str:
    return _plain(value, MAX_TEXT_CHARS)


def _check_name(value: str) -> str:
    return _plain(value, MAX_NAME_CHARS)


def _plain(value: str, limit: int) -> str:
    too_long = text_over_limit(value, limit)
    if too_long:
        raise PydanticCustomError("too-long", "{problem}", {"problem": too_long})
    if not value.strip():
        raise PydanticCustomError("invalid-value", "Expected text, but got an empty string", {})
    return value


def _occurrence(value: Any) -> Any:
    # Values arrive as the typed text; only plain digits mean a number.
    if isinstance(value, str):
        if not re.fullmatch(r"[1-9][0-9]{0,8}", value):
            raise PydanticCustomError(
                "invalid-value", "Expected a whole number from 1, but got '{value}'", {"value": value}
            )
        return int(value)
    return value


# Each type's JSON Schema (schema/annotations.schema.json, see generator/open_data/schema.py) states
# the same rule as its validator, for the file as an editor reads it: a YAML 1.2 editor
# types `2024` as a number and `true` as a boolean where our loader keeps the text, so
# wherever the text form is accepted the typed form is too.
_SCALAR = ["string", "number", "boolean"]
ID_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": "string", "pattern": SLUG.pattern, "maxLength": MAX_ID_LENGTH, "not": {"const": "index"}},
        {"type": "integer", "minimum": 0},  # an id of digits only, e.g. `2024`
    ]
}
DATE_SCHEMA: dict[str, Any] = {"type": "string", "pattern": ISO_DATE.pattern, "format": "date"}
URL_SCHEMA: dict[str, Any] = {"type": "string", "pattern": r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s/?#]+\S*$"}
TEXT_SCHEMA: dict[str, Any] = {"type": _SCALAR, "pattern": r"\S", "maxLength": MAX_TEXT_CHARS}
NAME_SCHEMA: dict[str, Any] = {**TEXT_SCHEMA, "maxLength": MAX_NAME_CHARS}
LIGHT_MARKDOWN_SCHEMA: dict[str, Any] = {"type": _SCALAR, "x-light-markdown": True, "maxLength": MAX_LIGHT_MARKDOWN_CHARS}
WIKIDATA_SCHEMA: dict[str, Any] = {"type": "string", "pattern": WIKIDATA.pattern}
OCCURRENCE_SCHEMA: dict[str, Any] = {
    "anyOf": [{"type": "integer", "minimum": 1, "maximum": 999_999_999}, {"type": "string", "pattern": "^[1-9][0-9]{0,8}$"}]
}

Id = Annotated[str, AfterValidator(_check_id), WithJsonSchema(ID_SCHEMA)]
# The schema cannot know a desk's own ids (see "Your own rating scale"): any slug.
VerdictId = Annotated[str, AfterValidator(_check_verdict), WithJsonSchema({"type": "string", "pattern": SLUG.pattern})]
IsoDate = Annotated[str, AfterValidator(_check_date), WithJsonSchema(DATE_SCHEMA)]
Url = Annotated[str, AfterValidator(_check_url), WithJsonSchema(URL_SCHEMA)]
Text = Annotated[str, AfterValidator(_check_plain), WithJsonSchema(TEXT_SCHEMA)]
Name = Annotated[str, AfterValidator(_check_name), WithJsonSchema(NAME_SCHEMA)]  # written again on every mention
LightMarkdown = Annotated[str, AfterValidator(_check_light_markdown), WithJsonSchema(LIGHT_MARKDOWN_SCHEMA)]
WikidataId = Annotated[str, AfterValidator(_check_wikidata), WithJsonSchema(WIKIDATA_SCHEMA)]
Occurrence = Annotated[int, BeforeValidator(_occurrence), Field(ge=1), WithJsonSchema(OCCURRENCE_SCHEMA)]


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    id: Id = Field(description="A slug, unique for its kind; it becomes the page's URL.")
    former_ids: list[Id] = Field(
        default=[], description="Old ids whose URLs keep working by redirecting to this page."
    )


class Document(Entry):
    """A source text: one article, shown in full with every annotated span linked."""

    text: Text = Field(description="The source text's file, relative to this YAML file; it must stay inside `seeds/`.")
    title: Text | None = Field(default=None, description="Default: the first line of the text.")
    published: IsoDate | None = Field(default=None, description="Optional publication date, `YYYY-MM-DD`.")
    publisher: Id | None = Field(default=None, description="Optional: the id of the source that published it.")
    url: Url | None = Field(default=None, description="Optional: where the original lives (http or https).")
    language: Text = Field(
        default="en",
        description=(
            "Optional: the language the text is written in, as a BCP 47 tag: `en`, `ru`, `ar`, `pt-BR`, "
            "`zh-Hant`; default `en`. Where it differs from the site's language (`theme.language`), the "
            "text, and every quote and sentence of it shown on other pages, is marked with it, so that "
            "browsers and screen readers read, hyphenate and lay it out (right to left for Arabic, Hebrew, "
            "Persian, Urdu) as that language. Any other value is still accepted, as in format 1.0, with a "
            "notice: the text is then not marked."
        ),
    )
    summary: LightMarkdown | None = Field(default=None, description="One paragraph, light Markdown.")


class Person(Entry):
    """Someone a text names or quotes."""

    name: Name = Field(description="The person's name as shown on the site.")
    aliases: list[Text] = Field(
        default=[], description="Spellings the texts use; each match (case-sensitive, whole words) is a mention."
    )
    role: Text | None = Field(default=None, description="Their role as of the document.")
    affiliation: Text | None = Field(default=None, description="Optional: party or organisation.")
    description: LightMarkdown | None = Field(default=None, description="Optional, light Markdown.")
    links: list[Url] = Field(default=[], description="Optional links, http(s) only.")
    wikidata: WikidataId | None = Field(default=None, description="Optional Wikidata item id, e.g. `Q22686`.")


class Source(Entry):
    """An outlet, agency, office or event a text credits or draws on."""

    name: Name = Field(description="The source's name as shown on the site.")
    type: SourceType = Field(description="What kind of source it is.")
    aliases: list[Text] = Field(default=[], description="Spellings the texts use; each match is a mention.")
    url: Url | None = Field(default=None, description="Optional home page, http(s) only.")
    description: LightMarkdown | None = Field(default=None, description="Optional, light Markdown.")


class Evidence(BaseModel):
    """A page the verdict rests on."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    url: Url = Field(description="The cited page, http(s) only.")
    source: Id | None = Field(default=None, description="Optional: the id of the source that published it.")
    title: Text = Field(description="The headline of the cited page.")
    note: LightMarkdown | None = Field(default=None, description="Optional: what it shows, light Markdown.")
    archived_url: Url | None = Field(
        default=None,
        description=(
            "Optional (format 1.1): an archived copy of the cited page, e.g. on the Wayback Machine, "
            "shown beside the link for when the page changes or disappears; http(s) only, like `url`."
        ),
    )


class Correction(BaseModel):
    """A dated, public note that a published verdict or explanation changed (format 1.1)."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    date: IsoDate = Field(description="When the correction was made, `YYYY-MM-DD`; not before the claim's `reviewed_on`.")
    previous_verdict: VerdictId | None = Field(
        default=None, description="Optional: the verdict this correction replaced, when the verdict changed."
    )
    note: LightMarkdown = Field(description="What changed and why, light Markdown.")


class Related(BaseModel):
    """A link to another claim; the other claim's page shows the inverse."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    claim: Id = Field(description="The id of the related claim.")
    relation: Relation = Field(description="How this claim relates to it.")


class Claim(Entry):
    """A checkable statement: a span of a document's text."""

    document: Id | None = Field(
        default=None, description="The document's id; may be left out when this file defines exactly one document."
    )
    quote: Text = Field(description="A span of the text, matched after normalisation (see Matching).")
    occurrence: Occurrence | None = Field(
        default=None, description="Which occurrence, counting from 1; only needed when the quote occurs more than once."
    )
    kind: ClaimKind = Field(description="Whether the text quotes, paraphrases or asserts it.")
    claimant: Id | None = Field(
        default=None, description="The id of the person who made it; left out, the document itself asserts it."
    )
    said_on: IsoDate | None = Field(default=None, description="Optional date it was said, `YYYY-MM-DD`.")
    via: list[Id] = Field(default=[], description="Ids of the sources the document credits for it.")
    title: Text | None = Field(default=None, description="Optional headline; default: the quote.")
    original_wording: Text | None = Field(
        default=None,
        description="Optional: the words as first said, when the document's rendering differs (translation, paraphrase).",
    )
    tags: list[Id] = Field(default=[], description="Optional tags, each a slug.")
    verdict: VerdictId = Field(default="unverified", description="One of the scale's verdicts (see Verdicts); default `unverified`.")
    explanation: LightMarkdown | None = Field(default=None, description="Light Markdown: what is true, what is missing.")
    evidence: list[Evidence] = Field(default=[], description="What the verdict rests on.")
    related: list[Related] = Field(default=[], description="Other claims this one answers, disputes, supports or gives context to.")
    reviewed_on: IsoDate | None = Field(
        default=None,
        description="Optional (format 1.1): when the verdict was published or last reviewed, `YYYY-MM-DD`.",
    )
    corrections: list[Correction] = Field(
        default=[],
        description=(
            "Optional (format 1.1): every correction, oldest first; a published entry is never rewritten. "
            "Compared with a base revision (`check --base REF`), a changed verdict needs a new entry."
        ),
    )


class ScaleVerdict(BaseModel):
    """One verdict of a desk's own rating scale (format 1.1); one file may define the scale."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    id: Id = Field(description="A slug: what a claim's `verdict` says, and the verdict's anchor on the verdicts page.")
    label: Text = Field(description="Plain text, as badges, legends and filters show it.")
    meaning: LightMarkdown = Field(description="What the verdict means, light Markdown.")
    rating: Occurrence | None = Field(
        default=None,
        description="Optional whole number from 1: ClaimReview's `ratingValue`; the scale's highest and lowest are best and worst.",
    )
    tone: Tone = Field(description="Picks the verdict's colour and icon; a `neutral` verdict needs no evidence.")
    applies_to: list[ClaimKind] | None = Field(
        default=None, min_length=1, description="Optional: the claim kinds this verdict may rate; default every kind."
    )


class AnnotationFile(BaseModel):
    """One YAML file under `seeds/`; each top-level key is optional."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    documents: list[Document] = Field(default=[], description="Source texts.")
    people: list[Person] = Field(default=[], description="People.")
    sources: list[Source] = Field(default=[], description="Sources.")
    claims: list[Claim] = Field(default=[], description="Claims.")
    verdicts: list[ScaleVerdict] = Field(
        default=[], description="Optional (format 1.1): the desk's own rating scale; at most one file defines it."
    )


KINDS: dict[str, type[Entry]] = {
    "documents": Document,
    "people": Person,
    "sources": Source,
    "claims": Claim,
}

# The v1 scale, used when no file defines one (scale.py makes it a Scale):
# verdict -> (label, meaning, ClaimReview ratingValue or None, tone)
VERDICTS: dict[str, tuple[str, str, int | None, Tone]] = {
    "accurate": ("Accurate", "the claim is correct", 5, "positive"),
    "mostly-accurate": ("Mostly accurate", "correct but needs context", 4, "positive"),
    "misleading": ("Misleading", "literally true in part, leaves a false impression", 2, "mixed"),
    "inaccurate": ("Inaccurate", "contradicted by the evidence", 1, "negative"),
    "unsupported": ("Unsupported", "no evidence supports it", 2, "negative"),
    "disputed": ("Disputed", "credible sources disagree", None, "mixed"),
    "accurate-quote": (
        "Accurate quote",
        "the person said this (the verdict is on the quotation, not its content)",
        None,
        "positive",
    ),
    "misquoted": ("Misquoted", "the person said something materially different", 1, "negative"),
    "opinion": ("Opinion", "a view, not a checkable fact", None, "neutral"),
    "unverified": ("Unverified", "not yet checked", None, "neutral"),
}

RELATION_INVERSE: dict[str, str] = {
    "supports": "supported-by",
    "supported-by": "supports",
    "disputes": "disputed-by",
    "disputed-by": "disputes",
    "responds-to": "responded-to-by",
    "context": "context",
}
RELATION_LABELS: dict[str, str] = {
    "supports": "Supports",
    "supported-by": "Supported by",
    "disputes": "Disputes",
    "disputed-by": "Disputed by",
    "responds-to": "Responds to",
    "responded-to-by": "Answered by",
    "context": "Context",
}
KIND_LABELS: dict[str, str] = {"direct-quote": "Direct quote", "paraphrase": "Paraphrase", "assertion": "Assertion"}
SOURCE_TYPE_LABELS: dict[str, str] = {
    "news-agency": "News agency",
    "newspaper": "Newspaper",
    "broadcaster": "Broadcaster",
    "state-media": "State media",
    "government": "Government",
    "press-conference": "Press conference",
    "social-media": "Social media",
    "document": "Document",
    "other": "Other",
}
