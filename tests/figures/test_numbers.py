"""Numbers as written (figures/numbers.py): digits, words read by text2num, and what is written around them."""

from __future__ import annotations

import pytest

from newsfacts.figures.numbers import amount, decimals, numerals, word_value


@pytest.mark.parametrize("written, value", [("Nine", 9), ("forty-two", 42), ("one hundred and six", 106),
                                            ("a dozen", 12), ("three thousand", 3000)])
def test_numbers_in_words_are_read_by_text2num(written, value):
    assert word_value(written) == value


def test_a_word_that_is_no_number_reads_as_none():
    assert word_value("ninety nine red") is None


def test_numerals_in_digits_and_words_with_their_offsets():
    text = "Of 1,204 ballots, 2,31,500 in all, forty-two were spoiled and 7.5 were lost."
    found = [(text[n.start:n.end], n.value) for n in numerals(text)]
    assert found == [("1,204", 1204), ("2,31,500", 231500), ("forty-two", 42), ("7.5", 7.5)]


def test_a_badly_grouped_number_is_not_read():
    assert not numerals("the code 12,34 was wrong")


@pytest.mark.parametrize("text, kind, value, unit", [
    ("it cost £4.5bn in all", "money", 4.5e9, "GBP"),
    ("a fee of $300m", "money", 3e8, "USD"),
    ("sales of ₹2,150 crore", "money", 2.15e10, "INR"),
    ("a prize of 40 million euros", "money", 4e7, "EUR"),
    ("a stamp at 85p", "money", 85, "GBX"),
    ("turnout of 31.5 per cent", "percent", 31.5, "percent"),
    ("down 2.5 percentage points", "points", 2.5, "points"),
    ("up 25 basis points", "points", 25, "basis points"),
    ("a 5m wall", "number", 5, None),
])
def test_an_amount_takes_its_currency_scale_and_unit(text, kind, value, unit):
    numeral = next(n for n in numerals(text) if n.value > 1 or "." in text[n.start:n.end])
    found = amount(text, numeral)
    assert (found.kind, found.value, found.unit) == (kind, value, unit)


def test_decimals_written():
    assert (decimals("31.50 per cent"), decimals("£4bn"), decimals("nine")) == (2, 0, 0)
