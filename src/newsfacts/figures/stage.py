"""The figures stage: every number an article states, as `Figure`s on the sheet.

Dates, clock times and durations come from the times stage (their TIMEX3 value is the figure's value);
everything else is read here: counts with the noun they count, money, percentages and point changes,
ages, scores, ranges ("six to seven", "between 40 and 50"), ratios ("187 of the 189", "one in five") and
shares in words ("nearly half", "two-thirds").
"""

from __future__ import annotations

import re

from ..nlp import Parsed
from ..schema import FactSheet, Figure, TimeExpression
from .context import counted_noun, hedge_before, leading_hedge, said_of, words_of
from .numbers import CURRENCY_WORDS, SCALES, WORDS, Amount, alternatives, amount, numerals

_TIME_KINDS = {"DATE": "date", "TIME": "time", "DURATION": "duration"}
# "69-year-old", "86 years old", "aged 86", "at the age of 91": an age, whatever the times stage made of it.
_AGE_AFTER = re.compile(r"(?:-|\s)years?(?:-|\s)old\b", re.I)
_AGE_BEFORE = re.compile(r"\b(?:aged|age\s+of|turned|turns|turning)\s+$", re.I)
_AGE_CLOSE = re.compile(r"\s*[,)]")
_HYPHEN_WORD = re.compile(r"-(?P<word>[A-Za-z]+)\b")
_ORDINAL = re.compile(r"(?:st|nd|rd|th)\b", re.I)
# "a No. 5 alarm", "Platform 9", "#3": a number that names, not one that counts
_LABEL = re.compile(r"(?:\bNo\.?|\bNos\.?|#|\bnumber|\bplatform|\bgate|\bterminal|\broom|\bpage)\s*$", re.I)
_YEAR = re.compile(r"^(?:1[5-9]\d\d|20\d\d)$")
# "3-1", "6-2": a score, unless a noun other than a result's follows ("3-4 people" is a range).
_SCORE = re.compile(r"\s?[-–]\s?(?P<other>\d{1,2})(?![\d]|[.,:]\d|\s?(?:%|per\s*cent))(?:\s+(?P<noun>[a-z]+))?")
_SCORE_WORDS = set(WORDS["score_words"]["words"])
_RANGE_JOINER = re.compile(r"^(?:\s+to\s+|\s?[-–]\s?|\s+or\s+|\s+and\s+)$", re.I)
# "rose from 12 to 19": a value and the one it changed to, not a range
# "rose from 4% to 6%", "lifts the hourly rate from £11.40 to £12.10": a change from one value to another, no range;
# a verb of change may have its object or the change itself between it and "from" ("rose 40 per cent from")
_CHANGED_FROM = re.compile(r"\b(?:rose|risen|rises|fell|fallen|falls|jumped|climbed|increased|decreased|dropped|grew|"
                           r"went|up|down|revised|raised|cut|lowered)"
                           r"(?:\s+(?:by|about|nearly|almost|some|around|just|over|per|cent|percent|percentage|points?|"
                           r"[$£€]?\d[\d.,]*(?:%|[a-z]{0,2})|million|billion))*\s+from\s+$"
                           r"|\b(?:raises?|raising|lifts?|lifted|lifting|increases?|increasing|boosts?|boosted|"
                           r"boosting|cuts?|cutting|lowers?|lowering|reduces?|reduced|reducing|takes?|took|taking)"
                           r"(?:\s+[\w'’-]+){1,5}\s+from\s+$", re.I)
_BETWEEN = re.compile(r"\b(?:between|from)\s+$", re.I)
# "187 of the 189", "24 of the council's 43", "nine out of 10"
_RATIO_JOINER = re.compile(r"^\s+(?:out\s+of|of(?:\s+(?:the|its|their|his|her|our|all))?(?:\s+[\w-]+['’]s)?)\s+$",
                           re.I)
_ONE_IN = re.compile(r"^\s+in\s+$", re.I)
_FRACTIONS = {" ".join(key.lower().replace("-", " ").split()): value
              for key, value in WORDS["fractions"].items() if not key.startswith("_")}
_FRACTION = re.compile(rf"(?<![\w-])(?P<fraction>{alternatives(WORDS['fractions'])})(?![\w-])", re.I)
_FRACTION_HINT = re.compile(r"half|third|quarter|fifth|tenth", re.I)


