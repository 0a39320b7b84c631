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


@pytest.mark.parametrize("text, named, town", [
    ("Residents of the Elm Court development in Tamford were moved out.", "Elm Court", "Tamford"),
    ("Crews fought a blaze at Elm Court in Tamford on Monday.", "Elm Court", "Tamford"),
    ("Flooding cut off Elmby, in Tamford province, on Sunday.", "Elmby", "Tamford"),
    ("Ann Lee, a nurse at the Norvale Clinic in Tamford, Wessex, spoke.", "the Norvale Clinic", "Tamford"),
    ("The storm flattened Elm Court housing complex in the southern district of Tamford overnight.", "Elm Court",
     "Tamford"),
])
def test_a_name_and_the_place_an_in_after_it_names(nlp, text, named, town):
    found = relations_of(nlp, text, Named=(ORG, [named]), Town=(PLACE, [town]),
                         Wessex=(PLACE, ["Wessex"] if "Wessex" in text else []))
    located = {(subject, obj) for subject, relation, obj, _ in found if relation == "located_in"}
    assert located - {("Town", "Wessex")} == {("Named", "Town")}


@pytest.mark.parametrize("kind", [PLACE, ORG])  # NER calls such names either
def test_a_building_named_after_a_valley_does_not_put_the_valley_in_the_town(nlp, kind):
    text = "The injured went to the Tamford Valley hospital in Elmby by ambulance."
    found = relations_of(nlp, text, Valley=(kind, ["Tamford Valley"]), Elmby=(PLACE, ["Elmby"]))
    assert found == set()


def test_an_organisation_beside_an_in_that_the_parse_hangs_on_a_verb_is_left_alone(nlp):
    text = "Vantor beat Norvale in Tamford on Sunday."
    found = relations_of(nlp, text, Vantor=(ORG, ["Vantor"]), Norvale=(ORG, ["Norvale"]), Town=(PLACE, ["Tamford"]))
    assert found == set()


@pytest.mark.parametrize("text, named, kind, expected", [
    ("A fire swept through Norland's Tamford district.", "Tamford", PLACE, True),
    ("Thieves raided Tamford's Norvale museum.", "Norvale", ORG, True),
    ("Tamford's Norvale said sales rose.", "Norvale", ORG, False),
    ("Thieves raided Tamford's Norvale Museum on Sunday.", "Norvale Museum", ORG, True),
    ("Tamford's Norvale Bank said sales rose.", "Norvale Bank", ORG, False),
    ("Turtles nest on Norland's Tamford coast each spring.", "Tamford", PLACE, True),
])
def test_a_place_owning_a_place_or_a_site(nlp, text, named, kind, expected):
    owner = "Norland" if "Norland" in text else "Tamford"
    found = relations_of(nlp, text, Named=(kind, [named]), Owner=(PLACE, [owner]))
    assert (("Named", "located_in", "Owner", None) in found) is expected


@pytest.mark.parametrize("text", [
    "Ann Lee sold the painting through the Tamford auction house Norvale & Price.",
    "Norvale & Price, the Tamford auction house, was sold.",
])
def test_a_place_in_the_description_of_an_organisation(nlp, text):
    found = relations_of(nlp, text, Norvale=(ORG, ["Norvale & Price"]), Tamford=(PLACE, ["Tamford"]),
                         Ann=(PERSON, ["Ann Lee"] if "Ann" in text else []))
    assert ("Norvale", "located_in", "Tamford", None) in found


def test_a_datelines_city_does_not_locate_the_organisation_opening_the_story(nlp):
    text = "TAMFORD - Paint maker Norvale Holdings has sued its rival over a patent."
    assert relations_of(nlp, text, Norvale=(ORG, ["Norvale Holdings"]), Tamford=(PLACE, ["TAMFORD"])) == set()


@pytest.mark.parametrize("text, named, kind", [
    ("Germans in Tamford were evacuated.", "Germans", ORG),  # NER's nationality, given as an organisation
    ("Ann Lee, a GP in Tamford for 30 years, retired.", "GP", ORG),
])
def test_a_people_or_a_name_heading_a_persons_description_is_not_located(nlp, text, named, kind):
    entities = {"Named": (kind, [named]), "Town": (PLACE, ["Tamford"])}
    if "Ann" in text:
        entities["Ann"] = (PERSON, ["Ann Lee", ("a GP", "description")])
    found = relations_of(nlp, text, **entities)
    assert ("Named", "located_in", "Town", None) not in found


@pytest.mark.parametrize("text, named, kind", [
    ("Talks resumed at the Norland embassy in Tamford.", "Norland", PLACE),
    ("Delegates met at the Norvale trade fair in Tamford.", "Norvale", ORG),
])
def test_a_name_inside_a_noun_that_is_no_building_of_its_own_is_not_located(nlp, text, named, kind):
    found = relations_of(nlp, text, Named=(kind, [named]), Town=(PLACE, ["Tamford"]))
    assert ("Named", "located_in", "Town", None) not in found


@pytest.mark.parametrize("text, site, expected", [
    ("Smoke rose from the Tamford smelter all night.", "Tamford smelter", True),
    ("The couple's Tamford home was sold in May.", "Tamford home", True),
    ("Traffic on the Tamford road was slow.", "Tamford road", False),
    ("Crowds filled Tamford Park on Sunday.", "Tamford Park", False),
    ("Her aunt trained at a Tamford hospital in the 1970s.", "Tamford hospital", False),
    ("Her aunt trained at a Tamford hospital in the 1970s.", "a Tamford hospital", False),
])
def test_a_place_described_by_a_towns_name_lies_in_the_town(nlp, text, site, expected):
    text = f"Tamford is a mill town. {text}"
    found = relations_of(nlp, text, Town=(PLACE, ["Tamford"]), Site=(PLACE, [site]))
    assert (("Site", "located_in", "Town", None) in found) == expected


