"""Property-based fuzzing of `check` and the pages (hypothesis).

Annotation files are generated (entries with valid, naughty, missing and wrongly typed
fields) and mutated (characters inserted, lines deleted, duplicated, re-indented), source
texts are generated with quotes cut from them. For every input:

- `check` returns, never raises, and every diagnostic has a file, a line and a column;
  the human format prints one `file:line:col: error[code]:` line per diagnostic and no
  control character; the GitHub and JSON formats are well formed;
- when `check` accepts the input, every page renders (with the Markdown extensions
  mkdocs.yml enables) to HTML without active content, and each entity's heading shows its
  name or title exactly as typed.

Examples are derandomised (the same on every run) and bounded, so the module takes a few
seconds; set FUZZ_EXAMPLES to run more.
"""

from __future__ import annotations

import html as html_lib
import json
import os
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import pytest
from active_content import scan_html
from conftest import ROOT, SAMPLE_TEXT, SAMPLE_YAML
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data
from test_hostile_input import BILLION_LAUGHS

from generator.annotations.diagnostics import format_github, format_human, format_json
from generator.annotations.pipeline import Checked, check
from generator.pages.site import render_pages

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "60"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)
FIRST_LINE = re.compile(r"^\S[^:]*:\d+:\d+: (error|warning|notice|info)\[[a-z]+(-[a-z]+)*\]: ")
NAUGHTY = [
    s for s in json.loads((Path(__file__).parent / "data" / "blns" / "blns.json").read_text(encoding="utf-8")) if len(s) < 200
]


# --- the properties ---------------------------------------------------------------------


@lru_cache(maxsize=1)
def _markdown_config() -> tuple[list[Any], dict[str, Any]]:
    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    return list(config.markdown_extensions), dict(config.mdx_configs)


def page_html(page: str) -> str:
    """A generated page as MkDocs renders its body (same extensions as mkdocs.yml)."""
    extensions, configs = _markdown_config()
    body, _ = get_data(page)
    return markdown.Markdown(extensions=extensions, extension_configs=configs).convert(body)


class _Heading(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.skip = 0
        self.text: list[str] = []
        self.done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "h1" and not self.done:
            self.depth = 1
        elif self.depth and tag == "a" and ("class", "headerlink") in attrs:
            self.skip = 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1" and self.depth:
            self.depth, self.done = 0, True
        elif tag == "a" and self.skip:
            self.skip = 0

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.text.append(data)


def heading(html: str) -> str:
    parser = _Heading()
    parser.feed(html)
    return "".join(parser.text).strip()


def assert_sound(root: Path) -> Checked:
    checked = check(root / "seeds", root)  # must not raise, whatever the input
    if not checked.ok:
        assert checked.diagnostics
        for d in checked.diagnostics:
            assert d.location.file.startswith("seeds/") and d.location.line >= 1 and d.location.col >= 1, d
        human = format_human(checked.diagnostics, checked.sources)
        firsts = [line for line in human.splitlines() if FIRST_LINE.match(line)]
        assert len(firsts) == len(checked.diagnostics), human[:3000]
        # Tabs stay in the snippets (a terminal shows them as space); nothing else invisible does.
        assert not any(unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") for c in re.sub("[\n\t]", "", human)), human[:3000]
        assert len(format_github(checked.diagnostics).splitlines()) == len(checked.diagnostics)
        assert len(json.loads(format_json(checked.diagnostics))) == len(checked.diagnostics)
        return checked
    assert checked.corpus is not None
    corpus = checked.corpus
    pages = render_pages(corpus)
    for path, page in pages.items():
        if not path.endswith(".md"):
            continue
        html = page_html(page)
        assert scan_html(html, path) == [], (path, page)
    expected = {
        **{f"people/{k}.md": v.entry.name for k, v in corpus.people.items()},
        **{f"sources/{k}.md": v.entry.name for k, v in corpus.sources.items()},
        **{f"articles/{k}.md": corpus.titles[k] for k in corpus.documents},
        **{f"claims/{k}.md": v.entry.title or v.entry.quote for k, v in corpus.claims.items()},
    }
    for path, value in expected.items():
        assert heading(page_html(pages[path])) == " ".join(value.split()), path
    return checked


def record(checked: Checked) -> None:
    """What the example came to, for `--hypothesis-show-statistics`."""
    event("accepted" if checked.ok else f"refused: {checked.diagnostics[0].code}")


def write(root: Path, files: dict[str, str]) -> None:
    seeds = root / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    for old in seeds.iterdir():
        old.unlink()
    for name, content in files.items():
        (seeds / name).write_text(content, encoding="utf-8", newline="")


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


# --- generated annotation files ---------------------------------------------------------

KEYS = [
    "id",
    "name",
    "title",
    "text",
    "quote",
    "kind",
    "claimant",
    "aliases",
    "role",
    "description",
    "summary",
    "explanation",
    "evidence",
    "url",
    "note",
    "via",
    "tags",
    "verdict",
    "related",
    "claim",
    "relation",
    "occurrence",
    "document",
    "type",
    "former_ids",
    "links",
    "wikidata",
    "published",
    "said_on",
    "language",
    "original_wording",
    "affiliation",
    "publisher",
    "source",
    "nmae",
    "onclick",
    "<script>",
    "",
    "NO",
]
YAML_CHARS = st.sampled_from(list(":-[]{}&*!|>'\"%@`#,?\n \t\\~=<") + ["\u202e", "\x1b", "\ufeff", "\u2028", "é", "\u0301", "𝕏"])
text_values = st.one_of(
    st.sampled_from(NAUGHTY),
    st.text(max_size=40),
    st.text(alphabet=YAML_CHARS, max_size=12),
    st.sampled_from(
        [
            "Donald Trump",
            "Trump",
            "Reuters",
            "accurate",
            "other",
            "direct-quote",
            "2025-01-10",
            "https://example.org/x",
            "Q22686",
            "1",
            "NO",
            "~",
            "",
        ]
    ),
)
slugs = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,4}){0,2}", fullmatch=True)
values = st.recursive(
    st.one_of(text_values, slugs, st.none()),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(KEYS), inner, max_size=4)),
    max_leaves=8,
)


