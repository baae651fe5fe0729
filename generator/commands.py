"""The `anchor`, `new` and `review` commands, and the notes `check` prints on success; called from cli.py."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .annotations.anchors import lock_files, stale_locks
from .annotations.diagnostics import format_github, format_human
from .annotations.pipeline import Checked
from .annotations.seeds import display_path
from .review import command as review_command
from .scaffold import new_annotation_file

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def add_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    anchor_cmd = sub.add_parser("anchor", help="record where every quote sits in its text (seeds/*.anchors.json)")
    anchor_cmd.add_argument("--seeds", type=Path, help="the seeds folder (default: ./seeds)")
    anchor_cmd.add_argument("-q", "--quiet", action="store_true", help="print problems only")
    new_cmd = sub.add_parser("new", help="draft seeds/<name>.yaml for a new text seeds/<name>.txt")
    new_cmd.add_argument("text", type=Path, help="the source text, inside the seeds folder")
    new_cmd.add_argument("--seeds", type=Path, help="the seeds folder (default: ./seeds)")
    review_command.add_parser(sub)


def report_notes(checked: Checked, fmt: str) -> None:
    """Notices and warnings of a successful check (a quote that moved): shown, never fatal."""
    notes = [d for d in checked.diagnostics if d.severity != "error"]
    if not notes or fmt == "json":  # the JSON report already lists every diagnostic
        return
    if fmt == "github":
        sys.stdout.write(format_github(notes))
    else:
        sys.stderr.write(format_human(notes, checked.sources))


def anchor(checked: Checked, seeds: Path, cwd: Path, quiet: bool) -> int:
    """Write each annotation file's lock (only when it changed) and remove the ones no file needs."""
    assert checked.corpus is not None
    locks = lock_files(checked.corpus)
    for path, text in sorted(locks.items()):
        try:
            current = path.read_text(encoding="utf-8")
        except OSError:
            current = None
        if current != text:
            path.write_text(text, encoding="utf-8", newline="\n")
            if not quiet:
                print(f"wrote {display_path(path, cwd)}")
    for path in stale_locks(seeds, locks):
        path.unlink()
        if not quiet:
            print(f"removed {display_path(path, cwd)}")
    if not quiet:
        print(f"anchored {len(checked.corpus.claims)} claims in {len(locks)} file{'s' if len(locks) != 1 else ''}")
    return EXIT_OK


def new(text: Path, seeds: Path | None, cwd: Path) -> int:
    if seeds is None or not seeds.is_dir():
        print(f"error: no seeds folder at {seeds or './seeds'}; pass --seeds DIR", file=sys.stderr)
        return EXIT_USAGE
    target, draft, problems = new_annotation_file(text, seeds, cwd)
    if problems or target is None or draft is None:
        sys.stderr.write(format_human(problems))
        return EXIT_ERRORS
    print(
        f"wrote {display_path(target, cwd)}: 1 document, {len(draft.people)} new people, "
        f"{len(draft.claims)} claims (all unverified); review it, then run: python -m generator check"
    )
    return EXIT_OK
