"""Shared fixtures: the spaCy pipeline is loaded at most once per test session."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tidings.model import Article


@pytest.fixture(scope="session")
def parse() -> Callable[[str], Article]:
    """Turn a text into an Article with tokens, sentences and entities (loads spaCy once)."""
    from tidings.nlp.stage import NlpStage

    stage = NlpStage()

    def run(text: str) -> Article:
        return stage.process([Article(id="t", source="test", text=text)])[0]

    return run
