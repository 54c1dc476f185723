"""Hostile inputs: each gives a clear one-line error or a valid record; none takes the batch down."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tidings.contract import to_record, validate
from tidings.errors import InputError
from tidings.model import Article
from tidings.readers import read_paths

CORPUS = Path(__file__).parent / "corpus"


def extract_all(default_pipeline: Any, paths: list[Path]) -> tuple[list[dict[str, Any]], list[InputError]]:
    records, errors = [], []
    for item in read_paths([str(p) for p in paths]):
        if isinstance(item, InputError):
            errors.append(item)
        else:
            rec = to_record(default_pipeline(item))
            validate(rec)
            records.append(rec)
    return records, errors


def test_corpus_files_give_records_or_clear_errors(default_pipeline: Any) -> None:
    files = sorted(CORPUS.iterdir())
    records, errors = extract_all(default_pipeline, files)
    by_source = {r["source"] for r in records}
    for name in ("emoji.txt", "rtl.txt", "impossible-dates.txt", "controls.txt", "unclosed.html", "utf8-bom.txt"):
        assert str(CORPUS / name) in by_source, name
    ids = [r["id"] for r in records if r["source"].endswith("broken.jsonl")]
    assert "ok" in ids and "5" not in ids
    reasons = {e.source.rsplit(":", 1)[-1]: e.reason for e in errors if "broken.jsonl" in e.source}
    assert "not valid JSON" in reasons["2"]
    assert all("\n" not in str(e) for e in errors)


def test_bom_is_not_part_of_the_title(default_pipeline: Any) -> None:
    (art,) = read_paths([str(CORPUS / "utf8-bom.txt")])
    assert isinstance(art, Article) and art.title == "BOM headline"


def test_huge_single_line_jsonl_is_rejected_and_the_rest_read(tmp_path: Path) -> None:
    f = tmp_path / "big.jsonl"
    with f.open("w") as fh:
        fh.write('{"id": "a", "text": "Before the long line."}\n')
        fh.write('{"id": "huge", "text": "' + "x" * (26 * 1024 * 1024) + '"}\n')
        fh.write('{"id": "b", "text": "After the long line."}\n')
    items = list(read_paths([str(f)]))
    assert [getattr(i, "id", None) for i in items] == ["a", None, "b"]
    assert isinstance(items[1], InputError) and "limit" in str(items[1])


def test_document_over_the_character_limit(tmp_path: Path) -> None:
    f = tmp_path / "long.jsonl"
    f.write_text(json.dumps({"text": "word " * 250_000}) + "\n")
    (err,) = read_paths([str(f)])
    assert isinstance(err, InputError) and "1000000-character limit" in str(err)


def test_deeply_nested_html_does_not_crash(tmp_path: Path) -> None:
    f = tmp_path / "deep.html"
    f.write_text("<html><body>" + "<div>" * 20000 + "<p>Deep text about a protest in the capital city square.</p>" + "</div>" * 20000 + "</body></html>")
    items = list(read_paths([str(f)]))
    assert len(items) == 1
    assert isinstance(items[0], (Article, InputError))


def test_cli_survives_a_hostile_folder(tmp_path: Path) -> None:
    for p in CORPUS.iterdir():
        (tmp_path / p.name).write_bytes(p.read_bytes())
    (tmp_path / "nul.txt").write_bytes(b"abc\x00def")
    (tmp_path / "bad.html").write_bytes(b"\xff\xfe\xfa<html>")
    proc = subprocess.run([sys.executable, "-m", "tidings", "extract", str(tmp_path), "--format", "jsonl"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1
    recs = [json.loads(x) for x in proc.stdout.splitlines()]
    assert len(recs) >= 7
    for r in recs:
        validate(r)
    rejected = [line for line in proc.stderr.splitlines() if line.startswith("tidings: rejected")]
    assert any("nul.txt" in r for r in rejected) and any("bad.html" in r for r in rejected)


@pytest.mark.parametrize("text", ["\u200f\u200e", "\ufeff", "\x00", "\U0001f600" * 3, "a\u0301" * 50])
def test_odd_jsonl_texts(default_pipeline: Any, tmp_path: Path, text: str) -> None:
    f = tmp_path / "odd.jsonl"
    f.write_text(json.dumps({"text": text}) + "\n")
    (item,) = read_paths([str(f)])
    if isinstance(item, Article):
        rec = to_record(default_pipeline(item))
        validate(rec)
        assert rec["text"] == text


class _Zeros:
    """A stream of n zero bytes, produced lazily (the bomb never exists in memory)."""

    def __init__(self, n: int) -> None:
        self.left = n

    def read(self, size: int = -1) -> bytes:
        size = self.left if size < 0 else min(size, self.left)
        self.left -= size
        return b"\0" * size


def test_gzip_bomb_inside_a_warc_is_refused_with_bounded_memory(tmp_path: Path) -> None:
    import resource

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    f = tmp_path / "bomb.warc.gz"
    size = 200 * 1024 * 1024
    good = b"<html><body><p>Troops shelled the northern district of the city on Monday, residents said.</p></body></html>"
    with f.open("wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for url, payload, n in (("http://bomb.example/", _Zeros(size), size), ("http://ok.example/", None, len(good))):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            import io

            w.write_record(w.create_warc_record(url, "response", payload=payload or io.BytesIO(good), length=n, http_headers=headers))
    assert f.stat().st_size < 2 * 1024 * 1024
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    items = list(read_paths([str(f)]))
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert isinstance(items[0], InputError) and "limit" in str(items[0])
    assert isinstance(items[1], Article) and "shelled" in items[1].text
    assert grown_mb < 150
