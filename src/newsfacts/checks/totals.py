"""`total`: parts against the whole they make up."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

from .. import timex
from ..nlp import Parsed
from ..schema import Check, FactSheet, Figure
from .common import CUES, HEDGES, NUMBER, NUMBER_WORDS, Sentence, plain, side_by_side, verdict, words_pattern


# A colon or dash before a list of figures ("11,000 staff: 7,500 in the UK, …", "The £12m package - £8m for …")
# lists the whole's parts.
PART_CUE = re.compile(rf"\b(?:{words_pattern(CUES['part_cues'])})\b|(?::|\s[–—-])(?=\s*(?:[$£€]?\d|(?:{NUMBER_WORDS})\b))",
                      re.I)
# "Donations reached $2.1m, with $1.4m from …": parts maybe, taken as such only when they add up.
WITH_CUE = re.compile(r",\s+with(?=\s+[$£€]?\d)", re.I)
# "bringing the total to", "That took its total for the year to": the whole follows.
TOTAL_CUE = re.compile(rf"\b(?:{words_pattern(CUES['total_cues'])})\b|\b(?:bring|brings|brought|bringing|take|takes|"
                       rf"took|taking)\s+(?:the|its|their|his|her|our)\s+(?:[\w-]+\s+)?total(?:\s+[\w'’-]+){{0,4}}?\s+to\b",
                       re.I)
# "$2.6bn of the total, with …": parts of a whole stated in the sentence before.
OF_THE_TOTAL = re.compile(r"^\s+of\s+(?:the|that|this)\s+(?:total|sum|figure|amount)\b", re.I)
# A sentence opening on its whole: "Of the council's 60 members, …", "Of the 26 firefighters who attended, …".
LEADING_WHOLE = re.compile(rf"^\s*Of\s+(?:[\w'’]+\s+){{0,3}}(?P<n>(?:[$£€]\s?)?{NUMBER})"
                           rf"(?:\s*(?:{words_pattern(list(CUES['money_scales']))})\b)?(?:\s+[\w'’-]+){{0,6}},", re.I)
TRAILING_TOTAL_CUES = {"in total", "in all", "altogether"}

# ------------------------------------------------------------------------------------------ totals

@dataclass(frozen=True)
class Count:
    value: float
    text: str
    start: int  # offsets within the sentence
    end: int
    currency: str = ""  # a sum's currency; counts of things have none
    hedge: tuple[float, float] = (1.0, 1.0)  # how far its hedge lets it range, as fractions of it
    unit: str = ""  # a length's unit it is counted in ("month", "day", "minute"); counts have none
    per: float = 1.0  # how many of `unit` one unit of the length as written holds ("five years": 12)


# Lengths added up in one unit: calendar years and months in months, weeks and days in days, the clock's units
# in minutes.
LENGTH_UNITS = {"year": ("month", 12.0), "month": ("month", 1.0), "week": ("day", 7.0), "day": ("day", 1.0),
                "hour": ("minute", 60.0), "minute": ("minute", 1.0), "second": ("minute", 1 / 60)}
CONCURRENT = re.compile(rf"\b(?:{words_pattern(CUES['concurrent_cues']['words'])})\b", re.I)


def length_in_units(value: str) -> tuple[float, str, float] | None:
    """'P7Y4M' → (88, 'month', 12): a length in the unit its parts add up in, and how many of that unit its
    first part's unit holds; None for fuzzy lengths, decades and lengths mixing calendar and clock units."""
    parts = timex.duration_parts(value)
    if not parts or any(unit not in LENGTH_UNITS for _, unit in parts):
        return None
    units = {LENGTH_UNITS[unit][0] for _, unit in parts}
    if len(units) != 1:
        return None
    return sum(n * LENGTH_UNITS[unit][1] for n, unit in parts), units.pop(), LENGTH_UNITS[parts[0][1]][1]


