"""Partitions: every document read exactly once, named as a local ingest names it."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from scale_helpers import text_files, warc

from tidings.errors import ConfigError, InputError
from tidings.model import Article
from tidings.readers import ReadOptions, read_paths
from tidings.scale import Partition, plan
from tidings.scale.worker import read_partition


def _jsonl(path: Path, n: int, bad: tuple[int, ...] = ()) -> Path:
    lines = []
    for i in range(1, n + 1):
        lines.append("{oops" if i in bad else "" if i % 10 == 0 else json.dumps({"text": f"Line {i} says the ferry ran late.", "url": f"https://ferry.example/{i}"}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _described(items: list[Article | InputError]) -> list[str]:
    return [f"{x.id} {x.source}" if isinstance(x, Article) else f"rejected {x}" for x in items]


def _read_all(paths: list[str], size: int) -> tuple[list[Partition], list[Article | InputError]]:
    parts, items = [], []
    for p in plan(paths, size):
        if isinstance(p, InputError):
            items.append(p)
            continue
        parts.append(p)
        items.extend(read_partition(p, ReadOptions()))
    return parts, items


def test_jsonl_slices_cover_every_line_once_with_local_line_numbers(tmp_path: Path) -> None:
    src = _jsonl(tmp_path / "in.jsonl", 95, bad=(7, 64))
    parts, items = _read_all([str(src)], 20)
    assert [(p.start, p.first) for p in parts][:2] == [(0, 1), (parts[0].end, 21)]
    assert [p.first for p in parts] == [1, 21, 41, 61, 81]
    assert parts[-1].end == src.stat().st_size and all(a.end == b.start for a, b in zip(parts, parts[1:], strict=False))
    assert sum(p.docs for p in parts) == 95 - 9  # blank lines hold no document
    assert _described(items) == _described(list(read_paths([str(src)])))
    assert [str(x) for x in items if isinstance(x, InputError)][1].startswith(f"{src}:64: not valid JSON")


def test_warc_slices_cut_between_records_and_read_like_the_whole_file(tmp_path: Path) -> None:
    src = warc(tmp_path / "crawl.warc.gz", 7)
    parts, items = _read_all([str(src)], 3)
    assert [p.docs for p in parts] == [3, 3, 1]
    assert len(parts) == 3 and parts[0].start == 0 and parts[-1].end == src.stat().st_size
    assert _described(items) == _described(list(read_paths([str(src)])))
    assert len([x for x in items if isinstance(x, Article)]) == 7


def test_a_broken_warc_stays_whole_and_reads_as_the_local_reader_reads_it(tmp_path: Path) -> None:
    bad = tmp_path / "broken.warc.gz"
    bad.write_bytes(b"\x1f\x8b this is not an archive at all\n" * 3)
    parts, items = _read_all([str(bad)], 3)
    assert len(parts) == 1 and (parts[0].start, parts[0].end) == (0, bad.stat().st_size)
    assert [str(x) for x in items] == [str(x) for x in read_paths([str(bad)])]


def test_files_are_grouped_and_keep_the_names_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text_files(tmp_path / "notes", 5)
    monkeypatch.chdir(tmp_path)
    parts, items = _read_all(["notes", "missing.txt"], 2)
    assert [len(p.sources) for p in parts] == [2, 2, 2]
    assert parts[0].sources[0] == os.path.join("notes", "blank.txt") and os.path.isabs(parts[0].locations[0])
    assert sorted(_described(items)) == sorted(_described(list(read_paths(["notes", "missing.txt"]))))
    assert "rejected missing.txt: no such file or folder" in _described(items)


def test_a_changed_file_gets_a_new_key(tmp_path: Path) -> None:
    src = _jsonl(tmp_path / "in.jsonl", 5)
    [before] = plan([str(src)], 10)
    assert isinstance(before, Partition)
    src.write_text(src.read_text(encoding="utf-8") + json.dumps({"text": "One more line."}) + "\n", encoding="utf-8")
    [after] = plan([str(src)], 10)
    assert isinstance(after, Partition) and after.key != before.key


def test_standard_input_and_bad_sizes_are_refused() -> None:
    with pytest.raises(ConfigError, match="standard input"):
        list(plan(["-"]))
    with pytest.raises(ConfigError, match="at least 1"):
        list(plan(["x"], 0))


def test_a_utf16_jsonl_file_is_one_partition_read_as_locally(tmp_path: Path) -> None:
    f = tmp_path / "wide.jsonl"
    f.write_bytes("".join(json.dumps({"text": f"Line {i} says the ferry ran late."}) + "\n" for i in range(5)).encode("utf-16"))
    parts, items = _read_all([str(f)], 2)
    assert [p.kind for p in parts] == ["files"]
    assert _described(items) == _described(list(read_paths([str(f)])))
    assert all(isinstance(x, Article) for x in items) and len(items) == 5
