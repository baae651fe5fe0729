"""Diagnostics: what every stage returns instead of raising or printing."""

from __future__ import annotations

import json
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


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    unique = {(d.sort_key(), d.hint, d.related): d for d in diagnostics}
    return [unique[k] for k in sorted(unique)]


def _snippet(location: Location, sources: Mapping[str, str]) -> list[str]:
    text = sources.get(location.file)
    if text is None:
        return []
    lines = text.splitlines()
    if not 1 <= location.line <= len(lines):
        return []
    source_line = lines[location.line - 1]
    gutter = " " * len(str(location.line))
    caret = " " * (location.col - 1) + "^"
    return [f"    {location.line} | {source_line}", f"    {gutter} | {caret}"]


def format_human(diagnostics: Iterable[Diagnostic], sources: Mapping[str, str] | None = None) -> str:
    """Compiler-style text: first line parseable by editors, then snippet and hints."""
    out: list[str] = []
    for d in diagnostics:
        out.append(f"{d.location}: {d.severity}[{d.code}]: {d.message}")
        out.extend(_snippet(d.location, sources or {}))
        for loc, note in d.related:
            out.append(f"    note: {loc}: {note}")
        if d.hint:
            out.extend(f"    hint: {line}" for line in d.hint.splitlines())
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
        body = d.message + (f"\nhint: {d.hint}" if d.hint else "")
        lines.append(f"::{d.severity} {props}::{_github_escape(body)}")
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
            "related": [{"file": l.file, "line": l.line, "col": l.col, "message": m} for l, m in d.related],
        }
        for d in diagnostics
    ]
    return json.dumps(items, indent=2, ensure_ascii=False) + "\n"
