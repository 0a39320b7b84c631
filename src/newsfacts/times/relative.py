"""Normalisers of dates counted from the publication date or from the date mentioned last: "last week",
"yesterday", "this morning", "the day before", "overnight", "this season", "since then", "now".
"""

from __future__ import annotations

import re

from .. import timex
from ..timex import WORDS
from .patterns import extent, previous_word
from .reading import Found, NAMED_TYPES, Reading, has_modal


LENGTH_PREPOSITIONS = {"over", "for", "during", "within", "throughout"}


def norm_relative(match: re.Match, reading: Reading) -> list[Found]:
    relation, unit = " ".join(match["rel"].lower().split()), match["unit"].lower()
    # "the prior year" compares with the year before the one reported on, in results as in budgets
    relation = {"the prior": "last", "prior": "last"}.get(relation, relation)
    span = match.span()
    counted = unit in timex.NEEDED_PRECISION and not match["edge"]
    before = previous_word(reading.text, span[0]).strip("\"“‘'(")
    if relation in ("the following", "the previous") and counted and before not in LENGTH_PREPOSITIONS:
        # "the following month he was freed"; "over the following month" is a length
        return [(*span, "DATE", timex.anchored(1 if relation == "the following" else -1, unit))]
    if relation in ("the past", "the last", "the next", "the coming", "the following", "the previous", "a"):
        if match["edge"]:
            return []
        return [(*span, "DURATION", timex.duration(1, unit))] if relation != "a" else []
    if relation == "the" and re.match(r"\s+of\s", reading.text[span[1]:span[1] + 4]):
        return []  # "the weekend of 22 and 23 February": the dates that follow say which
    if relation == "the" and unit == "weekend" and not match["edge"]:
        if reading.anchor is None:
            return [(*span, "DATE", timex.UNRESOLVED["WE"])]
        # "over the weekend": the one just gone in past narration, else the coming one (ISO weeks end on Sunday)
        past = reading.tense(*span) < 0 and reading.anchor.isoweekday() < 6
        return [(*span, "DATE", timex.shifted(reading.anchor, "weekend", -1 if past else 0))]
    if relation == "the" and not match["edge"]:
        return []
    steps = {"last": -1, "next": 1, "this coming": 1}.get(relation, 0)
    if relation in ("the same", "that"):  # "that year": the one mentioned last
        return [(*span, "DATE", timex.anchored(0, unit) if counted else timex.UNRESOLVED[timex.GRANULARITY[unit]])]
    return [(*span, "DATE", timex.shifted(reading.anchor, unit, steps))]


def norm_counted_from(match: re.Match, reading: Reading) -> list[Found]:
    """'three days after tomorrow', 'two weeks from Monday', 'the day before yesterday': counted from the
    day named."""
    base_word = match["base"].lower()
    if match["num"]:
        amount, unit = timex.number_value(match["num"]), timex.canonical_unit(match["unit"])
    else:
        amount, unit = 1, "day"
    if amount is None or amount != int(amount) or unit not in timex.STEPS or unit == "weekend":
        return []
    sign = -1 if match["rel"].lower() == "before" else 1
    if reading.anchor is None:
        return [(*match.span("x"), "DATE", "XXXX-XX-XX")]
    if base_word in WORDS["weekdays"]:
        base = timex.weekday_date(reading.anchor, WORDS["weekdays"][base_word], 1)
    else:
        base = reading.anchor + timex.STEPS["day"] * WORDS["deictic_days"].get(base_word, 0)
    return [(*match.span("x"), "DATE", (base + timex.STEPS[unit] * (sign * int(amount))).isoformat())]


def norm_deictic(match: re.Match, reading: Reading) -> list[Found]:
    start, end = match.span()
    word = match["deixis"].lower()
    name = reading.span(*match.span("deixis"))
    if name is None or name.root.ent_type_ in NAMED_TYPES:  # "USA Today"
        return []
    pod = match["pod"].lower() if match["pod"] else ("night" if word == "tonight" else "")
    if word == "today" and not match["edge"] and has_modal(reading, start, end):
        return [(start, end, "DATE", "PRESENT_REF")]
    if reading.anchor is None:
        day = "PRESENT_REF" if word in ("today", "tonight") else "XXXX-XX-XX"
    else:
        day = timex.shifted(reading.anchor, "day", WORDS["deictic_days"][word])
    if pod:
        return [(start, end, "TIME", f"{day if day != 'PRESENT_REF' else 'XXXX-XX-XX'}T{WORDS['parts_of_day'][pod]}")]
    return [(start, end, "DATE", day)]


def norm_daypart(match: re.Match, reading: Reading) -> list[Found]:
    relation, pod = match["rel"].lower(), match["pod"].lower()
    steps = {"last": -1 if pod in ("night", "evening") else 0, "yesterday": -1, "tomorrow": 1}.get(relation, 0)
    if relation == "last" and steps == 0:
        return []
    day = timex.shifted(reading.anchor, "day", steps)
    return [(*match.span(), "TIME", f"{day}T{WORDS['parts_of_day'][pod]}")]


