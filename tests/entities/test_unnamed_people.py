"""People a story brings in without a name, and families (entities/unnamed.py), one rule per test, each on a short
sentence of its own."""

from __future__ import annotations

import pytest

from entity_helpers import entities_of, holder


def test_a_person_brought_in_by_age_and_never_named_is_one_person(nlp):
    text = ("A 16-year-old girl has been charged with arson after a fire at a school in Hull. The teenager appeared "
            "at Hull Youth Court on Monday. She will return to court next month.")
    entities = entities_of(nlp, text)
    assert holder(entities, "The teenager") is holder(entities, "A 16-year-old girl")
    assert holder(entities, "She") is holder(entities, "A 16-year-old girl")


def test_a_family_that_never_speaks_is_no_entity(nlp):
    entities = entities_of(nlp, "Tom Reed moved to York with his family in 1990.")
    assert not any(m.text == "his family" for e in entities for m in e.mentions)


def test_a_family_that_speaks_is_one_organisation_with_its_other_mentions(nlp):
    text = ("Dame Ann Reed, the novelist, died on Monday. In a statement, the Reed family said she had died at home. "
            "Her family asked for privacy.")
    entities = entities_of(nlp, text)
    family = holder(entities, "Her family")
    assert family.type == "ORG" and family is holder(entities, "the Reed family")


LEDE = "By Ruth Allen\n\nKELSBY — A 52-year-old woman has been charged with fraud after an audit of the charity, " \
       "police said.\n\n"


def test_a_person_a_lede_brings_in_by_description_is_the_one_named_as_subject_next(nlp):
    entities = entities_of(nlp, LEDE + "Mirela Dobos was arrested at her home on Friday.")
    assert holder(entities, "A 52-year-old woman") is holder(entities, "Mirela Dobos")


@pytest.mark.parametrize("second", [
    "The charity's treasurer, Mirela Dobos, said the audit was routine.",  # brought in by another description
    "Mirela Dobos, 38, was arrested at her home on Friday.",  # another age
])
def test_a_person_a_lede_brings_in_is_not_one_the_next_sentence_tells_apart(nlp, second):
    entities = entities_of(nlp, LEDE + second)
    assert all(m.text != "A 52-year-old woman" for m in holder(entities, "Mirela Dobos").mentions)


OFFICE_LEDE = "The leader of Kelby Borough Council has survived a vote of no confidence after a long meeting.\n\n"


def test_an_office_a_lede_brings_in_is_the_one_named_as_subject_next(nlp):
    entities = entities_of(nlp, OFFICE_LEDE + "Cllr Ann Marsh, who has led the authority since May, won by 27 to 22.")
    assert holder(entities, "The leader of Kelby Borough Council") is holder(entities, "Ann Marsh")


@pytest.mark.parametrize("second", [
    "Council spokesman Tom Reed said the vote had been close.",
    "Tom Reed, the council's chairman, said the vote had been close.",
])
def test_an_office_a_lede_brings_in_is_not_one_named_with_another_role(nlp, second):
    entities = entities_of(nlp, OFFICE_LEDE + second)
    assert all(not m.text.startswith("The leader") for m in holder(entities, "Tom Reed").mentions)


def test_a_lede_bringing_in_two_people_by_description_names_neither(nlp):
    text = "A man has been charged with assaulting a nurse at Kelsby General. Tom Hale was treated for a broken jaw."
    entities = entities_of(nlp, text)
    assert all(not m.text.startswith("A man") for m in holder(entities, "Tom Hale").mentions)


def test_a_lede_bringing_in_a_relative_too_names_neither(nlp):
    text = "A father from Kelsby has called for an inquiry after his son was left waiting for hours.\n\n" \
           "Cian Dolan, 9, was taken to hospital on Sunday."
    entities = entities_of(nlp, text)
    assert all(not m.text.startswith("A father") for m in holder(entities, "Cian Dolan").mentions)


@pytest.mark.parametrize("text, brought_in, name", [
    ("Two hikers fell into the lake. A driver rowed out to them. The driver, Arvo Kallas, said they were cold.",
     "A driver", "Arvo Kallas"),
    ("A woman was seen leaving the shop. The woman, named as Greta Lind, was arrested later.", "A woman",
     "Greta Lind"),
])
def test_a_person_brought_in_unnamed_is_the_one_named_when_called_back(nlp, text, brought_in, name):
    entities = entities_of(nlp, text)
    assert holder(entities, brought_in) is holder(entities, name)


def test_a_headline_role_with_no_article_is_the_one_person_the_body_calls_so(nlp):
    text = "Former mayor found guilty over depot sale\n\nA jury has found former Kelby mayor Tom Reed guilty of fraud."
    entities = entities_of(nlp, text)
    assert holder(entities, "Former mayor") is holder(entities, "Tom Reed")


def test_a_headline_role_two_people_of_the_body_hold_joins_neither(nlp):
    text = "Minister resigns over leak\n\nPrime Minister Ann Lee accepted the resignation of minister Tom Reed."
    entities = entities_of(nlp, text)
    assert not [e for e in entities if e.type == "PERSON" for m in e.mentions if m.text == "Minister"]