# What may stand between the items of one list ("7 men, 5 women and 2 children", "3 abstained, with two
# absent"): the rest of an item's phrase and a comma or a conjunction; not a comparison ("62 more than the
# 270"), nor a verb alone ("150 families moved to two shelters" is one item).
LIST_GAP = re.compile(r"^(?!.*\bthan\b)(?=\s*$|.*,|.*\b(?:and|or|plus|with)\b)(?:\s+[a-z\d][\w'’-]*){0,4}\s*,?\s*(?:(?:and|or|plus|with)(?:\s+[a-z][\w'’-]*){0,3}\s+)?"
                      r"(?:the\s+(?:remaining|other|rest,?)\s+)?$", re.I)
# "and the remaining 14", "and the other £2m", "and the rest, 4,000": the last part, so the parts make up the whole.
LAST_PART = re.compile(r"\bthe\s+(?:remaining|other|rest,?)\s+$", re.I)
# Between a whole and the list of its parts told after it: "A total of 90 homes were damaged, 60 in …".
WHOLE_GAP = re.compile(r"^(?:\s+[a-z][\w'’-]*){0,5}\s*[,:–—]\s*$", re.I)
# Between a whole and its part cue ("20 jurors was made up of"), or a list and its total cue.
CUE_GAP = re.compile(r"^(?:\s+[a-z\d][\w'’-]*){0,5}\s*,?\s*(?:[–—-]\s*)?$"
                     r"|^(?:\s+[a-z][\w'’-]*){0,2}\s*,\s*(?:who|which|that)(?:\s+[\w'’-]+){1,10}\s*$", re.I)


def counts(sentence: Sentence, figures: list[Figure]) -> list[Count]:
    """The sentence's figures (`figures`) that can be parts or wholes: counts, sums of money and lengths, each
    with the noun it counts when it follows ('28 children'); a ratio ('25 of the 34 games') as its part and its
    whole. A bare number listed after a length is one of the same unit ('four years for robbery and two for
    theft'). Terms served side by side ('concurrently') are no parts of their sum: no lengths then."""
    found = []
    lengths = CONCURRENT.search(sentence.text) is None
    for figure in figures:
        if figure.kind == "duration" and lengths and isinstance(figure.value, str):
            length = length_in_units(figure.value)
            if length is not None:
                found.append(Count(length[0], figure.text, figure.start - sentence.start, figure.end - sentence.start,
                                   hedge=HEDGES.get(figure.hedge or "", (1.0, 1.0)), unit=length[1], per=length[2]))
            continue
        if figure.kind not in ("count", "number", "money", "ratio"):
            continue
        if figure.kind == "ratio":
            if " in " in figure.text:
                continue  # "Six in 10 Republicans" is a share, not two counts
            part_end = figure.start + re.match(r"\S+", figure.text).end()
            found.append(Count(float(figure.value), parsed_text(sentence, figure.start, part_end),
                               figure.start - sentence.start, part_end - sentence.start))
            start = figure.start + re.search(r"\S+$", figure.text).start()
            end = noun_end(sentence, figure.end, figure.measures)
            found.append(Count(float(figure.upper), parsed_text(sentence, start, end), start - sentence.start,
                               end - sentence.start))
            continue
        end = noun_end(sentence, figure.end, figure.measures) if figure.kind != "money" else figure.end
        # a sum's currency as written ('£', '₹', 'Rs'), or its code when the word follows ('1.9 billion pounds')
        currency = re.match(r"\D*", figure.text).group(0).strip() or (figure.unit or "") if figure.kind == "money" \
            else ""
        count = Count(float(figure.value), parsed_text(sentence, figure.start, end), figure.start - sentence.start,
                      end - sentence.start, currency, HEDGES.get(figure.hedge or "", (1.0, 1.0)))
        last = found[-1] if found else None
        if (last is not None and last.unit and figure.kind == "number" and not figure.measures
                and LENGTH_AFTER.fullmatch(sentence.text[last.end:count.start])):
            count = Count(count.value * last.per, count.text, count.start, count.end, hedge=count.hedge,
                          unit=last.unit, per=last.per)
        found.append(count)
    return sorted(found, key=lambda count: count.start)


