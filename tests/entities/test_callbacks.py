"""Call-backs by what a name is and to places and towns (entities/callbacks.py), one rule per test, each on a
short sentence of its own."""

from __future__ import annotations

import pytest

from entity_helpers import entities_of, holder
from newsfacts.entities import find_entities
from newsfacts.nlp import parse
from newsfacts.schema import Article, FactSheet


@pytest.mark.parametrize("text, joined", [
    ("Ola Berg taught at the University of Tarn until May. The university said she had left.", True),
    ("Ola Berg taught at the University of Tarn until May. She moved to the University of Lund. The university "
     "said she had left.", False),
])
def test_the_generic_word_of_one_named_institution_points_back_at_it(nlp, text, joined):
    entities = entities_of(nlp, text)
    assert any(m.text == "The university" for m in holder(entities, "the University of Tarn").mentions) is joined


def test_the_force_is_the_police_named_before(nlp):
    entities = entities_of(nlp, "Gwent Police said two men were hurt. The force appealed for witnesses.")
    assert holder(entities, "The force") is holder(entities, "Gwent Police")


@pytest.mark.parametrize("text, name, back", [
    ("The service will be held at Kelsby Abbey in May. The abbey was restored in 1990.", "Kelsby Abbey", "The abbey"),
    ("The Harlow Academy runs the prize. The academy added 400 members this year.", "The Harlow Academy",
     "The academy"),
])
def test_a_landmark_or_academy_is_called_back_by_its_last_word(nlp, text, name, back):
    entities = entities_of(nlp, text)
    assert holder(entities, back) is holder(entities, name)


@pytest.mark.parametrize("text, name, back", [
    ("The Musée des Tissus in Kelsby reopened on Monday. The museum had been shut for two years.",
     "The Musée des Tissus", "The museum"),
    ("Police searched the Gare de Tolby on Friday. The station was closed for an hour.", "the Gare de Tolby",
     "The station"),
])
def test_a_name_kept_in_its_own_language_is_called_back_by_the_english_noun(nlp, text, name, back):
    entities = entities_of(nlp, text)
    assert holder(entities, back) is holder(entities, name)


@pytest.mark.parametrize("text, place, back", [
    ("Shells hit the mountain town of Varsk overnight. The town's only clinic was damaged.", "Varsk", "The town"),
    ("In the northern capital, Velna, crowds gathered on Friday. Police in the capital made no arrests.", "Velna",
     "the northern capital"),
])
def test_a_name_given_as_a_kind_of_place_is_a_place_called_back_by_that_noun(nlp, text, place, back):
    entities = entities_of(nlp, text)
    assert holder(entities, place).type == "PLACE"
    assert holder(entities, back) is holder(entities, place)


def test_the_court_points_back_at_the_one_court_named(nlp):
    text = "Tom Reed, 40, admitted theft at Kelsby Crown Court on Friday. The court heard that he had stolen cars."
    entities = entities_of(nlp, text)
    assert holder(entities, "The court") is holder(entities, "Kelsby Crown Court")


def test_the_bloc_points_back_at_the_one_union_named(nlp):
    text = "The African Union's envoy, Ama Owusu, said the bloc was ready to act on Monday."
    entities = entities_of(nlp, text)
    assert holder(entities, "the bloc") is holder(entities, "The African Union")


@pytest.mark.parametrize("text, name, back", [
    ("Kelsby Rovers won 2-0 on Saturday. The club said the new stand would open in May.", "Kelsby Rovers", "The club"),
    ("Officers from Dunmere Police were called at 9pm. Police said a man had been arrested.", "Dunmere Police",
     "Police"),
    ("Bushfires spread across Queensland last week. The state has asked for federal help.", "Queensland",
     "The state"),
    ("Thieves broke into the Orland Museum on Sunday. The museum reopened on Tuesday.", "the Orland Museum",
     "The museum"),
])
def test_a_call_back_noun_is_the_one_named_that_can_be_called_so(nlp, text, name, back):
    entities = entities_of(nlp, text)
    assert holder(entities, back) is holder(entities, name)


def test_the_club_after_two_clubs_just_named_is_neither(nlp):
    text = "Kelsby Rovers beat Dunmere United 2-1 on Saturday. The club said it was a fair result."
    entities = entities_of(nlp, text)
    assert not any(m.text == "The club" for e in entities for m in e.mentions)


def test_the_party_after_a_party_and_an_organisation_of_no_known_kind_spoken_of_is_neither(nlp):
    text = ("The Alliance Party held the seat in 2019. On Thursday, the DUP’s share rose to 35 per cent, "
            "while the party lost ground in the north.")
    entities = entities_of(nlp, text)
    assert all(m.text != "the party" for e in entities for m in e.mentions)


