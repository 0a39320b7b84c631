"""What the relation steps share: the article's mentions by token, and small readings of the parse."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from ..parse import Mentions as MentionIndex, token_index_from
from ..schema import Entity, FactSheet, Mention
from .tables import ORG

RELATIVE_PRONOUNS = {"who", "that", "which"}


class Mentions(MentionIndex):
    """The article's mentions (`parse.Mentions`: the tightest mention around a token wins, because mentions nest),
    and its organisations by the lower-case text of their names."""

    def __init__(self, doc: Doc, sheet: FactSheet):
        super().__init__(doc, sheet.entities)
        self.organisations = {m.text.lower(): e for m, e in self.items if m.kind == "name" and e.type == ORG}


def sentence(token: Token) -> str:
    return token.sent.text.strip()


def token_at(doc: Doc, char: int) -> Token | None:
    """The first token starting at or after character `char`."""
    index = token_index_from(doc, char)
    return doc[index] if index < len(doc) else None


def own_mention(token: Token, noun: Token, mentions: Mentions) -> tuple[Mention, Entity] | None:
    """A mention of `token`, with its entity, that leaves out `noun`: in 'its chief executive', itself a mention
    of the executive, 'its' is not the executive."""
    found = mentions.of_token(token)
    if found is None or found[0].start <= noun.idx < found[0].end:
        return None
    return found


def unique(entities: Iterable[Entity]) -> list[Entity]:
    return list({entity.id: entity for entity in entities}.values())


def entity_of_subject(subject: Token, verb: Token, mentions: Mentions) -> Entity | None:
    """The entity a verb's subject names; a relative pronoun's is the noun its clause hangs on ('Acme, which
    is based in Leeds')."""
    if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        return mentions.entity_of(verb.head)
    return mentions.entity_of(subject)
