"""Page weights at 1,000 articles: the heaviest and the median page, gzip bytes; exit 1 if a page is over budget.

    .venv/bin/python benchmarks/page_budget.py                       # builds 1,000 articles
    .venv/bin/python benchmarks/page_budget.py --site /tmp/bench/pagefind-1000/site
    .venv/bin/python benchmarks/page_budget.py --articles 100

A page's weight is its HTML file compressed with gzip at level 6, as a static host sends
it. The assets every page shares (the theme's CSS and JavaScript, explainer.css and
explainer.js) are listed once, apart: after the first page a browser has them cached.
Pagefind's files and Material's `search_index.json` are not pages (benchmarks/search.py
measures what a search moves). Budget (issue 23): no page over 300 kB (300,000 bytes).
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale import machine  # noqa: E402
from search import make_sites  # noqa: E402

BUDGET = 300_000
SHARED = ("assets/stylesheets/main.*.min.css", "assets/javascripts/bundle.*.min.js", "assets/explainer.css", "assets/explainer.js")


def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def kinds(page: str) -> str:
    """A page's kind, by its folder: `claims`, `people`, `graph`..."""
    return page.split("/", 1)[0] if "/" in page else page


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site to weigh (default: build one)")
    parser.add_argument("--articles", type=int, default=1000, help="articles of the site built when --site is not given")
    parser.add_argument("--work", type=Path, help="keep the built project here (default: a temporary folder)")
    parser.add_argument("--heaviest", type=int, default=10, help="how many of the heaviest pages to list")
    args = parser.parse_args()
    work = None
    if args.site is None:
        work = args.work or Path(tempfile.mkdtemp(prefix="explainer-budget-"))
        site = make_sites(args.articles, work, material_too=False)[0]
    else:
        site = args.site
    try:
        pages = {
            p.relative_to(site).as_posix(): gzipped(p)
            for p in sorted(site.rglob("*.html"))
            if not p.relative_to(site).as_posix().startswith("pagefind/")
        }
        shared = {p.relative_to(site).as_posix(): gzipped(p) for pattern in SHARED for p in sorted(site.glob(pattern))}
    finally:
        if work is not None and args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    if not pages:
        sys.exit(f"no pages in {site}")
    heaviest = sorted(pages.items(), key=lambda item: (-item[1], item[0]))
    print(f"Machine: {machine()}")
    print(f"Site: {site} ({len(pages):,} pages)\n")
    print(f"- median page: {statistics.median(pages.values()) / 1000:,.1f} kB gzip")
    print(f"- heaviest page: /{heaviest[0][0]}, {heaviest[0][1] / 1000:,.1f} kB gzip")
    print(f"- shared assets, fetched once: {sum(shared.values()) / 1000:,.1f} kB gzip ({', '.join(shared)})\n")
    print("| kind | pages | median | heaviest |")
    print("| --- | ---: | ---: | ---: |")
    by_kind: dict[str, list[int]] = {}
    for page, size in pages.items():
        by_kind.setdefault(kinds(page), []).append(size)
    for kind, sizes in sorted(by_kind.items(), key=lambda item: -max(item[1])):
        print(f"| {kind} | {len(sizes):,} | {statistics.median(sizes) / 1000:,.1f} kB | {max(sizes) / 1000:,.1f} kB |")
    print(f"\nThe {args.heaviest} heaviest pages:\n")
    for page, size in heaviest[: args.heaviest]:
        print(f"- /{page}: {size / 1000:,.1f} kB")
    over = [(page, size) for page, size in heaviest if size > BUDGET]
    print(f"\nBudget: no page over {BUDGET / 1000:g} kB gzip: {'met' if not over else f'NOT met, {len(over)} pages over it'}")
    sys.exit(1 if over else 0)


if __name__ == "__main__":
    main()