def test_police_with_no_force_named_are_one_organisation(nlp):
    entities = entities_of(nlp, "Police said a man had been arrested. A woman was questioned by police on Friday.")
    police = holder(entities, "Police")
    assert police.type == "ORG" and police is holder(entities, "police")


def test_police_before_the_force_is_named_are_that_force(nlp):
    text = "Police raided the flat in June. Sergeant Ann Lowe, of Dunmere Police, said the raid was planned."
    entities = entities_of(nlp, text)
    assert holder(entities, "Police") is holder(entities, "Dunmere Police")


def test_the_place_a_mayor_is_of_is_called_back_as_the_town(nlp):
    text = "Ann Lee was elected mayor of Dunmore Falls in 1990 and ran the town for ten years."
    entities = entities_of(nlp, text)
    assert holder(entities, "the town") is holder(entities, "Dunmore Falls")


@pytest.mark.parametrize("text, place, back", [
    ("Reform won the Oldham council ward from the Greens. It is the first time the ward has changed hands.",
     "Oldham", "the ward"),
    ("Voters in the Sheffield by-election went to the polls. The seat had been held by Labour since 1997.",
     "Sheffield", "The seat"),
])
def test_a_place_named_as_an_electoral_area_is_called_back_as_the_seat(nlp, text, place, back):
    entities = entities_of(nlp, text)
    assert holder(entities, back) is holder(entities, place)


def test_the_seat_is_no_place_never_named_as_one_that_elects(nlp):
    entities = entities_of(nlp, "Ann Cole moved to Sheffield in May. The seat of the chair was empty.")
    assert all(m.text != "The seat" for e in entities for m in e.mentions)


def test_a_call_back_inside_a_persons_description_is_the_one_named(nlp):
    text = "Ann Lee studied at the University of Tarn. Tom Reed, a surgeon at the university, said she was gifted."
    entities = entities_of(nlp, text)
    assert holder(entities, "the university") is holder(entities, "the University of Tarn")


def test_a_place_called_back_inside_a_persons_description_is_left_alone(nlp):
    entities = entities_of(nlp, "Sara Holm flew home from Norway. Tom Reed, the country's former leader, met her.")
    assert all(m.text != "the country" for e in entities if e.type == "PLACE" for m in e.mentions)


def test_the_head_word_of_two_names_calls_back_neither(nlp):
    entities = entities_of(nlp, "Ferrin Records sued Tolland Records on Monday. The label wants damages.")
    assert all(m.text != "The label" for e in entities for m in e.mentions)


def test_the_head_word_used_before_a_name_with_it_is_another_one(nlp):
    text = "The old hall needs a new roof. Its trustees also run Ormond Hall, and the hall is for sale."
    entities = entities_of(nlp, text)
    assert all(m.text != "the hall" for e in entities if "Ormond Hall" in [m.text for m in e.mentions]
               for m in e.mentions)


def test_the_town_is_the_one_town_like_place_named(nlp):
    entities = entities_of(nlp, "Floods cut off Brackwell in Ohio on Monday. Roads into the town reopened on Friday.")
    assert holder(entities, "the town") is holder(entities, "Brackwell")


def test_a_seat_named_after_two_towns_is_not_the_town(nlp):
    text = "Ann Lee, the MP for Kelsby and Dunmere, said on Monday that the town needed a new bridge."
    entities = entities_of(nlp, text)
    assert all(m.text != "the town" for m in holder(entities, "Kelsby and Dunmere").mentions)


def test_the_town_is_the_one_placed_in_the_region_named_after_it(nlp):
    text = ("A blast hit a plant in Marrowby, Dunshire, on Monday. Crews from Tolby helped. Officials said it was the "
            "worst fire the town had seen.")
    entities = entities_of(nlp, text)
    assert holder(entities, "the town") is holder(entities, "Marrowby")


def test_the_town_after_another_name_where_something_goes_in_its_sentence_is_neither(nlp):
    text = "Flooding hit Tolby on Monday. By Tuesday the water had reached Marsh Hill, and the town was cut off for days."
    entities = entities_of(nlp, text)
    assert all(m.text != "the town" for e in entities for m in e.mentions)


def test_a_country_in_the_sentence_leaves_the_town_to_the_one_named(nlp):
    text = "Flooding hit Tolby on Monday. Prices in Ohio rose, and the town ran short of water."
    entities = entities_of(nlp, text)
    assert holder(entities, "the town") is holder(entities, "Tolby")


@pytest.mark.parametrize("text, named, back", [
    ("Ann Lee was treated at Kelsby General Hospital on Monday. On Tuesday she was moved to a hospital in Tolby. The "
     "hospital said she was stable.", "Kelsby General Hospital", "The hospital"),
    ("Kelsby Rovers lost 2-0 on Saturday. Tom Reed, who left for a club in Spain last year, scored twice. The club "
     "said he was happy.", "Kelsby Rovers", "The club"),
])
def test_a_call_back_after_another_one_of_its_kind_brought_in_is_not_the_one_named(nlp, text, named, back):
    entities = entities_of(nlp, text)
    assert all(m.text != back for m in holder(entities, named).mentions)


