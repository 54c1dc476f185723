from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from tidings.cli import main
from tidings.geo.fold import fold
from tidings.pipeline import DEFAULT_STAGES


def test_gazetteer_info_describes_the_file(gazetteer_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("TIDINGS_CACHE_DIR", str(gazetteer_path.parent))
    assert main(["gazetteer", "info"]) == 0
    out = dict(line.split(": ", 1) for line in capsys.readouterr().out.splitlines())
    assert Path(out["path"]) == gazetteer_path
    assert int(out["bytes"]) == gazetteer_path.stat().st_size


def test_gazetteer_info_without_a_file_says_how_to_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("TIDINGS_CACHE_DIR", str(tmp_path))
    assert main(["gazetteer", "info"]) == 2  # configuration missing: usage exit code, not "inputs rejected"
    assert "tidings gazetteer build" in capsys.readouterr().err


def test_places_runs_by_default_after_nlp() -> None:
    assert DEFAULT_STAGES.index("places") > DEFAULT_STAGES.index("nlp")


def test_ruler_patterns_name_curated_regions() -> None:
    regions = resources.files("tidings.geo").joinpath("data").joinpath("regions.tsv").read_text(encoding="utf-8")
    known = set()
    for line in regions.splitlines():
        if line and not line.startswith("#"):
            name, aliases, *_ = line.split("\t")
            known.update(fold(n) for n in [name, *aliases.split("|")] if n)
    patterns = resources.files("tidings.nlp").joinpath("ruler_patterns.jsonl").read_text(encoding="utf-8")
    rows = [json.loads(line) for line in patterns.splitlines() if line.strip() and not line.startswith("//")]
    assert rows
    for row in rows:
        assert row["label"] in ("GPE", "LOC") and fold(row["pattern"]) in known, row
