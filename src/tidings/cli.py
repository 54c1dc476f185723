"""The ``tidings`` command line. Thin: parse arguments, call the library, print.

Exit codes: 0 every input processed; 1 some inputs were rejected (one line each on standard
error naming the input and the reason; the rest were processed); 2 bad usage or configuration,
or a store that cannot be opened (store commands: see :mod:`tidings.cli_store`); 130
interrupted (Ctrl-C).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence
from typing import Any

from . import __version__
from .cli_common import (
    EXIT_CODES,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_REJECTED,
    EXIT_USAGE,
    PROCESSES_HELP,
    PUBLISHED_HELP,
    day,
    note_empty,
    processes,
    stage_list,
)
from .cli_serve import add_serve_command, cmd_serve
from .cli_store import STORE_COMMANDS, add_store_commands, run_store_command
from .contract import to_record
from .errors import InputError, TidingsError
from .model import Article
from .pipeline import DEFAULT_STAGES, Registry
from .readers import ReadOptions, read_paths
from .runner import RunOptions, check_stages, run
from .writers import write_json, write_jsonl, write_table

EXTRACT_EPILOG = """\
examples:
  tidings extract article.txt                      one file; a table on a terminal, JSONL when piped
  tidings extract news/ --format jsonl > out.jsonl  a folder, recursed (.txt .html .htm .jsonl .warc .warc.gz .rss .atom)
  tidings extract docs.jsonl --published 2021-02-26 --no-text
  cat page.html | tidings extract - --format json

JSONL input: one object per line with "text" or "html", optional "id", "published", "title", "url".
Publication date: a JSONL "published" field or an RSS/Atom entry's date wins, then --published,
then the HTML meta tags, the URL, or a dateline near the top of a text file.
exit codes: 0 all inputs processed; 1 some inputs rejected (one line each on stderr); 2 bad usage;
130 interrupted (Ctrl-C).
"""


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="tidings",
        description="Turn news articles into a sourced, dated, geolocated record of events.",
        epilog="Run `tidings COMMAND --help` for a command's options and examples.",
    )
    p.add_argument("--version", action="version", version=f"tidings {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    ex = sub.add_parser(
        "extract",
        help="extract entities, times, places, quantities, quotes and events (contract v1)",
        description="Extract a contract-v1 record from each input document.",
        epilog=EXTRACT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ex.add_argument("paths", nargs="*", metavar="PATH", default=["-"], help="file, folder, or - for standard input (default: -)")
    ex.add_argument("--published", type=day, metavar="YYYY-MM-DD", help=PUBLISHED_HELP)
    ex.add_argument("--format", choices=["jsonl", "json", "table"], help="output format (default: table on a terminal, else jsonl)")
    ex.add_argument("--no-text", action="store_true", help="leave the document text out of each record")
    ex.add_argument("--processes", type=int, metavar="N", help=PROCESSES_HELP)
    ex.add_argument("--batch-size", type=int, default=32, metavar="N", help="documents per batch (default: 32)")
    ex.add_argument("--stages", type=stage_list, metavar="A,B,...", help=f"stages to run, in order (default: {','.join(DEFAULT_STAGES)})")
    ex.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None, help="progress bar on stderr (default: on when stderr is a terminal)")
    add_store_commands(sub)
    add_serve_command(sub)
    gz = sub.add_parser(
        "gazetteer",
        help="build or describe the offline gazetteer used by the places stage",
        description="Build the gazetteer (SQLite, in $TIDINGS_CACHE_DIR or the user cache directory) or describe it.",
        epilog="examples:\n  tidings gazetteer build          build it now (it is also built on first use)\n"
        "  tidings gazetteer info           path, size, build date, counts\n\n" + EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    gz.add_argument("action", choices=["build", "info"], help="build: (re)build it; info: describe it")
    sub.add_parser("stages", help="list the available pipeline stages", description="List the available pipeline stages.", epilog="example:\n  tidings stages\n\n" + EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    return p


def _records(items: Iterator[Article | InputError], include_text: bool, rejected: list[str]) -> Iterator[dict[str, Any]]:
    for item in items:
        if isinstance(item, InputError):
            rejected.append(str(item))
            print(f"tidings: rejected {item}", file=sys.stderr, flush=True)
            continue
        yield to_record(item, include_text=include_text)


def _progress(items: Iterator[Any], enabled: bool) -> Iterator[Any]:
    if not enabled:
        return items
    from tqdm import tqdm

    return iter(tqdm(items, unit="doc", file=sys.stderr, dynamic_ncols=True))


def cmd_extract(args: argparse.Namespace) -> int:
    stages = args.stages or DEFAULT_STAGES
    procs = processes(args.processes)
    if procs < 1 or args.batch_size < 1:
        print("tidings: --processes and --batch-size must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    check_stages(stages, args.batch_size)
    fmt = args.format or ("table" if sys.stdout.isatty() else "jsonl")
    items = read_paths(args.paths, ReadOptions(published=args.published), on_empty=note_empty)
    done = run(items, RunOptions(stages=stages, batch_size=args.batch_size, processes=procs))
    show = args.progress if args.progress is not None else sys.stderr.isatty()
    rejected: list[str] = []
    records = _records(_progress(done, show), not args.no_text, rejected)
    writer = {"jsonl": write_jsonl, "json": write_json, "table": write_table}[fmt]
    for _ in writer(records, sys.stdout):
        sys.stdout.flush() if fmt == "jsonl" else None
    return EXIT_REJECTED if rejected else EXIT_OK


def cmd_stages(_: argparse.Namespace) -> int:
    reg = Registry()
    for name in reg.names():
        print(f"{name}{'  (default)' if name in DEFAULT_STAGES else ''}")
    return EXIT_OK


def cmd_gazetteer(args: argparse.Namespace) -> int:
    from .geo.build import build
    from .geo.gazetteer import Gazetteer, default_path, remove_stale

    path = default_path()
    if args.action == "build":
        built = build(path)
        stale = remove_stale(path)
        with Gazetteer(path) as gaz:
            meta = {**gaz.info(), "seconds": built["seconds"], "removed": ", ".join(p.name for p in stale) or "none"}
    elif path.exists():
        with Gazetteer(path) as gaz:
            meta = gaz.info()
    else:
        print(f"tidings: no gazetteer at {path}; run `tidings gazetteer build`", file=sys.stderr)
        return EXIT_USAGE
    for k, v in meta.items():
        print(f"{k}: {v}")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        if args.command == "extract":
            return cmd_extract(args)
        if args.command in STORE_COMMANDS:
            return run_store_command(args)
        if args.command == "serve":
            return cmd_serve(args)
        if args.command == "gazetteer":
            return cmd_gazetteer(args)
        return cmd_stages(args)
    except TidingsError as exc:
        print(f"tidings: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        more = "; the batches committed so far are stored: run the same command again to finish" if args.command == "ingest" else ""
        print(f"tidings: interrupted{more}", file=sys.stderr)
        return EXIT_INTERRUPTED


def entry() -> None:  # console-script entry point
    sys.exit(main())
