"""Find counts in a sentence's tokens and turn them into :class:`~tidings.model.Quantity`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Article, Quantity, QuantityPart, Token
from .parse import digit_value, is_number_word, run_value
from .tables import Bound, Tables, Vague

_RANGE_TOKEN = re.compile(r"^\d+[-–]\d+$")
_UNIT_POS = frozenset({"NOUN", "ADJ", "PROPN"})
_LINKERS = frozenset({",", "and", "as", "well"})


@dataclass(frozen=True, slots=True)
class Found:
    """A count found in the tokens: token range [first, last] including modifier and unit."""

    first: int
    last: int
    quantity: Quantity
    num_last: int = -1  # the last number token (before the counted noun)


def _is_num(tok: Token, tab: Tables) -> bool:
    if tok.ent_type in tab.skip_ents:
        return False
    if tok.tag == "CD" or tok.like_num:
        return digit_value(tok.text) is not None or is_number_word(tok.text, tab) or bool(_RANGE_TOKEN.match(tok.text))
    return tok.text.lower() in tab.vague or tok.text.lower() in tab.scales and tok.i > 0


def _runs(toks: Sequence[Token], tab: Tables) -> list[tuple[int, int]]:
    """Index ranges (inclusive, into ``toks``) of number tokens in a row ("two dozen")."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        if not _is_num(toks[i], tab):
            i += 1
            continue
        j = i
        while j + 1 < len(toks) and _is_num(toks[j + 1], tab) and _joinable(toks[j], toks[j + 1], tab):
            j += 1
        out.append((i, j))
        i = j + 1
    return out


def _joinable(a: Token, b: Token, tab: Tables) -> bool:
    """"two dozen", "1.5 million": the second token must be a scale word."""
    return b.text.lower() in tab.scales or (a.text.lower() in tab.words and b.text.lower() in tab.words)


def _is_year(tok: Token, unit: int | None) -> bool:
    return len(tok.text) == 4 and tok.text.isdigit() and 1800 <= int(tok.text) <= 2100 and unit is None


def _dated(toks: Sequence[Token], first: int, last: int, tab: Tables) -> bool:
    """"8 May", "May 8", "5 pm", "10 km": a date, time or measure, not a count."""
    before = toks[first - 1].text.lower() if first > 0 else ""
    after = toks[last + 1].text.lower() if last + 1 < len(toks) else ""
    return before in tab.neighbours or after in tab.neighbours


def _modifier(toks: Sequence[Token], start: int, tab: Tables) -> tuple[int, Bound | None]:
    """The modifier phrase ending right before ``start`` ("at least", "approximately")."""
    for words, bound in tab.modifiers:
        n = len(words)
        if start - n < 0:
            continue
        if tuple(t.text.lower() for t in toks[start - n : start]) == words:
            return start - n, bound
    if start > 0 and toks[start - 1].text.lower() in ("a", "an") and toks[start].text.lower() in tab.scales:
        return start - 1, None
    return start, None


def _unit(toks: Sequence[Token], last: int) -> int | None:
    """Index of the counted noun: the parse head of the number, else the next noun phrase."""
    num = toks[last]
    base = toks[0].i
    if num.dep in ("nummod", "quantmod") and num.head > num.i and num.head - base < len(toks):
        head = toks[num.head - base]
        if head.pos in ("NOUN", "PROPN") and num.head - num.i <= 4:
            return num.head - base
    best: int | None = None
    k = last + 1
    if k + 1 < len(toks) and toks[k].text.lower() == "of" and toks[k + 1].pos in ("DET", "PRON"):
        k += 2
    while k < len(toks) and k <= last + 5 and (toks[k].pos in _UNIT_POS or toks[k].text in ("-",)):
        if toks[k].pos == "NOUN" or (toks[k].pos == "ADJ" and best is None):
            best = k
        if toks[k].pos == "PROPN" and toks[k].ent_type in ("", "NORP") and best is None:
            pass
        k += 1
    return best


