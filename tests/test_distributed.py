"""The Dask engine stores exactly what a single-process run stores."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from newsfacts.cli import app
from newsfacts.corpus import InlineExecutor, run_batch
from newsfacts.distributed import dask_executor
from newsfacts.store import TABLE_NAMES, Store

ARTICLES = [
    {"id": "d1", "text": "Lena Berg, the mayor of Tromso, said on Monday that the harbour will reopen.",
     "published": "2024-03-04", "outlet": "North"},
    {"id": "d2", "text": "\u201cWe are ready,\u201d said Omar Haddad, who leads the union. He spoke in Lyon.",
     "published": "2024-03-05", "outlet": "South"},
    {"id": "d3", "text": "Officials said the festival drew 40,000 people, up from 35,000 in 2022.",
     "outlet": "North"},
    {"id": "d4", "text": ""},
    {"id": "d5", "text": "Priya Nair joined Acme Corp in 2015. Her brother, Ravi Nair, works there too."},
]


def stored_rows(store: Store) -> dict[str, list[tuple]]:
    rows = {}
    for name in TABLE_NAMES:
        if name != "runs":
            columns, _ = store.query(f"SELECT * FROM {name} LIMIT 0")
            kept = ", ".join(f'"{column}"' for column in columns if column != "run_id")
            rows[name] = store.query(f"SELECT {kept} FROM {name} ORDER BY ALL")[1]
    return rows


def test_a_dask_local_cluster_run_equals_a_single_process_run(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(record) + "\n" for record in ARTICLES), encoding="utf-8")
    with Store(tmp_path / "single.duckdb") as single:
        run_batch([corpus], single, InlineExecutor())
        expected = stored_rows(single)
    with Store(tmp_path / "dask.duckdb") as distributed, dask_executor(workers=2) as (executor, slots):
        assert slots == 2
        report = run_batch([corpus], distributed, executor, engine="dask", chunk_size=2, slots=slots)
        assert (report.stored, report.failed) == (4, 1)
        assert stored_rows(distributed) == expected
        assert distributed.query("SELECT engine FROM runs")[1] == [("dask",)]


def test_a_scheduler_address_needs_the_dask_engine(tmp_path):
    result = CliRunner().invoke(app, ["batch", "x.jsonl", "--store", str(tmp_path / "s.duckdb"),
                                      "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 1 and "--engine dask" in result.output
