"""Descriptions pointing back (entities/descriptions.py), one rule per test, each on a short sentence of its own."""

from __future__ import annotations

import pytest

from entity_helpers import entities_of, holder
from newsfacts.entities.clusters import Cluster
from newsfacts.entities.descriptions import add_role_descriptions


def test_noun_phrase_beside_a_name_is_a_mention_of_the_person(nlp):
    entities = entities_of(nlp, "Nadia Frost, the chair of the housing committee, signed the letter.")
    assert holder(entities, "the chair of the housing committee") is holder(entities, "Nadia Frost")



def test_a_work_set_beside_a_persons_name_is_not_the_person(nlp):
    text = ("Tom Reed sold the firm in 2015. Reed is better known outside the tech world as an author: his 2019 book, "
            "a memoir, argued that firms grow too fast.")
    assert "his 2019 book" not in [m.text for e in entities_of(nlp, text) if e.type == "PERSON" for m in e.mentions]

@pytest.mark.parametrize("text, reference, name", [
    ("The visitors relied on striker Jonas Berg. The striker scored twice before half-time.", "The striker",
     "Jonas Berg"),
    ("Judge Ruth Palmer passed sentence on Friday. The judge called the attack cruel.", "The judge",
     "Judge Ruth Palmer"),
    ("Leon Marsh, 41, denied the charge. The 41-year-old was remanded in custody.", "The 41-year-old",
     "Leon Marsh"),
])
def test_the_role_or_age_given_to_one_person_refers_back_to_them(nlp, text, reference, name):
    entities = entities_of(nlp, text)
    assert holder(entities, reference) is holder(entities, name)


def test_a_role_given_to_two_people_refers_to_neither(nlp):
    entities = entities_of(nlp, "Striker Jonas Berg replaced striker Ade Cole. The striker scored twice.")
    assert all(m.text != "The striker" for e in entities for m in e.mentions)


def test_role_reference_inside_another_persons_description(nlp):
    text = "Mayor Denise Carter vetoed the plan. The mayor's chief of staff, Peter Novak, said she would meet them."
    entities = entities_of(nlp, text)
    assert holder(entities, "The mayor") is holder(entities, "Mayor Denise Carter")
    assert holder(entities, "The mayor's chief of staff") is holder(entities, "Peter Novak")


def test_noun_phrase_beside_an_organisation_is_a_mention_of_it(nlp):
    entities = entities_of(nlp, "Regulators opened an inquiry into Kestrava, the Dutch chipmaker, on Thursday.")
    assert holder(entities, "the Dutch chipmaker") is holder(entities, "Kestrava")


def test_the_company_is_the_organisation_named_most_so_far(nlp):
    entities = entities_of(nlp, "Shares in Norvale Foods fell on Monday after the company cut its forecast.")
    assert holder(entities, "the company") is holder(entities, "Norvale Foods")


def test_the_company_after_two_organisations_named_as_often_is_neither(nlp):
    entities = entities_of(nlp, "Norvale Foods sued Tandem Brands on Monday. The company wants damages.")
    assert all(m.text != "The company" for e in entities for m in e.mentions)


def test_the_role_of_something_named_is_not_a_back_reference(nlp):
    text = "Ann Lee, the president of the club, spoke first. Later the president of the league replied."
    entities = entities_of(nlp, text)
    assert all(m.text != "the president" for e in entities for m in e.mentions)


def test_a_plural_or_bare_role_noun_is_no_back_reference(nlp):
    text = "Local organiser Ben Tully met the council. Mr Tully said organisers would appeal."
    entities = entities_of(nlp, text)
    assert all(m.text != "organisers" for e in entities for m in e.mentions)


@pytest.mark.parametrize("text, joined", [
    ("The governor of Tallow has vetoed the bill. Governor Ruth Amis said it was too costly.", True),
    ("The governor of Tallow met Governor Ruth Amis on Monday.", False),
])
def test_an_office_of_a_place_in_the_lede_is_the_one_holder_named_later(nlp, text, joined):
    entities = entities_of(nlp, text)
    office = [e for e in entities for m in e.mentions if m.text == "The governor of Tallow"]
    assert (office == [holder(entities, "Governor Ruth Amis")]) is joined


