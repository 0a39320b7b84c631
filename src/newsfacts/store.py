"""The corpus store: fact sheets in an embedded DuckDB file, one table per kind of fact.

Tables and their columns are derived from the document model in `schema.py`, so a field added there is
stored without touching this module. Every table of facts is keyed by `article_id` and `position` (the
item's index in its list on the sheet); `articles.sheet` keeps the whole sheet as JSON besides.

    articles   one row per analysed article: id (primary key), run_id, the sheet's scalar fields, sheet JSON
    entities   article_id, position, id, name, type
    mentions   article_id, entity_id, position, text, start, end, kind
    quotes     article_id, position, text, start, end, kind, source, cue, speaker, speaker_mention_*, speaker_name
    times      article_id, position, text, start, end, type, value
    events     article_id, position, what, when, time_*, entities
    relations  article_id, position, subject, relation, object, role, evidence
    checks     article_id, position, kind, status, about, working
    stories    story_id, articles, first_published, last_published, title, sheet (the story sheet JSON)
    story_articles  story_id, article_id, copy_of (the article a wire copy reprints)
    errors     id, run_id, source, error: articles that could not be read or analysed, with the reason
    runs       run_id, started, finished, engine, model, inputs
    people, person_entities: one person across articles, linked as chunks are written (see `people.py`)
"""

from __future__ import annotations

import re
import time
import types
import typing
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from enum import Enum
from pathlib import Path
from typing import Any, Literal

import duckdb
import pyarrow as pa
from pydantic import BaseModel

from . import people
from .schema import Check, Entity, ErrorRecord, Event, FactSheet, Figure, Mention, Quote, Relation, TimeExpression

ARROW_TYPES = {
    "VARCHAR": pa.string(),
    "INTEGER": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "VARCHAR[]": pa.list_(pa.string()),
    # DuckDB casts these from text on insert.
    "DATE": pa.string(),
    "JSON": pa.string(),
}
# DuckDB caches the pages it writes up to 80% of RAM, so a writer's memory grows with the store; a batch
# only appends, and with this cap its memory stays flat (measured: 4,000 articles, peak 460 -> 356 MiB).
WRITER_MEMORY = "128MB"
SCALAR_TYPES = {str: "VARCHAR", int: "INTEGER", float: "DOUBLE", bool: "BOOLEAN"}
# How long a batch waits for readers (a server answering a request) to let go of the store's file.
READERS_WAIT = 10
# The process DuckDB names in a lock conflict: "Conflicting lock is held in /usr/bin/python3 (PID 1234)".
LOCK_HOLDER = re.compile(r"\(PID (\d+)\)")
# Columns whose text holds a richer SQL type than the document model says.
TYPE_OVERRIDES = {("articles", "published"): "DATE"}


class StoreError(RuntimeError):
    """A store that cannot be opened or queried; the message says why in one line."""


class StoreBusy(StoreError):
    """A store another process holds open for writing: it will open when that process is done."""


@dataclass(frozen=True)
class Table:
    name: str
    model: type[BaseModel]
    keys: tuple[tuple[str, str], ...]  # key columns placed before the model's own


FACT_TABLES = (
    Table("entities", Entity, (("article_id", "VARCHAR"), ("position", "INTEGER"))),
    Table("mentions", Mention, (("article_id", "VARCHAR"), ("entity_id", "VARCHAR"), ("position", "INTEGER"))),
    Table("quotes", Quote, (("article_id", "VARCHAR"), ("position", "INTEGER"))),
    Table("times", TimeExpression, (("article_id", "VARCHAR"), ("position", "INTEGER"))),
    Table("events", Event, (("article_id", "VARCHAR"), ("position", "INTEGER"))),
    Table("figures", Figure, (("article_id", "VARCHAR"), ("position", "INTEGER"))),
    Table("relations", Relation, (("article_id", "VARCHAR"), ("position", "INTEGER"))),
    Table("checks", Check, (("article_id", "VARCHAR"), ("position", "INTEGER"))),
)
ARTICLES = Table("articles", FactSheet, (("id", "VARCHAR PRIMARY KEY"), ("run_id", "INTEGER")))
ERROR_COLUMNS = [("id", "VARCHAR"), ("run_id", "INTEGER"), ("source", "VARCHAR"), ("error", "VARCHAR")]
# Filled by `newsfacts stories` (stories/stored.py): the corpus cut into stories, and each story's sheet.
STORY_TABLES = {
    "stories": "story_id VARCHAR PRIMARY KEY, articles INTEGER, first_published DATE, last_published DATE, "
               "title VARCHAR, sheet JSON",
    "story_articles": "story_id VARCHAR, article_id VARCHAR, copy_of VARCHAR",
}
TABLE_NAMES = ("articles", *(table.name for table in FACT_TABLES), "errors", "runs", *STORY_TABLES)


