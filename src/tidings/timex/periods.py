"""Resolvers for quarters and halves, clock times, durations and sets."""

from __future__ import annotations

from datetime import date, timedelta
from types import MappingProxyType

from . import calendar as cal
from .lexicon import Lexicon
from .normalise import (
    STEPS,
    Context,
    Impossible,
    Resolved,
    _int,
    _norm,
    holiday_name,
    month_day,
    resolve_holiday,
    unresolved,
    year_less,
)
from .recognise import Candidate
from .relative import _count, _period, _weekday_date, reporting_day, year_before_quarter

QREL = MappingProxyType({"latest": 0, "this": 0, "same": 0, "recent": 0, "fiscal": 0, "comparable": 0,
        "last": -1, "previous": -1, "past": -1, "next": 1})  # fmt: skip


def _year_of_part(c: Candidate, ctx: Context) -> tuple[int | None, bool]:
    """The year a quarter/half belongs to, and whether the publication date decided it."""
    y = _int(c.get("year") or c.get("qyear"))
    if y is not None:
        return y, False
    yy = _int(c.get("yy"))  # "Q3 '20"
    if yy is not None:
        return (1900 if yy >= 50 else 2000) + yy, False
    if ctx.ref is None:
        return None, False
    yrel = c.get("yrel") or c.get("yrel2")
    if yrel:
        return ctx.ref.year + STEPS[_norm(yrel)], True
    return ctx.ref.year, True


def quarter(c: Candidate, ctx: Context, lex: Lexicon) -> Resolved:
    ordw, qn = c.get("ord"), _int(c.get("qn"))
    qm, qend = c.get("qm"), c.get("qend")
    if qm or qend:  # "the October-December quarter", "the September quarter"
        qn = (lex.months[(qm or qend or "")[:3].lower()] - 1) // 3 + 1
    y, relative = _year_of_part(c, ctx)
    if ordw or qn:
        q = qn or lex.ordinals[_norm(ordw)]
        if y is not None and c.get("ago"):
            y -= 1
        if y is None:
            return unresolved("DATE", f"XXXX-Q{q}", "no publication date to resolve the year")
        explicit = c.get("yrel") or c.get("yrel2")
        if ctx.ref is not None and relative and not explicit and ctx.tense != "future" and q > cal.quarter_of(ctx.ref) + (ctx.tense != "past"):
            y -= 1  # a fourth quarter reported in February; a third-quarter loss posted in May
        elif ctx.ref is not None and relative and not explicit and ctx.tense == "future" and not c.get("emon"):
            # (not "its fourth quarter ending May 30": a fiscal quarter, still running)
            y = _results_year(q, ctx.ref, ctx.quarter_here, ctx.results)
        anchor = "published" if relative else "none"
        return Resolved("DATE", "", cal.quarter(y, q), anchor, grain="quarter")  # type: ignore[arg-type]
    if ctx.ref is None:
        return unresolved("DATE", "XXXX-QX", "no publication date to resolve the quarter")
    if y is not None and not relative:  # "the 1988 quarter": the quarter being reported, that year
        q = cal.quarter_of(reporting_day(ctx.ref))
        return Resolved("DATE", "", cal.quarter(y, q), "published", grain="quarter")
    qrel = _norm(c.get("qrel"))
    if c.get("ago"):  # "the comparable year-ago quarter": as "the year-ago quarter"
        same = year_before_quarter(ctx)
        if same is not None:
            return Resolved("DATE", "", same, "previous-time", grain="quarter")
        qrel = "year-ago"
    ended = _quarter_end(c, ctx, lex)
    if ended is not None and qrel in ("", "latest", "current", "this", "fiscal"):
        return Resolved("DATE", "", ended, "published", grain="quarter")
    named = _named_quarter(c, ctx, qrel)
    if named is not None:
        return Resolved("DATE", "", named, "previous-time", grain="quarter")
    base = ctx.ref if qrel == "current" else reporting_day(ctx.ref)
    if qrel in ("year-ago", "year-earlier"):
        base = cal.shift(base, "year", -1)
    else:
        base = cal.shift(base, "quarter", QREL.get(qrel, 0))
    yrel = c.get("yrel") or c.get("yrel2")
    if yrel:
        base = cal.shift(base, "year", STEPS[_norm(yrel)])
    return Resolved("DATE", "", cal.at_granularity(base, "quarter"), "published", grain="quarter")


def _results_year(q: int, ref: date, here: cal.Interval | None, results: bool) -> int:
    """The year of quarter ``q`` whose results a clause in the future speaks of: a quarter
    compared with one named before it in the sentence, the one nearest that ("fourth-quarter
    revenue will be flat with the third quarter"); else the quarter just ended, whose results
    are still to come ("said in January that fourth-quarter earnings would fall short": last
    year's); else this year's."""
    if here is not None and here.begin.year < ref.year:
        at = 4 * here.begin.year + cal.quarter_of(here.begin)  # counted in quarters; a tie goes ahead
        return min((here.begin.year - 1, here.begin.year, here.begin.year + 1), key=lambda y: (abs(4 * y + q - at), -y))
    last = cal.at_granularity(cal.shift(ref, "quarter", -1), "quarter")
    return last.begin.year if results and cal.quarter_of(last.begin) == q else ref.year


