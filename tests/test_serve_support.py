"""What keeps `mkdocs serve` rebuilds quick: compiled templates kept, and still current."""

from __future__ import annotations

from pathlib import Path

import jinja2
import jinja2.bccache

from generator.engines.serve_support import CompiledTemplates


class CountedTemplates(CompiledTemplates):
    """Counts compilations: Jinja stores code only after compiling a template."""

    compiled = 0

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled += 1
        super().dump_bytecode(bucket)


def render(folder: Path, cache: CompiledTemplates) -> str:
    """As MkDocs does on every build: a new environment, here sharing one code cache."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)), bytecode_cache=cache)
    return env.get_template("page.html").render(name="Ada")


def test_a_template_is_compiled_once_and_again_when_it_is_edited(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("Hello {{ name }}", encoding="utf-8")
    cache = CountedTemplates()
    assert [render(tmp_path, cache) for _ in range(3)] == ["Hello Ada"] * 3
    assert cache.compiled == 1

    (tmp_path / "page.html").write_text("Goodbye {{ name }}", encoding="utf-8")
    assert render(tmp_path, cache) == "Goodbye Ada"
    assert cache.compiled == 2
