"""Normalisers of the dates the calendar names: ISO and written dates, pairs of days, fiscal years, months,
holidays, weekdays, decades, centuries, years, seasons and quarters.
"""

from __future__ import annotations

import re
from datetime import date

from dateutil.relativedelta import relativedelta

from .. import timex
from ..timex import WORDS
from .patterns import previous_word
from .reading import Found, NAMED_TYPES, Reading, part_of_name


# Words before a bare year that make it a year and not a count; spaCy's DATE tag is the other evidence.
YEAR_CUES = {"in", "since", "by", "until", "till", "from", "before", "after", "of", "during", "between", "and",
             "to", "through", "early", "late", "mid", "year", "around", "circa", "spring", "summer", "autumn",
             "fall", "winter", "christmas", "'s", "the", "that", "this", "-", "–"}


def norm_iso_date(match: re.Match, reading: Reading) -> list[Found]:
    return [(*match.span(), "DATE", f"{match['year']}-{match['mon']}-{match['day']}")]


def _yearless_day(reading: Reading, month: int, day: int, span: tuple[int, int]) -> str | None:
    """A day and month written without a year: the year the tense points to, which past narration leaves
    open to the year of the story's last date (`timex.yearless`); None for a day the month lacks."""
    if reading.anchor is None:
        return f"XXXX-{month:02d}-{day:02d}"
    tense = reading.tense(*span)
    try:
        value = date(timex.month_year(reading.anchor, month, tense), month, day).isoformat()
    except ValueError:
        return None
    return timex.yearless(month, day, value) if tense < 0 else value


def norm_full_date(match: re.Match, reading: Reading) -> list[Found]:
    month = WORDS["months"][(match["mon"] or match["mon2"]).lower().rstrip(".")]
    day = int(match["day"] or match["day2"])
    if not 1 <= day <= 31:
        return []
    if not match["year"]:
        value = _yearless_day(reading, month, day, match.span())
        return [(*match.span(), "DATE", value)] if value else []
    try:
        return [(*match.span(), "DATE", date(int(match["year"]), month, day).isoformat())]
    except ValueError:
        return []


def norm_date_pair(match: re.Match, reading: Reading) -> list[Found]:
    """'22 and 23 February', 'Sept. 3-5': two days of one month, the first written without it."""
    first_group, day_group = ("first", "day") if match["first"] else ("first2", "day2")
    first, last = int(match[first_group]), int(match[day_group])
    if not 1 <= first < last <= 31:
        return []
    month = WORDS["months"][(match["mon"] or match["mon2"]).lower().rstrip(".")]
    year_text = match["year"] or match["year2"]
    try:
        values = [date(int(year_text), month, day).isoformat() if year_text
                  else _yearless_day(reading, month, day, match.span()) for day in (first, last)]
    except ValueError:
        return []
    if None in values:
        return []
    if match["first"]:  # "22 and 23 February": the second day carries the month
        spans = [match.span("first"), (match.start("day"), match.end())]
    else:  # "Sept. 3-5": the first carries it
        spans = [(match.start(), match.end("first2")), (match.start("day2"), match.end())]
    return [(*span, "DATE", value) for span, value in zip(spans, values)]


def norm_fiscal_year(match: re.Match, reading: Reading) -> list[Found]:
    """'FY2025', 'FY25', 'fiscal 2024': TIMEX writes a fiscal year with its FY prefix."""
    year = match["year"] or match["fy"]
    if len(year) == 2:
        year = "20" + year
    return [(*match.span(), "DATE", f"FY{year}")]


def norm_month(match: re.Match, reading: Reading) -> list[Found]:
    start, end = match.span()
    name_start, name_end = match.span("mon")
    name = reading.span(name_start, name_end)
    if name is None or name.root.tag_ == "MD" or name.root.ent_type_ in NAMED_TYPES or part_of_name(name):
        return []
    month = WORDS["months"][match["mon"].lower().rstrip(".")]
    year_text = match["year"]
    relation = (match["rel"] or "").lower()
    if year_text:
        year = int(year_text)
    elif reading.anchor is None:
        return [(start, end, "DATE", f"XXXX-{month:02d}")]
    elif relation in ("last", "the previous", "this past"):
        year = timex.month_year(reading.anchor, month, -1)
        year -= 1 if month == reading.anchor.month else 0
    elif relation in ("next", "the coming", "the following"):
        year = timex.month_year(reading.anchor, month, 1)
        year += 1 if month == reading.anchor.month else 0
    else:
        year = timex.month_year(reading.anchor, month, reading.tense(start, end))
    return [(start, end, "DATE", f"{year:04d}-{month:02d}")]


def norm_holiday(match: re.Match, reading: Reading) -> list[Found]:
    """'Christmas', 'last Thanksgiving', 'Easter 2019': the year from the relation, else from the tense."""
    rule = WORDS["holidays"][" ".join(match["name"].lower().replace("’", "'").split())]
    name = reading.span(*match.span("name"))
    following = reading.doc[name.end] if name is not None and name.end < len(reading.doc) else None
    if name is None or following is not None and following.is_title and following.pos_ == "PROPN":
        return []  # "Christmas Island", "Easter Rising"
    if match["year"]:
        day = timex.holiday_date(rule, int(match["year"]))
    elif reading.anchor is None:
        return [(*match.span(), "DATE", "XXXX-" + rule["date"] if "date" in rule else "XXXX-XX-XX")]
    else:
        relation = (match["rel"] or "").lower()
        direction = {"last": -1, "next": 1}.get(relation) or (0 if relation else reading.tense(*match.span()))
        year = reading.anchor.year
        this_year = timex.holiday_date(rule, year)
        if direction < 0 and this_year > reading.anchor:
            year -= 1
        elif direction > 0 and this_year < reading.anchor:
            year += 1
        day = timex.holiday_date(rule, year)
    return [(*match.span(), "DATE", day.isoformat())]


