"""The entity stage, one rule per test, each on a short sentence of its own."""

from __future__ import annotations

import json

import pytest
from spacy.tokens import Span

from newsfacts.entities import find_entities
from newsfacts.evaluate import score_entities
from newsfacts.nlp import Parsed, parse
from newsfacts.schema import Article, FactSheet
from newsfacts.sheet import extract


def entities_of(nlp, text: str):
    return find_entities(parse(Article(id="t", text=text), nlp), FactSheet(id="t", text=text))


def holder(entities, text: str, occurrence: int = 0):
    """The entity holding the `occurrence`-th mention whose text is `text`."""
    found = [e for e in entities for m in e.mentions if m.text == text]
    assert len(found) > occurrence, f"no entity holds {text!r}: {[(e.name, [m.text for m in e.mentions]) for e in entities]}"
    return found[occurrence]


def test_full_name_and_surname_are_one_person(nlp):
    entities = entities_of(nlp, "Maria Delgado won the vote on Tuesday. Delgado thanked her supporters.")
    assert holder(entities, "Maria Delgado") is holder(entities, "Delgado")


def test_form_of_address_joins_the_name(nlp):
    entities = entities_of(nlp, "Senator Paul Whitford left the hall. Whitford did not answer questions.")
    person = holder(entities, "Whitford")
    assert "Senator Paul Whitford" in [m.text for m in person.mentions]
    assert person.name == "Senator Paul Whitford"


def test_two_people_sharing_a_surname_stay_apart(nlp):
    entities = entities_of(nlp, "Anna Kowalski and her husband Tomasz Kowalski run the bakery.")
    assert holder(entities, "Anna Kowalski") is not holder(entities, "Tomasz Kowalski")


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


def test_possessive_title_is_not_an_organisation(nlp):
    entities = entities_of(nlp, "The Queen’s private secretary resigned on Friday.")
    assert holder(entities, "The Queen").type == "PERSON"


def test_pronoun_takes_the_person_of_its_gender(nlp):
    entities = entities_of(nlp, "Laura Stein met Peter Novak in Vienna. He said the talks went well.")
    assert holder(entities, "He") is holder(entities, "Peter Novak")


def test_pronoun_prefers_the_subject(nlp):
    entities = entities_of(nlp, "Peter Novak thanked Tom Brady. He then left for the airport.")
    assert holder(entities, "He") is holder(entities, "Peter Novak")


def test_pronouns_inside_quotation_marks_are_left_alone(nlp):
    entities = entities_of(nlp, 'Peter Novak smiled: "He is a good man," and left.')
    assert all(m.text != "He" for e in entities for m in e.mentions)


def test_kinship_description_named_beside_it(nlp):
    entities = entities_of(nlp, "Lord Fenwick spoke about his brother the Duke of Norland at the dinner.")
    assert holder(entities, "his brother") is holder(entities, "the Duke of Norland")
    assert holder(entities, "his brother") is not holder(entities, "Lord Fenwick")


def test_kinship_description_refers_back_and_is_remembered(nlp):
    text = ("The King met Prince Albert at the castle. Albert had waited months to see his father. "
            "Later the King praised his son.")
    entities = entities_of(nlp, text)
    king = holder(entities, "The King")
    prince = holder(entities, "Prince Albert")
    assert holder(entities, "his father") is king
    assert holder(entities, "his son") is prince


def test_unknown_relative_gets_an_entity_of_its_own(nlp):
    entities = entities_of(nlp, "Grace Mwangi arrived late. Her mother was waiting outside.")
    mother = holder(entities, "Her mother")
    assert mother is not holder(entities, "Grace Mwangi")
    assert mother.type == "PERSON" and "mother" in mother.name


def test_event_named_by_its_last_word(nlp):
    entities = entities_of(nlp, "She spoke at the Harbour Music Awards on Friday.")
    awards = next(e for e in entities if "Harbour Music Awards" in e.name)
    assert awards.type == "EVENT"


