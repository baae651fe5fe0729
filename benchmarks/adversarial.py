"""Adversarial inputs at 1x and 10x: does 10 times the input cost at most 12 times the time?

    .venv/bin/python benchmarks/adversarial.py                  # every shape, 1x and 10x
    .venv/bin/python benchmarks/adversarial.py --shapes long-line,packed-claims --timeout 120

Each shape is a seeds folder a hostile pull request could send, inside every limit of
SECURITY.md (or just past one, to see it refused). For each shape and size it writes a copy
of this project with those seeds and runs, each as a separate process (so the figures do not
depend on how `generator/` is laid out):

- check: `python -m generator check -q`, wall time and exit code;
- build: `mkdocs build --strict`, wall time and exit code.

It prints a Markdown table: the time of each, and the ratio of the 10x time to the 1x time.
The target (issue 24): a ratio of at most 12, or the input refused (non-zero exit) in under a
second with a `path:line:col` error. A run that passes `--timeout` is shown as `>T`. The
`empty` row is a project with one short article: every build pays it (MkDocs, the theme,
the search index), so a ratio near 1 says that the shape's own cost is small against it.
The machine is shared: the load average is printed with the table.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

Seeds = dict[str, str]


def _document(extra: str = "") -> str:
    return f"documents:\n  - id: doc\n    text: doc.txt\n{extra}"


def _sentence(i: int) -> str:
    # Each sentence differs from every other, so each can be quoted once without `occurrence`.
    return f"Speaker {i:06d} said that the figure was {i * 7 % 1000:03d} in the report. "


def _line_of(size: int) -> str:
    """About `size` characters of sentences on one line."""
    out: list[str] = []
    total = 0
    i = 0
    while total < size:
        sentence = _sentence(i)
        out.append(sentence)
        total += len(sentence)
        i += 1
    return "".join(out).rstrip()


PERSON = "people:\n  - id: speaker\n    name: Speaker\n    aliases: [Speaker]\n"


def long_line(n: int) -> Seeds:
    """The whole article on one line (each sentence names a person): 50 KB at 1x."""
    return {"doc.yaml": _document(PERSON), "doc.txt": "Title\n\n" + _line_of(50_000 * n) + "\n"}


def long_line_crlf(n: int) -> Seeds:
    """The same with Windows line endings, which the page leaves to Markdown: 50 KB at 1x."""
    return {"doc.yaml": _document(PERSON), "doc.txt": "Title\r\n\r\n" + _line_of(50_000 * n) + "\r\n"}


def packed_claims(n: int) -> Seeds:
    """200 claims at 1x, each quoting one sentence of a single line of about 100 bytes a claim."""
    count = 200 * n
    claims = "".join(
        f"  - id: c{i}\n    quote: \"{_sentence(i).strip()}\"\n    kind: assertion\n" for i in range(count)
    )
    line = "".join(_sentence(i) for i in range(count)).rstrip()
    return {"doc.yaml": _document(PERSON + "claims:\n" + claims), "doc.txt": "Title\n\n" + line + "\n"}


def _links(count: int) -> Seeds:
    explanation = "[a](https://example.org/) " * count
    claim = f"claims:\n  - id: c\n    quote: Speaker\n    kind: assertion\n    explanation: \"{explanation}\"\n"
    return {"doc.yaml": _document(claim), "doc.txt": "Title\n\nSpeaker spoke.\n"}


def repeated_links(n: int) -> Seeds:
    """An explanation made of one link 10 times at 1x, each followed by a space (100 is the limit)."""
    return _links(10 * n)


def links_past_limit(n: int) -> Seeds:
    """The same, 500 times at 1x: issue 24's case, refused."""
    return _links(500 * n)


def long_words(n: int) -> Seeds:
    """A text of one word of 50,000 letters at 1x, and a role of one word of 500."""
    word = "a" * (50_000 * n)
    person = f"people:\n  - id: speaker\n    name: Speaker\n    role: {'b' * (500 * n)}\n    aliases: [Speaker]\n"
    return {"doc.yaml": _document(person), "doc.txt": f"Title\n\nSpeaker said {word} today.\n"}


# U+0301 (class 230) then U+0316 (class 220): canonical order puts the 220s first, and CPython
# sorts a run of marks by insertion.
_MARKS = "\u0301\u0316"


