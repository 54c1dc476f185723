"""The driver of a Dask ingest: plan partitions, have workers extract them into Parquet files,
and load each finished file into the store.

Loading is as idempotent as a local ingest: a document already stored is skipped (ids are
content hashes, and every row derived from a document depends only on the set of stored
documents), so a partition that was retried, computed twice, or loaded again by a rerun adds
nothing twice. A partition whose Parquet file exists is not computed again.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from time import monotonic
from typing import Any

from ..errors import ConfigError, InputError
from ..store import Store
from ..store.ingest import IngestReport
from .partitions import Partition, plan
from .staging import NEW, REJECTED, STORED, attempts, clean_temporary, forget_attempts, part_path, read_part
from .worker import Job, extract_partition


@dataclass
class DaskReport(IngestReport):
    """A local ingest's counts, plus the partitions: ``failed`` says which documents were not
    extracted and why (after retries); ``retried`` names partitions that needed more than one
    attempt (a worker died or raised)."""

    partitions: int = 0
    computed: int = 0
    failed: list[str] = field(default_factory=list)
    failed_docs: int = 0
    retried: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    docs: int
    seconds: float

    @property
    def docs_per_second(self) -> float:
        return self.docs / self.seconds if self.seconds > 0 else 0.0


@contextmanager
def dask_client(scheduler: str | None = None, workers: int = 2) -> Iterator[Any]:
    """A client of the scheduler at ``scheduler``, or of a LocalCluster of ``workers``
    single-threaded processes that lives as long as the ``with`` block."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ConfigError("--engine dask needs Dask and pyarrow: pip install 'tidings[dask]'") from None
    if scheduler:
        try:
            client = Client(scheduler, timeout="30s")
        except (OSError, TimeoutError) as exc:
            raise ConfigError(f"cannot reach the Dask scheduler at {scheduler} ({exc}); check the address and that the scheduler runs") from None
        with client:
            yield client
        return
    if workers < 1:
        raise ConfigError("--workers must be at least 1")
    import dask

    with (
        dask.config.set({"distributed.worker.profile.enabled": False}),  # sampling costs CPU; a small cluster has none to spare
        LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=logging.ERROR) as cluster,
        Client(cluster) as client,
    ):
        yield client


def dashboard_link(client: Any) -> str | None:
    """The dashboard's address, or None when the scheduler serves none (no bokeh)."""
    services = client.scheduler_info().get("services", {})
    return str(client.dashboard_link) if "dashboard" in services else None


def ingest_dask(
    store: Store,
    paths: Iterable[str],
    client: Callable[[], Any],
    job: Job,
    *,
    docs_per_partition: int = 256,
    commit_every: int = 64,
    retries: int = 2,
    on_progress: Callable[[Progress], None] | None = None,
) -> DaskReport:
    """Ingest every input under ``paths`` on a Dask cluster; ``client()`` gives its client, and is
    called only when some partition needs computing (a rerun over finished partitions starts
    no cluster). ``job.staging`` must be a folder that the workers and this process share."""
    report = DaskReport()
    staging = Path(job.staging)
    staging.mkdir(parents=True, exist_ok=True)
    clean_temporary(staging)
    by_key = _plan(paths, job, docs_per_partition, report)
    clock = _Clock(report.partitions, on_progress)

    def finish(key: str) -> None:
        for _ in by_key[key]:
            clock.tick(_load(store, part_path(staging, key), report, commit_every))

    todo = [key for key in by_key if not part_path(staging, key).exists()]
    for key in by_key.keys() - set(todo):
        finish(key)
    pending: dict[Any, str] = {}
    if todo:
        dask = client()
        pending = {dask.submit(extract_partition, by_key[k][0], job, key=f"tidings-{k}", retries=retries, pure=False): k for k in todo}
    report.computed = len(pending)
    _collect(pending, staging, by_key, report, finish, clock)
    return report


def _plan(paths: Iterable[str], job: Job, size: int, report: DaskReport) -> dict[str, list[Partition]]:
    """Partitions by staging key: the same slice named twice is computed once, loaded twice
    (so the counts match a local ingest of the same arguments)."""
    by_key: dict[str, list[Partition]] = {}
    for p in plan(paths, size):
        if isinstance(p, InputError):
            report.rejected.append(str(p))
            continue
        by_key.setdefault(job.part_key(p), []).append(p)
        report.partitions += 1
    return by_key


def _collect(pending: dict[Any, str], staging: Path, by_key: dict[str, list[Partition]], report: DaskReport, finish: Callable[[str], None], clock: _Clock) -> None:
    if not pending:
        return
    from distributed import as_completed

    for fut in as_completed(list(pending)):
        key = pending[fut]
        if fut.status == "finished":
            fut.result()
            finish(key)
        else:
            exc = fut.exception()
            for p in by_key[key]:
                report.failed.append(f"{p.describe()}: {type(exc).__name__}: {exc}")
                report.failed_docs += p.docs
                clock.tick(0)
        n = attempts(staging, key)
        if n > 1:
            report.retried.append(f"{by_key[key][0].describe()}: {n} attempts")
        forget_attempts(staging, key)
        fut.release()


class _Clock:
    def __init__(self, total: int, on_progress: Callable[[Progress], None] | None) -> None:
        self.total, self.on_progress = total, on_progress
        self.done = self.docs = 0
        self.t0 = monotonic()

    def tick(self, docs: int) -> None:
        self.done += 1
        self.docs += docs
        if self.on_progress is not None:
            self.on_progress(Progress(self.done, self.total, self.docs, monotonic() - self.t0))


def _load(store: Store, path: Path, report: DaskReport, commit_every: int) -> int:
    """Add one partition's records to the store, ``commit_every`` per transaction; return the
    number of documents it held."""
    batch: list[dict[str, Any]] = []
    n = 0

    def flush() -> None:
        new = store.add(batch)
        report.stored += new
        report.skipped += len(batch) - new
        batch.clear()

    for row in read_part(path):
        n += 1
        if row.status == REJECTED:
            report.rejected.append(row.reason or f"{row.where}: rejected")
            continue
        report.read += 1
        if row.status == STORED:
            report.skipped += 1
        elif row.status == NEW and row.record is not None:
            batch.append(json.loads(row.record))
            if len(batch) >= commit_every:
                flush()
    if batch:
        flush()
    return n