def dump_value(value: Any, indent: int) -> str:
    """Block-style YAML by hand, so that strange keys and strings go in as they are (quoted)."""
    pad = " " * indent
    if isinstance(value, dict):
        if not value:
            return " {}\n"
        return "\n" + "".join(f"{pad}{json.dumps(k, ensure_ascii=False)}:{dump_value(v, indent + 2)}" for k, v in value.items())
    if isinstance(value, list):
        if not value:
            return " []\n"
        return "\n" + "".join(f"{pad}-{dump_value(v, indent + 2)}" for v in value)
    if value is None:
        return "\n"
    return f" {json.dumps(value, ensure_ascii=False)}\n"


# Strings with no control or bidi character, so that most generated files pass `check` and
# reach the page properties; hypothesis favours the first of a list, so a plain name leads.
CLEAN = ["Mallory"] + [s for s in NAUGHTY if not re.search(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]", s)]
clean_text = st.one_of(
    st.sampled_from(CLEAN),
    st.text(alphabet=st.characters(exclude_categories=("Cc", "Cs", "Cf")), min_size=1, max_size=30),
)


def maybe(draw: Callable[..., Any], entry: dict[str, Any], key: str, strategy: st.SearchStrategy[Any]) -> None:
    if draw(st.booleans()):
        entry[key] = draw(strategy)


@st.composite
def annotation_files(draw: Callable[..., Any]) -> dict[str, str]:
    """Mostly well-formed entries whose text fields hold naughty strings; now and then not."""
    text_lines = draw(st.lists(clean_text, min_size=1, max_size=6))
    text = "Title\n\n" + "\n\n".join(text_lines) + "\n"
    quote = draw(st.sampled_from([t for t in text_lines if t.strip()] or ["Title"]))
    doc: dict[str, Any] = {"id": "doc", "text": "a.txt"}
    for key in ("title", "summary", "language"):
        maybe(draw, doc, key, clean_text)
    person: dict[str, Any] = {"id": draw(slugs), "name": draw(clean_text)}
    for key in ("role", "affiliation", "description"):
        maybe(draw, person, key, clean_text)
    maybe(draw, person, "aliases", st.lists(clean_text, max_size=3))
    source: dict[str, Any] = {
        "id": draw(slugs),
        "name": draw(clean_text),
        "type": draw(st.sampled_from(["other"] * 5 + ["nope"])),
    }
    maybe(draw, source, "description", clean_text)
    claim: dict[str, Any] = {"id": draw(slugs), "quote": quote, "kind": draw(st.sampled_from(["assertion"] * 5 + ["quote"]))}
    for key in ("title", "explanation", "original_wording"):
        maybe(draw, claim, key, clean_text)
    if draw(st.booleans()):
        claim["claimant"] = person["id"]
        claim["via"] = [source["id"]]
        claim["verdict"] = "disputed"
        claim["evidence"] = [{"url": "https://example.org/e", "title": draw(clean_text), "note": draw(clean_text)}]
    root: dict[str, Any] = {"documents": [doc], "people": [person], "sources": [source], "claims": [claim]}
    if draw(st.integers(0, 9)) == 9:  # now and then a field that does not belong or has the wrong shape
        entry = draw(st.sampled_from([doc, person, source, claim]))
        entry[draw(st.sampled_from(KEYS))] = draw(values)
    yaml_text = "".join(f"{k}:{dump_value(v, 2)}" for k, v in root.items())
    return {"a.yaml": yaml_text, "a.txt": text}


@FUZZ
@given(files=annotation_files())
def test_generated_annotation_files(workspace: Path, files: dict[str, str]) -> None:
    write(workspace, files)
    record(assert_sound(workspace))


@FUZZ
@given(value=values)
def test_any_yaml_shape(workspace: Path, value: Any) -> None:
    write(
        workspace,
        {"a.yaml": "people:" + dump_value(value, 2) if not isinstance(value, dict) else dump_value(value, 0).lstrip("\n")},
    )
    record(assert_sound(workspace))


# --- mutated annotation files --------------------------------------------------------------


@st.composite
def mutated(draw: Callable[..., Any]) -> str:
    text = SAMPLE_YAML
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["insert", "delete", "duplicate-line", "drop-line", "indent", "swap-lines", "replace-value"]))
        lines = text.split("\n")
        at = draw(st.integers(0, max(0, len(text) - 1)))
        row = draw(st.integers(0, len(lines) - 1))
        if op == "insert":
            text = text[:at] + draw(st.text(alphabet=YAML_CHARS, min_size=1, max_size=4)) + text[at:]
        elif op == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 20)) :]
        elif op == "duplicate-line":
            lines.insert(row, lines[row])
            text = "\n".join(lines)
        elif op == "drop-line":
            del lines[row]
            text = "\n".join(lines)
        elif op == "indent":
            lines[row] = " " * draw(st.integers(0, 9)) + lines[row].lstrip(" ")
            text = "\n".join(lines)
        elif op == "swap-lines":
            other = draw(st.integers(0, len(lines) - 1))
            lines[row], lines[other] = lines[other], lines[row]
            text = "\n".join(lines)
        elif ": " in lines[row]:
            key = lines[row].split(": ", 1)[0]
            lines[row] = f"{key}: {json.dumps(draw(st.sampled_from(NAUGHTY)), ensure_ascii=False)}"
            text = "\n".join(lines)
    return text