def _named_quarter(c: Candidate, ctx: Context, qrel: str) -> cal.Interval | None:
    """ "the quarter" after "the fiscal first quarter" is that quarter: the last one named by
    its number, when it is of the year being reported and not still to come."""
    if ctx.quarter is None or ctx.ref is None or qrel not in ("", "latest") or c.get("yrel") or c.get("yrel2"):
        return None
    reported = reporting_day(ctx.ref)
    if ctx.quarter.begin.year != reported.year or ctx.quarter.begin > reported:
        return None
    return ctx.quarter


def _quarter_end(c: Candidate, ctx: Context, lex: Lexicon) -> cal.Interval | None:
    """ "the quarter ended July 31": the calendar quarter holding most of its three months; "the
    quarter ending March 31" may still be running (its end up to four months ahead)."""
    mon, day = c.get("emon"), _int(c.get("eday"))
    if ctx.ref is None or mon is None or day is None:
        return None
    end = year_less(ctx.ref, lex.months[_norm(mon).rstrip(".")], day, "none" if c.get("eing") else "past")
    return None if end is None else cal.at_granularity(end - timedelta(days=45), "quarter")


def half(c: Candidate, ctx: Context, lex: Lexicon) -> Resolved:
    h = _int(c.get("hn")) or (1 if _norm(c.get("hord")) == "first" else 2)
    y, relative = _year_of_part(c, ctx)
    if y is None:
        return unresolved("DATE", f"XXXX-H{h}", "no publication date to resolve the year")
    explicit = c.get("yrel") or c.get("yrel2")  # "the second half of last year" says its year
    if ctx.ref is not None and relative and not explicit and h == 2 and ctx.ref.month <= 6 and ctx.tense == "past":
        y -= 1
    return Resolved("DATE", "", cal.half(y, h), "published" if relative else "none", grain="half")


def clock(c: Candidate, ctx: Context, lex: Lexicon) -> Resolved:
    noon = _norm(c.get("noon"))
    if noon:
        hh, mm = (12, 0) if noon in ("noon", "midday") else (24, 0)
    else:
        hh, mm = _int(c.get("hour")) or 0, _int(c.get("min")) or 0
        ampm = _norm(c.get("ampm")).replace(".", "")
        if _norm(c.get("half")) in ("afternoon", "evening"):  # "4 in the afternoon"
            ampm = "pm"
        elif c.get("half") and hh == 12:  # "12:30 in the morning"
            ampm = "am"
        if ampm == "pm" and hh < 12:
            hh += 12
        elif ampm == "am" and hh == 12:
            hh = 0
    if hh > 24 or (hh == 24 and mm):
        return unresolved("TIME", "XXXX-XX-XXTXX:XX", "not a time of day")
    clock_s = f"T{hh:02d}:{mm:02d}"
    if ctx.ref is None:
        return unresolved("TIME", "XXXX-XX-XX" + clock_s, "no publication date to resolve the day")
    d, anchor = ctx.ref, "published"
    wd, word, mon = c.get("wd"), _norm(c.get("deictic")), c.get("mon")
    if c.get("hol"):  # "at midnight on New Year's Eve": the holiday's day
        held = resolve_holiday(c, ctx, lex).interval
        if held is not None:
            d = held.begin
    elif mon:
        found = year_less(ctx.ref, lex.months[mon.lower().rstrip(".")], _int(c.get("day")) or 0, ctx.tense, ctx.settled)
        if found is None:
            raise Impossible(f"{mon} {c.get('day')} is not a calendar date")
        d = found
    elif wd:
        d = _weekday_date(ctx.ref, lex.weekdays[wd.lower()], None, ctx.tense)  # as the bare weekday: today's counts
    elif word:
        d = ctx.ref + timedelta(days=lex.deictic[word])
    elif (told := _day_told(ctx)) is not None:  # "at 10 p.m." on the day just told
        d, anchor = told, "previous-time"
        if ctx.clock is not None and ctx.clock[:10] == d.isoformat() and hh < 6 and _late(ctx.clock):
            # "overnight on Friday ... arrived at around 2 a.m.", "between 8pm and 4am", "the exit poll
            # at 10pm ... passed 326 seats shortly after 5am": the small hours after that evening
            d += timedelta(days=1)
    return Resolved("TIME", d.isoformat() + clock_s, cal.day(d), anchor)  # type: ignore[arg-type]


