"""Ingestion: read inputs, skip documents already stored, run the pipeline on the rest, and
store the records batch by batch, one transaction per batch.

Memory stays flat (nothing is kept across batches) and a killed run can be restarted: every
committed batch is complete, an uncommitted one left nothing behind, and the documents already
stored are skipped before the pipeline runs on them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from ..contract import to_record
from ..errors import InputError
from ..model import Article
from ..readers import ReadOptions, read_paths
from ..readers.core import content_id
from ..runner import RunOptions, run
from . import Store, open_store

Item = Article | InputError


@dataclass
class IngestReport:
    """What a run did. ``skipped`` counts documents already in the store."""

    read: int = 0
    stored: int = 0
    skipped: int = 0
    rejected: list[str] = field(default_factory=list)


def _skip_stored(store: Store, items: Iterable[Item], report: IngestReport, chunk: int) -> Iterator[Item]:
    it = iter(items)
    while batch := list(islice(it, chunk)):
        arts = [x for x in batch if isinstance(x, Article)]
        known = store.stored([content_id(a.text, a.source) for a in arts])
        for x in batch:
            if isinstance(x, Article):
                report.read += 1
                if content_id(x.text, x.source) in known:
                    report.skipped += 1
                    continue
            yield x


def ingest(
    store: Store,
    paths: Iterable[str],
    *,
    read_options: ReadOptions | None = None,
    run_options: RunOptions | None = None,
    commit_every: int = 64,
    on_item: Callable[[Item], None] | None = None,
    on_empty: Callable[[str], None] | None = None,
) -> IngestReport:
    """Ingest every input under ``paths``; ``on_item`` sees each processed article or rejection
    (for progress bars and error lines), ``on_empty`` each path that holds no documents."""
    report = IngestReport()
    opts = run_options or RunOptions()
    # With worker processes the inputs are read in a pool thread: it gets its own connection.
    reader = open_store(store.db.url, create=False) if opts.processes > 1 and ":memory:" not in store.db.url else store
    try:
        fresh = _skip_stored(reader, read_paths(paths, read_options, on_empty=on_empty), report, chunk=max(commit_every, 256))
        done = run(fresh, opts)
        while batch := list(islice(done, commit_every)):
            records = _records(batch, report, on_item)
            new = store.add(records)
            report.stored += new
            report.skipped += len(records) - new  # the same document twice in one run
    finally:
        if reader is not store:
            reader.close()
    return report


def _records(batch: list[Item], report: IngestReport, on_item: Callable[[Item], None] | None) -> list[dict[str, Any]]:
    records = []
    for item in batch:
        if on_item is not None:
            on_item(item)
        if isinstance(item, InputError):
            report.rejected.append(str(item))
        else:
            records.append(to_record(item))
    return records
