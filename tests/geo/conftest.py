from __future__ import annotations

import os
from pathlib import Path

import pytest

from tidings.model import Article, Entity

os.environ.setdefault("HF_HUB_OFFLINE", "1")

#: A small build: settlements and divisions of a few countries only (all countries are kept).
TEST_COUNTRIES = frozenset({"AZ", "AM", "RU", "US", "FR", "NG", "SO", "GB", "CA", "BA"})


@pytest.fixture(scope="session")
def gazetteer_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tidings.geo.build import build
    from tidings.geo.gazetteer import FILENAME

    path = tmp_path_factory.mktemp("gaz") / FILENAME
    build(path, only=TEST_COUNTRIES)
    return path


@pytest.fixture(scope="session")
def stage(gazetteer_path: Path):  # type: ignore[no-untyped-def]
    from tidings.geo.stage import PlaceStage

    return PlaceStage(gazetteer=str(gazetteer_path))


@pytest.fixture(scope="session")
def article_of():  # type: ignore[no-untyped-def]
    return make_article


def make_article(text: str, *ents: tuple[str, str]) -> Article:
    """An article whose entities are the given (surface, label) pairs, found left to right."""
    out: list[Entity] = []
    pos = 0
    for i, (surface, label) in enumerate(ents):
        start = text.index(surface, pos)
        art = Article(id="t", source="test", text=text)
        out.append(Entity(f"e{i}", art.span(start, start + len(surface)), label, surface))
        pos = start + len(surface)
    return Article(id="t", source="test", text=text, entities=tuple(out))
