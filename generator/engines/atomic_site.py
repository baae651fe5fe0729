"""Old site or new site, never half of each: build beside the site folder, swap when done.

MkDocs empties `site_dir` and then writes page after page; a failure after that (a
strict-mode warning is only counted when every page is written, then the build aborts)
or a killed process leaves a half-new site. The plugin points `site_dir` at a fresh
sibling folder instead, and once the build has succeeded swaps the two in one step:
on Linux with `renameat2(RENAME_EXCHANGE)`, elsewhere with two renames (the site folder
is then missing for an instant; the next build puts the old one back if a kill hit
exactly there). Folders a killed build left behind are removed by the next build.
"""

from __future__ import annotations

import ctypes
import logging
import os
import re
import shutil
import stat
import sys
import tempfile
from pathlib import Path

from mkdocs.utils import CountHandler

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_OLD = "-old"


def _pattern(site_dir: Path) -> re.Pattern[str]:
    return re.compile(rf"^\.{re.escape(site_dir.name)}\.explainer-(\d+)-")


def staging_folder(site_dir: Path) -> Path | None:
    """A new empty folder beside the site folder (same file system), or None when none can be made."""
    try:
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        recover(site_dir)
        staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.explainer-{os.getpid()}-", dir=site_dir.parent))
        os.chmod(staging, _mode(site_dir))  # mkdtemp's 0700 would lock a web server out
        return staging
    except OSError:
        return None


def _mode(site_dir: Path) -> int:
    if site_dir.is_dir():
        return stat.S_IMODE(site_dir.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o777 & ~umask


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return False  # an earlier build of this process (`serve`) left it: stale
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, but belongs to someone else
    return True


def recover(site_dir: Path) -> None:
    """Undo what a killed build left: restore a site caught between two renames, drop stale folders."""
    pattern = _pattern(site_dir)
    leftovers = sorted(
        entry
        for entry in site_dir.parent.iterdir()
        if (match := pattern.match(entry.name))
        and entry.is_dir()
        and not entry.is_symlink()
        and not _running(int(match.group(1)))
    )
    if not os.path.lexists(site_dir):
        old = [entry for entry in leftovers if entry.name.endswith(_OLD)]
        if old:
            os.rename(old[-1], site_dir)
            leftovers.remove(old[-1])
    for entry in leftovers:
        shutil.rmtree(entry, ignore_errors=True)


def strict_abort_ahead(strict: bool) -> bool:
    """Whether MkDocs will abort this build once the plugins are done: it counts warnings in strict mode."""
    if not strict:
        return False
    return any(isinstance(h, CountHandler) and h.get_counts() for h in logging.getLogger("mkdocs").handlers)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux 3.15+); False where the system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    return bool(renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0)


def _carry_hidden(site_dir: Path, staging: Path) -> None:
    # MkDocs never deletes dot-files from the site folder (a `.git`, a `.nojekyll`); neither do we.
    if not site_dir.is_dir():
        return
    for entry in site_dir.iterdir():
        target = staging / entry.name
        if not entry.name.startswith(".") or os.path.lexists(target):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.copytree(entry, target, symlinks=True)
        else:
            shutil.copy2(entry, target, follow_symlinks=False)


def publish(staging: Path, site_dir: Path) -> None:
    """Put the finished build where the site folder is; the old site is deleted afterwards."""
    _carry_hidden(site_dir, staging)
    if not os.path.lexists(site_dir):
        os.rename(staging, site_dir)
    elif _exchange(staging, site_dir):
        shutil.rmtree(staging, ignore_errors=True)  # it holds the old site now
    else:
        old = staging.with_name(staging.name + _OLD)
        os.rename(site_dir, old)
        os.rename(staging, site_dir)
        shutil.rmtree(old, ignore_errors=True)


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)