def _sql_type(annotation: Any) -> str | type[BaseModel] | None:
    """The SQL type of a model field; a nested model to flatten; None for a list of models (its own table)."""
    if isinstance(annotation, (types.UnionType,)) or typing.get_origin(annotation) is typing.Union:
        inner = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        if len(inner) > 1:  # a number or a TIMEX3 value (`Figure.value`): kept as its text
            return "VARCHAR"
        return _sql_type(inner[0])
    if typing.get_origin(annotation) is Literal:
        return "VARCHAR"
    if typing.get_origin(annotation) is list:
        (item,) = typing.get_args(annotation)
        return None if isinstance(item, type) and issubclass(item, BaseModel) else f"{_sql_type(item)}[]"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return SCALAR_TYPES[annotation]


def model_columns(model: type[BaseModel], prefix: str = "") -> list[tuple[str, str]]:
    """(column, SQL type) for every scalar field of a model, nested models flattened as `field_subfield`."""
    columns: list[tuple[str, str]] = []
    for name, field in model.model_fields.items():
        sql_type = _sql_type(field.annotation)
        if sql_type is None:
            continue
        if isinstance(sql_type, type):
            columns += model_columns(sql_type, f"{prefix}{name}_")
        else:
            columns.append((f"{prefix}{name}", sql_type))
    return columns


def table_columns(table: Table) -> list[tuple[str, str]]:
    own = [
        (name, TYPE_OVERRIDES.get((table.name, name), sql_type))
        for name, sql_type in model_columns(table.model)
        if name not in {key for key, _ in table.keys}
    ]
    extra = [("sheet", "JSON")] if table is ARTICLES else []
    return [*table.keys, *own, *extra]


def flatten(data: dict, prefix: str = "") -> dict[str, Any]:
    """A dumped model as one flat row: nested objects become `field_subfield` columns."""
    row: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            row.update(flatten(value, f"{prefix}{key}_"))
        else:
            row[f"{prefix}{key}"] = value
    return row


def _ddl() -> list[str]:
    statements = []
    for table in (ARTICLES, *FACT_TABLES):
        columns = ", ".join(f'"{name}" {sql_type}' for name, sql_type in table_columns(table))
        statements.append(f"CREATE TABLE IF NOT EXISTS {table.name} ({columns})")
    statements += [
        f"CREATE TABLE IF NOT EXISTS errors ({', '.join(f'{name} {sql_type}' for name, sql_type in ERROR_COLUMNS)})",
        "CREATE TABLE IF NOT EXISTS runs (run_id INTEGER PRIMARY KEY, started TIMESTAMPTZ, finished TIMESTAMPTZ,"
        " engine VARCHAR, model VARCHAR, inputs VARCHAR[])",
        *(f"CREATE TABLE IF NOT EXISTS {name} ({columns})" for name, columns in STORY_TABLES.items()),
    ]
    return statements


class ExportFormat(str, Enum):
    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"


COPY_OPTIONS = {
    ExportFormat.parquet: "FORMAT PARQUET",
    ExportFormat.csv: "FORMAT CSV, HEADER",
    ExportFormat.jsonl: "FORMAT JSON",
}


