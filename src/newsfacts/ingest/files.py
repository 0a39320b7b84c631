"""From files to articles: article files, folders of them, and corpora (JSON, JSON Lines, CSV, Parquet),
each of them also gzip-compressed (`.jsonl.gz`, `.txt.gz`) except Parquet, which compresses itself.

Each reader yields `Article`s, and an `ErrorRecord` for a record that cannot be read, so one bad record
never stops a corpus and no record is lost without an error saying so; a file that cannot be read at
all raises IngestError.
"""

from __future__ import annotations

import csv
import json
import os
import re
import sys
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..schema import Article, ErrorRecord
from .articles import (
    RECORD_FIELDS,
    IngestError,
    from_html,
    from_record,
    from_text,
    looks_like_html,
    metadata_field,
)
from .decoding import (
    Line,
    decode_bytes,
    decode_page,
    inner_stem,
    inner_suffix,
    is_compressed,
    open_bytes,
    read_limited,
    text_lines,
)

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
JSON_SUFFIXES = {".json"}
CSV_SUFFIXES = {".csv"}
PARQUET_SUFFIXES = {".parquet", ".pq"}
ARTICLE_FILE_SUFFIXES = (TEXT_SUFFIXES | HTML_SUFFIXES) - {""}
# Documents an article is often saved as: in a folder they become error rows naming the format, not a silent skip.
DOCUMENT_SUFFIXES = {".pdf", ".doc", ".docx", ".odt", ".rtf", ".epub"}
# Largest article file, JSON Lines line or CSV field read, in bytes: far over any article (and Python's csv
# module refuses fields over 128 KiB by default, less than a long HTML page), yet a file of gigabytes, or a
# small .gz that expands to them, is refused instead of filling memory.
MAX_RECORD_BYTES = 64 * 1024 * 1024
# A .json file is read whole; a corpus larger than this belongs in JSON Lines, which is streamed.
MAX_JSON_BYTES = 512 * 1024 * 1024
# Columns a CSV or Parquet corpus needs one of: the article itself.
ARTICLE_COLUMNS = {"text", "html"}

CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")

Item = Article | ErrorRecord


@dataclass(frozen=True)
class Columns:
    """The columns (or JSON fields) that hold the article and its id, when they are not `text` and `id`."""

    text: str | None = None
    id: str | None = None

    def record(self, row: dict) -> dict:
        """The row with the named columns in the places of `text` (or `html`, for a page) and `id`."""
        renamed = dict(row)
        if self.text is not None:
            value = row.get(self.text)
            page = isinstance(value, str) and looks_like_html(value)
            renamed.update(text=None if page else value, html=value if page else None)
        if self.id is not None:
            renamed["id"] = row.get(self.id)
        return renamed

    def check(self, path: Path, names: Sequence[str]) -> None:
        """One error for a table without its article column, rather than one per row."""
        if not names:
            raise IngestError(f"{path}: the input is empty")
        listed = ", ".join(names)
        if self.text is not None and self.text not in names:
            raise IngestError(f"{path}: no `{self.text}` column (its columns: {listed})")
        if self.id is not None and self.id not in names:
            raise IngestError(f"{path}: no `{self.id}` column (its columns: {listed})")
        if self.text is None and not ARTICLE_COLUMNS & set(names):
            raise IngestError(f"{path}: no `text` or `html` column (its columns: {listed}); name the column that "
                              "holds the articles with --text-column")

    def wanted(self, names: Sequence[str]) -> list[str]:
        return [name for name in names if name in RECORD_FIELDS or name in (self.text, self.id)]


PLAIN = Columns()


def one_line(error: Exception) -> str:
    """A library's message on one line, without the control characters some carry."""
    return " ".join(CONTROL_CHARACTERS.sub(" ", str(error)).split())


def file_id(path: Path) -> str:
    return inner_stem(path)


def read_file(path: Path) -> Article:
    """One article from a .txt or .html file, or the same compressed (.txt.gz); HTML is also recognised by
    its content."""
    if not path.exists():
        raise IngestError(f"{path}: no such file")
    if path.is_dir():
        raise IngestError(f"{path}: is a folder; give the article files inside it")
    data = read_limited(path, MAX_RECORD_BYTES)
    is_page = inner_suffix(path) in HTML_SUFFIXES
    decoded = decode_page(data, str(path)) if is_page else decode_bytes(data, str(path))
    if is_page or looks_like_html(decoded.text):
        return from_html(decoded.text, file_id(path), str(path), warnings=decoded.warnings)
    return from_text(decoded.text, file_id(path), str(path), warnings=decoded.warnings)


