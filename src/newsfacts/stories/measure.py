"""Measurements: each figure of a sheet, and each clock time, date and duration of its times, as a value with
the interval its hedge, range or rounding allows, and what it measures.

What a value measures is read from the words around it: the counted noun (`Figure.measures`, with outlets'
synonyms as one noun and generic nouns such as "people" saying nothing), the predicate of its clause
("killed", "missing", "taken to hospital": the nearest in the clause wins, a word between the number and
its noun only when no other is there, since "one stolen jewel was found" counts what was found), the
content words of its sentence weighted by nearness, and the year of an earlier event its sentence names
("a fire in 1997 killed 17" is not this story's toll).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib.resources import files

from ..schema import FactSheet

# Kinds compared with each other: a plain number is a count whose noun was not found.
COMPARABLE_KINDS = {"count": "count", "number": "count"}
# How many words on either side of a value are its context.
CONTEXT_WORDS = 8
DURATION_SECONDS = {"Y": 365.25 * 86400, "M": 30.44 * 86400, "W": 7 * 86400, "D": 86400, "DE": 3652.5 * 86400,
                    "CE": 36525 * 86400, "H": 3600, "TM": 60, "S": 1}
TIMEX_DURATION = re.compile(r"^P(?:(?P<n>\d+(?:\.\d+)?)(?P<unit>DE|CE|Y|M|W|D))?"
                            r"(?:T(?:(?P<h>\d+(?:\.\d+)?)H)?(?:(?P<m>\d+(?:\.\d+)?)M)?(?:(?P<s>\d+(?:\.\d+)?)S)?)?$")
TIMEX_CLOCK = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})T(?P<h>\d{2}):(?P<m>\d{2})")
TIMEX_DATE = re.compile(r"^(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?$")
WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z]")
SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+(?=[\"“‘']?[A-Z0-9])|\n")
# Where a clause ends inside a sentence: what the nearest predicate of a count may not cross.
CLAUSE_BREAK = re.compile(r"[,;:()\[\]—–]|\s-\s|\b(?:while|but|whereas|including|as well as|after|before|when)\b",
                          re.IGNORECASE)
# A predicate across an "and" more likely belongs to the other conjunct ("36 were killed and 279 were missing"):
# it counts as this many words farther.
ACROSS_AND = 3
AND = re.compile(r"\band\b", re.IGNORECASE)
# A date after these words does not date the value's event ("the deadliest since 1998").
NOT_DATING = re.compile(r"\b(?:since|than|before)\s*$", re.IGNORECASE)
# How far (in words) a count's noun may follow its number ("nine priceless pieces").
NOUN_REACH = 4
MODIFIER = 100  # a predicate's distance is in words; a modifier's is ranked after any predicate
# What may stand between two sources' versions of one value: attributions and a conjunction.
ATTRIBUTION = re.compile(r"\b(?:according to|as per|per|says|said|say|citing)\b[^,;.]*", re.IGNORECASE)
COORDINATION = re.compile(r"[\s,;]*(?:(?:and|or|but|while|whereas|against|versus|vs\.?)[\s,;]*)?", re.IGNORECASE)
PARTITIVE = re.compile(r"\s+of\s+(?:the|its|their|these|those|them|us|which|whom)\b", re.IGNORECASE)
RANGE_BETWEEN = re.compile(r"^\s*(?:to|-|–|—|or)\s*$")
AS_OF = re.compile(r"\bas (?:of|at)\s*$", re.IGNORECASE)
BETWEEN_AND = re.compile(r"^\s*and\s*$")
BETWEEN_BEFORE = re.compile(r"\bbetween\s*$", re.IGNORECASE)
# A date this many days before publication in a value's sentence names an earlier event.
EARLIER_EVENT_DAYS = 60


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
def _predicates() -> re.Pattern[str]:
    """The predicate table as one pattern, longer phrases first, each group named by its sense."""
    table = {sense: words for sense, words in _words()["predicates"].items() if not sense.startswith("_")}
    phrases = sorted(((word, sense) for sense, words in table.items() for word in words), key=lambda p: -len(p[0]))
    return re.compile("|".join(rf"(?P<{sense}_{i}>\b{re.escape(word)}\b)" for i, (word, sense) in enumerate(phrases)),
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def _units() -> frozenset[str]:
    return frozenset(_words()["units"]["words"])


@lru_cache(maxsize=1)
def _people() -> dict[str, frozenset[str]]:
    table = _words()["of_people"]
    return {part: frozenset(table[part]) for part in ("predicates", "nouns", "things")}


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    return frozenset(_words()["generic_nouns"]["words"])


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
    noun: str | None = None  # the counted noun, synonyms as one; None when generic or not given
    sense: str | None = None  # the predicate of its clause ("dead", "missing")
    firm: bool = False  # the sense is a predicate or the noun's own, not a modifier ("one stolen jewel was found")
    earlier: int | None = None  # the year of an earlier event its sentence names
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
    """Every figure and every clock time, date and duration of a sheet, with its context; ranges joined. A
    count of one is left out: "one" is mostly a determiner ("one of the towers", "One resident said")."""
    found: list[Measurement] = []
    for figure in sheet.figures:
        if isinstance(figure.value, str) or figure.kind in ("date", "time", "duration"):
            if AS_OF.search(sheet.text[max(0, figure.start - 12):figure.start]):  # a count's time, not an event
                continue
            if isinstance(figure.value, str):
                measurement = timex_measurement(sheet.id, figure.text, figure.start, figure.end, figure.value,
                                                figure.kind, figure.hedge, figure.measures, sheet.text)
                if measurement is not None:
                    found.append(measurement)
            continue
        if figure.value is None or (figure.value == 1 and figure.upper is None):
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
            kind=COMPARABLE_KINDS.get(figure.kind, figure.kind), value=number, upper=upper,
            unit=figure.unit or unit_of(figure.measures),
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
    found = [m for m in found if not names_a_thing(sheet.text, m)]
    for measurement in found:
        measurement.context = context_of(sheet.text, measurement)
        measurement.sentence = sentence_bounds(sheet.text, measurement.start, measurement.end)
        measurement.noun = noun_of(measurement.measures)
    for first, second in zip(found, found[1:]):
        if versions(sheet.text, first, second):
            second.context = {word: max(weight, second.context.get(word, 0.0))
                              for word, weight in first.context.items()} | {
                word: weight for word, weight in second.context.items() if word not in first.context}
    for measurement in found:
        neighbours = [m for m in found if m is not measurement and m.sentence == measurement.sentence
                      and m.kind not in ("date", "time")]
        measurement.sense, measurement.firm = sense_of(sheet.text, measurement, neighbours)
        measurement.earlier = earlier_event(sheet, measurement, [(m.start, m.end) for m in neighbours])
    return found


def versions(text: str, first: Measurement, second: Measurement) -> bool:
    """Whether the second value is another source's version of the first ("lasted seven minutes according to
    one minister, and four minutes according to another"): one kind, one sentence, nothing between them but
    attributions and a conjunction. The second then shares the first's words."""
    if first.kind != second.kind or first.sentence != second.sentence or first.end > second.start:
        return False
    between = ATTRIBUTION.sub(" ", text[first.end:second.start])
    return bool(COORDINATION.fullmatch(between))


