"""TIMEX3 values: calendar arithmetic against the publication date, and the unresolved forms TIMEX3 keeps
when there is no date to count from (e.g. "XXXX-WXX-1" for "Monday", "PRESENT_REF" for "today").

dateutil's relativedelta does the arithmetic; what is written here is the TIMEX3 notation (TimeML 1.2.1
guidelines), which no Python library produces.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

from .lexicon import data_table

WORDS = data_table("time_words")

# TIMEX3 duration letters per unit; the clock units go after the "T".
DURATION_CODES = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "weekend": "WE",
                  "month": "M", "year": "Y", "decade": "DE", "century": "CE", "millennium": "ML"}
CLOCK_UNITS = {"second", "minute", "hour"}
# A fraction of one unit is written in the next smaller one ("half an hour" → PT30M).
SMALLER_UNIT = {"year": ("month", 12), "month": ("day", 30), "week": ("day", 7), "day": ("hour", 24),
                "hour": ("minute", 60), "minute": ("second", 60), "decade": ("year", 10), "century": ("year", 100)}
# What one step of each unit moves a date by.
STEPS = {"day": relativedelta(days=1), "week": relativedelta(weeks=1), "weekend": relativedelta(weeks=1),
         "month": relativedelta(months=1), "quarter": relativedelta(months=3), "year": relativedelta(years=1),
         "decade": relativedelta(years=10), "century": relativedelta(years=100)}
# The granularity a unit's date is written at.
GRANULARITY = {"day": "D", "week": "W", "weekend": "WE", "month": "M", "quarter": "Q", "year": "Y",
               "season": "S", "decade": "DE", "century": "CE"}
UNRESOLVED = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX", "Q": "XXXX-QX",
              "Y": "XXXX", "DE": "XXX", "CE": "XX"}
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def canonical_unit(word: str) -> str:
    """'months' → 'month', 'centuries' → 'century', 'fortnight' → 'fortnight'."""
    word = word.lower().rstrip("'’")
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word == "millennia":
        return "millennium"
    return word[:-1] if word.endswith("s") and word[:-1] in WORDS["units"] else word


def number_value(text: str) -> float | None:
    """'19' → 19, 'nineteen' → 19, 'twenty-one' → 21, 'a couple of' → 2; None for unknown words."""
    text = " ".join(text.lower().replace(",", "").split())
    try:
        return float(text)
    except ValueError:
        pass
    if text in WORDS["number_words"]:
        return float(WORDS["number_words"][text])
    parts = text.replace("-", " ").split()
    if parts and all(part in WORDS["number_words"] for part in parts):
        return float(sum(WORDS["number_words"][part] for part in parts))
    return None


def duration(amount: float | None, unit: str) -> str:
    """TIMEX3 duration: (19, 'month') → 'P19M', (54, 'minute') → 'PT54M', (None, 'hour') → 'PTXH'."""
    if unit == "fortnight":
        unit, amount = "week", None if amount is None else amount * 2
    if unit == "quarter":
        unit, amount = "month", None if amount is None else amount * 3
    if amount is not None and amount != int(amount) and unit in SMALLER_UNIT:
        smaller, factor = SMALLER_UNIT[unit]
        if unit in CLOCK_UNITS and amount > 1:  # "six and a half hours" → PT6H30M, as TimeML writes it
            return compound_duration([(int(amount), unit), (round((amount - int(amount)) * factor), smaller)])
        unit, amount = smaller, amount * factor
    count = "X" if amount is None else (str(int(amount)) if amount == int(amount) else f"{amount:g}")
    prefix = "PT" if unit in CLOCK_UNITS else "P"
    return f"{prefix}{count}{DURATION_CODES.get(unit, 'X')}"


# Largest first, as a TIMEX3 duration writes them.
DURATION_ORDER = ("year", "month", "week", "day", "hour", "minute", "second")


def compound_duration(pieces: list[tuple[int, str]]) -> str:
    """[(2, 'hour'), (25, 'minute')] → 'PT2H25M'; [(1, 'year'), (6, 'month')] → 'P1Y6M'."""
    dated = "".join(f"{n}{DURATION_CODES[u]}" for n, u in pieces if u not in CLOCK_UNITS)
    clocked = "".join(f"{n}{DURATION_CODES[u]}" for n, u in pieces if u in CLOCK_UNITS)
    return "P" + dated + (f"T{clocked}" if clocked else "")


DURATION_FORM = re.compile(r"^P((?:\d+(?:\.\d+)?(?:DE|CE|ML|WE|[YMWD]))*)(?:T((?:\d+(?:\.\d+)?[HMS])+))?$")
PIECE = re.compile(r"(\d+(?:\.\d+)?)(DE|CE|ML|WE|[YMWDHS])")
DATE_CODES = {"Y": "year", "M": "month", "W": "week", "D": "day", "DE": "decade", "CE": "century",
              "ML": "millennium", "WE": "weekend"}
CLOCK_CODES = {"H": "hour", "M": "minute", "S": "second"}


def duration_parts(value: str) -> list[tuple[float, str]] | None:
    """'PT2H25M' → [(2, 'hour'), (25, 'minute')]; None for fuzzy ('PXY') or non-duration values."""
    match = DURATION_FORM.match(value)
    if not match or not (match[1] or match[2]):
        return None
    return ([(float(n), DATE_CODES[c]) for n, c in PIECE.findall(match[1] or "")]
            + [(float(n), CLOCK_CODES[c]) for n, c in PIECE.findall(match[2] or "")])


def written(day: date | None, granularity: str) -> str:
    """A date written at a granularity: ('M') → '2025-07', ('W') → '2025-W37', ('DE') → '202'."""
    if day is None:
        return UNRESOLVED.get(granularity, "XXXX-XX-XX")
    if granularity == "D":
        return day.isoformat()
    if granularity in ("W", "WE"):
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}" + ("-WE" if granularity == "WE" else "")
    if granularity == "M":
        return f"{day.year:04d}-{day.month:02d}"
    if granularity == "Q":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if granularity == "DE":
        return f"{day.year // 10:03d}"
    if granularity == "CE":
        return f"{day.year // 100:02d}"
    return f"{day.year:04d}"


def shifted(anchor: date | None, unit: str, steps: int) -> str:
    """The date `steps` units from the anchor, at that unit's granularity: ('month', -1) → last month."""
    if anchor is None:
        return UNRESOLVED.get(GRANULARITY.get(unit, "D"), "XXXX-XX-XX")
    return written(anchor + STEPS[unit] * steps, GRANULARITY.get(unit, "D"))


