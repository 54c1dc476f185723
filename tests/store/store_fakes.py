"""Test helpers: hand-written contract-v1 records with events, and a fast fake events stage.

The fake stage reads sentences such as "12 people were killed in Alphaville on 2020-05-03 by
the Blue Brigade." (written by the tests themselves) so that ingestion tests carry events
without loading spaCy or depending on the events stage.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from typing import Any

from tidings.model import Article, Event, EventDate, Mention, Place, Quantity

FAKE_PLACES = {"Alphaville": (10.0, 20.0, "FR"), "Betatown": (10.1, 20.1, "FR"), "Gammaport": (-30.0, 150.0, "AU")}
_EVENT = re.compile(r"(\d+) people were killed in (\w+) on (\d{4}-\d{2}-\d{2}) by the (\w+ \w+)")


class FakeEventStage:
    name = "fake"
    requires = frozenset({"text"})
    assigns = frozenset({"events"})

    def __init__(self, *, delay: float = 0.0) -> None:
        self.delay = delay

    def process(self, articles: Sequence[Article]) -> list[Article]:
        out = []
        for a in articles:
            if self.delay:
                time.sleep(self.delay)
            out.append(a.with_(events=tuple(_events(a))))
        return out


def slow_stage() -> FakeEventStage:
    return FakeEventStage(delay=0.004)


def _events(a: Article) -> list[Event]:
    found = []
    for n, m in enumerate(_EVENT.finditer(a.text)):
        lat, lon, cc = FAKE_PLACES.get(m[2], (None, None, None))
        dead = int(m[1])
        found.append(
            Event(
                id=f"ev{n + 1}",
                type="Violence against civilians",
                sub_type="Attack",
                trigger=a.span(m.start(), m.end()),
                sentence=(m.start(), m.end()),
                date=EventDate(a.span(m.start(3), m.end(3)), m[3], m[3], "text"),
                actor1=Mention(a.span(m.start(4), m.end(4)), m[4]),
                location=Place(a.span(m.start(2), m.end(2)), name=m[2], lat=lat, lon=lon, country=cc, confidence=0.9),
                fatalities=Quantity(a.span(m.start(1), m.end(1) + 7), dead, dead, dead, "people"),
                confidence=0.8,
            )
        )
    return found


def register_fake_stages(monkeypatch: Any = None) -> None:
    """Make the stage names "fake" and "slowfake" known to the registry (in this process)."""
    from types import MappingProxyType

    import tidings.pipeline as pipeline

    stages = MappingProxyType({**pipeline.BUILTIN_STAGES, "fake": "store_fakes:FakeEventStage", "slowfake": "store_fakes:slow_stage"})
    if monkeypatch is not None:
        monkeypatch.setattr(pipeline, "BUILTIN_STAGES", stages)
    else:
        pipeline.BUILTIN_STAGES = stages  # type: ignore[misc]


def record(
    text: str,
    source: str,
    events: list[dict[str, Any]],
    *,
    published: str | None = "2020-05-04",
    title: str | None = None,
) -> dict[str, Any]:
    """A contract-v1 record, by hand."""
    return {
        "schema": "tidings/extract/v1",
        "id": source,
        "source": source,
        "title": title,
        "published": {"value": published, "origin": "input" if published else "none"},
        "language": "en",
        "text": text,
        "entities": [],
        "times": [],
        "places": [],
        "quantities": [],
        "quotes": [],
        "events": events,
        "warnings": [],
    }


def event(
    text: str,
    trigger: str,
    *,
    type_: str = "Violence against civilians",
    sub_type: str = "Attack",
    day: str | None = "2020-05-03",
    end_day: str | None = None,
    actor1: str | None = None,
    actor2: str | None = None,
    place: str | None = None,
    lat: float | None = None,
    lon: float | None = None,
    country: str | None = None,
    dead: str | None = None,
    dead_value: int | None = None,
) -> dict[str, Any]:
    """An event dict whose spans index ``text`` (each string given must occur in it)."""

    def span(s: str) -> dict[str, Any]:
        i = text.index(s)
        return {"text": s, "start": i, "end": i + len(s)}

    t = span(trigger)
    loc = None
    if place is not None:
        loc = {**span(place), "name": place, "geonameid": None, "lat": lat, "lon": lon, "country": country, "admin1": None, "admin2": None, "feature": "PPL", "confidence": 0.9}
    fat = None
    if dead is not None:
        fat = {**span(dead), "value": dead_value, "low": dead_value, "high": dead_value, "unit": "people", "approximate": False, "parts": []}
    return {
        "id": "ev1",
        "type": type_,
        "sub_type": sub_type,
        "plover": None,
        "trigger": t,
        "sentence": {"start": 0, "end": len(text)},
        "date": {"text": None, "start": None, "end": None, "begin": day, "end_date": end_day or day, "origin": "text" if day else "none"},
        "actor1": {**span(actor1), "canonical": actor1} if actor1 else None,
        "actor2": {**span(actor2), "canonical": actor2} if actor2 else None,
        "assoc_actors": [],
        "location": loc,
        "fatalities": fat,
        "modality": "asserted",
        "attributed_to": "article",
        "confidence": 0.7,
    }
