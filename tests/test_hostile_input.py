"""Hostile annotation files and source texts: refused fast with a clear error, or shown inert.

Annotations and texts come from strangers' pull requests; `mkdocs.yml` and the code are
trusted. Each test is one attack, the file that carries it, and the exact answer: the
diagnostic `check` prints, or the fragment the built page shows.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

import pytest
from active_content import Baseline, scan_html, scan_site
from conftest import SAMPLE_TEXT, SAMPLE_YAML, Project, make_project
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data
from pagefind_fragments import indexed_pages

from generator.annotations.diagnostics import format_human
from generator.annotations.pipeline import Checked, check
from generator.annotations.seeds import MAX_TEXT_BYTES, MAX_YAML_BYTES
from generator.annotations.yaml_strict import load_yaml
from generator.pages.site import render_pages

PERSON = "people:\n  - id: someone\n    name: Someone\n"


def run(root: Path, files: dict[str, str | bytes]) -> Checked:
    for name, content in files.items():
        path = root / "seeds" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return check(root / "seeds", root)


def lines(root: Path, files: dict[str, str | bytes]) -> list[str]:
    """The first line of each diagnostic, as `check` prints it."""
    return [line for line in format_human(run(root, files).diagnostics).splitlines() if not line.startswith(" ")]


# --- YAML that would explode, execute or mislead ---------------------------------------

BILLION_LAUGHS = "".join(
    [
        'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n',
        *(f"{b}: &{b} [{','.join(['*' + a] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi", strict=True)),
    ]
)


def test_an_alias_bomb_is_refused_without_being_expanded(tmp_path: Path) -> None:
    # 342 bytes; composed, `i` would be 9**9 = 387,420,489 strings. The strict loader never
    # builds a node from an alias: every anchor and alias is an error of its own.
    assert len(BILLION_LAUGHS.encode()) < 500
    loaded = load_yaml("seeds/bomb.yaml", BILLION_LAUGHS)
    assert isinstance(loaded.value, dict) and loaded.value["i"] == [None] * 9  # an alias is never followed
    found = lines(tmp_path, {"bomb.yaml": BILLION_LAUGHS})
    assert len(found) == 9 + 8 * 9
    assert found[:3] == [
        "seeds/bomb.yaml:1:4: error[yaml-anchor]: anchors (&a) are not allowed",
        "seeds/bomb.yaml:2:4: error[yaml-anchor]: anchors (&b) are not allowed",
        "seeds/bomb.yaml:2:8: error[yaml-anchor]: aliases (*a) are not allowed",
    ]
    assert all("error[yaml-anchor]" in line for line in found)


def test_an_alias_bomb_inside_an_annotation_file_is_refused_the_same_way(tmp_path: Path) -> None:
    bomb = "".join("      " + line + "\n" for line in BILLION_LAUGHS.splitlines())
    found = lines(tmp_path, {"a.yaml": f"people:\n  - id: x\n    name: N\n    role:\n{bomb}    affiliation: *i\n"})
    assert len(found) == 9 + 8 * 9 + 1 and all("error[yaml-anchor]" in line for line in found)


def test_merge_keys_are_aliases_too(tmp_path: Path) -> None:
    found = lines(tmp_path, {"a.yaml": "base: &base {name: A}\npeople:\n  - <<: *base\n    id: a\n"})
    assert found == [
        "seeds/a.yaml:1:7: error[yaml-anchor]: anchors (&base) are not allowed",
        "seeds/a.yaml:3:9: error[yaml-anchor]: aliases (*base) are not allowed",
    ]


def test_yaml_tags_are_refused_and_never_constructed(tmp_path: Path) -> None:
    marker = tmp_path / "executed"
    text = (
        "people:\n"
        f'  - !!python/object/apply:os.system ["touch {marker}"]\n'
        "  - id: !!str x\n"
        "    name: !custom y\n"
        "    role: !!binary aGVsbG8=\n"
    )
    # A tag is dropped and the value read as typed, so the file's other problems come too.
    assert lines(tmp_path, {"a.yaml": text}) == [
        "seeds/a.yaml:2:5: error[wrong-type]: people[0]: Expected a mapping, but got a list",
        "seeds/a.yaml:2:5: error[yaml-tag]: YAML tags (!!python/object/apply:os.system) are not allowed",
        "seeds/a.yaml:3:9: error[yaml-tag]: YAML tags (!!str) are not allowed",
        "seeds/a.yaml:4:11: error[yaml-tag]: YAML tags (!custom) are not allowed",
        "seeds/a.yaml:5:11: error[yaml-tag]: YAML tags (!!binary) are not allowed",
    ]
    assert not marker.exists()


def test_a_duplicate_key_is_refused_with_both_places(tmp_path: Path) -> None:
    checked = run(tmp_path, {"a.yaml": PERSON + "    name: Someone Else\n"})
    assert format_human(checked.diagnostics, checked.sources) == (
        "seeds/a.yaml:4:5: error[yaml-duplicate-key]: duplicate key 'name': the first value is kept, this one is ignored\n"
        "    4 |     name: Someone Else\n"
        "      |     ^\n"
        "    note: seeds/a.yaml:3:5: 'name' first defined here\n"
        "    hint: a key may appear once in a mapping; remove one of them\n"
    )


def test_a_file_with_a_duplicate_key_is_still_read_and_its_other_problems_reported(tmp_path: Path) -> None:
    # The first value is kept: checks and links see `name: Someone`, and the claim that names
    # the person in another file is no second error.
    files: dict[str, str | bytes] = {
        "a.yaml": PERSON + "    name: Someone Else\n    wikidata: Q0\n",
        "b.yaml": "documents:\n  - id: doc\n    text: b.txt\n"
        "claims:\n  - id: c\n    quote: Someone spoke\n    kind: assertion\n    claimant: someone\n    kind: paraphrase\n"
        "    verdit: accurate\n",
        "b.txt": "Title\n\nSomeone spoke.\n",
    }
    assert lines(tmp_path, files) == [
        "seeds/a.yaml:4:5: error[yaml-duplicate-key]: duplicate key 'name': the first value is kept, this one is ignored",
        "seeds/a.yaml:5:15: error[invalid-value]: people[0].wikidata: Expected a Wikidata item id such as Q22686, but got 'Q0'",
        "seeds/b.yaml:9:5: error[yaml-duplicate-key]: duplicate key 'kind': the first value is kept, this one is ignored",
        "seeds/b.yaml:10:5: error[unknown-field]: claims[0].verdit: unknown field 'verdit'",
    ]


def test_after_an_alias_the_file_is_not_checked_further(tmp_path: Path) -> None:
    # The alias leaves a hole where its value should be: "missing field" there would be noise.
    assert lines(tmp_path, {"a.yaml": "people:\n  - id: a\n    name: *n\n    nmae: typo\n"}) == [
        "seeds/a.yaml:3:11: error[yaml-anchor]: aliases (*n) are not allowed"
    ]


def test_values_stay_the_text_that_was_typed(tmp_path: Path) -> None:
    # PyYAML reads NO as false, 0123 as 83, 1.10 as 1.1 and ~ as null.
    checked = run(
        tmp_path,
        {
            "a.yaml": "people:\n  - id: no\n    name: NO\n    role: 1.10\n    affiliation: 0123\n"
            "    aliases: [yes, off, 2025-01-10, '~']\n"
        },
    )
    assert checked.ok, checked.diagnostics
    assert checked.corpus is not None
    person = checked.corpus.people["no"].entry
    assert (person.name, person.role, person.affiliation, person.aliases) == (
        "NO",
        "1.10",
        "0123",
        ["yes", "off", "2025-01-10", "~"],
    )


# --- characters that hide what a text says -------------------------------------------


def test_tabs_are_refused(tmp_path: Path) -> None:
    assert lines(tmp_path, {"a.yaml": "people:\n\t- id: a\n  - id: b\n    name: B\tC\n"}) == [
        "seeds/a.yaml:2:1: error[yaml-tab]: tab characters are not allowed",
        "seeds/a.yaml:4:12: error[yaml-tab]: tab characters are not allowed",
    ]


def test_control_and_bidi_characters_are_refused_as_typed(tmp_path: Path) -> None:
    found = lines(tmp_path, {"a.yaml": PERSON + "    role: \x1b[31mred\n    affiliation: abc\u202edef\n"})
    assert found == [
        "seeds/a.yaml:4:11: error[control-character]: the character U+001B is not allowed in annotation files",
        "seeds/a.yaml:5:21: error[control-character]: the character U+202E is not allowed in annotation files",
    ]


@pytest.mark.parametrize(
    ("escape", "code_point"),
    [
        ("\\e[31m", "001B"),
        ("\\u202e", "202E"),
        ("\\u2066", "2066"),
        ("\\t", "0009"),
        ("\\x07", "0007"),
        ("\\0", "0000"),
        ("\\r", "000D"),
        ("\\ud800", "D800"),  # a lone surrogate: no page holding it could be written
    ],
)
def test_control_and_bidi_characters_are_refused_when_written_as_escapes(tmp_path: Path, escape: str, code_point: str) -> None:
    # The file itself is clean; the double-quoted escape makes the character.
    assert lines(tmp_path, {"a.yaml": PERSON + f'    role: "a{escape}b"\n'}) == [
        f"seeds/a.yaml:4:11: error[control-character]: the character U+{code_point} (written as an escape) "
        "is not allowed in annotation files"
    ]


def test_an_escaped_bidi_override_in_a_key_is_refused(tmp_path: Path) -> None:
    assert lines(tmp_path, {"a.yaml": PERSON + '    "ro\\u202ele": x\n'}) == [
        "seeds/a.yaml:4:5: error[control-character]: the character U+202E (written as an escape) "
        "is not allowed in annotation files",
        "seeds/a.yaml:4:5: error[unknown-field]: people[0].ro\\u202ele: unknown field 'ro\\u202ele'",
    ]


def test_characters_yaml_cannot_carry_are_refused_with_their_place(tmp_path: Path) -> None:
    assert lines(tmp_path, {"a.yaml": PERSON + "    role: ab\ufffe\n"}) == [
        "seeds/a.yaml:4:13: error[yaml-syntax]: the character U+FFFE cannot be written in a YAML file"
    ]


def test_control_and_bidi_characters_in_a_source_text_are_refused(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "a.yaml": "documents:\n  - id: doc\n    text: a.txt\n",
        "a.txt": "Title\n\nTabs\tand CR\r\nare fine; \u202eevil\u202c and \x1b[2J are not.\n",
    }
    assert lines(tmp_path, files) == [
        "seeds/a.txt:4:11: error[control-character]: the character U+202E is not allowed in a source text",
        "seeds/a.txt:4:16: error[control-character]: the character U+202C is not allowed in a source text",
        "seeds/a.txt:4:22: error[control-character]: the character U+001B is not allowed in a source text",
    ]


def test_a_flood_of_problems_is_cut_short(tmp_path: Path) -> None:
    found = lines(tmp_path, {"a.yaml": "a:\n" + "\t\n" * 100_000})
    assert len(found) == 101
    assert found[-1] == (
        "seeds/a.yaml:102:1: error[too-many-problems]: more problems like the ones above are in this file; "
        "only the first 100 are shown"
    )
    files: dict[str, str | bytes] = {
        "a.yaml": "documents:\n  - id: doc\n    text: a.txt\n",
        "a.txt": "Title\n" + "\x07" * 1_000_000,
    }
    found = lines(tmp_path, files)
    assert len(found) == 101 and "error[too-many-problems]" in found[-1]


def test_messages_show_escapes_instead_of_breaking_lines_or_reaching_the_terminal(tmp_path: Path) -> None:
    checked = run(tmp_path, {"a.yaml": 'people:\n  - id: "x\\nseeds/fake.yaml:1:1: error[fake]: forged"\n    name: N\n'})
    output = format_human(checked.diagnostics, checked.sources)
    assert output.splitlines()[0] == (
        "seeds/a.yaml:2:9: error[invalid-id]: people[0].id: 'x\\nseeds/fake.yaml:1:1: error[fake]: forged' is not a valid id: "
        "use lowercase letters, digits and single hyphens (a slug)"
    )
    assert not any(line.startswith("seeds/fake.yaml") for line in output.splitlines())
    checked = run(tmp_path, {"a.yaml": PERSON + "    role: a\u202eb\n"})
    snippet = format_human(checked.diagnostics, checked.sources).splitlines()[1]
    assert snippet == "    4 |     role: a\ufffdb"
    assert not any(
        unicodedata.category(c) in ("Cc", "Cf") for c in format_human(checked.diagnostics, checked.sources).replace("\n", "")
    )


# --- sizes and nesting ----------------------------------------------------------------


def test_nesting_too_deep_is_refused_at_the_first_level_too_deep(tmp_path: Path) -> None:
    # 200 kB of brackets: both YAML parsers slow down with every open level (this took
    # minutes); the loader stops at the thirteenth.
    deep = "people:\n  - id: a\n    name: " + "[" * 100_000 + "]" * 100_000 + "\n"
    assert lines(tmp_path, {"a.yaml": deep}) == [
        "seeds/a.yaml:3:20: error[yaml-too-deep]: values are nested more than 12 levels deep"
    ]
    unclosed = "people: " + "{a: " * 100_000 + "\n"
    assert lines(tmp_path, {"a.yaml": unclosed}) == [
        "seeds/a.yaml:1:53: error[yaml-too-deep]: values are nested more than 12 levels deep"
    ]
    block = "people:\n" + "".join("  " * i + "- \n" for i in range(1, 40))
    assert lines(tmp_path, {"a.yaml": block}) == [
        "seeds/a.yaml:13:25: error[yaml-too-deep]: values are nested more than 12 levels deep"
    ]


def test_files_over_the_size_limit_are_refused_unread(tmp_path: Path) -> None:
    big_yaml = PERSON + "    role: " + "x" * MAX_YAML_BYTES + "\n"
    assert lines(tmp_path, {"a.yaml": big_yaml}) == [
        f"seeds/a.yaml:1:1: error[file-too-large]: the file has {len(big_yaml)} bytes; the limit is {MAX_YAML_BYTES}"
    ]
    (tmp_path / "seeds" / "a.yaml").unlink()
    files: dict[str, str | bytes] = {"b.yaml": "documents:\n  - id: doc\n    text: b.txt\n", "b.txt": "x" * (MAX_TEXT_BYTES + 1)}
    assert lines(tmp_path, files) == [
        f"seeds/b.txt:1:1: error[file-too-large]: the file has {MAX_TEXT_BYTES + 1} bytes; the limit is {MAX_TEXT_BYTES}"
    ]


def test_bytes_that_are_not_utf8_are_refused_with_their_place(tmp_path: Path) -> None:
    assert lines(tmp_path, {"a.yaml": PERSON.encode() + b"    role: caf\xe9\n"}) == [
        "seeds/a.yaml:4:14: error[text-encoding]: the file is not valid UTF-8"
    ]


# --- ids, aliases and paths -------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    ["Donald-Trump", "donald_trump", "dönald", "ｄｏｎａｌｄ", "a--b", "-a", "a-", "../etc", "a/b", "a b", "a.md", "ıd"],
)
def test_an_id_must_be_a_slug(tmp_path: Path, value: str) -> None:
    found = lines(tmp_path, {"a.yaml": f"people:\n  - id: '{value}'\n    name: N\n    former_ids: ['{value}']\n"})
    message = "is not a valid id: use lowercase letters, digits and single hyphens (a slug)"
    assert found == [
        f"seeds/a.yaml:2:9: error[invalid-id]: people[0].id: '{value}' {message}",
        f"seeds/a.yaml:4:18: error[invalid-id]: people[0].former_ids[0]: '{value}' {message}",
    ]


def test_ids_cannot_collide_after_case_folding(tmp_path: Path) -> None:
    # Page paths come from ids; on a case-insensitive disk `People/X` and `people/x` would be
    # one file. Only lowercase ASCII slugs are ids, so the upper-case one is refused.
    found = lines(
        tmp_path, {"a.yaml": "people:\n  - id: Mallory\n    name: M\n", "b.yaml": "people:\n  - id: mallory\n    name: M\n"}
    )
    assert found == [
        "seeds/a.yaml:2:9: error[invalid-id]: people[0].id: 'Mallory' is not a valid id: "
        "use lowercase letters, digits and single hyphens (a slug)"
    ]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Jos\u00e9", "Jose\u0301"),  # composed and decomposed é
        ("Peskov\u2019s", "Peskov's"),  # curly and straight apostrophe
        ("Vladimir  Putin", "Vladimir Putin"),  # runs of white space
        ("Ulyanov\u2013Lenin", "Ulyanov-Lenin"),  # en dash and hyphen
    ],
)
def test_aliases_that_match_the_same_words_are_one_alias(tmp_path: Path, first: str, second: str) -> None:
    # Matching normalises both the text and the alias, so these would point the same
    # mention at two pages; they are the same alias.
    files: dict[str, str | bytes] = {
        "a.yaml": f'people:\n  - id: a\n    name: A\n    aliases: ["{first}"]\n'
        f'sources:\n  - id: b\n    name: B\n    type: other\n    aliases: ["{second}"]\n'
    }
    assert lines(tmp_path, files) == [
        f"seeds/a.yaml:9:15: error[duplicate-alias]: sources[0].aliases[0]: the alias '{second}' also belongs to the person 'a'"
    ]


def test_aliases_that_differ_in_case_are_different_aliases(tmp_path: Path) -> None:
    # Matching is case-sensitive (the format says so): TASS the agency, Tass the surname.
    files: dict[str, str | bytes] = {
        "a.yaml": "documents:\n  - id: doc\n    text: a.txt\npeople:\n  - id: p\n    name: Anna Tass\n    aliases: [Tass]\n"
        "sources:\n  - id: s\n    name: TASS\n    type: news-agency\n    aliases: [TASS]\n",
        "a.txt": "Title\n\nTASS quoted Tass.\n",
    }
    checked = run(tmp_path, files)
    assert checked.ok and checked.corpus is not None
    assert [(m.kind, m.entity) for m in checked.corpus.mentions["doc"]] == [("sources", "s"), ("people", "p")]


@pytest.mark.parametrize("path", ["../outside.txt", "sub/../../outside.txt", "/etc/hostname", "link.txt", "linked-dir/inner.txt"])
def test_a_text_path_must_stay_inside_seeds_even_through_links(tmp_path: Path, path: str) -> None:
    (tmp_path / "outside.txt").write_text("Secret\n", encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "inner.txt").write_text("Secret\n", encoding="utf-8")
    (tmp_path / "seeds" / "sub").mkdir(parents=True)
    os.symlink(tmp_path / "outside.txt", tmp_path / "seeds" / "link.txt")
    os.symlink(tmp_path / "elsewhere", tmp_path / "seeds" / "linked-dir")
    found = lines(tmp_path, {"a.yaml": f"documents:\n  - id: doc\n    text: '{path}'\n"})
    assert found == [
        f"seeds/a.yaml:3:11: error[text-outside-seeds]: documents[0].text: the text '{path}' is outside the seeds folder"
    ]


def test_an_annotation_file_linked_from_outside_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "secret.yaml").write_text("people:\n  - id: x\n    name: Secret\n", encoding="utf-8")
    os.symlink(tmp_path / "secret.yaml", tmp_path / "seeds" / "a.yaml")
    assert lines(tmp_path, {}) == [
        "seeds/a.yaml:1:1: error[text-outside-seeds]: the file links to a place outside the seeds folder"
    ]


def test_an_unknown_field_says_what_was_meant(tmp_path: Path) -> None:
    found = lines(tmp_path, {"a.yaml": "peopel:\n  - id: a\npeople:\n  - id: b\n    nmae: B\n    onclick: alert(1)\n"})
    assert found == [
        "seeds/a.yaml:1:1: error[unknown-field]: unknown top-level key 'peopel'",
        "seeds/a.yaml:4:5: error[missing-field]: people[0]: missing required field 'name'",
        "seeds/a.yaml:5:5: error[unknown-field]: people[0].nmae: unknown field 'nmae'",
        "seeds/a.yaml:6:5: error[unknown-field]: people[0].onclick: unknown field 'onclick'",
    ]
    checked = run(tmp_path, {})
    hints = [d.hint for d in checked.diagnostics]
    assert hints[0] == "did you mean 'people'?" and hints[2] == "did you mean 'name'?"
    assert hints[3].startswith("allowed fields: id, former_ids, name, aliases")


# --- light Markdown and URLs ------------------------------------------------------------

UNSAFE_MARKDOWN = [
    ("<script>alert(1)</script>", "raw HTML is not allowed in light Markdown"),
    ("<img src=x onerror=alert(1)>", "raw HTML is not allowed in light Markdown"),
    ("<javascript:alert(1)>", "raw HTML is not allowed in light Markdown"),
    ("[x](javascript:alert(1))", "links may only point to http(s) URLs, but got 'javascript:alert(1)'"),
    ("[x](JaVaScRiPt:alert(1))", "links may only point to http(s) URLs, but got 'JaVaScRiPt:alert(1)'"),
    ("[x](data:text/html,hi)", "links may only point to http(s) URLs, but got 'data:text/html,hi'"),
    ("[x]: javascript:alert(1)\n\n[y][x]", "links may only point to http(s) URLs, but got 'javascript:alert(1)'"),
    ("![x](https://example.org/x.png)", "images are not allowed in light Markdown"),
    ("*x*{: onclick=alert(1) }", "attribute lists ({: …}) are not allowed in light Markdown"),
    ("text { onclick=alert(1) }", "attribute lists ({: …}) are not allowed in light Markdown"),
]


@pytest.mark.parametrize(("value", "problem"), UNSAFE_MARKDOWN)
def test_unsafe_light_markdown_is_an_error_not_silently_dropped(tmp_path: Path, value: str, problem: str) -> None:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    found = lines(tmp_path, {"a.yaml": PERSON + f'    description: "{escaped}"\n'})
    assert found[0].startswith(f"seeds/a.yaml:4:18: error[unsafe-markdown]: people[0].description: {problem}")


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "data:text/html,hi",
        "vbscript:x",
        "file:///etc/passwd",
        "//example.org/x",
        "https:example.org",
        "http://exa mple.org/",
    ],
)
def test_only_http_urls_are_accepted(tmp_path: Path, url: str) -> None:
    assert lines(tmp_path, {"a.yaml": PERSON + f"    links: ['{url}']\n"}) == [
        f"seeds/a.yaml:4:13: error[invalid-url]: people[0].links[0]: Expected an http(s) URL, but got '{url}'"
    ]


# --- what an accepted hostile file becomes ------------------------------------------------

FLAG = "window.__pwned=1"
HOSTILE_YAML = f"""\
documents:
  - id: hostile
    text: hostile.txt
    title: "</title><script>{FLAG}</script> &lt;script&gt;{FLAG}&lt;/script&gt;"
    summary: "Summary with {{{{ config }}}} and {{% include 'base.html' %}}"
    language: 'en" onload="{FLAG}'
  - id: front-matter
    text: front-matter.txt
