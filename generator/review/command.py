"""`check --base REF` and `review --base REF`: the working tree compared with a git revision."""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from ..annotations.corrections import base_claims, base_rules
from ..annotations.diagnostics import Diagnostic, sort_diagnostics
from ..annotations.pipeline import Checked, check, parse_file
from ..annotations.seeds import read_annotation_files
from ..pages.site import render_pages
from . import formats
from .base_revision import BaseUnavailableError, copy_seeds
from .changes import compare

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2

# A site address plain enough to stand in a Markdown link as it is.
_SITE_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]+)?(?:/[A-Za-z0-9._~/-]*)?")
_SITE_URL_LINE = re.compile(r"^site_url:[ \t]*(['\"]?)(\S+?)\1[ \t]*(?:#.*)?$", re.MULTILINE)


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    review_cmd = sub.add_parser("review", help="what the working tree changes on the site, compared with a git revision")
    review_cmd.add_argument("--base", required=True, metavar="REF", help="the git revision to compare with, e.g. origin/main")
    review_cmd.add_argument("--seeds", type=Path, help="the seeds folder (default: ./seeds)")
    review_cmd.add_argument("--format", choices=("human", "markdown", "json"), default="human")


def site_url(seeds: Path) -> str | None:
    """`site_url` of the mkdocs.yml beside the seeds folder, when it is a plain http(s) address."""
    try:
        config = (seeds.parent / "mkdocs.yml").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    found = _SITE_URL_LINE.search(config)
    if found is None or not _SITE_URL.fullmatch(found.group(2)):
        return None
    url = found.group(2)
    return url if url.endswith("/") else url + "/"


def _unreadable(checked: Checked) -> frozenset[str]:
    return frozenset(entry_id for kind, entry_id in checked.claimed if kind == "claims")


def _base_findings(checked: Checked, seeds: Path, ref: str, cwd: Path) -> list[Diagnostic]:
    with tempfile.TemporaryDirectory(prefix="explainer-base-") as folder:
        base = copy_seeds(seeds, ref, cwd, Path(folder))
        # The rules need the base's claims as written, not linked: parsing is enough.
        files, _ = read_annotation_files(base.seeds, base.root)
        located = [entry for seed in files for entry in parse_file(seed).entries]
    return base_rules(base_claims(located, ref), checked.located, ref, _unreadable(checked))


def with_base(checked: Checked, seeds: Path, ref: str, cwd: Path) -> Checked | None:
    """`checked` with the `--base` rules' errors added; None (after saying why) when REF cannot be read."""
    try:
        found = _base_findings(checked, seeds, ref, cwd)
    except BaseUnavailableError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return None
    if not found:
        return checked
    return replace(checked, corpus=None, diagnostics=sort_diagnostics([*checked.diagnostics, *found]))


def _rendered(base: Checked, current: Checked) -> tuple[dict[str, str], dict[str, str]] | None:
    """Every page of both sides, when both link (a side with errors has no site)."""
    if base.corpus is None or current.corpus is None:
        return None
    return render_pages(base.corpus), render_pages(current.corpus)


def review(args: argparse.Namespace, seeds: Path, cwd: Path) -> int:
    current = check(seeds, cwd)
    try:
        with tempfile.TemporaryDirectory(prefix="explainer-base-") as folder:
            base = copy_seeds(seeds, args.base, cwd, Path(folder))
            at_base = check(base.seeds, base.root)
            extra = base_rules(base_claims(at_base.located, args.base), current.located, args.base, _unreadable(current))
            result = compare(at_base, current, args.base, base.commit, extra, _rendered(at_base, current))
    except BaseUnavailableError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.format == "json":
        sys.stdout.write(formats.as_json(result, site_url(seeds)))
    elif args.format == "markdown":
        sys.stdout.write(formats.markdown(result, site_url(seeds)))
    else:
        sys.stdout.write(formats.human(result))
    return EXIT_ERRORS if result.errors else EXIT_OK