def _late(told: str) -> bool:
    """Whether a time told is a night or a clock time of the evening (from 6 p.m.)."""
    return told.endswith("TNI") or (cal.CLOCK_VALUE.fullmatch(told) is not None and 18 <= int(told[11:13]) < 24)


def _day_told(ctx: Context) -> date | None:
    """The day a bare clock time is on: the last day told in this sentence or the one before
    (else the last day told at all); one told in an earlier sentence only when the tense agrees:
    a past clause is not on a day still ahead, a future one not on a day gone ("will open at
    9:30 a.m." after "was suspended on Monday and Tuesday" is publication's day)."""
    told = ctx.prev_day if ctx.prev_day is not None else (ctx.prev if ctx.prev is not None and ctx.prev_grain == "day" else None)
    if told is None or ctx.ref is None:
        return None
    d = told.begin
    if ctx.day_here and ctx.prev_day is not None:
        return d  # "will be held on Saturday, March 14, at 3 p.m.": the day told beside it
    if (ctx.tense == "past" and d > ctx.ref) or (ctx.tense == "future" and d < ctx.ref):
        return None
    return d


def duration(c: Candidate, ctx: Context, lex: Lexicon) -> Resolved:
    unit_word = c.get("unit") or (c.get("det") or "").split()[-1]
    n: float | str | None
    if c.get("half"):
        n = 0.5
    elif c.get("quarter"):  # "a quarter of a century"
        n = 0.25
    else:
        raw = lex.number(c.get("num") or "a")
        n = raw if raw is not None else _float(c.get("num"))
    if n is None:
        return unresolved("DURATION", "PXY", "unreadable number")
    if c.get("andhalf") and not isinstance(n, str):
        n += 0.5
    if c.get("unit2"):
        return _two_units(c, n, lex)
    value = _period(n, unit_word, lex)
    if value is None:
        return unresolved("DURATION", "PXY", "unknown unit")
    return Resolved("DURATION", value)


def _two_units(c: Candidate, n: float | str, lex: Lexicon) -> Resolved:
    """ "29 minutes 45 seconds" is PT29M45S, "two years and three months" P2Y3M."""
    big, small = _period(n, c.get("unit") or "", lex), _period(lex.number(c.get("num2") or "") or "X", c.get("unit2") or "", lex)
    if big is None or small is None:
        return unresolved("DURATION", "PXY", "unknown unit")
    if "T" in small and "T" in big:
        small = small.replace("PT", "", 1)
    else:
        small = small.removeprefix("P")
    return Resolved("DURATION", big + small)


def _float(s: str | None) -> float | None:
    """Digits with an optional half: "2.5", "2 1/2", "2\u00bd"."""
    text = (s or "").replace(",", "").replace("\u00bd", " 1/2").strip()
    half = 0.5 if text.endswith("1/2") else 0.0
    text = text[:-3].strip() if half else text
    try:
        return float(text) + half
    except ValueError:
        return None


def vague(c: Candidate, ctx: Context, lex: Lexicon) -> Resolved:
    unit = _norm(c.get("unit"))
    value = _period("X", unit, lex) or "PXY"
    if unit.startswith("decade"):
        value = "PXY"
    elif unit.startswith("centur"):
        value = "PXC"
    return Resolved("DURATION", value)


def set_(c: Candidate, ctx: Context, lex: Lexicon) -> Resolved:
    adv = c.get("adv")
    if adv:
        return Resolved("SET", lex.sets[adv.lower()])
    if c.get("nthwd"):  # "the first Monday of every month": once a month
        return Resolved("SET", "P1M")
    if c.get("wkends"):
        return Resolved("SET", "XXXX-WXX-WE")
    epod = _norm(c.get("epod"))
    if epod:  # "every evening"
        return Resolved("SET", f"XXXX-XX-XXT{lex.parts_of_day[epod]}")
    wd = c.get("wd")
    if wd:
        pod = _norm(c.get("pod"))
        suffix = "T" + lex.parts_of_day[pod] if pod else ""
        return Resolved("SET", f"XXXX-WXX-{lex.weekdays[wd.lower()]}{suffix}")
    season = c.get("season")
    if season:  # "every summer"
        return Resolved("SET", f"XXXX-{lex.seasons[season.lower()]}")
    if c.get("hol"):  # "every Christmas": its day of every year, "XXXX-11-XX" when the day moves (Thanksgiving)
        return Resolved("SET", f"XXXX-{month_day(lex.holidays[holiday_name(c)].split('|')[0])}")
    mon = c.get("mon")
    if mon:  # "each July"
        return Resolved("SET", f"XXXX-{lex.months[mon.lower().rstrip('.')]:02d}")
    n: float | str = 2 if c.get("other") else 1
    if c.get("num"):
        n = _count(c, lex) or "X"
    value = _period(n, c.get("unit") or "", lex)
    if value is None:
        return unresolved("SET", "PX", "unknown unit")
    return Resolved("SET", value)
