"""The ``quotes`` stage: direct and reported speech with speaker, cue verb and kind."""

from __future__ import annotations

from ..model import Article
from ..pipeline import ArticleStage
from .extract import find_quotes


class QuoteStage(ArticleStage):
    name = "quotes"
    requires = frozenset({"tokens", "sentences", "entities"})
    assigns = frozenset({"quotes"})

    def __init__(self, *, indirect: bool = True, singles: bool = True, fallback: bool = True) -> None:
        self.indirect = indirect
        self.singles = singles
        self.fallback = fallback

    def __call__(self, article: Article) -> Article:
        if not article.tokens:
            return article.with_(quotes=())
        quotes = find_quotes(article, indirect=self.indirect, singles=self.singles, fallback=self.fallback)
        return article.with_(quotes=quotes)
