"""The `newsfacts` command: a thin layer over the library, for people."""

from __future__ import annotations

import json
import os
import re
import sys
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Callable, Iterator, TextIO

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.progress import ProgressColumn, Task
from rich.table import Table
from rich.text import Text
from typer.core import TyperArgument, TyperCommand, TyperOption

from . import __version__
from .ingest import (
    HTML_SUFFIXES,
    Columns,
    IngestError,
    check_date,
    count_articles,
    expand_patterns,
    input_kind,
    is_collection,
    read_inputs,
)
from .render.text import counted, printable
from .schema import ErrorRecord, FactSheet, json_schema

# Nothing here imports spaCy at start-up (the model is loaded by `get_model`, its module imported there), so
# that a mistyped file name or a port in use is answered at once.

app = typer.Typer(
    help="Turn news articles into fact sheets: who is in it, who said what, what happened when, "
    "whether the numbers add up, and how the people relate.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="markdown",
    pretty_exceptions_enable=False,
)
stderr = Console(stderr=True)  # errors: always shown
notes = Console(stderr=True)  # warnings, progress and what was done: silenced by --quiet


# Said when the inputs hold nothing to analyse, which is most often a folder of other files.
NO_ARTICLES_HINT = " (folders are read for their .txt and .html files)"
# DEL and the C1 controls, which JSON leaves unescaped (U+009B is a one-character ESC [ to some terminals).
C1_IN_JSON = re.compile("[\x7f-\x9f]")


class OutputFormat(str, Enum):
    json = "json"
    text = "text"
    html = "html"


class Command(TyperCommand):
    """Help that says in words what a parameter takes (its metavar, INPUT or YYYY-MM-DD) where typer would
    print its Python type (<list[str]>, <bool>); a flag takes nothing, so shows nothing."""

    def get_params(self, ctx: typer.Context) -> list:
        params = super().get_params(ctx)
        for param in params:
            worded = isinstance(param, TyperArgument) and param.metavar
            if worded or (isinstance(param, TyperOption) and param.is_flag):
                param.display_type_rich = lambda ctx: None
        return params


def escaped_c1(json_text: str) -> str:
    """JSON with DEL and the C1 control characters escaped as well (JSON escapes only C0): the same data,
    but nothing a terminal printing it would obey."""
    return C1_IN_JSON.sub(lambda found: f"\\u{ord(found[0]):04x}", json_text)


def error_line(message: str) -> None:
    """One red line on stderr, never wrapped, with the message shown as written (no Rich markup)."""
    stderr.print(f"[bold red]error:[/] {escape(printable(message))}", highlight=False, soft_wrap=True)


def warning_line(message: str) -> None:
    notes.print(f"[yellow]warning:[/] {escape(printable(message))}", highlight=False, soft_wrap=True)


