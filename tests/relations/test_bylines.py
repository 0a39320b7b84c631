"""A byline's writer and the outlet they write for (relations/bylines.py)."""

from __future__ import annotations

import pytest

from relation_helpers import ORG, PERSON, relations_of

STORY = "Ferry fares rise again\n\n{byline}\n\nFares on the Elmby crossing rose by a fifth on Monday, the {paper} said."


@pytest.mark.parametrize("byline, outlet, expected", [
    ("By Jo Marsh\nNorvale Gazette", None, {("Jo", "works_for", "Gazette", None)}),
    ("By Jo Marsh, Norvale Gazette", None, {("Jo", "works_for", "Gazette", None)}),
    ("By Jo Marsh\nTransport Reporter", "Norvale Gazette (weekly)", {("Jo", "works_for", "Gazette", None)}),
    ("By Jo Marsh\nTransport Reporter", "Elmby Herald", set()),  # the outlet is not named in the text
    ("Jo Marsh writes", "Norvale Gazette", set()),  # no byline
])
def test_a_bylines_writer_works_for_the_outlet_it_names(nlp, byline, outlet, expected):
    text = STORY.format(byline=byline, paper="Norvale Gazette")
    entities = {"Jo": (PERSON, ["Jo Marsh"]), "Gazette": (ORG, ["Norvale Gazette"] + (
        [("Norvale Gazette", "name", 1)] if text.count("Norvale Gazette") > 1 else []))}
    assert relations_of(nlp, text, outlet=outlet, **entities) == expected


def test_two_writers_of_one_byline(nlp):
    text = STORY.format(byline="By Jo Marsh and Ivo Petrov", paper="Norvale Gazette")
    found = relations_of(nlp, text, outlet="Norvale Gazette", Jo=(PERSON, ["Jo Marsh"]),
                         Ivo=(PERSON, ["Ivo Petrov"]), Gazette=(ORG, ["Norvale Gazette"]))
    assert found == {("Jo", "works_for", "Gazette", None), ("Ivo", "works_for", "Gazette", None)}
