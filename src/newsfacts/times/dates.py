"""Normalisers of the dates the calendar names: ISO and written dates, pairs of days, fiscal years, months,
holidays, weekdays, decades, centuries, years, seasons and quarters.
"""

from __future__ import annotations

import re
from datetime import date

from dateutil.relativedelta import relativedelta
from text_to_num import text2num

from .. import timex
from ..parse import governing_verb
from ..timex import WORDS
from . import convention
from .patterns import previous_word
from .reading import Found, NAMED_TYPES, Reading, part_of_name, part_of_title


# Words before a bare year that make it a year and not a count; spaCy's DATE tag is the other evidence.
YEAR_CUES = {"in", "since", "by", "until", "till", "from", "before", "after", "of", "during", "between", "and",
             "to", "through", "early", "late", "mid", "year", "around", "circa", "spring", "summer", "autumn",
             "fall", "winter", "christmas", "'s", "the", "that", "this", "-", "–"}


def norm_iso_date(match: re.Match, reading: Reading) -> list[Found]:
    """'2026-01-30', and a timestamp '2019-06-02T08:15:00' (its zone left out), a time of that day."""
    try:
        day = date(int(match["year"]), int(match["mon"]), int(match["day"])).isoformat()
    except ValueError:
        return []
    if match["h"]:
        return [(*match.span(), "TIME", day + _clock_part(match))]
    return [(*match.span(), "DATE", day)]


def _clock_part(match: re.Match) -> str:
    return f"T{int(match['h']):02d}:{match['m']}" + (f":{match['s']}" if match["s"] else "")


def year_of(text: str, reading: Reading) -> int:
    """'1992' → 1992; "'92" or '92' → the year of those last two digits nearest the publication date."""
    digits = text.lstrip("'’")
    return int(digits) if len(digits) == 4 else timex.full_year(int(digits), reading.anchor)


# Words after a number that make it something other than a date's year ("5 March 20 people").
NOT_A_YEAR_AFTER = {"NOUN", "PROPN", "NUM", "ADJ", "SYM"}


def _followed_by_count(reading: Reading, end: int) -> bool:
    following = reading.token_after(end)
    return following is not None and following.pos_ in NOT_A_YEAR_AFTER and following.idx - end < 3


def norm_numeric_date(match: re.Match, reading: Reading) -> list[Found]:
    """'11/14/2003', '21.03.24', '8-2-19', 'due 10/1': day and month in the order the article writes them
    (`convention`); left open ('2022-XX-XX') when both orders fit and nothing tells which. Dots are the
    European day-first form, and a version number ('2.10.31') pads no part and has no four-digit year."""
    first, second = int(match["a"] or match["a2"]), int(match["b"] or match["b2"])
    separator = match["sep"] or "/"
    if match["a2"]:  # no year: a fraction or a score unless a word before says it is a date
        if previous_word(reading.text, match.start()) not in NUMERIC_DATE_CUES:
            return []
    elif separator == "." and len(match["y"]) != 4 and not (match["a"].startswith("0") or match["b"].startswith("0")):
        return []
    if not (1 <= first <= 31 and 1 <= second <= 31) or first > 12 and second > 12:
        return []
    if first > 12:
        order = convention.DAY_FIRST
    elif second > 12 or first == second:
        order = convention.MONTH_FIRST
    else:
        order = convention.DAY_FIRST if separator == "." else reading.date_order
    month, day = (first, second) if order == convention.MONTH_FIRST else (second, first)
    if match["a2"]:
        if order is None:
            return []
        value = _yearless_day(reading, month, day, match.span())
        return [(*match.span(), "DATE", value)] if value else []
    year = year_of(match["y"], reading)
    if order is None:
        value = f"{year:04d}-XX-XX"
    else:
        try:
            value = date(year, month, day).isoformat()
        except ValueError:
            return []
    if match["h"]:
        return [(*match.span(), "TIME", value + _clock_part(match))]
    return [(*match.span(), "DATE", value)]


# Words before a day and month written as numbers without a year that make them a date ("due 10/1").
NUMERIC_DATE_CUES = {"on", "by", "until", "till", "from", "since", "before", "after", "due", "dated", "through",
                     "thru", "of"}


