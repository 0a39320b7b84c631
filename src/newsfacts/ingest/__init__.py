"""Reading articles: the one door every input comes through.

`read_inputs` takes what a user names (article files, folders, JSON, JSON Lines, CSV and Parquet corpora,
URLs, `-` for standard input, quoted wildcards) and yields `Article`s in order, with an `ErrorRecord`
standing in for each one that cannot be read, so a corpus run never stops on one bad article. Which reader
an input needs is decided here, once (`input_kind`); `corpus`, the CLI and the server ask.

    articles.py  text, an HTML page or a corpus record → Article
    decoding.py  bytes → text
    files.py     files, folders and corpus files → Articles
"""

from __future__ import annotations

import glob
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..schema import Article, ErrorRecord
from .articles import (
    MAX_ARTICLE_CHARS,
    MAX_ARTICLE_TOKENS,
    RECORD_FIELDS,
    TOKEN_LIKE,
    ArticleTooLong,
    IngestError,
    check_date,
    check_time,
    dated,
    from_html,
    from_record,
    from_text,
    looks_english,
    looks_like_html,
    metadata_field,
    without_surrogates,
)
from .decoding import decode, decode_bytes, decode_fetched, inner_suffix
from .files import (
    CSV_SUFFIXES,
    HTML_SUFFIXES,
    JSON_SUFFIXES,
    JSONL_SUFFIXES,
    PARQUET_SUFFIXES,
    PLAIN,
    Columns,
    count_csv,
    count_folder,
    count_json,
    count_jsonl,
    count_parquet,
    file_id,
    read_csv,
    read_file,
    read_folder,
    read_json,
    read_jsonl,
    read_parquet,
)

if TYPE_CHECKING:
    from ..fetch import FetchPolicy, Page

__all__ = [
    "MAX_ARTICLE_CHARS", "MAX_ARTICLE_TOKENS", "TOKEN_LIKE", "RECORD_FIELDS", "HTML_SUFFIXES", "PLAIN",
    "ArticleTooLong", "Columns", "IngestError", "check_date", "check_time", "dated", "decode",
    "from_html", "from_record", "from_text", "looks_english", "looks_like_html", "metadata_field", "without_surrogates",
    "input_kind", "is_collection", "expand_patterns", "read_source", "read_inputs", "read_url", "read_fetched",
    "count_articles",
]

# Inputs named by these prefixes are fetched from the web rather than read from disk.
URL_PREFIXES = ("http://", "https://")
GLOB_CHARACTERS = re.compile(r"[*?[]")
# Kinds of input by file suffix; other existing files are read as one article (text or HTML).
CORPUS_KINDS = {"jsonl": JSONL_SUFFIXES, "json": JSON_SUFFIXES, "csv": CSV_SUFFIXES, "parquet": PARQUET_SUFFIXES}
# Kinds that may hold many articles.
COLLECTIONS = {"folder", "jsonl", "csv", "parquet"}

Item = Article | ErrorRecord


def input_kind(name: str) -> str:
    """How an input is read: stdin, url, folder, jsonl, json, csv, parquet, file (one article) or missing."""
    if name == "-":
        return "stdin"
    if name.lower().startswith(URL_PREFIXES):
        return "url"
    path = Path(name)
    if path.is_dir():
        return "folder"
    if not path.exists():
        return "missing"
    suffix = inner_suffix(path)  # news.jsonl.gz is JSON Lines
    return next((kind for kind, suffixes in CORPUS_KINDS.items() if suffix in suffixes), "file")


def is_collection(name: str) -> bool:
    """Whether the input is a folder or a corpus file, whose sheets are written as JSON Lines."""
    return input_kind(name) in COLLECTIONS


def expand_patterns(names: Sequence[str | Path]) -> list[str]:
    """The inputs with wildcards expanded, for patterns the shell left alone (quoted, or on Windows). A
    pattern that matches nothing is kept, to be reported as missing; URLs and `-` are not patterns."""
    expanded: list[str] = []
    for name in map(str, names):
        is_pattern = GLOB_CHARACTERS.search(name) and not name.lower().startswith(URL_PREFIXES)
        matches = sorted(glob.glob(name, recursive=True)) if is_pattern and not Path(name).exists() else []
        expanded += matches or [name]
    return expanded


