"""`duration`: a stated length against the two clock times or dates that bound it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from spacy.tokens import Token

from .. import timex
from ..lexicon import data_table
from ..nlp import Parsed
from ..schema import Check, FactSheet, TimeExpression
from .common import (
    CALENDAR_UNITS, CLOCK_VALUE, CUES, HEDGES, MINUTES, Sentence, YEARS_IN, agrees, amount, apposed, counted_from,
    counted_verdict, hedge, interval, minutes_text, plain, sentence_of, verdict, words_pattern,
)


# ------------------------------------------------------------------------------------------ duration

def duration_checks(parsed: Parsed, sheet: FactSheet, spans: list[Sentence]) -> Iterator[Check]:
    """A stated length against the two clock times of its sentence, or the story's only two clock times,
    or a clock time and the earlier one of the thing it is counted from, or two dates stated in its
    sentence."""
    clocks = moments(parsed.text, [t for t in sheet.times if t.type == "TIME" and CLOCK_VALUE.match(t.value)
                                   and not BOUND_ONLY.search(parsed.text[max(0, t.start - 20):t.start])])
    for stated in sheet.times:
        figure = amount(stated.value) if stated.type == "DURATION" else None
        if figure is None or parsed.text[stated.end:stated.end + 4].lower().startswith(" ago"):
            continue
        sentence = sentence_of(spans, stated.start)
        here = [t for t in clocks if sentence and sentence.start <= t.start < sentence.end]
        since = since_clock(parsed, stated, here, clocks) if figure[2] else None
        told_next_door = told_beside(parsed, sheet.times, stated, spans, clocks) if figure[2] and not here else None
        if since is not None:
            yield from clock_check(parsed, sheet, stated, figure, since)
        elif figure[2] and len(here) == 2:
            if (stated is nearest_length(parsed, sheet.times, here, sentence) and bound_stretch(parsed.text, *here)
                    and not of_a_new_thing(parsed, stated)):
                yield from clock_check(parsed, sheet, stated, figure, here)
        elif (figure[2] and len(clocks) == 2 and same_story(parsed, stated, clocks)
              and bound_stretch(parsed.text, *clocks) and not of_a_new_thing(parsed, stated)
              and (here or not COUNTED_ON.match(parsed.text, stated.end))
              and (here or not measured_beside(sheet.times, stated, clocks, spans))):
            checks = clock_check(parsed, sheet, stated, figure, clocks)
            # the story's two clock times told far apart may be of two things
            loose = sentences_apart(spans, stated, clocks) > PAIR_REACH
            yield from (check for check in checks if not loose or check.status == "consistent")
        elif told_next_door is not None:
            yield from clock_check(parsed, sheet, stated, figure, told_next_door)
        elif figure[2] and (later := counted_later(parsed, stated, here, clocks, spans)) is not None:
            yield from clock_check(parsed, sheet, stated, figure, later)
        elif figure[2] and sentence is not None and (agreed := one_agreeing_pair(
                parsed, sheet, stated, figure, here, clocks, spans)) is not None:
            yield agreed
        elif not figure[2] and sentence is not None and not NAMED_STRETCH.fullmatch(stated.text):
            dates = calendar_dates(sheet, sentence)
            check = None
            if len(dates) == 2 and len(dates[0].value) == len(dates[1].value) and (
                    joined_as_range(parsed.text, *dates) or runs_until(parsed.text, stated, dates)
                    or ends_after(parsed.text, stated, dates)):
                check = date_span_check(parsed.text, stated, figure, dates)
            else:
                # told less tightly: the dates are taken as its ends only when they agree with it
                ends = runs_before(parsed.text, stated, dates) or ended_after_the_last(parsed, sheet, stated, spans,
                                                                                      dates)
                check = date_span_check(parsed.text, stated, figure, ends) if ends else None
                check = check if check is not None and check.status == "consistent" else None
            if check is not None:
                yield check
    yield from counted_date_checks(parsed, sheet, spans)


# "from Monday 7 to Friday 11 December, the last week of term", "in the past week": a stretch named by where it
# falls, not a length counted between the sentence's dates.
NAMED_STRETCH = re.compile(r"the\s+(?:last|first|final|past|previous|next|coming|same|whole|entire)\s+\w+", re.I)

# "Ten minutes later they left": a length counted on from the moment told before it, which, with no clock time
# in its sentence, is not one of the story's clock times.
COUNTED_ON = re.compile(r"\s+(?:later|earlier)\b", re.I)

# How many sentences before a length the clock times it may run between are looked for.
PAIR_REACH = 3

# A clock time a thing ran past or into is a bound it crossed, not where it began or ended.
BOUND_ONLY = re.compile(r"\b(?:past|beyond|into)\s+(?:the\s+)?$", re.I)


def sentences_apart(spans: list[Sentence], stated: TimeExpression, clocks: list[TimeExpression]) -> int:
    """How many sentences lie between the first and the last of a length and its clock times."""
    index = [next((i for i, s in enumerate(spans) if s.start <= t.start < s.end), 0) for t in [stated, *clocks]]
    return max(index) - min(index)


def one_agreeing_pair(parsed: Parsed, sheet: FactSheet, stated: TimeExpression, figure: tuple[float, str, bool],
                      here: list[TimeExpression], clocks: list[TimeExpression],
                      spans: list[Sentence]) -> Check | None:
    """A length told apart from the clock times it runs between: 'Crews arrived at 3.05pm. … a response time of
    just under 20 minutes' (two clock times told one after the other in the sentences before it), 'worked for
    more than nine hours; the last was freed at 4.55pm' (an earlier clock time and the one after it in its
    sentence). Which two are meant is not said, so the length is checked only when exactly one such pair
    agrees with it, and never called wrong."""
    if of_a_new_thing(parsed, stated):
        return None
    index = next(i for i, s in enumerate(spans) if s.start <= stated.start < s.end)
    if len(here) == 1 and here[0].start >= stated.end:
        pairs = [[earlier, here[0]] for earlier in clocks if earlier.end <= spans[index].start]
    elif not here:
        near = [t for t in clocks if spans[max(0, index - PAIR_REACH)].start <= t.start < spans[index].start]
        pairs = [list(pair) for pair in zip(near, near[1:])]
        # "Listeners to a 14-hour radiothon gave … The broadcast ran from 6am to 8pm": a length naming a
        # stretch, and the two clock times bounding one in the sentence after it
        length = parsed.doc.char_span(stated.start, stated.end, alignment_mode="expand")
        after = spans[index + 1:index + 2]
        if after and not re.search(r"[.!?\"”’]\s*$", after[0].text) and index + 2 < len(spans):
            after.append(spans[index + 2])  # the parser cut a sentence short ("on 98.1 | The River ran …")
        following = [t for t in clocks if after and after[0].start <= t.start < after[-1].end]
        if length is not None and length.root.dep_ in ("amod", "compound") and len(following) == 2 and bound_stretch(
                parsed.text, *following):
            pairs.append(following)
    else:
        return None
    agreeing = [check for pair in pairs for check in clock_check(parsed, sheet, stated, figure, pair)
                if check.status == "consistent"]
    return agreeing[0] if len(agreeing) == 1 else None


def calendar_dates(sheet: FactSheet, sentence: Sentence) -> list[TimeExpression]:
    """The sentence's dates of a year, a month or a day."""
    return [t for t in sheet.times if t.type == "DATE" and sentence.start <= t.start < sentence.end
            and re.fullmatch(r"\d{4}(?:-\d\d){0,2}", t.value)]


