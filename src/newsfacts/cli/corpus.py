"""Commands on a corpus store: `batch` fills it, `query` asks it questions, `export` writes its tables out."""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Callable, Iterator

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn
from rich.progress import TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from ..ingest import Columns, count_articles, expand_patterns
from ..render.text import counted, printable
from .common import (
    INPUTS_HELP,
    NO_ARTICLES_HINT,
    Command,
    IdColumnOption,
    ModelOption,
    QuietOption,
    StoreOption,
    TextColumnOption,
    app,
    check_inputs,
    escaped_c1,
    fail,
    get_model,
    model_installed,
    model_name,
    note,
    notes,
    stderr,
    warning_line,
)


class Engine(str, Enum):
    local = "local"
    dask = "dask"


class TableFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


class Question(str, Enum):
    top_quoted = "top-quoted"
    sources = "sources"
    genders = "genders"
    quotes_by = "quotes-by"
    timeline = "timeline"
    people = "people"
    disagreements = "disagreements"
    quote_variants = "quote-variants"


@app.command(cls=Command)
def batch(
    inputs: Annotated[list[str], typer.Argument(metavar="INPUT", help=INPUTS_HELP)],
    store: Annotated[Path, typer.Option(metavar="FILE", help="DuckDB file to fill; created when missing, resumed when "
                                        "not.")],
    workers: Annotated[int, typer.Option(min=1, metavar="N", help="Worker processes (local), or Dask LocalCluster "
                                         "size.")] = 1,
    engine: Annotated[Engine, typer.Option(help="local processes, or a Dask cluster.")] = Engine.local,
    scheduler: Annotated[str | None, typer.Option(
        metavar="ADDRESS", help="Dask scheduler address (tcp://host:8786); a LocalCluster when left out.")] = None,
    text_column: TextColumnOption = None,
    id_column: IdColumnOption = None,
    model: ModelOption = None,
    retry_errors: Annotated[
        bool, typer.Option("--retry-errors", help="Try again the articles that failed in earlier runs.")
    ] = False,
    quiet: QuietOption = False,
) -> None:
    """Analyse a corpus into a DuckDB store; a rerun resumes where a stopped run left off.

    Exits with status 1 when any article failed (each has a row in the store's `errors` table).

    Examples:

        newsfacts batch articles/ --store corpus.duckdb

        newsfacts batch news.jsonl.gz more.parquet --store corpus.duckdb --workers 2

        newsfacts batch news.jsonl --store corpus.duckdb --engine dask --scheduler tcp://SCHEDULER:8786
    """
    notes.quiet = quiet
    if engine is Engine.local and scheduler:
        raise fail("--scheduler needs --engine dask")
    names = expand_patterns(inputs)
    check_inputs(names)
    import signal
    import time
    from concurrent.futures.process import BrokenProcessPool

    from ..corpus import run_batch
    from ..distributed import ClusterUnavailable
    from ..nlp import ModelNotFound
    from ..store import Store, StoreError

    model = model_name(model)
    if engine is Engine.local and workers == 1:
        get_model(model)
    elif scheduler is None and not model_installed(model):  # worker processes or a LocalCluster on this machine
        raise fail(f"spaCy pipeline {model!r} is not installed; leave --model out to use the default")
    total = count_articles(names)
    started = time.perf_counter()
    # SIGTERM (a service manager stopping the run, `kill`) stops it as Ctrl-C does: whole chunks kept, workers ended.
    stop_on_term = signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        with Store(store) as corpus, batch_executor(engine, scheduler, workers, model) as (executor, slots):
            if retry_errors:
                note(f"{corpus.forget_errors()} failed articles will be tried again")
            with corpus_progress(total) as advance:
                report = run_batch(names, corpus, executor, engine=engine.value, model=model, slots=slots,
                                   columns=Columns(text_column, id_column), on_progress=advance)
    except StoreError as error:
        raise fail(str(error)) from None
    except ModelNotFound as error:
        raise fail(str(error)) from None
    except BrokenProcessPool:
        raise fail("a worker process died (out of memory?); run the same command again to resume") from None
    except KeyboardInterrupt:
        raise fail("stopped; run the same command again to resume", 130) from None
    except ClusterUnavailable as error:
        raise fail(str(error)) from None
    finally:
        signal.signal(signal.SIGTERM, stop_on_term)
    seconds = time.perf_counter() - started
    if not (report.stored or report.failed or report.skipped):
        warning_line(f"no articles in {', '.join(inputs)}{NO_ARTICLES_HINT}")
    for failure in report.failures:
        stderr.print(f"[red]failed:[/] {escape(printable(failure.error))}", highlight=False, soft_wrap=True)
    summary = (f"{report.stored} stored, {report.failed} failed, {report.skipped} already in {store} "
               f"({(report.stored + report.failed) / seconds:.1f} articles/s)")
    if report.failed:
        raise fail(f"{summary}; every failure: newsfacts query --store {store} --sql 'SELECT * FROM errors'")
    note(summary)


@contextmanager
def batch_executor(engine: Engine, scheduler: str | None, workers: int, model: str):
    if engine is Engine.dask:
        from ..distributed import dask_executor

        note(f"connecting to Dask at {scheduler or 'a new LocalCluster'}…")
        with dask_executor(scheduler, workers, model) as pair:
            yield pair
    else:
        from ..corpus import local_executor

        with local_executor(workers, model) as pair:
            yield pair


class RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        return Text(f"{task.speed or 0:.1f} articles/s")


