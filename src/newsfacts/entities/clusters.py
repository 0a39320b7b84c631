"""An entity under construction (`Cluster`): its mentions, names, titles and gender, and the tests that keep
two people apart when clusters merge.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .candidates import Candidate


@dataclass(eq=False)
class Cluster:
    """An entity under construction."""

    type: str
    mentions: list[tuple[int, int, str]] = field(default_factory=list)  # (start token, end token, kind)
    personal: set[tuple[str, ...]] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)
    places: set[tuple[str, str]] = field(default_factory=set)
    keys: set[str] = field(default_factory=set)
    types: Counter = field(default_factory=Counter)
    gender: str | None = None
    kin: dict[str, Cluster] = field(default_factory=dict)  # "father" -> that person's cluster
    described_as: str | None = None  # for a relative known only by description: "father of <cluster>"
    described_of: Cluster | None = None
    kinds: set[str] = field(default_factory=set)  # nouns it was described by: 'complex' for 'X, a housing complex'

    @property
    def first(self) -> int:
        return min(start for start, _, _ in self.mentions)

    @property
    def name_tokens(self) -> set[str]:
        return {token for name in self.personal for token in name}

    def add(self, candidate: Candidate) -> None:
        self.mentions.append((candidate.start, candidate.end, candidate.kind))
        if candidate.bare_start is not None:
            self.mentions.append((candidate.bare_start, candidate.end, candidate.kind))
        if candidate.personal:
            self.personal.add(candidate.personal)
        self.titles |= candidate.titles
        if candidate.place:
            self.places.add((next(iter(candidate.titles)), candidate.place))
        if candidate.key:
            self.keys.add(candidate.key)
        self.types[candidate.type] += 1
        self.gender = self.gender or candidate.gender


def compatible(a: Cluster, b: Cluster) -> bool:
    """Whether two clusters may be one entity: never two different full names, genders or titled places."""
    if a.type != b.type and "PERSON" in (a.type, b.type):
        return False
    if a.gender and b.gender and a.gender != b.gender:
        return False
    full_a = {name for name in a.personal if len(name) > 1}
    full_b = {name for name in b.personal if len(name) > 1}
    if full_a and full_b and not any(same_full_name(x, y) for x in full_a for y in full_b):
        return False
    places_a, places_b = dict(a.places), dict(b.places)
    return not any(places_a[t] != places_b[t] for t in places_a.keys() & places_b.keys())


def same_full_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return a == b or (a[0] == b[0] and a[-1] == b[-1])


def merge(into: Cluster, other: Cluster, clusters: list[Cluster]) -> None:
    into.mentions += other.mentions
    into.personal |= other.personal
    into.titles |= other.titles
    into.places |= other.places
    into.keys |= other.keys
    into.types += other.types
    into.gender = into.gender or other.gender
    into.kinds |= other.kinds
    clusters.remove(other)


def nearest(clusters: list[Cluster], position: int) -> Cluster | None:
    """The cluster mentioned most recently before `position`, else the first mentioned after it."""
    def distance(cluster: Cluster) -> tuple[int, int]:
        before = [start for start, _, _ in cluster.mentions if start < position]
        return (0, position - max(before)) if before else (1, cluster.first - position)

    return min(clusters, key=distance) if clusters else None


def cluster_of(clusters: list[Cluster], token_index: int) -> Cluster | None:
    for cluster in clusters:
        for start, end, _ in cluster.mentions:
            if start <= token_index < end:
                return cluster
    return None


def gender_fits(cluster: Cluster, gender: str | None) -> bool:
    return gender is None or cluster.gender in (None, gender)


def surnames(cluster: Cluster) -> set[str]:
    return {name[-1] for name in cluster.personal if len(name) > 1}
