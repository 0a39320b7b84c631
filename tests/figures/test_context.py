"""What a figure is a number of (figures/context.py): its hedge, and the noun it counts or is said of."""

from __future__ import annotations

import pytest

from newsfacts.figures.context import counted_noun, hedge_before, leading_hedge, said_of


@pytest.mark.parametrize("before, hedge", [("They found about ", "about"), ("It took just over ", "just over"),
                                           ("At least ", "at least"), ("There were ", None),
                                           ("a turnover ", None)])
def test_the_hedge_written_before_a_figure(before, hedge):
    assert hedge_before(before + "40 people", len(before)) == hedge


def test_a_hedge_inside_an_expression_is_read_off_it():
    assert leading_hedge("nearly six weeks") == ("nearly", len("nearly "))
    assert leading_hedge("six weeks") is None


def span(doc, text: str):
    start = doc.text.index(text)
    return doc.char_span(start, start + len(text))


def test_the_noun_a_number_counts(nlp):
    doc = nlp("Eleven firefighters and 4 paramedics treated 23 residents.")
    assert [counted_noun(span(doc, n)).text for n in ("Eleven", "4", "23")] == ["firefighters", "paramedics",
                                                                                 "residents"]


@pytest.mark.parametrize("sentence, figure, thing", [
    ("Profit of £12m was reported.", "£12m", "Profit"),
    ("Attendance was 41%.", "41%", "Attendance"),
    ("The council approved a three-hour debate.", "three-hour", "debate"),
])
def test_the_thing_a_figure_is_said_of(nlp, sentence, figure, thing):
    assert said_of(span(nlp(sentence), figure)).text == thing
