"""How long linking people takes as a batch writes a corpus, and whether it grows with the corpus.

The sheets of a store a batch filled are written again, chunk by chunk as `newsfacts batch` writes them, into
a new store; the linking (`people.link_sheets`: parsing names, then linking the touched surnames again) is
timed apart from the rest of each write. `--repeat N` writes the corpus N times under new ids, so the later
copies are linked against a corpus N times larger (the blocks of frequent surnames grow with it).

    .venv/bin/newsfacts batch ../shared/data/quotes/polnear-dev.jsonl ../shared/data/quotes/polnear-train.jsonl \
        --store polnear.duckdb
    .venv/bin/python benchmarks/people.py polnear.duckdb --repeat 3
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from newsfacts import people
from newsfacts.corpus import CHUNK_SIZE
from newsfacts.schema import FactSheet
from newsfacts.store import Store


def read_sheets(path: Path) -> list[FactSheet]:
    with Store(path, read_only=True) as source:
        _, rows = source.query("SELECT sheet FROM articles ORDER BY id")
    return [FactSheet.model_validate_json(sheet) for (sheet,) in rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("store", type=Path, help="a store a batch filled")
    parser.add_argument("--repeat", type=int, default=1, help="write the corpus this many times, under new ids")
    parser.add_argument("--chunk-size", type=int, default=CHUNK_SIZE)
    args = parser.parse_args()
    sheets = read_sheets(args.store)
    timings: dict[str, float] = {"link": 0.0, "names": 0.0, "relink": 0.0}
    for name in ("link_sheets", "sheet_names", "relink"):
        original = getattr(people, name)
        label = {"link_sheets": "link", "sheet_names": "names", "relink": "relink"}[name]

        def timed(*arguments, _original=original, _label=label):
            started = time.perf_counter()
            try:
                return _original(*arguments)
            finally:
                timings[_label] += time.perf_counter() - started

        setattr(people, name, timed)
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "replay.duckdb") as store:
        for copy in range(args.repeat):
            renamed = [sheet.model_copy(update={"id": f"{copy}:{sheet.id}"}) for sheet in sheets] if copy else sheets
            before = dict(timings)
            people.parse_name.cache_clear()  # each copy parses its names afresh, as a new corpus would
            started = time.perf_counter()
            for start in range(0, len(renamed), args.chunk_size):
                store.write(renamed[start:start + args.chunk_size], run_id=copy + 1)
            write = time.perf_counter() - started
            linked = {key: timings[key] - before[key] for key in timings}
            (entities,), = store.query("SELECT count(*) FROM person_entities")[1]
            (persons,), = store.query("SELECT count(*) FROM people")[1]
            print(f"copy {copy + 1}: {len(renamed)} articles, store now {entities} person entities in {persons} people;"
                  f" linking {1000 * linked['link'] / len(renamed):.2f} ms per article (names"
                  f" {1000 * linked['names'] / len(renamed):.2f}, blocks {1000 * linked['relink'] / len(renamed):.2f});"
                  f" whole write {1000 * write / len(renamed):.2f} ms per article")


if __name__ == "__main__":
    main()