def names_a_thing(text: str, measurement: Measurement) -> bool:
    """A count that is no count of its own: a number after its noun is a name ('train 11372', 'flight 370',
    'Route 66'), and 'two of the buildings' is a part of a set the sentence counts elsewhere."""
    if measurement.kind != "count":
        return False
    if PARTITIVE.match(text, measurement.end):
        return True
    noun = (measurement.measures or "").split()[-1:]
    return bool(noun) and bool(
        re.search(rf"\b{re.escape(noun[0])}\s*$", text[max(0, measurement.start - 40):measurement.start], re.IGNORECASE))


def unit_of(measures: str | None) -> str | None:
    """The unit of measure a counted noun really is ('88 km/h'), if it is one."""
    words = (measures or "").lower().split()
    return words[-1] if words and words[-1] in _units() else None


def noun_of(measures: str | None) -> str | None:
    """The head of a counted noun phrase, outlets' synonyms as one word; None for a generic noun."""
    words = WORD.findall(measures or "")
    if not words or unit_of(measures):
        return None
    stem = _stem(words[-1])
    noun = _synonym_of().get(stem, stem)
    return None if noun in _generic() else noun


def clause_bounds(text: str, measurement: Measurement) -> tuple[int, int]:
    """The value's clause: its sentence cut at punctuation and at conjunctions other than "and"."""
    begin, finish = measurement.sentence
    breaks = [m.span() for m in CLAUSE_BREAK.finditer(text, begin, finish)]
    before = max((end for _, end in breaks if end <= measurement.start), default=begin)
    after = min((start for start, _ in breaks if start >= measurement.end), default=finish)
    return before, after


def sense_of(text: str, measurement: Measurement, neighbours: Sequence[Measurement] = (),
             clause: tuple[int, int] | None = None) -> tuple[str | None, bool]:
    """What a count counts: the sense of its noun ("deaths"), else the nearest predicate in its clause ("36 people
    killed", "killed 36 people"; one across an "and" counts as farther; one nearer another count of the
    sentence that could take it is that count's), else, not firmly, a word between the number and its noun
    ("nine stolen pieces"), else, not firmly, the nearest in its sentence. Predicates of people ("killed",
    "missing") are not read for a count of things ("seven towers"), nor the reverse."""
    if measurement.kind != "count":
        return None, False
    pattern = _predicates()
    for found in pattern.finditer(measurement.measures or ""):
        return _sense_name(found), True
    begin, finish = clause or clause_bounds(text, measurement)
    candidates = []
    for found in pattern.finditer(text, begin, finish):
        sense = _sense_name(found)
        distance = predicate_distance(text, found, measurement)
        if distance is None or not takes(measurement, sense):
            continue
        if any(other.kind == "count" and takes(other, sense)
               and (theirs := predicate_distance(text, found, other)) is not None and theirs < distance
               for other in neighbours):
            continue  # another count of the sentence is nearer: the predicate is its
        candidates.append((distance, sense))
    if not candidates and (begin, finish) != measurement.sentence:
        # None in its clause: the sentence's, not firmly ("79 people, including 12 firefighters, were injured").
        sense, _ = sense_of(text, measurement, neighbours, clause=measurement.sentence)
        return sense, False
    if not candidates:
        return None, False
    distance, sense = min(candidates)
    return sense, distance < MODIFIER


