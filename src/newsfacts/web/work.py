"""What the server's analysis processes run: read one article, analyse it, and hand back its sheet as JSON
or its report page; compare several articles' sheets into a story sheet or its report page. Reading an HTML page, pasted, uploaded or downloaded, happens here too, as trafilatura
can take long on a hostile page; nothing CPU-heavy is left for the process that answers requests.

Each function takes plain, picklable values and runs in a worker process with the spaCy pipeline
loaded once (`load_model` caches it), one article at a time.
"""

from __future__ import annotations

import gzip
from collections.abc import Sequence
from dataclasses import dataclass

from ..fetch import Page as Download
from ..ingest import dated, from_html, from_text, read_fetched
from ..nlp import DEFAULT_MODEL, load_model
from ..schema import Article, FactSheet
from ..sheet import DEFAULT_STAGES, Stage, extract
from ..stories.sheet import StorySheet


@dataclass(frozen=True)
class Analysis:
    """How articles are analysed: the spaCy pipeline and the stages (module-level functions, so they pickle)."""

    model: str = DEFAULT_MODEL
    stages: Sequence[tuple[str, Stage]] = DEFAULT_STAGES


@dataclass(frozen=True)
class Page:
    """A report page, gzipped (how browsers fetch it; a kept report takes a quarter of the memory), and the
    Content-Security-Policy its scripts need, which the server also sends as a header."""

    body: bytes
    policy: str


@dataclass(frozen=True)
class Job:
    """One article as a request gave it: text, an HTML page, or a page downloaded from `url`; with the
    publication date, title, outlet and id the request sets over the article's own, and what reading an
    upload found (its encoding) for the sheet's warnings."""

    article_id: str
    text: str | None = None
    html: str | None = None
    page: Download | None = None
    url: str | None = None
    published: str | None = None
    title: str | None = None
    warnings: tuple[str, ...] = ()
    outlet: str | None = None
    sheet_id: str | None = None

    @property
    def size(self) -> int:
        """Characters (or downloaded bytes) to read: what decides whether the job goes with the long articles."""
        return len(self.page.body) if self.page is not None else len(self.html or self.text or "")


def warm(model: str) -> None:
    """Load the model into this process's cache (a worker's first task, and its initializer)."""
    load_model(model)


def read(job: Job) -> Article:
    if job.page is not None:
        article = read_fetched(job.page, job.url or job.page.url)
    elif job.html is not None:
        article = from_html(job.html, job.article_id, warnings=job.warnings)
    else:
        article = from_text(job.text or "", job.article_id, warnings=job.warnings)
    article = dated(article, job.published)  # undated, it takes a dateline's date (and says so)
    return article.model_copy(update={"title": job.title or article.title, "outlet": job.outlet or article.outlet,
                                      "id": job.sheet_id or article.id})


def sheet_of(job: Job, analysis: Analysis) -> FactSheet:
    nlp = load_model(analysis.model)
    article = read(job)
    # The strings the article adds to the model's vocabulary are freed after it, so the process does not grow.
    with nlp.memory_zone():
        return extract(article, nlp, analysis.stages)


def sheet_json(job: Job, analysis: Analysis) -> bytes:
    return sheet_of(job, analysis).model_dump_json().encode("utf-8")


def report_page(job: Job, analysis: Analysis) -> Page:
    return page_of(sheet_of(job, analysis))


def stored_report(sheet: str) -> Page:
    """The report page of a sheet read from the store, as JSON."""
    return page_of(FactSheet.model_validate_json(sheet))


def page_of(sheet: FactSheet) -> Page:
    from ..render.html import content_security_policy, render_html  # Plotly loads only where reports are drawn

    return Page(gzip.compress(render_html(sheet).encode("utf-8"), compresslevel=6), content_security_policy())


def story_json(sheets: Sequence[str], story_id: str) -> bytes:
    """The story sheet of several articles' fact sheets (JSON each), as JSON."""
    return _story(sheets, story_id).model_dump_json().encode("utf-8")


def story_report(sheets: Sequence[str], story_id: str) -> Page:
    return story_page_of(_story(sheets, story_id))


def stored_story_report(sheet: str) -> Page:
    """The report page of a story sheet read from the store, as JSON."""
    return story_page_of(StorySheet.model_validate_json(sheet))


def _story(sheets: Sequence[str], story_id: str) -> StorySheet:
    from ..stories.compare import compare  # rapidfuzz and datasketch load only where stories are compared

    return compare([FactSheet.model_validate_json(sheet) for sheet in sheets], story_id)


def story_page_of(story: StorySheet) -> Page:
    from ..render.story import STORY_POLICY, render_story_html

    return Page(gzip.compress(render_story_html(story).encode("utf-8"), compresslevel=6), STORY_POLICY)
