"""Load test of the events endpoint (a benchmark, not a unit test): requests/s and p50/p99
latency against `tidings serve` on loopback over a synthetic store of 100,000 events.

    python bench/serve_bench.py [--events 100000] [--requests 2000] [--clients 1,4]
    make bench-serve

The store is made once (rows written straight into the store's tables: one document, one event
and one cluster per synthetic event, spread over 10 years, 30 countries and the ACLED types) and
kept at --db for later runs. Requests go only to 127.0.0.1; each run is bounded in count.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlencode

from tidings.merge.clusters import CLUSTER_COLUMNS
from tidings.store import open_store

TYPES = (
    ("Battles", "Armed clash"), ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Explosions/Remote violence", "Air/drone strike"), ("Violence against civilians", "Attack"),
    ("Protests", "Peaceful protest"), ("Riots", "Violent demonstration"), ("Strategic developments", "Arrests"),
)
COUNTRIES = ("UA", "SY", "NG", "ML", "SD", "YE", "IQ", "AF", "SO", "CD", "ET", "MM", "PK", "IN", "CO",
             "MX", "BR", "LY", "BF", "NE", "CM", "MZ", "PS", "IL", "LB", "TR", "AZ", "AM", "KE", "PH")
DOC_COLS = ("id", "record_id", "source", "outlet", "url", "title", "published", "published_origin", "language", "n_events", "text", "record")
EV_COLS = ("id", "doc_id", "n", "event_type", "sub_event_type", "date_begin", "date_end", "date_origin", "date_text", "actor1", "actor2",
           "location", "country", "admin1", "latitude", "longitude", "fatalities", "fatalities_text", "trigger_text", "sentence_start",
           "sentence_end", "modality", "confidence", "cluster_id", "record")


def _rows(i: int, rng: random.Random) -> tuple[tuple[object, ...], tuple[object, ...], tuple[object, ...]]:
    etype, sub = TYPES[i % len(TYPES)]
    day = (date(2015, 1, 1) + timedelta(days=rng.randrange(3650))).isoformat()
    cc = COUNTRIES[i % len(COUNTRIES)]
    lat, lon = round(rng.uniform(-40, 60), 4), round(rng.uniform(-100, 140), 4)
    dead = rng.choice((None, 0, 1, 2, 5, 12))
    place = f"Town{i % 5000}"
    text = f"Fighters of group {i % 97} attacked {place} on {day}, killing {dead or 0} people, officials said."
    doc_id, ev_id = f"d{i:07d}", f"d{i:07d}-000"
    trig = text.index("attacked")
    ev = {"type": etype, "sub_type": sub, "trigger": {"text": "attacked", "start": trig, "end": trig + 8}, "sentence": {"start": 0, "end": len(text)},
          "location": {"text": place, "start": text.index(place), "end": text.index(place) + len(place)}}
    doc = (doc_id, doc_id, f"https://news{i % 50}.example/{i}", f"news{i % 50}.example", f"https://news{i % 50}.example/{i}", f"Attack on {place}",
           day, "input", "en", 1, text, json.dumps({"schema": "tidings/extract/v1", "events": [ev]}))
    event = (ev_id, doc_id, 0, etype, sub, day, day, "text", day, f"group {i % 97}", "civilians", place, cc, None, lat, lon, dead,
             None if dead is None else f"{dead} people", "attacked", 0, len(text), "asserted", 0.8, ev_id, json.dumps(ev))
    cluster = (ev_id, etype, sub, day, day, f"group {i % 97}", "civilians", place, cc, None, lat, lon, dead, dead, 1, 1,
               json.dumps([f"news{i % 50}.example"]), "fatalities" if i % 17 == 0 else "", "'attacked'")
    return doc, event, cluster


def build(path: Path, n: int) -> None:
    if path.exists():
        path.unlink()
    t0 = time.perf_counter()
    rng = random.Random(7)
    with open_store(f"sqlite:///{path}") as store:
        db = store.db
        step = 10_000
        for lo in range(0, n, step):
            rows = [_rows(i, rng) for i in range(lo, min(n, lo + step))]
            with db.transaction():
                db.executemany(f"INSERT INTO documents ({', '.join(DOC_COLS)}) VALUES ({', '.join('?' * len(DOC_COLS))})", [r[0] for r in rows])
                db.executemany(f"INSERT INTO events ({', '.join(EV_COLS)}) VALUES ({', '.join('?' * len(EV_COLS))})", [r[1] for r in rows])
                db.executemany(f"INSERT INTO clusters ({', '.join(CLUSTER_COLUMNS)}) VALUES ({', '.join('?' * len(CLUSTER_COLUMNS))})", [r[2] for r in rows])
        db.execute("ANALYZE")
    print(f"built {n} events in {time.perf_counter() - t0:.1f} s: {path}", file=sys.stderr)


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


QUERIES = (
    {"limit": 50},
    {"limit": 50, "type": "Battles"},
    {"limit": 50, "from": "2019-01-01", "to": "2019-03-31"},
    {"limit": 50, "country": "NG", "from": "2020-01-01"},
    {"limit": 50, "disputed": "true"},
    {"limit": 100, "type": "Protests", "country": "UA"},
)


def _label(path: str) -> str:
    return "next pages (cursor)" if "cursor=" in path else path.removeprefix("/api/events?")


def _client(port: int, paths: list[str], out: list[tuple[str, float]], errors: list[str]) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for p in paths:
        t0 = time.perf_counter()
        conn.request("GET", p)
        resp = conn.getresponse()
        body = resp.read()
        out.append((_label(p), time.perf_counter() - t0))
        if resp.status != 200 or not body.startswith(b'{"items"'):
            errors.append(f"{resp.status} {p}")
    conn.close()


def _paths(port: int, total: int) -> list[str]:
    """The query mix, plus next pages reached by following cursors (each a real later page)."""
    paths = [f"/api/events?{urlencode(q, doseq=True)}" for q in QUERIES]
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    path = "/api/events?limit=50"
    for _ in range(20):
        conn.request("GET", path)
        nxt = json.loads(conn.getresponse().read())["next"]
        path = f"/api/events?limit=50&cursor={nxt}"
        paths.append(path)
    conn.close()
    return [paths[i % len(paths)] for i in range(total)]


def run(port: int, total: int, clients: int) -> dict[str, object]:
    paths = _paths(port, total)
    timed: list[tuple[str, float]] = []
    errors: list[str] = []
    threads = [threading.Thread(target=_client, args=(port, paths[i::clients], timed, errors)) for i in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    if errors:
        raise SystemExit(f"{len(errors)} failed requests, e.g. {errors[0]}")
    lat = sorted(t for _, t in timed)
    by: dict[str, list[float]] = {}
    for label, t in timed:
        by.setdefault(label, []).append(t)
    return {"clients": clients, "requests": len(lat), "rps": len(lat) / wall, "p50_ms": 1000 * statistics.median(lat),
            "p99_ms": 1000 * lat[min(len(lat) - 1, int(0.99 * len(lat)))],
            "by_query": {k: 1000 * statistics.median(v) for k, v in by.items()}}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=2000, help="requests per run (bounded)")
    ap.add_argument("--clients", default="1,4", help="concurrent keep-alive connections, one run each")
    ap.add_argument("--db", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "tidings-serve-bench.db")
    ap.add_argument("--rebuild", action="store_true")
    args = ap.parse_args()
    if args.rebuild or not args.db.exists():
        build(args.db, args.events)
    port = _port()
    server = subprocess.Popen([str(Path(sys.executable).with_name("tidings")), "serve", "--db", f"sqlite:///{args.db}", "--port", str(port), "--no-access-log"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("the server did not start: " + (server.stderr.read().decode() if server.stderr else "")) from None
                time.sleep(0.1)
        for c in (int(x) for x in args.clients.split(",")):
            r = run(port, args.requests, c)
            print(f"events endpoint, {args.events} events, {r['clients']} client(s): {r['requests']} requests, "
                  f"{r['rps']:.0f} req/s, p50 {r['p50_ms']:.1f} ms, p99 {r['p99_ms']:.1f} ms")
            for label, ms in r["by_query"].items():  # type: ignore[attr-defined]
                print(f"    p50 {ms:7.1f} ms  {label}")
    finally:
        server.terminate()
        server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
