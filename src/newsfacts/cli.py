"""The `newsfacts` command: a thin layer over the library, for people."""

from __future__ import annotations

import json
import re
import sys
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Iterator, TextIO

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from . import __version__
from .ingest import IngestError, check_date, read_inputs
from .nlp import DEFAULT_MODEL, ModelNotFound, load_model
from .schema import ErrorRecord, FactSheet, json_schema

app = typer.Typer(
    help="Turn news articles into fact sheets: who is in it, who said what, what happened when, "
    "whether the numbers add up, and how the people relate.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="markdown",
    pretty_exceptions_enable=False,
)
stderr = Console(stderr=True)


class OutputFormat(str, Enum):
    json = "json"
    text = "text"
    html = "html"


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print one red line on stderr and return the exit to raise."""
    stderr.print(f"[bold red]error:[/] {message}", highlight=False)
    return typer.Exit(code)


def get_model(name: str):
    try:
        with stderr.status(f"loading spaCy pipeline {name}…"):
            return load_model(name)
    except ModelNotFound as error:
        raise fail(str(error)) from None


@contextmanager
def progress_bar(total: int | None, label: str) -> Iterator[Progress]:
    columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn()]
    with Progress(*columns, console=stderr, transient=True, disable=not stderr.is_terminal) as progress:
        progress.add_task(label, total=total)
        yield progress


@contextmanager
def open_output(path: Path | None) -> Iterator[TextIO]:
    if path is None:
        yield sys.stdout
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
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
    pass


@app.command()
def extract(
    paths: Annotated[
        list[str], typer.Argument(help="Article files (.txt, .html), `-` for standard input, or a .jsonl corpus.")
    ],
    published: Annotated[
        str | None, typer.Option(help="Publication date YYYY-MM-DD; overrides the article's own.")
    ] = None,
    output_format: Annotated[OutputFormat, typer.Option(
            "--format",
            help="json; text, a readable summary; or html, a self-contained report page (with several "
            "articles, -o names a folder that gets one page per article).",
        )] = (
        OutputFormat.json
    ),
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
    model: Annotated[str, typer.Option(help="Any installed spaCy pipeline, e.g. en_core_web_trf.")] = DEFAULT_MODEL,
) -> None:
    """Analyse articles and print their fact sheets.

    One article gives one JSON object; several give JSON Lines, one sheet per article.

    Examples:

        newsfacts extract story.txt --published 2025-09-10 --format text

        newsfacts extract page.html -o sheet.json

        newsfacts extract corpus.jsonl -o sheets.jsonl

        newsfacts extract story.txt --format html -o report.html

        newsfacts extract corpus.jsonl --format html -o reports/
    """
    from .sheet import extract_many

    try:
        published = check_date(published)
    except IngestError as error:
        raise fail(str(error)) from None
    several = len(paths) > 1 or any(Path(path).suffix.lower() in {".jsonl", ".ndjson"} for path in paths)
    pages = output if output_format is OutputFormat.html and several else None
    if output_format is OutputFormat.html and several and output is None:
        raise fail("--format html makes one page per article: for several articles give -o FOLDER")
    nlp = get_model(model)
    failures = written = 0
    with open_output(None if pages else output) as out, progress_bar(None, "analysing") as progress:
        for result in extract_many(read_inputs(paths, published), nlp):
            progress.advance(0)
            if isinstance(result, ErrorRecord):
                failures += 1
                stderr.print(f"[bold red]error:[/] {result.error}", highlight=False)
                if several and pages is None:
                    out.write(result.model_dump_json() + "\n")
                continue
            if pages is not None:
                write_page(result, pages)
            else:
                write_sheet(result, output_format, out, several)
            written += 1
    if output is not None and written:
        stderr.print(f"written to {output}", highlight=False)
    if failures:
        raise typer.Exit(1)


def write_sheet(sheet: FactSheet, output_format: OutputFormat, out: TextIO, several: bool) -> None:
    if output_format is OutputFormat.text:
        from .render.text import summary

        Console(file=out, force_terminal=out is sys.stdout and sys.stdout.isatty(), width=120).print(
            summary(sheet)
        )
    elif output_format is OutputFormat.html:
        from .render.html import render_html

        out.write(render_html(sheet))
    elif several:
        out.write(sheet.model_dump_json() + "\n")
    else:
        out.write(sheet.model_dump_json(indent=2) + "\n")


def write_page(sheet: FactSheet, folder: Path) -> None:
    """The HTML report of one article of several, named after its id made safe as a file name."""
    from .render.html import render_html

    folder.mkdir(parents=True, exist_ok=True)
    name = re.sub(r"[^\w.-]+", "_", sheet.id).strip("._")[:100] or "article"
    (folder / f"{name}.html").write_text(render_html(sheet), encoding="utf-8")


@app.command()
def schema() -> None:
    """Print the JSON Schema of a fact sheet."""
    typer.echo(json.dumps(json_schema(), indent=2))


@app.command("eval")
def evaluate_command(
    gold: Annotated[list[str], typer.Argument(help="Gold files (.json, .jsonl) or folders holding them.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as one JSON object.")] = False,
    model: Annotated[str, typer.Option(help="Any installed spaCy pipeline, e.g. en_core_web_trf.")] = DEFAULT_MODEL,
    limit: Annotated[int | None, typer.Option(min=1, help="Score only the first N articles of each file.")] = None,
) -> None:
    """Score the pipeline against gold fact sheets (the rules of the gold FORMAT.md).

    Examples:

        newsfacts eval gold/seed.json

        newsfacts eval data/quotes/polnear-dev.jsonl --limit 20 --json
    """
    from .evaluate import GoldError, as_json as figures_json, gold_paths, read_gold_file, report, score_files
    from .sheet import extract_many

    try:
        paths = gold_paths(gold)
    except GoldError as error:
        raise fail(str(error)) from None
    gold_files = [read_gold_file(path, limit) for path in paths]
    errors = [message for gold_file in gold_files for message in gold_file.errors]
    for message in errors:
        stderr.print(f"[bold red]error:[/] {message}", highlight=False)
    nlp = get_model(model)
    total = sum(len(gold_file.articles) for gold_file in gold_files)
    with progress_bar(total, "scoring") as progress:
        scores = score_files(
            gold_files,
            lambda articles: extract_many(articles, nlp),
            on_error=lambda message: stderr.print(f"[bold red]error:[/] {message}", highlight=False),
            on_article=lambda: progress.advance(0),
        )
    if as_json:
        typer.echo(json.dumps(figures_json(scores), indent=2))
    else:
        Console(width=max(Console().width, 100)).print(report(scores))
    if errors:
        raise typer.Exit(1)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on; 0.0.0.0 to serve other machines.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    store: Annotated[
        Path | None, typer.Option(help="A DuckDB corpus to list articles and quotes from (/api/articles).")
    ] = None,
    max_body: Annotated[int, typer.Option(help="Largest request body in bytes; larger ones get 413.")] = 2_000_000,
    model: Annotated[str, typer.Option(help="Any installed spaCy pipeline.")] = DEFAULT_MODEL,
) -> None:
    """Run the web page (paste or upload an article, get its report) and the JSON API.

    The API is documented at /docs once the server runs. URLs given to the server are fetched only
    when they are public http(s) addresses.

    Example:

        newsfacts serve --port 8000 --store corpus.duckdb
    """
    import uvicorn

    from .server import create_app

    if store is not None and not store.is_file():
        raise fail(f"{store}: no such store; build one with `newsfacts batch`")
    get_model(model)  # fails here with one line when the model is missing; the server reuses the cached one
    stderr.print(f"serving on http://{host}:{port}/  (API documentation at /docs; Ctrl-C stops)", highlight=False)
    uvicorn.run(create_app(model=model, store=store, max_body=max_body), host=host, port=port, log_level="warning")


if __name__ == "__main__":
    app()
