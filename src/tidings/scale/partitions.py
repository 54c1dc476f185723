"""Split inputs into partitions a worker can read on its own.

A partition is a group of whole files, a range of lines of a JSONL file, or a range of records
of a WARC archive, given by byte offsets so that each worker reads only its own slice. The
planner reads each JSONL and WARC file once (counting lines or records is far cheaper than
extracting from them) so that line and record numbers in messages match a local ingest.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..errors import ConfigError, InputError, UnreadableInput
from ..readers.core import JSONL_EXT, _walk, wide_bom
from ..readers.warc import is_warc

Kind = Literal["files", "jsonl", "warc"]


@dataclass(frozen=True)
class Partition:
    """``sources`` name the inputs as given (they go into document ids, as in a local ingest);
    ``locations`` are the absolute paths the workers open. ``start``/``end`` are byte offsets
    and ``first`` the number of the first line or record (JSONL and WARC partitions);
    ``docs`` is how many documents it should hold (for progress and failure counts)."""

    kind: Kind
    sources: tuple[str, ...]
    locations: tuple[str, ...]
    start: int = 0
    end: int = 0
    first: int = 1
    docs: int = 0
    stamp: str = ""

    @property
    def key(self) -> str:
        """Identifies the slice and the file versions it was cut from."""
        blob = json.dumps([self.kind, self.locations, self.start, self.end, self.first, self.stamp])
        return hashlib.sha256(blob.encode()).hexdigest()[:24]

    def describe(self) -> str:
        if self.kind == "files":
            more = f" and {len(self.sources) - 1} more" if len(self.sources) > 1 else ""
            return f"{self.sources[0]}{more}"
        unit = "lines" if self.kind == "jsonl" else "records from"
        return f"{self.sources[0]} ({unit} {self.first}+, bytes {self.start}-{self.end})"


def _stamp(paths: Iterable[Path]) -> str:
    parts = []
    for p in paths:
        try:
            st = p.stat()
            parts.append(f"{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            parts.append("?")
    return ",".join(parts)


def plan(paths: Iterable[str], docs_per_partition: int = 256) -> Iterator[Partition | InputError]:
    """Partitions of every input under ``paths``, and a rejection for each path that is missing."""
    if docs_per_partition < 1:
        raise ConfigError("the partition size must be at least 1 document")
    group: list[Path] = []
    for p in paths:
        if p == "-":
            raise ConfigError("--engine dask reads files and folders, not standard input; save it to a file first")
        path = Path(p)
        if not path.exists():
            yield UnreadableInput(p, "no such file or folder")
            continue
        for f in sorted(_walk(path)) if path.is_dir() else [path]:
            cut = _split(f, docs_per_partition)
            if cut is None:
                group.append(f)
                if len(group) >= docs_per_partition:
                    yield _files(group)
                    group = []
            else:
                yield from cut
    if group:
        yield _files(group)


def _files(group: list[Path]) -> Partition:
    return Partition("files", tuple(str(f) for f in group), tuple(os.path.abspath(f) for f in group), docs=len(group), stamp=_stamp(group))


def _split(f: Path, n: int) -> list[Partition] | None:
    """JSONL and WARC files as slices, or None for a file read whole (or unreadable: the
    reader reports it, in the same words as a local ingest)."""
    if not f.is_file():
        return None
    try:
        if f.suffix.lower() in JSONL_EXT:
            with f.open("rb") as fh:
                if wide_bom(fh.read(4)):  # UTF-16/32: its lines are not cut at the byte 0x0a
                    return None
            return list(_jsonl_slices(f, n))
        if is_warc(f.name):
            return _warc_slices(f, n)
    except OSError:
        return None
    return None


def _slice(kind: Kind, f: Path, start: int, end: int, first: int, docs: int) -> Partition:
    return Partition(kind, (str(f),), (os.path.abspath(f),), start, end, first, docs, _stamp([f]))


def _jsonl_slices(f: Path, n: int) -> Iterator[Partition]:
    start = pos = lines = docs = 0
    first = 1
    with f.open("rb") as fh:
        for raw in fh:
            pos += len(raw)
            lines += 1
            docs += bool(raw.strip())
            if lines == n:
                yield _slice("jsonl", f, start, pos, first, docs)
                start, first, lines, docs = pos, first + lines, 0, 0
    if lines or pos == 0:
        yield _slice("jsonl", f, start, pos, first, docs)


def _warc_slices(f: Path, n: int) -> list[Partition]:
    """Cut before every ``n``-th HTML response record. A file warcio cannot walk record by
    record (e.g. gzipped as a whole) stays one partition, and its reader says what is wrong."""
    from warcio.archiveiterator import ArchiveIterator

    size = f.stat().st_size
    out: list[Partition] = []
    start, first, docs = 0, 1, 0
    try:
        with f.open("rb") as fh:
            it = ArchiveIterator(fh)
            for number, rec in enumerate(it, start=1):
                offset = it.get_record_offset()
                if docs >= n:
                    out.append(_slice("warc", f, start, offset, first, docs))
                    start, first, docs = offset, number, 0
                docs += _is_page(rec)
    except Exception:  # noqa: BLE001 - any archive error: leave it whole to the reader
        return [_slice("warc", f, 0, size, 1, 1)]
    out.append(_slice("warc", f, start, size, first, docs))
    return out


def _is_page(rec: object) -> bool:
    http = getattr(rec, "http_headers", None)
    return getattr(rec, "rec_type", "") == "response" and http is not None and "html" in (http.get_header("Content-Type") or "")
