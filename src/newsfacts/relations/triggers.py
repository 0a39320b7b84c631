"""Relations a trigger noun states between its holder and its owner: "his brother Tom", "Acme spokesman Ben Cole"."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from ..schema import Entity, Relation
from .holders import holders_of_conjuncts, title_in_name
from .owners import (OWNING_PREPOSITIONS, couple_owning, employer_taking_on, named_before, owners,
                     owners_before_name, siblings_owning, story_bodies, team_town, works_named_beside)
from .reading import Mentions, bare, is_joined_title, own_mention, sentence, unique
from .tables import ORG, PLACE, Trigger, tables
from .verbs import married

# Relations a "former" or "ex-" undoes: an ex-wife is no wife. A former MP was a member, and the role says so;
# kinship stays whatever happens.
ENDED_BY_FORMER = {"spouse_of"}
# What opens a list set beside a plural noun: "her children, Ann and Tom", "two sons – Tom and Ben".
LIST_OPENERS = {",", ":", "–", "—", "-"}
# The words the tokenizer splits off a kinship noun of marriage: "brother" "-" "in" "-" "law". An in-law is no
# sibling, parent or child, and the fact sheet has no relation for one (lexicon.KINSHIP says so of the whole word).
IN_LAW = ["-", "in", "-", "law"]


def trigger_relations(doc: Doc, mentions: Mentions) -> Iterator[Relation]:
    table = tables()
    bodies = story_bodies(mentions)
    sentence_numbers = {sent.start: number for number, sent in enumerate(doc.sents)}
    couple: list[Entity] = []  # the spouses named last, and the sentence naming or calling them back
    couple_sentence = -2
    siblings: list[Entity] = []  # the brothers or sisters named last, and the sentence naming them
    siblings_sentence = -2
    siblings_listed: dict[int, list[Entity]] = {}  # the children a plural kinship noun lists, by the noun
    for noun in mentions.tokens:
        # A noun the tagger took for a verb still modifies the name after it: "Acme defender Tom Reed".
        # So is one taken for an adjective that a copula gives an owner: "Tom was chief of Acme".
        pos, dep = noun.pos_, noun.dep_  # read once: spaCy looks each up in its string store
        is_noun = pos in ("NOUN", "PROPN") or dep == "compound" or pos == "ADJ" and dep == "attr" and any(
            child.dep_ == "prep" and child.lower_ in OWNING_PREPOSITIONS for child in noun.children)
        trigger = trigger_of(noun.lemma_.lower() if pos != "VERB" else noun.lower_) if is_noun else None
        if trigger is not None and by_marriage(noun):  # tested after the table: most nouns are no trigger
            trigger = None
        if trigger is None:
            if pos == "VERB" and noun.lemma_.lower() in table.marriage_verbs and (
                    pairs := married(noun, mentions)):  # "she married Tom ... their son": the couple's
                couple, couple_sentence = list(pairs[-1]), sentence_numbers[noun.sent.start]
            continue
        titled = title_in_name(noun, trigger, mentions)
        around = mentions.of_token(noun)
        if titled is None and around and around[0].kind == "name":
            continue  # part of a name: "the Players Championship"
        words = modifiers(noun)
        former = bool(words & table.past)
        if former and trigger.relation in ENDED_BY_FORMER:
            continue
        if trigger.relation == "author_of" and words & table.not_authored:
            continue
        role = role_of(noun, mentions) if trigger.gives_role else None
        if role and former:
            role = f"former {role}"
        owner_types = trigger.owner_types
        if trigger.relation == "works_for" and role and set(role.split()) & table.public_offices:
            owner_types |= {PLACE}  # "the city manager of Tamford" works for the town
        found_owners = [o for o in owners(noun, trigger, mentions) if o.type in owner_types]
        if not found_owners and (first := first_of_joined_titles(noun, trigger)) is not None:
            # "Acme president and chief executive Ann Lee": the owner of the first title owns the second
            found_owners = [o for o in owners(first, trigger, mentions) if o.type in owner_types]
        if titled is not None:
            found_owners += [o for o in owners_before_name(titled[0], noun, mentions) if o.type in owner_types]
        if not found_owners and trigger.relation == "author_of" and trigger.holder_is_subject:
            found_owners = works_named_beside(noun, mentions)
        if not found_owners and noun.lemma_.lower() in table.club_titles and (town := team_town(noun, mentions)):
            found_owners = [town]
        if not found_owners and trigger.gives_role and (employer := employer_taking_on(noun, mentions)):
            found_owners = [employer] if employer.type in owner_types else []
        if not found_owners and role in bodies and not names_owner_unread(noun):
            found_owners = [bodies[role]]
        sentence_number = sentence_numbers[noun.sent.start]
        listing = listing_noun(noun, trigger) if not found_owners else None
        if listing is not None:  # "her three children: daughters Ann and Mia and son Tom" are her children
            found_owners = [o for o in owners(listing, trigger, mentions) if o.type in owner_types]
        kin_noun = listing if listing is not None else noun
        # "She married Tom. She is survived by their son": the son is the couple's, not hers alone.
        if couple and {owner.id for owner in found_owners} <= {spouse.id for spouse in couple} \
                and trigger.relation == "parent_of" and not trigger.holder_is_subject \
                and couple_owning(kin_noun, mentions, sentence_number, couple_sentence):
            found_owners, couple_sentence = couple, sentence_number
        # "His brother, Tom, ... and their mother, Ann": she is the mother of both.
        if siblings and not found_owners and siblings_owning(noun, trigger, mentions, sentence_number,
                                                              siblings_sentence):
            found_owners = siblings
        owner_ids = {owner.id for owner in found_owners}
        found_holders = [titled[1]] if titled is not None else holders_of_conjuncts(noun, trigger, mentions)
        if found_owners and trigger.relation == "parent_of" and not trigger.holder_is_subject:
            # "his sons, Tom and Ben", "her children – son Tom and daughter Ann": the children one plural noun lists
            siblings_listed.setdefault(kin_noun.i, []).extend(
                holder for holder in found_holders if holder.id not in owner_ids)
        for owner in unique(found_owners):
            relation = relation_to(owner, noun, trigger, mentions)
            if relation is None:
                continue
            for holder in found_holders:
                if holder.id in owner_ids:
                    continue  # "her husband, X, and their daughters": X owns the daughters, he is not one
                subject, obj = (holder, owner) if trigger.holder_is_subject else (owner, holder)
                if relation == "spouse_of":
                    couple, couple_sentence = [subject, obj], sentence_number
                elif relation == "sibling_of" and found_owners is not siblings:
                    siblings, siblings_sentence = [subject, obj], sentence_number
                yield Relation(subject=subject.id, relation=relation, object=obj.id, role=role,
                               evidence=sentence(noun))
    for index, children in siblings_listed.items():
        children = unique(children)
        yield from (Relation(subject=first.id, relation="sibling_of", object=second.id, evidence=sentence(doc[index]))
                    for number, first in enumerate(children) for second in children[number + 1:])


def relation_to(owner: Entity, noun: Token, trigger: Trigger, mentions: Mentions) -> str | None:
    """The relation a trigger noun states with this owner. A country or person employs the holder of a
    government title; a party's people are its members, and so are the chair or leader of a legislature or
    an association; a politician's title owned by a government department is a job there, and owned by any other
    organisation says nothing ("MP for Leeds" names a seat, "Transport minister" a portfolio, and so does
    "Health" in "Health Secretary")."""
    table = tables()
    if owner.type in trigger.employs_when_owned_by:
        return "works_for"
    if owner.type == ORG and bare(owner.name) in table.portfolios:
        return None  # "Health Secretary Ann Lee": NER's organisation "Health" is her portfolio
    kind = mentions.body_kind(owner)
    word = noun.lemma_.lower()
    if word in table.party_roles and owner.type == ORG and kind not in ("party", "legislature"):
        if mentions.last_words(owner) & table.electoral_fronts:
            return "member_of"  # "the candidate of the Acme Alliance"
        # "a junior minister at the Department of Rivers" works there
        ends = {word for form in mentions.forms(owner) if form for word in (form.split()[0], form.split()[-1])}
        return "works_for" if ends & table.government_departments else None
    if trigger.relation == "works_for" and (kind == "party" or kind in ("legislature", "association")
                                            and word in table.member_titles):
        return "member_of"
    return trigger.relation


def trigger_of(word: str) -> Trigger | None:
    """The trigger a noun is, by the tables or, for the many names of sciences' and crafts' practitioners, by its
    ending ('epidemiologist', 'statistician', 'podiatrist'): a job."""
    table = tables()
    if word in table.triggers:
        return table.triggers[word]
    return table.triggers["scientist"] if word.endswith(table.job_endings) else None


def first_of_joined_titles(noun: Token, trigger: Trigger) -> Token | None:
    """The title a title is joined to by 'and' with no determiner or possessor of its own, when both are of one
    relation: 'president' for 'chief executive' in 'Acme president and chief executive Ann Lee', one person's two
    titles. 'The president and the chief executive' are two people."""
    first = noun.head
    if not is_joined_title(noun) or (joined := trigger_of(first.lemma_.lower())) is None \
            or joined.relation != trigger.relation:
        return None
    return first


def names_owner_unread(noun: Token) -> bool:
    """Whether a name the steps could not read as an owner modifies a title: 'Acme' in 'Acme chief executive Ann
    Lee' when Acme is no organisation of the sheet. The text names the employer, so the story's own company
    is not to be assumed."""
    return any(child.dep_ in ("compound", "nmod", "poss") and child.pos_ == "PROPN" and child.text[:1].isupper()
               and trigger_of(child.lower_) is None for child in noun.lefts)


def by_marriage(noun: Token) -> bool:
    """Whether a noun is the first part of an in-law's: 'brother' in 'brother-in-law'."""
    return [token.lower_ for token in noun.doc[noun.i + 1:noun.i + 1 + len(IN_LAW)]] == IN_LAW