@pytest.mark.parametrize("text, phrase, joined", [
    ("Acme Lines will cut 300 jobs worldwide, the Danish shipping group said on Tuesday.",
     "the Danish shipping group", True),
    ("Acme Lines will cut 300 jobs worldwide, the parent group said on Tuesday.", "the parent group", False),
])
def test_the_company_with_its_industry_or_nationality_is_the_organisation_named_most(nlp, text, phrase, joined):
    entities = entities_of(nlp, text)
    assert any(m.text == phrase for m in holder(entities, "Acme Lines").mentions) is joined


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


def test_the_company_inside_a_persons_description_is_the_company(nlp):
    text = ("Brannock Systems said on Monday that it would hand the job to the company's president, Ana Lind. "
            "Brannock Systems shares rose.")
    entities = entities_of(nlp, text)
    assert holder(entities, "the company") is holder(entities, "Brannock Systems")


def test_a_nationality_before_a_role_still_refers_back_to_its_holder(nlp):
    text = ("The radar was designed by Ann Keel, a physicist at the University of Kelsby. "
            "The Dutch physicist first proposed it in 2009.")
    entities = entities_of(nlp, text)
    assert holder(entities, "The Dutch physicist") is holder(entities, "Ann Keel")


@pytest.mark.parametrize("text, name, back", [
    ("The service will be held at Kelsby Abbey in May. The abbey was restored in 1990.", "Kelsby Abbey", "The abbey"),
    ("The Harlow Academy runs the prize. The academy added 400 members this year.", "The Harlow Academy",
     "The academy"),
])
def test_a_landmark_or_academy_is_called_back_by_its_last_word(nlp, text, name, back):
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


def test_a_noun_set_beside_an_organisation_points_back_at_it_later(nlp):
    text = ("Ann Holt now runs a pension fund, Greyfield Ventures, from Leeds. The fund has backed 40 start-ups, "
            "Holt said.")
    entities = entities_of(nlp, text)
    assert holder(entities, "The fund") is holder(entities, "Greyfield Ventures")


def test_a_description_the_parser_hangs_on_a_place_is_the_persons(nlp):
    text = "The head of the UN mission in Kelsby, Ann Lee, said food would run out within days."
    entities = entities_of(nlp, text)
    assert holder(entities, "The head of the UN mission in Kelsby") is holder(entities, "Ann Lee")


def test_the_bloc_points_back_at_the_one_union_named(nlp):
    text = "The African Union's envoy, Ama Owusu, said the bloc was ready to act on Monday."
    entities = entities_of(nlp, text)
    assert holder(entities, "the bloc") is holder(entities, "The African Union")


def test_a_role_written_before_a_name_makes_one_mention_with_it(nlp):
    entities = entities_of(nlp, "The prize went to the Danish painter Ida Holm, who thanked her family.")
    assert holder(entities, "the Danish painter Ida Holm") is holder(entities, "Ida Holm")


@pytest.mark.parametrize("text, described", [
    ("Shares in Brannock Systems rose on Monday after the Denver-based firm won a contract.", "the Denver-based firm"),
    ("Brannock Systems cut 300 jobs. Analysts said the Denver company had grown too fast.", "the Denver company"),
])
def test_the_company_placed_by_a_city_is_the_organisation_named_most(nlp, text, described):
    entities = entities_of(nlp, text)
    assert holder(entities, described) is holder(entities, "Brannock Systems")


def test_a_person_brought_in_by_age_and_never_named_is_one_person(nlp):
    text = ("A 16-year-old girl has been charged with arson after a fire at a school in Hull. The teenager appeared "
            "at Hull Youth Court on Monday. She will return to court next month.")
    entities = entities_of(nlp, text)
    assert holder(entities, "The teenager") is holder(entities, "A 16-year-old girl")
    assert holder(entities, "She") is holder(entities, "A 16-year-old girl")


def test_an_age_first_told_as_the_n_year_old_is_the_one_person_just_named(nlp):
    entities = entities_of(nlp, "Pop star Jade Monroe has apologised. In a post on Sunday, the 29-year-old wrote that she "
                                "was sorry.")
    assert holder(entities, "the 29-year-old") is holder(entities, "Jade Monroe")


