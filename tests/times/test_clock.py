"""Clock times (times/clock.py) and a clock time joined with its day (times/expressions.py), on sentences of
our own; published on a Thursday (time_helpers.PUBLISHED)."""

from __future__ import annotations

import pytest

from time_helpers import found


@pytest.mark.parametrize("text, expected", [
    # a clock time and the day written with it are one expression, the clock time on that day
    ("Gates open Saturday at 6 p.m. for the final.", ("Saturday at 6 p.m.", "TIME", "2024-03-16T18:00")),
    ("The vigil is tonight at 8pm in the square.", ("tonight at 8pm", "TIME", "2024-03-14T20:00")),
    ("The truce took effect at 09:30 GMT Monday.", ("09:30 GMT Monday", "TIME", "2024-03-11T09:30")),
    ("The kick-off is Sunday, 2pm.", ("Sunday, 2pm", "TIME", "2024-03-17T14:00")),
    ("The lifeboat returned at 5:55 this morning.", ("5:55 this morning", "TIME", "2024-03-14T05:55")),
    ("The polls shut at twenty to ten last night.", ("twenty to ten last night", "TIME", "2024-03-13T21:40")),
    # a part of the day with its day
    ("Sirens sounded across the city on Tuesday night.", ("Tuesday night", "TIME", "2024-03-12TNI")),
    # the 24-hour clock without a colon, and hours, minutes and seconds
    ("The satellite was launched at 1645 GMT.", ("1645 GMT", "TIME", "2024-03-14T16:45")),
    ("Patrols begin at 0600 hours.", ("0600 hours", "TIME", "2024-03-14T06:00")),
    ("The quake struck at 3:07:45 a.m.", ("3:07:45 a.m.", "TIME", "2024-03-14T03:07:45")),
    ("She won the marathon in 2:21:36.", ("2:21:36", "DURATION", "PT2H21M36S")),
    ("Bids close at 18:00 CET.", ("18:00 CET", "TIME", "2024-03-14T18:00")),
    # clock times in words
    ("The ferry left at a quarter past nine.", ("a quarter past nine", "TIME", "2024-03-14T09:15")),
    ("Dinner is served at half past seven in the evening.",
     ("half past seven in the evening", "TIME", "2024-03-14T19:30")),
    ("The bells rang at a quarter to midnight.", ("a quarter to midnight", "TIME", "2024-03-14T23:45")),
    ("Lunch is at 12 noon.", ("12 noon", "TIME", "2024-03-14T12:00")),
    # midnight ends the day it is dated to, but starts it after midnight
    ("The club closed shortly after midnight.", ("midnight", "TIME", "2024-03-14T00:00")),
    ("The last train left just before midnight.", ("midnight", "TIME", "2024-03-14T24:00")),
])
def test_clock_forms(nlp, text, expected):
    assert expected in found(nlp, text)


def test_with_on_between_a_clock_time_and_its_day_stays_two_expressions_dated_alike(nlp):
    times = found(nlp, "The doors opened at 7pm on Friday.")
    assert ("7pm", "TIME", "2024-03-08T19:00") in times and ("Friday", "DATE", "2024-03-08") in times


def test_small_hours_after_an_evening_on_a_named_day_are_the_next_day(nlp):
    times = found(nlp, "The lights went out at 11.50pm on Friday and came back at 2am.")
    assert ("2am", "TIME", "2024-03-09T02:00") in times


def test_a_clock_time_in_past_narration_keeps_the_main_event_s_day(nlp):
    text = ("The ship sank on Monday morning. Rescuers said on Wednesday that the toll had risen. "
            "It left port at 6.10am.")
    assert ("6.10am", "TIME", "2024-03-11T06:10") in found(nlp, text)


@pytest.mark.parametrize("text", [
    "The volunteers gave 1200 hours to the project.",
    "Profit rose to 2.35 billion pounds from 1.95 billion.",
    "Police put the number of attackers at three to four.",
    "Flight BA1645 landed safely.",
])
def test_numbers_that_are_not_clock_times(nlp, text):
    assert not [t for t in found(nlp, text) if t[1] == "TIME"]


def test_a_clock_time_with_zone_is_not_a_year(nlp):
    assert not [t for t in found(nlp, "The satellite was launched at 1645 GMT.") if t[2] == "1645"]


def test_a_tally_before_to_is_no_clock_time(nlp):
    assert found(nlp, "The board voted nine to three on Monday night.") == [("Monday night", "TIME", "2024-03-11TNI")]
