"""``tidings ingest --engine dask`` from the command line, with the real spaCy stage."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_store_ingest import dump

from tidings.cli import main
from tidings.scale.cli import default_staging

TOWNS = ("Northfield", "Easton", "Southwick", "Westbury")


def _corpus(path: Path, n: int) -> Path:
    rows = [{"text": f"Item {i}. The mayor of {TOWNS[i % 4]} opened a bridge over the river on Tuesday, and {i + 2} families moved in.", "url": f"https://towns.example/{i}"} for i in range(n)]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n{broken\n", encoding="utf-8")
    return path


@pytest.mark.model
@pytest.mark.dask
def test_cli_dask_with_two_workers_stores_what_a_local_ingest_stores(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = str(_corpus(tmp_path / "towns.jsonl", 200))
    local, remote = f"sqlite:///{tmp_path / 'local.db'}", f"sqlite:///{tmp_path / 'dask.db'}"
    assert main(["ingest", src, "--db", local, "--stages", "nlp", "--no-progress"]) == 1
    capsys.readouterr()
    argv = ["ingest", src, "--db", remote, "--stages", "nlp", "--engine", "dask", "--workers", "2", "--partition-size", "50", "--no-progress"]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert f"rejected {src}:201: not valid JSON" in err
    assert "200 new documents stored, 0 already stored, 1 rejected, 0 failed; 5 partitions, 5 computed" in err
    assert dump(remote) == dump(local) and len(dump(local)["mentions"]) > 200
    assert len(list(Path(default_staging(remote)).glob("part-*.parquet"))) == 5
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "0 new documents stored, 200 already stored, 1 rejected, 0 failed; 5 partitions, 0 computed" in err
    assert "Dask on" not in err  # every partition was done: no cluster started


def test_standard_input_is_refused_before_any_cluster_starts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", "-", "--db", f"sqlite:///{tmp_path / 's.db'}", "--engine", "dask"]) == 2
    assert "not standard input" in capsys.readouterr().err
    assert not (tmp_path / "s.db").exists()


def test_an_unknown_stage_is_refused_before_any_cluster_starts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _corpus(tmp_path / "towns.jsonl", 3)
    assert main(["ingest", str(src), "--db", f"sqlite:///{tmp_path / 's.db'}", "--engine", "dask", "--stages", "nlp,nosuchstage"]) == 2
    err = capsys.readouterr().err
    assert "nosuchstage" in err and "Dask on" not in err


def test_staging_sits_next_to_a_sqlite_store_and_apart_for_postgresql(tmp_path: Path) -> None:
    assert default_staging(f"sqlite:///{tmp_path / 'events.db'}") == str(tmp_path / "events.db.staging")
    a, b = default_staging("postgresql://u@h/db1"), default_staging("postgresql://u@h/db2")
    assert a != b and "tidings-staging" in a
