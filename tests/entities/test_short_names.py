"""Lone name words: whom a surname or given name alone means and what NER's lone words are (entities/short_names.py),
one rule per test, each on a short sentence of its own."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from newsfacts.entities import find_entities
from newsfacts.entities.candidates import Candidate, person_name
from newsfacts.entities.clusters import cluster_of
from newsfacts.entities.merging import cluster_names
from newsfacts.nlp import Parsed
from newsfacts.schema import Article, FactSheet

from entity_helpers import entities_of, holder


def test_full_name_and_surname_are_one_person(nlp):
    entities = entities_of(nlp, "Maria Delgado won the vote on Tuesday. Delgado thanked her supporters.")
    assert holder(entities, "Maria Delgado") is holder(entities, "Delgado")


def test_shared_surname_alone_is_not_the_one_brought_in_as_a_relative(nlp):
    text = ("Marcus Ellery founded the firm with his brother, Aaron Ellery. Ellery, 58, said he was proud. "
            "Aaron Ellery left in 2016. Ellery said the decision was his own.")
    entities = entities_of(nlp, text)
    assert holder(entities, "Ellery", 0) is holder(entities, "Marcus Ellery")
    assert holder(entities, "Ellery", 1) is holder(entities, "Marcus Ellery")
    assert holder(entities, "Aaron Ellery") is not holder(entities, "Marcus Ellery")


def test_role_opening_a_sentence_stays_out_of_the_name_and_surname_repeats_join(nlp):
    text = "Striker Kwame Asante scored twice. Asante now has seven goals. His father Kofi Asante was in the crowd."
    entities = entities_of(nlp, text)
    assert holder(entities, "Asante") is holder(entities, "Kwame Asante")
    assert holder(entities, "His father") is holder(entities, "Kofi Asante")


def test_name_beside_a_work_noun_is_a_work_in_all_its_mentions(nlp):
    text = ("Her later novel, Low Water, was shortlisted for the Booker Prize. "
            "Low Water sold well, and she began another.")
    entities = entities_of(nlp, text)
    assert holder(entities, "Low Water").type == "WORK"
    assert holder(entities, "Low Water", 1) is holder(entities, "Low Water", 0)


def test_lone_word_the_article_also_writes_in_lower_case_is_no_person(nlp):
    text = "Library advocates welcomed the veto. The library closes on Sunday."
    doc = nlp(text)
    doc.ents = [Span(doc, 0, 1, "PERSON")]  # the slip as NER makes it in longer reports
    entities = find_entities(Parsed(Article(id="t", text=text), doc), FactSheet(id="t", text=text))
    assert not [e for e in entities if e.type == "PERSON"]


def test_organisation_word_that_is_no_first_name_stays_an_organisation(nlp):
    text = "Lockheed Martin bought a computer. If it performs as Lockheed expects, it will upgrade."
    doc = nlp(text)
    doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 10, 11, "ORG")]  # NER's labels on a longer report
    entities = find_entities(Parsed(Article(id="t", text=text), doc), FactSheet(id="t", text=text))
    assert holder(entities, "Lockheed").type == "ORG"


def test_shared_surname_alone_is_the_one_named_last(nlp):
    text = ("Gary Holt spoke in the morning. Later, Home Secretary Jeh Holt said hackers were active. "
            "Holt did not name the states.")
    entities = entities_of(nlp, text)
    assert holder(entities, "Holt") is holder(entities, "Secretary Jeh Holt")


def test_a_lone_word_ner_calls_a_person_that_opens_a_company_name_is_the_company(nlp):
    text = ("Harlow Systems posted a loss for the year. Tom Greer, who quit Harlow in 2021, told us "
            "his plan was to sail around the world.")
    entities = entities_of(nlp, text)
    assert holder(entities, "Harlow") is holder(entities, "Harlow Systems")
    assert holder(entities, "his") is holder(entities, "Tom Greer")


def test_a_lone_word_ner_calls_a_person_after_in_is_a_place(nlp):
    entities = entities_of(nlp, "The satellite left its launch site in French Guiana on Tuesday.")
    assert holder(entities, "French Guiana").type == "PLACE"


def test_a_regnal_number_keeps_the_bare_name_apart(nlp):
    text = "The tiara belonged to Marguerite, first wife of Leopold, and the brooch to a niece of Leopold II."
    entities = entities_of(nlp, text)
    assert holder(entities, "Leopold") is not holder(entities, "Leopold II")


def test_a_capitalised_particle_opening_a_sentence_is_part_of_the_surname(nlp):
    text = "Anouk van der Velde scored twice. Van der Velde said the team deserved it."
    entities = entities_of(nlp, text)
    assert holder(entities, "Van der Velde") is holder(entities, "Anouk van der Velde")


def test_a_bare_surname_is_not_a_relative_whose_first_name_came_first(nlp):
    text = ("Ray Dunne, the band's singer, has died aged 70, with his daughter, Ciara, at his side. Ciara Dunne, a "
            "producer, said he was kind. The mayor said Dunne had put the town on the map.")
    entities = entities_of(nlp, text)
    assert holder(entities, "Dunne") is holder(entities, "Ray Dunne")


def test_lord_or_lady_with_the_place_of_a_peerage_is_its_holder(nlp):
    text = ("Tom Carver, 9th Earl of Wenlow, will retire. He lives with his wife, the Countess of Wenlow. "
            "\"It is time,\" Lord Wenlow said. Lady Wenlow is said to have pushed for the change.")
    entities = entities_of(nlp, text)
    assert holder(entities, "Lord Wenlow") is holder(entities, "Tom Carver")
    assert holder(entities, "Lady Wenlow") is holder(entities, "the Countess of Wenlow")
    assert holder(entities, "Lady Wenlow") is not holder(entities, "Tom Carver")


def test_a_first_name_ner_calls_an_event_is_the_one_person_of_that_name(nlp):
    text = "Felix Brandt will run the farm. His sister said she was \"so proud of Felix, and glad to be free\"."
    entities = entities_of(nlp, text)
    felix = [e for e in entities if any(m.text == "Felix" for m in e.mentions)]
    assert all(e is holder(entities, "Felix Brandt") for e in felix)


def test_a_word_of_an_organisations_name_iso_knows_as_a_place_stays_a_place(nlp):
    text = "Caradon Farm, the family estate in east Cornwall, is for sale. Its owner sits on Cornwall Council."
    entities = entities_of(nlp, text)
    assert holder(entities, "Cornwall").type == "PLACE"
    assert holder(entities, "Cornwall Council").type == "ORG"


def test_a_surname_told_before_a_relative_of_that_name_is_brought_in_is_not_the_relative(nlp):
    entities = entities_of(nlp, "Lady Marsh died on Friday. She leaves her daughter, Ruth Marsh. Ruth Marsh said "
                                "the family was grateful.")
    assert holder(entities, "Lady Marsh") is not holder(entities, "Ruth Marsh")
    entities = entities_of(nlp, "Bill Reed won. His son, Tom Reed, cheered. Reed said he was proud.")
    assert holder(entities, "Reed").name == "Bill Reed"


def test_a_surname_alone_is_not_the_relative_brought_in_with_a_role_between(nlp):
    entities = entities_of(nlp, "Lena Ostrova runs the studio. She started it with her younger sister, the designer "
                                "Mila Ostrova, in 2015. Ostrova, 44, said sales had doubled.")
    assert holder(entities, "Ostrova") is holder(entities, "Lena Ostrova")


def test_the_elder_of_two_sharing_a_surname_is_the_one_brought_in_as_older(nlp):
    entities = entities_of(nlp, "Pavel Dunn coaches the team with his older brother, the former striker Oleg Dunn. "
                                "The elder Dunn said the season was hard.")
    assert holder(entities, "The elder Dunn") is holder(entities, "Oleg Dunn")


def test_the_elder_of_two_sharing_a_surname_is_no_one_when_the_article_does_not_say(nlp):
    entities = entities_of(nlp, "Pavel Dunn and Oleg Dunn coach the team. The elder Dunn said the season was hard.")
    assert all(m.text != "Dunn" for e in entities for m in e.mentions)


def test_a_word_after_in_is_the_place_though_a_newspaper_is_named_after_it(nlp):
    entities = entities_of(nlp, "Workers were evacuated from a plant in Hollinsby, the Hollinsby Echo reported.")
    assert holder(entities, "Hollinsby") is not holder(entities, "Hollinsby Echo")


def test_a_family_form_of_address_before_a_first_name_is_that_person(nlp):
    text = 'Peter Holm, 61, was cleared on Friday. His niece Ella Holm said: "Uncle Peter never gave up."'
    entities = entities_of(nlp, text)
    assert holder(entities, "Uncle Peter") is holder(entities, "Peter Holm")
    assert holder(entities, "Uncle Peter") is not holder(entities, "Ella Holm")


def test_a_surname_alone_stays_with_the_one_already_called_by_it(nlp):
    text = ("Ann Reed won the seat on Tuesday. Reed took 52% of the vote. She is married to Tom Reed, who ran the "
            "county for a decade. Tom Reed, 58, thanked the volunteers. A party official said Reed would be sworn in "
            "next month.")
    entities = entities_of(nlp, text)
    assert holder(entities, "Reed", 1) is holder(entities, "Ann Reed")


def test_surname_after_a_name_ner_gave_another_label_is_left_to_neither(nlp):
    # NER labels a person's name an organisation or a work on news often; the candidates are given as it does.
    text = "Tomas Brell won the seat. He beat Ana Brell in 2020. Brell had held it since 2015."
    doc = nlp(text)
    winner, loser = (doc.char_span(text.index(name), text.index(name) + len(name))
                     for name in ("Tomas Brell", "Ana Brell"))
    lone = doc.char_span(text.index("Brell had"), text.index("Brell had") + 5)
    candidates = [person_name(doc, winner.start, winner.end),
                  Candidate(loser.start, loser.end, "ORG", "name", key="ana brell"),
                  person_name(doc, lone.start, lone.end)]
    clusters = cluster_names(doc, text, candidates)
    assert cluster_of(clusters, lone.start) is not cluster_of(clusters, winner.start)


@pytest.mark.parametrize("text", [
    "The Brannock Cup was first played in 1921. The Brannock was founded by the mill owner Edwin Brannock.",
    "Edwin Brannock built the inn in 1890. Locals still drink at the Brannock every Friday.",
])
def test_a_name_after_the_is_a_thing_named_after_someone_not_the_person(nlp, text):
    entities = entities_of(nlp, text)
    person = holder(entities, "Edwin Brannock")
    assert all(m.text != "Brannock" for m in person.mentions)


@pytest.mark.parametrize("given, same", [("Paddy", True), ("Georgia", False)])
def test_a_given_name_ner_took_for_a_place_is_the_person_unless_a_known_place(nlp, given, same):
    text = f"The village mourns {given} Keane, who has died aged 85. Born in 1941, {given} took over the pub in 1968."
    doc = nlp(text)
    full, lone = text.index(f"{given} Keane"), text.rindex(given)
    name, word = doc.char_span(full, full + len(given) + 6), doc.char_span(lone, lone + len(given))
    doc.ents = [Span(doc, name.start, name.end, "PERSON"), Span(doc, word.start, word.end, "GPE")]  # NER on news
    entities = find_entities(Parsed(Article(id="t", text=text), doc), FactSheet(id="t", text=text))
    person = holder(entities, f"{given} Keane")
    assert (given in [m.text for m in person.mentions]) is same


@pytest.mark.parametrize("text, city", [
    ("The minister leaves for Accra on Tuesday.", "Accra"),
    ("Dr Lee said she would travel 90 km to Nagpur for the operation.", "Nagpur"),
])
def test_a_lone_word_ner_calls_a_person_that_names_a_large_city_is_the_city(nlp, text, city):
    assert holder(entities_of(nlp, text), city).type == "PLACE"


def test_a_city_that_is_also_a_first_name_is_left_to_the_context(nlp):
    entities = entities_of(nlp, "Prices had doubled since the summer, Austin told reporters.")
    assert holder(entities, "Austin").type == "PERSON"


def test_a_place_ner_calls_a_person_that_a_match_verb_takes_is_its_side(nlp):
    entities = entities_of(nlp, "Kerala beat Goa by six wickets on Sunday.")
    assert holder(entities, "Goa").type == "ORG"


def test_a_form_of_address_fitting_the_principal_and_a_relative_named_since_goes_to_neither(nlp):
    text = ("Orla Keegan, 31, was kept waiting for hours, according to her sister, Niamh Keegan. "
            "\"Nobody came,\" Ms Keegan said.")
    entities = entities_of(nlp, text)
    assert all(m.text != "Ms Keegan" for e in entities if e.name in {"Orla Keegan", "Niamh Keegan"}
               for m in e.mentions)


def test_a_form_of_address_of_one_gender_goes_to_the_one_it_fits(nlp):
    text = ("Driver Colm Hardy spoke at the depot. His wife, Tracey Hardy, joined him there. "
            "\"We stay out,\" Mr Hardy said.")
    entities = entities_of(nlp, text)
    assert holder(entities, "Mr Hardy") is holder(entities, "Colm Hardy")


def test_a_relative_brought_in_as_dead_does_not_make_the_address_doubtful(nlp):
    text = ("Chairman Ewan Marr sold the firm his late father, Angus Marr, founded in 1950. "
            "\"It was time,\" Mr Marr said.")
    entities = entities_of(nlp, text)
    assert holder(entities, "Mr Marr") is holder(entities, "Ewan Marr")


def test_a_short_form_of_one_persons_given_name_is_that_person(nlp):
    text = ("William Adewole, 61, took over the bakery in 1990. \"Bill never missed a morning,\" a neighbour said.")
    entities = entities_of(nlp, text)
    assert holder(entities, "Bill") is holder(entities, "William Adewole")


def test_a_short_form_two_given_names_share_is_neither_persons(nlp):
    text = ("William Adewole and William Hale opened the bakery in 1990. \"Bill never missed a morning,\" a "
            "neighbour said.")
    entities = entities_of(nlp, text)
    bill = [e for e in entities for m in e.mentions if m.text == "Bill"]
    assert not bill or bill[0] not in (holder(entities, "William Adewole"), holder(entities, "William Hale"))


@pytest.mark.parametrize("text, surname, full", [
    ("Alderman Mariska Van Hoorn opposed the budget. Van Hoorn said it cut too deep.", "Van Hoorn", "Mariska Van Hoorn"),
    ("Senator Robert De Lange voted for the bill. De Lange said it was overdue.", "De Lange", "Robert De Lange"),
])
def test_a_surname_with_its_particle_alone_is_the_person(nlp, text, surname, full):
    entities = entities_of(nlp, text)
    assert holder(entities, surname) is holder(entities, full)


def test_the_opening_words_of_a_company_name_ner_calls_a_person_are_the_company(nlp):
    entities = entities_of(nlp, "Shares in Velmont Orchards Pty Ltd rose. Investors said Velmont Orchards had a good "
                                "year.")
    assert holder(entities, "Velmont Orchards") is holder(entities, "Velmont Orchards Pty Ltd")
    assert holder(entities, "Velmont Orchards").type == "ORG"


def test_a_name_opening_an_event_named_after_it_is_not_that_event(nlp):
    entities = entities_of(nlp, "Voters in Tarsapur Kalan went to the polls. The Tarsapur Kalan assembly bypoll was "
                                "close. Turnout in Tarsapur Kalan was high.")
    assert holder(entities, "Tarsapur Kalan", 1).type != "EVENT"


def test_a_lone_word_opening_the_name_of_its_council_or_police_is_the_place(nlp):
    entities = entities_of(nlp, "Officers from Kelmarsh Police met residents. Kelmarsh has grown since 1990.")
    assert holder(entities, "Kelmarsh").type == "PLACE"
    assert holder(entities, "Kelmarsh") is not holder(entities, "Kelmarsh Police")
