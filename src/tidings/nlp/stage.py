"""The spaCy stage: tokens, sentences and named entities for a batch, via ``nlp.pipe``."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Article
from .convert import to_article
from .load import MODEL, load_nlp


class NlpStage:
    name = "nlp"
    requires = frozenset({"text"})
    assigns = frozenset({"tokens", "sentences", "entities"})

    def __init__(self, *, model: str = MODEL, batch_size: int = 32) -> None:
        self.model = model
        self.batch_size = batch_size

    def process(self, articles: Sequence[Article]) -> list[Article]:
        nlp = load_nlp(self.model)
        docs = nlp.pipe((a.text for a in articles), batch_size=self.batch_size)
        return [to_article(a, d) for a, d in zip(articles, docs, strict=False)]
