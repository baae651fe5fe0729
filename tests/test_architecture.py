"""The package's layout, as ARCHITECTURE.md describes it: layers that import only downwards.

Every import counts, at the top of a module, inside a function or under `TYPE_CHECKING`:
each ties the design just the same.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "generator"

# Bottom to top: a layer may import from itself and from the layers before it, never after.
LAYERS = ["support", "annotations", "translation", "site_map", "open_data", "pages", "engines", "review", ""]
MAX_LINES = 500


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The generator's modules that `name` imports, wherever the import statement stands."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in known)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                source = ".".join([*base, node.module] if node.module else base)
            else:
                source = node.module or ""
            for alias in node.names:
                if f"{source}.{alias.name}" in known:  # `from . import urls`
                    found.add(f"{source}.{alias.name}")
                elif source in known:
                    found.add(source)
    found.discard(name)
    return found


@cache
def import_graph() -> dict[str, set[str]]:
    found = modules()
    known = set(found)
    return {name: imports_of(name, path, known) for name, path in found.items()}


def layer(name: str) -> str:
    parts = name.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and parts[1] in LAYERS) else ""


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_checker_sees_a_circle_and_imports_of_every_kind(tmp_path: Path) -> None:
    # The checks below can fail: a circle is found, and so are imports inside functions and relative ones.
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    source = "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ..pages import site\ndef f():\n    from . import urls\n"
    path = tmp_path / "listing.py"
    path.write_text(source, encoding="utf-8")
    known = {"generator.pages.site", "generator.site_map.urls", "generator.site_map.listing"}
    assert imports_of("generator.site_map.listing", path, known) == {"generator.pages.site", "generator.site_map.urls"}


def test_no_import_circle_anywhere_in_the_package() -> None:
    assert cycles(import_graph()) == []


def test_every_module_sits_in_a_layer() -> None:
    assert {layer(name) for name in modules()} == set(LAYERS)


@pytest.mark.parametrize("name", sorted(modules()))
def test_a_module_imports_only_from_its_layer_and_those_below(name: str) -> None:
    rank = LAYERS.index(layer(name))
    above = sorted(other for other in import_graph()[name] if LAYERS.index(layer(other)) > rank)
    assert above == [], f"{name} ({layer(name) or 'top'}) imports from a layer above it"


@pytest.mark.parametrize("name", sorted(modules()))
def test_no_module_is_over_500_lines(name: str) -> None:
    lines = modules()[name].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{name} has {lines} lines: split it by what its pieces are"


def test_architecture_md_names_every_subpackage() -> None:
    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    subpackages = sorted({path.parent.relative_to(ROOT).as_posix() for path in PACKAGE.rglob("__init__.py")} - {"generator"})
    assert subpackages, "the package has subpackages"
    missing = [package for package in subpackages if f"`{package}/`" not in text]
    assert missing == []
