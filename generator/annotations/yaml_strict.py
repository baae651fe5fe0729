"""A strict YAML reader that keeps every value as the text that was typed.

PyYAML's resolver turns `no` into False, `0123` into 83, `1.10` into 1.1 and
`2025-01-10` into a date; annotators never asked for that. This reader walks the
parser's events itself, so a scalar stays a string (or None when left empty) until
the model gives it a type, and every value keeps its file, line and column.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Union

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from .diagnostics import MAX_PER_FILE, Diagnostic, Location, capped
from .limits import MARK_RUN_HINT, long_mark_runs, mark_run_message
from .text_checks import forbidden_characters, forbidden_pattern

MAX_DEPTH = 12
NULL_WORDS = frozenset({"", "~", "null", "Null", "NULL"})

Value = Union[str, None, list["Value"], dict[str, "Value"]]  # noqa: UP007 (a runtime alias: `|` cannot join strings)
Path = tuple[str | int, ...]
Position = tuple[int, int]  # line and column, counting from 1


@dataclass(frozen=True)
class Marks:
    """Where each value of a file was written, keyed by its path from the root.

    Positions are kept as (line, column) pairs and become Locations only when asked for:
    a large corpus has hundreds of thousands of keys, and few of them are ever reported.
    """

    file: str
    key: dict[Path, Position] = field(default_factory=dict)
    value: dict[Path, Position] = field(default_factory=dict)

    def at(self, path: Path) -> Location:
        """The line of the key (or list item) and, on that line, the value's column."""
        path = tuple(path)
        while path and path not in self.key:
            path = path[:-1]
        key = self.key.get(path)
        if key is None:
            return Location(self.file, 1, 1)
        value = self.value.get(path)
        if value is not None and value[0] == key[0]:
            return Location(self.file, *value)
        return Location(self.file, *key)

    def key_at(self, path: Path) -> Location:
        path = tuple(path)
        while path and path not in self.key:
            path = path[:-1]
        return Location(self.file, *self.key.get(path, (1, 1)))


@dataclass(frozen=True)
class Loaded:
    value: Value
    marks: Marks
    diagnostics: tuple[Diagnostic, ...]
    # Whether `value` holds every value the file gives, as typed, the diagnostics' notwithstanding
    # (a duplicate key's later value, a tag, an anchor are reported and dropped): then the file is
    # checked further, so that its other problems come in the same run. An alias, a collection
    # nested too deep or a key that is not text leave a hole, and what the checks would say
    # about it is noise.
    complete: bool = True


def _position(mark: Any) -> Position:  # a pure-Python or a libyaml mark
    if mark is None:
        return (1, 1)
    return (mark.line + 1, mark.column + 1)


def _loc(file: str, mark: Any) -> Location:
    return Location(file, *_position(mark))


