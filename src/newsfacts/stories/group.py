"""A corpus cut into stories: articles on the same event, close in time, found without comparing all pairs.

Each article becomes a set of features: its content words and its capitalised names (the names carry the
event, the words the topic). A MinHash of that set goes into a locality-sensitive hash index (datasketch)
per week of publication; an article is looked up in its own week and the weeks on either side, so only
articles close in time are candidates, and only candidates are compared. Two articles are linked when
their feature sets overlap enough (the exact Jaccard of their hashed features, kept as small sorted
arrays) and their dates are at most `max_days` apart; a story is a connected group of linked articles.

Wire copies, the same text reprinted by several outlets, are pairs whose five-word shingles are nearly all
shared; the earliest of each set of copies is the original, the others are marked as copies of it, so
corpus counts can leave them out.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

# Measured on the development stories against 960 other news articles: every story article shares at
# least 0.18 of its features with another article of its story, while no article shares more than 0.09
# with an article of another story (PolNeAR reports of one campaign day reach 0.3 and more: one event).
SAME_STORY = 0.13
# The LSH index finds pairs above about this estimated Jaccard; the exact check above then decides.
LSH_THRESHOLD = 0.09
# Without a date on both sides nothing says the two articles are close in time: only articles that share
# most of their words are one story then.
UNDATED_SAME_STORY = 0.3
WIRE_COPY = 0.8
NUM_PERM = 128
SHINGLE_WORDS = 5
MAX_DAYS = 3
WORD = re.compile(r"[a-z][a-z'’-]+")
NAME = re.compile(r"(?<![.!?\n]\s)(?<!^)\b([A-Z][a-z]+(?:[- ][A-Z][a-z]+)*)")


@dataclass
class Doc:
    id: str
    text: str
    published: str | None = None


@dataclass
class Story:
    id: str
    article_ids: list[str]
    copy_of: dict[str, str] = field(default_factory=dict)  # wire copy -> the earliest article it copies
    first_published: str | None = None
    last_published: str | None = None


def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _hash(token: str) -> int:
    return zlib.crc32(token.encode("utf-8"))


def features(text: str, stop_words: frozenset[str]) -> np.ndarray:
    """The article's content words and names, hashed, as a sorted array of unique 32-bit ints."""
    lowered = text.lower()
    tokens = {"w:" + word for word in WORD.findall(lowered) if len(word) > 2 and word not in stop_words}
    tokens |= {name.lower() for name in NAME.findall(text) if name.lower() not in stop_words}
    return np.unique(np.fromiter((_hash(token) for token in tokens), dtype=np.uint32, count=len(tokens)))


def shingles(text: str) -> np.ndarray:
    words = WORD.findall(text.lower())
    grams = {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    return np.unique(np.fromiter((_hash(gram) for gram in grams), dtype=np.uint32, count=len(grams)))


@lru_cache(maxsize=1)
def lsh_params() -> tuple[int, int]:
    """Bands and rows for the threshold; datasketch finds them by numerical integration, so once."""
    index = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    return index.b, index.r


def minhash(values: np.ndarray) -> LeanMinHash:
    # The features are hashed already: datasketch only permutes them.
    sketch = MinHash(num_perm=NUM_PERM, hashfunc=int)
    sketch.update_batch(values.tolist())
    return LeanMinHash(sketch)


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    if not len(a) or not len(b):
        return 0.0
    shared = len(np.intersect1d(a, b, assume_unique=True))
    return shared / (len(a) + len(b) - shared)


def day_of(published: str | None) -> int | None:
    try:
        return date.fromisoformat(published[:10]).toordinal() if published else None
    except ValueError:
        return None


class _Forest:
    def __init__(self) -> None:
        self.parent: list[int] = []

    def add(self) -> int:
        self.parent.append(len(self.parent))
        return len(self.parent) - 1

    def root(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        ra, rb = self.root(a), self.root(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def group_stories(docs: Iterable[Doc], max_days: int = MAX_DAYS, same_story: float = SAME_STORY) -> list[Story]:
    """Stories of two or more articles, in order of their first article; each article is read once."""
    stop_words = _stop_words()
    ids: list[str] = []
    days: list[int | None] = []
    feature_sets: list[np.ndarray] = []
    shingle_sets: list[np.ndarray] = []
    indexes: dict[int | None, MinHashLSH] = {}
    forest = _Forest()
    week_span = max_days // 7 + 1
    for doc in docs:
        index = forest.add()
        ids.append(doc.id)
        day = day_of(doc.published)
        days.append(day)
        feature_sets.append(features(doc.text, stop_words))
        shingle_sets.append(shingles(doc.text))
        sketch = minhash(feature_sets[-1])
        week = None if day is None else day // 7
        weeks = [None] if week is None else [week + offset for offset in range(-week_span, week_span + 1)] + [None]
        for key in weeks:
            if key in indexes:
                for other in indexes[key].query(sketch):
                    other_day = days[other]
                    if day is not None and other_day is not None and abs(day - other_day) > max_days:
                        continue
                    needed = same_story if day is not None and other_day is not None else UNDATED_SAME_STORY
                    if jaccard(feature_sets[index], feature_sets[other]) >= needed:
                        forest.join(index, other)
        if week not in indexes:
            indexes[week] = MinHashLSH(num_perm=NUM_PERM, params=lsh_params())
        indexes[week].insert(index, sketch)
    members: dict[int, list[int]] = {}
    for index in range(len(ids)):
        members.setdefault(forest.root(index), []).append(index)
    stories = []
    for group in members.values():
        if len(group) < 2:
            continue
        dated = sorted(days[i] for i in group if days[i] is not None)
        stories.append(Story(id=f"S{len(stories) + 1}", article_ids=[ids[i] for i in group],
                             copy_of=wire_copies(group, ids, days, shingle_sets),
                             first_published=date.fromordinal(dated[0]).isoformat() if dated else None,
                             last_published=date.fromordinal(dated[-1]).isoformat() if dated else None))
    return stories


def wire_copies(group: list[int], ids: list[str], days: list[int | None], shingle_sets: list[np.ndarray]) -> dict:
    """Articles of a story that reprint another's text: each copy -> the earliest article of its copies."""
    forest = _Forest()
    for _ in group:
        forest.add()
    for a in range(len(group)):
        for b in range(a + 1, len(group)):  # within one story: a handful of articles
            if jaccard(shingle_sets[group[a]], shingle_sets[group[b]]) >= WIRE_COPY:
                forest.join(a, b)
    copies: dict[int, list[int]] = {}
    for position in range(len(group)):
        copies.setdefault(forest.root(position), []).append(group[position])
    result = {}
    for same in copies.values():
        if len(same) < 2:
            continue
        original = min(same, key=lambda i: (days[i] is None, days[i] or 0, ids[i]))
        result |= {ids[i]: ids[original] for i in same if i != original}
    return result


def iter_docs(rows: Iterable[tuple]) -> Iterator[Doc]:
    """(id, text, published) rows as documents."""
    for article_id, text, published in rows:
        yield Doc(str(article_id), text or "", str(published) if published is not None else None)
