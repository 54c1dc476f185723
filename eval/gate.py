#!/usr/bin/env python3
"""Run ../shared/eval/run_dev.sh with the product's CLI and fail when a score is below the
floor pinned in eval/floors.toml. Prints each set's score line and a verdict per floor."""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def parse_line(line: str) -> tuple[str, dict[str, float]]:
    name, _, rest = line.partition(" ")
    scores: dict[str, float] = {}
    for key, val in re.findall(r"(\w+)=([-\d./]+|nan)", rest):
        if "/" in val:  # seed: passed=N/M
            val = val.split("/")[0]
        try:
            scores[key] = float(val)
        except ValueError:
            continue
    return name, scores


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--cli", default=str(ROOT / ".venv" / "bin" / "tidings"))
    ap.add_argument("--out", default=None, help="folder for the system outputs (default: a temp dir)")
    args = ap.parse_args()
    floors = tomllib.loads((ROOT / "eval" / "floors.toml").read_text())
    out = args.out or tempfile.mkdtemp(prefix="tidings-eval-")
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TIDINGS_PROCESSES": os.environ.get("TIDINGS_PROCESSES", "2")}
    proc = subprocess.run(
        ["bash", str(Path(args.shared) / "eval" / "run_dev.sh"), args.cli, out],
        capture_output=True, text=True, env=env,
    )
    print(proc.stdout, end="")
    got: dict[str, dict[str, float]] = {}
    for line in proc.stdout.splitlines():
        if "=" in line:
            name, scores = parse_line(line)
            got[name] = scores
    failed = 0
    for name, metrics in floors.items():
        for metric, floor in metrics.items():
            value = got.get(name, {}).get(metric)
            ok = value is not None and value >= floor
            failed += not ok
            print(f"{'ok  ' if ok else 'FAIL'} {name}.{metric} = {value} (floor {floor})")
    if proc.returncode != 0:
        print(f"run_dev.sh exited {proc.returncode}; see {out}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