def test_name_modifying_a_generic_noun_is_a_mention_too(nlp):
    entities = entities_of(nlp, "He arrived at a Commonwealth Games event in the evening.")
    games = holder(entities, "Commonwealth Games")
    assert "a Commonwealth Games event" in [m.text for m in games.mentions]


def test_building_that_speaks_is_an_organisation(nlp):
    speaking = entities_of(nlp, "Kensington Palace confirmed the visit on Sunday.")
    assert holder(speaking, "Kensington Palace").type == "ORG"
    visited = entities_of(nlp, "The tourists walked past Kensington Palace on Sunday.")
    assert holder(visited, "Kensington Palace").type == "PLACE"


def test_acronym_joins_the_full_name(nlp):
    entities = entities_of(nlp, "The Federal Aviation Administration opened an inquiry. The FAA declined to comment.")
    assert holder(entities, "The Federal Aviation Administration") is holder(entities, "FAA")


def test_seed_entity_targets(nlp, shared):
    """Issue 2: all 14 gold entities, at least 95% of their mentions in the right one, no false merge."""
    gold = json.loads((shared / "gold" / "seed.json").read_text())
    text = (shared / "gold" / gold["text_file"]).read_text()
    sheet = extract(Article(id="seed", text=text, published=gold["published"]), nlp)
    counts = score_entities(gold, sheet)
    assert counts.found == counts.gold == len(gold["entities"])
    assert counts.mentions_found / counts.mentions_gold >= 0.95
    assert counts.false_merges == 0


def test_relative_is_not_an_unrelated_person_nearby(nlp):
    entities = entities_of(nlp, "Carla Moreno debated Victor Hale on Monday. Her husband watched from the front row.")
    assert holder(entities, "Her husband") is not holder(entities, "Victor Hale")


def test_relative_sharing_the_surname_is_the_person_named_before(nlp):
    entities = entities_of(nlp, "Helen Marsh spoke first. Then Daniel Marsh thanked his wife for her patience.")
    assert holder(entities, "his wife") is holder(entities, "Helen Marsh")


def test_title_word_that_is_a_surname_stays_with_the_person(nlp):
    entities = entities_of(nlp, "Investors backed Tom King last year. The deal gave the King family a stake.")
    assert all(e.name != "the King" for e in entities)


def test_hyphenated_surname_with_a_form_of_address(nlp):
    entities = entities_of(nlp, "The book is by Dr Helen Baker-Smith, a historian. Dr Baker-Smith said it took a decade.")
    assert holder(entities, "Dr Baker-Smith") is holder(entities, "Dr Helen Baker-Smith")


@pytest.mark.parametrize("text", ["›\n  ", " \n›\n ", "\n\n", "“ ” ‘", "The the the.", "Mr. Mrs. Dr."])
def test_odd_text_gives_entities_without_failing(nlp, text):
    for entity in entities_of(nlp, text):
        assert entity.mentions and entity.name


def test_possessive_does_not_point_at_the_name_beside_its_own_noun(nlp):
    entities = entities_of(nlp, "Peter Lund retired. His wife, Joan, is a nurse in Oslo.")
    assert holder(entities, "His") is holder(entities, "Peter Lund")
    assert holder(entities, "His") is not holder(entities, "Joan")


@pytest.mark.parametrize("text, name", [
    ("The firm said its chief executive, Marcus Feld, would step down.", "Marcus Feld"),
    ("Her husband, Sean, died in 2015.", "Sean"),
])
def test_name_beside_a_person_noun_is_a_person(nlp, text, name):
    assert holder(entities_of(nlp, text), name).type == "PERSON"


def test_full_name_is_a_person_when_its_surname_takes_a_form_of_address(nlp):
    entities = entities_of(nlp, "Marcus Ellery founded the firm in 2009. Mr Ellery, 58, said he was proud.")
    assert holder(entities, "Marcus Ellery").type == "PERSON"
    assert holder(entities, "Marcus Ellery") is holder(entities, "Mr Ellery")


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