class Store:
    """A DuckDB corpus file. Writing holds DuckDB's file lock: one batch at a time per store."""

    def __init__(self, path: str | Path, read_only: bool = False):
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no such store; fill one with `newsfacts batch … --store {self.path}`")
        try:
            if not read_only:  # a new store's folder is made, as the other outputs' are
                self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"{self.path}: cannot make the store's folder ({error.strerror})") from None
        self.connection = self._connect(read_only)
        if not read_only:
            try:
                for statement in _ddl():
                    self.connection.execute(statement)
                self._add_new_columns()
                self._link_people_of_older_store()
            except duckdb.Error as error:
                self.close()
                raise self._cannot_write(error) from None

    def _link_people_of_older_store(self) -> None:
        """A store made before people were linked gets its people tables, filled from the stored sheets."""
        if people.create_tables(self.connection):
            self.connection.begin()
            people.link_stored(self.connection)
            self.connection.commit()

    def _connect(self, read_only: bool) -> duckdb.DuckDBPyConnection:
        """A connection, waiting up to READERS_WAIT seconds for readers to let go when writing: a server
        answering a request holds the file for a moment, which must not stop a batch from starting."""
        config = {} if read_only else {"memory_limit": WRITER_MEMORY}
        deadline = time.monotonic() + (0 if read_only else READERS_WAIT)
        while True:
            try:
                return duckdb.connect(str(self.path), read_only=read_only, config=config)
            except duckdb.Error as error:
                message = str(error)
                if "Conflicting lock" not in message:  # DuckDB's words for a file another process holds open
                    raise StoreError(f"{self.path}: cannot open the store ({_first_line(error)})") from None
                held_by = LOCK_HOLDER.search(message)
                holder = f"process {held_by[1]}" if held_by else "another process"
                readers_only = "read-only mode" in message  # DuckDB suggests it when only readers hold the file
                if readers_only and time.monotonic() < deadline:
                    time.sleep(0.1)
                    continue
                if readers_only:
                    raise StoreBusy(f"{self.path}: {holder} keeps the store open for reading (a `newsfacts serve` "
                                    f"or query?) for over {READERS_WAIT} s; writing waits until it lets go") from None
                raise StoreBusy(f"{self.path}: {holder} is writing the store; try again when it is done, or query "
                                "a copy") from None

    def _add_new_columns(self) -> None:
        """Columns for fields the document model gained since this store was made."""
        for table in (ARTICLES, *FACT_TABLES):
            _, present = self.query("SELECT column_name FROM information_schema.columns WHERE table_name = $name",
                                    {"name": table.name})
            for name, sql_type in table_columns(table):
                if (name,) not in present:
                    self.connection.execute(f'ALTER TABLE {table.name} ADD COLUMN "{name}" {sql_type}')

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        try:
            self.connection.close()
        except duckdb.Error:  # after a failed write (a full disk) there may be nothing left to close cleanly
            pass

    def _cannot_write(self, error: duckdb.Error) -> StoreError:
        return StoreError(f"{self.path}: cannot write to the store ({_first_line(error)}); what was stored before "
                          "is kept: run the same command again to go on")

    def start_run(self, engine: str, model: str, inputs: Sequence[str]) -> int:
        try:
            (run_id,) = self.connection.execute("SELECT coalesce(max(run_id), 0) + 1 FROM runs").fetchone()
            self.connection.execute(
                "INSERT INTO runs VALUES (?, ?, NULL, ?, ?, ?)", [run_id, _now(), engine, model, list(inputs)]
            )
        except duckdb.Error as error:
            raise self._cannot_write(error) from None
        return run_id

    def finish_run(self, run_id: int) -> None:
        try:
            self.connection.execute("UPDATE runs SET finished = ? WHERE run_id = ?", [_now(), run_id])
        except duckdb.Error as error:
            raise self._cannot_write(error) from None

    def forget_errors(self) -> int:
        """Drop the error rows, so that the next batch tries those articles again; how many there were."""
        (count,) = self.connection.execute("SELECT count(*) FROM errors").fetchone()
        self.connection.execute("DELETE FROM errors")
        return count

    def stored_runs(self, ids: Iterable[str]) -> dict[str, int]:
        """For each of these ids already in the store (stored or failed), the run that stored it."""
        _, found = self.query(
            "SELECT id, min(run_id) FROM (SELECT id, run_id FROM articles UNION ALL SELECT id, run_id FROM errors)"
            " WHERE id IN (SELECT unnest($ids)) GROUP BY id",
            {"ids": list(ids)},
        )
        return dict(found)

    def write(self, results: Iterable[FactSheet | ErrorRecord], run_id: int) -> None:
        """Store one chunk of results in one transaction, its people linked with the corpus's: a chunk is
        stored whole or not at all."""
        rows: dict[str, list[dict]] = {name: [] for name in TABLE_NAMES}
        results = list(results)
        for result in results:
            if isinstance(result, ErrorRecord):
                rows["errors"].append({"run_id": run_id, **result.model_dump()})
            else:
                _add_sheet_rows(result, run_id, rows)
        try:
            self.connection.begin()
            for table in (ARTICLES, *FACT_TABLES):
                self._insert(table.name, table_columns(table), rows[table.name])
            self._insert("errors", ERROR_COLUMNS, rows["errors"])
            people.link_sheets(self.connection, [result for result in results if isinstance(result, FactSheet)])
            self.connection.commit()
        except duckdb.Error as error:  # a full disk, a file made read-only under the run
            self._rollback()
            raise self._cannot_write(error) from None
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        try:
            self.connection.rollback()
        except duckdb.Error:  # the failed statement may have ended the transaction already
            pass

    def _insert(self, table: str, columns: list[tuple[str, str]], rows: list[dict]) -> None:
        if not rows:
            return
        arrow = pa.table(
            {name: [_as_column(row.get(name), sql_type) for row in rows] for name, sql_type in columns},
            schema=pa.schema([(name, ARROW_TYPES[sql_type.split()[0]]) for name, sql_type in columns]),
        )
        # By name, so a store whose columns were added over time (see _add_new_columns) takes rows as well.
        self.connection.register("chunk_rows", arrow)
        self.connection.execute(f"INSERT INTO {table} BY NAME SELECT * FROM chunk_rows")
        self.connection.unregister("chunk_rows")

    def query(self, sql: str, parameters: dict[str, Any] | None = None) -> tuple[list[str], list[tuple]]:
        """Column names and rows of any SQL statement over the store."""
        try:
            cursor = self.connection.execute(sql, parameters or {})
        except duckdb.Error as error:
            raise StoreError(_first_line(error)) from None
        if cursor.description is None:
            return [], []
        return [column[0] for column in cursor.description], cursor.fetchall()

    def export(self, folder: Path, export_format: ExportFormat) -> list[Path]:
        """Every table as one file in the folder (table.parquet, table.csv or table.jsonl)."""
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"{folder}: cannot make the export folder ({error.strerror})") from None
        written = []
        _, present = self.query("SELECT table_name FROM information_schema.tables")
        for name in (*TABLE_NAMES, *people.PEOPLE_TABLES):
            if (name,) not in present:  # a store made before the story tables existed
                continue
            target = folder / f"{name}.{export_format.value}"
            quoted = str(target).replace("'", "''")
            try:
                self.connection.execute(f"COPY {name} TO '{quoted}' ({COPY_OPTIONS[export_format]})")
            except duckdb.Error as error:
                raise StoreError(f"{target}: cannot be written ({_first_line(error)})") from None
            written.append(target)
        return written


