"""Time expressions: the grammar's rules run over the text (`grammar`), the longest matches that do not overlap
kept, and the values counted from other dates anchored (TimeML's anchors): "the day before" from the date
mentioned last, a clock time on the day its sentence or the narrative names.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Iterator
from datetime import date, timedelta

from spacy.tokens import Token

from .. import timex
from ..nlp import Parsed
from ..parse import governing_verb
from ..schema import FactSheet, TimeExpression
from .clock import twelve_hour
from .grammar import KEY_REACH, PRIORITY, RULES
from .patterns import previous_word
from .reading import Found, Reading


def _windows(text: str, key: re.Pattern) -> list[tuple[int, int]]:
    """The stretches of text within reach of a rule's key words, overlapping ones merged."""
    spans: list[tuple[int, int]] = []
    for found in key.finditer(text):
        start, end = max(0, found.start() - KEY_REACH), min(len(text), found.end() + KEY_REACH)
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def candidates(reading: Reading) -> Iterator[tuple[int, int, str, list[Found]]]:
    text = reading.text
    stretches_by_key: dict[str, list[tuple[int, int]]] = {}
    for rule in RULES:
        key = rule.key
        if key is None:
            stretches = [(0, len(text))]
        else:
            if key.pattern not in stretches_by_key:
                stretches_by_key[key.pattern] = _windows(text, key)
            stretches = stretches_by_key[key.pattern]
        seen = set()
        for start, end in stretches:
            for match in rule.pattern.finditer(text, start, end):
                if match.span() in seen:
                    continue
                seen.add(match.span())
                found = rule.normalise(match, reading)
                if found:
                    yield min(f[0] for f in found), max(f[1] for f in found), rule.name, found


def _select(options: list[tuple[int, int, str, list[Found]]]) -> list[Found]:
    """Longest expressions first, earlier rules breaking ties; no two chosen expressions overlap."""
    # The chosen spans in text order. They do not overlap, so only the two either side of a new one can
    # (checking them all was quadratic); an empty one stops nothing, as only empty ones come after it.
    taken: list[tuple[int, int]] = []
    chosen: list[Found] = []
    for start, end, _rule, found in sorted(options, key=lambda o: (o[0] - o[1], PRIORITY[o[2]], o[0])):
        at = bisect_right(taken, (start, math.inf))
        if all(end <= s or start >= e for s, e in taken[max(0, at - 1):at + 1]):
            if start < end:
                taken.insert(at, (start, end))
            chosen.extend(found)
    return sorted(chosen)


def explicit_hours(text: str) -> list[float]:
    hours = []
    for match in RULES[PRIORITY["clock"]].pattern.finditer(text):
        if match["ap"] and 1 <= int(match["h"]) <= 12:
            hours.append(twelve_hour(int(match["h"]), match["ap"].lower().replace(".", ""))
                         + int(match["m"] or 0) / 60)
    return hours


DAY_VALUE = re.compile(r"^(?:\d{4}|XXXX)-(?:\d\d-\d\d|XX-XX|WXX-\d)$")


def _day_of(kind: str, value: str) -> str | None:
    """The day a date or a part of day names ('2025-03-13TMO' → '2025-03-13'), None for other values."""
    day = value.split("T")[0] if kind in ("DATE", "TIME") else ""
    return day if DAY_VALUE.match(day) else None


def _with_anchors(found: list[Found], reading: Reading, clocks: list[Found] | None = None) -> list[Found]:
    """Expressions counted from another date ("the day before", "three weeks later") count from the
    date mentioned last before them, as TimeML anchors them; before any date, from the publication date.
    `clocks`, the same expressions with their clock times dated, lets a clock time be that date
    ("at 2.14am … two days later")."""
    last: tuple | None = (reading.anchor, "D") if reading.anchor else None
    told = "PAST_REF"  # the date mentioned last as written, for "since then"
    resolved = []
    for index, (start, end, kind, value) in enumerate(found):
        if value == timex.THEN:
            value = told
        elif timex.ANCHORED.match(value):
            value = timex.resolve_anchored(value, last)
        elif timex.YEARLESS.match(value):
            value = timex.resolve_yearless(value, last, reading.anchor)
        known = clocks[index][3] if clocks and value.startswith("T") else value
        if kind in ("DATE", "TIME") and not known.startswith("T") and not known.endswith("_REF"):
            last, told = timex.anchor_of(known), known.split("T")[0]
        resolved.append((start, end, kind, value))
    return resolved


# A clock time in the small hours told after an evening one, with no day of its own, is the next day's:
# "bought petrol at 11pm … arrived at the shop at 2.14am"; so is a daytime one told straight after a night
# ("fell overnight … were mixed at midday").
EVENING_FROM, SMALL_HOURS_UNTIL = 18, 6
EVENING_PARTS = ("TEV", "TNI")


def _next_day(day: str) -> str:
    return (date.fromisoformat(day) + timedelta(days=1)).isoformat() if DAY.match(day) else day


DAY = re.compile(r"^\d{4}-\d\d-\d\d$")


def _verb_of(reading: Reading, start: int, end: int) -> Token | None:
    span = reading.span(start, end)
    return governing_verb(span.root) if span is not None else None


