"""Calendar arithmetic and TIMEX3 value strings: days, ISO weeks, quarters, seasons, decades."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from types import MappingProxyType

SEASON_MONTHS = MappingProxyType({"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)})


@dataclass(frozen=True, slots=True)
class Interval:
    """A TIMEX3 value with its calendar interval (inclusive days)."""

    value: str
    begin: date
    end: date


def month_end(year: int, month: int) -> date:
    if month == 12:
        return date(year, 12, 31)
    return date(year, month + 1, 1) - timedelta(days=1)


def add_months(d: date, months: int) -> date:
    """``d`` moved by whole months, the day clipped to the month's length."""
    idx = d.year * 12 + d.month - 1 + months
    y, m = divmod(idx, 12)
    return date(y, m + 1, min(d.day, month_end(y, m + 1).day))


def day(d: date) -> Interval:
    return Interval(d.isoformat(), d, d)


def month(year: int, m: int) -> Interval:
    return Interval(f"{year:04d}-{m:02d}", date(year, m, 1), month_end(year, m))


def year(y: int) -> Interval:
    return Interval(f"{y:04d}", date(y, 1, 1), date(y, 12, 31))


def week(d: date) -> Interval:
    """The ISO week containing ``d``."""
    iso = d.isocalendar()
    monday = d - timedelta(days=iso.weekday - 1)
    return Interval(f"{iso.year:04d}-W{iso.week:02d}", monday, monday + timedelta(days=6))


def weekend(d: date) -> Interval:
    w = week(d)
    return Interval(w.value + "-WE", w.begin + timedelta(days=5), w.end)


def quarter(y: int, q: int) -> Interval:
    first = 3 * (q - 1) + 1
    return Interval(f"{y:04d}-Q{q}", date(y, first, 1), month_end(y, first + 2))


def half(y: int, h: int) -> Interval:
    first = 6 * (h - 1) + 1
    return Interval(f"{y:04d}-H{h}", date(y, first, 1), month_end(y, first + 5))


def season(y: int, code: str) -> Interval:
    lo, hi = SEASON_MONTHS[code]
    end_y, end_m = (y + 1, hi - 12) if hi > 12 else (y, hi)
    return Interval(f"{y:04d}-{code}", date(y, lo, 1), month_end(end_y, end_m))


def decade(d: int) -> Interval:
    """``d`` is the first three digits: 199 is the 1990s."""
    return Interval(f"{d:03d}", date(d * 10, 1, 1), date(d * 10 + 9, 12, 31))


def century(c: int) -> Interval:
    """``c`` is the first two digits: 19 is 1900-1999."""
    return Interval(f"{c:02d}", date(c * 100, 1, 1), date(c * 100 + 99, 12, 31))


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def shift(d: date, unit: str, n: int) -> date:
    """``d`` moved by ``n`` calendar units (day, week, month, quarter, year, decade)."""
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(weeks=n)
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}.get(unit)
    if months is None:
        return d
    return add_months(d, months * n)


def at_granularity(d: date, unit: str) -> Interval:
    """The calendar unit of size ``unit`` that contains ``d``."""
    if unit == "week":
        return week(d)
    if unit == "month":
        return month(d.year, d.month)
    if unit == "quarter":
        return quarter(d.year, quarter_of(d))
    if unit == "year":
        return year(d.year)
    if unit == "decade":
        return decade(d.year // 10)
    if unit == "century":
        return century(d.year // 100)
    return day(d)


def weekday_near(ref: date, weekday: int, direction: int) -> date:
    """The ``weekday`` (ISO 1-7) on or before ``ref`` (direction -1), after it (+1),
    or nearest to it (0, ties to the past)."""
    back = (ref.isoweekday() - weekday) % 7
    fwd = (weekday - ref.isoweekday()) % 7 or 7
    if direction < 0:
        return ref - timedelta(days=back)
    if direction > 0:
        return ref + timedelta(days=fwd)
    return ref - timedelta(days=back) if back <= fwd else ref + timedelta(days=fwd)


def month_day_near(ref: date, m: int, d: int, direction: int, ahead: int = 0) -> date | None:
    """The date ``m``/``d`` in the year that puts it on or before ``ref`` (direction -1), on or
    after it (+1) or nearest to it (0). With direction -1, a date at most ``ahead`` days after
    ``ref`` is still taken (a deadline: "was extended to Nov. 16"). None if the day does not
    exist in any candidate year (29 February looks for a leap year)."""
    cands = []
    for y in range(ref.year - 4, ref.year + 5):
        try:
            cands.append(date(y, m, d))
        except ValueError:
            continue
    if not cands:
        return None
    if direction < 0:
        soon = [c for c in cands if ref < c <= ref + timedelta(days=ahead)]
        if soon:
            return soon[0]
        past = [c for c in cands if c <= ref]
        return max(past) if past else None
    if direction > 0:
        fut = [c for c in cands if c >= ref]
        return min(fut) if fut else None
    return min(cands, key=lambda c: (abs((c - ref).days), c > ref))


def month_near(ref: date, m: int, direction: int, ahead: int = 0) -> int:
    """The year of month ``m`` before/after/nearest ``ref`` (month granularity); with direction
    -1 a month at most ``ahead`` months after ``ref`` is still taken."""
    if direction < 0:
        if 0 < (m - ref.month) % 12 <= ahead:
            return ref.year if m > ref.month else ref.year + 1
        return ref.year if m <= ref.month else ref.year - 1
    if direction > 0:
        return ref.year if m >= ref.month else ref.year + 1
    diff = m - ref.month
    if diff > 6:
        return ref.year - 1
    if diff < -6:
        return ref.year + 1
    return ref.year


def nth_weekday(year_: int, m: int, weekday: int, n: int) -> date:
    """The ``n``-th ``weekday`` (ISO 1-7) of a month: Thanksgiving is the 4th Thursday of November."""
    first = date(year_, m, 1)
    return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))


def last_weekday(year_: int, m: int, weekday: int) -> date:
    """The last ``weekday`` (ISO 1-7) of a month: Memorial Day is the last Monday of May."""
    last = add_months(date(year_, m, 1), 1) - timedelta(days=1)
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def easter(year_: int) -> date:
    """Western Easter Sunday (the Gregorian computus of Meeus, Jones and Butcher)."""
    a, b, c = year_ % 19, year_ // 100, year_ % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day_ = divmod(h + l_ - 7 * m + 114, 31)
    return date(year_, month, day_ + 1)


def orthodox_easter(year_: int) -> date:
    """Orthodox Easter Sunday (the Julian computus, given as a Gregorian date, 1900-2099)."""
    a, b, c = year_ % 4, year_ % 7, year_ % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day_ = divmod(d + e + 114, 31)
    return date(year_, month, day_ + 1) + timedelta(days=13)


#: A TIMEX3 value of a day and a clock time ("2008-05-12T14:28").
CLOCK_VALUE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")


def in_year(iv: Interval, year: int) -> Interval:
    """The same calendar stretch moved into ``year`` (the year written once at a range's end, the
    year after a clock time's day, the same period a year back)."""
    months = 12 * (year - iv.begin.year)
    begin, end = add_months(iv.begin, months), add_months(iv.end, months)
    value = f"{year:04d}{iv.value[4:]}" if iv.value[:4].isdigit() else iv.value
    return Interval(value, begin, end)

