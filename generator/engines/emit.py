"""Writing generated pages into a folder that may also hold hand-written files.

Only files listed in the folder's manifest, and still as we wrote them (same SHA-256),
are ours: we overwrite or delete those and never anything else. A file in the way of a
page, a link or a file where one of its folders should be, or one of our pages edited by
hand, is a `page-collision` error and nothing is written. Pages are staged in full first;
the manifest records every page before any of them lands, so a run killed half-way
still owns what it wrote and the next run finishes the job.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path, PurePosixPath

from ..annotations.diagnostics import Diagnostic, Location

MANIFEST = ".explainer-manifest.json"
STAGING_PREFIX = ".explainer-staging-"


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _is_relative_page(path: str) -> bool:
    parts = PurePosixPath(path).parts
    return bool(parts) and not PurePosixPath(path).is_absolute() and ".." not in parts and "\\" not in path


def _manifest(out_dir: Path) -> dict[str, frozenset[str]] | None:
    """Our pages, each with the digests it may have; None when the file is not our manifest.

    An empty set of digests (a manifest from before digests were kept) accepts any content.
    """
    path = out_dir / MANIFEST
    if not os.path.lexists(path):
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("generator") != "explainer" or not isinstance(data.get("pages"), list):
        return None
    digests: dict[str, frozenset[str]] = {}
    for field in ("sha256", "pending"):
        table = data.get(field, {})
        if isinstance(table, dict):
            for page, digest in table.items():
                if isinstance(page, str) and isinstance(digest, str):
                    digests[page] = digests.get(page, frozenset()) | {digest}
    return {p: digests.get(p, frozenset()) for p in data["pages"] if isinstance(p, str) and _is_relative_page(p)}


def _unchanged(path: Path, digests: frozenset[str]) -> bool:
    if path.is_symlink() or not path.is_file():
        return False
    return not digests or _digest(path.read_bytes()) in digests


def owned_pages(out_dir: Path) -> set[str]:
    """The pages in the folder that we wrote and nobody changed since."""
    recorded = _manifest(out_dir) or {}
    return {page for page, digests in recorded.items() if _unchanged(out_dir / page, digests)}


def _in_the_way(out_dir: Path, page: str) -> Path | None:
    """A folder of the page's path that is a file or a link, else None."""
    folder = out_dir
    for part in PurePosixPath(page).parts[:-1]:
        folder = folder / part
        if folder.is_symlink() or (os.path.lexists(folder) and not folder.is_dir()):
            return folder
    return None


def _collision(where: Path, message: str, hint: str) -> Diagnostic:
    return Diagnostic(Location(where.as_posix()), "page-collision", message, hint)


def conflicts(out_dir: Path, pages: dict[str, str]) -> list[Diagnostic]:
    """Pages that would overwrite, or write through, a file we did not write."""
    recorded = _manifest(out_dir)
    if recorded is None:
        return [
            _collision(
                out_dir / MANIFEST,
                "a file that is not the generator's manifest is in the way",
                "rename or move it; the generator never overwrites a file it did not write",
            )
        ]
    owned = owned_pages(out_dir)
    problems: list[Diagnostic] = []
    keep = "rename or move the hand-written file; the generator never overwrites it"
    for page in sorted(pages):
        target = out_dir / page
        blocker = _in_the_way(out_dir, page)
        if blocker is not None:
            message = f"a hand-written file or link is in the way of the generated page '{page}'"
            problems.append(_collision(blocker, message, keep))
        elif page in owned or not os.path.lexists(target):
            continue
        elif page in recorded:
            problems.append(
                _collision(
                    target,
                    f"the generated page '{page}' was changed by hand since it was written",
                    "move your changes to a page of your own, then delete this file; the generator never overwrites them",
                )
            )
        else:
            problems.append(_collision(target, f"a hand-written file is in the way of the generated page '{page}'", keep))
    return problems


def _write_manifest(out_dir: Path, staging: Path, digests: dict[str, str], pending: dict[str, str]) -> None:
    data: dict[str, object] = {"generator": "explainer", "pages": sorted(set(digests) | set(pending))}
    data["sha256"] = dict(sorted(digests.items()))
    if pending:
        data["pending"] = dict(sorted(pending.items()))
    tmp = staging / MANIFEST
    tmp.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, out_dir / MANIFEST)


def _remove_stale_staging(out_dir: Path) -> None:
    """Staging folders a killed run left behind (only ours, by their name)."""
    for entry in out_dir.iterdir():
        if entry.name.startswith(STAGING_PREFIX) and entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)


def write_pages(out_dir: Path, pages: dict[str, str]) -> list[Diagnostic]:
    """Write the pages, remove our stale ones, and record what we own."""
    problems = conflicts(out_dir, pages)
    if problems:
        return problems
    out_dir.mkdir(parents=True, exist_ok=True)
    _remove_stale_staging(out_dir)
    recorded = _manifest(out_dir) or {}
    owned = owned_pages(out_dir)
    old = {page: _digest((out_dir / page).read_bytes()) for page in sorted(owned)}
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out_dir))
    try:
        new: dict[str, str] = {}
        changed: list[str] = []
        for path, content in sorted(pages.items()):
            data = content.encode("utf-8")
            new[path] = _digest(data)
            if old.get(path) == new[path]:
                continue  # unchanged: keep its timestamp so watchers stay quiet
            staged = staging / path
            staged.parent.mkdir(parents=True, exist_ok=True)
            staged.write_bytes(data)
            changed.append(path)
        # Record every page before any of them lands: a run killed from here on still owns what it wrote.
        _write_manifest(out_dir, staging, old, {p: new[p] for p in changed})
        for path in changed:
            target = out_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / path, target)
        for path in sorted(set(recorded) - set(pages)):
            stale = out_dir / path
            if path in owned:  # one we wrote and nobody changed; an edited one is left alone, and no longer ours
                stale.unlink()
                _remove_empty_parents(stale.parent, out_dir)
        _write_manifest(out_dir, staging, new, {})
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return []


def _remove_empty_parents(folder: Path, stop: Path) -> None:
    while folder != stop and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