def test_noun_phrase_beside_a_name_is_a_mention_of_the_person(nlp):
    entities = entities_of(nlp, "Nadia Frost, the chair of the housing committee, signed the letter.")
    assert holder(entities, "the chair of the housing committee") is holder(entities, "Nadia Frost")


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


def test_participle_ner_takes_for_a_person_is_no_one(nlp):
    text = "Defending, Alan Rudd said his client had been addicted to heroin at the time."
    doc = nlp(text)
    doc.ents = [Span(doc, 0, 1, "PERSON"), Span(doc, 2, 4, "PERSON")]  # the slip as NER makes it in longer reports
    entities = find_entities(Parsed(Article(id="t", text=text), doc), FactSheet(id="t", text=text))
    assert [e.name for e in entities if e.type == "PERSON"] == ["Alan Rudd"]


def test_name_after_forms_of_address_ner_missed(nlp):
    text = "Detective Constable Ian Burrows, of West Yorkshire Police, said the inquiry would go on."
    entities = entities_of(nlp, text)
    assert holder(entities, "Detective Constable Ian Burrows").type == "PERSON"
    assert holder(entities, "West Yorkshire Police").type == "ORG"


@pytest.mark.parametrize("text, employer", [
    ("Harwell head coach Lars Dahl praised his players.", "Harwell"),
    ("Bolton manager Ian Pryce said his side were unlucky. Bolton travel to Wigan next.", "Bolton"),
])
def test_proper_noun_before_a_persons_job_is_the_employer(nlp, text, employer):
    entities = entities_of(nlp, text)
    assert holder(entities, employer).type == "ORG"
    assert len({holder(entities, employer, n).id for n in range(text.count(employer))}) == 1


def test_name_ner_types_differently_takes_its_commonest_type_and_drops_a_score(nlp):
    text = "Arsenal beat Everton 2-0 on Sunday. Everton fans left early as Everton slipped to 15th."
    entities = entities_of(nlp, text)
    club = holder(entities, "Everton")
    assert club.type == "ORG" and [m.text for m in club.mentions] == ["Everton"] * 3


def test_first_word_of_an_organisation_named_before_is_its_short_form(nlp):
    text = "Brightwater Analytics lost its biggest client. Brightwater said it would cut jobs."
    entities = entities_of(nlp, text)
    assert holder(entities, "Brightwater") is holder(entities, "Brightwater Analytics")


def test_employer_and_job_ner_ran_into_a_name_are_split_off(nlp):
    text = ("Shares in Halvorsen Robotics fell. Halvorsen said sales had slowed. "
            "Halvorsen spokesperson Lily Chen declined to comment.")
    entities = entities_of(nlp, text)
    assert holder(entities, "Lily Chen").type == "PERSON"
    assert holder(entities, "Halvorsen", 1) is holder(entities, "Halvorsen Robotics")


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


def test_name_beside_an_organisation_noun_is_an_organisation(nlp):
    text = "Regulators opened an inquiry into Kestrava, the Dutch chipmaker, on Thursday. Kestrava denies wrongdoing."
    entities = entities_of(nlp, text)
    assert holder(entities, "Kestrava").type == "ORG"
    assert holder(entities, "Kestrava", 1) is holder(entities, "Kestrava", 0)


def test_lone_word_the_article_also_writes_in_lower_case_is_no_person(nlp):
    text = "Library advocates welcomed the veto. The library closes on Sunday."
    doc = nlp(text)
    doc.ents = [Span(doc, 0, 1, "PERSON")]  # the slip as NER makes it in longer reports
    entities = find_entities(Parsed(Article(id="t", text=text), doc), FactSheet(id="t", text=text))
    assert not [e for e in entities if e.type == "PERSON"]


def test_surname_particle_in_lower_case_belongs_to_the_surname(nlp):
    entities = entities_of(nlp, "Sanne de Wit took over in 2021. Ms de Wit has overseen rapid growth.")
    assert holder(entities, "Ms de Wit") is holder(entities, "Sanne de Wit")


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


