"""Quotation marks: which characters open and close a quotation, and the spans they enclose.

Written by hand because no library pairs news quotation marks: straight marks are both openers and
closers, `'` is also the apostrophe (it's, the King's, voters'), a quotation may hold another (`"She said
'no' twice"`, or a word in the same marks), a hard-wrapped line may break a quotation, and a quotation that
runs over several paragraphs repeats its opening mark at each paragraph and closes only at the last one.
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
DOUBLE, SINGLE = "double", "single"


@dataclass(frozen=True)
class Quotation:
    """Text between a pair of marks: `start`/`end` enclose the words, `outer_*` include the marks.

    A quotation that runs over paragraphs is one Quotation per paragraph; `continues` marks those that carry
    on the one before (their paragraph reopens with the opening mark).
    """

    start: int
    end: int
    outer_start: int
    outer_end: int
    closed: bool
    continues: bool = False


@dataclass(frozen=True)
class _Mark:
    at: int
    width: int
    kind: str
    opens: bool  # can open a quotation here
    closes: bool  # can close one here


@dataclass(frozen=True)
class _Open:
    mark: _Mark
    number: int  # its index among the marks
    continues: bool = False


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


def _read_mark(text: str, at: int, mark: str) -> _Mark | None:
    width = len(mark)
    if mark in DOUBLE_OPEN or mark in DOUBLE_CLOSE or mark in DOUBLE_EITHER:
        # A closing curly mark where only an opener fits is a typing slip for the opener.
        opens = mark in DOUBLE_OPEN or _opens(text, at, width)
        closes = mark not in DOUBLE_OPEN and (mark in DOUBLE_CLOSE or _closes(text, at, width))
        return _Mark(at, width, DOUBLE, opens, closes and not (opens and mark not in DOUBLE_CLOSE))
    if _is_apostrophe(text, at):
        return None
    opens = mark in SINGLE_OPEN or _opens(text, at, width)
    return _Mark(at, width, SINGLE, opens, mark not in SINGLE_OPEN and _closes(text, at, width) and not opens)


def quotations(text: str) -> list[Quotation]:
    """Every outermost quotation in `text`, double or single, in text order. A quotation inside one (`'no'`
    in `"She said 'no' twice"`, or a word in the same marks) is part of it, not a quotation of its own."""
    inert = [word.span() for word in LONG_WORD.finditer(text)]
    inert_starts = [start for start, _ in inert]
    marks = [mark for match in MARK.finditer(text) if not _within(match.start(), inert, inert_starts)
             and (mark := _read_mark(text, match.start(), match.group()))]
    closers = {kind: [mark.at for mark in marks if mark.kind == kind and mark.closes] for kind in (DOUBLE, SINGLE)}
    found: list[Quotation] = []
    number = 0
    while number < len(marks):
        # A single mark opening a quotation never closed in its paragraph is an apostrophe after all, or a
        # slip: the marks after it are read again without it.
        number, apostrophe = _pair(text, marks, number, closers, found)
        if apostrophe is not None:
            del marks[apostrophe]
            number = apostrophe
    return found


def _within(at: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether `at` lies in one of `spans` (in text order, not overlapping)."""
    number = bisect_right(starts, at) - 1
    return number >= 0 and at < spans[number][1]


def _pair(text: str, marks: list[_Mark], number: int, closers: dict[str, list[int]],
          found: list[Quotation]) -> tuple[int, int | None]:
    """Pair `marks` from index `number` on, adding the quotations to `found`; stops at the end, or at a single
    mark that opened a quotation and never closed it (and gives its index)."""
    stack: list[_Open] = []  # the open quotations, outermost first
    line_end = 0  # end of the line the open quotation has reached
    while number < len(marks):
        mark = marks[number]
        if stack and mark.at > line_end:
            outer = stack[0]
            if text[line_end:mark.at].strip() == "" and mark.kind == outer.mark.kind and mark.opens:
                # The next paragraph reopens the quotation: it runs on, one Quotation per paragraph.
                found.append(_unclosed(outer, line_end))
                stack = [_Open(mark, number, continues=True)]
                line_end = _line_end(text, mark.at)
                number += 1
                continue
            if _hard_wrap(text, line_end, marks, number, outer.mark.kind):
                line_end = _line_end(text, line_end + 1)
            elif outer.mark.kind == SINGLE and not outer.continues:
                return number, outer.number
            else:
                found.append(_unclosed(outer, line_end))
                stack = []
        if not stack:
            if mark.opens:
                stack = [_Open(mark, number)]
                line_end = _line_end(text, mark.at)
            number += 1
            continue
        kinds = [opened.mark.kind for opened in stack]
        if mark.kind in kinds and mark.closes:
            innermost = len(kinds) - 1 - kinds[::-1].index(mark.kind)
            if innermost == 0:
                outer = stack[0].mark
                found.append(Quotation(outer.at + outer.width, mark.at, outer.at, mark.at + mark.width, True,
                                       stack[0].continues))
            del stack[innermost:]  # single marks left open inside it were apostrophes
        elif mark.opens and (mark.kind != kinds[-1] or _count_between(closers[mark.kind], mark.at, line_end) >= 2):
            stack.append(_Open(mark, number))  # a quotation inside the open one
        elif mark.opens and len(stack) == 1:
            # A second opener of the same kind, with no room for both to close: the first was never closed.
            if stack[0].mark.kind == SINGLE and not stack[0].continues:
                return number, stack[0].number
            found.append(_unclosed(stack[0], mark.at))
            stack = [_Open(mark, number)]
            line_end = _line_end(text, mark.at)
        number += 1
    if stack and stack[0].mark.kind == SINGLE and not stack[0].continues:
        return number, stack[0].number
    if stack:
        found.append(_unclosed(stack[0], line_end))
    return number, None


def _unclosed(opened: _Open, end: int) -> Quotation:
    return Quotation(opened.mark.at + opened.mark.width, end, opened.mark.at, end, False, opened.continues)


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _count_between(positions: list[int], start: int, end: int) -> int:
    return bisect_left(positions, end) - bisect_right(positions, start)


def _hard_wrap(text: str, line_end: int, marks: list[_Mark], number: int, kind: str) -> bool:
    """A single line break inside a quotation (a hard-wrapped line, or a break the writer put in it): the next
    line, not blank, closes the quotation before any mark of its kind opens one."""
    if text[line_end:line_end + 1] != "\n" or text[line_end + 1:line_end + 2] in ("\n", ""):
        return False
    next_end = _line_end(text, line_end + 1)
    for mark in marks[number:]:
        if mark.at >= next_end:
            break
        if mark.kind == kind:
            return mark.closes
    return False


class QuotedSpans:
    """Quotations in order of where they start, so the share of a span inside them is found from the
    quotations near it: adding up all of them for each quote of a long article was quadratic."""

    def __init__(self, marks: Iterable[Quotation]):
        self.marks = sorted(marks, key=lambda mark: mark.start)
        self.starts = [mark.start for mark in self.marks]
        self.reach = list(accumulate((mark.end for mark in self.marks), max))  # the furthest end so far

    def near(self, start: int, end: int) -> list[Quotation]:
        """The quotations that may share a character with [start, end): none of the others does."""
        # Quotations before `first` all end by `start`; from `last` on they all start at `end` or later.
        first, last = bisect_right(self.reach, start), bisect_left(self.starts, end)
        return self.marks[first:last]

    def share(self, start: int, end: int) -> float:
        """The share of the characters of [start, end) that lie inside quotation marks."""
        covered = sum(max(0, min(end, mark.end) - max(start, mark.start)) for mark in self.near(start, end))
        return covered / max(1, end - start)
