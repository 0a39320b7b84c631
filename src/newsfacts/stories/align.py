"""The same fact as each outlet states it: figures and times aligned across articles, and whether they agree.

Each measurement (see `measure`) has a value, the interval its hedge, range or rounding allows, and what it
measures. Two measurements of different articles are one fact only when they are of one kind and unit and
nothing says they measure different things: counts of different predicates ("killed", "injured",
"missing"), different counted nouns, a value of an earlier event against one of this story, lengths or
clock times far apart. Equal values then need little more (a distinctive value, or some shared words);
different values need evidence that they count the same thing (the same firm predicate or the same counted
noun, for counts) and words enough in common, since a `disagree` between values that agree is the worst
error here: when in doubt, two values are not the same fact.

A disagreement can be a change over time: a tally (a toll, the missing, the arrested) that rises or falls
with the reports' publication times is marked as an update, or as a possible one when reports of the same
day cannot be ordered.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone

from ..schema import FactSheet
from .measure import (Measurement, clock_minutes, counts_people, date_days, duration_seconds,  # noqa: F401
                      join_ranges, measurements, rounding, timex_measurement)
from .sheet import Fact, FactValue

# Least weighted overlap of two contexts (0..1) for two values to be one fact, by kind. Dates and clock
# times recur through an article for many events, so they need more shared words than counts do.
MIN_SIMILARITY = {"date": 0.45, "time": 0.35}
DEFAULT_MIN_SIMILARITY = 0.3
# Values this distinctive name one fact across a story's articles even when their words differ ("seven minutes"
# of a raid, "2.51pm"): small counts and dates recur for many things, so they also need shared words.
DISTINCTIVE_KINDS = {"duration", "time", "money", "percent"}
DISTINCTIVE_COUNT = 10
# Lengths of one thing that outlets report differently still have the same order of magnitude, and clock
# times of one moment are within hours: "a day" is not a misreported "seven minutes", nor midnight one of 3pm.
MAX_DURATION_RATIO = 4
MAX_CLOCK_MINUTES = 180
MOMENTS = {"date", "time"}
# Kinds whose counted noun tells what they measure; a length's or a time's noun is often the event's
# ("operation", "heist"), which outlets name differently, so their words decide instead.
NOUN_KINDS = {"count", "money", "percent", "age"}
# Tallies that change as a story unfolds: bodies are found, the missing are traced, arrests go on, an
# inventory of what was stolen is drawn up.
TALLIES = {"dead", "injured", "critical", "hospitalised", "missing", "trapped", "rescued", "arrested", "evacuated",
           "found", "stolen"}
UPDATE_NOTE = "the values rise or fall with the publication times: later reports update earlier ones"
POSSIBLE_UPDATE_NOTE = ("the values rise or fall with the publication dates, but some reports of one day cannot be "
                        "ordered: later reports may update earlier ones")


def comparable(a: Measurement, b: Measurement) -> bool:
    return a.kind == b.kind and (a.unit or "") == (b.unit or "")


def cannot_link(a: Measurement, b: Measurement) -> bool:
    """Two values that are never one fact: one span of an article, or two moments of one sentence ("opened
    on Monday into Sunday's fire"; two lengths or counts in one sentence may be two sources' versions),
    counts of different predicates, different counted nouns, an earlier event's value against this story's,
    lengths or clock times far apart."""
    if a.article_id == b.article_id and (a.start < b.end and b.start < a.end or (
            a.kind in MOMENTS and a.sentence == b.sentence)):
        return True
    if a.sense and b.sense and a.sense != b.sense:
        return True
    if a.kind in NOUN_KINDS and a.noun and b.noun and a.noun != b.noun:
        return True
    if a.earlier != b.earlier:
        return True
    if a.kind == "duration" and max(a.low, b.low) > MAX_DURATION_RATIO * min(a.high, b.high):
        return True
    if a.kind == "time" and abs(a.low - b.low) > MAX_CLOCK_MINUTES:
        return True
    return False


def same_thing(a: Measurement, b: Measurement) -> bool:
    """Whether two different values are known to measure one thing. Counts: the same firm predicate, or, with
    no predicate on one side (not even elsewhere in its sentence), the same counted noun (a value in a unit of
    measure, '88 km/h', has neither);
    two values of one article need the same firm predicate. Parts of a whole ('one of the eight', 'seven of
    the eight') are different parts. Other kinds have no such mark, and their words decide."""
    if a.kind == "ratio":
        return False
    if a.kind == "date":  # a year against a day ("since 1948", "on Wednesday") is no misdated day
        return len(str(a.value)) == len(str(b.value))
    if a.kind != "count":
        return True
    if a.sense and b.sense:
        return a.sense == b.sense and a.firm and b.firm
    # With no predicate read on one side (none in its whole sentence), the counted noun must say it, and the
    # other side's predicate, if any, must be firm (a guess from the sentence proves nothing) and no tally.
    if (a.sense and not a.firm) or (b.sense and not b.firm):
        return False
    if {a.sense, b.sense} & TALLIES:  # what happened to those counted is said, never implied by a noun
        return False
    if a.article_id == b.article_id or a.unit is not None or not a.noun or a.noun != b.noun:
        return False
    # A few things with no predicate are mostly where something happened ("under control in four blocks,
    # burning in three"), several such counts per story; a few people so named are the event's actors.
    return counts_people(a) or min(float(a.value), float(b.value)) >= DISTINCTIVE_COUNT


def one_article_versions(a: Measurement, b: Measurement, sense_a: str | None = None, sense_b: str | None = None
                         ) -> bool:
    """Two different values of one article that are versions of one count ("a union said 40 workers were hurt,
    the firm gave its own tally of 25 workers"): the same predicate, however firmly read (a value read with
    none may take one from the values it is joined with, `sense_a`/`sense_b`), and the same counted noun.
    Values of different articles are not judged here."""
    sense_a, sense_b = a.sense or sense_a, b.sense or sense_b
    return a.article_id != b.article_id or (a.kind != "count" or bool(sense_a and sense_a == sense_b)) and (
        a.noun == b.noun)


def overlap(a: dict[str, float], b: dict[str, float], idf: dict[str, float]) -> float:
    """How much of the lighter context the other holds, words weighted by nearness and rarity (0..1)."""
    weight = lambda context: sum(value * idf.get(word, 1.0) for word, value in context.items())  # noqa: E731
    total = min(weight(a), weight(b))
    if not total:
        return 0.0
    return min(1.0, sum(min(a[w], b[w]) * idf.get(w, 1.0) for w in a.keys() & b.keys()) / total)


@dataclass
class _Group:
    members: list[int]
    context: dict[str, float]


def _pooled(found: Sequence[Measurement], members: list[int]) -> dict[str, float]:
    pooled: dict[str, float] = {}
    for i in members:
        for word, value in found[i].context.items():
            pooled[word] = max(pooled.get(word, 0.0), value)
    return pooled


def _leads(found: Sequence[Measurement], members: list[int]) -> set[int]:
    """The members that say most firmly what a group counts: those with a firm predicate, else all. A member
    read less firmly joined them by the same value and shared words, so it need not prove its own case."""
    firm = {i for i in members if found[i].firm}
    return firm or set(members)


def _taken_senses(found: Sequence[Measurement], members: list[int], idf: dict[str, float], threshold: float
                  ) -> dict[int, str]:
    """The predicate a value read with none takes from the group it would join: the one sense the group's firm
    values share, when a firm value of another article states the same number in words alike enough ("25 workers
    were hurt" beside "the firm's tally listed 25 workers"): it counts what they count."""
    senses = {found[i].sense for i in members if found[i].firm}
    if len(senses) != 1:
        return {}
    sense = senses.pop()
    return {i: sense for i in members if not found[i].sense and any(
        found[j].firm and found[j].article_id != found[i].article_id and found[j].exact == found[i].exact
        and overlap(found[i].context, found[j].context, idf) >= threshold for j in members)}


def align(found: Sequence[Measurement]) -> list[list[Measurement]]:
    """Groups of measurements that state one fact, each from at least two articles.

    First the same value across articles: a distinctive value (a duration, a clock time, a sum, a count of
    ten or more) with no words against it, any other with some words in common. Then groups are joined,
    strongest first, when their pooled words overlap enough, never when any two members cannot be one fact,
    two members of different values are not known to count one thing, or two members from one article are
    not alike themselves.
    """
    document_frequency = Counter(word for m in found for word in m.context)
    idf = {word: math.log(1 + len(found) / count) for word, count in document_frequency.items()}
    threshold = lambda m: MIN_SIMILARITY.get(m.kind, DEFAULT_MIN_SIMILARITY)  # noqa: E731
    groups: list[_Group] = []
    for i, measurement in enumerate(found):
        for group in groups:
            first = found[group.members[0]]
            if first.exact != measurement.exact or not comparable(first, measurement) or any(
                    cannot_link(found[j], measurement) or found[j].article_id == measurement.article_id
                    for j in group.members):
                continue
            # Counts share a group only with counts of the same predicate, as firmly read, so that a group's
            # members all hold what it is later joined on.
            if (first.sense, first.firm) != (measurement.sense, measurement.firm):
                continue
            distinctive = measurement.kind in DISTINCTIVE_KINDS or (
                measurement.kind == "count" and float(measurement.value) >= DISTINCTIVE_COUNT)
            if distinctive or overlap(group.context, measurement.context, idf) >= threshold(measurement) / 2:
                group.members.append(i)
                group.context = _pooled(found, group.members)
                break
        else:
            groups.append(_Group([i], dict(measurement.context)))

    def joinable(a: _Group, b: _Group) -> float:
        first, other = found[a.members[0]], found[b.members[0]]
        if not comparable(first, other):
            return 0.0
        taken: dict[int, str] | None = None  # found only when a pair needs it: most pairs never do
        for x in a.members:
            for y in b.members:
                if cannot_link(found[x], found[y]):
                    return 0.0
                if found[x].exact != found[y].exact and not same_thing(found[x], found[y]):
                    if taken is None:
                        taken = _taken_senses(found, a.members + b.members, idf, threshold(first))
                        leads_a = _leads(found, a.members) - taken.keys()
                        leads_b = _leads(found, b.members) - taken.keys()
                    if (x in leads_a and y in leads_b) or not one_article_versions(found[x], found[y], taken.get(x),
                                                                                   taken.get(y)):
                        return 0.0
                if found[x].article_id == found[y].article_id and found[x].exact != found[y].exact and overlap(
                        found[x].context, found[y].context, idf) < threshold(first):
                    return 0.0
        # Pooled words say the groups are about one thing; one close pair says some values really are alike.
        score = overlap(a.context, b.context, idf)
        closest = max(overlap(found[x].context, found[y].context, idf) for x in a.members for y in b.members)
        return score if min(score, closest) >= threshold(first) else 0.0

    # A pair's score changes only when one of its groups does: scores are kept between rounds.
    scores: dict[tuple[int, int], float] = {}

    def score_of(a: _Group, b: _Group) -> float:
        key = (id(a), id(b))
        if key not in scores:
            scores[key] = joinable(a, b)
        return scores[key]

    while True:
        best = max(((score_of(a, b), i, j) for i, a in enumerate(groups) for j, b in enumerate(groups) if i < j),
                   default=(0.0, 0, 0))
        if best[0] <= 0.0:
            break
        _, i, j = best
        changed = {id(groups[i]), id(groups[j])}
        scores = {key: value for key, value in scores.items() if not changed & set(key)}
        groups[i].members += groups[j].members
        groups[i].context = _pooled(found, groups[i].members)
        del groups[j]
    result = [[found[i] for i in sorted(group.members, key=lambda i: (found[i].article_id, found[i].start))]
              for group in groups]
    return [group for group in result if len({m.article_id for m in group}) >= 2]


# ---- status ----------------------------------------------------------------------------------------------

def agreeing_groups(group: Sequence[Measurement]) -> list[int]:
    """A group number per measurement, values that agree sharing one: the fewest points such that every value's
    interval holds one (the classic greedy, by upper ends), each value then put at the point equal to what it
    states if there is one, else (a hedged value, a range) at the point most values hold, the higher of two."""
    points = agreement_points(group)
    held = Counter(point for m in group for point in points if m.low <= point <= m.high)

    def place(m: Measurement) -> int:
        inside = [i for i, point in enumerate(points) if m.low <= point <= m.high]
        stated = [i for i in inside if m.upper is None and points[i] == m.exact[0]]
        return (stated or sorted(inside, key=lambda i: (-held[points[i]], -points[i])))[0]

    return [place(m) for m in group]


def agreement_points(group: Sequence[Measurement]) -> list[float]:
    """The fewest values such that every measurement's interval holds one, in rising order: group i's point."""
    points: list[float] = []
    for m in sorted(group, key=lambda m: m.high):
        if not points or m.low > points[-1]:
            points.append(m.high)
    return points


def also_agreeing(group: Sequence[Measurement], numbers: Sequence[int]) -> list[list[int]]:
    """For each measurement, the other groups it agrees with too: a range or a hedged value ("three or four")
    holding their point as well as its own group's agrees with every value of them."""
    points = agreement_points(group)
    return [[i for i, point in enumerate(points) if i != number and m.low <= point <= m.high]
            for m, number in zip(group, numbers)]


def status_of(group: Sequence[Measurement]) -> str:
    if len({m.exact for m in group}) == 1:
        return "agree"
    if max(m.low for m in group) <= min(m.high for m in group):
        return "hedged"
    return "disagree"


def describe(group: Sequence[Measurement]) -> str:
    """What the values measure: the counted noun most give, else the words most of their contexts share."""
    nouns = Counter(m.measures for m in group if m.measures)
    senses = Counter(m.sense for m in group if m.sense)
    sense = senses.most_common(1)[0][0] if senses else None
    if nouns:
        noun = nouns.most_common(1)[0][0]
        return f"{noun} ({sense})" if sense and sense != noun else noun
    counts = Counter(word for m in group for word in m.context)
    shared = set([word for word, count in counts.most_common() if count >= 2][:3])
    if not shared:
        return f"{group[0].text} ({sense})" if sense else group[0].text
    # The shared words as one article wrote them, in its order ("fire broke out", not "start fire").
    wording = max((m.wording for m in group), key=lambda wording: len(shared & {key for _, key in wording}))
    written = list(dict.fromkeys(word for word, key in wording if key in shared))
    return " ".join(written) or " ".join(sorted(shared))


def publication_span(published: str | None, published_at: str | None) -> tuple[float, float] | None:
    """When an article was published, as the first and last moment it may have been (POSIX seconds): one moment
    when the time is known (UTC when no zone is given), the whole day when only the date is."""
    if published_at:
        try:
            moment = datetime.fromisoformat(published_at)
        except ValueError:
            moment = None
        if moment is not None:
            seconds = (moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)).timestamp()
            return seconds, seconds
    if published:
        try:
            day = date.fromisoformat(published[:10])
        except ValueError:
            return None
        start = datetime(day.year, day.month, day.day, tzinfo=timezone.utc).timestamp()
        return start, start + 86399
    return None