def article_files(folder: Path) -> Iterator[Path]:
    """The article files (and documents to report) under a folder, walked in sorted order one directory at a
    time."""
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(files):
            path = Path(root, name)
            if not name.startswith(".") and inner_suffix(path) in ARTICLE_FILE_SUFFIXES | DOCUMENT_SUFFIXES:
                yield path


def read_folder(folder: Path, columns: Columns = PLAIN) -> Iterator[Item]:
    """Articles from the .txt/.html files under a folder; the id is the path inside it, without suffix."""
    for path in article_files(folder):
        inside = path.relative_to(folder)
        # A document keeps its suffix in its id, so "story.pdf" beside "story.txt" does not take the article's id.
        if inner_suffix(path) in DOCUMENT_SUFFIXES:
            article_id = inside.as_posix()
        else:
            article_id = inside.with_name(file_id(path)).as_posix()
        try:
            yield read_file(path).model_copy(update={"id": article_id})
        except IngestError as error:
            yield ErrorRecord(id=article_id, error=str(error), source=str(path))


def _whole_int(digits: str) -> int | str:
    """A JSON integer; one too long for Python to convert (a 5,000-digit id) is kept as its digits."""
    return int(digits) if len(digits) <= sys.get_int_max_str_digits() else digits


def parse_json(text: str, name: str) -> object:
    """JSON, with its faults as IngestError; a JSONDecodeError is left for the caller to place."""
    try:
        return json.loads(text, parse_int=_whole_int)
    except RecursionError:
        raise IngestError(f"{name}: the JSON is nested too deeply to read") from None


def read_jsonl(path: Path, columns: Columns = PLAIN) -> Iterator[Item]:
    stem = file_id(path)
    for line in text_lines(path, MAX_RECORD_BYTES):
        fallback_id = f"{stem}:{line.number}"
        if line.error is not None:
            yield ErrorRecord(id=fallback_id, error=line.error, source=str(path))
            continue
        if not line.text.strip():
            continue
        record = None
        try:
            record = parse_json(line.text, f"{path}:{line.number}")
            if not isinstance(record, dict):
                raise IngestError(f"{path}:{line.number}: a line must hold a JSON object")
            yield from_record(columns.record(record), fallback_id, str(path), line.warnings)
        except json.JSONDecodeError as error:
            # json's messages end "… at" before the position it would append ("Invalid control character at").
            problem = f"{error.msg.removesuffix(' at')} at column {error.colno}"
            yield ErrorRecord(id=fallback_id, error=f"{path}:{line.number}: not JSON ({problem})", source=str(path))
        except (IngestError, RecursionError) as error:
            yield ErrorRecord(id=_record_id(record, columns) or fallback_id, error=_reason(error, path, line.number),
                              source=str(path))


def _reason(error: Exception, path: Path, number: int) -> str:
    return str(error) if isinstance(error, IngestError) else f"{path}:{number}: the record is nested too deeply"


def _record_id(record: object, columns: Columns) -> str | None:
    if not isinstance(record, dict):
        return None
    try:
        return metadata_field(columns.record(record).get("id"))
    except RecursionError:
        return None


def read_json(path: Path, columns: Columns = PLAIN) -> Iterator[Item]:
    """A .json file: one record (an object with `text` or `html`, a fact sheet included) or a list of them."""
    decoded = decode_bytes(read_limited(path, MAX_JSON_BYTES), str(path))
    try:
        content = parse_json(decoded.text, str(path))
    except json.JSONDecodeError as error:
        raise IngestError(f"{path}: not JSON ({error.msg.removesuffix(' at')} at line {error.lineno})") from None
    records = content if isinstance(content, list) else [content]
    stem = file_id(path)
    for number, record in enumerate(records, start=1):
        fallback_id = stem if len(records) == 1 else f"{stem}:{number}"
        try:
            if not isinstance(record, dict):
                raise IngestError(f"{path}: holds {type(record).__name__}s; give objects with `text` or `html`")
            yield from_record(columns.record(record), fallback_id, str(path), decoded.warnings)
        except (IngestError, RecursionError) as error:
            yield ErrorRecord(id=_record_id(record, columns) or fallback_id, error=_reason(error, path, number),
                              source=str(path))


class _BadLine(Exception):
    pass


