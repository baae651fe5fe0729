"""How long an edit to one annotation file takes to show under `mkdocs serve`.

    .venv/bin/python benchmarks/serve_edit.py --articles 1000 --mode dirty
    .venv/bin/python benchmarks/serve_edit.py --articles 1000 --mode both --edits 3
    .venv/bin/python benchmarks/serve_edit.py --articles 1000 --mode dirty --edit verdict
    .venv/bin/python benchmarks/serve_edit.py --articles 1000 --mode dirty --edit rename

It writes a synthetic corpus (benchmarks/corpus.py) into a copy of this project, starts a
real `mkdocs serve` on 127.0.0.1 (a free port), waits for the first build, then edits the
explanation of one claim in one YAML file and polls that claim's page over HTTP until the
new text is there. The seconds from the write to the changed page are what a person at
the browser waits (the live-reload script reloads the page as soon as the build ends).

Edits: `explanation` rewrites the claim's explanation, which only its own page and its
article's page show; `verdict` also changes its verdict, which the pages around it and the
site-wide pages (claims index, timeline, graph) show, so MkDocs renders those again;
`rename` changes the name of the person quoted in the most articles (in the shared people
file) and polls their page: every page that shows one of their claims changes (36 articles
of the 1,000-article corpus).

Two times per edit: until the page shows the edit, and until MkDocs has also finished the
rebuild and told the browsers to reload ("Reloading browsers" in its log).

Modes: `dirty` runs `mkdocs serve --dirty` (MkDocs re-renders only the files whose
is_modified() says so; the plugin says so only for pages whose content changed);
`full` runs plain `mkdocs serve`, where every rebuild renders every page: MkDocs' floor.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_corpus  # noqa: E402
from scale import ROOT, copy_project  # noqa: E402

POLL_SECONDS = 0.05
FIRST_BUILD_TIMEOUT = 900.0
EDIT_TIMEOUT = 600.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (a local server we started)
            body: bytes = response.read()
            return body.decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, predicate: object, timeout: float, server: subprocess.Popen[bytes]) -> float:
    """Poll until the page satisfies `predicate`; the seconds it took."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if server.poll() is not None:
            sys.exit(f"mkdocs serve exited with {server.returncode}")
        page = fetch(url)
        if page is not None and predicate(page):  # type: ignore[operator]
            return time.perf_counter() - start
        time.sleep(POLL_SECONDS)
    sys.exit(f"timed out after {timeout:.0f} s waiting for {url}")


def build_times(log: Path) -> list[float]:
    return [float(m) for m in re.findall(r"Documentation built in ([0-9.]+) seconds", log.read_text(errors="replace"))]


def reloads(log: Path) -> int:
    """How many rebuilds are over: MkDocs logs this as it tells the browsers to reload. (Not
    "Documentation built", which MkDocs leaves out when it says what the line before said.)"""
    return log.read_text(errors="replace").count("Reloading browsers")


def rename(text: str, person: str, name: str) -> str:
    """The people file with `person`'s name changed."""
    text, count = re.subn(rf'(^  - id: {person}\n    name: )"[^"\n]*"', rf'\1"{name}"', text, count=1, flags=re.MULTILINE)
    assert count == 1, f"{person}'s name was not found"
    return text


