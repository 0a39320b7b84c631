"""`elapsed`: time since a date, against the publication date or another date."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from spacy.tokens import Token
from text_to_num import alpha2digit

from .. import timex
from ..lexicon import quote_cues
from ..nlp import Parsed
from ..parse import governing_verb
from ..quote_marks import QuotedSpans, quotations
from ..schema import Check, FactSheet, TimeExpression
from .common import (
    CALENDAR_UNITS, CUES, HEDGED, HEDGES, Sentence, amount, apposed, counted_from, counted_verdict, interval, of_these_days,
    sentence_of, words_pattern,
)

# "Since 1996, some 30 years": a hedge stands outside the length it hedges.
SINCE_GAP = re.compile(r"\s*,\s*" + HEDGED, re.I)


# ------------------------------------------------------------------------------------------ elapsed

def elapsed_checks(parsed: Parsed, sheet: FactSheet, spans: list[Sentence]) -> Iterator[Check]:
    """'N years since <date>' and '<date>, N years ago' against the publication date."""
    if parsed.published is None:
        return
    quoted = QuotedSpans(quotations(parsed.text))

    def one_voice(a: TimeExpression, b: TimeExpression) -> bool:
        """Both the writer's words or both quoted: a length someone is quoted saying is not counted from the
        writer's date ('the closure in 2009 and what she calls "four years of …"')."""
        return (quoted.share(a.start, a.end) > 0) == (quoted.share(b.start, b.end) > 0)

    for stated in sheet.times:
        figure = amount(stated.value) if stated.type == "DURATION" else None
        unit = CALENDAR_UNITS.get(figure[1]) if figure and not figure[2] else None
        # "20 years since", "20 years have passed since", "waited 20 years for a school since"
        # ", since marrying him in 1957": the clause the date is told in follows too
        since = re.match(r"(?:\s+(?!and\b|but\b)[\w'’-]+){0,6}?\s+since\b|\s*,\s*since\s+[a-z]+ing\b",
                         parsed.text[stated.end:stated.end + 60], re.I)
        sentence = sentence_of(spans, stated.start)
        if unit is None or sentence is None:
            continue
        tied = since is not None
        if since is not None:  # the date it runs from is over before publication ("since 2016" in 2016 is not)
            origin = next((t for t in sheet.times if t.type == "DATE" and stated.end < t.start < sentence.end
                           and interval(t.value) and interval(t.value)[1] < parsed.published), None)
        else:
            origin, tied = origin_of_length(parsed, sheet, stated, unit, sentence)
        check = elapsed_check(parsed, stated, figure[0], unit, origin) if origin is not None else None
        if check is not None and one_voice(stated, origin):
            # "founded in 2009, it has been profitable for five years": a date the length is not tied to may be
            # of something else, so the length is only ever found to agree with it
            if tied or check.status == "consistent":
                yield check
        elif since is None and (loose := loose_origin(parsed, sheet, stated, unit, sentence, spans)) is not None:
            check = elapsed_check(parsed, stated, figure[0], unit, loose)
            if check.status == "consistent" and one_voice(stated, loose):
                yield check
        elif since is None and (first_in(parsed, stated, sentence) or (
                not [t for t in calendar_dates(sheet, sentence) if not of_these_days(parsed, t)]
                and runs_up_to_now(parsed, stated, sentence, these_days=bool(calendar_dates(sheet, sentence))))):
            # the date of the last time is told in a sentence beside it: taken only when one date agrees
            index = spans.index(sentence)
            beside = [t for near in spans[max(0, index - 1):index + 2] if near is not sentence
                      for t in sheet.times if t.type == "DATE" and near.start <= t.start < near.end
                      and interval(t.value) and interval(t.value)[1] < parsed.published
                      and counted_from(t.text) is None  # "a year earlier" is counted from another date
                      and one_voice(stated, t)]
            agreeing = [check for check in (elapsed_check(parsed, stated, figure[0], unit, t) for t in beside)
                        if check.status == "consistent"]
            if len(agreeing) == 1:
                yield agreeing[0]
    yield from anniversary_checks(parsed, sheet, spans, one_voice)
    dates = [t for t in sheet.times if t.type == "DATE" and interval(t.value)]
    for stated in (t for t in sheet.times if t.type == "DATE"):  # "a decade ago" is dated to its decade only
        counted = counted_from(stated.text)
        if counted is None or counted[2] != "ago":
            continue
        origin = next((t for t in dates if t is not stated and apposed(parsed.text, t, stated)), None)
        if origin is not None:
            yield elapsed_check(parsed, stated, counted[0], counted[1], origin)
            continue
        # "since the 1990 flood 36 years ago": the year of the thing named between; "presented the 2023 budget a
        # year ago" may date the thing otherwise, so it is only found to agree
        event = next((t for t in dates if re.fullmatch(r"\d{4}", t.text) and re.fullmatch(
            r"\s+[a-z]+\s*,?\s*", parsed.text[t.end:stated.start])), None)
        check = elapsed_check(parsed, stated, counted[0], counted[1], event) if event is not None else None
        if check is not None and check.status == "consistent":
            yield check


