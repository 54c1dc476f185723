"""A sentence's tokens with a children index, so rules walk the parse without rescanning."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Article, Sentence, Token


@dataclass(frozen=True, slots=True)
class Sent:
    """One sentence: its tokens (global indices ``base``..), children per token, lemma set,
    the lemmas of its active verbs (with a subject, or conjoined to a verb with a
    subject) and of all its verbs but infinitive complements ("demanded police to arrest X")."""

    index: int
    sentence: Sentence
    tokens: tuple[Token, ...]
    children: tuple[tuple[int, ...], ...]
    lemmas: frozenset[str]
    verbs: frozenset[str] = frozenset()
    verbs_any: frozenset[str] = frozenset()

    @property
    def base(self) -> int:
        return self.sentence.tok_start

    def tok(self, i: int) -> Token:
        return self.tokens[i - self.base]

    def has(self, i: int) -> bool:
        return 0 <= i - self.base < len(self.tokens)

    def kids(self, i: int, *deps: str) -> Iterator[Token]:
        for k in self.children[i - self.base]:
            t = self.tokens[k - self.base]
            if not deps or t.dep in deps:
                yield t

    def head(self, t: Token) -> Token | None:
        return self.tok(t.head) if t.head != t.i and self.has(t.head) else None

    def ancestors(self, t: Token, limit: int = 12) -> Iterator[Token]:
        cur = self.head(t)
        while cur is not None and limit > 0:
            yield cur
            cur = self.head(cur)
            limit -= 1


def build_sents(article: Article) -> tuple[Sent, ...]:
    out = []
    for n, s in enumerate(article.sentences):
        toks = article.tokens[s.tok_start : s.tok_end]
        kids: list[list[int]] = [[] for _ in toks]
        for t in toks:
            if t.head != t.i and s.tok_start <= t.head < s.tok_end:
                kids[t.head - s.tok_start].append(t.i)
        lemmas = frozenset(t.lemma.lower() for t in toks) | frozenset(t.text.lower() for t in toks)
        subj = {t.head for t in toks if t.dep == "nsubj"}
        active = {t.i for t in toks if t.i in subj or (t.dep == "conj" and t.head in subj)}
        verbs = frozenset(t.lemma.lower() for t in toks if t.pos == "VERB" and t.i in active)
        verbs_any = frozenset(t.lemma.lower() for t in toks if t.pos == "VERB" and t.dep != "xcomp")
        out.append(Sent(n, s, toks, tuple(tuple(k) for k in kids), lemmas, verbs, verbs_any))
    return tuple(out)