# How many days from the date last mentioned each word moves ("the next day", "the night before").
OTHER_DAY_STEPS = {"next": 1, "following": 1, "after": 1, "previous": -1, "before": -1, "same": 0, "that": 0}


def norm_other_day(match: re.Match, reading: Reading) -> list[Found]:
    """'the day before', 'the next morning', 'that night': counted from the date last mentioned. 'The day
    after the vote' counts from the vote, which is not a date: it stays unresolved."""
    if match["x2"]:
        unit = match["pod2"].lower()
        return [(*match.span("x2"), "DATE", timex.UNRESOLVED[timex.GRANULARITY.get(unit, "D")])]
    word = (match["side"] or match["which"] or match["which2"]).lower()
    pod = (match["pod"] or match["pod3"]).lower()
    if pod in ("week", "month", "year"):  # "the week before"
        return [(*extent(match), "DATE", timex.anchored(OTHER_DAY_STEPS[word], pod))]
    code = "" if pod == "day" else WORDS["parts_of_day"][pod]
    return [(*extent(match), "TIME" if code else "DATE", timex.anchored(OTHER_DAY_STEPS[word], "day", code))]


def norm_part_of_told_day(match: re.Match, reading: Reading) -> list[Found]:
    """'crews worked through the night', 'in the afternoon': that part of the story's day, the first day it
    names (else the publication date); not a part of the day naming a thing ('in the night sky')."""
    start, end = match.span("x")
    following = reading.token_after(end)
    if following is not None and following.pos_ in ("NOUN", "PROPN") and following.idx == end + 1:
        return []
    return [(start, end, "TIME", f"{timex.TOLD_DAY}T{WORDS['parts_of_day'][match['pod'].lower()]}")]


def norm_overnight(match: re.Match, reading: Reading) -> list[Found]:
    """'flooded overnight': the night before the publication date in past narration, else the coming one;
    'an overnight stay' (the adjective) is not a time."""
    start, end = match.span("x")
    word = reading.span(start, end)
    if word is None or word.root.pos_ == "ADJ":
        return []
    day = timex.shifted(reading.anchor, "day", -1 if reading.tense(start, end) < 0 else 0)
    return [(start, end, "TIME", f"{day}T{WORDS['parts_of_day']['overnight']}")]


# From this month on, "the new year" is the coming one; before it, the one just begun.
NEW_YEAR_FROM_MONTH = 7


def norm_new_year(match: re.Match, reading: Reading) -> list[Found]:
    """'in the new year': the year about to begin when said in a year's second half, else the current one."""
    if reading.anchor is None:
        return [(*match.span(), "DATE", "XXXX")]
    year = reading.anchor.year + (reading.anchor.month >= NEW_YEAR_FROM_MONTH)
    return [(*match.span(), "DATE", f"{year:04d}")]


def norm_season_ref(match: re.Match, reading: Reading) -> list[Found]:
    """'this season', 'last season': a sporting or theatre season, which no calendar value names."""
    return [(*match.span(), "DATE", WORDS["season_references"][match["rel"].lower()])]


def norm_then(match: re.Match, reading: Reading) -> list[Found]:
    return [(*match.span("x"), "DATE", timex.THEN)]


MODALS = {"can", "could", "will", "would", "shall", "should", "may", "might", "must", "'ll"}


def _state_now(word) -> bool:
    """'now' that tells how things stand rather than when: before the verb of its clause ("the shop now
    runs 14 branches", "she has now won twice") or an age ("Ann Hale, now 54,"), as news writes it; not
    "Now, the firm …", "can now take", "admitted it now", "from now"."""
    head = word.head
    if head.tag_ == "CD":
        return True
    before = word.doc[word.i - 1] if word.i > 0 else None
    return (word.dep_ == "advmod" and head.pos_ in ("VERB", "AUX") and head.i > word.i and not word.is_sent_start
            and before is not None and (not before.is_punct or any(
                child.dep_ in ("nsubj", "nsubjpass") and child.i < word.i for child in head.children))
            and not any(child.lower_ in MODALS for child in head.children if child.dep_ == "aux"))


def norm_ref(match: re.Match, reading: Reading) -> list[Found]:
    text = " ".join(match["x"].lower().split())
    if re.match(r"-\w", reading.text[match.end("x"):match.end("x") + 2]):
        return []  # "the now-defunct bank": part of a word
    for kind in ("present", "past", "future"):
        if text in WORDS[f"{kind}_words"]:
            start, end = match.span("x")
            if text.startswith("in ") or text.startswith("at ") and kind != "past":
                start += 3
            last = reading.span(end - 1, end)
            if text.endswith(("past", "future")) and last is not None and last.root.pos_ != "NOUN":
                return []  # "the past nine elections": an adjective, not the past
            if text == "now" and last is not None and _state_now(last.root):
                return []
            return [(start, end, "DATE", f"{kind.upper()}_REF")]
    return []