def runs_before(text: str, stated: TimeExpression, dates: list[TimeExpression]) -> list[TimeExpression] | None:
    """'graduated in 1957 and taught for 14 years before running for the council in 1971': a length told
    after one date and ending with the thing the next date is of; those two dates."""
    before = [t for t in dates if t.end <= stated.start]
    after = [t for t in dates if t.start >= stated.end]
    if before and after and re.fullmatch(r"\s+before\b[^.;]{0,60}", text[stated.end:after[0].start], re.I):
        return [before[-1], after[0]]
    return None


def ended_after_the_last(parsed: Parsed, sheet: FactSheet, stated: TimeExpression, spans: list[Sentence],
                         dates: list[TimeExpression]) -> list[TimeExpression] | None:
    """'They married in June 1958. He died in 2019, after 61 years of marriage.': a length told after the one
    date of its sentence, counted from the last date of the sentence before."""
    if len(dates) != 1 or not ends_after(parsed.text, stated, [dates[0], dates[0]]):
        return None
    index = next((i for i, s in enumerate(spans) if s.start <= stated.start < s.end), 0)
    earlier = calendar_dates(sheet, spans[index - 1]) if index else []
    return [earlier[-1], dates[0]] if earlier else None


# A clock time restated in another zone ("7pm local time, or 10pm ET", "02:14 GMT (10:14pm EDT)"), or given
# as an alternative ("at 7pm or 8pm"), is one moment, not the ends of a stretch.
RESTATED = re.compile(r"\s*(?:local\s+time\s*)?(?:,?\s*or|\(|/)\s*", re.I)


