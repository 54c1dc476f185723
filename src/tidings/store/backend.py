"""Database connections behind one small interface: SQLite (default) and PostgreSQL.

SQL is written once with ``?`` placeholders; the PostgreSQL backend rewrites them to ``%s``.
Both run in autocommit mode outside :meth:`Backend.transaction`, so a batch is either stored
whole or not at all (a killed process leaves the last committed batch).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal, Protocol
from urllib.parse import unquote, urlparse

from ..errors import StoreError

Dialect = Literal["sqlite", "postgresql"]
Row = tuple[Any, ...]

#: The store a bare ``tidings ingest`` opens.
DEFAULT_URL = "sqlite:///tidings.db"


class Backend(Protocol):
    dialect: Dialect
    url: str

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None: ...

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None: ...

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]: ...

    def transaction(self) -> Any: ...

    def close(self) -> None: ...


class SqliteBackend:
    dialect: Dialect = "sqlite"

    def __init__(self, path: str) -> None:
        self.url = f"sqlite:///{path}"
        try:
            self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the SQLite store {path!r}: {exc}; check the path and its permissions") from None
        try:
            with _translated(sqlite3.Error, self.url):
                self.conn.execute("PRAGMA foreign_keys = ON")
                self.conn.execute("PRAGMA busy_timeout = 10000")
                if path != ":memory:":
                    self.conn.execute("PRAGMA journal_mode = WAL")
                    self.conn.execute("PRAGMA synchronous = NORMAL")
        except StoreError:
            self.conn.close()
            raise
        self._depth = 0

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        with _translated(sqlite3.Error, self.url):
            self.conn.execute(sql, tuple(params))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        with _translated(sqlite3.Error, self.url):
            self.conn.executemany(sql, (tuple(r) for r in rows))

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        with _translated(sqlite3.Error, self.url):
            return [tuple(r) for r in self.conn.execute(sql, tuple(params)).fetchall()]

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._depth:
            yield
            return
        with _translated(sqlite3.Error, self.url):
            self.conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        else:
            with _translated(sqlite3.Error, self.url):
                self.conn.execute("COMMIT")
        finally:
            self._depth = 0

    def close(self) -> None:
        self.conn.close()


class PostgresBackend:
    dialect: Dialect = "postgresql"

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError:
            raise StoreError("PostgreSQL stores need psycopg: pip install 'tidings[postgres]'") from None
        self.url = url
        self._error: type[Exception] = psycopg.Error
        try:
            self.conn = psycopg.connect(url, autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to {_redact(url)}: {one_line(str(exc))}; check the URL and that the server runs") from None

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        with _translated(self._error, _redact(self.url)):
            self.conn.execute(_pg(sql), tuple(params))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        with _translated(self._error, _redact(self.url)), self.conn.cursor() as cur:
            cur.executemany(_pg(sql), [tuple(r) for r in rows])

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        with _translated(self._error, _redact(self.url)), self.conn.cursor() as cur:
            cur.execute(_pg(sql), tuple(params))
            return [tuple(r) for r in cur.fetchall()] if cur.description else []

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with _translated(self._error, _redact(self.url)), self.conn.transaction():
            yield

    def close(self) -> None:
        self.conn.close()


@contextmanager
def _translated(error: type[Exception], where: str) -> Iterator[None]:
    """The driver's errors become StoreError at this boundary (with the driver's message and,
    for the errors people meet, what to do about them)."""
    try:
        yield
    except error as exc:
        msg = one_line(str(exc))
        raise StoreError(f"{where}: {msg}{_hint(msg)}") from exc


#: what to do about the driver errors people meet (matched in the driver's message)
_HINTS = (
    ("not a database", "; --db must name a tidings store or a new file (this file is something else)"),
    ("locked", "; another process is writing to this store: wait for it to finish, or use another --db"),
    ("readonly", "; the store is read-only: check the file's permissions, or use another --db"),
    ("disk i/o", "; check the disk the store is on (space, permissions)"),
    ("no such table", "; this is not a tidings store (or an unfinished one): use another --db"),
)


def one_line(message: str) -> str:
    """A driver's message on one line (PostgreSQL's run over several, with hints)."""
    return "; ".join(line.strip() for line in message.splitlines() if line.strip())


def _hint(message: str) -> str:
    low = message.lower()
    return next((hint for key, hint in _HINTS if key in low), "")


def _pg(sql: str) -> str:
    return sql.replace("%", "%%").replace("?", "%s")


def _redact(url: str) -> str:
    u = urlparse(url)
    return url.replace(u.password, "***") if u.password else url


def connect(url: str | None = None) -> Backend:
    """Open a backend from a URL: ``sqlite:///path``, a bare file path, or ``postgresql://...``."""
    url = url or DEFAULT_URL
    if url.startswith(("postgresql://", "postgres://")):
        return PostgresBackend(url)
    if url.startswith("sqlite:"):
        path = unquote(url[len("sqlite:///") :] if url.startswith("sqlite:///") else url[len("sqlite:") :])
        return SqliteBackend(path or ":memory:")
    if "://" in url:
        raise StoreError(f"unsupported store URL {_redact(url)!r}; use sqlite:///PATH or postgresql://USER@HOST/DB")
    parent = Path(url).parent
    if not parent.exists():
        raise StoreError(f"folder {str(parent)!r} of the store {url!r} does not exist; create it first")
    return SqliteBackend(url)
