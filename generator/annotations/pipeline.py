"""The check end to end: read -> parse -> validate -> link, giving a corpus (`pages.site` renders it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from ..support.progress import QUIET, Progress
from .anchors import AnchorStatus, review
from .check_cache import CheckCache, Parsed
from .corpus import Corpus, link
from .corrections import correction_dates
from .diagnostics import Diagnostic, Location, sort_diagnostics
from .seeds import SeedFile, display_path, read_annotation_files
from .text_spans import SourceText
from .validate import Located, entries_from_file, language_notices
from .yaml_strict import load_yaml


@dataclass(frozen=True)
class Checked:
    """The outcome of checking a seeds folder."""

    corpus: Corpus | None
    diagnostics: list[Diagnostic]
    sources: dict[str, str] = field(default_factory=dict)  # label -> text, for snippets
    anchors: tuple[AnchorStatus, ...] = ()  # what became of each claim's recorded anchor
    located: tuple[Located, ...] = ()  # every entry read, linked or not (for `--base` and `review`)
    claimed: frozenset[tuple[str, str]] = frozenset()  # (kind, id) of entries too broken to read

    @property
    def ok(self) -> bool:
        return self.corpus is not None and not any(d.severity == "error" for d in self.diagnostics)


def parse_file(seed: SeedFile) -> Parsed:
    """One annotation file read into entries, or the reasons it cannot be."""
    loaded = load_yaml(seed.label, seed.text)
    if not loaded.complete:  # a hole in the value: what the checks would say about it is noise
        return Parsed(loaded.diagnostics, (), frozenset())
    # A file with only problems that leave every value as typed (a duplicate key, a tag) is
    # checked further, so its other problems come in the same run. Its entries still go to
    # linking, so references to them are no second error; the file's errors stop the build.
    entries, problems, claimed = entries_from_file(loaded.value, loaded.marks, seed.path)
    return Parsed((*loaded.diagnostics, *problems), tuple(entries), frozenset(claimed))


def check(seeds_dir: Path, base: Path, *, cache: CheckCache | None = None, progress: Progress = QUIET) -> Checked:
    """Read and check every annotation file under `seeds_dir`; paths are shown relative to `base`.

    `cache` (kept by a long-lived caller such as `mkdocs serve`) lets unchanged files and
    texts be reused; `progress` shows the phase and a count on a terminal.
    """
    if not seeds_dir.is_dir():
        missing = Diagnostic(Location(display_path(seeds_dir, base)), "no-seeds", "the seeds folder does not exist")
        return Checked(None, [missing])
    files, problems = read_annotation_files(seeds_dir, base)
    located: list[Located] = []
    claimed: set[tuple[str, str]] = set()
    progress.phase("reading annotation files", len(files))
    for seed in files:
        if cache is None:
            parsed = parse_file(seed)
        else:  # under `mkdocs serve`: only an edited file is parsed again
            parsed = cache.parsed.get((str(seed.path), seed.label, seed.text), partial(parse_file, seed))
        problems.extend(parsed.problems)
        located.extend(parsed.entries)
        claimed |= parsed.claimed
        progress.advance()
    progress.phase("linking ids, quotes and mentions")
    corpus, link_problems = link(located, claimed, seeds_dir, base, source_text=cache.source_text if cache else SourceText)
    problems.extend(link_problems)
    problems.extend(correction_dates(located))
    problems.extend(language_notices(located))
    read = {doc: (text, corpus.text_labels[doc]) for doc, text in corpus.texts.items()} if corpus else {}
    problems, anchors = review(located, problems, seeds_dir, base, read)  # quotes lost when a text changed
    sources = {seed.label: seed.text for seed in files}
    if any(d.severity == "error" for d in problems):  # notices (a quote that moved) do not stop a build
        corpus = None
    return Checked(corpus, sort_diagnostics(problems), sources, anchors, tuple(located), frozenset(claimed))