def find_figures(parsed: Parsed, sheet: FactSheet) -> list[Figure]:
    """Every figure the article states, in text order."""
    text = parsed.text
    figures: list[Figure] = []
    # The characters of the figures found: a span is free when none of its own is taken (reading every figure
    # found for each numeral was quadratic on a text of figures).
    taken: set[int] = set()
    names = [(m.start, m.end) for e in sheet.entities for m in e.mentions if m.kind == "name"]
    people = {m.end for e in sheet.entities if e.type == "PERSON" for m in e.mentions}

    def free(start: int, end: int) -> bool:
        return taken.isdisjoint(range(start, end))

    def add(figure: Figure) -> None:
        figures.append(figure)
        taken.update(range(figure.start, figure.end))

    ages = [time for time in sheet.times if time.type == "DURATION" and _is_age(text, time)]
    for time in sheet.times:
        if time.type in _TIME_KINDS and time not in ages and not _share_read_as_time(text, time) \
                and not _AMOUNT_AFTER.match(text, time.end):
            add(_time_figure(parsed, time))
    # a number inside a name ("Apollo 11 crew", "Formula 1 team") is part of it; one ending a name span is
    # more often a count the NER ran into ("Reform UK 584")
    found = [n for n in numerals(text) if free(n.start, n.end) and not any(a <= n.start and n.end < b for a, b in names)
             and not _ORDINAL.match(text, n.end) and not re.search(r"[A-Za-z]-$", text[max(0, n.start - 2):n.start])
             and not _LABEL.search(text[max(0, n.start - 8):n.start])]
    amounts: list[Amount] = []
    for numeral in found:
        read = _as_read(text, numeral, amount(text, numeral))
        if amounts and read.start < amounts[-1].end:
            continue  # the scale word of the amount before ('$10 million'), a number word of its own too
        amounts.append(read)
    index = 0
    while index < len(amounts):
        first = amounts[index]
        second = amounts[index + 1] if index + 1 < len(amounts) else None
        figure, used = _figure(parsed, first, second, people)
        index += used
        if figure is not None and free(figure.start, figure.end):
            add(figure)
    if _FRACTION_HINT.search(text):
        for match in _FRACTION.finditer(text):
            if free(match.start(), match.end()) and _is_share(parsed, match):
                add(_share_in_words(parsed, match))
    return sorted(figures, key=lambda f: f.start)


def _as_read(text: str, numeral, found: Amount) -> Amount:
    """'82 points' in a league table is a count of points, not a change in a share: read as a plain number
    (its noun, points, is read off the parse), so '18 of the 24 points' stays one ratio."""
    if found.kind == "points" and found.unit == "points" and not _near_percent(text, found):
        return Amount(numeral.start, numeral.end, numeral.value, "number", None, numeral.words)
    return found


def _is_age(text: str, time: TimeExpression) -> bool:
    return bool(_AGE_AFTER.match(text, time.end) or time.text.lower().endswith(("year-old", "years old"))
                or _AGE_BEFORE.search(text[max(0, time.start - 16):time.start]))


# "20.07 billion pounds", "19.45%": an amount the times stage took for a clock time
_AMOUNT_AFTER = re.compile(rf"\s?(?:{alternatives([w for w in (*SCALES, *CURRENCY_WORDS) if len(w) > 2])}|%|per\s*cent|"
                           rf"percent)\b", re.I)


def _share_read_as_time(text: str, time: TimeExpression) -> bool:
    """'cut the risk by almost a quarter': a fraction after 'by' or before 'of' is a share, not a length."""
    words = time.text
    hedge = leading_hedge(words)
    if hedge is not None:
        words = words[hedge[1]:]
    return (_FRACTION.fullmatch(words) is not None
            and (re.search(r"\bby\s+(?:\w+\s+)?$", text[max(0, time.start - 16):time.start]) is not None
                 or re.match(r"\s+of\b", text[time.end:]) is not None))


def _time_figure(parsed: Parsed, time: TimeExpression) -> Figure:
    """A date, clock time or duration of the times stage; a hedge its extent holds ('more than seven hours')
    is read off it, so the figure's text is the value as written."""
    start, hedge = time.start, hedge_before(parsed.text, time.start)
    leading = leading_hedge(time.text)
    if leading is not None and time.type == "DURATION":
        hedge, start = leading[0], time.start + leading[1]
    span = parsed.doc.char_span(start, time.end, alignment_mode="expand")
    measures = words_of(said_of(span)) if span is not None and time.type == "DURATION" else None
    return Figure(text=parsed.text[start:time.end], start=start, end=time.end, kind=_TIME_KINDS[time.type],
                  value=time.value, measures=measures, hedge=hedge)


