"""An organisation or country set after a person's name (relations/affiliations.py)."""

from __future__ import annotations

import pytest

from relation_helpers import ORG, PERSON, PLACE, relations_of


def test_organisation_in_an_of_phrase_after_a_name(nlp):
    text = "Sergeant Omar Said, of Kent Police, gave evidence."
    found = relations_of(nlp, text, Omar=(PERSON, ["Sergeant Omar Said"]), Police=(ORG, ["Kent Police"]))
    assert found == {("Omar", "works_for", "Police", None)}


@pytest.mark.parametrize("text, expected", [
    ("Another analyst, Eva Stone of Norvale, was cautious.", {("Eva", "works_for", "Norvale", None)}),
    ("Count Eva Stone of Norvale was cautious.", set()),
])
def test_a_name_and_its_organisation_in_an_of_phrase(nlp, text, expected):
    assert relations_of(nlp, text, Eva=(PERSON, ["Eva Stone"]), Norvale=(ORG, ["Norvale"])) == expected


@pytest.mark.parametrize("text, expected", [
    ("President Eva Stone of Norland met the press.", {("Eva", "works_for", "Norland", None)}),
    ("Duchess Eva Stone of Norland met the press.", set()),
])
def test_a_government_title_before_a_name_and_its_country_after(nlp, text, expected):
    name = text.split(" of ")[0]
    assert relations_of(nlp, text, Eva=(PERSON, [name]), Norland=(PLACE, ["Norland"])) == expected
