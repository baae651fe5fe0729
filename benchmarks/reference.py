"""How fast this machine builds plain MkDocs + Material: issue 6's reference figure.

    .venv/bin/python benchmarks/reference.py                 # 5,000 pages, out of the nav, 3 runs
    .venv/bin/python benchmarks/reference.py --pages 2000 --in-nav

Issue 6 gives one figure for the machine it was written on: plain MkDocs + Material builds
about 5,000 pages in about 13 s (2.5 ms a page) when the pages stay out of the nav. The
other benchmarks' seconds depend on the machine they run on, and machines here differ by
more than 2x; this prints the same figure for the machine at hand, so that a result can be
set beside the issue's machine. The pages are small and alike (a heading, three paragraphs,
a link to the next page); the project has no plugin but Material's search, and no nav but
its home page unless `--in-nav`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale import machine  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def write_project(root: Path, pages: int, in_nav: bool) -> None:
    docs = root / "docs"
    (docs / "pages").mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n\nThe reference project.\n", encoding="utf-8")
    for number in range(pages):
        following = (number + 1) % pages
        (docs / "pages" / f"page-{number}.md").write_text(
            f"# Page {number}\n\n"
            f"Paragraph one of page {number}, with *emphasis* and `code`.\n\n"
            f"Paragraph two says that {number} is a number, and links [the next page](page-{following}.md).\n\n"
            "Paragraph three is plain text of about the length of a sentence in an article.\n",
            encoding="utf-8",
        )
    nav = "\n".join(["nav:", "  - index.md", *(f"  - pages/page-{n}.md" for n in range(pages))]) if in_nav else "nav:\n  - index.md"
    (root / "mkdocs.yml").write_text(
        f"site_name: Reference\ntheme:\n  name: material\nplugins:\n  - search\n{nav}\n"
        + ("" if in_nav else 'not_in_nav: |\n  /pages/\n'),
        encoding="utf-8",
    )


def build_seconds(root: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"], cwd=root, env=ENV, capture_output=True, text=True
    )
    seconds = time.perf_counter() - start
    if result.returncode:
        sys.exit(f"mkdocs build failed:\n{result.stderr[-3000:]}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--in-nav", action="store_true", help="list every page in the nav (the quadratic case)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="explainer-reference-"))
    try:
        write_project(work, args.pages, args.in_nav)
        load = os.getloadavg()[0]
        runs = [build_seconds(work) for _ in range(args.repeat)]
        median = statistics.median(runs)
        pages = args.pages + 1  # and the home page
        print(
            f"plain MkDocs {version('mkdocs')} + Material {version('mkdocs-material')}, {pages:,} pages "
            f"{'in' if args.in_nav else 'out of'} the nav: " + ", ".join(f"{s:.1f} s" for s in runs)
            + f"; median {median:.1f} s, {1000 * median / pages:.2f} ms a page (issue 6's machine: ~13 s, ~2.5 ms a page)"
        )
        print(f"machine: {machine()}; load average {load:.2f} at the start, {os.getloadavg()[0]:.2f} at the end")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
