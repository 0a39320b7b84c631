"""From files to articles: article files, folders of them, and corpora (JSON, JSON Lines, CSV, Parquet).

Each reader yields `Article`s, and an `ErrorRecord` for a record that cannot be read, so one bad record
never stops a corpus; a file that cannot be read at all raises IngestError.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..schema import Article, ErrorRecord
from .articles import RECORD_FIELDS, IngestError, from_html, from_record, from_text, looks_like_html, metadata_field
from .decoding import decode, decode_page

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
JSON_SUFFIXES = {".json"}
CSV_SUFFIXES = {".csv"}
PARQUET_SUFFIXES = {".parquet", ".pq"}
ARTICLE_FILE_SUFFIXES = (TEXT_SUFFIXES | HTML_SUFFIXES) - {""}
# Documents an article is often saved as: in a folder they become error rows naming the format, not a silent skip.
DOCUMENT_SUFFIXES = {".pdf", ".doc", ".docx", ".odt", ".rtf", ".epub"}
# Python's csv module refuses fields over 128 KiB by default; a long HTML page is larger.
CSV_FIELD_LIMIT = 64 * 1024 * 1024
# Columns a CSV or Parquet corpus needs one of: the article itself.
ARTICLE_COLUMNS = {"text", "html"}

Item = Article | ErrorRecord


def read_file(path: Path) -> Article:
    """One article from a .txt or .html file (HTML is also recognised by its content)."""
    if not path.exists():
        raise IngestError(f"{path}: no such file")
    if path.is_dir():
        raise IngestError(f"{path}: is a folder; give the article files inside it")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise IngestError(f"{path}: cannot be read ({error.strerror})") from None
    text = decode_page(data, str(path)) if path.suffix.lower() in HTML_SUFFIXES else decode(data, str(path))
    if path.suffix.lower() in HTML_SUFFIXES or looks_like_html(text):
        return from_html(text, path.stem, str(path))
    return from_text(text, path.stem, str(path))


def article_files(folder: Path) -> Iterator[Path]:
    """The article files (and documents to report) under a folder, walked in sorted order one directory at a
    time."""
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(files):
            path = Path(root, name)
            if not name.startswith(".") and path.suffix.lower() in ARTICLE_FILE_SUFFIXES | DOCUMENT_SUFFIXES:
                yield path


def read_folder(folder: Path) -> Iterator[Item]:
    """Articles from the .txt/.html files under a folder; the id is the path inside it, without suffix."""
    for path in article_files(folder):
        inside = path.relative_to(folder)
        # A document keeps its suffix in its id, so "story.pdf" beside "story.txt" does not take the article's id.
        article_id = (inside if path.suffix.lower() in DOCUMENT_SUFFIXES else inside.with_suffix("")).as_posix()
        try:
            yield read_file(path).model_copy(update={"id": article_id})
        except IngestError as error:
            yield ErrorRecord(id=article_id, error=str(error), source=str(path))


def read_jsonl(path: Path) -> Iterator[Item]:
    with path.open("rb") as lines:
        for number, raw in enumerate(lines, start=1):
            fallback_id = f"{path.stem}:{number}"
            if not raw.strip():
                continue
            try:
                record = json.loads(decode(raw, f"{path}:{number}"))
                if not isinstance(record, dict):
                    raise IngestError(f"{path}:{number}: a line must hold a JSON object")
                yield from_record(record, fallback_id, str(path))
            except json.JSONDecodeError as error:
                # json's messages end "… at" before the position it would append ("Invalid control character at").
                problem = f"{error.msg.removesuffix(' at')} at column {error.colno}"
                yield ErrorRecord(id=fallback_id, error=f"{path}:{number}: not JSON ({problem})", source=str(path))
            except IngestError as error:
                yield ErrorRecord(id=_record_id(raw) or fallback_id, error=str(error), source=str(path))


def _record_id(raw: bytes) -> str | None:
    try:
        record = json.loads(raw)
        return metadata_field(record.get("id")) if isinstance(record, dict) else None
    except ValueError:
        return None


def read_json(path: Path) -> Iterator[Item]:
    """A .json file: one record (an object with `text` or `html`, a fact sheet included) or a list of them."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise IngestError(f"{path}: cannot be read ({error.strerror})") from None
    try:
        content = json.loads(decode(data, str(path)))
    except json.JSONDecodeError as error:
        raise IngestError(f"{path}: not JSON ({error.msg.removesuffix(' at')} at line {error.lineno})") from None
    records = content if isinstance(content, list) else [content]
    for number, record in enumerate(records, start=1):
        fallback_id = path.stem if len(records) == 1 else f"{path.stem}:{number}"
        try:
            if not isinstance(record, dict):
                raise IngestError(f"{path}: holds {type(record).__name__}s; give objects with `text` or `html`")
            yield from_record(record, fallback_id, str(path))
        except IngestError as error:
            record_id = metadata_field(record.get("id")) if isinstance(record, dict) else None
            yield ErrorRecord(id=record_id or fallback_id, error=str(error), source=str(path))


