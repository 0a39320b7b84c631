"""The same fact as each outlet states it: figures and times aligned across articles, and whether they agree.

Each figure on a sheet (and each clock time, date and duration of its times) becomes a measurement: a value,
the interval its hedge or range allows, and the words around it. Two measurements of different articles are
aligned only when they are of one kind and unit and their words say they measure the same thing: the
counted noun (`Figure.measures`) must match when both give one, words of different senses ("killed",
"injured", "missing") keep them apart, and the words near them must overlap, rarer words weighing more. A
`disagree` between values that agree is the worst error here, so alignment is conservative: when in doubt,
two values are not the same fact.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib.resources import files

from ..schema import FactSheet
from .sheet import Fact, FactValue

# Kinds compared with each other: a plain number is a count whose noun was not found.
COMPARABLE_KINDS = {"count": "count", "number": "count"}
# How many words on either side of a value are its context; the nearer ones say what it measures.
CONTEXT_WORDS = 8
SENSE_WORDS = 5
# Least weighted overlap of two contexts (0..1) for two values to be one fact, by kind. Dates and clock
# times recur through an article for many events, so they need more shared words than counts do.
MIN_SIMILARITY = {"date": 0.45, "time": 0.35}
DEFAULT_MIN_SIMILARITY = 0.3
DURATION_SECONDS = {"Y": 365.25 * 86400, "M": 30.44 * 86400, "W": 7 * 86400, "D": 86400, "DE": 3652.5 * 86400,
                    "CE": 36525 * 86400, "H": 3600, "TM": 60, "S": 1}
TIMEX_DURATION = re.compile(r"^P(?:(?P<n>\d+(?:\.\d+)?)(?P<unit>DE|CE|Y|M|W|D))?"
                            r"(?:T(?:(?P<h>\d+(?:\.\d+)?)H)?(?:(?P<m>\d+(?:\.\d+)?)M)?(?:(?P<s>\d+(?:\.\d+)?)S)?)?$")
TIMEX_CLOCK = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})T(?P<h>\d{2}):(?P<m>\d{2})")
TIMEX_DATE = re.compile(r"^(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?$")
WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z]")
SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+(?=[\"“‘']?[A-Z0-9])|\n")
RANGE_BETWEEN = re.compile(r"^\s*(?:to|-|–|—|or)\s*$")
AS_OF = re.compile(r"\bas (?:of|at)\s*$", re.IGNORECASE)
BETWEEN_AND = re.compile(r"^\s*and\s*$")
BETWEEN_BEFORE = re.compile(r"\bbetween\s*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _words() -> dict:
    return json.loads(files("newsfacts").joinpath("data", "story_words.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _hedges() -> dict[str, tuple[float, float]]:
    """How an approximator widens a number, as fractions of it (the figures stage's table)."""
    table = json.loads(files("newsfacts").joinpath("data", "figure_words.json").read_text(encoding="utf-8"))["hedges"]
    return {word: tuple(bounds) for word, bounds in table.items() if not word.startswith("_")}


@lru_cache(maxsize=1)
def _clock_hedges() -> dict[str, tuple[float, float]]:
    return {word: tuple(bounds) for word, bounds in _words()["clock_hedges"].items() if not word.startswith("_")}


@lru_cache(maxsize=1)
def _sense_of() -> dict[str, str]:
    return {_stem(word): sense for sense, words in _words()["senses"].items() if not sense.startswith("_")
            for word in words}


@lru_cache(maxsize=1)
def _synonym_of() -> dict[str, str]:
    return {_stem(word): name for name, words in _words()["synonyms"].items() if not name.startswith("_")
            for word in words}


@lru_cache(maxsize=1)
def _ignored() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(_stem(word) for word in [*STOP_WORDS, *_words()["context_ignored"]["words"]])


def _stem(word: str) -> str:
    """A crude English stem, enough for 'thieves'/'thief' and 'killed'/'kill' to meet; no library stems
    without a parse here, and context words need no more."""
    word = word.lower().strip(".'’").replace("’", "'").removesuffix("'s")
    for suffix, replacement in (("ves", "f"), ("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: len(word) - len(suffix)] + replacement
    return word


@dataclass
class Measurement:
    article_id: str
    text: str
    start: int
    end: int
    kind: str
    value: float | str
    upper: float | str | None
    unit: str | None
    hedge: str | None
    measures: str | None
    low: float  # the interval the statement allows, in the kind's base unit
    high: float
    exact: tuple  # the stated value(s), for equality
    context: dict[str, float] = field(default_factory=dict)  # stem -> nearness weight
    senses: frozenset[str] = frozenset()
    sentence: tuple[int, int] = (0, 0)
    wording: list[tuple[str, str]] = field(default_factory=list)  # (word as written, context key), in text order


# ---- measurements from a sheet ---------------------------------------------------------------------------

def duration_seconds(value: str) -> float | None:
    found = TIMEX_DURATION.match(value)
    if not found or value == "P":
        return None
    seconds = 0.0
    if found["n"]:
        seconds += float(found["n"]) * DURATION_SECONDS[found["unit"]]
    for part, unit in (("h", "H"), ("m", "TM"), ("s", "S")):
        if found[part]:
            seconds += float(found[part]) * DURATION_SECONDS[unit]
    return seconds or None


def clock_minutes(value: str) -> tuple[str, float] | None:
    found = TIMEX_CLOCK.match(value)
    return (found["date"], int(found["h"]) * 60 + int(found["m"])) if found else None


def date_days(value: str) -> tuple[float, float] | None:
    """The first and last day (ordinals) a TIMEX3 date names: a day, a month or a year."""
    found = TIMEX_DATE.match(value)
    if not found:
        return None
    year = int(found["y"])
    try:
        if found["d"]:
            day = date(year, int(found["m"]), int(found["d"])).toordinal()
            return day, day
        if found["m"]:
            month = int(found["m"])
            first = date(year, month, 1).toordinal()
            last = (date(year + month // 12, month % 12 + 1, 1).toordinal()) - 1
            return first, last
        return date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
    except ValueError:
        return None


def hedge_before(text: str, start: int, table: dict) -> str | None:
    """The approximator written just before a value ('at about 9.30', 'nearly 300'), if any."""
    before = text[max(0, start - 30):start].lower().rstrip()
    for word in sorted(table, key=len, reverse=True):
        if re.search(rf"(?:^|\W){re.escape(word)}$", before):
            return word
    return None


def leading_hedge(phrase: str, table: dict) -> str | None:
    lowered = phrase.lower()
    return next((word for word in sorted(table, key=len, reverse=True) if lowered.startswith(word + " ")), None)


def timex_measurement(article_id: str, text: str, start: int, end: int, value: str, kind: str | None,
                      hedge: str | None, measures: str | None, full_text: str) -> Measurement | None:
    """A clock time, date or duration as a measurement; None for vague values ('PXY', 'TMO', 'XXXX')."""
    common = dict(article_id=article_id, text=text, start=start, end=end, measures=measures)
    if kind in (None, "duration") and (seconds := duration_seconds(value)) is not None:
        hedge = hedge or leading_hedge(text, _hedges()) or hedge_before(full_text, start, _hedges())
        low, high = _widen(seconds, hedge)
        return Measurement(kind="duration", value=seconds, upper=None, unit="seconds", hedge=hedge, low=low,
                           high=high, exact=(seconds,), **common)
    if kind in (None, "time") and (clock := clock_minutes(value)) is not None:
        hedge = hedge if hedge in _clock_hedges() else (
            leading_hedge(text, _clock_hedges()) or hedge_before(full_text, start, _clock_hedges()))
        shift = _clock_hedges().get(hedge or "", (0, 0))
        minutes = clock[1]
        return Measurement(kind="time", value=f"{int(minutes) // 60:02d}:{int(minutes) % 60:02d}", upper=None,
                           unit="clock", hedge=hedge, low=minutes + shift[0], high=minutes + shift[1],
                           exact=(minutes,), **common)
    if kind in (None, "date") and (days := date_days(value)) is not None:
        return Measurement(kind="date", value=value, upper=None, unit="day", hedge=hedge, low=days[0], high=days[1],
                           exact=(value,), **common)
    return None


def _widen(number: float, hedge: str | None) -> tuple[float, float]:
    low, high = _hedges().get(hedge or "", (1.0, 1.0))
    return number * low, number * high


NUMERAL = re.compile(r"\d[\d,]*(?:\.(?P<decimals>\d+))?")
# A large number written round is rounded: "9 million" may be 8.7 million, "2,000" may be 1,960. Small
# counts are exact ("10 people" is not 12), so only numbers from this size on are read as rounded.
ROUNDED_FROM = 1000


def rounding(text: str, value: float) -> float:
    """Half the last unit a number is written to, when it is written round: 0.5 million for "9 million",
    0.05 million for "8.7 million", 500 for "2,000", 0 for "1,964" or "12"."""
    numeral = NUMERAL.search(text)
    if numeral is None or value < ROUNDED_FROM:
        return 0.0
    written = float(numeral.group().replace(",", ""))
    decimals = len(numeral["decimals"] or "")
    if written and abs(value - written) > 0.5:  # a scale word: "9 million", "1.2bn"
        return value / written * 10 ** -decimals / 2
    digits = numeral.group().replace(",", "").split(".")[0]
    zeros = len(digits) - len(digits.rstrip("0"))
    return 10 ** zeros / 2 if zeros and not decimals else 0.0


def measurements(sheet: FactSheet) -> list[Measurement]:
    """Every figure and every clock time, date and duration of a sheet, with its context; ranges joined."""
    found: list[Measurement] = []
    for figure in sheet.figures:
        if isinstance(figure.value, str) or figure.kind in ("date", "time", "duration"):
            if isinstance(figure.value, str):
                measurement = timex_measurement(sheet.id, figure.text, figure.start, figure.end, figure.value,
                                                figure.kind, figure.hedge, figure.measures, sheet.text)
                if measurement is not None:
                    found.append(measurement)
            continue
        if figure.value is None:
            continue
        number = float(figure.value)
        upper = figure.upper if figure.kind != "ratio" else None
        low, high = _widen(number, figure.hedge)
        if upper is not None:
            high = _widen(float(upper), figure.hedge)[1]
        if not figure.hedge:  # a hedge says how far it may be; otherwise the way it is written does
            half = rounding(figure.text, float(upper) if upper is not None else number)
            low, high = low - half, high + half
        found.append(Measurement(
            article_id=sheet.id, text=figure.text, start=figure.start, end=figure.end,
            kind=COMPARABLE_KINDS.get(figure.kind, figure.kind), value=number, upper=upper, unit=figure.unit,
            hedge=figure.hedge, measures=figure.measures, low=low, high=high, exact=(number, upper)))
    taken = [(m.start, m.end) for m in found]
    for time in sheet.times:
        if any(time.start < end and start < time.end for start, end in taken) or time.type == "SET":
            continue
        if AS_OF.search(sheet.text[max(0, time.start - 12):time.start]):  # the time of a count, not an event
            continue
        measurement = timex_measurement(sheet.id, time.text, time.start, time.end, time.value, None, None, None,
                                        sheet.text)
        if measurement is not None:
            found.append(measurement)
    found = join_ranges(sorted(found, key=lambda m: m.start), sheet.text)
    for measurement in found:
        measurement.context, measurement.senses = context_of(sheet.text, measurement)
        measurement.sentence = sentence_bounds(sheet.text, measurement.start, measurement.end)
    return found


def join_ranges(found: list[Measurement], text: str) -> list[Measurement]:
    """'six to seven minutes', 'three or four': two values of one kind joined by a range word are one range."""
    joined: list[Measurement] = []
    for measurement in found:
        previous = joined[-1] if joined else None
        if (previous is not None and previous.kind == measurement.kind and previous.upper is None
                and previous.kind != "date" and (RANGE_BETWEEN.match(text[previous.end:measurement.start]) or (
                    BETWEEN_AND.match(text[previous.end:measurement.start])
                    and BETWEEN_BEFORE.search(text[max(0, previous.start - 12):previous.start])))):
            previous.upper = measurement.value
            previous.end = measurement.end
            previous.text = text[previous.start:measurement.end]
            previous.high = max(previous.high, measurement.high)
            previous.exact = (*previous.exact[:1], *measurement.exact[:1])
            continue
        joined.append(measurement)
    return joined


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    begin = max((m.end() for m in SENTENCE_END.finditer(text, 0, start)), default=0)
    after = SENTENCE_END.search(text, end)
    return begin, after.start() + 1 if after else len(text)


def context_of(text: str, measurement: Measurement) -> tuple[dict[str, float], frozenset[str]]:
    """The content words near a value within its sentence (stem -> weight, nearer is heavier), and the senses
    of the nearest ones; the counted noun, when known, weighs most."""
    begin, finish = sentence_bounds(text, measurement.start, measurement.end)
    before = [m for m in WORD.finditer(text, begin, measurement.start)][-CONTEXT_WORDS:]
    after = [m for m in WORD.finditer(text, measurement.end, finish)][:CONTEXT_WORDS]
    context: dict[str, float] = {}
    senses: set[str] = set()
    ignored, sense_of, synonym_of = _ignored(), _sense_of(), _synonym_of()
    measurement.wording = []
    for distance, found in [*enumerate(reversed(before), 1), *enumerate(after, 1)]:
        stem = _stem(found.group())
        if stem in ignored or len(stem) < 3:
            continue
        word = synonym_of.get(stem, stem)
        context[word] = max(context.get(word, 0.0), 1.0 / math.sqrt(distance))
        measurement.wording.append((found.start(), found.group().lower(), word))
        if distance <= SENSE_WORDS and stem in sense_of:
            senses.add(sense_of[stem])
    measurement.wording = [(word, key) for _, word, key in sorted(measurement.wording)]
    for word in WORD.findall(measurement.measures or ""):
        stem = _stem(word)
        if stem not in ignored:
            context[synonym_of.get(stem, stem)] = 2.0
            if stem in sense_of:
                senses.add(sense_of[stem])
    return context, frozenset(senses)


# ---- alignment --------------------------------------------------------------------------------------------

# Values this distinctive name one fact across a story's articles even when their words differ ("seven minutes"
# of a raid, "2.51pm"): small counts and dates recur for many things, so they also need shared words.
DISTINCTIVE_KINDS = {"duration", "time", "money", "percent"}
DISTINCTIVE_COUNT = 10
# Lengths of one thing that outlets report differently still have the same order of magnitude, and clock
# times of one moment are within hours: "a day" is not a misreported "seven minutes", nor midnight one of 3pm.
MAX_DURATION_RATIO = 4
MAX_CLOCK_MINUTES = 180
MOMENTS = {"date", "time"}


def comparable(a: Measurement, b: Measurement) -> bool:
    return a.kind == b.kind and (a.unit or "") == (b.unit or "")


def cannot_link(a: Measurement, b: Measurement) -> bool:
    """Two values that are never one fact: one span of an article, or two moments of one sentence ("opened
    on Monday into Sunday's fire"; two lengths or counts in one sentence may be two sources' versions),
    counts of things of different senses or nouns, lengths or clock times far apart."""
    if a.article_id == b.article_id and (a.start < b.end and b.start < a.end or (
            a.kind in MOMENTS and a.sentence == b.sentence)):
        return True
    if a.kind == "count" and a.senses and b.senses and not a.senses & b.senses:
        return True
    if a.measures and b.measures and _head(a.measures) != _head(b.measures):
        return True
    if a.kind == "duration" and max(a.low, b.low) > MAX_DURATION_RATIO * min(a.high, b.high):
        return True
    if a.kind == "time" and abs(a.low - b.low) > MAX_CLOCK_MINUTES:
        return True
    return False


def _head(measures: str) -> str:
    words = [_stem(word) for word in WORD.findall(measures)]
    return words[-1] if words else ""


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


def align(found: Sequence[Measurement]) -> list[list[Measurement]]:
    """Groups of measurements that state one fact, each from at least two articles.

    First the same value across articles: a distinctive value (a duration, a clock time, a sum, a count of
    ten or more) with no words against it, any other with some words in common. Then groups are joined,
    strongest first, when their pooled words overlap enough, never when any two members cannot be one fact
    or two members from one article are not alike themselves.
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
        for x in a.members:
            for y in b.members:
                if cannot_link(found[x], found[y]):
                    return 0.0
                if found[x].article_id == found[y].article_id and overlap(
                        found[x].context, found[y].context, idf) < threshold(first):
                    return 0.0
        # Pooled words say the groups are about one thing; one close pair says some values really are alike.
        score = overlap(a.context, b.context, idf)
        closest = max(overlap(found[x].context, found[y].context, idf) for x in a.members for y in b.members)
        return score if min(score, closest) >= threshold(first) else 0.0

    while True:
        best = max(((joinable(a, b), i, j) for i, a in enumerate(groups) for j, b in enumerate(groups) if i < j),
                   default=(0.0, 0, 0))
        if best[0] <= 0.0:
            break
        _, i, j = best
        groups[i].members += groups[j].members
        groups[i].context = _pooled(found, groups[i].members)
        del groups[j]
    result = [[found[i] for i in sorted(group.members, key=lambda i: (found[i].article_id, found[i].start))]
              for group in groups]
    return [group for group in result if len({m.article_id for m in group}) >= 2]


# ---- status ----------------------------------------------------------------------------------------------

def agreeing_groups(group: Sequence[Measurement]) -> list[int]:
    """A group number per measurement: values whose intervals overlap, taken in order of value, share one."""
    order = sorted(range(len(group)), key=lambda i: (group[i].low, group[i].high))
    numbers = [0] * len(group)
    current, reach = 0, None
    for i in order:
        if reach is not None and group[i].low > reach:
            current += 1
            reach = None
        numbers[i] = current
        reach = group[i].high if reach is None else min(reach, group[i].high)
    return numbers


def status_of(group: Sequence[Measurement]) -> str:
    if len({m.exact for m in group}) == 1:
        return "agree"
    if max(m.low for m in group) <= min(m.high for m in group):
        return "hedged"
    return "disagree"


def describe(group: Sequence[Measurement]) -> str:
    """What the values measure: the counted noun most give, else the words most of their contexts share."""
    nouns = Counter(m.measures for m in group if m.measures)
    senses = Counter(sense for m in group for sense in m.senses)
    sense = senses.most_common(1)[0][0] if senses else None
    if nouns:
        noun = nouns.most_common(1)[0][0]
        return f"{noun} ({sense})" if sense and sense != noun else noun
    counts = Counter(word for m in group for word in m.context)
    shared = set([word for word, count in counts.most_common() if count >= 2][:3])
    if not shared:
        return group[0].text
    # The shared words as one article wrote them, in its order ("fire broke out", not "start fire").
    wording = max((m.wording for m in group), key=lambda wording: len(shared & {key for _, key in wording}))
    written = list(dict.fromkeys(word for word, key in wording if key in shared))
    return " ".join(written) or " ".join(sorted(shared))


def update_note(group: Sequence[Measurement], groups: list[int], published: dict[str, str | None]) -> str | None:
    """When the disagreeing values rise (or fall) with the publication date, they may be updates."""
    by_group: dict[int, list[Measurement]] = {}
    for number, measurement in zip(groups, group):
        by_group.setdefault(number, []).append(measurement)
    spans = []
    for members in by_group.values():
        dates = [published.get(m.article_id) for m in members]
        if None in dates:
            return None
        spans.append((min(dates), max(dates)))
    ordered = [spans[number] for number in sorted(by_group)]
    rising = all(a[1] < b[0] for a, b in zip(ordered, ordered[1:]))
    falling = all(a[0] > b[1] for a, b in zip(ordered, ordered[1:]))
    if rising or falling:
        return "the values change with the publication date: later reports may update earlier ones"
    return None


def facts_of(sheets: Sequence[FactSheet]) -> list[Fact]:
    """The facts several articles state, aligned from their figures and times."""
    published = {sheet.id: sheet.published for sheet in sheets}
    found = [measurement for sheet in sheets for measurement in measurements(sheet)]
    facts = []
    for group in align(found):
        status = status_of(group)
        groups = agreeing_groups(group)
        values = [FactValue(article_id=m.article_id, text=m.text, start=m.start, end=m.end, value=m.value,
                            upper=m.upper, unit=m.unit, hedge=m.hedge, group=number)
                  for m, number in zip(group, groups)]
        facts.append(Fact(what=describe(group), kind=group[0].kind, values=values, status=status,
                          note=update_note(group, groups, published) if status == "disagree" else None))
    order = {"disagree": 0, "hedged": 1, "agree": 2}
    return sorted(facts, key=lambda fact: (order[fact.status], -len(fact.values)))
