"""Merging names into one entity each (entities/merging.py), one rule per test, each on a short sentence of its own."""

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


def test_two_people_sharing_a_surname_stay_apart(nlp):
    entities = entities_of(nlp, "Anna Kowalski and her husband Tomasz Kowalski run the bakery.")
    assert holder(entities, "Anna Kowalski") is not holder(entities, "Tomasz Kowalski")


def test_acronym_joins_the_full_name(nlp):
    entities = entities_of(nlp, "The Federal Aviation Administration opened an inquiry. The FAA declined to comment.")
    assert holder(entities, "The Federal Aviation Administration") is holder(entities, "FAA")


def test_title_word_that_is_a_surname_stays_with_the_person(nlp):
    entities = entities_of(nlp, "Investors backed Tom King last year. The deal gave the King family a stake.")
    assert all(e.name != "the King" for e in entities)


def test_shared_surname_alone_is_not_the_one_brought_in_as_a_relative(nlp):
    text = ("Marcus Ellery founded the firm with his brother, Aaron Ellery. Mr Ellery, 58, said he was proud. "
            "Aaron Ellery left in 2016. Mr Ellery said the decision was his own.")
    entities = entities_of(nlp, text)
    assert holder(entities, "Mr Ellery", 0) is holder(entities, "Marcus Ellery")
    assert holder(entities, "Mr Ellery", 1) is holder(entities, "Marcus Ellery")
    assert holder(entities, "Aaron Ellery") is not holder(entities, "Marcus Ellery")


def test_role_opening_a_sentence_stays_out_of_the_name_and_surname_repeats_join(nlp):
    text = "Striker Kwame Asante scored twice. Asante now has seven goals. His father Kofi Asante was in the crowd."
    entities = entities_of(nlp, text)
    assert holder(entities, "Asante") is holder(entities, "Kwame Asante")
    assert holder(entities, "His father") is holder(entities, "Kofi Asante")


def test_name_ner_types_differently_takes_its_commonest_type_and_drops_a_score(nlp):
    text = "Arsenal beat Everton 2-0 on Sunday. Everton fans left early as Everton slipped to 15th."
    entities = entities_of(nlp, text)
    club = holder(entities, "Everton")
    assert club.type == "ORG" and [m.text for m in club.mentions] == ["Everton"] * 3


def test_first_word_of_an_organisation_named_before_is_its_short_form(nlp):
    text = "Brightwater Analytics lost its biggest client. Brightwater said it would cut jobs."
    entities = entities_of(nlp, text)
    assert holder(entities, "Brightwater") is holder(entities, "Brightwater Analytics")


def test_organisation_repeat_ner_missed_is_a_mention(nlp):
    text = "Brentford head coach Ola Berg urged calm. Brentford travel to Anfield next Sunday."
    entities = entities_of(nlp, text)
    assert holder(entities, "Brentford", 1) is holder(entities, "Brentford", 0)


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


def test_a_peer_first_named_after_the_one_royal_is_someone_else(nlp):
    text = ("Prince Rupert opened the hospital on Monday. The King is unwell. His younger son, the Duke of Harrowgate, "
            "will stand in for him in Rome.")
    entities = entities_of(nlp, text)
    assert holder(entities, "the Duke of Harrowgate") is not holder(entities, "Prince Rupert")


@pytest.mark.parametrize("text, name, alias", [
    ("Singer Ruby Lane won two awards. Lane, born Tamsin Oakes in Leeds, thanked her mother.", "Ruby Lane",
     "Tamsin Oakes"),
    ("The winner was the rapper known as Lil Vex, whose real name is Tom Rudd. He thanked his mother.", "Lil Vex",
     "Tom Rudd"),
])
def test_a_birth_or_stage_name_is_another_name_of_the_person_named_before_it(nlp, text, name, alias):
    entities = entities_of(nlp, text)
    assert holder(entities, alias) is holder(entities, name)
    assert holder(entities, alias).type == "PERSON"


def test_a_lone_word_ner_calls_a_person_after_in_is_a_place(nlp):
    entities = entities_of(nlp, "The satellite left its launch site in French Guiana on Tuesday.")
    assert holder(entities, "French Guiana").type == "PLACE"


def test_a_company_named_by_its_first_word_before_its_full_name_is_one_company(nlp):
    text = "Analysts expect Halvik to cut costs. Halvik Lines will close three routes next year, Halvik said on Friday."
    entities = entities_of(nlp, text)
    assert holder(entities, "Halvik") is holder(entities, "Halvik Lines")


