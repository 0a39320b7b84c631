"""Corpus runs: readers for every input kind, and batches that resume, report errors and never store twice."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from itertools import islice
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from typer.testing import CliRunner

from newsfacts.cli import app
from newsfacts.corpus import (
    InlineExecutor,
    count_records,
    local_executor,
    parse_batches,
    read_corpus,
    read_csv,
    read_folder,
    read_parquet,
    run_batch,
)
from newsfacts.schema import Article, Entity, ErrorRecord, Mention
from newsfacts.store import Store

ENTITY_TYPES = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE"}


def named_entities(parsed, sheet):
    """A small, fast stage of our own, so these tests do not depend on the real stages' progress."""
    return [
        Entity(id=f"e{number}", name=span.text, type=ENTITY_TYPES[span.label_],
               mentions=[Mention(text=span.text, start=span.start_char, end=span.end_char)])
        for number, span in enumerate(parsed.doc.ents)
        if span.label_ in ENTITY_TYPES
    ]


def fail_on_marker(parsed, sheet):
    if "EXPLODE" in parsed.text:
        raise ValueError("marker found")
    return []


STAGES = (("entities", named_entities),)


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


ARTICLES = [
    {"id": "one", "text": "Maria Costa runs the Lisbon bakery. She opened it in 2019.", "outlet": "Daily"},
    {"id": "two", "text": "The council in Leeds voted on Tuesday, a spokesman for Leeds City Council said."},
    {"id": "three", "text": "Kenji Sato, a teacher, said the school in Osaka will close."},
]


def table_rows(store: Store) -> dict[str, list[tuple]]:
    """Every stored row except run numbers, in a fixed order: what two runs must agree on."""
    return {
        name: store.query(f"SELECT * EXCLUDE (run_id) FROM {name} ORDER BY ALL")[1]
        if name in ("articles", "errors") else store.query(f"SELECT * FROM {name} ORDER BY ALL")[1]
        for name in ("articles", "entities", "mentions", "quotes", "errors")
    }


# Readers


def test_csv_rows_become_articles_and_a_row_without_text_an_error(tmp_path):
    path = tmp_path / "news.csv"
    path.write_text('id,text,published,outlet\nc1,"A storm hit Oslo, officials said.",2024-02-01,Post\nc2,,,\n')
    first, second = read_csv(path)
    assert (first.id, first.published, first.outlet) == ("c1", "2024-02-01", "Post")
    assert isinstance(second, ErrorRecord) and second.id == "c2" and "no `text`" in second.error


def test_parquet_rows_stream_with_their_dates(tmp_path):
    import datetime

    path = tmp_path / "news.parquet"
    table = pa.table({"id": ["p1", "p2"], "text": ["Rain in Bern.", "Snow in Graz."],
                      "published": [datetime.date(2023, 1, 5), None], "extra": [1, 2]})
    pq.write_table(table, path)
    first, second = read_parquet(path, rows_per_batch=1)
    assert (first.id, first.published, second.text) == ("p1", "2023-01-05", "Snow in Graz.")


def test_folder_articles_are_named_by_their_path_inside_the_folder(tmp_path):
    (tmp_path / "week1").mkdir()
    (tmp_path / "week1" / "a.txt").write_text("Floods reached Porto.")
    (tmp_path / "b.txt").write_text("Markets fell in Seoul.")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    (tmp_path / ".hidden.txt").write_text("not an article")
    assert [item.id for item in read_folder(tmp_path)] == ["b", "week1/a"]


def test_documents_in_a_folder_are_error_rows_that_leave_the_article_its_id(tmp_path):
    (tmp_path / "budget.txt").write_text("The council set its budget on Monday.")
    (tmp_path / "budget.pdf").write_bytes(b"%PDF-1.7\n(The council set its budget.) Tj\n")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    items = list(read_folder(tmp_path))
    assert [(item.id, type(item)) for item in items] == [("budget.pdf", ErrorRecord), ("budget", Article)]
    assert "this is a PDF" in items[0].error
    assert count_records([tmp_path]) == 2


def test_a_missing_input_is_an_error_record_and_the_rest_is_read(tmp_path):
    good = write_jsonl(tmp_path / "good.jsonl", ARTICLES[:1])
    items = list(read_corpus([tmp_path / "missing.jsonl", good]))
    assert isinstance(items[0], ErrorRecord) and "no such file" in items[0].error
    assert isinstance(items[1], Article)


def test_a_table_without_an_article_column_is_one_error_naming_its_columns(tmp_path):
    news = tmp_path / "news.csv"
    news.write_text("headline,body\nStorm,A storm hit Oslo.\nFlood,Rivers rose in Hull.\n")
    old = tmp_path / "old.parquet"
    pq.write_table(pa.table({"headline": ["Snow"], "body": ["Snow fell in Graz."]}), old)
    for path in (news, old):
        (error,) = read_corpus([path])
        assert isinstance(error, ErrorRecord)
        assert "no `text` or `html` column" in error.error and "headline, body" in error.error


