"""Input readers. Formats are chosen by extension, then by content for standard input and
unknown extensions."""

from __future__ import annotations

import codecs
import hashlib
import io
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from ..article.clean import clean_text
from ..article.dates import date_from_url
from ..errors import (
    BinaryInput,
    EmptyInput,
    EncodingError,
    InputError,
    MalformedInput,
    TooLargeInput,
    UnreadableInput,
)
from ..model import Article, Published
from .feeds import FEED_SUFFIXES, is_feed, read_feed
from .warc import WARC_SUFFIXES, is_warc, read_warc

#: Largest single .txt/.html file or standard input accepted (bytes).
MAX_FILE_BYTES = 20 * 1024 * 1024
#: Largest document text accepted after cleaning (characters); spaCy's own default limit.
MAX_DOCUMENT_CHARS = 1_000_000
#: Largest JSONL line accepted (bytes).
MAX_LINE_BYTES = 25 * 1024 * 1024

TEXT_EXT = {".txt", ".text"}
HTML_EXT = {".html", ".htm", ".xhtml"}
JSONL_EXT = {".jsonl", ".ndjson"}
KNOWN_EXT = TEXT_EXT | HTML_EXT | JSONL_EXT
#: Formats recognised by the end of the file name: WARC archives and RSS/Atom feeds.
ARCHIVE_SUFFIXES = WARC_SUFFIXES + FEED_SUFFIXES

Item = Article | InputError


@dataclass(frozen=True)
class ReadOptions:
    """``published`` (``--published``) is the publication date of every document whose input
    does not state one (a JSONL ``published`` field, an RSS/Atom entry's date); it overrides
    the dates found in a page (HTML meta tags, the URL, a dateline)."""

    published: date | None = None


def content_id(text: str, source: str) -> str:
    return hashlib.sha256(f"{source}\x00{text}".encode()).hexdigest()[:16]


def read_paths(paths: Iterable[str], options: ReadOptions | None = None, *, on_empty: Callable[[str], None] | None = None) -> Iterator[Item]:
    """Articles and rejections of every input under ``paths``, in order. ``on_empty`` is called
    with each path that gives neither (an empty JSONL file, a folder with no inputs in it)."""
    opts = options or ReadOptions()
    for p in paths:
        n = 0
        for n, item in enumerate(_read_path(p, opts), start=1):  # noqa: B007 (n counts them)
            yield item
        if n == 0 and on_empty is not None:
            on_empty(p)


def _read_path(p: str, opts: ReadOptions) -> Iterator[Item]:
    if p == "-":
        yield from _read_stream(sys.stdin.buffer, "-", opts)
        return
    path = Path(p)
    if path.is_dir():
        for f in sorted(_walk(path)):
            yield from _read_file(f, opts)
    elif path.exists():
        yield from _read_file(path, opts)
    else:
        yield UnreadableInput(p, "no such file or folder")


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            f = Path(root) / name
            if not name.startswith(".") and (f.suffix.lower() in KNOWN_EXT or name.lower().endswith(ARCHIVE_SUFFIXES)):
                yield f


def _read_file(path: Path, opts: ReadOptions, src: str | None = None) -> Iterator[Item]:
    """One file; ``src`` names it in ids and messages (default: the path as given)."""
    src = src or str(path)
    try:
        if not path.is_file():
            yield UnreadableInput(src, "not a regular file")
            return
        ext = path.suffix.lower()
        if ext in JSONL_EXT or is_warc(path.name):
            with path.open("rb") as fh:
                yield from (read_warc(fh, src, opts) if is_warc(path.name) else _read_jsonl(fh, src, opts))
            return
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            yield TooLargeInput(src, f"{size} bytes is over the {MAX_FILE_BYTES}-byte limit for one file; split it")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield UnreadableInput(src, exc.strerror or str(exc))
        return
    yield from (read_feed(data, src, opts) if is_feed(path.name) else _read_bytes(data, src, ext, opts))


def _read_stream(fh: IO[bytes], src: str, opts: ReadOptions) -> Iterator[Item]:
    head = fh.peek(64) if hasattr(fh, "peek") else b""
    if head.lstrip()[:1] == b"{":
        yield from _read_jsonl(fh, src, opts)
        return
    data = fh.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        yield TooLargeInput(src, f"over the {MAX_FILE_BYTES}-byte limit for one document")
        return
    yield from _read_bytes(data, src, "", opts)


