"""``POST /extract``: a text or HTML body (plus an optional publication date) in, a contract-v1
record out. Off unless the server was started with ``--allow-write --token T``; then the
request must carry ``Authorization: Bearer T``. Bodies over the size limit are refused before
they are read whole."""

from __future__ import annotations

import hmac
import json
import threading
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from typing import Any

from fastapi import Request
from starlette.concurrency import run_in_threadpool

from ..contract import to_record
from ..model import Article
from ..pipeline import Pipeline
from ..readers import ReadOptions, article_from_text
from ..readers.core import article_from_html, decode
from .errors import ApiError


@lru_cache(maxsize=2)
def _pipeline(stages: tuple[str, ...]) -> Pipeline:
    return Pipeline.from_names(stages)


def check_token(request: Request, allow_write: bool, token: str | None) -> None:
    if not allow_write or not token:
        raise ApiError(403, "write endpoints are off; start the server with `tidings serve --allow-write --token T`")
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(), token.encode()):
        raise ApiError(401, "a valid token is needed: send the header `Authorization: Bearer TOKEN`", {"WWW-Authenticate": "Bearer"})


async def read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise ApiError(413, f"the body is {declared} bytes; the limit is {limit}")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, f"the body is over the limit of {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _day(value: Any) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ApiError(422, f"published {value!r} is not a YYYY-MM-DD date") from None


def parse_input(body: bytes, content_type: str, published: str | None) -> Article:
    """The article a request describes: JSON ``{"text"|"html", "published"?, "title"?, "url"?}``,
    or a ``text/plain`` or ``text/html`` body with ``?published=`` in the query."""
    kind = content_type.split(";")[0].strip().lower()
    if kind == "application/json":
        try:
            obj = json.loads(body)
        except (ValueError, UnicodeDecodeError):
            raise ApiError(422, "the body is not valid JSON") from None
        if not isinstance(obj, dict) or not isinstance(obj.get("text", obj.get("html")), str):
            raise ApiError(422, 'give a JSON object with "text" or "html" (a string)')
        opts = ReadOptions(published=_day(obj.get("published", published)))
        url = obj.get("url") if isinstance(obj.get("url"), str) else None
        if isinstance(obj.get("html"), str) and "text" not in obj:
            return article_from_html(obj["html"], source=url or "api", options=opts, url=url)
        title = obj.get("title") if isinstance(obj.get("title"), str) else None
        return article_from_text(obj["text"], source=url or "api", options=opts, clean=False, title=title)
    if kind not in ("text/html", "application/xhtml+xml", "text/plain", ""):
        raise ApiError(415, f"content type {kind!r} is not accepted; send application/json, text/plain or text/html")
    opts = ReadOptions(published=_day(published))
    text = decode(body, "request body")
    if kind in ("text/html", "application/xhtml+xml"):
        return article_from_html(text, source="api", options=opts)
    return article_from_text(text, source="api", options=opts)


def make_extractor(stages: tuple[str, ...]) -> Callable[[Article], Any]:
    """A function that runs the pipeline on one article, one request at a time."""
    lock = threading.Lock()

    def extract(article: Article) -> dict[str, Any]:
        with lock:
            return to_record(_pipeline(stages)(article), include_text=True)

    return extract


async def run_extract(request: Request, extract: Callable[[Article], Any], limit: int) -> dict[str, Any]:
    body = await read_body(request, limit)
    if not body.strip():
        raise ApiError(422, "the body is empty; send the article's text or HTML")
    article = await run_in_threadpool(parse_input, body, request.headers.get("content-type", ""), request.query_params.get("published"))
    record: dict[str, Any] = await run_in_threadpool(extract, article)
    return record