@pytest.mark.parametrize("text, town", [
    ("The fire started at Elm Lodge, the family's old farmhouse in Tamford, on Monday.", "Tamford"),
    ("Crews reached Elm Lodge, the family estate in west Wessex, by noon.", "Wessex"),
    ("The storm flattened Elm Lodge in northern Wessex overnight.", "Wessex"),
    ("The storm flattened Elm Lodge in North Wessex overnight.", "North Wessex"),  # a place's own name
])
def test_a_named_place_and_the_place_in_its_description_or_a_part_of_a_place(nlp, text, town):
    described = [("the family's old farmhouse", "description")] if "farmhouse" in text else [
        ("the family estate", "description")] if "estate" in text else []
    found = relations_of(nlp, text, Lodge=(PLACE, ["Elm Lodge", *described]), Town=(PLACE, [town]))
    assert found == {("Lodge", "located_in", "Town", None)}


def test_a_number_set_beside_a_place_does_not_put_one_place_in_another(nlp):
    text = "The agency said 2.3 million of those hit lived in Norland, 410,000 in Wessex and 95,000 in Elmby."
    found = relations_of(nlp, text, Norland=(PLACE, ["Norland"]), Wessex=(PLACE, ["Wessex"]), Elmby=(PLACE, ["Elmby"]))
    assert found == set()


@pytest.mark.parametrize("text, named", [
    ("Losses from Hurricane Ida in southern Wessex passed $2bn.", "Hurricane Ida"),
    ("Norland, whose envoy in Tamford, Ola Berg, spoke first, backed the deal.", "Norland"),
])
def test_a_storm_or_a_name_beside_a_persons_description_is_not_located(nlp, text, named):
    town = "Wessex" if "Wessex" in text else "Tamford"
    people = {"Ola": (PERSON, ["Ola Berg", ("whose envoy in Tamford", "description")])} if "Ola" in text else {}
    found = relations_of(nlp, text, Named=(PLACE, [named]), Town=(PLACE, [town]), **people)
    assert not any(relation == "located_in" for _, relation, _, _ in found)


@pytest.mark.parametrize("text, site, kind, expected", [
    ("The play will be staged at the Old Mill in Elm Street from May.", "the Old Mill", "name", True),
    ("He ran Reed's Bar on Elm Street for fifty years.", "Reed's Bar", "name", True),
    ("Two people died after a blast at a chemical plant in Elm Street on Monday.", "a chemical plant", "description",
     True),
    # A company is not on the street its factory is on; nor does 'on' say where anything lies but on a street
    ("Crews went to the factory, run by Reed Chemicals, on Elm Street.", "Reed Chemicals", "name", False),
    ("Reed Chemicals on Elm Street Day gave out flags.", "Reed Chemicals", "name", False),
])
def test_a_site_in_or_on_a_street(nlp, text, site, kind, expected):
    street = "Elm Street Day" if "Day" in text else "Elm Street"
    found = relations_of(nlp, text, Site=(ORG if kind == "name" else PLACE, [(site, kind)]),
                         Street=(PLACE if "Day" not in text else "EVENT", [street]))
    assert found == ({("Site", "located_in", "Street", None)} if expected else set())


def test_a_ward_called_after_a_town_holds_it_rather_than_lies_in_it(nlp):
    text = "Labour took the Elmby ward from the Greens, and Ann Lee opened the Elmby smelter."
    found = relations_of(nlp, text, Elmby=(PLACE, ["Elmby"]), Ward=(PLACE, [("the Elmby ward", "description")]),
                         Smelter=(PLACE, [("the Elmby smelter", "description")]))
    assert found == {("Smelter", "located_in", "Elmby", None)}


@pytest.mark.parametrize("site", ["a warehouse", "a scrapyard", "the old mill"])
def test_a_described_site_and_the_place_an_in_after_it_names(nlp, site):
    text = f"Police raided {site} in Tamford on Friday and found stolen engines."
    found = relations_of(nlp, text, Site=(PLACE, [(site, "description")]), Town=(PLACE, ["Tamford"]))
    assert found == {("Site", "located_in", "Town", None)}


@pytest.mark.parametrize("text, expected", [
    ("The van was found in Mill Close, Tamford, Co Norland, on Friday.",
     {("Close", "located_in", "Tamford", None), ("Tamford", "located_in", "Norland", None)}),
    ("Fans came from Mill Close, Tamford and Co Norland.", set()),
])
def test_each_place_of_an_address_lies_in_the_next(nlp, text, expected):
    found = relations_of(nlp, text, Close=(PLACE, ["Mill Close"]), Tamford=(PLACE, ["Tamford"]),
                         Norland=(PLACE, ["Co Norland"]))
    assert found == expected


@pytest.mark.parametrize("text", [
    "Crews reached the Norland port of Tamford by noon.",
    "She grew up in Norland's northern city of Tamford.",
])
def test_a_place_named_after_a_kind_of_place_lies_in_the_place_before_it(nlp, text):
    found = relations_of(nlp, text, Tamford=(PLACE, ["Tamford"]), Norland=(PLACE, ["Norland"]))
    assert found == {("Tamford", "located_in", "Norland", None)}


def test_a_kind_of_place_with_no_place_before_it_says_nothing(nlp):
    text = "Crews reached the port of Tamford, Norland officials said."
    found = relations_of(nlp, text, Tamford=(PLACE, ["Tamford"]), Norland=(PLACE, ["Norland"]))
    assert found == set()
