"""The JSON API over a hand-written store: filters, pages, evidence, documents, errors,
headers, and the token-guarded extract endpoint."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
from api_data import XSS_ACTOR, build_store  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from tidings.api import ApiSettings, create_app  # noqa: E402
from tidings.api.errors import CSP  # noqa: E402
from tidings.contract import validate  # noqa: E402
from tidings.errors import ConfigError, StoreError  # noqa: E402
from tidings.query import iter_clusters  # noqa: E402
from tidings.store import open_store  # noqa: E402

HOSTS = ("testserver",)


@pytest.fixture
def url(store_url: str) -> str:
    build_store(store_url)
    return store_url


@pytest.fixture
def client(url: str) -> Iterator[TestClient]:
    with TestClient(create_app(ApiSettings(db=url, allowed_hosts=HOSTS))) as c:
        yield c


def _error(r: Any, status: int) -> dict[str, Any]:
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"} and body["error"]["status"] == status and body["error"]["message"]
    return dict(body["error"])


def test_events_pages_follow_the_cursor_in_date_order(client: TestClient, url: str) -> None:
    with open_store(url) as s:
        expected = [c["id"] for c in iter_clusters(s.db)]
    seen: list[str] = []
    page = client.get("/api/events", params={"limit": 2}).json()
    while True:
        assert len(page["items"]) <= 2
        seen += [c["id"] for c in page["items"]]
        if page["next"] is None:
            break
        page = client.get("/api/events", params={"limit": 2, "cursor": page["next"]}).json()
    assert seen == expected and len(seen) == 5


def _subtypes(client: TestClient, **params: Any) -> list[str]:
    r = client.get("/api/events", params=params)
    assert r.status_code == 200, r.text
    return [c["sub_event_type"] for c in r.json()["items"]]


def test_events_filters_match_the_cli_filters(client: TestClient) -> None:
    assert _subtypes(client, type="Protests") == ["Peaceful protest"]
    assert _subtypes(client, type=["Arrests", "Peaceful protest"]) == ["Peaceful protest", "Arrests"]
    assert _subtypes(client, **{"from": "2020-06-11", "to": "2020-06-30"}) == ["Arrests"]
    assert _subtypes(client, country="NG") == ["Peaceful protest", "Arrests"]
    assert _subtypes(client, disputed="true") == ["Shelling/artillery/missile attack"]
    assert _subtypes(client, place="durnovo:5") == ["Shelling/artillery/missile attack"]
    assert _subtypes(client, place="6.4,3.4:1", limit=1) == ["Peaceful protest"]
    assert _subtypes(client, text="unpaid wages") == ["Peaceful protest"]
    assert _subtypes(client, actor="POLICE") == ["Arrests"]


def test_timeline_rows_are_compact_and_marked(client: TestClient) -> None:
    body = client.get("/api/timeline").json()
    assert body["truncated"] is False
    dates = [r["date_begin"] for r in body["items"]]
    assert dates == sorted(dates)
    shelling = next(r for r in body["items"] if r["location"] == "Durnovo")
    assert shelling["n_sources"] == 2 and shelling["disagreements"] == ["fatalities"]
    assert (shelling["fatalities_low"], shelling["fatalities_high"]) == (7, 9)
    assert "notes" not in shelling and "sources" not in shelling
    assert client.get("/api/timeline", params={"limit": 1}).json()["truncated"] is True


def test_event_evidence_cuts_each_sentence_into_highlights(client: TestClient) -> None:
    rows = client.get("/api/timeline", params={"country": "AZ"}).json()["items"]
    assert len(rows) == 1 and rows[0]["date_begin"] == "1992-02-25" and rows[0]["fatalities_low"] == 613
    d = client.get(f"/api/events/{rows[0]['id']}").json()
    (m,) = d["events"]
    assert "".join(s["text"] for s in m["segments"]) == m["sentence"]
    marked = {k: s["text"] for s in m["segments"] for k in s["kinds"]}
    assert marked == {"trigger": "ambushed", "actor1": "Armenian troops", "actor2": "residents", "location": "Khojaly", "fatalities": "613 civilians"}
    assert m["url"] is None  # a file path, not a link


def test_hostile_values_come_back_as_data_and_bad_urls_are_dropped(client: TestClient) -> None:
    rows = client.get("/api/events", params={"country": "NL"}).json()["items"]
    d = client.get(f"/api/events/{rows[0]['id']}").json()
    (m,) = d["events"]
    assert m["actor1"] == XSS_ACTOR and m["url"] is None
    assert any("actor1" in s["kinds"] and s["text"] == XSS_ACTOR for s in m["segments"])
    doc = client.get(f"/api/documents/{m['doc_id']}").json()
    assert doc["url"] is None and "<script>" in doc["record"]["text"]


def test_document_has_its_record_text_and_events(client: TestClient) -> None:
    rows = client.get("/api/events", params={"type": "Arrests"}).json()["items"]
    ev = client.get(f"/api/events/{rows[0]['id']}").json()["events"][0]
    doc = client.get(f"/api/documents/{ev['doc_id']}").json()
    assert doc["record"]["text"].startswith("Police arrested 30 students")
    assert doc["record"]["schema"] == "tidings/extract/v1" and doc["url"] is None
    assert doc["source"] == "https://gamma.example/4" and doc["events"][0]["id"] == ev["id"]


def test_errors_share_one_shape(client: TestClient) -> None:
    assert _error(client.get("/api/events/nope"), 404)["code"] == "not_found"
    assert _error(client.get("/api/documents/nope"), 404)["code"] == "not_found"
    assert _error(client.get("/api/nowhere"), 404)["code"] == "not_found"
    bad_date = _error(client.get("/api/events", params={"from": "last week"}), 422)
    assert bad_date["code"] == "invalid_request" and bad_date["detail"][0]["where"] == "query.from"
    _error(client.get("/api/events", params={"limit": 0}), 422)
    assert "cursor" in _error(client.get("/api/events", params={"cursor": "!!!"}), 400)["message"]
    assert "unknown country" in _error(client.get("/api/events", params={"country": "Freedonia"}), 400)["message"]
    assert "no stored event" in _error(client.get("/api/events", params={"place": "Atlantis"}), 400)["message"]
    _error(client.get("/api/events", params={"place": "Durnovo", "country": "UA"}), 400)
    _error(client.delete("/api/events"), 405)


def test_sql_metacharacters_are_data(client: TestClient) -> None:
    assert _subtypes(client, actor="x' OR '1'='1") == []
    assert _subtypes(client, type="Arrests') OR 1=1 --") == []
    _error(client.get("/api/events/' OR 1=1 --"), 404)


def test_every_response_has_the_security_headers(client: TestClient) -> None:
    for path in ("/", "/api/timeline", "/api/events/nope", "/static/app.js", "/openapi.json"):
        r = client.get(path)
        assert r.headers["content-security-policy"] == CSP, path
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"
    assert "'unsafe-inline'" not in CSP and "script-src 'self'" in CSP
    page = client.get("/")
    assert page.headers["content-type"].startswith("text/html") and "<script>" not in page.text  # no inline script


def test_foreign_host_names_are_refused(url: str) -> None:
    with TestClient(create_app(ApiSettings(db=url)), base_url="http://evil.example") as c:
        r = c.get("/api/timeline")
        assert "evil.example" in _error(r, 400)["message"] and r.headers["content-security-policy"] == CSP
    for base in ("http://127.0.0.1:8000", "http://localhost", "http://[::1]:8000"):
        with TestClient(create_app(ApiSettings(db=url)), base_url=base) as c:
            assert c.get("/api/timeline").status_code == 200, base


def test_host_names_lose_their_port() -> None:
    from tidings.api.errors import host_name

    assert [host_name(h) for h in ("127.0.0.1:8000", "LOCALHOST", "[::1]:80", "[::1]", "evil.example:1")] == ["127.0.0.1", "localhost", "[::1]", "[::1]", "evil.example"]


def test_openapi_describes_the_endpoints(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    assert {"/api/events", "/api/timeline", "/api/events/{ident}", "/api/documents/{doc_id}", "/api/extract", "/api/meta"} <= set(paths)
    names = {p["name"] for p in paths["/api/events"]["get"]["parameters"]}
    assert {"from", "to", "type", "actor", "place", "country", "text", "disputed", "limit", "cursor"} <= names
    assert client.get("/docs").status_code == 404  # the Swagger page would load scripts from a CDN


def test_meta_counts_the_store(client: TestClient) -> None:
    meta = client.get("/api/meta").json()
    assert meta["counts"] == {"documents": 6, "events": 6, "clusters": 5}
    assert "Battles" in meta["types"] and meta["extract"] is False


# ---- POST /api/extract ----

FAKE_TEXT = "12 people were killed in Alphaville on 2020-05-03 by the Blue Brigade."


@pytest.fixture
def writer(url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    from store_fakes import register_fake_stages

    register_fake_stages(monkeypatch)
    app = create_app(ApiSettings(db=url, allowed_hosts=HOSTS, allow_write=True, token="s3cret", max_body=4096, stages=("fake",)))
    with TestClient(app) as c:
        yield c


def test_extract_is_off_unless_enabled(client: TestClient) -> None:
    assert "--allow-write" in _error(client.post("/api/extract", content=FAKE_TEXT), 403)["message"]


def test_extract_needs_the_token(writer: TestClient) -> None:
    r = writer.post("/api/extract", content=FAKE_TEXT, headers={"content-type": "text/plain"})
    assert _error(r, 401) and r.headers["www-authenticate"] == "Bearer"
    _error(writer.post("/api/extract", content=FAKE_TEXT, headers={"authorization": "Bearer wrong"}), 401)
    _error(writer.post("/api/extract", content=FAKE_TEXT, headers={"authorization": "s3cret"}), 401)


def test_extract_returns_a_valid_record(writer: TestClient) -> None:
    auth = {"authorization": "Bearer s3cret"}
    r = writer.post("/api/extract", json={"text": FAKE_TEXT, "published": "2020-05-04", "title": "T"}, headers=auth)
    assert r.status_code == 200, r.text
    rec = r.json()
    validate(rec)
    assert rec["text"] == FAKE_TEXT and rec["published"]["value"] == "2020-05-04"
    assert rec["events"][0]["fatalities"]["value"] == 12
    plain = writer.post("/api/extract?published=2020-05-04", content=FAKE_TEXT, headers={**auth, "content-type": "text/plain"}).json()
    assert plain["events"][0]["location"]["name"] == "Alphaville" and plain["published"]["value"] == "2020-05-04"
    html = f"<html><head><title>Attack</title></head><body><article><p>{FAKE_TEXT}</p><p>{FAKE_TEXT}</p></article></body></html>"
    page = writer.post("/extract", content=html, headers={**auth, "content-type": "text/html"}).json()
    assert "Alphaville" in page["text"] and "<p>" not in page["text"]


def test_extract_refuses_bad_bodies(writer: TestClient) -> None:
    auth = {"authorization": "Bearer s3cret"}
    assert _error(writer.post("/api/extract", content="x" * 5000, headers={**auth, "content-type": "text/plain"}), 413)["code"] == "too_large"
    _error(writer.post("/api/extract", content=b"{not json", headers={**auth, "content-type": "application/json"}), 422)
    _error(writer.post("/api/extract", json={"words": "x"}, headers=auth), 422)
    _error(writer.post("/api/extract", json={"text": "x", "published": "soon"}, headers=auth), 422)
    _error(writer.post("/api/extract", content=b"\x00\x01", headers={**auth, "content-type": "image/png"}), 415)
    _error(writer.post("/api/extract", content="  ", headers={**auth, "content-type": "text/plain"}), 422)


@pytest.mark.model
def test_extract_with_the_default_pipeline(url: str) -> None:
    app = create_app(ApiSettings(db=url, allowed_hosts=HOSTS, allow_write=True, token="t"))
    with TestClient(app) as c:
        r = c.post("/api/extract", json={"text": "Police arrested 30 students in Lagos on Friday.", "published": "2021-02-26"}, headers={"authorization": "Bearer t"})
    assert r.status_code == 200, r.text
    rec = r.json()
    validate(rec)
    assert any(e["text"] == "Lagos" for e in rec["entities"])


def test_settings_are_checked(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="token"):
        create_app(ApiSettings(db=f"sqlite:///{tmp_path / 'x.db'}", allow_write=True))
    with pytest.raises(StoreError, match="no store"):
        create_app(ApiSettings(db=f"sqlite:///{tmp_path / 'missing.db'}"))


def test_serve_command_reports_a_missing_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tidings.cli import main

    assert main(["serve", "--db", f"sqlite:///{tmp_path / 'missing.db'}"]) == 2
    assert "no store" in capsys.readouterr().err
    assert main(["serve", "--db", f"sqlite:///{tmp_path / 'missing.db'}", "--allow-write"]) == 2


@pytest.mark.model
def test_store_ingested_from_the_bundled_example(tmp_path: Path) -> None:
    """`tidings ingest` of the example, then the API: the document and its record are served;
    with an events stage in the default pipeline, the killings of February 1992 are on the
    timeline and their evidence marks the figure."""
    from api_data import EXAMPLE

    from tidings.cli import main
    from tidings.pipeline import DEFAULT_STAGES

    url = f"sqlite:///{tmp_path / 'example.db'}"
    assert main(["ingest", str(EXAMPLE), "--db", url]) == 0
    with TestClient(create_app(ApiSettings(db=url, allowed_hosts=HOSTS))) as c:
        meta = c.get("/api/meta").json()
        assert meta["counts"]["documents"] == 1
        with open_store(url) as s:
            doc_id = s.db.query("SELECT id FROM documents")[0][0]
        doc = c.get(f"/api/documents/{doc_id}").json()
        assert doc["title"].startswith("Azerbaijani people will return") and doc["published"] == "2021-02-26"
        assert "Read: 1448" not in doc["record"]["text"] and doc["record"]["entities"]
        rows = c.get("/api/timeline").json()["items"]
        assert len(rows) == meta["counts"]["clusters"]
        if "events" not in DEFAULT_STAGES:
            return
        killings = [r for r in rows if (r["date_begin"] or "").startswith("1992-02")]
        assert killings, rows
        members = []
        for row in killings:  # the attack, and the ambush in which 613 civilians were killed
            members += c.get(f"/api/events/{row['id']}").json()["events"]
        dead = [m for m in members if m["fatalities"] == 613]
        assert dead and dead[0]["fatalities_text"] == "613 civilians", members
        assert any("trigger" in s["kinds"] for s in dead[0]["segments"])


def test_pages_with_a_start_day_include_events_that_began_before_it(store_url: str) -> None:
    from store_fakes import event, record

    from tidings.api.queries import decode_cursor, page_clusters
    from tidings.query import Filters

    recs = []
    for n, (b, e) in enumerate([("2020-01-01", "2020-03-01"), ("2020-02-10", "2020-02-12"), ("2020-02-01", "2020-02-20"),
                                ("2020-02-15", None), ("2020-03-05", None), ("2019-12-01", "2020-02-15"), (None, None)]):
        text = f"Fighters raided village number {n} on that day."
        recs.append(record(text, f"https://x{n}.example/{n}", [event(text, "raided", day=b, end_day=e)]))
    with open_store(store_url) as s:
        s.add(recs)
        for f in (Filters(date_from="2020-02-14"), Filters(date_from="2020-02-14", date_to="2020-02-28"), Filters(date_from="2020-03-02"),
                  Filters(date_from="2019-01-01"), Filters(date_to="2020-02-01")):
            expected = [c["id"] for c in iter_clusters(s.db, f)]
            for limit in (1, 2, 3, 10):
                got: list[str] = []
                after = None
                while True:
                    items, key = page_clusters(s.db, f, limit=limit, after=after)
                    got += [c["id"] for c in items]
                    if key is None:
                        break
                    after = decode_cursor(encode(key))
                assert got == expected, (f, limit)
        begins = [c["date_begin"] for c in iter_clusters(s.db, Filters(date_from="2020-02-14"))]
        assert any(b < "2020-02-14" for b in begins) and any(b >= "2020-02-14" for b in begins)


def encode(key: tuple[str, str]) -> str:
    from tidings.api.queries import encode_cursor

    return encode_cursor(key)
