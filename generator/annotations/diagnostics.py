"""Diagnostics: what every stage returns instead of raising or printing."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Location:
    """A place in a file; line and column count from 1."""

    file: str
    line: int = 1
    col: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


@dataclass(frozen=True)
class Diagnostic:
    """One problem, with a stable code and the YAML path it concerns."""

    location: Location
    code: str
    message: str
    hint: str = ""
    # Other places the problem involves, e.g. the first definition of a duplicate id.
    related: tuple[tuple[Location, str], ...] = field(default=())
    severity: str = "error"

    def sort_key(self) -> tuple[str, int, int, str, str]:
        loc = self.location
        return (loc.file, loc.line, loc.col, self.code, self.message)


MAX_PER_FILE = 100  # problems of one kind in one file; more would bury the first ones


def too_many(location: Location) -> Diagnostic:
    """Stands for the problems of a file past MAX_PER_FILE, at the first one not shown."""
    return Diagnostic(
        location,
        "too-many-problems",
        f"more problems like the ones above are in this file; only the first {MAX_PER_FILE} are shown",
        "fix these and check again",
    )


def capped(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    if len(diagnostics) <= MAX_PER_FILE:
        return diagnostics
    return [*diagnostics[:MAX_PER_FILE], too_many(diagnostics[MAX_PER_FILE].location)]


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    unique = {(d.sort_key(), d.hint, d.related): d for d in diagnostics}
    return [unique[k] for k in sorted(unique)]


def visible(text: str, *, single: bool = False, keep: str = "") -> str:
    """`text` with control, format and line-separator characters shown as escapes.

    Messages quote values from untrusted files: an escape sequence or a bidi override
    must not reach the terminal, and a line break must not forge a diagnostic line.
    With `single`, each such character becomes one U+FFFD, so a caret still lines up;
    characters in `keep` stay as they are (GitHub's format escapes line breaks its own way).
    """
    out = []
    for char in text:
        if unicodedata.category(char) in _INVISIBLE and char not in keep:
            out.append("\ufffd" if single else _ESCAPES.get(char, f"\\u{ord(char):04x}"))
        else:
            out.append(char)
    return "".join(out)


_INVISIBLE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _snippet(location: Location, sources: Mapping[str, str], split: dict[str, list[str]]) -> list[str]:
    text = sources.get(location.file)
    if text is None:
        return []
    if location.file not in split:  # once per file: splitting a big file per diagnostic was quadratic
        split[location.file] = text.splitlines()
    lines = split[location.file]
    if not 1 <= location.line <= len(lines):
        return []
    source_line = lines[location.line - 1]
    gutter = " " * len(str(location.line))
    caret = " " * (location.col - 1) + "^"
    return [f"    {location.line} | {visible(source_line, single=True, keep=chr(9))}", f"    {gutter} | {caret}"]


def format_human(diagnostics: Iterable[Diagnostic], sources: Mapping[str, str] | None = None) -> str:
    """Compiler-style text: first line parseable by editors, then snippet and hints."""
    out: list[str] = []
    split: dict[str, list[str]] = {}
    for d in diagnostics:
        out.append(f"{d.location}: {d.severity}[{d.code}]: {visible(d.message)}")
        out.extend(_snippet(d.location, sources or {}, split))
        for loc, note in d.related:
            out.append(f"    note: {loc}: {note}")
        if d.hint:
            out.extend(f"    hint: {visible(line)}" for line in d.hint.split("\n"))
    return "\n".join(out) + ("\n" if out else "")


def _github_escape(value: str, *, property_value: bool = False) -> str:
    # GitHub's workflow-command escaping rules.
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def format_github(diagnostics: Iterable[Diagnostic]) -> str:
    """GitHub Actions workflow commands, shown on the pull request's diff."""
    lines = []
    for d in diagnostics:
        loc = d.location
        props = ",".join(
            [
                f"file={_github_escape(loc.file, property_value=True)}",
                f"line={loc.line}",
                f"col={loc.col}",
                f"title={_github_escape(d.code, property_value=True)}",
            ]
        )
        notes = "".join(f"\nnote: {where}: {visible(note, keep=chr(10))}" for where, note in d.related)
        body = visible(d.message, keep="\r\n") + notes + (f"\nhint: {d.hint}" if d.hint else "")
        command = d.severity if d.severity in ("error", "warning") else "notice"  # GitHub knows no other level
        lines.append(f"::{command} {props}::{_github_escape(body)}")
    return "\n".join(lines) + ("\n" if lines else "")


def format_json(diagnostics: Iterable[Diagnostic]) -> str:
    items = [
        {
            "file": d.location.file,
            "line": d.location.line,
            "col": d.location.col,
            "severity": d.severity,
            "code": d.code,
            "message": d.message,
            "hint": d.hint,
            "related": [{"file": at.file, "line": at.line, "col": at.col, "message": m} for at, m in d.related],
        }
        for d in diagnostics
    ]
    return json.dumps(items, indent=2, ensure_ascii=False) + "\n"
