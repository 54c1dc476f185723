"""Filters over event clusters -> one SQL ``WHERE`` clause with its parameters."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from types import MappingProxyType

from ..errors import StoreError
from ..merge.rules import km
from ..store.backend import Backend

#: ACLED event and sub-event types (contract v1), to accept them in any letter case.
ACLED_TYPES: tuple[str, ...] = (
    "Battles", "Armed clash", "Government regains territory", "Non-state actor overtakes territory",
    "Explosions/Remote violence", "Chemical weapon", "Air/drone strike", "Suicide bomb",
    "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade",
    "Violence against civilians", "Sexual violence", "Attack", "Abduction/forced disappearance",
    "Protests", "Peaceful protest", "Protest with intervention", "Excessive force against protesters",
    "Riots", "Violent demonstration", "Mob violence", "Strategic developments", "Agreement", "Arrests",
    "Change to group/activity", "Disrupted weapons use", "Headquarters or base established",
    "Looting/property destruction", "Non-violent transfer of territory", "Other",
)
_TYPE_BY_FOLD = MappingProxyType({t.casefold(): t for t in ACLED_TYPES})
TOP_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots", "Strategic developments"})
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Near:
    lat: float
    lon: float
    km: float


@dataclass(frozen=True)
class Filters:
    """All given filters must hold. Dates are ISO days; a cluster matches a date range when
    its interval overlaps it."""

    date_from: str | None = None
    date_to: str | None = None
    types: tuple[str, ...] = ()
    actor: str | None = None
    country: str | None = None
    near: Near | None = None
    text: str | None = None
    disputed: bool = False


def canonical_type(name: str) -> str:
    return _TYPE_BY_FOLD.get(name.strip().casefold(), name.strip())


def country_code(name: str) -> str:
    """ISO 3166-1 alpha-2 code of a country given by code or name."""
    import pycountry

    if len(name) == 2 and name.isalpha():
        return name.upper()
    try:
        found = pycountry.countries.lookup(name)
    except LookupError:
        raise StoreError(f"unknown country {name!r}; give an ISO code such as AZ or an English name") from None
    return str(found.alpha_2)


def where(f: Filters, dialect: str, max_span_days: int = 0) -> tuple[str, list[object]]:
    """The clause (over ``clusters c``) and its parameters. ``max_span_days`` (the longest
    cluster in the store) bounds the scan of a date range on the date-order index."""
    parts: list[str] = []
    params: list[object] = []
    if f.date_from:
        lower = (date.fromisoformat(f.date_from) - timedelta(days=max_span_days)).isoformat()
        parts.append("COALESCE(c.date_begin, '') >= ? AND COALESCE(c.date_end, c.date_begin) >= ?")
        params += [lower, f.date_from]
    if f.date_to:
        parts.append("COALESCE(c.date_begin, '') <= ? AND c.date_begin IS NOT NULL")
        params.append(f.date_to)
    if f.types:
        parts.append(_types_clause(f.types, params))
    if f.actor:
        parts.append("c.actors LIKE ?")  # every member's actor names, lower case, '|'-joined
        params.append(f"%{f.actor.lower()}%")
    if f.country:
        parts.append("c.country = ?")
        params.append(country_code(f.country))
    if f.near:
        dlat = f.near.km / 111.0
        dlon = min(180.0, f.near.km / max(1e-6, 111.0 * abs(_cos_deg(f.near.lat))))
        parts.append("c.latitude BETWEEN ? AND ? AND c.longitude BETWEEN ? AND ?")
        params += [f.near.lat - dlat, f.near.lat + dlat, f.near.lon - dlon, f.near.lon + dlon]
    if f.text:
        parts.append(f"c.id IN (SELECT cluster_id FROM events WHERE doc_id IN ({_text_docs(dialect)}))")
        params.append(_fts_query(f.text) if dialect == "sqlite" else f.text)
    if f.disputed:
        parts.append("c.disagreements <> ''")
    return (" AND ".join(parts) or "1 = 1"), params


def _types_clause(types: tuple[str, ...], params: list[object]) -> str:
    names = [canonical_type(t) for t in types]
    top = [n for n in names if n in TOP_TYPES]
    sub = [n for n in names if n not in TOP_TYPES]
    parts = []
    if top:
        parts.append(f"c.event_type IN ({', '.join('?' * len(top))})")
    if sub:
        parts.append(f"c.sub_event_type IN ({', '.join('?' * len(sub))})")
    params += top + sub
    return "(" + " OR ".join(parts) + ")"


def _cos_deg(lat: float) -> float:
    import math

    return math.cos(math.radians(lat))


def _text_docs(dialect: str) -> str:
    if dialect == "sqlite":
        return "SELECT d.id FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid WHERE documents_fts MATCH ?"
    return "SELECT id FROM documents WHERE to_tsvector('simple', coalesce(title, '') || ' ' || text) @@ plainto_tsquery('simple', ?)"


def _fts_query(text: str) -> str:
    words = _WORD.findall(text)
    if not words:
        raise StoreError(f"--text {text!r} has no words to search for")
    return " ".join(f'"{w}"' for w in words)


def within(f: Filters, lat: float | None, lon: float | None) -> bool:
    """The exact radius test the bounding box in :func:`where` approximates."""
    if f.near is None:
        return True
    return lat is not None and lon is not None and km(f.near.lat, f.near.lon, lat, lon) <= f.near.km


def resolve_place(db: Backend, spec: str, default_km: float = 25.0) -> Near:
    """``NAME[:KM]`` or ``LAT,LON[:KM]``. A name is looked up among the places of the stored
    events (the most frequently reported coordinates under that name)."""
    name, _, radius = spec.rpartition(":") if ":" in spec else (spec, "", "")
    try:
        dist = float(radius) if radius else default_km
    except ValueError:
        raise StoreError(f"--place {spec!r}: the radius after ':' must be a number of km") from None
    coords = re.fullmatch(r"\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*", name)
    if coords:
        return Near(float(coords[1]), float(coords[2]), dist)
    rows = db.query(
        "SELECT latitude, longitude, COUNT(*) AS n FROM events WHERE lower(location) = ? AND latitude IS NOT NULL "
        "GROUP BY latitude, longitude ORDER BY n DESC, latitude, longitude LIMIT 1",
        (name.strip().lower(),),
    )
    if not rows:
        raise StoreError(f"--place {name!r}: no stored event is located there; give coordinates as LAT,LON[:KM]")
    return Near(float(rows[0][0]), float(rows[0][1]), dist)
