"""Do the numbers add up: consistency checks between the article's own figures (issue 4).

Each check recomputes a figure the article states from other figures it states: a length against the two
clock times or dates bounding it (`duration`, how long something lasted: "from 2016 to 2024, eight years"),
time passed since a date against it and a later date or the publication date (`elapsed`: "in 1947 … a year
later, in 1948", "N years ago", "N years since"), an age
against a birth date (`age`), parts against a total (`total`), shares against 100 % (`percentages`). A check
is emitted only when the article gives enough to decide it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from dateutil.relativedelta import relativedelta
from spacy.tokens import Token

from . import timex
from .lexicon import data_table
from .nlp import Parsed
from .parse import relative_antecedent
from .schema import Check, Entity, FactSheet, TimeExpression

CUES = data_table("check_words")
HEDGES = {word: bounds for word, bounds in CUES["hedges"].items() if not word.startswith("_")}

CLOCK_VALUE = re.compile(r"^(\d{4}-\d\d-\d\d|XXXX-XX-XX)T(\d\d):(\d\d)$")
MINUTES = {"H": 60, "M": 1, "S": 1 / 60}
CALENDAR_UNITS = {"D": "day", "W": "week", "M": "month", "Y": "year", "DE": "decade", "CE": "century"}
NUMBER_WORDS = "|".join(sorted((w for w in timex.WORDS["number_words"] if " " not in w and w not in ("a", "an")),
                               key=len, reverse=True))
NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|(?i:(?:{NUMBER_WORDS})(?:-(?:{NUMBER_WORDS}))?))"


def words_pattern(words: list[str]) -> str:
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in sorted(words, key=len, reverse=True))


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
REMAINDER_CUE = re.compile(rf"\b(?:{words_pattern(CUES['remainder_cues'])})\b", re.I)
PARTITION_CUE = re.compile(rf"\b(?:{words_pattern(CUES['partition_cues'])})\b", re.I)
# A counted thing: a number and the word it counts ("12 people"); money, shares and years are not counts.
COUNT = re.compile(rf"(?<![$£€\d.,])\b(?P<n>{NUMBER})\b(?!\s*(?:%|per\s*cent|percent)|[.,]\d)"
                   rf"(?:\s+(?P<noun>(?!in\b|of\b|and\b)[a-z][\w-]*))?", re.I)
# A sum of money ("£46m", "$2.1 billion"): a count too, in its currency and scale.
MONEY = re.compile(rf"(?P<currency>[$£€])\s?(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)"
                   rf"(?:\s*(?P<scale>{words_pattern(list(CUES['money_scales']))})\b)?", re.I)
# A sentence opening on its whole: "Of the council's 60 members, …", "Of the 26 firefighters who attended, …".
LEADING_WHOLE = re.compile(rf"^\s*Of\s+(?:[\w'’]+\s+){{0,3}}(?P<n>(?:[$£€]\s?)?{NUMBER})"
                           rf"(?:\s*(?:{words_pattern(list(CUES['money_scales']))})\b)?(?:\s+[\w'’-]+){{0,6}},", re.I)
TRAILING_TOTAL_CUES = {"in total", "in all", "altogether"}
PERCENT = re.compile(rf"(?<![\d.])(?P<n>\d+(?:\.\d+)?|\b(?:{NUMBER_WORDS})(?:-(?:{NUMBER_WORDS}))?)\s*"
                     r"(?:%|per\s*cent\b|percent\b)", re.I)
# A share written as a fraction of something: "half of the budget", "a third of voters", "two-thirds of them".
FRACTIONS = {words: share for words, share in CUES["fractions"].items() if not words.startswith("_")}
FRACTION = re.compile(r"\b(?P<n>" + words_pattern(list(FRACTIONS)).replace(r"\s+", r"[\s-]+") + r")(?=\s+of\b)", re.I)
FRACTION_HINT = re.compile(r"half|third|quarter|fifth|tenth")
# "one in four homes", "3 in 10 tenants": a share as a proportion.
ONE_IN = re.compile(rf"\b(?P<n>(?P<part>\d+|{NUMBER_WORDS})\s+in\s+(?P<whole>\d+|{NUMBER_WORDS}))\b(?!\s*%)", re.I)
# "Two-thirds of the money comes from taxes and a third from fees": a later fraction may leave out the "of".
LISTED_FRACTION = re.compile(r"(?:,|\band)\s+(?P<n>" + words_pattern(list(FRACTIONS)).replace(r"\s+", r"[\s-]+")
                             + r")\b(?!\s+an?\b)", re.I)
# The most words between two shares of one listed breakdown ("55% backed the plan, 38% opposed it and"),
# names not counted ("51% to Smith's 46%, with independent candidate Ray Dunn taking 3%").
MAX_SHARE_WORDS = 6
# A head-to-head split names the other side's share: "won 58% to Millbridge's 42%", "to her rival's 40%".
HEAD_TO_HEAD = re.compile(r"\bto\s+(?:(?:the|her|his|their|its)\s+)?(?:[\w.'’-]+\s+){0,2}[\w.-]*\w['’]s?\s*$")
# A share whose verb is left out because it is the one before ("Smith took 44% and Jones 56%", "wind 35%,
# gas 40%"): the same measure of another part of one whole.
GAPPED = re.compile(r"(?:,|\band)\s+(?:the\s+)?(?!(?:in|at|on|of|for|by|to|from|with|than)\b)[A-Za-z][\w'’-]*\s+$")
# "Tully, 48,", "Tully, now 48,", "Tully, who was 48,", "Tully (48)", "Tully is now 48 and …", "Tully, who died on
# Friday, was 48.": an age now, right after a name.
AGE_AFTER = re.compile(r"^,\s*(?:aged\s+|now\s+|who\s+(?:is|was)\s+(?:now\s+)?)?(?P<age>\d{1,3}),|^\s*\((?P<age2>\d{1,3})\)"
                       r"|^,\s+who\s+[^,.;]{1,40},\s+(?:is|was)\s+(?P<age4>\d{1,3})(?=\s*[,.;])"
                       r"|^\s+(?:is|was)\s+(?:now\s+)?(?P<age3>\d{1,3})(?:\s+years?\s+old)?(?=\s*[,.;]|\s+and\b)")
# "aged 87", "at the age of 91", "turned 70", "in his 82nd year" (which is age 81), "her 86th birthday".
AGE_WORDING = (r"\b(?:(?:aged|at\s+the\s+age\s+of|turned|turns)\s+(?P<age>\d{1,3})"
               r"|in\s+(?:his|her|their)\s+(?P<nth>\d{1,3})(?:st|nd|rd|th)\s+year"
               r"|(?:his|her|their)\s+(?P<birthday>\d{1,3})(?:st|nd|rd|th)\s+birthday)\b")
# "has died aged 87", "died on Friday at the age of 91": an age at death, said of the verb's subject.
AGE_AT_DEATH = re.compile(rf"\b(?P<cue>{words_pattern(CUES['death_cues'])})\b[^.;]{{0,40}}?{AGE_WORDING}", re.I)
# "in 1962, at the age of 28", "aged 70, in 1998", "turned 70 in March": an age at the date set beside it.
AGE_PHRASE = re.compile(AGE_WORDING, re.I)
# "was 50 when she won the award in 2021": an age at the date of the clause that follows.
AGE_WHEN = re.compile(r"\b(?:was|were)\s+(?P<age>\d{1,3})\s+when\b[^.;]{0,60}", re.I)
# "At 67, she still runs the shop": an age now, when the sentence goes on in the present tense.
AGE_OPENING = re.compile(r"^\s*At\s+(?P<age>\d{1,3}),")
# "is 136 years old", "the 136-year-old tower", with the date it was built, founded or born in its sentence.
YEARS_OLD = re.compile(r"\b(?P<age>\d{1,3})(?:\s+years?\s+old\b|-year-old\b)", re.I)
ORIGIN_CUE = re.compile(rf"\b(?:{words_pattern(CUES['origin_cues'])})\s+(?:in|on)\s+(?:the\s+year\s+)?$", re.I)
AGE_BEFORE = re.compile(r"(?P<age>\d{1,3})-year-old\s+(?:[\w.'-]+\s+){0,3}$")


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


# ------------------------------------------------------------------------------------------ duration

def duration_checks(parsed: Parsed, sheet: FactSheet, spans: list[Sentence]) -> Iterator[Check]:
    """A stated length against the two clock times of its sentence, or the story's only two clock times,
    or a clock time and the earlier one of the thing it is counted from, or two dates stated in its
    sentence."""
    clocks = moments(parsed.text, [t for t in sheet.times if t.type == "TIME" and CLOCK_VALUE.match(t.value)])
    for stated in sheet.times:
        figure = amount(stated.value) if stated.type == "DURATION" else None
        if figure is None or parsed.text[stated.end:stated.end + 4].lower().startswith(" ago"):
            continue
        sentence = sentence_of(spans, stated.start)
        here = [t for t in clocks if sentence and sentence.start <= t.start < sentence.end]
        since = since_clock(parsed, stated, here, clocks) if figure[2] else None
        told_next_door = told_beside(parsed, stated, spans, clocks) if figure[2] and not here else None
        if since is not None:
            yield from clock_check(parsed, sheet, stated, figure, since)
        elif figure[2] and len(here) == 2:
            if (stated is nearest_length(sheet.times, here, sentence) and bound_stretch(parsed.text, *here)
                    and not of_a_new_thing(parsed, stated)):
                yield from clock_check(parsed, sheet, stated, figure, here)
        elif (figure[2] and len(clocks) == 2 and same_story(parsed, stated, clocks)
              and bound_stretch(parsed.text, *clocks) and not of_a_new_thing(parsed, stated)):
            yield from clock_check(parsed, sheet, stated, figure, clocks)
        elif told_next_door is not None:
            yield from clock_check(parsed, sheet, stated, figure, told_next_door)
        elif not figure[2] and sentence is not None:
            dates = [t for t in sheet.times if t.type == "DATE" and sentence.start <= t.start < sentence.end
                     and re.fullmatch(r"\d{4}(?:-\d\d){0,2}", t.value)]
            if len(dates) == 2 and len(dates[0].value) == len(dates[1].value) and (
                    joined_as_range(parsed.text, *dates) or runs_until(parsed.text, stated, dates)
                    or ends_after(parsed.text, stated, dates)):
                check = date_span_check(parsed.text, stated, figure, dates)
                if check is not None:
                    yield check
    yield from counted_date_checks(parsed, sheet)


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


def told_beside(parsed: Parsed, stated: TimeExpression, spans: list[Sentence],
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
        if len(pair) == 2 and bound_stretch(parsed.text, *pair):
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
    status = verdict(any(agrees(n, count, hedged) for n in range(fewest, most + 1)))
    return status, plain(fewest) if fewest == most else f"{fewest}–{most}"


def counted_date_checks(parsed: Parsed, sheet: FactSheet) -> Iterator[Check]:
    """'She enrolled in 1956 and qualified seven years later, in 1963': the length between the date
    mentioned before 'later' and the date set beside it."""
    dates = [t for t in sheet.times if t.type == "DATE" and interval(t.value)]
    for stated in (t for t in sheet.times if t.type == "DATE"):
        counted = counted_from(stated.text)
        if counted is None or counted[2] == "ago":
            continue
        count, unit, way = counted
        beside = next((t for t in dates if t is not stated and apposed(parsed.text, t, stated)), None)
        origin = max((t for t in dates if t.end <= stated.start and t is not beside), key=lambda t: t.start,
                     default=None)
        if beside is None or origin is None:
            continue
        begin, end = (origin, beside) if way == "later" else (beside, origin)
        status, shown = counted_verdict(parsed.text, stated, count, unit, interval(begin.value), interval(end.value))
        yield Check(kind="elapsed", status=status, about=[origin.text, stated.text, beside.text],
                    working=f"{begin.value} → {end.value} = {shown} {unit}s; stated {stated.text}: {status}")


def nearest_length(times: list[TimeExpression], pair: list[TimeExpression], sentence: Sentence) -> TimeExpression:
    """Of the clock lengths in the sentence of two clock times, the one written closest to them: in "left at
    7.45am, arrived at 10.10am, a 2h 25min trip that usually takes 50 minutes" the 50 minutes is another
    length."""
    first, last = min(t.start for t in pair), max(t.end for t in pair)
    lengths = [t for t in times if t.type == "DURATION" and (figure := amount(t.value)) and figure[2]
               and sentence.start <= t.start < sentence.end]
    return min(lengths, key=lambda t: max(first - t.end, t.start - last, 0))


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
    first, second = sorted(pair, key=lambda t: t.value)
    days = [CLOCK_VALUE.match(t.value)[1] for t in (first, second)]
    # "opened at 9:30 a.m. and closed at 4 p.m. on Thursday": days more than one apart mean one of them was
    # a guess, so the times run in the order they are told, within a day; "at 9am on Monday … 2pm on
    # Thursday" tells both days, and no length of hours joins them.
    guessed = "XXXX-XX-XX" not in days and (date.fromisoformat(days[1]) - date.fromisoformat(days[0])).days > 1
    if guessed and all(day_told(text, clock, sheet.times) for clock in pair):
        return
    # "hit at 11pm on Tuesday and moved inland at 3am, four hours later": counted on from the one told first
    counted_on = days[0] == days[1] and re.match(r"\s+later\b", text[stated.end:]) is not None
    if guessed or counted_on:
        first, second = sorted(pair, key=lambda t: t.start)
    # Minutes into the day, counted by hand: TIMEX3 writes midnight at the end of its day as 24:00,
    # which datetime rejects.
    begin, end = (int(CLOCK_VALUE.match(t.value)[2]) * 60 + int(CLOCK_VALUE.match(t.value)[3])
                  for t in (first, second))
    if guessed or counted_on:
        gap = (end - begin) % MINUTES_A_DAY
    else:
        gap = end - begin + (MINUTES_A_DAY if days[0] != days[1] else 0)
    stated_minutes = figure[0] * MINUTES[figure[1]]
    status = verdict(agrees(gap, stated_minutes, hedge(text, stated.start, stated.text)))
    shown = " → ".join(f"{CLOCK_VALUE.match(t.value)[2]}:{CLOCK_VALUE.match(t.value)[3]}" for t in (first, second))
    yield Check(kind="duration", status=status, about=[first.text, second.text, stated.text],
                working=f"{shown} = {minutes_text(gap)}; stated {stated.text}: {status}")


def day_told(text: str, clock: TimeExpression, times: list[TimeExpression]) -> bool:
    """Whether a clock time has its day written beside it ('on Monday at 9am', '2pm on Thursday')."""
    return any(t.type == "DATE" and re.fullmatch(r"[\s,]*(?:on|at)?[\s,]*",
                                                 text[t.end:clock.start] if t.end <= clock.start else
                                                 text[clock.end:t.start] if clock.end <= t.start else "x", re.I)
               for t in times)


MINUTES_A_DAY = 24 * 60


# Lengths counted in years between two years: "a decade, from 2014 to 2024".
YEARS_IN = {"year": 1, "decade": 10, "century": 100}


def date_span_check(text: str, stated: TimeExpression, figure: tuple[float, str, bool],
                    dates: list[TimeExpression]) -> Check | None:
    unit = CALENDAR_UNITS.get(figure[1])
    first, second = sorted(dates, key=lambda t: t.value)
    if len(first.value) == 7:  # "from January 2024 to July 2025, 18 months": as many months as the ends allow
        if unit not in ("month", "year"):
            return None
        status, shown = counted_verdict(text, stated, figure[0], unit, interval(first.value), interval(second.value))
        return Check(kind="duration", status=status, about=[first.text, second.text, stated.text],
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
    return Check(kind="duration", status=status, about=[first.text, second.text, stated.text],
                 working=f"{first.value} → {second.value} = {shown} {unit}s; stated {stated.text}: {status}")


# ------------------------------------------------------------------------------------------ elapsed

def interval(value: str) -> tuple[date, date] | None:
    """The first and last day a resolved year, month or day value covers (not a time of day's)."""
    span = timex.calendar_span(value)
    return span[:2] if span is not None and span[2] in ("Y", "M", "D") and "T" not in value else None


def whole_units(begin: date, end: date, unit: str) -> int:
    delta = relativedelta(end, begin)
    if unit in ("day", "week"):
        return (end - begin).days // (1 if unit == "day" else 7)
    months = delta.years * 12 + delta.months
    return {"month": months, "year": months // 12, "decade": months // 120, "century": months // 1200}[unit]


def elapsed_checks(parsed: Parsed, sheet: FactSheet, spans: list[Sentence]) -> Iterator[Check]:
    """'N years since <date>' and '<date>, N years ago' against the publication date."""
    if parsed.published is None:
        return
    for stated in sheet.times:
        figure = amount(stated.value) if stated.type == "DURATION" else None
        unit = CALENDAR_UNITS.get(figure[1]) if figure and not figure[2] else None
        # "20 years since", "20 years have passed since", "waited 20 years for a school since"
        since = re.match(r"(?:\s+(?!and\b|but\b)[\w'’-]+){0,6}?\s+since\b", parsed.text[stated.end:stated.end + 60], re.I)
        sentence = sentence_of(spans, stated.start)
        if unit is None or sentence is None:
            continue
        if since is not None:  # the date it runs from is over before publication ("since 2016" in 2016 is not)
            origin = next((t for t in sheet.times if t.type == "DATE" and stated.end < t.start < sentence.end
                           and interval(t.value) and interval(t.value)[1] < parsed.published), None)
        else:
            origin = origin_of_length(parsed, sheet, stated, unit, sentence)
        if origin is not None:
            yield elapsed_check(parsed, stated, figure[0], unit, origin)
    dates = [t for t in sheet.times if t.type == "DATE" and interval(t.value)]
    for stated in (t for t in sheet.times if t.type == "DATE"):  # "a decade ago" is dated to its decade only
        counted = counted_from(stated.text)
        if counted is None or counted[2] != "ago":
            continue
        origin = next((t for t in dates if t is not stated and apposed(parsed.text, t, stated)), None)
        if origin is not None:
            yield elapsed_check(parsed, stated, counted[0], counted[1], origin)


# "Two decades after the flood of 2006", "Eight years on from the 2018 floods": the date the length is counted
# from follows it.
COUNTED_AFTER = re.compile(r"\s+(?:after|on\s+from|on\s+since)\b", re.I)
# "reopens after 12 years", "celebrating 57 years of marriage", "to mark 50 years together": the length runs up
# to the present; "have been together for 40 years", "has spent 30 years" when its verb is a perfect.
UP_TO_NOW = re.compile(rf"\b(?:{words_pattern(CUES['up_to_now']['before'])})\s+$"
                       rf"|^\s+(?:{words_pattern(CUES['up_to_now']['after'])})\b", re.I)
UP_TO_NOW_PERFECT = re.compile(r"\b(?:for|spent)\s+$", re.I)


def origin_of_length(parsed: Parsed, sheet: FactSheet, stated: TimeExpression, unit: str,
                     sentence: Sentence) -> TimeExpression | None:
    """'Two decades after the flood of 2006, the town has rebuilt …', 'married in 1969 and are celebrating 57
    years of marriage this week': a length told of the present (a perfect or progressive verb, or a date of
    these days in its sentence), counted from the one earlier date of its sentence."""
    dates = [t for t in sheet.times if t.type == "DATE" and sentence.start <= t.start < sentence.end
             and interval(t.value)]
    perfect_only = False
    since = next((t for t in dates if re.fullmatch(r"\s*,\s*", parsed.text[t.end:stated.start])
                  and re.search(r"\bsince\s+$", parsed.text[max(0, t.start - 10):t.start], re.I)), None)
    if since is not None:  # "Since 1996, some 30 years, the family has run the inn"
        return since
    latest = parsed.published - timex.STEPS[unit]
    if COUNTED_AFTER.match(parsed.text, stated.end):
        earlier = dates[:1] if dates and dates[0].start > stated.end and interval(dates[0].value)[0] <= latest else []
    else:
        before, after = parsed.text[max(sentence.start, stated.start - 15):stated.start], parsed.text[stated.end:]
        perfect_only = UP_TO_NOW_PERFECT.search(before) is not None
        # "the first eight months of the year" is a stretch of its own, not one up to now
        if not (perfect_only or ((UP_TO_NOW.search(before) or UP_TO_NOW.match(after))
                                 and not stated.text.lower().startswith("the "))):
            return None
        earlier = [t for t in dates if interval(t.value)[0] <= latest]
    length = parsed.doc.char_span(stated.start, stated.end, alignment_mode="expand")
    if len(earlier) != 1 or length is None or parsed.text.startswith("-", stated.end) or length.root.dep_ in (
            "amod", "compound"):
        return None  # "after a week-long handover" is the length of the handover
    if perfect_only:  # "have lived here for 40 years", not "will run for 10 years from Friday"
        return earlier[0] if told_as_present(length.root, perfect=True) else None
    these_days = any(abs((interval(t.value)[0] - parsed.published).days) <= 14 for t in dates)
    # "Twenty-five years after the 2001 attacks, the site is a memorial": a plain present will do here
    root = length.root.sent.root
    plain = COUNTED_AFTER.match(parsed.text, stated.end) is not None and (root.tag_ in ("VBZ", "VBP") or any(
        child.dep_ in ("aux", "auxpass") and child.tag_ in ("VBZ", "VBP") for child in root.children))
    return earlier[0] if these_days or plain or told_as_present(length.root) else None


def told_as_present(word: Token, perfect: bool = False) -> bool:
    """Whether a word's verb is a present perfect ('has rebuilt', 'have been together') or, unless `perfect`,
    progressive ('are celebrating')."""
    verb = next((token for token in [word, *word.ancestors] if token.pos_ in ("VERB", "AUX")), None)
    while verb is not None and verb.tag_ == "VB" and verb.dep_ in ("xcomp", "advcl") and verb.head is not verb:
        verb = verb.head  # "is touring to mark 50 years": the verb the infinitive serves
    return verb is not None and any(child.dep_ == "aux" and child.tag_ in ("VBZ", "VBP")
                                    and (not perfect or child.lemma_ == "have") for child in verb.children)


# What may join a date and its "N years ago": "in 1998, 27 years ago", "27 years ago, in 1998", "in 1980, was
# 40 years ago", "in 1996, exactly 30 years ago" (the hedge itself is read by `hedge`).
APPOSITION = {"", "in", "back in", "on", "was", "is", "exactly", "just"} | set(HEDGES)


def apposed(text: str, one: TimeExpression, other: TimeExpression) -> bool:
    first, second = sorted((one, other), key=lambda t: t.start)
    return first.end <= second.start and text[first.end:second.start].strip(" ,(–—-").lower() in APPOSITION


def elapsed_check(parsed: Parsed, stated: TimeExpression, count: float, unit: str, origin: TimeExpression) -> Check:
    published = (parsed.published, parsed.published)
    status, counted = counted_verdict(parsed.text, stated, count, unit, interval(origin.value), published)
    return Check(kind="elapsed", status=status, about=[stated.text, origin.text],
                 working=f"{origin.value} → {parsed.published} (published) = {counted} {unit}s; "
                         f"stated {stated.text}: {status}")


# ------------------------------------------------------------------------------------------ age

def stated_ages(text: str, people: list[Entity]) -> Iterator[tuple[Entity, int, str]]:
    """'Ann Tully, 48,', 'Tully, who is 48,', 'Tully (48)', 'Tully is 48 and', 'the 48-year-old Tully'."""
    for person in people:
        for mention in person.mentions:
            after = AGE_AFTER.match(text[mention.end:mention.end + 30])
            if after:
                age = after["age"] or after["age2"] or after["age3"] or after["age4"]
                yield person, int(age), text[mention.start:mention.end + after.end()].rstrip(",")
            before = AGE_BEFORE.search(text[max(0, mention.start - 40):mention.start])
            if before:
                yield person, int(before["age"]), before.group(0).strip() + " " + mention.text


def age_of(found: re.Match) -> int:
    return int(found["age"] or found["birthday"]) if found["age"] or found["birthday"] else int(found["nth"]) - 1


def ages_at_death(parsed: Parsed, people: list[Entity],
                  dates: list[TimeExpression]) -> Iterator[tuple[Entity, int, str]]:
    """'Jane Hale, who …, has died aged 87': the age belongs to the subject of the death verb. An age with
    a date beside it ('died in 1998, aged 70') is an age at that date, which `dated_ages` reads."""
    for found in AGE_AT_DEATH.finditer(parsed.text):
        phrase = AGE_PHRASE.search(parsed.text, found.start(), found.end())
        if phrase is not None and date_beside(parsed.text, dates, *phrase.span()):
            continue
        verb = parsed.doc.char_span(*found.span("cue"), alignment_mode="expand")
        subject = next((child for token in (verb or []) for child in token.children
                        if child.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            continue
        subject = relative_antecedent(subject) or subject  # "Ann Hale, who has died aged 87,"
        person = next((person for person in people for m in person.mentions
                       if m.start <= subject.idx < m.end), None)
        if person is not None:
            yield person, age_of(found), found.group(0)


def birth_dates(text: str, people: list[Entity], sheet: FactSheet,
                spans: list[Sentence]) -> Iterator[tuple[Entity, TimeExpression]]:
    """'X was born in 1977', 'X (born 3 May 1977)': the person named last before 'born'; 'Born in Leeds in
    1977, X trained …': the person named first after the opening clause; 'X (1932-2026)'."""
    for found in re.finditer(r"\bborn\b", text, re.I):
        sentence = sentence_of(spans, found.start())
        if sentence is None:
            continue
        when = next((t for t in sheet.times if t.type == "DATE" and found.end() <= t.start < sentence.end
                     and t.start - found.end() < 60 and interval(t.value)), None)
        if when is None:
            continue
        named = [(m.end, person) for person in people for m in person.mentions
                 if sentence.start <= m.start and m.end <= found.start()]
        if named:
            yield max(named, key=lambda pair: pair[0])[1], when
        elif not text[sentence.start:found.start()].strip():
            after = [(m.start, person) for person in people for m in person.mentions
                     if when.end <= m.start < sentence.end]
            if after:
                yield min(after, key=lambda pair: pair[0])[1], when
    for person in people:  # "Otto Berg (1932-2026)": a life's span after the name
        for mention in person.mentions:
            span = LIFESPAN.match(text, mention.end)
            when = next((t for t in sheet.times if span and t.start == span.start("born") and interval(t.value)), None)
            if when is not None:
                yield person, when


LIFESPAN = re.compile(r"\s*\((?:b\.\s*)?(?P<born>\d{4})\s*[-–]\s*(?:\d{4})?\)")


def ages_beside_origins(parsed: Parsed, sheet: FactSheet,
                        spans: list[Sentence]) -> Iterator[tuple[int, str, TimeExpression]]:
    """'The tower, built in 1889, is 136 years old': an age and a date of origin said of one thing in a
    sentence ('founded in 1990 by a 40-year-old engineer' says them of two)."""
    for sentence in spans:
        ages = list(YEARS_OLD.finditer(sentence.text))
        origins = [(t, cue) for t in sheet.times if t.type == "DATE" and sentence.start <= t.start < sentence.end
                   and interval(t.value)
                   and (cue := ORIGIN_CUE.search(parsed.text[max(sentence.start, t.start - 30):t.start]))]
        if len(ages) != 1 or len(origins) != 1:
            continue
        (origin, cue), age = origins[0], ages[0]
        verb = parsed.doc.char_span(max(sentence.start, origin.start - 30) + cue.start(), origin.start,
                                    alignment_mode="expand")
        old = parsed.doc.char_span(sentence.start + age.start(), sentence.start + age.end(), alignment_mode="expand")
        if verb is None or old is None:
            continue
        said_of = bearer(verb[0]), bearer(old[-1])
        if said_of[0] is not None and said_of[0] == said_of[1]:
            yield int(age["age"]), age.group(0), origin


def bearer(word: Token) -> Token | None:
    """What a participle or adjective is said of: the noun it modifies, else its clause's subject."""
    if word.dep_ in ("acl", "relcl", "amod"):
        return word.head
    verb = word.head if word.dep_ == "acomp" else word
    for _ in range(3):
        subject = next((child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None or verb.dep_ != "conj":
            return subject
        verb = verb.head
    return None


def date_beside(text: str, dates: list[TimeExpression], start: int, end: int) -> TimeExpression | None:
    """The date set right beside a phrase ('in 1962, at the age of 28', 'turned 70 in March'), if any; one
    after it first."""
    for when in sorted(dates, key=lambda t: t.start < start):
        between = text[when.end:start] if when.end <= start else text[end:when.start] if end <= when.start else "x"
        if between.strip(" ,(–—-").lower() in APPOSITION and len(between) < 8:
            return when
    return None


def dated_ages(parsed: Parsed, people: list[Entity], births: dict[str, TimeExpression],
               dates: list[TimeExpression]) -> Iterator[tuple[Entity, int, str, TimeExpression]]:
    """'She published it in 1962, at the age of 28': an age at the date beside it, said of the clause's
    subject; a pronoun subject stands for the one person whose birth the article dates."""
    born = [person for person in people if person.id in births]
    # "X, who was born in 1949, turned 77 in February": no one's age is counted at their birth
    dates = [t for t in dates if all(t is not birth for birth in births.values())]
    for found in AGE_PHRASE.finditer(parsed.text):
        when = date_beside(parsed.text, dates, found.start(), found.end())
        phrase = parsed.doc.char_span(*found.span(), alignment_mode="expand")
        if when is None or phrase is None:
            continue
        # "who turned 70" is its own verb; "aged 70" hangs on one
        own = [phrase.root] if phrase.root.tag_ in ("VBD", "VBZ", "VBP") else []
        verb = next((token for token in [*own, *phrase.root.ancestors] if token.pos_ in ("VERB", "AUX")), None)
        person = bearing_person(verb, people, born)
        if person is not None:
            yield person, age_of(found), found.group(0), when
    for found in AGE_WHEN.finditer(parsed.text):
        when = next((t for t in dates if found.end("age") < t.start < found.end()), None)
        verb = parsed.doc.char_span(*found.span(), alignment_mode="expand")
        person = bearing_person(verb[0], people, born) if verb is not None else None
        if when is not None and person is not None:
            yield person, int(found["age"]), parsed.text[found.start():found.end("age")], when


def bearing_person(verb: Token | None, people: list[Entity], born: list[Entity]) -> Entity | None:
    """The person a verb's clause is said of; a pronoun stands for the one person whose birth is dated."""
    subject = bearer(verb) if verb is not None else None
    if subject is None:
        return None
    return next((person for person in people for m in person.mentions if m.start <= subject.idx < m.end),
                born[0] if subject.pos_ == "PRON" and len(born) == 1 else None)


def ages_in_present(parsed: Parsed, people: list[Entity], births: dict[str, TimeExpression],
                    spans: list[Sentence]) -> Iterator[tuple[Entity, int, str]]:
    """'At 67, she still opens the shop', 'celebrates his 86th birthday this week', 'turns 70 today': an age
    now, said of the subject of a present-tense verb."""
    born = [person for person in people if person.id in births]
    for sentence in spans:
        found = AGE_OPENING.match(sentence.text)
        root = parsed.doc.char_span(sentence.start, sentence.end, alignment_mode="expand") if found else None
        if found is not None and root is not None and root.root.tag_ in ("VBZ", "VBP"):
            person = bearing_person(root.root, people, born)
            if person is not None:
                yield person, int(found["age"]), found.group(0).rstrip(",").strip()
    for found in AGE_PHRASE.finditer(parsed.text):
        phrase = parsed.doc.char_span(*found.span(), alignment_mode="expand")
        own = [phrase.root] if phrase is not None and phrase.root.tag_ in ("VBZ", "VBP") else []
        verb = next((token for token in [*own, *phrase.root.ancestors] if token.pos_ in ("VERB", "AUX")),
                    None) if phrase is not None else None
        if verb is not None and verb.tag_ in ("VBZ", "VBP"):
            person = bearing_person(verb, people, born)
            if person is not None:
                yield person, age_of(found), found.group(0)


def age_checks(parsed: Parsed, sheet: FactSheet, spans: list[Sentence]) -> Iterator[Check]:
    if parsed.published is None:
        return
    people = [entity for entity in sheet.entities if entity.type == "PERSON"]
    births = {person.id: when for person, when in birth_dates(parsed.text, people, sheet, spans)}
    dates = [t for t in sheet.times if t.type == "DATE" and interval(t.value)]
    now = TimeExpression(text="published", start=0, end=0, type="DATE", value=parsed.published.isoformat())
    stated = []
    if births:  # a person's age is checked only against their birth
        stated = [(age, about, births[person.id], now) for person, age, about in
                  [*stated_ages(parsed.text, people), *ages_at_death(parsed, people, dates),
                   *ages_in_present(parsed, people, births, spans)] if person.id in births]
        stated += [(age, about, births[person.id], at) for person, age, about, at in
                   dated_ages(parsed, people, births, dates) if person.id in births]
    done = set()
    for age, about, when, at in [*stated, *((age, about, origin, now) for age, about, origin in
                                            ages_beside_origins(parsed, sheet, spans))]:
        if (when.start, age) in done:
            continue
        done.add((when.start, age))
        (born_first, born_last), (at_first, at_last) = interval(when.value), interval(at.value)
        possible = range(relativedelta(at_first, born_last).years, relativedelta(at_last, born_first).years + 1)
        status = verdict(age in possible)
        shown = " or ".join(str(n) for n in possible) if len(possible) <= 3 else f"{possible[0]}–{possible[-1]}"
        yield Check(kind="age", status=status, about=[about, when.text] + ([at.text] if at is not now else []),
                    working=f"from {when.value} → {at.value} ({at.text}) = {shown} years old; "
                            f"stated {age}: {status}")


# ------------------------------------------------------------------------------------------ totals

@dataclass(frozen=True)
class Count:
    value: float
    text: str
    start: int  # offsets within the sentence
    end: int
    currency: str = ""  # a sum's currency; counts of things have none


# What may stand between the items of one list ("7 men, 5 women and 2 children", "3 abstained, with two
# absent"): the rest of an item's phrase, a comma, a conjunction; not a comparison ("62 more than the 270").
LIST_GAP = re.compile(r"^(?!.*\bthan\b)(?:\s+[a-z\d][\w'’-]*){0,4}\s*,?\s*(?:(?:and|or|plus|with)(?:\s+[a-z][\w'’-]*){0,3}\s+)?"
                      r"(?:the\s+(?:remaining|other|rest,?)\s+)?$", re.I)
# "and the remaining 14", "and the other £2m", "and the rest, 4,000": the last part, so the parts make up the whole.
LAST_PART = re.compile(r"\bthe\s+(?:remaining|other|rest,?)\s+$", re.I)
# Between a whole and the list of its parts told after it: "A total of 90 homes were damaged, 60 in …".
WHOLE_GAP = re.compile(r"^(?:\s+[a-z][\w'’-]*){0,5}\s*[,:–—]\s*$", re.I)
# Between a whole and its part cue ("20 jurors was made up of"), or a list and its total cue.
CUE_GAP = re.compile(r"^(?:\s+[a-z\d][\w'’-]*){0,5}\s*,?\s*(?:[–—-]\s*)?$", re.I)


def counts(sentence: Sentence, times: list[TimeExpression]) -> list[Count]:
    """Counted things in a sentence, leaving out numbers inside time expressions and years."""
    found = []
    inside_proportion = 0  # the end of a proportion read at the count that opens it
    for match in COUNT.finditer(sentence.text):
        start = sentence.start + match.start()
        if any(t.start <= start < t.end for t in times) or re.fullmatch(r"1[5-9]\d\d|20\d\d", match["n"]):
            continue
        opened = ONE_IN.match(sentence.text, match.start())
        if opened is not None and proportion(opened) is not None:
            inside_proportion = opened.end()
        if match.start() < inside_proportion:
            continue  # "Six in 10 Republicans" is a share, not two counts
        value = timex.number_value(match["n"])
        if value is not None:
            found.append(Count(value, match.group(0), match.start(), match.end()))
    for match in MONEY.finditer(sentence.text):
        scale = CUES["money_scales"][match["scale"].lower()] if match["scale"] else 1
        found.append(Count(float(match["n"].replace(",", "")) * scale, match.group(0), match.start(), match.end(),
                           match["currency"]))
    return sorted(found, key=lambda count: count.start)


def counted_word(count: Count) -> str:
    """'34 arrests' → 'arrests', '20 on' → 'on', '£3m' → ''."""
    return count.text.split()[-1].lower() if " " in count.text and not count.currency else ""


def list_from(items: list[Count], text: str) -> list[Count]:
    """The items that follow one another as one list, from the first."""
    run = items[:1]
    for item in items[1:]:
        if item.currency != run[0].currency or not LIST_GAP.match(text[run[-1].end:item.start]):
            break
        run.append(item)
    return run


def list_until(items: list[Count], text: str) -> list[Count]:
    """The items that follow one another as one list, up to the last."""
    run = items[-1:]
    for item in reversed(items[:-1]):
        if item.currency != run[0].currency or not LIST_GAP.match(text[item.end:run[0].start]):
            break
        run.insert(0, item)
    return run


def total_checks(parsed: Parsed, sheet: FactSheet, spans: list[Sentence]) -> Iterator[Check]:
    """'12 people, including 5 men and 4 women' (parts after the whole) and '5 men and 7 women, a total
    of 12' (parts before it), the parts being one list. Parts beyond the whole are always wrong; parts
    short of it only when the wording says they make it up ('comprising', 'a total of', 'the remaining')."""
    earlier: tuple[str, list[Count]] = ("", [])
    # Each sentence is given its own times (and the one before, which may run into it), found by bisection:
    # every time of the article for every sentence took minutes on a date sentence repeated.
    times = sorted(sheet.times, key=lambda time: time.start)
    starts = [time.start for time in times]
    for sentence in spans:
        checked: set[int] = set()  # figures already in a check, which another cue may name again
        first = max(0, bisect_left(starts, sentence.start) - 1)
        found = counts(sentence, times[first:bisect_left(starts, sentence.end)])
        text = sentence.text.translate(BRACKETS)
        figures = [*wholes_and_parts(text, found, earlier), *equal_lists(text, found)] if found else []
        for whole, parts, how in figures:
            if len(parts) >= 2 and whole.start not in checked:
                closed = LAST_PART.search(text[max(0, parts[-1].start - 20):parts[-1].start]) is not None
                for check in total_verdict(whole, parts, "all" if closed else how):
                    checked.update(c.start for c in [whole, *parts])
                    yield check
        earlier = text, found


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
        if len(run) < 3:
            continue
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
        whole = next((c for c in reversed(earlier[1]) if c.currency == first.currency), None)
        if whole is not None:
            yield whole, parts, "some"
    for cue in PART_CUE.finditer(text):
        after = [c for c in found if c.start >= cue.end()]
        parts = list_from(after, text)
        # "The 400 jobs will go in two waves: 250 …": a count of the parts is not their whole
        wholes = [c for c in found if c.end <= cue.start() and CUE_GAP.match(text[c.end:cue.start()])
                  and (c.value != len(parts) or c.currency)]
        # "shared between health £35m and …": the first part's own word may come before it
        if wholes and after and re.fullmatch(r"(?:\s+[a-z][\w'’-]*){0,2}\s*", text[cue.end():after[0].start], re.I):
            exhaustive = cue.group(0).lower() in CUES["exhaustive_cues"] or not cue.group(0)[-1].isalpha()
            yield wholes[-1], parts, "all" if exhaustive else "some"
    for cue in WITH_CUE.finditer(text):
        wholes = [c for c in found if c.end <= cue.start() and CUE_GAP.match(text[c.end:cue.start()])]
        after = [c for c in found if c.start >= cue.end()]
        if wholes and after:
            yield wholes[-1], list_from(after, text), "if equal"
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
    still wrong), or nothing ("if equal")."""
    if whole.currency != parts[0].currency:
        return
    summed = sum(part.value for part in parts)
    equal = abs(summed - whole.value) <= 1e-9 * max(1.0, whole.value)
    if (summed < whole.value and how == "some") or (not equal and how == "if equal"):
        return
    status = verdict(equal)
    sums = " + ".join(figure(part.value, whole.currency) for part in parts)
    yield Check(kind="total", status=status, about=[whole.text, *(part.text for part in parts)],
                working=f"{sums} = {figure(summed, whole.currency)}; stated total {whole.text}: {status}")


def figure(value: float, currency: str) -> str:
    return f"{currency}{value:,.0f}" if currency else plain(value)


# ------------------------------------------------------------------------------------------ percentages

@dataclass(frozen=True)
class Share:
    value: float
    text: str
    start: int  # offsets within the sentence
    end: int
    fraction: bool = False  # written in words ("a third"), so rounded


def shares_in(text: str) -> list[Share]:
    # The patterns hold long alternations of number words; most sentences hold no share at all.
    lowered = text.lower()
    found = [Share(timex.number_value(m["n"]), m.group(0), m.start(), m.end()) for m in PERCENT.finditer(text)
             ] if "%" in text or "cent" in lowered else []
    fractions = list(FRACTION.finditer(text)) if FRACTION_HINT.search(lowered) else []
    if fractions:
        fractions += [m for m in LISTED_FRACTION.finditer(text, fractions[0].end())
                      if all(m.start("n") != f.start("n") for f in fractions)]
    found += [Share(FRACTIONS[" ".join(m["n"].lower().replace("-", " ").split())], m["n"], m.start("n"),
                    m.end("n"), fraction=True) for m in fractions]
    # "one in five" is read only beside other shares: two of them alone are rarely one whole's
    for m in ONE_IN.finditer(text) if found else []:
        if (share := proportion(m)) is not None:
            found.append(Share(share, m["n"], m.start(), m.end(), fraction=True))
    return sorted((share for share in found if share.value is not None), key=lambda share: share.start)


SUBSHARE = re.compile(r"\b(?:including|includes|of\s+whom|among\s+them)\s+(?:[\w'’-]+\s+)?$", re.I)


def proportion(found: re.Match) -> float | None:
    """'one in four' → 25.0; None for '60 in 2023'."""
    part, whole = timex.number_value(found["part"]), timex.number_value(found["whole"])
    return round(100 * part / whole, 2) if part and whole and part < whole <= 100 else None


def in_brackets(text: str, offset: int) -> bool:
    return text.rfind("(", 0, offset) > text.rfind(")", 0, offset)


def head_to_head(text: str, first: Share, second: Share) -> bool:
    """'won 58% to Millbridge's 42%', 'by 72% to 28%'."""
    between = text[first.end:second.start]
    return HEAD_TO_HEAD.search(between) is not None or re.fullmatch(r" to (?:her |his |their |its )?", between) is not None


def share_runs(text: str, shares: list[Share]) -> list[list[Share]]:
    """The shares of a sentence in runs that read as one list: few words, besides names, between each."""
    runs: list[list[Share]] = []
    for index, share in enumerate(shares):
        if SUBSHARE.search(text[max(0, share.start - 25):share.start]):
            continue  # "46% positive -- including 16% who would be enthusiastic --" is a part of a share
        between = text[runs[-1][-1].end:share.start] if runs else ""
        # "(20 percent to 45 percent) … (55 percent to 12 percent)": an aside in brackets, or a pair set
        # one to the other followed by another such pair, is a whole of its own
        paired = (runs and len(runs[-1]) >= 2 and head_to_head(text, *runs[-1][-2:]) and index + 1 < len(shares)
                  and head_to_head(text, share, shares[index + 1]))
        aside = ")" in between and len(runs[-1]) >= 2 and all(in_brackets(text, s.start) for s in runs[-1][-2:]) if runs else False
        if runs and ("(" in between or aside or paired):
            runs.append([share])
            continue
        words = len(re.findall(r"\b[a-z][\w'’-]*", between))
        # "the remaining 75%", "the rest, 15%" closes the list however far from the rest of it.
        closes = re.search(rf"(?:{REMAINDER_CUE.pattern})\W*$", between, re.I) is not None
        # A left-out verb ("… power last year, gas 40%", "… for 65% of sales and the home market for 35%"), or a
        # fraction after fractions, goes a little further.
        carried = runs and (GAPPED.search(between) or (share.fraction and runs[-1][-1].fraction)
                            or parallel(text, runs[-1][-1], share))
        if runs and (closes or words <= MAX_SHARE_WORDS or (carried and words <= 2 * MAX_SHARE_WORDS)):
            runs[-1].append(share)
        else:
            runs.append([share])
    return runs


# "The rest, 15%, had no view.", "The remaining 40% …"; not "The rest of the field polled below 5%."
OPENS_ON_REST = re.compile(r"\s*(?:the\s+)?(?:rest|remainder|remaining|others?)\s*(?:,|\d)", re.I)


def share_passages(spans: list[Sentence]) -> list[Sentence]:
    """Sentences, a sentence opening on the rest ('The rest, 15%, had no view.') joined to the one before."""
    passages: list[Sentence] = []
    for sentence in spans:
        if passages and OPENS_ON_REST.match(sentence.text):
            last = passages.pop()
            sentence = Sentence(last.start, sentence.end, last.text + " " * (sentence.start - last.end) + sentence.text)
        passages.append(sentence)
    return passages


def percentage_checks(parsed: Parsed, sheet: FactSheet, spans: list[Sentence]) -> Iterator[Check]:
    """Shares of one whole that should make 100 %: a run of shares listed together, with a cue that they
    split a whole ('in favour', 'against', 'the rest', 'undecided', 'A's 46%'), or three or more of them."""
    for sentence in share_passages(spans):
        runs = share_runs(sentence.text, shares_in(sentence.text))
        for index, shares in enumerate(runs):
            # The run's stretch of the sentence, which its cues must stand in: up to the runs beside it.
            begin = runs[index - 1][-1].end if index else 0
            end = runs[index + 1][0].start if index + 1 < len(runs) else len(sentence.text)
            check = share_check(sentence.text, shares, begin, end)
            if check is not None:
                yield check


# "20% other parties", "3% for others": a share of the rest of a whole.
OTHERS = re.compile(r"\s+(?:for\s+|to\s+)?(?:all\s+)?others?\b", re.I)
OF_WHOLE = re.compile(r"\s+of\s+(?:the\s+|all\s+)?(?!(?:it|them|these|those)\b(?!\s+who))([\w-]+)")


def parallel(text: str, first: Share, second: Share) -> bool:
    """'58 per cent voted to leave and 47 per cent to remain': the second share leaves out the verb the first
    has before the same preposition, so both are answers to one question."""
    verb = re.match(r"\s+[a-z]+\s+(to|for|against|with)\b", text[first.end:], re.I)
    if verb is not None and re.match(rf"\s+{verb[1]}\b", text[second.end:], re.I):
        return True
    # "Exports account for 65% of sales and the home market for 35%"
    before = re.search(r"\b[a-z]+\s+(to|for|by|with)\s+$", text[:first.start], re.I)
    return before is not None and re.search(rf"(?:,|\band)\s+(?:the\s+)?(?:[\w'’-]+\s+){{0,2}}{before[1]}\s+$",
                                            text[first.end:second.start], re.I) is not None


def share_check(text: str, shares: list[Share], begin: int, end: int) -> Check | None:
    if len(shares) < 2:
        return None
    # "a quarter of it", "half of them" name the whole told before
    bases = {base.group(1).lower() for share in shares if (base := OF_WHOLE.match(text[share.end:]))}
    if len(bases) > 1:  # "75 percent of Democrats … 55 percent of all voters": shares of different wholes
        return None
    # "rose 6% in London, 4% in Manchester and 90% of buyers were …": a breakdown names its whole first
    if bases and not OF_WHOLE.match(text[shares[0].end:]) and not shares[0].fraction:
        return None
    stretch = text[begin:end]
    values = [share.value for share in shares]
    total = sum(values)
    rounded = all(value == int(value) or share.fraction for value, share in zip(values, shares, strict=True))
    slack = (0.5 if rounded else 0.05) * len(values)
    # "41 percent of the remaining members" names a whole; "on the other hand" no share at all
    remainders = [cue for cue in REMAINDER_CUE.finditer(stretch)
                  if not re.search(r"\bof\s+$", stretch[:cue.start()]) and not stretch.startswith(" hand", cue.end())]
    # "the rest undecided" leaves the gap unnumbered; "7% undecided", "the rest, 20 per cent" number every share.
    unnumbered = [cue for cue in remainders if not any(
        -12 <= share.start - (begin + cue.end()) <= 12 or -12 <= (begin + cue.start()) - share.end <= 12
        for share in shares)]
    if any(re.fullmatch(r"\s*,?\s*or\s+(?:even\s+)?", text[a.end:b.start]) for a, b in pairwise(shares)) or (
            re.search(r"\bfrom\s+$", text[:shares[0].start]) and re.search(r"\bto\b", text[shares[0].end:shares[1].start])):
        return None  # "35 percent or 40 percent" are alternatives, "from 40 percent … to 42 percent" a change
    partition = (bool(remainders) or PARTITION_CUE.search(stretch) is not None
                 or any(OTHERS.match(text, share.end) for share in shares)
                 or any(HEAD_TO_HEAD.search(text[a.end:b.start]) for a, b in pairwise(shares))
                 or any(parallel(text, a, b) for a, b in pairwise(shares)))
    # A left-out verb says the shares measure one thing, though not that they make up all of it.
    gapped = any(GAPPED.search(text[a.end:b.start]) for a, b in pairwise(shares)) or (
        len(shares) == 2 and text[shares[0].end:shares[1].start] == " to "  # "passed by 72% to 28%"
        and not re.search(r"\bfrom\s+$", text[:shares[0].start], re.I))
    rest = ""
    if unnumbered:
        status = verdict(total <= 100 + slack)
        rest = f"; {unnumbered[0].group(0)} {plain(round(max(0.0, 100 - total), 2))}%"
    elif abs(total - 100) <= slack and (partition or gapped or len(values) >= 3
                                        or all(share.fraction for share in shares)):
        status = "consistent"
    elif ((total > 100 + slack and partition) or (total < 100 - slack and remainders)) and not any(
            share.fraction for share in shares):  # "about half", "6 in 10" are too loose to be proved wrong
        status = "inconsistent"
    else:
        return None
    sums = " + ".join(f"{plain(round(value, 2))}%" for value in values)
    return Check(kind="percentages", status=status, about=[share.text for share in shares],
                 working=f"{sums} = {plain(round(total, 2))}%{rest}; shares of one whole: {status}")


def find_checks(parsed: Parsed, sheet: FactSheet) -> list[Check]:
    """Every check the article's figures allow, with its working."""
    spans = sentences(parsed)
    found: list[Check] = []
    for family in (duration_checks, elapsed_checks, age_checks, total_checks, percentage_checks):
        found.extend(family(parsed, sheet, spans))
    return found
