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