people:
  - id: mallory
    name: "<img src=x onerror={FLAG}> Mallory {{ onclick={FLAG} }}"
    aliases: [Mallory]
    role: '--8<-- "mkdocs.yml"'
    affiliation: "{{: onclick={FLAG} }} &#123; onclick={FLAG} &#125;"
    description: "\\\\[x\\\\](javascript:{FLAG}) {{{{ config.site_name }}}}"
sources:
  - id: evil-news
    name: "&lt;/title&gt;&lt;script&gt;{FLAG}&lt;/script&gt;"
    type: other
    aliases: [Evil News]
    description: "&#91;x&#93;(javascript:{FLAG})"
claims:
  - id: the-claim
    document: hostile
    quote: "Mallory said the moon is cheese."
    kind: direct-quote
    claimant: mallory
    via: [evil-news]
    title: "</title><script>{FLAG}</script>"
    original_wording: "{{% include 'base.html' %}} {{{{ config }}}}"
    verdict: inaccurate
    explanation: "Escaped brackets: \\\\[x\\\\](javascript:{FLAG})"
    evidence:
      - url: "https://example.org/a\\"><script>{FLAG}</script>"
        source: evil-news
        title: "<b onmouseover={FLAG}>x</b>"
        note: "\\\\[click\\\\](javascript:{FLAG}) &#123; onclick={FLAG} &#125;"
