"""An organisation set after a person's name: "Ian Reed, of Kent Police,"."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from ..lexicon import TITLES_OF_PLACE
from ..schema import Relation
from .reading import Mentions, sentence, token_at
from .tables import ORG, PERSON, PLACE, tables


def affiliations(doc: Doc, mentions: Mentions) -> Iterator[Relation]:
    """'Ian Reed, of Kent Police,', 'Ian Reed of Kent Police': an organisation in an 'of' phrase set after a
    name."""
    government_titles = tables().government_titles
    for mention, person in mentions.items:
        if person.type != PERSON or mention.kind != "name":
            continue
        first = token_at(doc, mention.start)
        titles = {first.lower_, first.nbor(-1).lower_ if first.i else ""} if first is not None else set()
        employer_types = {ORG, PLACE} if titles & government_titles else {ORG}  # "President Ann Roy of Norland"
        if employer_types == {ORG} and titles & TITLES_OF_PLACE:
            continue  # "Count Tom of Acme" holds a title of it
        preposition = token_at(doc, mention.end)
        if preposition is not None and preposition.text == "," and preposition.i + 1 < len(doc):
            preposition = preposition.nbor()
        if preposition is None or preposition.lower_ != "of" or preposition.head.i >= preposition.i:
            continue
        for target in preposition.children:
            if target.dep_ == "pobj" and (employer := mentions.entity_of(target)) and employer.type in employer_types:
                yield Relation(subject=person.id, relation="works_for", object=employer.id, evidence=sentence(target))
