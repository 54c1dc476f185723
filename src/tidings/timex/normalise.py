"""Turn a recognised candidate into a TIMEX3 type, value and calendar interval.

Relative expressions resolve against ``Context.ref`` (the publication date) in the direction
the sentence's tense gives; narrative ones ("the next day") against the last resolved date.
Without a reference date they stay unresolved (``XXXX`` values) and say so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from types import MappingProxyType
from typing import Literal

from ..errors import ConfigError
from ..model import Anchor, TimeType
from . import calendar as cal
from .lexicon import Lexicon
from .recognise import Candidate

Tense = Literal["past", "present", "future", "none"]


@dataclass(frozen=True, slots=True)
class Context:
    ref: date | None  # the publication date, never invented
    tense: Tense = "none"
    prev: cal.Interval | None = None  # the last resolved date in the text (narrative anchor)
    prev_grain: str = "day"
    quarter: cal.Interval | None = None  # the last quarter named by its number ("the fiscal first quarter")
    dated: cal.Interval | None = None  # a calendar day or month written earlier in the same sentence
    #: a past clause whose verb the date hangs on ("collapsed on March 20"): what it tells is
    #: done, so the date is not after publication (no allowance for deadlines ahead)
    settled: bool = False
    #: the last day told in the text, for "the next day" after a coarser time ("this year")
    prev_day: cal.Interval | None = None
    #: the time (a quarter or month) is the period of a result told in a future clause ("fourth-quarter
    #: earnings", "a loss for the quarter", "December sales")
    results: bool = False
    #: a quarter named by its number earlier in the same sentence
    quarter_here: cal.Interval | None = None
    #: the last month a time of this or the previous sentence was of ("in October ... during the month")
    month_told: cal.Interval | None = None
    #: the clock time told in this or the previous sentence ("2008-05-12T14:28"), for "an hour later"
    clock: str | None = None
    #: whether the last day told (``prev_day``) is of this sentence
    day_here: bool = False


@dataclass(frozen=True, slots=True)
class Resolved:
    type: TimeType
    value: str
    interval: cal.Interval | None = None
    anchor: Anchor = "none"
    problem: str | None = None  # why it could not be resolved, when it could not
    grain: str = "day"


class Impossible(ValueError):
    """A date that does not exist ("31 February")."""


#: Relative words -> step from the reference unit.
STEPS = MappingProxyType({
    "this": 0, "the": 0, "current": 0, "the current": 0, "the same": 0, "the latest": 0, "that": 0,
    "last": -1, "past": -1, "the past": -1, "the previous": -1, "the preceding": -1,
    "this past": -1, "the last": -1,
    "next": 1, "coming": 1, "the coming": 1, "the next": 1, "this coming": 1, "the following": 1,
})  # fmt: skip

def direction(tense: Tense, default: int = 0) -> int:
    return {"past": -1, "future": 1}.get(tense, default)


#: How far after the publication date a year-less date may still lie when the clause is in
#: the past tense (deadlines: "was extended to Nov. 16") or has no clear tense.
AHEAD_DAYS = MappingProxyType({"past": 21, "present": 120, "none": 120, "future": 0})
AHEAD_MONTHS = MappingProxyType({"past": 1, "present": 4, "none": 4, "future": 0})
#: How far after publication a day of a settled past clause may still lie: publication dates
#: are often a day or two off the story (late copy, a dateline's day, a feed's time zone).
SETTLED_SLACK = 3


def ahead_days(tense: Tense, settled: bool) -> int:
    """How many days after publication a day resolved backwards may still lie."""
    return SETTLED_SLACK if settled else AHEAD_DAYS[tense]


def year_less(ref: date, m: int, d: int, tense: Tense, settled: bool = False) -> date | None:
    """Resolve a day and month: forward when the clause is future, else backward, allowing
    a date shortly after publication (less when the clause is ``settled``)."""
    if tense == "future":
        return cal.month_day_near(ref, m, d, 1)
    return cal.month_day_near(ref, m, d, -1, ahead_days(tense, settled))


def month_year(ref: date, m: int, tense: Tense, settled: bool = False) -> int:
    if tense == "future":
        return cal.month_near(ref, m, 1)
    if settled:  # the next month only a week before it begins, and never across New Year
        soon = (ref + timedelta(days=7)).month != ref.month and ref.month < 12  # ("happened in January" on 28 December)
        return cal.month_near(ref, m, -1, int(soon))
    return cal.month_near(ref, m, -1, AHEAD_MONTHS[tense])


def unresolved(type_: TimeType, value: str, why: str) -> Resolved:
    return Resolved(type_, value, None, "none", why)


def _norm(s: str | None) -> str:
    """A matched word or phrase in lower case with single spaces ("Late  Last Week" -> "late last week")."""
    return " ".join((s or "").lower().split())


def _int(s: str | None) -> int | None:
    return int(s) if s is not None and s.isdigit() else None


def _date(y: int, m: int, d: int) -> date:
    try:
        return date(y, m, d)
    except ValueError as exc:
        raise Impossible(f"{y:04d}-{m:02d}-{d:02d} is not a calendar date") from exc


def _on(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _month_day_exists(m: int, d: int) -> None:
    _date(2000, m, d)  # 2000 is a leap year: only days that never exist fail


def _year_less_day(m: int, d: int, ctx: Context) -> date | None:
    """A day written without a year, resolved against the publication date and the tense;
    None when there is no publication date to resolve it against."""
    _month_day_exists(m, d)
    if ctx.ref is None:
        return None
    found = year_less(ctx.ref, m, d, ctx.tense, ctx.settled)
    if found is None:
        raise Impossible(f"{m:02d}-{d:02d} does not exist near the publication date")
    return found


def resolve_cal(c: Candidate, ctx: Context, lex: Lexicon) -> Resolved:
    r = _resolve_cal(c, ctx, lex)
    if c.get("weekof") and r.interval is not None:  # "the week of March 6": that date's week
        return Resolved("DATE", "", cal.week(r.interval.begin), r.anchor, grain="week")
    if c.get("wend") and r.interval is not None:  # "the week ending March 17": the week mostly before it
        return Resolved("DATE", "", cal.week(r.interval.begin - timedelta(days=3)), r.anchor, grain="week")
    pod = c.get("pod")
    if pod and r.interval is not None:  # "the morning of Sept. 11, 2001": a part of that day
        return Resolved("TIME", f"{r.interval.value}T{lex.parts_of_day[_norm(pod)]}", r.interval, r.anchor)
    wpos = _norm(c.get("wpos"))
    if wpos and r.interval is not None:  # "the first week of March": the first week mostly in March
        first, last = r.interval.begin, r.interval.end
        if wpos in ("last", "final"):
            day = last if last.isoweekday() >= 4 else last - timedelta(days=7)
        else:
            day = first if first.isoweekday() <= 4 else first + timedelta(days=7)
            day += timedelta(weeks=WEEK_ORDINALS[wpos] - 1)
        return Resolved("DATE", "", cal.week(day), r.anchor, grain="week")
    return r


WEEK_ORDINALS = MappingProxyType({"first": 1, "second": 2, "third": 3, "fourth": 4})


def _resolve_cal(c: Candidate, ctx: Context, lex: Lexicon) -> Resolved:
    mrel = c.get("mrel")
    if mrel is not None:  # "the 3rd of this month": a day of the month counted from publication
        nth = _int(c.get("day")) or 0
        if ctx.ref is None:
            return unresolved("DATE", f"XXXX-XX-{nth:02d}", "no publication date to resolve the month")
        month = cal.add_months(ctx.ref.replace(day=1), STEPS[mrel.lower()])
        return Resolved("DATE", "", cal.day(_date(month.year, month.month, nth)), "published")
    if c.get("nthday") and not c.get("mon"):
        return _day_of_month_near(_int(c.get("day")) or 0, ctx)
    m = lex.months[(c.get("mon") or "").lower().rstrip(".")]
    d, y = _int(c.get("day")), _int(c.get("year"))
    yrel = c.get("yrel")
    if d is not None:
        if y is not None:
            return Resolved("DATE", "", cal.day(_date(y, m, d)))
        if c.get("that") and ctx.prev is not None:  # "on 3 May that year": the story's year
            return Resolved("DATE", "", cal.day(_date(ctx.prev.begin.year, m, d)), "previous-time")
        if yrel and ctx.ref is not None:  # "27 September last year"
            return Resolved("DATE", "", cal.day(_date(ctx.ref.year + STEPS[yrel.lower()], m, d)), "published")
        found = _year_less_day(m, d, ctx)
        if found is None:
            return unresolved("DATE", f"XXXX-{m:02d}-{d:02d}", "no publication date to resolve the year")
        wd = lex.weekdays[_norm(c.get("wd"))] if c.get("wd") else None
        if wd is not None and found.isoweekday() != wd:
            # "Monday, Feb. 1": the year next to it whose Feb. 1 is a Monday, when there is one
            fits = [day for day in (_on(found.year + k, m, d) for k in (-1, 1)) if day and day.isoweekday() == wd]
            found = fits[0] if fits else found
        return Resolved("DATE", "", cal.day(found), "published")
    if y is not None:
        return Resolved("DATE", "", cal.month(y, m), grain="month")
    if ctx.ref is None:
        return unresolved("DATE", f"XXXX-{m:02d}", "no publication date to resolve the year")
    if yrel:
        y = ctx.ref.year + STEPS[yrel.lower()]
    elif c.get("that") and ctx.prev is not None:  # "in March 2003 ... That April": that year's April
        y = ctx.prev.begin.year
    elif ctx.tense == "none" and ctx.dated is not None and ctx.dated.begin <= ctx.ref:  # "broke out in January and went on until March"
        y = ctx.dated.begin.year + (1 if m < ctx.dated.begin.month else 0)
    elif ctx.results and m == (last := cal.add_months(ctx.ref, -1)).month:
        y = last.year  # "will report December sales on Tuesday" in January: the month just ended
    else:
        y = month_year(ctx.ref, m, ctx.tense, ctx.settled)
    return Resolved("DATE", "", cal.month(y, m), "published", grain="month")


def _day_of_month_near(nth: int, ctx: Context) -> Resolved:
    """ "will strike on the 21st": that day of this month, or of the next when it has passed (of
    the last when the clause tells the past and it is still to come)."""
    if ctx.ref is None:
        return unresolved("DATE", f"XXXX-XX-{nth:02d}", "no publication date to resolve the month")
    ref, step = ctx.ref, 0
    if ctx.tense == "past" and nth > ref.day:
        step = -1
    elif ctx.tense == "future" and nth < ref.day:
        step = 1
    month = cal.add_months(ref.replace(day=1), step)
    return Resolved("DATE", "", cal.day(_date(month.year, month.month, nth)), "published")


def resolve_range(c: Candidate, ctx: Context, lex: Lexicon) -> Resolved:
    m = lex.months[(c.get("mon") or "").lower().rstrip(".")]
    d1, d2, y = _int(c.get("day")), _int(c.get("day2")), _int(c.get("year"))
    assert d1 is not None and d2 is not None
    anchor: Anchor = "none"
    if y is None:
        _month_day_exists(m, d1)
        _month_day_exists(m, d2)
        first = _year_less_day(m, d1, ctx)
        if first is None:
            return unresolved("DATE", f"XXXX-{m:02d}-{d1:02d}", "no publication date to resolve the year")
        y, anchor = first.year, "published"
    begin, end = _date(y, m, d1), _date(y, m, d2)
    if end < begin:
        raise Impossible(f"the range ends ({end}) before it begins ({begin})")
    return Resolved("DATE", begin.isoformat(), cal.Interval(begin.isoformat(), begin, end), anchor)


def resolve_iso(c: Candidate, ctx: Context, lex: Lexicon) -> Resolved:
    y = _int(c.get("year") or c.get("y"))
    m, d = _int(c.get("m")), _int(c.get("d"))
    assert y is not None and m is not None and d is not None
    if y < 100:
        y += 1900 if y >= 50 else 2000
    if c.kind == "numeric" and m > 12 >= d:  # day first: 13/09/2018
        m, d = d, m
    elif c.kind == "numeric" and c.get("sep") != "." and ctx.ref is not None and m != d and m <= 12 and d <= 12:
        # "came under fire on 12/03/2021" written on 13 March: 3 December is still to come, so
        # the day comes first (most of the world writes it so), when the clause tells a past act
        first, second = _on(y, m, d), _on(y, d, m)
        if ctx.tense == "past" and first is not None and second is not None and first > ctx.ref >= second:
            m, d = d, m
    day = _date(y, m, d)
    hour, minute = _int(c.get("hour")), _int(c.get("min"))
    if hour is not None and minute is not None and hour < 24 and minute < 60:
        return Resolved("TIME", f"{day.isoformat()}T{hour:02d}:{minute:02d}", cal.day(day))
    return Resolved("DATE", "", cal.day(day))


def resolve_year(c: Candidate, ctx: Context, lex: Lexicon) -> Resolved:
    fy = _int(c.get("fy"))
    y = _int(c.get("year")) if fy is None else 2000 + fy
    assert y is not None
    iv = cal.year(y)
    y2 = c.get("year2")
    if y2 is not None:
        last = int(y2) if len(y2) == 4 else (y // 100) * 100 + int(y2)
        if last > y:
            iv = cal.Interval(iv.value, iv.begin, date(last, 12, 31))
    return Resolved("DATE", "", iv, grain="year")


def resolve_decade(c: Candidate, ctx: Context, lex: Lexicon) -> Resolved:
    dec = c.get("dec")
    if dec is not None:
        return Resolved("DATE", "", _half_of(c, cal.decade(int(dec))), grain="decade")
    digit = _int(c.get("dd"))
    if digit is None:
        digit = lex.decades[(c.get("decw") or "").lower()]
    if ctx.ref is None:
        return unresolved("DATE", f"XX{digit}", "no publication date to resolve the century")
    century = ctx.ref.year // 100
    if century * 100 + digit * 10 > ctx.ref.year:
        century -= 1
    return Resolved("DATE", "", _half_of(c, cal.decade(century * 10 + digit)), "published", grain="decade")


def _half_of(c: Candidate, decade: cal.Interval) -> cal.Interval:
    """ "the last half of the '80s": TIMEX3 writes the decade; the interval is its half."""
    half = c.get("dhalf")
    if half is None:
        return decade
    y = decade.begin.year + (0 if half.lower() == "first" else 5)
    return cal.Interval(decade.value, date(y, 1, 1), date(y + 4, 12, 31))


def resolve_century(c: Candidate, ctx: Context, lex: Lexicon) -> Resolved:
    n = _int(c.get("cent"))
    assert n is not None
    return Resolved("DATE", "", cal.century(n - 1), grain="century")


_HOLIDAY_RULE = re.compile(r"(?:(?P<easter>O?EASTER)|(?P<mm>\d\d)-(?:(?P<dd>\d\d)|(?P<nth>[1-5L])(?P<wd>[A-Z]{3})))(?P<shift>[+-]\d+)?")
_ISO_WEEKDAYS = MappingProxyType({"MON": 1, "TUE": 2, "WED": 3, "THU": 4, "FRI": 5, "SAT": 6, "SUN": 7})


def _holiday_on(rule: str, y: int) -> date:
    """The day of a holiday rule in year ``y``: "12-25" (fixed), "11-4THU" (fourth Thursday),
    "05-LMON" (last Monday), "EASTER-2" (Good Friday), "OEASTER" (Orthodox Easter), "11-1MON+1"
    (the day after the first Monday)."""
    m = _HOLIDAY_RULE.fullmatch(rule)
    if m is None:
        raise ConfigError(f"bad holiday rule {rule!r} in the time lexicon (timex/lexicon.toml): write MM-DD, MM-<n>DOW, EASTER or OEASTER, each with an optional +n/-n")
    if m["easter"]:
        day_ = cal.orthodox_easter(y) if m["easter"].startswith("O") else cal.easter(y)
    elif m["dd"]:
        day_ = date(y, int(m["mm"]), int(m["dd"]))
    elif m["nth"] == "L":
        day_ = cal.last_weekday(y, int(m["mm"]), _ISO_WEEKDAYS[m["wd"]])
    else:
        day_ = cal.nth_weekday(y, int(m["mm"]), _ISO_WEEKDAYS[m["wd"]], int(m["nth"]))
    return day_ + timedelta(days=int(m["shift"] or 0))


def holiday_name(c: Candidate) -> str:
    """The lexicon's key of the candidate's holiday ("New Year\u2019s Day" -> "new year's day")."""
    return _norm(c.get("hol")).replace("\u2019", "'")


def month_day(rule: str) -> str:
    """What a holiday rule says of the day without a year: "12-25", "11-XX" (Thanksgiving), "XX-XX"."""
    if re.fullmatch(r"\d\d-\d\d", rule):
        return rule
    return (rule[:2] if rule[:2].isdigit() else "XX") + "-XX"


def resolve_holiday(c: Candidate, ctx: Context, lex: Lexicon) -> Resolved:
    # "05-01|09-1MON": a name kept on different days in different countries (Labor Day); the
    # occurrence nearest the publication date, in the tense's direction, decides
    name = holiday_name(c)
    rules = lex.holidays[name].split("|")
    # "Easter week", "Holy Week": the ISO week of the day (Monday to Easter Sunday)
    weekly = name.endswith(" week")
    on, grain = (cal.week, "week") if weekly else (cal.day, "day")
    y = _int(c.get("year"))
    if y is not None:
        return _day_beside(c, Resolved("DATE", "", on(_holiday_on(rules[0], y)), grain=grain), lex)
    if ctx.ref is None:  # "New Year's Eve": XXXX-12-31; Thanksgiving: XXXX-11-XX; Easter: XXXX-XX-XX
        return unresolved("DATE", f"XXXX-{month_day(rules[0] if len(rules) == 1 else '')}", "no publication date to resolve the year")
    ref = ctx.ref
    cands = [_holiday_on(rule, y) for rule in rules for y in (ref.year - 1, ref.year, ref.year + 1)]
    hrel = _norm(c.get("hrel"))
    if hrel:  # "last Easter": the latest before publication; "next Christmas" the first after; "this" the year's
        pick = {"last": lambda: max(d for d in cands if d < ref), "next": lambda: min(d for d in cands if d > ref)}
        found = pick[hrel]() if hrel in pick else min((d for d in cands if d.year == ref.year), key=lambda d: abs((d - ref).days))
        return _day_beside(c, Resolved("DATE", "", on(found), "published", grain=grain), lex)
    if ctx.tense == "future":
        found = min(d for d in cands if d >= ref)
    elif len(rules) > 1:  # a name kept on several days: the one nearest publication that the tense allows
        slack = 1 if ctx.tense == "past" else ahead_days(ctx.tense, ctx.settled)
        allowed = [d for d in cands if d <= ref + timedelta(days=slack)]
        found = min(allowed, key=lambda d: (abs((d - ref).days), d > ref))
    else:
        found = max(d for d in cands if d <= ref + timedelta(days=ahead_days(ctx.tense, ctx.settled)))
    return _day_beside(c, Resolved("DATE", "", on(found), "published", grain=grain), lex)


def _day_beside(c: Candidate, r: Resolved, lex: Lexicon) -> Resolved:
    """ "the day after Christmas": the day next to the holiday's; "the Easter weekend" the weekend
    of its week (a Monday holiday's is the one before it); "Thanksgiving night" a part of its day."""
    # "the Easter weekend" is the weekend of the holiday
    wk = _norm(c.get("hwk")) or ("weekend" if c.get("hwe") else "")
    side = _norm(c.get("hside")) or "of"
    if r.interval is not None and r.grain == "day" and wk:
        day = r.interval.begin
        if wk == "week":  # "the week before Christmas": the ISO week before the holiday's
            return Resolved("DATE", "", cal.week(day + timedelta(weeks={"before": -1, "after": 1}.get(side, 0))), r.anchor, grain="week")
        if side == "before":  # "the weekend before Christmas": the last one before the day
            day -= timedelta(days=7)
        elif side == "after" and day.isoweekday() in (6, 7):  # a weekend day's next weekend
            day += timedelta(days=7)
        elif side == "of" and day.isoweekday() == 1:  # a Monday holiday's weekend is the one before it
            day -= timedelta(days=2)
        return Resolved("DATE", "", cal.weekend(day), r.anchor, grain="week")
    pod = _norm(c.get("hpod"))
    if r.interval is not None and r.grain == "day" and pod:
        return Resolved("TIME", f"{r.interval.value}T{lex.parts_of_day[pod]}", r.interval, r.anchor)
    dayrel = _norm(c.get("dayrel"))
    if not dayrel or r.interval is None or r.grain != "day":
        return r
    d = r.interval.begin + timedelta(days=1 if dayrel.endswith("after") else -1)
    return Resolved("DATE", "", cal.day(d), r.anchor)


def resolve_bizday(c: Candidate, ctx: Context, lex: Lexicon) -> Resolved:
    """ "the first business day of 2000": its first Monday to Friday that is not New Year's Day;
    "the last trading day of March": the last Monday to Friday of the month."""
    mon, y, yrel = c.get("mon") or c.get("mon2"), _int(c.get("year")), c.get("yrel")
    m = lex.months[_norm(mon).rstrip(".")] if mon else None
    anchor: Anchor = "none"
    if y is None:
        if ctx.ref is None:
            return unresolved("DATE", "XXXX-XX-XX", "no publication date to resolve the year")
        if yrel:
            y = ctx.ref.year + STEPS[_norm(yrel)]
        else:
            y = month_year(ctx.ref, m, ctx.tense, ctx.settled) if m else ctx.ref.year
        anchor = "published"
    span = cal.month(y, m) if m else cal.year(y)
    first = _norm(c.get("bday")) == "first"
    d = span.begin if first else span.end
    while d.isoweekday() > 5 or (d.month, d.day) == (1, 1):
        d += timedelta(days=1 if first else -1)
    return Resolved("DATE", "", cal.day(d), anchor)


def resolve_yearend(c: Candidate, ctx: Context, lex: Lexicon) -> Resolved:
    """ "year-end" (one word) is the closing day; "year end", "year's end" and "the end of the
    year" name the end of the year, which TIMEX3 writes as the year (with mod END)."""
    words = _norm(c.get("ye"))
    whole_year = "-" not in words and words != "yearend"
    if ctx.ref is None:
        return unresolved("DATE", "XXXX" if whole_year else "XXXX-12-31", "no publication date to resolve the year")
    y = ctx.ref.year - (1 if ctx.tense == "past" and ctx.ref.month < 12 else 0)
    if whole_year:
        return Resolved("DATE", "", cal.year(y), "published", grain="year")
    return Resolved("DATE", "", cal.day(date(y, 12, 31)), "published")


def resolve_spelled(c: Candidate, ctx: Context, lex: Lexicon) -> Resolved:
    ones = lex.numbers.get((c.get("ones") or "zero").lower(), 0)
    assert isinstance(ones, int)
    if c.get("thousand"):
        return Resolved("DATE", "", cal.year(2000 + ones), grain="year")
    cent = {"nineteen": 1900, "eighteen": 1800}[(c.get("cent") or "").lower()]
    tens = lex.numbers[(c.get("tens") or "").lower()]
    assert isinstance(tens, int)
    y = cent + tens + ones
    mon, season = c.get("mon"), c.get("season")
    if mon:  # "January nineteen ninety-seven"
        return Resolved("DATE", "", cal.month(y, lex.months[mon.lower().rstrip(".")]), grain="month")
    if season:  # "the winter of nineteen ninety-four"
        return Resolved("DATE", "", cal.season(y, lex.seasons[season.lower()]), grain="season")
    return Resolved("DATE", "", cal.year(y), grain="year")


def finish(r: Resolved) -> Resolved:
    """Fill ``value`` from the interval where the resolver left it empty."""
    if r.value or r.interval is None:
        return r
    return Resolved(r.type, r.interval.value, r.interval, r.anchor, r.problem, r.grain)
