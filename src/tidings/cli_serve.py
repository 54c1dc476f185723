"""``tidings serve``: the HTTP API and web page over a store (needs ``pip install 'tidings[api]'``).

FastAPI and uvicorn are imported only when the command runs, so the rest of the CLI works
without them.
"""

from __future__ import annotations

import argparse
import errno
import os
import socket
from typing import Any

from .errors import ConfigError
from .store import DEFAULT_URL

SERVE_EPILOG = """\
examples:
  tidings serve                                   ./tidings.db on http://127.0.0.1:8000/
  tidings serve --db sqlite:///events.db --port 8080
  TIDINGS_API_TOKEN=s3cret tidings serve --allow-write    also POST /api/extract, with the bearer token

The server binds to loopback unless --host says otherwise, and answers only to the host names
localhost, 127.0.0.1 and [::1] plus --host. Write endpoints are off unless --allow-write is
given with a token (--token or $TIDINGS_API_TOKEN). API description: /openapi.json.
exit codes: 0 stopped (Ctrl-C); 2 bad usage, a store that cannot be opened, an address that
cannot be listened on (port in use, or not allowed), or the API extra missing.
"""


def _port(s: str) -> int:
    try:
        n = int(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{s!r} is not a port number") from None
    if not 1 <= n <= 65535:
        raise argparse.ArgumentTypeError(f"{n} is not a port number from 1 to 65535")
    return n


def check_address(host: str, port: int) -> None:
    """Bind ``host:port`` once, as the server will, so that a port in use (or one this user
    may not take) is one line of error instead of the server's startup failure."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError) as exc:
        raise ConfigError(f"--host {host!r} is not an address of this machine ({exc}); give an IP address or a host name") from None
    for family, kind, proto, _, addr in infos:
        with socket.socket(family, kind, proto) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                sock.bind(addr)
            except OSError as exc:
                why = "the port is in use" if exc.errno == errno.EADDRINUSE else (exc.strerror or str(exc)).lower()
                raise ConfigError(f"cannot listen on {host}:{port}: {why}; choose another --port, or stop the program that uses it") from None


def add_serve_command(sub: Any) -> None:
    p = sub.add_parser(
        "serve", help="HTTP API and web page (timeline, map, evidence) over a store",
        description="Serve the store: JSON API with an OpenAPI description, and a web page.",
        epilog=SERVE_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--db", metavar="URL", default=os.environ.get("TIDINGS_DB") or DEFAULT_URL, help="sqlite:///PATH or postgresql://... (default: $TIDINGS_DB or sqlite:///tidings.db)")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, loopback only)")
    p.add_argument("--port", type=_port, default=8000, help="TCP port, 1-65535 (default: 8000)")
    p.add_argument("--allow-write", action="store_true", help="enable POST /api/extract (needs a token)")
    p.add_argument("--token", default=os.environ.get("TIDINGS_API_TOKEN"), metavar="T", help="bearer token for write endpoints (default: $TIDINGS_API_TOKEN)")
    p.add_argument("--access-log", action=argparse.BooleanOptionalAction, default=True, help="one line per request on stderr (default: on)")
    p.add_argument("--max-body", type=int, default=2 * 1024 * 1024, metavar="BYTES", help="largest POST /api/extract body (default: 2 MiB)")


def cmd_serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from .api import ApiSettings, create_app
        from .api.app import LOOPBACK_HOSTS
    except ImportError as exc:
        raise ConfigError(f"tidings serve needs the API extra ({exc.name} is missing): pip install 'tidings[api]'") from None
    hosts = LOOPBACK_HOSTS if args.host in LOOPBACK_HOSTS else (*LOOPBACK_HOSTS, args.host)
    if args.host in ("0.0.0.0", "::"):
        hosts = ("*",)
    settings = ApiSettings(db=args.db, allow_write=args.allow_write, token=args.token, max_body=args.max_body, allowed_hosts=hosts)
    app = create_app(settings)
    check_address(args.host, args.port)
    try:
        uvicorn.run(app, host=args.host, port=args.port, log_level="info", access_log=args.access_log, server_header=False)
    except SystemExit as exc:  # uvicorn's startup failure (it has logged why)
        if exc.code:
            raise ConfigError(f"the server could not start on {args.host}:{args.port} (see the error above); choose another --host or --port") from None
    return 0
