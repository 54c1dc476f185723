"""Hand-written stores for the API and browser tests: a few ordinary events, hostile ones
(script tags, onerror attributes, javascript: links in text, titles, actors and URLs) and an
event annotated by hand on the bundled example article."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from store_fakes import event, record

from tidings.readers import article_from_text
from tidings.store import open_store

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "khojaly-2021-02-26.txt"

T1 = "Rebels shelled Durnovo on 3 May, killing 7 people, the army said."
T2 = "Shelling by rebels hit Durnovo on Sunday and killed 9 people, a medic said."
T3 = "Thousands of teachers marched peacefully in Port Ellis on 10 June over unpaid wages."
T4 = "Police arrested 30 students in Port Ellis on 11 June after clashes."

XSS_ACTOR = '<img src=x onerror="document.title=\'pwned\'">'
XSS_TEXT = f"Gunmen <script>document.title='pwned'</script> attacked Zeeburg on 5 July, and {XSS_ACTOR} killed 4 guards."
XSS_TITLE = "<script>document.title='pwned'</script> Attack <b>bold</b>"
XSS_URL = "javascript:document.title='pwned'"


def _shell(**kw: Any) -> dict[str, Any]:
    return dict(type_="Explosions/Remote violence", sub_type="Shelling/artillery/missile attack", place="Durnovo", lat=48.0, lon=37.8, country="UA", **kw)


def ordinary_records() -> list[dict[str, Any]]:
    return [
        record(T1, "https://alpha.example/1", [event(T1, "shelled", actor1="Rebels", dead="7 people", dead_value=7, **_shell())], title="Rebels shell Durnovo"),
        record(T2, "https://beta.example/2", [event(T2, "Shelling", actor1="rebels", dead="9 people", dead_value=9, **_shell())]),
        record(T3, "https://gamma.example/3", [event(T3, "marched", type_="Protests", sub_type="Peaceful protest", day="2020-06-10", actor1="teachers", place="Port Ellis", lat=6.4, lon=3.4, country="NG")]),
        record(T4, "https://gamma.example/4", [event(T4, "arrested", type_="Strategic developments", sub_type="Arrests", day="2020-06-11", actor1="Police", actor2="students", place="Port Ellis", lat=6.4, lon=3.4, country="NG")]),
    ]


def hostile_record() -> dict[str, Any]:
    ev = event(XSS_TEXT, "attacked", day="2020-07-05", actor1=XSS_ACTOR, place="Zeeburg", lat=52.37, lon=4.95, country="NL", dead="4 guards", dead_value=4)
    rec = record(XSS_TEXT, XSS_URL, [ev], title=XSS_TITLE)
    rec["url"] = XSS_URL
    return rec


def example_record() -> dict[str, Any]:
    """The bundled example article, read as a file would be, with one event annotated by hand:
    the killings of February 1992, supported by the two sentences that tell them."""
    art = article_from_text(EXAMPLE.read_text(encoding="utf-8"), source=str(EXAMPLE))
    text = art.text
    first = text.index("When the residents")
    last = text.index("were killed.", first) + len("were killed.")

    def span(s: str, after: int = first) -> dict[str, Any]:
        i = text.index(s, after)
        return {"text": s, "start": i, "end": i + len(s)}

    date = span("25-26 February 1992", 0)
    ev = {
        "id": "ev1", "type": "Violence against civilians", "sub_type": "Attack", "plover": None,
        "trigger": span("ambushed"), "sentence": {"start": first, "end": last},
        "date": {**date, "begin": "1992-02-25", "end_date": "1992-02-26", "origin": "text"},
        "actor1": {**span("Armenian troops"), "canonical": "Armenian troops"}, "actor2": {**span("residents"), "canonical": "residents"},
        "assoc_actors": [],
        "location": {**span("Khojaly"), "name": "Khojaly", "geonameid": None, "lat": 39.913, "lon": 46.79, "country": "AZ",
                     "admin1": None, "admin2": None, "feature": "PPL", "confidence": 0.9},
        "fatalities": {**span("613 civilians"), "value": 613, "low": 613, "high": 613, "unit": "civilians", "approximate": False, "parts": []},
        "modality": "asserted", "attributed_to": "article", "confidence": 0.8,
    }
    rec = record(text, str(EXAMPLE), [ev], published="2021-02-26", title=art.title)
    return rec


def build_store(url: str, *, hostile: bool = True, example: bool = True) -> None:
    recs = ordinary_records() + ([hostile_record()] if hostile else []) + ([example_record()] if example else [])
    with open_store(url) as s:
        s.add(recs)
