"""Pagefind's index made byte-identical from one build to the next.

Pagefind 1.5 writes its filter chunks in an arbitrary order (a Rust hash map's; its
maintainers say filter and metadata files still change between runs, Pagefind issue 638),
and each chunk's file name, the metadata file that names them and `pagefind-entry.json`
change with them. The site's output must be deterministic, so after Pagefind has written
the index this puts each filter's values, and the metadata's list of filters, in sorted
order and names the rewritten files by a hash of their content, as Pagefind names its own.

A chunk is `pagefind_dcd` followed by a CBOR value, gzip-compressed. The few CBOR types
Pagefind writes (unsigned integers, text, byte strings, arrays) are read and written here;
anything else is left as Pagefind wrote it.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

SIGNATURE = b"pagefind_dcd"
Value = int | str | bytes | list["Value"]


class _UnknownError(Exception):
    """A CBOR item this reader does not know: the file stays as it is."""


def _read(data: bytes, at: int) -> tuple[Value, int]:
    major, info = data[at] >> 5, data[at] & 0x1F
    at += 1
    if info < 24:
        number = info
    elif 24 <= info <= 27:
        size = 1 << (info - 24)
        number, at = int.from_bytes(data[at : at + size], "big"), at + size
    else:
        raise _UnknownError(f"CBOR additional information {info}")
    if major == 0:
        return number, at
    if major in (2, 3):
        raw = data[at : at + number]
        return (raw.decode("utf-8") if major == 3 else bytes(raw)), at + number
    if major == 4:
        items: list[Value] = []
        for _ in range(number):
            item, at = _read(data, at)
            items.append(item)
        return items, at
    raise _UnknownError(f"CBOR major type {major}")


def _head(major: int, number: int) -> bytes:
    if number < 24:
        return bytes([major << 5 | number])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if number < 1 << (8 * size):
            return bytes([major << 5 | info]) + number.to_bytes(size, "big")
    raise _UnknownError(f"CBOR number too large: {number}")


def _write(value: Value) -> bytes:
    if isinstance(value, int):
        return _head(0, value)
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    return _head(4, len(value)) + b"".join(_write(item) for item in value)


def _load(path: Path) -> Value:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise _UnknownError(f"{path.name} does not start with {SIGNATURE!r}")
    value, end = _read(data, len(SIGNATURE))
    if end != len(data):
        raise _UnknownError(f"{path.name} has data after its value")
    return value


def _save(folder: Path, language: str, value: Value, digits: int, suffix: str, prefix: str = "") -> str:
    """Writes `value` as a chunk named by its content's hash; returns the hash as Pagefind writes it (`en_1a2b3c4`)."""
    data = SIGNATURE + _write(value)
    name = f"{language}_{hashlib.sha256(data).hexdigest()[:digits]}"
    (folder / f"{prefix}{name}{suffix}").write_bytes(gzip.compress(data, mtime=0))
    return name


def _sort_key(item: Value) -> bytes:
    return _write(item)  # any fixed order will do, and the encoding orders every kind of value


def stabilise(index: Path) -> None:
    """Rewrites the index in `index` (a folder Pagefind wrote) so that its bytes depend only on the site."""
    entry_path = index / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language in entry["languages"].values():
        try:  # everything is read before anything is written: an index this cannot read stays as it is
            meta_path, meta, chunks = _read_language(index, language["hash"])
        except _UnknownError:
            continue
        for pair, (chunk_path, chunk, values) in zip(meta, chunks, strict=True):
            values.sort(key=_sort_key)
            name = _save(index / "filter", pair[1].split("_", 1)[0], chunk, 7, ".pf_filter")
            if name != pair[1]:
                chunk_path.unlink()
                pair[1] = name
        whole = _load(meta_path)
        assert isinstance(whole, list)
        filters: list[Value] = [[name, chunk_hash] for name, chunk_hash in sorted(meta)]
        whole[FILTERS] = filters
        meta_hash = _save(index, language["hash"].split("_", 1)[0], whole, 10, ".pf_meta", prefix="pagefind.")
        if meta_hash != language["hash"]:
            meta_path.unlink()
            language["hash"] = meta_hash
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


FILTERS = 3  # the metadata's list of [filter name, chunk hash]


def _read_language(index: Path, meta_hash: str) -> tuple[Path, list[list[str]], list[tuple[Path, list[Value], list[Value]]]]:
    """The metadata file, its [filter name, chunk hash] pairs, and each chunk with its list of values."""
    meta_path = index / f"pagefind.{meta_hash}.pf_meta"
    meta = _load(meta_path)
    listed = meta[FILTERS] if isinstance(meta, list) and len(meta) > FILTERS else None
    if not isinstance(listed, list):
        raise _UnknownError("metadata without a list of filters")
    pairs: list[list[str]] = []
    chunks: list[tuple[Path, list[Value], list[Value]]] = []
    for pair in listed:
        if not (isinstance(pair, list) and len(pair) == 2 and isinstance(pair[0], str) and isinstance(pair[1], str)):
            raise _UnknownError("a filter entry that is not [name, hash]")
        chunk_path = index / "filter" / f"{pair[1]}.pf_filter"
        chunk = _load(chunk_path)
        values = chunk[1] if isinstance(chunk, list) and len(chunk) == 2 else None
        if not isinstance(values, list):
            raise _UnknownError(f"{chunk_path.name} is not [name, values]")
        assert isinstance(chunk, list)
        pairs.append([pair[0], pair[1]])
        chunks.append((chunk_path, chunk, values))
    return meta_path, pairs, chunks