def moments(text: str, clocks: list[TimeExpression]) -> list[TimeExpression]:
    """The clock times without those restating the one before them."""
    kept: list[TimeExpression] = []
    for clock in clocks:
        if not (kept and RESTATED.fullmatch(text[kept[-1].end:clock.start])):
            kept.append(clock)
    return kept


# Two clock times joined only by "and", "or" or a comma ("depart at 6.15am and 9.40pm daily") are a list of
# moments; "between 8pm and 11pm" and "began at 8am and ended at 2pm" bound a stretch.
LISTED = re.compile(r"\s*(?:,|,?\s*(?:and|or))\s*", re.I)


def bound_stretch(text: str, first: TimeExpression, second: TimeExpression) -> bool:
    first, second = sorted((first, second), key=lambda t: t.start)
    return (not LISTED.fullmatch(text[first.end:second.start])
            or re.search(r"\bbetween\s+$", text[max(0, first.start - 10):first.start], re.I) is not None)


def measured_beside(times: list[TimeExpression], stated: TimeExpression, clocks: list[TimeExpression],
                    spans: list[Sentence]) -> bool:
    """'The alarm went at 4.10am and the crew arrived at 4.19am, nine minutes later. … Firefighters stayed for
    three hours': the clock times' own sentence states the length between them, so a length told in another
    sentence is of some other stretch."""
    around = {(s.start, s.end) for clock in clocks if (s := sentence_of(spans, clock.start)) is not None}
    return any(t is not stated and t.type == "DURATION" and (figure := amount(t.value)) is not None and figure[2]
               and any(start <= t.start < end for start, end in around) for t in times)


def told_beside(parsed: Parsed, times: list[TimeExpression], stated: TimeExpression, spans: list[Sentence],
                clocks: list[TimeExpression]) -> list[TimeExpression] | None:
    """'The hearing began at 10.15am and ended at 11.45am. The 90-minute session …', 'It lasted six hours.
    Surgeons began at 8am and …': a length said of something already told or a pronoun ('the session',
    'it'), and the two clock times bounding a stretch in the sentence next to it. 'Polls opened at 7am and
    closed at 8pm. Counting took three hours' says it of something new."""
    index = next((i for i, s in enumerate(spans) if s.start <= stated.start < s.end), None)
    length = parsed.doc.char_span(stated.start, stated.end, alignment_mode="expand")
    if index is None or length is None or not told_before(length.root):
        return None
    for beside in (spans[index - 1] if index else None, spans[index + 1] if index + 1 < len(spans) else None):
        pair = [t for t in clocks if beside is not None and beside.start <= t.start < beside.end]
        if len(pair) == 2 and bound_stretch(parsed.text, *pair) and not measured_beside(times, stated, pair, spans):
            return pair
    return None


def of_a_new_thing(parsed: Parsed, stated: TimeExpression) -> bool:
    """'opens at 10am and closes at 5pm, and a guided tour lasts 90 minutes': a length said of a thing
    brought in with 'a', or of each of them, not of the stretch the clock times bound."""
    length = parsed.doc.char_span(stated.start, stated.end, alignment_mode="expand")
    if length is None or length.root.dep_ in ("amod", "compound", "nummod"):
        return False  # "a five-hour stretch", "A 20-minute power cut began at 7.42pm" name the stretch itself
    thing = length_bearer(length.root)
    if thing is not None and thing.lower_ in ("each", "both", "either"):
        return True  # "each takes about eight hours": a length of every one of them
    return thing is not None and any(child.dep_ == "det" and child.lower_ in ("a", "an") for child in thing.children)


def length_bearer(length: Token) -> Token | None:
    """What a length is said of: its own noun when it is an adjective ('the 90-minute session'), else its
    verb's subject ('the operation lasted six hours')."""
    if length.dep_ in ("amod", "compound", "nummod"):
        return length.head
    # the subject nearest its verb, should the parse give it two
    return max((child for child in length.head.children if child.dep_ in ("nsubj", "nsubjpass") and child is not length),
               key=lambda child: child.i, default=None)


