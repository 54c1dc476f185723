"""One JSON shape for every error the API returns, and the security headers of every response.

    {"error": {"status": 404, "code": "not_found", "message": "...", "detail": [...]?}}
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from ..errors import InputError, NotFound, StoreError, TidingsError, TooLargeInput

#: Content-Security-Policy of every response: scripts, styles and data from this origin only,
#: no inline script or style, no plug-ins, no framing, no form posts elsewhere.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
)
_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
          413: "too_large", 415: "unsupported_media_type", 422: "invalid_request", 500: "internal_error"}

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class ApiError(Exception):
    """An error with an HTTP status, raised by the API's own checks."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers


def error_response(status: int, message: str, detail: Any = None, headers: dict[str, str] | None = None) -> JSONResponse:
    body: dict[str, Any] = {"status": status, "code": _CODES.get(status, "error"), "message": message}
    if detail is not None:
        body["detail"] = detail
    return JSONResponse({"error": body}, status_code=status, headers=headers)


def status_of(exc: TidingsError) -> int:
    if isinstance(exc, NotFound):
        return 404
    if isinstance(exc, TooLargeInput):
        return 413
    if isinstance(exc, InputError):
        return 422
    if isinstance(exc, StoreError):
        return 400
    return 500


def install_error_handlers(app: FastAPI) -> None:
    async def api_error(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ApiError)
        return error_response(exc.status, exc.message, headers=exc.headers)

    async def tidings_error(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, TidingsError)
        status = status_of(exc)
        return error_response(status, str(exc) if status < 500 else "the server could not do this; see its log")

    async def http_error(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, HTTPException)
        message = "no such endpoint or page; the API is described at /openapi.json" if exc.status_code == 404 else str(exc.detail)
        return error_response(exc.status_code, message, headers=getattr(exc, "headers", None))

    async def invalid(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        detail = [{"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg", "")} for e in exc.errors()]
        return error_response(422, "the request's parameters are not valid: " + "; ".join(f"{d['where']}: {d['problem']}" for d in detail), detail)

    async def unexpected(_: Request, exc: Exception) -> JSONResponse:
        return error_response(500, "the server could not do this; see its log")

    app.add_exception_handler(ApiError, api_error)
    app.add_exception_handler(TidingsError, tidings_error)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(Exception, unexpected)


class SecurityHeaders:
    """ASGI middleware adding :data:`SECURITY_HEADERS` to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in SECURITY_HEADERS if h[0] not in names]
            await send(message)

        await self.app(scope, receive, with_headers)


def host_name(header: str) -> str:
    """The host of a Host header, without the port (``[::1]:8000`` -> ``[::1]``)."""
    h = header.strip().lower()
    if h.startswith("["):
        return h[: h.find("]") + 1] if "]" in h else h
    return h.rsplit(":", 1)[0] if h.count(":") == 1 else h


class HostCheck:
    """ASGI middleware answering 400 (in the API's error shape) to a request whose Host header
    is not an allowed name: a loopback server must not answer pages that DNS-rebound a name."""

    def __init__(self, app: ASGIApp, allowed: tuple[str, ...]) -> None:
        self.app = app
        self.allowed = frozenset(a.lower() for a in allowed)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            raw = next((v for k, v in scope.get("headers", []) if k == b"host"), b"")
            name = host_name(raw.decode("latin-1"))
            if name not in self.allowed:
                response = error_response(400, f"host {name!r} is not served here; use http://127.0.0.1 or http://localhost (or start with --host NAME)")
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)