def _dates_clause(reading: Reading, day: tuple[int, int], clock: tuple[int, int]) -> bool:
    """Whether a day named in a clock time's sentence dates its clause: it hangs on the clock time's verb
    or on a verb that clause is part of ("approved it on Tuesday night, ending a session that began at
    9am"), not on a clause of its own ("by 11am … adding that the rest would follow tomorrow")."""
    day_verb, clock_verb = _verb_of(reading, *day), _verb_of(reading, *clock)
    return day_verb is None or clock_verb is None or day_verb == clock_verb or day_verb in clock_verb.ancestors


def _aside(text: str, day: int, clock: int) -> bool:
    """Whether a day is named in brackets that leave the clock time out: "at 02:14 GMT (10:14pm local
    time on Wednesday)" dates the bracketed clock time only."""
    opened = text.rfind("(", 0, day)
    if opened <= text.rfind(")", 0, day):
        return False
    closed = text.find(")", day)
    return not opened < clock < (closed if closed >= 0 else len(text))


def _dated_clock_times(found: list[Found], reading: Reading) -> list[Found]:
    """Clock times ("T17:20") get the day named nearest in their sentence (not one a stretch runs 'since',
    nor one in brackets of its own), else the day mentioned last before them (the narrative's day; the next
    one in the small hours after an evening); after a month or a year, the first day the article names
    (its lede's, the main event's: "approved on Tuesday evening … in January … the meeting began at
    6.30pm"); else the publication date."""
    mentions = [(start, end, _day_of(kind, value)) for start, end, kind, value in found
                if kind in ("DATE", "TIME") and not value.startswith("T") and not value.endswith("_REF")]
    value_at = {start: value for start, _, _, value in found}
    default = reading.anchor.isoformat() if reading.anchor else "XXXX-XX-XX"
    night_of = None  # the day whose evening the story is telling, until a daytime hour
    dated = []
    for start, end, kind, value in found:
        if value.startswith("T"):
            sentence = reading.span(start, end)
            bounds = (sentence.sent.start_char, sentence.sent.end_char) if sentence is not None else (start, end)
            same = [(abs(s - start), day) for s, e, day in mentions
                    if day and bounds[0] <= s < bounds[1] and _dates_clause(reading, (s, e), (start, end))
                    and not _aside(reading.text, s, start) and previous_word(reading.text, s) != "since"]
            last_start, last = max(((s, day) for s, _, day in mentions if s < bounds[0]), default=(0, None))
            lede = min(((s, day) for s, _, day in mentions if day and s < bounds[0]), default=(0, None))
            hour = int(value[1:3])
            if same:
                day = min(same)[1]
            elif any(kind == "SET" and bounds[0] <= s < bounds[1] and _dates_clause(reading, (s, e), (start, end))
                     for s, e, kind, _ in found):
                day = "XXXX-XX-XX"  # "she wrote every morning until noon": a habit's hour, on no one day
            else:
                day = last or lede[1] or default
                night = day == night_of or not last and lede[1] and value_at[lede[0]].endswith(EVENING_PARTS)
                after_night = bool(last) and value_at[last_start].endswith("TNI") and hour < EVENING_FROM
                day = _next_day(day) if night and hour < SMALL_HOURS_UNTIL or after_night else day
            night_of = day if EVENING_FROM <= hour < 24 else night_of if hour < SMALL_HOURS_UNTIL else None
            value = day + value
        elif kind == "TIME" and value.endswith(EVENING_PARTS):
            night_of = _day_of(kind, value)
        dated.append((start, end, kind, value))
    return dated


# Anchored expressions and clock times each date the other: one more round lets a day moved by a clock
# time move the anchored expressions after it, and those the clock times after them.
ANCHOR_ROUNDS = 2


def dated(found: list[Found], reading: Reading) -> list[Found]:
    clocks = _dated_clock_times(_with_anchors(found, reading), reading)
    for _ in range(ANCHOR_ROUNDS):
        again = _dated_clock_times(_with_anchors(found, reading, clocks), reading)
        if again == clocks:
            break
        clocks = again
    return clocks


def _with_days_joined(found: list[Found], text: str) -> list[Found]:
    """'12:30 a.m. Wednesday': a clock time and the day written straight after it, which dates it, are one
    expression."""
    joined: list[Found] = []
    for start, end, kind, value in found:
        before = joined[-1] if joined else None
        if (before is not None and kind == "DATE" and before[2] == "TIME" and before[3].startswith(value + "T")
                and DAY.match(value) and not text[before[1]:start].strip()):
            joined[-1] = (before[0], end, "TIME", before[3])
        else:
            joined.append((start, end, kind, value))
    return joined


def find_times(parsed: Parsed, sheet: FactSheet) -> list[TimeExpression]:
    """Every date, time, duration and set expression, with its TIMEX3 type and value."""
    reading = Reading(parsed.doc, parsed.text, parsed.published, explicit_hours(parsed.text))
    found = _with_days_joined(dated(_select(list(candidates(reading))), reading), parsed.text)
    return [TimeExpression(text=parsed.text[start:end], start=start, end=end, type=kind, value=value)
            for start, end, kind, value in found]
