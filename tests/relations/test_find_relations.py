"""The relations stage as a whole (relations/__init__.py): each relation once, with its evidence."""

from __future__ import annotations

import pytest

from newsfacts.nlp import parse
from newsfacts.relations import find_relations
from newsfacts.schema import Article, Entity, FactSheet

from relation_helpers import ORG, PERSON, mention, relations_of


def test_each_relation_once_with_the_first_sentence_as_evidence(nlp):
    text = "Paul Ames's sister Clara Ames runs the farm. Clara Ames's brother Paul Ames sold it."
    sheet = FactSheet(id="t", text=text, entities=[
        Entity(id="E1", name="Paul Ames", type=PERSON, mentions=[mention(text, "Paul Ames"),
                                                                 mention(text, "Paul Ames", nth=1)]),
        Entity(id="E2", name="Clara Ames", type=PERSON, mentions=[mention(text, "Clara Ames"),
                                                                  mention(text, "Clara Ames", nth=1)])])
    found = find_relations(parse(Article(id="t", text=text), nlp), sheet)
    assert len(found) == 1 and found[0].relation == "sibling_of"
    assert found[0].evidence == "Paul Ames's sister Clara Ames runs the farm."


def test_a_spouse_known_only_by_a_description_is_left_out_beside_a_named_one(nlp):
    text = "Tom Reed was jailed. His wife Ann Reed was cleared. Ann Reed said her husband had lied to her."
    sheet = FactSheet(id="t", text=text, entities=[
        Entity(id="E1", name="Tom Reed", type=PERSON, mentions=[mention(text, "Tom Reed"),
                                                                mention(text, "His", kind="pronoun")]),
        Entity(id="E2", name="Ann Reed", type=PERSON, mentions=[mention(text, "Ann Reed"),
                                                                mention(text, "Ann Reed", nth=1),
                                                                mention(text, "her", kind="pronoun")]),
        Entity(id="E3", name="Ann Reed's husband", type=PERSON,
               mentions=[mention(text, "her husband", "description")])])
    parsed = parse(Article(id="t", text=text), nlp)
    assert [(r.subject, r.relation, r.object) for r in find_relations(parsed, sheet)] == [("E2", "spouse_of", "E1")]
    sheet.entities[1].mentions.pop(0)  # no wife named: the description is all there is
    sheet.entities[1].mentions.pop(0)
    assert ("E3", "spouse_of", "E2") in [(r.subject, r.relation, r.object) for r in find_relations(parsed, sheet)]


@pytest.mark.parametrize("text, unit, kind, expected", [
    ("Sergeant Ivo Petrov, of the Norvale Constabulary's fraud unit, gave evidence.",
     "the Norvale Constabulary's fraud unit", "description", "Constabulary"),
    ("Mia Kern, who joined the Norvale Constabulary's records office in 2019, retired.",
     "the Norvale Constabulary's records office", "description", "Constabulary"),
    ("Sergeant Ivo Petrov, of the Fraud Unit, gave evidence. The Norvale Constabulary declined to comment.",
     "Fraud Unit", "name", "Unit"),
])
def test_a_job_in_an_organisations_unit_is_a_job_at_the_organisation(nlp, text, unit, kind, expected):
    person = "Ivo Petrov" if "Ivo" in text else "Mia Kern"
    found = relations_of(nlp, text, Person=(PERSON, [person]), Constabulary=(ORG, ["Norvale Constabulary"]),
                         Unit=(ORG, [(unit, kind)]))
    assert found == {("Person", "works_for", expected, None)}


@pytest.mark.parametrize("text, part", [
    ("Mia Kern, who sits on Norvale Foods' board, will step down.", "Norvale Foods' board"),
    ("Mia Kern plays for Norvale Rovers' under-21s.", "Norvale Rovers' under-21s"),
])
def test_a_member_of_an_organisations_board_or_side_is_its_member(nlp, text, part):
    whole = part.split("'")[0]
    found = relations_of(nlp, text, Mia=(PERSON, ["Mia Kern"]), Whole=(ORG, [whole]), Part=(ORG, [(part, "description")]))
    assert found == {("Mia", "member_of", "Whole", None)}


def test_a_member_of_a_councils_committee_is_the_committees(nlp):
    text = "Mia Kern, who sits on Norvale Council's audit committee, asked for the accounts."
    found = relations_of(nlp, text, Mia=(PERSON, ["Mia Kern"]), Whole=(ORG, ["Norvale Council"]),
                         Part=(ORG, [("Norvale Council's audit committee", "description")]))
    assert found == {("Mia", "member_of", "Part", None)}
