"""Normalisers of durations ("almost seven years", "a two-hour delay", "between 12 and 18 months") and of sets,
times that recur ("every Monday", "twice a week", "daily").
"""

from __future__ import annotations

import re

from .. import timex
from ..timex import WORDS
from .patterns import NUMBER, NUMBER_WORD, UNIT, extent, previous_word
from .reading import Found, Reading


def norm_set_every(match: re.Match, reading: Reading) -> list[Found]:
    if match["wd"]:  # "every Monday", "each Thursday", "every other Saturday"
        return [(*match.span(), "SET", f"XXXX-WXX-{WORDS['weekdays'][match['wd'].lower()]}")]
    if match["mon"]:  # "every March"
        return [(*match.span(), "SET", f"XXXX-{WORDS['months'][match['mon'].lower().rstrip('.')]:02d}")]
    if match["ord"]:  # "the first of every month"
        day = WORDS["ordinals"][match["ord"].lower()]
        return [(*match.span(), "SET", f"XXXX-XX-{day:02d}")] if 1 <= day <= 31 else []
    word = " ".join(match["unit"].lower().split())
    if word in WORDS["set_day_kinds"]:  # "every weekday": daily, on the days of that kind
        return [(*match.span("x"), "SET", WORDS["set_day_kinds"][word])]
    if word in WORDS["parts_of_day"]:
        return [(*match.span("x"), "SET", f"XXXX-XX-XXT{WORDS['parts_of_day'][word]}")]
    if word in WORDS["seasons"]:
        return [(*match.span("x"), "SET", f"XXXX-{WORDS['seasons'][word]}")]
    amount = timex.number_value(match["num"]) if match["num"] else 1
    return [(*match.span("x"), "SET", timex.duration(amount or 1, timex.canonical_unit(word)))]


# "170,000 people a year", "three games a week": a count of things before the unit makes it a rate; a
# preposition between ("2 games in a year") makes it a length.
COUNTED_THING = re.compile(rf"(?:\d|\b{NUMBER_WORD})\s+(?!(?:in|for|within|after|over|of|than|about|under|by|"
                           rf"once|per)\b)[a-z]+\s+$", re.I)


def norm_set_rate(match: re.Match, reading: Reading) -> list[Found]:
    """'twice a week', and 'a year' after an amount ('$5m a year'); a bare 'a year' is a duration."""
    before = reading.text[max(0, match.start() - 30):match.start()]
    if match["each"]:  # "six days a week", "three hours a day": a smaller unit in each larger one
        order = timex.DURATION_ORDER
        each = timex.canonical_unit(match["each"].split()[-1])
        unit = timex.canonical_unit(match["unit"])
        if each not in order or unit not in order or order.index(each) <= order.index(unit):
            return []
    amount_before = re.search(r"(?:\d|%|illion|bn|m|k|[$£€]\S*)\s*$", before) or COUNTED_THING.search(before)
    if not match["times"] and not amount_before:
        return []
    return [(*match.span("x"), "SET", timex.duration(1, timex.canonical_unit(match["unit"])))]


def norm_set_adverb(match: re.Match, reading: Reading) -> list[Found]:
    """'weekly', 'twice daily'; not the adjective of a thing done ('daily tasks', 'a weekly column')."""
    word = reading.span(*match.span("x"))
    if word is not None and word.root.dep_ == "amod" and word.root.head.pos_ == "NOUN":
        return []
    return [(*match.span("x"), "SET", WORDS["set_frequencies"][match["adverb"].lower()])]


# Words before "a quarter" that make it a fraction.
FRACTION_CUES = {"by", "almost", "nearly", "about", "around", "roughly", "than", "over", "under", "just", "some"}