def norm_weekday(match: re.Match, reading: Reading) -> list[Found]:
    start, end = match.span()
    weekday = WORDS["weekdays"][match["wd"].lower()]
    if match["plural"]:
        return [(start, end, "SET", f"XXXX-WXX-{weekday}")]
    mention = reading.span(*match.span("wd"))
    if mention is None or any(t.ent_type_ in NAMED_TYPES for t in mention) or part_of_name(mention):
        return []
    relation = " ".join((match["rel"] or "").lower().split())
    if previous_word(reading.text, start) in ("a", "one"):  # "one Sunday in February": which is not said
        return [(start, end, "DATE", f"XXXX-WXX-{weekday}")]
    if relation == "a week on" or match["week"]:  # British "a week on Saturday", "Saturday week"
        day = timex.weekday_date(reading.anchor, weekday, 1)
        day = day + relativedelta(weeks=1) if day else None
    elif relation in ("last", "this past", "past"):
        day = timex.weekday_date(reading.anchor, weekday, -1, strict=True)
    elif relation in ("next", "this coming", "coming"):
        day = timex.weekday_date(reading.anchor, weekday, 1, strict=True)
    else:
        day = timex.weekday_date(reading.anchor, weekday, reading.tense(start, end))
    value = day.isoformat() if day else f"XXXX-WXX-{weekday}"
    if match["pod"]:
        return [(start, end, "TIME", f"{value}T{WORDS['parts_of_day'][match['pod'].lower()]}")]
    return [(start, end, "DATE", value)]


def norm_decade(match: re.Match, reading: Reading) -> list[Found]:
    if match["dec"]:
        return [(*match.span(), "DATE", match["dec"][:3])]
    two = int(match["dec2"])
    if reading.anchor is None:  # "the '20s": which century is the publication date's call
        return [(*match.span(), "DATE", f"XX{two // 10}")]
    century = 20 if 2000 + two <= reading.anchor.year else 19
    return [(*match.span(), "DATE", f"{century}{two // 10}")]


def norm_century(match: re.Match, reading: Reading) -> list[Found]:
    number = WORDS["ordinals"].get(match["ord"].lower())
    if not number or number < 1:
        return []
    return [(*match.span(), "DATE", f"{number - 1:02d}")]


def norm_year_range(match: re.Match, reading: Reading) -> list[Found]:
    first, second = match["year"], match["year2"]
    last = first[:2] + second if len(second) == 2 else second
    if not int(first) < int(last) <= int(first) + 100:
        return []
    return [(*match.span("year"), "DATE", first), (*match.span("year2"), "DATE", last)]


def norm_year(match: re.Match, reading: Reading) -> list[Found]:
    start, end = match.span("year")
    text = reading.text
    if text[max(0, start - 1):start] in "$£€#" and start > 0:
        return []
    span = reading.span(start, end)
    is_date = span is not None and span.root.ent_type_ == "DATE"
    if not (is_date or match["edge"] or previous_word(text, start) in YEAR_CUES):
        return []
    return [(*match.span(), "DATE", match["year"])]


def norm_season(match: re.Match, reading: Reading) -> list[Found]:
    start, end = match.span("x")
    word, relation = match["season"].lower(), (match["rel"] or "").lower()
    if not (relation or match["year"] or match["edge"]):
        return []
    if relation == "the" and not match["year"] and previous_word(reading.text, start) not in (
            "in", "during", "over", "by", "until", "through", "since", "for", "of"):
        return []
    code = WORDS["seasons"][word]
    if match["year"]:
        return [(start, end, "DATE", f"{match['year']}-{code}")]
    if reading.anchor is None:
        return [(start, end, "DATE", f"XXXX-{code}")]
    relation_key = {"this past": "last", "the coming": "next", "this coming": "next"}.get(relation, relation)
    if relation_key in ("the", ""):  # "in the summer", "in late spring": the one the tense points to
        tense = reading.tense(start, end)
        first, last = timex.SEASON_MONTHS[code]
        relation_key = ("last" if tense < 0 and first > reading.anchor.month
                        else "next" if tense > 0 and last < reading.anchor.month and code != "WI" else "")
    return [(start, end, "DATE", f"{timex.season_year(reading.anchor, code, relation_key):04d}-{code}")]


def norm_quarter(match: re.Match, reading: Reading) -> list[Found]:
    if match["q"]:
        year = match["qyear"] or (str(reading.anchor.year) if reading.anchor else "XXXX")
        return [(*match.span(), "DATE", f"{year}-Q{match['q']}")]
    number = WORDS["ordinals"][match["ord"].lower()]
    kind = "Q" if match["kind"].lower() == "quarter" else "H"
    count = 4 if kind == "Q" else 2
    if number > count or (kind == "H" and not (match["year"] or match["rel"])):
        return []  # "the first half" alone is as often a match's as a year's
    if match["year"]:
        year = match["year"]
    elif reading.anchor:
        year = str(reading.anchor.year + {"last": -1, "next": 1}.get((match["rel"] or "").lower(), 0))
    else:
        year = "XXXX"
    if number == -1:
        if match["year"] or match["rel"]:
            number = count
        elif reading.anchor:  # "the last quarter": the one before this
            this = (reading.anchor.month - 1) * count // 12 + 1
            number, year = (this - 1, year) if this > 1 else (count, str(int(year) - 1))
        else:
            number = count
    return [(*match.span(), "DATE", f"{year}-{kind}{number}")]
