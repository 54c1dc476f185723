"""Build small articles by hand: no spaCy needed."""

from __future__ import annotations

from tidings.model import Article, Published, Sentence, Time, Token
from tidings.timex.extract import find_times

# (word, tag, pos, dep, head index)
Spec = tuple[str, str, str, str, int]


def article(text: str, published: str | None = "2021-02-26", tokens: tuple[Token, ...] = ()) -> Article:
    sents = (Sentence(0, len(text), 0, len(tokens)),) if text else ()
    return Article(id="t", source="test", text=text, published=Published(published, "input" if published else "none"),
                   tokens=tokens, sentences=sents)  # fmt: skip


def parsed(words: list[Spec], published: str | None = "2021-02-26") -> Article:
    """An article whose text is the words joined by spaces, with the given parse."""
    toks, pos = [], 0
    for i, (w, tag, upos, dep, head) in enumerate(words):
        toks.append(Token(i, pos, pos + len(w), w, w.lower(), upos, tag, dep, head))
        pos += len(w) + 1
    return article(" ".join(w[0] for w in words), published, tuple(toks))


def times(text: str, published: str | None = "2021-02-26") -> list[Time]:
    return find_times(article(text, published))[0]


def one(text: str, published: str | None = "2021-02-26") -> Time:
    found = times(text, published)
    assert len(found) == 1, found
    return found[0]