def weekday_date(anchor: date | None, weekday: int, direction: int, strict: bool = False) -> date | None:
    """The weekday (1 = Monday) nearest the anchor: direction -1 on or before it, +1 on or after it,
    0 whichever is closer (ties go back, as news mostly reports what happened)."""
    if anchor is None:
        return None
    back = (anchor.isoweekday() - weekday) % 7 or (7 if strict else 0)
    ahead = (weekday - anchor.isoweekday()) % 7 or (7 if strict else 0)
    if direction < 0 or (direction == 0 and back <= ahead):
        return anchor - timedelta(days=back)
    return anchor + timedelta(days=ahead)


# How far past the publication year a year written with two digits may lie ("'27" in 2025 is 2027, "'98"
# is 1998).
TWO_DIGIT_YEARS_AHEAD = 10


def full_year(two_digits: int, anchor: date | None) -> int:
    """'92' → 1992, '24' → 2024: the century that puts the year before the publication date, or a little
    after it; without a date, years up to 49 are this century's."""
    pivot = (anchor.year if anchor else 2039) + TWO_DIGIT_YEARS_AHEAD
    return 2000 + two_digits if 2000 + two_digits <= pivot else 1900 + two_digits


def day_of_week(anchor: date | None, weekday: int, weeks: int) -> date | None:
    """The weekday (1 = Monday) of the week `weeks` from the anchor's: 'Thursday of next week'."""
    if anchor is None:
        return None
    return anchor + timedelta(days=weekday - anchor.isoweekday(), weeks=weeks)


# When the tense says nothing, a month named without its year is the one nearest the publication date: "a
# vote in January" written in December is next month's, "in November" written in March last autumn's.
MONTHS_TO_NEAREST = 6


def month_year(anchor: date, month: int, direction: int) -> int:
    """The year of a bare month name: the last one for past narration, the next one for future, else the
    one nearest the anchor."""
    if direction < 0 and month > anchor.month:
        return anchor.year - 1
    if direction > 0 and month < anchor.month:
        return anchor.year + 1
    if direction == 0 and abs(month - anchor.month) > MONTHS_TO_NEAREST:
        return anchor.year + (1 if month < anchor.month else -1)
    return anchor.year