# "its 125th anniversary", "the fifth anniversary of the killing": so many years since what it marks.
ANNIVERSARY = re.compile(r"\b(?P<nth>\d{1,3}(?:st|nd|rd|th)|[a-z]+(?:-[a-z]+)?)\s+anniversary\b", re.I)


def anniversary_checks(parsed: Parsed, sheet: FactSheet, spans: list[Sentence],
                       one_voice: Callable[[TimeExpression, TimeExpression], bool]) -> Iterator[Check]:
    """An anniversary against the date of what it marks, told in its sentence or one beside it. The words do not
    say which date that is, so a check is made only when exactly one date there agrees."""
    for found in ANNIVERSARY.finditer(parsed.text):
        ordinal = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", alpha2digit(found["nth"], "en"))
        sentence = sentence_of(spans, found.start())
        if ordinal is None or sentence is None or not 0 < int(ordinal[1]) < 1000:
            continue
        years = int(ordinal[1])
        stated = TimeExpression(text=found.group(0), start=found.start(), end=found.end(), type="DURATION",
                                value=f"P{years}Y")
        index = spans.index(sentence)
        near = [t for beside in spans[max(0, index - 1):index + 2] for t in calendar_dates(sheet, beside)
                if interval(t.value)[1] < parsed.published and not of_these_days(parsed, t)
                and counted_from(t.text) is None and one_voice(stated, t)]
        agreeing = [check for check in (elapsed_check(parsed, stated, years, "year", t) for t in near)
                    if check.status == "consistent"]
        if len(agreeing) == 1:
            yield agreeing[0]


# "Two decades after the flood of 2006", "Eight years on from the 2018 floods": the date the length is counted
# from follows it.
COUNTED_AFTER = re.compile(r"\s+(?:after|on\s+from|on\s+since)\b", re.I)
# "12 days of strikes starting on 3 February": the date a length opens on, after it.
OPENING_ON = re.compile(r"\b(?:starting|beginning|commencing)(?:\s+(?:on|in|from))?\s*$", re.I)
# "reopens after 12 years", "celebrating 57 years of marriage", "to mark 50 years together": the length runs up
# to the present; "have been together for 40 years", "has spent 30 years" when its verb is a perfect.
UP_TO_NOW = re.compile(rf"\b(?:{words_pattern(CUES['up_to_now']['before'])})\s+$"
                       rf"|^\s+(?:{words_pattern(CUES['up_to_now']['after'])})\b", re.I)
UP_TO_NOW_PERFECT = re.compile(r"\b(?:for|spent)\s+" + HEDGED + "$", re.I)
# "his wife of 52 years", "her partner of ten years": a bond that lasts up to now.
SPOUSE_OF = re.compile(r"\b(?:wife|husband|spouse|partner)\s+of\s+" + HEDGED + "$", re.I)
# "In 17 years it has never lost", "has doubled in five years": the last so many years, up to now; which date
# they are counted from is not said, so only a date beside them that agrees is taken.
IN_PERFECT = re.compile(r"\bin\s+" + HEDGED + "$", re.I)


def calendar_dates(sheet: FactSheet, sentence: Sentence) -> list[TimeExpression]:
    return [t for t in sheet.times if t.type == "DATE" and sentence.start <= t.start < sentence.end
            and interval(t.value)]


