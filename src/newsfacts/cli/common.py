"""What the commands share: the application, output to the terminal (errors always, notes unless --quiet),
the options several commands take, the model and the progress bars.

Nothing here imports spaCy at start-up (the model is loaded by `get_model`, its module imported there), so
that a mistyped file name or a port in use is answered at once.
"""

from __future__ import annotations

import re
import sys
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Iterator, TextIO

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from typer.core import TyperArgument, TyperCommand, TyperOption

from .. import __version__
from ..ingest import input_kind
from ..render.text import counted, printable

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
    from ..nlp import DEFAULT_MODEL

    return name or DEFAULT_MODEL


def get_model(name: str | None):
    from ..nlp import ModelNotFound, load_model

    try:
        with notes.status(f"loading spaCy pipeline {model_name(name)}…"):
            return load_model(model_name(name))
    except ModelNotFound as error:
        raise fail(str(error)) from None


def model_installed(name: str) -> bool:
    """Whether spaCy can load the pipeline, judged without loading it: worker processes load their own, and a
    missing one would otherwise surface as a traceback from each of them."""
    import spacy

    from ..nlp import MODEL_ALIASES

    return (name.startswith("blank:") or Path(name).is_dir() or spacy.util.is_package(name)
            or spacy.util.is_package(MODEL_ALIASES.get(name, name)))


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
IdColumnOption = Annotated[str | None, typer.Option(
    metavar="NAME", help="The column or field holding each article's id, when not `id`.")]
StoreOption = Annotated[Path, typer.Option(metavar="FILE", help="The DuckDB store a batch filled.")]
INPUTS_HELP = ("Article files (.txt, .html), URLs, `-` for standard input, folders, or .json, .jsonl, .csv, .parquet "
               "corpora; any but Parquet may be gzip-compressed (.gz).")
