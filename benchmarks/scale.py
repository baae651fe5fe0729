"""Build times at 10, 100 and 1,000 articles, against plain MkDocs + Material on the same pages.

    .venv/bin/python benchmarks/scale.py                     # sizes 10, 100, 1000; one run each
    .venv/bin/python benchmarks/scale.py --sizes 10,100 --repeat 3 --json out.json

For each size it writes a synthetic corpus (benchmarks/corpus.py) into a copy of this
project and measures, each as a separate process:

- check: `python -m generator check -q`, wall time;
- full build: `mkdocs build --strict` with the explainer plugin, wall time and peak memory,
  and, from the same run, the time spent inside the plugin's hooks: those that generate the
  pages (the generator's own work, with the time MkDocs waited for the entity pages as it
  read them, and the time taken receiving them from the rendering process, which the plugin
  counts outside its hooks) apart from the site swap (the build goes into a folder
  beside the site folder, which replaces the previous site once the build has succeeded;
  deleting the previous site is what MkDocs' clean step does at the start of a plain build).
  From the second run of `--repeat` on, each build replaces the site of the run before;
- baseline: the same Markdown pages, written by `python -m generator build --out`, built by
  a plain MkDocs project with the same theme, extensions, CSS and JavaScript but no explainer
  plugins (so with Material's own search indexing every page, where the full build has
  Pagefind index the built site); the generated entity pages are kept out of the nav there
  too (`not_in_nav`), as the plugin does.

With `--repeat N` each measurement is the median of N runs. It prints a Markdown table,
the targets of issue 6, and the machine and its load, which matter: the machine is shared.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from importlib.metadata import version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import sizes_for, write_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
# The plugin's hooks that build into a folder beside the site folder and, once the build has
# succeeded, swap it in and delete the previous site: the deletion MkDocs' own clean step
# does at the start of a plain build (the baseline's), so it is shown apart from the generator.
SWAP_HOOKS = ("on_config", "on_post_build", "on_build_error")


@dataclass
class Measured:
    seconds: float
    peak_mb: float
    load: float  # 1-minute load average when it started


@dataclass
class Row:
    articles: int
    people: int
    sources: int
    claims: int
    pages: int
    check_s: float
    generator_s: float  # inside the plugin's hooks that generate the pages, and its work MkDocs waited for outside them
    swap_s: float  # inside its hooks that build beside the site folder and then swap it in
    full_s: float
    full_peak_mb: float
    baseline_s: float
    baseline_peak_mb: float
    max_load: float

    @property
    def ms_per_page(self) -> float:
        return 1000 * self.full_s / self.pages

    @property
    def baseline_ms_per_page(self) -> float:
        return 1000 * self.baseline_s / self.pages

    @property
    def generator_share(self) -> float:
        return self.generator_s / self.full_s

    @property
    def vs_baseline(self) -> float:
        return self.full_s / self.baseline_s


def run(cmd: list[str], cwd: Path, log: Path) -> Measured:
    """Run a command to completion; its wall time and its own peak resident memory."""
    load = os.getloadavg()[0]
    start = time.perf_counter()
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env=ENV)
        _, status, usage = os.wait4(proc.pid, 0)  # this child's rusage, not all children's
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        sys.exit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{log.read_text(errors='replace')[-3000:]}")
    return Measured(elapsed, usage.ru_maxrss / 1024, load)  # ru_maxrss is in KiB on Linux


def copy_project(dest: Path) -> None:
    dest.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    for folder in ("overrides", "docs"):
        shutil.copytree(ROOT / folder, dest / folder)
    # The real home page links claims of the seed article, which a synthetic corpus does not
    # have: `mkdocs build --strict` then did all its work and aborted at the end on those
    # links, so the site was never swapped in (tests/conftest.py's projects do the same).
    (dest / "docs" / "index.md").write_text("# Explainers\n\n- [Articles](articles/index.md)\n", encoding="utf-8")


def without_explainer(config: str) -> str:
    """mkdocs.yml with the `- explainer` plugin entry (and its options), `- explainer-search` and
    `watch:` removed: plain MkDocs + Material, whose own search indexes every page."""
    out: list[str] = []
    skipping_deeper_than: int | None = None
    for line in config.splitlines():
        indent = len(line) - len(line.lstrip())
        if skipping_deeper_than is not None:
            if line.strip() and indent <= skipping_deeper_than:
                skipping_deeper_than = None
            else:
                continue
        if line.split(" #", 1)[0].strip() in ("- explainer", "- explainer:", "- explainer-search", "watch:"):
            skipping_deeper_than = indent
            continue
        out.append(line)
    return "\n".join(out) + "\n"


def make_baseline(dest: Path, seeds: Path) -> int:
    """A plain MkDocs project holding the generated Markdown; returns its number of pages."""
    copy_project(dest)
    generated = dest / "docs"
    before = {p.relative_to(generated).as_posix() for p in generated.rglob("*.md")}
    run(
        [sys.executable, "-m", "generator", "build", "--seeds", str(seeds), "--out", str(generated), "-q"],
        dest,
        dest / "generate.log",
    )
    pages = sorted(p.relative_to(generated).as_posix() for p in generated.rglob("*.md"))
    # The plugin keeps entity pages (`<section>/<id>.md`) out of the nav; say the same here.
    folders = sorted({p.split("/")[0] for p in pages if p.count("/") == 1 and p not in before})
    patterns = [line for f in folders for line in (f"/{f}/*.md", f"!/{f}/index.md")]
    config = without_explainer((dest / "mkdocs.yml").read_text(encoding="utf-8"))
    config += "not_in_nav: |\n" + "".join(f"  {p}\n" for p in patterns)
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    return len(pages)


def median(runs: list[Measured]) -> Measured:
    return Measured(
        statistics.median(r.seconds for r in runs), statistics.median(r.peak_mb for r in runs), max(r.load for r in runs)
    )


def measure(articles: int, work: Path, repeat: int) -> Row:
    size_dir = work / f"n{articles}"
    project = size_dir / "project"
    copy_project(project)
    write_corpus(project / "seeds", articles)
    pages = make_baseline(size_dir / "baseline", project / "seeds")
    checks, fulls, baselines, plugin, swaps = [], [], [], [], []
    for i in range(repeat):
        note(f"{articles} articles, run {i + 1}/{repeat}: check")
        checks.append(run([sys.executable, "-m", "generator", "check", "-q"], project, size_dir / "check.log"))
        note(f"{articles} articles, run {i + 1}/{repeat}: full build")
        hooks = size_dir / "hooks.json"
        fulls.append(
            run(
                [sys.executable, str(HERE / "timed_build.py"), str(hooks), "--", "build", "--strict", "-q"],
                project,
                size_dir / "full.log",
            )
        )
        timed = json.loads(hooks.read_text())
        spent = timed["hooks"]
        swap = sum(spent.get(hook, 0.0) for hook in SWAP_HOOKS)
        plugin.append(sum(spent.values()) - swap + timed["outside_hooks_s"])
        swaps.append(swap)
        note(f"{articles} articles, run {i + 1}/{repeat}: baseline build")
        baselines.append(
            run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], size_dir / "baseline", size_dir / "baseline.log")
        )
    check, full, base = median(checks), median(fulls), median(baselines)
    sizes = sizes_for(articles)
    claims = sum((project / "seeds" / f"article-{n}.yaml").read_text().count("\n  - id: claim-") for n in range(articles))
    return Row(
        articles,
        sizes.people,
        sizes.sources,
        claims,
        pages,
        check.seconds,
        statistics.median(plugin),
        statistics.median(swaps),
        full.seconds,
        full.peak_mb,
        base.seconds,
        base.peak_mb,
        max(check.load, full.load, base.load),
    )


def note(message: str) -> None:
    print(f"... {message}", file=sys.stderr, flush=True)


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown CPU",
    )
    mem = next((line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")), "0")
    return (
        f"{cpu}, {os.cpu_count()} cores, {int(mem) / 1024 / 1024:.0f} GiB; {platform.platform()}; "
        f"Python {platform.python_version()}, MkDocs {version('mkdocs')}, Material {version('mkdocs-material')}"
    )


def table(rows: list[Row]) -> str:
    head = (
        "| articles | people | sources | claims | pages | check | generator | site swap | full build | ms/page | peak memory "
        "| baseline build | baseline ms/page | baseline peak | full / baseline | generator share | max load |\n"
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"
    )
    return head + "".join(
        f"| {r.articles:,} | {r.people} | {r.sources} | {r.claims:,} | {r.pages:,} | {r.check_s:.2f} s "
        f"| {r.generator_s:.2f} s | {r.swap_s:.2f} s | {r.full_s:.1f} s | {r.ms_per_page:.2f} | {r.full_peak_mb:.0f} MB "
        f"| {r.baseline_s:.1f} s | {r.baseline_ms_per_page:.2f} "
        f"| {r.baseline_peak_mb:.0f} MB | {r.vs_baseline:.2f}× | {100 * r.generator_share:.1f} % | {r.max_load:.2f} |\n"
        for r in rows
    )


def targets(rows: list[Row]) -> str:
    largest = rows[-1]
    lines = [
        f"- generator's own work at {largest.articles:,} articles: {100 * largest.generator_share:.1f} % of the full build "
        f"(target ≤ 5 %): {'met' if largest.generator_share <= 0.05 else 'NOT met'}; "
        f"with the site swap, {100 * (largest.generator_s + largest.swap_s) / largest.full_s:.1f} %",
        f"- peak memory at {largest.articles:,} articles: {largest.full_peak_mb:.0f} MB (target < 1024 MB): "
        f"{'met' if largest.full_peak_mb < 1024 else 'NOT met'}",
    ]
    for small, big in zip(rows, rows[1:], strict=False):
        growth = big.full_s / small.full_s
        factor = big.articles / small.articles
        lines.append(
            f"- {small.articles:,} → {big.articles:,} articles ({factor:g}× the articles): {growth:.2f}× the time "
            f"(target ≤ {1.1 * factor:g}×): {'met' if growth <= 1.1 * factor else 'NOT met'}"
        )
    for r in rows:
        lines.append(
            f"- {r.articles:,} articles: {r.vs_baseline:.2f}× plain MkDocs + Material (target ≤ 1.15×): "
            f"{'met' if r.vs_baseline <= 1.15 else 'NOT met'}"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10,100,1000", help="article counts, comma-separated")
    parser.add_argument("--repeat", type=int, default=1, help="runs per measurement; the median is reported")
    parser.add_argument("--work", type=Path, help="keep the projects in this folder (default: a temporary one, removed)")
    parser.add_argument("--json", type=Path, help="also write the rows as JSON")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    # As `make setup` does: the package's bytecode, which an editable install lacks.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "generator")], check=True)
    work = args.work or Path(tempfile.mkdtemp(prefix="explainer-bench-"))
    if args.work and work.exists() and any(work.iterdir()):
        sys.exit(f"{work} is not empty")
    try:
        rows = [measure(n, work, args.repeat) for n in sizes]
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    print(f"Machine: {machine()}")
    print(f"Runs per measurement: {args.repeat} (median); load average now: {', '.join(f'{x:.2f}' for x in os.getloadavg())}\n")
    print(table(rows))
    print(targets(rows))
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in rows], indent=1) + "\n")


if __name__ == "__main__":
    main()