# Between a length and a bare number of its unit listed after it: "four years for robbery and two".
LENGTH_AFTER = re.compile(r"(?:\s+[a-z][\w'’-]*){0,5}\s*,?\s+(?:and|plus)\s+", re.I)


def parsed_text(sentence: Sentence, start: int, end: int) -> str:
    return sentence.text[start - sentence.start:end - sentence.start]


def noun_end(sentence: Sentence, end: int, noun: str | None) -> int:
    """Where the noun a count counts ends, when it follows within a few words ('28 children', 'three cabin
    crew'); the count's own end otherwise."""
    if not noun:
        return end
    found = re.match(rf"(?:\s+[\w'’-]+){{0,2}}?\s+{re.escape(noun)}\b", sentence.text[end - sentence.start:], re.I)
    return end + found.end() if found else end


def counted_word(count: Count) -> str:
    """'34 arrests' → 'arrests', '20 on' → 'on', '£3m' → ''."""
    return count.text.split()[-1].lower() if " " in count.text and not count.currency else ""


# "240 voted, and 210 of those backed it": the item is a part of the one before, not a part beside it.
PART_OF_THE_LAST = re.compile(r"\s+of\s+(?:those|them|these|whom|which)\b", re.I)


# "60 in its four branches and 30 at …": a figure told right after an item, in the place that item is in, counts
# that place, not a part beside it.
IN_THE_LAST = re.compile(r"\s+(?:in|at|on|across|among|from|into)\s+(?:its|their|his|her|our|the)\s*$", re.I)


def list_from(items: list[Count], text: str) -> list[Count]:
    """The items that follow one another as one list, from the first."""
    run = items[:1]
    for item in items[1:]:
        if IN_THE_LAST.fullmatch(text[run[-1].end:item.start]):
            continue
        if (item.currency, item.unit) != (run[0].currency, run[0].unit) or not LIST_GAP.match(
                text[run[-1].end:item.start]) or PART_OF_THE_LAST.match(text, item.end):
            break
        run.append(item)
    return run


def list_until(items: list[Count], text: str) -> list[Count]:
    """The items that follow one another as one list, up to the last. '186 passengers, including four infants,
    and six crew': a list opening on what another item includes opens on that item instead."""
    run = items[-1:]
    for item in reversed(items[:-1]):
        if PART_OF_THE_LAST.match(text, run[0].end):
            break
        if IN_THE_LAST.fullmatch(text[item.end:run[0].start]):
            run[0] = item  # the figure after it counts the place it is in
            continue
        if (item.currency, item.unit) != (run[0].currency, run[0].unit) or not LIST_GAP.match(
                text[item.end:run[0].start]):
            if SUBSET_CUE.fullmatch(text[item.end:run[0].start]) and len(run) > 1:
                run[0] = item
            break
        run.insert(0, item)
    return run


# "22 of them on Ben Nevis and 10 on …", "of whom 12 were in Leeds, 5 in York": the word that sets parts apart by
# place or time, repeated after each.
FRAME = re.compile(r"\s+(?:of\s+(?:them|those|these|whom)\s+)?(?P<frame>in|at|on|from|during)\s")
FRAME_GAP = r"[^,;.()]{0,40}?(?:\s*,\s*(?:and\s+)?|\s+and\s+)"


def parts_in_one_frame(text: str, first: Count, after: list[Count]) -> list[Count]:
    """The part opening on 'of them' and the parts listed after it, each followed by the same word of place or
    time."""
    opening = FRAME.match(text, first.end)
    if opening is None:
        return []
    parts = [first]
    for item in after:
        frame = FRAME.match(text, parts[-1].end)
        following = FRAME.match(text, item.end)
        if ((item.currency, item.unit) != (first.currency, first.unit) or frame is None or following is None
                or following["frame"].lower() != opening["frame"].lower()
                or not re.fullmatch(FRAME_GAP, text[frame.end():item.start], re.I)
                or bool(WHEN.match(text, frame.end())) != bool(WHEN.match(text, following.end()))):
            break  # "22 of them on Saturday and 10 on the hills" may count some twice
        parts.append(item)
    return parts