def test_a_quoted_pattern_is_expanded_and_one_matching_nothing_is_reported(tmp_path):
    (tmp_path / "b.txt").write_text("Markets fell in Seoul.")
    (tmp_path / "a.txt").write_text("Floods reached Porto.")
    items = list(read_corpus([str(tmp_path / "*.txt"), str(tmp_path / "*.html")]))
    assert [item.id for item in items] == ["a", "b", "*"]
    assert isinstance(items[2], ErrorRecord) and "no such file" in items[2].error
    assert count_records([str(tmp_path / "*.txt")]) == 2


def test_standard_input_is_read_as_one_article(tmp_path, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"Rain fell in Bern on Monday.")))
    (article,) = read_corpus(["-"])
    assert article.text == "Rain fell in Bern on Monday."


def test_counts_come_from_lines_rows_and_files(tmp_path):
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text('{"id": 1, "text": "x"}\n\n{"id": 2, "text": "y"}\n')
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "one.txt").write_text("z")
    parquet = tmp_path / "b.parquet"
    pq.write_table(pa.table({"id": ["1", "2", "3"], "text": ["a", "b", "c"]}), parquet)
    assert count_records([jsonl, tmp_path / "docs", parquet]) == 2 + 1 + 3


# Batches


def test_spacy_batches_are_cut_by_characters_and_a_long_article_goes_alone():
    items = [Article(id=str(number), text="x" * length) for number, length in enumerate([40, 50, 30, 200, 10])]
    items.insert(2, ErrorRecord(id="unread", error="empty"))
    batches = parse_batches(items, budget=100)
    assert [[item.id for item in batch] for batch in batches] == [["0", "1", "unread"], ["2"], ["3"], ["4"]]


def run(paths, store, stages=STAGES, chunk_size=2):
    return run_batch(paths, store, InlineExecutor(), stages=stages, chunk_size=chunk_size)


def test_when_spacy_fails_on_a_batch_only_the_culprit_fails(monkeypatch):
    import newsfacts.corpus as corpus

    real = corpus.extract_many

    def fragile(items, nlp, stages, batch_size=32):
        if any(isinstance(item, Article) and "CRASH" in item.text for item in items):
            raise RuntimeError("tokenizer exploded")
        return real(items, nlp, stages, batch_size)

    monkeypatch.setattr(corpus, "extract_many", fragile)
    items = [Article(id="a", text="Rain in Oslo."), Article(id="b", text="CRASH"), Article(id="c", text="Sun.")]
    results = corpus.analyse_chunk(items, stages=STAGES)
    assert [result.id for result in results] == ["a", "b", "c"]
    assert isinstance(results[1], ErrorRecord) and results[1].error == "spaCy failed: RuntimeError: tokenizer exploded"
    assert not isinstance(results[0], ErrorRecord) and not isinstance(results[2], ErrorRecord)


def test_a_rerun_skips_what_is_stored(tmp_path):
    corpus = write_jsonl(tmp_path / "c.jsonl", ARTICLES)
    with Store(tmp_path / "s.duckdb") as store:
        first = run([corpus], store)
        second = run([corpus], store)
        assert (first.stored, second.stored, second.skipped) == (3, 0, 3)
        assert store.query("SELECT count(*), count(DISTINCT id) FROM articles")[1] == [(3, 3)]


def test_a_repeated_id_is_stored_once_and_the_repeat_is_an_error_row(tmp_path):
    # The repeat falls in a later chunk than the first one and in the same chunk as another.
    records = [ARTICLES[0], ARTICLES[1], ARTICLES[2], {**ARTICLES[2], "text": "Another text."}, ARTICLES[0]]
    corpus = write_jsonl(tmp_path / "c.jsonl", records)
    with Store(tmp_path / "s.duckdb") as store:
        report = run([corpus], store)
        assert (report.stored, report.failed) == (3, 2)
        assert store.query("SELECT text FROM articles WHERE id = 'three'")[1] == [(ARTICLES[2]["text"],)]
        errors = store.query("SELECT id, error FROM errors ORDER BY id")[1]
        assert [row[0] for row in errors] == ["one", "three"]
        assert all("duplicate id" in row[1] for row in errors)


def test_a_failing_article_gets_an_error_row_and_the_run_goes_on(tmp_path):
    records = [ARTICLES[0], {"id": "bad", "text": "EXPLODE here."}, ARTICLES[1]]
    corpus = write_jsonl(tmp_path / "c.jsonl", records)
    with Store(tmp_path / "s.duckdb") as store:
        report = run([corpus], store, stages=(*STAGES, ("checks", fail_on_marker)))
        assert report.stored == 2
        assert store.query("SELECT id, error FROM errors")[1] == [
            ("bad", "the checks stage failed: ValueError: marker found")]


