"""The event store: documents, mentions, events, near-duplicates and event clusters in SQLite
(default) or PostgreSQL, behind one interface.

    from tidings.store import open_store
    with open_store("sqlite:///tidings.db") as store:
        store.add([record, ...])       # contract-v1 records with their text
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

from ..errors import NotFound, StoreError
from .backend import DEFAULT_URL, Backend, connect
from .schema import MIGRATIONS, migrate
from .writer import add_records, existing_ids


class Store:
    """An open store. Use as a context manager, or call :meth:`close`."""

    def __init__(self, db: Backend) -> None:
        self.db = db

    def migrate(self) -> list[str]:
        return migrate(self.db)

    def add(self, records: Iterable[dict[str, Any]]) -> int:
        """Store a batch of contract-v1 records (with text) in one transaction; return how many
        were new (records already stored are skipped)."""
        return add_records(self.db, records)

    def stored(self, doc_ids: Sequence[str]) -> set[str]:
        return existing_ids(self.db, doc_ids)

    def record(self, doc_id: str) -> dict[str, Any]:
        """The contract-v1 record of a stored document, as it was stored (text included)."""
        rows = self.db.query("SELECT record, text FROM documents WHERE id = ?", (doc_id,))
        if not rows:
            raise NotFound(f"no document {doc_id!r} in the store")
        rec: dict[str, Any] = json.loads(rows[0][0])
        rec["text"] = rows[0][1]
        return rec

    def count(self, table: str) -> int:
        if table not in {"documents", "events", "clusters", "duplicates", "mentions", "event_links"}:
            raise StoreError(f"no table {table!r}; count one of documents, events, clusters, duplicates, mentions, event_links")
        return int(self.db.query(f"SELECT COUNT(*) FROM {table}")[0][0])

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None) -> None:
        self.close()


def open_store(url: str | None = None, *, create: bool = True) -> Store:
    """Open (and migrate, unless ``create`` is false) the store at ``url``."""
    store = Store(connect(url or DEFAULT_URL))
    if create:
        try:
            store.migrate()
        except BaseException:
            store.close()
            raise
    return store


def open_existing(url: str) -> Store:
    """Open a store that exists: a SQLite path that is missing is an error, not a new store."""
    if "://" not in url or url.startswith("sqlite:"):
        path = url.removeprefix("sqlite:///") if url.startswith("sqlite:///") else url.removeprefix("sqlite:")
        if path and path != ":memory:" and not Path(path).exists():
            raise StoreError(f"no store at {path!r}; create it with `tidings ingest PATH --db {url}`")
    return open_store(url)


__all__ = ["open_existing", "DEFAULT_URL", "MIGRATIONS", "Store", "open_store"]
