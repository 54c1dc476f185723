"""Read the store: filtered event clusters in date order, one cluster with its evidence.

Clusters come in date order (undated ones first), paged by key so that a long listing or an
export streams instead of loading the store.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ..errors import NotFound
from ..merge.clusters import CLUSTER_COLUMNS
from ..store.backend import Backend
from .filters import Filters, Near, resolve_place, where, within

__all__ = ["Filters", "Near", "cluster_detail", "iter_clusters", "resolve_place"]

_ORDER = "COALESCE(c.date_begin, '')"
PAGE = 1000


def cluster_dict(row: tuple[Any, ...]) -> dict[str, Any]:
    d = dict(zip(CLUSTER_COLUMNS, row, strict=True))
    d["sources"] = json.loads(d["sources"])
    d["disagreements"] = [x for x in d["disagreements"].split(",") if x]
    del d["actors"]
    return d


def iter_clusters(db: Backend, filters: Filters | None = None, *, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Clusters matching ``filters`` in date order, at most ``limit``."""
    f = filters or Filters()
    span = db.query("SELECT MAX(span_days) FROM clusters")[0][0] if f.date_from else 0
    clause, params = where(f, db.dialect, int(span or 0))
    cols = ", ".join(f"c.{c}" for c in CLUSTER_COLUMNS)
    key: tuple[str, str] | None = None
    left = limit
    while left is None or left > 0:
        page = PAGE if left is None or f.near else min(PAGE, left)
        after = f" AND ({_ORDER}, c.id) > (?, ?)" if key else ""
        sql = f"SELECT {cols} FROM clusters c WHERE {clause}{after} ORDER BY {_ORDER}, c.id LIMIT {page}"
        rows = db.query(sql, params + (list(key) if key else []))
        for row in rows:
            d = cluster_dict(row)
            if within(f, d["latitude"], d["longitude"]):
                yield d
                left = None if left is None else left - 1
                if left == 0:
                    return
        if len(rows) < page:
            return
        key = (rows[-1][CLUSTER_COLUMNS.index("date_begin")] or "", rows[-1][0])


_MEMBER_SQL = """SELECT e.id, e.doc_id, d.source, d.outlet, d.title, d.published, e.event_type, e.sub_event_type,
    e.date_begin, e.date_end, e.date_text, e.actor1, e.actor2, e.location, e.country, e.latitude, e.longitude,
    e.fatalities, e.fatalities_text, e.modality, e.trigger_text, e.sentence_start, e.sentence_end,
    substr(d.text, e.sentence_start + 1, e.sentence_end - e.sentence_start)
    FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.cluster_id = ? ORDER BY d.published, e.doc_id, e.n"""
_MEMBER_KEYS = (
    "id", "doc_id", "source", "outlet", "title", "published", "type", "sub_type", "date_begin", "date_end",
    "date_text", "actor1", "actor2", "location", "country", "latitude", "longitude", "fatalities",
    "fatalities_text", "modality", "trigger", "sentence_start", "sentence_end", "sentence",
)


def cluster_detail(db: Backend, ident: str) -> dict[str, Any]:
    """A cluster (by its id, or the id of one of its events) with every member event, the
    sentence that supports it, its source, and which documents are near-duplicates."""
    found = db.query("SELECT cluster_id FROM events WHERE id = ?", (ident,))
    cid = found[0][0] if found else ident
    cols = ", ".join(f"c.{c}" for c in CLUSTER_COLUMNS)
    rows = db.query(f"SELECT {cols} FROM clusters c WHERE c.id = ?", (cid,))
    if not rows:
        raise NotFound(f"no event or cluster {ident!r} in the store; `tidings timeline` lists the ids")
    out = cluster_dict(rows[0])
    members = [dict(zip(_MEMBER_KEYS, r, strict=True)) for r in db.query(_MEMBER_SQL, (cid,))]
    for m in members:
        m["duplicate_of"] = [r[0] for r in db.query("SELECT duplicate_of FROM duplicates WHERE doc_id = ? ORDER BY duplicate_of", (m["doc_id"],))]
    out["events"] = members
    return out
