"""`percentages`: a stated change between two stated values ('revenue of £2.31bn, up 6% from £2.18bn',
'fell to 12.9% from 14.2%, a decline of 1.3 percentage points', 'expanded 40 basis points to 17.2%')."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from ..nlp import Parsed
from ..schema import Check, FactSheet
from .common import CUES, verdict, words_pattern
from .values import Value, overlaps, shown, values, with_noun

_UP, _DOWN = set(CUES["change_cues"]["up"]), set(CUES["change_cues"]["down"])
_CUE_BEFORE = re.compile(rf"\b(?P<cue>{words_pattern([*_UP, *_DOWN])})\b(?:\s+(?:by|of|some|about|almost|nearly|"
                         rf"just|more\s+than|over|around|roughly|a|an|just\s+over|just\s+under))*\s*$", re.I)
# "a 58 per cent rise", "an increase of 25%": the cue after the change, or before it with "of"
_CUE_AFTER = re.compile(rf"^(?:\s+(?:year-on-year|annual|yearly|sequential|quarterly))?\s+(?P<cue>"
                        rf"{words_pattern([*_UP, *_DOWN])})\b", re.I)
_FROM = re.compile(rf"\b(?:{words_pattern(CUES['change_from'])})\s+(?:[\w'’-]+\s+){{0,2}}$", re.I)
_FROM_AFTER = re.compile(rf"^\s+(?:{words_pattern(CUES['change_from'])})\b[^.;]*$", re.I)
_PARTICLE_UP = re.compile(r"\b(?:made|make|makes|making|sum|sums|summed|add|adds|added|adding)\s+up$", re.I)
# How far apart a change and the values it is computed from may stand, in sentences.
_REACH = 3


def change_checks(parsed: Parsed, sheet: FactSheet) -> Iterator[Check]:
    found = values(parsed, sheet)
    changes = [v for v in found if v.kind == "percent" and direction(parsed.text, v) is not None]
    for change in changes:
        if change.unit == "percent" and change.figure.text[:1].isalpha():
            continue  # "a quarter" is too loose a change to prove
        way = direction(parsed.text, change)
        points = change.unit in ("points", "basis points")
        candidates = [v for v in found if v is not change and v not in changes and _comparable(v, points)]
        beside = [v for v in candidates if v.sentence == change.sentence]
        check = _judge(parsed.text, change, way, beside, points, certain=True)
        if check is None and not beside and _points_back(parsed, change):
            # "It will cost $61m, up from $48m. That is an increase of 31%": the sentence before is its own
            told = replace(change, sentence=change.sentence - 1)
            check = _judge(parsed.text, told, way, [v for v in candidates if v.sentence == told.sentence], points,
                           certain=True)
        if check is None:  # the values in the sentences around it ("Sequentially, net profit rose 3.2% from …")
            near = [v for v in candidates if 0 < abs(v.sentence - change.sentence) <= _REACH]
            check = _judge(parsed.text, change, way, beside + near, points, certain=False)
        if check is not None:
            yield check[0]


# "That is an increase of 31%", "This represents a rise of 5%": a sentence that says what the one before told.
_POINTING_BACK = re.compile(r"(?:that|this|it|which)(?:\s+(?:is|was|represents|represented|marks|marked|amounts\s+to)"
                            r"|['’]s)\b", re.I)


def _points_back(parsed: Parsed, change: Value) -> bool:
    sentences = list(parsed.doc.sents)
    return 0 < change.sentence < len(sentences) and _POINTING_BACK.match(sentences[change.sentence].text) is not None


def _comparable(value: Value, points: bool) -> bool:
    """Values a change can be computed between: shares for a change in points, else sums, counts, numbers and
    shares (a relative change of a rate)."""
    if points:
        return value.kind == "percent" and value.unit == "percent"
    return value.kind in ("money", "count", "number") or value.kind == "percent" and value.unit == "percent"


def direction(text: str, change: Value) -> int | None:
    """+1 for a rise, -1 for a fall, None when no word says the figure is a change."""
    window = text[max(0, change.start - 40):change.start]
    before = _CUE_BEFORE.search(window)
    cue = before or _CUE_AFTER.match(text[change.end:change.end + 30])
    if cue is None or before is not None and _PARTICLE_UP.search(window[:before.end("cue")]):
        return None  # "women made up 58 per cent" is a share, not a rise
    return 1 if cue["cue"].lower() in _UP else -1


def _judge(text: str, change: Value, direction: int, candidates: list[Value], points: bool,
           certain: bool) -> tuple[Check, list[Value]] | None:
    """The change against the one pair of values it can be computed from; inconsistent only when the sentence
    names the pair beyond doubt (two values of one unit, the old one after 'from')."""
    pairs = []
    for old in candidates:
        if not _named_as_old(text, change, old, candidates):
            continue
        for new in candidates:
            if new is old or new.unit != old.unit or new.kind == "percent" and old.kind != "percent":
                continue
            pairs.append((new, old))
    if not pairs:
        # "406 (25.1%) … against 312 (19.2%) – a relative reduction of 23.3%": no 'from' names the old value;
        # a pair of its sentence that gives the change is agreement, and nothing more is claimed
        own = [v for v in candidates if v.sentence == change.sentence]
        shares = [v for v in own if v.kind == "percent"]
        own = shares if 2 <= len(shares) <= 4 else own  # a change in a rate, beside the counts it is of
        fitting = [(new, old) for new in own for old in own if new is not old and new.unit == old.unit
                   and new.kind == old.kind and _fits(change, new, old, points, direction)]
        if len(own) <= 4 and fitting:
            new, old = min(fitting, key=lambda pair: abs(pair[0].start - change.start) + abs(pair[1].start - change.start))
            return _check(text, change, new, old, points, "consistent"), [new, old]
        return _same_thing_near(text, change, direction, candidates, points)
    fitting = [(new, old) for new, old in pairs if _fits(change, new, old, points, direction)]
    if fitting:
        new, old = min(fitting, key=lambda pair: abs(pair[0].start - change.start) + abs(pair[1].start - change.start))
        return _check(text, change, new, old, points, "consistent"), [new, old]
    if (agreed := _same_thing_near(text, change, direction, candidates, points)) is not None:
        return agreed
    same_sentence = [(n, o) for n, o in pairs if n.sentence == o.sentence == change.sentence]
    if not certain or len(same_sentence) != 1 or len([c for c in candidates if c.sentence == change.sentence
                                                      and c.unit == same_sentence[0][0].unit]) != 2:
        return None
    new, old = same_sentence[0]
    if change.unit == "percent" and new.unit == "percent":
        return None  # a change in a share may be meant in points or relative: never proved wrong
    if (new.value - old.value) * direction <= 0:
        return None  # the sentence's words and the values disagree on the way it went: read it no further
    return _check(text, change, new, old, points, "inconsistent"), [new, old]


def _same_thing_near(text: str, change: Value, direction: int, candidates: list[Value],
                     points: bool) -> tuple[Check, list[Value]] | None:
    """'an estimated cost of Rs 48 crore. … The final cost stood at Rs 61.2 crore, an overrun of 27.5%': the one
    value of the change's sentence against the one value of the same thing (the noun both measure) told in the
    sentences near it; agreement only."""
    own = [v for v in candidates if v.sentence == change.sentence]
    if len(own) != 1 or not own[0].figure.measures:
        return None
    new = own[0]
    same = [old for old in candidates if old.sentence != change.sentence and old.unit == new.unit
            and old.kind == new.kind and (old.figure.measures or "").lower() == new.figure.measures.lower()]
    if len(same) == 1 and _fits(change, new, same[0], points, direction):
        return _check(text, change, new, same[0], points, "consistent"), [new, same[0]]
    return None


def _named_as_old(text: str, change: Value, old: Value, candidates: list[Value]) -> bool:
    """'from £2.18bn', 'from last year's 1.34 billion pounds', 'up 21.3 points on May 2023, when the party took
    13.7 per cent': the value the change is counted from."""
    if _FROM.search(text[max(0, old.start - 30):old.start]):
        return True
    between = text[change.end:old.start]
    return (change.end <= old.start and len(between) < 60 and _FROM_AFTER.match(between) is not None
            and not any(change.end <= other.start < old.start for other in candidates if other.unit == old.unit))


