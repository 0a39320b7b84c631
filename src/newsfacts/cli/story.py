"""Commands on one story told by several outlets: `compare` (articles or a stored story in, a story sheet
out) and `stories` (group a store's articles into stories)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from ..ingest import IngestError, check_date, count_articles, expand_patterns, read_inputs
from ..render.text import counted
from ..schema import ErrorRecord, FactSheet
from .common import (
    INPUTS_HELP,
    Command,
    ModelOption,
    OutputFormat,
    PublishedOption,
    QuietOption,
    StoreOption,
    app,
    error_line,
    fail,
    get_model,
    note,
    notes,
    open_output,
    progress_bar,
)


@app.command(cls=Command)
def compare(
    paths: Annotated[list[str] | None, typer.Argument(
        metavar="INPUT", help=f"The story's articles. {INPUTS_HELP}")] = None,
    store: Annotated[Path | None, typer.Option(
        metavar="FILE", help="Read the story's sheets from this store (with --story).")] = None,
    story: Annotated[str | None, typer.Option(
        metavar="ID", help="The story id in the store (`newsfacts stories`).")] = None,
    published: PublishedOption = None,
    output_format: Annotated[OutputFormat, typer.Option(
        "--format", help="json (the story sheet), text (a readable summary) or html (a self-contained page).")] = (
        OutputFormat.json),
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="FILE", help="Write here instead of stdout.")] = None,
    model: ModelOption = None,
    quiet: QuietOption = False,
) -> None:
    """Compare several outlets' articles on one story: facts that agree or disagree, quotes whose wording
    drifts, who cites whom, who carried what first, and each outlet's own inconsistencies.

    Exits with status 1 when an article could not be read (the rest are still compared).

    Examples:

        newsfacts compare story/ --format text

        newsfacts compare a.html b.html https://example.com/news/c.html --format html -o story.html

        newsfacts compare --store corpus.duckdb --story S1 --format text
    """
    import sys

    from ..stories.compare import compare as compare_sheets

    notes.quiet = quiet
    if (store is None) != (story is None) or (store is not None and paths) or (store is None and not paths):
        raise fail("give the articles (files, folders, URLs, corpora), or --store S with --story ID")
    if output_format is OutputFormat.html and output is None and sys.stdout.isatty():
        raise fail("the HTML report is a page, not for the terminal: give -o story.html")
    if store is not None:
        from ..store import Store, StoreError
        from ..stories.stored import story_sheets

        try:
            with Store(store, read_only=True) as corpus:
                sheets = story_sheets(corpus, story)
        except StoreError as error:
            raise fail(str(error)) from None
        story_id, failures = story, 0
    else:
        sheets, failures = analyse_paths(paths, published, model)
        story_id = "story"
    if len(sheets) < 2:
        raise fail(f"a story needs at least two articles; {counted(len(sheets), 'article')} could be analysed")
    result = compare_sheets(sheets, story_id)
    with open_output(output) as out:
        if output_format is OutputFormat.text:
            from ..render.story import story_summary

            on_terminal = out.isatty()
            Console(file=out, force_terminal=on_terminal, width=None if on_terminal else 140).print(
                story_summary(result))
        elif output_format is OutputFormat.html:
            from ..render.story import render_story_html

            out.write(render_story_html(result))
        else:
            out.write(result.model_dump_json(indent=2) + "\n")
    if output is not None:
        note(f"written to {output}")
    if failures:  # the story was compared without them; the status says something was left out
        raise typer.Exit(1)


def analyse_paths(paths: list[str], published: str | None, model: str | None) -> tuple[list[FactSheet], int]:
    """The fact sheets of every article named, and how many could not be read or analysed (each reported on
    stderr and left out)."""
    from ..sheet import extract_many

    try:
        published = check_date(published)
    except IngestError as error:
        raise fail(str(error)) from None
    names = expand_patterns(paths)  # one missing is reported and left out, as one unreadable is
    nlp = get_model(model)
    sheets: list[FactSheet] = []
    failures = 0
    with progress_bar(count_articles(names), "analysing") as progress:
        for result in extract_many(read_inputs(names, published), nlp):
            progress.advance(0)
            if isinstance(result, ErrorRecord):
                error_line(result.error)
                failures += 1
            else:
                sheets.append(result)
    return sheets, failures


@app.command(cls=Command)
def stories(store: StoreOption = Path("corpus.duckdb")) -> None:
    """Group a store's articles into stories (same event, close in time) and compare each story's coverage.

    Fills the tables `stories` (with each story sheet) and `story_articles` (story_id, article_id, and
    copy_of for wire copies); a rerun replaces them. Then: `newsfacts query disagreements`, `query
    quote-variants`, `newsfacts compare --store S --story ID`, or the Stories page of `newsfacts serve --store S`.

    Example:

        newsfacts stories --store corpus.duckdb
    """
    from ..store import Store, StoreError
    from ..stories.stored import find_stories

    if not store.is_file():
        raise fail(f"{store}: no such store; fill one with `newsfacts batch … --store {store}`")
    try:
        with Store(store) as corpus, notes.status("grouping articles into stories…"):
            found = find_stories(corpus)
    except StoreError as error:
        raise fail(str(error)) from None
    copies = counted(sum(len(story.copy_of) for story in found), "wire copy", "wire copies")
    grouped = counted(sum(len(story.article_ids) for story in found), "article")
    note(f"{counted(len(found), 'story', 'stories')} of {grouped} ({copies}) written to {store}; see them "
         f"with `newsfacts query disagreements --store {store}`")
