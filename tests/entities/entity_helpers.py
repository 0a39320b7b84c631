"""What the entity tests share: the entities of a sentence, and the entity holding a mention."""

from __future__ import annotations

from newsfacts.entities import find_entities
from newsfacts.nlp import parse
from newsfacts.schema import Article, FactSheet


def entities_of(nlp, text: str):
    return find_entities(parse(Article(id="t", text=text), nlp), FactSheet(id="t", text=text))


def holder(entities, text: str, occurrence: int = 0):
    """The entity holding the `occurrence`-th mention whose text is `text`."""
    found = [e for e in entities for m in e.mentions if m.text == text]
    assert len(found) > occurrence, f"no entity holds {text!r}: {[(e.name, [m.text for m in e.mentions]) for e in entities]}"
    return found[occurrence]
