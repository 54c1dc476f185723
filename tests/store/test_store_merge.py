"""Cross-source merging on hand-written multi-source articles."""

from __future__ import annotations

from pathlib import Path

from store_fakes import event, record

from tidings.query import cluster_detail, iter_clusters
from tidings.store import open_store

A = "Gunmen killed 40 villagers in Kelmora on Sunday, the regional governor said in a statement on Monday."
B = "At least 40 civilians died when armed men attacked Kelmora at the weekend, local officials told reporters."
C = "Officials in the capital put the toll of Sunday's raid on Kelmora at 12 dead, far below local reports."
DUP = A.replace("Monday.", "Monday, adding that troops had been sent.")
FAR = "Gunmen killed 3 traders in Oskaville on Sunday, police said."


def _a() -> dict:  # type: ignore[type-arg]
    return record(A, "https://one.example/a", [event(A, "killed", actor1="Gunmen", place="Kelmora", lat=9.5, lon=8.1, country="NG", dead="40 villagers", dead_value=40)])


def _b() -> dict:  # type: ignore[type-arg]
    return record(B, "https://two.example/b", [event(B, "attacked", actor1="armed men", place="Kelmora", lat=9.52, lon=8.12, country="NG", dead="40 civilians", dead_value=40)])


def _c() -> dict:  # type: ignore[type-arg]
    return record(C, "https://three.example/c", [event(C, "raid", place="Kelmora", lat=9.5, lon=8.1, country="NG", dead="12 dead", dead_value=12)])


def _dup() -> dict:  # type: ignore[type-arg]
    return record(DUP, "https://copy.example/a2", [event(DUP, "killed", actor1="Gunmen", place="Kelmora", lat=9.5, lon=8.1, country="NG", dead="40 villagers", dead_value=40)], published="2020-05-05")


def test_sources_that_agree_form_one_cluster_without_disagreement(store_url: str) -> None:
    with open_store(store_url) as s:
        s.add([_a(), _b()])
        [c] = list(iter_clusters(s.db))
    assert c["n_events"] == 2 and c["n_sources"] == 2
    assert c["fatalities_low"] == c["fatalities_high"] == 40
    assert c["disagreements"] == []
    assert c["sources"] == ["one.example", "two.example"]


def test_disagreement_on_a_figure_keeps_each_source_value_with_evidence(store_url: str) -> None:
    with open_store(store_url) as s:
        s.add([_a()])
        s.add([_c()])
        [c] = list(iter_clusters(s.db))
        detail = cluster_detail(s.db, c["id"])
    assert c["disagreements"] == ["fatalities"]
    assert (c["fatalities_low"], c["fatalities_high"]) == (12, 40)  # both kept, never averaged
    per_source = {e["outlet"]: (e["fatalities"], e["fatalities_text"]) for e in detail["events"]}
    assert per_source == {"one.example": (40, "40 villagers"), "three.example": (12, "12 dead")}
    assert "12 (three.example: '12 dead')" in c["notes"] and "40 (one.example: '40 villagers')" in c["notes"]
    assert {e["sentence"] for e in detail["events"]} == {A, C}


def test_near_duplicate_is_linked_and_not_counted_as_an_independent_source(store_url: str) -> None:
    with open_store(store_url) as s:
        s.add([_a(), _dup(), _b()])
        [c] = list(iter_clusters(s.db))
        detail = cluster_detail(s.db, c["id"])
        dups = s.db.query("SELECT doc_id, duplicate_of FROM duplicates")
    copy = next(e for e in detail["events"] if e["outlet"] == "copy.example")
    original = next(e for e in detail["events"] if e["outlet"] == "one.example")
    assert dups == [(copy["doc_id"], original["doc_id"])]  # the later one is the copy
    assert copy["duplicate_of"] == [original["doc_id"]]
    assert c["n_events"] == 3 and c["n_sources"] == 2
    assert "1 near-duplicate copy" in c["notes"]


def test_unrelated_texts_are_not_duplicates_and_far_events_stay_apart(store_url: str) -> None:
    far = record(FAR, "https://four.example/d", [event(FAR, "killed", actor1="Gunmen", place="Oskaville", lat=-12.0, lon=40.0, country="MZ", dead="3 traders", dead_value=3)])
    with open_store(store_url) as s:
        s.add([_a(), far])
        assert s.count("duplicates") == 0
        assert s.count("clusters") == 2


def test_merging_does_not_depend_on_arrival_order_or_backend(store_url: str, tmp_path: Path) -> None:
    with open_store(store_url) as s:
        s.add([_c()])
        s.add([_dup()])
        s.add([_b(), _a()])
        first = [(c["id"], c["n_sources"], c["disagreements"], c["notes"]) for c in iter_clusters(s.db)]
    with open_store(f"sqlite:///{tmp_path / 'other.db'}") as s2:
        s2.add([_a(), _b(), _c(), _dup()])
        second = [(c["id"], c["n_sources"], c["disagreements"], c["notes"]) for c in iter_clusters(s2.db)]
    assert first == second and first[0][1] == 3


def test_events_without_a_date_are_never_merged(store_url: str) -> None:
    a, b = _a(), _b()
    a["events"][0]["date"].update(begin=None, end_date=None, origin="none")
    b["events"][0]["date"].update(begin=None, end_date=None, origin="none")
    with open_store(store_url) as s:
        s.add([a, b])
        assert s.count("clusters") == 2


def test_sources_one_day_apart_merge_and_the_date_is_flagged(store_url: str) -> None:
    late = _b()
    late["events"][0]["date"].update(begin="2020-05-04", end_date="2020-05-04")
    with open_store(store_url) as s:
        s.add([_a(), late])
        [c] = list(iter_clusters(s.db))
    assert c["disagreements"] == ["date"]
    assert (c["date_begin"], c["date_end"]) == ("2020-05-03", "2020-05-04")
    assert "dates disputed" in c["notes"]
