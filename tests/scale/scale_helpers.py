"""Test helpers: the fake stages of the store tests, made known to Dask workers too (a worker
plugin also runs on the workers that a nanny restarts after a kill), and inputs written here."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pytest
from store_fakes import FakeEventStage

from tidings.errors import ConfigError
from tidings.model import Article

WorkerPlugin = pytest.importorskip("distributed.diagnostics.plugin", reason="needs the dask extra").WorkerPlugin

STAGES = {"fake": "store_fakes:FakeEventStage", "slowfake": "scale_helpers:slower_stage", "boom": "scale_helpers:BoomStage"}


class BoomStage:
    """Raises a tidings error (which the runner does not absorb) on a document with BOOM."""

    name = "boom"
    requires = frozenset({"text"})
    assigns = frozenset({"events"})

    def process(self, articles: Sequence[Article]) -> list[Article]:
        if any("BOOM" in a.text for a in articles):
            raise ConfigError("boom stage met BOOM")
        return list(articles)


def slower_stage() -> FakeEventStage:
    return FakeEventStage(delay=0.02)


def register(monkeypatch: Any = None) -> None:
    import tidings.pipeline as pipeline

    stages = MappingProxyType({**pipeline.BUILTIN_STAGES, **STAGES})
    if monkeypatch is not None:
        monkeypatch.setattr(pipeline, "BUILTIN_STAGES", stages)
    else:
        pipeline.BUILTIN_STAGES = stages  # type: ignore[misc]


class FakeStages(WorkerPlugin):  # type: ignore[misc]
    def setup(self, worker: Any) -> None:
        register()


PAGE = "<html><head><title>{title}</title></head><body><article><p>{body}</p><p>The harbour board will meet again next week to review the plan.</p></article></body></html>"


def warc(path: Path, pages: int, *, images_every: int = 3) -> Path:
    """A gzipped WARC of ``pages`` HTML responses, with an image response now and then."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        w = WARCWriter(out, gzip=True)
        for i in range(pages):
            html = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            body = f"{2 + i % 5} people were killed in Betatown on 2020-06-0{1 + i % 8} by the Red Legion, page {i} said."
            payload = PAGE.format(title=f"Page {i}", body=body).encode()
            w.write_record(w.create_warc_record(f"https://pages.example/{i}", "response", payload=io.BytesIO(payload), http_headers=html))
            if i % images_every == 0:
                img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
                w.write_record(w.create_warc_record(f"https://pages.example/{i}.png", "response", payload=io.BytesIO(b"\x89PNG"), http_headers=img))
    return path


def text_files(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"note{i:03d}.txt").write_text(f"{1 + i % 4} people were killed in Gammaport on 2020-07-0{1 + i % 9} by the Green Front, note {i} said.\n", encoding="utf-8")
    (folder / "blank.txt").write_text("  \n", encoding="utf-8")
    return folder