def combining_marks(n: int) -> Seeds:
    """1,000 words at 1x of letters with 30 combining marks each, the limit, in an order NFC must sort."""
    word = "".join(letter + _MARKS * 15 for letter in "speaker")
    text = "Title\n\nSpeaker said " + " ".join([word] * (1_000 * n)) + " again.\n"
    claim = f"claims:\n  - id: c\n    quote: said {word} {word}\n    occurrence: 1\n    kind: assertion\n"
    return {"doc.yaml": _document(PERSON + claim), "doc.txt": text}


def marks_past_limit(n: int) -> Seeds:
    """Two letters carrying 10,000 marks each at 1x: refused."""
    marks = _MARKS * (5_000 * n)
    return {"doc.yaml": _document(PERSON), "doc.txt": "Title\n\nSpeaker said a" + marks + " and e" + marks + " again.\n"}


def deep_nesting(n: int) -> Seeds:
    """Light Markdown nested deep: 50 levels of block quotes and 10 of lists at 1x, in explanations."""
    quotes = "> " * (50 * n) + "deep"
    lists = "\\n".join("  " * i + "- item" for i in range(10 * n))
    claim = (
        "claims:\n  - id: c\n    quote: Speaker\n    kind: assertion\n"
        f"    explanation: \"{quotes}\"\n  - id: d\n    quote: spoke\n    kind: assertion\n    explanation: \"{lists}\"\n"
    )
    return {"doc.yaml": _document(claim), "doc.txt": "Title\n\nSpeaker spoke.\n"}


def many_aliases(n: int) -> Seeds:
    """One person with 1,000 aliases at 1x, each named once in the text."""
    count = 1_000 * n
    aliases = ", ".join(f"Alias{i}" for i in range(count))
    person = f"people:\n  - id: speaker\n    name: Speaker\n    aliases: [{aliases}]\n"
    body = "\n\n".join(" ".join(f"Alias{i} spoke." for i in range(start, min(count, start + 20))) for start in range(0, count, 20))
    return {"doc.yaml": _document(person), "doc.txt": "Title\n\n" + body + "\n"}


def many_mentions(n: int) -> Seeds:
    """5,000 mentions of one person at 1x, ten to a paragraph, and a claim in every tenth paragraph."""
    count = 500 * n
    paragraphs = [" ".join(f"Speaker {i:06d} {j}." for j in range(10)) for i in range(count)]
    claims = "".join(f"  - id: c{i}\n    quote: \"Speaker {i:06d} 0.\"\n    kind: assertion\n" for i in range(0, count, 10))
    return {"doc.yaml": _document(PERSON + "claims:\n" + claims), "doc.txt": "Title\n\n" + "\n\n".join(paragraphs) + "\n"}


def long_sentence(n: int) -> Seeds:
    """One sentence of 2,000 mentions at 1x: each is listed on the person's page with its sentence."""
    return {"doc.yaml": _document(PERSON), "doc.txt": "Title\n\n" + " and ".join(["Speaker"] * (2_000 * n)) + "\n"}


def quote_everywhere(n: int) -> Seeds:
    """A quote of one letter, in a text of 25,000 of them at 1x, with `occurrence: 1`: refused."""
    claim = "claims:\n  - id: c\n    quote: a\n    occurrence: 1\n    kind: assertion\n"
    return {"doc.yaml": _document(claim), "doc.txt": "Title\n\n" + "a " * (25_000 * n) + "\n"}


def many_files(n: int) -> Seeds:
    """100 annotation files at 1x, each with a person, an article and a claim."""
    seeds: Seeds = {}
    for i in range(100 * n):
        seeds[f"f{i}.yaml"] = (
            f"documents:\n  - id: doc-{i}\n    text: f{i}.txt\n"
            f"people:\n  - id: p-{i}\n    name: Person {i}\n    aliases: [Person{i}]\n"
            f"claims:\n  - id: c-{i}\n    quote: Person{i} said so\n    kind: assertion\n    claimant: p-{i}\n"
        )
        seeds[f"f{i}.txt"] = f"Title {i}\n\nPerson{i} said so.\n"
    return seeds