def _add_sheet_rows(sheet: FactSheet, run_id: int, rows: dict[str, list[dict]]) -> None:
    data = sheet.model_dump(mode="json")
    rows["articles"].append({**flatten(data), "run_id": run_id, "sheet": sheet.model_dump_json()})
    for table in FACT_TABLES:
        if table.name == "mentions":
            continue
        for position, item in enumerate(data[table.name]):
            rows[table.name].append({**flatten(item), "article_id": sheet.id, "position": position})
    for entity in data["entities"]:
        for position, mention in enumerate(entity["mentions"]):
            rows["mentions"].append(
                {**flatten(mention), "article_id": sheet.id, "entity_id": entity["id"], "position": position}
            )


def _as_column(value: Any, sql_type: str) -> Any:
    """A number in a text column (a figure's value beside TIMEX3 values) as it would be written: 68, 2.31."""
    if sql_type == "VARCHAR" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(int(value)) if float(value).is_integer() else str(value)
    return value


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0]


# Ready answers. An entity is a person asked for when its name, or the text of one of its mentions in
# that article, equals the name asked (case-insensitively), or when it is linked to a corpus person whose
# name or one of whose aliases does: "Barack Obama" finds the articles that only say "Mr. Obama".
PERSON_ENTITIES = """
    SELECT e.article_id, e.id FROM entities e
    WHERE lower(trim(e.name)) = lower(trim($person)) OR EXISTS (
        SELECT 1 FROM mentions m WHERE m.article_id = e.article_id AND m.entity_id = e.id
        AND lower(trim(m.text)) = lower(trim($person)))
    UNION
    SELECT pe.article_id, pe.entity_id FROM person_entities pe WHERE pe.person_id IN (
        SELECT person_id FROM people WHERE lower(name) = lower(trim($person))
        UNION SELECT person_id FROM (SELECT person_id, unnest(aliases) AS alias FROM people)
              WHERE lower(alias) = lower(trim($person)))
"""

