"""The seeds folder as it was at a git revision, copied out of the repository that holds it.

`check --base REF` and `review --base REF` read the annotations at REF with the same
checker as the working tree. Rather than teach every stage to read from git, the files
under the seeds folder at REF (`git ls-tree`, `git cat-file --batch`) are written into a
temporary folder laid out like the working tree, so labels such as `seeds/a.yaml` read the
same on both sides. Only regular files are copied: a symbolic link or submodule in the
tree is left out, so nothing at REF can point outside the copy.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..annotations.seeds import MAX_TEXT_BYTES, display_path

_REGULAR = frozenset({"100644", "100755"})


class BaseUnavailableError(Exception):
    """The revision cannot be read; the message says what is missing and how to get it."""


@dataclass(frozen=True)
class BaseSeeds:
    """The seeds folder at a revision, copied to `seeds` under `root`."""

    ref: str  # as the user gave it
    commit: str  # the full id it resolved to
    root: Path  # pass as `base` to `pipeline.check`, so labels match the working tree
    seeds: Path


def _git(cwd: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            ["git", "-c", "core.quotepath=off", *args],
            cwd=cwd,
            input=stdin,
            capture_output=True,
            check=False,
            env={**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_LITERAL_PATHSPECS": "1", "LC_ALL": "C"},
        )
    except OSError as exc:
        raise BaseUnavailableError(f"cannot run git: {exc.strerror or exc}") from None


def _first_line(data: bytes) -> str:
    return (data.decode("utf-8", "replace").strip().splitlines() or [""])[0]


def resolve(seeds_dir: Path, ref: str, label: str) -> tuple[Path, str, str]:
    """(the repository's top folder, the seeds folder's path in it with a trailing `/` or empty, the commit id).

    `label` names the seeds folder in messages.
    """
    if not ref or ref.startswith("-"):
        raise BaseUnavailableError(f"'{ref}' is not a git revision")
    where = _git(seeds_dir, "rev-parse", "--show-toplevel", "--show-prefix")
    if where.returncode != 0:
        raise BaseUnavailableError(
            f"the seeds folder {label} is not in a git repository, so there is no revision '{ref}' to compare with"
        )
    lines = where.stdout.decode("utf-8", "surrogateescape").split("\n")
    top, prefix = Path(lines[0]), lines[1] if len(lines) > 1 else ""
    found = _git(top, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}")
    if found.returncode == 0:
        return top, prefix, found.stdout.decode("ascii").strip()
    shallow = _git(top, "rev-parse", "--is-shallow-repository").stdout.strip() == b"true"
    if shallow:
        raise BaseUnavailableError(
            f"the revision '{ref}' is not in this clone: it is shallow and holds only the latest commits.\n"
            "Fetch more history, then run this again: git fetch --deepen=100 (or git fetch --unshallow for all of it), "
            f"or fetch the revision itself: git fetch origin {ref}"
        )
    raise BaseUnavailableError(
        f"there is no revision '{ref}' in the repository at {top.as_posix()}; "
        f"if it exists elsewhere, fetch it first: git fetch origin {ref}"
    )


def _listing(top: Path, commit: str, prefix: str) -> list[tuple[str, int, PurePosixPath]]:
    """(blob id, size, path inside the seeds folder) of each regular file under the seeds folder at the commit."""
    listed = _git(top, "ls-tree", "-r", "-z", "--long", "--full-tree", commit, "--", prefix or ".")
    if listed.returncode != 0:
        raise BaseUnavailableError(f"cannot list the files of {commit}: {_first_line(listed.stderr)}")
    files = []
    for record in listed.stdout.split(b"\0"):
        if not record:
            continue
        meta, _, raw_path = record.partition(b"\t")
        mode, kind, blob, size = meta.split()
        if mode.decode() not in _REGULAR or kind != b"blob":
            continue
        path = raw_path.decode("utf-8", "surrogateescape")
        inner = PurePosixPath(path[len(prefix) :])
        if inner.is_absolute() or any(part in ("", ".", "..") for part in inner.parts):
            continue  # git never stores such a path; a crafted tree could
        files.append((blob.decode("ascii"), int(size), inner))
    return files


def _blobs(top: Path, ids: list[str]) -> list[bytes]:
    """The contents of the blobs, in order, read by one `git cat-file --batch`."""
    if not ids:
        return []
    out = _git(top, "cat-file", "--batch", stdin="".join(f"{i}\n" for i in ids).encode("ascii"))
    if out.returncode != 0:
        raise BaseUnavailableError(f"cannot read the files of the revision: {_first_line(out.stderr)}")
    data, at, contents = out.stdout, 0, []
    for _ in ids:
        header_end = data.index(b"\n", at)
        header = data[at:header_end].split()
        if len(header) != 3:  # `<id> missing`: a blob left out of a partial clone
            raise BaseUnavailableError("a file of the revision is missing from this clone; fetch it: git fetch --refetch")
        size = int(header[2])
        contents.append(data[header_end + 1 : header_end + 1 + size])
        at = header_end + 1 + size + 1
    return contents


def copy_seeds(seeds_dir: Path, ref: str, cwd: Path, into: Path) -> BaseSeeds:
    """Write the seeds folder as it was at `ref` under `into` (an empty folder the caller removes)."""
    label = display_path(seeds_dir, cwd)
    top, prefix, commit = resolve(seeds_dir, ref, label)
    relative = PurePosixPath(label)
    # The same relative layout as the working tree gives the same labels; a seeds folder
    # outside the working directory keeps the name `seeds`.
    if relative.is_absolute() or ".." in relative.parts or label in ("", "."):
        relative = PurePosixPath("seeds")
    root = into
    seeds = root.joinpath(*relative.parts)
    seeds.mkdir(parents=True, exist_ok=True)
    files = _listing(top, commit, prefix)
    # Too large to be read anyway: a file of the same size (sparse, nothing read from git),
    # so `check` reports it as it would in the working tree.
    small = [(blob, inner) for blob, size, inner in files if size <= MAX_TEXT_BYTES]
    for _, size, inner in files:
        if size > MAX_TEXT_BYTES:
            target = seeds.joinpath(*inner.parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("wb") as handle:
                handle.truncate(size)
    for (_, inner), content in zip(small, _blobs(top, [blob for blob, _ in small]), strict=True):
        target = seeds.joinpath(*inner.parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    return BaseSeeds(ref, commit, root, seeds)
