"""The DuckDB store: columns from the schema, atomic chunks, resume look-ups, ready queries, export."""

from __future__ import annotations

import json

import duckdb
import pytest

from newsfacts.schema import (
    Check,
    Entity,
    ErrorRecord,
    Event,
    FactSheet,
    Figure,
    Mention,
    Quote,
    Relation,
    Span,
    TimeExpression,
)
from newsfacts.store import (
    FACT_TABLES,
    TABLE_NAMES,
    ExportFormat,
    Store,
    StoreBusy,
    StoreError,
    model_columns,
    quote_genders,
    quotes_by,
    source_shares,
    timeline,
    top_quoted,
)

TEXT = "Mayor Ana Ruiz said the bridge opens on 2 May. Ruiz, 54, praised the crews. Officials said it cost more."


def full_sheet(article_id: str = "a1", outlet: str | None = "Gazette", published: str | None = "2024-04-30") -> FactSheet:
    """A sheet with every field of every kind of fact filled in."""
    return FactSheet(
        id=article_id,
        text=TEXT,
        published=published,
        title="Bridge opens",
        source="gazette.jsonl",
        outlet=outlet,
        entities=[
            Entity(
                id="e1",
                name="Ana Ruiz",
                type="PERSON",
                mentions=[Mention(text="Ana Ruiz", start=6, end=14), Mention(text="Ruiz", start=47, end=51)],
                gender="female",
            ),
            Entity(id="e2", name="Officials", type="ORG", mentions=[Mention(text="Officials", start=77, end=86)]),
        ],
        quotes=[
            Quote(
                text="the bridge opens on 2 May",
                start=20,
                end=45,
                kind="indirect",
                source="named",
                cue="said",
                speaker="e1",
                speaker_mention=Span(text="Ana Ruiz", start=6, end=14),
                speaker_name="Ana Ruiz",
            ),
            Quote(text="it cost more", start=92, end=104, kind="indirect", source="anonymous", cue="said",
                  speaker_name="Officials"),
        ],
        times=[TimeExpression(text="2 May", start=40, end=45, type="DATE", value="2024-05-02")],
        events=[Event(what="the bridge opens", when="2024-05-02", time=Span(text="2 May", start=40, end=45),
                      entities=["e1"])],
        relations=[Relation(subject="e1", relation="works_for", object="e2", role="mayor", evidence=TEXT[:46])],
        figures=[Figure(text="54", start=53, end=55, kind="age", value=54.0, upper=55.0, unit="year", measures="ruiz",
                        hedge="about")],
        checks=[Check(kind="age", status="consistent", about=["54"], working="54 = 54")],
    )


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "corpus.duckdb") as opened:
        yield opened


def test_nested_models_become_prefixed_columns():
    columns = dict(model_columns(Quote))
    assert columns["speaker_mention_start"] == "INTEGER"
    assert columns["kind"] == "VARCHAR"
    assert dict(model_columns(Check))["about"] == "VARCHAR[]"


def test_every_field_of_a_sheet_is_stored_and_the_sheet_is_kept_whole(store):
    sheet = full_sheet()
    store.write([sheet], run_id=1)
    (stored_json,) = store.query("SELECT sheet FROM articles")[1][0]
    assert FactSheet.model_validate_json(stored_json) == sheet
    for table in FACT_TABLES:
        columns, rows = store.query(f"SELECT * EXCLUDE (article_id, position) FROM {table.name}")
        assert rows, table.name
        assert all(value is not None for value in rows[0]), f"{table.name}: a column was left empty"
    columns, rows = store.query("SELECT speaker_mention_text, speaker_mention_end FROM quotes WHERE position = 0")
    assert rows == [("Ana Ruiz", 14)]
    assert store.query("SELECT entity_id, text FROM mentions ORDER BY entity_id, position")[1] == [
        ("e1", "Ana Ruiz"), ("e1", "Ruiz"), ("e2", "Officials")]


def test_a_store_made_before_a_field_was_added_gets_its_column(tmp_path):
    path = tmp_path / "old.duckdb"
    with Store(path) as store:
        store.connection.execute("ALTER TABLE quotes DROP COLUMN cue")
    with Store(path) as store:
        store.write([full_sheet()], run_id=1)
        assert store.query("SELECT cue FROM quotes ORDER BY position")[1] == [("said",), ("said",)]


