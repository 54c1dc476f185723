"""Ingest on a Dask LocalCluster: the same store as a local ingest, after a rerun, a lost
partition, a worker killed mid-run, or a partition that fails."""

from __future__ import annotations

import logging
import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from scale_helpers import FakeStages, register, text_files, warc
from test_store_ingest import corpus, dump

from tidings.readers import ReadOptions
from tidings.runner import RunOptions
from tidings.scale.engine import DaskReport, Progress, ingest_dask
from tidings.scale.worker import Job
from tidings.store import open_store
from tidings.store.ingest import IngestReport, ingest

pytestmark = pytest.mark.dask


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=logging.ERROR) as cluster, Client(cluster) as c:
        c.register_plugin(FakeStages())
        yield c


@pytest.fixture(autouse=True)
def fake_stages(monkeypatch: pytest.MonkeyPatch) -> None:
    register(monkeypatch)


def _inputs(tmp_path: Path, n: int = 300) -> list[str]:
    src = corpus(tmp_path / "in.jsonl", n)
    return [str(src), str(text_files(tmp_path / "notes", 30)), str(warc(tmp_path / "crawl.warc.gz", 25)), str(tmp_path / "missing.txt")]


def _local(url: str, paths: list[str], stage: str = "fake") -> IngestReport:
    with open_store(url) as s:
        return ingest(s, paths, read_options=ReadOptions(), run_options=RunOptions(stages=(stage,), batch_size=8), commit_every=10)


def _dask(url: str, paths: list[str], client: Any, staging: Path, stage: str = "fake", **kw: Any) -> DaskReport:
    with open_store(url) as s:
        return ingest_dask(s, paths, lambda: client, Job(str(staging), (stage,), batch_size=8, db_url=url), docs_per_partition=kw.pop("size", 40), commit_every=10, **kw)


def test_dask_ingest_gives_the_store_of_a_local_ingest(store_url: str, client: Any, tmp_path: Path) -> None:
    paths = _inputs(tmp_path)
    paths.append(paths[0])  # the same file twice: computed once, stored once
    reference = f"sqlite:///{tmp_path / 'local.db'}"
    local = _local(reference, paths)
    report = _dask(store_url, paths, client, tmp_path / "staging")
    assert (report.stored, report.skipped, report.read) == (local.stored, local.skipped, local.read) == (355, 300, 655)
    assert sorted(report.rejected) == sorted(local.rejected) and len(report.rejected) == 2
    assert report.failed == [] and report.failed_docs == 0
    assert report.partitions == 8 + 1 + 1 + 8 and report.computed == 10
    expected = dump(reference)
    assert len(expected["events"]) == 355 and expected["clusters"] and expected["duplicates"]
    assert dump(store_url) == expected


def _no_cluster() -> Any:
    raise AssertionError("a rerun over finished partitions needs no cluster")


def test_a_rerun_computes_nothing_and_a_lost_partition_is_recomputed_not_restored(client: Any, tmp_path: Path) -> None:
    paths = _inputs(tmp_path, 120)
    url, staging = f"sqlite:///{tmp_path / 'store.db'}", tmp_path / "staging"
    first = _dask(url, paths, client, staging)
    before = dump(url)
    with open_store(url) as s:
        again = ingest_dask(s, paths, _no_cluster, Job(str(staging), ("fake",), batch_size=8, db_url=url), docs_per_partition=40)
    assert (again.computed, again.stored, again.skipped) == (0, 0, first.stored)
    files = sorted(staging.glob("part-*.parquet"))
    for f in files[:2]:
        f.unlink()
    third = _dask(url, paths, client, staging)
    assert (third.computed, third.stored, third.skipped) == (2, 0, first.stored)
    assert dump(url) == before
    assert not list(staging.glob(".*.tmp"))


def test_a_failing_partition_is_retried_then_reported_with_its_documents(client: Any, tmp_path: Path) -> None:
    src = corpus(tmp_path / "in.jsonl", 60)
    lines = src.read_text(encoding="utf-8").splitlines()
    lines[25] = lines[25].replace("Report 25.", "Report 25 BOOM.")
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'store.db'}"
    report = _dask(url, [str(src)], client, tmp_path / "staging", stage="boom", size=20, retries=1)
    assert report.stored == 40 and report.failed_docs == 20
    [failed] = report.failed
    assert "lines 21+" in failed and "ConfigError" in failed and "boom stage met BOOM" in failed
    assert report.retried == [f"{src} (lines 21+, bytes {failed.split('bytes ')[1].split(')')[0]}): 2 attempts"]


def test_a_worker_killed_mid_run_leaves_complete_unduplicated_contents(client: Any, tmp_path: Path) -> None:
    paths = _inputs(tmp_path, 300)
    reference = f"sqlite:///{tmp_path / 'local.db'}"
    _local(reference, paths)
    killed: list[int] = []
    staging = tmp_path / "staging"

    def kill_a_busy_worker(p: Progress) -> None:
        """Kill a worker that has started a partition (its attempt is marked, its file not
        written yet); else try again at the next partition done."""
        marks = staging / "attempts"
        if killed or p.done < 2 or not marks.is_dir():
            return
        running = {f"tidings-{m.name}" for m in marks.iterdir() if not (staging / f"part-{m.name}.parquet").exists()}
        for addr, keys in client.processing().items():
            if running & set(keys):
                pid = client.run(os.getpid, workers=[addr])[addr]
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
                return

    url = f"sqlite:///{tmp_path / 'store.db'}"
    report = _dask(url, paths, client, staging, stage="slowfake", size=20, on_progress=kill_a_busy_worker)
    assert killed, "the run ended before a worker could be killed"
    assert report.failed == [] and report.stored == 355 and report.retried
    assert dump(url) == dump(reference)
    assert killed[0] not in client.run(os.getpid).values()
