"""Property-based tests: no crash, offsets inside the text, every record schema-valid."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tidings.article.clean import clean_text, norm
from tidings.contract import to_record, validate
from tidings.errors import InputError
from tidings.model import Article
from tidings.readers import read_paths
from tidings.readers.core import decode

#: `make fuzz` raises this (TIDINGS_FUZZ_SCALE=500: 100,000 inputs for decode and the cleaner).
SCALE = int(os.environ.get("TIDINGS_FUZZ_SCALE", "1"))

NEWSY = st.sampled_from(
    ["killed", "attacked", "on Friday", "said", '"', "\u201c", "\u201d", "\u00a0", "\n\n", "25-26 February 1992",
     "Read: 12", "More about:", "Police", "in Kabul", "12 people", "dozens", "31 February", ",", ".", " "]
)
TEXTS = st.lists(st.one_of(st.text(max_size=20), NEWSY), max_size=30).map("".join)


@settings(max_examples=200 * SCALE, deadline=None)
@given(st.binary(max_size=2000))
def test_decode_never_crashes_unexpectedly(data: bytes) -> None:
    try:
        out = decode(data, "x")
    except InputError as err:
        assert str(err).startswith("x: ")
    else:
        assert isinstance(out, str)


@settings(max_examples=200 * SCALE, deadline=None)
@given(TEXTS)
def test_cleaner_keeps_lines_from_its_input(raw: str) -> None:
    c = clean_text(raw)
    if c.title is not None:
        assert norm(c.text.split("\n\n")[0]) == norm(c.title)
    norm_raw = " ".join(raw.split())
    for para in c.text.split("\n\n"):
        for line in para.split("\n"):
            assert " ".join(line.split()) in norm_raw


@settings(max_examples=60 * SCALE, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.binary(max_size=3000), st.sampled_from([".txt", ".html", ".jsonl", ".xyz"]))
def test_readers_on_random_bytes(tmp_path: Path, data: bytes, ext: str) -> None:
    f = tmp_path / f"in{ext}"
    f.write_bytes(data)
    for item in read_paths([str(f)]):
        assert isinstance(item, (Article, InputError))
        if isinstance(item, InputError):
            assert "\n" not in str(item) and str(f) in str(item)


@settings(max_examples=40 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())))
def test_extract_records_are_valid(default_pipeline: Any, text: str, published: str | None) -> None:
    line = json.dumps({"text": text, "published": published})
    items = list(read_paths_from_line(line))
    for item in items:
        if isinstance(item, Article):
            rec = to_record(default_pipeline(item))
            validate(rec)
            assert rec["text"] == text


def read_paths_from_line(line: str) -> list[Article | InputError]:
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as fh:
        fh.write(line + "\n")
    try:
        return list(read_paths([fh.name]))
    finally:
        Path(fh.name).unlink()
