"""Writing generated pages into a folder that may also hold hand-written files.

Only files listed in the folder's manifest are ours: we overwrite or delete those and
never anything else. New pages are staged in full first, then moved into place.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from .diagnostics import Diagnostic, Location

MANIFEST = ".explainer-manifest.json"


def owned_pages(out_dir: Path) -> set[str]:
    try:
        data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    pages = data.get("pages", []) if isinstance(data, dict) else []
    return {p for p in pages if isinstance(p, str) and ".." not in Path(p).parts and not Path(p).is_absolute()}


def conflicts(out_dir: Path, pages: dict[str, str]) -> list[Diagnostic]:
    """Pages that would overwrite a file we did not write."""
    owned = owned_pages(out_dir)
    return [
        Diagnostic(
            Location((out_dir / path).as_posix()),
            "page-collision",
            f"a hand-written file is in the way of the generated page '{path}'",
            "rename or move the hand-written file; the generator never overwrites it",
        )
        for path in sorted(pages)
        if path not in owned and (out_dir / path).exists()
    ]


def write_pages(out_dir: Path, pages: dict[str, str]) -> list[Diagnostic]:
    """Write the pages, remove our stale ones, and record what we own."""
    problems = conflicts(out_dir, pages)
    if problems:
        return problems
    out_dir.mkdir(parents=True, exist_ok=True)
    owned = owned_pages(out_dir)
    staging = Path(tempfile.mkdtemp(prefix=".explainer-staging-", dir=out_dir))
    try:
        changed: list[str] = []
        for path, content in sorted(pages.items()):
            data = content.encode("utf-8")
            target = out_dir / path
            if target.is_file() and target.read_bytes() == data:
                continue  # unchanged: keep its timestamp so watchers stay quiet
            staged = staging / path
            staged.parent.mkdir(parents=True, exist_ok=True)
            staged.write_bytes(data)
            changed.append(path)
        for path in changed:
            target = out_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / path, target)
        for path in sorted(owned - set(pages)):
            stale = out_dir / path
            if stale.is_file():
                stale.unlink()
            _remove_empty_parents(stale.parent, out_dir)
        manifest = json.dumps({"generator": "explainer", "pages": sorted(pages)}, indent=1) + "\n"
        tmp = staging / MANIFEST
        tmp.write_text(manifest, encoding="utf-8")
        os.replace(tmp, out_dir / MANIFEST)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return []


def _remove_empty_parents(folder: Path, stop: Path) -> None:
    while folder != stop and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
