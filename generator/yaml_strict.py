"""A strict YAML reader that keeps every value as the text that was typed.

PyYAML's resolver turns `no` into False, `0123` into 83, `1.10` into 1.1 and
`2025-01-10` into a date; annotators never asked for that. This reader walks the
parser's events itself, so a scalar stays a string (or None when left empty) until
the model gives it a type, and every value keeps its file, line and column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

import yaml

from .diagnostics import Diagnostic, Location
from .text_checks import forbidden_characters

MAX_DEPTH = 12
NULL_WORDS = frozenset({"", "~", "null", "Null", "NULL"})

Value = Union[str, None, list["Value"], dict[str, "Value"]]
Path = tuple[Union[str, int], ...]


@dataclass(frozen=True)
class Marks:
    """Where each value of a file was written, keyed by its path from the root."""

    file: str
    key: dict[Path, Location] = field(default_factory=dict)
    value: dict[Path, Location] = field(default_factory=dict)

    def at(self, path: Path) -> Location:
        """The line of the key (or list item) and, on that line, the value's column."""
        path = tuple(path)
        while path and path not in self.key:
            path = path[:-1]
        key = self.key.get(path)
        if key is None:
            return Location(self.file, 1, 1)
        value = self.value.get(path)
        if value is not None and value.line == key.line:
            return value
        return key

    def key_at(self, path: Path) -> Location:
        path = tuple(path)
        while path and path not in self.key:
            path = path[:-1]
        return self.key.get(path, Location(self.file, 1, 1))


@dataclass(frozen=True)
class Loaded:
    value: Value
    marks: Marks
    diagnostics: tuple[Diagnostic, ...]


def _loc(file: str, mark: yaml.Mark | None) -> Location:
    if mark is None:
        return Location(file, 1, 1)
    return Location(file, mark.line + 1, mark.column + 1)


class _Composer:
    def __init__(self, file: str, events: list[yaml.Event]) -> None:
        self.file = file
        self.events = events
        self.pos = 0
        self.marks = Marks(file)
        self.diagnostics: list[Diagnostic] = []

    def error(self, event: yaml.Event, code: str, message: str, hint: str = "", **kw: object) -> None:
        self.diagnostics.append(Diagnostic(_loc(self.file, event.start_mark), code, message, hint, **kw))  # type: ignore[arg-type]

    def next(self) -> yaml.Event:
        event = self.events[self.pos]
        self.pos += 1
        return event

    def compose(self) -> Value:
        root: Value = None
        documents = 0
        while self.pos < len(self.events):
            event = self.next()
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    self.error(event, "yaml-multiple-documents", "a file holds one YAML document, but got a second one")
                    return root
                self.marks.key[()] = _loc(self.file, event.start_mark)
                root = self.node((), 1)
        return root

    def check_node_event(self, event: yaml.NodeEvent) -> None:
        if event.anchor is not None:
            self.error(event, "yaml-anchor", f"anchors (&{event.anchor}) are not allowed", "write the value out in full")
        tag = getattr(event, "tag", None)
        if tag is not None:
            tag = "!!" + tag[len("tag:yaml.org,2002:") :] if tag.startswith("tag:yaml.org,2002:") else tag
            self.error(event, "yaml-tag", f"YAML tags ({tag}) are not allowed", "remove the tag; quote the value if it must stay text")

    def node(self, path: Path, depth: int) -> Value:
        event = self.next()
        if isinstance(event, yaml.AliasEvent):
            self.error(event, "yaml-anchor", f"aliases (*{event.anchor}) are not allowed", "write the value out in full")
            return None
        assert isinstance(event, yaml.NodeEvent)
        self.check_node_event(event)
        if isinstance(event, yaml.ScalarEvent):
            if event.style is None and event.value in NULL_WORDS:
                return None
            return event.value
        if depth > MAX_DEPTH:
            self.error(event, "yaml-too-deep", f"values are nested more than {MAX_DEPTH} levels deep")
            self.skip(event)
            return None
        if isinstance(event, yaml.SequenceStartEvent):
            return self.sequence(path, depth)
        assert isinstance(event, yaml.MappingStartEvent)
        return self.mapping(path, depth)

    def skip(self, start: yaml.Event) -> None:
        level = 1
        while level:
            event = self.next()
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                level += 1
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                level -= 1

    def sequence(self, path: Path, depth: int) -> list[Value]:
        items: list[Value] = []
        while not isinstance(self.events[self.pos], yaml.SequenceEndEvent):
            item_path = (*path, len(items))
            self.marks.key[item_path] = _loc(self.file, self.events[self.pos].start_mark)
            items.append(self.node(item_path, depth + 1))
        self.next()
        return items

    def mapping(self, path: Path, depth: int) -> dict[str, Value]:
        items: dict[str, Value] = {}
        while not isinstance(self.events[self.pos], yaml.MappingEndEvent):
            key_event = self.events[self.pos]
            if not isinstance(key_event, yaml.ScalarEvent):
                self.error(key_event, "yaml-key", "a key must be plain text, but got a list, a mapping or an alias")
                self.node(path, depth + 1)  # the key
                self.node(path, depth + 1)  # its value
                continue
            self.next()
            self.check_node_event(key_event)
            key = key_event.value
            key_path = (*path, key)
            key_loc = _loc(self.file, key_event.start_mark)
            value_loc = _loc(self.file, self.events[self.pos].start_mark)
            if key in items:
                first = self.marks.key[key_path]
                self.diagnostics.append(
                    Diagnostic(
                        key_loc,
                        "yaml-duplicate-key",
                        f"duplicate key '{key}'",
                        "a key may appear once in a mapping; remove one of them",
                        related=((first, f"'{key}' first defined here"),),
                    )
                )
                self.node(key_path + ("#duplicate",), depth + 1)
                continue
            self.marks.key[key_path] = key_loc
            self.marks.value[key_path] = value_loc
            items[key] = self.node(key_path, depth + 1)
        self.next()
        return items


def _prescan(file: str, text: str) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    for number, line in enumerate(text.split("\n"), start=1):
        col = line.find("\t")
        if col >= 0:
            problems.append(
                Diagnostic(Location(file, number, col + 1), "yaml-tab", "tab characters are not allowed", "indent with spaces")
            )
        for col, char in forbidden_characters(line, allow="\r\t"):
            problems.append(
                Diagnostic(
                    Location(file, number, col + 1),
                    "control-character",
                    f"the character U+{ord(char):04X} is not allowed in annotation files",
                    "control and bidirectional-override characters can hide what a text says; remove it",
                )
            )
    return problems


def load_yaml(file: str, text: str) -> Loaded:
    """Parse one YAML file strictly; never raises for bad input."""
    marks = Marks(file)
    problems = _prescan(file, text)
    if problems:
        return Loaded(None, marks, tuple(problems))
    try:
        events = list(yaml.parse(text, Loader=yaml.SafeLoader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = exc.problem or exc.context or "unreadable"
        if exc.context and exc.context_mark and exc.problem:
            where = exc.context_mark
            message += f" ({exc.context} at line {where.line + 1}, column {where.column + 1})"
        return Loaded(None, marks, (Diagnostic(_loc(file, mark), "yaml-syntax", f"invalid YAML: {message}"),))
    except yaml.YAMLError as exc:
        return Loaded(None, marks, (Diagnostic(Location(file, 1, 1), "yaml-syntax", f"invalid YAML: {exc}"),))
    composer = _Composer(file, events)
    value = composer.compose()
    return Loaded(value, composer.marks, tuple(composer.diagnostics))