def test_a_town_said_of_a_name_is_no_other_town_brought_in(nlp):
    entities = entities_of(nlp, "Crowds are expected in Marsh Bay, a town of 900 people, this week. The mayor said "
                                "the town was ready.")
    assert holder(entities, "the town") is holder(entities, "Marsh Bay")


def test_a_name_taken_for_an_organisation_that_people_live_in_is_the_town(nlp):
    text = "A Glenvarra man, 63, was rescued from his roof on Sunday. Crews said the town had never flooded so fast."
    entities = entities_of(nlp, text)
    assert holder(entities, "the town") is holder(entities, "Glenvarra")


def test_a_company_named_before_a_townsman_is_no_town(nlp):
    entities = entities_of(nlp, "Police said a Wexcombe Foods woman was hurt. The town was shocked.")
    assert all(m.text != "The town" for e in entities for m in e.mentions)


def test_the_town_after_two_town_like_places_named_once_is_neither(nlp):
    text = "Floods cut off Brackwell and Dunstow on Monday. Roads into the town reopened on Friday."
    entities = entities_of(nlp, text)
    assert all(m.text != "the town" for e in entities for m in e.mentions)


def test_the_head_word_written_capitalised_calls_back_the_name(nlp):
    text = "The Bureau of Hydrology issued a warning. Forecasters at the Bureau expect more rain."
    entities = entities_of(nlp, text)
    assert holder(entities, "the Bureau") is holder(entities, "The Bureau of Hydrology")


def test_the_council_is_the_council_named_though_a_party_is_in_the_sentence(nlp):
    text = "Reform UK won a seat on Harlow District Council on Thursday. Labour holds 12 of the council's 40 seats."
    entities = entities_of(nlp, text)
    assert holder(entities, "the council") is holder(entities, "Harlow District Council")


def test_a_council_of_another_kind_of_place_is_not_the_one_named(nlp):
    text = "Kelby County Council will sell the hall on Monday, and the town council wants to buy it."
    entities = entities_of(nlp, text)
    assert all(m.text != "the town council" for e in entities if e.name == "Kelby County Council" for m in e.mentions)


def test_this_country_is_not_the_country_named_last(nlp):
    text = 'Her son lives in Tasmania, Australia. "Every survey in this country cites her," a colleague said.'
    entities = entities_of(nlp, text)
    assert all(m.text != "this country" for e in entities for m in e.mentions)


def test_a_kind_said_of_one_does_not_outweigh_an_organisation_of_no_known_kind_named_more(nlp):
    text = ("The Harbour Hawks beat the Dunmore Owls on Sunday. The Harbour Hawks coach Ray Olsen joined in May from "
            "second-tier club Brackwater United Sports. Olsen said the club needed new players.")
    entities = entities_of(nlp, text)
    assert all(m.text != "the club" for m in holder(entities, "Brackwater United Sports").mentions)


def test_the_town_is_the_one_named_earlier_in_its_sentence(nlp):
    text = "Storms hit Brackwell and Dunstow on Monday. At Dunstow 90mm of rain fell, twice the town's usual total."
    entities = entities_of(nlp, text)
    assert holder(entities, "the town") is holder(entities, "Dunstow", 1)


def test_the_village_is_the_one_village_like_place_named(nlp):
    entities = entities_of(nlp, "A barn burned down near Ellerby on Sunday. The village's pub took in the horses.")
    assert holder(entities, "The village") is holder(entities, "Ellerby")


def test_an_abbreviated_state_is_no_town(nlp):
    entities = entities_of(nlp, "The fair in Brackwell, Wash., drew 9,000 people. The city paid for extra buses.")
    assert holder(entities, "The city") is holder(entities, "Brackwell")


def _entities_from_outlet(nlp, text: str, outlet: str):
    article = Article(id="t", text=text, outlet=outlet)
    return find_entities(parse(article, nlp), FactSheet(id="t", text=text))


def test_the_town_of_a_local_paper_is_the_one_it_is_named_for(nlp):
    text = "Floods cut off Brackwell and Dunstow on Monday. Roads into the town reopened on Friday."
    entities = _entities_from_outlet(nlp, text, "The Brackwell Courier")
    assert holder(entities, "the town") is holder(entities, "Brackwell")


def test_a_district_in_the_sentence_and_the_papers_town_leave_the_city_unsaid(nlp):
    text = "A gas main blew up in Brackwell overnight. The blast in Dunstow was heard across the city."
    entities = _entities_from_outlet(nlp, text, "Brackwell Evening News")
    assert all(m.text != "the city" for e in entities for m in e.mentions)


