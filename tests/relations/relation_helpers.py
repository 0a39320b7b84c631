"""What the relations tests share: a sheet whose entities are made by hand, so that each test checks how
relations are read and not how the entities stage resolves names and pronouns."""

from __future__ import annotations

import re

from newsfacts.nlp import parse
from newsfacts.relations import find_relations
from newsfacts.schema import Article, Entity, FactSheet, Mention

PERSON, ORG, PLACE, WORK = "PERSON", "ORG", "PLACE", "WORK"


def mention(text: str, phrase: str, kind: str = "name", nth: int = 0) -> Mention:
    start = [m.start() for m in re.finditer(rf"\b{re.escape(phrase)}\b", text)][nth]
    return Mention(text=phrase, start=start, end=start + len(phrase), kind=kind)


def relations_of(nlp, text: str, outlet: str | None = None, **entities: tuple[str, list]) -> set[tuple]:
    """(subject name, relation, object name, role) of each relation found in an article of the `outlet`.

    `entities` maps a name to (type, mentions); a mention is a phrase, or (phrase, kind) or (phrase, kind, nth).
    """
    sheet = FactSheet(id="t", text=text, entities=[
        Entity(id=f"E{number}", name=name, type=kind,
               mentions=[mention(text, *(form if isinstance(form, tuple) else (form,))) for form in forms])
        for number, (name, (kind, forms)) in enumerate(entities.items(), start=1)])
    names = {entity.id: entity.name for entity in sheet.entities}
    found = find_relations(parse(Article(id="t", text=text, outlet=outlet), nlp), sheet)
    return {(names[r.subject], r.relation, names[r.object], r.role) for r in found}