def _figure(parsed: Parsed, first: Amount, second: Amount | None, people: set[int]) -> tuple[Figure | None, int]:
    """The figure starting at `first` and how many amounts it takes (two for a range, ratio or score)."""
    text = parsed.text
    value = first.value
    if first.kind == "number" and not first.words and _YEAR.match(text[first.start:first.end]):
        return None, 1  # a year the times stage did not take ("the 2019 final") is no count
    between = text[first.end:second.start] if second is not None else None
    hedge = hedge_before(text, first.start)
    if first.kind == "number" and (_AGE_AFTER.match(text, first.end)
                                   or _AGE_BEFORE.search(text[max(0, first.start - 16):first.start])
                                   or _age_after_name(parsed.text, first, people)):
        old = _AGE_AFTER.match(text, first.end)
        end = old.end() if old else first.end
        return _make(parsed, first.start, end, "age", value, unit="year", hedge=hedge), 1
    score = _SCORE.match(text, first.end) if first.kind == "number" and not first.words else None
    if (score is not None and value == int(value) and value <= 20 and "." not in text[first.start:first.end]
            and (score["noun"] is None or score["noun"].lower() in _SCORE_WORDS
                 or not _plural_noun(parsed, score.start("noun")))):
        end = score.end("other")
        return _make(parsed, first.start, end, "score", value, upper=float(score["other"])), 2 if second else 1
    if second is not None and between is not None:
        if _RANGE_JOINER.match(between) and (first.kind == second.kind or first.kind == "number") \
                and second.value > value and (" and " not in between or _BETWEEN.search(text[:first.start])) \
                and not _CHANGED_FROM.search(text[max(0, first.start - 60):first.start]):
            return _make(parsed, first.start, second.end, second.kind if second.kind != "number" else "count",
                         value, upper=second.value, unit=second.unit, hedge=hedge), 2
        if _RATIO_JOINER.match(between) and first.kind == second.kind == "number" and second.value > value:
            return _make(parsed, first.start, second.end, "ratio", value, upper=second.value, hedge=hedge), 2
        if _ONE_IN.match(between) and first.kind == second.kind == "number" and value < second.value <= 100 \
                and second.value == int(second.value):
            return _make(parsed, first.start, second.end, "ratio", value, upper=second.value, hedge=hedge), 2
    hyphen = _HYPHEN_WORD.match(text, first.end) if first.kind == "number" else None
    if hyphen is not None:  # "a three-goal lead", "the 46-match season": a count of the word after it
        return Figure(text=text[first.start:hyphen.end()], start=first.start, end=hyphen.end(), kind="count",
                      value=value, measures=hyphen["word"].lower(), hedge=hedge), 1
    if first.kind == "points":
        return _make(parsed, first.start, first.end, "percent", value, unit=first.unit, hedge=hedge), 1
    kind = {"money": "money", "percent": "percent"}.get(first.kind, "count")
    return _make(parsed, first.start, first.end, kind, value, unit=first.unit, hedge=hedge), 1


def _make(parsed: Parsed, start: int, end: int, kind: str, value: float, upper: float | None = None,
          unit: str | None = None, hedge: str | None = None) -> Figure:
    span = parsed.doc.char_span(start, end, alignment_mode="expand")
    measures = None
    if span is not None:
        if kind in ("count", "ratio"):
            noun = counted_noun(span)
            if noun is None and kind == "ratio":  # "25 of the 34 games"
                noun = span[-1].head if span[-1].dep_ == "nummod" and span[-1].head.pos_ in ("NOUN", "PROPN") \
                    else None
            measures = words_of(noun)
            if noun is None and kind == "count":  # "an electoral roll of 12,623": a number said of something
                kind, measures = "number", words_of(said_of(span))
        else:
            measures = words_of(said_of(span))
    return Figure(text=parsed.text[start:end], start=start, end=end, kind=kind, value=value, upper=upper, unit=unit,
                  measures=measures, hedge=hedge)


def _age_after_name(text: str, first: Amount, people: set[int]) -> bool:
    """'Ann Tully, 48, said', 'Tully (48)': a number between commas or brackets right after a person's name."""
    if first.words or not _AGE_CLOSE.match(text, first.end) or first.value > 120:
        return False
    gap = re.search(r"(?:,\s*(?:now\s+)?|\s?\()$", text[max(0, first.start - 8):first.start])
    return gap is not None and first.start - len(gap.group(0)) in people


def _plural_noun(parsed: Parsed, offset: int) -> bool:
    span = parsed.doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span is not None and span[0].pos_ in ("NOUN", "PROPN")


def _near_percent(text: str, figure: Amount) -> bool:
    """Whether a 'points' figure is a change in a share: a percentage written in its sentence."""
    sentence_start = max(text.rfind(". ", 0, figure.start), text.rfind("\n", 0, figure.start), 0)
    stop = [i for i in (text.find(". ", figure.end), text.find("\n", figure.end)) if i >= 0]
    sentence = text[sentence_start:min(stop) if stop else len(text)]
    return re.search(r"\d\s?(?:%|per\s*cent|percent)", sentence, re.I) is not None


# "the second half", "in the first half": a part of a match or a year, not a share.
_NOT_A_SHARE_BEFORE = re.compile(r"\b(?:first|second|other|final|opening|latter|former|the|in)\s+$", re.I)


def _is_share(parsed: Parsed, match: re.Match) -> bool:
    if not match["fraction"].lower().endswith("half"):
        return True
    return (re.match(r"\s+of\b", parsed.text[match.end():]) is not None
            or hedge_before(parsed.text, match.start()) is not None
            or not _NOT_A_SHARE_BEFORE.search(parsed.text[max(0, match.start() - 10):match.start()]))


def _share_in_words(parsed: Parsed, match: re.Match) -> Figure:
    """'nearly half', 'two-thirds of voters': a share written as a fraction, in percent."""
    written = match["fraction"]
    value = _FRACTIONS[" ".join(written.lower().replace("-", " ").split())]
    return _make(parsed, match.start(), match.end(), "percent", float(value), unit="percent",
                 hedge=hedge_before(parsed.text, match.start()))