def test_worker_processes_store_what_one_process_stores(tmp_path):
    corpus = write_jsonl(tmp_path / "c.jsonl", ARTICLES)
    with Store(tmp_path / "one.duckdb") as single:
        run([corpus], single)
        expected = table_rows(single)
    with Store(tmp_path / "two.duckdb") as pooled, local_executor(2) as (executor, slots):
        run_batch([corpus], pooled, executor, stages=STAGES, chunk_size=1, slots=slots)
        assert table_rows(pooled) == expected


# The run below is killed (SIGKILL, no clean-up) in the middle of writing its third chunk: that
# chunk's article rows are inserted, its transaction is not committed.
KILLED_RUN = textwrap.dedent("""
    import os, signal, sys
    sys.path.insert(0, sys.argv[1])
    from test_corpus import STAGES
    from newsfacts.corpus import InlineExecutor, run_batch
    from newsfacts.store import Store

    insert = Store._insert
    chunks = []

    def insert_then_die(self, table, columns, rows):
        insert(self, table, columns, rows)
        if table == "articles":
            chunks.append(rows)
            if len(chunks) == 3:
                os.kill(os.getpid(), signal.SIGKILL)

    Store._insert = insert_then_die
    run_batch([sys.argv[2]], Store(sys.argv[3]), InlineExecutor(), stages=STAGES, chunk_size=4)
""")


def test_a_killed_run_resumes_with_nothing_lost_or_doubled(tmp_path, shared):
    with (shared / "data/quotes/polnear-dev.jsonl").open(encoding="utf-8") as lines:
        corpus = tmp_path / "slice.jsonl"
        corpus.write_text("".join(islice(lines, 14)), encoding="utf-8")
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_RUN, str(Path(__file__).parent), str(corpus), str(tmp_path / "s.duckdb")],
        capture_output=True, text=True, timeout=300,
    )
    assert killed.returncode == -9, killed.stderr
    with Store(tmp_path / "s.duckdb") as store:
        assert store.query("SELECT count(*) FROM articles")[1] == [(8,)]  # two whole chunks, not the third
        report = run_batch([corpus], store, InlineExecutor(), stages=STAGES, chunk_size=4)
        assert (report.skipped, report.stored) == (8, 6)
        assert store.query("SELECT count(*), count(DISTINCT id) FROM articles")[1] == [(14, 14)]
        resumed = table_rows(store)
    with Store(tmp_path / "clean.duckdb") as clean:
        run_batch([corpus], clean, InlineExecutor(), stages=STAGES, chunk_size=4)
        assert resumed == table_rows(clean)


def test_batch_query_and_export_commands(tmp_path):
    corpus = write_jsonl(tmp_path / "c.jsonl", ARTICLES[:2])
    store = str(tmp_path / "s.duckdb")
    runner = CliRunner()
    batch = runner.invoke(app, ["batch", str(corpus), "--store", store])
    assert batch.exit_code == 0, batch.output
    assert "2 stored, 0 failed" in batch.output
    again = runner.invoke(app, ["batch", str(corpus), "--store", store])
    assert "0 stored, 0 failed, 2 already in" in again.output
    answer = runner.invoke(app, ["query", "--sql", "SELECT id FROM articles ORDER BY id", "--store", store,
                                 "--format", "json"])
    assert json.loads(answer.stdout) == [{"id": "one"}, {"id": "two"}]
    exported = runner.invoke(app, ["export", "--store", store, "--format", "csv", "-o", str(tmp_path / "out")])
    assert exported.exit_code == 0 and (tmp_path / "out" / "quotes.csv").exists()


def test_query_errors_are_one_line(tmp_path):
    result = CliRunner().invoke(app, ["query", "top-quoted", "--store", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1 and "no such store" in result.output


def test_query_genders_counts_a_stored_speakers_quotes(tmp_path):
    corpus = write_jsonl(tmp_path / "c.jsonl", [{"id": "a", "text": "Maria Costa said she would open a bakery."}])
    store = str(tmp_path / "s.duckdb")
    runner = CliRunner()
    assert runner.invoke(app, ["batch", str(corpus), "--store", store]).exit_code == 0
    answer = runner.invoke(app, ["query", "genders", "--store", store, "--format", "json"])
    assert answer.exit_code == 0, answer.output
    assert json.loads(answer.stdout)[0] == {"outlet": "(all outlets)", "quotes": 1, "women": 1, "men": 0,
                                             "unknown": 0, "women_pct": 100.0}
