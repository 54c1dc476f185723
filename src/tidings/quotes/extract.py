"""Quotations and reported speech of one article, with speaker, cue and kind."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from ..model import Article, Mention, Quote, QuoteKind
from .attribution import (
    Attribution,
    cue_after,
    cue_before,
    cue_by_parse,
    cue_dash,
    cut_unclosed,
    mention_tokens,
    verb_by_parse,
)
from .index import DocIndex
from .indirect import Claim, indirect_claims
from .marks import Region, quote_regions
from .mentions import PEOPLE, Resolver

_AFTER_FIRST = frozenset(",?!\u2014-\u2013")
_RELATIVE = frozenset({"who", "that", "which"})
_TITLE_SMALL = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "is"})
#: A quotation with no cue next to it needs this many words to count as speech.
MIN_BARE_WORDS = 4
#: Up to this many words, a quotation in title case is a title, not speech.
MAX_TITLE_WORDS = 6


@dataclass(frozen=True, slots=True)
class _Item:
    start: int
    end: int
    kind: QuoteKind
    att: Attribution | None
    region: Region | None = None
    speaker: Mention | None = None


def find_quotes(article: Article, *, indirect: bool = True, singles: bool = True, fallback: bool = True) -> tuple[Quote, ...]:
    """Direct quotations (by quotation marks) and, if ``indirect``, reported speech."""
    ix = DocIndex.build(article)
    res = Resolver(article, ix)
    items = _direct(article, ix, quote_regions(article.text, singles=singles))
    if indirect:
        items = _merge(items, indirect_claims(article, ix))
    items = [replace(it, speaker=_speaker(ix, res, it.att)) for it in items]
    if fallback:
        items = _fallback(article, res, items)
    return tuple(_quote(article, ix, it) for it in items)


def _direct(article: Article, ix: DocIndex, regions: tuple[Region, ...]) -> list[_Item]:
    out: list[_Item] = []
    text = article.text
    for k, r in enumerate(regions):
        att = None
        if not r.closed:
            r, att = cut_unclosed(ix, r)
        prev = regions[k - 1].end + 1 if k else 0
        nxt = regions[k + 1].mark if k + 1 < len(regions) else len(text)
        att = att or _local(ix, r, prev, nxt, text)
        if (r.single and att is None) or _not_speech(text[r.start : r.end], att is not None):
            continue
        if att is None and _inside_sentence(article, r):
            att = verb_by_parse(ix, r)
        out.append(_Item(r.start, r.end, "direct", att, r))
    return out


def _inside_sentence(article: Article, r: Region) -> bool:
    """Whether the quotation is embedded in a sentence that starts before its opening mark."""
    sent = article.sentence_at(r.mark)
    return sent is not None and sent.start < r.mark and bool(article.text[sent.start : r.mark].strip(" \n\"\u201c'\u2018"))


def _not_speech(content: str, cued: bool) -> bool:
    """Scare quotes ("a “political army”") and titles ("“Meet the Press”"), not speech."""
    words = content.split()
    if not cued and len(words) < MIN_BARE_WORDS:
        return True
    if len(words) == 1 and content[-1].isalnum():  # a “so-called” word, not an utterance
        return True
    if len(words) > MAX_TITLE_WORDS or len(words) < 2:
        return False
    return all(w[:1].isupper() or w.lower() in _TITLE_SMALL for w in words if w[:1].isalpha())


def _local(ix: DocIndex, r: Region, prev: int, nxt: int, text: str) -> Attribution | None:
    after_mark = text[r.end + 1 : r.end + 3].lstrip("\"\u201d\u2019' ")
    if text[r.end - 1] in _AFTER_FIRST or after_mark[:1] in (",", "") or after_mark[:1].islower():
        return cue_after(ix, r, nxt) or cue_dash(ix, r, nxt, text) or cue_before(ix, r, prev) or cue_by_parse(ix, r)
    return cue_before(ix, r, prev) or cue_after(ix, r, nxt) or cue_dash(ix, r, nxt, text) or cue_by_parse(ix, r)


def _merge(direct: list[_Item], claims: list[Claim]) -> list[_Item]:
    """Reported clauses mostly in quotation marks strengthen the direct quote; others become
    indirect (or mixed, swallowing the quoted fragments inside them)."""
    out = list(direct)
    dropped: set[int] = set()
    starts = [d.start for d in direct]  # quotation regions are sorted and do not overlap
    ends = [d.end for d in direct]
    for c in claims:
        k = bisect_right(starts, c.cue_pos) - 1
        if k >= 0 and c.cue_pos < ends[k]:
            continue  # "I think …" inside a quotation: the quotation's own speaker, not a claim
        inside = list(range(bisect_right(ends, c.start), bisect_left(starts, c.end)))
        quoted = sum(min(c.end, direct[k].end) - max(c.start, direct[k].start) for k in inside)
        att = Attribution(c.cue, c.subject, c.cue_last)
        if inside and quoted * 2 >= c.end - c.start:
            for k in inside:
                if out[k].att is None:
                    out[k] = replace(out[k], att=att)
            continue
        for k in inside:
            if c.start <= direct[k].start and direct[k].end <= c.end:
                dropped.add(k)
        out.append(_Item(c.start, c.end, "mixed" if inside else "indirect", att))
    kept = [it for k, it in enumerate(out) if k not in dropped]
    return sorted(kept, key=lambda it: (it.start, it.end))


def _speaker(ix: DocIndex, res: Resolver, att: Attribution | None) -> Mention | None:
    if att is None or att.subject < 0:
        return None
    s = att.subject
    tok = ix.tokens[s]
    if tok.text.lower() in _RELATIVE and ix.tokens[att.cue].dep == "relcl":
        # "Ann Roe, who said …": the local mention is "who", its referent the noun it modifies
        lo, hi = mention_tokens(ix, ix.tokens[att.cue].head)
        named = res.resolve(*ix.char_span(lo, hi))
        return Mention(res.article.span(tok.start, tok.end), named.canonical or named.span.text)
    lo, hi = mention_tokens(ix, s)
    start, end = ix.char_span(lo, hi)
    ent = res.entity_at(ix.tokens[s].start, ix.tokens[s].end)
    if ent is not None:  # "The Ministry of Emergency Situations": the whole name, not "The Ministry"
        start, end = min(start, ent.span.start), max(end, ent.span.end)
    return res.resolve(start, end)


def _fallback(article: Article, res: Resolver, items: list[_Item]) -> list[_Item]:
    """A quotation with no cue of its own: the speaker of the quotation just before it in the
    same or previous paragraph, else the nearest person named before it."""
    out: list[_Item] = []
    last: _Item | None = None
    for it in items:
        if it.att is None and it.kind == "direct" and it.speaker is None:
            if last is not None and last.speaker is not None and _near(article.text, last.end, it.start):
                it = replace(it, speaker=last.speaker)
            else:
                e = res.antecedent(it.region.mark if it.region else it.start, PEOPLE)
                if e is not None:
                    it = replace(it, speaker=Mention(e.span, e.canonical))
        out.append(it)
        if it.speaker is not None:
            last = it
    return out


def _near(text: str, end: int, start: int) -> bool:
    """At most one paragraph break between ``end`` and ``start``."""
    return text.count("\n\n", end, start) <= 1 and start - end < 1500


def _quote(article: Article, ix: DocIndex, it: _Item) -> Quote:
    cue = None
    if it.att is not None:
        lo, hi = ix.char_span(it.att.cue, max(it.att.cue, it.att.cue_last))
        cue = article.span(lo, hi)
    return Quote(article.span(it.start, it.end), it.kind, it.speaker, cue)
