"""Write one batch of records in one transaction: documents, mentions, events, near-duplicate
links, event links and the clusters they touch. Every derived row depends only on the set of
stored documents, never on the order or the batches they arrived in, so a run that was killed
and restarted ends with the same store as an uninterrupted one."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import astuple
from typing import Any

from ..merge.clusters import CLUSTER_COLUMNS, DocInfo, summarise
from ..merge.dedup import BANDS, DUPLICATE_THRESHOLD, earlier, fingerprint, similarity
from ..merge.rules import EVENT_COLUMNS, EventRow, candidate_window, load_rules, match_score
from .backend import Backend
from .rows import DOC_COLUMNS, MENTION_COLUMNS, RecordRows, rows_of


def _insert(table: str, columns: Sequence[str]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}) ON CONFLICT DO NOTHING"


def _in(values: Sequence[Any]) -> str:
    return "(" + ", ".join("?" * len(values)) + ")"


def existing_ids(db: Backend, ids: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for i in range(0, len(ids), 500):
        chunk = list(ids[i : i + 500])
        found |= {r[0] for r in db.query(f"SELECT id FROM documents WHERE id IN {_in(chunk)}", chunk)}
    return found


def add_records(db: Backend, records: Iterable[dict[str, Any]]) -> int:
    """Store the records not stored yet, in one transaction; return how many were new."""
    batch: dict[str, RecordRows] = {}
    for rec in records:
        rows = rows_of(rec)
        batch.setdefault(rows.doc.id, rows)
    with db.transaction():
        for old in existing_ids(db, list(batch)):
            del batch[old]
        if not batch:
            return 0
        new = list(batch.values())
        _insert_rows(db, new)
        touched_docs = _link_duplicates(db, [r.doc.id for r in new], {r.doc.id: r.doc.text for r in new})
        clusters = _link_events(db, [e for r in new for e in r.events])
        clusters |= _clusters_of_docs(db, touched_docs)
        refresh_clusters(db, clusters)
    return len(new)


def _insert_rows(db: Backend, new: list[RecordRows]) -> None:
    db.executemany(_insert("documents", DOC_COLUMNS), [astuple(r.doc) for r in new])
    db.executemany(_insert("mentions", MENTION_COLUMNS), [m for r in new for m in r.mentions])
    db.executemany(_insert("events", EVENT_COLUMNS), [astuple(e) for r in new for e in r.events])


def _link_duplicates(db: Backend, doc_ids: list[str], texts: dict[str, str]) -> set[str]:
    prints = {d: fingerprint(texts[d]) for d in doc_ids}
    db.executemany(_insert("doc_signatures", ("doc_id", "signature")), [(d, fp.signature) for d, fp in prints.items()])
    db.executemany(_insert("doc_bands", ("band", "bucket", "doc_id")), [(b, k, d) for d, fp in prints.items() for b, k in enumerate(fp.buckets)])
    touched: set[str] = set()
    where = " OR ".join(["(band = ? AND bucket = ?)"] * BANDS)
    for d, fp in prints.items():
        params = [x for b, k in enumerate(fp.buckets) for x in (b, k)]
        sql = f"SELECT DISTINCT s.doc_id, s.signature, d.published FROM doc_bands b JOIN doc_signatures s ON s.doc_id = b.doc_id JOIN documents d ON d.id = b.doc_id WHERE ({where}) AND b.doc_id <> ?"
        mine = db.query("SELECT published FROM documents WHERE id = ?", (d,))[0][0]
        for other, sig, published in db.query(sql, params + [d]):
            sim = similarity(fp.signature, bytes(sig))
            if sim < DUPLICATE_THRESHOLD:
                continue
            later, first = (d, other) if earlier((published, other), (mine, d)) else (other, d)
            db.execute(_insert("duplicates", ("doc_id", "duplicate_of", "similarity")), (later, first, sim))
            touched |= {d, other}
    return touched


def _select_events(where: str) -> str:
    return f"SELECT {', '.join(EVENT_COLUMNS)} FROM events WHERE {where}"


def _link_events(db: Backend, events: list[EventRow]) -> set[str]:
    """Link each new event with the stored events it may describe; merge their clusters.
    Returns the ids of the clusters whose rows must be recomputed."""
    rules = load_rules()
    edges: list[tuple[str, str]] = []
    for ev in events:
        window = candidate_window(ev, rules)
        if window is None:
            continue
        types = rules.types_for(ev.event_type)
        cond = f"event_type IN {_in(types)} AND date_begin >= ? AND date_begin <= ? AND date_end >= ? AND doc_id <> ?"
        params: list[Any] = [*types, window[0], window[1], window[2], ev.doc_id]
        if ev.country:
            cond += " AND (country IS NULL OR country = ?)"
            params.append(ev.country)
        for row in db.query(_select_events(cond), params):
            other = EventRow(*row)
            score = match_score(ev, other, rules)
            if score is not None:
                a, b = sorted((ev.id, other.id))
                db.execute(_insert("event_links", ("event_a", "event_b", "score")), (a, b, score))
                edges.append((a, b))
    return {e.id for e in events} | _merge_clusters(db, edges)


def _merge_clusters(db: Backend, edges: list[tuple[str, str]]) -> set[str]:
    if not edges:
        return set()
    ids = sorted({x for e in edges for x in e})
    current: dict[str, str] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        current.update(db.query(f"SELECT id, cluster_id FROM events WHERE id IN {_in(chunk)}", chunk))  # type: ignore[arg-type]
    parent: dict[str, str] = {}

    def find(c: str) -> str:
        while parent.get(c, c) != c:
            c = parent[c]
        return c

    for a, b in edges:
        ra, rb = find(current[a]), find(current[b])
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    for old in sorted(parent):
        root = find(old)
        db.execute("UPDATE events SET cluster_id = ? WHERE cluster_id = ?", (root, old))
        db.execute("DELETE FROM clusters WHERE id = ?", (old,))
    return {find(c) for c in current.values()}


def _clusters_of_docs(db: Backend, doc_ids: set[str]) -> set[str]:
    ids = sorted(doc_ids)
    if not ids:
        return set()
    return {r[0] for r in db.query(f"SELECT DISTINCT cluster_id FROM events WHERE doc_id IN {_in(ids)}", ids)}


def refresh_clusters(db: Backend, cluster_ids: Iterable[str]) -> None:
    """Recompute the rows of these clusters from their member events."""
    for cid in sorted(set(cluster_ids)):
        members = [EventRow(*r) for r in db.query(_select_events("cluster_id = ?"), (cid,))]
        db.execute("DELETE FROM clusters WHERE id = ?", (cid,))
        if not members:
            continue
        doc_ids = sorted({e.doc_id for e in members})
        docs = {r[0]: DocInfo(*r) for r in db.query(f"SELECT id, outlet, published FROM documents WHERE id IN {_in(doc_ids)}", doc_ids)}
        pairs = db.query(f"SELECT doc_id, duplicate_of FROM duplicates WHERE doc_id IN {_in(doc_ids)} AND duplicate_of IN {_in(doc_ids)}", doc_ids + doc_ids)
        row = summarise(members, docs, [(a, b) for a, b in pairs])
        db.execute(_insert("clusters", CLUSTER_COLUMNS), astuple(row))