def season_year(anchor: date, code: str, relation: str) -> int:
    """'last spring' is the latest spring over before the anchor (this year's in June, last year's in
    April); 'next' the first one not yet begun; else this year's. A winter is written with the year of its
    December: 'this coming winter' in March 2024 is 2024-WI, 'last winter' then 2023-WI; 'this winter' is
    the one just over until June, the coming one after."""
    if code == "WI":
        current = anchor.year - (anchor.month < 12)  # the winter now running or last begun
        if relation == "next":
            return current + 1
        if relation == "last":
            return current - (anchor.month in (12, 1, 2))
        return current if anchor.month <= 6 or anchor.month == 12 else anchor.year
    first, last = SEASON_MONTHS[code]
    if relation == "last":
        return anchor.year if anchor.month > last else anchor.year - 1
    if relation == "next":
        return anchor.year if anchor.month < first else anchor.year + 1
    return anchor.year


def holiday_date(rule: dict, year: int, country: str | None = None) -> date:
    """A holiday's date in a year, from its rule in the word table: a fixed day, days from Easter, days
    after another holiday, or the nth (or last, -1) weekday of a month, counted from its `on_or_after` day
    when the rule gives one. A country may keep it on another day (`by_country`: Mothering Sunday)."""
    rule = rule.get("by_country", {}).get(country, rule)
    if "after" in rule:
        return holiday_date(WORDS["holidays"][rule["after"]], year, country) + timedelta(days=rule["days"])
    if "date" in rule:
        return date(year, int(rule["date"][:2]), int(rule["date"][3:]))
    if "easter" in rule:
        return easter(year) + timedelta(days=rule["easter"])
    if rule["nth"] < 0:
        last = date(year, rule["month"], 1) + relativedelta(months=1, days=-1)
        return last - timedelta(days=(last.isoweekday() - rule["weekday"]) % 7)
    first = date(year, rule["month"], rule.get("on_or_after", 1))
    return first + timedelta(days=(rule["weekday"] - first.isoweekday()) % 7 + 7 * (rule["nth"] - 1))


# An expression counted from the date last mentioned ("the day before", "two years later") is written
# "ANCHOR+2year" (part of day after a "T") by the grammar, until the times stage knows that date; "since
# then" is written THEN, to become that date itself.
THEN = "THEN"
# "through the night", "in the afternoon": that part of the story's day, written TOLD_DAY + "T" + the part's
# code until the times stage knows that day.
TOLD_DAY = "TOLDDAY"
ANCHORED = re.compile(r"^ANCHOR([+-]\d+)([a-z]+)(?:T([A-Z]+))?$")
# How precisely a date must be known to count a unit from it.
NEEDED_PRECISION = {"day": "D", "week": "D", "month": "M", "quarter": "M", "year": "Y", "decade": "Y",
                    "century": "Y"}
# A quarter counts days and months no better than its year, but "a year earlier" keeps it (TimeBank, WSJ).
PRECISION_RANK = {"Y": 0, "Q": 0, "M": 1, "D": 2}


def anchored(steps: int, unit: str, part_of_day: str = "") -> str:
    return f"ANCHOR{steps:+d}{unit}" + (f"T{part_of_day}" if part_of_day else "")


def anchor_of(value: str) -> tuple[date, str] | None:
    """A resolved value as a date to count from, with its precision: '2025-02-02T02:14' → (2 Feb, 'D'),
    '1956' → (1 Jan 1956, 'Y'), '2025-Q3' → (1 Jul, 'Q'); a week, half or season gives its year ('2025-H1'
    → 'Y'); None for unresolved values, decades and centuries."""
    span = calendar_span(value)
    if span is None or span[2] in ("DE", "CE"):
        return None
    return (span[0], span[2]) if span[2] in PRECISION_RANK else (date(int(value[:4]), 1, 1), "Y")


def resolve_anchored(value: str, anchor: tuple[date, str] | None) -> str:
    """'ANCHOR-1day' against (2 Feb 2025, 'D') → '2025-02-01'; unresolved at the unit's granularity when
    the anchor is missing or too coarse ('two days later' after 'in 2020')."""
    steps, unit, part_of_day = ANCHORED.match(value).groups()
    granularity = "Q" if unit == "year" and anchor is not None and anchor[1] == "Q" else GRANULARITY[unit]
    if anchor is None or PRECISION_RANK[anchor[1]] < PRECISION_RANK[NEEDED_PRECISION[unit]]:
        day_value = UNRESOLVED.get(granularity, "XXXX-XX-XX")
    else:
        day_value = written(anchor[0] + STEPS[unit] * int(steps), granularity)
    return day_value + (f"T{part_of_day}" if part_of_day else "")