class _Composer:
    def __init__(self, file: str, events: list[yaml.Event], typed: str | None = None) -> None:
        """`typed`: the file's text, when the prescan has reported the characters it holds as typed;
        then only a double-quoted scalar with a backslash can make a new one."""
        self.file = file
        self.typed = typed
        self.events = events
        self.pos = 0
        self.marks = Marks(file)
        self.diagnostics: list[Diagnostic] = []
        self.complete = True

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
                self.marks.key[()] = _position(event.start_mark)
                root = self.node((), 1)
        return root

    def check_node_event(self, event: yaml.NodeEvent) -> None:
        if event.anchor is not None:
            self.error(event, "yaml-anchor", f"anchors (&{event.anchor}) are not allowed", "write the value out in full")
        tag = getattr(event, "tag", None)
        if tag is not None:
            tag = "!!" + tag[len("tag:yaml.org,2002:") :] if tag.startswith("tag:yaml.org,2002:") else tag
            self.error(event, "yaml-tag", f"YAML tags ({tag}) are not allowed", "remove the tag; quote the value if it must stay text")
        if isinstance(event, yaml.ScalarEvent) and self.may_hold_new_characters(event):
            # The prescan sees the file as typed; escapes in double quotes ("\u202e", "\e", "\t")
            # only become characters here.
            found = next(forbidden_characters(event.value), None)
            if found is not None:
                self.error(
                    event,
                    "control-character",
                    f"the character U+{ord(found[1]):04X} (written as an escape) is not allowed in annotation files",
                    "control, tab and bidirectional-override characters can hide what a text says; remove it",
                )
            for _, length in long_mark_runs(event.value):
                self.error(event, "combining-marks", mark_run_message(length, escaped=True), MARK_RUN_HINT)

    def may_hold_new_characters(self, event: yaml.ScalarEvent) -> bool:
        if self.typed is None:
            return True
        start, end = event.start_mark, event.end_mark
        return event.style == '"' and start is not None and end is not None and "\\" in self.typed[start.index : end.index]

    def node(self, path: Path, depth: int) -> Value:
        event = self.next()
        if isinstance(event, yaml.AliasEvent):
            self.error(event, "yaml-anchor", f"aliases (*{event.anchor}) are not allowed", "write the value out in full")
            self.complete = False
            return None
        assert isinstance(event, yaml.NodeEvent)
        self.check_node_event(event)
        if isinstance(event, yaml.ScalarEvent):
            if event.style is None and event.value in NULL_WORDS:
                return None
            return event.value
        if depth > MAX_DEPTH:
            self.error(event, "yaml-too-deep", f"values are nested more than {MAX_DEPTH} levels deep")
            self.complete = False
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
            self.marks.key[item_path] = _position(self.events[self.pos].start_mark)
            items.append(self.node(item_path, depth + 1))
        self.next()
        return items

    def mapping(self, path: Path, depth: int) -> dict[str, Value]:
        items: dict[str, Value] = {}
        while not isinstance(self.events[self.pos], yaml.MappingEndEvent):
            key_event = self.events[self.pos]
            if not isinstance(key_event, yaml.ScalarEvent):
                self.error(key_event, "yaml-key", "a key must be plain text, but got a list, a mapping or an alias")
                self.complete = False
                self.node(path, depth + 1)  # the key
                self.node(path, depth + 1)  # its value
                continue
            self.next()
            self.check_node_event(key_event)
            key = key_event.value
            key_path = (*path, key)
            key_at = _position(key_event.start_mark)
            value_at = _position(self.events[self.pos].start_mark)
            if key in items:
                first = Location(self.file, *self.marks.key[key_path])
                self.diagnostics.append(
                    Diagnostic(
                        Location(self.file, *key_at),
                        "yaml-duplicate-key",
                        f"duplicate key '{key}': the first value is kept, this one is ignored",
                        "a key may appear once in a mapping; remove one of them",
                        related=((first, f"'{key}' first defined here"),),
                    )
                )
                self.node(key_path + ("#duplicate",), depth + 1)
                continue
            self.marks.key[key_path] = key_at
            self.marks.value[key_path] = value_at
            items[key] = self.node(key_path, depth + 1)
        self.next()
        return items


def _prescan(file: str, text: str) -> list[Diagnostic]:
    # Most files have no tab and nothing forbidden: one search of the whole text says so.
    problems = _prescan_lines(file, text) if forbidden_pattern(allow="\r").search(text) else []
    line, last = 1, 0
    for index, length in long_mark_runs(text):
        if len(problems) > MAX_PER_FILE:
            break
        line += text.count("\n", last, index)
        last = index
        col = index - (text.rfind("\n", 0, index) + 1) + 1
        problems.append(Diagnostic(Location(file, line, col), "combining-marks", mark_run_message(length), MARK_RUN_HINT))
    return capped(problems)


def _prescan_lines(file: str, text: str) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if len(problems) > MAX_PER_FILE:
            break
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
    return capped(problems)


# libyaml, PyYAML's C parser, is about ten times faster and gives the same events as the
# Python parser except in a few corners, which stay with the Python parser: a file without
# a final line break (the marks at its end differ), BOM or Unicode line-separator
# characters inside a file, and a comment straight after a block-scalar indicator (`|#`),
# which libyaml accepts. Errors are always reported in the Python parser's words.
_C_LOADER = getattr(yaml, "CSafeLoader", None)
_PYTHON_ONLY_CHARACTERS = ("\ufeff", "\u2028", "\u2029", "\x85")
_COMMENT_AFTER_INDICATOR = re.compile("[|>][-+0-9]*#")


class TooDeepError(Exception):
    """A collection nested past MAX_DEPTH, met while parsing."""

    def __init__(self, mark: yaml.Mark | None) -> None:  # either parser's mark: line and column count alike
        super().__init__("too deep")
        self.mark = mark


