"""The web app and JSON API: paste or upload an article, or name its URL, and get its fact sheet or its report;
compare several articles on one story (`web.compare`); browse a corpus store (`web.browse`).

`create_app()` builds the FastAPI application; `newsfacts serve` runs it under uvicorn with the HTTP protocol
of `web.protocol`. Articles are read and analysed in worker processes (`web.lanes`), long ones apart from
the rest, so this process only answers requests: small requests and /api/health are answered while a long
or pathological article is analysed. Reports made from the page are kept in memory, a bounded number,
each at a random address that can be shared. Every API error is a JSON `{"error": reason}`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import anyio
from cachetools import LRUCache
from fastapi import Depends, FastAPI, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response
from fastapi_offline import FastAPIOffline
from starlette.exceptions import HTTPException as StarletteHTTPException

from . import __version__
from .fetch import GUARDED, FetchPolicy
from .ingest import without_surrogates
from .nlp import DEFAULT_MODEL
from .schema import FactSheet
from .sheet import DEFAULT_STAGES, Stage
from .web import browse, compare, pages, work
from .web.jobs import (
    ERROR_RESPONSES,
    MAX_FETCHES,
    ExtractRequest,
    analyse,
    analyse_sized,
    chosen_input,
    form_date,
    job_from,
    keep_report,
    read_upload,
    utf8_body,
)
from .web.lanes import DEFAULT_TIMEOUT, Lanes
from .web.protocol import AccessLog, BodyLimit, CatchErrors, error_response, short

DEFAULT_MAX_BODY = 2_000_000
# Reports kept for their shareable address, by their gzipped size (a report is 0.4 MB, most of it Plotly):
# about 500 reports, the oldest-read forgotten first, all of them lost when the server stops.
DEFAULT_REPORT_MEMORY = 200_000_000
JSON_TYPES = ("application/json",)
# Validation errors listed in one reason; a body with thousands of wrong keys gets a count of the rest.
MAX_LISTED_ERRORS = 5


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
        return pages.script("index.js")

    @app.get("/form.js", include_in_schema=False)
    async def form_script() -> Response:
        return pages.script("form.js")

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
        published_on = form_date(published)
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
        return keep_report(request, page)

    @app.get("/report/{report_id}", response_class=HTMLResponse, responses={404: {"description": "not kept"}})
    async def kept_report(report_id: str, request: Request) -> Response:
        """A report made from the page, while the server keeps it."""
        page = request.app.state.reports.get(report_id)
        if page is None:
            raise HTTPException(404, "this report is not kept any more: reports live in the server's memory, "
                                     "the latest few hundred, until it restarts; make it again from the form")
        return pages.report_response(request, page)

    app.include_router(browse.router(corpus, lambda size, *args: analyse_sized(app, size, *args)))
    app.include_router(compare.router(corpus=settings.store is not None))  # one story, several articles
    return app


STORE_RESPONSES: dict[int | str, dict[str, Any]] = {
    404: {"description": "the server runs without a store", "content": {"application/json": {"example": {"error": "…"}}}},
    503: {"description": "the store cannot be read (a batch may be writing it)"},
}
