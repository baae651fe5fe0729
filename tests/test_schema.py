"""The JSON Schema of format v1: current, accepted by every seed file, and in agreement
with the checker on what is wrong.

An annotation file is read three ways: by our checker (every value stays text), by an
editor's YAML 1.2 parser (`2` is a number, `2025-01-10` stays text; yaml-language-server's
default), and by YAML 1.1 tools such as PyYAML (`2025-01-10` is a date, which every
YAML-to-JSON step, check-jsonschema's included, turns back into the text). The schema
must accept a good file in all three readings.
"""

from __future__ import annotations

import datetime
import json
import re
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT, SAMPLE_TEXT, SAMPLE_YAML
from jsonschema import Draft7Validator

from generator.annotations.model import SLUG
from generator.annotations.pipeline import check
from generator.annotations.seeds import annotation_files
from generator.annotations.yaml_strict import load_yaml
from generator.cli import main
from generator.open_data.schema import SCHEMA_PATH, schema_text

SCHEMA_FILE = ROOT / SCHEMA_PATH
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)\n")


class Yaml12Loader(yaml.SafeLoader):
    """PyYAML with the YAML 1.2 core schema's implicit types, as editors read a file."""


Yaml12Loader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in [
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
     list("-+.0123456789")),
]:
    Yaml12Loader.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(_pattern), _first)


def as_json(value: Any) -> Any:
    """What a YAML-to-JSON step makes of PyYAML's dates: their ISO text."""
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def readings(text: str) -> dict[str, Any]:
    strict = load_yaml("x.yaml", text)
    assert not strict.diagnostics
    return {
        "checker": strict.value,
        "yaml-1.2 editor": yaml.load(text, Loader=Yaml12Loader),  # noqa: S506 - a SafeLoader subclass
        "pyyaml safe_load": as_json(yaml.safe_load(text)),
    }


@pytest.fixture(scope="module")
def validator() -> Draft7Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    Draft7Validator.check_schema(schema)
    return Draft7Validator(schema, format_checker=Draft7Validator.FORMAT_CHECKER)


def schema_errors(validator: Draft7Validator, text: str) -> dict[str, list[str]]:
    return {name: [e.message for e in validator.iter_errors(value)] for name, value in readings(text).items()}


def checker_codes(tmp_path: Path, text: str) -> list[str]:
    seeds = tmp_path / "seeds"
    seeds.mkdir(exist_ok=True)
    (seeds / "article.txt").write_text(SAMPLE_TEXT, encoding="utf-8")
    (seeds / "article.yaml").write_text(text, encoding="utf-8")
    return [d.code for d in check(seeds, tmp_path).diagnostics]


# --- the committed file --------------------------------------------------------------


def test_committed_schema_is_current() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), f"run: python -m generator schema --out {SCHEMA_PATH}"


def test_schema_text_is_deterministic_and_sorted() -> None:
    text = schema_text()
    assert text == schema_text()
    assert text.endswith("}\n")
    assert text == json.dumps(json.loads(text), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def test_schema_check_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["schema", "--check"]) == 0
    stale = tmp_path / "schema.json"
    stale.write_text("{}\n", encoding="utf-8")
    assert main(["schema", "--check", "--out", str(stale)]) == 1
    assert "the schema is out of date; run: python -m generator schema --out" in capsys.readouterr().err
    assert main(["schema", "--out", str(stale)]) == 0
    assert stale.read_text(encoding="utf-8") == schema_text()
    assert main(["schema", "--check", "--out", str(stale)]) == 0
    capsys.readouterr()
    assert main(["schema"]) == 0
    assert capsys.readouterr().out == schema_text()


# --- seed files ------------------------------------------------------------------------

SEED_FILES = annotation_files(ROOT / "seeds")


def test_there_are_seed_files() -> None:
    assert SEED_FILES


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name)
def test_every_seed_file_names_the_schema_on_its_first_line(path: Path) -> None:
    match = MODELINE.match(path.read_text(encoding="utf-8"))
    assert match, "the first line must be: # yaml-language-server: $schema=../schema/annotations.schema.json"
    assert (path.parent / match.group(1)).resolve() == SCHEMA_FILE.resolve()


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name)
def test_the_schema_accepts_every_seed_file(validator: Draft7Validator, path: Path) -> None:
    errors = schema_errors(validator, path.read_text(encoding="utf-8"))
    assert errors == {"checker": [], "yaml-1.2 editor": [], "pyyaml safe_load": []}


def test_the_schema_accepts_what_annotators_write(validator: Draft7Validator, tmp_path: Path) -> None:
    # Unquoted dates, a bare number, an id and a title of digits: all fine for the checker.
    text = SAMPLE_YAML.replace("    claimant: dmitry-peskov", "    occurrence: 1\n    claimant: dmitry-peskov")
    text = text.replace("    name: TASS\n", "    name: 1984\n").replace("  - id: tass\n", "  - id: 2024\n")
    text = text.replace("[TASS]", "[TASS, 1984]")
    assert "published: 2025-01-10" in text and "occurrence: 1" in text
    assert checker_codes(tmp_path, text) == []
    assert schema_errors(validator, text) == {"checker": [], "yaml-1.2 editor": [], "pyyaml safe_load": []}


