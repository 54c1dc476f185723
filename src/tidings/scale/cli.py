"""The ``--engine dask`` options of ``tidings ingest`` and the command that runs them."""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
from contextlib import ExitStack
from typing import TYPE_CHECKING, Any

from ..errors import UnknownStage
from ..pipeline import DEFAULT_STAGES, Registry

if TYPE_CHECKING:
    from .engine import Progress

DASK_EPILOG = """\
On Dask (pip install 'tidings[dask]'):
  tidings ingest crawl/ --engine dask --workers 4                 a LocalCluster for this command
  tidings ingest /shared/news --engine dask --scheduler tcp://10.0.0.5:8786 \\
      --db postgresql://tidings@db/tidings --staging /shared/tidings-staging
Workers write one Parquet file per partition into the staging folder (default: next to the
store), which the workers and this machine must all see; a rerun skips the partitions done.
"""


def add_dask_options(p: argparse.ArgumentParser) -> None:
    """The options of ``ingest`` that choose and tune the engine."""
    p.add_argument("--engine", choices=["local", "dask"], default="local", help="local processes (default) or a Dask cluster")
    p.add_argument("--scheduler", metavar="tcp://HOST:PORT", help="(dask) address of a running Dask scheduler; default: start a LocalCluster")
    p.add_argument("--workers", type=int, default=2, metavar="N", help="(dask) worker processes of the LocalCluster (default: 2)")
    p.add_argument("--staging", metavar="DIR", help="(dask) folder for the Parquet partitions, shared by the workers (default: next to the store)")
    p.add_argument("--partition-size", type=int, default=256, metavar="N", help="(dask) documents (files, JSONL lines, WARC pages) per partition (default: 256)")


def default_staging(db_url: str) -> str:
    """``PATH.staging`` beside a SQLite store; ``tidings-staging/NAME`` here for PostgreSQL."""
    if "://" not in db_url or db_url.startswith("sqlite:"):
        path = db_url.removeprefix("sqlite:///").removeprefix("sqlite:")
        if path and path != ":memory:":
            return os.path.abspath(path) + ".staging"
    name = hashlib.sha256(db_url.encode()).hexdigest()[:12]
    return os.path.abspath(os.path.join("tidings-staging", name))


def _store_url(db_url: str) -> str:
    """The store's URL as workers in another folder can open it."""
    if db_url.startswith("sqlite:///") and db_url != "sqlite:///:memory:":
        return "sqlite:///" + os.path.abspath(db_url.removeprefix("sqlite:///"))
    if "://" not in db_url:
        return "sqlite:///" + os.path.abspath(db_url)
    return db_url


def cmd_ingest_dask(args: argparse.Namespace) -> int:
    """``tidings ingest --engine dask``: exit 0 done, 1 some documents rejected or failed."""
    from ..store import open_store
    from .engine import dashboard_link, dask_client, ingest_dask
    from .worker import Job

    if min(args.workers, args.partition_size, args.batch_size) < 1:
        print("tidings: --workers, --partition-size and --batch-size must be at least 1", file=sys.stderr)
        return 2
    if "-" in args.paths:
        print("tidings: --engine dask reads files and folders, not standard input; save it to a file first", file=sys.stderr)
        return 2
    stages = args.stages or DEFAULT_STAGES
    known = Registry().names()
    for name in stages:
        if name not in known:
            raise UnknownStage(name, known)  # here, not once per partition on the workers
    staging = args.staging or default_staging(args.db)
    job = Job(staging=os.path.abspath(staging), stages=stages, batch_size=min(args.batch_size, 32), published=args.published, db_url=_store_url(args.db))
    show = args.progress if args.progress is not None else sys.stderr.isatty()
    with open_store(args.db) as store, ExitStack() as stack:

        def start() -> Any:
            client = stack.enter_context(dask_client(args.scheduler, args.workers))
            link = dashboard_link(client)
            where = args.scheduler or f"a LocalCluster of {args.workers} workers"
            print(f"tidings: Dask on {where}" + (f"; dashboard {link}" if link else "") + f"; staging {staging}", file=sys.stderr, flush=True)
            return client

        bar = _Bar() if show else None
        report = ingest_dask(store, args.paths, start, job, docs_per_partition=args.partition_size, commit_every=args.batch_size, on_progress=bar.update if bar else None)
        if bar is not None:
            bar.close()
    for line in report.rejected:
        print(f"tidings: rejected {line}", file=sys.stderr)
    for line in report.retried:
        print(f"tidings: retried {line}", file=sys.stderr)
    for line in report.failed:
        print(f"tidings: FAILED {line}", file=sys.stderr)
    print(
        f"tidings: {report.stored} new documents stored, {report.skipped} already stored, {len(report.rejected)} rejected, "
        f"{report.failed_docs} failed; {report.partitions} partitions, {report.computed} computed, {len(report.retried)} retried ({args.db})",
        file=sys.stderr,
    )
    return 1 if report.rejected or report.failed else 0


class _Bar:
    """Partitions done and documents/s, on standard error."""

    def __init__(self) -> None:
        from tqdm import tqdm

        self.bar: Any = tqdm(unit="part", file=sys.stderr, dynamic_ncols=True, desc="ingest (dask)")

    def update(self, p: Progress) -> None:
        self.bar.total = p.total
        self.bar.n = p.done
        self.bar.set_postfix_str(f"{p.docs} docs, {p.docs_per_second:.1f} docs/s", refresh=True)

    def close(self) -> None:
        self.bar.close()
