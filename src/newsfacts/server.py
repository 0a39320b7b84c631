"""The web app and JSON API: paste or upload an article, or name its URL, and get its fact sheet or its report.

`create_app()` builds the FastAPI application; `newsfacts serve` runs it under uvicorn with the HTTP protocol
of `web.protocol`. Articles are read and analysed in worker processes (`web.lanes`), long ones apart from
the rest, so this process only answers requests: small requests and /api/health are answered while a long
or pathological article is analysed. Reports made from the page are kept in memory, a bounded number,
each at a random address that can be shared. Every API error is a JSON `{"error": reason}`.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import anyio
from cachetools import LRUCache
from fastapi import Depends, FastAPI, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi_offline import FastAPIOffline
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from starlette.exceptions import HTTPException as StarletteHTTPException

from . import __version__
from .fetch import GUARDED, FetchError, FetchPolicy, FetchRefused, fetch
from .ingest import HTML_SUFFIXES, ArticleTooLong, IngestError, decode_bytes, looks_like_html, without_surrogates
from .nlp import DEFAULT_MODEL
from .schema import FactSheet
from .sheet import DEFAULT_STAGES, Stage
from .web import browse, pages, work
from .web.lanes import DEFAULT_TIMEOUT, Busy, Lanes, TookTooLong, WorkerDied
from .web.protocol import AccessLog, BodyLimit, CatchErrors, error_response, short

DEFAULT_MAX_BODY = 2_000_000
# Reports kept for their shareable address, by their gzipped size (a report is 0.4 MB, most of it Plotly):
# about 500 reports, the oldest-read forgotten first, all of them lost when the server stops.
DEFAULT_REPORT_MEMORY = 200_000_000
# Pages fetched at once for requests naming a URL; more are told to come back (a slow site holds a thread
# for up to the fetch time limit, and threads also read uploads and the store).
MAX_FETCHES = 8
# Upload types the page accepts; browsers label .txt and .html files with these.
TEXT_UPLOAD_TYPES = {"text/plain", "text/html", "application/xhtml+xml", "text/markdown"}
JSON_TYPES = ("application/json",)
ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d")
# The form's inputs, one of which the page sends (`source` names it).
INPUTS = {"text": "pasted text", "file": "a file", "url": "a web address"}
# Validation errors listed in one reason; a body with thousands of wrong keys gets a count of the rest.
MAX_LISTED_ERRORS = 5


def publication_date(value: str | None) -> str | None:
    """A YYYY-MM-DD date, read whole (no time or other text after it), or None when empty."""
    value = (value or "").strip()
    if not value:
        return None
    if not ISO_DATE.fullmatch(value):
        raise ValueError(f"the publication date {short(value)!r} is not a YYYY-MM-DD date")
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise ValueError(f"the publication date {value!r} is not a day of the calendar") from None


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

    @field_validator("title", "id")
    @classmethod
    def clean_text(cls, value: str | None) -> str | None:
        return value if value is None else without_surrogates(value)

    @field_validator("published")
    @classmethod
    def whole_date(cls, value: str | None) -> str | None:
        return publication_date(value)

    @model_validator(mode="after")
    def one_source(self) -> ExtractRequest:
        given = [name for name in ("text", "html", "url") if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError(f"give exactly one of `text`, `html` or `url` (got {', '.join(given) or 'none'})")
        return self


@dataclass
class Settings:
    model: str = DEFAULT_MODEL
    store: Path | None = None
    fetch_policy: FetchPolicy = GUARDED
    workers: int = 1
    long_workers: int = 1
    timeout: float = DEFAULT_TIMEOUT
    stages: tuple[tuple[str, Stage], ...] = tuple(DEFAULT_STAGES)
    report_memory: int = DEFAULT_REPORT_MEMORY

    @property
    def analysis(self) -> work.Analysis:
        return work.Analysis(self.model, self.stages)


def validation_reason(error: RequestValidationError) -> str:
    """One readable line from pydantic's list of validation errors (the first few, and how many more)."""
    parts = []
    errors = error.errors()
    for item in errors[:MAX_LISTED_ERRORS]:
        if item["type"] == "json_invalid":
            return f"malformed JSON at character {item['loc'][-1]}: {item.get('ctx', {}).get('error', item['msg'])}"
        where = ".".join(str(part) for part in item["loc"][1:])
        message = short(str(item["msg"]).removeprefix("Value error, "))
        parts.append(f"{where}: {message}" if where else message)
    if len(errors) > MAX_LISTED_ERRORS:
        parts.append(f"and {len(errors) - MAX_LISTED_ERRORS:,} more")
    return "; ".join(parts) or "the request is not valid"


