"""Documents/s of `tidings ingest` with local processes vs a Dask LocalCluster, same inputs.

    python bench/dask_bench.py --shared ../shared [-n 400] [--stages nlp] [--workers 2]

Takes the first N Reuters documents of the shared dev data (measuring only; nothing is kept),
runs each command once into a fresh SQLite store, and reports wall-clock documents/s of the
whole command (start-up and model loading included, as a user would see it). Not a test: the
figures depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TIDINGS = str(Path(sys.executable).with_name("tidings"))


def _docs(src: Path, n: int, out: Path) -> int:
    kept = 0
    with src.open(encoding="utf-8") as fh, out.open("w", encoding="utf-8") as w:
        for line in fh:
            if kept == n:
                break
            w.write(line)
            kept += 1
    return kept


def _words(path: Path) -> int:
    return sum(len(json.loads(line).get("text", "").split()) for line in path.open(encoding="utf-8"))


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _run(label: str, argv: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one command (CPU: the whole process tree, workers
    included, which is the fairer figure on a machine shared with other work)."""
    t0, c0 = time.perf_counter(), _cpu()
    done = subprocess.run(argv, capture_output=True, text=True, env={**os.environ, "HF_HUB_OFFLINE": "1"})
    wall, cpu = time.perf_counter() - t0, _cpu() - c0
    summary = [line for line in done.stderr.splitlines() if "stored" in line]
    print(f"  {label}: {wall:.1f} s wall, {cpu:.1f} s CPU, exit {done.returncode}; {summary[-1] if summary else done.stderr[-300:]}", flush=True)
    return wall, cpu


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("-n", type=int, default=400, help="first N Reuters documents (default 400)")
    ap.add_argument("--stages", default="nlp")
    ap.add_argument("--workers", type=int, default=2, help="local processes and Dask workers (default 2)")
    ap.add_argument("--partition-size", type=int, default=50)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="tidings-bench-") as tmp:
        docs = Path(tmp) / "reuters.jsonl"
        n = _docs(Path(args.shared) / "eval/data/reuters/inputs.jsonl", args.n, docs)
        print(f"{n} Reuters documents, {_words(docs)} words, stages {args.stages}, {args.workers} processes/workers, {os.cpu_count()} CPUs")
        common = [TIDINGS, "ingest", str(docs), "--stages", args.stages, "--no-progress"]
        local = _run(f"local --processes {args.workers}", [*common, "--db", f"sqlite:///{tmp}/local.db", "--processes", str(args.workers)])
        dask_argv = [*common, "--db", f"sqlite:///{tmp}/dask.db", "--engine", "dask", "--workers", str(args.workers), "--partition-size", str(args.partition_size)]
        dask = _run(f"dask --workers {args.workers}", dask_argv)
        rerun = _run("dask rerun (all partitions done)", dask_argv)
    print(f"local --processes {args.workers}: {n / local[0]:.1f} docs/s wall, {n / local[1]:.1f} docs per CPU-second")
    print(f"dask  --workers {args.workers}:   {n / dask[0]:.1f} docs/s wall ({local[0] / dask[0]:.2f}x local), {n / dask[1]:.1f} docs per CPU-second ({local[1] / dask[1]:.2f}x local)")
    print(f"dask rerun:           {rerun[0]:.1f} s wall, {rerun[1]:.1f} s CPU (nothing recomputed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