def read_csv(path: Path) -> Iterator[Item]:
    csv.field_size_limit(CSV_FIELD_LIMIT)
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            rows = csv.DictReader(handle)
            check_columns(path, rows.fieldnames or [])
            for number, record in enumerate(rows, start=1):
                yield _from_row(record, path, number)
    except (UnicodeDecodeError, csv.Error) as error:
        raise IngestError(f"{path}: cannot be read as UTF-8 CSV ({error})") from None


def read_parquet(path: Path, rows_per_batch: int = 256) -> Iterator[Item]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        table = pq.ParquetFile(path)
    except (OSError, pa.ArrowException) as error:
        raise IngestError(f"{path}: cannot be read as Parquet ({error})") from None
    check_columns(path, table.schema_arrow.names)
    wanted = [name for name in table.schema_arrow.names if name in RECORD_FIELDS]
    number = 0
    for batch in table.iter_batches(batch_size=rows_per_batch, columns=wanted):
        for record in batch.to_pylist():
            number += 1
            yield _from_row(record, path, number)


def check_columns(path: Path, columns: Sequence[str]) -> None:
    """One error for a table without an article column, rather than one per row."""
    if not columns:
        raise IngestError(f"{path}: the input is empty")
    if not ARTICLE_COLUMNS & set(columns):
        raise IngestError(f"{path}: no `text` or `html` column (its columns: {', '.join(columns)}); rename the "
                          "column that holds the articles")


def _from_row(record: dict, path: Path, number: int) -> Item:
    fallback_id = f"{path.stem}:{number}"
    try:
        return from_record(record, fallback_id, str(path))
    except IngestError as error:
        record_id = record.get("id")
        return ErrorRecord(id=str(record_id) if record_id not in (None, "") else fallback_id, error=str(error),
                           source=str(path))


# How many articles a file holds, read cheaply (line, row or file counts), for progress and ETA.


def count_folder(folder: Path) -> int:
    return sum(1 for _ in article_files(folder))


def count_jsonl(path: Path) -> int:
    with path.open("rb") as lines:
        return sum(1 for line in lines if line.strip())


def count_json(path: Path) -> int:
    """Records in a .json file: the length of its list, else one (a broken file is one error)."""
    try:
        content = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return 1
    return len(content) if isinstance(content, list) else 1


def count_csv(path: Path) -> int:
    csv.field_size_limit(CSV_FIELD_LIMIT)
    with path.open(newline="", encoding="utf-8-sig", errors="replace") as handle:
        return sum(1 for _ in csv.DictReader(handle))


def count_parquet(path: Path) -> int:
    import pyarrow.parquet as pq

    return pq.ParquetFile(path).metadata.num_rows