def _bounded(events: Iterable[yaml.Event]) -> list[yaml.Event]:
    # Both parsers spend, on every token, time that grows with the number of open flow
    # collections: `[[[[…` 100,000 deep (200 kB) took minutes. Taking the events one by
    # one and stopping at the first collection nested too deep keeps that instant.
    out: list[yaml.Event] = []
    depth = 0
    for event in events:
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise TooDeepError(event.start_mark)  # type: ignore[arg-type]
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
        out.append(event)
    return out


def _libyaml_agrees(text: str) -> bool:
    """Whether libyaml gives the Python parser's events for this text (see above)."""
    # `in` finds a character in C (at once when it is wider than any in the text); the
    # pattern runs only when there is a `#` for it to find.
    if not text.endswith("\n") or any(char in text for char in _PYTHON_ONLY_CHARACTERS):
        return False
    return "#" not in text or not _COMMENT_AFTER_INDICATOR.search(text)


def parse_events(text: str) -> list[yaml.Event]:
    """The parser events of a YAML text, as PyYAML's Python parser gives them."""
    if _C_LOADER is not None and _libyaml_agrees(text):
        try:
            events = _bounded(yaml.parse(text, Loader=_C_LOADER))
        except yaml.YAMLError:
            pass
        else:
            for event in events:
                if isinstance(event, yaml.ScalarEvent) and event.style == "":
                    event.style = None  # a plain scalar; the Python parser says None
            return events
    return _bounded(yaml.parse(text, Loader=yaml.SafeLoader))


class _NotCleanError(Exception):
    """The file has something to report, or libyaml cannot read it: the plain path decides."""


try:
    from yaml._yaml import CParser as _CParser
except ImportError:  # PyYAML without libyaml: the plain path reads every file
    _CParser = None  # type: ignore[assignment,misc]

_FORBIDDEN_CHARACTER = forbidden_pattern().search


def _reported(value: str) -> bool:
    """Whether a scalar holds what check_node_event would report: a forbidden character, or a run of marks too long."""
    return _FORBIDDEN_CHARACTER(value) is not None or next(long_mark_runs(value), None) is not None


def _read_clean(file: str, text: str) -> tuple[Value, Marks] | None:
    """The value and marks of a file that has nothing to report, read in one pass; else None.

    Most files are valid, and for them the plain path (parse_events, then _Composer) spends
    most of its time on what only matters for invalid ones: a list of every event, a depth
    check per event, a character check per scalar. Here libyaml's events are composed as
    they come, under the same rules; at the first thing the plain path would report (an
    anchor, alias, tag, duplicate or non-text key, an escaped forbidden character, nesting
    past MAX_DEPTH, a second document) or any parser error, it gives up and returns None, and
    load_yaml takes the plain path, which then reports it in its own words. The result is the
    plain path's, value and marks alike (tests/test_yaml_fast_path.py compares them).

    Only for a text the prescan found nothing in: no character is checked again here unless
    an escape could have made it.
    """
    if _CParser is None or not _libyaml_agrees(text):
        return None
    marks = Marks(file)
    reader = _CleanReader(_CParser(text).get_event, marks)
    try:
        return reader.document(), marks
    except (_NotCleanError, yaml.YAMLError):
        return None


