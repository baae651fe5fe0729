"""Golden cases: a small seeds folder in, the exact `check` output out.

Each folder under tests/golden/ holds a `seeds/` folder and `expected.txt` (the exit code,
then everything `python -m generator check` prints). Run with UPDATE_GOLDEN=1 to rewrite
the expected files, then read the diff.

A case with a `base/` folder as well is a change: `base/` is committed as `seeds/` in a
fresh git repository, `seeds/` replaces it in the working tree, and the output is that of
`python -m generator check --base HEAD`.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from generator.cli import main

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p.name for p in GOLDEN.iterdir() if (p / "seeds").is_dir())


def run_in(folder: Path, argv: list[str]) -> str:
    out, err = io.StringIO(), io.StringIO()
    cwd = Path.cwd()
    os.chdir(folder)
    try:
        with redirect_stdout(out), redirect_stderr(err):
            code = main(argv)
    finally:
        os.chdir(cwd)
    return f"exit {code}\n{out.getvalue()}{err.getvalue()}"


def git(folder: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=golden", "-c", "user.email=golden@localhost", "-c", "init.defaultBranch=main", *args],
        cwd=folder, check=True, capture_output=True,
    )


def run_check(case: Path) -> str:
    if not (case / "base").is_dir():
        return run_in(case, ["check"])
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shutil.copytree(case / "base", work / "seeds")
        git(work, "init", "-q")
        git(work, "add", "seeds")
        git(work, "commit", "-q", "-m", "base")
        shutil.rmtree(work / "seeds")
        shutil.copytree(case / "seeds", work / "seeds")
        return run_in(work, ["check", "--base", "HEAD"])


@pytest.mark.parametrize("name", CASES)
def test_golden(name: str) -> None:
    case = GOLDEN / name
    actual = run_check(case)
    expected_file = case / "expected.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        expected_file.write_text(actual, encoding="utf-8")
    assert actual == expected_file.read_text(encoding="utf-8")


def test_every_diagnostic_code_has_a_golden_case() -> None:
    pinned: set[str] = set()
    for name in CASES:
        pinned |= set(re.findall(r"(?:error|warning|notice)\[([a-z-]+)\]", (GOLDEN / name / "expected.txt").read_text(encoding="utf-8")))
    assert sorted(KNOWN_CODES - pinned) == []


# Every code `check` can report. Codes only the build can report (page-collision) are tested elsewhere.
KNOWN_CODES = {
    "yaml-syntax", "yaml-multiple-documents", "yaml-anchor", "yaml-tag", "yaml-too-deep", "yaml-key",
    "yaml-duplicate-key", "yaml-tab", "control-character", "file-too-large", "text-encoding",
    "text-outside-seeds", "unknown-field", "missing-field", "invalid-value", "wrong-type", "invalid-id",
    "invalid-date", "invalid-url", "unsafe-markdown", "duplicate-id", "unknown-ref", "text-not-found",
    "missing-evidence", "quote-not-found", "quote-ambiguous", "duplicate-alias", "too-many-problems",
    "anchor-moved", "anchor-fuzzy", "anchor-orphaned", "anchor-lock-invalid", "too-long", "combining-marks",
    "correction-before-review", "uncorrected-verdict-change", "correction-mismatch", "published-claim-removed",
    "unknown-verdict", "verdict-kind", "duplicate-scale",
}
