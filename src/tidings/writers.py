"""Record writers: JSONL (machines), a JSON array, and a summary table (people)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO


def write_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> Iterator[dict[str, Any]]:
    for rec in records:
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        yield rec


def write_json(records: Iterable[dict[str, Any]], out: TextIO) -> Iterator[dict[str, Any]]:
    """A JSON array. Nothing is written before the first record is made, so that an error met
    on the way there (a model missing, say) leaves no half array behind."""
    first = True
    for rec in records:
        out.write(("[\n" if first else ",\n") + json.dumps(rec, ensure_ascii=False, indent=2))
        first = False
        yield rec
    out.write("\n]\n" if not first else "[]\n")


def _clip(s: Any, n: int) -> str:
    t = " ".join(str(s if s is not None else "-").split())
    return t if len(t) <= n else t[: n - 1] + "\u2026"


def _table(headers: list[str], rows: list[list[Any]], widths: list[int]) -> list[str]:
    cells = [[_clip(c, w) for c, w in zip(r, widths, strict=False)] for r in rows]
    cols = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]

    def line(r: list[str]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(r, cols, strict=False)).rstrip()

    return [line(headers), line(["-" * w for w in cols])] + [line(r) for r in cells]


def render_table(rec: dict[str, Any]) -> str:
    """A readable summary of one record."""
    pub = rec["published"]
    out = [
        f"== {rec.get('title') or '(no title)'}",
        f"   id {rec['id']}  source {rec['source']}  published {pub['value'] or '?'} ({pub['origin']})",
        f"   {len(rec['entities'])} entities, {len(rec['times'])} times, {len(rec['places'])} places, "
        f"{len(rec['quantities'])} quantities, {len(rec['quotes'])} quotes, {len(rec['events'])} events",
        "",
    ]
    if rec["events"]:
        rows = []
        for e in rec["events"]:
            d = e["date"]
            when = d["begin"] if d["begin"] == d["end_date"] else f"{d['begin']}..{d['end_date']}"
            who = (e["actor1"] or {}).get("canonical") or (e["actor1"] or {}).get("text")
            whom = (e["actor2"] or {}).get("canonical") or (e["actor2"] or {}).get("text")
            where = (e["location"] or {}).get("name")
            dead = (e["fatalities"] or {}).get("value")
            rows.append([when if d["begin"] else "?", f"{e['type']} / {e['sub_type']}", who, whom, where, dead, e["modality"], e["trigger"]["text"]])
        out += _table(["date", "type / sub type", "actor1", "actor2", "place", "killed", "modality", "trigger"], rows, [23, 48, 24, 24, 18, 6, 10, 16]) + [""]
    if rec["times"]:
        out += _table(["time", "type", "value", "begin", "end"], [[t["text"], t["type"], t["value"], t["begin"], t["end_date"]] for t in rec["times"]], [28, 8, 14, 10, 10]) + [""]
    if rec["places"]:
        out += _table(["place", "name", "country", "lat", "lon", "conf"], [[p["text"], p["name"], p["country"], p["lat"], p["lon"], p["confidence"]] for p in rec["places"]], [24, 24, 7, 8, 8, 5]) + [""]
    if rec["quotes"]:
        out += _table(["speaker", "kind", "quote"], [[(q["speaker"] or {}).get("canonical") or (q["speaker"] or {}).get("text"), q["kind"], q["text"]] for q in rec["quotes"]], [24, 8, 80]) + [""]
    if rec["entities"] and not rec["events"]:
        out += _table(["entity", "label", "canonical"], [[e["text"], e["label"], e["canonical"]] for e in rec["entities"]], [32, 8, 32]) + [""]
    if rec["warnings"]:
        out += ["warnings:"] + [f"  - {w}" for w in rec["warnings"]] + [""]
    return "\n".join(out)


def write_table(records: Iterable[dict[str, Any]], out: TextIO) -> Iterator[dict[str, Any]]:
    for rec in records:
        out.write(render_table(rec) + "\n")
        yield rec
