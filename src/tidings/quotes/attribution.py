"""Who said it: the cue verb and its subject next to a quotation, from the dependency parse."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .index import DocIndex, cue_lemmas
from .marks import Region

SUBJECTS = ("nsubj",)
#: Relations through which a verb inherits the subject of its head ("and added", "went on to say").
INHERIT = frozenset({"conj", "xcomp", "advcl", "relcl", "pcomp", "prep", "advmod", "npadvmod", "acomp"})
QUOTE_MARKS = frozenset('"\u201c\u201d\u201e\u201f\u00ab\u00bb\'\u2018\u2019')
_FILLER = frozenset({",", ":", "\u2014", "\u2013", "-", "that"})
#: How many tokens a cue may lie after a quotation's end or before its start.
AFTER = 10
BEFORE = 14
MAX_MENTION_TOKENS = 12
#: How many heads up a verb may inherit its subject from ("seemed ready to riff, telling …").
CLIMB = 6
#: How many heads up from a quotation a governing cue verb may lie.
UP = 5


@dataclass(frozen=True, slots=True)
class Attribution:
    """A cue verb (token index) and the subject token that speaks (or -1)."""

    cue: int
    subject: int
    cue_last: int = -1  # the last token of a multi-word cue ("according to")


def is_cue(ix: DocIndex, i: int) -> bool:
    t = ix.tokens[i]
    return t.pos in ("VERB", "AUX") and t.lemma.lower() in cue_lemmas()


def subject_of(ix: DocIndex, v: int) -> int:
    """The nsubj of ``v``, or of the verb it hangs from by conj/xcomp/advcl; -1 when none."""
    for _ in range(CLIMB):
        subj = ix.deps(v, *SUBJECTS)
        if subj:
            return subj[0]
        t = ix.tokens[v]
        if t.dep == "acl" and t.head != v:  # "footage of Jane Roe asking, “…”"
            return t.head
        if t.dep not in INHERIT or t.head == v:
            break
        v = t.head
    agent = ix.deps(v, "agent")
    if agent:
        obj = ix.deps(agent[0], "pobj")
        if obj:
            return obj[0]
    return -1


def mention_tokens(ix: DocIndex, n: int) -> tuple[int, int]:
    """Token range (inclusive) of the noun phrase headed by ``n``: pre-modifiers, the head, and an
    apposed name ("the spokesman, John Smith"); relative clauses and prepositions are left out."""
    lo = ix.left[n]
    if n - lo > MAX_MENTION_TOKENS:
        lo = n
    while lo < n and (ix.tokens[lo].text in QUOTE_MARKS or ix.tokens[lo].pos == "PUNCT"):
        lo += 1
    hi = n
    for c in ix.deps(n, "appos"):
        if c > n and ix.tokens[c].pos == "PROPN" and ix.right[c] - n <= MAX_MENTION_TOKENS:
            hi = max(hi, c)
    for c in ix.deps(n, "compound", "flat"):
        hi = max(hi, c)
    return lo, hi


def cue_after(ix: DocIndex, region: Region, stop: int) -> Attribution | None:
    """", he said" / ", said Smith" right after the quotation (before offset ``stop``)."""
    close = ix.first_token(region.end)
    seen = 0
    # "“…,” he said, …": the quotation is unfinished, so the verb after it is its cue even if
    # the verb has more to say
    open_clause = ix.tokens[close - 1].text in (",", "—") if close > 0 else False
    for i in range(close, min(len(ix.tokens), close + AFTER + 4)):
        t = ix.tokens[i]
        if t.start >= stop or "\n" in t.text:
            return None
        if t.text in QUOTE_MARKS or t.is_space or (t.pos == "PUNCT" and seen == 0 and t.text != "."):
            continue
        if t.text in (".", "!", "?", ";") or seen >= AFTER:
            return None
        seen += 1
        if is_cue(ix, i) and (open_clause or not _introduces_more(ix, i, region)):
            subj = subject_between(ix, i, region.end, stop)
            return Attribution(i, subj if subj >= 0 else _first_nominal(ix, close, i))
    return None


def _first_nominal(ix: DocIndex, lo: int, hi: int) -> int:
    """The head of the first name or noun run among tokens ``lo..hi-1`` ("“…,” Ramos, 58, told")."""
    for k in range(lo, hi):
        if ix.tokens[k].pos in _NOMINAL:
            while k + 1 < hi and ix.tokens[k + 1].pos in ("PROPN", "NOUN"):
                k += 1
            return k
    return -1


_NOMINAL = frozenset({"PROPN", "PRON", "NOUN"})


def subject_between(ix: DocIndex, v: int, lo: int, hi: int, *, forward: bool = True) -> int:
    """The subject of ``v`` if it lies between the offsets ``lo`` and ``hi`` (outside the
    quotation); else the name or pronoun right next to the verb there (a parse that took
    words of the quotation for the subject)."""
    s = subject_of(ix, v)
    if s >= 0 and lo <= ix.tokens[s].start < hi:
        return s
    k = v - 1
    while k >= 0 and lo <= ix.tokens[k].start and (_nominal(ix, k) or ix.tokens[k].pos in _MODIFIERS):
        if _nominal(ix, k):
            return k
        k -= 1
    if not forward:
        return -1
    for k in range(v + 1, min(len(ix.tokens), v + 6)):
        t = ix.tokens[k]
        if t.start >= hi or not (_nominal(ix, k) or t.pos in _MODIFIERS):
            break
        if _nominal(ix, k) and (k + 1 >= len(ix.tokens) or not _nominal(ix, k + 1)):
            return k
    return -1


_MODIFIERS = frozenset({"DET", "ADJ", "PART"})
_NOT_NAME = frozenset({"PUNCT", "VERB", "AUX", "CCONJ", "SCONJ", "ADP", "DET", "NUM", "SPACE"})


def _nominal(ix: DocIndex, k: int) -> bool:
    """A noun, pronoun or name, including a capitalised name the tagger got wrong ("Skelly"/ADV)."""
    t = ix.tokens[k]
    if t.pos in _NOMINAL:
        return True
    mid_sentence = k > 0 and not ix.tokens[k - 1].is_space and ix.tokens[k - 1].text not in (".", "!", "?", ":")
    return t.text[:1].isupper() and t.pos not in _NOT_NAME and mid_sentence


def _introduces_more(ix: DocIndex, v: int, region: Region) -> bool:
    """Whether the verb has its own unquoted complement clause after it (then it reports
    something else; "He added, “…”" continues the same speaker and does not count)."""
    return any(
        c > v and ix.tokens[c].start >= region.end and ix.tokens[ix.left[c]].text not in QUOTE_MARKS
        and ix.tokens[ix.left[c] - 1].text not in QUOTE_MARKS
        for c in ix.deps(v, "ccomp")
    )


def cue_before(ix: DocIndex, region: Region, start: int) -> Attribution | None:
    """"Smith said: “…”" / "he told reporters, “…”" just before the quotation."""
    mark = ix.first_token(region.mark)
    lo = max(ix.first_token(start), mark - BEFORE)
    for i in range(mark - 1, lo - 1, -1):
        t = ix.tokens[i]
        if t.text in (".", "!", "?", ";") or "\n" in t.text:
            break
        if is_cue(ix, i):
            between = [ix.tokens[k].text for k in range(i + 1, mark) if not ix.tokens[k].is_space]
            if not between or between[-1] in _FILLER or ix.right[i] >= mark or len(between) <= 4:
                subj = subject_between(ix, i, 0, region.mark, forward=False)
                named = _colon(ix, mark, lo) if subj < 0 else None
                return Attribution(i, named.subject if named else subj)
            break
    return _colon(ix, mark, lo)


def _colon(ix: DocIndex, mark: int, lo: int) -> Attribution | None:
    """"Smith: “…”" with no verb: the colon is the cue, the name before it the speaker."""
    k = mark - 1
    while k > lo and ix.tokens[k].is_space:
        k -= 1
    if k <= lo or ix.tokens[k].text != ":":
        return None
    v = k - 1
    while v > lo and k - v <= 3 and ix.tokens[v].pos in ("ADV", "ADP", "PART"):
        v -= 1  # "Rubio fired back forcefully: “…”"
    if ix.tokens[v].pos == "VERB":  # "Kasich resisted: “…”"
        subj = subject_of(ix, v)
        return Attribution(v, subj) if subj >= 0 else None
    prev = ix.tokens[k - 1]
    return Attribution(k, k - 1) if prev.pos in ("PROPN", "PRON") else None


def cue_dash(ix: DocIndex, region: Region, stop: int, text: str) -> Attribution | None:
    """"“…” ― Jane Roe": a dash and a name right after the quotation."""
    m = _DASH_AFTER.match(text, region.end, stop)
    if m is None:
        return None
    k = ix.first_token(m.end())
    if k >= len(ix.tokens) or ix.tokens[k].start >= stop or not _nominal(ix, k) or ix.tokens[k].pos == "PRON":
        return None
    dash = ix.first_token(m.end() - 1)
    while k + 1 < len(ix.tokens) and ix.tokens[k + 1].pos == "PROPN" and ix.tokens[k + 1].start < stop:
        k += 1
    return Attribution(dash, k)


_DASH_AFTER = re.compile("[\"\u201d\u2019' \t\u00a0.,]*[\u2015\u2014\u2013-]+[ \t\u00a0]*")


def _up_from_quote(ix: DocIndex, region: Region, accept: Callable[[int], Attribution | None]) -> Attribution | None:
    """Walk up the heads from the first token of the quotation whose head lies outside it,
    at most ``UP`` steps, and return the first head that ``accept`` turns into an attribution."""
    toks = ix.token_range(region.start, region.end)
    for i in toks:
        h = ix.tokens[i].head
        if h in toks or h == i:
            continue
        for _ in range(UP):
            found = accept(h) if h not in toks else None
            if found is not None:
                return found
            if ix.tokens[h].head == h:
                break
            h = ix.tokens[h].head
        return None
    return None


def verb_by_parse(ix: DocIndex, region: Region) -> Attribution | None:
    """Any verb outside the quotation that governs it and has a subject outside it ("West landed
    a sharp dig at “…”"): the last resort before guessing from earlier sentences."""
    toks = ix.token_range(region.start, region.end)

    def verb_with_subject(h: int) -> Attribution | None:
        if ix.tokens[h].pos not in ("VERB", "AUX"):
            return None
        s = subject_of(ix, h)
        if s >= 0 and s not in toks and (ix.tokens[s].pos != "PRON" or ix.tokens[s].text.lower() in _PERSONAL):
            return Attribution(h, s)
        return None

    return _up_from_quote(ix, region, verb_with_subject)


_PERSONAL = frozenset({"he", "she", "they", "we", "i"})


def cue_by_parse(ix: DocIndex, region: Region) -> Attribution | None:
    """A cue verb outside the quotation that governs it ("called the plan “a disaster”",
    "said that states can pass such laws because “…”")."""
    return _up_from_quote(ix, region, lambda h: Attribution(h, subject_of(ix, h)) if is_cue(ix, h) else None)


def cut_unclosed(ix: DocIndex, region: Region) -> tuple[Region, Attribution | None]:
    """An unclosed quotation that runs into ", President X said ..." ends at that comma."""
    toks = ix.token_range(region.start, region.end)
    for i in toks:
        if not is_cue(ix, i):
            continue
        s = subject_of(ix, i)
        if s < 0 or s not in toks:
            continue
        first = min(ix.left[s], i)
        if first - 1 in toks and first - 1 > toks.start + 2 and ix.tokens[first - 1].text == ",":
            end = ix.tokens[first - 1].start
            return Region(region.start, end, region.mark, False, region.continues), Attribution(i, s)
    return region, None
