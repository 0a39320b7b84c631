"""Normalisers of clock times: "4.35pm", "10 o'clock", "at 14:20", "noon", and lengths written as a clock.
"""

from __future__ import annotations

import re

from .. import timex
from ..timex import WORDS
from .patterns import previous_word
from .reading import Found, Reading


def norm_hms(match: re.Match, reading: Reading) -> list[Found]:
    """'at 4:12:09 a.m.' is a time of day; a race's '2:06:43' is how long it took."""
    h, m, s = int(match["h"]), int(match["m"]), int(match["s"])
    if match["ap"] and 1 <= h <= 12:
        return [(*match.span(), "TIME", f"T{twelve_hour(h, meridiem_of(match['ap'])):02d}:{m:02d}:{s:02d}")]
    if previous_word(reading.text, match.start()) in CLOCK_CUES:
        return [(*match.span(), "TIME", f"T{h:02d}:{m:02d}:{s:02d}")]
    parts = "".join(f"{n}{code}" for n, code in ((h, "H"), (m, "M"), (s, "S")) if n)
    return [(*match.span(), "DURATION", f"PT{parts or '0S'}")]


# Words before a number that make it a time of day ("at 0900 hours", "by ten to eight").
CLOCK_CUES = {"at", "by", "until", "till", "from", "around", "about", "before", "after", "since", "between",
              "approximately", "roughly", "circa"}


def meridiem_of(text: str) -> str:
    return text.lower().replace(".", "")


def twelve_hour(hour: int, meridiem: str) -> int:
    if meridiem == "pm":
        return hour if hour == 12 else hour + 12
    return 0 if hour == 12 else hour


def norm_clock(match: re.Match, reading: Reading) -> list[Found]:
    if match["h2"]:
        hour = timex.number_value(match["h2"])
        if hour is None or not 1 <= hour <= 12:
            return []
        hour = _part_of_day_hour(int(hour), match) or _likely_hour(int(hour), reading, *match.span())
        minute = 0
    else:
        hour, minute = int(match["h"]), int(match["m"] or 0)
        if not 1 <= hour <= 12:
            return []
        hour = twelve_hour(hour, meridiem_of(match["ap"]))
    return [(*match.span(), "TIME", f"T{hour:02d}:{minute:02d}")]


def _part_of_day_hour(hour: int, match: re.Match) -> int | None:
    """The hour on the 24-hour clock when the words after it say the part of day ("six in the evening")."""
    if match["ap"]:
        return twelve_hour(hour, meridiem_of(match["ap"]))
    part = match["pod"] or match["night"]
    if not part:
        return None
    if part.lower() == "morning":
        return hour % 12
    return hour % 12 + 12 if part.lower() != "night" or hour >= 6 else hour % 12


# A day written after a clock time ("ten to eight last night", "twenty past nine on Friday").
DAY_AFTER = re.compile(r"\s+(?i:last\s+night|this\s+(?:morning|afternoon|evening)|tonight|yesterday|tomorrow"
                       r"|in\s+the\s+(?:morning|afternoon|evening))\b|\s+on\s+[A-Z]")
# Minutes the words before "past" or "to" stand for.
CLOCK_FRACTIONS = {"quarter": 15, "a quarter": 15, "half": 30}


def norm_clock_words(match: re.Match, reading: Reading) -> list[Found]:
    """'a quarter past ten', 'half past six in the evening', 'ten to eight'. A count before 'to' is a
    range as often as a clock ('ten to eight people'): it needs a cue ('at', 'o'clock', 'pm', 'in the
    evening') or a named hour ('five to midnight')."""
    words = " ".join(match["min"].lower().split())
    minutes = CLOCK_FRACTIONS.get(words) or timex.number_value(words)
    hour_word = match["hour"].lower()
    hour = {"noon": 12, "midnight": 0}.get(hour_word, timex.number_value(hour_word))
    direction = match["dir"].lower()
    if minutes is None or hour is None or not 1 <= minutes < 60 or minutes != int(minutes) or not 0 <= hour <= 12:
        return []
    if words == "half" and direction != "past":
        return []
    written_as_clock = hour_word in ("noon", "midnight") or match["ap"] or match["pod"] or match["night"] or (
        "clock" in match[0].lower())
    if not (written_as_clock or words in CLOCK_FRACTIONS and direction == "past"):
        # "ten past nine" after "at"; "ten to eight" only with its day ("at three to four" is a count), in
        # words and in fives as clocks are read: "voted 11 to four", "nine to three on Monday" are tallies
        if direction == "to" and (words.isdigit() or minutes % 5 and "minute" not in match[0].lower()):
            return []
        cued = previous_word(reading.text, match.start()) in CLOCK_CUES
        if not (cued and direction == "past" or DAY_AFTER.match(reading.text, match.end())):
            return []
    if hour_word in ("noon", "midnight"):
        hour24 = hour
    else:
        hour24 = _part_of_day_hour(int(hour), match)
        if hour24 is None:
            hour24 = _likely_hour(int(hour), reading, *match.span())
    minutes = int(minutes)
    if direction == "to":
        hour24, minutes = (hour24 - 1) % 24, 60 - minutes
    return [(*match.span(), "TIME", f"T{hour24:02d}:{minutes:02d}")]


def norm_military_clock(match: re.Match, reading: Reading) -> list[Found]:
    """'1645 GMT', 'at 0900 hours': a count of hours ('spent 1200 hours') has no cue before it."""
    if match["hours"] and not (match["h"].startswith("0") or previous_word(reading.text, match.start()) in CLOCK_CUES):
        return []
    return [(*match.span(), "TIME", f"T{match['h']}:{match['m']}")]


def _likely_hour(hour: int, reading: Reading, start: int, end: int) -> int:
    """Morning or afternoon for a clock time written without am/pm: the reading closest to the story's
    explicit clock times, else the part of day named in the sentence, else as written."""
    if hour > 12 or hour == 0:
        return hour
    readings = (hour % 12, hour % 12 + 12)
    if reading.explicit_hours:
        return min(readings, key=lambda h: min(abs(h - other) for other in reading.explicit_hours))
    span = reading.span(start, end)
    if span is not None:
        for token in span.sent:
            meridiem = WORDS["part_of_day_hours"].get(WORDS["parts_of_day"].get(token.lower_, ""))
            if token.lower_ == "tonight" or meridiem == "pm":
                return readings[1]
            if meridiem == "am":
                return readings[0]
    return hour


def norm_bare_clock(match: re.Match, reading: Reading) -> list[Found]:
    hour, minute = int(match["h"]), int(match["m"])
    start, end = match.span("x")
    if ":" not in match["x"] and not hour:
        return []
    if not match["h"].startswith("0"):  # "02:14" is the 24-hour clock, written as meant
        hour = _likely_hour(hour, reading, start, end)
    return [(start, end, "TIME", f"T{hour:02d}:{minute:02d}")]


def norm_named_hour(match: re.Match, reading: Reading) -> list[Found]:
    """Noon, and midnight: the end of the day it is dated to, but its start 'after midnight'."""
    if not match["x"].lower().endswith("midnight"):
        return [(*match.span("x"), "TIME", "T12:00")]
    after = previous_word(reading.text, match.start()) in ("after", "past")
    return [(*match.span("x"), "TIME", "T00:00" if after else "T24:00")]