def norm_duration(match: re.Match, reading: Reading) -> list[Found]:
    start, end = match.span("x")
    unit = timex.canonical_unit(match["unit"])
    if unit not in WORDS["units"] and unit not in ("millennium",):
        return []
    if unit == "quarter" and (re.match(r"\s+of\b", reading.text[end:])
                              or previous_word(reading.text, start) in FRACTION_CUES):
        return []  # "a quarter of respondents", "fell by almost a quarter": a fraction, not three months
    if match["fuzzy"]:
        amount = None
    else:
        amount = timex.number_value(match["num"])
        if amount is None:
            return []
        if match["half"] or match["half2"]:  # "two and a half hours", "three hours and a quarter"
            amount += 0.25 if match["half2"] and match["half2"].lower().endswith("quarter") else 0.5
    if match["ago"]:
        if amount is None or unit not in timex.STEPS:
            return [(start, end, "DATE", "PAST_REF")]
        if unit == "hour" or unit == "minute":
            return [(start, end, "DURATION", timex.duration(amount, unit))]
        if match["ago_unit"] and reading.anchor is not None:  # "40 years ago this month": that month then
            then = reading.anchor - timex.STEPS[unit] * int(amount)
            return [(start, end, "DATE", timex.written(then, timex.GRANULARITY[match["ago_unit"].lower()]))]
        return [(start, end, "DATE", timex.shifted(reading.anchor, unit, -int(amount)))]
    if match["later"]:
        if amount is None or amount != int(amount) or unit not in timex.NEEDED_PRECISION:
            end = match.start("later")  # "six minutes later": a length, which checks compare
        else:  # "two days later": a date, counted from the one mentioned last
            sign = -1 if match["later"].strip().lower() == "earlier" else 1
            return [(start, end, "DATE", timex.anchored(sign * int(amount), unit))]
    if unit == "weekend" or (unit == "day" and match["num"] and match["num"].lower() in ("a", "an")
                             and previous_word(reading.text, start) in ("once", "twice", "times")):
        return []
    if re.match(r"\s*-?old\b", reading.text[end:end + 6]):
        return []
    if unit == "second" and amount == 1 and (re.match(r"\s+[a-z]", reading.text[end:end + 3]) and not re.match(
            r"\s+(?:later|earlier|ago|before|after|or|of|to|and|too|longer)\b", reading.text[end:end + 10])
            or _ordinal_modifier(reading, start, end)):
        return []  # "a second device", "a second, longer walk": the ordinal
    return [(start, end, "DURATION", timex.duration(amount, unit))]


def _ordinal_modifier(reading: Reading, start: int, end: int) -> bool:
    """Whether the parse makes the expression's last word modify a noun ("a second, longer walk")."""
    span = reading.span(start, end)
    return span is not None and span[-1].dep_ == "amod"


DURATION_PIECE = re.compile(rf"(?P<num>{NUMBER})[\s-]+(?P<unit>{UNIT})")


def _compound_value(text: str) -> str | None:
    """'two hours and 25 minutes', 'two-hour-25-minute' → PT2H25M: each unit smaller than the one before,
    none repeated; None otherwise."""
    pieces = []
    for piece in DURATION_PIECE.finditer(text):
        value, unit = timex.number_value(piece["num"]), timex.canonical_unit(piece["unit"])
        if value is None or value != int(value) or unit not in timex.DURATION_CODES:
            return None
        pieces.append((int(value), unit))
    order = [unit for unit in timex.DURATION_ORDER]
    ranks = [order.index(unit) if unit in order else -1 for _, unit in pieces]
    if -1 in ranks or ranks != sorted(set(ranks)):
        return None
    return timex.compound_duration(pieces)


def norm_duration_compound(match: re.Match, reading: Reading) -> list[Found]:
    value = _compound_value(match["x"])
    return [(*match.span("x"), "DURATION", value)] if value else []


def norm_duration_range(match: re.Match, reading: Reading) -> list[Found]:
    """'between 12 and 18 months': two durations in the unit named once."""
    low, high = timex.number_value(match["low"]), timex.number_value(match["num"])
    if low is None or high is None or low >= high:
        return []
    unit = timex.canonical_unit(match["unit"])
    return [(*match.span("low"), "DURATION", timex.duration(low, unit)),
            (*match.span("x"), "DURATION", timex.duration(high, unit))]


def norm_duration_adjective(match: re.Match, reading: Reading) -> list[Found]:
    if match["more"]:  # "a two-hour-25-minute journey"
        value = _compound_value(match["x"])
        return [(*match.span("x"), "DURATION", value)] if value else []
    amount = timex.number_value(match["num"])
    unit = timex.canonical_unit(match["unit"])
    if amount is None or unit == "weekend":
        return []
    amount += 0.5 if match["half"] else 0
    return [(*match.span("x"), "DURATION", timex.duration(amount, unit))]


# Words that make "the … hours" the night after midnight, not a length ("in the early hours of Sunday", "the
# small hours", "the wee hours"), from common English usage.
NIGHT_HOURS_WORDS = {"early", "small", "wee"}


def norm_duration_bare(match: re.Match, reading: Reading) -> list[Found]:
    unit = timex.canonical_unit(match["unit"] or match["unit2"])
    if previous_word(reading.text, match.start()) in NIGHT_HOURS_WORDS:
        return []
    if match["after"] and match["after"].lower() == "ago":
        return [(*match.span("x2"), "DATE", "PAST_REF")]
    return [(*extent(match), "DURATION", timex.duration(None, unit))]


def norm_duration_recent(match: re.Match, reading: Reading) -> list[Found]:
    start, end = match.span("x")
    return [(start, end, "DURATION", timex.duration(None, timex.canonical_unit(match["unit"])))]


def norm_duration_vague(match: re.Match, reading: Reading) -> list[Found]:
    return [(*match.span("x"), "DURATION", "PX")]