def change_over_time(group: Sequence[Measurement], when: dict[str, tuple[float, float] | None]) -> str | None:
    """'update' when a tally's values rise (or fall) with the reports' publication times, each report taken at
    its latest figure (the highest for a rise, the lowest for a fall, an earlier figure it recalls aside);
    'possible_update' when reports of one day with different values cannot be ordered; None when a later
    report goes the other way, or the fact is no tally."""
    if group[0].kind != "count" or not {m.sense for m in group} & TALLIES:
        return None
    if any(when.get(m.article_id) is None for m in group):
        return None
    for direction in (1, -1):
        latest: dict[str, float] = {}
        for m in group:
            value = float(m.value) * direction
            latest[m.article_id] = max(latest.get(m.article_id, value), value)
        certain, consistent = True, True
        articles = sorted(latest)
        for i, a in enumerate(articles):
            for b in articles[i + 1:]:
                if latest[a] == latest[b]:
                    continue
                low, high = (a, b) if latest[a] < latest[b] else (b, a)
                if when[low][1] < when[high][0]:
                    continue
                if when[high][1] < when[low][0]:
                    consistent = False
                else:
                    certain = False
        if consistent:
            return "update" if certain else "possible_update"
    return None


def facts_of(sheets: Sequence[FactSheet]) -> list[Fact]:
    """The facts several articles state, aligned from their figures and times."""
    when = {sheet.id: publication_span(sheet.published, sheet.published_at) for sheet in sheets}
    found = [measurement for sheet in sheets for measurement in measurements(sheet)]
    facts = []
    for group in align(found):
        status = status_of(group)
        groups = agreeing_groups(group)
        values = [FactValue(article_id=m.article_id, text=m.text, start=m.start, end=m.end, value=m.value,
                            upper=m.upper, unit=m.unit, hedge=m.hedge, group=number, also_agrees_with=also)
                  for m, number, also in zip(group, groups, also_agreeing(group, groups))]
        change = change_over_time(group, when) if status == "disagree" else None
        note = {"update": UPDATE_NOTE, "possible_update": POSSIBLE_UPDATE_NOTE}.get(change or "")
        facts.append(Fact(what=describe(group), kind=group[0].kind, values=values, status=status, change=change,
                          note=note))
    order = {"disagree": 0, "hedged": 1, "agree": 2}
    return sorted(facts, key=lambda fact: (order[fact.status], -len(fact.values)))
