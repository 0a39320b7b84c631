"""A name's type from the words around it (entities/types.py): one rule per test, each on a short sentence of its own,
the name given to the rule as NER might have labelled it."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from newsfacts.entities.types import (
    company_agent, full_personal_name, institution_after_the, legislature_alone, lone_name, looks_like_first_name,
    place_by_context,
    storm_name, team_by_context, work_noun_before,
)

from entity_helpers import entities_of, holder


def span_of(nlp, text: str, name: str, label: str = "ORG") -> Span:
    doc = nlp(text)
    start = text.index(name)
    span = doc.char_span(start, start + len(name), label=label)
    assert span is not None, name
    return span


def test_a_first_name_needs_the_words_of_a_person(nlp):
    span = span_of(nlp, "Harriet Quennell opened a second shop in May.", "Harriet Quennell")
    assert not full_personal_name(span, "ORG", surname_known=False)
    assert full_personal_name(span, "ORG", surname_known=True)  # 'Quennell' is a person elsewhere


@pytest.mark.parametrize("text, name", [
    ("Harriet Quennell confirmed she had resigned from the board.", "Harriet Quennell"),
    ("The inquiry, chaired by Marcus Tobiah, sat for two weeks.", "Marcus Tobiah"),
    ("Nurse Harriet Quennell said the ward was full.", "Nurse Harriet Quennell"),
])
def test_first_name_and_surname_under_another_label_are_a_person(nlp, text, name):
    assert full_personal_name(span_of(nlp, text, name), "ORG", surname_known=False)


@pytest.mark.parametrize("text, name, label", [
    ("The tablets are made by Harriet Quennell and sold abroad.", "Harriet Quennell", "ORG"),  # a maker
    ("Visitors queued outside the Harriet Gallery on Sunday.", "Harriet Gallery", "ORG"),  # 'the', a gallery
    ("The ferry run by Tolvane Marine Lines broke down.", "Marine Lines", "ORG"),  # the end of a longer name
    ("They married in Santa Ridgeway, Oregon, in 2010.", "Santa Ridgeway", "GPE"),  # a place's label
])
def test_no_person_where_the_words_say_otherwise(nlp, text, name, label):
    assert not full_personal_name(span_of(nlp, text, name, label), label, surname_known=True)


@pytest.mark.parametrize("text, name", [
    ("She was born in Oxlade and moved to the coast at nine.", "Oxlade"),
    ("Tomas Brell, a plumber from Oxlade, was fined on Monday.", "Oxlade"),
    ("Ines Marr, 47, from Oxlade, said the water rose fast.", "Oxlade"),
    ("The minister spoke at a press conference in Oxlade on Friday.", "Oxlade"),
    ("Fog lay over the valley near Oxlade all morning.", "Oxlade"),
    ("The Oxlade-based firm hired forty staff.", "Oxlade"),
    ("Thieves broke into their Oxlade home last week.", "Oxlade"),
    ("The team faces a long trip to Oxlade on Tuesday.", "Oxlade"),
    ("Rail traffic between Oxlade and Pellham was halted.", "Oxlade"),
    ("The 7am service from Oxlade was cancelled.", "Oxlade"),
    ("The farm lies 10 km south of Oxlade, beside the motorway.", "Oxlade"),
])
def test_words_around_a_lone_name_make_it_a_place(nlp, text, name):
    span = span_of(nlp, text, name)
    assert lone_name(span) and place_by_context(span)


@pytest.mark.parametrize("text, name", [
    ("He has been the MP for Dunmarsh since 2017.", "Dunmarsh"),
    ("Labour held the seat of Dunmarsh by 400 votes.", "Dunmarsh"),
    ("She won the Dunmarsh ward for the Greens.", "Dunmarsh"),
])
def test_a_seat_is_a_place_even_when_its_name_is_a_first_name(nlp, text, name):
    assert place_by_context(span_of(nlp, text, name, "PERSON"), strong_only=True)


def test_a_name_like_a_first_name_needs_a_strong_cue(nlp):
    span = span_of(nlp, "They met at a hotel in Clarence on Friday.", "Clarence")
    assert looks_like_first_name(span) and place_by_context(span) and not place_by_context(span, strong_only=True)
    assert place_by_context(span_of(nlp, "He was the MP for Clarence for a decade.", "Clarence"), strong_only=True)


@pytest.mark.parametrize("text, name", [
    ("Shares in Oxlade fell by a tenth on Monday.", "Oxlade"),
    ("An analyst at Oxlade said the market was calm.", "Oxlade"),
    ("The vote in the Oxlade Assembly was close.", "Oxlade Assembly"),
    ("The committee met in Harriet's office.", "Harriet"),
])
def test_no_place_without_a_cue(nlp, text, name):
    span = span_of(nlp, text, name)
    assert not (lone_name(span) and place_by_context(span))


@pytest.mark.parametrize("text, name", [
    ("Oxlade beat Pellham 3-1 on Saturday to go top.", "Oxlade"),
    ("Oxlade's goalkeeper was sent off before half-time.", "Oxlade"),
    ("He won 40 caps for Oxlade and scored twice.", "Oxlade"),
    ("Oxlade FC were relegated last season.", "Oxlade"),
])
def test_sports_words_make_a_town_its_club(nlp, text, name):
    assert team_by_context(span_of(nlp, text, name, "GPE"))


def test_no_club_without_sports_words(nlp):
    assert not team_by_context(span_of(nlp, "Oxlade beat back the rebel attack at dawn.", "Oxlade", "GPE"))
    assert not team_by_context(span_of(nlp, "Oxlade's mayor opened the bridge.", "Oxlade", "GPE"))


def test_storm_legislature_work_and_maker(nlp):
    assert storm_name(span_of(nlp, "Hurricane Odalys flattened the pier.", "Hurricane Odalys", "FAC"))
    assert legislature_alone(span_of(nlp, "The House passed the bill late on Thursday.", "House", "ORG"))
    assert not legislature_alone(span_of(nlp, "They toured Pellham House on Sunday.", "Pellham House", "FAC"))
    assert work_noun_before(span_of(nlp, "She stars in the crime drama Cold Quarry this spring.", "Cold Quarry",
                                    "PERSON"))
    assert company_agent(span_of(nlp, "The mill is owned by Brekke Tekstil of Bergen.", "Brekke Tekstil", "PERSON"))


@pytest.mark.parametrize("text, name, kind", [
    ("Helga Stromsvik confirmed on Monday that she would retire.", "Helga Stromsvik", "PERSON"),
    ("Norvell beat Castlerigg 2-0, and Norvell's manager praised the defence.", "Norvell", "ORG"),
    ("A pensioner from Quarrendon, Eric Mabb, said the river rose overnight.", "Quarrendon", "PLACE"),
    ("Castlerigg lost to Norvell Rovers 3-1 on Saturday.", "Norvell Rovers", "ORG"),  # with the score NER ran into
])
def test_types_in_the_fact_sheet(nlp, text, name, kind):
    assert holder(entities_of(nlp, text), name).type == kind


def test_one_word_after_the_is_no_person(nlp):
    assert institution_after_the(span_of(nlp, "Crowds returned when the Brannock reopened on Monday.", "Brannock",
                                         "PERSON"))
    assert not institution_after_the(span_of(nlp, "Crowds cheered when the Brannock family arrived.", "Brannock",
                                             "PERSON"))  # a family name modifying a noun
    assert not institution_after_the(span_of(nlp, "Crowds cheered when Brannock arrived.", "Brannock", "PERSON"))


def test_a_town_name_may_hold_particles(nlp):
    assert lone_name(span_of(nlp, "Floods cut off Riva di Sotto overnight.", "Riva di Sotto", "GPE"))
    assert not lone_name(span_of(nlp, "Floods cut off Riva Rovers overnight.", "Riva Rovers", "GPE"))


def test_a_country_a_match_verb_or_a_captain_shows_as_a_side_is_the_side_in_every_mention(nlp):
    entities = entities_of(nlp, "Rennie led from the front as Scotland edged Argentina. The Argentina captain was "
                                "sin-binned, and the Scotland head coach was pleased.")
    assert holder(entities, "Argentina").type == "ORG"
    assert all(m.text != "Argentina" or e.type == "ORG" for e in entities for m in e.mentions)


def test_a_side_named_by_its_town_is_no_short_form_of_a_park_named_after_the_town(nlp):
    entities = entities_of(nlp, "The match was played at Dunmere Park on Sunday. Dunmere beat Kelsby 2-1, and "
                                "Dunmere's goalkeeper saved a penalty.")
    assert holder(entities, "Dunmere Park") is not holder(entities, "Dunmere")


@pytest.mark.parametrize("text, name", [
    ("The plane returned to Pune after a bird strike.", "Pune"),
    ("Traffic was heavy near Nagpur's airport on Monday.", "Nagpur"),
    ("Hollywood came to Ballycastle, Co Antrim, last weekend.", "Ballycastle"),
    ("She opened a bakery in the square of Lowmoor, Vermont, in 2012.", "Lowmoor"),
])
def test_going_to_a_place_its_airport_and_its_region_after_a_comma(nlp, text, name):
    assert place_by_context(span_of(nlp, text, name))


@pytest.mark.parametrize("text, name", [
    ("The contract went to Pellcorp after a tender.", "Pellcorp"),
    ("Pellcorp's chairman resigned on Monday.", "Pellcorp"),
    ("Pellcorp, Ohio-based and family-run, was sold.", "Pellcorp"),
])
def test_no_place_by_a_contract_a_chairman_or_a_base(nlp, text, name):
    assert not place_by_context(span_of(nlp, text, name))