def told_before(length: Token) -> bool:
    """Whether a length is said of a thing named with 'the', 'this', 'that' or a pronoun: its own noun when it
    is an adjective ('the 90-minute session'), else its verb's subject ('the operation lasted six hours')."""
    thing = length_bearer(length)
    if thing is None:
        return False
    return thing.pos_ == "PRON" or any(child.dep_ == "det" and child.lower_ in ("the", "this", "that")
                                       for child in thing.children)


# "arrived at 8.58pm, 13 minutes after the call": a length counted from a thing (a noun, or a clause's verb).
AFTER_THING = re.compile(r"\s+after\s+(?:(?:the|its|their|his|her|he|she|it|they|we|I)\s+)?(?P<what>[a-z][\w-]*)",
                         re.I)


def since_clock(parsed: Parsed, stated: TimeExpression, here: list[TimeExpression],
                clocks: list[TimeExpression]) -> list[TimeExpression] | None:
    """'The crew arrived at 8.58pm, 13 minutes after the call': the clock time of its sentence and the
    latest earlier one said of the same word ('was called at 8.45pm'), which the length runs between."""
    after = AFTER_THING.match(parsed.text, stated.end)
    before = [t for t in here if t.end <= stated.start]
    thing = parsed.doc.char_span(*after.span("what"), alignment_mode="expand") if after else None
    if thing is None or not before:
        return None
    end = before[-1]
    for start in reversed([t for t in clocks if t.end <= end.start]):
        word = parsed.doc.char_span(start.start, start.end, alignment_mode="expand")
        if word is not None and thing[0].lemma_ in {head.lemma_ for head in word.root.ancestors}:
            return [start, end]
    return None


def counted_date_checks(parsed: Parsed, sheet: FactSheet, spans: list[Sentence]) -> Iterator[Check]:
    """'She enrolled in 1956 and qualified seven years later, in 1963': the length between the date
    mentioned before 'later' and the date set beside it. 'Seven years later, at 30, she qualified in 1963':
    the one date after it in its sentence, taken as its end only when they agree."""
    dates = [t for t in sheet.times if t.type == "DATE" and interval(t.value)]
    for stated in (t for t in sheet.times if t.type == "DATE"):
        counted = counted_from(stated.text)
        if counted is None or counted[2] == "ago":
            continue
        count, unit, way = counted
        beside = next((t for t in dates if t is not stated and apposed(parsed.text, t, stated)), None)
        loose = beside is None
        if loose and (sentence := sentence_of(spans, stated.start)) is not None:
            later = [t for t in dates if stated.end <= t.start < sentence.end]
            beside = later[0] if len(later) == 1 else None
        origin = max((t for t in dates if t.end <= stated.start and t is not beside), key=lambda t: t.start,
                     default=None)
        if beside is None or origin is None:
            continue
        begin, end = (origin, beside) if way == "later" else (beside, origin)
        status, shown = counted_verdict(parsed.text, stated, count, unit, interval(begin.value), interval(end.value))
        if loose and status != "consistent":
            continue
        yield Check(kind="elapsed", status=status, about=[origin.text, stated.text, beside.text],
                    working=f"{begin.value} → {end.value} = {shown} {unit}s; stated {stated.text}: {status}")


def counted_later(parsed: Parsed, stated: TimeExpression, here: list[TimeExpression], clocks: list[TimeExpression],
                  spans: list[Sentence]) -> list[TimeExpression] | None:
    """'… gave way at 4.40am. Rescuers reached the site at 6.15am, more than an hour and a half later': a
    length counted on from the clock time of the sentence before to the one told just before it."""
    if len(here) != 1 or here[0].end > stated.start or not re.match(r"\s+later\b", parsed.text[stated.end:]):
        return None
    index = next((i for i, s in enumerate(spans) if s.start <= stated.start < s.end), None)
    before = spans[index - 1] if index else None
    earlier = [t for t in clocks if before is not None and before.start <= t.start < before.end]
    return [earlier[-1], here[0]] if earlier else None


def nearest_length(parsed: Parsed, times: list[TimeExpression], pair: list[TimeExpression],
                   sentence: Sentence) -> TimeExpression | None:
    """Of the clock lengths in the sentence of two clock times, the one written closest to them: in "left at
    7.45am, arrived at 10.10am, a 2h 25min trip that usually takes 50 minutes" the 50 minutes is another
    length, and so is "after a flight of three hours" beside "eight hours after …"."""
    first, last = min(t.start for t in pair), max(t.end for t in pair)
    lengths = [t for t in times if t.type == "DURATION" and (figure := amount(t.value)) and figure[2]
               and sentence.start <= t.start < sentence.end and not RANGE_START.match(parsed.text, t.end)]
    lengths = [t for t in lengths if not of_a_thing(parsed, t)] or lengths
    return min(lengths, key=lambda t: max(first - t.end, t.start - last, 0), default=None)