@pytest.mark.parametrize("text", [
    "Tom Reed passed to Ann Lee. The 31-year-old scored.",
    "A man, 45, was arrested. Police chief Ann Lee said the 45-year-old would be charged.",
    # the one person named is already given another age
    'Ruth Hale, 64, runs the bakery. "The ovens never rest," the 38-year-old said.',
    # the one person named is named only inside the quotation the age speaks
    'The board met on Friday. "Ruth Hale built this firm," the 38-year-old said.',
    # the one person named was never called what the age describes
    "Ruth Hale, who runs the bakery, welcomed the guests. The 38-year-old viscount gave a short speech.",
])
def test_an_age_that_could_be_someone_elses_is_left_alone(nlp, text):
    assert not [m for e in entities_of(nlp, text) for m in e.mentions if "year-old" in m.text]


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


def test_the_party_after_an_organisation_of_no_known_kind_as_subject_is_that_one(nlp):
    text = ("The Alliance Party held the seat in 2019. On Thursday, the DUP’s share rose to 35 per cent, "
            "while the party lost ground in the north.")
    entities = entities_of(nlp, text)
    assert all(m.text != "the party" for m in holder(entities, "The Alliance Party").mentions)
    assert holder(entities, "the party") is holder(entities, "DUP")


def test_the_group_is_no_hospital_or_council(nlp):
    entities = entities_of(nlp, "He died at St Agnes Hospital on Monday. The group he founded in 1970 played on.")
    assert all(m.text != "The group" for m in holder(entities, "St Agnes Hospital").mentions)


def test_the_firm_is_not_an_organisation_named_once_among_others(nlp):
    text = ("Harbour Police said the warehouse fire was out, UPI reports. Officers searched the offices of the firm "
            "on Thursday.")
    entities = entities_of(nlp, text)
    assert all(m.text != "the firm" for e in entities for m in e.mentions if e.name == "UPI")


def test_police_with_no_force_named_are_one_organisation(nlp):
    entities = entities_of(nlp, "Police said a man had been arrested. A woman was questioned by police on Friday.")
    police = holder(entities, "Police")
    assert police.type == "ORG" and police is holder(entities, "police")


def test_police_before_the_force_is_named_are_that_force(nlp):
    text = "Police raided the flat in June. Sergeant Ann Lowe, of Dunmere Police, said the raid was planned."
    entities = entities_of(nlp, text)
    assert holder(entities, "Police") is holder(entities, "Dunmere Police")


def test_an_age_after_a_name_the_parser_hangs_elsewhere_is_still_theirs(nlp):
    text = "Ann Rudd, 58, and her son Tom Rudd, 27, were fined on Monday. The 27-year-old said he would appeal."
    entities = entities_of(nlp, text)
    assert holder(entities, "The 27-year-old") is holder(entities, "Tom Rudd")


def test_the_age_reference_takes_the_role_noun_after_it(nlp):
    text = "Striker Jon Hale, 24, signed on Friday. The 24-year-old striker joins from a rival."
    entities = entities_of(nlp, text)
    assert holder(entities, "The 24-year-old striker") is holder(entities, "Jon Hale")


@pytest.mark.parametrize("text, reference, name", [
    ("Ann Rudd, 58, and her son Tom Rudd, 27, were fined. The court heard the elder Rudd kept the books.",
     "the elder Rudd", "Ann Rudd"),
    ("Ann Rudd, 58, and her son Tom Rudd, 27, were fined. The court heard the younger Rudd drove the van.",
     "the younger Rudd", "Tom Rudd"),
    ("Pete Gale coaches the side and his son Rory Gale plays up front. Gale senior said he was proud.",
     "Gale senior", "Pete Gale"),
])
def test_the_elder_or_younger_of_two_sharing_a_surname_by_age_or_kinship(nlp, text, reference, name):
    entities = entities_of(nlp, text)
    assert holder(entities, reference) is holder(entities, name)


def test_the_elder_of_two_with_no_ages_or_kinship_is_neither(nlp):
    text = "Ann Rudd and Tom Rudd were fined. The court heard the elder Rudd kept the books."
    entities = entities_of(nlp, text)
    assert not any(m.text == "the elder Rudd" for e in entities for m in e.mentions)


def test_an_age_first_told_beside_a_name_is_that_persons(nlp):
    text = "Ann Cole and Pavel Horak watched. Horak, the 20-year-old Czech signed in May, scored twice."
    entities = entities_of(nlp, text)
    assert holder(entities, "the 20-year-old Czech") is holder(entities, "Pavel Horak")


