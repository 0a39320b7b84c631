"""TIMEX3 values written as a reader would write them (render/dates.py)."""

from __future__ import annotations

import pytest

from newsfacts.render.dates import readable


@pytest.mark.parametrize(
    ("value", "kind", "written"),
    [
        ("2031-03-14T09:05", "TIME", "Fri 14 Mar 2031, 09:05"),
        ("2031-03-14", "DATE", "Fri 14 Mar 2031"),
        ("2031-03-14TAF", "TIME", "Fri 14 Mar 2031, afternoon"),
        ("2031-W11", "DATE", "week of Mon 10 Mar 2031"),
        ("2031-W11-WE", "DATE", "weekend of Sat 15 Mar 2031"),
        ("2031-03", "DATE", "Mar 2031"),
        ("2031-Q1", "DATE", "Q1 2031"),
        ("2031-H2", "DATE", "second half of 2031"),
        ("2031-WI", "DATE", "winter 2031"),
        ("2031", "DATE", "2031"),
        ("203", "DATE", "the 2030s"),
        ("20", "DATE", "the 21st century"),
        ("XXXX-03-14", "DATE", "14 Mar, year unknown"),
        ("XXXX-WXX-5", "DATE", "a Friday"),
        ("PAST_REF", "DATE", "the past"),
        ("P3D", "DURATION", "3 days"),
        ("P1Y6M", "DURATION", "1 year 6 months"),
        ("PT1H30M", "DURATION", "1 hour 30 minutes"),
        ("PXW", "DURATION", "weeks"),
        ("P1M", "SET", "every month"),
        ("P2W", "SET", "every 2 weeks"),
        ("XXXX-WXX-2", "SET", "every Tuesday"),
    ],
)
def test_values_read_as_people_write_them(value, kind, written):
    assert readable(value, kind) == written


@pytest.mark.parametrize("value", ["XXXX", "XXXX-XX-XX", "2031-13-45", "nonsense"])
def test_values_with_no_plainer_form_stay_as_they_are(value):
    assert readable(value) == value
