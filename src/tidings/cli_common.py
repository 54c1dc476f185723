"""What the command modules share: argument types, defaults read from the environment, the
exit codes, and the note for an input that holds no documents."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date

from .errors import ConfigError

EXIT_OK, EXIT_REJECTED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
#: The last lines of each command's --help (README "The command line" has the same list).
EXIT_CODES = "exit codes: 0 done; 1 some inputs rejected (one line each on stderr); 2 bad usage or configuration; 130 interrupted (Ctrl-C).\n"

PUBLISHED_HELP = "publication date of every document whose JSONL line or feed entry gives none (it overrides dates found in HTML meta tags, URLs and datelines)"
PROCESSES_HELP = "worker processes (default: $TIDINGS_PROCESSES or 1)"


def day(s: str) -> date:
    """A ``YYYY-MM-DD`` argument."""
    try:
        return date.fromisoformat(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{s!r} is not a YYYY-MM-DD date") from None


def stage_list(s: str) -> tuple[str, ...]:
    """``--stages A,B,...`` -> the names; an empty list or name is a usage error."""
    names = tuple(n.strip() for n in s.split(","))
    if not any(names):
        raise argparse.ArgumentTypeError("names no stage; give stage names such as nlp,times (see `tidings stages`)")
    if not all(names):
        raise argparse.ArgumentTypeError(f"{s!r} has an empty stage name; separate the names with single commas")
    return names


def positive(s: str) -> int:
    """A whole number of at least 1."""
    try:
        n = int(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{s!r} is not a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"{s} is not at least 1")
    return n


def processes(given: int | None) -> int:
    """--processes, else $TIDINGS_PROCESSES, else 1. The variable is read when a command runs,
    so that a bad value breaks neither --help nor the commands that start no processes."""
    if given is not None:
        return given
    env = os.environ.get("TIDINGS_PROCESSES", "").strip()
    if not env:
        return 1
    try:
        return int(env)
    except ValueError:
        raise ConfigError(f"TIDINGS_PROCESSES={env!r} is not a whole number; set it to a number of worker processes such as 2, or unset it") from None


def note_empty(path: str) -> None:
    """A path that holds no documents gets a note on standard error, not a rejection."""
    print(f"tidings: no documents in {path}", file=sys.stderr, flush=True)