def of_a_thing(parsed: Parsed, stated: TimeExpression) -> bool:
    """'after a flight of three hours': a length said of a thing it names after 'of'."""
    length = parsed.doc.char_span(stated.start, stated.end, alignment_mode="expand")
    root = length.root if length is not None else None
    return root is not None and root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ == "NOUN"


def same_story(parsed: Parsed, stated: TimeExpression, clocks: list[TimeExpression]) -> bool:
    """Whether a length and clock times stated in other sentences are about one thing: the length's
    sentence shares a noun with a clock time's sentence ("the hearing … 40 minutes" and "the hearing had
    ended" after "4.35pm"), or its subject is a pronoun. "Polls close at 8pm … counting takes three hours"
    shares none."""
    def nouns(offset: int) -> set[str]:
        token = parsed.doc.char_span(offset, offset + 1, alignment_mode="expand")
        if token is None:
            return set()
        return {t.lemma_.lower() for t in token.sent if t.pos_ in ("NOUN", "PROPN") and not t.like_num
                and timex.canonical_unit(t.lower_) not in timex.WORDS["units"]}
    own = nouns(stated.start)
    if any(own & nouns(clock.start) for clock in clocks):
        return True
    # "The jury went out at 11am. After deliberating for three hours, it returned at 2.30pm": the length's
    # sentence goes on about the thing of the one before
    token = parsed.doc.char_span(stated.start, stated.end, alignment_mode="expand")
    subject = next((t for t in token.sent.root.children if t.dep_ in ("nsubj", "nsubjpass")), None) if token else None
    return subject is not None and subject.pos_ == "PRON" and subject.lower_ in ("it", "they", "he", "she")


def runs_until(text: str, stated: TimeExpression, dates: list[TimeExpression]) -> bool:
    """'In 1979 she took the post, which she held for 21 years until 2000': the length runs from the
    date before it to the date its 'until' reaches."""
    first, second = sorted(dates, key=lambda t: t.start)
    return first.end <= stated.start and re.fullmatch(r"\s+(?:until|till|up\s+to)\b[^.;]{0,40}",
                                                      text[stated.end:second.start], re.I) is not None


def ends_after(text: str, stated: TimeExpression, dates: list[TimeExpression]) -> bool:
    """'She married him in 1965; he died in 2011, after 48 years of marriage': a length told straight
    after the second date, as what had passed by then since the first."""
    first, second = sorted(dates, key=lambda t: t.start)
    return (second.end <= stated.start
            and re.fullmatch(r"\s*,?\s*(?:after|following)\s+", text[second.end:stated.start], re.I) is not None
            and LENGTH_OF_IT.match(text[stated.end:stated.end + 40]) is not None)


# "after 48 years of marriage." or "after 15 years," closes the length; "after ten years as a trader" may
# be the length of something else.
LENGTH_OF_IT = re.compile(r"(?:\s+(?:of|together|in\s+office)(?:\s+[\w'’-]+)?)?\s*[.,;]", re.I)


# "from £14m in 2020 to £20m this year": a few words (the figures at each end) may stand beside each date.
FIGURED_RANGE = re.compile(r"(?:\s+\S+){0,3}?\s+(?:to|until)(?:\s+\S+){0,3}?\s+", re.I)
FIGURED_RANGE_START = re.compile(r"\bfrom(?:\s+\S+){0,3}?\s+$", re.I)


def joined_as_range(text: str, first: TimeExpression, second: TimeExpression) -> bool:
    """'from 4 March to 25 March', 'between 2018 and 2020', '2001–2005', 'from £14m in 2020 to £20m this
    year': the two dates bound one stretch."""
    between = text[first.end:second.start]
    if between.strip().lower() in CUES["range_connectors"]:
        return True
    return (FIGURED_RANGE.fullmatch(between) is not None
            and FIGURED_RANGE_START.search(text[max(0, first.start - 40):first.start]) is not None)