def create_app(
    model: str = DEFAULT_MODEL,
    store: Path | str | None = None,
    max_body: int = DEFAULT_MAX_BODY,
    fetch_policy: FetchPolicy = GUARDED,
    workers: int = 1,
    long_workers: int = 1,
    timeout: float = DEFAULT_TIMEOUT,
    stages: tuple[tuple[str, Stage], ...] = tuple(DEFAULT_STAGES),
    report_memory: int = DEFAULT_REPORT_MEMORY,
) -> FastAPI:
    """The newsfacts web app. `store` is a DuckDB corpus to browse; `fetch_policy` decides which URLs the
    server may fetch (public addresses only, by default); `workers` processes analyse ordinary articles and
    `long_workers` long ones, each stopped after `timeout` seconds; `stages` are the pipeline's."""
    settings = Settings(model, Path(store) if store else None, fetch_policy, workers, long_workers, timeout, stages,
                        report_memory)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.lanes = Lanes(settings.model, settings.workers, settings.long_workers, settings.timeout)
        app.state.fetches = anyio.CapacityLimiter(MAX_FETCHES)
        app.state.reports = LRUCache(maxsize=settings.report_memory, getsizeof=lambda page: len(page.body))
        try:
            await app.state.lanes.start()
            yield
        finally:
            app.state.lanes.stop()

    # The docs pages load Swagger UI from the installed package, not a CDN: the server may run offline.
    app = FastAPIOffline(
        title="newsfacts",
        version=__version__,
        summary="Fact sheets of news articles: entities, quotes and speakers, times, relations, checks.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    corpus = browse.Corpus(settings.store)
    app.add_middleware(BodyLimit, max_body=max_body)
    app.add_middleware(CatchErrors)
    app.add_middleware(AccessLog)  # added last, so outermost: it sees every answer, the 500s included

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        if isinstance(error.__cause__, UnicodeDecodeError):  # FastAPI's vague "error parsing the body"
            return error_response(422, f"malformed JSON: byte {error.__cause__.start} is not UTF-8 text")
        headers = dict(error.headers or {})
        if pages.wants_page(request):
            return pages.error_page(error.status_code, str(error.detail), headers)
        return error_response(error.status_code, str(error.detail), headers)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> Response:
        media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if request.url.path.startswith("/api/") and request.method == "POST" and not (
            media_type in JSON_TYPES or media_type.endswith("+json")
        ):
            return error_response(415, f"send the body as JSON (Content-Type: application/json), not {media_type or 'no type'}")
        if pages.wants_page(request):
            return pages.error_page(422, validation_reason(error))
        return error_response(422, validation_reason(error))

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def index() -> HTMLResponse:
        return pages.index_page(corpus=settings.store is not None)

    @app.get("/index.js", include_in_schema=False)
    async def index_script() -> Response:
        return pages.index_script()

    @app.get("/api/health")
    async def health() -> dict[str, Any]:
        return {"status": "ok", "version": __version__, "model": settings.model, "store": bool(settings.store)}

    @app.post("/api/extract", response_model=FactSheet, responses=ERROR_RESPONSES, dependencies=[Depends(utf8_body)])
    async def extract_sheet(body: ExtractRequest, request: Request) -> Response:
        """The fact sheet of one article, given as text, as an HTML page, or as the URL of a public page."""
        job = await job_from(request.app, body.text, body.html, body.url, body.id or "article",
                             body.published, body.title)
        sheet = await analyse(request.app, work.sheet_json, job)
        return Response(sheet, media_type="application/json")

    @app.get("/api/articles", responses=STORE_RESPONSES)
    async def list_articles(
        limit: Annotated[int, Query(ge=1, le=1000)] = 100, offset: Annotated[int, Query(ge=0)] = 0
    ) -> list[dict[str, Any]]:
        """The articles in the store, newest first, with how many entities and quotes each has."""
        return await corpus.query(browse.ARTICLES_SQL, {"limit": limit, "offset": offset})

    @app.get("/api/quotes", responses=STORE_RESPONSES)
    async def list_quotes(
        speaker: Annotated[str | None, Query(description="a person's name, or any name an article uses for them")] = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    ) -> list[dict[str, Any]]:
        """Quotes in the store: every quote of one speaker (by name or alias), or the latest quotes."""
        if speaker:
            return await corpus.query(f"{browse.QUOTES_BY} LIMIT $limit",
                                            {"person": speaker, "limit": limit})
        return await corpus.query(browse.LATEST_QUOTES_SQL, {"limit": limit})

    @app.post("/report", responses={**ERROR_RESPONSES, 303: {"description": "the report's address"}})
    async def report(
        request: Request,
        source: Annotated[str, Form(description="which input to read: text, file or url")] = "",
        text: Annotated[str, Form(description="the article as plain text")] = "",
        file: Annotated[UploadFile | None, File(description="a .txt or .html file")] = None,
        url: Annotated[str, Form(description="an http(s) URL of a public news page")] = "",
        published: Annotated[str, Form(description="publication date YYYY-MM-DD")] = "",
        title: Annotated[str, Form()] = "",
    ) -> Response:
        """Make the HTML report of one article from the page's form. The report is kept in memory at
        `/report/<id>`; a script asking for JSON gets `{"id", "url"}`, a browser is sent there (303)."""
        chosen = chosen_input(source, text, file, url)
        try:
            published_on = publication_date(published)
        except ValueError as error:
            raise HTTPException(422, str(error)) from None
        article_id, pasted, page_html, address, warnings = "article", None, None, None, ()
        if chosen == "text":
            pasted = text.strip()
        elif chosen == "file":
            upload = await read_upload(file)
            pasted, page_html, warnings = upload.text, upload.html, upload.warnings
            article_id = Path(file.filename).stem or article_id
        else:
            address = url.strip()
        job = await job_from(request.app, pasted, page_html, address, article_id, published_on,
                             without_surrogates(title.strip()) or None, warnings)
        page = await analyse(request.app, work.report_page, job)
        report_id = secrets.token_urlsafe(16)
        request.app.state.reports[report_id] = page
        kept_at = f"/report/{report_id}"
        if "application/json" in request.headers.get("accept", ""):
            return JSONResponse({"id": report_id, "url": kept_at}, status_code=201, headers={"Location": kept_at})
        return RedirectResponse(kept_at, status_code=303)

    @app.get("/report/{report_id}", response_class=HTMLResponse, responses={404: {"description": "not kept"}})
    async def kept_report(report_id: str, request: Request) -> Response:
        """A report made from the page, while the server keeps it."""
        page = request.app.state.reports.get(report_id)
        if page is None:
            raise HTTPException(404, "this report is not kept any more: reports live in the server's memory, "
                                     "the latest few hundred, until it restarts; make it again from the form")
        return pages.report_response(request, page)

    app.include_router(browse.router(corpus, lambda size, *args: analyse_sized(app, size, *args)))

    from .stories.web import add_story_routes  # several articles on one story: /compare, /api/compare

    add_story_routes(app)
    return app


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {"description": reason, "content": {"application/json": {"example": {"error": reason}}}}
    for code, reason in (
        (400, "the URL was refused (not http(s), or not a public address)"),
        (413, "the body or the article is too large"),
        (415, "not JSON, or an upload that is not text"),
        (422, "malformed JSON, or no article in it"),
        (502, "the URL could not be fetched"),
        (503, "the server is busy with other articles, or fetching too many pages; try again later"),
        (504, "the analysis took over the time limit and was stopped"),
    )
}


