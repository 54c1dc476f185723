"""Queries and exports over a small hand-written store."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

import pytest
from store_fakes import event, record

from tidings.errors import NotFound, StoreError
from tidings.query import Filters, Near, cluster_detail, iter_clusters, resolve_place
from tidings.query.export import ACLED_COLUMNS, write_acled_csv, write_geojson, write_jsonl
from tidings.store import Store, open_store

T1 = "Rebels shelled Durnovo on 3 May, killing 7 people, the army said."
T2 = "Shelling by rebels hit Durnovo on Sunday and killed 9 people, a medic said."
T3 = "Thousands of teachers marched peacefully in Port Ellis on 10 June over unpaid wages."
T4 = "Police arrested 30 students in Port Ellis on 11 June after clashes."
T5 = "An undated raid by bandits on Kirra left 2 herders dead."


def _records() -> list[dict]:  # type: ignore[type-arg]
    shell = dict(type_="Explosions/Remote violence", sub_type="Shelling/artillery/missile attack", place="Durnovo", lat=48.0, lon=37.8, country="UA")
    return [
        record(T1, "https://alpha.example/1", [event(T1, "shelled", actor1="Rebels", dead="7 people", dead_value=7, **shell)]),  # type: ignore[arg-type]
        record(T2, "https://beta.example/2", [event(T2, "Shelling", actor1="rebels", dead="9 people", dead_value=9, **shell)]),  # type: ignore[arg-type]
        record(T3, "https://gamma.example/3", [event(T3, "marched", type_="Protests", sub_type="Peaceful protest", day="2020-06-10", actor1="teachers", place="Port Ellis", lat=6.4, lon=3.4, country="NG")]),
        record(T4, "https://gamma.example/4", [event(T4, "arrested", type_="Strategic developments", sub_type="Arrests", day="2020-06-11", actor1="Police", actor2="students", place="Port Ellis", lat=6.4, lon=3.4, country="NG")]),
        record(T5, "https://delta.example/5", [event(T5, "raid", day=None, actor1="bandits", place="Kirra", dead="2 herders", dead_value=2)]),
    ]


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as s:
        s.add(_records())
        yield s


def _types(store: Store, f: Filters) -> list[str]:
    return [c["sub_event_type"] for c in iter_clusters(store.db, f)]


def test_timeline_is_in_date_order_with_sources_and_disagreements(store: Store) -> None:
    clusters = list(iter_clusters(store.db))
    assert [c["date_begin"] for c in clusters] == [None, "2020-05-03", "2020-06-10", "2020-06-11"]
    shelling = clusters[1]
    assert shelling["n_sources"] == 2 and shelling["disagreements"] == ["fatalities"]
    assert [c["id"] for c in iter_clusters(store.db, limit=2)] == [c["id"] for c in clusters[:2]]


def test_filters(store: Store) -> None:
    assert _types(store, Filters(date_from="2020-06-01")) == ["Peaceful protest", "Arrests"]
    assert _types(store, Filters(date_to="2020-06-10", date_from="2020-05-01")) == ["Shelling/artillery/missile attack", "Peaceful protest"]
    assert _types(store, Filters(types=("protests",))) == ["Peaceful protest"]
    assert _types(store, Filters(types=("Arrests", "Attack"))) == ["Attack", "Arrests"]
    assert _types(store, Filters(actor="REBEL")) == ["Shelling/artillery/missile attack"]
    assert _types(store, Filters(country="Nigeria")) == ["Peaceful protest", "Arrests"]
    assert _types(store, Filters(country="ua")) == ["Shelling/artillery/missile attack"]
    assert _types(store, Filters(near=Near(48.1, 37.9, 20))) == ["Shelling/artillery/missile attack"]
    assert _types(store, Filters(near=Near(48.5, 37.8, 20))) == []  # ~55 km north: inside no radius
    assert _types(store, Filters(text="unpaid wages")) == ["Peaceful protest"]
    assert _types(store, Filters(disputed=True)) == ["Shelling/artillery/missile attack"]


def test_place_names_resolve_from_stored_events(store: Store) -> None:
    near = resolve_place(store.db, "port ellis:5")
    assert (near.lat, near.lon, near.km) == (6.4, 3.4, 5.0)
    assert resolve_place(store.db, "1.5,-2:10") == Near(1.5, -2.0, 10.0)
    with pytest.raises(StoreError, match="no stored event"):
        resolve_place(store.db, "Atlantis")
    with pytest.raises(StoreError, match="unknown country"):
        list(iter_clusters(store.db, Filters(country="Freedonia")))


def test_show_gives_each_source_sentence_and_value(store: Store) -> None:
    shelling = next(c for c in iter_clusters(store.db) if c["n_events"] == 2)
    member_id = cluster_detail(store.db, shelling["id"])["events"][1]["id"]
    d = cluster_detail(store.db, member_id)  # an event id finds its cluster
    assert d["id"] == shelling["id"]
    assert sorted((e["outlet"], e["fatalities"], e["sentence"]) for e in d["events"]) == [("alpha.example", 7, T1), ("beta.example", 9, T2)]
    with pytest.raises(NotFound):
        cluster_detail(store.db, "nope")


def test_acled_csv(store: Store) -> None:
    out = io.StringIO()
    list(write_acled_csv(iter_clusters(store.db, Filters(date_from="2020-01-01")), out))
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == ACLED_COLUMNS
    first = rows[0]
    assert (first["event_date"], first["event_type"], first["country"], first["location"]) == ("2020-05-03", "Explosions/Remote violence", "Ukraine", "Durnovo")
    assert first["fatalities"] == "7" and "fatalities disputed" in first["notes"] and "9 (beta.example" in first["notes"]
    assert first["source"] == "alpha.example; beta.example"
    assert (rows[2]["actor1"], rows[2]["actor2"], rows[2]["sub_event_type"]) == ("Police", "students", "Arrests")


def test_geojson_and_jsonl(store: Store) -> None:
    out = io.StringIO()
    list(write_geojson(iter_clusters(store.db), out))
    geo = json.loads(out.getvalue())
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == 3  # the undated raid has no coordinates
    assert geo["features"][0]["geometry"] == {"type": "Point", "coordinates": [37.8, 48.0]}
    out = io.StringIO()
    list(write_jsonl(store.db, iter_clusters(store.db), out))
    lines = [json.loads(x) for x in out.getvalue().splitlines()]
    assert len(lines) == 4 and {e["sentence"] for e in lines[1]["events"]} == {T1, T2}
