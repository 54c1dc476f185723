"""Reads the API needs beyond :mod:`tidings.query`: key-paged clusters with a cursor, compact
timeline rows, an event's evidence cut into highlighted segments, and one stored document.

Every value reaches SQL as a parameter; the only text put into SQL is fixed column lists.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from typing import Any

from ..errors import NotFound, StoreError
from ..merge.clusters import CLUSTER_COLUMNS
from ..query import cluster_detail, cluster_dict
from ..query.filters import Filters, where, within
from ..store.backend import Backend

_COLS = ", ".join(f"c.{c}" for c in CLUSTER_COLUMNS)
_DATE = CLUSTER_COLUMNS.index("date_begin")
_ORDER = "COALESCE(c.date_begin, '')"
_SCAN = 1000
#: Evidence parts of an event record that are highlighted, in drawing order (later wins).
HIGHLIGHT_KINDS: tuple[str, ...] = ("assoc_actor", "actor1", "actor2", "location", "date", "fatalities", "trigger")
#: The fields of a timeline row.
TIMELINE_KEYS: tuple[str, ...] = (
    "id", "date_begin", "date_end", "event_type", "sub_event_type", "actor1", "actor2", "location", "country",
    "latitude", "longitude", "fatalities_low", "fatalities_high", "n_sources", "disagreements",
)

Key = tuple[str, str]


def encode_cursor(key: Key) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(key)).encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> Key:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        value = json.loads(raw)
    except (binascii.Error, ValueError):
        raise StoreError("cursor is not one this server gave out; start again without it") from None
    if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value)):
        raise StoreError("cursor is not one this server gave out; start again without it")
    return value[0], value[1]


def page_clusters(db: Backend, f: Filters, *, limit: int, after: Key | None = None) -> tuple[list[dict[str, Any]], Key | None]:
    """At most ``limit`` clusters after ``after`` in date order, and the key to continue from
    (None when nothing follows). Same order and filters as :func:`tidings.query.iter_clusters`;
    a start day bounds the index scan by the longest cluster in the store, as there."""
    span = db.query("SELECT MAX(span_days) FROM clusters")[0][0] if f.date_from else 0
    found, more = _page(db, f, limit, after, int(span or 0))
    return found, _key(found[-1]) if more else None


def _key(c: dict[str, Any]) -> Key:
    return c["date_begin"] or "", c["id"]


def _page(db: Backend, f: Filters, limit: int, after: Key | None, span: int) -> tuple[list[dict[str, Any]], bool]:
    """Up to ``limit`` clusters after ``after``, and whether more follow."""
    clause, params = where(f, db.dialect, span)
    out: list[dict[str, Any]] = []
    key = after
    while True:
        size = _SCAN if f.near else limit - len(out) + 1
        cont = f" AND ({_ORDER}, c.id) > (?, ?)" if key else ""
        sql = f"SELECT {_COLS} FROM clusters c WHERE {clause}{cont} ORDER BY {_ORDER}, c.id LIMIT {size}"
        rows = db.query(sql, params + (list(key) if key else []))
        for row in rows:
            key = (row[_DATE] or "", row[0])
            d = cluster_dict(row)
            if not within(f, d["latitude"], d["longitude"]):
                continue
            if len(out) == limit:
                return out, True
            out.append(d)
        if len(rows) < size:
            return out, False


def timeline_row(c: dict[str, Any]) -> dict[str, Any]:
    return {k: c[k] for k in TIMELINE_KEYS}


def _part(ev: dict[str, Any], name: str) -> list[dict[str, Any]]:
    value = ev.get(name)
    if name == "assoc_actors":
        return [v for v in value or [] if isinstance(v, dict)]
    return [value] if isinstance(value, dict) else []


def highlights(ev: dict[str, Any], start: int, end: int) -> list[dict[str, Any]]:
    """The spans of an event record that lie inside the sentence ``[start, end)``, as offsets
    into the sentence, each with its kind."""
    found = []
    names = {"assoc_actor": "assoc_actors"}
    for kind in HIGHLIGHT_KINDS:
        for part in _part(ev, names.get(kind, kind)):
            s, e = part.get("start"), part.get("end")
            if isinstance(s, int) and isinstance(e, int) and start <= s < e <= end:
                found.append({"kind": kind, "start": s - start, "end": e - start, "text": part.get("text")})
    return found


def segments(sentence: str, marks: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """``sentence`` cut at every highlight boundary: consecutive pieces with the kinds that
    cover each (empty for plain text). Joined, the pieces give back the sentence."""
    cuts = sorted({0, len(sentence)} | {m["start"] for m in marks} | {m["end"] for m in marks})
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        kinds = [m["kind"] for m in marks if m["start"] <= a and b <= m["end"]]
        out.append({"text": sentence[a:b], "kinds": kinds})
    return out


def safe_url(url: str | None) -> str | None:
    """The URL when it is plain http(s), else None: only those become links on the page."""
    if not url:
        return None
    low = url.strip().lower()
    return url.strip() if low.startswith(("http://", "https://")) and not any(ch in url for ch in "\x00\r\n\t ") else None


def event_evidence(db: Backend, ident: str) -> dict[str, Any]:
    """:func:`tidings.query.cluster_detail` plus, for each member event, its source's URL (when
    http(s)) and its sentence cut into highlighted segments."""
    detail = cluster_detail(db, ident)
    ids = [m["id"] for m in detail["events"]]
    if not ids:
        return detail
    marks = ", ".join("?" * len(ids))
    rows = db.query(f"SELECT e.id, e.record, d.url FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.id IN ({marks})", ids)
    extra = {r[0]: (json.loads(r[1]), r[2]) for r in rows}
    for m in detail["events"]:
        record, url = extra[m["id"]]
        sentence = m["sentence"] or ""
        marks_ = highlights(record, m["sentence_start"], m["sentence_start"] + len(sentence))
        m["url"] = safe_url(url) or safe_url(m["source"])
        m["highlights"] = marks_
        m["segments"] = segments(sentence, marks_)
    return detail


_DOC_COLS = ("id", "record_id", "source", "outlet", "url", "title", "published", "published_origin", "language", "n_events", "text", "record")


def document(db: Backend, doc_id: str) -> dict[str, Any]:
    """A stored document: its metadata, its contract-v1 record (with the text), its event ids and
    the documents it is a near-duplicate of."""
    rows = db.query(f"SELECT {', '.join(_DOC_COLS)} FROM documents WHERE id = ?", (doc_id,))
    if not rows:
        raise NotFound(f"no document {doc_id!r} in the store; an event's `doc_id` names one")
    d = dict(zip(_DOC_COLS, rows[0], strict=True))
    record = json.loads(d.pop("record"))
    record["text"] = d.pop("text")
    d["url"] = safe_url(d["url"])
    d["events"] = [{"id": r[0], "cluster_id": r[1]} for r in db.query("SELECT id, cluster_id FROM events WHERE doc_id = ? ORDER BY n", (doc_id,))]
    d["duplicate_of"] = [r[0] for r in db.query("SELECT duplicate_of FROM duplicates WHERE doc_id = ? ORDER BY duplicate_of", (doc_id,))]
    d["record"] = record
    return d
