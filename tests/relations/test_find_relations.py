"""The relations stage as a whole (relations/__init__.py): each relation once, with its evidence."""

from __future__ import annotations

from newsfacts.nlp import parse
from newsfacts.relations import find_relations
from newsfacts.schema import Article, Entity, FactSheet

from relation_helpers import PERSON, mention


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