def _computed(new: Value, old: Value, points: str | bool, relative: bool) -> tuple[float, float]:
    """The least and most the change between two values can be, as their rounding allows."""
    if relative:
        corners = [(n - o) / o * 100 for n in (new.low, new.high) for o in (old.low, old.high) if o]
    else:
        corners = [(n - o) * (100 if points == "basis points" else 1) for n in (new.low, new.high)
                   for o in (old.low, old.high)]
    return min(corners), max(corners)


def _fits(change: Value, new: Value, old: Value, points: bool, direction: int) -> bool:
    if (new.value - old.value) * direction <= 0:
        return False  # "4 per cent in the first year, 4 per cent in the second": no change between them
    readings = [False] if points else [True]
    if not points and new.unit == "percent":
        readings.append(False)  # "down 7%" of a share may be points
    for relative in readings:
        low, high = _computed(new, old, change.unit if points else False, relative)
        if relative and new.unit == "percent" and high - low > abs(change.value):
            # "4 per cent … 3 per cent", rounded, may be 1% or 80% apart: too coarse to agree with 11% (a change
            # in a share is never called wrong, so this says nothing rather than 'inconsistent')
            continue
        least = min(abs(low), abs(high)) if low * high > 0 else 0.0
        if overlaps(least, max(abs(low), abs(high)), change.low, change.high):
            return True
    return False


def _check(text: str, change: Value, new: Value, old: Value, points: bool, status: str) -> Check:
    if points:
        scale = 100 if change.unit == "basis points" else 1
        computed = f"{shown(new.value)} − {shown(old.value)} = {shown((new.value - old.value) * scale)} {change.unit}"
    else:
        computed = f"({shown(new.value)} − {shown(old.value)}) / {shown(old.value)} = " \
                   f"{(new.value - old.value) / old.value * 100:+.1f}%"
    stated = f"{change.figure.hedge} {change.text}" if change.figure.hedge else change.text
    return Check(kind="percentages", status=verdict(status == "consistent"),
                 about=[change.text, with_noun(text, new), with_noun(text, old)],
                 working=f"{computed}; stated {stated}: {status}")
