"""A corpus cut into stories: articles on the same event, close in time, found without comparing all pairs.

Each article becomes a set of features: its content words and its capitalised names (the names carry the
event, the words the topic), kept as a small sorted array of hashes, with its MinHash signature. Articles
are then swept in date order through locality-sensitive hash indexes (datasketch), one per week, keeping
only the weeks within `max_days`: an article meets only articles close in time that the index finds
alike, and only those pairs are compared. Two articles are linked when their feature sets overlap enough
(exact Jaccard of the hashes) and their dates are at most `max_days` apart; a story is a connected group
of linked articles. Undated articles are compared among themselves only, and must share more.

Wire copies, the same text reprinted by several outlets, are articles of a story whose five-word
shingles are nearly all shared; the earliest of each set of copies is the original, the others are
marked as copies of it, so corpus counts can leave them out.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable
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
# A MinHash estimate of 128 values is within about 0.03 of the true Jaccard near the thresholds used here;
# candidates estimated this far below the threshold are not checked exactly.
ESTIMATE_MARGIN = 0.07
SHINGLE_PERM = 64
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
    tokens = {"w:" + word for word in WORD.findall(text.lower()) if len(word) > 2 and word not in stop_words}
    tokens |= {name.lower() for name in NAME.findall(text) if name.lower() not in stop_words}
    return np.unique(np.fromiter((_hash(token) for token in tokens), dtype=np.uint32, count=len(tokens)))


# A wire copy shows in its opening: shingles of the first words are enough, and cheaper.
SHINGLED_WORDS = 400
_SHINGLE_BASE = np.uint64(1_000_003)


def shingles(text: str) -> np.ndarray:
    """Hashes of the five-word runs of the opening, combined from the words' hashes with numpy."""
    words = WORD.findall(text.lower())[:SHINGLED_WORDS]
    if len(words) < SHINGLE_WORDS:
        return np.unique(np.array([_hash(" ".join(words))], dtype=np.uint32))
    hashed = np.array([_hash(word) for word in words], dtype=np.uint64)
    combined = np.zeros(len(words) - SHINGLE_WORDS + 1, dtype=np.uint64)
    for offset in range(SHINGLE_WORDS):  # overflow wraps: a polynomial hash modulo 2**64
        combined = combined * _SHINGLE_BASE + hashed[offset:len(hashed) - SHINGLE_WORDS + 1 + offset]
    return np.unique((combined >> np.uint64(32)).astype(np.uint32))


@lru_cache(maxsize=1)
def lsh_params() -> tuple[int, int]:
    """Bands and rows for the threshold; datasketch finds them by numerical integration, so once."""
    index = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    return index.b, index.r


@lru_cache(maxsize=None)
def _permutations(num_perm: int) -> tuple[str, tuple[np.ndarray, np.ndarray]]:
    """datasketch's random permutations, drawn once (its default seed) and shared by every sketch."""
    sketch = MinHash(num_perm=num_perm)
    return sketch.scheme, sketch.permutations


def minhash(values: np.ndarray, num_perm: int = NUM_PERM) -> np.ndarray:
    """The MinHash signature of hashed features (datasketch only permutes them), as a compact array."""
    scheme, permutations = _permutations(num_perm)
    sketch = MinHash(num_perm=num_perm, hashfunc=int, permutations=permutations, scheme=scheme)
    sketch.update_batch(values.tolist())
    return sketch.hashvalues.astype(np.uint32)


