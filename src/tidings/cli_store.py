"""The store commands of the ``tidings`` CLI: ingest, events, timeline, show, export.

:func:`add_store_commands` adds their subparsers, :func:`run_store_command` runs one.
Exit codes: 0 done; 1 some inputs were rejected (ingest; one line each on standard error);
2 bad usage, or a store that cannot be opened or has no such event; 130 interrupted.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager, suppress
from itertools import chain
from pathlib import Path
from typing import Any, TextIO

from .cli_common import PROCESSES_HELP, PUBLISHED_HELP, day, note_empty, positive, processes, stage_list
from .errors import InputError, OutputError
from .pipeline import DEFAULT_STAGES
from .query import Filters, cluster_detail, iter_clusters, resolve_place
from .query.export import write_acled_csv, write_geojson, write_jsonl
from .query.filters import ACLED_TYPES, canonical_type
from .readers import ReadOptions
from .runner import RunOptions, check_stages
from .scale.cli import DASK_EPILOG, add_dask_options, cmd_ingest_dask
from .store import DEFAULT_URL, Store, open_existing, open_store
from .writers import _table

STORE_COMMANDS = ("ingest", "events", "timeline", "show", "export")
_RAW = argparse.RawDescriptionHelpFormatter
_EXIT = "exit codes: 0 done; 1 some inputs rejected (ingest only; one line each on stderr); 2 bad usage or store error; 130 interrupted (Ctrl-C).\n"

INGEST_EPILOG = """\
examples:
  tidings ingest news/                              a folder (.txt .html .jsonl .warc .warc.gz .rss .atom) into ./tidings.db
  tidings ingest feed.rss crawl.warc.gz --db sqlite:///events.db --processes 2
  tidings ingest docs.jsonl --db postgresql://user@localhost/tidings

Re-running the same command is safe: stored documents are skipped (ids are content hashes),
and a run that was interrupted (even by kill -9) resumes where its last batch was committed.
The store is $TIDINGS_DB when --db is not given, else sqlite:///tidings.db.
""" + _EXIT

QUERY_EPILOG = """\
examples:
  tidings {cmd} --from 2021-01-01 --to 2021-03-31 --type Battles
  tidings {cmd} --place Mosul:50 --actor police --format jsonl
  tidings {cmd} --country Nigeria --text "market attack" --disputed