@pytest.mark.parametrize("text", [
    "An Aslef spokesman said the union would ballot drivers again.",
    "Aslef's general secretary, Tom Reed, said drivers were angry. The union will ballot them in June.",
])
def test_the_union_is_the_organisation_of_no_kind_in_the_subject_before(nlp, text):
    entities = entities_of(nlp, text)
    assert holder(entities, "the union" if "the union" in text else "The union") is holder(entities, "Aslef")


def test_the_union_after_two_organisations_of_no_kind_is_neither(nlp):
    entities = entities_of(nlp, "Aslef's leader met Unison's leader on Monday. The union will ballot drivers in June.")
    assert all(m.text != "The union" for e in entities for m in e.mentions)


@pytest.mark.parametrize("text, team", [
    ("Kelsby Rovers coach Ann Lee said her side had been unlucky.", "Kelsby Rovers"),
    ("Dunmere Athletic drew 1-1 with Kelsby Rovers. Rovers boss Ann Lee felt her team deserved more.", "Kelsby Rovers"),
])
def test_her_side_is_the_team_its_coach_is_named_with(nlp, text, team):
    entities = entities_of(nlp, text)
    back = "her side" if "her side" in text else "her team"
    assert holder(entities, back) is holder(entities, team)


@pytest.mark.parametrize("text", [
    "Dunmere Athletic drew 1-1 with Kelsby Rovers. Tom Reed said his team deserved more.",
    "Kelsby Rovers coach Tom Reed said her side had been unlucky.",
])
def test_her_side_without_a_coach_of_one_team_is_no_team(nlp, text):
    entities = entities_of(nlp, text)
    assert all(m.text not in {"his team", "her side"} for e in entities if e.type == "ORG" for m in e.mentions)


@pytest.mark.parametrize("text, joined", [
    ("Norway's fisheries minister, Ann Lee, said her country would not sign.", True),
    ("Ann Lee met ministers from Norway and Chile. She said her country would not sign.", False),
])
def test_her_country_is_the_country_named_with_the_subject(nlp, text, joined):
    entities = entities_of(nlp, text)
    assert any(m.text == "her country" for e in entities if e.name == "Norway" for m in e.mentions) is joined


def test_the_town_is_the_one_placed_in_a_region_when_nothing_else_tells(nlp):
    text = "Tom Reed grew up in Dunstow and now lives in Brackwell, Ohio. Neighbours in the small town call him generous."
    entities = entities_of(nlp, text)
    assert holder(entities, "the small town") is holder(entities, "Brackwell")


@pytest.mark.parametrize("text, joined", [
    ("Tom Reed has coached the Tarnside Hawks since May. Under Reed the Tarnside Hawks have won nine games. Fans of "
     "the Tarnside Hawks sang all night. Tickets sold out in an hour, and the club thanked its fans.", True),
    ("Tom Reed has coached the Tarnside Hawks since May. Tickets sold out in an hour, and the club thanked its fans.",
     False),
])
def test_the_club_is_the_organisation_a_story_names_most(nlp, text, joined):
    entities = entities_of(nlp, text)
    assert any(m.text == "the club" for e in entities for m in e.mentions) is joined


def test_of_two_labels_the_label_is_the_one_its_speaker_works_for(nlp):
    entities = entities_of(nlp, "The folk duo Ferro Lights signed with Leeds label Kestrel Sound on Monday. Their "
                                "first album came out on the indie label Bramble Tapes, which closed in 2020. Kestrel "
                                "Sound's founder, Ines Varga, said the label would press 5,000 copies. Bramble Tapes "
                                "was sold a year later. Varga said the label had doubled its staff.")
    kestrel = holder(entities, "Kestrel Sound")
    assert holder(entities, "the label") is kestrel and holder(entities, "the label", 1) is kestrel


def test_the_club_of_a_speaker_from_another_club_is_not_the_one_named_before(nlp):
    entities = entities_of(nlp, "Ashby Rovers signed the striker on loan from Premier League side Kelby City. City's "
                                "academy director, Ann Kerr, said the club saw his future at home.")
    assert not any(m.text == "the club" for m in holder(entities, "Ashby Rovers").mentions)


def test_a_place_with_a_mayor_is_a_town_whatever_ner_called_it(nlp):
    entities = entities_of(nlp, "Harwell Health will close its maternity unit in Ostend and move births to Kelby, 9 "
                                "miles away. Twenty nurses will move to Ostend. Kelby Mayor Ann Lee said she was "
                                "blindsided. A nurse said many patients in the city do not drive.")
    assert not any(m.text == "the city" for m in holder(entities, "Ostend").mentions)
