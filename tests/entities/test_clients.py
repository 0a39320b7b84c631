"""A lawyer's client (entities/clients.py): 'his client' is the one person the article says that lawyer acts for,
each rule on a sentence of its own."""

from __future__ import annotations

import pytest

from entity_helpers import entities_of, holder


@pytest.mark.parametrize("text", [
    "Representing Amy Lowe, barrister Sam Ito told the court his client had no previous convictions.",
    "Defending Amy Lowe, Sam Ito said her client had cared for her mother for years.",
])
def test_a_lawyers_client_is_the_person_defended_in_that_sentence(nlp, text):
    entities = entities_of(nlp, text)
    client = next(m.text for e in entities for m in e.mentions if m.text.endswith("client"))
    assert holder(entities, client) is holder(entities, "Amy Lowe")
    assert holder(entities, client) is not holder(entities, "Sam Ito")


def test_a_lawyers_client_is_who_that_lawyer_was_said_to_act_for(nlp):
    text = ("Opening the appeal, Colin Frew KC, for Ian Mott, called the ruling unsafe. Nina Pask, representing "
            "Lucy Mott, disagreed. Mr Frew said his client had been misled. Ms Pask said her client would not settle.")
    entities = entities_of(nlp, text)
    assert holder(entities, "his client") is holder(entities, "Ian Mott")
    assert holder(entities, "her client") is holder(entities, "Lucy Mott")


def test_the_client_of_a_person_named_as_someones_lawyer_is_that_someone(nlp):
    entities = entities_of(nlp, "Martha Quinn's solicitor, Brian Hollis, said his client denied the theft.")
    assert holder(entities, "his client") is holder(entities, "Martha Quinn")


def test_a_client_two_lawyers_of_one_gender_may_have_is_neither(nlp):
    text = ("Colin Frew, for Ian Mott, spoke first. Paul Pask, representing Lucy Mott, spoke next. Later the court "
            "heard that his client had left.")
    assert all(m.text != "his client" for e in entities_of(nlp, text) for m in e.mentions)


def test_a_managers_client_is_the_person_whose_manager_they_were_named(nlp):
    text = "Striker Dario Fenn was released on Friday. Fenn's manager, Otto Brisk, said his client would rest."
    entities = entities_of(nlp, text)
    assert holder(entities, "his client") is holder(entities, "Dario Fenn")
