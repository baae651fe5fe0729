"""Annotation format v1 in, a checked and linked corpus out.

The model (`model`), the strict YAML loader (`yaml_strict`), finding seed files (`seeds`),
validation (`validate`), linking into a `corpus.Corpus`, quote spans (`text_spans`),
anchoring to changed texts (`anchors`), diagnostics, light Markdown checking, and the
stages end to end (`pipeline.check`). Knows nothing of pages, URLs or engines.
"""