# Speakers who are people count by corpus person (every entity linked to it, under its canonical name);
# other speakers by their name.
SPEAKER_PEOPLE = """
    LEFT JOIN person_entities pe ON pe.article_id = q.article_id AND pe.entity_id = q.speaker
    LEFT JOIN people p ON p.person_id = pe.person_id"""

TOP_QUOTED = f"""
    SELECT coalesce(p.name, e.name) AS speaker, e.type, count(*) AS quotes, count(DISTINCT q.article_id) AS articles,
           count(DISTINCT a.outlet) AS outlets, pe.person_id AS person
    FROM quotes q
    JOIN entities e ON e.article_id = q.article_id AND e.id = q.speaker
    JOIN articles a ON a.id = q.article_id{SPEAKER_PEOPLE}
    GROUP BY pe.person_id, coalesce(p.name, e.name), e.type
    ORDER BY quotes DESC, speaker
    LIMIT $limit
"""

# Figures over all outlets first, then one row per outlet.
BY_OUTLET_COLUMN = """CASE WHEN grouping(a.outlet) = 1 THEN '(all outlets)' ELSE coalesce(a.outlet, '(no outlet)') END
               AS outlet"""
BY_OUTLET_ROWS = """GROUP BY GROUPING SETS ((a.outlet), ())
    ORDER BY grouping(a.outlet) DESC, quotes DESC, outlet"""

SOURCE_SHARES = f"""
    SELECT {BY_OUTLET_COLUMN},
           count(*) AS quotes,
           count(*) FILTER (WHERE q.source = 'named') AS named,
           count(*) FILTER (WHERE q.source = 'anonymous') AS anonymous,
           count(*) FILTER (WHERE q.source = 'writer') AS writer,
           round(100.0 * count(*) FILTER (WHERE q.source = 'named') / count(*), 1) AS named_pct,
           round(100.0 * count(*) FILTER (WHERE q.source = 'anonymous') / count(*), 1) AS anonymous_pct
    FROM quotes q JOIN articles a ON a.id = q.article_id
    {BY_OUTLET_ROWS}
"""