def test_an_age_first_told_beside_a_name_ner_did_not_call_a_person_joins_no_one_else(nlp):
    entities = entities_of(nlp, "Ann Cole and Ivo Marek watched. Marek, the 20-year-old Czech signed in May, scored.")
    assert all(m.text != "the 20-year-old Czech" for m in holder(entities, "Ann Cole").mentions)


def test_whose_father_makes_the_father_the_elder(nlp):
    text = ("Owen Brannock, whose father Frank Brannock ran the shop, took it over. \"He was ready,\" said "
            "Brannock senior.")
    entities = entities_of(nlp, text)
    assert holder(entities, "Brannock senior") is holder(entities, "Frank Brannock")


def test_a_kind_noun_set_beside_a_place_is_a_mention_and_calls_it_back(nlp):
    text = "Water flooded Harlow Court, a riverside apartment complex, on Tuesday. The complex was evacuated."
    entities = entities_of(nlp, text)
    court = holder(entities, "Harlow Court")
    assert court is holder(entities, "a riverside apartment complex") is holder(entities, "The complex")


def test_a_town_modifying_a_kind_noun_is_something_in_the_town(nlp):
    text = "Fire swept through a Kelsby estate on Tuesday. Kelsby Council said the estate would be rebuilt."
    entities = entities_of(nlp, text)
    assert not any(m.text in {"a Kelsby estate", "the estate"} for e in entities if e.name == "Kelsby"
                   for m in e.mentions)


def test_a_disaster_the_story_never_names_is_one_event(nlp):
    text = ("A landslide buried the hamlet of Oreno on Monday. The landslip followed days of rain. Last year's "
            "landslide was smaller.")
    entities = entities_of(nlp, text)
    event = holder(entities, "A landslide")
    assert event.type == "EVENT" and event is holder(entities, "The landslip")
    assert all(m.text != "landslide" for m in event.mentions)


def test_an_accident_called_back_by_another_noun_of_its_kind(nlp):
    text = "The derailment near Carvo killed four people. Investigators said the crash was caused by a landslip."
    entities = entities_of(nlp, text)
    assert holder(entities, "The derailment") is holder(entities, "the crash")


def test_a_role_with_the_words_that_say_which_refers_back_though_two_share_the_role(nlp):
    text = ("Transport Minister Pascal Duval and Health Minister Odile Marin visited the hospital. Belgium's transport "
            "minister said the trains would run. The Health Minister said the wards were full.")
    entities = entities_of(nlp, text)
    assert holder(entities, "Belgium's transport minister") is holder(entities, "Pascal Duval")
    assert holder(entities, "The Health Minister") is holder(entities, "Odile Marin")


def test_the_pm_is_the_prime_minister(nlp):
    text = "The Prime Minister met the unions on Monday. The PM told reporters that talks would go on."
    entities = entities_of(nlp, text)
    assert holder(entities, "The PM") is holder(entities, "The Prime Minister")


def test_a_family_that_speaks_is_one_organisation_with_its_other_mentions(nlp):
    text = ("Dame Ann Reed, the novelist, died on Monday. In a statement, the Reed family said she had died at home. "
            "Her family asked for privacy.")
    entities = entities_of(nlp, text)
    family = holder(entities, "Her family")
    assert family.type == "ORG" and family is holder(entities, "the Reed family")


def test_a_family_that_never_speaks_is_no_entity(nlp):
    entities = entities_of(nlp, "Tom Reed moved to York with his family in 1990.")
    assert not any(m.text == "his family" for e in entities for m in e.mentions)


def test_a_noun_phrase_with_surnamed_is_a_mention_of_the_person(nlp):
    text = "A shopkeeper surnamed Lam said the street was flooded. Lam had worked there for 30 years."
    entities = entities_of(nlp, text)
    person = holder(entities, "Lam")
    assert person.type == "PERSON" and person is holder(entities, "A shopkeeper surnamed Lam")


@pytest.mark.parametrize("text", [
    "Representing Amy Lowe, barrister Sam Ito told the court his client had no previous convictions.",
    "Defending Amy Lowe, Sam Ito said her client had cared for her mother for years.",
])
def test_a_lawyers_client_is_the_person_defended_in_that_sentence(nlp, text):
    entities = entities_of(nlp, text)
    client = next(m.text for e in entities for m in e.mentions if m.text.endswith("client"))
    assert holder(entities, client) is holder(entities, "Amy Lowe")
    assert holder(entities, client) is not holder(entities, "Sam Ito")