# A word of time after 'in' or 'on' ("on Saturday", "in 2023", "in the morning"), not of place.
WHEN = re.compile(r"(?:the\s+)?(?:\d{4}\b|" + "|".join(sorted(
    {*timex.WORDS["weekdays"], *timex.WORDS["months"], "morning", "afternoon", "evening", "night", "day", "week",
     "month", "year", "first", "second", "third", "last"}, key=len, reverse=True)) + r")", re.I)


SUBSET_CUE = re.compile(r"(?:\s+[\w'’-]+){0,2}\s*,?\s*(?:including|among\s+them|of\s+whom)\s+", re.I)


def total_checks(parsed: Parsed, sheet: FactSheet, spans: list[Sentence]) -> Iterator[Check]:
    """'12 people, including 5 men and 4 women' (parts after the whole) and '5 men and 7 women, a total
    of 12' (parts before it), the parts being one list. Parts beyond the whole are always wrong; parts
    short of it only when the wording says they make it up ('comprising', 'a total of', 'the remaining')."""
    earlier: tuple[str, list[Count]] = ("", [])
    told: list[list[Count]] = []  # the counts of the sentences before, nearest last
    # Each sentence's figures by bisection: reading every figure for every sentence was quadratic.
    in_order = sorted(sheet.figures, key=lambda figure: figure.start)
    starts = [figure.start for figure in in_order]
    for sentence in spans:
        checked: set[int] = set()  # figures already in a check, which another cue may name again
        found = counts(sentence, in_order[bisect_left(starts, sentence.start):bisect_left(starts, sentence.end)])
        text = sentence.text.translate(BRACKETS)
        figures = [*wholes_and_parts(text, found, earlier), *equal_lists(text, found)] if found else []
        for whole, parts, how in figures:
            if len(parts) >= 2 and whole.start not in checked and not _list_may_go_on(whole, parts, found):
                closed = LAST_PART.search(text[max(0, parts[-1].start - 20):parts[-1].start]) is not None
                # calendar days counted on both sides of a move ("four days in Rome and six in Milan") may
                # be one day twice: days that add up agree, days that do not say nothing
                if whole.unit == "day" and how != "if equal":
                    how = "days"
                for check in total_verdict(whole, parts, "all" if closed and how != "days" else how):
                    checked.update(c.start for c in [whole, *parts])
                    yield check
        if found and not checked:  # no whole of its own: a sum told before that its list adds up to
            for whole, parts, how in sums_told_before(text, found, told):
                yield from total_verdict(whole, parts, how)
        told.append(found)
        earlier = text, found


def _list_may_go_on(whole: Count, parts: list[Count], found: list[Count]) -> bool:
    """'£9,100 in gate takings, £5,700 from a raffle and auction, and £3,400 from firms': a list whose parts fall
    short of its whole while another figure of their kind follows may go on past where the list's reading
    stopped, so its shortfall says nothing."""
    summed = sum(part.value for part in parts)
    return summed < whole.value * whole.hedge[0] and any(
        c.start > parts[-1].end and c is not whole and (c.currency, c.unit) == (parts[0].currency, parts[0].unit)
        for c in found)


# How many sentences back a sum its parts add up to may have been told.
SUM_REACH = 3
# Between the items of a list whose sum must come out exactly: a few words, no comparison, no break.
LOOSE_GAP = re.compile(r"(?!.*\bthan\b)[^.;:()]{0,80}", re.I)


