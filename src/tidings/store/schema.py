"""The store's schema as named migrations, each applied once, in its own transaction.

Applied names are recorded in ``schema_migrations``. One schema for both backends; the few
words that differ (float type, binary type, full-text search) are filled in per dialect.
A new migration goes at the end of :data:`MIGRATIONS`; an applied one is never edited.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from .backend import Backend, Dialect

TYPES = MappingProxyType(
    {
        "sqlite": MappingProxyType({"real": "REAL", "blob": "BLOB"}),
        "postgresql": MappingProxyType({"real": "DOUBLE PRECISION", "blob": "BYTEA"}),
    }
)

_TABLES = (
    """CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        record_id TEXT NOT NULL,
        source TEXT NOT NULL,
        outlet TEXT NOT NULL,
        url TEXT,
        title TEXT,
        published TEXT,
        published_origin TEXT NOT NULL,
        language TEXT NOT NULL,
        n_events INTEGER NOT NULL,
        text TEXT NOT NULL,
        record TEXT NOT NULL
    )""",
    """CREATE TABLE mentions (
        doc_id TEXT NOT NULL REFERENCES documents(id),
        n INTEGER NOT NULL,
        label TEXT NOT NULL,
        text TEXT NOT NULL,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        canonical TEXT,
        PRIMARY KEY (doc_id, n)
    )""",
    """CREATE TABLE events (
        id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(id),
        n INTEGER NOT NULL,
        event_type TEXT NOT NULL,
        sub_event_type TEXT NOT NULL,
        date_begin TEXT,
        date_end TEXT,
        date_origin TEXT NOT NULL,
        date_text TEXT,
        actor1 TEXT,
        actor2 TEXT,
        location TEXT,
        country TEXT,
        admin1 TEXT,
        latitude {real},
        longitude {real},
        fatalities INTEGER,
        fatalities_text TEXT,
        trigger_text TEXT NOT NULL,
        sentence_start INTEGER NOT NULL,
        sentence_end INTEGER NOT NULL,
        modality TEXT NOT NULL,
        confidence {real} NOT NULL,
        cluster_id TEXT NOT NULL,
        record TEXT NOT NULL
    )""",
    """CREATE TABLE clusters (
        id TEXT PRIMARY KEY,
        event_type TEXT NOT NULL,
        sub_event_type TEXT NOT NULL,
        date_begin TEXT,
        date_end TEXT,
        span_days INTEGER NOT NULL,
        actor1 TEXT,
        actor2 TEXT,
        location TEXT,
        country TEXT,
        admin1 TEXT,
        latitude {real},
        longitude {real},
        fatalities_low INTEGER,
        fatalities_high INTEGER,
        n_events INTEGER NOT NULL,
        n_sources INTEGER NOT NULL,
        sources TEXT NOT NULL,
        actors TEXT NOT NULL,
        disagreements TEXT NOT NULL,
        notes TEXT NOT NULL
    )""",
    """CREATE TABLE event_links (
        event_a TEXT NOT NULL REFERENCES events(id),
        event_b TEXT NOT NULL REFERENCES events(id),
        score {real} NOT NULL,
        PRIMARY KEY (event_a, event_b)
    )""",
    """CREATE TABLE doc_signatures (
        doc_id TEXT PRIMARY KEY REFERENCES documents(id),
        signature {blob} NOT NULL
    )""",
    """CREATE TABLE doc_bands (
        band INTEGER NOT NULL,
        bucket TEXT NOT NULL,
        doc_id TEXT NOT NULL REFERENCES documents(id),
        PRIMARY KEY (band, bucket, doc_id)
    )""",
    """CREATE TABLE duplicates (
        doc_id TEXT NOT NULL REFERENCES documents(id),
        duplicate_of TEXT NOT NULL REFERENCES documents(id),
        similarity {real} NOT NULL,
        PRIMARY KEY (doc_id, duplicate_of)
    )""",
)

_INDEXES = (
    "CREATE INDEX events_doc ON events (doc_id)",
    "CREATE INDEX events_cluster ON events (cluster_id)",
    "CREATE INDEX events_type_date ON events (event_type, date_begin)",
    "CREATE INDEX clusters_order ON clusters (COALESCE(date_begin, ''), id)",
    "CREATE INDEX clusters_type_order ON clusters (event_type, COALESCE(date_begin, ''), id)",
    "CREATE INDEX clusters_subtype_order ON clusters (sub_event_type, COALESCE(date_begin, ''), id)",
    "CREATE INDEX clusters_country_order ON clusters (country, COALESCE(date_begin, ''), id)",
    "CREATE INDEX clusters_span ON clusters (span_days)",
    "CREATE INDEX clusters_lat_lon ON clusters (latitude, longitude)",
    "CREATE INDEX duplicates_of ON duplicates (duplicate_of)",
    "CREATE INDEX doc_bands_doc ON doc_bands (doc_id)",
    "CREATE INDEX mentions_canonical ON mentions (canonical)",
)

_FTS = MappingProxyType(
    {
        "sqlite": (
            "CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content=[documents], content_rowid=[rowid])",
            """CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
                INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
            END""",
            """CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
                INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
            END""",
        ),
        "postgresql": (
            "CREATE INDEX documents_fts ON documents USING GIN (to_tsvector('simple', coalesce(title, '') || ' ' || text))",
        ),
    }
)


@dataclass(frozen=True)
class Migration:
    name: str
    common: tuple[str, ...] = ()
    per_dialect: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))

    def statements(self, dialect: Dialect) -> list[str]:
        types = TYPES[dialect]
        return [s.format(**types) for s in self.common] + list(self.per_dialect.get(dialect, ()))


MIGRATIONS: tuple[Migration, ...] = (
    Migration("0001_tables", _TABLES),
    Migration("0002_indexes", _INDEXES),
    Migration("0003_fulltext", per_dialect=_FTS),
)


def applied(db: Backend) -> list[str]:
    db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY)")
    return [r[0] for r in db.query("SELECT name FROM schema_migrations ORDER BY name")]


def migrate(db: Backend, migrations: tuple[Migration, ...] = MIGRATIONS) -> list[str]:
    """Apply the migrations not yet applied, each in one transaction; return their names."""
    done = set(applied(db))
    new = []
    for m in migrations:
        if m.name in done:
            continue
        with db.transaction():
            for sql in m.statements(db.dialect):
                db.execute(sql)
            db.execute("INSERT INTO schema_migrations (name) VALUES (?)", (m.name,))
        new.append(m.name)
    return new