def test_an_office_with_the_words_that_say_which_may_come_before_its_holders_name(nlp):
    text = ("Fares will rise in March, Malta's transport minister said on Monday. Speaking in Valletta, Transport "
            "Minister Ann Lee said the rise was the first in six years.")
    entities = entities_of(nlp, text)
    assert holder(entities, "Malta's transport minister") is holder(entities, "Ann Lee")


def test_an_office_two_people_hold_is_neither_before_their_names(nlp):
    text = ("The foreign minister arrived late. Deputy Foreign Minister Ann Lee and Foreign Minister Tom Reed "
            "signed the accord.")
    entities = entities_of(nlp, text)
    assert not any(m.text == "The foreign minister" for e in entities for m in e.mentions)


def test_the_company_is_the_one_organisation_with_a_legal_form(nlp):
    text = ("CARDIFF (Nordpress) - Brynmor Shipping Holdings PLC reported on Tuesday that its profit fell, its Board said. The company also "
            "plans to sell two ships.")
    entities = entities_of(nlp, text)
    assert holder(entities, "The company") is holder(entities, "Brynmor Shipping Holdings PLC")


def test_a_nationality_set_beside_a_name_is_a_mention_of_the_person(nlp):
    text = "Coach Sam Ferreira, the Argentine who arrived in June, said his players had earned the point."
    entities = entities_of(nlp, text)
    described = next(m.text for e in entities for m in e.mentions if m.text.startswith("the Argentine"))
    assert holder(entities, described) is holder(entities, "Sam Ferreira")


def test_a_block_of_homes_is_called_back_by_any_word_for_one(nlp):
    text = ("Crews fought a fire in the Penrose Court development on Monday. The estate was built in 1975, and "
            "most of the complex was empty.")
    entities = entities_of(nlp, text)
    court = holder(entities, "Penrose Court")
    assert holder(entities, "The estate") is court
    assert holder(entities, "the complex") is court


def test_a_law_court_is_no_estate(nlp):
    text = "Tom Reed appeared at Kelsby Crown Court on Monday. He had lived on the estate for years."
    entities = entities_of(nlp, text)
    assert not any(m.text == "the estate" for e in entities for m in e.mentions)


def test_a_city_state_is_called_back_as_the_city(nlp):
    text = "Heavy rain flooded roads across Singapore on Monday. Trains in the city ran late all day."
    entities = entities_of(nlp, text)
    assert holder(entities, "the city") is holder(entities, "Singapore")


def test_the_place_a_mayor_is_of_is_called_back_as_the_town(nlp):
    text = "Ann Lee was elected mayor of Dunmore Falls in 1990 and ran the town for ten years."
    entities = entities_of(nlp, text)
    assert holder(entities, "the town") is holder(entities, "Dunmore Falls")


def test_a_role_two_people_hold_is_the_one_the_sentence_before_names_alone(nlp):
    text = ("Deputy Mayor Tom Reed and Mayor Ann Lee opened the bridge. On Friday Ann Lee met the builders. "
            "The mayor thanked them for their work.")
    entities = entities_of(nlp, text)
    assert holder(entities, "The mayor") is holder(entities, "Mayor Ann Lee")


def test_a_role_two_people_hold_is_neither_when_the_sentence_before_names_both(nlp):
    text = "Deputy Mayor Tom Reed and Mayor Ann Lee opened the bridge. The mayor thanked the builders."
    entities = entities_of(nlp, text)
    assert not any(m.text == "The mayor" for e in entities for m in e.mentions)


def test_a_role_with_other_qualifying_words_is_someone_else(nlp):
    text = ("Tom Reyes, the environment minister, faced questions on Monday. The government said the prime minister "
            "had full confidence in Reyes. The environment minister said he would stay.")
    entities = entities_of(nlp, text)
    reyes = holder(entities, "Tom Reyes")
    assert "The environment minister" in [m.text for m in reyes.mentions]
    assert "the prime minister" not in [m.text for m in reyes.mentions]


