"""The staging folder: one Parquet file per partition, written by the workers.

A partition's file appears whole or not at all (written under a temporary name, then renamed),
so a file that exists is a partition done: a rerun skips it. Each row is one document: its
contract-v1 record (as JSON, with a few columns pulled out for a quick look with any Parquet
tool), a rejection with its reason, or a note that the store already held it.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

STORED = "stored"
NEW = "new"
REJECTED = "rejected"

COLUMNS = ("status", "id", "source", "title", "published", "events", "where", "reason", "record")


@dataclass(frozen=True)
class Row:
    status: str
    id: str | None = None
    source: str | None = None
    title: str | None = None
    published: str | None = None
    events: int = 0
    where: str | None = None
    reason: str | None = None
    record: str | None = None

    @classmethod
    def of_record(cls, rec: dict[str, Any]) -> Row:
        pub = rec.get("published") or {}
        text = json.dumps(rec, ensure_ascii=False, separators=(",", ":"))
        return cls(NEW, rec["id"], rec["source"], rec.get("title"), pub.get("value"), len(rec.get("events") or ()), record=text)


def _schema() -> Any:
    import pyarrow as pa

    s, i = pa.string(), pa.int32()
    return pa.schema([("status", s), ("id", s), ("source", s), ("title", s), ("published", s), ("events", i), ("where", s), ("reason", s), ("record", pa.large_string())])


def part_path(staging: Path, key: str) -> Path:
    return staging / f"part-{key}.parquet"


def write_part(path: Path, rows: list[Row]) -> None:
    """Write atomically: a reader sees the whole file or none."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    cols = {c: [getattr(r, c) for r in rows] for c in COLUMNS}
    table = pa.table(cols, schema=_schema())
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        pq.write_table(table, tmp, compression="zstd")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def read_part(path: Path) -> Iterator[Row]:
    import pyarrow.parquet as pq

    table = pq.read_table(path, schema=_schema())
    for batch in table.to_batches(max_chunksize=256):
        for d in batch.to_pylist():
            yield Row(**d)


def count_rows(path: Path) -> int:
    import pyarrow.parquet as pq

    return int(pq.ParquetFile(path).metadata.num_rows)


def note_attempt(staging: Path, key: str) -> None:
    """Leave a mark for each attempt at a partition, so that retries can be reported."""
    folder = staging / "attempts" / key
    folder.mkdir(parents=True, exist_ok=True)
    (folder / uuid.uuid4().hex).touch()


def attempts(staging: Path, key: str) -> int:
    folder = staging / "attempts" / key
    return sum(1 for _ in folder.iterdir()) if folder.is_dir() else 0


def forget_attempts(staging: Path, key: str) -> None:
    folder = staging / "attempts" / key
    if folder.is_dir():
        for f in folder.iterdir():
            f.unlink(missing_ok=True)
        folder.rmdir()


def clean_temporary(staging: Path) -> int:
    """Remove files left half-written by a worker that died; return how many."""
    n = 0
    for f in staging.glob(".part-*.tmp"):
        f.unlink(missing_ok=True)
        n += 1
    return n