def test_publication_dates_are_sql_dates(store):
    store.write([full_sheet()], run_id=1)
    assert store.query("SELECT year(published) FROM articles")[1] == [(2024,)]


def test_a_failing_chunk_stores_nothing(store):
    # A repeated primary key fails the insert after the entities rows went in: all must roll back.
    with pytest.raises(StoreError, match="cannot write to the store .*duplicate key"):
        store.write([full_sheet("a1"), full_sheet("a1")], run_id=1)
    for name in TABLE_NAMES[:-1]:
        assert store.query(f"SELECT count(*) FROM {name}")[1] == [(0,)], name


def test_error_records_are_rows_with_their_reason(store):
    store.write([ErrorRecord(id="bad", error="the record has no `text`", source="x.jsonl")], run_id=3)
    assert store.query("SELECT id, run_id, error FROM errors")[1] == [("bad", 3, "the record has no `text`")]


def test_stored_runs_name_the_run_of_stored_and_failed_ids(store):
    store.write([full_sheet("a1")], run_id=1)
    store.write([ErrorRecord(id="b2", error="empty")], run_id=2)
    assert store.stored_runs(["a1", "b2", "c3"]) == {"a1": 1, "b2": 2}


def test_forgotten_errors_are_no_longer_stored(store):
    store.write([full_sheet("a1"), ErrorRecord(id="b2", error="empty")], run_id=1)
    assert store.forget_errors() == 1
    assert store.stored_runs(["a1", "b2"]) == {"a1": 1}


def test_runs_are_numbered_and_finished(store):
    first = store.start_run("local", "model", ["a.jsonl"])
    store.finish_run(first)
    assert store.start_run("dask", "model", ["b.jsonl"]) == first + 1
    assert store.query("SELECT run_id, finished IS NOT NULL FROM runs ORDER BY run_id")[1] == [(1, True), (2, False)]


def test_a_missing_store_is_a_one_line_error(tmp_path):
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "none.duckdb", read_only=True)


def test_a_new_store_in_a_folder_not_made_yet_gets_its_folder(tmp_path):
    with Store(tmp_path / "runs" / "2025" / "corpus.duckdb") as store:
        assert store.query("SELECT count(*) FROM articles")[1] == [(0,)]


def test_an_export_folder_that_cannot_be_made_is_a_store_error(corpus, tmp_path):
    taken = tmp_path / "taken"
    taken.write_text("a file, not a folder")
    with pytest.raises(StoreError, match="cannot make the export folder"):
        corpus.export(taken, ExportFormat.csv)


def test_bad_sql_is_a_store_error(store):
    with pytest.raises(StoreError, match="nowhere"):
        store.query("SELECT * FROM nowhere")


@pytest.fixture
def corpus(store):
    second = full_sheet("a2", outlet="Herald", published="2024-05-03")
    second.quotes = [second.quotes[0].model_copy(update={"text": "crews worked nights"})]
    store.write([full_sheet("a1"), second], run_id=1)
    return store


def test_top_quoted_counts_quotes_of_an_entity_across_articles(corpus):
    columns, rows = top_quoted(corpus)
    assert columns[:4] == ["speaker", "type", "quotes", "articles"]
    assert rows[0][:4] == ("Ana Ruiz", "PERSON", 2, 2)


def test_source_shares_overall_then_by_outlet(corpus):
    columns, rows = source_shares(corpus)
    table = {row[0]: dict(zip(columns, row)) for row in rows}
    assert rows[0][0] == "(all outlets)"
    assert (table["(all outlets)"]["named"], table["(all outlets)"]["anonymous"]) == (2, 1)
    assert table["Gazette"]["anonymous_pct"] == 50.0
    assert table["Herald"]["named_pct"] == 100.0


def test_quote_genders_count_named_peoples_quotes_by_the_gender_given(corpus):
    unknown = full_sheet("a3", outlet="Herald")
    unknown.entities[0].name = unknown.entities[0].mentions[0].text = "Sam Ruiz"  # another person, gender not given
    unknown.entities[0].gender = None
    corpus.write([unknown], run_id=2)
    columns, rows = quote_genders(corpus)
    table = {row[0]: dict(zip(columns, row)) for row in rows}
    assert (table["(all outlets)"]["women"], table["(all outlets)"]["unknown"]) == (2, 1)
    assert table["(all outlets)"]["quotes"] == 3  # the anonymous officials are no one's
    assert table["Herald"]["women_pct"] == 100.0


