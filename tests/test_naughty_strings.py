"""Every naughty string, in every field and in the source text, builds an inert site.

The Big List of Naughty Strings (tests/data/blns, MIT) plus payloads aimed at this stack
(Python-Markdown, attr_list, Material's templates, Jinja, snippets) go through every plain
and light-Markdown field of every kind and into the source texts. Strings the format
refuses (control and bidi characters, blank values, unsafe light Markdown) are checked to
be refused with a clear error; all others build a site whose pages, search index and data
files carry no active content, checked by parsing the HTML and by loading the pages in
headless Chromium with a flag that any injected script would set.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from active_content import Baseline, scan_site
from conftest import SAMPLE_TEXT, SAMPLE_YAML, Project, make_project

from generator.annotations import light_markdown
from generator.annotations.limits import MAX_NAME_CHARS
from generator.annotations.pipeline import check
from generator.annotations.text_checks import forbidden_characters
from generator.annotations.text_spans import SourceText, normalise

BLNS = Path(__file__).parent / "data" / "blns" / "blns.json"
FLAG = "__pwned"

# Aimed at this stack; each would set the flag if it ever ran.
PAYLOADS = [
    f"<script>window.{FLAG}=1</script>",
    f'<img src=x onerror="window.{FLAG}=1">',
    f'"><svg onload="window.{FLAG}=1">',
    f"'><body onload='window.{FLAG}=1'>",
    f"javascript:window.{FLAG}=1",
    f"[click](javascript:window.{FLAG}=1)",
    f"\\[click\\](javascript:window.{FLAG}=1)",
    f"&#91;click&#93;(javascript:window.{FLAG}=1)",
    f"[click](JaVaScRiPt:window.{FLAG}=1)",
    f"<javascript:window.{FLAG}=1>",
    f"[x]: javascript:window.{FLAG}=1\n\n[click][x]",
    f'text {{ onclick="window.{FLAG}=1" }}',
    f"text {{: onmouseover=window.{FLAG}=1 }}",
    f"&#123; onclick=window.{FLAG}=1 &#125;",
    f"&lt;script&gt;window.{FLAG}=1&lt;/script&gt;",
    f"&amp;lt;script&amp;gt;window.{FLAG}=1&amp;lt;/script&amp;gt;",
    f"</title><script>window.{FLAG}=1</script>",
    f"</script><script>window.{FLAG}=1</script>",
    f"</textarea><script>window.{FLAG}=1</script>",
    "<!--",
    "-->",
    "<![CDATA[",
    "{{ config }}",
    "{% include 'base.html' %}",
    "{{ ''.__class__.__mro__ }}",
    '--8<-- "mkdocs.yml"',
    '--8<-- "/etc/passwd"',
    f"---\ntitle: <script>window.{FLAG}=1</script>\n---",
    f"title: <script>window.{FLAG}=1</script>",
    "<div markdown>*x*</div>",
    f"| a | b |\n| --- | --- |\n| <script>window.{FLAG}=1</script> | x |",
    f"`<script>window.{FLAG}=1</script>`",
    f"```\n<script>window.{FLAG}=1</script>\n```",
    f"    <script>window.{FLAG}=1</script>",
    f'<a href="javascript:window.{FLAG}=1">x</a>',
    "[x](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+)",
    f'[x](https://example.org/"onmouseover="window.{FLAG}=1)',
    f'<https://example.org/"onmouseover="window.{FLAG}=1>',
    f'[x](https://example.org/ "t\\" onmouseover=window.{FLAG}=1")',
    f"[x](https://example.org/)&#123; onclick=window.{FLAG}=1 &#125;",
    f"*x*{{ onclick=window.{FLAG}=1 }}",
    f"\u2028<script>window.{FLAG}=1</script>",
    "*[HTML]: <script>",
    "<style>body{display:none}</style>",
    f'<iframe srcdoc="<script>parent.{FLAG}=1</script>"></iframe>',
    f"<math><mtext><table><mglyph><style><img src=x onerror=window.{FLAG}=1>",
    f"\\<script\\>window.{FLAG}=1\\</script\\>",
    "# heading\n\n## another",
    "1. list\n2. items",
    "> quote\n\n***",
    "Setext\n===",
]


def strings() -> list[str]:
    return list(dict.fromkeys(json.loads(BLNS.read_text(encoding="utf-8")) + PAYLOADS))


def has_forbidden(value: str) -> bool:
    return next(forbidden_characters(value), None) is not None


def unreadable(value: str) -> bool:
    """Characters YAML itself cannot carry (PyYAML's reader refuses them)."""
    return "\ufffe" in value or "\uffff" in value


def accepted() -> list[str]:
    """Strings every plain field takes: no control, bidi or non-character, not blank."""
    return [s for s in strings() if s.strip() and not has_forbidden(s) and not unreadable(s)]


def yaml_string(value: str) -> str:
    """A double-quoted YAML scalar holding exactly `value` (line-break characters escaped)."""
    out = []
    for char in value:
        if char in '"\\':
            out.append("\\" + char)
        elif char in "\n\x85\u2028\u2029\ufeff":
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def marker(number: int) -> str:
    letters = ""
    while True:
        number, digit = divmod(number, 26)
        letters += "abcdefghijklmnopqrstuvwxyz"[digit]
        if not number:
            break
    return f"Marker qqz{letters}"


def groups(values: list[str], size: int) -> list[list[str]]:
    return [values[at : at + size] for at in range(0, len(values), size)]


# `language` becomes `lang` and `dir` on every page that shows the text when it is a language
# tag (text_language), and stays plain text otherwise: every third document gets a naughty
# string there, the others a tag.
LANGUAGES = ("en", "ar", "ru", "he", "zh-Hant")


def naughty_seeds(values: list[str], group_size: int = 1) -> dict[str, str]:
    """Files for `seeds/`: one document, person, source and claim per group of strings.

    A field holds its group's strings one paragraph each ("\n\n" between them), so each
    string still starts a block in light Markdown; the text has each in a paragraph of its own.
    """
    files: dict[str, str] = {}
    lines: dict[str, list[str]] = {"documents": [], "people": [], "sources": [], "claims": []}
    aliases: set[str] = set()
    for i, group in enumerate(groups(values, group_size)):
        value = "\n\n".join(group)
        v = yaml_string(value)
        # Light-Markdown fields take the strings light Markdown accepts, as long as they
        # are still accepted together (a link definition in one, its use in another).
        light_group: list[str] = []
        for s in group:
            if not light_markdown.problems("\n\n".join([*light_group, s])):
                light_group.append(s)
        light = yaml_string("\n\n".join(light_group)) if light_group else ""
        # A name holds as many of them as fit its limit (it is written again on every mention).
        name_group: list[str] = []
        for s in group:
            if len("\n\n".join([*name_group, s])) <= MAX_NAME_CHARS:
                name_group.append(s)
        name = yaml_string("\n\n".join(name_group))
        tag = marker(i)
        prefix = f"{tag} opens this text.\n\n"
        text = prefix + "".join(s + "\n\n" for s in group) + f"{tag} closes it.\n"
        files[f"d-{i}.txt"] = text
        language = v if i % 3 == 0 else LANGUAGES[i % len(LANGUAGES)]
        lines["documents"] += [f"  - id: d-{i}", f"    text: d-{i}.txt", f"    title: {v}", f"    language: {language}"]
        lines["people"] += [f"  - id: p-{i}", f"    name: {name}", f"    role: {v}", f"    affiliation: {v}"]
        lines["sources"] += [f"  - id: s-{i}", f"    name: {name}", "    type: other"]
        own = []
        for s in group:
            key = normalise(s)
            if key and key not in aliases:
                aliases.add(key)
                own.append(yaml_string(s))
        if own:
            lines["people"].append(f"    aliases: [{', '.join(own)}]")
        if light:
            lines["documents"].append(f"    summary: {light}")
            lines["people"].append(f"    description: {light}")
            lines["sources"].append(f"    description: {light}")
        lines["claims"] += [
            f"  - id: c-{i}",
            f"    document: d-{i}",
            f'    quote: "{tag} opens this text."',
            "    kind: paraphrase",
            f"    claimant: p-{i}",
            f"    via: [s-{i}]",
            f"    title: {v}",
            f"    original_wording: {v}",
            "    verdict: disputed",
            "    tags: [naughty]",
            "    evidence:",
            f"      - url: https://example.org/evidence/{i}",
            f"        source: s-{i}",
            f"        title: {v}",
        ]
        if light:
            lines["claims"] += [f"        note: {light}", f"    explanation: {light}"]
        # A string as the quote too (and so as the claim's title), where it can be told
        # apart from the rest of its text.
        start = len(prefix)
        for s in group:
            spans = SourceText(text).find_all(s)
            picks = [n for n, span in enumerate(spans, 1) if start <= span.start and span.end <= start + len(s)]
            if picks:
                lines["claims"] += [
                    f"  - id: q-{i}",
                    f"    document: d-{i}",
                    f"    quote: {yaml_string(s)}",
                    f"    occurrence: {picks[0]}",
                    "    kind: direct-quote",
                    f"    claimant: p-{i}",
                ]
                break
            start += len(s) + 2
    files["naughty.yaml"] = "".join(f"{kind}:\n" + "\n".join(entries) + "\n" for kind, entries in lines.items())
    return files


GROUP_SIZE = 12  # strings per entry: each field holds a dozen, one paragraph each


@pytest.fixture(scope="module")
def naughty_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Project, Baseline]:
    benign = make_project(tmp_path_factory.mktemp("benign") / "project")
    benign.write("seeds/article.txt", SAMPLE_TEXT)
    # In another language than the site's, as most naughty documents are: the elements that mark
    # a document's words (a graph label's <tspan lang>) are then benign ones too.
    benign.write("seeds/article.yaml", SAMPLE_YAML.replace("    published: 2025-01-10\n", "    published: 2025-01-10\n    language: ru\n"))
    result = benign.build()
    assert result.returncode == 0, result.stderr
    baseline = Baseline.of(benign.root / "site")
    project = make_project(tmp_path_factory.mktemp("naughty") / "project")
    for name, content in naughty_seeds(accepted(), GROUP_SIZE).items():
        (project.seeds / name).write_text(content, encoding="utf-8")
    result = project.build()
    assert result.returncode == 0, result.stderr[-3000:]
    return project, baseline