def sums_told_before(text: str, found: list[Count], told: list[list[Count]]) -> Iterator[tuple[Count, list[Count], str]]:
    """'Listeners pledged $412,650. … Phone pledges made $180,000, online gifts $137,250 and a matching gift the
    remaining $95,400': a list of sums of money that adds up exactly to a sum told before (two of them: in the
    sentences just before); with no word to tie them, only a sum that comes out right is taken."""
    rest = list(found)
    while rest:
        run = rest[:1]
        for item in rest[1:]:  # "phone pledges made $180,000, online gifts $137,250 and a matching gift …"
            if (item.currency, item.unit) != (run[0].currency, run[0].unit) or not LOOSE_GAP.fullmatch(
                    text[run[-1].end:item.start]):
                break
            run.append(item)
        rest = rest[len(run):]
        if len(run) < 2 or not run[0].currency:
            continue  # small counts add up to another count by chance too often ("3 … one and two" and "6")
        summed = sum(item.value for item in run)
        # two sums may make a third by chance ('£1m and £1m', '£2m'); three or more come out exactly only when meant
        before = [c for counts_before in (told if len(run) > 2 else told[-SUM_REACH:]) for c in counts_before]
        whole = next((c for c in reversed(before) if (c.currency, c.unit) == (run[0].currency, run[0].unit)
                      and c.hedge == (1.0, 1.0) and abs(c.value - summed) <= 1e-6 * summed), None)
        if whole is not None:
            yield whole, run, "if equal"


# "shared between health (£35m) and education (£25m)": brackets around a part are read as spaces.
BRACKETS = str.maketrans("()", "  ")


def equal_lists(text: str, found: list[Count]) -> Iterator[tuple[Count, list[Count], str]]:
    """'2,400 runners took part, 1,500 men and 900 women', '5,000 on Saturday and 7,000 on Sunday, 12,000
    over the weekend': a list opening or closing, after a comma, on the sum of the rest; with no word to
    say so, only a sum that comes out right is taken as one."""
    rest = list(found)
    while rest:
        run = list_from(rest, text)
        rest = rest[len(run):]
        if len(run) < 3 or side_by_side({counted_word(item) for item in run} - {""}):
            continue  # "four men, two women and two children" are groups side by side
        if re.fullmatch(r"(?:\s+[a-z][\w'’-]*){0,4}\s*[,:]\s*", text[run[0].end:run[1].start], re.I):
            yield run[0], run[1:], "if equal"
        if re.fullmatch(r"(?:\s+[a-z][\w'’-]*){0,3}\s*,\s*", text[run[-2].end:run[-1].start], re.I):
            yield run[-1], run[:-1], "if equal"