"""
HOSTILE_TEXT = f"""\
The moon

Mallory said the moon is cheese. {{{{ config }}}} {{% include "base.html" %}}

--8<-- "mkdocs.yml"

<script>{FLAG}</script> [x](javascript:{FLAG}) {{ onclick={FLAG} }} Evil News reported it.
"""
FRONT_MATTER_TEXT = f"""\
---
title: <script>{FLAG}</script>
description: "<script>{FLAG}</script>"
---

Mallory was here.
"""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Project, Baseline]:
    benign = make_project(tmp_path_factory.mktemp("benign") / "project")
    benign.write("seeds/article.txt", SAMPLE_TEXT)
    benign.write("seeds/article.yaml", SAMPLE_YAML)
    assert benign.build().returncode == 0
    project = make_project(tmp_path_factory.mktemp("hostile") / "project")
    (project.seeds / "hostile.yaml").write_text(HOSTILE_YAML, encoding="utf-8")
    (project.seeds / "hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    (project.seeds / "front-matter.txt").write_text(FRONT_MATTER_TEXT, encoding="utf-8")
    result = project.build()
    assert result.returncode == 0, result.stderr
    return project, Baseline.of(benign.root / "site")


def body_text(html: str) -> str:
    """The page's article text, tags dropped and entities decoded once (what a reader sees)."""
    import html as html_lib

    article = html.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]
    return html_lib.unescape(re.sub(r"<[^>]+>", "", article))


