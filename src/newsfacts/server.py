"""The web app and JSON API: paste or upload an article, or name its URL, and get its fact sheet.

`create_app()` builds the FastAPI application; `newsfacts serve` runs it under uvicorn. The spaCy
pipeline loads once, at start-up. Analysis runs in worker threads (at most `workers` at a time) so the
event loop keeps answering while a long article is analysed. Every error is a JSON `{"error": reason}`.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Annotated, Any

import anyio
from fastapi import FastAPI, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi_offline import FastAPIOffline
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from spacy.language import Language
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from . import __version__
from .fetch import GUARDED, FetchError, FetchPolicy, FetchRefused
from .ingest import (
    HTML_SUFFIXES,
    ArticleTooLong,
    IngestError,
    check_date,
    dated,
    decode,
    from_html,
    from_text,
    looks_like_html,
    read_url,
    without_surrogates,
)
from .nlp import DEFAULT_MODEL, load_model
from .schema import Article, FactSheet
from .sheet import extract

DEFAULT_MAX_BODY = 2_000_000
# Upload types the page accepts; browsers label .txt and .html files with these.
TEXT_UPLOAD_TYPES = {"text/plain", "text/html", "application/xhtml+xml", "text/markdown"}
JSON_TYPES = ("application/json",)


class ExtractRequest(BaseModel):
    """One article for `POST /api/extract`: exactly one of `text`, `html` or `url`."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"text": "The mayor said on Monday that the bridge would reopen.",
                                         "published": "2025-09-10"}]},
    )

    text: str | None = Field(None, description="the article as plain text")
    html: str | None = Field(None, description="the article's web page; its main text is extracted")
    url: str | None = Field(None, description="an http(s) URL of a public news page, fetched by the server")
    published: str | None = Field(None, description="publication date YYYY-MM-DD; times are read against it")
    title: str | None = None
    id: str | None = Field(None, description="an id for the sheet; `article` when left out")

    @field_validator("title", "id", "published")
    @classmethod
    def clean_text(cls, value: str | None) -> str | None:
        return value if value is None else without_surrogates(value)

    @model_validator(mode="after")
    def one_source(self) -> ExtractRequest:
        given = [name for name in ("text", "html", "url") if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError(f"give exactly one of `text`, `html` or `url` (got {', '.join(given) or 'none'})")
        return self


class BodyTooLarge(HTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request body is over the {limit:,}-byte limit")


class BodyLimit:
    """Refuse request bodies over `max_body` bytes: at once from Content-Length, or while the body
    streams in (a chunked upload declares no length). FastAPI's own `max_body_size` answers some of
    these in plain text; this one always answers JSON."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_body:
            await error_response(413, BodyTooLarge(self.max_body).detail)(scope, receive, send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    # FastAPI passes HTTPExceptions raised while reading the body on to the handlers.
                    raise BodyTooLarge(self.max_body)
            return message

        await self.app(scope, counted, send)


@dataclass
class Settings:
    model: str
    store: Path | None
    fetch_policy: FetchPolicy
    workers: int


def error_response(status: int, reason: str) -> JSONResponse:
    return JSONResponse({"error": reason}, status_code=status)


def validation_reason(error: RequestValidationError) -> str:
    """One readable line from pydantic's list of validation errors."""
    parts = []
    for item in error.errors():
        if item["type"] == "json_invalid":
            return f"malformed JSON at character {item['loc'][-1]}: {item.get('ctx', {}).get('error', item['msg'])}"
        where = ".".join(str(part) for part in item["loc"][1:])
        message = str(item["msg"]).removeprefix("Value error, ")
        parts.append(f"{where}: {message}" if where else message)
    return "; ".join(parts) or "the request is not valid"


def create_app(
    model: str = DEFAULT_MODEL,
    store: Path | str | None = None,
    max_body: int = DEFAULT_MAX_BODY,
    fetch_policy: FetchPolicy = GUARDED,
    workers: int = 2,
) -> FastAPI:
    """The newsfacts web app. `store` is a DuckDB corpus for the article and quote listings;
    `fetch_policy` decides which URLs the server may fetch (public addresses only, by default)."""
    settings = Settings(model, Path(store) if store else None, fetch_policy, workers)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.nlp = await anyio.to_thread.run_sync(load_model, settings.model)
        app.state.limiter = anyio.CapacityLimiter(settings.workers)
        app.state.zone = threading.Lock()
        yield

    # The docs pages load Swagger UI from the installed package, not a CDN: the server may run offline.
    app = FastAPIOffline(
        title="newsfacts",
        version=__version__,
        summary="Fact sheets of news articles: entities, quotes and speakers, times, relations, checks.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.add_middleware(BodyLimit, max_body=max_body)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> JSONResponse:
        if isinstance(error.__cause__, UnicodeDecodeError):  # FastAPI's vague "error parsing the body"
            return error_response(422, f"malformed JSON: byte {error.__cause__.start} is not UTF-8 text")
        return error_response(error.status_code, str(error.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> JSONResponse:
        media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if request.url.path.startswith("/api/") and request.method == "POST" and not (
            media_type in JSON_TYPES or media_type.endswith("+json")
        ):
            return error_response(415, f"send the body as JSON (Content-Type: application/json), not {media_type or 'no type'}")
        return error_response(422, validation_reason(error))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> JSONResponse:
        return error_response(500, f"internal error ({type(error).__name__})")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def index() -> HTMLResponse:
        return HTMLResponse(files("newsfacts").joinpath("web", "index.html").read_text(encoding="utf-8"))

    @app.get("/api/health")
    async def health() -> dict[str, Any]:
        return {"status": "ok", "version": __version__, "model": settings.model, "store": bool(settings.store)}

    @app.post("/api/extract", response_model=FactSheet, responses=ERROR_RESPONSES)
    async def extract_sheet(body: ExtractRequest, request: Request) -> FactSheet:
        """The fact sheet of one article, given as text, as an HTML page, or as the URL of a public page."""
        article = await article_from(body.text, body.html, body.url, body.id or "article", settings)
        article = with_metadata(article, body.published, body.title)
        return await analyse(request.app, article)

    @app.get("/api/articles", responses=STORE_RESPONSES)
    async def list_articles(
        limit: Annotated[int, Query(ge=1, le=1000)] = 100, offset: Annotated[int, Query(ge=0)] = 0
    ) -> list[dict[str, Any]]:
        """The articles in the store, newest first, with how many entities and quotes each has."""
        return await query_store(settings, ARTICLES_SQL, {"limit": limit, "offset": offset})

    @app.get("/api/quotes", responses=STORE_RESPONSES)
    async def list_quotes(
        speaker: Annotated[str | None, Query(description="a person's name, or any name an article uses for them")] = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    ) -> list[dict[str, Any]]:
        """Quotes in the store: every quote of one speaker (by name or alias), or the latest quotes."""
        if speaker:
            from .store import QUOTES_BY

            return await query_store(settings, f"{QUOTES_BY} LIMIT $limit", {"person": speaker, "limit": limit})
        return await query_store(settings, LATEST_QUOTES_SQL, {"limit": limit})

    @app.post("/report", response_class=HTMLResponse, responses=ERROR_RESPONSES)
    async def report(
        request: Request,
        text: Annotated[str, Form(description="the article as plain text")] = "",
        file: Annotated[UploadFile | None, File(description="a .txt or .html file")] = None,
        url: Annotated[str, Form(description="an http(s) URL of a public news page")] = "",
        published: Annotated[str, Form(description="publication date YYYY-MM-DD")] = "",
        title: Annotated[str, Form()] = "",
    ) -> HTMLResponse:
        """The HTML report of one article, from the page's form."""
        html, article_id = None, "article"
        if file is not None and file.filename:
            text, html = await read_upload(file)
            article_id = Path(file.filename).stem or article_id
        text = (text or "").strip() or None
        article = await article_from(text, html, url.strip() or None, article_id, settings)
        sheet = await analyse(request.app, with_metadata(article, published, title))
        from .render.html import render_html  # Plotly and Jinja load only when a report is asked for

        return HTMLResponse(await anyio.to_thread.run_sync(render_html, sheet, limiter=request.app.state.limiter))

    return app


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {"description": reason, "content": {"application/json": {"example": {"error": reason}}}}
    for code, reason in (
        (400, "the URL was refused (not http(s), or not a public address)"),
        (413, "the body or the article is too large"),
        (415, "not JSON, or an upload that is not text"),
        (422, "malformed JSON, or no article in it"),
        (502, "the URL could not be fetched"),
    )
}


STORE_RESPONSES: dict[int | str, dict[str, Any]] = {
    404: {"description": "the server runs without a store", "content": {"application/json": {"example": {"error": "…"}}}},
    503: {"description": "the store cannot be read (a batch may be writing it)"},
}
ARTICLES_SQL = """
    SELECT a.id, a.title, a.published, a.outlet, a.source,
           (SELECT count(*) FROM entities e WHERE e.article_id = a.id) AS entities,
           (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes
    FROM articles a
    ORDER BY a.published DESC NULLS LAST, a.id
    LIMIT $limit OFFSET $offset
"""
LATEST_QUOTES_SQL = """
    SELECT a.published, a.outlet, q.article_id, coalesce(e.name, q.speaker_name) AS speaker, q.kind, q.cue, q.text
    FROM quotes q
    JOIN articles a ON a.id = q.article_id
    LEFT JOIN entities e ON e.article_id = q.article_id AND e.id = q.speaker
    ORDER BY a.published DESC NULLS LAST, q.article_id, q.position
    LIMIT $limit
"""


async def query_store(settings: Settings, sql: str, parameters: dict[str, Any]) -> list[dict[str, Any]]:
    """Rows of a read-only query, as objects. The store opens per request, read-only, so that a batch
    can write it between requests (DuckDB lets one process write a file at a time)."""
    if settings.store is None:
        raise HTTPException(404, "this server has no store; start it with `newsfacts serve --store corpus.duckdb`")
    from .store import Store, StoreError

    def run() -> list[dict[str, Any]]:
        with Store(settings.store, read_only=True) as store:
            columns, rows = store.query(sql, parameters)
        return [dict(zip(columns, row)) for row in rows]

    try:
        return await anyio.to_thread.run_sync(run)
    except StoreError as error:
        raise HTTPException(503, f"the store cannot be read: {error}") from None


async def read_upload(upload: UploadFile) -> tuple[str | None, str | None]:
    """(text, html) of an uploaded file; refuses binary files and types that are not text."""
    name = upload.filename or "upload"
    media_type = (upload.content_type or "").split(";")[0].strip().lower()
    if media_type and media_type not in TEXT_UPLOAD_TYPES and media_type != "application/octet-stream":
        raise HTTPException(415, f"{name} is {media_type}, not an article; upload .txt or .html")
    data = await upload.read()
    if not data.strip():
        raise HTTPException(422, f"{name}: the file is empty")
    try:
        content = decode(data, name)
    except IngestError as error:  # binary, or text in an encoding other than UTF-8
        raise HTTPException(415, str(error)) from None
    if media_type in {"text/html", "application/xhtml+xml"} or Path(name).suffix.lower() in HTML_SUFFIXES:
        return None, content
    return (None, content) if looks_like_html(content) else (content, None)


async def article_from(
    text: str | None, html: str | None, url: str | None, article_id: str, settings: Settings
) -> Article:
    """The article from whichever input was given, with ingest errors as JSON errors."""
    try:
        if url is not None:
            return await anyio.to_thread.run_sync(read_url, url, settings.fetch_policy)
        if html is not None:
            return await anyio.to_thread.run_sync(from_html, html, article_id)
        if text is not None:
            return from_text(text, article_id)
    except FetchRefused as error:
        raise HTTPException(400, str(error)) from None
    except FetchError as error:
        raise HTTPException(502, str(error)) from None
    except ArticleTooLong as error:
        raise HTTPException(413, str(error)) from None
    except IngestError as error:
        raise HTTPException(422, str(error)) from None
    raise HTTPException(422, "no article: paste its text, upload a file or give a URL")


def with_metadata(article: Article, published: str | None, title: str | None) -> Article:
    try:
        published = check_date(published)
    except IngestError as error:
        raise HTTPException(422, str(error)) from None
    return dated(article, published).model_copy(update={"title": title or article.title})


def extract_in_zone(article: Article, nlp: Language, zone: threading.Lock) -> FactSheet:
    """The strings an article adds to the model's shared vocabulary are freed after it (a spaCy memory zone),
    so a long-running server does not grow; zones must not overlap, so articles are parsed one at a time."""
    with zone, nlp.memory_zone():
        return extract(article, nlp)


async def analyse(app: FastAPI, article: Article) -> FactSheet:
    """Run the pipeline in a worker thread; the limiter bounds how many articles are in memory at once."""
    try:
        return await anyio.to_thread.run_sync(extract_in_zone, article, app.state.nlp, app.state.zone,
                                              limiter=app.state.limiter)
    except Exception as error:  # a failing stage becomes a JSON error, not a dropped connection
        raise HTTPException(500, f"the analysis failed: {type(error).__name__}: {error}") from None