def _yearless_day(reading: Reading, month: int, day: int, span: tuple[int, int]) -> str | None:
    """A day and month written without a year: the year the tense points to, which past narration leaves
    open to the year of the story's last date (`timex.yearless`); None for a day the month lacks."""
    if reading.anchor is None:
        return f"XXXX-{month:02d}-{day:02d}"
    tense = reading.tense(*span) or reading.scheduled(*span)
    if tense < 0 and reading.target(span[0]):
        tense = 0
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
    start, end = match.span()
    year_text = match["year"]
    if year_text and year_text[0].isdigit() and len(year_text) == 2 and (
            not match["mon2"] or _followed_by_count(reading, end)):
        year_text, end = None, match.start("year")  # "March 5 20": a count; "5th Mar 91" is a year
        end = len(reading.text[:end].rstrip(" ,"))
    if match["yrel"]:  # "July 1 last year"
        if reading.anchor is None:
            return [(start, end, "DATE", f"XXXX-{month:02d}-{day:02d}")]
        year_text = str(reading.anchor.year + {"last": -1, "next": 1}.get(match["yrel"].lower(), 0))
    if not year_text:
        value = _yearless_day(reading, month, day, (start, end))
        return [(start, end, "DATE", value)] if value else []
    try:
        return [(start, end, "DATE", date(year_of(year_text, reading), month, day).isoformat())]
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
    if (name is None or name.root.tag_ == "MD" or name.root.ent_type_ in NAMED_TYPES or part_of_name(name)
            or part_of_title(name)):
        return []
    month = WORDS["months"][match["mon"].lower().rstrip(".")]
    year_text = match["year"]
    relation = (match["rel"] or "").lower()
    if year_text:
        year = int(year_text)
    elif reading.anchor is None:
        if match["yrel"]:  # "April last year" with no date to count from
            return [(start, end, "DATE", f"XXXX-{month:02d}")]
        return [(start, end, "DATE", f"XXXX-{month:02d}")]
    elif match["yrel"]:  # "April last year", "June of next year", "February this year"
        year = reading.anchor.year + {"last": -1, "next": 1}.get(match["yrel"].lower(), 0)
    elif relation in ("last", "the previous", "this past"):
        year = timex.month_year(reading.anchor, month, -1)
        year -= 1 if month == reading.anchor.month else 0
    elif relation in ("next", "the coming", "the following"):
        year = timex.month_year(reading.anchor, month, 1)
        year += 1 if month == reading.anchor.month else 0
    else:
        direction = reading.tense(start, end) or reading.scheduled(start, end)
        year = timex.month_year(reading.anchor, month, direction)
    return [(start, end, "DATE", f"{year:04d}-{month:02d}")]


def norm_holiday(match: re.Match, reading: Reading) -> list[Found]:
    """'Christmas', 'last Thanksgiving', 'Easter 2019': the year from the relation, else from the tense."""
    rule = WORDS["holidays"][" ".join(match["name"].lower().replace("’", "'").replace("st.", "st").split())]
    name = reading.span(*match.span("name"))
    following = reading.doc[name.end] if name is not None and name.end < len(reading.doc) else None
    if name is None or following is not None and following.is_title and following.pos_ == "PROPN":
        return []  # "Christmas Island", "Easter Rising"
    if rule is WORDS["holidays"]["new year"] and part_of_name(name):
        return []  # "Lunar New Year", "Chinese New Year": another calendar's
    country = reading.country
    if match["year"]:
        day = timex.holiday_date(rule, year_of(match["year"], reading), country)
    elif reading.anchor is None:
        return [(*match.span(), "DATE", "XXXX-" + rule["date"] if "date" in rule else "XXXX-XX-XX")]
    else:
        relation = (match["rel"] or "").lower()
        direction = {"last": -1, "next": 1}.get(relation) or (0 if relation else reading.tense(*match.span()))
        year = reading.anchor.year
        this_year = timex.holiday_date(rule, year, country)
        if direction < 0 and this_year > reading.anchor:
            year -= 1
        elif direction > 0 and this_year < reading.anchor:
            year += 1
        day = timex.holiday_date(rule, year, country)
    if match["pod"]:  # "Boxing Day morning"
        return [(*match.span(), "TIME", f"{day.isoformat()}T{WORDS['parts_of_day'][match['pod'].lower()]}")]
    return [(*match.span(), "DATE", day.isoformat())]


