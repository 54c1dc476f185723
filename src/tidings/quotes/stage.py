"""The ``quotes`` stage: direct and reported speech with speaker, cue verb and kind."""

from __future__ import annotations

from ..model import Article, Quote, Warning
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
        return article.with_(quotes=quotes).warn(*_warnings(quotes))


def _warnings(quotes: tuple[Quote, ...]) -> list[Warning]:
    """Quotations nobody could be found to have said, and speakers left unresolved."""
    out = []
    for q in quotes:
        if q.speaker is None and q.kind == "direct":
            out.append(Warning("quote-no-speaker", "no speaker found for this quotation", q.span))
        elif q.speaker is not None and q.speaker.canonical is None:
            out.append(
                Warning("speaker-unresolved", f"could not tell who {q.speaker.span.text!r} is", q.speaker.span)
            )
    return out
