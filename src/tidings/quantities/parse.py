"""Read the value of a run of number words/digits: "1,960", "two dozen", "1.5 million"."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .tables import Tables, Vague

_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")


def digit_value(text: str) -> float | int | None:
    """``"1,960"`` -> 1960, ``"2.5"`` -> 2.5; None when the text is not a plain number."""
    if not _DIGITS.match(text):
        return None
    clean = text.replace(",", "")
    return float(clean) if "." in clean else int(clean)


def is_number_word(word: str, tab: Tables) -> bool:
    w = word.lower()
    return (
        w in tab.words
        or w in tab.scales
        or w in tab.vague
        or any(part in tab.words for part in w.split("-") if part)
        and all(part in tab.words for part in w.split("-") if part)
    )


_RANGE = re.compile(r"^(\d+)[-–](\d+)$")


def run_value(words: Sequence[str], tab: Tables) -> float | int | Vague | None:
    """The value of number tokens in a row; a :class:`Vague` for "dozens", "several" and for a
    range written as one token ("10-15": value 10, low 10, high 15)."""
    if len(words) == 1 and (m := _RANGE.match(words[0])) and int(m.group(1)) < int(m.group(2)):
        return Vague(int(m.group(1)), int(m.group(1)), int(m.group(2)))
    ws = [w.lower() for w in words if w.lower() not in ("a", "an", "and")]
    if len(ws) == 1 and ws[0] in tab.vague:
        return tab.vague[ws[0]]
    if ws and ws[-1] in tab.vague and ws[-1].rstrip("s") in tab.scales:
        # "several hundreds" / "two thousands": read the last word as a scale
        ws[-1] = ws[-1].rstrip("s")
    if len(ws) >= 2 and ws[0] in tab.vague and all(w in tab.scales for w in ws[1:]):
        # "several hundred": the vague word times the scale
        factor = 1
        for w in ws[1:]:
            factor *= tab.scales[w]
        v = tab.vague[ws[0]]
        return Vague(v.value * factor, v.low * factor, v.high * factor)
    total: float = 0
    current: float = 0
    seen = False
    for w in ws:
        parts = [p for p in w.split("-") if p]
        for p in parts:
            dv = digit_value(p)
            if dv is not None:
                current += dv
            elif p in tab.words:
                current += tab.words[p]
            elif p in tab.scales:
                scale = tab.scales[p]
                current = (current or 1) * scale
                if scale >= 1000:
                    total += current
                    current = 0
            else:
                return None
            seen = True
    if not seen:
        return None
    value = total + current
    return int(value) if float(value).is_integer() else value
