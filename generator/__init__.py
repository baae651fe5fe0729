"""Explainer-site generator: annotated source texts in, cross-linked Markdown pages out."""

from __future__ import annotations

__version__ = "0.1.0"