def wholes_and_parts(text: str, found: list[Count],
                     earlier: tuple[str, list[Count]]) -> Iterator[tuple[Count, list[Count], str]]:
    """Each whole a sentence states with the list of its parts, and whether the wording says they make up
    "all" of it or maybe "some"; `earlier` is the sentence before and its counts, where the whole or the
    parts may have been told."""
    for first in (c for c in found if OF_THE_TOTAL.match(text[c.end:])):
        parts = list_from([c for c in found if c.start >= first.start], text)
        whole = next((c for c in reversed(earlier[1]) if (c.currency, c.unit) == (first.currency, first.unit)), None)
        if whole is not None:
            yield whole, parts, "some"
    for cue in PART_CUE.finditer(text):
        after = [c for c in found if c.start >= cue.end()]
        parts = list_from(after, text)
        # "The 400 jobs will go in two waves: 250 …": a count of the parts is not their whole
        wholes = [c for c in found if c.end <= cue.start() and CUE_GAP.match(text[c.end:cue.start()])
                  and (c.value != len(parts) or c.currency or c.unit)]
        # "shared between health £35m and …": the first part's own word may come before it
        if wholes and after and re.fullmatch(r"(?:\s+[a-z][\w'’-]*){0,2}\s*", text[cue.end():after[0].start], re.I):
            exhaustive = cue.group(0).lower() in CUES["exhaustive_cues"] or not cue.group(0)[-1].isalpha()
            yield wholes[-1], parts, "all" if exhaustive else "some"
    for cue in WITH_CUE.finditer(text):
        wholes = [c for c in found if c.end <= cue.start() and CUE_GAP.match(text[c.end:cue.start()])]
        after = [c for c in found if c.start >= cue.end()]
        if wholes and after:
            yield wholes[-1], list_from(after, text), "if equal"
    for first in (c for c in found if PART_OF_THE_LAST.match(text, c.end)):
        # "31 rescues since Monday, 22 of them on one hill and 10 on another": parts, told apart by place or
        # time, of the count told just before
        wholes = [c for c in found if c.end <= first.start and WHOLE_GAP.match(text[c.end:first.start])]
        parts = parts_in_one_frame(text, first, [c for c in found if c.start > first.end])
        if wholes and len(parts) >= 2:
            yield wholes[-1], parts, "some"
    opening = LEADING_WHOLE.match(text)
    if opening:  # "Of the 60 members, 34 voted for, 21 against and 5 abstained"
        whole = next((c for c in found if c.start == opening.start("n")), None)
        parts = list_from([c for c in found if c.start >= opening.end()], text)
        if whole is not None and parts and not text[opening.end():parts[0].start].strip():
            yield whole, parts, "some"
    for last in (c for c in found if LAST_PART.search(text[max(0, c.start - 20):c.start])):
        # "34 arrests over the weekend, 20 on Friday and the remaining 14 on Saturday"
        parts = list_until([c for c in found if c.start <= last.start], text)
        if len(parts) > 2 and counted_word(parts[0]) != counted_word(last):  # the whole, counting its own word
            whole, parts = parts[0], parts[1:]
        else:
            whole = next((c for c in reversed(found) if c.end <= parts[0].start), None)
        if whole is not None and CUE_GAP.match(text[whole.end:parts[0].start]):
            yield whole, parts, "all"
    for cue in TOTAL_CUE.finditer(text):
        before = [c for c in found if c.end <= cue.start()]
        if cue.group(0).lower() in TRAILING_TOTAL_CUES:  # "5 men and 7 women, 12 in all"
            if len(before) < 3 or text[before[-1].end:cue.start()].strip():
                continue
            whole, before = before[-1], before[:-1]
        else:  # "5 men and 7 women, a total of 12"
            whole = next((c for c in found if c.start >= cue.end()), None)
            if whole is None or text[cue.end():whole.start].strip():
                continue
        after = [c for c in found if c.start >= whole.end]
        if before and CUE_GAP.match(text[before[-1].end:min(whole.start, cue.start())]):
            yield whole, list_until(before, text), "all"
        elif after and WHOLE_GAP.match(text[whole.end:after[0].start]):
            yield whole, list_from(after, text), "all"  # "A total of 90 homes were damaged, 60 in Ashby and 30 in Hale"
        elif earlier[1] and re.fullmatch(r"\s*(?:that|this|it|which)\s+", text[:cue.start()], re.I):
            yield whole, list_until(earlier[1], earlier[0]), "all"  # "… 4,500 in July. That took its total to 10,000."


def total_verdict(whole: Count, parts: list[Count], how: str) -> Iterator[Check]:
    """`how` the wording says the parts make up the whole: "all" of it, "some" of it (parts beyond it are
    still wrong), or nothing ("if equal", or "days" that may be counted twice)."""
    if (whole.currency, whole.unit) != (parts[0].currency, parts[0].unit) or any(
            part.value > whole.value for part in parts):
        return  # a "whole" smaller than one of its parts is another figure read as one
    summed = sum(part.value for part in parts)
    equal = whole.value * whole.hedge[0] - 1e-9 <= summed <= whole.value * whole.hedge[1] + 1e-9
    if (summed < whole.value and how == "some") or (not equal and how in ("if equal", "days")):
        return
    status = verdict(equal)
    sums = " + ".join(figure(part.value, whole.currency, whole.unit) for part in parts)
    yield Check(kind="total", status=status, about=[whole.text, *(part.text for part in parts)],
                working=f"{sums} = {figure(summed, whole.currency, whole.unit)}; stated total {whole.text}: {status}")


def figure(value: float, currency: str, unit: str = "") -> str:
    if unit:
        return f"{plain(round(value, 2))} {unit}s"
    return f"{currency}{value:,.0f}" if currency else plain(value)
