"""Numbers as written: digits ("1,842", "2.31", the Indian "1,72,418"), words ("Seven", "twenty-five", "one
hundred and twelve", read by text2num), with the currency, scale and percent sign around them.

`numerals` finds every number of a text with its span; `Amount` adds what is written around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from text_to_num import text2num

from ..lexicon import data_table

WORDS = data_table("figure_words")


def _table(name: str) -> dict:
    return {key: value for key, value in WORDS[name].items() if not key.startswith("_")}


def alternatives(words) -> str:
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in sorted(words, key=len, reverse=True))


NUMBER_WORDS = WORDS["number_words"]["words"]
_WORD = rf"(?:{alternatives(NUMBER_WORDS)})"
# "twenty-five", "one hundred and twelve", "a dozen", "two million": a run of number words, one number.
_WORD_RUN = rf"(?:\b(?:an?\s+(?={alternatives(WORDS['number_words']['scales_after_a'])}\b))?{_WORD}" \
            rf"(?:(?:-|\s+(?:and\s+)?){_WORD})*\b|\ban?\s+dozen\b|\bdozen\b)"
# Thousands grouped by commas (the Indian lakh grouping too: "1,72,418"), then decimals.
_DIGITS = r"(?<![\w.,])\d{1,3}(?:,\d{2,3})*,\d{3}(?:\.\d+)?(?![\d,]\d)|(?<![\w.,])\d+(?:\.\d+)?(?![\d]|,\d)"
NUMERAL = re.compile(rf"(?P<digits>{_DIGITS})|(?P<words>(?i:{_WORD_RUN}))")

CURRENCY_SYMBOLS = _table("currency_symbols")
CURRENCY_WORDS = _table("currency_words")
SCALES = _table("scales")
# Scale letters ("£46m", "$2bn") stand for millions only on money; "5m" alone may be metres.
_LETTER_SCALES = {"k", "m", "mn", "mln", "bn", "b", "tn"}
_SYMBOL_BEFORE = re.compile(rf"(?:(?<![A-Za-z])(?P<symbol>{alternatives(CURRENCY_SYMBOLS)}))\s?$")
_SCALE_AFTER = re.compile(rf"^\s?(?P<scale>{alternatives(SCALES)})\b", re.I)
_PERCENT_AFTER = re.compile(rf"^\s?(?:{alternatives(WORDS['percent_signs'])})(?!\w)", re.I)
_POINTS_AFTER = re.compile(rf"^\s(?P<points>{alternatives(_table('point_units'))})\b", re.I)
_CURRENCY_AFTER = re.compile(rf"^\s?(?P<word>{alternatives(CURRENCY_WORDS)})\b", re.I)
POINT_UNITS = {key.lower(): value for key, value in _table("point_units").items()}


@dataclass(frozen=True)
class Numeral:
    start: int
    end: int
    value: float
    words: bool  # written in words ("seven"), not digits


def word_value(text: str) -> float | None:
    """'Seven' → 7, 'twenty-five' → 25, 'a dozen' → 12, 'one hundred and twelve' → 112; None if text2num
    reads no number."""
    cleaned = " ".join(text.lower().split())
    if cleaned in ("dozen", "a dozen", "an dozen"):
        return 12.0
    if cleaned.startswith(("a ", "an ")):
        cleaned = "one " + cleaned.split(" ", 1)[1]
    try:
        return float(text2num(cleaned, "en"))
    except ValueError:
        return None


def numerals(text: str) -> list[Numeral]:
    """Every number written in the text, in order."""
    found = []
    for match in NUMERAL.finditer(text):
        if match["digits"]:
            written = match["digits"]
            groups = written.split(".")[0].split(",")
            if len(groups) > 1 and len(groups[-1]) != 3:
                continue
            found.append(Numeral(match.start(), match.end(), float(written.replace(",", "")), False))
        else:
            value = word_value(match["words"])
            if value is not None:
                found.append(Numeral(match.start(), match.end(), value, True))
    return found


@dataclass(frozen=True)
class Amount:
    """A numeral with what is written around it: '£2.31bn' (GBP, 2.31e9), '32.0 per cent', '21.3 points'."""

    start: int
    end: int
    value: float
    kind: str  # "money", "percent", "points" or "number"
    unit: str | None = None
    words: bool = False


def amount(text: str, numeral: Numeral) -> Amount:
    """The numeral widened over its currency sign, scale and percent sign or unit."""
    start, end, value = numeral.start, numeral.end, numeral.value
    before, after = text[max(0, start - 4):start], text[end:end + 24]
    currency = None
    symbol = _SYMBOL_BEFORE.search(before)
    if symbol is not None:
        currency = CURRENCY_SYMBOLS[symbol["symbol"]]
        start -= len(before) - symbol.start()
    scale = _SCALE_AFTER.match(after)
    if scale is not None and (currency or scale["scale"].lower() not in _LETTER_SCALES) and not numeral.words:
        value *= SCALES[scale["scale"].lower()]
        end += scale.end()
        after = text[end:end + 24]
    if currency is None:
        word = _CURRENCY_AFTER.match(after)
        # "193.7p", "1.92 billion pounds"; a bare "p" only straight after digits
        if word is not None and (word["word"].lower() != "p" or not after.startswith(" ")):
            return Amount(start, end + word.end(), value, "money", CURRENCY_WORDS[word["word"].lower()],
                          numeral.words)
        if _PERCENT_AFTER.match(after):
            return Amount(start, end + _PERCENT_AFTER.match(after).end(), value, "percent", "percent", numeral.words)
        points = _POINTS_AFTER.match(after)
        if points is not None:
            unit = POINT_UNITS[" ".join(points["points"].lower().split())]
            return Amount(start, end + points.end(), value, "points", unit, numeral.words)
        return Amount(start, end, value, "number", None, numeral.words)
    return Amount(start, end, value, "money", currency, numeral.words)


def decimals(text: str) -> int:
    """How many decimals a figure is written to: '32.0 per cent' → 1, '£2.31bn' → 2, 'seven' → 0."""
    digits = re.search(r"\d+(?:\.(\d+))?", text)
    return len(digits[1] or "") if digits else 0
