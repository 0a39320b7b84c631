"""Stories in the corpus store: `newsfacts stories` fills the `stories` and `story_articles` tables, and the
ready questions about them read the story sheets back.

    stories         story_id, articles, first_published, last_published, title, sheet (the story sheet, JSON)
    story_articles  story_id, article_id, copy_of (for a wire copy: the earliest article it reprints)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..schema import FactSheet
from ..store import Store, StoreError
from .compare import compare
from .group import Doc, Story, group_stories
from .sheet import StorySheet

READ_ROWS = 1000


def stored_docs(store: Store) -> Iterator[Doc]:
    """Every stored article's id, text and date, streamed in order of publication."""
    cursor = store.connection.cursor()
    cursor.execute("SELECT id, text, CAST(published AS VARCHAR) FROM articles ORDER BY published NULLS LAST, id")
    while rows := cursor.fetchmany(READ_ROWS):
        for article_id, text, published in rows:
            yield Doc(article_id, text or "", published)
    cursor.close()


def sheets_of(store: Store, article_ids: list[str]) -> list[FactSheet]:
    _, rows = store.query("SELECT sheet FROM articles WHERE id IN (SELECT unnest($ids)) ORDER BY published, id",
                          {"ids": article_ids})
    return [FactSheet.model_validate_json(sheet) for (sheet,) in rows]


def story_sheets(store: Store, story_id: str) -> list[FactSheet]:
    """The fact sheets of one stored story's articles."""
    _, rows = _story_query(store, "SELECT article_id FROM story_articles WHERE story_id = $story", {"story": story_id})
    if not rows:
        raise StoreError(f"no story {story_id!r} in {store.path}; list them with "
                         f"newsfacts query --sql 'SELECT * FROM stories' --store {store.path}")
    return sheets_of(store, [article_id for (article_id,) in rows])


def find_stories(store: Store, on_story: Callable[[], None] = lambda: None) -> list[Story]:
    """Group the store's articles into stories, compare each, and replace the story tables with the result."""
    stories = group_stories(stored_docs(store))
    story_rows, article_rows = [], []
    for story in stories:
        sheet = compare(sheets_of(store, story.article_ids), story.id)
        story_rows.append((story.id, len(story.article_ids), story.first_published, story.last_published,
                           sheet.title, sheet.model_dump_json()))
        article_rows += [(story.id, article_id, story.copy_of.get(article_id)) for article_id in story.article_ids]
        on_story()
    connection = store.connection
    connection.begin()
    try:
        connection.execute("DELETE FROM story_articles")
        connection.execute("DELETE FROM stories")
        if story_rows:
            connection.executemany("INSERT INTO stories VALUES (?, ?, ?, ?, ?, ?)", story_rows)
            connection.executemany("INSERT INTO story_articles VALUES (?, ?, ?)", article_rows)
        connection.commit()
    except BaseException:
        connection.rollback()
        raise
    return stories


def _story_query(store: Store, sql: str, parameters: dict | None = None) -> tuple[list[str], list[tuple]]:
    try:
        return store.query(sql, parameters)
    except StoreError as error:
        if "stories" in str(error) or "story_articles" in str(error):
            raise StoreError(f"{store.path} has no stories yet: run `newsfacts stories --store {store.path}`") from None
        raise


def stored_story_sheets(store: Store) -> Iterator[StorySheet]:
    _, rows = _story_query(store, "SELECT sheet FROM stories ORDER BY first_published NULLS LAST, story_id")
    if not rows:
        raise StoreError(f"{store.path} holds no stories: run `newsfacts stories --store {store.path}` after a batch")
    for (sheet,) in rows:
        yield StorySheet.model_validate_json(sheet)


def disagreements(store: Store) -> tuple[list[str], list[tuple]]:
    """One row per value of each fact that disagrees across a story's outlets."""
    columns = ["story_id", "what", "kind", "outlet", "article_id", "value", "agrees_with", "note"]
    rows = []
    for sheet in stored_story_sheets(store):
        outlets = {article.id: article.outlet for article in sheet.articles}
        for fact in sheet.facts:
            if fact.status == "disagree":
                rows += [(sheet.id, fact.what, fact.kind, outlets.get(value.article_id), value.article_id,
                          f"{value.hedge} {value.text}" if value.hedge and not value.text.lower().startswith(
                              value.hedge) else value.text, f"group {value.group + 1}", fact.note)
                         for value in fact.values]
    return columns, rows


def quote_variants(store: Store) -> tuple[list[str], list[tuple]]:
    """One row per variant of each quote whose wording (or speaker) differs across a story's outlets."""
    columns = ["story_id", "speaker", "outlet", "article_id", "as_said_by", "text", "most_common", "changes"]
    rows = []
    for sheet in stored_story_sheets(store):
        outlets = {article.id: article.outlet for article in sheet.articles}
        for group in sheet.quotes:
            if not (group.differs or group.speakers_differ):
                continue
            for variant in group.variants:
                changes = "; ".join(f"{c.change}: {c.text}" + (f" (for {c.instead_of})" if c.instead_of else "")
                                    for c in variant.changes)
                rows.append((sheet.id, group.speaker, outlets.get(variant.article_id), variant.article_id,
                             variant.speaker, variant.text, variant.reference,
                             ("trimmed; " if variant.trimmed else "") + changes))
    return columns, rows
