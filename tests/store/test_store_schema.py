from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tidings.errors import StoreError
from tidings.store import MIGRATIONS, open_store
from tidings.store.backend import connect
from tidings.store.schema import Migration, applied, migrate


def test_migrations_are_named_recorded_and_applied_once(store_url: str) -> None:
    with open_store(store_url) as store:
        assert applied(store.db) == [m.name for m in MIGRATIONS]
        assert store.migrate() == []
        assert store.count("documents") == 0


def test_a_failing_migration_leaves_nothing_behind(store_url: str) -> None:
    bad = MIGRATIONS + (Migration("9999_broken", ("CREATE TABLE half_done (x INTEGER)", "THIS IS NOT SQL")),)
    db = connect(store_url)
    try:
        with pytest.raises(StoreError, match="(?i)syntax"):  # the driver's error, translated
            migrate(db, bad)
        assert "9999_broken" not in applied(db)
        assert [m.name for m in MIGRATIONS] == applied(db)
        migrate(db, MIGRATIONS + (Migration("9999_fixed", ("CREATE TABLE half_done (x INTEGER)",)),))
        assert applied(db)[-1] == "9999_fixed"
    finally:
        db.close()


def test_sqlite_store_is_plain_tables_with_foreign_keys_and_fts(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    open_store(f"sqlite:///{path}").close()
    conn = sqlite3.connect(path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"documents", "events", "clusters", "duplicates", "mentions", "schema_migrations", "documents_fts"} <= tables
    fks = {r[2] for r in conn.execute("PRAGMA foreign_key_list(events)")}
    assert fks == {"documents"}
    # Datasette finds the full-text index of a table by this form of the content option
    assert "content=[documents]" in conn.execute("SELECT sql FROM sqlite_master WHERE name = 'documents_fts'").fetchone()[0]


def test_bad_urls_say_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="unsupported store URL"):
        connect("mysql://x/y")
    with pytest.raises(StoreError, match="does not exist"):
        connect(str(tmp_path / "no" / "such" / "t.db"))


def test_a_file_that_is_no_database_is_a_store_error_that_says_what_to_do(tmp_path: Path) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("these are my notes, not a database\n" * 20)
    with pytest.raises(StoreError, match="not a database; --db must name a tidings store"):
        open_store(f"sqlite:///{notes}")


def test_a_store_locked_by_another_writer_is_a_store_error_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    open_store(f"sqlite:///{path}").close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another process in the middle of writing
    db = connect(f"sqlite:///{path}")
    try:
        db.execute("PRAGMA busy_timeout = 50")
        with pytest.raises(StoreError, match="locked; another process is writing"), db.transaction():
            db.execute("INSERT INTO documents_fts(documents_fts) VALUES ('optimize')")
    finally:
        db.close()
        other.close()


def test_a_stored_record_reads_back_as_the_contract_record(store_url: str) -> None:
    from store_fakes import event, record

    from tidings.contract import validate
    from tidings.errors import NotFound
    from tidings.store.rows import document_id

    text = "Riot police dispersed 200 traders in Kelmora on Tuesday, a witness said."
    rec = record(text, "https://one.example/x", [event(text, "dispersed", type_="Protests", sub_type="Protest with intervention", actor1="Riot police", dead=None)])
    validate(rec)
    with open_store(store_url) as s:
        s.add([rec])
        assert s.record(document_id(rec)) == rec
        with pytest.raises(NotFound):
            s.record("missing")


def test_counting_an_unknown_table_is_a_store_error(tmp_path: Path) -> None:
    with open_store(f"sqlite:///{tmp_path / 't.db'}") as store, pytest.raises(StoreError, match="no table 'people'"):
        store.count("people")
