"""Readers: bytes from files, folders, standard input -> :class:`~tidings.model.Article`.

Each reader yields articles or :class:`~tidings.errors.InputError` values: a bad input is a
value in the stream, never an exception that stops the batch.
"""

from .core import (
    MAX_DOCUMENT_CHARS,
    MAX_FILE_BYTES,
    ReadOptions,
    article_from_html,
    article_from_text,
    read_paths,
)

__all__ = [
    "MAX_DOCUMENT_CHARS",
    "MAX_FILE_BYTES",
    "ReadOptions",
    "article_from_html",
    "article_from_text",
    "read_paths",
]
