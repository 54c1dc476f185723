"""The rule that decides whether two events describe the same happening (data in rules.toml)."""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class EventRow:
    """One stored event, flat (the columns of the ``events`` table, in order)."""

    id: str
    doc_id: str
    n: int
    event_type: str
    sub_event_type: str
    date_begin: str | None
    date_end: str | None
    date_origin: str
    date_text: str | None
    actor1: str | None
    actor2: str | None
    location: str | None
    country: str | None
    admin1: str | None
    latitude: float | None
    longitude: float | None
    fatalities: int | None
    fatalities_text: str | None
    trigger_text: str
    sentence_start: int
    sentence_end: int
    modality: str
    confidence: float
    cluster_id: str
    record: str


EVENT_COLUMNS: tuple[str, ...] = tuple(EventRow.__dataclass_fields__)


@dataclass(frozen=True)
class MergeRules:
    max_km: float
    date_slack_days: int
    max_span_days: int
    compatible_types: frozenset[tuple[str, str]]
    generic_actor_words: frozenset[str]

    def types_for(self, event_type: str) -> list[str]:
        """The event types an event of this type may merge with (itself first)."""
        return [event_type] + sorted(b for a, b in self.compatible_types if a == event_type and b != event_type)


@lru_cache(maxsize=1)
def load_rules() -> MergeRules:
    raw = tomllib.loads(resources.files("tidings.merge").joinpath("rules.toml").read_text("utf-8"))
    pairs = {(a, b) for a, b in raw["compatible_types"]} | {(b, a) for a, b in raw["compatible_types"]}
    return MergeRules(
        max_km=float(raw["max_km"]),
        date_slack_days=int(raw["date_slack_days"]),
        max_span_days=int(raw["max_span_days"]),
        compatible_types=frozenset(pairs),
        generic_actor_words=frozenset(raw["generic_actor_words"]),
    )


def parse_day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def candidate_window(ev: EventRow, rules: MergeRules) -> tuple[str, str, str] | None:
    """The range of ``date_begin`` values an event that may match ``ev`` can have, and the
    earliest ``date_end`` it can have."""
    begin, end = parse_day(ev.date_begin), parse_day(ev.date_end or ev.date_begin)
    if begin is None or end is None:
        return None
    slack = timedelta(days=rules.date_slack_days)
    lo = begin - timedelta(days=rules.max_span_days) - slack
    return lo.isoformat(), (end + slack).isoformat(), (begin - slack).isoformat()


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0088 * 2 * math.asin(min(1.0, math.sqrt(h)))


def _dates_overlap(a: EventRow, b: EventRow, slack: int) -> bool:
    ab, ae = parse_day(a.date_begin), parse_day(a.date_end or a.date_begin)
    bb, be = parse_day(b.date_begin), parse_day(b.date_end or b.date_begin)
    if None in (ab, ae, bb, be):
        return False
    return ab <= be + timedelta(days=slack) and bb <= ae + timedelta(days=slack)  # type: ignore[operator]


def _places_fit(a: EventRow, b: EventRow, max_km: float) -> bool | None:
    if None not in (a.latitude, a.longitude, b.latitude, b.longitude):
        return km(a.latitude, a.longitude, b.latitude, b.longitude) <= max_km  # type: ignore[arg-type]
    if a.country and b.country:
        return a.country == b.country
    return None


_WORD = re.compile(r"\w+")


def _words(name: str | None, generic: frozenset[str]) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall((name or "").lower()) if w not in generic)


def _actors_fit(a: EventRow, b: EventRow, generic: frozenset[str]) -> bool | None:
    left = [n.lower() for n in (a.actor1, a.actor2) if n]
    right = [n.lower() for n in (b.actor1, b.actor2) if n]
    if not left or not right:
        return None
    if set(left) & set(right):
        return True
    wl = frozenset().union(*(_words(n, generic) for n in left))
    wr = frozenset().union(*(_words(n, generic) for n in right))
    if not wl or not wr:
        return None  # generic names ("gunmen", "armed men") neither prove nor rule out a match
    return bool(wl & wr)


def match_score(a: EventRow, b: EventRow, rules: MergeRules) -> float | None:
    """None when the two events cannot be the same happening; else the share of the
    conditions (date, place, actors) that positively agree. Place or actors must agree: the
    same type on the same day is not enough."""
    if a.doc_id == b.doc_id or b.event_type not in rules.types_for(a.event_type):
        return None
    if not _dates_overlap(a, b, rules.date_slack_days):
        return None
    place = _places_fit(a, b, rules.max_km)
    actors = _actors_fit(a, b, rules.generic_actor_words)
    if place is False or actors is False or (place is None and actors is None):
        return None
    return round((1 + (place is True) + (actors is True)) / 3, 3)
