"""TIMEX3 values (timex.py): the forms they are written in, and holiday dates."""

from __future__ import annotations

from newsfacts import timex


def test_timex_week_and_decade_forms():
    from datetime import date
    assert timex.written(date(2024, 3, 14), "W") == "2024-W11"
    assert timex.written(date(2024, 3, 14), "DE") == "202"
    assert timex.duration(None, "hour") == "PTXH"
    assert timex.start_of("2024-W11") == "2024-03-11"
    assert timex.start_of("XXXX-WXX-1") is None


def test_election_day_is_the_tuesday_after_the_first_monday_of_november():
    rule = timex.WORDS["holidays"]["election day"]
    assert timex.holiday_date(rule, 2022).isoformat() == "2022-11-08"  # 1 November 2022 was a Tuesday
