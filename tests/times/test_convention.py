"""Which order an article writes numeric dates in, and which country it is written from
(times/convention.py), on texts of our own."""

from __future__ import annotations

import pytest

from newsfacts.times import convention


@pytest.mark.parametrize("text, order", [
    ("The first notice was dated 25/07/2019 and the second 03/08/2019.", "DMY"),
    ("The first notice was dated 07/25/2019 and the second 08/03/2019.", "MDY"),
    ("LONDON (AP) — The notice was dated 03/08/2019.", "MDY"),
    ("TULSA, Okla. — The notice was dated 03/08/2019.", "MDY"),
    ("GLASGOW — The notice was dated 03/08/2019.", "DMY"),
    ("The notice, dated 03/08/2019, followed talks on 12 June and 4 July.", "DMY"),
    ("The notice, dated 03/08/2019, followed talks on June 12 and July 4.", "MDY"),
    ("The notice was dated 03/08/2019.", None),
])
def test_date_order_from_the_text(nlp, text, order):
    assert convention.date_order(nlp(text), text) == order


def test_date_order_from_the_outlet_and_its_address(nlp):
    text = "The notice was dated 03/08/2019."
    assert convention.date_order(nlp(text), text, outlet="The Associated Press") == "MDY"
    assert convention.date_order(nlp(text), text, source="https://www.example.co.uk/news/1") == "DMY"


def test_date_order_from_the_places_named(nlp):
    text = "The notice to tenants in Glasgow was dated 03/08/2019."
    assert convention.date_order(nlp(text), text) == "DMY"


def test_country_from_the_dateline_before_the_places_named(nlp):
    text = "BOSTON — Officials from London and Paris arrived on Monday."
    assert convention.country(nlp(text), text) == "US"