@contextmanager
def corpus_progress(total: int) -> Iterator[Callable[[int], None]]:
    columns = [TextColumn("analysing"), BarColumn(), MofNCompleteColumn(), RateColumn(), TimeRemainingColumn()]
    with Progress(*columns, console=notes, disable=not notes.is_terminal or notes.quiet) as progress:
        task = progress.add_task("analysing", total=total)
        yield lambda done: progress.advance(task, done)


@app.command(cls=Command)
def query(
    question: Annotated[
        Question | None, typer.Argument(help="A ready question; leave out when giving --sql.")
    ] = None,
    person: Annotated[str | None, typer.Argument(metavar="PERSON", help="The person, for quotes-by and timeline.")
                      ] = None,
    store: StoreOption = Path("corpus.duckdb"),
    sql: Annotated[str | None, typer.Option(metavar="SQL", help="Any SQL over the store's tables (see the README).")
                   ] = None,
    limit: Annotated[int, typer.Option(min=1, metavar="N", help="Rows for top-quoted.")] = 20,
    output_format: Annotated[TableFormat, typer.Option("--format", help="A table, or csv/json for scripts.")] = (
        TableFormat.table
    ),
) -> None:
    """Answer common questions about a stored corpus, or run SQL over it.

    Examples:

        newsfacts query top-quoted --store corpus.duckdb

        newsfacts query sources --store corpus.duckdb --format csv

        newsfacts query genders --store corpus.duckdb

        newsfacts query quotes-by "Angela Merkel" --store corpus.duckdb

        newsfacts query timeline Merkel --store corpus.duckdb

        newsfacts query people --store corpus.duckdb --format csv

        newsfacts query disagreements --store corpus.duckdb    (after `newsfacts stories`)

        newsfacts query --sql "SELECT outlet, count(*) FROM articles GROUP BY outlet" --store corpus.duckdb
    """
    from .. import store as stored

    if (question is None) == (sql is None):
        raise fail("give one ready question (top-quoted, sources, genders, quotes-by, timeline, people, "
                   "disagreements, quote-variants) or --sql")
    if question in (Question.quotes_by, Question.timeline) and not person:
        raise fail(f"{question.value} needs a person's name, e.g. `newsfacts query {question.value} \"Jane Doe\"`")
    try:
        with stored.Store(store, read_only=True) as corpus:
            if sql is not None:
                columns, rows = corpus.query(sql)
            elif question is Question.top_quoted:
                columns, rows = stored.top_quoted(corpus, limit)
            elif question is Question.sources:
                columns, rows = stored.source_shares(corpus)
            elif question is Question.genders:
                columns, rows = stored.quote_genders(corpus)
            elif question is Question.quotes_by:
                columns, rows = stored.quotes_by(corpus, person)
            elif question is Question.people:
                columns, rows = stored.list_people(corpus)
            elif question is Question.disagreements:
                from ..stories.stored import disagreements

                columns, rows = disagreements(corpus)
            elif question is Question.quote_variants:
                from ..stories.stored import quote_variants

                columns, rows = quote_variants(corpus)
            else:
                columns, rows = stored.timeline(corpus, person)
    except stored.StoreError as error:
        raise fail(str(error)) from None
    print_rows(columns, rows, output_format)


def print_rows(columns: list[str], rows: list[tuple], output_format: TableFormat) -> None:
    """Rows as a table, CSV or JSON. The table and CSV for a terminal show escape sequences instead of letting the
    terminal obey them; CSV into a file or pipe keeps the data as stored, and JSON escapes them (losing nothing)."""
    if output_format is TableFormat.csv:
        import csv

        show = printable if sys.stdout.isatty() else str
        writer = csv.writer(sys.stdout)
        writer.writerow([show(column) for column in columns])
        writer.writerows([[show(table_cell(value)) if isinstance(value, (str, list)) else value for value in row]
                          for row in rows])
    elif output_format is TableFormat.json:
        rows_json = json.dumps([dict(zip(columns, row)) for row in rows], indent=2, default=str, ensure_ascii=False)
        typer.echo(escaped_c1(rows_json))
    else:
        table = Table(*(printable(column) for column in columns), show_lines=False)
        for row in rows:
            table.add_row(*(Text(printable(table_cell(value))) for value in row))  # no markup
        Console().print(table)
        note(counted(len(rows), "row"))


def table_cell(value: object) -> str:
    """A value as one cell of a table or CSV: a list (a person's aliases) as its items joined by "; "."""
    if isinstance(value, list):
        return "; ".join(map(str, value))
    return "" if value is None else str(value)


@app.command(cls=Command)
def export(
    store: StoreOption = Path("corpus.duckdb"),
    output_format: Annotated[str, typer.Option(
        "--format", metavar="FORMAT", help="parquet, csv or jsonl.")] = "parquet",
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="FOLDER", help="Folder for the files; default: STORE-export.")] = None,
) -> None:
    """Write every table of a store to files, one per table (articles.parquet, quotes.parquet, …).

    Example:

        newsfacts export --store corpus.duckdb --format csv -o corpus-csv/
    """
    from ..store import ExportFormat, Store, StoreError

    try:
        export_format = ExportFormat(output_format)
    except ValueError:
        raise fail(f"--format must be parquet, csv or jsonl, not {output_format!r}") from None
    folder = output or store.with_name(f"{store.stem}-export")
    try:
        with Store(store, read_only=True) as corpus:
            written = corpus.export(folder, export_format)
    except StoreError as error:
        raise fail(str(error)) from None
    note(f"{len(written)} tables written to {folder}/")
