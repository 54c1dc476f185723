"""Benchmarks of the event store (not tests; run `make bench-store`, late, on a quiet machine).

  throughput  ingest into SQLite vs `tidings extract` on the first N Reuters documents
  memory      peak RSS of ingest at N1 vs N2 documents (flat means streaming works)
  queries     timeline and filter queries on a synthetic store of 100,000 events

Figures go to standard output, one line each. Reuters texts are read from ../shared/eval/data
for measuring only; nothing from them is kept.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import astuple
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REUTERS = ROOT.parent / "shared" / "eval" / "data" / "reuters" / "inputs.jsonl"
TIDINGS = str(Path(sys.executable).with_name("tidings"))


def _subset(n: int, folder: Path) -> Path:
    out = folder / f"reuters-{n}.jsonl"
    with REUTERS.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i >= n:
                break
            dst.write(line)
    return out


def _timed(cmd: list[str], stdout: int | None = subprocess.DEVNULL) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system) of a child command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(cmd, check=False, stdout=stdout, stderr=subprocess.DEVNULL, env={**os.environ, "HF_HUB_OFFLINE": "1"})
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return time.perf_counter() - t, cpu


def throughput(n: int, stages: str | None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data = _subset(n, Path(tmp))
        extra = ["--stages", stages] if stages else []
        (t_extract, c_extract) = _timed([TIDINGS, "extract", str(data), "--format", "jsonl", *extra])
        (t_ingest, c_ingest) = _timed([TIDINGS, "ingest", str(data), "--db", f"sqlite:///{tmp}/b.db", "--no-progress", *extra])
    print(
        f"throughput n={n}: extract {t_extract:.1f}s wall ({n / t_extract:.1f} docs/s), {c_extract:.1f}s CPU; "
        f"ingest {t_ingest:.1f}s wall ({n / t_ingest:.1f} docs/s), {c_ingest:.1f}s CPU; "
        f"storage overhead {100 * (t_ingest / t_extract - 1):+.1f}% wall, {100 * (c_ingest / c_extract - 1):+.1f}% CPU"
    )


def _child_ingest(data: str, url: str, stages: str) -> None:
    from tidings.runner import RunOptions
    from tidings.store import open_store
    from tidings.store.ingest import ingest

    names = tuple(s for s in stages.split(",") if s)
    with open_store(url) as store:
        report = ingest(store, [data], run_options=RunOptions(stages=names))
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"stored": report.stored, "rss_mb": round(rss_mb, 1)}))


def memory(sizes: list[int], stages: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            data = _subset(n, Path(tmp))
            t = time.perf_counter()
            out = subprocess.run([sys.executable, __file__, "_child", str(data), f"sqlite:///{tmp}/m{n}.db", stages], capture_output=True, text=True, check=True)
            res = json.loads(out.stdout.strip().splitlines()[-1])
            print(f"memory n={n} stages={stages or 'none'}: peak RSS {res['rss_mb']} MB, {res['stored']} stored, {time.perf_counter() - t:.1f}s")


TYPES = (("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"), ("Violence against civilians", "Attack"), ("Protests", "Peaceful protest"), ("Riots", "Mob violence"), ("Strategic developments", "Arrests"))
WORDS = ["river", "market", "convoy", "bridge", "council", "harbour", "valley", "station", "clinic", "school", "border", "airport", "village", "ministry", "factory"]


def synthetic_store(url: str, n_events: int, seed: int = 0) -> None:
    """A store of ``n_events`` made-up events (4 per document, clusters of 1-3 events),
    written straight into the tables with the store's own row and cluster code."""
    from tidings.merge.clusters import CLUSTER_COLUMNS, DocInfo, summarise
    from tidings.merge.rules import EVENT_COLUMNS, EventRow
    from tidings.store import open_store
    from tidings.store.rows import DOC_COLUMNS, DocRow
    from tidings.store.writer import _insert

    rnd = random.Random(seed)
    with open_store(url) as store:
        db = store.db
        pending: list[EventRow] = []
        for d in range(n_events // 4):
            doc_id = f"doc{d:07d}"
            text = " ".join([rnd.choice(WORDS) for _ in range(50)] + [f"w{rnd.randint(0, 4999)}" for _ in range(10)])
            day = f"20{rnd.randint(10, 25)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
            doc = DocRow(doc_id, doc_id, f"https://site{d % 50}.example/{d}", f"site{d % 50}.example", None, None, day, "input", "en", 4, text, "{}")
            with db.transaction():
                db.execute(_insert("documents", DOC_COLUMNS), astuple(doc))
            for k in range(4):
                t, st = rnd.choice(TYPES)
                lat, lon = rnd.uniform(-40, 60), rnd.uniform(-20, 120)
                pending.append(EventRow(f"{doc_id}-{k:03d}", doc_id, k, t, st, day, day, "text", None, rnd.choice(["army", "police", "rebels", None]), None, rnd.choice(WORDS).title(), rnd.choice(["NG", "UA", "SY", "IN", "MX"]), None, lat, lon, rnd.choice([None, 1, 2, 5]), None, "attack", 0, 10, "asserted", 0.5, "", "{}"))
            if len(pending) >= 4000:
                _flush(db, pending, rnd, _insert, EVENT_COLUMNS, CLUSTER_COLUMNS, summarise, DocInfo)
                pending = []
        if pending:
            _flush(db, pending, rnd, _insert, EVENT_COLUMNS, CLUSTER_COLUMNS, summarise, DocInfo)
        if db.dialect == "postgresql":
            db.execute("ANALYZE")  # what autovacuum would do after a bulk load


def _flush(db, events, rnd, _insert, EVENT_COLUMNS, CLUSTER_COLUMNS, summarise, DocInfo):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    events = sorted(events, key=lambda e: (e.date_begin, e.id))
    groups, i = [], 0
    while i < len(events):
        size = rnd.choice([1, 1, 2, 3])
        groups.append(events[i : i + size])
        i += size
    rows, clusters = [], []
    for g in groups:
        cid = min(e.id for e in g)
        members = [replace(e, cluster_id=cid) for e in g]
        rows += members
        docs = {e.doc_id: DocInfo(e.doc_id, "site.example", e.date_begin) for e in members}
        clusters.append(summarise(members, docs, []))
    with db.transaction():
        db.executemany(_insert("events", EVENT_COLUMNS), [astuple(e) for e in rows])
        db.executemany(_insert("clusters", CLUSTER_COLUMNS), [astuple(c) for c in clusters])


def queries(n_events: int, url: str | None) -> None:
    from tidings.query import Filters, Near, cluster_detail, iter_clusters
    from tidings.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        url = url or f"sqlite:///{tmp}/q.db"
        t = time.perf_counter()
        synthetic_store(url, n_events)
        print(f"queries: built a synthetic store of {n_events} events in {time.perf_counter() - t:.1f}s ({url.split(':')[0]})")
        with open_store(url) as store:
            db = store.db
            some = next(iter_clusters(db, Filters(date_from="2018-01-01"), limit=1))["id"]
            cases = {
                "timeline first 100": lambda: list(iter_clusters(db, limit=100)),
                "timeline one month": lambda: list(iter_clusters(db, Filters(date_from="2019-03-01", date_to="2019-03-31"))),
                "type + year": lambda: list(iter_clusters(db, Filters(types=("Battles",), date_from="2020-01-01", date_to="2020-12-31"))),
                "country, first 100": lambda: list(iter_clusters(db, Filters(country="UA"), limit=100)),
                "place 50 km": lambda: list(iter_clusters(db, Filters(near=Near(10.0, 50.0, 50)))),
                "actor, first 100": lambda: list(iter_clusters(db, Filters(actor="rebel"), limit=100)),
                "actor, none match": lambda: list(iter_clusters(db, Filters(actor="nobody"))),
                "text, first 100": lambda: list(iter_clusters(db, Filters(text="w17"), limit=100)),
                "text, all": lambda: list(iter_clusters(db, Filters(text="w17 w18"))),
                "place 500 km": lambda: list(iter_clusters(db, Filters(near=Near(10.0, 50.0, 500)))),
                "disputed, first 100": lambda: list(iter_clusters(db, Filters(disputed=True), limit=100)),
                "show one cluster": lambda: cluster_detail(db, some),
            }
            for name, fn in cases.items():
                times = []
                for _ in range(5):
                    t = time.perf_counter()
                    n = fn()
                    times.append((time.perf_counter() - t) * 1000)
                size = len(n) if isinstance(n, list) else 1
                print(f"query {name:<22} {statistics.median(times):7.1f} ms median of 5 ({size} results)")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "_child":
        _child_ingest(*sys.argv[2:5])
        return
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("what", nargs="*", default=["throughput", "memory", "queries"], choices=["throughput", "memory", "queries"])
    p.add_argument("--n", type=int, default=200, help="documents for the throughput run (default 200)")
    p.add_argument("--stages", default=None, help="stages for the throughput run (default: the default pipeline)")
    p.add_argument("--memory-sizes", default="1000,10000", help="document counts for the memory runs")
    p.add_argument("--memory-stages", default="nlp", help="stages for the memory runs ('' for none: the store alone)")
    p.add_argument("--events", type=int, default=100_000, help="events in the synthetic query store")
    p.add_argument("--db", help="store URL for the query benchmark (default: a temporary SQLite file)")
    a = p.parse_args()
    if "throughput" in a.what:
        throughput(a.n, a.stages)
    if "memory" in a.what:
        memory([int(x) for x in a.memory_sizes.split(",")], a.memory_stages)
    if "queries" in a.what:
        queries(a.events, a.db)


if __name__ == "__main__":
    main()
