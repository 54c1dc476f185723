"""Resolvers for expressions relative to the publication date or to the previous time."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timedelta
from types import MappingProxyType

from . import calendar as cal
from .lexicon import Lexicon, Unit
from .normalise import STEPS, Context, Resolved, _int, _norm, direction, unresolved
from .recognise import Candidate

UNIT_GRAIN = MappingProxyType({"fiscal year": "year", "fiscal": "year", "morning": "day", "afternoon": "day", "evening": "day", "night": "day"})


def _step(c: Candidate) -> int:
    return STEPS.get(_norm(c.get("rel")), 0)


def _no_ref(value: str) -> Resolved:
    return unresolved("DATE", value, "no publication date to resolve a relative expression")


#: Words that count from the story's last date, not from publication ("the previous year").
ANAPHORIC = frozenset({"the previous", "the preceding", "the following", "the same"})


def relunit(c: Candidate, ctx: Context, lex: Lexicon) -> Resolved:
    unit = _norm(c.get("unit"))
    unit = UNIT_GRAIN.get(unit, unit)
    if ctx.ref is None:
        return _no_ref({"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX"}.get(unit, "XXXX"))
    n = _step(c)
    rel = _norm(c.get("rel"))
    if unit == "month" and ctx.month_told is not None and (rel in ANAPHORIC or (rel == "the" and ctx.tense in ("past", "none"))):
        # "prices rose in October, the department said on Tuesday. Energy costs jumped during the
        # month": the month told of, not that of the day it was told on
        moved = cal.add_months(ctx.month_told.begin, STEPS.get(rel, 0))
        return Resolved("DATE", "", cal.month(moved.year, moved.month), "previous-time", grain="month")
    if ctx.prev is not None and unit in ("week", "month", "year") and not _coarser(ctx.prev_grain, unit):
        opens = rel == "the next" and (
            (c.get("rel") or "")[:1] == "T"  # "... in 2017. The next year, ..."
            or (ctx.tense == "past" and ctx.prev_grain == "year" and ctx.prev.begin.year < ctx.ref.year)  # "in 2011, and the next year she survived"
        )
        # "began in early July. By the end of the month, ... had been killed": the story's month
        told = rel == "the" and (
            (ctx.tense in ("past", "none") and ctx.prev_grain in ("day", "month"))
            or (ctx.tense == "future" and ctx.prev_grain == "month" and ctx.prev.begin > ctx.ref)  # "in January 2016 ... by the end of the month"
        )
        if rel in ANAPHORIC or opens or told:
            return narrative(c, ctx, lex)  # "passed on Dec. 3, 2020. The previous week, ...": the story's week
    if unit == "year" and n == 0 and ctx.tense == "past" and not c.get("mod") and _closed_year(rel, ctx.ref):
        # "For the full year, sales dropped 18 percent" written in January: the year just ended
        return Resolved("DATE", "", cal.year(ctx.ref.year - 1), "published", grain="year")
    if unit in ("decade", "century") and n < 0:  # "the past decade": the ten years up to now
        return Resolved("DURATION", "P10Y" if unit == "decade" else "P100Y")
    if unit == "weekend":
        if n == 0 and rel == "the" and ctx.dated is not None and ctx.tense in ("past", "none") and _recent(ctx.dated, ctx.ref):
            # "a snowstorm on December 19 kept shoppers home for the weekend": that day's weekend
            return Resolved("DATE", "", cal.weekend(ctx.dated.begin), "previous-time", grain="week")
        if n == 0:
            n = -1 if ctx.tense == "past" and ctx.ref.isoweekday() < 6 else 0
        return Resolved("DATE", "", cal.weekend(ctx.ref + timedelta(weeks=n)), "published", grain="week")
    return Resolved("DATE", "", cal.at_granularity(cal.shift(ctx.ref, unit, n), unit), "published", grain=unit)


def ahead(c: Candidate, ctx: Context, lex: Lexicon) -> Resolved:
    """ "year-to-date": the year of publication; "the week ahead": the week still to come (the
    next one when written from Friday on, else the one under way)."""
    if c.get("ytd"):
        return Resolved("DATE", "", cal.year(ctx.ref.year), "published", grain="year") if ctx.ref else _no_ref("XXXX")
    if ctx.ref is None:
        return _no_ref("XXXX-WXX")
    return Resolved("DATE", "", cal.week(ctx.ref + timedelta(weeks=1 if ctx.ref.isoweekday() >= 5 else 0)), "published", grain="week")


def new_year(c: Candidate, ctx: Context, lex: Lexicon) -> Resolved:
    """ "in the new year": written in the year's second half, the year about to begin; in its
    first half, the year just begun."""
    if ctx.ref is None:
        return _no_ref("XXXX")
    return Resolved("DATE", "", cal.year(ctx.ref.year + (1 if ctx.ref.month >= 7 else 0)), "published", grain="year")


def year_week(c: Candidate, ctx: Context, lex: Lexicon) -> Resolved:
    """ "the final week of the year", "the first week of 2010": the ISO week holding 28 December
    (the year's last) or 4 January (its first), counted on for "the second week"; the year as
    "the year" or "last year" alone would be read (the story's year, the year before)."""
    year, rel = c.get("year"), _norm(c.get("rel"))
    if year is not None:
        r = Resolved("DATE", "", cal.year(int(year)), "none", grain="year")
    elif rel == "the" and ctx.prev is not None and ctx.prev_grain in ("day", "month") and ctx.tense != "future":
        # "fallen in mid-December before recovering in the final week of the year": the story's year
        r = Resolved("DATE", "", cal.year(ctx.prev.begin.year), "previous-time", grain="year")
    else:
        r = relunit(replace(c, kind="relunit", groups=(("rel", c.get("rel") or "the"), ("unit", "year"))), ctx, lex)
    if r.interval is None:
        return unresolved("DATE", "XXXX-WXX", r.problem or "no year to count the week in")
    y = r.interval.begin.year
    wpos = _norm(c.get("wpos"))
    if year is None and ctx.tense == "past" and ctx.ref is not None and wpos in ("last", "final") and date(y, 12, 20) > ctx.ref:
        y -= 1  # "The index fell in the final week of the year" in January: the year just ended
    if c.get("yday"):  # "the last day of the year"
        return Resolved("DATE", "", cal.day(date(y, 12, 31) if wpos in ("last", "final") else date(y, 1, 1)), r.anchor)
    if wpos in ("last", "final"):
        day = date(y, 12, 28)
    else:
        day = date(y, 1, 4) + timedelta(weeks={"first": 0, "second": 1, "third": 2, "fourth": 3}[wpos])
    return Resolved("DATE", "", cal.week(day), r.anchor, grain="week")


def _recent(day: cal.Interval, ref: date) -> bool:
    """Whether a day told lies in the month before publication (a story's own days, not a founding
    date) and its weekend is no later than publication (not a Monday dateline's coming weekend)."""
    return timedelta(0) <= ref - day.begin <= timedelta(days=31) and cal.weekend(day.begin).begin <= ref


def _weekday_date(ref: date, wd: int, step: int | None, tense: str) -> date:
    """The date of weekday ``wd`` near ``ref``: ``step`` -1 for "last", +1 for "next", None when
    bare (then the tense decides)."""
    if step is None:  # a bare weekday: the tense decides; wire style names today's weekday too
        way = direction(tense, -1)  # type: ignore[arg-type]
        return cal.weekday_near(ref - timedelta(days=1) if way > 0 else ref, wd, way)
    if step < 0:
        return cal.weekday_near(ref - timedelta(days=1), wd, -1)
    if step > 0:
        return cal.weekday_near(ref, wd, 1)
    return cal.weekday_near(ref, wd, -1 if tense == "past" else 0)


def _with_pod(c: Candidate, d: date, lex: Lexicon, anchor: str = "published") -> Resolved:
    pod = c.get("pod")
    if pod:
        code = lex.parts_of_day[pod.lower()]
        return Resolved("TIME", f"{d.isoformat()}T{code}", cal.day(d), anchor)  # type: ignore[arg-type]
    return Resolved("DATE", "", cal.day(d), anchor)  # type: ignore[arg-type]


def weekday(c: Candidate, ctx: Context, lex: Lexicon) -> Resolved:
    wd = lex.weekdays[_norm(c.get("wd"))]
    if ctx.ref is None:
        return _no_ref(f"XXXX-WXX-{wd}")
    rel = _norm(c.get("rel"))
    if rel in ("the previous", "the following", "the next") and ctx.prev is not None and ctx.prev_grain == "day":
        d = _weekday_date(ctx.prev.begin, wd, -1 if rel == "the previous" else 1, ctx.tense)
        return _with_pod(c, d, lex, "previous-time")
    step = _step(c) if rel else None
    on = _norm(c.get("wkon"))
    if on or c.get("wk"):
        # British "on Monday week", "a week on Friday", "a fortnight on Thursday": the coming one and
        # a week (two) on; "last Tuesday week": the Tuesday a week before last Tuesday
        weeks = 2 if "fortnight" in on or on.startswith("two") else 1
        if step is not None and step < 0:
            return _with_pod(c, _weekday_date(ctx.ref, wd, -1, ctx.tense) - timedelta(weeks=1), lex)
        return _with_pod(c, cal.weekday_near(ctx.ref, wd, 1) + timedelta(weeks=weeks), lex)
    d = _weekday_date(ctx.ref, wd, step, ctx.tense)
    dayrel = _norm(c.get("dayrel"))
    if dayrel:  # "the day before last Tuesday"
        d += timedelta(days=1 if dayrel.endswith("after") else -1)
    return _with_pod(c, d, lex)


def relmonth(c: Candidate, ctx: Context, lex: Lexicon) -> Resolved:
    m = lex.months[_norm(c.get("mon")).rstrip(".")]
    if ctx.ref is None:
        return _no_ref(f"XXXX-{m:02d}")
    n, y = _step(c), ctx.ref.year
    if n < 0:  # the latest one before this month ("last February" said in March: that February)
        y = y if m < ctx.ref.month else y - 1
    elif n > 0:
        y = y if m > ctx.ref.month else y + 1
    return Resolved("DATE", "", cal.month(y, m), "published", grain="month")


def season(c: Candidate, ctx: Context, lex: Lexicon) -> Resolved:
    code = lex.seasons[_norm(c.get("season"))]
    year = c.get("year")
    if year is not None:
        return Resolved("DATE", "", cal.season(int(year), code), grain="season")
    if ctx.ref is None:
        return _no_ref(f"XXXX-{code}")
    y = ctx.ref.year - (1 if code == "WI" and ctx.ref.month <= 2 else 0)
    yrel, nrel = c.get("yrel"), _norm(c.get("nrel"))
    if yrel:
        y = ctx.ref.year + STEPS[_norm(yrel)]
    elif c.get("that") and ctx.prev is not None:  # "in 1998 ... That summer"
        y = ctx.prev.begin.year
    elif nrel and ctx.prev is not None:  # "They married in June 1969. The following spring": 1970's
        told = ctx.prev.begin
        y = _season_step(told.year, code, STEPS[nrel], told)
        return Resolved("DATE", "", cal.season(y, code), "previous-time", grain="season")
    else:
        n = STEPS[nrel] if nrel else _step(c)  # "the next spring" (no story date), "last spring"
        here = cal.season(y, code)
        if n:
            y = _season_step(y, code, n, ctx.ref)
        elif _norm(c.get("rel")) in ("", "the"):  # not "this summer"
            if (ctx.tense == "past" or (c.get("sup") and ctx.tense != "future")) and here.begin > ctx.ref:
                y -= 1  # "in the summer, wildfires destroyed ..." written in January, "the coldest winter in 16 years": the last one
            elif ctx.tense == "future" and here.end < ctx.ref:
                y += 1  # "will reopen in the spring" written in October: the next spring
    return Resolved("DATE", "", cal.season(y, code), "published", grain="season")


def _closed_year(rel: str, ref: date) -> bool:
    """Whether "the (full) year" in a past clause is the year before ``ref``: "the full year"
    (also "whole", "entire") in the first quarter, when annual results are told, and a plain
    "the year" in January ("earlier in the year" in February is this year's)."""
    if rel in ("the full", "the whole", "the entire"):
        return ref.month <= 3
    return rel == "the" and ref.month == 1


def _season_step(y: int, code: str, n: int, at: date) -> int:
    """The year of the season ``n`` (+1 or -1) from ``at``: the next one not yet begun, or the
    latest one over ("last spring"), counting from the season of that name in year ``y``."""
    here = cal.season(y, code)
    if n > 0 and here.begin <= at:
        return y + 1
    if n < 0 and here.end >= at:
        return y - 1
    return y


def deictic(c: Candidate, ctx: Context, lex: Lexicon) -> Resolved:
    word = _norm(c.get("deictic"))
    offset = {"day before yesterday": -2, "day after tomorrow": 2}.get(word.removeprefix("the "))
    if offset is None:
        offset = lex.deictic[word]
    if ctx.ref is None:
        return _no_ref("XXXX-XX-XX")
    d = ctx.ref + timedelta(days=offset)
    if word == "tonight" and not c.get("pod"):
        return Resolved("TIME", f"{d.isoformat()}TNI", cal.day(d), "published")
    return _with_pod(c, d, lex)


def podref(c: Candidate, ctx: Context, lex: Lexicon) -> Resolved:
    rel = _norm(c.get("rel"))
    if ctx.ref is None:
        return _no_ref("XXXX-XX-XX")
    if rel in ("mid", "the", "") and ctx.prev is not None and ctx.prev_grain == "day":  # "by mid-afternoon", "in the evening", "by nightfall" of the day just told
        d = ctx.prev.begin
        night = ctx.clock is not None and ctx.clock == f"{d.isoformat()}TNI"
        if night and lex.parts_of_day.get(_norm(c.get("pod"))) == "MO":
            d += timedelta(days=1)  # "on Sunday night ... until the early morning": Monday's
        return _with_pod(c, d, lex, "previous-time")
    offset = {"last": -1, "yesterday": -1, "tomorrow": 1}.get(rel, 0)
    return _with_pod(c, ctx.ref + timedelta(days=offset), lex)


def overnight(c: Candidate, ctx: Context, lex: Lexicon) -> Resolved:
    """ "Heavy snow fell overnight": the night before publication; "will fall overnight" looks
    ahead to the coming night. A story about an earlier day ("London shares closed lower
    Friday" in a Monday paper: "overnight losses in New York") counts from that day, told in
    this sentence or the one before. TIMEX3 writes a night as the day it begins on, with TNI."""
    if ctx.ref is None:
        return _no_ref("XXXX-XX-XXTNI")
    told = ctx.prev_day.begin if ctx.prev_day is not None else None
    if told is not None and told < ctx.ref - timedelta(days=1):
        return Resolved("TIME", f"{(told - timedelta(days=1)).isoformat()}TNI", cal.day(told - timedelta(days=1)), "previous-time")
    d = ctx.ref if ctx.tense == "future" else ctx.ref - timedelta(days=1)
    return Resolved("TIME", f"{d.isoformat()}TNI", cal.day(d), "published")


def midweek(c: Candidate, ctx: Context, lex: Lexicon) -> Resolved:
    """ "by midweek": the middle of the week of the day just told or of publication; a week on
    when the clause looks ahead from the week's second half, a week back when it tells the past
    from a Monday or Tuesday (TIMEX3 writes the week: 2016-W28)."""
    if ctx.prev is not None and ctx.prev_grain == "day":
        return Resolved("DATE", "", cal.week(ctx.prev.begin), "previous-time", grain="week")
    if ctx.ref is None:
        return _no_ref("XXXX-WXX")
    d = ctx.ref
    if ctx.tense == "future" and d.isoweekday() > 3:
        d += timedelta(weeks=1)
    elif ctx.tense == "past" and d.isoweekday() < 3:
        d -= timedelta(weeks=1)
    return Resolved("DATE", "", cal.week(d), "published", grain="week")


#: The sporting year a season of football, basketball or hockey fills: July to June.
SPORT_YEAR_START = 7


def sport(c: Candidate, ctx: Context, lex: Lexicon) -> Resolved:
    """A season of sport is no calendar season: "the 2018-19 season" runs over two years.
    TIMEX3 has no value for a stretch across years (an ISO interval "2018/2019" is no TIMEX3
    value), so "2018-19" is written as any range of years is, by the year it begins in ("2018");
    the interval is the sporting year of football, basketball and hockey, July 2018 to June 2019.
    "last season" is the one before the season under way at publication (in January 2021 that
    is 2019-20: value "2019"); "this season", "next season" count the same way. A sport played
    within a calendar year (baseball) is read the same way, a year early in its first half."""
    y = _int(c.get("year"))
    if y is None:
        if ctx.ref is None:
            return _no_ref("XXXX")
        current = ctx.ref.year - (1 if ctx.ref.month < SPORT_YEAR_START else 0)
        y = current + {"last": -1, "next": 1}.get(_norm(c.get("srel")), 0)
    begin = date(y, SPORT_YEAR_START, 1)
    end = date(y + 1, SPORT_YEAR_START, 1) - timedelta(days=1)
    anchor = "published" if c.get("srel") else "none"
    return Resolved("DATE", "", cal.Interval(f"{y:04d}", begin, end), anchor, grain="year")  # type: ignore[arg-type]


_PERIOD = re.compile(r"PT?[\dX]")


def ref(c: Candidate, ctx: Context, lex: Lexicon) -> Resolved:
    if c.get("fut"):  # "will one day be": some time in the future
        return Resolved("DATE", "FUTURE_REF", None)
    if c.get("ago") or c.get("soon"):
        return near_publication(ctx, -1 if c.get("ago") else 1)
    gen = _norm(c.get("gen"))
    if gen:  # "today's youth", "the people of tomorrow": the present or the future at large
        return Resolved("DATE", "PRESENT_REF" if gen == "today" else "FUTURE_REF", None)
    value = lex.refs[_norm(c.get("ref")).replace("\u2019", "'")]
    return Resolved("DURATION" if _PERIOD.match(value) else "DATE", value, None)  # "recent weeks" is PXW


def near_publication(ctx: Context, sign: int) -> Resolved:
    """ "moments ago", "minutes ago", "later this hour": on the publication day. TimeML would
    write an unstated count of minutes before publication as PAST_REF (and "a few days ago" is
    that), but minutes cannot leave the day: the day is known and dates what was done, so it is
    the value. Without a publication date, the vague value."""
    if ctx.ref is None:
        return Resolved("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None)
    return Resolved("DATE", "", cal.day(ctx.ref), "published")


def _count(c: Candidate, lex: Lexicon) -> int | None:
    n = lex.number(c.get("num") or "a")
    if isinstance(n, int):
        return n
    try:
        return int(float(c.get("num") or ""))
    except ValueError:
        return None


#: How a fraction of a unit is written in the next smaller one: "2 1/2 years" is P2Y6M.
_SMALLER = MappingProxyType({"year": (12, "M", False), "week": (7, "D", False), "day": (24, "H", True),
            "hour": (60, "M", True), "minute": (60, "S", True)})  # fmt: skip


def _period(n: float | str, unit_word: str, lex: Lexicon) -> str | None:
    unit = lex.unit(unit_word)
    return None if unit is None else _period_of(n, unit)


def _period_of(n: float | str, unit: Unit) -> str:
    """The TIMEX3 duration of ``n`` units ("X" when the count is vague): P3D, PT2H, P2Y6M, PXW."""
    t = "T" if unit.is_clock else ""
    if isinstance(n, str):
        return f"P{t}X{unit.letter}"
    amount = n * unit.size
    whole = int(amount)
    frac = amount - whole
    if not frac:
        return f"P{t}{whole}{unit.letter}"
    factor, letter, clock = _SMALLER.get(unit.grain if unit.size == 1 else "", (0, "", False))
    sub = frac * factor
    if not factor or not float(sub).is_integer():
        return f"P{t}{amount:g}{unit.letter}"
    head = f"{whole}{unit.letter}" if whole else ""
    tail = ("T" if clock and not t else "") + f"{int(sub)}{letter}"
    return f"P{t}{head}{tail}"


CLOCK_SECONDS = MappingProxyType({"second": 1, "minute": 60, "hour": 3600})


def offset(c: Candidate, ctx: Context, lex: Lexicon) -> Resolved:
    unit = lex.unit(c.get("unit") or "")
    if unit is None:
        return unresolved("DATE", "XXXX", "unknown unit")
    n = _count(c, lex)
    if n is not None and (c.get("anc") or c.get("anc2") or c.get("wd")):
        return _anchored_offset(c, ctx, lex, unit, n)
    dir_ = _norm(c.get("dir"))
    sign = 1 if dir_ in ("later", "from now", "hence") else -1
    if n is None:
        if dir_ in ("later", "earlier"):  # "a few days later": only the length is known
            return Resolved("DURATION", _period_of("X", unit), None)
        if unit.grain in ("second", "minute"):  # "a few minutes ago": that day
            return near_publication(ctx, sign)
        return Resolved("DATE", "FUTURE_REF" if sign > 0 else "PAST_REF", None)
    if unit.is_clock and dir_ in ("later", "earlier") and ctx.clock is not None and cal.CLOCK_VALUE.fullmatch(ctx.clock) and ctx.clock[11:13] != "24":
        # "at 2:28 p.m. ... an hour later": the clock time an hour on
        then = datetime.fromisoformat(ctx.clock) + sign * timedelta(seconds=int(n * unit.size * CLOCK_SECONDS[unit.grain]))
        return Resolved("TIME", then.strftime("%Y-%m-%dT%H:%M"), cal.day(then.date()), "previous-time")
    grain = "day" if unit.is_clock else unit.grain
    base, anchor = ctx.ref, "published"
    same_quarter = year_before_quarter(ctx)
    if same_quarter is not None and unit.grain == "year" and n == 1 and sign < 0:
        return Resolved("DATE", "", same_quarter, "previous-time", grain="quarter")
    if ctx.dated is not None and unit.grain == "year" and n == 1 and sign < 0:
        return _year_before(ctx.dated)
    if dir_ == "earlier" and ctx.prev is not None and ctx.prev_grain == "day":
        base, anchor = ctx.prev.begin, "previous-time"
    elif dir_ == "later":  # "in 2005 ... two years later": 2007; after no date fine enough, a length
        if ctx.prev is None or _coarser(ctx.prev_grain, grain):
            return Resolved("DURATION", _period_of(n, unit))
        base, anchor = ctx.prev.begin, "previous-time"
    if base is None:
        return _no_ref("XXXX-XX-XX")
    step_unit = "year" if grain in ("decade", "century") else grain
    if unit.is_clock:  # "an hour later": that day; "72 hours later": three days on
        seconds = n * unit.size * CLOCK_SECONDS[unit.grain]
        moved = base + timedelta(days=sign * int(seconds // 86400))
    else:
        moved = cal.shift(base, step_unit, sign * n * unit.size)
    return Resolved("DATE", "", cal.at_granularity(moved, grain), anchor, grain=grain)  # type: ignore[arg-type]


def _anchored_offset(c: Candidate, ctx: Context, lex: Lexicon, unit: Unit, n: int) -> Resolved:
    """ "four years ago today" is that day four years back, "ten years ago this month" that month,
    "one year from today" that day a year on, "two weeks ago Thursday" the Thursday two weeks
    before the last one."""
    if ctx.ref is None:
        return _no_ref("XXXX-XX-XX")
    sign = 1 if c.get("dir2") else -1
    word = _norm(c.get("anc") or c.get("anc2"))
    wd = c.get("wd")
    if wd:
        base = _weekday_date(ctx.ref, lex.weekdays[_norm(wd)], None, "past")
        grain = "day"
    else:
        base = ctx.ref + timedelta(days=lex.deictic.get(word, 0))  # "ago today", "from tomorrow"; "ago this month": today
        grain = word.split()[-1] if word.startswith("this ") else "day"
    if unit.is_clock or (grain != "day" and _coarser(grain, unit.grain)):  # "three days ago this month"
        return Resolved("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None)
    step_unit = "year" if unit.grain in ("decade", "century") else unit.grain
    moved = cal.shift(base, step_unit, sign * n * unit.size)
    return Resolved("DATE", "", cal.at_granularity(moved, grain), "published", grain=grain)


def yearago(c: Candidate, ctx: Context, lex: Lexicon) -> Resolved:
    unit = _norm(c.get("unit"))
    if ctx.ref is None:
        return _no_ref("XXXX")
    moved = cal.shift(ctx.ref, unit, -1)
    grain = _norm(c.get("grain"))
    if ctx.dated is not None and unit == "year" and not grain:
        return _year_before(ctx.dated)
    grain = "quarter" if grain in ("quarter", "period") else unit
    same_quarter = year_before_quarter(ctx)
    if same_quarter is not None:
        return Resolved("DATE", "", same_quarter, "previous-time", grain="quarter")
    if grain == "quarter":
        moved = cal.shift(reporting_day(ctx.ref), "year", -1)
    return Resolved("DATE", "", cal.at_granularity(moved, grain), "published", grain=grain)


def same_ago(c: Candidate, ctx: Context, lex: Lexicon) -> Resolved:
    """ "sales fell in the third quarter from the same period last year": the stretch just told
    (or the named unit of it), a year back or in the year written ("the same month of 2008")."""
    word, year = _norm(c.get("grain")), _int(c.get("year"))
    told = ctx.prev if ctx.prev is not None and ctx.prev_grain in ("day", "week", "month", "quarter", "half", "season", "year") else None
    if told is None and ctx.ref is None:
        return _no_ref("XXXX")
    if word in ("period", "time"):  # a stretch of months or more; after a day or a month, the year's ("the first four months")
        grain = ctx.prev_grain if told is not None and ctx.prev_grain in ("week", "quarter", "half", "season", "year") else "year"
        told = told if grain != "year" or ctx.prev_grain == "year" else None
    else:
        grain = word
    if told is not None and grain in ("half", "season", "year"):
        return Resolved("DATE", "", cal.in_year(told, year or told.begin.year - 1), "previous-time", grain=grain)
    base, anchor = (told.begin, "previous-time") if told is not None else (ctx.ref, "published")
    if base is None:
        return Resolved("DATE", "", cal.year(year), "none", grain="year") if year is not None and grain == "year" else _no_ref("XXXX")
    moved = cal.shift(base, "year", year - base.year if year is not None else -1)
    return Resolved("DATE", "", cal.at_granularity(moved, grain), anchor, grain=grain)  # type: ignore[arg-type]


def _year_before(day: cal.Interval) -> Resolved:
    """ "For the six months ended Aug. 12, net fell from C$18 million a year earlier": the
    comparison is with the same day (or month: "rose in April from a year ago") a year before."""
    grain = "month" if len(day.value) == 7 else "day"  # a written month is YYYY-MM
    return Resolved("DATE", "", cal.at_granularity(cal.shift(day.begin, "year", -1), grain), "previous-time", grain=grain)


def year_before_quarter(ctx: Context) -> cal.Interval | None:
    """In an earnings report, "a year ago" after a quarter is that quarter a year before."""
    if ctx.prev is None or ctx.prev_grain != "quarter" or ctx.ref is None:
        return None
    base = ctx.prev.begin
    if base > ctx.ref:  # a forecast ("the third quarter of 1990"): the comparison is with the quarter reported
        base = reporting_day(ctx.ref)
    if base < reporting_day(ctx.ref) - timedelta(days=200):  # the previous quarter is already a year back
        return cal.at_granularity(base, "quarter")
    return cal.at_granularity(cal.shift(base, "year", -1), "quarter")


def narrative(c: Candidate, ctx: Context, lex: Lexicon) -> Resolved:
    rel, unit = _norm(c.get("rel")), _norm(c.get("unit"))
    if rel.startswith(("the day", "the night", "the eve")):
        unit, step = "day", (1 if rel.endswith("after") else -1)
    elif rel.endswith(("before", "after")):  # "founded in 2010. The year before, ..."
        step = 1 if rel.endswith("after") else -1
    else:
        step = STEPS.get(rel, 0)
    pod = unit if unit in lex.parts_of_day else None
    grain = "day" if pod else unit
    if grain == "weekend":
        grain = "week"
    base, anchor = (ctx.prev.begin, "previous-time") if ctx.prev is not None else (ctx.ref, "published")
    if ctx.prev is not None and _coarser(ctx.prev_grain, grain):
        # "on 1 May, the third attack this year. The next day": the last day told, past "this year"
        base = ctx.prev_day.begin if ctx.prev_day is not None else None
    if base is None:
        if pod:  # "in August 2012. That night, ...": a night of an unknown day
            return unresolved("TIME", f"XXXX-XX-XXT{lex.parts_of_day[pod]}", "no earlier day in the text to count from")
        return unresolved("DATE", "XXXX-XX-XX", "no earlier date in the text to count from")
    d = cal.shift(base, grain, step)
    if pod:
        code = lex.parts_of_day[pod]
        return Resolved("TIME", f"{d.isoformat()}T{code}", cal.day(d), anchor)  # type: ignore[arg-type]
    return Resolved("DATE", "", cal.at_granularity(d, grain), anchor, grain=grain)  # type: ignore[arg-type]


_ORDER = ("day", "week", "month", "quarter", "season", "year", "decade", "century")


def _coarser(have: str, want: str) -> bool:
    """True when an anchor of granularity ``have`` is too coarse to count ``want`` from."""
    if have not in _ORDER or want not in _ORDER:
        return False
    return _ORDER.index(have) > _ORDER.index(want)


def reporting_day(ref: date) -> date:
    """A day inside the quarter that news of ``ref`` reports on: results for a quarter come out
    in the six weeks after it ends, so early in a quarter "the quarter" is the one that ended."""
    return ref - timedelta(days=45)
