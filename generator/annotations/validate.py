"""Turn one parsed YAML file into typed entries, with a diagnostic for every problem."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path as FilePath
from typing import Any

from pydantic import BaseModel, ValidationError

from .diagnostics import Diagnostic, Location
from .model import KINDS, LANGUAGE_TAG, ScaleVerdict, language_hint
from .yaml_strict import Marks, Path, Value

# `verdicts` is the rating scale (format 1.1, scale.py): entries, but not entities with pages.
MODELS: dict[str, type[BaseModel]] = {**KINDS, "verdicts": ScaleVerdict}
TOP_LEVEL_KEYS = tuple(MODELS)


@dataclass(frozen=True)
class Located:
    """An entry with where it was written."""

    kind: str
    entry: Any  # an Entry subclass instance
    marks: Marks
    path: Path
    source: FilePath  # the YAML file, for paths written relative to it
    # Fields left out because they were invalid: the entry is still linked, so that one
    # run reports every problem, but checks that need those fields are skipped.
    dropped: frozenset[str] = frozenset()
    # The entry as written, kept when fields were dropped: a verdict inside a dropped list
    # (`corrections`) is still checked against the scale, which is known only at link time.
    raw: Any = None

    @property
    def file(self) -> str:
        return self.marks.file

    def at(self, *fields: str | int) -> Location:
        return self.marks.at((*self.path, *fields))

    def yaml_path(self, *fields: str | int) -> str:
        return format_path((*self.path, *fields))


def format_path(path: Path) -> str:
    """`('claims', 3, 'claimant')` -> `claims[3].claimant`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
    return out


