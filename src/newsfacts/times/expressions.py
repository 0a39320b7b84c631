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
from ..quote_marks import QuotedSpans, quotations
from ..parse import governing_verb
from ..schema import FactSheet, TimeExpression
from ..timex import WORDS
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
    # A clock time written with its day ("2.10am the following day") takes that day's date, never gives it.
    with_own_day = _clock_days(found, reading.text)
    story_day = None  # the first day named, the story's, for a part of the day told without one
    resolved = []
    for index, (start, end, kind, value) in enumerate(found):
        if value.startswith(timex.TOLD_DAY):
            day = story_day or reading.anchor
            resolved.append((start, end, kind, (day.isoformat() if day else timex.UNRESOLVED["D"])
                             + value[len(timex.TOLD_DAY):]))
            continue
        if value == timex.THEN:
            value = told
        elif timex.ANCHORED.match(value):
            value = timex.resolve_anchored(value, last)
        elif timex.YEARLESS.match(value):
            value = timex.resolve_yearless(value, last, reading.anchor)
        known = clocks[index][3] if clocks and value.startswith("T") else value
        if (kind in ("DATE", "TIME") and not known.startswith("T") and not known.endswith("_REF")
                and index not in with_own_day):
            last, told = timex.anchor_of(known), known.split("T")[0]
            story_day = story_day or (last[0] if last and last[1] == "D" else None)
        resolved.append((start, end, kind, value))
    return resolved


# A clock time in the small hours told after an evening one, with no day of its own, is the next day's:
# "bought petrol at 11pm … arrived at the shop at 2.14am"; so is a daytime one told straight after a night
# ("fell overnight … were mixed at midday").
EVENING_FROM, SMALL_HOURS_UNTIL = 18, 6
EVENING_PARTS = ("TEV", "TNI")


def _next_day(day: str) -> str:
    return (date.fromisoformat(day) + timedelta(days=1)).isoformat() if DAY.match(day) else day


def _day_before(day: str) -> str:
    return (date.fromisoformat(day) - timedelta(days=1)).isoformat() if DAY.match(day) else day


# A day told as "the early hours of" it: the evening clock times of its story are the day before's.
EARLY_HOURS_OF = re.compile(r"\b(?:early|small|wee)\s+hours\s+of\s+(?:the\s+)?$", re.I)


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


# What may stand between a clock time and the day written with it for the two to be one expression ("16:45 GMT
# Sunday", "9:40 this morning", "Friday at 7 p.m.", "Saturday, 3pm"). With "on" between ("at 6pm on Friday")
# they stay two, as TimeML marks them, and the clock time takes that day's date.
CLOCK_BEFORE_DAY = re.compile(r"\s+|\s*,\s*")
DAY_BEFORE_CLOCK = re.compile(r"\s+|\s*,\s*|\s+at\s+")
# A day, or a part of one ("Thursday night"): what a clock time written beside it is dated by.
DAY_OR_PART = re.compile(r"^(?:\d{4}|XXXX)-(?:\d\d-\d\d|XX-XX|WXX-\d)(?:T(?:MO|AF|EV|NI|MI|DT))?$")
CLOCK_VALUE = re.compile(r"T\d\d:\d\d")


DATING_CLOCK_BEFORE_DAY = re.compile(r"\s+|\s*,\s*|\s+on\s+")


def _clock_days(found: list[Found], text: str, clock_before_day: re.Pattern = CLOCK_BEFORE_DAY) -> dict[int, int]:
    """Each clock time written beside its day ("11.40pm Saturday"), by index: the index of that day."""
    def is_day(item: Found) -> bool:  # a day, resolved or still counted from another ("the following day")
        return item[2] in ("DATE", "TIME") and bool(DAY_OR_PART.match(item[3]) or timex.ANCHORED.match(item[3]))

    pairs: dict[int, int] = {}
    for index, (start, end, kind, value) in enumerate(found):
        if kind != "TIME" or not CLOCK_VALUE.search(value):
            continue
        after = found[index + 1] if index + 1 < len(found) else None
        before = found[index - 1] if index else None
        if after is not None and is_day(after) and clock_before_day.fullmatch(text[end:after[0]]):
            pairs[index] = index + 1
        elif (before is not None and is_day(before) and index - 1 not in pairs.values()
              and DAY_BEFORE_CLOCK.fullmatch(text[before[1]:start])):
            pairs[index] = index - 1
    return pairs


def _later_day(day: str | None, other: str | None) -> bool:
    return bool(day and other and DAY.match(day) and DAY.match(other) and day > other)


def _after_publication(day: str, reading: Reading) -> bool:
    return reading.anchor is not None and DAY.match(day) is not None and date.fromisoformat(day) > reading.anchor


# A part of the day told without its day ("through the night"): too vague to date a clock time.
TOLD_PART = re.compile(r"(?i:the)\s+(?i:morning|afternoon|evening|night)")