def test_no_hostile_value_becomes_active_content(hostile: tuple[Project, Baseline]) -> None:
    project, baseline = hostile
    assert scan_site(project.root / "site", baseline) == []


def test_the_title_element_shows_markup_from_a_heading_as_text(hostile: tuple[Project, Baseline]) -> None:
    # Material prints the title through `striptags`, which decodes `&lt;script&gt;` back into a
    # live tag; overrides/main.html escapes it again.
    project, _ = hostile
    claim = project.html("claims/the-claim")
    assert f"<title>&lt;/title&gt;&lt;script&gt;{FLAG}&lt;/script&gt; - Explainers</title>" in claim
    source = project.html("sources/evil-news")
    assert f"<title>&amp;lt;/title&amp;gt;&amp;lt;script&amp;gt;{FLAG}&amp;lt;/script&amp;gt; - Explainers</title>" in source


def test_escaped_brackets_in_a_note_stay_text_and_make_no_link(hostile: tuple[Project, Baseline]) -> None:
    # A regression: the note was placed in a line of Markdown after sanitising, and
    # `\[click\](javascript:…)` came back as a live javascript: link.
    project, _ = hostile
    html = project.html("claims/the-claim")
    assert "javascript:" not in re.sub(r">[^<]*<", "><", html)  # only in text, never in markup
    text = body_text(html)
    assert f"[click](javascript:{FLAG}) {{ onclick={FLAG} }}" in text
    assert f"Escaped brackets: [x](javascript:{FLAG})" in text