def test_the_place_word_in_an_organisations_name_calls_back_the_place_not_the_body(nlp):
    entities = entities_of(nlp, "An audit ordered by the Dorrow County Board found gaps in the accounts. A spokesman "
                                "said the county would repay the money.")
    assert all(m.text != "the county" for m in holder(entities, "the Dorrow County Board").mentions)


def test_a_role_set_beside_a_name_is_not_called_back_to_another_holder(nlp):
    entities = entities_of(nlp, "Lakeside Dairies' chief executive Carla Ennis announced the merger. Her son Omar "
                                "Ennis, the company's chief executive for a decade, will stay on.")
    assert all("chief executive for" not in m.text and m.text != "the company's chief executive"
               for m in holder(entities, "Carla Ennis").mentions)


def test_a_companys_site_is_not_the_company(nlp):
    entities = entities_of(nlp, "A fire broke out at the Morwell Paints factory overnight. Morwell Paints said no one "
                                "was hurt.")
    assert all(m.text != "the Morwell Paints factory" for m in holder(entities, "Morwell Paints").mentions)


def test_the_group_is_the_organisation_described_as_a_group(nlp):
    entities = entities_of(nlp, "Ardent Foods said sales rose. Ardent Foods opened two stores. Shares in Falken "
                                "Holding, the Swiss group that owns Ardent Foods, fell. The group said it would wait.")
    assert holder(entities, "The group") is holder(entities, "Falken Holding")


def test_a_kind_of_place_inside_an_organisations_name_does_not_call_it_back(nlp):
    text = "Tarnby County Council cut bus routes on Monday. The county has 40,000 people."
    entities = entities_of(nlp, text)
    assert all(m.text != "The county" for m in holder(entities, "Tarnby County Council").mentions)


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


def test_the_company_after_two_companies_in_one_sentence_is_neither(nlp):
    text = ("Norvale Foods said on Monday it would buy Tandem Brands, and Tandem Brands shares rose 4%. "
            "The company expects the deal to close in May.")
    entities = entities_of(nlp, text)
    assert all(m.text != "The company" for e in entities for m in e.mentions)


def test_the_company_based_in_one_city_is_not_the_one_based_in_another(nlp):
    text = ("Denver-based Brannock Systems rose after Oslo-based Tandem Brands won a contract, and Tandem Brands "
            "shares rose too. Shares rose again on Friday, the Denver-based company said.")
    entities = entities_of(nlp, text)
    assert all(m.text != "the Denver-based company" for m in holder(entities, "Tandem Brands").mentions)


def test_a_board_is_not_the_company(nlp):
    text = "The Federal Aviation Safety Board opened an inquiry on Monday. The company said little."
    entities = entities_of(nlp, text)
    assert all(m.text != "The company" for e in entities for m in e.mentions)


def test_a_name_after_a_company_noun_is_the_company_called_back(nlp):
    entities = entities_of(nlp, "Energy company Halvard Moen said hackers stole data. The company would not pay.")
    assert holder(entities, "The company") is holder(entities, "Halvard Moen")
    assert holder(entities, "Halvard Moen").type == "ORG"


def test_a_company_noun_set_beside_a_name_is_no_persons_description(nlp):
    text = "Tom Harlan, the Leeds group, cut 300 jobs on Monday."
    doc = nlp(text)
    person = Cluster("PERSON", mentions=[(0, 2, "name")])  # as if NER had typed the name a person's
    add_role_descriptions(doc, text, [person])
    assert person.mentions == [(0, 2, "name")]


def test_a_data_breach_is_called_back_as_the_intrusion_or_the_attack(nlp):
    text = ("Hackers stole the records of 9,000 patients in a data breach, the clinic said. The intrusion began in May, "
            "and the attack was found in June.")
    entities = entities_of(nlp, text)
    assert holder(entities, "The intrusion") is holder(entities, "a data breach") is holder(entities, "the attack")
    assert holder(entities, "a data breach").type == "EVENT"


def test_an_attack_never_brings_in_an_event(nlp):
    assert not [e for e in entities_of(nlp, "He died of a heart attack in 2001. The attack came without warning.")
                if e.type == "EVENT"]


