"""Sets, times that recur (times/durations.py), on sentences of our own."""

from __future__ import annotations

import pytest

from time_helpers import found


@pytest.mark.parametrize("text, expected", [
    ("The fair returns every August.", ("every August", "SET", "XXXX-08")),
    ("Bins go out each Tuesday.", ("each Tuesday", "SET", "XXXX-WXX-2")),
    ("The choir meets every other Monday.", ("every other Monday", "SET", "XXXX-WXX-1")),
    ("She swims on Saturday mornings.", ("Saturday mornings", "SET", "XXXX-WXX-6TMO")),
    ("The committee sits four times a year.", ("four times a year", "SET", "P1Y")),
    ("The paper comes out weekly.", ("weekly", "SET", "P1W")),
    ("Take one tablet twice daily.", ("twice daily", "SET", "P1D")),
    ("Fees are due on the fifteenth of every month.", ("the fifteenth of every month", "SET", "XXXX-XX-15")),
    ("The nurses work three days a week.", ("three days a week", "SET", "P1W")),
])
def test_set_forms(nlp, text, expected):
    assert expected in found(nlp, text)


@pytest.mark.parametrize("text", ["Patients struggled with daily chores.", "Output fell by almost a quarter."])
def test_not_sets_nor_lengths(nlp, text):
    assert not [t for t in found(nlp, text) if t[1] in ("SET", "DURATION")]


def test_a_weekday_joined_to_a_recurring_one_recurs_and_its_hours_are_no_one_day_s(nlp):
    times = found(nlp, "The library opens every Tuesday and Thursday from 10am to 4pm.")
    assert ("Thursday", "SET", "XXXX-WXX-4") in times and ("10am", "TIME", "XXXX-XX-XXT10:00") in times


def test_the_nth_weekday_of_every_month_recurs(nlp):
    assert found(nlp, "The market is held on the first Saturday of every month.") == [
        ("the first Saturday of every month", "SET", "XXXX-WXX-6")]


def test_a_hyphenated_half_is_part_of_the_length(nlp):
    assert ("three-and-a-half years", "DURATION", "P42M") in found(nlp, "The project took three-and-a-half years.")
