"""The server's HTML pages other than the reports: the pages a reader starts from (one article, one story),
the corpus pages' frame, and the short page a browser gets for an error. Every page says in its headers what it may load (CSP) and that
no other site may frame it."""

from __future__ import annotations

import gzip
from functools import lru_cache
from importlib.resources import files

from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape

from ..render.dates import readable
from ..render.text import counted
from .protocol import page_headers, short
from .work import Page

# The server's own pages: a script from this server (the form's), no inline script, requests to this server.
PAGE_POLICY = ("default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; img-src data:; "
               "connect-src 'self'; form-action 'self'; base-uri 'none'")


@lru_cache(maxsize=1)
def templates() -> Environment:
    environment = Environment(loader=PackageLoader("newsfacts.web", "templates"),
                              autoescape=select_autoescape(default=True), trim_blocks=True, lstrip_blocks=True)
    environment.filters["counted"] = counted
    environment.filters["day"] = lambda value: readable(str(value)) if value else ""  # a DATE from the store
    return environment


def page(template: str, status_code: int = 200, headers: dict[str, str] | None = None, **values: object) -> HTMLResponse:
    html = templates().get_template(template).render(**values)
    return HTMLResponse(html, status_code=status_code, headers={**page_headers(PAGE_POLICY), **(headers or {})})


def wants_page(request: Request) -> bool:
    """A browser finding its way (not the API, not the page's script): it gets its errors as a page."""
    return not request.url.path.startswith("/api/") and "text/html" in request.headers.get("accept", "")


def error_page(status: int, reason: str, headers: dict[str, str] | None = None) -> HTMLResponse:
    return page("error.html.j2", status, headers, status=status, reason=short(reason))


def index_page(corpus: bool) -> HTMLResponse:
    return page("index.html.j2", corpus=corpus)


def script(name: str) -> Response:
    """One of the pages' own scripts (form.js, index.js, compare.js): the only scripts they may run."""
    text = files("newsfacts").joinpath("web", name).read_text(encoding="utf-8")
    return Response(text, media_type="text/javascript", headers={"X-Content-Type-Options": "nosniff"})


def report_response(request: Request, report: Page) -> Response:
    """A report page, sent gzipped to every client that takes it (all browsers do)."""
    headers = {**page_headers(report.policy), "Vary": "Accept-Encoding", "Cache-Control": "private, no-cache"}
    if "gzip" in request.headers.get("accept-encoding", ""):
        return Response(report.body, media_type="text/html; charset=utf-8",
                        headers={**headers, "Content-Encoding": "gzip"})
    return Response(gzip.decompress(report.body), media_type="text/html; charset=utf-8", headers=headers)
