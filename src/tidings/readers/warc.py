"""WARC (and .warc.gz) web archives: one article per HTML response record (``warcio``).

The WARC-Date is when the page was crawled, not when it was published, so it is never used as
the publication date; the page's own metadata or URL gives that, as for any HTML page.

An archive cut short (an interrupted download or copy) is reported, not passed over: a record
whose content ends before its Content-Length, or a gzip stream that ends before its end, is a
rejection naming the archive and the record; the records before it are read as usual.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Any

from ..errors import InputError, MalformedInput, TooLargeInput

if TYPE_CHECKING:
    from .core import Item, ReadOptions

WARC_SUFFIXES = (".warc", ".warc.gz")
_CUT = "the archive is cut short (an interrupted download or copy?)"


def is_warc(name: str) -> bool:
    return name.lower().endswith(WARC_SUFFIXES)


def _tracking_reader(fh: Any) -> Any:
    """warcio's reader, noting whether a gzip stream ended before its end: warcio itself stops
    quietly there (zlib gives what it can of a truncated stream and no error)."""
    from warcio.bufferedreaders import DecompressingBufferedReader

    class Reader(DecompressingBufferedReader):  # type: ignore[misc]
        cut = False

        def close_decompressor(self) -> None:
            dec = self.decompressor
            if dec is not None and self.num_read and not getattr(dec, "eof", True):
                self.cut = True
            super().close_decompressor()

    return Reader(fh)


def _record_cut(rec: Any) -> bool:
    """Whether the record's block ends before its Content-Length (read to its end first)."""
    stream = rec.raw_stream
    while stream.read(1 << 16):
        pass
    return int(getattr(stream, "limit", 0) or 0) > 0


def _size(fh: IO[bytes]) -> int:
    """The length of a seekable stream (0 when it cannot tell)."""
    try:
        pos = fh.tell()
        end = fh.seek(0, 2)
        fh.seek(pos)
    except (OSError, ValueError):
        return 0
    return end


def read_warc(fh: IO[bytes], src: str, opts: ReadOptions, first: int = 1) -> Iterator[Item]:
    """Articles of the archive ``fh``; ``first`` numbers its first record (a slice of a file).
    Messages name the archive and the record: ``ARCHIVE#URL`` (``ARCHIVE#N`` without a URL)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from .core import MAX_FILE_BYTES, article_from_html, decode

    archive = ArchiveIterator(fh)
    reader = archive.reader = _tracking_reader(archive.fh)
    n, reported = first - 1, first - 2
    try:
        for n, rec in enumerate(archive, start=first):
            url = rec.rec_headers.get_header("WARC-Target-URI")
            where = f"{src}#{url or n}"
            if not (rec.rec_headers.get_header("Content-Length") or "").strip().isdigit():  # a header cut off
                reported = n
                yield MalformedInput(where, f"record {n} has no whole header (no Content-Length): {_CUT}")
                continue
            if rec.rec_type != "response" or not rec.http_headers or "html" not in (rec.http_headers.get_header("Content-Type") or ""):
                if _record_cut(rec):
                    reported = n
                    yield MalformedInput(where, f"record {n} ends early: {_CUT}")
                continue
            try:
                body = rec.content_stream().read(MAX_FILE_BYTES + 1)  # bounded: no gzip bomb
                if _record_cut(rec):
                    reported = n
                    raise MalformedInput(where, f"record {n} ends early: {_CUT}")
                if len(body) > MAX_FILE_BYTES:
                    raise TooLargeInput(where, f"record over the {MAX_FILE_BYTES}-byte limit for one document")
                html = decode(body, where)
                yield article_from_html(html, source=url or where, options=opts, where=where, url=url)
            except InputError as err:
                yield err
    except Exception as exc:  # warcio raises many types on a broken archive; translate at the boundary
        if isinstance(exc, ArchiveLoadFailed) and n < first:
            yield MalformedInput(src, f"not a readable WARC file ({' '.join(str(exc).split())[:200]})")
            return
        reader.cut = True  # a record header warcio could not parse: broken off, or garbage
    if not reader.cut and archive.offset < _size(fh):  # bytes after the last whole record
        reader.cut = True
    if reader.cut and reported != n:
        before = "the records before it were read" if n >= first else "no record before it"
        yield MalformedInput(f"{src}#{n + 1}", f"record {n + 1} is unreadable: {_CUT}; {before}")
