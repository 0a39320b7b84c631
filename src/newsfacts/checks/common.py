"""What every check needs: sentences, hedges, verdicts, calendar arithmetic."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

from .. import timex
from ..lexicon import data_table
from ..nlp import Parsed
from ..schema import TimeExpression


CUES = data_table("check_words")
# The figures stage reads these approximators; how far each widens a figure is the checks' business.
HEDGES = {word: tuple(bounds) for word, bounds in data_table("figure_words")["hedges"].items()
          if not word.startswith("_")}
# A hedge before a figure the figures and times stages leave out of its text: "for almost three years", "or about
# 25%" (a pattern piece, optional, with the space after it).
HEDGED = r"(?:(?:" + "|".join(re.escape(word) for word in sorted(HEDGES, key=len, reverse=True)) + r")\s+)?"

# Groups that between them make up a whole ("men, women, children"), a noun in one form ("child" → "children").
PARTITIONS = [frozenset(row) for row in CUES["partitions"]["rows"]]
GROUP_FORMS = CUES["partitions"]["forms"]


def side_by_side(nouns: set[str]) -> bool:
    """Whether counted nouns are groups of one partition ('four men, two women and two children'): none of them
    is the sum of the others."""
    groups = {GROUP_FORMS.get(noun, noun) for noun in nouns}
    return len(groups) > 1 and any(groups <= row for row in PARTITIONS)


CLOCK_VALUE = re.compile(r"^(\d{4}-\d\d-\d\d|XXXX-XX-XX)T(\d\d):(\d\d)$")
MINUTES = {"H": 60, "M": 1, "S": 1 / 60}
CALENDAR_UNITS = {"D": "day", "W": "week", "M": "month", "Y": "year", "DE": "decade", "CE": "century"}
NUMBER_WORDS = "|".join(sorted((w for w in timex.WORDS["number_words"] if " " not in w and w not in ("a", "an")),
                               key=len, reverse=True))
NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|(?i:(?:{NUMBER_WORDS})(?:-(?:{NUMBER_WORDS}))?))"


def words_pattern(words: list[str]) -> str:
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def sentences(parsed: Parsed) -> list[Sentence]:
    # Sliced from the article text: spaCy's Span.text rebuilds the string from the tokens.
    return [Sentence(s.start_char, s.end_char, parsed.text[s.start_char:s.end_char]) for s in parsed.doc.sents]


def sentence_of(spans: list[Sentence], offset: int) -> Sentence | None:
    return next((s for s in spans if s.start <= offset < s.end), None)


def hedge(text: str, start: int, expression: str) -> str:
    """The hedge on a stated figure ("about 50 minutes", "almost seven years"), or ''."""
    for word in sorted(HEDGES, key=len, reverse=True):
        if expression.lower().startswith(word + " ") or re.search(rf"\b{re.escape(word)}\s+$",
                                                                  text[max(0, start - 15):start], re.I):
            return word
    return ""


def agrees(actual: float, stated: float, hedged: str) -> bool:
    low, high = HEDGES.get(hedged, (1.0, 1.0))
    return stated * low - 1e-9 <= actual <= stated * high + 1e-9


def verdict(consistent: bool) -> str:
    return "consistent" if consistent else "inconsistent"


def amount(value: str) -> tuple[float, str, bool] | None:
    """A stated length in one unit: 'PT2H25M' → (145, 'M', True) in minutes, 'P19M' → (19, 'M', False);
    None for fuzzy durations and mixed calendar units."""
    parts = timex.duration_parts(value)
    if not parts:
        return None
    if all(unit in ("hour", "minute", "second") for _, unit in parts):
        return sum(n * MINUTES[unit[0].upper()] for n, unit in parts), "M", True
    code = next((code for code, name in CALENDAR_UNITS.items() if name == parts[0][1]), None)
    if len(parts) == 1 and code is not None:  # a weekend or a millennium is no unit to count by
        return parts[0][0], code, False
    return None


def plain(number: float) -> str:
    return str(int(number)) if number == int(number) else f"{number:g}"


def minutes_text(minutes: float) -> str:
    hours, rest = divmod(int(round(minutes)), 60)
    return f"{hours} h {rest} min" if hours else f"{rest} min"


def interval(value: str) -> tuple[date, date] | None:
    """The first and last day a resolved year, month or day value covers (not a time of day's)."""
    span = timex.calendar_span(value)
    return span[:2] if span is not None and span[2] in ("Y", "M", "D") and "T" not in value else None


def of_these_days(parsed: Parsed, when: TimeExpression) -> bool:
    """A date within a fortnight of publication ('on Wednesday')."""
    return abs((interval(when.value)[0] - parsed.published).days) <= 14


def whole_units(begin: date, end: date, unit: str) -> int:
    delta = relativedelta(end, begin)
    if unit in ("day", "week"):
        return (end - begin).days // (1 if unit == "day" else 7)
    months = delta.years * 12 + delta.months
    return {"month": months, "year": months // 12, "decade": months // 120, "century": months // 1200}[unit]


# What may join a date and its "N years ago": "in 1998, 27 years ago", "27 years ago, in 1998", "in 1980, was
# 40 years ago", "in 1996, exactly 30 years ago" (the hedge itself is read by `hedge`).
APPOSITION = {"", "in", "back in", "on", "was", "is", "exactly", "just"} | set(HEDGES)


def apposed(text: str, one: TimeExpression, other: TimeExpression) -> bool:
    first, second = sorted((one, other), key=lambda t: t.start)
    return first.end <= second.start and text[first.end:second.start].strip(" ,(–—-").lower() in APPOSITION


# "seven years later", "two days earlier", "27 years ago": a date counted from another one.
COUNTED = re.compile(r"^(?:.*?\s)??(?P<n>half\s+an?|[\w-]+)\s+(?P<unit>[a-z]+)\s+(?P<way>later|earlier|ago)$", re.I)


def counted_from(expression: str) -> tuple[float, str, str] | None:
    """'seven years later' → (7, 'year', 'later'): the count, calendar unit and direction of a date written as
    counted from another; None for any other expression."""
    counted = COUNTED.match(expression)
    count = timex.number_value(counted["n"]) if counted else None
    unit = timex.canonical_unit(counted["unit"]) if counted else None
    if count is None or unit not in CALENDAR_UNITS.values():
        return None
    return count, unit, counted["way"].lower()


def counted_verdict(text: str, stated: TimeExpression, count: float, unit: str, begin: tuple[date, date],
                    end: tuple[date, date]) -> tuple[str, str]:
    """Whether `count` whole units fit between two stretches of days, as few or as many as their first and
    last days allow; and that number shown."""
    hedged = hedge(text, stated.start, stated.text)
    if unit in ("decade", "century"):
        # Counted in years, a year short still rounding up: "a decade ago" said of nine years and ten months.
        fewest, most = whole_units(begin[1], end[0], "year"), whole_units(begin[0], end[1], "year")
        status = verdict(any(agrees((n + 1) // YEARS_IN[unit], count, hedged) or agrees(n, count * YEARS_IN[unit], hedged)
                             for n in range(fewest, most + 1)))
        years = plain(fewest) if fewest == most else f"{fewest}–{most}"
        rounded = sorted({(n + 1) // YEARS_IN[unit] for n in (fewest, most)})
        return status, f"{years} years, i.e. " + "–".join(str(n) for n in rounded)
    if unit == "week":  # "nearly two weeks later" of 12 days: weeks counted in days, not whole
        fewest_weeks, most_weeks = (end[0] - begin[1]).days / 7, (end[1] - begin[0]).days / 7
        low, high = HEDGES.get(hedged, (1.0, 1.0))
        status = verdict(fewest_weeks <= count * high + 1e-9 and most_weeks >= count * low - 1e-9)
        return status, plain(round(fewest_weeks, 1)) if fewest_weeks == most_weeks else (
            f"{plain(round(fewest_weeks, 1))}–{plain(round(most_weeks, 1))}")
    fewest, most = whole_units(begin[1], end[0], unit), whole_units(begin[0], end[1], unit)
    fits = any(agrees(n, count, hedged) for n in range(fewest, most + 1))
    if not fits:
        # Counted in parts of units too: "almost five years" of 4 years 11 months, "21 months ago" of 20
        # months and 28 days (a whole number said of what is nearer to it than to the one below)
        shortest, longest = fractional_units(begin[1], end[0], unit), fractional_units(begin[0], end[1], unit)
        low, high = HEDGES.get(hedged, (1.0, 1.0))
        if hedged:
            fits = count * low - 1e-9 <= longest and shortest <= count * high + 1e-9
        else:
            fits = round(shortest) <= count <= round(longest)
    return verdict(fits), plain(fewest) if fewest == most else f"{fewest}–{most}"


# Days in a calendar unit, on average, for lengths counted in parts of units.
DAYS_IN = {"day": 1, "week": 7, "month": 365.25 / 12, "year": 365.25}


def fractional_units(begin: date, end: date, unit: str) -> float:
    return (end - begin).days / DAYS_IN[unit] if unit in DAYS_IN else float(whole_units(begin, end, unit))


# Lengths counted in years between two years: "a decade, from 2014 to 2024".
YEARS_IN = {"year": 1, "decade": 10, "century": 100}


def proportion(found: re.Match) -> float | None:
    """'one in four' → 25.0; None for '60 in 2023'."""
    part, whole = timex.number_value(found["part"]), timex.number_value(found["whole"])
    return round(100 * part / whole, 2) if part and whole and part < whole <= 100 else None


# "one in four homes", "3 in 10 tenants": a share as a proportion.
ONE_IN = re.compile(rf"\b(?P<n>(?P<part>\d+|{NUMBER_WORDS})\s+in\s+(?P<whole>\d+|{NUMBER_WORDS}))\b(?!\s*%)", re.I)
