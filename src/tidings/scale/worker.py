"""What runs on a Dask worker: read one partition, extract it, write its Parquet file.

The pipeline is built once per worker process (``tidings.runner`` caches it), and reused by
every partition that worker runs. Documents the store already holds are skipped before the
pipeline runs when the worker can reach the store; the driver's load skips them anyway.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..contract import SCHEMA_ID, to_record
from ..errors import InputError, StoreError
from ..model import Article
from ..readers import ReadOptions
from ..readers.core import _read_file, _read_jsonl, content_id
from ..readers.warc import read_warc
from ..runner import RunOptions, run
from .partitions import Partition
from .staging import REJECTED, STORED, Row, count_rows, note_attempt, part_path, write_part

Item = Article | InputError


@dataclass(frozen=True)
class Job:
    """Everything a worker needs besides its partition. ``db_url`` (optional) lets workers
    skip documents already stored; ``staging`` must be visible to the workers and the driver."""

    staging: str
    stages: tuple[str, ...]
    batch_size: int = 32
    published: date | None = None
    db_url: str | None = None

    def part_key(self, part: Partition) -> str:
        """The staging name of a partition: its slice and what is run on it."""
        pub = self.published.isoformat() if self.published else None
        blob = json.dumps([part.key, self.stages, pub, SCHEMA_ID])
        return hashlib.sha256(blob.encode()).hexdigest()[:24]


@dataclass(frozen=True)
class Done:
    """A finished partition: its staging key, rows written, and whether it was computed now."""

    key: str
    rows: int
    computed: bool


def read_partition(part: Partition, opts: ReadOptions) -> Iterator[Item]:
    """The items of one partition, named as a local ingest names them."""
    if part.kind == "files":
        for src, loc in zip(part.sources, part.locations, strict=True):
            yield from _read_file(Path(loc), opts, src=src)
        return
    with open(part.locations[0], "rb") as fh:
        fh.seek(part.start)
        data = io.BytesIO(fh.read(part.end - part.start))
    src = part.sources[0]
    yield from (_read_jsonl(data, src, opts, first=part.first) if part.kind == "jsonl" else read_warc(data, src, opts, first=part.first))


def _stored(url: str | None, ids: list[str]) -> set[str]:
    if not url or not ids:
        return set()
    from ..store import open_store

    if url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).is_file():
        return set()
    try:
        with open_store(url, create=False) as store:
            return store.stored(ids)
    except StoreError:
        return set()  # the driver's load skips stored documents anyway


def extract_partition(part: Partition, job: Job) -> Done:
    """Run on a worker: extract ``part`` into its Parquet file (unless it exists already)."""
    staging = Path(job.staging)
    key = job.part_key(part)
    out = part_path(staging, key)
    if out.exists():
        return Done(key, count_rows(out), computed=False)
    note_attempt(staging, key)
    items = list(read_partition(part, ReadOptions(published=job.published)))
    known = _stored(job.db_url, [content_id(a.text, a.source) for a in items if isinstance(a, Article)])
    rows: list[Row] = []
    fresh: list[Item] = []
    for x in items:
        if isinstance(x, Article) and content_id(x.text, x.source) in known:
            rows.append(Row(STORED, x.id, x.source))
        else:
            fresh.append(x)
    for item in run(fresh, RunOptions(stages=job.stages, batch_size=job.batch_size, processes=1)):
        if isinstance(item, InputError):
            rows.append(Row(REJECTED, where=item.source, reason=str(item)))
        else:
            rows.append(Row.of_record(to_record(item)))
    write_part(out, rows)
    return Done(key, len(rows), computed=True)
