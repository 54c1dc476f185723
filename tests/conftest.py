from __future__ import annotations

import os
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
