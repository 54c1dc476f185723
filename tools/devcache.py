#!/usr/bin/env python3
"""Developer tool: parse the dev sets once with the nlp stage and reuse the parses.

  tools/devcache.py build [SET ...]            parse ../shared/eval/data/SET/inputs.jsonl -> cache
  tools/devcache.py run SET --stages a,b [-o F] [--limit N]
                                               run later stages on the cached parses, write JSONL

Cache: $TIDINGS_DEVCACHE or /tmp/tidings-nlp-cache/SET.pkl. The nlp stage must not have
changed since the cache was built (rebuild after changing entity rules). Not part of the product.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import sys
import time
from pathlib import Path

from tidings.contract import to_record
from tidings.errors import InputError
from tidings.pipeline import BASE_LAYERS, Pipeline
from tidings.readers import read_paths

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TIDINGS_SHARED", ROOT.parent / "shared"))
CACHE = Path(os.environ.get("TIDINGS_DEVCACHE", "/tmp/tidings-nlp-cache"))
SETS = ["timebank-aquaint", "acled-2020", "geo-gwn", "geo-lgl", "polnear-dev"]


def build(names: list[str]) -> None:
    CACHE.mkdir(parents=True, exist_ok=True)
    pipe = Pipeline.from_names(["nlp"])
    for name in names or SETS:
        t = time.time()
        items = [i for i in read_paths([str(SHARED / "eval" / "data" / name / "inputs.jsonl")]) if not isinstance(i, InputError)]
        arts = list(pipe.stream(items))
        tmp = CACHE / f"{name}.pkl.tmp"
        with tmp.open("wb") as fh:
            pickle.dump(arts, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.rename(CACHE / f"{name}.pkl")
        print(f"{name}: {len(arts)} docs in {time.time() - t:.1f}s", file=sys.stderr)


def run(name: str, stages: list[str], out: str | None, limit: int | None) -> None:
    with (CACHE / f"{name}.pkl").open("rb") as fh:
        arts = pickle.load(fh)
    if limit:
        arts = arts[:limit]
    pipe = Pipeline.from_names(stages, provided=BASE_LAYERS | {"tokens", "sentences", "entities"}) if stages else None
    t = time.time()
    done = pipe.process(arts) if pipe else arts
    dt = time.time() - t
    fh = open(out, "w", encoding="utf-8") if out else sys.stdout
    for a in done:
        fh.write(json.dumps(to_record(a), ensure_ascii=False) + "\n")
    print(f"{name}: {len(done)} docs, stages {stages} took {dt:.2f}s", file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("sets", nargs="*")
    r = sub.add_parser("run")
    r.add_argument("set")
    r.add_argument("--stages", default="")
    r.add_argument("-o", "--out")
    r.add_argument("--limit", type=int)
    a = ap.parse_args()
    if a.cmd == "build":
        build(a.sets)
    else:
        run(a.set, [s for s in a.stages.split(",") if s], a.out, a.limit)


if __name__ == "__main__":
    main()