@pytest.fixture(scope="module")
def site(naughty_site: tuple[Project, Baseline]) -> Path:
    return naughty_site[0].root / "site"


# --- refused, with a clear error -------------------------------------------------


def check_person(tmp_path: Path, field: str, value: str) -> list[str]:
    seeds = tmp_path / "seeds"
    seeds.mkdir(exist_ok=True)
    other = "role" if field == "name" else "name"  # the file is read on past the character: no duplicate key
    (seeds / "a.yaml").write_text(
        f"people:\n  - id: someone\n    {other}: Someone\n    {field}: {yaml_string(value)}\n", encoding="utf-8"
    )
    return [f"{d.location}: {d.code}: {d.message}" for d in check(seeds, tmp_path).diagnostics]


def test_strings_with_control_bidi_or_non_characters_are_refused_in_plain_and_light_fields(tmp_path: Path) -> None:
    refused = [s for s in strings() if has_forbidden(s) or unreadable(s)]
    assert len(refused) >= 10
    for value in refused:
        for field in ("name", "description"):
            problems = check_person(tmp_path, field, value)
            assert problems, value
            for problem in problems:  # one per character, each at its place on the line
                assert problem.startswith("seeds/a.yaml:4:"), problem
                assert re.search(
                    r": (control-character: the character U\+[0-9A-F]{4}|yaml-tab: tab|yaml-syntax: the character U\+FFF[EF])",
                    problem,
                )


