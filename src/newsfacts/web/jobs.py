"""What a request gives becomes a job for the worker lanes: the article inputs read and checked (the form's
one chosen input, an upload decoded, a URL's page downloaded here), then run in the lane for its size with
its failures answered as HTTP errors. The article routes (`server.py`) and the story routes
(`web/compare.py`) both read articles this way."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import anyio
from fastapi import FastAPI, HTTPException, Request, UploadFile
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..fetch import FetchError, FetchRefused, fetch
from ..ingest import HTML_SUFFIXES, ArticleTooLong, IngestError, decode_bytes, looks_like_html, without_surrogates
from . import work
from .lanes import Busy, TookTooLong, WorkerDied
from .protocol import short

# Pages fetched at once for requests naming a URL; more are told to come back (a slow site holds a thread
# for up to the fetch time limit, and threads also read uploads and the store).
MAX_FETCHES = 8
# Upload types the page accepts; browsers label .txt and .html files with these.
TEXT_UPLOAD_TYPES = {"text/plain", "text/html", "application/xhtml+xml", "text/markdown"}
ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d")
# The form's inputs, one of which the page sends (`source` names it).
INPUTS = {"text": "pasted text", "file": "a file", "url": "a web address"}


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
                   published: str | None, title: str | None, warnings: tuple[str, ...] = (),
                   outlet: str | None = None, sheet_id: str | None = None) -> work.Job:
    """The job for whichever input was given; a URL's page is downloaded here (in a thread of its own pool), and
    everything is read into an article by the worker (trafilatura can take long on a hostile page).
    `article_id` names pasted text or a page given whole; `sheet_id` is set over any article's own id."""
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
        return work.Job(article_id, page=page, url=url, published=published, title=title, outlet=outlet,
                        sheet_id=sheet_id)
    return work.Job(article_id, text=text, html=html, published=published, title=title, warnings=warnings,
                    outlet=outlet, sheet_id=sheet_id)


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


def form_date(value: str) -> str | None:
    """A form's publication date, or a 422 saying what is wrong with it."""
    try:
        return publication_date(value)
    except ValueError as error:
        raise HTTPException(422, str(error)) from None


def keep_report(request: Request, page: work.Page) -> Response:
    """Keep a report made from a form at a random address: a browser is sent there (303), a script asking for
    JSON gets `{"id", "url"}` (201)."""
    report_id = secrets.token_urlsafe(16)
    request.app.state.reports[report_id] = page
    kept_at = f"/report/{report_id}"
    if "application/json" in request.headers.get("accept", ""):
        return JSONResponse({"id": report_id, "url": kept_at}, status_code=201, headers={"Location": kept_at})
    return RedirectResponse(kept_at, status_code=303)