def test_pronoun_in_a_reported_clause_is_the_reporter(nlp):
    text = "Ola Berg has not played since May, and the coach, Ivan Holm, said he expected him back soon."
    entities = entities_of(nlp, text)
    assert holder(entities, "he") is holder(entities, "Ivan Holm")
    assert holder(entities, "him") is holder(entities, "Ola Berg")


def test_subject_pronoun_is_no_one_named_inside_its_own_clause(nlp):
    text = "Alan Rudd spoke for the defence. The 41-year-old Leon Marsh had since found work, he said."
    entities = entities_of(nlp, text)
    assert holder(entities, "he") is holder(entities, "Alan Rudd")


def test_possessive_is_the_subject_of_its_own_clause(nlp):
    text = ("Raymond Cole vanished in May. Raymond Cole's lawyer, Brian Dale, denied that Cole had involved "
            "his son in the scheme.")
    entities = entities_of(nlp, text)
    assert holder(entities, "his son") is not holder(entities, "Brian Dale")
    assert holder(entities, "his", 0) is holder(entities, "Raymond Cole")


def test_the_role_of_something_named_is_not_a_back_reference(nlp):
    text = "Ann Lee, the president of the club, spoke first. Later the president of the league replied."
    entities = entities_of(nlp, text)
    assert all(m.text != "the president" for e in entities for m in e.mentions)


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


def test_name_with_a_work_noun_in_apposition_after_it_is_a_work(nlp):
    entities = entities_of(nlp, "Ana Lind won for her role in The Quiet Harbour, a drama set in Brittany.")
    assert holder(entities, "The Quiet Harbour").type == "WORK"


def test_agent_is_a_person_noun(nlp):
    entities = entities_of(nlp, "Ana Lind's agent, Sophie Laurent, said she would rest.")
    assert holder(entities, "Sophie Laurent").type == "PERSON"


def test_title_owning_a_named_place_is_no_person(nlp):
    entities = entities_of(nlp, "Patients were taken to the Queen's Medical Centre on Sunday.")
    assert not [e for e in entities if e.type == "PERSON"]


def test_pronoun_in_a_clause_without_subject_takes_the_subject_it_depends_on(nlp):
    text = ("The actress Ana Lind won the award. Her agent, Claire Dumont, said the actress would take a break "
            "next year to spend time with her family.")
    entities = entities_of(nlp, text)
    assert holder(entities, "her") is holder(entities, "Ana Lind")


def test_a_plural_or_bare_role_noun_is_no_back_reference(nlp):
    text = "Local organiser Ben Tully met the council. Mr Tully said organisers would appeal."
    entities = entities_of(nlp, text)
    assert all(m.text != "organisers" for e in entities for m in e.mentions)


def test_generic_organisation_word_opening_a_sentence_is_no_name(nlp):
    entities = entities_of(nlp, "The mayor spoke first. Council officials said the wall was safe.")
    assert all(m.text != "Council" for e in entities for m in e.mentions)


@pytest.mark.parametrize("text, place", [
    ("The mayor of Brenton has rejected a stadium deal, telling a radio show it was too costly.", "Brenton"),
    ("Police said Tom Kerr, of Hoole, would appear in court on Monday.", "Hoole"),
])
def test_what_a_title_is_held_of_or_where_someone_is_from_is_a_place(nlp, text, place):
    assert holder(entities_of(nlp, text), place).type == "PLACE"


def test_transcript_labels_are_the_speaker_named_elsewhere_and_no_one_otherwise(nlp):
    text = ("Governor Hanley spoke to the station.\n\nPRESENTER: Will you sign the bill?\n\n"
            "HANLEY: Not this year.\n\nPRESENTER: Why not?\n\nHANLEY: We cannot afford it.")
    entities = entities_of(nlp, text)
    assert holder(entities, "HANLEY") is holder(entities, "Governor Hanley")
    assert all(m.text != "PRESENTER" for e in entities for m in e.mentions)