def test_braces_in_plain_fields_add_no_attributes(hostile: tuple[Project, Baseline]) -> None:
    project, baseline = hostile
    html = project.html("people/mallory")
    assert f"<img src=x onerror={FLAG}> Mallory {{ onclick={FLAG} }}" in body_text(html)
    assert f"{{: onclick={FLAG} }} &#123; onclick={FLAG} &#125;" in body_text(html)  # a plain field shows what was typed
    assert scan_html(html, "people/mallory", allowed_scripts=baseline.scripts, allowed_tags=baseline.tags) == []


def test_template_and_snippet_syntax_are_shown_not_run(hostile: tuple[Project, Baseline]) -> None:
    project, _ = hostile
    article = body_text(project.html("articles/hostile"))
    assert '{{ config }} {% include "base.html" %}' in article
    assert '--8<-- "mkdocs.yml"' in article
    assert "Summary with {{ config }} and {% include 'base.html' %}" in article
    assert '--8<-- "mkdocs.yml"' in body_text(project.html("people/mallory"))
    assert "{% include 'base.html' %} {{ config }}" in body_text(project.html("claims/the-claim"))
    everything = "\n".join(p.read_text(encoding="utf-8") for p in (project.root / "site").rglob("*.html"))
    assert "omitted_files" not in everything  # a line of mkdocs.yml, had the snippet been included