def note(message: str) -> None:
    notes.print(escape(printable(message)), highlight=False, soft_wrap=True)


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print one red line on stderr and return the exit to raise."""
    error_line(message)
    return typer.Exit(code)


def model_name(name: str | None) -> str:
    from .nlp import DEFAULT_MODEL

    return name or DEFAULT_MODEL


def get_model(name: str | None):
    from .nlp import ModelNotFound, load_model

    try:
        with notes.status(f"loading spaCy pipeline {model_name(name)}…"):
            return load_model(model_name(name))
    except ModelNotFound as error:
        raise fail(str(error)) from None


def check_inputs(names: list[str]) -> None:
    """Fail at once, before the model loads, when a file or folder named does not exist."""
    missing = [name for name in names if input_kind(name) == "missing"]
    if missing:
        more = f" (and {counted(len(missing) - 1, 'other input')})" if len(missing) > 1 else ""
        raise fail(f"{missing[0]}: no such file or folder{more}")


@contextmanager
def progress_bar(total: int | None, label: str) -> Iterator[Progress]:
    columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn()]
    with Progress(*columns, console=notes, transient=True, disable=not notes.is_terminal or notes.quiet) as progress:
        progress.add_task(label, total=total)
        yield progress


@contextmanager
def open_output(path: Path | None) -> Iterator[TextIO]:
    if path is None:
        yield sys.stdout
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = path.open("w", encoding="utf-8")
    except OSError as error:
        raise fail(f"{path}: cannot be written ({error.strerror})") from None
    with handle:
        yield handle


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"newsfacts {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=version_callback, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    notes.quiet = False  # each command that has --quiet sets it again


# Options several commands share.
ActsOption = Annotated[bool, typer.Option(  # extract and eval (batch and serve keep the default notion)
    "--acts", help="Count acts and stances as attributions too ('praised the crews'), as PolNeAR does.")]
ModelOption = Annotated[str | None, typer.Option(
    metavar="NAME", help="Any installed spaCy pipeline, e.g. en_core_web_trf; en_core_web_sm when left out.")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="Print errors only: no progress, warnings or notes.")]
PublishedOption = Annotated[str | None, typer.Option(
    metavar="YYYY-MM-DD", help="Publication date; overrides the article's own.")]
TextColumnOption = Annotated[str | None, typer.Option(
    metavar="NAME", help="The column (CSV, Parquet) or field (JSON) holding the article, when not `text` or `html`.")]
StoreOption = Annotated[Path, typer.Option(metavar="FILE", help="The DuckDB store a batch filled.")]
IdColumnOption = Annotated[str | None, typer.Option(
    metavar="NAME", help="The column or field holding each article's id, when not `id`.")]
INPUTS_HELP = ("Article files (.txt, .html), URLs, `-` for standard input, folders, or .json, .jsonl, .csv, .parquet "
               "corpora; any but Parquet may be gzip-compressed (.gz).")
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
    from .sheet import extract_many, stages_for

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
        from .render.text import summary

        # A terminal's own width (tables wrap badly when drawn wider); 120 columns in files and pipes.
        on_terminal = out.isatty()
        Console(file=out, force_terminal=on_terminal, width=None if on_terminal else 120).print(
            summary(sheet))
    elif output_format is OutputFormat.html:
        from .render.html import render_html

        out.write(render_html(sheet))
    elif as_lines:
        out.write(sheet_json(sheet) + "\n")
    else:
        out.write(sheet_json(sheet, indent=2) + "\n")


def write_page(sheet: FactSheet, folder: Path, taken: set[str]) -> None:
    """The HTML report of one article of several, named after its id made safe as a file name; a name this
    run has `taken` already ("sub/a" and "sub_a", or one file given twice) gets a number, not the old page."""
    from .render.html import render_html

    folder.mkdir(parents=True, exist_ok=True)
    base = re.sub(r"[^\w.-]+", "_", sheet.id).strip("._")[:100] or "article"
    name, number = base, 1
    while name in taken:
        number += 1
        name = f"{base}-{number}"
    taken.add(name)
    (folder / f"{name}.html").write_text(render_html(sheet), encoding="utf-8")


@app.command(cls=Command)
def schema() -> None:
    """Print the JSON Schema of a fact sheet."""
    typer.echo(json.dumps(json_schema(), indent=2))


@app.command("eval", cls=Command)
def evaluate_command(
    gold: Annotated[list[str], typer.Argument(
        metavar="GOLD", help="Gold files (.json, .jsonl) or folders holding them.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as one JSON object.")] = False,
    model: ModelOption = None,
    limit: Annotated[int | None, typer.Option(min=1, metavar="N", help="Score only the first N articles of each file.")
                     ] = None,
    acts: ActsOption = False,
    quiet: QuietOption = False,
) -> None:
    """Score the pipeline against gold fact sheets (the rules of the gold FORMAT.md).

    Examples:

        newsfacts eval gold/seed.json

        newsfacts eval data/quotes/polnear-dev.jsonl --limit 20 --json

        newsfacts eval data/quotes/polnear-dev.jsonl --acts
    """
    notes.quiet = quiet
    from .evaluate import GoldError, as_json as figures_json, gold_paths, read_gold_file, report, score_files

    try:
        paths = gold_paths(gold)
    except GoldError as error:
        raise fail(str(error)) from None
    gold_files = [read_gold_file(path, limit) for path in paths]
    errors = [message for gold_file in gold_files for message in gold_file.errors]
    for message in errors:
        error_line(message)
    from .sheet import extract_many, stages_for

    nlp = get_model(model)
    total = sum(len(gold_file.articles) for gold_file in gold_files)
    with progress_bar(total, "scoring") as progress:
        scores = score_files(
            gold_files,
            lambda articles: extract_many(articles, nlp, stages=stages_for(acts)),
            on_error=error_line,
            on_article=lambda: progress.advance(0),
        )
    if as_json:
        typer.echo(json.dumps(figures_json(scores), indent=2))
    else:
        Console(width=max(Console().width, 100)).print(report(scores))
    if errors:
        raise typer.Exit(1)


@app.command(cls=Command)
def serve(
    host: Annotated[str, typer.Option(metavar="ADDRESS", help="Address to listen on; 0.0.0.0 to serve other machines."
                                      )] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, metavar="PORT", help="Port to listen on.")] = 8000,
    store: Annotated[Path | None, typer.Option(
        metavar="FILE", help="A DuckDB corpus to list articles and quotes from (/api/articles).")] = None,
    max_body: Annotated[
        int, typer.Option(min=1, metavar="BYTES", help="Largest request body in bytes; larger ones get 413.")
    ] = 2_000_000,
    model: ModelOption = None,
    quiet: QuietOption = False,
) -> None:
    """Run the web page (paste or upload an article, get its report) and the JSON API.

    The API is documented at /docs once the server runs. URLs given to the server are fetched only
    when they are public http(s) addresses.

    Example:

        newsfacts serve --port 8000 --store corpus.duckdb
    """
    import socket

    notes.quiet = quiet
    if store is not None and not store.is_file():
        raise fail(f"{store}: no such store; build one with `newsfacts batch`")
    # Bound first, before the model loads (and by this command rather than by uvicorn), so that a port in use or
    # a foreign address is one line at once, not a log record seconds later.
    try:
        listener = socket.create_server((host, port), family=socket.AF_INET6 if ":" in host else socket.AF_INET)
    except OSError as error:
        raise fail(f"cannot listen on {host}:{port} ({os.strerror(error.errno) if error.errno else error})") from None
    with listener:
        from .store import Store, StoreBusy, StoreError

        if store is not None:
            try:
                Store(store, read_only=True).close()
            except StoreBusy:  # a batch filling it: the listings answer 503 until it is done
                warning_line(f"{store} is being written by another process; its listings wait until that is done")
            except StoreError as error:
                raise fail(str(error)) from None
        get_model(model)  # fails here with one line when the model is missing; the server reuses the cached one
        import uvicorn

        from .server import create_app

        note(f"serving on {server_url(host, port)}  (API documentation at /docs; Ctrl-C stops)")
        config = uvicorn.Config(create_app(model=model_name(model), store=store, max_body=max_body),
                                log_level="warning")
        uvicorn.Server(config).run(sockets=[listener])


def server_url(host: str, port: int) -> str:
    """The address to open in a browser; an IPv6 address goes in brackets (RFC 3986)."""
    return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


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

    from .corpus import run_batch
    from .distributed import ClusterUnavailable
    from .nlp import ModelNotFound
    from .store import Store, StoreError

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


def model_installed(name: str) -> bool:
    """Whether spaCy can load the pipeline, judged without loading it: worker processes load their own, and a
    missing one would otherwise surface as a traceback from each of them."""
    import spacy

    from .nlp import MODEL_ALIASES

    return (name.startswith("blank:") or Path(name).is_dir() or spacy.util.is_package(name)
            or spacy.util.is_package(MODEL_ALIASES.get(name, name)))


@contextmanager
def batch_executor(engine: Engine, scheduler: str | None, workers: int, model: str):
    if engine is Engine.dask:
        from .distributed import dask_executor

        note(f"connecting to Dask at {scheduler or 'a new LocalCluster'}…")
        with dask_executor(scheduler, workers, model) as pair:
            yield pair
    else:
        from .corpus import local_executor

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

        newsfacts query --sql "SELECT outlet, count(*) FROM articles GROUP BY outlet" --store corpus.duckdb
    """
    from . import store as stored

    if (question is None) == (sql is None):
        raise fail("give one ready question (top-quoted, sources, genders, quotes-by, timeline) or --sql")
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
        writer.writerows([[show(str(value)) if isinstance(value, str) else value for value in row] for row in rows])
    elif output_format is TableFormat.json:
        rows_json = json.dumps([dict(zip(columns, row)) for row in rows], indent=2, default=str, ensure_ascii=False)
        typer.echo(escaped_c1(rows_json))
    else:
        table = Table(*(printable(column) for column in columns), show_lines=False)
        for row in rows:
            table.add_row(*(Text("" if value is None else printable(str(value))) for value in row))  # no markup
        Console().print(table)
        note(counted(len(rows), "row"))


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
    from .store import ExportFormat, Store, StoreError

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


if __name__ == "__main__":
    app()