STORE_RESPONSES: dict[int | str, dict[str, Any]] = {
    404: {"description": "the server runs without a store", "content": {"application/json": {"example": {"error": "…"}}}},
    503: {"description": "the store cannot be read (a batch may be writing it)"},
}


async def utf8_body(request: Request) -> None:
    """Refuse a JSON body that is not UTF-8 throughout: Python's JSON reader lets encoded surrogates through."""
    try:
        (await request.body()).decode("utf-8")
    except UnicodeDecodeError as error:
        raise HTTPException(422, f"malformed JSON: byte {error.start} is not UTF-8 text") from None


def chosen_input(source: str, text: str, file: UploadFile | None, url: str) -> str:
    """Which of the form's inputs to read: the one `source` names, or else the only one filled in."""
    filled = {"text": bool(text.strip()), "file": bool(file is not None and file.filename), "url": bool(url.strip())}
    if source:
        if source not in INPUTS:
            raise HTTPException(422, f"source must be one of {', '.join(INPUTS)}, not {short(source)!r}")
        if not filled[source]:
            raise HTTPException(422, f"no article: the {INPUTS[source]} field is empty")
        return source
    given = [name for name, on in filled.items() if on]
    if len(given) > 1:
        raise HTTPException(422, f"give one article: {' and '.join(INPUTS[name] for name in given)} were both sent")
    if not given:
        raise HTTPException(422, "no article: paste its text, upload a file or give a URL")
    return given[0]