def test_a_capitalised_word_read_as_a_noun_ends_a_company_name_ner_missed(nlp):
    text = "Analysts expect Halvik to cut costs. Halvik Lines will close three routes next year."
    doc = nlp(text)
    doc.ents = [Span(doc, 2, 3, "ORG")]  # NER's labels on a longer report
    entities = find_entities(Parsed(Article(id="t", text=text), doc), FactSheet(id="t", text=text))
    assert holder(entities, "Halvik Lines") is holder(entities, "Halvik")


def test_a_place_word_is_not_the_institution_named_after_it(nlp):
    text = "Raiders hit a shop in Kelsby. Two men will appear before Kelsby Magistrates' Court on Monday."
    doc = nlp(text)
    doc.ents = [Span(doc, 5, 6, "ORG"), Span(doc, 12, 16, "ORG")]  # NER's labels on a longer report
    entities = find_entities(Parsed(Article(id="t", text=text), doc), FactSheet(id="t", text=text))
    assert holder(entities, "Kelsby") is not holder(entities, "Kelsby Magistrates' Court")


def test_a_regnal_number_keeps_the_bare_name_apart(nlp):
    text = "The tiara belonged to Marguerite, first wife of Leopold, and the brooch to a niece of Leopold II."
    entities = entities_of(nlp, text)
    assert holder(entities, "Leopold") is not holder(entities, "Leopold II")


def test_birth_name_opening_a_sentence_is_the_person_of_that_surname_and_given_name(nlp):
    text = ("Tom Reilly, the docker turned poet, has died. Born Thomas Patrick Reilly in Cork in 1940, he left school "
            "at 14. His sister, Mary Reilly, survives him.")
    entities = entities_of(nlp, text)
    assert holder(entities, "Thomas Patrick Reilly") is holder(entities, "Tom Reilly")
    assert holder(entities, "Mary Reilly") is not holder(entities, "Tom Reilly")


def test_two_names_side_by_side_with_no_word_in_common_stay_apart(nlp):
    text = "The prize went to Nora Avery, Dunmore, whose novel sold widely."
    entities = entities_of(nlp, text)
    dunmore = [e for e in entities if any(m.text == "Dunmore" for m in e.mentions)]
    assert all(e is not holder(entities, "Nora Avery") for e in dunmore)


def test_two_names_of_one_country_are_one_place(nlp):
    text = "Ministers from Chile and the Argentine Republic met on Monday. Argentina said the border deal was fair."
    entities = entities_of(nlp, text)
    assert holder(entities, "Argentina") is holder(entities, "the Argentine Republic")
    assert holder(entities, "Argentina").type == "PLACE"


def test_a_courtesy_title_is_another_name_of_the_person(nlp):
    text = ("Tom Carver, who uses the courtesy title Viscount Ellam, runs the estate. Viscount Ellam declined to "
            "comment.")
    entities = entities_of(nlp, text)
    assert holder(entities, "Tom Carver") is holder(entities, "Viscount Ellam", 1)


def test_a_capitalised_particle_opening_a_sentence_is_part_of_the_surname(nlp):
    text = "Anouk van der Velde scored twice. Van der Velde said the team deserved it."
    entities = entities_of(nlp, text)
    assert holder(entities, "Van der Velde") is holder(entities, "Anouk van der Velde")


def test_a_bare_surname_is_not_a_relative_whose_first_name_came_first(nlp):
    text = ("Ray Dunne, the band's singer, has died aged 70, with his daughter, Ciara, at his side. Ciara Dunne, a "
            "producer, said he was kind. The mayor said Dunne had put the town on the map.")
    entities = entities_of(nlp, text)
    assert holder(entities, "Dunne") is holder(entities, "Ray Dunne")


def test_a_peer_is_never_mr(nlp):
    text = ("Edmund Ashby, 9th Earl of Wenlow, will retire. His younger son, Tom Ashby, runs the farm. "
            "Mr Ashby said he was delighted.")
    entities = entities_of(nlp, text)
    assert holder(entities, "Mr Ashby") is not holder(entities, "Edmund Ashby")


@pytest.mark.parametrize("text, short, full", [
    ("LIMA (UPI) — The vote was delayed on Friday, United Press International reported.", "UPI",
     "United Press International"),
    ("Fenwick & Moss said profit rose. F&M will open 20 shops.", "F&M", "Fenwick & Moss"),
    ("Brackwell Foods PLC said profit fell. Brackwell Foods will pay a dividend.", "Brackwell Foods",
     "Brackwell Foods PLC"),
])
def test_an_acronym_or_a_name_without_its_legal_form_is_the_organisation(nlp, text, short, full):
    entities = entities_of(nlp, text)
    assert holder(entities, short) is holder(entities, full)