# A day and month written without a year in past narration ("on 17 May") is "YEARLESS-05-17=<value by the
# publication date>" until the times stage knows the date mentioned last: TempEval takes the year of the
# story's reference time when that lies in an earlier year ("3 May 2001 … on 17 May").
YEARLESS = re.compile(r"^YEARLESS-(\d\d)-(\d\d)=(.+)$")


def yearless(month: int, day: int, by_publication: str) -> str:
    return f"YEARLESS-{month:02d}-{day:02d}={by_publication}"


# How far past the date mentioned last a yearless day may fall and still continue its story: further on,
# the article has more likely come back to the present ("born on 3 May 2001 … was found on 2 March").
NARRATION_REACH = timedelta(days=62)


def resolve_yearless(value: str, anchor: tuple[date, str] | None, published: date | None) -> str:
    """The year that puts the day shortly after the date mentioned last, if that date is known to the month
    and lies in a year before the publication's; else the publication's guess."""
    month, day, by_publication = YEARLESS.match(value).groups()
    if anchor is None or published is None or PRECISION_RANK[anchor[1]] == 0 or anchor[0].year >= published.year:
        return by_publication
    for year in (anchor[0].year, anchor[0].year + 1):
        try:
            narrated = date(year, int(month), int(day))
        except ValueError:
            continue
        if anchor[0] <= narrated <= min(anchor[0] + NARRATION_REACH, published):
            return narrated.isoformat()
    return by_publication


def clock(day_value: str, hour: int, minute: int) -> str:
    return f"{day_value}T{hour:02d}:{minute:02d}"


MONTHS_OF_PRECISION = {"M": 1, "Q": 3, "H": 6}
YEARS_OF_PRECISION = {"Y": 1, "DE": 10, "CE": 100}
# A resolved TIMEX3 date value (a time of day after its "T" aside) and the precision it is written at.
CALENDAR_FORMS = (
    (re.compile(r"(\d{4})-(\d\d)-(\d\d)"), "D"),
    (re.compile(r"(\d{4})-W(\d\d)(-WE)?"), "W"),
    (re.compile(r"(\d{4})-(\d\d)"), "M"),
    (re.compile(r"(\d{4})-Q([1-4])"), "Q"),
    (re.compile(r"(\d{4})-H([12])"), "H"),
    (re.compile(r"(\d{4})-(SP|SU|FA|WI)"), "S"),
    (re.compile(r"(\d{4})"), "Y"),
    (re.compile(r"(\d{3})"), "DE"),
    (re.compile(r"(\d{2})"), "CE"),
)


def calendar_span(value: str) -> tuple[date, date, str] | None:
    """The first and last day a resolved date value covers, and its precision: '2025-W37' → (8 Sep, 14 Sep,
    'W'), '2025-02-02T02:14' → (2 Feb, 2 Feb, 'D'), '195' → (1950-01-01, 1959-12-31, 'DE'); a winter runs
    into the next year. None for unresolved values ('XXXX-WXX-1', 'PAST_REF')."""
    day_part = value.split("T")[0]
    found = next(((match, precision) for pattern, precision in CALENDAR_FORMS
                  if (match := pattern.fullmatch(day_part))), None)
    if found is None:
        return None
    match, precision = found
    year = int(match[1])
    try:
        if precision == "D":
            first = last = date(year, int(match[2]), int(match[3]))
        elif precision == "W":
            first = date.fromisocalendar(year, int(match[2]), 6 if match[3] else 1)
            last = date.fromisocalendar(year, int(match[2]), 7)
        elif precision == "S":
            first_month, last_month = SEASON_MONTHS[match[2]]
            first = date(year, first_month, 1)
            last = date(year + (last_month < first_month), last_month, 1) + relativedelta(months=1, days=-1)
        elif precision in MONTHS_OF_PRECISION:
            size = MONTHS_OF_PRECISION[precision]
            first = date(year, (int(match[2]) - 1) * size + 1, 1)
            last = first + relativedelta(months=size, days=-1)
        else:  # a year, decade or century: its digits are the first year's leading ones
            scale = YEARS_OF_PRECISION[precision]
            first, last = date(year * scale, 1, 1), date(year * scale + scale - 1, 12, 31)
    except ValueError:
        return None
    return first, last, precision


def start_of(value: str) -> str | None:
    """A sortable ISO start for a resolved TIMEX3 date or time value ('2025-W37' → '2025-09-08'), a day's
    time of day kept; None if the value is unresolved."""
    span = calendar_span(value)
    if span is None:
        return None
    return span[0].isoformat() + (value[10:] if span[2] == "D" else "")
