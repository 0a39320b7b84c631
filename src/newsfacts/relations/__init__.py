"""How they relate: kinship, jobs, membership, authorship and location, as the text states them.

Most relations hang on a trigger noun from data/roles.json, lexicon.KINSHIP and data/relations.json
("father", "secretary", "counterparts", "memoir"). One party is its owner: a possessor ("his father", "the
King's secretary"), an organisation modifying it ("Acme spokesman") or an "of"/"at" phrase ("director of
Acme"). The other is the holder, the one the noun phrase names: the entity it is a mention of (the entities
stage attaches "his father" to the father), a name set beside it ("his brother Tom", "Tom, her brother,",
"counterparts, A and B"), the subject of a copula ("Tom is her brother") or of an "as" phrase ("Tom served as
director of Acme"). "Their son" and "the couple's son" are the son of the spouses named last; a title with no
owner written is the story's one company, club or museum's ("the club" calls it back). A few verbs state the
rest ("X wrote Y", "X married Y", "X works for Y", "X signed for Y", "X heads Y", "X joined Y", "Y, based in
Z"), and so do a place set after a name ("the Acme Institute in Leeds", "Elm Close, Leeds, Yorkshire") or
opening a place's description ("the Leeds smelter", "the Yorkshire town of Leeds"), an organisation in an "of"
phrase after a person's name ("Ian Reed, of Kent Police"), a party's plural introducing a list of names
("three Democrats – A, B and C") and a byline over the outlet its writer writes for ("By Ann Lee" over "The
Norvale Gazette"). Each
relation keeps its sentence as evidence. Nothing is guessed: a possessive pronoun that the entities stage did
not resolve gives no relation.

The steps, in the order `find_relations` runs them: `triggers` (the nouns), `verbs`, `places`,
`affiliations` and `bylines`; `tables` (the word tables) and `reading` (the article's mentions, and the parse
helpers the steps share) are what they share.

Written by hand over spaCy's parse because no maintained library extracts these relations from news
without a trained relation model.
"""

from __future__ import annotations

from ..nlp import Parsed
from ..schema import FactSheet, Relation
from .affiliations import (affiliations, named_with, party_lists, party_members, possessed_bodies,
                           possessed_parties)
from .bylines import byline_relations
from .places import (place_pairs, places_describing, places_in, places_of_a_kind, possessed_places,
                     sites_named_after)
from .reading import Mentions
from .triggers import trigger_relations
from .verbs import verb_relations

SYMMETRIC = {"sibling_of", "spouse_of"}
# Parts of an organisation whose members are theirs, not the whole's: a council's committees.
COMMITTEES = {"committee", "commission", "panel", "subcommittee"}


def find_relations(parsed: Parsed, sheet: FactSheet) -> list[Relation]:
    """Relations the article states between its entities, once each, with the first sentence stating it.

    >>> # "Ann's brother, Tom Lee, works for Acme." → sibling_of(Tom Lee, Ann), works_for(Tom Lee, Acme)
    """
    mentions = Mentions(parsed.doc, sheet)
    doc = parsed.doc
    relations: dict[tuple[str, str, str], Relation] = {}
    steps = (trigger_relations, verb_relations, place_pairs, places_in, possessed_places, places_describing,
             sites_named_after, places_of_a_kind, affiliations, named_with, possessed_parties, possessed_bodies,
             party_members, party_lists)
    found = [relation for step in steps for relation in step(doc, mentions)]
    found += byline_relations(parsed.text, mentions, parsed.article.outlet)  # the one step that reads the article's outlet
    for relation in found:
        part = mentions.by_id[relation.object]
        if (relation.relation == "works_for" or relation.relation == "member_of"
                and not mentions.last_words(part) & COMMITTEES) and (whole := mentions.whole_of(part)):
            # one works for the organisation, not for its unit or department, and sits on its board or plays in its
            # youth side as its member; a committee's members are its own ('the council's audit committee')
            relation.object = whole.id
        if relation.subject == relation.object:
            continue
        ends = (relation.subject, relation.object)
        key = (relation.relation, *(sorted(ends) if relation.relation in SYMMETRIC else ends))
        known = relations.setdefault(key, relation)
        if known.role is None and relation.role:
            known.role = relation.role
    return without_unnamed_spouses(list(relations.values()), sheet)


def without_unnamed_spouses(relations: list[Relation], sheet: FactSheet) -> list[Relation]:
    """Leave out a marriage to a spouse known only by a description ('her husband') when the person has one to
    a named spouse: the entities stage did not join the two, and they are almost always one person."""
    named = {entity.id for entity in sheet.entities if any(mention.kind == "name" for mention in entity.mentions)}
    married_by_name = {end for relation in relations if relation.relation == "spouse_of"
                       and {relation.subject, relation.object} <= named for end in (relation.subject, relation.object)}
    return [relation for relation in relations if relation.relation != "spouse_of" or not (
        relation.subject in married_by_name and relation.object not in named
        or relation.object in married_by_name and relation.subject not in named)]