def listing_noun(noun: Token, trigger: Trigger) -> Token | None:
    """The plural noun of the same relation whose list a noun stands in: 'son' in 'their three children –
    daughters Ann and Mia and son Tom' or 'her two children, daughter Ann and son Tom', however the parse joins
    the list to it (in apposition, or joined by 'and' to the plural noun itself)."""
    item = noun.head if noun.dep_ == "compound" else noun
    if item.i == noun.i and noun.dep_ not in ("conj", "appos"):
        return None
    doc = noun.doc
    listing = None
    while item.dep_ in ("conj", "appos") and item.head.i < item.i:
        item = item.head
        listed = trigger_of(item.lemma_.lower()) if item.tag_ in ("NNS", "NNPS") else None
        if listed is not None and listed.relation == trigger.relation and item.i + 1 < len(doc) \
                and doc[item.i + 1].text in LIST_OPENERS:
            listing = item
    return listing


def role_of(noun: Token, mentions: Mentions) -> str:
    """The job title as written: the noun with the plain words right before it ("communications secretary")."""
    start = noun.i
    while start > 0:
        previous = noun.doc[start - 1]
        if previous.head.i < start or previous.dep_ not in ("compound", "amod") or own_mention(
                previous, noun, mentions):
            break
        if previous.lower_ in tables().past or previous.lower_ in mentions.organisations or any(
                named_before(previous, mentions)) or previous.text[:1].isupper() and (
                previous.lower_ not in tables().portfolios and mentions.organisation_with_words(previous.text)):
            break
        start -= 1
    return noun.doc[start:noun.i + 1].text.lower()


def modifiers(noun: Token) -> set[str]:
    """The words before a noun, and before the noun it is joined to when it has no determiner of its own: in
    "the former governor and Acme director", "former" is said of both."""
    words = {child.lower_ for child in noun.lefts}
    words |= {token.lower_ for token in noun.doc[noun.left_edge.i:noun.i]}
    if noun.dep_ == "conj" and not any(child.dep_ in ("det", "poss") for child in noun.children):
        words |= modifiers(noun.head)
    return words
