"""`check --format github` and `--format json`: the exact text CI and tools read.

GitHub reads `::error file=F,line=L,col=C,title=T::MESSAGE` from a step's output and
pins it to the pull request's diff. Its escaping rules (actions/toolkit, command.ts):
in the message `%` -> %25, CR -> %0D, LF -> %0A; in a property value also `:` -> %3A
and `,` -> %2C. `%` goes first, so an escape is never escaped twice.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.annotations.diagnostics import Diagnostic, Location, format_github, format_json
from generator.cli import main

A_YAML = """\
people:
  - id: a
    name: A
"""
B_YAML = """\
people:
  - id: a
    name: Another A
  - id: b
    name: B
    wikidata: 42
"""


def run(root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    monkeypatch.chdir(root)
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.yaml").write_text(A_YAML, encoding="utf-8")
    # A name with both property separators and a percent sign, to see the escaping.
    (tmp_path / "seeds" / "b: 100%, really.yaml").write_text(B_YAML, encoding="utf-8")
    return tmp_path


def test_github_format(broken: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(broken, monkeypatch, capsys, "--format", "github")
    assert (code, err) == (1, "")
    assert out == (
        "::error file=seeds/b%3A 100%25%2C really.yaml,line=2,col=9,title=duplicate-id::"
        "people[0].id: the person id 'a' is already defined"
        "%0Anote: seeds/a.yaml:2:9: first defined here"
        "%0Ahint: ids are global per kind; rename one of them\n"
        "::error file=seeds/b%3A 100%25%2C really.yaml,line=6,col=15,title=invalid-value::"
        "people[1].wikidata: Expected a Wikidata item id such as Q22686, but got '42'\n"
    )


def test_json_format(broken: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(broken, monkeypatch, capsys, "--format", "json")
    assert (code, err) == (1, "")
    assert json.loads(out) == [
        {
            "file": "seeds/b: 100%, really.yaml",
            "line": 2,
            "col": 9,
            "severity": "error",
            "code": "duplicate-id",
            "message": "people[0].id: the person id 'a' is already defined",
            "hint": "ids are global per kind; rename one of them",
            "related": [{"file": "seeds/a.yaml", "line": 2, "col": 9, "message": "first defined here"}],
        },
        {
            "file": "seeds/b: 100%, really.yaml",
            "line": 6,
            "col": 15,
            "severity": "error",
            "code": "invalid-value",
            "message": "people[1].wikidata: Expected a Wikidata item id such as Q22686, but got '42'",
            "hint": "",
            "related": [],
        },
    ]
    assert out.endswith("]\n")


def test_clean_run_in_each_format(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.yaml").write_text(A_YAML, encoding="utf-8")
    summary = "ok: 0 documents, 1 people, 0 sources, 0 claims\n"
    assert run(tmp_path, monkeypatch, capsys, "--format", "github") == (0, summary, "")
    assert run(tmp_path, monkeypatch, capsys, "--format", "github", "--quiet") == (0, "", "")
    assert run(tmp_path, monkeypatch, capsys, "--format", "json") == (0, "[]\n", "")


def test_github_escaping_rules() -> None:
    diagnostic = Diagnostic(
        Location("seeds/a,b:c%d.yaml", 3, 7),
        "invalid-value",
        "50% of\r\nthe text: gone, really",
        "first line\nsecond line",
        related=((Location("seeds/x.yaml", 1, 1), "see: here"),),
    )
    assert format_github([diagnostic]) == (
        "::error file=seeds/a%2Cb%3Ac%25d.yaml,line=3,col=7,title=invalid-value::"
        "50%25 of%0D%0Athe text: gone, really%0Anote: seeds/x.yaml:1:1: see: here%0Ahint: first line%0Asecond line\n"
    )


def test_github_levels_and_empty_output() -> None:
    warning = Diagnostic(Location("f.yaml"), "w", "careful", severity="warning")
    info = Diagnostic(Location("f.yaml"), "i", "fyi", severity="info")
    assert format_github([warning, info]) == (
        "::warning file=f.yaml,line=1,col=1,title=w::careful\n::notice file=f.yaml,line=1,col=1,title=i::fyi\n"
    )
    assert format_github([]) == ""
    assert format_json([]) == "[]\n"


def test_json_keeps_text_as_written() -> None:
    diagnostic = Diagnostic(Location("seeds/ü.yaml", 2, 3), "quote-not-found", 'the quote is not in x: "Kyiv – Київ"')
    assert json.loads(format_json([diagnostic]))[0]["message"] == 'the quote is not in x: "Kyiv – Київ"'
    assert "Київ" in format_json([diagnostic])  # UTF-8, not \\u escapes: people read it in logs
