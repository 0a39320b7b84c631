"""What a place name is (entities/places.py), from ISO 3166 and the table of large cities."""

from __future__ import annotations

import pytest

from newsfacts.entities.places import is_known_place, place_kinds


@pytest.mark.parametrize("key", ["andhra pradesh", "karnataka"])
def test_a_subdivision_is_known_without_the_marks_iso_writes_on_it(key):
    assert place_kinds(key) == frozenset({"state"})


@pytest.mark.parametrize("key, known", [("finland", True), ("nebraska", True), ("osaka", True), ("lemonade", False)])
def test_countries_subdivisions_and_large_cities_are_known_places(key, known):
    assert is_known_place(key) is known