def read_stdin() -> Article:
    decoded = decode_bytes(sys.stdin.buffer.read(), "standard input")
    if looks_like_html(decoded.text):
        return from_html(decoded.text, "stdin", "-", warnings=decoded.warnings)
    return from_text(decoded.text, "stdin", "-", warnings=decoded.warnings)


def read_url(url: str, policy: FetchPolicy | None = None) -> Article:
    """The article at a URL: its main text through trafilatura when it is a page, or the plain text. Raises
    FetchError (or FetchRefused) when it cannot be fetched, IngestError when it holds no article."""
    from ..fetch import OPEN, fetch

    return read_fetched(fetch(url, policy or OPEN), url)


def read_fetched(page: Page, url: str) -> Article:
    """The article in a downloaded page (`url` is the address asked for; the page's own is where redirects
    ended). Kept apart from the download so the server can read pages in its analysis processes."""
    from ..fetch import HTML_TYPES, article_id

    decoded = decode_fetched(page.body, page.charset, page.url)
    if page.media_type in HTML_TYPES or (not page.media_type and looks_like_html(decoded.text)):
        return from_html(decoded.text, article_id(page.url), source=url, url=page.url, warnings=decoded.warnings)
    return from_text(decoded.text, article_id(page.url), source=page.url, warnings=decoded.warnings)


def _read_url_input(url: str, columns: Columns) -> Iterator[Item]:
    from ..fetch import FetchError

    try:
        yield read_url(url)
    except FetchError as error:
        raise IngestError(str(error)) from None


def _missing(name: str, columns: Columns) -> Iterator[Item]:
    raise IngestError(f"{Path(name)}: no such file or folder")


READERS: dict[str, Callable[[str, Columns], Iterable[Item]]] = {
    "stdin": lambda name, columns: [read_stdin()],
    "url": _read_url_input,
    "folder": lambda name, columns: read_folder(Path(name)),
    "jsonl": lambda name, columns: read_jsonl(Path(name), columns),
    "json": lambda name, columns: read_json(Path(name), columns),
    "csv": lambda name, columns: read_csv(Path(name), columns),
    "parquet": lambda name, columns: read_parquet(Path(name), columns),
    "file": lambda name, columns: [read_file(Path(name))],
    "missing": _missing,
}
COUNTERS: dict[str, Callable[[Path], int]] = {
    "folder": count_folder, "jsonl": count_jsonl, "json": count_json, "csv": count_csv, "parquet": count_parquet,
}


def read_source(name: str, columns: Columns = PLAIN) -> Iterator[Item]:
    """Every article of one input, in order; what cannot be read as error records. `columns` names the
    columns of a table (or fields of a JSON record) that hold the article and its id."""
    kind = input_kind(name)
    try:
        yield from READERS[kind](name, columns)
    except IngestError as error:
        if kind == "stdin":
            yield ErrorRecord(id="stdin", error=str(error), source=name)
        else:
            path = Path(name)
            yield ErrorRecord(id=path.stem if kind == "url" else file_id(path), error=str(error),
                              source=name if kind == "url" else str(path))


def read_inputs(names: Sequence[str | Path], published: str | None = None, columns: Columns = PLAIN
                ) -> Iterator[Item]:
    """Every article named by the inputs (wildcards expanded), in order, as a stream; `published` overrides
    each article's own date, and an article with none takes the date of a dateline at its top."""
    published = check_date(published)
    for name in expand_patterns(names):
        for item in read_source(name, columns):
            yield dated(item, published) if isinstance(item, Article) else item


def count_articles(names: Sequence[str | Path]) -> int:
    """How many articles the inputs hold, read cheaply (line, row or file counts), for progress and ETA."""
    total = 0
    for name in expand_patterns(names):
        counter = COUNTERS.get(input_kind(name))
        total += counter(Path(name)) if counter else 1
    return total