def long_fields(n: int) -> Seeds:
    """At 1x, a tenth of each limit: a name of 30 characters, a role and a title of 500, an explanation of 2,000."""
    def words(size: int) -> str:
        return ("word " * (size // 5)).strip()

    person = f"people:\n  - id: speaker\n    name: {words(30 * n)}\n    role: {words(500 * n)}\n    aliases: [Speaker]\n"
    claim = (
        f"claims:\n  - id: c\n    quote: Speaker\n    kind: assertion\n    claimant: speaker\n"
        f"    title: {words(500 * n)}\n    explanation: {words(600 * n)} *{words(600 * n)}* [{words(600 * n)}](https://example.org/)\n"
    )
    return {"doc.yaml": _document(person + claim), "doc.txt": "Title\n\nSpeaker spoke.\n"}


def empty(n: int) -> Seeds:
    """One short article: what every build costs."""
    return {"doc.yaml": _document(PERSON), "doc.txt": "Title\n\nSpeaker spoke.\n"}


SHAPES: dict[str, Callable[[int], Seeds]] = {
    "empty": empty,
    "long-line": long_line,
    "long-line-crlf": long_line_crlf,
    "packed-claims": packed_claims,
    "repeated-links": repeated_links,
    "links-past-limit": links_past_limit,
    "long-words": long_words,
    "combining-marks": combining_marks,
    "marks-past-limit": marks_past_limit,
    "deep-nesting": deep_nesting,
    "many-aliases": many_aliases,
    "many-mentions": many_mentions,
    "long-sentence": long_sentence,
    "quote-everywhere": quote_everywhere,
    "many-files": many_files,
    "long-fields": long_fields,
}


@dataclass
class Run:
    seconds: float
    code: int | None  # None: stopped at the timeout

    def show(self, timeout: float) -> str:
        if self.code is None:
            return f">{timeout:.0f}"
        refused = "" if self.code == 0 else " (refused)"
        return f"{self.seconds:.2f}{refused}"


def project(folder: Path, seeds: Seeds) -> Path:
    folder.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", folder / "overrides")
    shutil.copytree(ROOT / "docs", folder / "docs")
    (folder / "docs" / "index.md").write_text("# Explainers\n\n- [Articles](articles/index.md)\n", encoding="utf-8")
    for name, content in seeds.items():
        (folder / "seeds" / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / "seeds" / name).write_text(content, encoding="utf-8")
    return folder


def timed(command: list[str], cwd: Path, timeout: float, log: Path) -> Run:
    start = time.perf_counter()
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            code: int | None = process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)  # the build's rendering child too
            process.wait()
            code = None
    return Run(time.perf_counter() - start, code)


def first_error(log: Path) -> str:
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        if "error[" in line:
            return line.strip()
    return ""


def ratio(small: Run, large: Run) -> str:
    if small.code is None or large.code is None:
        return "-"
    return f"{large.seconds / small.seconds:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shapes", default=",".join(SHAPES), help="comma-separated, from: " + ", ".join(SHAPES))
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds before a run is stopped")
    parser.add_argument("--keep", type=Path, help="write the projects here and keep them (default: a temporary folder)")
    args = parser.parse_args()
    shapes = args.shapes.split(",")
    unknown = [s for s in shapes if s not in SHAPES]
    if unknown:
        parser.error(f"unknown shapes: {', '.join(unknown)}")
    base = args.keep or Path(tempfile.mkdtemp(prefix="adversarial-"))
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f} at the start", flush=True)
    rows = ["| shape | input 1x | input 10x | check 1x | check 10x | ratio | build 1x | build 10x | ratio |", "|---|---|---|---|---|---|---|---|---|"]
    notes: list[str] = []
    try:
        for shape in shapes:
            sizes: list[int] = []
            checks: list[Run] = []
            builds: list[Run] = []
            for n in (1, 10):
                seeds = SHAPES[shape](n)
                folder = project(base / f"{shape}-{n}x", seeds)
                sizes.append(sum(len(content.encode()) for content in seeds.values()))
                checks.append(timed([str(BIN / "python"), "-m", "generator", "check", "-q"], folder, args.timeout, folder / "check.log"))
                builds.append(timed([str(BIN / "mkdocs"), "build", "--strict"], folder, args.timeout, folder / "build.log"))
                if checks[-1].code not in (0, None):
                    notes.append(f"- {shape} {n}x: {first_error(folder / 'check.log')}")
                print(f"{shape} {n}x: check {checks[-1].show(args.timeout)} s, build {builds[-1].show(args.timeout)} s", file=sys.stderr, flush=True)
            rows.append(
                f"| {shape} | {sizes[0]:,} B | {sizes[1]:,} B | {checks[0].show(args.timeout)} | {checks[1].show(args.timeout)} | "
                f"{ratio(*checks)} | {builds[0].show(args.timeout)} | {builds[1].show(args.timeout)} | {ratio(*builds)} |"
            )
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)
    print("\n".join(rows))
    if notes:
        print("\nRefused:\n" + "\n".join(notes))
    print(f"\nload {os.getloadavg()[0]:.2f} at the end; times in seconds, wall clock; ratio = 10x / 1x")


if __name__ == "__main__":
    main()
