"""The FastAPI app: JSON endpoints over the event store, and the web page.

Read endpoints run one at a time on the event loop over one store connection (the queries are
short and indexed); ``POST /extract`` runs the pipeline in a worker thread.
"""


from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..errors import ConfigError, StoreError
from ..pipeline import DEFAULT_STAGES
from ..query.filters import ACLED_TYPES, Filters, resolve_place
from ..store import DEFAULT_URL, Store, open_existing
from .errors import HostCheck, SecurityHeaders, install_error_handlers
from .extract import check_token, make_extractor, run_extract
from .queries import decode_cursor, document, encode_cursor, event_evidence, page_clusters, timeline_row

#: Host names a loopback server answers to (others are refused: DNS-rebinding defence).
LOOPBACK_HOSTS: tuple[str, ...] = ("127.0.0.1", "localhost", "::1", "[::1]")


@dataclass(frozen=True)
class ApiSettings:
    db: str = DEFAULT_URL
    allow_write: bool = False
    token: str | None = None
    #: Largest ``POST /extract`` body accepted (bytes).
    max_body: int = 2 * 1024 * 1024
    stages: tuple[str, ...] = DEFAULT_STAGES
    #: Host header values accepted; "*" accepts any.
    allowed_hosts: tuple[str, ...] = field(default=LOOPBACK_HOSTS)
    #: Most rows one events page or one timeline returns.
    max_page: int = 500
    max_timeline: int = 10_000


def web_dir() -> Path:
    return Path(str(resources.files("tidings.web")))


@dataclass(frozen=True)
class FilterParams:
    date_from: date | None
    date_to: date | None
    types: list[str]
    actor: str | None
    place: str | None
    country: str | None
    text: str | None
    disputed: bool

    def filters(self, store: Store) -> Filters:
        if self.place and self.country:
            raise StoreError("give place or country, not both")
        near = resolve_place(store.db, self.place) if self.place else None
        return Filters(
            self.date_from.isoformat() if self.date_from else None, self.date_to.isoformat() if self.date_to else None,
            tuple(t for t in self.types if t), self.actor or None, self.country or None, near, self.text or None, self.disputed,
        )


def filter_params(
    date_from: Annotated[date | None, Query(alias="from", description="events that end on or after this day (YYYY-MM-DD)")] = None,
    date_to: Annotated[date | None, Query(alias="to", description="events that begin on or before this day (YYYY-MM-DD)")] = None,
    type: Annotated[list[str], Query(description="ACLED event or sub-event type (repeatable)")] = [],  # noqa: B006
    actor: Annotated[str | None, Query(max_length=200, description="an actor whose name contains this (any case)")] = None,
    place: Annotated[str | None, Query(max_length=200, description="NAME[:KM] or LAT,LON[:KM] (default 25 km)")] = None,
    country: Annotated[str | None, Query(max_length=100, description="ISO code or English name")] = None,
    text: Annotated[str | None, Query(max_length=500, description="full-text search of the source documents")] = None,
    disputed: Annotated[bool, Query(description="only events whose sources disagree on a figure or date")] = False,
) -> FilterParams:
    return FilterParams(date_from, date_to, type, actor, place, country, text, disputed)


Params = Annotated[FilterParams, Depends(filter_params)]


def create_app(settings: ApiSettings | None = None) -> FastAPI:
    """The app over the store ``settings.db`` (opened now; closed when the app shuts down)."""
    cfg = settings or ApiSettings()
    if cfg.allow_write and not cfg.token:
        raise ConfigError("--allow-write needs --token T (or $TIDINGS_API_TOKEN): write endpoints always need a token")
    store = open_existing(cfg.db)
    extract = make_extractor(cfg.stages)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> Any:
        yield
        store.close()

    app = FastAPI(
        title="tidings", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
        description="Events extracted from news articles, merged across sources, with the sentences that support them.",
    )
    install_error_handlers(app)
    _routes(app, cfg, store, extract)
    app.mount("/static", StaticFiles(directory=web_dir()), name="static")
    if "*" not in cfg.allowed_hosts:
        app.add_middleware(HostCheck, allowed=cfg.allowed_hosts)
    app.add_middleware(SecurityHeaders)
    return app


def _routes(app: FastAPI, cfg: ApiSettings, store: Store, extract: Any) -> None:
    @app.get("/", include_in_schema=False)
    async def page() -> FileResponse:
        return FileResponse(web_dir() / "index.html", media_type="text/html; charset=utf-8")

    @app.get("/api/meta", summary="Store summary and the event types one can filter by")
    async def meta() -> JSONResponse:
        counts = {t: store.count(t) for t in ("documents", "events", "clusters")}
        return JSONResponse({"version": __version__, "counts": counts, "types": list(ACLED_TYPES), "extract": cfg.allow_write})

    @app.get("/api/events", summary="Event clusters matching the filters, in date order, one page at a time")
    async def events(
        params: Params,
        limit: Annotated[int, Query(ge=1, le=cfg.max_page, description="events per page")] = 50,
        cursor: Annotated[str | None, Query(max_length=2000, description="the `next` of the previous page")] = None,
    ) -> JSONResponse:
        after = decode_cursor(cursor) if cursor else None
        items, key = page_clusters(store.db, params.filters(store), limit=limit, after=after)
        return JSONResponse({"items": items, "next": encode_cursor(key) if key else None})

    @app.get("/api/timeline", summary="One compact row per event cluster matching the filters, in date order")
    async def timeline(
        params: Params,
        limit: Annotated[int, Query(ge=1, le=cfg.max_timeline)] = 2000,
    ) -> JSONResponse:
        items, key = page_clusters(store.db, params.filters(store), limit=limit)
        return JSONResponse({"items": [timeline_row(c) for c in items], "truncated": key is not None})

    @app.get("/api/events/{ident}", summary="One event cluster with each source's event, sentence, highlights and URL")
    async def event(ident: str) -> JSONResponse:
        return JSONResponse(event_evidence(store.db, ident))

    @app.get("/api/documents/{doc_id}", summary="One stored document with its contract-v1 record")
    async def doc(doc_id: str) -> JSONResponse:
        return JSONResponse(document(store.db, doc_id))

    @app.post(
        "/api/extract",
        summary="Extract a contract-v1 record from a text or HTML body (needs --allow-write and the bearer token)",
        openapi_extra={"requestBody": {"content": {
            "application/json": {"schema": {"type": "object", "properties": {
                "text": {"type": "string"}, "html": {"type": "string"}, "published": {"type": "string", "format": "date"},
                "title": {"type": "string"}, "url": {"type": "string"}}}},
            "text/plain": {"schema": {"type": "string"}}, "text/html": {"schema": {"type": "string"}}}}},
    )
    async def extract_endpoint(request: Request) -> JSONResponse:
        check_token(request, cfg.allow_write, cfg.token)
        return JSONResponse(await run_extract(request, extract, cfg.max_body))

    app.add_api_route("/extract", extract_endpoint, methods=["POST"], include_in_schema=False)
