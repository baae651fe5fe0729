"""Finding and reading the files under `seeds/`, refusing what would be unsafe to read."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .diagnostics import MAX_PER_FILE, Diagnostic, Location, capped
from .limits import MARK_RUN_HINT, long_mark_runs, mark_run_message
from .text_checks import forbidden_characters

MAX_YAML_BYTES = 1024 * 1024
MAX_TEXT_BYTES = 5 * 1024 * 1024
YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class SeedFile:
    path: Path
    label: str  # how diagnostics name it, e.g. `seeds/article.yaml`
    text: str


def display_path(path: Path, base: Path) -> str:
    """The path as people type it: relative to `base` when inside it."""
    # A rebuild under `mkdocs serve` names every text three times (3,000 calls at 1,000
    # articles); `os.path.relpath` makes both paths absolute and normal first, which a plain
    # absolute path under a plain absolute base needs not.
    inner = _plainly_under(path, base)
    if inner is not None:
        return inner
    try:
        return Path(os.path.relpath(path, base)).as_posix() if path.is_absolute() else path.as_posix()
    except ValueError:  # another drive on Windows
        return path.as_posix()


def _plainly_under(path: Path, base: Path) -> str | None:
    """`path` relative to `base` when both are absolute POSIX paths with no `.`, `..` or `//` and `path` is under `base`."""
    if os.sep != "/":
        return None
    full, folder = str(path), str(base).rstrip("/")
    if not (full.startswith(folder + "/") and folder.startswith("/")) or "/." in full or "//" in full:
        return None
    return full[len(folder) + 1 :]


def is_inside(path: Path, folder: Path) -> bool:
    """Whether `path`, once links are followed, stays inside `folder`."""
    return inside(folder)(path)


def inside(folder: Path) -> Callable[[Path], bool]:
    """`is_inside(·, folder)` for many paths: the folder's links are followed once, not per path."""
    try:
        real_folder = os.path.realpath(folder)
    except (OSError, RuntimeError):
        return lambda path: False
    prefix = real_folder.rstrip(os.sep) + os.sep

    def check(path: Path) -> bool:
        # `Path.resolve` is this realpath with pathlib's parsing around it, twice as slow on the
        # 2,000 files of 1,000 articles, and this runs on every rebuild under `serve`.
        try:
            real = os.path.realpath(path)
        except (OSError, RuntimeError):
            return False
        return real == real_folder or real.startswith(prefix)

    return check


def annotation_files(seeds_dir: Path) -> list[Path]:
    """Every YAML file under the folder, in a stable order; hidden folders are skipped."""
    found: list[Path] = []
    for root, dirs, files in os.walk(seeds_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(root) / f for f in sorted(files) if f.endswith(YAML_SUFFIXES) and not f.startswith("."))
    return found


def read_text_file(path: Path, label: str, limit: int) -> tuple[str | None, list[Diagnostic]]:
    """A UTF-8 file's text, or the reasons it cannot be used."""
    where = Location(label, 1, 1)
    try:
        size = path.stat().st_size
        if size > limit:
            return None, [Diagnostic(where, "file-too-large", f"the file has {size} bytes; the limit is {limit}")]
        data = path.read_bytes()
    except OSError as exc:
        return None, [Diagnostic(where, "file-unreadable", f"cannot read the file: {exc.strerror or exc}")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [Diagnostic(Location(label, line, col), "text-encoding", "the file is not valid UTF-8")]
    if text.startswith("\ufeff"):
        text = text[1:]
    return text, []


def forbidden_in_text(text: str, label: str) -> list[Diagnostic]:
    """Control and bidi-override characters in a source text, and overlong runs of combining marks, each with its place."""
    problems = _forbidden_characters_in_text(text, label)
    line, last = 1, 0
    for index, length in long_mark_runs(text):
        if len(problems) > MAX_PER_FILE:
            break
        line += text.count("\n", last, index)  # from the run before: counting from the start each time was quadratic
        last = index
        col = index - (text.rfind("\n", 0, index) + 1) + 1
        problems.append(Diagnostic(Location(label, line, col), "combining-marks", mark_run_message(length), MARK_RUN_HINT))
    return capped(problems)


def _forbidden_characters_in_text(text: str, label: str) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    line, line_start = 1, 0
    last = 0
    for index, char in forbidden_characters(text, allow="\t\r"):
        if len(problems) > MAX_PER_FILE:
            break
        line += text.count("\n", last, index)
        if line > 1:
            line_start = text.rfind("\n", 0, index) + 1
        last = index
        problems.append(
            Diagnostic(
                Location(label, line, index - line_start + 1),
                "control-character",
                f"the character U+{ord(char):04X} is not allowed in a source text",
                "control and bidirectional-override characters can hide what a text says; remove it",
            )
        )
    return capped(problems)


def read_annotation_files(seeds_dir: Path, base: Path) -> tuple[list[SeedFile], list[Diagnostic]]:
    files: list[SeedFile] = []
    problems: list[Diagnostic] = []
    in_seeds = inside(seeds_dir)
    for path in annotation_files(seeds_dir):
        label = display_path(path, base)
        if not in_seeds(path):
            problems.append(
                Diagnostic(Location(label, 1, 1), "text-outside-seeds", "the file links to a place outside the seeds folder")
            )
            continue
        text, read_problems = read_text_file(path, label, MAX_YAML_BYTES)
        problems.extend(read_problems)
        if text is not None:
            files.append(SeedFile(path, label, text))
    return files, problems
