"""Commands on articles: `extract` (fact sheets as JSON, a summary or report pages) and `schema`."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.console import Console

from ..ingest import (
    HTML_SUFFIXES,
    Columns,
    IngestError,
    check_date,
    count_articles,
    expand_patterns,
    is_collection,
    read_inputs,
)
from ..render.text import counted
from ..schema import ErrorRecord, FactSheet, json_schema
from .common import (
    INPUTS_HELP,
    NO_ARTICLES_HINT,
    ActsOption,
    Command,
    IdColumnOption,
    ModelOption,
    OutputFormat,
    PublishedOption,
    QuietOption,
    TextColumnOption,
    app,
    check_inputs,
    error_line,
    escaped_c1,
    fail,
    get_model,
    note,
    notes,
    open_output,
    progress_bar,
    warning_line,
)

JSONL_SUFFIXES = (".jsonl", ".ndjson")


@app.command(cls=Command)
def extract(
    paths: Annotated[list[str], typer.Argument(metavar="INPUT", help=INPUTS_HELP)],
    published: PublishedOption = None,
    output_format: Annotated[OutputFormat, typer.Option("--format", help=(
        "json; text, a readable summary; or html, a self-contained report page (with several articles, -o names a "
        "folder that gets one page per article)."))] = OutputFormat.json,
    output: Annotated[str | None, typer.Option(
        "--output", "-o", metavar="FILE", help="Write here instead of stdout; a name ending in .jsonl gets JSON Lines; "
        "with --format html, a folder (ending in /) gets one page per article.")] = None,
    jsonl: Annotated[bool, typer.Option(
        "--jsonl", help="JSON Lines, one sheet per line, even for one article (what several articles give).")] = False,
    text_column: TextColumnOption = None,
    id_column: IdColumnOption = None,
    model: ModelOption = None,
    acts: ActsOption = False,
    quiet: QuietOption = False,
) -> None:
    """Analyse articles and print their fact sheets.

    One article gives one JSON object; several give JSON Lines, one sheet per article (as --jsonl does for one).

    Examples:

        newsfacts extract story.txt --published 2025-09-10 --format text

        newsfacts extract page.html -o sheet.json

        newsfacts extract corpus.jsonl.gz -o sheets.jsonl

        newsfacts extract news.csv --text-column body --id-column url -o sheets.jsonl

        newsfacts extract story.txt --format html -o report.html

        newsfacts extract corpus.jsonl --format html -o reports/
    """
    notes.quiet = quiet
    try:
        published = check_date(published)
    except IngestError as error:
        raise fail(str(error)) from None
    names = expand_patterns(paths)
    check_inputs(names)
    total = count_articles(names)  # a .json file holding a list is several articles
    several = len(names) > 1 or total > 1
    as_lines = jsonl or several or any(is_collection(name) for name in names) or (
        output is not None and output.lower().endswith(JSONL_SUFFIXES))
    pages = pages_folder(output, output_format, several)
    from ..sheet import extract_many, stages_for

    nlp = get_model(model)
    if "-" in names and sys.stdin.isatty():
        note("type or paste the article, then Ctrl-D on a line of its own")
    failures = written = 0
    page_names: set[str] = set()
    articles = read_inputs(names, published, Columns(text_column, id_column))
    try:
        with open_output(None if pages or output is None else Path(output)) as out, \
                progress_bar(total if total > 1 else None, "analysing") as progress:
            for result in extract_many(articles, nlp, stages=stages_for(acts)):
                progress.advance(0)
                if isinstance(result, ErrorRecord):
                    failures += 1
                    error_line(result.error)
                    if as_lines and output_format is OutputFormat.json:  # JSON Lines keep their place
                        out.write(sheet_json(result) + "\n")
                    continue
                warn_about(result)
                if pages is not None:
                    try:
                        write_page(result, pages, page_names)
                    except OSError as error:
                        raise fail(f"{pages}: cannot be written ({error.strerror})") from None
                elif output_format is OutputFormat.html and written:
                    raise fail(f"{output} holds one report page, and the inputs hold more than one article: give -o "
                               "a folder, e.g. -o reports/")
                else:
                    write_sheet(result, output_format, out, as_lines)
                written += 1
    except KeyboardInterrupt:
        done = written + failures
        raise fail(f"stopped after {counted(done, 'article')}; their results are in the output", 130) from None
    if not written and not failures:
        raise fail(f"no articles in {', '.join(paths)}{NO_ARTICLES_HINT}")
    if output is not None and written:
        note(f"{counted(written, 'page')} written to {pages}/" if pages else f"written to {output}")
    if failures:
        raise typer.Exit(1)


def pages_folder(output: str | None, output_format: OutputFormat, several: bool) -> Path | None:
    """The folder that gets one HTML page per article, or None when the output is one stream (stdout or a
    file); fails on an output that cannot be what the format makes."""
    # typer's Path would drop the trailing slash that says "a folder" of a folder not made yet.
    to_folder = output is not None and (output.endswith(("/", "\\")) or Path(output).is_dir())
    if output_format is OutputFormat.html and (several or to_folder):
        if output is None or (not to_folder and Path(output).suffix.lower() in HTML_SUFFIXES):
            raise fail("--format html makes one page per article: for several articles give -o a folder, "
                       "e.g. -o reports/")
        return Path(output)
    if to_folder:
        raise fail(f"{output} is a folder: give -o a file name (only --format html writes a folder of pages)")
    if output_format is OutputFormat.html and output is None and sys.stdout.isatty():
        raise fail("the HTML report is a page of over a megabyte, not for the terminal: give -o report.html")
    return None


def warn_about(sheet: FactSheet) -> None:
    """Yellow lines for what the sheet's reader should know (its `warnings`): why it may be thinner than it
    need be, or how its input was read."""
    for warning in sheet.warnings:
        warning_line(f"{sheet.id}: {warning}")


def sheet_json(sheet: FactSheet | ErrorRecord, indent: int | None = None) -> str:
    return escaped_c1(sheet.model_dump_json(indent=indent))


def write_sheet(sheet: FactSheet, output_format: OutputFormat, out: TextIO, as_lines: bool) -> None:
    if output_format is OutputFormat.text:
        from ..render.text import summary

        # A terminal's own width (tables wrap badly when drawn wider); 120 columns in files and pipes.
        on_terminal = out.isatty()
        Console(file=out, force_terminal=on_terminal, width=None if on_terminal else 120).print(
            summary(sheet))
    elif output_format is OutputFormat.html:
        from ..render.html import render_html

        out.write(render_html(sheet))
    elif as_lines:
        out.write(sheet_json(sheet) + "\n")
    else:
        out.write(sheet_json(sheet, indent=2) + "\n")


def write_page(sheet: FactSheet, folder: Path, taken: set[str]) -> None:
    """The HTML report of one article of several, named after its id made safe as a file name; a name this
    run has `taken` already ("sub/a" and "sub_a", or one file given twice) gets a number, not the old page."""
    from ..render.html import render_html

    folder.mkdir(parents=True, exist_ok=True)
    base = re.sub(r"[^\w.-]+", "_", sheet.id).strip("._")[:100] or "article"
    name, number = base, 1
    while name in taken:
        number += 1
        name = f"{base}-{number}"
    taken.add(name)
    (folder / f"{name}.html").write_text(render_html(sheet), encoding="utf-8")


@app.command(cls=Command)
def schema(
    story: Annotated[bool, typer.Option("--story", help="The schema of a story sheet (`compare`) instead.")] = False,
) -> None:
    """Print the JSON Schema of a fact sheet (or, with --story, of a story sheet)."""
    if story:
        from ..stories.sheet import story_json_schema

        typer.echo(json.dumps(story_json_schema(), indent=2))
        return
    typer.echo(json.dumps(json_schema(), indent=2))
