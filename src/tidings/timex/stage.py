"""The ``times`` stage: TIMEX3 time expressions, resolved against the publication date."""

from __future__ import annotations

from ..model import Article
from ..pipeline import ArticleStage
from .extract import find_times


class TimeStage(ArticleStage):
    """Fills ``Article.times``; what cannot be resolved becomes a warning on the article."""

    name = "times"
    requires = frozenset({"tokens", "sentences"})
    assigns = frozenset({"times"})

    def __init__(self) -> None:
        super().__init__()

    def __call__(self, article: Article) -> Article:
        times, warnings = find_times(article)
        return article.with_(times=tuple(times)).warn(*warnings)