def clock_check(parsed: Parsed, sheet: FactSheet, stated: TimeExpression, figure: tuple[float, str, bool],
                pair: list[TimeExpression]) -> Iterator[Check]:
    text = parsed.text
    if POSSESSIVE.match(text, stated.end):
        return  # "an hour's drive"
    if len({zone_of(text, clock) for clock in pair}) > 1:
        # "6.55am UK time … 9.10am local time (8.10am in the UK)": its restatement in the other's zone, or
        # no subtracting across time zones
        pair = in_one_zone(text, sheet, pair)
        if pair is None:
            return
    if RANGE_START.match(text, stated.end):
        return  # "six to seven minutes": the range is read at its last number
    first, second = sorted(pair, key=lambda t: t.value)
    days = [CLOCK_VALUE.match(t.value)[1] for t in (first, second)]
    told = [day_told(text, clock, sheet.times) for clock in (first, second)]
    # "opened at 9:30 a.m. and closed at 4 p.m. on Thursday": days more than one apart mean one of them was
    # a guess, so the times run in the order they are told, within a day; "at 9am on Monday … 2pm on
    # Thursday" tells both days, and no length of hours joins them. "before 6am on Saturday … until 4.15pm":
    # a day told for one only is the other's day too.
    apart = "XXXX-XX-XX" not in days and (date.fromisoformat(days[1]) - date.fromisoformat(days[0])).days
    guessed = apart and (apart > 1 or told[0] != told[1])
    across = False
    if guessed and all(told):
        # "at 8pm on Saturday … at 10am on Monday, 38 hours after": a length that reaches across the whole days
        # between them joins them; a shorter one is of something else
        if figure[0] * MINUTES[figure[1]] < (apart - 1) * MINUTES_A_DAY:
            return
        guessed = False
        # told in another sentence ("Crews spent 30 hours there"), it may be the length of something within them
        across = across_sentences(text, [stated, *pair])
    # "hit at 11pm on Tuesday and moved inland at 3am, four hours later": counted on from the one told first
    counted_on = days[0] == days[1] and re.match(r"\s+later\b", text[stated.end:]) is not None

    def in_told_order() -> tuple[TimeExpression, TimeExpression, int]:
        told_first, told_second = sorted(pair, key=lambda t: t.start)
        return told_first, told_second, (minute_of(told_second) - minute_of(told_first)) % MINUTES_A_DAY

    if guessed or counted_on:
        readings = [in_told_order()]
    else:
        gap = minute_of(second) - minute_of(first) + MINUTES_A_DAY * (apart or days[0] != days[1])
        readings = [(first, second, gap)]
    if apart == 1 and not any(told) and not counted_on:
        # "trains ran again late on Wednesday night … the fault began at 4.15pm and was cleared by 9.30pm":
        # clock times a day apart with no day written beside either had their days guessed, so they may also
        # run in the order they are told, within one day
        readings.append(in_told_order())
    stated_minutes = figure[0] * MINUTES[figure[1]]
    told_hedge = hedge(text, stated.start, stated.text)
    low, high = HEDGES.get(told_hedge, (1.0, 1.0))
    lowest = range_start(text, stated, figure)
    if lowest is not None:  # "six to seven minutes" is an estimate: read as "about" at either end
        lowest, high = lowest * HEDGES["about"][0], max(high, HEDGES["about"][1])
    else:
        lowest = stated_minutes * low
    # "a five-hour closure" from 9.05am to 2.15pm: a length in whole hours with no hedge is rounded
    slack = min(ROUNDED_TO, stated_minutes / 10) if (
        told_hedge not in HEDGES and lowest == stated_minutes and stated_minutes % 60 == 0) else 0

    def bounds(reading: tuple[TimeExpression, TimeExpression, int]) -> tuple[int, int]:
        # "just before 6am", "shortly after 1am": a clock time told roughly moves the gap by as much
        early, late = clock_hedge(text, reading[0]), clock_hedge(text, reading[1])
        return reading[2] + late[0] - early[1], reading[2] + late[1] - early[0]

    spans = [bounds(reading) for reading in readings]
    fits = any(lowest - slack - 1e-9 <= longest and shortest <= stated_minutes * high + slack + 1e-9
               for shortest, longest in spans)
    if not fits and slack and any(longest >= stated_minutes and shortest < stated_minutes + 2 * slack
                                  for shortest, longest in spans):
        return  # "a five-hour" wait of 5 h 40 min may be cut short rather than rounded: not clearly wrong
    chosen = min(range(len(readings)), key=lambda at: abs(readings[at][2] - stated_minutes))
    (first, second, gap), longest = readings[chosen], spans[chosen][1]
    if not fits and window(text, first, second):
        # "between 9.30 and 9.40", "gone by 3.20am": the clock times bound a stretch the length lies within
        fits = lowest <= longest
        if not fits:
            return
    if not fits and guessed is False and all(told) and apart > 1 and across:
        return
    status = verdict(fits)
    shown = " → ".join(f"{CLOCK_VALUE.match(t.value)[2]}:{CLOCK_VALUE.match(t.value)[3]}" for t in (first, second))
    yield Check(kind="duration", status=status,
                about=[with_day(text, first, sheet.times), with_day(text, second, sheet.times), stated.text],
                working=f"{shown} = {minutes_text(gap)}; stated {stated.text}: {status}")