def norm_weekday(match: re.Match, reading: Reading) -> list[Found]:
    start, end = match.span()
    weekday = WORDS["weekdays"][match["wd"].lower()]
    if match["plural"] or match["pods"]:  # "Tuesdays", "Sunday mornings"
        part = f"T{WORDS['parts_of_day'][match['pod'].lower()]}" if match["pod"] else ""
        return [(start, end, "SET", f"XXXX-WXX-{weekday}{part}")]
    mention = reading.span(*match.span("wd"))
    if (mention is None or any(t.ent_type_ in NAMED_TYPES for t in mention) or part_of_name(mention)
            or part_of_title(mention)):
        return []
    relation = " ".join((match["rel"] or "").lower().split())
    if previous_word(reading.text, start) in ("a", "one"):  # "one Sunday in February": which is not said
        return [(start, end, "DATE", f"XXXX-WXX-{weekday}")]
    if relation == "a week on" or match["week"]:  # British "a week on Saturday", "Saturday week"
        day = timex.weekday_date(reading.anchor, weekday, 1)
        day = day + relativedelta(weeks=1) if day else None
    elif match["wrel"]:  # "Thursday of next week", "Monday last week": that day of the week named
        weeks = {"last": -1, "next": 1}.get(match["wrel"].lower(), 0)
        day = timex.day_of_week(reading.anchor, weekday, weeks)
    elif relation in ("last", "this past", "past"):
        day = timex.weekday_date(reading.anchor, weekday, -1, strict=True)
    elif relation in ("next", "this coming", "coming"):
        day = timex.weekday_date(reading.anchor, weekday, 1, strict=True)
    else:
        direction = reading.tense(start, end) or reading.scheduled(start, end)
        if direction < 0 and reading.target(start):
            direction = 0
        day = timex.weekday_date(reading.anchor, weekday, direction)
    value = day.isoformat() if day else f"XXXX-WXX-{weekday}"
    if match["pod"] or match["night"]:  # "Tuesday night", "Wednesday at night"
        part = (match["pod"] or match["night"]).lower()
        return [(start, end, "TIME", f"{value}T{WORDS['parts_of_day'][part]}")]
    return [(start, end, "DATE", value)]


# Words in a sentence that make "the 70s" a temperature, not a decade.
TEMPERATURE_WORDS = re.compile(r"(?i:temperature|degree|\bhighs?\b|\blows?\b|°|fahrenheit|celsius)")


def norm_month_range_quarter(match: re.Match, reading: Reading) -> list[Found]:
    """'the July-September quarter': a quarter named by its months."""
    first, last = (WORDS["months"][match[name].lower().rstrip(".")] for name in ("mon", "mon2"))
    if first % 3 != 1 or last != first + 2:
        return []
    if reading.anchor is None:
        return [(*match.span(), "DATE", f"XXXX-Q{first // 3 + 1}")]
    year = timex.month_year(reading.anchor, first, reading.tense(*match.span()))
    return [(*match.span(), "DATE", f"{year:04d}-Q{first // 3 + 1}")]


def norm_nth_weekday(match: re.Match, reading: Reading) -> list[Found]:
    """'the second Monday of June', 'the last Friday of the month', 'the first Tuesday in July 2026'."""
    weekday = WORDS["weekdays"][match["wd"].lower()]
    nth = WORDS["ordinals"][match["ord"].lower()]
    if match["every"]:  # "the first Saturday of every month": a day that recurs
        return [(*match.span(), "SET", f"XXXX-WXX-{weekday}")]
    if match["mon"]:
        month = WORDS["months"][match["mon"].lower().rstrip(".")]
        if match["year"]:
            year = int(match["year"])
        elif reading.anchor is None:
            return [(*match.span(), "DATE", f"XXXX-{month:02d}-XX")]
        else:
            year = timex.month_year(reading.anchor, month, reading.tense(*match.span()))
    elif reading.anchor is None:
        return [(*match.span(), "DATE", "XXXX-XX-XX")]
    else:  # "of the month", "of next month"
        shifted = reading.anchor + relativedelta(months={"last": -1, "next": 1}.get((match["rel"] or "").lower(), 0))
        year, month = shifted.year, shifted.month
    day = timex.holiday_date({"month": month, "weekday": weekday, "nth": nth}, year)
    return [(*match.span(), "DATE", day.isoformat())] if day.month == month else []


