"""Quotation-mark regions: where direct speech lies in the text, whatever the mark style.

Handles curly, straight, guillemet and low-9 double marks, single marks (carefully: ``'`` and
``’`` are also apostrophes), mismatched pairs (opened straight, closed curly), marks that never
close (the region runs to the paragraph end) and quotes that continue into the next paragraph
(a paragraph opening with a mark while the previous one's quote was left open).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Double marks by the direction their shape implies: +1 opens, -1 closes, 0 either.
#: Two apostrophes ('') stand for a straight double mark in some newspaper text.
_DOUBLE_SHAPE = {"\u201c": 1, "\u201e": 1, "\u00ab": 1, "\u201d": -1, "\u00bb": -1, '"': 0, "\u201f": 1, "''": 0}
_DOUBLE_RE = re.compile('\'\'|["\u201c\u201d\u201e\u201f\u00ab\u00bb]')
_SINGLE_OPEN_RE = re.compile("(?:(?<=^)|(?<=[\\s(\\[\u2014\u2013:]))['\u2018\u2039](?=[^\\W\\d_])", re.MULTILINE)
_SINGLE_CLOSE = frozenset("'\u2019\u203a")
_PARAGRAPH_RE = re.compile(r"[^\n]+")
_OPEN_BEFORE = frozenset(" \t\r\n([{\u2014\u2013-/:\u00a0")
_CLOSE_AFTER = frozenset(" \t\r\n)]},.;:!?\u2014\u2013-/\u00a0")
#: Single-quoted text is speech only when it is a phrase, not a scare-quoted word.
MIN_SINGLE_WORDS = 3
MAX_SINGLE_CHARS = 400


@dataclass(frozen=True, slots=True)
class Region:
    """Quoted content (marks excluded); ``mark`` is the offset of the opening mark."""

    start: int
    end: int
    mark: int
    closed: bool
    continues: bool = False
    single: bool = False


def _context(text: str, i: int, j: int, lo: int, hi: int) -> tuple[bool, bool]:
    """(may open, may close) for a mark at ``i:j`` inside the paragraph ``lo:hi``."""
    before = text[i - 1] if i > lo else " "
    after = text[j] if j < hi else " "
    return before in _OPEN_BEFORE and after not in " \t\r\n", before not in " \t\r\n" or after in _CLOSE_AFTER


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _paragraph_regions(text: str, lo: int, hi: int, carry: bool) -> tuple[list[Region], bool]:
    """Double-mark regions of one paragraph; returns them and whether the last one is open."""
    out: list[Region] = []
    open_at = -1
    open_len = 1
    cont = False
    first_mark = True
    for m in _DOUBLE_RE.finditer(text, lo, hi):
        i = m.start()
        shape = _DOUBLE_SHAPE[m.group()]
        may_open, may_close = _context(text, i, m.end(), lo, hi)
        continues = carry and first_mark and not text[lo:i].strip()
        first_mark = False
        if open_at < 0:
            if shape > 0 or (shape == 0 and (may_open or not may_close)):
                open_at, open_len = i, len(m.group())
                cont = continues
            continue
        closes = shape < 0 or shape == 0 or (may_close and not may_open)
        s, e = _trim(text, open_at + open_len, i)
        if e > s:
            out.append(Region(s, e, open_at, True, cont))
        open_at, open_len = (-1, 1) if closes else (i, len(m.group()))
        cont = False
    if open_at >= 0:
        s, e = _trim(text, open_at + open_len, hi)
        if e > s:
            out.append(Region(s, e, open_at, False, cont))
        return out, True
    return out, False


def _single_regions(text: str, lo: int, hi: int, taken: list[Region]) -> list[Region]:
    out: list[Region] = []
    pos = lo
    for m in _SINGLE_OPEN_RE.finditer(text, lo, hi):
        i = m.start()
        if i < pos or any(r.mark <= i < r.end + 1 for r in taken):
            continue
        end = _single_close(text, i + 1, min(hi, i + MAX_SINGLE_CHARS))
        if end < 0:
            continue
        s, e = _trim(text, i + 1, end)
        if len(text[s:e].split()) >= MIN_SINGLE_WORDS:
            out.append(Region(s, e, i, True, single=True))
            pos = end + 1
    return out


def _single_close(text: str, lo: int, hi: int) -> int:
    for j in range(lo, hi):
        ch = text[j]
        if ch == "\n" or ch in "\"\u201c\u201d":
            return -1
        if ch in _SINGLE_CLOSE and text[j - 1] not in " \t" and (j + 1 >= hi or not text[j + 1].isalnum()):
            # "the players' union": a plural possessive closes nothing
            if text[j - 1] == "s" and j + 1 < hi and text[j + 1] == " " and text[j + 2 : j + 3].islower():
                continue
            return j
    return -1


def quote_regions(text: str, *, singles: bool = True) -> tuple[Region, ...]:
    """Every quoted region of ``text`` in order (double marks first, then single marks)."""
    out: list[Region] = []
    carry = False
    for para in _PARAGRAPH_RE.finditer(text):
        lo, hi = para.span()
        if not text[lo:hi].strip():
            continue
        regs, carry = _paragraph_regions(text, lo, hi, carry)
        if singles:
            regs = sorted(regs + _single_regions(text, lo, hi, regs), key=lambda r: r.start)
        out.extend(regs)
    return tuple(out)
