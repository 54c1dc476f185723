"""Time expressions (TIMEX3): recognition, resolution, and the best date for a stretch of text."""

from __future__ import annotations

from collections.abc import Callable

from ..model import Article, Time

__all__ = ["time_for_span"]


def time_for_span(
    article: Article,
    start: int,
    end: int,
    *,
    trigger: int | None = None,
    exclude: Callable[[Time], bool] | None = None,
    precise_first: bool = True,
) -> Time | None:
    """The best anchored DATE/TIME inside ``[start, end)``, or None.

    Resolved dates (with a calendar interval) win over vague ones; among those, day-precise
    ones win, then the one nearest ``trigger`` (a character offset, e.g. of the event verb),
    else the first. The publication date is never returned by default: no date in the span
    means None. ``exclude`` drops times a caller cannot use (e.g. "since 1988" for an event
    date); with ``precise_first=False`` the nearest time wins whatever its precision. An end
    of a range ("from March to May") stands for the whole range: the time returned then has
    the range's text and interval.
    """
    inside = [
        _whole(t) for t in article.times
        if t.type in ("DATE", "TIME") and t.begin is not None and start <= t.span.start < end
        and (exclude is None or not exclude(t))
    ]  # fmt: skip
    if not inside:
        return None
    where = trigger if trigger is not None else start

    def rank(t: Time) -> tuple[int, int]:
        precise = 0 if t.begin == t.end_date or not precise_first else 1
        distance = min(abs(t.span.start - where), abs(t.span.end - where))
        return precise, distance

    return min(inside, key=rank)


def _whole(t: Time) -> Time:
    """``t``, or the range it is an end of as one DATE: the range's text and interval, the value
    and anchor of ``t``."""
    if t.range is None:
        return t
    return Time(t.range.span, "DATE", t.value, t.range.begin, t.range.end_date, t.anchor)