# How many months "Friday the 13th" is looked for on either side of the publication date.
MONTHS_SEARCHED = 24


def norm_weekday_the_nth(match: re.Match, reading: Reading) -> list[Found]:
    """'Friday the 13th': the nearest month whose 13th is a Friday, ahead or back as the tense points."""
    weekday, day_of_month = WORDS["weekdays"][match["wd"].lower()], int(match["day"])
    if not 1 <= day_of_month <= 31:
        return []
    if reading.anchor is None:
        return [(*match.span(), "DATE", f"XXXX-XX-{day_of_month:02d}")]
    relation = (match["rel"] or "").lower()
    direction = {"last": -1, "next": 1, "this": 1}.get(relation) or reading.tense(*match.span()) or 1
    first = date(reading.anchor.year, reading.anchor.month, 1)
    for step in range(MONTHS_SEARCHED):
        month = first + relativedelta(months=step * direction)
        try:
            day = month.replace(day=day_of_month)
        except ValueError:
            continue
        if day.isoweekday() == weekday and (day >= reading.anchor if direction > 0 else day <= reading.anchor):
            return [(*match.span(), "DATE", day.isoformat())]
    return []


def norm_weekday_after_next(match: re.Match, reading: Reading) -> list[Found]:
    """'the Monday after next': the one after the coming one."""
    weekday = WORDS["weekdays"][match["wd"].lower()]
    coming = timex.weekday_date(reading.anchor, weekday, 1, strict=True)
    value = (coming + relativedelta(weeks=1)).isoformat() if coming else f"XXXX-WXX-{weekday}"
    return [(*match.span(), "DATE", value)]


def norm_decade(match: re.Match, reading: Reading) -> list[Found]:
    """'the 1980s', "the late '60s", 'the 70s'; 'the 1800s' is a century (the 2000s, a decade)."""
    if match["dec"]:
        if match["dec"].endswith("00") and int(match["dec"]) < 2000:
            return [(*match.span(), "DATE", match["dec"][:2])]
        return [(*match.span(), "DATE", match["dec"][:3])]
    two = int(match["dec2"])
    if reading.text[match.start("dec2") - 1] not in "'’":  # "the 70s" without its apostrophe
        sentence = reading.span(*match.span())
        if sentence is None or TEMPERATURE_WORDS.search(sentence.sent.text):
            return []
    if reading.anchor is None:  # "the '20s": which century is the publication date's call
        return [(*match.span(), "DATE", f"XX{two // 10}")]
    century = 20 if 2000 + two <= reading.anchor.year else 19
    return [(*match.span(), "DATE", f"{century}{two // 10}")]


def norm_decade_words(match: re.Match, reading: Reading) -> list[Found]:
    """'the eighties', 'the early nineties', 'the nineteen-sixties': in the last century unless named, or
    unless the decade of this century is over ('the noughties')."""
    decade = WORDS["decade_words"][match["decade"].lower()]
    if match["century"]:
        century = timex.number_value(match["century"])
    else:
        this_century_over = reading.anchor is not None and 2000 + decade * 10 + 9 < reading.anchor.year
        century = 20 if this_century_over or decade == 0 else 19
    return [(*match.span(), "DATE", f"{int(century)}{decade}")]


def norm_spelled_year(match: re.Match, reading: Reading) -> list[Found]:
    """'nineteen eighty-four', 'eighteen hundred', 'nineteen-oh-six', 'two thousand and eight': a year
    where a word before it or the parse says so ('in nineteen eighty-four', not 'nineteen twenty-pound notes')."""
    start, end = match.span("x")
    span = reading.span(start, end)
    first_word = span is not None and span[0].is_sent_start
    if _followed_by_count(reading, end):
        return []  # "Fifteen twenty people applied"
    if not (first_word or previous_word(reading.text, start) in YEAR_CUES
            or span is not None and span.root.ent_type_ == "DATE"):
        return []
    try:
        if match["thousands"]:
            year = text2num(" ".join(match["thousands"].lower().split()), "en")
        else:
            low = 0 if match["hundred"] else text2num((match["oh"] or match["low"]).lower(), "en")
            year = text2num(match["high"].lower(), "en") * 100 + low
    except ValueError:
        return []
    return [(start, end, "DATE", f"{year:04d}")] if 1000 <= year <= 2099 else []


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
    if not (is_date or match["edge"] or previous_word(text, start) in YEAR_CUES or _year_of_a_thing(reading, end)):
        return []
    return [(*match.span(), "DATE", match["year"])]


