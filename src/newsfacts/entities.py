"""Who is in it: people, organisations, places, events and works, each with all its mentions."""

from __future__ import annotations

from .nlp import Parsed
from .schema import Entity, FactSheet, Mention

SPACY_TYPES = {"PERSON": "PERSON", "ORG": "ORG", "NORP": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE",
               "EVENT": "EVENT", "WORK_OF_ART": "WORK", "PRODUCT": "WORK"}


def find_entities(parsed: Parsed, sheet: FactSheet) -> list[Entity]:
    groups: dict[tuple[str, str], list[Mention]] = {}
    for ent in parsed.doc.ents:
        kind = SPACY_TYPES.get(ent.label_)
        if kind:
            groups.setdefault((ent.text, kind), []).append(
                Mention(text=ent.text, start=ent.start_char, end=ent.end_char))
    return [Entity(id=f"E{n}", name=name, type=kind, mentions=mentions)
            for n, ((name, kind), mentions) in enumerate(groups.items(), start=1)]


def entity_at(sheet: FactSheet, start: int, end: int) -> Entity | None:
    """The entity one of whose mentions overlaps the span [start, end)."""
    for entity in sheet.entities:
        for mention in entity.mentions:
            if mention.start < end and start < mention.end:
                return entity
    return None
