"""The story part of the web app: `POST /api/compare` (articles in, story sheet out) and the page at
`/compare` to paste, upload or name several articles and see the story report."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Annotated

import anyio
from fastapi import FastAPI, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, ConfigDict, Field

from ..schema import FactSheet
from ..server import ERROR_RESPONSES, ExtractRequest, analyse, job_from, publication_date, read_upload
from ..web import work
from .compare import compare
from .sheet import StorySheet

# Articles one request may compare: each is analysed in full, and a story of more is a corpus job
# (`newsfacts batch`, then `newsfacts stories`).
MAX_ARTICLES = 30


class CompareArticle(ExtractRequest):
    outlet: str | None = Field(None, description="the outlet that published it")


class CompareRequest(BaseModel):
    """Several articles on one story for `POST /api/compare`."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"articles": [
        {"text": "The mayor said on Monday that the bridge would reopen in May.", "outlet": "Daily One",
         "published": "2025-09-10"},
        {"text": "The bridge will reopen in June, the mayor said.", "outlet": "Daily Two",
         "published": "2025-09-11"}]}]})

    articles: list[CompareArticle] = Field(min_length=2, max_length=MAX_ARTICLES)
    id: str | None = Field(None, description="an id for the story sheet; `story` when left out")


def add_story_routes(app: FastAPI) -> None:
    async def sheets_of(request: Request, articles: list[tuple]) -> list:
        sheets = []
        for number, (text, html, url, published, title, outlet) in enumerate(articles, start=1):
            try:
                published_on = publication_date(published or None)
            except ValueError as error:
                raise HTTPException(422, str(error)) from None
            job = await job_from(request.app, text, html, url, f"article-{number}", published_on, title or None)
            sheet = FactSheet.model_validate_json(await analyse(request.app, work.sheet_json, job))
            sheets.append(sheet.model_copy(update={"outlet": outlet}) if outlet else sheet)
        return sheets

    @app.post("/api/compare", response_model=StorySheet, responses=ERROR_RESPONSES)
    async def compare_articles(body: CompareRequest, request: Request) -> StorySheet:
        """The story sheet of several articles on one story: facts that agree or disagree, quotes whose wording
        drifts, who cites whom, who carried what first, and each article's own inconsistencies."""
        sheets = await sheets_of(request, [(a.text, a.html, a.url, a.published, a.title, a.outlet)
                                           for a in body.articles])
        sheets = [sheet.model_copy(update={"id": article.id}) if article.id else sheet
                  for sheet, article in zip(sheets, body.articles)]
        return compare(sheets, body.id or "story")

    @app.get("/compare", response_class=HTMLResponse, include_in_schema=False)
    async def compare_page() -> HTMLResponse:
        return HTMLResponse(files("newsfacts").joinpath("web", "compare.html").read_text(encoding="utf-8"))

    @app.post("/compare-report", response_class=HTMLResponse, responses=ERROR_RESPONSES)
    async def compare_report(
        request: Request,
        text: Annotated[list[str], Form(description="articles pasted as text")] = [],  # noqa: B006
        outlet: Annotated[list[str], Form(description="the outlet of each pasted article")] = [],  # noqa: B006
        published: Annotated[list[str], Form(description="the date of each pasted article")] = [],  # noqa: B006
        file: Annotated[list[UploadFile], File(description=".txt or .html files")] = [],  # noqa: B006
        urls: Annotated[str, Form(description="web addresses, one per line")] = "",
    ) -> HTMLResponse:
        """The HTML story report of the articles given on the page's form."""
        articles = [(body.strip(), None, None, (published[n:n + 1] or [""])[0], "", (outlet[n:n + 1] or [""])[0])
                    for n, body in enumerate(text) if body.strip()]
        for upload in file:
            if upload.filename:
                read = await read_upload(upload)
                articles.append((read.text, read.html, None, "", Path(upload.filename).stem, ""))
        articles += [(None, None, url.strip(), "", "", "") for url in urls.splitlines() if url.strip()]
        if len(articles) < 2:
            raise HTTPException(422, "a story needs at least two articles: paste, upload or name two or more")
        if len(articles) > MAX_ARTICLES:
            raise HTTPException(413, f"at most {MAX_ARTICLES} articles at a time")
        sheets = await sheets_of(request, articles)
        from ..render.story import render_story_html

        return HTMLResponse(await anyio.to_thread.run_sync(render_story_html, compare(sheets)))
