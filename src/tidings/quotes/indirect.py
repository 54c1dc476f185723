"""Reported speech without quotation marks: "X said (that) …", "…, X said", "according to X, …"."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Article
from .attribution import QUOTE_MARKS, is_cue, subject_of
from .index import DocIndex, object_cues

#: A reported clause shorter than this many tokens is not a claim ("he said so").
MIN_TOKENS = 3
#: An object claim may be a single name ("endorsed Smith").
MIN_OBJECT_TOKENS = 1
#: Particles after which the object is the content ("called for", "referred to").
PREPOSITIONS = frozenset({"for", "to", "against"})
_EDGE_PUNCT = frozenset({",", ".", ";", ":", "\u2014", "\u2013", "-", "(", ")"})


@dataclass(frozen=True, slots=True)
class Claim:
    """Content characters ``start:end``, the cue token range and the subject token (or -1)."""

    start: int
    end: int
    cue: int
    cue_last: int
    subject: int
    cue_pos: int = -1


def _trimmed(ix: DocIndex, lo: int, hi: int) -> tuple[int, int]:
    toks = ix.tokens
    while lo <= hi and (toks[lo].is_space or toks[lo].text in _EDGE_PUNCT or toks[lo].text in QUOTE_MARKS):
        lo += 1
    while hi >= lo and (toks[hi].is_space or toks[hi].text in _EDGE_PUNCT or toks[hi].text in QUOTE_MARKS):
        hi -= 1
    return lo, hi


def indirect_claims(article: Article, ix: DocIndex) -> list[Claim]:
    """Every cue verb with a clausal complement (or, for some verbs, an object), and every
    "according to X" clause."""
    out: list[Claim] = []
    for t in ix.tokens:
        if t.text.lower() == "according":
            claim = _according(article, ix, t.i)
            if claim:
                out.append(claim)
            continue
        cue = is_cue(ix, t.i)
        comps = ix.deps(t.i, "ccomp") if cue else []
        least = MIN_TOKENS
        rels = object_cues().get(t.lemma.lower()) if t.pos == "VERB" else None
        if not comps and rels:
            comps = ix.deps(t.i, *rels) or _prep_object(ix, t.i)
            least = MIN_OBJECT_TOKENS
        if not comps:
            continue
        subj = subject_of(ix, t.i)
        for c in comps:
            lo, hi = _trimmed(ix, ix.left[c], ix.right[c])
            if hi - lo + 1 >= least and not (lo <= t.i <= hi) and not (lo <= subj <= hi):
                s, e = ix.char_span(lo, hi)
                out.append(Claim(s, e, t.i, t.i, subj, t.start))
    return out


def _prep_object(ix: DocIndex, v: int) -> list[int]:
    """"called for an inquiry", "referred to the report": the object of the verb's particle."""
    for p in ix.deps(v, "prep"):
        if ix.tokens[p].text.lower() in PREPOSITIONS and p == v + 1:
            return ix.deps(p, "pobj")
    return []


#: Documents whose "according to" means "as they stipulate", not a claim someone made.
_STIPULATING = frozenset(
    {"agreement", "deal", "accord", "treaty", "plan", "law", "decree", "constitution", "schedule", "timetable", "term",
     "rule", "regulation", "contract", "protocol", "memorandum", "arrangement", "roadmap", "ceasefire", "truce"}
)


def _according(article: Article, ix: DocIndex, a: int) -> Claim | None:
    to = ix.deps(a, "prep")
    if not to or ix.tokens[to[0]].text.lower() != "to":
        return None
    obj = ix.deps(to[0], "pobj")
    sent = article.sentence_at(ix.tokens[a].start)
    if not obj or sent is None or ix.tokens[obj[0]].lemma.lower() in _STIPULATING:
        return None  # "according to the agreement, X handed over Y": as stipulated, not said
    lo, hi = ix.left[a], ix.right[a]
    before = _trimmed(ix, sent.tok_start, lo - 1)
    after = _trimmed(ix, hi + 1, sent.tok_end - 1)
    side = after if after[1] - after[0] >= before[1] - before[0] else before
    if side[1] - side[0] + 1 < MIN_TOKENS:
        return None
    s, e = ix.char_span(*side)
    return Claim(s, e, a, to[0], obj[0], ix.tokens[a].start)