def predicate_distance(text: str, found: re.Match, measurement: Measurement) -> float | None:
    """How far a predicate is from a count, in words: one after the count's noun a little nearer ("36 people
    killed" before "killed 36 people"), one across an "and" farther, one between the number and its noun
    (a modifier) last of all; None for one inside the count."""
    noun_end = measurement.end
    if measurement.measures:
        window = text[measurement.end:measurement.sentence[1]]
        noun = measurement.measures.split()[-1]
        if noun in WORD.findall(window)[:NOUN_REACH]:
            noun_end = measurement.end + window.find(noun)
    if found.end() <= measurement.start:
        span = (found.end(), measurement.start)
        distance = float(len(WORD.findall(text[span[0]:span[1]])))
    elif found.start() >= noun_end:
        span = (measurement.end, found.start())
        distance = len(WORD.findall(text[span[0]:span[1]])) - 0.5
    elif found.start() >= measurement.end:
        span = (measurement.end, found.start())
        distance = MODIFIER + len(WORD.findall(text[span[0]:span[1]]))
    else:
        return None
    return distance + ACROSS_AND * bool(AND.search(text, span[0], span[1]))


def counts_people(measurement: Measurement) -> bool:
    return measurement.noun in _people()["nouns"]


def takes(measurement: Measurement, sense: str) -> bool:
    """Whether a count can have this predicate: people's predicates ("killed") are not read for a count of
    things ("seven towers"), nor things' ("stolen") for a count of people ("three intruders ... made off
    with"), whom they only make the doers."""
    if measurement.noun in _people()["nouns"]:
        return sense in _people()["predicates"]
    if measurement.noun in _people()["things"]:
        return sense not in _people()["predicates"]
    return True


def _sense_name(found: re.Match) -> str:
    return found.lastgroup.rsplit("_", 1)[0]


def earlier_event(sheet: FactSheet, measurement: Measurement, neighbours: Sequence[tuple[int, int]] = ()
                  ) -> int | None:
    """The year of a date in the value's clause well before publication ("In 1997 a fire killed 17"): the value
    is that event's; "the deadliest since 1998" dates no event."""
    if not sheet.published or measurement.kind in ("date", "time"):
        return None
    try:
        published = date.fromisoformat(sheet.published[:10]).toordinal()
    except ValueError:
        return None
    begin, finish = clause_bounds(sheet.text, measurement)
    if neighbours:  # another number's date is not this one's
        begin = max([begin, *(end for _, end in neighbours if end <= measurement.start)])
        finish = min([finish, *(start for start, _ in neighbours if start >= measurement.end)])
    years = [int(time.value[:4]) for time in sheet.times if begin <= time.start < finish and time.type == "DATE"
             and (days := date_days(time.value)) is not None and days[1] < published - EARLIER_EVENT_DAYS
             and not NOT_DATING.search(sheet.text[max(0, time.start - 12):time.start])]
    return min(years) if years else None


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
    # The look-ahead past a sentence end needs the text after it: search a little beyond the value's start.
    begin = max((m.end() for m in SENTENCE_END.finditer(text, 0, start + 3) if m.end() <= start), default=0)
    after = SENTENCE_END.search(text, end)
    return begin, after.start() + 1 if after else len(text)


def context_of(text: str, measurement: Measurement) -> dict[str, float]:
    """The content words near a value within its sentence (stem -> weight, nearer is heavier); the counted
    noun, when known, weighs most."""
    begin, finish = sentence_bounds(text, measurement.start, measurement.end)
    before = [m for m in WORD.finditer(text, begin, measurement.start)][-CONTEXT_WORDS:]
    after = [m for m in WORD.finditer(text, measurement.end, finish)][:CONTEXT_WORDS]
    context: dict[str, float] = {}
    ignored, synonym_of = _ignored(), _synonym_of()
    measurement.wording = []
    for distance, found in [*enumerate(reversed(before), 1), *enumerate(after, 1)]:
        stem = _stem(found.group())
        if stem in ignored or len(stem) < 3:
            continue
        word = synonym_of.get(stem, stem)
        context[word] = max(context.get(word, 0.0), 1.0 / math.sqrt(distance))
        measurement.wording.append((found.start(), found.group().lower(), word))
    measurement.wording = [(word, key) for _, word, key in sorted(measurement.wording)]
    for word in WORD.findall(measurement.measures or ""):
        stem = _stem(word)
        if stem not in ignored:
            context[synonym_of.get(stem, stem)] = 2.0
    return context


