"""What a cluster of events says, computed from its members: one row per happening, with the
sources that report it and the figures they disagree on. Each source's own value stays on its
event row; nothing here is averaged."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .dedup import components
from .rules import EventRow, parse_day


@dataclass(frozen=True, slots=True)
class DocInfo:
    id: str
    outlet: str
    published: str | None


@dataclass(frozen=True, slots=True)
class ClusterRow:
    id: str
    event_type: str
    sub_event_type: str
    date_begin: str | None
    date_end: str | None
    span_days: int
    actor1: str | None
    actor2: str | None
    location: str | None
    country: str | None
    admin1: str | None
    latitude: float | None
    longitude: float | None
    fatalities_low: int | None
    fatalities_high: int | None
    n_events: int
    n_sources: int
    sources: str
    actors: str
    disagreements: str
    notes: str


CLUSTER_COLUMNS: tuple[str, ...] = tuple(ClusterRow.__dataclass_fields__)


def _first(values: Iterable[object]) -> object:
    return next((v for v in values if v is not None), None)


def _common(values: Sequence[str]) -> str:
    counts = Counter(values)
    return min(counts, key=lambda v: (-counts[v], v))


def _days(begin: str | None, end: str | None) -> int:
    b, e = parse_day(begin), parse_day(end)
    return (e - b).days if b and e and e >= b else 0


def date_conflict(members: Sequence[EventRow]) -> bool:
    """True when two members' dates (given by their texts) do not overlap."""
    spans = []
    for e in members:
        b, en = parse_day(e.date_begin), parse_day(e.date_end or e.date_begin)
        if b and en and e.date_origin == "text":
            spans.append((b, en))
    return any(b1 > e2 or b2 > e1 for i, (b1, e1) in enumerate(spans) for b2, e2 in spans[i + 1 :])


def summarise(
    members: Sequence[EventRow], docs: dict[str, DocInfo], duplicate_pairs: Iterable[tuple[str, str]]
) -> ClusterRow:
    """The cluster row of a set of linked events (``members`` non-empty)."""
    order = sorted(members, key=lambda e: (docs[e.doc_id].published or "9999", e.doc_id, e.n))
    origin = components({e.doc_id for e in members}, duplicate_pairs)
    independent = set(origin.values())
    figures = sorted({e.fatalities for e in members if e.fatalities is not None})
    flags = (["fatalities"] if len(figures) > 1 else []) + (["date"] if date_conflict(members) else [])
    outlets = sorted({docs[e.doc_id].outlet for e in members})
    begin = min((e.date_begin for e in members if e.date_begin), default=None)
    end = max((e.date_end or e.date_begin or "" for e in members), default="") or None
    lat_lon = next(((e.latitude, e.longitude) for e in order if e.latitude is not None), (None, None))
    return ClusterRow(
        id=min(e.id for e in members),
        event_type=_common([e.event_type for e in members]),
        sub_event_type=_common([e.sub_event_type for e in members]),
        date_begin=begin,
        date_end=end,
        span_days=_days(begin, end),
        actor1=_first(e.actor1 for e in order),  # type: ignore[arg-type]
        actor2=_first(e.actor2 for e in order),  # type: ignore[arg-type]
        location=_first(e.location for e in order),  # type: ignore[arg-type]
        country=_first(e.country for e in order),  # type: ignore[arg-type]
        admin1=_first(e.admin1 for e in order),  # type: ignore[arg-type]
        latitude=lat_lon[0],
        longitude=lat_lon[1],
        fatalities_low=figures[0] if figures else None,
        fatalities_high=figures[-1] if figures else None,
        n_events=len(members),
        n_sources=len(independent),
        sources=json.dumps(outlets, ensure_ascii=False),
        actors="|".join(sorted({n.lower() for e in members for n in (e.actor1, e.actor2) if n})),
        disagreements=",".join(flags),
        notes=_notes(order, docs, origin, flags),
    )


def _notes(order: Sequence[EventRow], docs: dict[str, DocInfo], origin: dict[str, str], flags: list[str]) -> str:
    copies = len({e.doc_id for e in order}) - len(set(origin.values()))
    parts = [f"{order[0].trigger_text!r} ({docs[order[0].doc_id].outlet})"]
    if len(order) > 1:
        parts.append(f"reported by {len(set(origin.values()))} independent source(s)" + (f" and {copies} near-duplicate cop{'y' if copies == 1 else 'ies'}" if copies else ""))
    if "fatalities" in flags:
        vals = "; ".join(f"{e.fatalities} ({docs[e.doc_id].outlet}: {e.fatalities_text!r})" for e in order if e.fatalities is not None)
        parts.append(f"fatalities disputed: {vals}")
    if "date" in flags:
        vals = "; ".join(f"{e.date_begin}..{e.date_end} ({docs[e.doc_id].outlet})" for e in order if e.date_begin)
        parts.append(f"dates disputed: {vals}")
    return "; ".join(parts)