def _sketch(signature: np.ndarray) -> LeanMinHash:
    scheme, _ = _permutations(len(signature))
    return LeanMinHash(MinHash(num_perm=len(signature), hashvalues=signature, scheme=scheme))


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
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def root(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        ra, rb = self.root(a), self.root(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


@dataclass
class _Corpus:
    """What grouping keeps of each article: small arrays, never the text."""

    ids: list[str] = field(default_factory=list)
    days: list[int | None] = field(default_factory=list)
    features: list[np.ndarray] = field(default_factory=list)
    signatures: list[np.ndarray] = field(default_factory=list)
    shingle_signatures: list[np.ndarray] = field(default_factory=list)


def read(docs: Iterable[Doc]) -> _Corpus:
    stop_words = _stop_words()
    corpus = _Corpus()
    for doc in docs:
        corpus.ids.append(doc.id)
        corpus.days.append(day_of(doc.published))
        corpus.features.append(features(doc.text, stop_words))
        corpus.signatures.append(minhash(corpus.features[-1]))
        corpus.shingle_signatures.append(minhash(shingles(doc.text), SHINGLE_PERM))
    return corpus


def group_stories(docs: Iterable[Doc], max_days: int = MAX_DAYS, same_story: float = SAME_STORY) -> list[Story]:
    """Stories of two or more articles, in order of their first article; each article is read once.

    Articles are swept in date order with one LSH index per week, and only the weeks within `max_days`
    are kept: memory for the indexes holds a few weeks of articles, not the corpus. Undated articles are
    compared among themselves only.
    """
    corpus = read(docs)
    days = corpus.days
    forest = _Forest(len(corpus.ids))
    week_span = max_days // 7 + 1
    indexes: dict[int | None, MinHashLSH] = {}
    for index in sorted(range(len(days)), key=lambda i: (days[i] is None, days[i] or 0, i)):
        day = days[index]
        week = None if day is None else day // 7
        if week is not None:
            for old in [key for key in indexes if key is not None and key < week - week_span]:
                del indexes[old]
        sketch = _sketch(corpus.signatures[index])
        needed = same_story if day is not None else UNDATED_SAME_STORY
        candidates = [other for key in ([None] if week is None else range(week - week_span, week + 1))
                      if key in indexes for other in indexes[key].query(sketch)
                      if day is None or abs(day - days[other]) <= max_days]
        if candidates:
            # The index's short bands let through many unlike pairs: the signatures' estimate, for all
            # candidates at once, sets aside the clearly unlike before the exact check.
            estimates = (np.stack([corpus.signatures[other] for other in candidates])
                         == corpus.signatures[index]).mean(axis=1)
            for other, estimate in zip(candidates, estimates):
                if estimate >= needed - ESTIMATE_MARGIN and jaccard(
                        corpus.features[index], corpus.features[other]) >= needed:
                    forest.join(index, other)
        if week not in indexes:
            indexes[week] = MinHashLSH(num_perm=NUM_PERM, params=lsh_params())
        indexes[week].insert(index, sketch)
    members: dict[int, list[int]] = {}
    for index in range(len(days)):
        members.setdefault(forest.root(index), []).append(index)
    stories = []
    for group in members.values():
        if len(group) < 2:
            continue
        dated = sorted(days[i] for i in group if days[i] is not None)
        stories.append(Story(id=f"S{len(stories) + 1}", article_ids=[corpus.ids[i] for i in group],
                             copy_of=wire_copies(group, corpus),
                             first_published=date.fromordinal(dated[0]).isoformat() if dated else None,
                             last_published=date.fromordinal(dated[-1]).isoformat() if dated else None))
    return stories


def wire_copies(group: list[int], corpus: _Corpus) -> dict:
    """Articles of a story that reprint another's text: each copy -> the earliest article of its copies.
    Shingle overlap is estimated from the shingles' MinHash signatures (at 0.8, within about 0.05)."""
    forest = _Forest(len(group))
    signatures = corpus.shingle_signatures
    for a in range(len(group)):
        for b in range(a + 1, len(group)):  # within one story: a handful of articles
            if np.mean(signatures[group[a]] == signatures[group[b]]) >= WIRE_COPY:
                forest.join(a, b)
    copies: dict[int, list[int]] = {}
    for position in range(len(group)):
        copies.setdefault(forest.root(position), []).append(group[position])
    result = {}
    days, ids = corpus.days, corpus.ids
    for same in copies.values():
        if len(same) < 2:
            continue
        original = min(same, key=lambda i: (days[i] is None, days[i] or 0, ids[i]))
        result |= {ids[i]: ids[original] for i in same if i != original}
    return result


