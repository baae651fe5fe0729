"""Finding active content in built HTML: what a browser would run, load or navigate to.

Used by the hostile-input, naughty-string and fuzz tests. A page is inert when it has:
no script other than Material's own (the bundle, its few inline scripts, JSON data
blocks that parse as JSON), no `on*` event attribute, no URL with a scheme other than
http(s) or mailto in any URL-bearing attribute, no frame, object, embed, base, style
element or other tag that a site built from benign annotations never has, and no style
attribute beyond the `text-align` that tables use.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

# Never on a page of ours, whatever the annotations.
FORBIDDEN_TAGS = frozenset(
    {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal", "template", "foreignobject", "animate", "set"}
)
URL_ATTRIBUTES = frozenset(
    {
        "href",
        "src",
        "action",
        "formaction",
        "data",
        "poster",
        "xlink:href",
        "background",
        "cite",
        "srcset",
        "ping",
        "manifest",
        "codebase",
        "longdesc",
        "usemap",
        "lowsrc",
        "dynsrc",
        "icon",
        "profile",
        "classid",
    }
)
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
DATA_SCRIPT_TYPES = frozenset({"application/json", "application/ld+json"})
SAFE_STYLE = re.compile(r"^\s*text-align:\s*(left|right|center)\s*;?\s*$")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
# Browsers drop these from URLs before reading the scheme ("java\tscript:" is javascript:).
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]")
# Material's inline scripts differ between pages only in the path to the site root.
_ROOT_ARGUMENT = re.compile(r'new URL\("[^"]*",location\)')


def url_scheme(value: str) -> str | None:
    """The scheme a browser would see in an attribute value (entities already decoded), lowercase."""
    match = _SCHEME.match(_URL_NOISE.sub("", value))
    return match.group(1).lower() if match else None


def normalise_script(text: str) -> str:
    return _ROOT_ARGUMENT.sub("new URL(ROOT,location)", text.strip())


class _Scanner(HTMLParser):
    def __init__(self, label: str, allowed_scripts: frozenset[str], allowed_tags: frozenset[str] | None) -> None:
        super().__init__(convert_charrefs=True)
        self.label = label
        self.allowed_scripts = allowed_scripts
        self.allowed_tags = allowed_tags
        self.problems: list[str] = []
        self.tags: set[str] = set()
        self.scripts: list[str] = []
        self._script: dict[str, str | None] | None = None
        self._script_text: list[str] = []

    def problem(self, what: str) -> None:
        self.problems.append(f"{self.label}: {what} (line {self.getpos()[0]})")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        values = {name: value or "" for name, value in attrs}
        if tag in FORBIDDEN_TAGS:
            self.problem(f"<{tag}> element")
        elif self.allowed_tags is not None and tag not in self.allowed_tags:
            self.problem(f"<{tag}> element, which no page built from benign annotations has")
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            target = values.get("content", "").split("=", 1)[-1] if "=" in values.get("content", "") else ""
            if url_scheme(target) not in (None, "http", "https"):
                self.problem(f"<meta http-equiv=refresh> to {target!r}")
        for name, value in values.items():
            if name.startswith("on"):
                self.problem(f"event attribute {name}={value!r} on <{tag}>")
            elif name in URL_ATTRIBUTES and url_scheme(value) not in (None, *SAFE_SCHEMES):
                self.problem(f"{name}={value!r} on <{tag}>")
            elif name == "srcdoc":
                self.problem(f"srcdoc on <{tag}>")
            elif name == "style" and not SAFE_STYLE.match(value):
                self.problem(f"style={value!r} on <{tag}>")
        if tag == "script":
            self._script = dict(attrs)
            self._script_text = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script_text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag != "script" or self._script is None:
            return
        attrs, text = self._script, "".join(self._script_text)
        self._script = None
        src = attrs.get("src")
        kind = (attrs.get("type") or "").lower()
        if src is not None:
            if url_scheme(src) is not None or src.startswith("//") or not re.search(r"(^|/)assets/", src):
                self.problem(f"<script src={src!r}>")
        elif kind in DATA_SCRIPT_TYPES:
            try:
                json.loads(text)
            except ValueError:
                self.problem(f"<script type={kind}> whose content is not JSON: {text[:80]!r}")
            if "<" in text:
                self.problem(f"<script type={kind}> with a raw '<' in it (must be escaped as \\u003c)")
        else:
            self.scripts.append(normalise_script(text))
            if normalise_script(text) not in self.allowed_scripts:
                self.problem(f"inline <script>: {text[:80]!r}")


def scan_html(
    html: str, label: str, *, allowed_scripts: Iterable[str] = (), allowed_tags: Iterable[str] | None = None
) -> list[str]:
    """Every piece of active content in one HTML document or fragment."""
    scanner = _Scanner(label, frozenset(allowed_scripts), frozenset(allowed_tags) if allowed_tags is not None else None)
    scanner.feed(html)
    scanner.close()
    return scanner.problems


def page_profile(html: str) -> tuple[set[str], set[str]]:
    """The tags and normalised inline scripts of a trusted page."""
    scanner = _Scanner("baseline", frozenset(), None)
    scanner.feed(html)
    scanner.close()
    return scanner.tags, set(scanner.scripts)


@dataclass(frozen=True)
class Baseline:
    """What pages built from benign annotations contain: the allowlist for the others."""

    tags: frozenset[str]
    scripts: frozenset[str]

    @staticmethod
    def of(site: Path) -> Baseline:
        tags: set[str] = set()
        scripts: set[str] = set()
        for page in sorted(site.rglob("*.html")):
            page_tags, page_scripts = page_profile(page.read_text(encoding="utf-8"))
            tags |= page_tags
            scripts |= page_scripts
        return Baseline(frozenset(tags), frozenset(scripts))


def scan_site(site: Path, baseline: Baseline) -> list[str]:
    """Active content anywhere in a built site: pages, search index, JSON data files."""
    problems: list[str] = []
    for page in sorted(site.rglob("*.html")):
        label = page.relative_to(site).as_posix()
        problems += scan_html(
            page.read_text(encoding="utf-8"), label, allowed_scripts=baseline.scripts, allowed_tags=baseline.tags
        )
    for data_file in sorted([*site.rglob("*.json"), *site.rglob("*.jsonld")]):
        label = data_file.relative_to(site).as_posix()
        try:
            data = json.loads(data_file.read_text(encoding="utf-8"))
        except ValueError as error:
            problems.append(f"{label}: not JSON ({error})")
            continue
        if label == "search/search_index.json":
            # Material's search shows each title and text as HTML.
            for number, doc in enumerate(data.get("docs", [])):
                for key in ("title", "text"):
                    problems += scan_html(str(doc.get(key, "")), f"{label} docs[{number}].{key}", allowed_tags=baseline.tags)
    return problems
