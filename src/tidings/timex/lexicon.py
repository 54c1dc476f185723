"""Load the word tables of ``lexicon.toml`` once, as immutable mappings."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from types import MappingProxyType
from typing import Any


@dataclass(frozen=True, slots=True)
class Unit:
    letter: str  # TIMEX3 duration letter: S M H D W M Q Y
    size: int  # multiplier: a decade is 10 Y
    grain: str  # calendar granularity of a date "N units ago"

    @property
    def is_clock(self) -> bool:
        return self.grain in ("second", "minute", "hour")


@dataclass(frozen=True, slots=True)
class Lexicon:
    months: Mapping[str, int]
    weekdays: Mapping[str, int]
    numbers: Mapping[str, int | str]
    ordinals: Mapping[str, int]
    units: Mapping[str, Unit]
    plurals: Mapping[str, str]
    seasons: Mapping[str, str]
    parts_of_day: Mapping[str, str]
    decades: Mapping[str, int]
    deictic: Mapping[str, int]
    refs: Mapping[str, str]
    sets: Mapping[str, str]
    holidays: Mapping[str, str]

    def unit(self, word: str) -> Unit | None:
        w = word.lower().rstrip(".")
        w = self.plurals.get(w, w)
        if w not in self.units and w.endswith("s"):
            w = w[:-1]
        return self.units.get(w)

    def number(self, word: str) -> int | str | None:
        """A cardinal from digits or words ("twenty-five", "1,000"); "X" when unspecified."""
        w = " ".join(word.lower().replace(",", "").split())
        if w.isdigit():
            return int(w)
        if w in self.numbers:
            return self.numbers[w]
        parts = w.replace("-", " ").split()
        vals = [self.numbers.get(p) for p in parts]
        if len(parts) == 2 and all(isinstance(v, int) for v in vals):
            tens, ones = vals
            assert isinstance(tens, int) and isinstance(ones, int)
            return tens + ones if tens >= 20 and ones < 10 else None
        return None


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first, spaces matching any whitespace."""
    out = []
    for w in sorted(set(words), key=len, reverse=True):
        out.append(r"\s+".join(_escape(p) for p in w.split(" ")))
    return "(?:" + "|".join(out) + ")"


def _escape(word: str) -> str:
    return re.escape(word).replace("'", "['\u2019]")


def _freeze(table: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(table))


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    raw = tomllib.loads(files(__package__).joinpath("lexicon.toml").read_text(encoding="utf-8"))
    units = {k: Unit(v[0], int(v[1]), v[2]) for k, v in raw["units"].items()}
    return Lexicon(
        months=_freeze(raw["months"]),
        weekdays=_freeze(raw["weekdays"]),
        numbers=_freeze(raw["numbers"]),
        ordinals=_freeze(raw["ordinals"]),
        units=_freeze(units),
        plurals=_freeze(raw["plurals"]),
        seasons=_freeze(raw["seasons"]),
        parts_of_day=_freeze(raw["parts_of_day"]),
        decades=_freeze(raw["decades"]),
        deictic=_freeze(raw["deictic"]),
        refs=_freeze(raw["refs"]),
        sets=_freeze(raw["sets"]),
        holidays=_freeze(raw["holidays"]),
    )
