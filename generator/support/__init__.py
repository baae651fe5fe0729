"""Helpers for long runs that know nothing of annotations or sites: a paused cycle collector
with per-run memo tables (`bulk`), and a progress line for terminals (`progress`).

Imports nothing from the rest of the generator.
"""