def origin_of_length(parsed: Parsed, sheet: FactSheet, stated: TimeExpression, unit: str,
                     sentence: Sentence) -> tuple[TimeExpression | None, bool]:
    """'Two decades after the flood of 2006, the town has rebuilt …', 'married in 1969 and are celebrating 57
    years of marriage this week': a length told of the present (a perfect or progressive verb, or a date of
    these days in its sentence), counted from the one earlier date of its sentence; and whether the wording
    ties the two ('since 1974', 'after the flood of 2006')."""
    dates = calendar_dates(sheet, sentence)
    since = next((t for t in dates if SINCE_GAP.fullmatch(parsed.text[t.end:stated.start])
                  and re.search(r"\bsince\s+$", parsed.text[max(0, t.start - 10):t.start], re.I)), None)
    if since is not None:  # "Since 1996, some 30 years, the family has run the inn"
        return since, True
    latest = parsed.published - timex.STEPS[unit]
    # "12 days of strikes starting on 3 February": a length that opens on its date runs on from it
    dates = [t for t in dates if not (t.start > stated.end and OPENING_ON.search(parsed.text, stated.end, t.start))]
    counted_after = COUNTED_AFTER.match(parsed.text, stated.end) is not None
    if counted_after:
        earlier = dates[:1] if dates and dates[0].start > stated.end and interval(dates[0].value)[0] <= latest else []
    else:
        earlier = [t for t in dates if interval(t.value)[0] <= latest]
    if len(earlier) != 1 or not runs_up_to_now(parsed, stated, sentence,
                                                these_days=any(of_these_days(parsed, t) for t in dates)):
        return None, False
    # "has lived there for 52 years, since 1974"; "who joined in 2019, has been captain for three years" may
    # count from a later day than the date's, which a word of lasting ('after', 'of marriage') does not
    before = parsed.text[max(sentence.start, stated.start - 20):stated.start]
    perfect = UP_TO_NOW_PERFECT.search(before) or IN_PERFECT.search(before)
    tied = counted_after or not perfect or re.fullmatch(r"\s*,?\s*since\s+", parsed.text[stated.end:earlier[0].start],
                                                        re.I) is not None
    return earlier[0], tied


# "taught there for 22 years", "built it over 37 years", "lasted 17 months": a length that may or may not run up
# to now.
FOR_LENGTH = re.compile(r"\b(?:for|over|lasted)\s+" + HEDGED + "$", re.I)
# "stepped down after nine years, having joined in 2017": a length an event ends, whose start may follow it; a
# date before it ("reopened in 2022 after four years") is where it ended.
AFTER_LENGTH = re.compile(r"\bafter\s+" + HEDGED + "$", re.I)


def loose_origin(parsed: Parsed, sheet: FactSheet, stated: TimeExpression, unit: str,
                 sentence: Sentence, spans: list[Sentence]) -> TimeExpression | None:
    """'She joined the school in 2004 and taught there for 22 years': the one earlier date of the sentence of a
    length in any tense. Whether it ran up to now is not said; if the date and the length reach now, it did."""
    length = parsed.doc.char_span(stated.start, stated.end, alignment_mode="expand")
    before = parsed.text[max(sentence.start, stated.start - 20):stated.start]
    after = AFTER_LENGTH.search(before) is not None
    if (length is None or length.root.dep_ in ("amod", "compound") or parsed.text.startswith("-", stated.end)
            or not (FOR_LENGTH.search(before) or after)):
        return None
    latest = parsed.published - timex.STEPS[unit]
    dates = [t for t in calendar_dates(sheet, sentence) if interval(t.value)[0] <= latest]
    # "had led the council for five years, since May 2021": in the past perfect it may have ended before now
    since = next((t for t in dates if re.fullmatch(r"\s*,\s*since\s+", parsed.text[stated.end:t.start], re.I)), None)
    earlier = [t for t in dates if (t.start >= stated.end if after else t.end <= stated.start)]
    if after and not earlier:
        # "has chaired the trust since 1999 and leaves after 25 years": a date told as a start ('since') before a
        # length an event ends, in its sentence or, with no date of its own, the sentence before
        previous = sentence_before(spans, sentence) if not calendar_dates(sheet, sentence) else None
        before_it = [t for t in dates if t.end <= stated.start] or (
            [t for t in calendar_dates(sheet, previous) if interval(t.value)[0] <= latest] if previous is not None else [])
        started = [t for t in before_it if SINCE_BEFORE.search(parsed.text[max(0, t.start - 8):t.start])]
        return started[0] if len(started) == 1 else None
    return since or (earlier[0] if len(earlier) == 1 else None)


SINCE_BEFORE = re.compile(r"\bsince\s+$", re.I)


def sentence_before(spans: list[Sentence], sentence: Sentence) -> Sentence | None:
    index = spans.index(sentence)
    return spans[index - 1] if index else None