# How far a length told in whole hours may be from the clock times' and still be that length rounded: a tenth of
# it ("a three-hour meeting" of 2 h 45 min, not "an hour" of 85 minutes), at most half an hour.
ROUNDED_TO = 30


def minute_of(clock: TimeExpression) -> int:
    """Minutes into the day, counted by hand: TIMEX3 writes midnight at the end of its day as 24:00, which
    datetime rejects."""
    value = CLOCK_VALUE.match(clock.value)
    return int(value[2]) * 60 + int(value[3])


def across_sentences(text: str, times: list[TimeExpression]) -> bool:
    """Whether a sentence ends between the first and the last of some expressions."""
    between = text[min(t.start for t in times):max(t.end for t in times)]
    return re.search(r"[.!?][\"”’]?\s+[\"“‘]?[A-Z]", between) is not None


def with_day(text: str, clock: TimeExpression, times: list[TimeExpression]) -> str:
    """A clock time as written with the day told right after it ('8pm on Saturday'), else alone."""
    day = next((t for t in times if t.type == "DATE" and clock.end <= t.start
                and re.fullmatch(r"[\s,]*(?:on)?\s*", text[clock.end:t.start], re.I)), None)
    return text[clock.start:day.end] if day is not None else clock.text


# A zone named after a clock time ("6.55am UK time", "0542 GMT", "midnight Mountain Time"); "local time" is the
# event's own clock, which a time with no zone is told in too.
ZONE = re.compile(r"\s*(?:\(?\s*)?(?P<zone>(?:UK|British|French|Paris|London|Eastern|Central|Mountain|Pacific|"
                  r"[A-Z][a-z]+)\s+[Tt]ime|GMT|UTC|BST|CET|CEST|EET|EEST|ET|EDT|EST|CT|CDT|CST|MT|MDT|MST|PT|PDT|PST|IST|HKT"
                  r"|JST|AEST|AEDT|in\s+the\s+UK|UK)\b")
ZONE_INSIDE = re.compile(ZONE.pattern.replace(r"\s*(?:\(?\s*)?", r"\s+", 1) + "$")
POSSESSIVE = re.compile(r"['’]s?\s+[a-z]")
RANGE_START = re.compile(r"\s*(?:to|or|-|–)\s*(?:\d|[a-z]+\s+(?:minutes?|hours?|seconds?)\b)", re.I)
RANGE_BEFORE = re.compile(r"\b(?P<low>[\w.]+)\s*(?:to|or|-|–)\s*$", re.I)
CLOCK_HEDGES = {word: tuple(shift) for word, shift in data_table("story_words")["clock_hedges"].items()
                if not word.startswith("_")}
CLOCK_HEDGE = re.compile(rf"\b(?P<hedge>{words_pattern([w for w in CLOCK_HEDGES if w not in ('by', 'until', 'after', 'before')])})"
                         r"\s+(?:at\s+)?$", re.I)


def in_one_zone(text: str, sheet: FactSheet, pair: list[TimeExpression]) -> list[TimeExpression] | None:
    """Two clock times told in different zones, one of them restated in the other's zone right after it: the
    pair in one zone; None when neither is."""
    clocks = sorted((t for t in sheet.times if t.type == "TIME" and CLOCK_VALUE.match(t.value)), key=lambda t: t.start)
    for index, clock in enumerate(pair):
        other = zone_of(text, pair[1 - index])
        last = clock
        for later in (t for t in clocks if t.start > clock.start):
            if not RESTATED.fullmatch(text[last.end:later.start]):
                break
            if zone_of(text, later) == other:
                return [later, pair[1]] if index == 0 else [pair[0], later]
            last = later
    return None