def session(project: Path, articles: int, mode: str, edits: int, kind: str) -> list[tuple[float, float, float | None]]:
    """(seconds until the page changed, seconds until the rebuild was over, MkDocs' own build time) for each edit."""
    port = free_port()
    log = project / f"serve-{mode}.log"
    cmd = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]  # live reload on, as people use it
    if mode == "dirty":
        cmd.append("--dirty")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    number = articles // 2  # an article in the middle; its claim 3
    claim = f"claim-{number}-3"
    url = f"http://127.0.0.1:{port}/claims/{claim}/"
    yaml_file = project / "seeds" / f"article-{number}.yaml"
    people_file = project / "seeds" / "people-and-sources.yaml"
    if kind == "rename":  # the person quoted in the most articles, watched on their own page
        quoted = Counter(
            person for f in (project / "seeds").glob("article-*.yaml")
            for person in set(re.findall(r"^    claimant: (\S+)$", f.read_text(encoding="utf-8"), re.MULTILINE))
        )
        (person, named_in), = quoted.most_common(1)
        url = f"http://127.0.0.1:{port}/people/{person}/"
        print(f"  renaming {person}, claimant in {named_in} articles", file=sys.stderr)
    with log.open("wb") as out:
        server = subprocess.Popen(cmd, cwd=project, stdout=out, stderr=subprocess.STDOUT, env=env)
        try:
            first = wait_for(url, lambda page: True, FIRST_BUILD_TIMEOUT, server)
            print(f"  {mode}: first build served after {first:.1f} s", file=sys.stderr)
            results: list[tuple[float, float, float | None]] = []
            for edit in range(edits):
                time.sleep(1.0)  # let the watcher settle after the previous build
                marker = f"edit {edit + 1} under {mode} serve at {time.time_ns()}"  # new text every time
                before = (len(build_times(log)), reloads(log))
                if kind == "rename":
                    edited, text = people_file, rename(people_file.read_text(encoding="utf-8"), person, f"Renamed {marker}")
                    seconds, done = wait_for_edit(edited, text, url, marker, log, before, server)
                    results.append((seconds, done, build_time(log, before[0])))
                    print(f"  {mode}: edit {edit + 1} shown after {seconds:.2f} s, rebuild over after {done:.2f} s", file=sys.stderr)
                    continue
                text = yaml_file.read_text(encoding="utf-8")
                explanation = (
                    f'    explanation: "Figure {number}-3 was *{marker}*, see [the register](https://example.org/r/{number})."'
                )
                text, count = re.subn(rf"^    explanation: \"Figure {number}-3 .*$", explanation, text, flags=re.MULTILINE)
                assert count == 1, "the claim's explanation was not found"
                if kind == "verdict":  # two verdicts that need no evidence, in turn
                    verdict = ("opinion", "unverified")[edit % 2]
                    block = rf"(^  - id: {claim}\n(?:    .*\n|      .*\n)*?)    verdict: \S+"
                    text, count = re.subn(block, rf"\1    verdict: {verdict}", text, count=1, flags=re.MULTILINE)
                    assert count == 1, "the claim's verdict was not found"
                seconds, done = wait_for_edit(yaml_file, text, url, marker, log, before, server)
                results.append((seconds, done, build_time(log, before[0])))
                print(f"  {mode}: edit {edit + 1} shown after {seconds:.2f} s, rebuild over after {done:.2f} s", file=sys.stderr)
            return results
        finally:
            server.send_signal(signal.SIGINT)  # MkDocs shuts down and removes its temporary site
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def build_time(log: Path, builds_before: int) -> float | None:
    """MkDocs' own time for the rebuild after `builds_before` builds, when it logged one."""
    times = build_times(log)
    return times[builds_before] if len(times) > builds_before else None


def wait_for_edit(
    path: Path, text: str, url: str, marker: str, log: Path, before: tuple[int, int], server: subprocess.Popen[bytes]
) -> tuple[float, float]:
    """Write the edit; (seconds until `url` shows `marker`, seconds until MkDocs reloaded the browsers)."""
    start = time.perf_counter()
    path.write_text(text, encoding="utf-8")
    shown = wait_for(url, lambda page: marker in page, EDIT_TIMEOUT, server)
    while reloads(log) <= before[1]:
        if time.perf_counter() - start > EDIT_TIMEOUT or server.poll() is not None:
            sys.exit("the rebuild did not finish")
        time.sleep(POLL_SECONDS)
    return shown, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--mode", choices=("dirty", "full", "both"), default="both")
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--edit", choices=("explanation", "verdict", "rename"), default="explanation", help="what each edit changes")
    parser.add_argument("--work", type=Path, help="keep the project in this folder (default: temporary)")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="explainer-serve-"))
    project = work / f"serve-n{args.articles}"
    # As `make setup` does: the package's bytecode, which an editable install lacks.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "generator")], check=True)
    try:
        copy_project(project)
        write_corpus(project / "seeds", args.articles)
        modes = ["dirty", "full"] if args.mode == "both" else [args.mode]
        print(f"{args.articles:,} articles; load average {os.getloadavg()[0]:.2f} at the start")
        for mode in modes:
            results = session(project, args.articles, mode, args.edits, args.edit)
            shown = [s for s, _, _ in results]
            over = [d for _, d, _ in results]
            built = [b for _, _, b in results if b is not None]
            print(
                f"mkdocs serve{' --dirty' if mode == 'dirty' else ''}, {args.edit} edits: shown after "
                + ", ".join(f"{s:.2f} s" for s in shown)
                + f" (median {statistics.median(shown):.2f} s); rebuild over after "
                + ", ".join(f"{d:.2f} s" for d in over)
                + f" (median {statistics.median(over):.2f} s); MkDocs reported the rebuilds as "
                + (", ".join(f"{b:.2f} s" for b in built) or "n/a")
                + f"; load average {os.getloadavg()[0]:.2f}"
            )
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