def runs_up_to_now(parsed: Parsed, stated: TimeExpression, sentence: Sentence, these_days: bool = False) -> bool:
    """Whether the grammar tells a length as running up to the present: a present perfect ('have lived here
    for 40 years', not 'will run for 10 years from Friday'), a progressive or a date of these days beside a
    word of lasting ('are celebrating 57 years of marriage'), a plain present after the date it is counted
    from ('Twenty-five years after the 2001 attacks, the site is a memorial')."""
    length = parsed.doc.char_span(stated.start, stated.end, alignment_mode="expand")
    if length is None or parsed.text.startswith("-", stated.end) or length.root.dep_ in ("amod", "compound"):
        return False  # "after a week-long handover" is the length of the handover
    before, after = parsed.text[max(sentence.start, stated.start - 20):stated.start], parsed.text[stated.end:]
    if COUNTED_AFTER.match(after):
        root = length.root.sent.root
        return these_days or root.tag_ in ("VBZ", "VBP") or any(
            child.dep_ in ("aux", "auxpass") and child.tag_ in ("VBZ", "VBP") for child in root.children
        ) or told_as_present(length.root)
    if UP_TO_NOW_PERFECT.search(before) or IN_PERFECT.search(before):
        return told_as_present(length.root, perfect=True)
    if SPOUSE_OF.search(before):
        return True  # "survived by his wife of 52 years": married up to now
    # "the first eight months of the year" is a stretch of its own, not one up to now
    if (UP_TO_NOW.search(before) or UP_TO_NOW.match(after)) and not stated.text.lower().startswith("the "):
        # "became president in 2022 after eight years as provost … said on Tuesday": a length its own past verb
        # tells is over, whatever day of these days the sentence names
        return these_days and not told_as_past(length.root) or told_as_present(length.root)
    return False


def told_as_past(word: Token) -> bool:
    """Whether the verb a word hangs on is in the simple past ('became', 'left after')."""
    verb = governing_verb(word)
    return verb is not None and verb.tag_ == "VBD"


def told_as_present(word: Token, perfect: bool = False) -> bool:
    """Whether a word's verb is a present perfect ('has rebuilt', 'have been together') or, unless `perfect`,
    progressive ('are celebrating')."""
    verb = governing_verb(word)
    while verb is not None and verb.tag_ == "VB" and verb.dep_ in ("xcomp", "advcl") and verb.head is not verb:
        verb = verb.head  # "is touring to mark 50 years": the verb the infinitive serves
    # "she said they had been married for 57 years": a present perfect put back a tense by a past verb of saying
    reported = verb is not None and verb.dep_ == "ccomp" and verb.head.tag_ == "VBD" and (
        verb.head.lemma_ in quote_cues()["reporting_verbs"])
    return verb is not None and any(child.dep_ == "aux" and child.lemma_ == "have" and (
        child.tag_ in ("VBZ", "VBP") or (reported and child.tag_ == "VBD")) or (
        not perfect and child.dep_ == "aux" and child.tag_ in ("VBZ", "VBP")) for child in verb.children)


# "the deadliest fire in 30 years", "its second inquiry in 14 months": a length up to now since the last such.
IN_LENGTH = re.compile(r"\b(?:in|for)\s+(?:the\s+(?:past|last)\s+)?(?:(?:" + "|".join(
    re.escape(word) for word in sorted(HEDGES, key=len, reverse=True)) + r")\s+)?$", re.I)


def first_in(parsed: Parsed, stated: TimeExpression, sentence: Sentence) -> bool:
    """Whether a length closes a superlative or an ordinal ('the worst … in 30 years', 'the first time in 26
    years'): the time since the last one like it."""
    if not IN_LENGTH.search(parsed.text[max(sentence.start, stated.start - 16):stated.start]):
        return False
    clause = parsed.doc.char_span(sentence.start, stated.start, alignment_mode="expand")
    return clause is not None and any(token.tag_ in ("JJS", "RBS") or token.ent_type_ == "ORDINAL"
                                      for token in clause)


# "last March" said in May is this year's March or the year before's: English leaves it open.
LAST_MONTH = re.compile(r"last\s+(?:january|february|march|april|may|june|july|august|september|october|november|"
                        r"december)", re.I)


def elapsed_check(parsed: Parsed, stated: TimeExpression, count: float, unit: str, origin: TimeExpression) -> Check:
    published = (parsed.published, parsed.published)
    value = origin.value
    status, counted = counted_verdict(parsed.text, stated, count, unit, interval(value), published)
    if status == "inconsistent" and LAST_MONTH.fullmatch(origin.text) and re.fullmatch(r"\d{4}-\d{2}", value):
        # either reading of 'last <month>' that agrees is the one meant; the working shows which was taken
        year_before = f"{int(value[:4]) - 1}{value[4:]}"
        other = counted_verdict(parsed.text, stated, count, unit, interval(year_before), published)
        if other[0] == "consistent":
            value, (status, counted) = year_before, other
    return Check(kind="elapsed", status=status, about=[stated.text, origin.text],
                 working=f"{value} → {parsed.published} (published) = {counted} {unit}s; "
                         f"stated {stated.text}: {status}")