@FUZZ
@given(yaml_text=mutated())
@example(yaml_text=BILLION_LAUGHS)
@example(yaml_text="people: " + "[" * 50_000 + "]" * 50_000 + "\n")
@example(yaml_text="a: &a [x]\nb: *a\n" * 200)
@example(yaml_text="people:\n  - !!python/object/apply:os.system ['true']\n")
@example(yaml_text=SAMPLE_YAML.replace("text: article.txt", "text: ../../../../etc/passwd"))
@example(yaml_text=SAMPLE_YAML + "\t\n" * 200)
def test_mutated_sample(workspace: Path, yaml_text: str) -> None:
    write(workspace, {"article.yaml": yaml_text, "article.txt": SAMPLE_TEXT})
    record(assert_sound(workspace))


# --- generated source texts -----------------------------------------------------------------


@st.composite
def text_with_quotes(draw: Callable[..., Any]) -> dict[str, str]:
    text = draw(
        st.text(
            alphabet=st.one_of(
                st.sampled_from(list("abc xyz.,;:!?'\"“”‘’–—-\n\n\t#*_[](){}<>|`~=\\&")),
                st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Cf")),
                st.characters(codec="utf-8", exclude_categories=("Cs",)),  # now and then a control character
            ),
            min_size=1,
            max_size=300,
        )
    )
    body = "Title\n\n" + text + "\n"
    claims = []
    for n in range(draw(st.integers(1, 3))):
        start = draw(st.integers(0, len(body) - 1))
        end = draw(st.integers(start + 1, min(len(body), start + 60)))
        claims.append(
            f"  - id: c{n}\n    quote: {json.dumps(body[start:end], ensure_ascii=False)}\n    kind: assertion\n"
            f"    occurrence: {draw(st.integers(1, 3))}\n"
        )
    aliases = json.dumps(
        draw(st.lists(st.text(alphabet=st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=8), max_size=3)),
        ensure_ascii=False,
    )
    yaml_text = (
        f"documents:\n  - id: doc\n    text: a.txt\npeople:\n  - id: p\n    name: P\n    aliases: {aliases}\nclaims:\n"
        + "".join(claims)
    )
    return {"a.yaml": yaml_text, "a.txt": body}


@FUZZ
@given(files=text_with_quotes())
def test_generated_texts_and_quotes(workspace: Path, files: dict[str, str]) -> None:
    write(workspace, files)
    record(assert_sound(workspace))


def test_the_properties_see_accepted_inputs_too(workspace: Path) -> None:
    # The fuzzers above mostly produce refusals; the sample shows the page checks run.
    write(workspace, {"article.yaml": SAMPLE_YAML, "article.txt": SAMPLE_TEXT})
    checked = assert_sound(workspace)
    assert checked.ok
    assert html_lib.unescape(heading(page_html(render_pages(checked.corpus)["people/donald-trump.md"]))) == "Donald Trump"  # type: ignore[arg-type]