def test_front_matter_in_a_text_is_text(hostile: tuple[Project, Baseline]) -> None:
    project, _ = hostile
    html = project.html("articles/front-matter")
    assert "<title>--- - Explainers</title>" in html
    assert f"title: <script>{FLAG}</script>" in body_text(html)
    assert 'content="Annotated news articles' in html  # the site's description, not the text's


def test_no_generated_page_can_carry_front_matter(hostile: tuple[Project, Baseline]) -> None:
    project, _ = hostile
    checked = check(project.seeds, project.root)
    assert checked.corpus is not None
    # Some pages set trusted front matter (`hide:`); no annotation value may reach it, or a
    # `title:` or `description:` written there would print unescaped into <title> and <meta>.
    for path, markdown in render_pages(checked.corpus).items():
        if path.endswith(".md"):
            meta = get_data(markdown)[1]
            assert FLAG not in repr(meta) and "Mallory" not in repr(meta), path
            assert not {"title", "description"} & set(meta), path


def test_the_search_index_keeps_markup_as_text(hostile: tuple[Project, Baseline]) -> None:
    """Pagefind's index holds each page's text: markup typed in an annotation is there as the
    characters typed, which the search box shows as text (tests/browser/test_search.py)."""
    project, _ = hostile
    index = indexed_pages(project.root / "site")
    assert any("</title><script>" in page["meta"]["title"] for page in index.values())


def test_mkdocs_yml_enables_nothing_that_includes_files_or_runs_code() -> None:
    config = load_config(config_file=str(Path(__file__).parent.parent / "mkdocs.yml"))
    risky_extensions = {"pymdownx.snippets", "markdown_include.include", "mdx_include", "markdown_exec", "pymdownx.arithmatex"}
    assert not risky_extensions & set(config.markdown_extensions)
    assert not {"macros", "markdown-exec", "mkdocs-simple-hooks", "exec"} & set(config.plugins)
