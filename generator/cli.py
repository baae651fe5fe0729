"""The command line: `python -m generator check|build`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import commands
from .annotations.anchors import format_statuses
from .annotations.diagnostics import format_github, format_human, format_json
from .annotations.pipeline import Checked, check
from .engines.emit import owned_pages, write_pages
from .open_data.data_export import export_files
from .open_data.evidence_links import evidence_links, link_lines
from .open_data.schema import SCHEMA_PATH, schema_text
from .pages.options import SiteOptions
from .pages.redirects import redirect_stubs
from .pages.site import render_pages
from .review import command as review_command
from .site_map.listing import ARTICLES_PER_PAGE
from .support.bulk import bulk_work
from .support.progress import QUIET, Progress

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def find_seeds(cwd: Path) -> Path | None:
    """`seeds/` in the working directory, else next to the nearest `mkdocs.yml` above it."""
    if (cwd / "seeds").is_dir():
        return cwd / "seeds"
    for folder in (cwd, *cwd.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder / "seeds"
    return None


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"a whole number of at least 1, not {text!r}")
    return int(text)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description="Explainer-site generator.")
    sub = parser.add_subparsers(dest="command", required=True)
    check_cmd = sub.add_parser("check", help="validate the annotations")
    check_cmd.add_argument("--seeds", type=Path, help="the seeds folder (default: ./seeds)")
    check_cmd.add_argument("--format", choices=("human", "github", "json"), default="human")
    check_cmd.add_argument("-q", "--quiet", action="store_true", help="print problems only")
    check_cmd.add_argument("--anchors", action="store_true", help="list what became of every claim's recorded anchor")
    check_cmd.add_argument(
        "--base", metavar="REF", help="also enforce corrections against the annotations at this git revision"
    )
    build_cmd = sub.add_parser("build", help="write the generated Markdown pages into a folder")
    build_cmd.add_argument("--seeds", type=Path, help="the seeds folder (default: ./seeds)")
    build_cmd.add_argument("--out", type=Path, required=True, help="the folder to write pages into")
    build_cmd.add_argument("-q", "--quiet", action="store_true", help="print problems only")
    build_cmd.add_argument("--site-url", help="the site's address, for absolute ids in the open-data exports")
    build_cmd.add_argument(
        "--site-language", default="en", metavar="TAG",
        help="the site's language (as theme.language); a document in another is marked with its own (default: en)",
    )
    build_cmd.add_argument(
        "--articles-per-page", type=_positive, default=ARTICLES_PER_PAGE, metavar="N",
        help=f"articles on each page of the claims index, the timeline and the graph (default: {ARTICLES_PER_PAGE})",
    )
    schema_cmd = sub.add_parser("schema", help="print the JSON Schema of the annotation format, or write or check a copy")
    schema_cmd.add_argument("--out", type=Path, help=f"write it to this file instead, e.g. {SCHEMA_PATH}")
    schema_cmd.add_argument("--check", action="store_true", help=f"exit 1 when the file (--out, default {SCHEMA_PATH}) is stale")
    links_cmd = sub.add_parser("links", help="print every evidence URL and archived copy, one a line (the link check's input)")
    links_cmd.add_argument("--seeds", type=Path, help="the seeds folder (default: ./seeds)")
    links_cmd.add_argument("--where", action="store_true", help="each place it is written too: URL<tab>path:line:col")
    commands.add_parsers(sub)  # anchor, new, review
    return parser


def _schema(out: Path | None, check_only: bool, cwd: Path) -> int:
    text = schema_text()
    if out is None and not check_only:
        sys.stdout.write(text)
        return EXIT_OK
    if out is None:
        root = next((f for f in (cwd, *cwd.parents) if (f / "mkdocs.yml").is_file()), cwd)
        out = root / SCHEMA_PATH
    try:
        current = out.read_text(encoding="utf-8")
    except OSError:
        current = None
    if check_only:
        if current != text:
            print(f"{out}: the schema is out of date; run: python -m generator schema --out {out}", file=sys.stderr)
            return EXIT_ERRORS
        return EXIT_OK
    if current != text:  # unchanged files keep their timestamp
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    return EXIT_OK


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
    with bulk_work():
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    cwd = Path.cwd()
    if args.command == "schema":
        return _schema(args.out, args.check, cwd)
    if args.command == "new":
        return commands.new(args.text, args.seeds or find_seeds(cwd), cwd)
    seeds = args.seeds or find_seeds(cwd)
    if seeds is None or not seeds.is_dir():
        print(f"error: no seeds folder at {seeds or './seeds'}; pass --seeds DIR", file=sys.stderr)
        return EXIT_USAGE
    if args.command == "review":
        return review_command.review(args, seeds, cwd)
    # The phase and a count on a terminal; nothing in a pipe, a log or with -q.
    progress = Progress(sys.stderr) if sys.stderr.isatty() and not getattr(args, "quiet", False) else QUIET
    checked = check(seeds, cwd, progress=progress)
    progress.close()
    if getattr(args, "base", None) is not None:
        based = review_command.with_base(checked, seeds, args.base, cwd)
        if based is None:
            return EXIT_USAGE
        checked = based
    fmt = getattr(args, "format", "human")
    if getattr(args, "anchors", False):
        sys.stdout.write(format_statuses(checked.anchors))
    if not checked.ok:
        _report(checked, fmt)
        count = sum(d.severity == "error" for d in checked.diagnostics)
        if fmt == "human":
            print(f"{count} error{'s' if count != 1 else ''}; nothing was built", file=sys.stderr)
        return EXIT_ERRORS
    assert checked.corpus is not None
    commands.report_notes(checked, fmt)
    if args.command == "anchor":
        return commands.anchor(checked, seeds, cwd, args.quiet)
    if args.command == "links":
        sys.stdout.write(link_lines(evidence_links(checked.corpus), args.where))
        return EXIT_OK
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
    options = SiteOptions(
        home_page=not has_home, articles_per_page=args.articles_per_page, html_links_to_sources=True, site_language=args.site_language
    )
    pages = render_pages(checked.corpus, options, progress=progress)
    progress.phase("exporting data")
    pages.update(redirect_stubs(checked.corpus, options.site_language))  # Markdown can't redirect: a page that links on
    pages.update(export_files(checked.corpus, args.site_url, site_language=args.site_language))  # data.json, annotations.jsonld
    progress.phase(f"writing {len(pages):,} pages")
    problems = write_pages(out, pages)
    progress.close()
    if problems:
        sys.stderr.write(format_human(problems))
        return EXIT_ERRORS
    if not args.quiet:
        print(f"{_summary(checked)}; wrote {len(pages)} pages to {out}")
    return EXIT_OK

