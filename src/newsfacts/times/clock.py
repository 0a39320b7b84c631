"""Normalisers of clock times: "4.35pm", "10 o'clock", "at 14:20", "noon", and lengths written as a clock.
"""

from __future__ import annotations

import re

from .. import timex
from ..timex import WORDS
from .patterns import previous_word
from .reading import Found, Reading


def norm_hms(match: re.Match, reading: Reading) -> list[Found]:
    h, m, s = int(match["h"]), int(match["m"]), int(match["s"])
    if previous_word(reading.text, match.start()) in ("at", "by", "until", "from"):
        return [(*match.span(), "TIME", f"T{h:02d}:{m:02d}:{s:02d}")]
    parts = "".join(f"{n}{code}" for n, code in ((h, "H"), (m, "M"), (s, "S")) if n)
    return [(*match.span(), "DURATION", f"PT{parts or '0S'}")]


def twelve_hour(hour: int, meridiem: str) -> int:
    if meridiem == "pm":
        return hour if hour == 12 else hour + 12
    return 0 if hour == 12 else hour


def norm_clock(match: re.Match, reading: Reading) -> list[Found]:
    if match["h2"]:
        hour = timex.number_value(match["h2"])
        if hour is None or not 1 <= hour <= 12:
            return []
        hour, minute = _likely_hour(int(hour), reading, *match.span()), 0
    else:
        hour, minute = int(match["h"]), int(match["m"] or 0)
        if not 1 <= hour <= 12:
            return []
        hour = twelve_hour(hour, match["ap"].lower().replace(".", ""))
    return [(*match.span(), "TIME", f"T{hour:02d}:{minute:02d}")]


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
    return [(*match.span("x"), "TIME", "T24:00" if match["x"].lower() == "midnight" else "T12:00")]
