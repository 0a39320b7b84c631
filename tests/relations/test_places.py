"""Places in places and names in places (relations/places.py)."""

from __future__ import annotations

import pytest

from relation_helpers import ORG, PERSON, PLACE, relations_of


def test_place_then_the_place_it_lies_in(nlp):
    text = "The storm hit Springfield, Illinois, on Monday."
    found = relations_of(nlp, text, Springfield=(PLACE, ["Springfield"]), Illinois=(PLACE, ["Illinois"]))
    assert found == {("Springfield", "located_in", "Illinois", None)}


def test_a_list_of_places_is_not_a_place_inside_another(nlp):
    text = "Flights to Paris, Rome and Oslo were cancelled."
    assert relations_of(nlp, text, Paris=(PLACE, ["Paris"]), Rome=(PLACE, ["Rome"]), Oslo=(PLACE, ["Oslo"])) == set()


def test_a_place_name_opening_a_clause_is_not_an_address(nlp):
    text = "Together with Norway, Sweden should object."
    assert relations_of(nlp, text, Norway=(PLACE, ["Norway"]), Sweden=(PLACE, ["Sweden"])) == set()


@pytest.mark.parametrize("text, expected", [
    ("Eva Stone, a chemist at the Norvale Institute in Tamford, spoke.", True),
    ("They drove from Elm Lodge, the family home in the village of Tamford.", True),
    ("Norvale sold more paint in Tamford.", False),
])
def test_a_name_and_the_place_in_set_after_it(nlp, text, expected):
    named = "Elm Lodge" if "Elm" in text else "the Norvale Institute" if "Institute" in text else "Norvale"
    found = relations_of(nlp, text, Norvale=(ORG, [named]), Tamford=(PLACE, ["Tamford"]),
                         Eva=(PERSON, ["Eva Stone"] if "Eva" in text else []))
    assert (("Norvale", "located_in", "Tamford", None) in found) is expected