def test_quote_genders_take_the_gender_of_the_corpus_person(corpus):
    unknown = full_sheet("a3", outlet="Herald")
    unknown.entities[0].gender = None  # her other articles give it
    corpus.write([unknown], run_id=2)
    columns, rows = quote_genders(corpus)
    table = {row[0]: dict(zip(columns, row)) for row in rows}
    assert (table["(all outlets)"]["women"], table["(all outlets)"]["unknown"]) == (3, 0)


def test_quotes_by_finds_a_person_by_an_alias_from_the_mentions(corpus):
    columns, rows = quotes_by(corpus, "ruiz")
    assert [row[columns.index("text")] for row in rows] == ["the bridge opens on 2 May", "crews worked nights"]


def test_quotes_by_finds_an_unresolved_speaker_by_its_phrase(corpus):
    columns, rows = quotes_by(corpus, "Officials")
    assert [row[columns.index("text")] for row in rows] == ["it cost more"]


def test_timeline_counts_mentions_per_publication_date_undated_last(corpus):
    corpus.write([full_sheet("a3", published=None)], run_id=2)
    columns, rows = timeline(corpus, "Ana Ruiz")
    assert [row[:3] for row in rows] == [("2024-04-30", 1, 2), ("2024-05-03", 1, 2), ("(no date)", 1, 2)]


@pytest.mark.parametrize("export_format", list(ExportFormat))
def test_export_writes_every_table(corpus, tmp_path, export_format):
    written = corpus.export(tmp_path / "out", export_format)
    assert sorted(path.stem for path in written) == sorted([*TABLE_NAMES, "people", "person_entities"])
    quotes = next(path for path in written if path.stem == "quotes")
    reader = {"parquet": "read_parquet", "csv": "read_csv", "jsonl": "read_json"}[export_format.value]
    assert duckdb.sql(f"SELECT count(*) FROM {reader}('{quotes}')").fetchall() == [(3,)]


def test_jsonl_export_keeps_the_whole_sheet(corpus, tmp_path):
    (articles,) = [path for path in corpus.export(tmp_path, ExportFormat.jsonl) if path.stem == "articles"]
    first = json.loads(articles.read_text().splitlines()[0])
    assert FactSheet.model_validate(first["sheet"]) == full_sheet("a1")


def test_a_store_another_process_writes_is_named_as_busy(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "busy.duckdb"
    holds_it = "import duckdb, sys, time; held = duckdb.connect(sys.argv[1]); print('open', flush=True); time.sleep(60)"
    holder = subprocess.Popen([sys.executable, "-c", holds_it, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreBusy, match=rf"process {holder.pid} is writing the store"):
            Store(path, read_only=True)
    finally:
        holder.kill()
        holder.wait()


def test_a_batch_waits_for_a_reader_to_let_go_and_does_not_blame_a_batch(tmp_path, monkeypatch):
    import subprocess
    import sys

    import newsfacts.store

    path = tmp_path / "read.duckdb"
    Store(path).close()
    reads_it = ("import duckdb, sys, time; held = duckdb.connect(sys.argv[1], read_only=True); "
                "print('open', flush=True); time.sleep(float(sys.argv[2]))")
    brief = subprocess.Popen([sys.executable, "-c", reads_it, str(path), "1"], stdout=subprocess.PIPE, text=True)
    assert brief.stdout.readline().strip() == "open"
    Store(path).close()  # opened once the reader let go, about a second later
    brief.wait()
    monkeypatch.setattr(newsfacts.store, "READERS_WAIT", 0.5)
    holder = subprocess.Popen([sys.executable, "-c", reads_it, str(path), "60"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreBusy, match=rf"process {holder.pid} keeps the store open for reading") as busy:
            Store(path)
        assert "batch" not in str(busy.value).removeprefix(str(path))
    finally:
        holder.kill()
        holder.wait()


def test_a_figure_s_value_is_stored_as_text_whether_a_number_or_a_timex3_value(store):
    sheet = full_sheet()
    sheet.figures.append(Figure(text="2 May", start=40, end=45, kind="date", value="2024-05-02"))
    store.write([sheet], run_id=1)
    assert store.query('SELECT kind, value FROM figures ORDER BY "start"')[1] == [("date", "2024-05-02"), ("age", "54")]
