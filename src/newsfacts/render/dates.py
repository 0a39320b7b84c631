"""TIMEX3 values as a reader writes them: '2025-09-10T17:20' → 'Wed 10 Sep 2025, 17:20', 'P18M' → '18 months'.

Reports show these, with the TIMEX3 value kept for the hover. Dates are written in English whatever the
machine's locale (the article and its sheet are English).
"""

from __future__ import annotations

import re
from datetime import date

from ..timex import calendar_span, duration_parts

# Day and month names in the TimeML guidelines' English (TIMEX3 weekdays count from Monday = 1).
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# TIMEX3 codes (TimeML 1.2.1): parts of the day after a date's "T", seasons, halves, and the reference words.
PARTS_OF_DAY = {"MO": "morning", "MI": "midday", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
HALVES = {"1": "first half", "2": "second half"}
REFERENCES = {"PRESENT_REF": "now", "PAST_REF": "the past", "FUTURE_REF": "the future"}

CLOCK = re.compile(r"T(\d\d):(\d\d)(?::(\d\d))?")
YEARLESS_DAY = re.compile(r"XXXX-(\d\d)-(\d\d)")
ANY_WEEKDAY = re.compile(r"XXXX-WXX-([1-7])")
FUZZY_DURATION = re.compile(r"PT?X(DE|CE|ML|WE|[YMWDHS])")
FUZZY_UNITS = {"DE": "decades", "CE": "centuries", "ML": "millennia", "WE": "weekends", "Y": "years", "W": "weeks",
               "D": "days", "H": "hours", "S": "seconds"}


def day_name(day: date) -> str:
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def plural(amount: float, unit: str) -> str:
    count = f"{amount:g}"
    return f"{count} {unit}" if amount == 1 else f"{count} {'centuries' if unit == 'century' else unit + 's'}"


def readable_duration(value: str) -> str | None:
    """'P18M' → '18 months', 'PT2H25M' → '2 hours 25 minutes', 'PXY' → 'years'; None when not a duration."""
    if parts := duration_parts(value):
        return " ".join(plural(amount, unit) for amount, unit in parts)
    if fuzzy := FUZZY_DURATION.fullmatch(value):
        return "minutes" if value.startswith("PTXM") else ("months" if fuzzy[1] == "M" else FUZZY_UNITS[fuzzy[1]])
    return None


def time_of_day(value: str) -> str:
    """', 17:20' or ', evening' for the part after a date's 'T'; '' when there is none."""
    rest = value[10:]
    if clock := CLOCK.match(rest):
        return f", {clock[1]}:{clock[2]}" + (f":{clock[3]}" if clock[3] else "")
    return f", {PARTS_OF_DAY[rest[1:]]}" if rest[1:] in PARTS_OF_DAY else ""


def readable_date(value: str) -> str | None:
    span = calendar_span(value)
    if span is None:
        return None
    first, _, precision = span
    day_part = value.split("T")[0]
    if precision == "D":
        return day_name(first) + time_of_day(value)
    if precision == "W":
        return f"{'weekend' if day_part.endswith('-WE') else 'week'} of {day_name(first)}"
    if precision == "M":
        return f"{MONTHS[first.month - 1]} {first.year}"
    if precision == "Q":
        return f"Q{day_part[-1]} {first.year}"
    if precision == "H":
        return f"{HALVES[day_part[-1]]} of {first.year}"
    if precision == "S":
        return f"{SEASONS[day_part[-2:]]} {first.year}"
    if precision == "DE":
        return f"the {first.year}s"
    if precision == "CE":
        return f"the {ordinal(first.year // 100 + 1)} century"
    return str(first.year)


def readable(value: str, kind: str = "DATE") -> str:
    """The value as a reader would write it; the value itself when it has no plainer form."""
    if kind == "SET":
        if weekday := ANY_WEEKDAY.fullmatch(value):
            return f"every {WEEKDAY_NAMES[int(weekday[1]) - 1]}"
        if (parts := duration_parts(value)) and len(parts) == 1:
            amount, unit = parts[0]
            return f"every {unit}" if amount == 1 else f"every {plural(amount, unit)}"
        return value
    if value in REFERENCES:
        return REFERENCES[value]
    if value.startswith("P"):
        return readable_duration(value) or value
    if weekday := ANY_WEEKDAY.fullmatch(value):
        return f"a {WEEKDAY_NAMES[int(weekday[1]) - 1]}"
    if yearless := YEARLESS_DAY.match(value):
        month, day = int(yearless[1]), int(yearless[2])
        if 1 <= month <= 12:
            return f"{day} {MONTHS[month - 1]}, year unknown"
    return readable_date(value) or value