@dataclass(frozen=True)
class Upload:
    """An uploaded file read as text: its article as plain text or as a page, and what decoding it found
    (a legacy encoding detected), which goes to the sheet's warnings."""

    text: str | None
    html: str | None
    warnings: tuple[str, ...]


async def read_upload(upload: UploadFile) -> Upload:
    """An uploaded file as text or HTML; refuses binary files and types that are not text."""
    name = upload.filename or "upload"
    media_type = (upload.content_type or "").split(";")[0].strip().lower()
    if media_type and media_type not in TEXT_UPLOAD_TYPES and media_type != "application/octet-stream":
        raise HTTPException(415, f"{short(name)} is {short(media_type)}, not an article; upload .txt or .html")
    data = await upload.read()
    if not data.strip():
        raise HTTPException(422, f"{short(name)}: the file is empty")
    try:
        decoded = decode_bytes(data, name)
    except IngestError as error:  # binary, a document, or bytes no encoding fits
        raise HTTPException(415, str(error)) from None
    is_page = (media_type in {"text/html", "application/xhtml+xml"} or Path(name).suffix.lower() in HTML_SUFFIXES
               or looks_like_html(decoded.text))
    if is_page:
        return Upload(None, decoded.text, decoded.warnings)
    return Upload(decoded.text, None, decoded.warnings)


async def job_from(app: FastAPI, text: str | None, html: str | None, url: str | None, article_id: str,
                   published: str | None, title: str | None, warnings: tuple[str, ...] = ()) -> work.Job:
    """The job for whichever input was given; a URL's page is downloaded here (in a thread of its own pool), and
    everything is read into an article by the worker (trafilatura can take long on a hostile page)."""
    if url is not None:
        if not app.state.fetches.available_tokens:
            raise HTTPException(503, f"the server is fetching {MAX_FETCHES} pages already; try again shortly",
                                headers={"Retry-After": "10"})
        try:
            page = await anyio.to_thread.run_sync(fetch, url, app.state.settings.fetch_policy,
                                                  limiter=app.state.fetches)
        except FetchRefused as error:
            raise HTTPException(400, str(error)) from None
        except FetchError as error:
            raise HTTPException(502, str(error)) from None
        return work.Job(article_id, page=page, url=url, published=published, title=title)
    return work.Job(article_id, text=text, html=html, published=published, title=title, warnings=warnings)


def ingest_http_error(error: IngestError) -> HTTPException:
    return HTTPException(413 if isinstance(error, ArticleTooLong) else 422, str(error))


async def analyse(app: FastAPI, function: Any, job: work.Job) -> Any:
    return await analyse_sized(app, job.size, function, job, app.state.settings.analysis)


async def analyse_sized(app: FastAPI, size: int, function: Any, *args: Any) -> Any:
    """Run a worker function in the lane for an article of `size` characters; its failures as HTTP errors."""
    try:
        return await app.state.lanes.run(size, function, *args)
    except Busy as error:
        raise HTTPException(503, str(error), headers={"Retry-After": "30"}) from None
    except TookTooLong as error:
        raise HTTPException(504, str(error)) from None
    except WorkerDied as error:
        raise HTTPException(500, str(error)) from None
    except IngestError as error:
        raise ingest_http_error(error) from None
    except Exception as error:  # a failing stage becomes a JSON error, not a dropped connection
        raise HTTPException(500, f"the analysis failed: {type(error).__name__}: {error}") from None