def _kind_of_thing(reading: Reading, start: int, end: int) -> bool:
    """A weekday that names a kind of thing rather than when something happened: "the Sunday papers",
    "Friday prayers"; it dates no clock time. (A holiday so written is its day: "the Christmas Eve service".)"""
    span = reading.span(start, end)
    return (span is not None and span.text.lower() in WORDS["weekdays"] and span.root.dep_ == "compound"
            and span.root.head.pos_ == "NOUN")


def _dated_clock_times(found: list[Found], reading: Reading) -> list[Found]:
    """Clock times ("T17:20") get the day written beside them ("at 6pm on Friday"), else the day named
    nearest in their sentence (not one a stretch runs 'since', nor one in brackets of its own, nor one
    another clock time is written with), else the day mentioned last before them (the narrative's day; the
    next one in the small hours after an evening); in past narration that has moved on from the first day
    the article names (its lede's, the main event's) to a later one, and after a month or a year, that first
    day ("approved on Tuesday evening … in January … the meeting began at 6.30pm"); else the publication
    date."""
    beside = _clock_days(found, reading.text, DATING_CLOCK_BEFORE_DAY)
    claimed = set(beside.values())
    mentions = [(start, end, _day_of(kind, value), index in claimed) for index, (start, end, kind, value)
                in enumerate(found)
                if kind in ("DATE", "TIME") and not value.startswith("T") and not value.endswith("_REF")
                and not _kind_of_thing(reading, start, end) and not TOLD_PART.fullmatch(reading.text[start:end])]
    value_at = {start: value for start, _, _, value in found}
    default = reading.anchor.isoformat() if reading.anchor else "XXXX-XX-XX"
    night_of = None  # the day whose evening the story is telling, until a daytime hour
    dated = []
    for index, (start, end, kind, value) in enumerate(found):
        if value.startswith("T"):
            sentence = reading.span(start, end)
            bounds = (sentence.sent.start_char, sentence.sent.end_char) if sentence is not None else (start, end)
            same = [(abs(s - start), day) for s, e, day, taken in mentions
                    if day and not taken and bounds[0] <= s < bounds[1]
                    and _dates_clause(reading, (s, e), (start, end))
                    and not _aside(reading.text, s, start) and previous_word(reading.text, s) != "since"]
            last_start, last = max(((s, day) for s, _, day, taken in mentions
                                    if s < bounds[0] or taken and s < start), default=(0, None))
            lede = min(((s, day) for s, _, day, _ in mentions if day and s < bounds[0]), default=(0, None))
            hour = int(value[1:3])
            if index in beside:
                day = _day_of(found[beside[index]][2], found[beside[index]][3])
            elif same:
                day = min(same)[1]
            elif any(kind == "SET" and bounds[0] <= s < bounds[1] and _dates_clause(reading, (s, e), (start, end))
                     for s, e, kind, _ in found):
                day = "XXXX-XX-XX"  # "she wrote every morning until noon": a habit's hour, on no one day
            else:
                if last and _after_publication(last, reading) and reading.tense(start, end) < 0:
                    last = None  # "fell 6% by 0900 GMT" after "becomes chair on Oct. 1": not that day's
                if _later_day(last, lede[1]) and reading.tense(start, end) < 0:
                    last = lede[1]  # "derailed on Friday … the toll rose on Saturday … the train left at 7.42am"
                day = last or lede[1] or default
                told_at = last_start if last and day == last else lede[0] if day == lede[1] else None
                if told_at is not None and hour >= EVENING_FROM and EARLY_HOURS_OF.search(
                        reading.text[max(0, told_at - 30):told_at]):
                    day = _day_before(day)  # "found in the early hours of Sunday … had called at 10.15pm"
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
    """A clock time and the day written beside it ("12:30 a.m. Wednesday", "Friday at 7 p.m.") are one
    expression, the clock time on that day."""
    beside = _clock_days(found, text)
    partner = {day: clock for clock, day in beside.items()}
    joined: list[Found] = []
    for index, (start, end, kind, value) in enumerate(found):
        if index in partner:
            continue
        if index in beside:
            day_start, day_end, day_kind, day_value = found[beside[index]]
            clock = value[value.index("T"):]
            value = (_day_of(day_kind, day_value) or day_value.split("T")[0]) + clock
            start, end = min(start, day_start), max(end, day_end)
        joined.append((start, end, kind, value))
    return joined


# "the Labor Day weekend", "the July 4th weekend": the weekend a day falls in or next to.
WEEKEND_OF = re.compile(r"\s+weekend\b", re.I)
WEEKEND_BEFORE = re.compile(r"\bthe\s+$", re.I)


# "overnight on Tuesday", "overnight Sunday": the night of the day named after it; "overnight into Sunday", the
# night before it.
OVERNIGHT_BEFORE = re.compile(r"\b(?i:overnight)\s+(?:(?i:on\s+)|(?P<into>(?i:into)\s+))?$")


