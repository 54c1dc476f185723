from __future__ import annotations

from collections.abc import Callable

import pytest

from tidings.model import Article
from tidings.pipeline import Pipeline


@pytest.fixture(scope="session")
def parse() -> Callable[[str], Article]:
    """Parse a text with the nlp stage (the spaCy model is loaded once per session)."""
    pipe = Pipeline.from_names(["nlp"])

    def run(text: str) -> Article:
        return pipe(Article(id="t", source="test", text=text))

    return run