POSSESSIVES = {"his", "her", "its", "their", "our", "my", "your", "whose"}


def _year_of_a_thing(reading: Reading, end: int) -> bool:
    """'her 2010 novel', 'whose 2018 tour': a year between a possessive and one thing (not a count of
    things: 'its 1600 employees')."""
    following = reading.token_after(end)
    if following is None or following.tag_ not in ("NN", "NNP") or following.idx - end > 1:
        return False
    number = following.doc[following.i - 1]
    return number.i > 0 and number.doc[number.i - 1].lower_ in POSSESSIVES


def norm_short_year(match: re.Match, reading: Reading) -> list[Found]:
    """"in '98": a year where a word before says so."""
    if previous_word(reading.text, match.start()) not in YEAR_CUES:
        return []
    return [(*match.span("x"), "DATE", f"{year_of(match['x'], reading):04d}")]


def norm_season(match: re.Match, reading: Reading) -> list[Found]:
    start, end = match.span("x")
    word, relation = match["season"].lower(), (match["rel"] or "").lower()
    if not (relation or match["year"] or match["edge"]):
        return []
    if relation == "the" and not match["year"] and previous_word(reading.text, start) not in (
            "in", "during", "over", "by", "until", "through", "since", "for", "of"):
        return []
    name = reading.span(*match.span("season"))
    following = reading.doc[name.end] if name is not None and name.end < len(reading.doc) else None
    if following is not None and following.is_title and following.pos_ == "PROPN":
        return []  # "the Spring Revolution", "the Summer Olympics": a name
    code = WORDS["seasons"][word]
    if match["year"]:
        return [(start, end, "DATE", f"{year_of(match['year'], reading):04d}-{code}")]
    if reading.anchor is None:
        return [(start, end, "DATE", f"XXXX-{code}")]
    relation_key = {"this past": "last", "the coming": "next", "this coming": "next"}.get(relation, relation)
    if relation_key in ("the", ""):  # "in the summer", "in late spring": the one the tense points to
        tense = reading.tense(start, end)
        first, last = timex.SEASON_MONTHS[code]
        relation_key = ("last" if tense < 0 and first > reading.anchor.month
                        else "next" if tense > 0 and last < reading.anchor.month and code != "WI" else "")
    return [(start, end, "DATE", f"{timex.season_year(reading.anchor, code, relation_key):04d}-{code}")]


def norm_seasons_ago(match: re.Match, reading: Reading) -> list[Found]:
    """'two summers ago': that season so many years before the publication's."""
    count, code = timex.number_value(match["num"]), WORDS["seasons"][match["season"].lower()]
    if count is None or count != int(count) or count < 1:
        return []
    year = f"{reading.anchor.year - int(count):04d}" if reading.anchor else "XXXX"
    return [(*match.span("x"), "DATE", f"{year}-{code}")]


def norm_quarter(match: re.Match, reading: Reading) -> list[Found]:
    if match["q"]:
        year = match["qyear"] or (str(reading.anchor.year) if reading.anchor else "XXXX")
        return [(*match.span(), "DATE", f"{year}-Q{match['q']}")]
    number = WORDS["ordinals"][match["ord"].lower()]
    kind = "Q" if match["kind"].lower() == "quarter" else "H"
    count = 4 if kind == "Q" else 2
    if number > count or (kind == "H" and not (match["year"] or match["year0"] or match["rel"])):
        return []  # "the first half" alone is as often a match's as a year's
    if match["year"] or match["year0"]:  # "the third quarter of 2004", "the 2004 third quarter"
        year = match["year"] or match["year0"]
    elif reading.anchor:
        year = str(reading.anchor.year + {"last": -1, "next": 1}.get((match["rel"] or "").lower(), 0))
    else:
        year = "XXXX"
    if number == -1:
        if match["year"] or match["year0"] or match["rel"]:
            number = count
        elif reading.anchor:  # "the last quarter": the one before this
            this = (reading.anchor.month - 1) * count // 12 + 1
            number, year = (this - 1, year) if this > 1 else (count, str(int(year) - 1))
        else:
            number = count
    return [(*match.span(), "DATE", f"{year}-{kind}{number}")]