class CsvRows:
    """The rows of a CSV file, each with the line it starts on and the warnings of its lines' decoding.

    A row that cannot be parsed (an unterminated quotation mark, a field over the limit, a line that is no
    text) is reported, and parsing starts again on the line after the one it started on. Without this, an
    unterminated quotation mark swallows every row after it into one field, silently."""

    def __init__(self, lines: Iterator[Line]):
        self.lines = lines
        self.replay: deque[Line] = deque()
        self.taken: list[Line] = []  # the lines of the row being parsed

    def _texts(self) -> Iterator[str]:
        while (line := self.replay.popleft() if self.replay else next(self.lines, None)) is not None:
            self.taken.append(line)
            if line.error is not None:
                raise _BadLine(line.error)
            yield line.text

    def __iter__(self) -> Iterator[tuple[int, list[str] | None, tuple[str, ...], str | None]]:
        """(line number, fields or None, warnings, error) per row; blank lines are skipped."""
        while True:
            try:
                for fields in csv.reader(self._texts(), strict=True):
                    taken, self.taken = self.taken, []
                    if fields:
                        yield taken[0].number, fields, tuple(w for line in taken for w in line.warnings), None
                return
            except (csv.Error, _BadLine) as error:
                taken, self.taken = self.taken, []
                if not taken:
                    return
                self.replay.extendleft(reversed(taken[1:]))
                yield taken[0].number, None, (), str(error)


def read_csv(path: Path, columns: Columns = PLAIN) -> Iterator[Item]:
    csv.field_size_limit(MAX_RECORD_BYTES)
    rows = iter(CsvRows(text_lines(path, MAX_RECORD_BYTES)))
    first = next(rows, None)
    if first is not None and first[1] is None:
        raise IngestError(f"{path}: the header line cannot be read as CSV ({first[3]})")
    header = [name.strip() for name in first[1]] if first else []
    columns.check(path, header)
    stem = file_id(path)
    for number, (line, fields, warnings, error) in enumerate(rows, start=1):
        fallback_id = f"{stem}:{number}"
        if fields is None:
            yield ErrorRecord(id=fallback_id, source=str(path), error=f"{path}: line {line}: not CSV ({error}: often a "
                              f"quotation mark left open); that row is left out and reading goes on at line {line + 1}")
            continue
        yield _from_row(dict(zip(header, fields)), path, number, columns, warnings)


def read_parquet(path: Path, columns: Columns = PLAIN, rows_per_batch: int = 256) -> Iterator[Item]:
    """Rows of a Parquet file, one row group at a time: a corrupt group becomes one error naming its rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if is_compressed(path):
        raise IngestError(f"{path}: Parquet compresses itself; give the file without .gz")
    try:
        table = pq.ParquetFile(path)
    except (OSError, pa.ArrowException) as error:
        raise IngestError(f"{path}: cannot be read as Parquet ({one_line(error)})") from None
    names = table.schema_arrow.names
    columns.check(path, names)
    number = 0
    for group in range(table.num_row_groups):
        last = number + table.metadata.row_group(group).num_rows
        try:
            batches = table.iter_batches(batch_size=rows_per_batch, row_groups=[group], columns=columns.wanted(names))
            for batch in batches:
                for record in batch.to_pylist():
                    number += 1
                    yield _from_row(record, path, number, columns)
        except (OSError, pa.ArrowException) as error:
            if number < last:
                yield ErrorRecord(id=f"{file_id(path)}:{number + 1}-{last}", source=str(path),
                                  error=f"{path}: rows {number + 1} to {last} cannot be read ({one_line(error)})")
            number = last


def _from_row(record: dict, path: Path, number: int, columns: Columns, warnings: Sequence[str] = ()) -> Item:
    fallback_id = f"{file_id(path)}:{number}"
    record = columns.record(record)
    try:
        return from_record(record, fallback_id, str(path), warnings)
    except IngestError as error:
        return ErrorRecord(id=metadata_field(record.get("id")) or fallback_id, error=str(error), source=str(path))


# How many articles a file holds, read cheaply (line, row or file counts), for progress and ETA.


def count_folder(folder: Path) -> int:
    return sum(1 for _ in article_files(folder))


def count_jsonl(path: Path) -> int:
    """Lines that are not blank, read in bounded pieces (one line may be a gigabyte)."""
    count, content = 0, False
    try:
        with open_bytes(path) as handle:
            while piece := handle.readline(1 << 20):
                content = content or bool(piece.strip())
                if piece.endswith(b"\n"):
                    count, content = count + content, False
    except IngestError:
        return max(count, 1)
    return count + content


def count_json(path: Path) -> int:
    """Records in a .json file: the length of its list, else one (a broken file is one error)."""
    try:
        content = json.loads(read_limited(path, MAX_JSON_BYTES), parse_int=_whole_int)
    except (IngestError, ValueError, RecursionError):
        return 1
    return len(content) if isinstance(content, list) else 1


def count_csv(path: Path) -> int:
    """Rows, each malformed one included (it becomes an error record), the header not."""
    csv.field_size_limit(MAX_RECORD_BYTES)
    try:
        return max(sum(1 for _ in CsvRows(text_lines(path, MAX_RECORD_BYTES))) - 1, 0)
    except IngestError:
        return 1


def count_parquet(path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        return pq.ParquetFile(path).metadata.num_rows
    except (OSError, pa.ArrowException):
        return 1