def did_you_mean(word: str, choices: list[str] | tuple[str, ...]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


def _describe(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _fields(model: type[BaseModel]) -> list[str]:
    return list(model.model_fields)


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel]:
    """The model that owns the last field of a pydantic error location."""
    current = model
    for part in loc[:-1]:
        if isinstance(part, str) and part in current.model_fields:
            annotation = current.model_fields[part].annotation
            inner = getattr(annotation, "__args__", (annotation,))[0]
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                current = inner
    return current


def _diagnostic(error: Any, model: type[BaseModel], marks: Marks, prefix: Path, value: Any) -> Diagnostic:
    loc: tuple[Any, ...] = tuple(error["loc"])
    path = (*prefix, *loc)
    where = format_path(path)
    kind = error["type"]
    got = error.get("input")
    if kind == "extra_forbidden":
        field = str(loc[-1])
        allowed = _fields(_model_at(model, loc))
        return Diagnostic(
            marks.key_at(path),
            "unknown-field",
            f"{where}: unknown field '{field}'",
            did_you_mean(field, allowed) or "allowed fields: " + ", ".join(allowed),
        )
    if kind == "missing":
        owner = marks.key_at(path[:-1])
        return Diagnostic(owner, "missing-field", f"{format_path(path[:-1])}: missing required field '{loc[-1]}'")
    if kind == "literal_error":
        expected = error["ctx"]["expected"]
        choices = [c.strip().strip("'") for c in expected.replace(" or ", ", ").split(",")]
        hint = did_you_mean(str(got), choices) if isinstance(got, str) else ""
        return Diagnostic(
            marks.at(path),
            "invalid-value",
            f"{where}: Expected one of {', '.join(choices)}, but got {repr(got) if isinstance(got, str) else _describe(got)}",
            hint,
        )
    if kind in ("string_type", "list_type", "model_type", "model_attributes_type", "dict_type", "int_type"):
        expected = {
            "string_type": "text",
            "list_type": "a list",
            "model_type": "a mapping",
            "model_attributes_type": "a mapping",
            "dict_type": "a mapping",
            "int_type": "a whole number",
        }[kind]
        hint = ""
        if expected == "text":
            hint = "give a value" if got is None else "quote the value if the brackets or colon are part of the text"
        if expected == "a list" and isinstance(got, str):
            hint = f"write it as a list: [{got}]"
        return Diagnostic(marks.at(path), "wrong-type", f"{where}: Expected {expected}, but got {_describe(got)}", hint)
    if kind == "too_short":  # `applies_to: []` would rate no claim at all
        return Diagnostic(marks.at(path), "invalid-value", f"{where}: Expected at least one item, but got an empty list", "leave the field out")
    code = kind if kind in {"invalid-id", "invalid-date", "invalid-url", "unsafe-markdown", "invalid-value", "too-long"} else "invalid-value"
    message = error["msg"]
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    return Diagnostic(marks.at(path), code, f"{where}: {message}")


# Stand-ins for required fields whose value was invalid, so the rest of the entry can be linked.
_PLACEHOLDERS: dict[str, dict[str, str]] = {
    "people": {"name": "?"},
    "sources": {"name": "?", "type": "other"},
    "claims": {"kind": "assertion"},
}


def _partial(kind: str, item: dict[str, Value], errors: list[Any]) -> tuple[BaseModel, frozenset[str]] | None:
    """The entry without its invalid fields, when what is left still makes an entry."""
    bad = frozenset(str(e["loc"][0]) for e in errors if e["loc"])
    if not bad or any(e["type"] == "missing" and len(e["loc"]) == 1 and e["loc"][0] not in _PLACEHOLDERS.get(kind, {}) for e in errors):
        return None
    trimmed = {k: v for k, v in item.items() if k not in bad}
    for name, stand_in in _PLACEHOLDERS.get(kind, {}).items():
        if name in bad:
            trimmed[name] = stand_in
    try:
        return MODELS[kind].model_validate(trimmed), bad
    except ValidationError:
        return None


def entries_from_file(value: Value, marks: Marks, source: FilePath) -> tuple[list[Located], list[Diagnostic], set[tuple[str, str]]]:
    """Each valid entry of a file, the problems of the others, and the ids the invalid ones claim.

    Entries are validated one by one, so one broken claim neither hides the problems of
    the others nor turns every reference to it into a second error.
    """
    located: list[Located] = []
    problems: list[Diagnostic] = []
    claimed: set[tuple[str, str]] = set()
    if value is None:
        return located, problems, claimed
    if not isinstance(value, dict):
        problems.append(
            Diagnostic(
                marks.at(()),
                "wrong-type",
                f"Expected a mapping with the keys {', '.join(TOP_LEVEL_KEYS)}, but got {_describe(value)}",
            )
        )
        return located, problems, claimed
    for key, items in value.items():
        if key not in MODELS:
            problems.append(
                Diagnostic(
                    marks.key_at((key,)),
                    "unknown-field",
                    f"unknown top-level key '{key}'",
                    did_you_mean(key, TOP_LEVEL_KEYS) or "allowed keys: " + ", ".join(TOP_LEVEL_KEYS),
                )
            )
            continue
        if key == "verdicts":  # where the scale is defined, even if no entry of it can be read
            located.append(Located("verdict-scale", None, marks, (key,), source))
        if items is None:
            continue
        if not isinstance(items, list):
            problems.append(
                Diagnostic(marks.at((key,)), "wrong-type", f"{key}: Expected a list, but got {_describe(items)}")
            )
            continue
        model = MODELS[key]
        for index, item in enumerate(items):
            prefix: Path = (key, index)
            if not isinstance(item, dict):
                problems.append(
                    Diagnostic(marks.at(prefix), "wrong-type", f"{format_path(prefix)}: Expected a mapping, but got {_describe(item)}")
                )
                continue
            try:
                entry = model.model_validate(item)
            except ValidationError as exc:
                errors = exc.errors()
                problems.extend(_diagnostic(e, model, marks, prefix, item) for e in errors)
                partial = _partial(key, item, errors)
                if partial is not None:
                    located.append(Located(key, partial[0], marks, prefix, source, partial[1], item))
                elif isinstance(entry_id := item.get("id"), str):
                    claimed.add((key, entry_id))
                continue
            located.append(Located(key, entry, marks, prefix, source))
    return located, problems, claimed


def language_notices(located: list[Located]) -> list[Diagnostic]:
    """A notice for each document whose `language` is not a language tag: format 1.0 took any text
    there, and still does, but such a text cannot be marked with its language on the pages."""
    notices = []
    for item in located:
        if item.kind == "documents" and not LANGUAGE_TAG.fullmatch(item.entry.language):
            notices.append(
                Diagnostic(
                    item.at("language"),
                    "invalid-value",
                    f"{item.yaml_path('language')}: Expected a language tag such as en, pt-BR or zh-Hant, but got "
                    f"'{item.entry.language}'; the text is not marked with its language",
                    language_hint(item.entry.language),
                    severity="notice",
                )
            )
    return notices
