"""The command line: `python -m generator check|build`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .diagnostics import format_github, format_human, format_json
from .emit import owned_pages, write_pages
from .pages import SiteOptions, render_pages
from .pipeline import Checked, check

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def find_seeds(cwd: Path) -> Path | None:
    """`seeds/` in the working directory, else next to the nearest `mkdocs.yml` above it."""
    if (cwd / "seeds").is_dir():
        return cwd / "seeds"
    for folder in (cwd, *cwd.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder / "seeds"
    return None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description="Explainer-site generator.")
    sub = parser.add_subparsers(dest="command", required=True)
    check_cmd = sub.add_parser("check", help="validate the annotations")
    check_cmd.add_argument("--seeds", type=Path, help="the seeds folder (default: ./seeds)")
    check_cmd.add_argument("--format", choices=("human", "github", "json"), default="human")
    check_cmd.add_argument("-q", "--quiet", action="store_true", help="print problems only")
    build_cmd = sub.add_parser("build", help="write the generated Markdown pages into a folder")
    build_cmd.add_argument("--seeds", type=Path, help="the seeds folder (default: ./seeds)")
    build_cmd.add_argument("--out", type=Path, required=True, help="the folder to write pages into")
    build_cmd.add_argument("-q", "--quiet", action="store_true", help="print problems only")
    return parser


def _report(checked: Checked, fmt: str) -> None:
    if fmt == "github":
        sys.stdout.write(format_github(checked.diagnostics))
    elif fmt == "json":
        sys.stdout.write(format_json(checked.diagnostics))
    else:
        sys.stderr.write(format_human(checked.diagnostics, checked.sources))


def _summary(checked: Checked) -> str:
    c = checked.corpus
    assert c is not None
    return (
        f"ok: {len(c.documents)} documents, {len(c.people)} people, "
        f"{len(c.sources)} sources, {len(c.claims)} claims"
    )


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    cwd = Path.cwd()
    seeds = args.seeds or find_seeds(cwd)
    if seeds is None or not seeds.is_dir():
        print(f"error: no seeds folder at {seeds or './seeds'}; pass --seeds DIR", file=sys.stderr)
        return EXIT_USAGE
    checked = check(seeds, cwd)
    fmt = getattr(args, "format", "human")
    if not checked.ok:
        _report(checked, fmt)
        count = len(checked.diagnostics)
        if fmt == "human":
            print(f"{count} error{'s' if count != 1 else ''}; nothing was built", file=sys.stderr)
        return EXIT_ERRORS
    assert checked.corpus is not None
    if args.command == "check":
        if fmt == "json":
            _report(checked, fmt)
        elif not args.quiet:
            print(_summary(checked))
        return EXIT_OK
    out: Path = args.out
    if out.exists() and not out.is_dir():
        print(f"error: {out} is not a folder", file=sys.stderr)
        return EXIT_USAGE
    has_home = (out / "index.md").is_file() and "index.md" not in owned_pages(out)
    pages = render_pages(checked.corpus, SiteOptions(home_page=not has_home))
    problems = write_pages(out, pages)
    if problems:
        sys.stderr.write(format_human(problems))
        return EXIT_ERRORS
    if not args.quiet:
        print(f"{_summary(checked)}; wrote {len(pages)} pages to {out}")
    return EXIT_OK