A table on a terminal, JSON when piped (--format to choose). --place NAME[:KM] looks the
name up among the stored events' places (or give LAT,LON[:KM]); the default radius is 25 km.
""" + _EXIT


def _date(s: str) -> str:
    return day(s).isoformat()


def _event_type(s: str) -> str:
    name = canonical_type(s)
    if name not in ACLED_TYPES:
        raise argparse.ArgumentTypeError(f"{s!r} is not an ACLED event or sub-event type (such as Battles, Protests, Armed clash; docs/events.md lists them)")
    return name


def _db_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="URL", default=os.environ.get("TIDINGS_DB") or DEFAULT_URL, help="sqlite:///PATH or postgresql://... (default: $TIDINGS_DB or sqlite:///tidings.db)")


def _filter_args(p: argparse.ArgumentParser) -> None:
    _db_arg(p)
    p.add_argument("--from", dest="date_from", type=_date, metavar="YYYY-MM-DD", help="events that end on or after this day")
    p.add_argument("--to", dest="date_to", type=_date, metavar="YYYY-MM-DD", help="events that begin on or before this day")
    p.add_argument("--type", dest="types", type=_event_type, action="append", default=[], metavar="TYPE", help="ACLED event or sub-event type (repeatable)")
    p.add_argument("--actor", metavar="NAME", help="an actor whose name contains NAME (any case)")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--place", metavar="NAME[:KM]", help="within KM (default 25) of a place name or LAT,LON")
    where.add_argument("--country", metavar="CODE|NAME", help="events in this country (ISO code or name)")
    p.add_argument("--text", metavar="WORDS", help="full-text search of the source documents")
    p.add_argument("--disputed", action="store_true", help="only events whose sources disagree on a figure or date")
    p.add_argument("--limit", type=positive, metavar="N", help="at most N events (at least 1)")


def add_store_commands(sub: Any) -> None:
    """Add the store subcommands to the ``tidings`` subparsers."""
    ing = sub.add_parser("ingest", help="run the pipeline over inputs and store documents and events", description="Extract and store documents, events and cross-source event clusters.", epilog=INGEST_EPILOG + "\n" + DASK_EPILOG, formatter_class=_RAW)
    ing.add_argument("paths", nargs="+", metavar="PATH", help="file or folder (- for standard input)")
    _db_arg(ing)
    ing.add_argument("--published", type=day, metavar="YYYY-MM-DD", help=PUBLISHED_HELP)
    ing.add_argument("--processes", type=int, metavar="N", help=PROCESSES_HELP)
    ing.add_argument("--batch-size", type=int, default=64, metavar="N", help="documents per batch and per committed transaction (default: 64)")
    ing.add_argument("--stages", type=stage_list, metavar="A,B,...", help=f"stages to run, in order (default: {','.join(DEFAULT_STAGES)})")
    ing.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None, help="progress bar with documents/s on stderr (default: on a terminal)")
    add_dask_options(ing)
    for cmd, text in (("events", "list event clusters (merged across sources) with filters"), ("timeline", "one line per event cluster, in date order")):
        p = sub.add_parser(cmd, help=text, description=text[0].upper() + text[1:] + ".", epilog=QUERY_EPILOG.format(cmd=cmd), formatter_class=_RAW)
        _filter_args(p)
        p.add_argument("--format", choices=["json", "jsonl", "table"], help="default: table on a terminal, else json")
    show = sub.add_parser("show", help="one event cluster with each supporting sentence and its source", description="Show an event cluster: every source's event, sentence and figures.", epilog="example:\n  tidings show 3f2a9c0d1e2b4a5f-000\n\n" + _EXIT, formatter_class=_RAW)
    show.add_argument("event_id", metavar="EVENT_ID", help="a cluster id, or the id of one of its events")
    _db_arg(show)
    show.add_argument("--format", choices=["json", "jsonl", "table"], help="default: table on a terminal, else json (jsonl: on one line)")
    exp = sub.add_parser("export", help="export event clusters: ACLED-style CSV, JSONL or GeoJSON", description="Export event clusters.", epilog="examples:\n  tidings export --format acled-csv > events.csv\n  tidings export --format geojson --country UA -o ukraine.geojson\n\n" + _EXIT, formatter_class=_RAW)
    _filter_args(exp)
    exp.add_argument("--format", choices=["acled-csv", "jsonl", "geojson"], default="acled-csv", help="default: acled-csv")
    exp.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")


def run_store_command(args: argparse.Namespace) -> int:
    """Run a store command (``args.command`` in :data:`STORE_COMMANDS`); return the exit code."""
    if args.command == "ingest":
        return cmd_ingest(args)
    store = open_existing(args.db)
    with store:
        if args.command == "show":
            return cmd_show(store, args)
        if args.command == "export":
            return cmd_export(store, args)
        return cmd_list(store, args)


def cmd_ingest(args: argparse.Namespace) -> int:
    from .store.ingest import ingest

    if args.engine == "dask":
        return cmd_ingest_dask(args)
    procs = processes(args.processes)
    if procs < 1 or args.batch_size < 1:
        print("tidings: --processes and --batch-size must be at least 1", file=sys.stderr)
        return 2
    stages = args.stages or DEFAULT_STAGES
    check_stages(stages, min(args.batch_size, 32))  # before the store is created
    show = args.progress if args.progress is not None else sys.stderr.isatty()
    bar = _bar() if show else None

    def seen(item: object) -> None:
        if isinstance(item, InputError):
            print(f"tidings: rejected {item}", file=sys.stderr, flush=True)
        if bar is not None:
            bar.update(1)

    with open_store(args.db) as store:
        report = ingest(store, args.paths, read_options=ReadOptions(published=args.published), run_options=RunOptions(stages=stages, batch_size=min(args.batch_size, 32), processes=procs), commit_every=args.batch_size, on_item=seen, on_empty=note_empty)
    if bar is not None:
        bar.close()
    print(f"tidings: {report.stored} new documents stored, {report.skipped} already stored, {len(report.rejected)} rejected ({args.db})", file=sys.stderr)
    return 1 if report.rejected else 0


def _bar() -> Any:
    from tqdm import tqdm

    return tqdm(unit="doc", file=sys.stderr, dynamic_ncols=True, desc="ingest")


def _filters(store: Store, args: argparse.Namespace) -> Filters:
    near = resolve_place(store.db, args.place) if args.place else None
    return Filters(args.date_from, args.date_to, tuple(args.types), args.actor, args.country, near, args.text, args.disputed)


def _fmt(args: argparse.Namespace) -> str:
    return str(args.format or ("table" if sys.stdout.isatty() else "json"))


#: Rows of an `events` table when --limit is not given (a table is laid out in memory).
TABLE_ROWS = 200


def cmd_list(store: Store, args: argparse.Namespace) -> int:
    fmt = _fmt(args)
    capped = fmt == "table" and args.command == "events" and args.limit is None
    clusters = _checked(iter_clusters(store.db, _filters(store, args), limit=TABLE_ROWS + 1 if capped else args.limit))
    if capped:
        rows = list(clusters)
        if len(rows) > TABLE_ROWS:
            print(f"tidings: showing the first {TABLE_ROWS} events; use --limit N, or --format jsonl for all", file=sys.stderr)
        clusters = iter(rows[:TABLE_ROWS])
    if fmt == "table":
        render = _timeline_line if args.command == "timeline" else None
        _print_table(clusters, render)
    else:
        _print_json(clusters, fmt)
    return 0


def _checked(clusters: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Run the query's first page now, so that a filter the store refuses (an unknown country,
    a search with no words) fails before anything is written."""
    first = next(clusters, None)
    return iter(()) if first is None else chain([first], clusters)


