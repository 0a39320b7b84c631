"""Who is in it: people, organisations, places, events and works, each one entity with all its mentions.

spaCy's NER finds the names. The rest is written here because no maintained library does it for news
in English without a large model: repairing NER's typical slips on news, merging the forms a name takes
("Prince Edmund", "Edmund", "the Duke of Glenmoor", "the Duke"), and resolving the pronouns, kinship
descriptions ("his father") and role descriptions ("the chair of the board", later "the chair", "the
34-year-old", "the company") that point back at a person or organisation. The resolver is deliberately
conservative: two different people must never end up in one entity.

The steps, in the order `find_entities` runs them: `names` (with `untagged` and `types`) finds the names,
`merging` (with `short_names`, what a lone name word is and whom it means) makes one cluster per entity of
them, `descriptions` (of people), `clients` ('his client') and `unnamed_people` (people brought in without a name,
and families), the call-backs (`kinds`: what the article or a name says one is; `unnamed`: events, sites, things and bodies never named;
`companies`: "the company"; `callbacks`: "the council", "the town", and where a call-back starts; `evidence`: the one
policy by which a generic call-back such as "the company" or "the town" joins a named one) and
`references` attach what points back at one,
`consistency` takes out of each cluster what the rest of it contradicts, the bodies only described (`unnamed`)
are added after it, `retype` (a model learned from gold) corrects a type the whole entity contradicts, and `output`
writes the clusters as the sheet's entities. `words`, `places`, `candidates`
and `clusters` are what the steps share.
"""

from __future__ import annotations

from ..nlp import Parsed
from ..schema import Entity, FactSheet
from .callbacks import add_place_descriptions, add_settlement_callbacks, add_team_callbacks, refer_to_named_by_head
from .companies import add_organisation_descriptions
from .consistency import remove_contradictions
from .clients import add_clients
from .descriptions import add_elder_and_younger, add_role_descriptions, add_surnamed_descriptions
from .kinds import add_described_kinds, add_kind_descriptions
from .merging import add_first_words_of_companies, cluster_names
from .names import name_candidates
from .output import to_entities
from .references import resolve_group_pronouns, resolve_references
from .retype import retype_clusters
from .unnamed import add_described_bodies, add_introduced_things, add_outlet_self_mentions, add_unnamed_events
from .unnamed_people import (
    add_families, add_headline_subject, add_named_when_called_back, add_person_named_after_lede, add_unnamed_people,
)


def find_entities(parsed: Parsed, sheet: FactSheet) -> list[Entity]:
    """All entities of the article, each with its merged mentions, in order of first mention."""
    doc = parsed.doc
    clusters = cluster_names(doc, parsed.text, name_candidates(doc, parsed.text))
    add_role_descriptions(doc, parsed.text, clusters)
    add_surnamed_descriptions(doc, parsed.text, clusters)
    add_clients(doc, parsed.text, clusters)
    add_unnamed_people(doc, parsed.text, clusters)
    add_person_named_after_lede(doc, clusters)
    add_named_when_called_back(doc, clusters)
    add_headline_subject(doc, parsed.text, clusters)
    add_described_kinds(doc, clusters)
    add_unnamed_events(doc, parsed.text, clusters)
    add_introduced_things(doc, parsed.text, clusters)
    add_outlet_self_mentions(doc, parsed.text, clusters, parsed.article.outlet)
    add_families(doc, parsed.text, clusters)
    add_organisation_descriptions(doc, parsed.text, clusters)
    add_place_descriptions(doc, clusters)
    add_kind_descriptions(doc, clusters)
    refer_to_named_by_head(doc, parsed.text, clusters)
    add_settlement_callbacks(doc, parsed.text, clusters, parsed.article.outlet)
    add_team_callbacks(doc, parsed.text, clusters)
    resolve_references(doc, parsed.text, clusters)
    add_elder_and_younger(doc, parsed.text, clusters)  # after kinship: 'his son' tells who is the elder
    resolve_group_pronouns(doc, parsed.text, clusters)
    remove_contradictions(doc, parsed.text, clusters)  # it reads each entity whole, as every step left it
    # after the pronouns ('his campaign' is of the one 'his' is) and the contradictions: a body's phrase holds its
    # owner's name ('the city council's finance committee'), which is not what the owner is said to be
    add_described_bodies(doc, parsed.text, clusters)
    add_first_words_of_companies(doc, parsed.text, clusters)  # last: they must not draw the call-backs
    retype_clusters(doc, clusters)  # once every mention is known: the learned model reads the whole entity
    return to_entities(doc, parsed.text, clusters)