# The Gender Gap Tracker's measure: of the quotes from named people, how many are women's. A speaker's
# gender is the corpus person's (most of its articles'), else what the one article gives.
SPEAKER_GENDER = "coalesce(p.gender, e.gender)"
QUOTE_GENDERS = f"""
    SELECT {BY_OUTLET_COLUMN},
           count(*) AS quotes,
           count(*) FILTER (WHERE {SPEAKER_GENDER} = 'female') AS women,
           count(*) FILTER (WHERE {SPEAKER_GENDER} = 'male') AS men,
           count(*) FILTER (WHERE {SPEAKER_GENDER} IS NULL) AS unknown,
           round(100.0 * count(*) FILTER (WHERE {SPEAKER_GENDER} = 'female')
                 / nullif(count(*) FILTER (WHERE {SPEAKER_GENDER} IS NOT NULL), 0), 1) AS women_pct
    FROM quotes q
    JOIN entities e ON e.article_id = q.article_id AND e.id = q.speaker AND e.type = 'PERSON'
    JOIN articles a ON a.id = q.article_id{SPEAKER_PEOPLE}
    {BY_OUTLET_ROWS}
"""

QUOTES_BY = f"""
    WITH person AS ({PERSON_ENTITIES})
    SELECT a.published, a.outlet, q.article_id, coalesce(p.name, e.name, q.speaker_name) AS speaker, q.kind, q.cue,
           q.text
    FROM quotes q
    JOIN articles a ON a.id = q.article_id
    LEFT JOIN entities e ON e.article_id = q.article_id AND e.id = q.speaker{SPEAKER_PEOPLE}
    WHERE EXISTS (SELECT 1 FROM person asked WHERE asked.article_id = q.article_id AND asked.id = q.speaker)
       OR (q.speaker IS NULL AND lower(trim(q.speaker_name)) = lower(trim($person)))
    ORDER BY a.published NULLS LAST, q.article_id, q.position
"""

TIMELINE = f"""
    WITH person AS ({PERSON_ENTITIES})
    SELECT coalesce(strftime(a.published, '%Y-%m-%d'), '(no date)') AS date, count(DISTINCT a.id) AS articles,
           count(*) AS mentions,
           string_agg(DISTINCT a.outlet, ', ' ORDER BY a.outlet) AS outlets
    FROM mentions m
    JOIN person p ON p.article_id = m.article_id AND p.id = m.entity_id
    JOIN articles a ON a.id = m.article_id
    GROUP BY a.published
    ORDER BY a.published NULLS LAST
"""


def top_quoted(store: Store, limit: int = 20) -> tuple[list[str], list[tuple]]:
    """Speakers with the most quotes: people by corpus person, other speakers by name across articles."""
    _require_people(store)
    return store.query(TOP_QUOTED, {"limit": limit})


def source_shares(store: Store) -> tuple[list[str], list[tuple]]:
    """Quotes from named, anonymous and writer sources, over all outlets and per outlet."""
    return store.query(SOURCE_SHARES)


def quote_genders(store: Store) -> tuple[list[str], list[tuple]]:
    """Quotes from named people by the gender their articles give them (pronouns, titles, first names; most of
    the person's articles across the corpus), over all outlets and per outlet; `women_pct` counts only
    speakers whose gender is given."""
    _require_people(store)
    return store.query(QUOTE_GENDERS)


def quotes_by(store: Store, person: str) -> tuple[list[str], list[tuple]]:
    """Every quote whose speaker is the person, by name or by any alias an article uses for them."""
    _require_people(store)
    return store.query(QUOTES_BY, {"person": person})


def timeline(store: Store, person: str) -> tuple[list[str], list[tuple]]:
    """Per publication date: articles and mentions of the person."""
    _require_people(store)
    return store.query(TIMELINE, {"person": person})


def list_people(store: Store) -> tuple[list[str], list[tuple]]:
    """The people of the corpus, most quoted first."""
    _require_people(store)
    return store.query(people.PEOPLE)


def _require_people(store: Store) -> None:
    """A one-line error for a store made before people were linked (a read-only store cannot be linked)."""
    _, ((present,),) = store.query("SELECT count(*) FROM information_schema.tables WHERE table_name = 'people'")
    if not present:
        raise StoreError(f"{store.path}: made before people were linked across articles; run `newsfacts batch` "
                         "on it again (it skips what is stored) to link them")