def _read_bytes(data: bytes, src: str, ext: str, opts: ReadOptions) -> Iterator[Item]:
    try:
        text = decode(data, src)
    except InputError as err:
        yield err
        return
    if ext in JSONL_EXT or (ext not in KNOWN_EXT and text.lstrip().startswith("{")):
        yield from _jsonl_lines(text.splitlines(), src, opts)
    elif ext in HTML_EXT or (ext not in KNOWN_EXT and _looks_html(text)):
        yield _guard(article_from_html, text, source=src, options=opts)
    else:
        yield _guard(article_from_text, text, source=src, options=opts, clean=True)


def _guard(make: Callable[..., Article], *args: Any, **kwargs: Any) -> Item:
    """Call a reader; an InputError becomes a value in the stream."""
    try:
        return make(*args, **kwargs)
    except InputError as err:
        return err


def _looks_html(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head or "<p>" in head


def decode(data: bytes, src: str) -> str:
    """Bytes -> str: BOM-marked UTF-8/16/32, else strict UTF-8. Binary data is refused."""
    for bom, enc in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError as exc:
                raise EncodingError(src, f"invalid {enc} after its byte-order mark ({exc.reason} at byte {exc.start})") from None
    if b"\x00" in data[:8192]:
        raise BinaryInput(src, "binary data (NUL bytes), not text, HTML or JSONL")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise EncodingError(
            src,
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it first, e.g. `iconv -f windows-1252 -t utf-8`",
        ) from None


#: Byte-order marks of the encodings whose line breaks are not the byte 0x0a, longest first.
WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def wide_bom(head: bytes) -> str | None:
    """The encoding of a UTF-16/32 byte-order mark at the start of ``head``, if any."""
    return next((enc for bom, enc in WIDE_BOMS if head.startswith(bom)), None)


def _read_jsonl(fh: IO[bytes], src: str, opts: ReadOptions, first: int = 1) -> Iterator[Item]:
    """JSONL from ``fh``; ``first`` is the line number of its first line (a slice of a file).
    UTF-8 is read line by line; a file that starts with a UTF-16/32 byte-order mark is decoded
    as a whole stream in that encoding."""
    head = fh.peek(4)[:4] if hasattr(fh, "peek") else b""
    if not head and fh.seekable():
        pos = fh.tell()
        head = fh.read(4)
        fh.seek(pos)
    enc = wide_bom(head)
    if enc is not None:
        yield from _read_wide_jsonl(fh, src, opts, enc, first)
        return
    for n, raw in enumerate(_limited_lines(fh), start=first):
        where = f"{src}:{n}"
        if raw is None:
            yield TooLargeInput(where, f"line over the {MAX_LINE_BYTES}-byte limit")
            continue
        try:
            line = decode(raw, where)
        except InputError as err:
            yield err
            continue
        yield from _jsonl_lines([line], src, opts, first=n)


def _read_wide_jsonl(fh: IO[bytes], src: str, opts: ReadOptions, enc: str, first: int) -> Iterator[Item]:
    limit = MAX_LINE_BYTES // (4 if enc == "utf-32" else 2)  # characters of at least 2 or 4 bytes
    reader = io.TextIOWrapper(fh, encoding=enc, errors="strict", newline="\n")  # type: ignore[arg-type]
    n = first
    try:
        while True:
            where = f"{src}:{n}"
            try:
                line = reader.readline(limit + 1)
                if len(line) > limit and not line.endswith("\n"):
                    while line and not line.endswith("\n"):
                        line = reader.readline(limit)
                    yield TooLargeInput(where, f"line over the {MAX_LINE_BYTES}-byte limit")
                    n += 1
                    continue
            except UnicodeDecodeError as exc:
                yield EncodingError(where, f"invalid {enc} after the file's byte-order mark ({exc.reason}); the rest of the file is not read")
                return
            if not line:
                return
            yield from _jsonl_lines([line], src, opts, first=n)
            n += 1
    finally:
        reader.detach()  # the caller closes the file


def _limited_lines(fh: IO[bytes]) -> Iterator[bytes | None]:
    while True:
        line = fh.readline(MAX_LINE_BYTES + 1)
        if not line:
            return
        if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # skip the rest of the long line
                line = fh.readline(MAX_LINE_BYTES)
            yield None
            continue
        yield line


def _jsonl_lines(lines: Iterable[str], src: str, opts: ReadOptions, first: int = 1) -> Iterator[Item]:
    for n, line in enumerate(lines, start=first):
        if not line.strip():
            continue
        yield _guard(article_from_json, line, f"{src}:{n}", src, opts)


def article_from_json(line: str, where: str, src: str, opts: ReadOptions) -> Article:
    obj = _parse_json(line.rstrip("\r\n"), where)
    if not isinstance(obj, dict):
        raise MalformedInput(where, "a JSONL line must be a JSON object with 'text' or 'html'")
    text, html = obj.get("text"), obj.get("html")
    pub = _input_date(obj.get("published"), where)
    ident = obj.get("id")
    if ident is not None and (isinstance(ident, bool) or not isinstance(ident, (str, int))):
        raise MalformedInput(where, f"'id' must be a string or a whole number, not {json.dumps(ident)[:40]}")
    source = str(obj.get("url") or src)
    title = obj.get("title") if isinstance(obj.get("title"), str) else None
    url = obj.get("url") if isinstance(obj.get("url"), str) else None
    if title is not None:
        _check_unicode(title, where)
    if isinstance(text, str):
        art = article_from_text(text, source=source, options=opts, clean=False, title=title, where=where)
    elif isinstance(html, str):
        art = article_from_html(html, source=source, options=opts, where=where, url=url)
        if title:
            art = art.with_(title=title)
    else:
        raise MalformedInput(where, "the object has no 'text' or 'html' string")
    changes: dict[str, Any] = {"url": url}
    if ident is not None:
        changes["id"] = str(ident)
    if pub is not None:
        changes["published"] = Published(pub.isoformat(), "input")
    return art.with_(**changes)


def _parse_json(line: str, where: str) -> Any:
    """One JSONL line (without its line break) -> a Python value, or a one-line MalformedInput."""
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise MalformedInput(where, f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:
        raise MalformedInput(where, "not valid JSON (arrays or objects nested too deeply to read)") from None
    except ValueError as exc:  # Python refuses to convert integers with thousands of digits
        if "digits" in str(exc):
            raise MalformedInput(where, f"not valid JSON (a number with more than {sys.get_int_max_str_digits()} digits)") from None
        raise MalformedInput(where, f"not valid JSON ({exc})") from None


def _input_date(value: Any, where: str) -> date | None:
    """A JSONL ``published``: YYYY-MM-DD, or an ISO 8601 date and time (its date is taken)."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise MalformedInput(where, "'published' must be a YYYY-MM-DD string")
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    if len(value) > 10 and value[10] in "T ":
        try:
            return datetime.fromisoformat(value).date()
        except ValueError:
            pass
    raise MalformedInput(where, f"'published' {value!r} is not a YYYY-MM-DD date (or an ISO 8601 date and time)")


def _check_unicode(text: str, where: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise EncodingError(where, f"text holds a lone surrogate (U+{ord(text[exc.start]):04X} at character {exc.start}), which is not valid Unicode") from None


def _check_size(text: str, where: str) -> None:
    _check_unicode(text, where)
    if not text.strip():
        raise EmptyInput(where, "no text to extract from")
    if len(text) > MAX_DOCUMENT_CHARS:
        raise TooLargeInput(where, f"{len(text)} characters is over the {MAX_DOCUMENT_CHARS}-character limit for one document; split it")


def _published(found: date | None, origin: str, opts: ReadOptions) -> Published:
    if opts.published is not None:
        return Published(opts.published.isoformat(), "input")
    if found is not None:
        return Published(found.isoformat(), origin)  # type: ignore[arg-type]
    return Published()


def article_from_text(
    text: str,
    *,
    source: str,
    options: ReadOptions | None = None,
    clean: bool = True,
    title: str | None = None,
    where: str | None = None,
) -> Article:
    """A plain-text article. With ``clean`` (files), title/dateline/furniture are handled;
    without it (JSONL ``text``), the text is taken exactly as given."""
    opts = options or ReadOptions()
    where = where or source
    dateline = None
    if clean:
        if "\x00" in text:
            raise BinaryInput(where, "NUL characters in text")
        c = clean_text(text)
        text, title, dateline = c.text, c.title, c.dateline
    _check_size(text, where)
    return Article(
        id=content_id(text, source),
        source=source,
        text=text,
        title=title,
        published=_published(dateline, "dateline", opts),
    )


def article_from_html(
    html: str,
    *,
    source: str,
    options: ReadOptions | None = None,
    where: str | None = None,
    url: str | None = None,
) -> Article:
    """Main text, title and publication date of an HTML page (trafilatura + htmldate)."""
    from .html import extract_html

    opts = options or ReadOptions()
    where = where or source
    page = extract_html(html, where)
    _check_size(page.text, where)
    found, origin = page.published, "html-meta"
    if found is None and url:
        found, origin = date_from_url(url), "url"
    return Article(
        id=content_id(page.text, source),
        source=source,
        text=page.text,
        title=page.title,
        published=_published(found, origin, opts),
        url=url,
    )
