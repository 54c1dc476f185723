"""HTML -> main text, title and date, with trafilatura (no network use)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..errors import EmptyInput, MalformedInput

#: Nesting deeper than this is refused before parsing (lxml's own limit is 256 by default).
MAX_HTML_CHARS = 20 * 1024 * 1024


@dataclass(frozen=True)
class Page:
    text: str
    title: str | None
    published: date | None


@contextmanager
def _quiet(*names: str) -> Iterator[None]:
    """Silence the named loggers for the duration, then give them back their levels (the
    process's logging setup is the application's, not this library's)."""
    loggers = [logging.getLogger(n) for n in names]
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for lg, level in zip(loggers, levels, strict=True):
            lg.setLevel(level)


def extract_html(html: str, where: str) -> Page:
    import trafilatura

    try:
        with _quiet("trafilatura", "htmldate"):  # their warnings about a page are not ours to print
            doc = trafilatura.bare_extraction(
                html, with_metadata=True, include_comments=False, favor_precision=True
            )
    except Exception as exc:  # trafilatura/lxml raise many types; translate at the boundary
        raise MalformedInput(where, f"HTML could not be parsed ({type(exc).__name__})") from None
    fields: dict[str, Any] = {} if doc is None else (doc if isinstance(doc, dict) else doc.as_dict())
    text = str(fields.get("text") or "")
    if not text.strip():
        raise EmptyInput(where, "no main text found in the HTML page")
    published = None
    if fields.get("date"):
        try:
            published = date.fromisoformat(str(fields["date"])[:10])
        except ValueError:
            published = None
    title = str(fields.get("title") or "").strip() or None
    return Page(text=text, title=title, published=published)
