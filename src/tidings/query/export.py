"""Exports of event clusters: ACLED-style CSV, JSONL (with each source's evidence), GeoJSON."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any, TextIO

from ..store.backend import Backend
from . import cluster_detail

ACLED_COLUMNS = (
    "event_date", "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1",
    "location", "latitude", "longitude", "fatalities", "source", "notes",
)


@lru_cache(maxsize=512)
def country_name(code: str | None) -> str:
    if not code:
        return ""
    import pycountry

    found = pycountry.countries.get(alpha_2=code.upper())
    return str(found.name) if found is not None else code


def acled_row(c: dict[str, Any]) -> dict[str, Any]:
    """One ACLED-style row. Fatalities: the lowest figure any source gives (ACLED's
    conservative rule); when sources disagree, ``notes`` lists every figure with its source."""
    return {
        "event_date": c["date_begin"] or "",
        "event_type": c["event_type"],
        "sub_event_type": c["sub_event_type"],
        "actor1": c["actor1"] or "",
        "actor2": c["actor2"] or "",
        "country": country_name(c["country"]),
        "admin1": c["admin1"] or "",
        "location": c["location"] or "",
        "latitude": "" if c["latitude"] is None else round(c["latitude"], 4),
        "longitude": "" if c["longitude"] is None else round(c["longitude"], 4),
        "fatalities": "" if c["fatalities_low"] is None else c["fatalities_low"],
        "source": "; ".join(c["sources"]),
        "notes": c["notes"],
    }


def write_acled_csv(clusters: Iterable[dict[str, Any]], out: TextIO) -> Iterator[dict[str, Any]]:
    w = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    w.writeheader()
    for c in clusters:
        w.writerow(acled_row(c))
        yield c


def write_jsonl(db: Backend, clusters: Iterable[dict[str, Any]], out: TextIO) -> Iterator[dict[str, Any]]:
    """One line per cluster, with its member events and their evidence."""
    for c in clusters:
        out.write(json.dumps(cluster_detail(db, c["id"]), ensure_ascii=False) + "\n")
        yield c


def write_geojson(clusters: Iterable[dict[str, Any]], out: TextIO) -> Iterator[dict[str, Any]]:
    """A FeatureCollection of the clusters that have coordinates (others are left out)."""
    out.write('{"type": "FeatureCollection", "features": [')
    first = True
    for c in clusters:
        if c["latitude"] is None or c["longitude"] is None:
            continue
        feature = {"type": "Feature", "id": c["id"], "geometry": {"type": "Point", "coordinates": [c["longitude"], c["latitude"]]}, "properties": c}
        out.write(("\n" if first else ",\n") + json.dumps(feature, ensure_ascii=False))
        first = False
        yield c
    out.write("\n]}\n")
