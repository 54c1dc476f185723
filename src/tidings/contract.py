"""Model -> JSON record, contract v1 (``../shared/spec/output-v1.md``), and its JSON Schema."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from .errors import InvalidRecord
from .model import (
    Article,
    Entity,
    Event,
    Mention,
    Place,
    Quantity,
    Quote,
    Span,
    Time,
)

SCHEMA_ID = "tidings/extract/v1"


def _span(s: Span) -> dict[str, Any]:
    return {"text": s.text, "start": s.start, "end": s.end}


def _mention(m: Mention | None) -> dict[str, Any] | None:
    if m is None:
        return None
    return {**_span(m.span), "canonical": m.canonical}


def entity_json(e: Entity) -> dict[str, Any]:
    return {"id": e.id, **_span(e.span), "label": e.label, "canonical": e.canonical}


def time_json(t: Time) -> dict[str, Any]:
    return {
        **_span(t.span),
        "type": t.type,
        "value": t.value,
        "begin": t.begin,
        "end_date": t.end_date,
        "anchor": t.anchor,
        "range": None if t.range is None else {**_span(t.range.span), "begin": t.range.begin, "end_date": t.range.end_date},
    }


def place_json(p: Place) -> dict[str, Any]:
    return {
        **_span(p.span),
        "name": p.name,
        "geonameid": p.geonameid,
        "lat": p.lat,
        "lon": p.lon,
        "country": p.country,
        "admin1": p.admin1,
        "admin2": p.admin2,
        "feature": p.feature,
        "confidence": round(p.confidence, 3),
    }


def quantity_json(q: Quantity) -> dict[str, Any]:
    return {
        **_span(q.span),
        "value": q.value,
        "low": q.low,
        "high": q.high,
        "unit": q.unit,
        "approximate": q.approximate,
        "parts": [
            {"value": p.value, "unit": p.unit, **({"start": p.span.start, "end": p.span.end} if p.span else {})}
            for p in q.parts
        ],
    }


def quote_json(q: Quote) -> dict[str, Any]:
    return {
        **_span(q.span),
        "kind": q.kind,
        "speaker": _mention(q.speaker),
        "cue": _span(q.cue) if q.cue else None,
    }


def event_json(e: Event) -> dict[str, Any]:
    d = e.date
    return {
        "id": e.id,
        "type": e.type,
        "sub_type": e.sub_type,
        "plover": e.plover,
        "trigger": _span(e.trigger),
        "sentence": {"start": e.sentence[0], "end": e.sentence[1]},
        "date": {
            "text": d.span.text if d.span else None,
            "start": d.span.start if d.span else None,
            "end": d.span.end if d.span else None,
            "begin": d.begin,
            "end_date": d.end_date,
            "origin": d.origin,
        },
        "actor1": _mention(e.actor1),
        "actor2": _mention(e.actor2),
        "assoc_actors": [_mention(a) for a in e.assoc_actors],
        "location": place_json(e.location) if e.location else None,
        "fatalities": quantity_json(e.fatalities) if e.fatalities else None,
        "modality": e.modality,
        "attributed_to": (
            "article"
            if e.attributed_to is None
            else {"text": e.attributed_to.span.text, "canonical": e.attributed_to.canonical}
        ),
        "confidence": round(e.confidence, 3),
    }


def to_record(article: Article, *, include_text: bool = True) -> dict[str, Any]:
    rec: dict[str, Any] = {
        "schema": SCHEMA_ID,
        "id": article.id,
        "source": article.source,
        "title": article.title,
        "published": {"value": article.published.value, "origin": article.published.origin},
        "language": article.language,
    }
    if include_text:
        rec["text"] = article.text
    rec["entities"] = [entity_json(e) for e in article.entities]
    rec["times"] = [time_json(t) for t in article.times]
    rec["places"] = [place_json(p) for p in article.places]
    rec["quantities"] = [quantity_json(q) for q in article.quantities]
    rec["quotes"] = [quote_json(q) for q in article.quotes]
    rec["events"] = [event_json(e) for e in article.events]
    rec["warnings"] = [w.render() for w in article.warnings]
    return rec


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a contract-v1 document record."""
    text = resources.files("tidings").joinpath("schema/extract-v1.schema.json").read_text("utf-8")
    result: dict[str, Any] = json.loads(text)
    return result


def validate(record: dict[str, Any]) -> None:
    """Raise :class:`~tidings.errors.InvalidRecord` (a ``ValueError``) if the record breaks the
    contract's schema, or if an offset does not index the record's text (when the text is present)."""
    import jsonschema

    try:
        jsonschema.validate(record, schema())
    except jsonschema.ValidationError as exc:
        where = "/".join(str(p) for p in exc.absolute_path) or "record"
        raise InvalidRecord(f"{where}: {exc.message} (contract v1: see the schema, tidings.schema())") from exc
    text = record.get("text")
    if text is None:
        return
    for key in ("entities", "times", "places", "quantities", "quotes"):
        for item in record[key]:
            _check_span(text, item, key)
    for ev in record["events"]:
        _check_span(text, ev["trigger"], "events.trigger")
        for role in ("actor1", "actor2"):
            if ev[role]:
                _check_span(text, ev[role], f"events.{role}")
        if ev["date"]["text"] is not None:
            _check_span(text, ev["date"], "events.date")


def _check_span(text: str, item: dict[str, Any], where: str) -> None:
    s, e = item["start"], item["end"]
    if not (0 <= s <= e <= len(text)) or text[s:e] != item["text"]:
        raise InvalidRecord(f"{where}: span {s}-{e} does not index {item['text']!r} in the text; offsets are str indices into 'text', end exclusive")