def test_a_dateline_in_capitals_is_a_place_named_as_written_elsewhere(nlp):
    text = "Ferry operator cuts jobs\n\nBERGEN, May 2 (Reuters) - Fjordlink will cut 300 jobs in Bergen."
    entities = entities_of(nlp, text)
    assert holder(entities, "BERGEN").type == "PLACE"
    assert holder(entities, "BERGEN").name == "Bergen"


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


def test_a_name_ner_ran_on_over_a_preposition_into_a_street_is_two_names(nlp):
    text = "Staff were threatened during the raid at Benson Jewellers on Market Street, police said."
    entities = entities_of(nlp, text)
    assert holder(entities, "Benson Jewellers") is not holder(entities, "Market Street")
    assert holder(entities, "Market Street").type == "PLACE"


@pytest.mark.parametrize("text, name", [
    ("A man has been charged.\n\nCheshire Police said Tom Kerr would appear in court.", "Cheshire Police"),
    ("Nobody was injured. Mercia Police said officers had recovered the watches.", "Mercia Police"),
])
def test_proper_nouns_ending_in_an_organisation_word_are_an_organisation(nlp, text, name):
    assert holder(entities_of(nlp, text), name).type == "ORG"


def test_the_force_is_the_police_named_before(nlp):
    entities = entities_of(nlp, "Gwent Police said two men were hurt. The force appealed for witnesses.")
    assert holder(entities, "The force") is holder(entities, "Gwent Police")


@pytest.mark.parametrize("text, place", [
    ("Mayor re-elected\n\nPORT HALLEY, Maine — Ann Mercer won a third term on Tuesday.", "PORT HALLEY"),
    ("Talks stall\n\nLUGANO, Feb 3 (Reuters) - Talks between the two sides broke down on Monday.", "LUGANO"),
])
def test_a_dateline_is_one_place_whatever_ner_makes_of_it(nlp, text, place):
    assert holder(entities_of(nlp, text), place).type == "PLACE"


def test_a_full_name_ner_missed_keeps_its_surname_repeats_from_a_namesake(nlp):
    text = ("PORT HALLEY, Maine — Democrat Carmen Moreau narrowly won the race. Moreau thanked her volunteers. "
            "Her father, Pablo Moreau, moved to the city in 1978.")
    entities = entities_of(nlp, text)
    assert holder(entities, "Moreau") is holder(entities, "Carmen Moreau")
    assert holder(entities, "Pablo Moreau") is not holder(entities, "Moreau")


def test_a_lone_word_ner_calls_a_person_that_opens_a_company_name_is_the_company(nlp):
    text = ("Harlow Systems posted a loss for the year. Tom Greer, who quit Harlow in 2021, told us "
            "his plan was to sail around the world.")
    entities = entities_of(nlp, text)
    assert holder(entities, "Harlow") is holder(entities, "Harlow Systems")
    assert holder(entities, "his") is holder(entities, "Tom Greer")


def test_the_company_inside_a_persons_description_is_the_company(nlp):
    text = ("Brannock Systems said on Monday that it would hand the job to the company's president, Ana Lind. "
            "Brannock Systems shares rose.")
    entities = entities_of(nlp, text)
    assert holder(entities, "the company") is holder(entities, "Brannock Systems")


def test_a_name_beside_a_diplomatic_post_is_a_person(nlp):
    entities = entities_of(nlp, "The EU envoy for the talks, Lars Eklund, said the talks had failed.")
    assert holder(entities, "Lars Eklund").type == "PERSON"


def test_a_peer_first_named_after_the_one_royal_is_someone_else(nlp):
    text = ("Prince Rupert opened the hospital on Monday. The King is unwell. His younger son, the Duke of Harrowgate, "
            "will stand in for him in Rome.")
    entities = entities_of(nlp, text)
    assert holder(entities, "the Duke of Harrowgate") is not holder(entities, "Prince Rupert")


def test_a_style_of_office_stands_for_the_one_holding_the_title(nlp):
    text = "The King will not travel to Rome. His Majesty is recovering from an operation."
    entities = entities_of(nlp, text)
    assert holder(entities, "His Majesty") is holder(entities, "The King")


