"""Places inside places, and organisations in places, from how the names are set: "Springfield, Illinois",
"the Acme Institute in Leeds"."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from ..schema import Relation
from .reading import Mentions, sentence, token_at
from .tables import ORG, PLACE


def ends_place_name(doc: Doc, end: int) -> bool:
    """Whether what follows a place name lets it close an address: punctuation, a preposition or a date."""
    following = token_at(doc, end)
    return following is None or following.is_punct or following.pos_ == "ADP" or following.ent_type_ in (
        "DATE", "TIME")


def place_pairs(doc: Doc, mentions: Mentions) -> Iterator[Relation]:
    """"Springfield, Illinois": a place named and then the place it lies in, outside of a list."""
    places = sorted((m for m, e in mentions.items if e.type == PLACE and m.kind == "name"), key=lambda m: m.start)
    text = doc.text
    list_joints = {",", "and", "or", ", and", ", or"}
    for index, (inner, outer) in enumerate(zip(places, places[1:])):
        inner_entity, outer_entity = mentions.starting[inner.start][1], mentions.starting[outer.start][1]
        if text[inner.end:outer.start].strip() != "," or inner_entity.id == outer_entity.id:
            continue
        if not ends_place_name(doc, outer.end):
            continue  # "with Norland, Vestia should sue": the second name starts a clause
        later = places[index + 2] if index + 2 < len(places) else None
        earlier = places[index - 1] if index > 0 else None
        if text[outer.end:].lstrip().startswith(("and ", "or ")) or (
                later and text[outer.end:later.start].strip() in list_joints) or (
                earlier and text[earlier.end:inner.start].strip() in list_joints):
            continue  # "Paris, Rome and Oslo" is a list, not a place inside another
        if token := token_at(doc, inner.start):
            yield Relation(subject=inner_entity.id, relation="located_in", object=outer_entity.id,
                           evidence=sentence(token))


def places_in(doc: Doc, mentions: Mentions) -> Iterator[Relation]:
    """'the Acme Institute in Leeds', 'Acme, a firm in the town of Leeds': a name and the place an 'in' set
    after it names."""
    for preposition in doc:
        if preposition.lower_ != "in" or preposition.dep_ != "prep":
            continue
        named = mentions.of_token(preposition.head)
        if named is None and preposition.head.dep_ == "appos":
            named = mentions.of_token(preposition.head.head)
        if named is None or named[0].kind != "name" or named[1].type not in (ORG, PLACE):
            continue
        for target in (child for child in preposition.children if child.dep_ == "pobj"):
            if mentions.of_token(target) is None:  # "the town of Leeds"
                target = next((grandchild for of in target.children if of.dep_ == "prep" and of.lower_ == "of"
                               for grandchild in of.children if grandchild.dep_ == "pobj"), target)
            place = mentions.of_token(target)
            if place and place[0].kind == "name" and place[1].type == PLACE and place[1].id != named[1].id:
                yield Relation(subject=named[1].id, relation="located_in", object=place[1].id,
                               evidence=sentence(target))