def zone_of(text: str, clock: TimeExpression) -> str:
    """The zone a clock time is told in, named after it or inside its own words ('midnight Mountain Time')."""
    found = ZONE.match(text, clock.end) or ZONE_INSIDE.search(clock.text)
    zone = " ".join(found["zone"].lower().split()) if found else ""
    return {"local time": "", "uk time": "uk", "in the uk": "uk", "british time": "uk"}.get(zone, zone)


def clock_hedge(text: str, clock: TimeExpression) -> tuple[int, int]:
    """How far a clock time told roughly may lie from its value, in minutes ('just before 6am': -20 to 0)."""
    found = CLOCK_HEDGE.search(text[max(0, clock.start - 20):clock.start])
    return CLOCK_HEDGES[" ".join(found["hedge"].lower().split())] if found else (0, 0)


def window(text: str, first: TimeExpression, second: TimeExpression) -> bool:
    """'between 9.30 and 9.40': clock times that bound a stretch rather than mark its ends."""
    first, second = sorted((first, second), key=lambda t: t.start)
    return re.search(r"\bbetween\s+$", text[max(0, first.start - 10):first.start], re.I) is not None


def range_start(text: str, stated: TimeExpression, figure: tuple[float, str, bool]) -> float | None:
    """'six to seven minutes': the low end of a range the length closes, in minutes."""
    found = RANGE_BEFORE.search(text[max(0, stated.start - 16):stated.start])
    low = timex.number_value(found["low"]) if found else None
    return low * MINUTES[figure[1]] if low is not None and low < figure[0] else None


# The words of a day ("Monday", "tonight", "12 March"): a clock time written with its day holds one
# ("Monday at 9am", "9:40 this morning").
DAY_WORDS = re.compile(r"\b(?:" + "|".join(sorted(
    set(timex.WORDS["weekdays"]) | set(timex.WORDS["months"]) | set(timex.WORDS["deictic_days"]), key=len,
    reverse=True)) + r")\b", re.I)


def day_told(text: str, clock: TimeExpression, times: list[TimeExpression]) -> bool:
    """Whether a clock time has its day written with it ('Monday at 9am') or beside it ('2pm on Thursday')."""
    return DAY_WORDS.search(clock.text) is not None or any(t.type == "DATE" and re.fullmatch(r"[\s,]*(?:on|at)?[\s,]*",
                                                 text[t.end:clock.start] if t.end <= clock.start else
                                                 text[clock.end:t.start] if clock.end <= t.start else "x", re.I)
               for t in times)


MINUTES_A_DAY = 24 * 60


def date_span_check(text: str, stated: TimeExpression, figure: tuple[float, str, bool],
                    dates: list[TimeExpression]) -> Check | None:
    """A length against the two dates bounding it. Years between two dates are the time passed between two
    events (`elapsed`, as an age is); shorter lengths the dates bound are the length of one stretch."""
    unit = CALENDAR_UNITS.get(figure[1])
    first, second = sorted(dates, key=lambda t: t.value)
    kind = "elapsed" if unit in YEARS_IN else "duration"
    if len(first.value) == 7 or len(first.value) != len(second.value):
        # "from January 2024 to July 2025, 18 months", "in June 1958 … in 2019, after 61 years": as many months
        # or years as the ends allow
        if unit not in ("month", "year"):
            return None
        status, shown = counted_verdict(text, stated, figure[0], unit, interval(first.value), interval(second.value))
        return Check(kind=kind, status=status, about=[first.text, second.text, stated.text],
                     working=f"{first.value} → {second.value} = {shown} {unit}s; stated {stated.text}: {status}")
    if len(first.value) == 4:
        if unit not in YEARS_IN:
            return None
        gaps = {(int(second.value) - int(first.value)) / YEARS_IN[unit]}
    else:
        begin, end = date.fromisoformat(first.value), date.fromisoformat(second.value)
        days = (end - begin).days
        per_unit = {"day": 1, "week": 7}.get(unit)
        if per_unit is None:
            return None
        gaps = {days / per_unit, (days + 1) / per_unit}  # counted with or without the last day
    hedged = hedge(text, stated.start, stated.text)
    status = verdict(any(agrees(gap, figure[0], hedged) for gap in gaps))
    shown = " or ".join(plain(round(gap, 1)) for gap in sorted(gaps))
    return Check(kind=kind, status=status, about=[first.text, second.text, stated.text],
                 working=f"{first.value} → {second.value} = {shown} {unit}s; stated {stated.text}: {status}")
