from __future__ import annotations

from collections.abc import Callable

import pytest

from tidings.model import Article, Published


@pytest.fixture(scope="session")
def parse() -> Callable[[str, str | None], Article]:
    """Parse a text with the real spaCy pipeline (loaded once per session)."""
    from tidings.nlp.stage import NlpStage

    stage = NlpStage()

    def run(text: str, published: str | None = "2021-02-26") -> Article:
        art = Article(id="m", source="test", text=text, published=Published(published, "input"))
        return stage.process([art])[0]

    return run
