"""What one NER span is (entities/ner_spans.py): its type and boundaries repaired by the words around it."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from newsfacts.entities import find_entities
from newsfacts.nlp import Parsed
from newsfacts.schema import Article, FactSheet

from entity_helpers import entities_of, holder


def test_form_of_address_joins_the_name(nlp):
    entities = entities_of(nlp, "Senator Paul Whitford left the hall. Whitford did not answer questions.")
    person = holder(entities, "Whitford")
    assert "Senator Paul Whitford" in [m.text for m in person.mentions]
    assert person.name == "Paul Whitford"


def test_possessive_title_is_not_an_organisation(nlp):
    entities = entities_of(nlp, "The Queen’s private secretary resigned on Friday.")
    assert holder(entities, "The Queen").type == "PERSON"


def test_event_named_by_its_last_word(nlp):
    entities = entities_of(nlp, "She spoke at the Harbour Music Awards on Friday.")
    awards = next(e for e in entities if "Harbour Music Awards" in e.name)
    assert awards.type == "EVENT"


def test_building_that_speaks_is_an_organisation(nlp):
    speaking = entities_of(nlp, "Kensington Palace confirmed the visit on Sunday.")
    assert holder(speaking, "Kensington Palace").type == "ORG"
    visited = entities_of(nlp, "The tourists walked past Kensington Palace on Sunday.")
    assert holder(visited, "Kensington Palace").type == "PLACE"


def test_hyphenated_surname_with_a_form_of_address(nlp):
    entities = entities_of(nlp, "The book is by Dr Helen Baker-Smith, a historian. Dr Baker-Smith said it took a decade.")
    assert holder(entities, "Dr Baker-Smith") is holder(entities, "Dr Helen Baker-Smith")


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


def test_participle_ner_takes_for_a_person_is_no_one(nlp):
    text = "Defending, Alan Rudd said his client had been addicted to heroin at the time."
    doc = nlp(text)
    doc.ents = [Span(doc, 0, 1, "PERSON"), Span(doc, 2, 4, "PERSON")]  # the slip as NER makes it in longer reports
    entities = find_entities(Parsed(Article(id="t", text=text), doc), FactSheet(id="t", text=text))
    assert [e.name for e in entities if e.type == "PERSON"] == ["Alan Rudd"]


def test_employer_and_job_ner_ran_into_a_name_are_split_off(nlp):
    text = ("Shares in Halvorsen Robotics fell. Halvorsen said sales had slowed. "
            "Halvorsen spokesperson Lily Chen declined to comment.")
    entities = entities_of(nlp, text)
    assert holder(entities, "Lily Chen").type == "PERSON"
    assert holder(entities, "Halvorsen", 1) is holder(entities, "Halvorsen Robotics")


def test_name_beside_an_organisation_noun_is_an_organisation(nlp):
    text = "Regulators opened an inquiry into Kestrava, the Dutch chipmaker, on Thursday. Kestrava denies wrongdoing."
    entities = entities_of(nlp, text)
    assert holder(entities, "Kestrava").type == "ORG"
    assert holder(entities, "Kestrava", 1) is holder(entities, "Kestrava", 0)


def test_name_with_a_work_noun_in_apposition_after_it_is_a_work(nlp):
    entities = entities_of(nlp, "Ana Lind won for her role in The Quiet Harbour, a drama set in Brittany.")
    assert holder(entities, "The Quiet Harbour").type == "WORK"


def test_agent_is_a_person_noun(nlp):
    entities = entities_of(nlp, "Ana Lind's agent, Sophie Laurent, said she would rest.")
    assert holder(entities, "Sophie Laurent").type == "PERSON"


def test_title_owning_a_named_place_is_no_person(nlp):
    entities = entities_of(nlp, "Patients were taken to the Queen's Medical Centre on Sunday.")
    assert not [e for e in entities if e.type == "PERSON"]


def test_generic_organisation_word_opening_a_sentence_is_no_name(nlp):
    entities = entities_of(nlp, "The mayor spoke first. Council officials said the wall was safe.")
    assert all(m.text != "Council" for e in entities for m in e.mentions)


@pytest.mark.parametrize("text, place", [
    ("The mayor of Brenton has rejected a stadium deal, telling a radio show it was too costly.", "Brenton"),
    ("Police said Tom Kerr, of Hoole, would appear in court on Monday.", "Hoole"),
])
def test_what_a_title_is_held_of_or_where_someone_is_from_is_a_place(nlp, text, place):
    assert holder(entities_of(nlp, text), place).type == "PLACE"


def test_a_name_ner_ran_on_over_a_preposition_into_a_street_is_two_names(nlp):
    text = "Staff were threatened during the raid at Benson Jewellers on Market Street, police said."
    entities = entities_of(nlp, text)
    assert holder(entities, "Benson Jewellers") is not holder(entities, "Market Street")
    assert holder(entities, "Market Street").type == "PLACE"


def test_a_name_beside_a_diplomatic_post_is_a_person(nlp):
    entities = entities_of(nlp, "The EU envoy for the talks, Lars Eklund, said the talks had failed.")
    assert holder(entities, "Lars Eklund").type == "PERSON"


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


def test_a_name_ner_runs_on_over_in_and_a_known_place_is_two_names(nlp):
    text = "The seeds were kept at Bhorwa in Madhya Pradesh for a decade."
    doc = nlp(text)
    doc.ents = [Span(doc, 5, 9, "ORG")]  # NER's reading of it on a longer report
    entities = find_entities(Parsed(Article(id="t", text=text), doc), FactSheet(id="t", text=text))
    assert holder(entities, "Madhya Pradesh").type == "PLACE"
    assert holder(entities, "Bhorwa") is not holder(entities, "Madhya Pradesh")


def test_a_campus_after_at_stays_in_the_universitys_name(nlp):
    text = "She studied at the University of Nebraska at Omaha before moving abroad."
    doc = nlp(text)
    start = next(t.i for t in doc if t.text == "University") - 1
    doc.ents = [Span(doc, start, start + 6, "ORG")]  # NER's reading of it on a longer report
    entities = find_entities(Parsed(Article(id="t", text=text), doc), FactSheet(id="t", text=text))
    assert holder(entities, "the University of Nebraska at Omaha").type == "ORG"


def test_an_indefinite_article_is_no_part_of_a_name(nlp):
    text = "A Licensing Act review will start in June."
    doc = nlp(text)
    doc.ents = [Span(doc, 0, 3, "WORK_OF_ART")]  # NER's reading of it on a longer report
    entities = find_entities(Parsed(Article(id="t", text=text), doc), FactSheet(id="t", text=text))
    assert [m.text for e in entities for m in e.mentions] == ["Licensing Act"]


def test_a_monarchs_number_is_part_of_the_name(nlp):
    text = "The chapel was built when King Edmund I ruled the valley."
    doc = nlp(text)
    start = next(t.i for t in doc if t.text == "King")
    doc.ents = [Span(doc, start, start + 2, "PERSON")]  # NER leaves the number out
    entities = find_entities(Parsed(Article(id="t", text=text), doc), FactSheet(id="t", text=text))
    assert holder(entities, "King Edmund I").type == "PERSON"


@pytest.mark.parametrize("text, law, kept", [
    ("The court struck down the Rural Broadband Act on Tuesday.", (4, 8), True),
    ("Talks resume in Round 2 next week.", (3, 5), False),
])
def test_a_law_ner_finds_is_a_work_when_its_name_ends_as_a_laws(nlp, text, law, kept):
    doc = nlp(text)
    doc.ents = [Span(doc, *law, "LAW")]  # NER's label for laws, and for some tallies
    entities = find_entities(Parsed(Article(id="t", text=text), doc), FactSheet(id="t", text=text))
    assert [e.type for e in entities] == (["WORK"] if kept else [])


def test_a_court_of_law_is_an_organisation(nlp):
    text = "Ann Price, a judge at the Supreme Court, ruled against the council on Monday."
    assert holder(entities_of(nlp, text), "the Supreme Court").type == "ORG"


def test_a_name_beside_a_band_is_an_organisation(nlp):
    entities = entities_of(nlp, "The two men formed the band Salt Harbour in 1991 and broke up in 2003.")
    assert holder(entities, "Salt Harbour").type == "ORG"


def test_a_name_after_a_place_noun_that_hangs_on_a_person_noun_is_no_place(nlp):
    text = "The UN monitor for the province, Amadou Keita, said the two sides had left."
    doc = nlp(text)
    doc.ents = [Span(doc, 1, 2, "ORG"), Span(doc, 7, 9, "ORG")]  # NER's labels on a longer report
    entities = find_entities(Parsed(Article(id="t", text=text), doc), FactSheet(id="t", text=text))
    assert holder(entities, "Amadou Keita").type != "PLACE"


def test_full_name_with_a_title_is_also_a_mention_without_it(nlp):
    entities = entities_of(nlp, "Transport Secretary Olivia Brandt visited the depot on Monday.")
    person = holder(entities, "Olivia Brandt")
    assert any(m.text.endswith("Secretary Olivia Brandt") for m in person.mentions)


def test_surname_with_a_form_of_address_keeps_it(nlp):
    entities = entities_of(nlp, "Mr Hale and Mrs Hale both stood for the council.")
    assert not any(m.text == "Hale" for e in entities for m in e.mentions)
    assert holder(entities, "Mr Hale") is not holder(entities, "Mrs Hale")


def test_lone_word_after_a_place_and_a_comma_is_the_town_it_is_in(nlp):
    entities = entities_of(nlp, "She was born at Orchard Road, Tibbington, in 1951 and trained as a nurse.")
    assert all(e.type != "PERSON" for e in entities if any(m.text == "Tibbington" for m in e.mentions))


def test_role_between_two_names_belongs_to_the_name_after_it(nlp):
    text = "In a statement to Le Figaro, the mayor of Lyon, Gregory Doucet, said the museum would reopen."
    entities = entities_of(nlp, text)
    assert holder(entities, "Le Figaro").type != "PERSON"
    assert all(m.text != "the mayor of Lyon" for m in holder(entities, "Le Figaro").mentions)


def test_a_plural_name_with_no_first_name_is_a_group(nlp):
    entities = entities_of(nlp, "The Lib Blues polled 30 per cent, ahead of the Whigs.")
    assert holder(entities, "The Lib Blues").type == "ORG"


def test_councillor_is_a_form_of_address(nlp):
    entities = entities_of(nlp, "Mara Quill won the seat. In her speech, Councillor Quill thanked her team.")
    assert holder(entities, "Councillor Quill") is holder(entities, "Mara Quill")


def test_a_lower_case_place_noun_after_a_name_is_part_of_it(nlp):
    text = "The train left the tracks in the Dorva valley near the Ostrana tunnel. The valley was closed."
    entities = entities_of(nlp, text)
    valley = holder(entities, "The valley")
    assert valley.type == "PLACE" and any(m.text == "Dorva valley" for m in valley.mentions)


def test_a_subdivision_ner_calls_a_person_is_a_place(nlp):
    entities = entities_of(nlp, "Officials in Umbria said the line would reopen on Monday.")
    assert holder(entities, "Umbria").type == "PLACE"


def test_a_name_after_a_kinship_noun_and_of_is_a_person(nlp):
    entities = entities_of(nlp, "The brooch belonged to Beatrix, the second wife of Lorenzo, who died in 1840.")
    assert holder(entities, "Lorenzo").type == "PERSON"


def test_a_plural_looking_surname_after_a_first_name_of_no_clear_gender_stays_a_person(nlp):
    entities = entities_of(nlp, "His Acme counterparts, Kim Haynes and Owen Carrick, met him in July.")
    assert holder(entities, "Kim Haynes").type == "PERSON"


def test_a_full_name_ending_a_longer_name_is_the_person(nlp):
    text = "Director of Fire Services Andrew Loh said two men died. Loh said the blaze was contained."
    entities = entities_of(nlp, text)
    assert holder(entities, "Andrew Loh") is holder(entities, "Loh")


def test_a_full_name_ending_a_longer_name_keeps_a_given_name_written_after_the_surname(nlp):
    text = "Director of Fire Services Andy Lam Ka-wing said crews were safe. Lam said two men were hurt."
    entities = entities_of(nlp, text)
    assert holder(entities, "Andy Lam Ka-wing") is holder(entities, "Lam")
    assert holder(entities, "Lam").type == "PERSON"


@pytest.mark.parametrize("text, name", [
    ("Several buildings burned in the Lai Chi Wan district on Sunday.", "Lai Chi Wan"),
    ("Several buildings burned in the Ngau Chi Tam neighborhood on Sunday.", "Ngau Chi Tam"),
    ("Floods cut off villages in the Marwadi district on Sunday.", "Marwadi"),
])
def test_a_name_an_area_noun_follows_is_a_place_whatever_ner_says(nlp, text, name):
    place = holder(entities_of(nlp, text), name)
    assert place.type == "PLACE" and {m.text for m in place.mentions} == {name, f"{name} {text.split(name)[1].split()[0]}"}


def test_a_portfolio_before_a_ministers_title_is_no_organisation(nlp):
    entities = entities_of(nlp, "Interior Minister Pascal Duval said the smugglers were well organised.")
    assert not any(e.type == "ORG" and e.name == "Interior" for e in entities)
    assert holder(entities, "Pascal Duval").type == "PERSON"


def test_a_verb_opening_a_name_ner_ran_on_from_is_no_part_of_it(nlp):
    entities = entities_of(nlp, "Defending Amy Lowe, Sam Ito said the fine was too high.")
    assert holder(entities, "Amy Lowe").type == "PERSON"
    assert not any(m.text.startswith("Defending") for e in entities for m in e.mentions)


def test_a_name_after_surnamed_is_a_person_in_every_mention(nlp):
    text = ("A Kelsby Court tenant surnamed Ng told KTV that he was at work. The block is home to many elderly "
            "people, Ng said.")
    entities = entities_of(nlp, text)
    assert holder(entities, "Ng").type == "PERSON"
    assert holder(entities, "Ng") is holder(entities, "Ng", 1)


@pytest.mark.parametrize("text, event", [
    ("She lifted one Challenge Cup in her career.", "Challenge Cup"),
    ("Their 1 Masters Open trophy sat on the shelf.", "Masters Open"),
])
def test_a_name_ner_counts_into_an_amount_is_kept(nlp, text, event):
    assert holder(entities_of(nlp, text), event).type == "EVENT"


def test_a_lower_case_word_ner_runs_a_name_into_is_cut_off(nlp):
    entities = entities_of(nlp, "Sales rose at the Orvane worthy of a prize.")
    assert holder(entities, "the Orvane")


def test_a_party_in_brackets_after_a_councillor_is_the_party(nlp):
    entities = entities_of(nlp, "Council leader Cllr Ann Reid (Lib Dem) said the sale was wrong. Her deputy blamed "
                                "the Liberal Democrats.")
    party = holder(entities, "Lib Dem")
    assert party.type == "ORG"
    assert party is holder(entities, "the Liberal Democrats")
    assert holder(entities, "Cllr Ann Reid").type == "PERSON"


def test_a_decade_before_a_place_is_no_part_of_its_name(nlp):
    entities = entities_of(nlp, "A novel about a nurse in 1970s Glasgow won the prize.")
    assert holder(entities, "Glasgow").type == "PLACE"


def test_a_name_ending_in_a_legal_form_is_a_firm_and_so_is_its_name_without_it(nlp):
    entities = entities_of(nlp, "The association hired lawyers at Whitcombe Sayre LLP. Whitcombe Sayre declined to "
                                "comment.")
    firm = holder(entities, "Whitcombe Sayre LLP")
    assert firm.type == "ORG"
    assert holder(entities, "Whitcombe Sayre") is firm


def test_a_councillor_s_form_of_address_makes_a_person_of_a_name_ner_calls_a_building(nlp):
    entities = entities_of(nlp, "The mayor removed Cllr Olusegun Adebayo-Field from the cabinet on Monday. "
                                "Mr Adebayo-Field said he had no regrets.")
    person = holder(entities, "Cllr Olusegun Adebayo-Field")
    assert person.type == "PERSON"
    assert holder(entities, "Mr Adebayo-Field") is person


def test_a_town_s_name_ner_calls_a_person_is_its_club(nlp):
    entities = entities_of(nlp, "Rovers boss Ian Teale confirmed that Kingsmere had turned down an offer for "
                                "Okafor. Kingsmere Town are top.")
    assert holder(entities, "Kingsmere Town").type == "ORG"
    assert holder(entities, "Ian Teale").type == "PERSON"


def test_a_state_ner_calls_an_organisation_is_a_place_unless_it_plays(nlp):
    entities = entities_of(nlp, "The firm plans to expand into Uttar Pradesh and Madhya Pradesh next year.")
    assert holder(entities, "Uttar Pradesh").type == "PLACE"


def test_the_plural_of_a_named_person_s_surname_is_the_family(nlp):
    entities = entities_of(nlp, "Dean Malloy and his wife Sarah bought the house in 2010. The Malloys said they "
                                "loved the village.")
    assert holder(entities, "Malloys").type == "ORG"
    assert holder(entities, "Malloys") is not holder(entities, "Dean Malloy")


def test_general_hospital_is_no_general(nlp):
    entities = entities_of(nlp, "Nurses at Pennock General Hospital voted to strike. The hospital said wards stayed "
                                "open.")
    hospital = holder(entities, "Pennock General Hospital")
    assert hospital is not None and hospital.type != "PERSON"
    assert not any(e.type == "PERSON" and "Hospital" in e.name for e in entities)


def test_town_after_a_street_named_like_a_person(nlp):
    entities = entities_of(nlp, "Members of the union formed picket lines on Selby Lane, Harwood, from 6am yesterday.")
    town = holder(entities, "Harwood")
    assert town is not None and town.type == "PLACE"


def test_a_building_ner_runs_on_over_in_and_a_town_is_two_places(nlp):
    text = "The mayor thanked supporters at the Lakeview Ballroom in Pemberton on Friday."
    doc = nlp(text)
    start = next(t.i for t in doc if t.text == "Lakeview") - 1
    doc.ents = [Span(doc, start, start + 5, "FAC")]  # NER's reading of it on a longer report
    entities = find_entities(Parsed(Article(id="t", text=text), doc), FactSheet(id="t", text=text))
    assert holder(entities, "Pemberton").type == "PLACE"
    assert holder(entities, "Pemberton") is not holder(entities, "the Lakeview Ballroom")


def test_a_church_named_after_its_saint_is_a_place(nlp):
    entities = entities_of(nlp, "Mourners filled the church of Santa Lucia on Monday. The funeral will be held at "
                                "the Church of St Brannoc in Kelsby.")
    assert holder(entities, "church of Santa Lucia").type == "PLACE"
    assert holder(entities, "the Church of St Brannoc").type == "PLACE"


def test_an_area_noun_after_a_place_is_a_mention_with_it_and_without(nlp):
    entities = entities_of(nlp, "Output fell after delays at the cement works at Mahuli in Satara district. Satara "
                                "has seen floods.")
    place = holder(entities, "Satara district")
    assert place.type == "PLACE" and place is holder(entities, "Satara")
    assert "Satara" in [m.text for m in place.mentions if m.start == place.mentions[0].start]


def test_a_town_ner_reads_as_a_nationality_after_a_preposition_of_place(nlp):
    entities = entities_of(nlp, "She thanked volunteers at the Grand Pavilion in Haddersby on Saturday night.")
    assert holder(entities, "Haddersby").type == "PLACE"
    spoken = entities_of(nlp, "The minister answered in German and then in Hindi.")
    assert not any(m.text == "German" for e in spoken for m in e.mentions)


def test_a_valley_after_a_name_ner_calls_a_product_is_a_place(nlp):
    text = "Rain fell across the Tamber valley all week."
    doc = nlp(text)
    start = next(t.i for t in doc if t.text == "Tamber")
    doc.ents = [Span(doc, start, start + 1, "PRODUCT")]  # NER's reading of it on a longer report
    entities = find_entities(Parsed(Article(id="t", text=text), doc), FactSheet(id="t", text=text))
    assert holder(entities, "Tamber valley").type == "PLACE"


def test_an_owner_and_what_it_owns_read_as_one_name_are_two(nlp):
    entities = entities_of(nlp, "Buyers of flats at Orvane's Riverside Towers complained. Orvane said the work would "
                                "finish soon.")
    assert holder(entities, "Riverside Towers") is not holder(entities, "Orvane")
    assert holder(entities, "Orvane", 0) is holder(entities, "Orvane", 1)


def test_an_owner_and_the_person_after_it_read_as_one_name_are_two(nlp):
    entities = entities_of(nlp, "Outside court, TVP’s Detective Inspector Helen Marsh said justice had been done.")
    assert holder(entities, "TVP").type == "ORG"
    assert holder(entities, "Helen Marsh").type == "PERSON"
    assert not any(m.text.startswith("TVP’s Detective") for e in entities if e.type == "ORG" for m in e.mentions)


def test_a_college_named_for_a_title_keeps_its_possessive(nlp):
    text = "She studied at King's Harbour College for two years."
    doc = nlp(text)
    start = next(t.i for t in doc if t.text == "King")
    doc.ents = [Span(doc, start, start + 4, "ORG")]
    entities = find_entities(Parsed(Article(id="t", text=text), doc), FactSheet(id="t", text=text))
    assert holder(entities, "King's Harbour College").type == "ORG"


def test_a_kind_of_business_opening_a_sentence_is_no_part_of_the_name(nlp):
    entities = entities_of(nlp, "Carmaker Halvorsen Motors said sales fell. Halvorsen Motors will cut 300 jobs.")
    assert holder(entities, "Halvorsen Motors", 0) is holder(entities, "Halvorsen Motors", 1)
    assert not any(m.text.startswith("Carmaker") for e in entities for m in e.mentions)


def test_a_person_and_the_place_they_are_from_read_as_one_name_are_two(nlp):
    text = "Two senators, Maria Okafor of Brantwood and Walt Reinholt of Dunmarsh, voted against the bill."
    doc = nlp(text)
    doc.ents = [doc.char_span(text.index(name), text.index(name) + len(name), label=label)
                for name, label in (("Maria Okafor", "PERSON"), ("Walt Reinholt of Dunmarsh", "ORG"))]
    entities = find_entities(Parsed(Article(id="t", text=text), doc), FactSheet(id="t", text=text))
    assert holder(entities, "Walt Reinholt").type == "PERSON"
    assert holder(entities, "Dunmarsh").type == "PLACE"


def test_a_name_before_based_is_a_place_whatever_ner_calls_it(nlp):
    text = "Ann Lee joined the Tollbridge-based group in 2019."
    doc = nlp(text)
    doc.ents = [doc.char_span(0, 7, label="PERSON"), doc.char_span(text.index("Tollbridge"),
                                                                    text.index("Tollbridge") + 10, label="PRODUCT")]
    entities = find_entities(Parsed(Article(id="t", text=text), doc), FactSheet(id="t", text=text))
    assert holder(entities, "Tollbridge").type == "PLACE"