@pytest.mark.parametrize("text, name", [
    ("Not all welcome it. The Bishop of Ashby, the Rt Rev Owen Pryce, wrote in the Church Times that it was wrong.",
     "Owen Pryce"),
    ("The Archbishop of Tarn, the Most Rev Ruth Adeyemi, will lead it. Adeyemi said she was glad.", "Ruth Adeyemi"),
])
def test_a_clerical_style_before_a_name_makes_it_a_person(nlp, text, name):
    entities = entities_of(nlp, text)
    person = next(e for e in entities for m in e.mentions if m.text.endswith(name))
    assert person.type == "PERSON"
    assert any(m.text.startswith("The") and " of " in m.text for m in person.mentions)


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


def test_a_pronoun_still_finds_a_person_whose_stage_name_looks_female(nlp):
    text = "The winner was the rapper known as Lil Vex, whose real name is Tom Rudd. He thanked his mother."
    entities = entities_of(nlp, text)
    assert holder(entities, "He") is holder(entities, "Lil Vex")


def test_a_title_case_headline_keeps_only_the_names_the_story_writes(nlp):
    text = ("Union Boss Slams Rail Strike Bill\n\nLONDON — The head of the rail union, Mick Dolan, attacked the bill "
            "on Monday. Dolan said it was unfair.")
    entities = entities_of(nlp, text)
    assert not [m for e in entities for m in e.mentions if m.start < text.index("\n")]


def test_a_plural_pronoun_whose_clause_has_an_organisation_as_subject_is_it(nlp):
    text = "The Harlow Rovers defended their coach on Monday after a third defeat."
    entities = entities_of(nlp, text)
    assert holder(entities, "their") is holder(entities, "The Harlow Rovers")


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


def test_a_court_of_law_is_an_organisation(nlp):
    text = "Ann Price, a judge at the Supreme Court, ruled against the council on Monday."
    assert holder(entities_of(nlp, text), "the Supreme Court").type == "ORG"


def test_a_double_first_name_is_one_name_with_its_surname(nlp):
    text = "At the dinner, jazz pianist Ella-May Pike was given a medal. Pike thanked the hosts."
    entities = entities_of(nlp, text)
    assert holder(entities, "Pike") is holder(entities, "Ella-May Pike")


def test_a_name_beside_a_band_is_an_organisation(nlp):
    entities = entities_of(nlp, "The two men formed the band Salt Harbour in 1991 and broke up in 2003.")
    assert holder(entities, "Salt Harbour").type == "ORG"


def test_a_lone_word_ner_calls_a_person_after_in_is_a_place(nlp):
    entities = entities_of(nlp, "The satellite left its launch site in French Guiana on Tuesday.")
    assert holder(entities, "French Guiana").type == "PLACE"


@pytest.mark.parametrize("text, place, back", [
    ("Shells hit the mountain town of Varsk overnight. The town's only clinic was damaged.", "Varsk", "The town"),
    ("In the northern capital, Velna, crowds gathered on Friday. Police in the capital made no arrests.", "Velna",
     "the northern capital"),
])
def test_a_name_given_as_a_kind_of_place_is_a_place_called_back_by_that_noun(nlp, text, place, back):
    entities = entities_of(nlp, text)
    assert holder(entities, place).type == "PLACE"
    assert holder(entities, back) is holder(entities, place)


def test_a_name_after_a_place_noun_that_hangs_on_a_person_noun_is_no_place(nlp):
    text = "The UN monitor for the province, Amadou Keita, said the two sides had left."
    doc = nlp(text)
    doc.ents = [Span(doc, 1, 2, "ORG"), Span(doc, 7, 9, "ORG")]  # NER's labels on a longer report
    entities = find_entities(Parsed(Article(id="t", text=text), doc), FactSheet(id="t", text=text))
    assert holder(entities, "Amadou Keita").type != "PLACE"


