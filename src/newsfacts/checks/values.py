"""The sheet's figures as numbers a check can compute with: each with the interval its writing allows (a
hedge widens it, a rounded figure stands for a little either side) and the sentence it stands in."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..nlp import Parsed
from ..schema import FactSheet, Figure
from .common import HEDGES

# Kinds whose value is a number (dates, clock times and durations hold TIMEX3 values).
NUMERIC_KINDS = ("count", "number", "money", "percent", "ratio", "age", "score")
SIGNED = re.compile(r"(?:^|[\s(,])[+−-]$")
_DIGITS = re.compile(r"(\d[\d,]*)(?:\.(\d+))?")


@dataclass(frozen=True)
class Value:
    figure: Figure
    value: float
    low: float  # the least and most the figure may stand for
    high: float
    sentence: int  # index of its sentence in the article

    @property
    def text(self) -> str:
        return self.figure.text

    @property
    def start(self) -> int:
        return self.figure.start

    @property
    def end(self) -> int:
        return self.figure.end

    @property
    def unit(self) -> str | None:
        return self.figure.unit

    @property
    def kind(self) -> str:
        return self.figure.kind


def half_unit(figure: Figure, value: float) -> float:
    """Half the last unit a figure is written to: 0.05 for '32.0 per cent', 0.5 for '6%', 0.005bn for
    '£2.31bn', 0.5m for '£36m'; counts written in full are exact."""
    digits = _DIGITS.search(figure.text)
    if digits is None:
        return 0.0
    written = float(digits[1].replace(",", "") + ("." + digits[2] if digits[2] else ""))
    places = len(digits[2] or "")
    scale = value / written if written else 1.0
    if scale > 1.5:  # a scale word: "£2.31bn", "1.2 million"
        return scale * 10 ** -places / 2
    if places or figure.kind == "percent":
        return 10 ** -places / 2
    return 0.0


def widened(figure: Figure, value: float) -> tuple[float, float]:
    """The interval a figure may stand for: its hedge's, or else its rounding's."""
    if figure.hedge in HEDGES:
        low, high = HEDGES[figure.hedge]
        return value * low, value * high
    half = half_unit(figure, value)
    return value - half, value + half


def values(parsed: Parsed, sheet: FactSheet) -> list[Value]:
    """Every numeric figure of the sheet (a ratio's part), in text order, with its sentence."""
    starts = [sentence.start_char for sentence in parsed.doc.sents]
    found = []
    for figure in sheet.figures:
        if figure.kind not in NUMERIC_KINDS or not isinstance(figure.value, (int, float)):
            continue
        if SIGNED.search(parsed.text[max(0, figure.start - 2):figure.start]):
            continue  # "+25.1", "-3.7": a change in a table, not a count or share
        value = float(figure.value)
        low, high = widened(figure, value)
        found.append(Value(figure, value, low, high, _index(starts, figure.start)))
    return found


def _index(starts: list[int], offset: int) -> int:
    low, high = 0, len(starts)
    while low < high:
        middle = (low + high) // 2
        if starts[middle] <= offset:
            low = middle + 1
        else:
            high = middle
    return max(0, low - 1)


def overlaps(low: float, high: float, other_low: float, other_high: float, slack: float = 1e-9) -> bool:
    return low <= other_high + slack and other_low <= high + slack


def shown(number: float) -> str:
    """A number for a working line: 1,858, 35.5, 2.31bn."""
    if abs(number) >= 1e9:
        return f"{number / 1e9:,.2f}bn"
    if abs(number) >= 1e6:
        return f"{number / 1e6:,.2f}m"
    return f"{number:,.0f}" if float(number).is_integer() else f"{number:,.1f}"


def with_noun(text: str, value: Value) -> str:
    """A figure as written with the noun it counts when that follows within two words ('31 events', '14 UK
    dates'), else alone."""
    noun = value.figure.measures
    found = re.match(rf"(?:\s+[\w'’-]+){{0,2}}?\s+{re.escape(noun)}\b", text[value.end:value.end + 60], re.I) \
        if noun else None
    return text[value.start:value.end + found.end()] if found else value.text
