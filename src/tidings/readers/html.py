"""HTML -> main text, title and date, with trafilatura (no network use)."""

from __future__ import annotations

import logging
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


def extract_html(html: str, where: str) -> Page:
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    try:
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
