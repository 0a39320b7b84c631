"""Political and public bodies NER misses (entities/bodies.py), one rule per test, each on a short sentence of its
own."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from newsfacts.entities import find_entities
from newsfacts.nlp import Parsed
from newsfacts.schema import Article, FactSheet

from entity_helpers import entities_of, holder


@pytest.mark.parametrize("text, body", [
    ("The final count gave the Greens 9, Labour 7 and independents 3.", "Labour"),
    ("The minister was heckled in the Knesset on Monday.", "Knesset"),
    ("A Sinn Féin TD raised the closure with the minister.", "Sinn Féin"),
])
def test_a_party_or_legislature_named_alone_is_an_organisation(nlp, text, body):
    doc = nlp(text)
    doc.ents = [ent for ent in doc.ents if body not in ent.text]  # as NER misses them on longer reports
    entities = find_entities(Parsed(Article(id="t", text=text), doc), FactSheet(id="t", text=text))
    assert holder(entities, body).type == "ORG"


def test_a_partys_member_ner_runs_into_the_party_is_two_names(nlp):
    text = "Ward boundaries were redrawn.\nPlaid Cymru's Cllr Priya Mandal said the change was unfair."
    doc = nlp(text)
    start = next(t.i for t in doc if t.text == "Plaid")
    doc.ents = [Span(doc, start, start + 6, "PERSON")]  # NER's reading of it on a longer report
    entities = find_entities(Parsed(Article(id="t", text=text), doc), FactSheet(id="t", text=text))
    assert holder(entities, "Plaid Cymru").type == "ORG"
    assert holder(entities, "Priya Mandal").type == "PERSON"


def test_a_public_body_opened_by_a_known_place_mentions_the_place(nlp):
    text = "The Kerala Health Department said the clinics would reopen."
    doc = nlp(text)
    doc.ents = [Span(doc, 0, 4, "ORG")]  # NER's reading of it on a longer report
    entities = find_entities(Parsed(Article(id="t", text=text), doc), FactSheet(id="t", text=text))
    assert holder(entities, "Kerala").type == "PLACE"
    assert holder(entities, "The Kerala Health Department").type == "ORG"


def test_a_county_opening_a_council_is_not_cut_to_its_first_word(nlp):
    text = "Kent County Council approved the budget on Monday."
    doc = nlp(text)
    doc.ents = [Span(doc, 0, 3, "ORG")]
    entities = find_entities(Parsed(Article(id="t", text=text), doc), FactSheet(id="t", text=text))
    assert not [e for e in entities if e.type == "PLACE"]


@pytest.mark.parametrize("text, seat", [
    ("She was elected to represent Morven and Lochy in 1992.", "Morven and Lochy"),
    ("Ann Dale, the Green MP for Wexcombe and Dunmore, apologised.", "Wexcombe and Dunmore"),
])
def test_a_representatives_seat_is_one_place_and_and_all(nlp, text, seat):
    entities = entities_of(nlp, text)
    assert holder(entities, seat).type == "PLACE"


@pytest.mark.parametrize("text, party", [
    ("He lost as the Conservative candidate in 1997.", "Conservative"),
    ("The former Conservative transport minister spoke first.", "Conservative"),
    ("Ann Dale, the Green MP for Wexcombe and Dunmore, apologised.", "Green"),
])
def test_a_partys_word_before_a_role_is_the_party(nlp, text, party):
    assert holder(entities_of(nlp, text), party).type == "ORG"


def test_a_nationality_before_a_role_is_no_party(nlp):
    entities = entities_of(nlp, "The British candidate finished fourth.")
    assert all(m.text != "British" for e in entities for m in e.mentions)


@pytest.mark.parametrize("text, body", [
    ("The museum and the French government are both to blame, she said.", "French government"),
    ("In 2021 a British court fined the firm.", "a British court"),
])
def test_a_nationality_before_a_noun_for_a_state_body_names_the_body(nlp, text, body):
    assert holder(entities_of(nlp, text), body).type == "ORG"
