"""Dates counted from the publication date or a day named (times/relative.py), on sentences of our own;
published on Thursday 14 March 2024 (time_helpers.PUBLISHED)."""

from __future__ import annotations

import pytest

from time_helpers import found


@pytest.mark.parametrize("text, expected", [
    ("The audit ended the day before yesterday.", ("the day before yesterday", "DATE", "2024-03-12")),
    ("The verdict comes the day after tomorrow.", ("the day after tomorrow", "DATE", "2024-03-16")),
    ("The decision is due four days after tomorrow.", ("four days after tomorrow", "DATE", "2024-03-19")),
    ("Work starts two weeks from Tuesday.", ("two weeks from Tuesday", "DATE", "2024-04-02")),
    ("The shop reopens a week from today.", ("a week from today", "DATE", "2024-03-21")),
    ("The mill closed 25 years ago this month.", ("25 years ago this month", "DATE", "1999-03")),
    ("Revenue beat the prior year.", ("the prior year", "DATE", "2023")),
    ("The parade has been cancelled because of the gales forecast for the weekend.",
     ("the weekend", "DATE", "2024-W11-WE")),
])
def test_counted_forms(nlp, text, expected):
    assert expected in found(nlp, text)


def test_years_from_now_are_a_length_and_now_as_timeml_marks_them(nlp):
    times = found(nlp, "The tower will be finished 3 years from now.")
    assert ("3 years", "DURATION", "P3Y") in times and ("now", "DATE", "PRESENT_REF") in times


@pytest.mark.parametrize("text", [
    "The bakery now employs 40 people.",
    "The club, promoted last season, now sits third.",
    "She has now lost three finals.",
    "Jan Roe, now 61, still rows every morning.",
])
def test_now_telling_how_things_stand_is_no_time(nlp, text):
    assert not [t for t in found(nlp, text) if t[0].lower() == "now"]


@pytest.mark.parametrize("text, word", [
    ("Now, the firm wants to expand.", "Now"),
    ("The council will now review the plan.", "now"),
    ('"We are ready now," the captain said.', "now"),
])
def test_now_as_the_present_moment(nlp, text, word):
    assert (word, "DATE", "PRESENT_REF") in found(nlp, text)


@pytest.mark.parametrize("text, published, expected", [
    ("The new rules take effect in the new year.", "2026-12-07", ("the new year", "DATE", "2027")),
    ("Work starts in the new year.", "2026-02-07", ("the new year", "DATE", "2026")),
])
def test_the_new_year_is_the_one_about_to_begin_late_in_a_year(nlp, text, published, expected):
    assert expected in found(nlp, text, published)
