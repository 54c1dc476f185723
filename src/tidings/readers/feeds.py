"""RSS and Atom feeds (``feedparser``): one article per entry, from its full content when the
feed carries it, else its summary. The entry's own date is its publication date."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING, Any

from ..errors import InputError, MalformedInput
from ..model import Published

if TYPE_CHECKING:
    from .core import Item, ReadOptions

FEED_SUFFIXES = (".rss", ".atom")
_TAG = re.compile(r"<[^>]+>")


def is_feed(name: str) -> bool:
    return name.lower().endswith(FEED_SUFFIXES)


def read_feed(data: bytes, src: str, opts: ReadOptions) -> Iterator[Item]:
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        reason = str(feed.get("bozo_exception") or "no entries")
        yield MalformedInput(src, f"not an RSS/Atom feed with entries ({reason})")
        return
    for n, entry in enumerate(feed.entries, start=1):
        where = f"{src}:{n}"
        try:
            yield _article(entry, where, opts)
        except InputError as err:
            yield err


def _article(entry: Any, where: str, opts: ReadOptions) -> Item:
    from .core import article_from_html, article_from_text

    body = entry.get("content", [{}])[0].get("value") or entry.get("summary") or ""
    link = entry.get("link") or None
    source = link or where
    try:
        art = article_from_html(body, source=source, options=opts, where=where, url=link)
    except InputError:
        art = article_from_text(_TAG.sub(" ", body), source=source, options=opts, clean=False, where=where)
    if entry.get("title"):
        art = art.with_(title=entry["title"], url=link)
    when = entry.get("published_parsed") or entry.get("updated_parsed")
    if when is not None:  # the entry's own date, like a JSONL "published", wins over --published
        art = art.with_(published=Published(date(when[0], when[1], when[2]).isoformat(), "input"))
    return art
