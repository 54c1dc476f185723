from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "khojaly-2021-02-26.txt"


@pytest.fixture(scope="session")
def example_path() -> Path:
    return EXAMPLE


@pytest.fixture(scope="session")
def default_pipeline():  # type: ignore[no-untyped-def]
    from tidings.pipeline import Pipeline

    return Pipeline.from_names()


@pytest.fixture(scope="session")
def example_record(default_pipeline):  # type: ignore[no-untyped-def]
    from tidings.contract import to_record
    from tidings.readers import read_paths

    (article,) = list(read_paths([str(EXAMPLE)]))
    return to_record(default_pipeline(article))


@pytest.fixture(scope="session")
def parse():  # type: ignore[no-untyped-def]
    """Parse a text with the nlp stage (the spaCy model is loaded once per session)."""
    from tidings.model import Article
    from tidings.pipeline import Pipeline

    pipe = Pipeline.from_names(["nlp"])

    def run(text: str) -> Article:
        return pipe(Article(id="t", source="test", text=text))

    return run


# --- store fixtures: ``store_url`` runs a storage test on SQLite and on PostgreSQL; the
# PostgreSQL run needs a server URL in TIDINGS_TEST_PG (``.ci/postgres.sh`` starts one).

PG_ENV = "TIDINGS_TEST_PG"


def _pg_database(base: str) -> Iterator[str]:
    import psycopg

    name = f"tidings_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    head, _, _ = base.rpartition("/")
    try:
        yield f"{head}/{name}"
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL of an empty store, on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"PostgreSQL tests need a server: set {PG_ENV} (source .ci/postgres.sh starts one)")
    yield from _pg_database(base)
