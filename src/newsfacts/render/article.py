"""The article as the report shows it: in its paragraphs, cut into pieces where any highlight starts or ends
(names, quotes coloured by speaker, time expressions, figures, and the figures each check is about).

Highlights overlap (a name inside a quote), so the text is cut into flat pieces rather than nested
elements. Every character of the text is kept, in order: the page's text is the article's.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from itertools import islice

from ..schema import Check, FactSheet, Figure, Quote
from .dates import readable

# A line break, with the blanks around it, ends a paragraph (news text puts one paragraph on each line).
PARAGRAPH_BREAK = re.compile(r"[^\S\n]*\n\s*")
# Hues this far apart around the colour wheel (the golden angle) never repeat and stay apart for any
# number of speakers; saturation and lightness keep black text readable on them.
GOLDEN_ANGLE = 137.508
# How many places one expression of a check is looked for (a bare "2" can stand hundreds of times).
MAX_OCCURRENCES = 200


@dataclass
class Segment:
    text: str
    start: int
    entity: str | None = None
    quote: int | None = None
    speaker_class: str | None = None
    time: int | None = None
    figure: int | None = None
    checks: list[int] = field(default_factory=list)
    failed: bool = False  # part of what an inconsistent check is about
    anchor: str | None = None  # where a link to a check lands
    between: bool = False  # part of a paragraph break
    classes: list[str] = field(default_factory=list)
    title: str = ""  # the tooltip: who said it, what a time or figure means, which check reads it


@dataclass
class Paragraph:
    before: str  # the line breaks and blanks that separate it from the paragraph before
    segments: list[Segment]


def speaker_key(quote: Quote) -> str:
    return quote.speaker or quote.speaker_name or quote.source


def distinct_colours(count: int) -> list[str]:
    return [f"hsl({(number * GOLDEN_ANGLE + 200) % 360:.1f} 70% 66%)" for number in range(count)]


def speaker_classes(sheet: FactSheet) -> dict[str, str]:
    """A class (spk0, spk1, …) per speaker, in the order they first speak; `distinct_colours` colours them."""
    keys = list(dict.fromkeys(speaker_key(quote) for quote in sheet.quotes))
    return {key: f"spk{number}" for number, key in enumerate(keys)}


def occurrences(text: str, phrase: str) -> list[tuple[int, int]]:
    """Where a phrase stands as whole words (else anywhere), case aside only when it is not found as written."""
    for pattern in (rf"(?<!\w){re.escape(phrase)}(?!\w)", re.escape(phrase)):
        for flags in (0, re.IGNORECASE):
            found = [match.span() for match in islice(re.finditer(pattern, text, flags), MAX_OCCURRENCES)]
            if found:
                return found
    return []


def check_spans(text: str, check: Check) -> list[tuple[int, int]]:
    """Where the expressions a check is about stand: one place for each, chosen so that together they lie as
    close as they can (the narrowest stretch of text holding all of them); those not in the text are left out."""
    phrases = list(dict.fromkeys(phrase for phrase in check.about if phrase.strip()))
    places = sorted((start, end, index) for index, phrase in enumerate(phrases)
                    for start, end in occurrences(text, phrase))
    wanted = len({index for _, _, index in places})
    best: tuple[int, int, int] | None = None  # (width, left, right) of the narrowest window
    counts: Counter[int] = Counter()
    left = 0
    for right, (_, end, index) in enumerate(places):
        counts[index] += 1
        while len(counts) == wanted:
            if best is None or end - places[left][0] < best[0]:
                best = (end - places[left][0], left, right)
            counts[places[left][2]] -= 1
            if not counts[places[left][2]]:
                del counts[places[left][2]]
            left += 1
    if best is None:
        return []
    chosen: dict[int, tuple[int, int]] = {}
    for start, end, index in places[best[1]:best[2] + 1]:
        chosen.setdefault(index, (start, end))
    return sorted(chosen.values())


def number(value: float | str | None) -> str:
    """1200000.0 → '1,200,000', 2.5 → '2.5'; a TIMEX3 value as it is."""
    if isinstance(value, float):
        return f"{int(value):,}" if value.is_integer() else f"{value:,}"
    return "" if value is None else str(value)


def figure_amount(figure: Figure) -> str:
    """'about 30 to 40 percent': the hedge, the value or range, the unit."""
    amount = number(figure.value) + (f" to {number(figure.upper)}" if figure.upper is not None else "")
    return " ".join(part for part in (figure.hedge, amount, figure.unit) if part)


def figure_note(figure: Figure) -> str:
    return f"{figure.kind}: {figure_amount(figure)}" + (f" of {figure.measures}" if figure.measures else "")


def segments(sheet: FactSheet, speakers: dict[str, str], speaker_names: list[str]) -> list[Segment]:
    """The article cut where any highlight or paragraph starts or ends, each piece knowing what covers it; a
    piece covered by two mentions (or two figures) shows the shorter one."""
    text = sheet.text
    found_checks = [check_spans(text, check) for check in sheet.checks]
    spans = [(m.start, m.end) for e in sheet.entities for m in e.mentions]
    spans += [(q.start, q.end) for q in sheet.quotes] + [(t.start, t.end) for t in sheet.times]
    spans += [(f.start, f.end) for f in sheet.figures] + [span for found in found_checks for span in found]
    breaks = [match.span() for match in PARAGRAPH_BREAK.finditer(text)]
    spans += breaks
    cuts = sorted({0, len(text)} | {max(0, min(len(text), offset)) for span in spans for offset in span})
    pieces = [Segment(text[a:b], a) for a, b in zip(cuts, cuts[1:])]

    def covered(start: int, end: int) -> range:
        return range(bisect_left(cuts, max(0, start)), bisect_left(cuts, min(len(text), end)))

    for start, end in breaks:
        for index in covered(start, end):
            pieces[index].between = True
    mentions = [(mention, entity.id) for entity in sheet.entities for mention in entity.mentions]
    for mention, entity_id in sorted(mentions, key=lambda item: item[0].start - item[0].end):  # shorter win
        for index in covered(mention.start, mention.end):
            pieces[index].entity = entity_id
    for number, quote in enumerate(sheet.quotes):
        for index in covered(quote.start, quote.end):
            pieces[index].quote = number
            pieces[index].speaker_class = speakers[speaker_key(quote)]
    for number, time in enumerate(sheet.times):
        for index in covered(time.start, time.end):
            pieces[index].time = number
    for number, figure in sorted(enumerate(sheet.figures), key=lambda item: item[1].start - item[1].end):
        for index in covered(figure.start, figure.end):
            pieces[index].figure = number
    for number, (check, found) in enumerate(zip(sheet.checks, found_checks)):
        for place, (start, end) in enumerate(found):
            indices = covered(start, end)
            if place == 0 and indices:
                pieces[indices[0]].anchor = pieces[indices[0]].anchor or f"check-{number}"
            for index in indices:
                pieces[index].checks.append(number)
                pieces[index].failed = pieces[index].failed or check.status == "inconsistent"
    for piece in pieces:
        describe(piece, sheet, speaker_names)
    return pieces


def describe(piece: Segment, sheet: FactSheet, speaker_names: list[str]) -> None:
    """The piece's classes and tooltip."""
    marks = (("ent", piece.entity), ("quote", piece.quote is not None), ("time", piece.time is not None),
             ("fig", piece.figure is not None), ("chk", piece.checks), ("chk-bad", piece.failed))
    piece.classes = [name for name, on in marks if on]
    if piece.speaker_class:
        piece.classes.append(piece.speaker_class)
    notes = [f"said by {speaker_names[piece.quote]}"] if piece.quote is not None else []
    if piece.time is not None:
        time = sheet.times[piece.time]
        notes.append(f"{readable(time.value, time.type)} ({time.type} {time.value})")
    if piece.figure is not None:
        notes.append(figure_note(sheet.figures[piece.figure]))
    notes += [f"{sheet.checks[number].kind} check: {sheet.checks[number].status}" for number in piece.checks]
    piece.title = " · ".join(notes)


def paragraphs(pieces: list[Segment]) -> tuple[list[Paragraph], str]:
    """The pieces grouped into paragraphs, and the blank text after the last one."""
    found: list[Paragraph] = []
    gap = ""
    for piece in pieces:
        if piece.between:
            gap += piece.text
        elif found and not gap:
            found[-1].segments.append(piece)
        else:
            found.append(Paragraph(gap, [piece]))
            gap = ""
    return found, gap
