"""Corpus runs: batches that resume, report errors and never store twice."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from itertools import islice
from pathlib import Path

from typer.testing import CliRunner

from newsfacts.cli import app
from newsfacts.corpus import InlineExecutor, local_executor, parse_batches, run_batch
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


def test_progress_moves_per_article_when_chunks_run_in_this_process(tmp_path):
    corpus = write_jsonl(tmp_path / "c.jsonl", ARTICLES)
    steps: list[int] = []
    with Store(tmp_path / "s.duckdb") as store:
        run_batch([corpus], store, InlineExecutor(), stages=STAGES, chunk_size=32, on_progress=steps.append)
    assert steps == [0, 1, 1, 1]  # nothing skipped, then one article at a time


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
