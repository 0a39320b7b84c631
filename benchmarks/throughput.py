"""Throughput and memory of newsfacts on real news, against bare spaCy on the same model.

    .venv/bin/python benchmarks/throughput.py                 # 200 articles, then memory for 100 vs 2,000
    .venv/bin/python benchmarks/throughput.py -n 50 --no-memory

Throughput: the same articles go through bare `nlp.pipe` and through the full pipeline as `newsfacts
batch` runs it (`analyse_chunk`), chunk by chunk in turn, so both see the same load on a shared machine,
in the same spaCy batches. Each stage of DEFAULT_STAGES is
timed, to show where the pipeline's time goes; one-off loads (spaCy's and the stages') are warmed up first. Targets: pipeline >= 0.8 x bare spaCy.

Memory: `newsfacts batch` (the streaming path into a DuckDB store) runs in a fresh process on 100 and on
2,000 articles; its peak resident memory comes from the kernel (wait4's ru_maxrss). Target: the 2,000
article run peaks at <= 1.2 x the 100 article run.

Articles come from the development data beside the checkout (../shared/data), repeated with new ids
when more are asked for than there are.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import cycle, islice
from pathlib import Path

from newsfacts.corpus import PARSE_CHARACTERS, analyse_chunk, parse_batches
from newsfacts.nlp import DEFAULT_MODEL, load_model
from newsfacts.schema import Article, ErrorRecord
from newsfacts.sheet import DEFAULT_STAGES

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
DATA_FILES = ("quotes/polnear-train.jsonl", "quotes/polnear-dev.jsonl", "times/te3-dev.jsonl")
CHUNK = 32  # articles timed in turn by each side
THROUGHPUT_TARGET = 0.8
MEMORY_TARGET = 1.2


def records(n: int) -> Iterator[dict]:
    """n article records (id, text, published, outlet) from the data sets, repeated with fresh ids."""

    def source() -> Iterator[dict]:
        for name in DATA_FILES:
            with (DATA / name).open(encoding="utf-8") as lines:
                for line in lines:
                    record = json.loads(line)
                    yield {key: record.get(key) for key in ("id", "text", "published", "outlet")}

    originals = list(islice(source(), n))
    for number, record in enumerate(islice(cycle(originals), n)):
        yield {**record, "id": f"{record['id']}#{number // len(originals)}"}


@contextmanager
def clock(wall: dict[str, float], cpu: dict[str, float], side: str) -> Iterator[None]:
    started, started_cpu = time.perf_counter(), time.process_time()
    yield
    wall[side] += time.perf_counter() - started
    cpu[side] += time.process_time() - started_cpu


def timed(field: str, stage, seconds: dict[str, float]):
    def run(parsed, sheet):
        started = time.process_time()
        try:
            return stage(parsed, sheet)
        finally:
            seconds[field] += time.process_time() - started

    return run


def throughput(n: int, model: str) -> None:
    nlp = load_model(model)
    articles = [Article(**record) for record in records(n)]
    list(nlp.pipe([article.text for article in articles[:8]]))  # warm-up: lazy initialisation in spaCy
    # The stages' own one-off loads (word tables, pycountry, nicknames: ~0.3 s once per process) would be
    # charged to the first articles and skew a per-article figure by ~3 ms at n=100; warm them up too.
    analyse_chunk(articles[:8], model, DEFAULT_STAGES)
    stage_seconds: dict[str, float] = defaultdict(float)
    stages = [(field, timed(field, stage, stage_seconds)) for field, stage in DEFAULT_STAGES]
    wall = {"bare": 0.0, "full": 0.0}
    cpu = {"bare": 0.0, "full": 0.0}
    failures = 0
    for start in range(0, n, CHUNK):
        chunk = articles[start : start + CHUNK]
        with clock(wall, cpu, "bare"):
            for batch in parse_batches(chunk):
                for _ in nlp.pipe([article.text for article in batch], batch_size=len(batch)):
                    pass
        with clock(wall, cpu, "full"):
            for result in analyse_chunk(chunk, model, stages):
                failures += isinstance(result, ErrorRecord)

    print(f"throughput on {n} articles ({sum(len(a.text) for a in articles) / n:,.0f} characters on average), "
          f"model {model}, spaCy batches of up to {PARSE_CHARACTERS:,} characters")
    print("                          articles/s   articles per CPU-second")
    print(f"  bare spaCy nlp.pipe     {n / wall['bare']:10.2f}   {n / cpu['bare']:10.2f}")
    print(f"  newsfacts pipeline      {n / wall['full']:10.2f}   {n / cpu['full']:10.2f}   ({failures} failed)")
    ratio = cpu["bare"] / cpu["full"]
    print(f"  ratio                   {wall['bare'] / wall['full']:10.2f}   {ratio:10.2f}   (target >= "
          f"{THROUGHPUT_TARGET} on CPU time, which other work on the machine does not skew: "
          f"{'met' if ratio >= THROUGHPUT_TARGET else 'NOT met'})")
    full = cpu["full"]
    print("  where the pipeline's time goes (CPU ms per article):")
    print(f"    {'spaCy parse':<14}{1000 * (full - sum(stage_seconds.values())) / n:9.1f}")
    for field, _ in DEFAULT_STAGES:
        print(f"    {field:<14}{1000 * stage_seconds[field] / n:9.1f}")


def peak_memory(n: int, folder: Path, model: str) -> tuple[int, float]:
    """Peak resident memory in MiB of `newsfacts batch` on n articles, and its run time."""
    corpus = folder / f"{n}.jsonl"
    with corpus.open("w", encoding="utf-8") as out:
        for record in records(n):
            out.write(json.dumps(record) + "\n")
    command = [sys.executable, "-m", "newsfacts.cli", "batch", str(corpus), "--store", str(folder / f"{n}.duckdb"),
               "--model", model]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if status != 0:
        sys.exit(f"newsfacts batch failed: {process.stderr.read().decode()[-500:]}")
    return usage.ru_maxrss // 1024, seconds  # Linux reports KiB


def memory(sizes: list[int], model: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        peaks = {n: peak_memory(n, Path(folder), model) for n in sizes}
    print("peak memory of `newsfacts batch` (one process, streaming into DuckDB):")
    for n, (mib, seconds) in peaks.items():
        print(f"  {n:6,} articles   {mib:6,} MiB   ({n / seconds:.2f} articles/s end to end)")
    small, large = peaks[min(sizes)][0], peaks[max(sizes)][0]
    growth = large / small
    print(f"  growth {growth:.2f} x   (target <= {MEMORY_TARGET}: {'met' if growth <= MEMORY_TARGET else 'NOT met'})")


def parallel(n: int, model: str) -> None:
    """Wall time of a batch on n articles: one process, a pool of 2 worker processes (`--workers 2`), and
    spaCy's own `n_process=2`, which parses in 2 processes but runs the stages in the main one."""
    from newsfacts.corpus import InlineExecutor, local_executor, run_batch
    from newsfacts.nlp import Parsed
    from newsfacts.sheet import analyse
    from newsfacts.store import Store

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        corpus = folder / "corpus.jsonl"
        corpus.write_text("".join(json.dumps(record) + "\n" for record in records(n)), encoding="utf-8")
        load_model(model)
        timings = {}
        with Store(folder / "one.duckdb") as store:
            started = time.perf_counter()
            run_batch([corpus], store, InlineExecutor(), model=model)
            timings["1 process"] = time.perf_counter() - started
        with Store(folder / "pool.duckdb") as store:
            started = time.perf_counter()
            with local_executor(2, model) as (executor, slots):
                run_batch([corpus], store, executor, model=model, slots=slots)
            timings["--workers 2 (process pool, model load included)"] = time.perf_counter() - started
        articles = [Article(**record) for record in records(n)]
        nlp = load_model(model)
        with Store(folder / "spacy.duckdb") as store:
            started = time.perf_counter()
            docs = nlp.pipe(((a.text, a) for a in articles), as_tuples=True, batch_size=4, n_process=2)
            sheets = [analyse(Parsed(article, doc)) for doc, article in docs]
            store.write(sheets, run_id=1)
            timings["spaCy n_process=2 (stages in the main process)"] = time.perf_counter() - started
    print(f"parallel runs on {n} articles, 2 cores:")
    for label, seconds in timings.items():
        print(f"  {label:<50}{n / seconds:7.2f} articles/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=200, help="articles for the throughput comparison")
    parser.add_argument("--memory-sizes", default="100,2000", help="corpus sizes for the memory runs")
    parser.add_argument("--no-memory", action="store_true", help="skip the memory runs")
    parser.add_argument("--no-throughput", action="store_true", help="skip the throughput comparison")
    parser.add_argument("--parallel", type=int, default=0, metavar="N",
                        help="also compare worker processes with spaCy's n_process on N articles")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    options = parser.parse_args()
    if not DATA.is_dir():
        sys.exit(f"{DATA}: the development data is not beside the checkout")
    if not options.no_throughput:
        throughput(options.n, options.model)
    if not options.no_memory:
        memory([int(size) for size in options.memory_sizes.split(",")], options.model)
    if options.parallel:
        parallel(options.parallel, options.model)


if __name__ == "__main__":
    main()
