"""The quantities stage: fills ``Article.quantities`` from the tokens (see docs/quantities.md)."""

from __future__ import annotations

from ..model import Article
from ..pipeline import ArticleStage
from .extract import find_quantities
from .tables import tables


class QuantityStage(ArticleStage):
    name = "quantities"
    requires = frozenset({"tokens", "sentences"})
    assigns = frozenset({"quantities"})

    def __init__(self) -> None:
        self.tables = tables()

    def __call__(self, article: Article) -> Article:
        return article.with_(quantities=find_quantities(article, self.tables))
