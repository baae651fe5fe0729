"""The English template of the catalogs, `locales/explainer.pot`, made from the code, and each
language's catalog brought up to date with it (what `pybabel extract` and `pybabel update` do,
plus the messages the code holds as data).

Two sources: the marked messages of the package (`_`, `ngettext`, `N_`), found by Babel's own
extractor, and the format's words that live in `annotations.model` as data: the v1 scale's
labels and meanings, the names of claim kinds, relations and source types, and the field
descriptions the format reference page shows. Run `python -m generator.translation.template`
after changing a message; tests/test_translation.py fails while the template is out of date.
"""

from __future__ import annotations

import ast
import io
import sys
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path
from typing import IO

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po
from pydantic import BaseModel

from ..annotations import model
from .catalogs import DOMAIN, TEMPLATE, catalog_path, shipped_languages

HEADER = "# The words of the explainer generator's sites (generator/translation/template.py makes this file).\n"
PACKAGE = Path(__file__).resolve().parent.parent
# The models the format reference page documents, in its order (`pages.reference`).
DOCUMENTED_MODELS: tuple[type[BaseModel], ...] = (
    model.Document, model.Person, model.Source, model.Claim,
    model.Evidence, model.Related, model.Correction, model.ScaleVerdict,
)


def model_messages() -> Iterator[tuple[str, str]]:
    """(message, where it is) for every word of the format the site shows from the model's data."""
    for verdict, (label, meaning, _rating, _tone) in model.VERDICTS.items():
        yield label, f"v1 scale: {verdict}"
        yield meaning, f"v1 scale: {verdict}"
    for table_name, table in (
        ("claim kind", model.KIND_LABELS), ("relation", model.RELATION_LABELS), ("source type", model.SOURCE_TYPE_LABELS)
    ):
        for key, label in table.items():
            yield label, f"{table_name}: {key}"
    for cls in DOCUMENTED_MODELS:
        if cls.__doc__:
            yield cls.__doc__.strip(), f"format: {cls.__name__}"
        for name, info in cls.model_fields.items():
            if info.description:
                yield info.description, f"format: {cls.__name__}.{name}"


def extract_python(
    fileobj: IO[bytes], keywords: Mapping[str, object], comment_tags: Collection[str], options: Mapping[str, object]
) -> Iterator[tuple[int, str, str | tuple[str, ...], list[str]]]:
    """Babel's extraction method for Python, reading the syntax tree: Babel's own tokenizer does
    not look inside f-strings before Python 3.12, and pages write many of their lines as f-strings."""
    for node in ast.walk(ast.parse(fileobj.read())):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
        literals = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
        if name in ("_", "N_") and len(literals) == 1 and len(node.args) == 1:
            yield node.lineno, name, literals[0], []
        elif name == "ngettext" and len(literals) == 2 and len(node.args) >= 3:
            yield node.lineno, name, (literals[0], literals[1]), []


def make_template() -> Catalog:
    template = Catalog(domain=DOMAIN, project="explainer-generator", header_comment=HEADER, fuzzy=False)
    found = extract_from_dir(str(PACKAGE), method_map=[("**.py", extract_python)])  # type: ignore[list-item]
    for filename, lineno, message, comments, context in found:
        if "/locales/" in filename:
            continue
        template.add(message, None, [(f"generator/{filename}", lineno)], auto_comments=comments, context=context)
    for message, where in model_messages():
        template.add(message, None, [("generator/annotations/model.py", 0)], auto_comments=[where])
    return template


def as_text(catalog: Catalog) -> str:
    """A catalog as its `.po` text: no creation date, so the same messages give the same file."""
    out = io.BytesIO()
    write_po(out, catalog, width=100, omit_header=False, sort_output=False, include_lineno=False)
    lines = out.getvalue().decode("utf-8").splitlines(keepends=True)
    return "".join(line for line in lines if not line.startswith(('"POT-Creation-Date:', '"PO-Revision-Date:')))


def updated(language: str, template: Catalog) -> Catalog:
    """The language's catalog with the template's messages: new ones empty, gone ones dropped."""
    path = catalog_path(language)
    if path.is_file():
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=language, domain=DOMAIN)
    else:
        catalog = Catalog(locale=language, domain=DOMAIN, project="explainer-generator", header_comment=HEADER, fuzzy=False)
    catalog.update(template, no_fuzzy_matching=True)
    catalog.obsolete.clear()
    return catalog


def main() -> int:
    template = make_template()
    TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
    TEMPLATE.write_text(as_text(template), encoding="utf-8")
    for language in [*shipped_languages()[1:], *sys.argv[1:]]:
        path = catalog_path(language)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(as_text(updated(language, template)), encoding="utf-8")
        print(f"{path.relative_to(PACKAGE.parent)}")
    print(f"{TEMPLATE.relative_to(PACKAGE.parent)}: {sum(1 for m in template if m.id)} messages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