@pytest.mark.parametrize("text, site, back", [
    ("A fire broke out at a paint factory in Leeds on Monday. The site was sealed off.", "a paint factory",
     "The site"),
    ("Crews were sent to the Halvex Industries plant at 3am. Halvex Industries said the plant had been evacuated.",
     "the Halvex Industries plant", "the plant"),
])
def test_a_plant_never_named_is_one_place_called_back_as_the_plant_or_the_site(nlp, text, site, back):
    entities = entities_of(nlp, text)
    assert holder(entities, back) is holder(entities, site)
    assert holder(entities, site).type == "PLACE"


def test_a_companys_plant_is_not_the_company(nlp):
    text = "Crews were sent to the Halvex Industries plant at 3am. Halvex Industries said the plant had been evacuated."
    entities = entities_of(nlp, text)
    company = [e for e in entities if e.type == "ORG"]
    assert company and all(m.text not in {"the plant", "the Halvex Industries plant"} for m in company[0].mentions)


def test_the_site_brings_in_no_place(nlp):
    entities = entities_of(nlp, "Police cleared the crash site. The site reopened on Friday.")
    assert all(m.text not in {"the crash site", "The site"} for e in entities for m in e.mentions)


def test_the_company_with_its_age_is_the_company(nlp):
    entities = entities_of(nlp, "Tandem Brands lifted its forecast. Shares in the 90-year-old company rose 4%.")
    assert holder(entities, "the 90-year-old company") is holder(entities, "Tandem Brands")


def test_a_call_back_inside_a_persons_description_is_the_one_named(nlp):
    text = "Ann Lee studied at the University of Tarn. Tom Reed, a surgeon at the university, said she was gifted."
    entities = entities_of(nlp, text)
    assert holder(entities, "the university") is holder(entities, "the University of Tarn")


def test_a_noun_phrase_with_where_someone_is_from_beside_a_name_is_theirs(nlp):
    entities = entities_of(nlp, "The court heard that Tom Reed, a plumber from Kelsby, had fled.")
    assert holder(entities, "a plumber from Kelsby") is holder(entities, "Tom Reed")


def test_a_work_described_by_its_kind_is_called_back_by_it(nlp):
    entities = entities_of(nlp, "Ann Lee wrote a novel, The Glass Harbour, in 2019. The novel was filmed in 2022.")
    assert holder(entities, "The novel") is holder(entities, "The Glass Harbour")


def test_the_olympics_are_called_back_as_the_games(nlp):
    entities = entities_of(nlp, "He carried the torch at the 2012 Olympics in London. The games were a triumph.")
    assert holder(entities, "The games") is holder(entities, "the 2012 Olympics")


def test_a_place_called_back_inside_a_persons_description_is_left_alone(nlp):
    entities = entities_of(nlp, "Sara Holm flew home from Norway. Tom Reed, the country's former leader, met her.")
    assert all(m.text != "the country" for e in entities if e.type == "PLACE" for m in e.mentions)


def test_a_name_after_a_noun_only_an_organisation_is_called_is_one(nlp):
    entities = entities_of(nlp, "Danish utility Halvard Moen raised its estimate. The company said 9,000 were hit.")
    assert holder(entities, "Halvard Moen").type == "ORG"
    assert holder(entities, "The company") is holder(entities, "Halvard Moen")


def test_a_name_after_a_trade_a_person_may_have_stays_a_person(nlp):
    entities = entities_of(nlp, "The owner, miner Tom Reed, said it was safe. Tom Reed is 50.")
    assert holder(entities, "Tom Reed").type == "PERSON"


def test_the_supplier_is_not_the_company_the_story_is_about(nlp):
    text = "Kestrel Foods cut its forecast on Monday. Kestrel Foods blamed the supplier for the delay."
    entities = entities_of(nlp, text)
    assert all(m.text != "the supplier" for m in holder(entities, "Kestrel Foods").mentions)



def test_the_group_is_not_a_unit_when_an_organisation_is_named_as_a_group(nlp):
    text = ("Reed Group owns Reed Steel Ltd. Reed Steel Ltd said profits rose. Reed Steel Ltd will hire 200 people, "
            "the group said.")
    unit = [e for e in entities_of(nlp, text) if e.name.startswith("Reed Steel")]
    assert unit and "the group" not in [m.text for m in unit[0].mentions]
    entities = entities_of(nlp, "Reed Group posted a loss on Monday. The group blamed high energy prices.")
    assert holder(entities, "The group") is holder(entities, "Reed Group")
