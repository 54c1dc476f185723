"""Ingestion: idempotent, streaming in committed batches, resumable after kill -9."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from store_fakes import register_fake_stages

from tidings.readers import ReadOptions
from tidings.runner import RunOptions
from tidings.store import open_store
from tidings.store.backend import connect
from tidings.store.ingest import ingest

HERE = Path(__file__).resolve().parent
TABLES = ("documents", "mentions", "events", "clusters", "event_links", "doc_signatures", "doc_bands", "duplicates", "schema_migrations")
PLACES = ("Alphaville", "Betatown", "Gammaport")
ACTORS = ("Blue Brigade", "Red Legion", "Green Front")
WORDS = ["amber", "basil", "cedar", "dune", "ember", "fjord", "grove", "heron", "iris", "jade", "kelp", "lotus", "maple", "nectar", "onyx", "pine", "quartz", "reed", "sage", "thyme"]


def corpus(path: Path, n: int) -> Path:
    """``n`` JSONL documents written for this test: events that merge across documents, and
    every seventh document an updated copy of the one before."""
    lines = []
    for i in range(n):
        if i % 7 == 6:
            prev = json.loads(lines[-1])
            lines.append(json.dumps({"id": f"doc{i}", "text": prev["text"] + " This report was updated.", "url": f"https://copy{i % 3}.example/{i}"}))
            continue
        filler = " ".join(f"The {WORDS[(i * k) % 20]} {WORDS[(i + k * 3) % 20]} committee met {i * k + 1} times." for k in range(1, 6))
        text = f"Report {i}. {3 + i % 11} people were killed in {PLACES[i % 3]} on 2020-05-{1 + i % 9:02d} by the {ACTORS[i % 3]}. {filler}"
        lines.append(json.dumps({"id": f"doc{i}", "text": text, "url": f"https://site{i % 5}.example/{i}", "published": "2020-05-20"}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def dump(url: str) -> dict[str, list[tuple[Any, ...]]]:
    db = connect(url)
    try:
        out = {}
        for t in TABLES:
            rows = [tuple(bytes(v) if isinstance(v, memoryview) else v for v in r) for r in db.query(f"SELECT * FROM {t}")]
            out[t] = sorted(rows, key=repr)
        return out
    finally:
        db.close()


def count(url: str) -> int:
    db = connect(url)
    try:
        n = db.query("SELECT COUNT(*) FROM documents")
        return int(n[0][0])
    except Exception:  # noqa: BLE001 - the store may not be created yet
        return 0
    finally:
        db.close()


def _ingest(url: str, paths: list[str], stages: tuple[str, ...] = ("fake",)) -> Any:
    with open_store(url) as s:
        return ingest(s, paths, read_options=ReadOptions(), run_options=RunOptions(stages=stages, batch_size=8), commit_every=10)


def test_reingesting_changes_nothing(store_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    register_fake_stages(monkeypatch)
    src = corpus(tmp_path / "in.jsonl", 40)
    first = _ingest(store_url, [str(src)])
    assert (first.read, first.stored, first.skipped) == (40, 40, 0)
    before = dump(store_url)
    assert len(before["events"]) == 40 and len(before["duplicates"]) >= 5 and len(before["clusters"]) < 35
    again = _ingest(store_url, [str(src), str(src)])
    assert (again.stored, again.skipped) == (0, 80)
    assert dump(store_url) == before


def test_the_same_input_twice_in_one_run_is_counted_once_stored_once_skipped(store_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    register_fake_stages(monkeypatch)
    src = corpus(tmp_path / "in.jsonl", 12)
    report = _ingest(store_url, [str(src), str(src)])
    assert (report.read, report.stored, report.skipped) == (24, 12, 12)
    assert count(store_url) == 12


def test_rejected_inputs_are_reported_and_the_rest_stored(store_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    register_fake_stages(monkeypatch)
    (tmp_path / "ok.txt").write_text("4 people were killed in Alphaville on 2020-05-02 by the Red Legion.\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    report = _ingest(store_url, [str(tmp_path)])
    assert report.stored == 1 and len(report.rejected) == 1 and "empty.txt" in report.rejected[0]


def _start(url: str, src: Path) -> subprocess.Popen[bytes]:
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from store_fakes import register_fake_stages; register_fake_stages();"
        "from tidings.cli import main; sys.exit(main(['ingest', sys.argv[2], '--db', sys.argv[3], '--stages', 'slowfake', '--batch-size', '10', '--no-progress']))"
    )
    return subprocess.Popen([sys.executable, "-c", code, str(HERE), str(src), url], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _kill_when(proc: subprocess.Popen[bytes], url: str, at_least: int, total: int) -> int:
    deadline = time.monotonic() + 120
    while (n := count(url)) < at_least and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    n = count(url)
    assert n < total, "the run finished before it could be killed; make the corpus larger"
    return n


def test_kill_9_at_several_points_then_rerun_equals_an_uninterrupted_run(store_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    register_fake_stages(monkeypatch)
    total = 300
    src = corpus(tmp_path / "in.jsonl", total)
    reference = f"sqlite:///{tmp_path / 'reference.db'}"
    _ingest(reference, [str(src)])
    seen = [_kill_when(_start(store_url, src), store_url, at_least, total) for at_least in (0, 60, 180)]
    assert seen[1] >= 60 and seen[2] >= 180
    last = _start(store_url, src)
    _, err = last.communicate(timeout=300)
    assert last.returncode == 0, err.decode()
    assert f"{total - seen[2]} new documents stored, {seen[2]} already stored" in err.decode()
    assert dump(store_url) == dump(reference)


@pytest.mark.model
def test_worker_processes_store_the_same_as_one_process(tmp_path: Path) -> None:
    for name, text in {"a.txt": "Police in Lagos arrested two men on Friday.", "b.txt": "Farmers marched in Delhi on Monday over prices."}.items():
        (tmp_path / name).write_text(text + "\n", encoding="utf-8")
    dumps = []
    for n in (1, 2):
        url = f"sqlite:///{tmp_path / f'p{n}.db'}"
        with open_store(url) as s:
            report = ingest(s, [str(tmp_path)], run_options=RunOptions(stages=("nlp",), processes=n, batch_size=1), commit_every=1)
        assert report.stored == 2
        dumps.append(dump(url))
    assert dumps[0] == dumps[1] and len(dumps[0]["mentions"]) >= 4
