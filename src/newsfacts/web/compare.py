"""Several articles on one story, on the web: the page at /compare to paste, upload or name them, its story
report (kept at /report/<id> like an article's report), and `POST /api/compare` (articles in, story sheet
out). Each article is read and analysed in the worker lanes, and so are the comparison and its page."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from ..stories.sheet import StorySheet
from . import pages, work
from .jobs import ERROR_RESPONSES, ExtractRequest, analyse, analyse_sized, form_date, job_from, keep_report
from .jobs import read_upload, utf8_body

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


def router(corpus: bool) -> APIRouter:
    """The story routes; `corpus` says whether the server has a store (for the pages' navigation)."""
    routes = APIRouter()

    async def analysed(request: Request, jobs: list[work.Job]) -> list[str]:
        """The fact sheets (as JSON) of the articles, each analysed in the lane for its size."""
        return [(await analyse(request.app, work.sheet_json, job)).decode("utf-8") for job in jobs]

    @routes.post("/api/compare", response_model=StorySheet, responses=ERROR_RESPONSES,
                 dependencies=[Depends(utf8_body)])
    async def compare_articles(body: CompareRequest, request: Request) -> Response:
        """The story sheet of several articles on one story: facts that agree or disagree, quotes whose wording
        drifts, who cites whom, who carried what first, and each article's own inconsistencies."""
        # Every article gets an id of its own (two pages fetched may share their URL's last segment).
        jobs = [await job_from(request.app, article.text, article.html, article.url, article.id or f"article-{number}",
                               article.published, article.title, outlet=article.outlet,
                               sheet_id=article.id or f"article-{number}")
                for number, article in enumerate(body.articles, start=1)]
        sheets = await analysed(request, jobs)
        story = await analyse_sized(request.app, sum(job.size for job in jobs), work.story_json, sheets,
                                    body.id or "story")
        return Response(story, media_type="application/json")

    @routes.get("/compare", response_class=HTMLResponse, include_in_schema=False)
    async def compare_page() -> HTMLResponse:
        return pages.page("compare.html.j2", page="compare", corpus=corpus, max_articles=MAX_ARTICLES)

    @routes.get("/compare.js", include_in_schema=False)
    async def compare_script() -> Response:
        return pages.script("compare.js")

    @routes.post("/compare-report", responses={**ERROR_RESPONSES, 303: {"description": "the report's address"}})
    async def compare_report(
        request: Request,
        text: Annotated[list[str], Form(description="articles pasted as text")] = [],  # noqa: B006
        outlet: Annotated[list[str], Form(description="the outlet of each pasted article")] = [],  # noqa: B006
        published: Annotated[list[str], Form(description="the date of each pasted article")] = [],  # noqa: B006
        file: Annotated[list[UploadFile], File(description=".txt or .html files")] = [],  # noqa: B006
        urls: Annotated[str, Form(description="web addresses, one per line")] = "",
    ) -> Response:
        """The story report of the articles given on the page's form, kept in memory at `/report/<id>` as an
        article's report is: a browser is sent there (303), a script asking for JSON gets `{"id", "url"}`."""
        pasted = [(body.strip(), (outlet[n:n + 1] or [""])[0].strip(), (published[n:n + 1] or [""])[0])
                  for n, body in enumerate(text) if body.strip()]
        uploads = [upload for upload in file if upload.filename]
        addresses = [url.strip() for url in urls.splitlines() if url.strip()]
        given = len(pasted) + len(uploads) + len(addresses)
        if given < 2:
            raise HTTPException(422, "a story needs at least two articles: paste, upload or name two or more")
        if given > MAX_ARTICLES:
            raise HTTPException(413, f"at most {MAX_ARTICLES} articles at a time")
        jobs: list[work.Job] = []

        def next_id() -> str:
            return f"article-{len(jobs) + 1}"

        for body, outlet_name, day in pasted:
            jobs.append(await job_from(request.app, body, None, None, next_id(), form_date(day), None,
                                       outlet=outlet_name or None))
        for upload in uploads:
            read = await read_upload(upload)  # an untitled article is named by its file
            jobs.append(await job_from(request.app, read.text, read.html, None, next_id(), None,
                                       Path(upload.filename).stem, read.warnings))
        for address in addresses:
            jobs.append(await job_from(request.app, None, None, address, next_id(), None, None, sheet_id=next_id()))
        sheets = await analysed(request, jobs)
        page = await analyse_sized(request.app, sum(job.size for job in jobs), work.story_report, sheets, "story")
        return keep_report(request, page)

    return routes
