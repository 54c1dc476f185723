"""Contract-v1 records -> table rows. The document id is a hash of source and text, so the
same document always gets the same id (re-ingesting it changes nothing)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any
from urllib.parse import urlparse

from ..errors import StoreError
from ..merge.rules import EventRow
from ..readers.core import content_id


@dataclass(frozen=True, slots=True)
class DocRow:
    id: str
    record_id: str
    source: str
    outlet: str
    url: str | None
    title: str | None
    published: str | None
    published_origin: str
    language: str
    n_events: int
    text: str
    record: str


DOC_COLUMNS: tuple[str, ...] = tuple(DocRow.__dataclass_fields__)
MENTION_COLUMNS = ("doc_id", "n", "label", "text", "start_offset", "end_offset", "canonical")


@dataclass(frozen=True)
class RecordRows:
    doc: DocRow
    mentions: tuple[tuple[Any, ...], ...]
    events: tuple[EventRow, ...]


def document_id(record: dict[str, Any]) -> str:
    return content_id(record["text"], record["source"])


def outlet(source: str, url: str | None = None) -> str:
    """Who published it: the web host of the URL, else the input file's name."""
    for candidate in (url, source):
        if candidate and "://" in candidate:
            host = urlparse(candidate).hostname or ""
            if host:
                return host.removeprefix("www.")
    return PurePath(source).name or source


def rows_of(record: dict[str, Any]) -> RecordRows:
    if not isinstance(record.get("text"), str):
        raise StoreError(f"record {record.get('id')!r} has no text; the store keeps the text (don't use --no-text)")
    doc_id = document_id(record)
    rest = {k: v for k, v in record.items() if k != "text"}
    doc = DocRow(
        id=doc_id,
        record_id=str(record["id"]),
        source=record["source"],
        outlet=outlet(record["source"], record.get("url")),
        url=record.get("url"),
        title=record.get("title"),
        published=record["published"]["value"],
        published_origin=record["published"]["origin"],
        language=record.get("language", "en"),
        n_events=len(record["events"]),
        text=record["text"],
        record=json.dumps(rest, ensure_ascii=False, sort_keys=True),
    )
    mentions = tuple(
        (doc_id, n, e["label"], e["text"], e["start"], e["end"], e.get("canonical")) for n, e in enumerate(record["entities"])
    )
    events = tuple(event_row(doc_id, n, ev) for n, ev in enumerate(record["events"]))
    return RecordRows(doc, mentions, events)


def _name(m: dict[str, Any] | None) -> str | None:
    if not m:
        return None
    return m.get("canonical") or m.get("text")


def _int(value: Any) -> int | None:
    return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def event_row(doc_id: str, n: int, ev: dict[str, Any]) -> EventRow:
    loc = ev.get("location") or {}
    dead = ev.get("fatalities") or {}
    date = ev["date"]
    eid = f"{doc_id}-{n:03d}"
    return EventRow(
        id=eid,
        doc_id=doc_id,
        n=n,
        event_type=ev["type"],
        sub_event_type=ev["sub_type"],
        date_begin=date.get("begin"),
        date_end=date.get("end_date") or date.get("begin"),
        date_origin=date.get("origin", "none"),
        date_text=date.get("text"),
        actor1=_name(ev.get("actor1")),
        actor2=_name(ev.get("actor2")),
        location=loc.get("name") or loc.get("text"),
        country=loc.get("country"),
        admin1=loc.get("admin1"),
        latitude=loc.get("lat"),
        longitude=loc.get("lon"),
        fatalities=_int(dead.get("value")),
        fatalities_text=dead.get("text"),
        trigger_text=ev["trigger"]["text"],
        sentence_start=ev["sentence"]["start"],
        sentence_end=ev["sentence"]["end"],
        modality=ev.get("modality", "asserted"),
        confidence=float(ev.get("confidence", 0.0)),
        cluster_id=eid,
        record=json.dumps(ev, ensure_ascii=False, sort_keys=True),
    )
