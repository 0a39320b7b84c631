"""Names NER missed (entities/untagged.py), one rule per test, each on a short sentence of its own."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from newsfacts.entities import find_entities
from newsfacts.nlp import Parsed
from newsfacts.schema import Article, FactSheet

from entity_helpers import entities_of, holder


def test_bare_title_is_a_person_and_repeats_merge(nlp):
    entities = entities_of(nlp, "The Queen opened the bridge. Crowds cheered when the Queen waved.")
    queen = holder(entities, "The Queen")
    assert queen.type == "PERSON"
    assert queen is holder(entities, "the Queen")


def test_title_of_a_place_and_its_short_form(nlp):
    entities = entities_of(nlp, "The Earl of Wessex visited the school. Pupils later met the Earl in the garden.")
    earl = holder(entities, "The Earl of Wessex")
    assert earl.type == "PERSON"
    assert earl is holder(entities, "the Earl")


def test_name_modifying_a_generic_noun_is_a_mention_too(nlp):
    entities = entities_of(nlp, "He arrived at a Commonwealth Games event in the evening.")
    games = holder(entities, "Commonwealth Games")
    assert "a Commonwealth Games event" in [m.text for m in games.mentions]


def test_name_after_forms_of_address_ner_missed(nlp):
    text = "Detective Constable Ian Burrows, of West Yorkshire Police, said the inquiry would go on."
    entities = entities_of(nlp, text)
    assert holder(entities, "Detective Constable Ian Burrows").type == "PERSON"
    assert holder(entities, "West Yorkshire Police").type == "ORG"


@pytest.mark.parametrize("text", [
    "The visitors led at the break. Scrum-half Callum Ferrie scored twice after it.",
    "Rents rose again in May.\nTorvald Brekke, director of the tenants' union, called it a scandal.",
    "Rents rose again in May.\nTorvald Brekke of the tenants' association called it a scandal.",
])
def test_a_full_name_introduced_by_a_job_noun_is_a_person(nlp, text):
    name = "Callum Ferrie" if "Ferrie" in text else "Torvald Brekke"
    assert holder(entities_of(nlp, text), name).type == "PERSON"


@pytest.mark.parametrize("text, place", [
    ("Senator Ruth Calloway, D-Nebraska, opposed the bill.", "Nebraska"),
    ("The Nebraska Democrat said the bill went too far.", "Nebraska"),
    ("She retired to a cottage near Kendal, Cumbria, in 2010.", "Cumbria"),
    ("The route runs across Greater Leeds to the coast.", "Greater Leeds"),
])
def test_a_known_place_ner_left_untagged_is_a_place(nlp, text, place):
    doc = nlp(text)
    doc.ents = [ent for ent in doc.ents if place not in ent.text]  # as NER misses them on longer reports
    entities = find_entities(Parsed(Article(id="t", text=text), doc), FactSheet(id="t", text=text))
    assert holder(entities, place).type == "PLACE"


def test_a_first_name_that_is_also_a_state_needs_a_preposition_to_be_a_place(nlp):
    text = "On Monday Georgia said the plan would fail."
    doc = nlp(text)
    doc.ents = []
    entities = find_entities(Parsed(Article(id="t", text=text), doc), FactSheet(id="t", text=text))
    assert all(e.type != "PLACE" for e in entities)


def test_a_monarch_named_by_one_name_ner_missed_is_a_person(nlp):
    text = "The brooch once belonged to Empress Matilda, the museum said."
    doc = nlp(text)
    doc.ents = [ent for ent in doc.ents if "Matilda" not in ent.text]  # as NER misses it on longer reports
    entities = find_entities(Parsed(Article(id="t", text=text), doc), FactSheet(id="t", text=text))
    assert holder(entities, "Empress Matilda").type == "PERSON"


def test_a_places_police_is_the_force_the_article_names_in_full(nlp):
    text = ("Two men were arrested after the raid, Dunmore police said. The Dunmore Police Department said both "
            "would appear in court on Friday.")
    entities = entities_of(nlp, text)
    assert holder(entities, "Dunmore police") is holder(entities, "The Dunmore Police Department")
    assert holder(entities, "Dunmore police").type == "ORG"


def test_a_title_after_a_noun_for_a_work_keeps_its_small_words(nlp):
    text = "She presented the quiz show Bread and Circuses for six years."
    doc = nlp(text)
    start = next(t.i for t in doc if t.text == "Bread")
    doc.ents = [Span(doc, start, start + 1, "ORG"), Span(doc, start + 2, start + 3, "PERSON")]  # NER's cut
    entities = find_entities(Parsed(Article(id="t", text=text), doc), FactSheet(id="t", text=text))
    assert holder(entities, "Bread and Circuses").type == "WORK"


def test_a_persons_name_after_a_noun_for_a_work_stays_a_person(nlp):
    text = "The documentary Maria Lund made about her father won a prize."
    doc = nlp(text)
    doc.ents = [Span(doc, 2, 4, "PERSON")]
    entities = find_entities(Parsed(Article(id="t", text=text), doc), FactSheet(id="t", text=text))
    assert holder(entities, "Maria Lund").type == "PERSON"


@pytest.mark.parametrize("text, flight", [
    ("Passengers on Nordair flight NQ2210 from Oslo were kept on board for three hours.", "flight NQ2210"),
    ("The crew of Flight NQ-88 declared an emergency over the sea.", "Flight NQ-88"),
])
def test_a_flight_by_its_number_is_an_event(nlp, text, flight):
    assert holder(entities_of(nlp, text), flight).type == "EVENT"


@pytest.mark.parametrize("noun", ["gang", "consortium"])
def test_a_name_after_gang_or_consortium_is_an_organisation(nlp, noun):
    text = f"Investigators blamed the {noun} Brackwater for the losses."
    doc = nlp(text)
    doc.ents = [ent for ent in doc.ents if "Brackwater" not in ent.text]  # as NER misses it on longer reports
    entities = find_entities(Parsed(Article(id="t", text=text), doc), FactSheet(id="t", text=text))
    assert holder(entities, "Brackwater").type == "ORG"


@pytest.mark.parametrize("title", ["Coun", "Cr"])
def test_a_councillors_short_title_is_a_form_of_address(nlp, title):
    text = (f"The parking charges were dropped.\n\n{title} Hilary Westmacott, who chairs the transport panel, called "
            "it a relief.")
    assert holder(entities_of(nlp, text), "Hilary Westmacott").type == "PERSON"


@pytest.mark.parametrize("text, employer", [
    ("Harwell head coach Lars Dahl praised his players.", "Harwell"),
    ("Bolton manager Ian Pryce said his side were unlucky. Bolton travel to Wigan next.", "Bolton"),
])
def test_proper_noun_before_a_persons_job_is_the_employer(nlp, text, employer):
    entities = entities_of(nlp, text)
    assert holder(entities, employer).type == "ORG"
    assert len({holder(entities, employer, n).id for n in range(text.count(employer))}) == 1


@pytest.mark.parametrize("text, name", [
    ("A man has been charged.\n\nCheshire Police said Tom Kerr would appear in court.", "Cheshire Police"),
    ("Nobody was injured. Mercia Police said officers had recovered the watches.", "Mercia Police"),
])
def test_proper_nouns_ending_in_an_organisation_word_are_an_organisation(nlp, text, name):
    assert holder(entities_of(nlp, text), name).type == "ORG"


def test_a_full_name_ner_missed_keeps_its_surname_repeats_from_a_namesake(nlp):
    text = ("PORT HALLEY, Maine — Democrat Carmen Moreau narrowly won the race. Moreau thanked her volunteers. "
            "Her father, Pablo Moreau, moved to the city in 1978.")
    entities = entities_of(nlp, text)
    assert holder(entities, "Moreau") is holder(entities, "Carmen Moreau")
    assert holder(entities, "Pablo Moreau") is not holder(entities, "Moreau")


def test_a_style_of_office_stands_for_the_one_holding_the_title(nlp):
    text = "The King will not travel to Rome. His Majesty is recovering from an operation."
    entities = entities_of(nlp, text)
    assert holder(entities, "His Majesty") is holder(entities, "The King")


def test_a_double_first_name_is_one_name_with_its_surname(nlp):
    text = "At the dinner, jazz pianist Ella-May Pike was given a medal. Pike thanked the hosts."
    entities = entities_of(nlp, text)
    assert holder(entities, "Pike") is holder(entities, "Ella-May Pike")


def test_proper_nouns_ner_missed_after_in_or_on_a_street_are_places(nlp):
    text = ("The rocket, built by Kessler Dynamics in Montauban, carries nine instruments. Crowds met at a hall on "
            "Tanner Street.")
    doc = nlp(text)
    doc.ents = [Span(doc, 5, 7, "ORG")]  # NER's labels on a longer report
    entities = find_entities(Parsed(Article(id="t", text=text), doc), FactSheet(id="t", text=text))
    assert holder(entities, "Montauban").type == "PLACE"
    assert holder(entities, "Tanner Street").type == "PLACE"


def test_a_full_name_said_to_be_from_a_place_is_a_person(nlp):
    text = "The motion was backed by these members:\n\nTodd Kettering of Nevada\n\nLena Dorsey of Ohio"
    entities = entities_of(nlp, text)
    assert holder(entities, "Todd Kettering").type == "PERSON"
    assert holder(entities, "Lena Dorsey").type == "PERSON"


def test_a_building_after_at_is_a_place(nlp):
    entities = entities_of(nlp, "The count took place at Dunmere Hall on Friday night.")
    assert holder(entities, "Dunmere Hall").type == "PLACE"


def test_a_name_ending_in_a_company_word_is_an_organisation(nlp):
    entities = entities_of(nlp, "Brackwell Foods said on Thursday that profit fell. Brackwell was founded in 1969.")
    assert holder(entities, "Brackwell Foods").type == "ORG"


def test_a_particle_between_two_capitalised_words_makes_a_name(nlp):
    text = "United keeper Bram ten Hove saved twice. The coach said ten Hove would start again on Tuesday."
    entities = entities_of(nlp, text)
    assert holder(entities, "ten Hove") is holder(entities, "Bram ten Hove")
    assert holder(entities, "ten Hove").type == "PERSON"


def test_proper_nouns_before_a_place_noun_are_one_place(nlp):
    entities = entities_of(nlp, "Trains from the coast stop at Vellano station. The station reopened on Monday.")
    assert holder(entities, "The station") is holder(entities, "Vellano station")


def test_a_form_of_address_before_a_particle_and_a_double_surname(nlp):
    text = "The board met on Monday. \"It is an honour,\" Ms de Lima-Reis said of her new post."
    entities = entities_of(nlp, text)
    assert holder(entities, "Ms de Lima-Reis").type == "PERSON"


def test_a_full_name_after_a_possessive_name_is_a_person(nlp):
    entities = entities_of(nlp, "The ball went past Dunmere's Marco Bellini in the first half.")
    assert holder(entities, "Marco Bellini").type == "PERSON"


@pytest.mark.parametrize("text, name", [
    ("Farmers left the valley. Analyn Villareal, 47, said the river rose in minutes.", "Analyn Villareal"),
    ("Ayo Balogun, now 61 and a coach at the club, watched from the stand.", "Ayo Balogun"),
])
def test_a_full_name_with_an_age_after_it_is_a_person(nlp, text, name):
    assert holder(entities_of(nlp, text), name).type == "PERSON"


def test_a_prison_abbreviation_and_the_name_after_it_are_one_place(nlp):
    entities = entities_of(nlp, "He smuggled phones into HMP Kelsby and HMP Dunmore in Cumbria last year.")
    assert holder(entities, "HMP Kelsby").type == "PLACE"
    assert holder(entities, "HMP Dunmore") is not holder(entities, "HMP Kelsby")


def test_a_dowager_is_another_woman_than_the_holder_of_the_title(nlp):
    entities = entities_of(nlp, "The Countess of Melbury opened the fair on Saturday. Her mother-in-law, the Dowager "
                                "Countess of Melbury, did not attend.")
    assert holder(entities, "The Countess of Melbury") is not holder(entities, "the Dowager Countess of Melbury")


@pytest.mark.parametrize("text, event, place", [
    ("Few expected him to win the Hexworth by-election and take the seat.", "Hexworth by-election", None),
    ("Survivors of the Lisbon air disaster met last week in Hexworth.", "Lisbon air disaster", "Hexworth"),
    ("Older residents still recall the 1953 flood.", "1953 flood", None),
])
def test_name_or_year_before_a_noun_for_a_happening_is_an_event(nlp, text, event, place):
    entities = entities_of(nlp, text)
    assert holder(entities, event).type == "EVENT"
    if place:
        assert holder(entities, place) is not holder(entities, event)


def test_a_persons_name_before_a_noun_for_a_happening_stays_theirs(nlp):
    entities = entities_of(nlp, "Reporters waited outside during the Maria Lenz trial.")
    assert holder(entities, "Maria Lenz").type == "PERSON"
    assert all("trial" not in m.text for e in entities for m in e.mentions)


def test_proper_noun_after_a_noun_for_an_organisation_names_it(nlp):
    entities = entities_of(nlp, "Environmental group BlueFern welcomed the ruling.")
    assert holder(entities, "BlueFern").type == "ORG"


def test_capitalised_the_inside_a_sentence_opens_a_title(nlp):
    entities = entities_of(nlp, "He told The Frisian in an interview that he would stay.")
    assert holder(entities, "The Frisian").type == "ORG"


def test_untagged_run_ending_in_a_place_word_is_a_place(nlp):
    entities = entities_of(nlp, "A crew from Sha Lek Fire Station arrived first.")
    assert holder(entities, "Sha Lek Fire Station").type == "PLACE"


def test_a_name_before_a_noun_for_a_site_is_one_place(nlp):
    entities = entities_of(nlp, "Smoke rose over the Kelbrook industrial estate in Dunmere.")
    assert holder(entities, "Kelbrook industrial estate").type == "PLACE"


@pytest.mark.parametrize("text, place", [
    ("Ms Dunleavy, a teacher from Co Wexford, said the school would close.", "Co Wexford"),
    ("County Dunmere voted on Friday.", "County Dunmere"),
    ("The climbers left Mount Kelvor at dawn.", "Mount Kelvor"),
    ("Fans in Port Dunmere were angry.", "Port Dunmere"),
])
def test_a_word_opening_a_county_s_or_a_mountain_s_name_makes_it_a_place(nlp, text, place):
    assert holder(entities_of(nlp, text), place).type == "PLACE"


def test_a_county_opening_word_inside_a_longer_name_leaves_it_alone(nlp):
    entities = entities_of(nlp, "Kelby County Council met at Mount Carrow Hospital. The County Hall was shut.")
    assert holder(entities, "Kelby County Council").type == "ORG"
    assert all(m.text != "Mount Carrow" for e in entities for m in e.mentions)


def test_a_first_name_before_and_a_full_name_shares_its_surname(nlp):
    entities = entities_of(nlp, "Darren and Leanne McAlister were eating dinner when the storm came. Mr McAlister "
                                "said they ran.")
    darren = holder(entities, "Darren")
    assert darren.type == "PERSON"
    assert darren is holder(entities, "Mr McAlister")
    assert darren is not holder(entities, "Leanne McAlister")


def test_a_first_name_the_article_gives_another_surname_keeps_it(nlp):
    entities = entities_of(nlp, "Ann Lee and Tom Reed met on Monday. Later Ann and Jo Reed came to the hall.")
    assert holder(entities, "Ann") is holder(entities, "Ann Lee")


def test_a_kind_of_business_opening_a_sentence_stays_out_of_an_untagged_name(nlp):
    entities = entities_of(nlp, "Developer Harrowgate Homes Ltd wants to build 90 houses on the site.")
    assert holder(entities, "Harrowgate Homes Ltd").type == "ORG"


def test_a_first_name_alone_after_a_person_and_of_is_where_they_are_from(nlp):
    text = "Sens. Maria Okafor of Douglas and Walt Reinholt voted no."
    doc = nlp(text)
    doc.ents = [doc.char_span(text.index(name), text.index(name) + len(name), label="PERSON")
                for name in ("Maria Okafor", "Walt Reinholt")]
    entities = find_entities(Parsed(Article(id="t", text=text), doc), FactSheet(id="t", text=text))
    assert holder(entities, "Douglas").type == "PLACE"


def test_capitalised_words_ending_in_a_word_for_a_shopping_centre_are_a_place(nlp):
    text = "The raffle was drawn in the food court of Harlow’s Brackendale Mall on Saturday."
    doc = nlp(text)
    doc.ents = []  # NER missed it
    entities = find_entities(Parsed(Article(id="t", text=text), doc), FactSheet(id="t", text=text))
    assert holder(entities, "Brackendale Mall").type == "PLACE"


def test_proper_nouns_ner_missed_before_an_area_noun_are_a_place(nlp):
    entities = entities_of(nlp, "Several buildings burned in the Pak Tin Shan neighbourhood on Sunday.")
    place = holder(entities, "Pak Tin Shan")
    assert place.type == "PLACE" and "Pak Tin Shan neighbourhood" in {m.text for m in place.mentions}


def test_an_area_noun_after_a_name_cut_short_makes_no_place(nlp):
    entities = entities_of(nlp, "They met at the studio in the May Fair neighbourhood.")
    assert not any(e.name.startswith("Fair") for e in entities)


@pytest.mark.parametrize("text, name", [
    ("Patients were moved to the Duke of Dunmore Hospital on Friday.", "the Duke of Dunmore Hospital"),
    ("Crews rushed him to Princess Margaret Hospital. He was declared dead at the hospital.",
     "Princess Margaret Hospital"),
])
def test_an_institution_named_after_a_rank_is_no_person(nlp, text, name):
    assert holder(entities_of(nlp, text), name).type == "ORG"


def test_an_office_held_of_an_institution_stays_a_persons_title(nlp):
    entities = entities_of(nlp, "The President of Kelsby University, Ann Lee, said fees would rise.")
    assert holder(entities, "The President of Kelsby University") is holder(entities, "Ann Lee")
