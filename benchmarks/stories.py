"""Grouping a corpus into stories, and comparing one story, timed.

    .venv/bin/python benchmarks/stories.py                    # 10,000 and 100,000 articles, then one story
    .venv/bin/python benchmarks/stories.py --sizes 2000 20000 # smaller, for a quick look

Grouping: `stories.group.group_stories` (what `newsfacts stories` runs over a store) on generated corpora
of each size, each in a fresh process so its peak resident memory (the kernel's ru_maxrss) is its own.
Articles are the development data sets (../shared/data) repeated with new ids, a new date (55 articles a
day, so 100,000 span five years) and small edits (a sentence dropped, a word changed), streamed, never all
held at once.
Target: the 100,000 run takes at most 12 times the 10,000 run (it never compares all pairs). Wall and CPU
time are both printed: on a machine shared with other work, CPU time is the steadier measure.

Mixed corpus: the two development stories mixed into about 1,000 other articles; the stories found must
hold each story's articles and nothing else.

One story: the 20 first articles of the two development stories (their sheets made first, not timed) are
compared into one story sheet. Target: under 2 s.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
DATA_FILES = ("quotes/polnear-train.jsonl", "quotes/polnear-dev.jsonl", "times/te3-dev.jsonl",
              "news/news-dev.jsonl")
STORY_FILES = ("stories/louvre-jewel-heist-2025.jsonl", "stories/hong-kong-tai-po-fire-2025.jsonl")
GROWTH_TARGET = 12
COMPARE_TARGET = 2.0
FIRST_DAY = date(2020, 1, 1)
# A news archive grows with time: a larger corpus covers a longer period at the same articles per day
# (100,000 articles: five years).
ARTICLES_PER_DAY = 55


def originals(names=DATA_FILES) -> list[dict]:
    found = []
    for name in names:
        with (DATA / name).open(encoding="utf-8") as lines:
            found += [{key: record.get(key) for key in ("id", "text", "published")}
                      for record in map(json.loads, lines)]
    return found


def generated(n: int, seed: int = 7) -> Iterator:
    """n articles: the originals repeated with new ids, dates and small edits."""
    from newsfacts.stories.group import Doc

    sources = originals()
    rng = random.Random(seed)
    days = max(1, n // ARTICLES_PER_DAY)
    for number in range(n):
        record = sources[number % len(sources)]
        sentences = record["text"].split(". ")
        if len(sentences) > 3:
            del sentences[rng.randrange(len(sentences))]
        words = ". ".join(sentences).split(" ")
        words[rng.randrange(len(words))] = rng.choice(["reportedly", "also", "then", "still", "later"])
        day = FIRST_DAY + timedelta(days=rng.randrange(days))
        yield Doc(f"{record['id']}#{number}", " ".join(words), day.isoformat())


def group_run(n: int) -> dict:
    """Run in a child process: time and peak memory of grouping n generated articles."""
    from newsfacts.stories.group import group_stories

    started, cpu_started = time.perf_counter(), time.process_time()
    stories = group_stories(generated(n))
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"articles": n, "seconds": round(seconds, 1), "cpu_seconds": round(cpu, 1), "peak_mib": round(peak),
            "stories": len(stories),
            "in_stories": sum(len(story.article_ids) for story in stories),
            "wire_copies": sum(len(story.copy_of) for story in stories)}


def in_child(n: int) -> dict:
    output = subprocess.run([sys.executable, __file__, "--child", str(n)], capture_output=True, text=True,
                            check=True)
    return json.loads(output.stdout)


def mixed_corpus() -> str:
    """The development stories mixed into the other development articles: are they found, and alone?"""
    from newsfacts.stories.group import Doc, group_stories

    others = originals()[:1000]
    story_records = originals(STORY_FILES)
    docs = [Doc(r["id"], r["text"], r["published"]) for r in [*others, *story_records]]
    random.Random(3).shuffle(docs)
    stories = group_stories(docs)
    lines = []
    for name in STORY_FILES:
        prefix = Path(name).stem
        wanted = {r["id"] for r in story_records if r["id"].startswith(prefix)}
        holding = [story for story in stories if wanted & set(story.article_ids)]
        found = set().union(*(set(story.article_ids) for story in holding))
        lines.append(f"{prefix}: {len(wanted & found)} of {len(wanted)} articles in {len(holding)} stories, "
                     f"{len(found - wanted)} other articles with them")
    return f"mixed into {len(others)} other articles: " + "; ".join(lines)


def compare_one_story() -> float:
    from newsfacts.nlp import load_model
    from newsfacts.schema import Article
    from newsfacts.sheet import extract_many
    from newsfacts.stories.compare import compare

    records = originals(STORY_FILES)[:20]
    articles = [Article(id=r["id"], text=r["text"], published=r["published"]) for r in records]
    sheets = list(extract_many(articles, load_model()))
    started = time.perf_counter()
    compare(sheets)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs=2, default=[10_000, 100_000])
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        print(json.dumps(group_run(arguments.child)))
        return
    small, large = (in_child(n) for n in arguments.sizes)
    for run in (small, large):
        print(f"grouping {run['articles']:,} articles: {run['seconds']} s ({run['cpu_seconds']} CPU s), "
              f"peak {run['peak_mib']} MiB, "
              f"{run['stories']:,} stories holding {run['in_stories']:,} articles ({run['wire_copies']:,} wire copies)")
    growth, cpu_growth = large["seconds"] / small["seconds"], large["cpu_seconds"] / small["cpu_seconds"]
    print(f"time {large['articles']:,} / {small['articles']:,}: {growth:.1f}x, CPU time {cpu_growth:.1f}x (target <= "
          f"{GROWTH_TARGET}x for 10x the articles; CPU time is what the method costs on a shared machine)")
    print(mixed_corpus())
    seconds = compare_one_story()
    print(f"comparing one story of 20 articles (sheets made): {seconds:.2f} s (target < {COMPARE_TARGET} s)")


if __name__ == "__main__":
    main()