@pytest.mark.parametrize("surname", ["Eide", "Haugen", "Berg"])  # NER: nothing, an organisation, a person
def test_a_first_name_the_tagger_reads_as_another_word_joins_the_name(nlp, surname):
    text = (f"Fishermen blocked the harbour on Friday. Their spokesman, Per {surname}, called the quota unfair. "
            f"{surname} said the fleet would stay out.")
    entities = entities_of(nlp, text)
    assert holder(entities, surname) is holder(entities, f"Per {surname}")


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


def test_the_court_points_back_at_the_one_court_named(nlp):
    text = "Tom Reed, 40, admitted theft at Kelsby Crown Court on Friday. The court heard that he had stolen cars."
    entities = entities_of(nlp, text)
    assert holder(entities, "The court") is holder(entities, "Kelsby Crown Court")


def test_a_noun_set_beside_an_organisation_points_back_at_it_later(nlp):
    text = ("Ann Holt now runs a pension fund, Greyfield Ventures, from Leeds. The fund has backed 40 start-ups, "
            "Holt said.")
    entities = entities_of(nlp, text)
    assert holder(entities, "The fund") is holder(entities, "Greyfield Ventures")


def test_proper_nouns_ner_missed_after_in_or_on_a_street_are_places(nlp):
    text = ("The rocket, built by Kessler Dynamics in Montauban, carries nine instruments. Crowds met at a hall on "
            "Tanner Street.")
    doc = nlp(text)
    doc.ents = [Span(doc, 5, 7, "ORG")]  # NER's labels on a longer report
    entities = find_entities(Parsed(Article(id="t", text=text), doc), FactSheet(id="t", text=text))
    assert holder(entities, "Montauban").type == "PLACE"
    assert holder(entities, "Tanner Street").type == "PLACE"


def test_a_description_the_parser_hangs_on_a_place_is_the_persons(nlp):
    text = "The head of the UN mission in Kelsby, Ann Lee, said food would run out within days."
    entities = entities_of(nlp, text)
    assert holder(entities, "The head of the UN mission in Kelsby") is holder(entities, "Ann Lee")


def test_the_bloc_points_back_at_the_one_union_named(nlp):
    text = "The African Union's envoy, Ama Owusu, said the bloc was ready to act on Monday."
    entities = entities_of(nlp, text)
    assert holder(entities, "the bloc") is holder(entities, "The African Union")


def test_their_opening_a_sentence_after_an_organisation_as_subject_is_it(nlp):
    text = "The folk trio Salt Harbour were left out of the shortlist. Their manager, Reggie Moss, called it baffling."
    entities = entities_of(nlp, text)
    assert holder(entities, "Their") is holder(entities, "Salt Harbour")


def test_a_princes_parent_is_the_one_monarch_of_the_story(nlp):
    text = ("The Queen is resting at Windsor. Crowds met Prince Edwin in Leeds on Monday. Aides say the prince, "
            "who will one day succeed his mother, spoke to every family.")
    entities = entities_of(nlp, text)
    assert holder(entities, "his mother") is holder(entities, "The Queen")


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


@pytest.mark.parametrize("text, name, gender", [
    ("Maria Delgado won the vote. She thanked her supporters.", "Maria Delgado", "female"),
    ("Mr Okafor resigned on Tuesday.", "Mr Okafor", "male"),
    ("Acme Corp reported a loss.", "Acme Corp", None),
])
def test_entity_carries_the_gender_the_article_gives(nlp, text, name, gender):
    assert holder(entities_of(nlp, text), name).gender == gender


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
])
def test_an_age_that_could_be_someone_elses_is_left_alone(nlp, text):
    assert not [m for e in entities_of(nlp, text) for m in e.mentions if "year-old" in m.text]


def test_dateline_with_an_abbreviated_first_word_is_one_place(nlp):
    entities = entities_of(nlp, "ST. LOUIS (AP) — The city council voted on Tuesday to close two libraries.")
    assert holder(entities, "ST. LOUIS").type == "PLACE"
