"""Finding names (entities/names.py): NER's names cut by a headline or a byline, joined when NER cut one in two,
with their surname particles."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from newsfacts.entities import find_entities
from newsfacts.nlp import Parsed
from newsfacts.schema import Article, FactSheet

from entity_helpers import entities_of, holder


def test_surname_particle_in_lower_case_belongs_to_the_surname(nlp):
    entities = entities_of(nlp, "Sanne de Wit took over in 2021. Ms de Wit has overseen rapid growth.")
    assert holder(entities, "Ms de Wit") is holder(entities, "Sanne de Wit")


def test_a_title_case_headline_keeps_only_the_names_the_story_writes(nlp):
    text = ("Union Boss Slams Rail Strike Bill\n\nLONDON — The head of the rail union, Mick Dolan, attacked the bill "
            "on Monday. Dolan said it was unfair.")
    entities = entities_of(nlp, text)
    assert not [m for e in entities for m in e.mentions if m.start < text.index("\n")]


@pytest.mark.parametrize("byline, writer", [("By Rosalind Tate, Transport Correspondent", "Rosalind Tate"),
                                            ("Martin Hale in Vienna", "Martin Hale")])
def test_a_byline_is_no_headline_and_keeps_the_writers_name(nlp, byline, writer):
    text = f"{byline}\n\nTram fares in the city will rise by a fifth from March, the operator said on Monday."
    assert holder(entities_of(nlp, text), writer).type == "PERSON"


def test_the_writers_title_in_a_byline_is_no_name(nlp):
    text = "By Rosalind Tate, Royal Correspondent\n\nThe palace said on Monday that the tour would go ahead."
    doc = nlp(text)
    doc.ents = [Span(doc, 1, 3, "PERSON"), Span(doc, 4, 5, "ORG")]  # NER's reading of it on a longer report
    entities = find_entities(Parsed(Article(id="t", text=text), doc), FactSheet(id="t", text=text))
    assert [e.name for e in entities if e.type != "PERSON"] == []


@pytest.mark.parametrize("surname", ["Eide", "Haugen", "Berg"])  # NER: nothing, an organisation, a person
def test_a_first_name_the_tagger_reads_as_another_word_joins_the_name(nlp, surname):
    text = (f"Fishermen blocked the harbour on Friday. Their spokesman, Per {surname}, called the quota unfair. "
            f"{surname} said the fleet would stay out.")
    entities = entities_of(nlp, text)
    assert holder(entities, surname) is holder(entities, f"Per {surname}")


@pytest.mark.parametrize("text, name", [
    ("Dunford Fire and Rescue Service said two crews attended.", "Dunford Fire and Rescue Service"),
    ("He stood for the Unity Party of Britain in 2024.", "the Unity Party of Britain"),
    ("The funeral was held at St Cuthbert's Parish Church in the town.", "St Cuthbert's Parish Church"),
    ("Floods hit Hetton-le-Dale and Sunderland.", "Hetton-le-Dale"),
    ("They cheered the 1982 Asia Cup team.", "1982 Asia Cup"),
])
def test_names_ner_cuts_in_two_or_short_are_whole(nlp, text, name):
    assert holder(entities_of(nlp, text), name)


def test_two_bodies_joined_by_and_stay_two(nlp):
    entities = entities_of(nlp, "Talks between Acme Foods and Kelsby Council broke down.")
    assert all(m.text != "Acme Foods and Kelsby Council" for e in entities for m in e.mentions)


def test_names_listed_with_slashes_are_each_a_name(nlp):
    entities = entities_of(nlp, "Reporters from Radio Veritas/Lokalavisen/Le Figaro came.")
    assert len({holder(entities, name).id for name in ("Radio Veritas", "Lokalavisen", "Le Figaro")}) == 3


def test_numbered_road_is_one_place_whatever_ner_tags(nlp):
    entities = entities_of(nlp, "A lorry overturned on State Route 14 near Pellham on Friday. Route 14 reopened at "
                                "noon, police said. Traffic on Highway 7 was backed up for hours.")
    road = holder(entities, "State Route 14")
    assert road.type == "PLACE" and road is holder(entities, "Route 14")
    assert holder(entities, "Highway 7").type == "PLACE"


def test_the_village_of_a_place_is_a_mention_of_it_but_not_the_capital_of_one(nlp):
    entities = entities_of(nlp, "Floodwater reached the neighbouring village of Tarrow Creek overnight. Tarrow Creek "
                                "was evacuated. Tourists crowd the capital of Dunmere every summer.")
    village = holder(entities, "the neighbouring village of Tarrow Creek")
    assert village is holder(entities, "Tarrow Creek", 1)
    assert not any(m.text.startswith("the capital") for e in entities for m in e.mentions)


def test_a_bill_by_its_chamber_and_number_is_a_work_not_a_man_called_bill(nlp):
    entities = entities_of(nlp, "The measure, House Bill 88, passed 60-38 on Tuesday. Ottawa tabled Bill C-47 in "
                                "March.")
    assert holder(entities, "House Bill 88").type == "WORK"
    assert holder(entities, "Bill C-47").type == "WORK"
    assert not any(e.type == "PERSON" for e in entities)


def test_an_airport_named_after_someone_is_one_place(nlp):
    text = "The family landed at Dunmore's Peter Ashcroft International Airport on Monday."
    doc = nlp(text)
    start = next(t.i for t in doc if t.text == "Peter")
    doc.ents = [Span(doc, start, start + 2, "PERSON")]  # NER's reading of it on a longer report
    entities = find_entities(Parsed(Article(id="t", text=text), doc), FactSheet(id="t", text=text))
    assert holder(entities, "Peter Ashcroft International Airport").type == "PLACE"
    assert not any(e.type == "PERSON" for e in entities)


def test_a_town_before_a_noun_for_its_people(nlp):
    entities = entities_of(nlp, "Kelsworth pensioner Ann Gray, 81, was robbed.")
    assert holder(entities, "Kelsworth").type == "PLACE"
    assert holder(entities, "Kelsworth") is not holder(entities, "Ann Gray")


def test_two_halves_of_a_name_either_side_of_and_are_one_name(nlp):
    text = "Crews from Westcombe Fire and Rescue Service were called at 2am."
    doc = nlp(text)
    doc.ents = [doc.char_span(text.index("Westcombe Fire"), text.index(" and"), label="PERSON")]  # NER's reading
    entities = find_entities(Parsed(Article(id="t", text=text), doc), FactSheet(id="t", text=text))
    assert holder(entities, "Westcombe Fire and Rescue Service").type == "ORG"


def test_a_name_of_its_own_before_and_stays_apart(nlp):
    entities = entities_of(nlp, "Talks between Acme and Kelsby Council ended without a deal.")
    assert holder(entities, "Kelsby Council") is not holder(entities, "Acme")