def _with_overnights(found: list[Found], text: str) -> list[Found]:
    """A day written after 'overnight' is its night, one expression: 'overnight on Tuesday' → Tuesday TNI."""
    out = []
    for start, end, kind, value in found:
        before = OVERNIGHT_BEFORE.search(text, max(0, start - 20), start)
        if kind == "DATE" and DAY_VALUE.match(value) and before:
            night = _day_before(value) if before["into"] else value
            start, kind, value = before.start(), "TIME", f"{night}T{WORDS['parts_of_day']['overnight']}"
        out.append((start, end, kind, value))
    return out


def _with_weekends(found: list[Found], text: str) -> list[Found]:
    """A day written between 'the' and 'weekend' is that weekend: a Friday or Monday holiday's the one
    beside it, another day's the weekend of its ISO week, or the one before it early in the week."""
    out = []
    for start, end, kind, value in found:
        after, before = WEEKEND_OF.match(text, end), WEEKEND_BEFORE.search(text[max(0, start - 10):start])
        if kind == "DATE" and DAY.match(value) and after and before:
            day = date.fromisoformat(value)
            if day.isoweekday() <= 2:  # a Monday or Tuesday: the weekend just before it
                day -= timedelta(days=day.isoweekday())
            year, week, _ = day.isocalendar()
            start, end, value = start - len(before[0]), after.end(), f"{year:04d}-W{week:02d}-WE"
        out.append((start, end, kind, value))
    return out


# "today", "tonight", "this morning", "yesterday", "tomorrow": days counted from the day they are said.
SPOKEN_DAY = re.compile(r"(?:(?:earlier|later|early|late)\s+)?(?:today|tonight|yesterday|tomorrow)(?:\s+\w+)?"
                        r"|this\s+(?:morning|afternoon|evening)", re.I)
# How far before the publication date the day a story reports may lie for the words quoted in it to have been
# said that day: a weekday named without "last" reaches back six days.
STORY_REACH = timedelta(days=6)


def _story_day(found: list[Found], reading: Reading, quoted: QuotedSpans) -> date | None:
    """The day the story reports: the first day the writer names, if it lies in the week up to the
    publication date ('… opened on Wednesday'), when the quotes in it were most likely spoken."""
    for start, end, kind, value in found:
        day = _day_of(kind, value)
        if day and DAY.match(day) and not quoted.share(start, end):
            told = date.fromisoformat(day)
            return told if reading.anchor - STORY_REACH <= told <= reading.anchor else None
    return None


def _with_spoken_days(found: list[Found], reading: Reading) -> list[Found]:
    """A day counted from 'today' inside quotation marks counts from the day the words were said, which in
    a report is the day it tells of: '"From today the ward is open," she said' in a story of Wednesday's
    opening published on Thursday is Wednesday."""
    if reading.anchor is None:
        return found
    quoted = QuotedSpans(quotations(reading.text))
    story_day = _story_day(found, reading, quoted)
    if story_day is None or story_day == reading.anchor:
        return found
    shift = story_day - reading.anchor
    out = []
    for start, end, kind, value in found:
        day = _day_of(kind, value)
        if (day and DAY.match(day) and SPOKEN_DAY.fullmatch(reading.text[start:end])
                and quoted.share(start, end) == 1):
            value = (date.fromisoformat(day) + shift).isoformat() + value[len(day):]
        out.append((start, end, kind, value))
    return out


# A weekday joined to one that recurs ("every Tuesday and Thursday") recurs too.
JOINED_DAYS = re.compile(r"\s*,\s*|\s+(?:and|or)\s+|\s*,\s+(?:and|or)\s+")
WEEKDAY_SET = re.compile(r"^XXXX-WXX-\d$")


def _with_recurring_days(found: list[Found], text: str) -> list[Found]:
    out: list[Found] = []
    for start, end, kind, value in found:
        before = out[-1] if out else None
        if (before is not None and before[2] == "SET" and WEEKDAY_SET.match(before[3]) and kind == "DATE"
                and text[start:end].lower() in WORDS["weekdays"] and JOINED_DAYS.fullmatch(text[before[1]:start])):
            kind, value = "SET", f"XXXX-WXX-{WORDS['weekdays'][text[start:end].lower()]}"
        out.append((start, end, kind, value))
    return out


def find_times(parsed: Parsed, sheet: FactSheet) -> list[TimeExpression]:
    """Every date, time, duration and set expression, with its TIMEX3 type and value."""
    reading = Reading(parsed.doc, parsed.text, parsed.published, explicit_hours(parsed.text),
                      outlet=parsed.article.outlet, source=parsed.article.source)
    chosen = _with_recurring_days(_select(list(candidates(reading))), parsed.text)
    found = _with_days_joined(dated(chosen, reading), parsed.text)
    found = _with_spoken_days(_with_overnights(_with_weekends(found, parsed.text), parsed.text), reading)
    return [TimeExpression(text=parsed.text[start:end], start=start, end=end, type=kind, value=value)
            for start, end, kind, value in found]