def _print_json(items: Iterable[dict[str, Any]], fmt: str) -> None:
    if fmt == "jsonl":
        for c in items:
            sys.stdout.write(json.dumps(c, ensure_ascii=False) + "\n")
        return
    first = True
    sys.stdout.write("[")
    for c in items:
        sys.stdout.write(("\n" if first else ",\n") + json.dumps(c, ensure_ascii=False))
        first = False
    sys.stdout.write("\n]\n" if not first else "]\n")


def _killed(c: dict[str, Any]) -> str:
    lo, hi = c["fatalities_low"], c["fatalities_high"]
    return "" if lo is None else str(lo) if lo == hi else f"{lo}-{hi}"


def _when(c: dict[str, Any]) -> str:
    b, e = c["date_begin"], c["date_end"]
    return "undated" if not b else b if not e or e == b else f"{b}..{e}"


def _timeline_line(c: dict[str, Any]) -> str:
    place = ", ".join(x for x in (c["location"], c["country"]) if x) or "?"
    dead = f"  killed {_killed(c)}" if _killed(c) else ""
    flag = f"  DISPUTED {'+'.join(c['disagreements'])}" if c["disagreements"] else ""
    return f"{_when(c):<22}  {c['event_type']} / {c['sub_event_type']}  @ {place}{dead}  [{c['n_sources']} source{'s' if c['n_sources'] != 1 else ''}]{flag}  {c['id']}"


def _print_table(clusters: Iterator[dict[str, Any]], line: Callable[[dict[str, Any]], str] | None) -> None:
    if line is not None:
        for c in clusters:
            print(line(c))
        return
    rows = [[_when(c), f"{c['event_type']} / {c['sub_event_type']}", c["actor1"], c["actor2"], c["location"], c["country"], _killed(c), c["n_sources"], ",".join(c["disagreements"]), c["id"]] for c in clusters]
    print("\n".join(_table(["date", "type / sub type", "actor1", "actor2", "place", "cc", "killed", "srcs", "disputed", "id"], rows, [22, 44, 22, 22, 18, 3, 9, 4, 16, 20])))


def cmd_show(store: Store, args: argparse.Namespace) -> int:
    d = cluster_detail(store.db, args.event_id)
    fmt = args.format or ("table" if sys.stdout.isatty() else "json")
    if fmt != "table":
        print(json.dumps(d, ensure_ascii=False, indent=2 if fmt == "json" else None))
        return 0
    print(_timeline_line(d))
    print(f"  {d['notes']}")
    for e in d["events"]:
        dup = f" (near-duplicate of {', '.join(e['duplicate_of'])})" if e["duplicate_of"] else ""
        print(f"\n  [{e['id']}] {e['outlet']} {e['published'] or '?'}: {e['title'] or e['source']}{dup}")
        print(f"    {e['type']} / {e['sub_type']}; date {e['date_begin'] or '?'} ({e['date_text'] or 'not in text'}); killed {e['fatalities'] if e['fatalities'] is not None else '?'} ({e['fatalities_text'] or '-'})")
        print(f"    \"{' '.join((e['sentence'] or '').split())}\"")
    return 0


def cmd_export(store: Store, args: argparse.Namespace) -> int:
    clusters = _checked(iter_clusters(store.db, _filters(store, args), limit=args.limit))
    with ExitStack() as stack:
        out = stack.enter_context(output_file(args.output)) if args.output else sys.stdout
        if args.format == "acled-csv":
            done = write_acled_csv(clusters, out)
        elif args.format == "geojson":
            done = write_geojson(clusters, out)
        else:
            done = write_jsonl(store.db, clusters, out)
        n = sum(1 for _ in done)
    print(f"tidings: exported {n} events ({args.format})", file=sys.stderr)
    return 0


@contextmanager
def output_file(name: str) -> Iterator[TextIO]:
    """``-o FILE``, written whole or not at all: into a temporary file beside it, renamed over
    it when the export is complete (a failed export leaves an existing file as it was)."""
    target = Path(name)
    if target.is_dir():
        raise OutputError(f"-o {name!r} is a folder; give a file name, such as {str(target / 'events.csv')!r}")
    if target.exists() and not target.is_file():  # a device or pipe (/dev/stdout): written as is
        try:
            with target.open("w", encoding="utf-8", newline="") as fh:
                yield fh
        except OSError as exc:
            raise OutputError(f"cannot write -o {name!r}: {exc.strerror or exc}") from None
        return
    folder = target.parent
    if not folder.is_dir():
        raise OutputError(f"-o {name!r}: the folder {str(folder)!r} does not exist; create it first or write elsewhere")
    try:
        mode = target.stat().st_mode & 0o7777 if target.exists() else 0o666 & ~_umask()
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write -o {name!r}: {exc.strerror or exc}; check the folder's permissions") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            yield fh
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException as exc:
        with suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write -o {name!r}: {exc.strerror or exc}; {name!r} is unchanged") from None
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
