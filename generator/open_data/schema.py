"""The JSON Schema of annotation format v1, generated from the model.

Editors read it through the first line of every annotation file,
`# yaml-language-server: $schema=../schema/annotations.schema.json`, and offer completion,
hover text (the field descriptions of `model.py`) and checks while one types. The
checker stays the authority: the schema cannot see across files (ids, quotes), and
where the two readings of a value differ it leans towards accepting what the checker
accepts (see the `*_SCHEMA` constants in `model.py`).

The committed copy is `schema/annotations.schema.json`;
`python -m generator schema --check` fails when it is stale.
"""

from __future__ import annotations

import json
from typing import Any

from ..annotations.model import AnnotationFile

SCHEMA_PATH = "schema/annotations.schema.json"
# Draft-07 is the newest draft every common editor plugin understands; nothing below
# needs a later one.
DIALECT = "http://json-schema.org/draft-07/schema#"


def _rename_refs(node: Any) -> Any:
    """`#/$defs/X` -> `#/definitions/X` (draft-07's name), and no per-field titles."""
    if isinstance(node, dict):
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                out[key] = value.replace("#/$defs/", "#/definitions/")
            elif key == "properties" and isinstance(value, dict):
                # pydantic titles each field after its own name ("Said On"); hover
                # text should be the description.
                out[key] = {name: _rename_refs({k: v for k, v in field.items() if k != "title"}) for name, field in value.items()}
            else:
                out[key] = _rename_refs(value)
        return out
    if isinstance(node, list):
        return [_rename_refs(item) for item in node]
    return node


def annotation_schema() -> dict[str, Any]:
    """The schema as a dict: pure, the same on every run."""
    generated = AnnotationFile.model_json_schema()
    definitions = _rename_refs(generated.pop("$defs"))
    root = _rename_refs(generated)
    properties = {}
    for name, field in root["properties"].items():
        # `claims:` left empty reads as no claims (validate.py skips a None list).
        listed = {k: v for k, v in field.items() if k in ("type", "items")}
        rest = {k: v for k, v in field.items() if k not in ("type", "items")}
        properties[name] = {**rest, "anyOf": [listed, {"type": "null"}]}
    return {
        "$schema": DIALECT,
        "$comment": f"Generated from generator/annotations/model.py by `python -m generator schema --out {SCHEMA_PATH}`; do not edit.",
        "title": "Explainer annotation file, format v1",
        "description": root.get("description", ""),
        # An empty file is a valid (if useless) annotation file.
        "type": ["object", "null"],
        "additionalProperties": False,
        "properties": properties,
        "definitions": definitions,
    }


def schema_text() -> str:
    """The committed file's exact text: sorted keys, two-space indent, a final newline."""
    return json.dumps(annotation_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
