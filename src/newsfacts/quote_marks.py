"""Quotation marks: which characters open and close a quotation, and the spans they enclose.

Written by hand because no library pairs news quotation marks: straight marks are both openers and
closers, `'` is also the apostrophe (it's, the King's, voters'), and a quotation that runs over several
paragraphs repeats its opening mark at each paragraph and closes only at the last one.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate

from .nlp import LONGEST_WORD

# Typographic convention (Chicago Manual of Style 13.30-13.33): curly marks have a fixed direction,
# straight ones take it from the characters around them. Two apostrophes ('') stand for a straight double mark.
DOUBLE_OPEN = {"“", "„", "«"}
DOUBLE_CLOSE = {"”", "»"}
DOUBLE_EITHER = {'"', "''", "``"}
SINGLE_OPEN = {"‘"}
SINGLE_EITHER = {"'", "’"}
MARK = re.compile(r"''|``|[\"“”„«»‘’']")
# A word longer than any in prose is one token (nlp.LONGEST_WORD), and the marks in it quote nothing: 99,000
# pairs of curly quotes in one word were 99,000 quotations, each reading that token again.
LONG_WORD = re.compile(rf"(?<!\S)\S{{{LONGEST_WORD + 1},}}")


@dataclass(frozen=True)
class Quotation:
    """Text between a pair of marks: `start`/`end` enclose the words, `outer_*` include the marks."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    closed: bool


def _is_word(char: str) -> bool:
    return char.isalnum()


def _opens(text: str, at: int, width: int) -> bool:
    before = text[at - 1] if at > 0 else " "
    after = text[at + width] if at + width < len(text) else " "
    return (before.isspace() or before in "([{—–-/:") and not after.isspace()


def _closes(text: str, at: int, width: int) -> bool:
    before = text[at - 1] if at > 0 else " "
    after = text[at + width] if at + width < len(text) else " "
    return not before.isspace() and not _is_word(after)


def _is_apostrophe(text: str, at: int) -> bool:
    """it's, the King's, '90s: a single mark with a letter on both sides, or before a digit."""
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    return (_is_word(before) and _is_word(after)) or (before.isspace() and after.isdigit())


def _paragraph_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def quotations(text: str) -> list[Quotation]:
    """Every quotation in `text`: double quotations, and single ones outside them, in text order."""
    found: list[Quotation] = []
    double_open: int | None = None  # where the open double quotation starts
    double_width = 1
    seen_until = 0  # end of the last paragraph the open double quotation has reached
    single_open: int | None = None
    single_seen_until = 0
    inert = [word.span() for word in LONG_WORD.finditer(text)]
    for match in MARK.finditer(text):
        at, mark = match.start(), match.group()
        while inert and inert[0][1] <= at:
            inert.pop(0)
        if inert and inert[0][0] <= at:
            continue
        width = len(mark)
        is_double = mark in DOUBLE_OPEN or mark in DOUBLE_CLOSE or mark in DOUBLE_EITHER
        if double_open is not None and at > seen_until:
            continues = is_double and mark not in DOUBLE_CLOSE and text[seen_until:at].strip() == ""
            if continues:  # the next paragraph reopens the quotation: it runs on
                seen_until = _paragraph_end(text, at)
                continue
            found.append(Quotation(double_open + double_width, seen_until, double_open, seen_until, False))
            double_open = None
        if is_double:
            if double_open is None:
                # A closing curly mark where only an opener fits is a typing slip for the opener.
                if mark in DOUBLE_OPEN or (mark not in DOUBLE_OPEN and _opens(text, at, width)):
                    double_open, double_width, seen_until = at, width, _paragraph_end(text, at)
                    single_open = None
            elif mark in DOUBLE_CLOSE or (mark in DOUBLE_EITHER and _closes(text, at, width)):
                found.append(Quotation(double_open + double_width, at, double_open, at + width, True))
                double_open = None
            elif _opens(text, at, width):  # a second opener: the first quotation was never closed
                found.append(Quotation(double_open + double_width, at, double_open, at, False))
                double_open, double_width, seen_until = at, width, _paragraph_end(text, at)
            continue
        if double_open is not None or _is_apostrophe(text, at):
            continue
        opens = mark in SINGLE_OPEN or (mark in SINGLE_EITHER and _opens(text, at, width))
        if single_open is not None and at > single_seen_until:
            if opens and text[single_seen_until:at].strip() == "":  # runs on into this paragraph
                single_seen_until = _paragraph_end(text, at)
                continue
            single_open = None  # never closed in its paragraph: an apostrophe after all, or a slip
        if single_open is None:
            if opens:
                single_open, single_seen_until = at, _paragraph_end(text, at)
        elif _closes(text, at, width):
            found.append(Quotation(single_open + 1, at, single_open, at + 1, True))
            single_open = None
    if double_open is not None:
        found.append(Quotation(double_open + double_width, seen_until, double_open, seen_until, False))
    return found


class QuotedSpans:
    """Quotations in order of where they start, so the share of a span inside them is found from the
    quotations near it: adding up all of them for each quote of a long article was quadratic."""

    def __init__(self, marks: Iterable[Quotation]):
        self.marks = sorted(marks, key=lambda mark: mark.start)
        self.starts = [mark.start for mark in self.marks]
        self.reach = list(accumulate((mark.end for mark in self.marks), max))  # the furthest end so far

    def share(self, start: int, end: int) -> float:
        """The share of the characters of [start, end) that lie inside quotation marks."""
        # Quotations before `first` all end by `start`; from `last` on they all start at `end` or later.
        first, last = bisect_right(self.reach, start), bisect_left(self.starts, end)
        covered = sum(max(0, min(end, mark.end) - max(start, mark.start)) for mark in self.marks[first:last])
        return covered / max(1, end - start)
