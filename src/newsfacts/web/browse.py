"""Browsing a corpus store (`newsfacts serve --store corpus.duckdb`): its articles, each with its report; the
people of the corpus (one person however articles name them) and what each said; the stories its articles
tell (filled by `newsfacts stories`), each with its report; the checks that failed. The store is opened
read-only for each request, so `newsfacts batch` can fill it between requests (while a batch writes it,
these pages answer 503)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Annotated, Any

import anyio
from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response

from ..people import PEOPLE
from ..store import QUOTES_BY, TOP_QUOTED
from . import pages, work

# The corpus pages, in the order the navigation lists them.
SECTIONS = (("Articles", "/corpus"), ("People", "/corpus/people"), ("Quotes by person", "/corpus/quotes"),
            ("Stories", "/corpus/stories"), ("Failed checks", "/corpus/checks"))
PAGE_ROWS = 50
# Store reads at once: each holds a thread while DuckDB reads.
MAX_READERS = 4

ARTICLES_SQL = """
    SELECT a.id, a.title, a.published, a.outlet, a.source,
           (SELECT count(*) FROM entities e WHERE e.article_id = a.id) AS entities,
           (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes,
           (SELECT count(*) FROM checks c WHERE c.article_id = a.id AND c.status = 'inconsistent') AS failed_checks
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
FAILED_CHECKS_SQL = """
    SELECT c.article_id, a.title, a.published, a.outlet, c.kind, c.about, c.working
    FROM checks c JOIN articles a ON a.id = c.article_id
    WHERE c.status = 'inconsistent'
    ORDER BY a.published DESC NULLS LAST, c.article_id, c.position
    LIMIT $limit OFFSET $offset
"""
COUNTS_SQL = """
    SELECT (SELECT count(*) FROM articles) AS articles,
           (SELECT count(*) FROM checks WHERE status = 'inconsistent') AS failed_checks
"""
SHEET_SQL = "SELECT sheet, length(text) AS size FROM articles WHERE id = $id"
HAS_TABLE_SQL = "SELECT count(*) AS present FROM information_schema.tables WHERE table_name = $table"
PEOPLE_SQL = f"{PEOPLE} LIMIT $limit OFFSET $offset"
PEOPLE_COUNT_SQL = "SELECT count(*) AS people FROM people"
PERSON_SQL = "SELECT name FROM people WHERE person_id = $person"
# A person's quotes by the person's id: two people of one name, kept apart by the linking, stay apart here.
QUOTES_OF_PERSON_SQL = """
    SELECT a.published, a.outlet, q.article_id, coalesce(e.name, q.speaker_name) AS speaker, q.kind, q.cue, q.text
    FROM person_entities pe
    JOIN quotes q ON q.article_id = pe.article_id AND q.speaker = pe.entity_id
    JOIN articles a ON a.id = q.article_id
    LEFT JOIN entities e ON e.article_id = q.article_id AND e.id = q.speaker
    WHERE pe.person_id = $person
    ORDER BY a.published NULLS LAST, q.article_id, q.position
    LIMIT $limit
"""
# Each story with how many of its facts the outlets disagree on and how many quotes are reworded, read from
# the story sheet (JSON) by DuckDB.
STORIES_SQL = """
    SELECT story_id, title, articles, first_published, last_published,
           list_distinct(list_filter(json_extract_string(sheet, '$.articles[*].outlet'), lambda o: o IS NOT NULL))
               AS outlets,
           len(list_filter(json_extract_string(sheet, '$.facts[*].status'), lambda s: s = 'disagree'))
               AS disagreements,
           len(list_filter(json_extract_string(sheet, '$.quotes[*].differs'), lambda s: s = 'true')) AS reworded
    FROM stories
    ORDER BY last_published DESC NULLS LAST, story_id
    LIMIT $limit OFFSET $offset
"""
STORIES_COUNT_SQL = "SELECT count(*) AS stories FROM stories"
# A story's sheet, and its articles' length, which chooses the lane its report is drawn in.
STORY_SQL = """
    SELECT s.sheet, (SELECT coalesce(sum(length(a.text)), 0) FROM story_articles sa JOIN articles a
                     ON a.id = sa.article_id WHERE sa.story_id = s.story_id) AS size
    FROM stories s WHERE s.story_id = $id
"""

class Corpus:
    """The store the pages read, if the server has one."""

    def __init__(self, store: Path | None) -> None:
        self.store = store
        self.readers = anyio.CapacityLimiter(MAX_READERS)

    async def query(self, sql: str, parameters: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Rows of a read-only query, as objects."""
        if self.store is None:
            raise HTTPException(404, "this server has no store; start it with `newsfacts serve --store corpus.duckdb`")
        from ..store import Store, StoreError

        def run(path: Path) -> list[dict[str, Any]]:
            with Store(path, read_only=True) as opened:
                columns, rows = opened.query(sql, parameters)
            return [dict(zip(columns, row)) for row in rows]

        try:
            return await anyio.to_thread.run_sync(run, self.store, limiter=self.readers)
        except StoreError as error:
            raise HTTPException(503, f"the store cannot be read: {error}") from None

    async def has_table(self, table: str) -> bool:
        """Whether the store has a table that later versions added (people, stories): an older store has not."""
        return bool((await self.query(HAS_TABLE_SQL, {"table": table}))[0]["present"])


Analyse = Callable[..., Awaitable[Any]]


def router(corpus: Corpus, analyse: Analyse) -> APIRouter:
    """The corpus pages; `analyse(size, function, *args)` runs a worker function in the lane for that size."""
    routes = APIRouter(include_in_schema=False)

    def corpus_page(template: str, section: str, **values: Any) -> Response:
        return pages.page(template, sections=SECTIONS, section=section, store=corpus.store.name if corpus.store else "", **values)

    @routes.get("/corpus")
    async def articles(offset: Annotated[int, Query(ge=0)] = 0) -> Response:
        rows = await corpus.query(ARTICLES_SQL, {"limit": PAGE_ROWS, "offset": offset})
        counts = (await corpus.query(COUNTS_SQL))[0]
        return corpus_page("corpus_articles.html.j2", "/corpus", rows=rows, counts=counts, offset=offset,
                           page_rows=PAGE_ROWS)

    @routes.get("/corpus/articles/{article_id:path}")
    async def article(article_id: str, request: Request) -> Response:
        found = await corpus.query(SHEET_SQL, {"id": article_id})
        if not found:
            raise HTTPException(404, f"no article {article_id!r} in the store")
        report = await analyse(found[0]["size"], work.stored_report, found[0]["sheet"])
        return pages.report_response(request, report)

    @routes.get("/corpus/people")
    async def people(offset: Annotated[int, Query(ge=0)] = 0) -> Response:
        if not await corpus.has_table("people"):
            return corpus_page("corpus_people.html.j2", "/corpus/people", linked=False)
        rows = await corpus.query(PEOPLE_SQL, {"limit": PAGE_ROWS, "offset": offset})
        counts = (await corpus.query(PEOPLE_COUNT_SQL))[0]
        return corpus_page("corpus_people.html.j2", "/corpus/people", linked=True, rows=rows, counts=counts,
                           offset=offset, page_rows=PAGE_ROWS)

    @routes.get("/corpus/quotes")
    async def quotes(speaker: str = "", person: str = "") -> Response:
        if person.strip():
            found = await corpus.query(PERSON_SQL, {"person": person}) if await corpus.has_table("people") else []
            if not found:
                raise HTTPException(404, f"no person {person!r} in the store")
            rows = await corpus.query(QUOTES_OF_PERSON_SQL, {"person": person, "limit": 500})
            return corpus_page("corpus_quotes.html.j2", "/corpus/quotes", speaker=found[0]["name"], rows=rows,
                               by_person=True)
        if speaker.strip():
            rows = await corpus.query(f"{QUOTES_BY} LIMIT $limit", {"person": speaker, "limit": 500})
            return corpus_page("corpus_quotes.html.j2", "/corpus/quotes", speaker=speaker, rows=rows)
        speakers = await corpus.query(TOP_QUOTED, {"limit": 500})
        return corpus_page("corpus_quotes.html.j2", "/corpus/quotes", speaker="", speakers=speakers)

    @routes.get("/corpus/stories")
    async def stories(offset: Annotated[int, Query(ge=0)] = 0) -> Response:
        if not await corpus.has_table("stories"):
            return corpus_page("corpus_stories.html.j2", "/corpus/stories", rows=[], offset=0)
        rows = await corpus.query(STORIES_SQL, {"limit": PAGE_ROWS, "offset": offset})
        counts = (await corpus.query(STORIES_COUNT_SQL))[0]
        return corpus_page("corpus_stories.html.j2", "/corpus/stories", rows=rows, counts=counts, offset=offset,
                           page_rows=PAGE_ROWS)

    @routes.get("/corpus/stories/{story_id:path}")
    async def story(story_id: str, request: Request) -> Response:
        found = await corpus.query(STORY_SQL, {"id": story_id}) if await corpus.has_table("stories") else []
        if not found:
            raise HTTPException(404, f"no story {story_id!r} in the store")
        report = await analyse(found[0]["size"], work.stored_story_report, found[0]["sheet"])
        return pages.report_response(request, report)

    @routes.get("/corpus/checks")
    async def failed_checks(offset: Annotated[int, Query(ge=0)] = 0) -> Response:
        rows = await corpus.query(FAILED_CHECKS_SQL, {"limit": PAGE_ROWS, "offset": offset})
        counts = (await corpus.query(COUNTS_SQL))[0]
        return corpus_page("corpus_checks.html.j2", "/corpus/checks", rows=rows, counts=counts, offset=offset,
                           page_rows=PAGE_ROWS)

    return routes