def test_a_birth_name_with_another_surname_is_the_one_person_of_that_given_name(nlp):
    text = ("Greta Sandvik, the town's first woman mayor, has died. Born Greta Maria Holm in 1931, she taught "
            "for 14 years. Her son, Per Sandvik, said she died peacefully.")
    entities = entities_of(nlp, text)
    assert holder(entities, "Greta Maria Holm") is holder(entities, "Greta Sandvik")


def test_a_clubs_last_word_alone_is_the_club(nlp):
    text = "Late goal lifts Dolphins to the top\n\nTomas Ferro scored late as Harbourside Dolphins beat Dunmere United."
    entities = entities_of(nlp, text)
    assert holder(entities, "Dolphins") is holder(entities, "Harbourside Dolphins")


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


def test_a_company_named_after_a_family_keeps_its_short_name_from_the_person(nlp):
    entities = entities_of(nlp, "Mehta Steel Ltd will take over a smaller rival for $90m. Mehta will pay in cash. "
                                "Mehta's chairman Arun Mehta, 61, told reporters the deal was sound. Mehta plans to "
                                "borrow the rest.")
    company = holder(entities, "Mehta Steel Ltd")
    assert holder(entities, "Mehta") is company
    assert all(m.text != "Mehta" for m in holder(entities, "Arun Mehta").mentions)


def test_a_word_after_in_is_the_place_though_a_newspaper_is_named_after_it(nlp):
    entities = entities_of(nlp, "Workers were evacuated from a plant in Hollinsby, the Hollinsby Echo reported.")
    assert holder(entities, "Hollinsby") is not holder(entities, "Hollinsby Echo")


def test_a_family_form_of_address_before_a_first_name_is_that_person(nlp):
    text = 'Peter Holm, 61, was cleared on Friday. His niece Ella Holm said: "Uncle Peter never gave up."'
    entities = entities_of(nlp, text)
    assert holder(entities, "Uncle Peter") is holder(entities, "Peter Holm")
    assert holder(entities, "Uncle Peter") is not holder(entities, "Ella Holm")


@pytest.mark.parametrize("text", [
    "Brenford City beat Rovers 2-0 on Saturday. Brenford is a quiet market town.",
    'Brenford Town have been sold to a Dutch consortium, ending a long search for a buyer. The club is in the fourth '
    'tier. Smit said: "Brenford is a proper football town."',
])
def test_the_first_word_of_a_club_named_as_a_town_is_not_merged_into_the_club(nlp, text):
    entities = entities_of(nlp, text)
    assert holder(entities, "Brenford") is not holder(entities, text.split(" have")[0].split(" beat")[0])


def test_a_surname_alone_stays_with_the_one_already_called_by_it(nlp):
    text = ("Ann Reed won the seat on Tuesday. Reed took 52% of the vote. She is married to Tom Reed, who ran the "
            "county for a decade. Tom Reed, 58, thanked the volunteers. A party official said Reed would be sworn in "
            "next month.")
    entities = entities_of(nlp, text)
    assert holder(entities, "Reed", 1) is holder(entities, "Ann Reed")



def test_word_of_a_company_named_before_the_person_is_the_company_where_it_comes_first(nlp):
    # NER's labels vary with the sentence: the candidates are given as NER gives them on news ('Varnholt' an
    # organisation in a headline), so the test reads the merging rule alone.
    text = ("Varnholt evictions halted\n\nA judge barred Varnholt Estates from evicting tenants on Monday. "
            "Varnholt Estates is run by Peter Varnholt, 50.")
    doc = nlp(text)
    word, company, person = (doc.char_span(start, start + len(name)) for name, start in (
        ("Varnholt", 0), ("Varnholt Estates", text.index("Varnholt Estates")),
        ("Peter Varnholt", text.index("Peter Varnholt"))))
    candidates = [Candidate(word.start, word.end, "ORG", "name", key="varnholt"),
                  Candidate(company.start, company.end, "ORG", "name", key="varnholt estates"),
                  person_name(doc, person.start, person.end)]
    clusters = cluster_names(doc, text, candidates)
    assert cluster_of(clusters, word.start) is not cluster_of(clusters, person.start)


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
