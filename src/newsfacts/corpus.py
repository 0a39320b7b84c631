"""Corpus runs: many articles from folders, JSONL, CSV or Parquet, analysed in chunks into a store.

Input is streamed: only the chunks in flight are held in memory, never the corpus. Each chunk goes to
a worker (this process, a process pool, or a Dask cluster: any `concurrent.futures`-style executor),
and its results are written in one transaction, so a killed run leaves whole chunks behind.

Article ids are the key. A rerun skips every id stored (or failed) by an earlier run, which is how a
killed run resumes. An id seen twice within one run is stored once; the later article becomes an error
row saying so. (After a resume, a repeat of an id stored before the kill is skipped like any stored id.)
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing import get_context
from pathlib import Path

from .ingest import PLAIN, Columns, read_inputs
from .nlp import DEFAULT_MODEL, load_model
from .schema import Article, ErrorRecord, FactSheet
from .sheet import DEFAULT_STAGES, Stage, extract_many
from .store import Store
from .workers import start_worker

# Articles per chunk: the unit of work sent to a worker and of one store transaction.
CHUNK_SIZE = 32
# Characters per spaCy batch. spaCy's working memory grows with the tokens of a batch (tok2vec on 8 long
# articles peaked 540 MiB above the model, one at a time 120 MiB) while speed per article barely changes
# with the batch size (measured 1 to 32), so batches are cut by size: flat memory whatever the articles.
PARSE_CHARACTERS = 20_000

Item = Article | ErrorRecord
Result = FactSheet | ErrorRecord


def analyse_chunk(
    items: list[Item], model: str = DEFAULT_MODEL, stages: Sequence[tuple[str, Stage]] = DEFAULT_STAGES,
    on_result: Callable[[], None] | None = None,
) -> list[Result]:
    """The per-article work of every engine: sheets (or error records) for one chunk, in order.

    Runs wherever the executor puts it; the model is loaded once per process and cached. spaCy gets
    the chunk in batches of bounded size, and the strings it learns from a batch are freed after it
    (`memory_zone`), so a long run does not grow; this is why a process must not analyse two chunks at
    once on threads (Dask workers: `--nthreads 1`). `on_result()` is called as each article is done, when
    the chunk runs in this process.
    """
    tick = on_result or (lambda: None)
    nlp = load_model(model)
    results: list[Result] = []
    for batch in parse_batches(items):
        analysed: list[Result] = []
        try:
            with nlp.memory_zone():
                for result in extract_many(batch, nlp, stages, batch_size=len(batch)):
                    analysed.append(result)
                    tick()
            results += analysed
        except Exception:  # spaCy itself failed on the batch: retry one by one so only the culprit fails
            for number, item in enumerate(batch):
                try:
                    with nlp.memory_zone():
                        results += list(extract_many([item], nlp, stages))
                except Exception as error:
                    results.append(ErrorRecord(id=item.id, error=f"spaCy failed: {type(error).__name__}: {error}",
                                               source=item.source))
                if number >= len(analysed):  # those before were counted on the first try
                    tick()
    return results


def parse_batches(items: Iterable[Item], budget: int = PARSE_CHARACTERS) -> Iterator[list[Item]]:
    """Runs of consecutive items whose texts add up to at most `budget` characters; a longer one alone."""
    batch: list[Item] = []
    size = 0
    for item in items:
        length = len(item.text) if isinstance(item, Article) else 0
        if batch and size + length > budget:
            yield batch
            batch, size = [], 0
        batch.append(item)
        size += length
    if batch:
        yield batch


class InlineExecutor(Executor):
    """Runs each task at once in this process: the one-worker engine, with no pickling."""

    def submit(self, fn: Callable, /, *args, **kwargs) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as error:
            future.set_exception(error)
        return future


@contextmanager
def local_executor(workers: int, model: str = DEFAULT_MODEL) -> Iterator[tuple[Executor, int]]:
    """This process for one worker, else a pool of worker processes each loading the model once; and
    how many tasks run at once."""
    if workers <= 1:
        yield InlineExecutor(), 1
        return
    # Spawned, not forked: a fork would copy DuckDB's and spaCy's threads in an unknown state.
    pool = ProcessPoolExecutor(workers, mp_context=get_context("spawn"), initializer=start_worker, initargs=(model,))
    try:
        yield pool, workers
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


@dataclass
class BatchReport:
    stored: int = 0
    failed: int = 0
    skipped: int = 0
    failures: list[ErrorRecord] = field(default_factory=list)  # the last few, for the closing message


@dataclass
class Chunk:
    items: list[Item]
    skipped: int


def pending_chunks(items: Iterable[Item], store: Store, run_id: int, in_flight: set[str],
                   chunk_size: int = CHUNK_SIZE) -> Iterator[Chunk]:
    """The input in chunks, minus ids an earlier run stored; repeats within this run become error rows."""
    stream = iter(items)
    while chunk := list(islice(stream, chunk_size)):
        stored = store.stored_runs({item.id for item in chunk})
        kept: list[Item] = []
        seen_here: set[str] = set()
        for item in chunk:
            earlier_run = stored.get(item.id)
            if earlier_run is not None and earlier_run != run_id:
                continue
            if earlier_run == run_id or item.id in in_flight or item.id in seen_here:
                item = ErrorRecord(id=item.id, error=f"duplicate id {item.id!r}: an earlier article in this run "
                                   "has the same id; only the first is kept", source=item.source)
            seen_here.add(item.id)
            kept.append(item)
        yield Chunk(kept, skipped=len(chunk) - len(kept))


def run_batch(
    paths: Sequence[str | Path],
    store: Store,
    executor: Executor,
    *,
    engine: str = "local",
    model: str = DEFAULT_MODEL,
    stages: Sequence[tuple[str, Stage]] = DEFAULT_STAGES,
    chunk_size: int = CHUNK_SIZE,
    slots: int = 1,
    columns: Columns = PLAIN,
    on_progress: Callable[[int], None] = lambda done: None,
) -> BatchReport:
    """Analyse every article of the inputs not yet in the store, and store the results chunk by chunk.

    At most two chunks per slot (task the executor runs at once) are out at a time, which bounds memory;
    results are written in input order. `on_progress(n)` is called as n more articles are done: per article
    when chunks run in this process, per chunk when they run elsewhere. `columns` names the columns of
    tables that hold the article and its id.
    """
    inline = isinstance(executor, InlineExecutor)
    each_article = (lambda: on_progress(1)) if inline else None
    run_id = store.start_run(engine, model, [str(path) for path in paths])
    report = BatchReport()
    in_flight: set[str] = set()
    window: deque[tuple[list[str], Future]] = deque()

    def store_oldest() -> None:
        ids, future = window.popleft()
        results = future.result()
        store.write(results, run_id)
        in_flight.difference_update(ids)
        for result in results:
            if isinstance(result, ErrorRecord):
                report.failed += 1
                report.failures = [*report.failures[-4:], result]
            else:
                report.stored += 1
        if not inline:
            on_progress(len(results))

    for chunk in pending_chunks(read_inputs(paths, columns=columns), store, run_id, in_flight, chunk_size):
        report.skipped += chunk.skipped
        on_progress(chunk.skipped)
        if not chunk.items:
            continue
        ids = [item.id for item in chunk.items]
        in_flight.update(ids)
        window.append((ids, executor.submit(analyse_chunk, chunk.items, model, stages, each_article)))
        while window and (window[0][1].done() or len(window) >= 2 * slots):
            store_oldest()
    while window:
        store_oldest()
    store.finish_run(run_id)
    return report
