"""The stages end to end: read -> parse -> validate -> link -> plan pages -> render."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .corpus import Corpus, link
from .diagnostics import Diagnostic, Location, sort_diagnostics
from .seeds import display_path, read_annotation_files
from .validate import Located, entries_from_file
from .yaml_strict import load_yaml


@dataclass(frozen=True)
class Checked:
    """The outcome of checking a seeds folder."""

    corpus: Corpus | None
    diagnostics: list[Diagnostic]
    sources: dict[str, str] = field(default_factory=dict)  # label -> text, for snippets

    @property
    def ok(self) -> bool:
        return self.corpus is not None and not any(d.severity == "error" for d in self.diagnostics)


def check(seeds_dir: Path, base: Path) -> Checked:
    """Read and check every annotation file under `seeds_dir`; paths are shown relative to `base`."""
    if not seeds_dir.is_dir():
        missing = Diagnostic(Location(display_path(seeds_dir, base)), "no-seeds", "the seeds folder does not exist")
        return Checked(None, [missing])
    files, problems = read_annotation_files(seeds_dir, base)
    located: list[Located] = []
    claimed: set[tuple[str, str]] = set()
    for seed in files:
        loaded = load_yaml(seed.label, seed.text)
        problems.extend(loaded.diagnostics)
        if loaded.diagnostics:
            continue
        entries, entry_problems, entry_claims = entries_from_file(loaded.value, loaded.marks, seed.path)
        located.extend(entries)
        problems.extend(entry_problems)
        claimed |= entry_claims
    corpus, link_problems = link(located, claimed, seeds_dir, base)
    problems.extend(link_problems)
    sources = {seed.label: seed.text for seed in files}
    if problems:
        corpus = None
    return Checked(corpus, sort_diagnostics(problems), sources)

