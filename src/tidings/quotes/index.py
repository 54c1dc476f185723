"""Indexes over an article's parse, built once per article: offsets to tokens, children,
subtree edges. Everything here is linear in the number of tokens."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType

from ..model import Article, Token

#: Relations of an object that is itself the content ("denied the allegations", "declined to comment").
DEFAULT_OBJECTS = ("dobj", "xcomp")


@lru_cache(maxsize=1)
def cue_lemmas() -> frozenset[str]:
    """Verbs that report speech or stance (``quotes/cues.txt``)."""
    return frozenset(_lines("cues.txt"))


@lru_cache(maxsize=1)
def object_cues() -> Mapping[str, tuple[str, ...]]:
    """Verb -> dependency relations of its object that are what was said (``quotes/object_cues.txt``)."""
    out: dict[str, tuple[str, ...]] = {}
    for line in _lines("object_cues.txt"):
        lemma, _, rels = line.partition("\t")
        out[lemma] = tuple(rels.split()) if rels else DEFAULT_OBJECTS
    return MappingProxyType(out)



@lru_cache(maxsize=1)
def given_names() -> Mapping[str, str]:
    """Given name -> ``m`` or ``f`` (``quotes/given_names.tsv``), a weak gender hint."""
    pairs = (line.split("\t") for line in _lines("given_names.tsv"))
    return MappingProxyType({name: gender for name, gender in pairs})


@lru_cache(maxsize=1)
def role_nouns() -> Mapping[str, str]:
    """Role noun -> ``person`` or ``org`` (``quotes/roles.tsv``)."""
    pairs = (line.split("\t") for line in _lines("roles.tsv"))
    return MappingProxyType({noun: kind for noun, kind in pairs})


def _lines(name: str) -> list[str]:
    text = resources.files("tidings.quotes").joinpath(name).read_text("utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@dataclass(frozen=True, slots=True)
class DocIndex:
    """Token lookup by offset, dependency children and subtree edges of one article."""

    tokens: tuple[Token, ...]
    starts: tuple[int, ...]
    children: tuple[tuple[int, ...], ...]
    left: tuple[int, ...]
    right: tuple[int, ...]

    @classmethod
    def build(cls, article: Article) -> DocIndex:
        toks = article.tokens
        kids: list[list[int]] = [[] for _ in toks]
        for t in toks:
            if t.head != t.i:
                kids[t.head].append(t.i)
        left, right = _edges(toks, kids)
        return cls(toks, tuple(t.start for t in toks), tuple(tuple(k) for k in kids), left, right)

    def first_token(self, offset: int) -> int:
        """Index of the first token that ends after ``offset``."""
        i = bisect_right(self.starts, offset) - 1
        if i >= 0 and self.tokens[i].end <= offset:
            i += 1
        return max(i, 0)

    def token_range(self, start: int, end: int) -> range:
        """Indices of the tokens overlapping the characters ``start:end``."""
        return range(self.first_token(start), bisect_left(self.starts, end))

    def deps(self, i: int, *labels: str) -> list[int]:
        return [c for c in self.children[i] if self.tokens[c].dep in labels]

    def char_span(self, lo: int, hi: int) -> tuple[int, int]:
        """Characters of the tokens ``lo..hi`` (inclusive)."""
        return self.tokens[lo].start, self.tokens[hi].end


def _edges(toks: tuple[Token, ...], kids: list[list[int]]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    order: list[int] = [t.i for t in toks if t.head == t.i]
    seen = bytearray(len(toks))
    pos = 0
    while pos < len(order):  # breadth-first from the roots; then children before parents
        for c in kids[order[pos]]:
            if not seen[c]:
                seen[c] = 1
                order.append(c)
        pos += 1
    left = list(range(len(toks)))
    right = list(range(len(toks)))
    for i in reversed(order):
        for c in kids[i]:
            left[i] = min(left[i], left[c])
            right[i] = max(right[i], right[c])
    return tuple(left), tuple(right)