def _bounds(value: float | int | Vague, bound: Bound | None) -> tuple[float | int, float | int | None, float | int | None, bool]:
    if isinstance(value, Vague):
        return value.value, value.low, value.high, True
    if bound == "low":
        return value, value, None, False
    if bound == "high":
        return value, None, value, False
    return value, value, value, bound == "approx"


def find_in_sentence(article: Article, toks: Sequence[Token], tab: Tables) -> list[Found]:
    out: list[Found] = []
    for first, last in _runs(toks, tab):
        value = run_value([t.text for t in toks[first : last + 1]], tab)
        if value is None:
            continue
        unit = _unit(toks, last)
        if (first == last and _is_year(toks[first], unit)) or _dated(toks, first, last, tab):
            continue
        mod_start, bound = _modifier(toks, first, tab)
        best, low, high, approx = _bounds(value, bound)
        end_tok = toks[unit] if unit is not None and unit > last else toks[last]
        span = article.span(toks[mod_start].start, end_tok.end)
        q = Quantity(
            span=span,
            value=best,
            low=low,
            high=high,
            unit=toks[unit].text.lower() if unit is not None else None,
            approximate=approx,
        )
        out.append(Found(mod_start, max(last, unit if unit is not None else last), q, last))
    return _breakdowns(toks, _ranges(article, toks, out), tab)


_RANGE_LINKS = frozenset({"to", "and", "-", "–", "or"})


def _ranges(article: Article, toks: Sequence[Token], found: list[Found]) -> list[Found]:
    """"between 2 and 4 fighters", "10 to 15 militants": one figure, the lower as value."""
    out: list[Found] = []
    for f in found:
        prev = out[-1] if out else None
        if prev is not None and f.first == prev.num_last + 2:
            link = toks[prev.num_last + 1].text.lower()
            opener = toks[prev.first - 1].text.lower() if prev.first > 0 else ""
            lo, hi = prev.quantity.value, f.quantity.value
            if (link in _RANGE_LINKS - {"and", "or"} or opener == "between") and lo is not None and hi is not None and lo < hi:
                span = article.span(toks[prev.first - (opener == "between")].start, f.quantity.span.end)
                q = Quantity(span, lo, lo, hi, f.quantity.unit or prev.quantity.unit, approximate=True)
                out[-1] = Found(prev.first, max(f.last, prev.last), q, f.num_last)
                continue
        out.append(f)
    return out


def _cue_end(toks: Sequence[Token], k: int, tab: Tables) -> int | None:
    for cue in tab.breakdown:
        if tuple(t.text.lower() for t in toks[k : k + len(cue)]) == cue:
            return k + len(cue)
    return None


def _skip_links(toks: Sequence[Token], k: int) -> int:
    while k < len(toks) and toks[k].text.lower() in _LINKERS:
        k += 1
    return k


def _breakdowns(toks: Sequence[Token], found: list[Found], tab: Tables) -> list[Found]:
    """Fold "613 civilians, including 106 women, 63 children and 70 elderly" into one count."""
    by_first = {f.first: n for n, f in enumerate(found)}
    used: set[int] = set()
    out: list[Found] = []
    for n, f in enumerate(found):
        if n in used:
            continue
        k = _skip_links(toks, f.last + 1)
        cue = _cue_end(toks, k, tab)
        parts: list[Found] = []
        if cue is not None:
            k = cue
            while (m := by_first.get(k)) is not None and m > n:
                parts.append(found[m])
                used.add(m)
                k = _skip_links(toks, found[m].last + 1)
        if parts:
            qp = tuple(QuantityPart(p.quantity.value or 0, p.quantity.unit or "", p.quantity.span) for p in parts)
            f = Found(f.first, parts[-1].last, _with_parts(f.quantity, qp), f.num_last)
        out.append(f)
    return out


def _with_parts(q: Quantity, parts: tuple[QuantityPart, ...]) -> Quantity:
    from dataclasses import replace

    return replace(q, parts=parts)


def find_quantities(article: Article, tab: Tables) -> tuple[Quantity, ...]:
    out: list[Quantity] = []
    for sent in article.sentences:
        toks = article.sentence_tokens(sent)
        out.extend(f.quantity for f in find_in_sentence(article, toks, tab))
    return tuple(out)