class _CleanReader:
    """`_read_clean`'s walk over libyaml's events.

    A class rather than nested functions: a recursive closure refers to itself, and that
    cycle kept each file's parser and marks alive for the cycle collector to find (400,000
    objects at 1,000 files, 0.2-0.7 s of the first collection after a build; issue 6).
    """

    __slots__ = ("get", "keys", "values")

    def __init__(self, get_event: Callable[[], Any], marks: Marks) -> None:
        # libyaml's events, read by attribute: typed Any, as their stubs allow None everywhere.
        self.get = get_event
        self.keys, self.values = marks.key, marks.value

    def document(self) -> Value:
        get = self.get
        mark: Any
        root: Value = None
        get()  # the stream's start
        event = get()
        if type(event) is DocumentStartEvent:
            mark = event.start_mark
            self.keys[()] = (mark.line + 1, mark.column + 1)
            event = get()
            root = self.scalar(event) if type(event) is ScalarEvent else self.collection(event, (), 1)
            get()  # the document's end
            event = get()
        if type(event) is not StreamEndEvent:  # a second document
            raise _NotCleanError
        return root

    @staticmethod
    def scalar(event: Any) -> str | None:
        # What check_node_event would report for a scalar. The prescan has seen every
        # character as typed; only an escape in double quotes ("\u202e") makes a new one.
        # libyaml's plain style is "" where the Python parser's is None.
        if event.anchor is not None or event.tag is not None:
            raise _NotCleanError
        value: str = event.value
        style = event.style
        if style == "":
            return None if value in NULL_WORDS else value
        if style == '"' and _reported(value):
            raise _NotCleanError
        return value

    def collection(self, event: Any, path: Path, depth: int) -> Value:
        get, keys, scalar = self.get, self.keys, self.scalar
        mark: Any  # either event's start mark
        kind = type(event)
        if kind is AliasEvent or event.anchor is not None or event.tag is not None or depth > MAX_DEPTH:
            raise _NotCleanError
        # Scalars, most of the events, are read without a call to collection().
        if kind is SequenceStartEvent:
            items: list[Value] = []
            event = get()
            while (kind := type(event)) is not SequenceEndEvent:
                item_path = (*path, len(items))
                mark = event.start_mark
                keys[item_path] = (mark.line + 1, mark.column + 1)
                items.append(scalar(event) if kind is ScalarEvent else self.collection(event, item_path, depth + 1))
                event = get()
            return items
        values = self.values
        mapping: dict[str, Value] = {}
        event = get()
        while type(event) is not MappingEndEvent:
            if type(event) is not ScalarEvent or event.anchor is not None or event.tag is not None:
                raise _NotCleanError
            key: str = event.value  # as typed: a key `null` stays the text "null"
            if key in mapping or (event.style == '"' and _reported(key)):
                raise _NotCleanError
            key_path = (*path, key)
            mark = event.start_mark
            keys[key_path] = (mark.line + 1, mark.column + 1)
            event = get()
            mark = event.start_mark
            values[key_path] = (mark.line + 1, mark.column + 1)
            mapping[key] = scalar(event) if type(event) is ScalarEvent else self.collection(event, key_path, depth + 1)
            event = get()
        return mapping


def load_yaml(file: str, text: str) -> Loaded:
    """Parse one YAML file strictly; never raises for bad input."""
    problems = _prescan(file, text)
    if problems:
        # The characters refused leave the values readable, when the parser can read them (a
        # bidi override or a tab inside a value; not a tab that indents, nor an escape character):
        # then the file is checked further, so its other problems come in the same run.
        loaded = _load_events(file, text, typed_checked=True)
        if not loaded.complete:
            return Loaded(None, Marks(file), tuple(problems), complete=False)
        return Loaded(loaded.value, loaded.marks, (*problems, *loaded.diagnostics))
    clean = _read_clean(file, text)
    if clean is not None:
        return Loaded(*clean, ())
    return _load_events(file, text)


def _load_events(file: str, text: str, *, typed_checked: bool = False) -> Loaded:
    """The plain path: every event listed, then composed. `typed_checked`: the prescan has
    reported the characters as typed (see `_Composer`)."""
    marks = Marks(file)
    try:
        events = parse_events(text)
    except TooDeepError as exc:
        message = f"values are nested more than {MAX_DEPTH} levels deep"
        return Loaded(None, marks, (Diagnostic(_loc(file, exc.mark), "yaml-too-deep", message),), complete=False)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = exc.problem or exc.context or "unreadable"
        if exc.context and exc.context_mark and exc.problem:
            where = exc.context_mark
            message += f" ({exc.context} at line {where.line + 1}, column {where.column + 1})"
        return Loaded(None, marks, (Diagnostic(_loc(file, mark), "yaml-syntax", f"invalid YAML: {message}"),), complete=False)
    except yaml.reader.ReaderError as exc:
        # Characters YAML cannot carry at all (U+FFFE, U+FFFF); the prescan let them through.
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        char = exc.character if isinstance(exc.character, int) else ord(exc.character)
        message = f"the character U+{char:04X} cannot be written in a YAML file"
        return Loaded(None, marks, (Diagnostic(Location(file, line, col), "yaml-syntax", message, "remove it"),), complete=False)
    except yaml.YAMLError as exc:
        return Loaded(None, marks, (Diagnostic(Location(file, 1, 1), "yaml-syntax", f"invalid YAML: {exc}"),), complete=False)
    composer = _Composer(file, events, text if typed_checked else None)
    value = composer.compose()
    return Loaded(value, composer.marks, tuple(capped(composer.diagnostics)), composer.complete)