def test_strings_with_control_or_bidi_characters_are_refused_in_source_texts(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.yaml").write_text("documents:\n  - id: doc\n    text: a.txt\n", encoding="utf-8")
    for value in strings():
        if not next(forbidden_characters(value, allow="\t\r"), None):
            continue  # tabs and carriage returns are fine in a text
        (seeds / "a.txt").write_text(f"Title\n\nSome text {value}\n", encoding="utf-8")
        problems = check(seeds, tmp_path).diagnostics
        assert problems and all(d.code == "control-character" for d in problems), value
        assert problems[0].location.file == "seeds/a.txt" and problems[0].location.line >= 3


def test_blank_strings_are_refused_in_plain_fields(tmp_path: Path) -> None:
    for value in strings():
        if value.strip() or has_forbidden(value):
            continue
        assert check_person(tmp_path, "role", value) == [
            "seeds/a.yaml:4:11: invalid-value: people[0].role: Expected text, but got an empty string"
        ]


def test_unsafe_light_markdown_is_refused_not_dropped(tmp_path: Path) -> None:
    unsafe = [s for s in accepted() if light_markdown.problems(s)]
    assert len(unsafe) > 100
    for value in unsafe:
        problems = check_person(tmp_path, "description", value)
        assert problems and all(": unsafe-markdown: people[0].description: " in p for p in problems), (value, problems)


# --- accepted, and inert -----------------------------------------------------------


def test_every_accepted_string_is_in_the_site(naughty_site: tuple[Project, Baseline]) -> None:
    project, _ = naughty_site
    seeds = {name: content for name, content in naughty_seeds(accepted(), GROUP_SIZE).items()}
    assert len(accepted()) > 500
    assert all(value in seeds[f"d-{i // GROUP_SIZE}.txt"] for i, value in enumerate(accepted()))
    assert (project.root / "site" / "claims" / "index.html").is_file()


def test_no_page_search_entry_or_data_file_carries_active_content(naughty_site: tuple[Project, Baseline]) -> None:
    project, baseline = naughty_site
    assert scan_site(project.root / "site", baseline) == []


def test_template_and_snippet_syntax_stays_literal(site: Path) -> None:
    pages = "\n".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    assert "{{ config }}" in pages and "{% include &#39;base.html&#39; %}" in pages
    assert "--8&lt;-- &quot;mkdocs.yml&quot;" in pages or '--8&lt;-- "mkdocs.yml"' in pages
    # Nothing of mkdocs.yml or /etc/passwd was pulled in.
    assert "omitted_files" not in pages and "root:x:0:0" not in pages


# --- in a browser --------------------------------------------------------------------

# Defined before any page script runs: a dialog or an injected script would set the flag.
INIT_SCRIPT = f"""
window.{FLAG} = undefined;
for (const name of ["alert", "confirm", "prompt", "print"]) {{
  window[name] = function () {{ window.{FLAG} = "dialog:" + name; }};
}}
"""

# After the page's own scripts ran (Material, previews): the live DOM, not only the HTML.
LIVE_DOM_PROBLEMS = """
() => {
  const problems = [];
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      const value = attr.value.replace(/[\\u0000-\\u0020\\u007f]/g, "").toLowerCase();
      if (attr.name.startsWith("on")) problems.push(el.tagName + " " + attr.name);
      else if (/^(href|src|action|formaction|xlink:href|data|srcdoc)$/.test(attr.name)
               && /^(javascript|data|vbscript):/.test(value))
        problems.push(el.tagName + " " + attr.name + "=" + attr.value);
    }
    if (/^(IFRAME|OBJECT|EMBED|FRAME|BASE)$/.test(el.tagName)) problems.push(el.tagName);
  }
  return problems;
}
"""


def browser_pages(site: Path) -> list[str]:
    """Every index and top-level page, every page of the groups holding the payloads, a sample of the rest."""
    count = len(groups(accepted(), GROUP_SIZE))
    first_payload = accepted().index(next(p for p in PAYLOADS if p in accepted())) // GROUP_SIZE
    chosen = set(range(first_payload, count)) | {0}
    pages = [p.parent.relative_to(site).as_posix() for p in sorted(site.rglob("index.html"))]
    out = []
    for page in pages:
        match = re.fullmatch(r"(articles|people|sources|claims)/[a-z]-(\d+)", page)
        if match is None or int(match.group(2)) in chosen:
            out.append("" if page == "." else page + "/")
    return out


def browse(chromium: Any, base: str, pages: list[str], *, search: bool) -> list[str]:
    """Open each page (hovering its claims) and, with `search`, query the search; what went wrong."""
    problems: list[str] = []
    context = chromium.new_context()
    context.add_init_script(INIT_SCRIPT)

    def route(request_route: Any) -> None:
        if urlsplit(request_route.request.url).hostname == "127.0.0.1":
            request_route.continue_()
        else:  # an injected image, frame or link target would ask another host
            problems.append(f"request to {request_route.request.url}")
            request_route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))

    def inspect(where: str) -> None:
        flag = page.evaluate(f"window.{FLAG}")
        if flag is not None:
            problems.append(f"{where}: the flag was set ({flag})")
        problems.extend(f"{where}: {p}" for p in page.evaluate(LIVE_DOM_PROBLEMS))

    try:
        for path in pages:
            page.goto(base + path, wait_until="load")
            # Focus shows a claim's preview, built from annotation values; every claim in turn.
            page.evaluate("() => document.querySelectorAll('a.claim').forEach(a => a.focus())")
            inspect(path)
            if page.url != base + path:
                problems.append(f"{path} navigated to {page.url}")
        if search:  # Material's search shows titles and texts of the index as HTML
            for query in ("script", "onerror", "javascript", "config"):
                page.goto(base, wait_until="load")
                page.locator("input.md-search__input").click()
                # Typed key by key: Material searches on key events, which `fill` does not send.
                page.locator("input.md-search__input").press_sequentially(query, delay=20)
                page.locator(".md-search-result__item").first.wait_for(timeout=30_000)
                inspect(f"search {query!r}")
    finally:
        context.close()
    return problems


@pytest.mark.browser
def test_the_browser_check_catches_an_injected_script(tmp_path: Path) -> None:
    from local_site import browser, serve

    (tmp_path / "index.html").write_text(
        f'<!doctype html><p>x</p><img src="missing.png" onerror="window.{FLAG}=1"><a href="javascript:void(0)">y</a>',
        encoding="utf-8",
    )
    with serve(tmp_path) as base, browser() as chromium:
        problems = browse(chromium, base, [""], search=False)
    assert problems == [": the flag was set (1)", ": IMG onerror", ": A href=javascript:void(0)"]


@pytest.mark.browser
def test_pages_run_no_injected_script_in_chromium(site: Path) -> None:
    from local_site import browser, serve

    pages = browser_pages(site)
    assert len(pages) > 30
    with serve(site) as base, browser() as chromium:
        assert browse(chromium, base, pages, search=True) == []