# --- what the schema rejects, and the checker with it ---------------------------------

BASE = """\
documents:
  - id: trump-putin
    text: article.txt
people:
  - id: donald-trump
    name: Donald Trump
claims:
  - id: no-request
    quote: "No, there was no request."
    kind: direct-quote
"""

BAD = {
    # name: (text replaced, replacement, the checker's code)
    "id with capitals": ("  - id: donald-trump", "  - id: Donald-Trump", "invalid-id"),
    "id with underscore": ("  - id: donald-trump", "  - id: donald_trump", "invalid-id"),
    "id with double hyphen": ("  - id: donald-trump", "  - id: donald--trump", "invalid-id"),
    "id ending in a hyphen": ("  - id: donald-trump", "  - id: donald-trump-", "invalid-id"),
    "id index": ("  - id: donald-trump", "  - id: index", "invalid-id"),
    "id of 81 characters": ("  - id: donald-trump", "  - id: " + "a" * 81, "invalid-id"),
    "negative id": ("  - id: donald-trump", "  - id: -1", "invalid-id"),
    "date without padding": ("    kind: direct-quote", "    kind: direct-quote\n    said_on: 2025-1-9", "invalid-date"),
    "date in words": ("    kind: direct-quote", '    kind: direct-quote\n    said_on: "9 January 2025"', "invalid-date"),
    "javascript url": ("    text: article.txt", "    text: article.txt\n    url: javascript:alert(1)", "invalid-url"),
    "ftp url": ("    text: article.txt", "    text: article.txt\n    url: ftp://example.org/x", "invalid-url"),
    "url without a host": ("    text: article.txt", "    text: article.txt\n    url: https:///x", "invalid-url"),
    "verdict not a slug": ("    kind: direct-quote", "    kind: direct-quote\n    verdict: Accurate", "invalid-value"),
    "unknown kind": ("    kind: direct-quote", "    kind: quote", "invalid-value"),
    "occurrence 0": ("    kind: direct-quote", "    kind: direct-quote\n    occurrence: 0", "invalid-value"),
    "occurrence in words": ("    kind: direct-quote", "    kind: direct-quote\n    occurrence: two", "invalid-value"),
    "wikidata without Q": ("    name: Donald Trump", "    name: Donald Trump\n    wikidata: 22686", "invalid-value"),
    "unknown field": ("    kind: direct-quote", "    kind: direct-quote\n    claimnt: donald-trump", "unknown-field"),
    "unknown top-level key": ("people:", "persons:", "unknown-field"),
    "empty name": ("    name: Donald Trump", '    name: " "', "invalid-value"),
    "a text where a list belongs": ("    name: Donald Trump", "    name: Donald Trump\n    aliases: Trump", "wrong-type"),
    "missing kind": ("    kind: direct-quote\n", "", "missing-field"),
}


def test_the_base_file_is_clean(validator: Draft7Validator, tmp_path: Path) -> None:
    assert checker_codes(tmp_path, BASE) == []
    assert schema_errors(validator, BASE) == {"checker": [], "yaml-1.2 editor": [], "pyyaml safe_load": []}


@pytest.mark.parametrize("name", sorted(BAD))
def test_schema_and_checker_reject_together(validator: Draft7Validator, tmp_path: Path, name: str) -> None:
    old, new, code = BAD[name]
    assert BASE.count(old) == 1
    text = BASE.replace(old, new)
    assert code in checker_codes(tmp_path, text)
    for reading, errors in schema_errors(validator, text).items():
        assert errors, f"the schema accepts {name!r} as read by the {reading}"


def test_a_verdict_the_scale_lacks_is_for_the_checker_alone(validator: Draft7Validator, tmp_path: Path) -> None:
    # A desk defines its own verdict ids (format 1.1), which one file's schema cannot know.
    text = BASE.replace("    kind: direct-quote", "    kind: direct-quote\n    verdict: correct")
    assert schema_errors(validator, text) == {"checker": [], "yaml-1.2 editor": [], "pyyaml safe_load": []}
    assert checker_codes(tmp_path, text) == ["invalid-value"]


def test_an_id_with_a_trailing_newline_is_refused(tmp_path: Path) -> None:
    # Editors match patterns as ECMA-262, where `$` is the very end; Python's `re` (and so
    # jsonschema here) lets `$` match before a final newline, so only the checker is tested.
    assert "invalid-id" in checker_codes(tmp_path, BASE.replace("  - id: donald-trump", '  - id: "donald-trump\\n"'))


def test_the_schema_explains_fields_with_the_model_descriptions() -> None:
    schema = json.loads(schema_text())
    claim = schema["definitions"]["Claim"]["properties"]
    assert claim["said_on"]["description"] == "Optional date it was said, `YYYY-MM-DD`."
    assert claim["verdict"]["pattern"] == SLUG.pattern and claim["verdict"]["default"] == "unverified"
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert textwrap.shorten(schema["description"], 40) == "One YAML file under `seeds/`; each [...]"
