"""Dispatch a candidate to the resolver of its kind; catch impossible dates."""

from __future__ import annotations

from collections.abc import Callable
from types import MappingProxyType

from . import normalise as nm
from . import periods, relative
from .lexicon import Lexicon
from .normalise import Context, Impossible, Resolved
from .recognise import Candidate

Resolver = Callable[[Candidate, Context, Lexicon], Resolved]

RESOLVERS: MappingProxyType[str, Resolver] = MappingProxyType(
    {
        "cal": nm.resolve_cal,
        "range": nm.resolve_range,
        "iso": nm.resolve_iso,
        "numeric": nm.resolve_iso,
        "year": nm.resolve_year,
        "decade": nm.resolve_decade,
        "century": nm.resolve_century,
        "holiday": nm.resolve_holiday,
        "bizday": nm.resolve_bizday,
        "yearend": nm.resolve_yearend,
        "spelled": nm.resolve_spelled,
        "relunit": relative.relunit,
        "relweekday": relative.weekday,
        "weekday": relative.weekday,
        "relmonth": relative.relmonth,
        "season": relative.season,
        "deictic": relative.deictic,
        "podref": relative.podref,
        "ref": relative.ref,
        "offset": relative.offset,
        "yearago": relative.yearago,
        "narrative": relative.narrative,
        "overnight": relative.overnight,
        "midweek": relative.midweek,
        "sport": relative.sport,
        "yweek": relative.year_week,
        "newyear": relative.new_year,
        "ahead": relative.ahead,
        "sameago": relative.same_ago,
        "quarter": periods.quarter,
        "half": periods.half,
        "clock": periods.clock,
        "duration": periods.duration,
        "vague": periods.vague,
        "set": periods.set_,
    }
)


def resolve(c: Candidate, ctx: Context, lex: Lexicon) -> Resolved:
    """The TIMEX3 reading of ``c``; raises :class:`Impossible` for dates that do not exist."""
    try:
        return nm.finish(RESOLVERS[c.kind](c, ctx, lex))
    except (ValueError, OverflowError) as exc:
        if isinstance(exc, Impossible):
            raise
        raise Impossible(str(exc)) from exc
