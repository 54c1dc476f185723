"""WARC (and .warc.gz) web archives: one article per HTML response record (``warcio``).

The WARC-Date is when the page was crawled, not when it was published, so it is never used as
the publication date; the page's own metadata or URL gives that, as for any HTML page.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, TYPE_CHECKING

from ..errors import InputError, MalformedInput, TooLargeInput

if TYPE_CHECKING:
    from .core import Item, ReadOptions

WARC_SUFFIXES = (".warc", ".warc.gz")


def is_warc(name: str) -> bool:
    return name.lower().endswith(WARC_SUFFIXES)


def read_warc(fh: IO[bytes], src: str, opts: ReadOptions, first: int = 1) -> Iterator[Item]:
    """Articles of the archive ``fh``; ``first`` numbers its first record (a slice of a file)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from .core import MAX_FILE_BYTES, article_from_html, decode

    try:
        for n, rec in enumerate(ArchiveIterator(fh), start=first):
            if rec.rec_type != "response" or not rec.http_headers:
                continue
            if "html" not in (rec.http_headers.get_header("Content-Type") or ""):
                continue
            url = rec.rec_headers.get_header("WARC-Target-URI") or f"{src}#{n}"
            try:
                body = rec.content_stream().read(MAX_FILE_BYTES + 1)  # bounded: no gzip bomb
                if len(body) > MAX_FILE_BYTES:
                    yield TooLargeInput(f"{src}: {url}", f"record over the {MAX_FILE_BYTES}-byte limit for one document")
                    continue
                html = decode(body, url)
                yield article_from_html(html, source=url, options=opts, where=f"{src}: {url}", url=url)
            except InputError as err:
                yield err
    except ArchiveLoadFailed as exc:
        yield MalformedInput(src, f"not a readable WARC file ({exc})")
