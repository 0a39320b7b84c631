"""Relations a verb states between its subject and its object: "X wrote Y", "X married Y", "X was born to Y",
"X works for Y", "X plays for Y", "X heads Y", "X joined Y", "Y, based in Z"; a player "on loan from Y", and a
work "by X"."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from ..parse import subject_of
from ..schema import Entity, Relation
from .owners import organisation_before
from .reading import RELATIVE_PRONOUNS, Mentions, entity_of_subject, possessive, sentence, unique
from .tables import ORG, PERSON, PLACE, WORK, tables


def subject_entity(verb: Token, mentions: Mentions) -> Entity | None:
    """The entity a verb's subject names; an adjective's is its copula's ('who is married to Y'), a joined verb's
    the first verb's ('resigned and formed Acme')."""
    subject = subject_of(verb, through=("acomp", "conj"))
    return entity_of_subject(subject, subject.head, mentions) if subject is not None else None


def joint_subjects(verb: Token, mentions: Mentions) -> list[Entity]:
    """The entities a verb's subjects name, each joined by 'and' too: Ann and Tom in 'Ann and Tom founded Acme'
    (the parse may give a verb two subjects: 'Co-founders Ann and Tom started Acme')."""
    subjects = [child for child in verb.children if child.dep_ == "nsubj"]
    return [entity for subject in subjects for joined in (subject, *subject.conjuncts)
            if (entity := mentions.entity_of(joined))]


def one_of_those_born(participle: Token, mentions: Mentions) -> Entity | None:
    """The subject of 'X was the second of four children born to Y': one of the noun 'born' is said of."""
    noun = participle.head
    if participle.dep_ != "acl" or noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return None
    one = noun.head.head
    if one.dep_ != "attr" or one.head.lemma_ != "be":
        return None
    subject = next((child for child in one.head.children if child.dep_ == "nsubj"), None)
    return mentions.entity_of(subject) if subject is not None else None


def objects_of(verb: Token, mentions: Mentions, preposition: frozenset[str] = frozenset(),
               direct: bool = True) -> Iterator[Entity]:
    """The entities a verb takes as object when `direct` (or that a plain noun object is set beside: 'published
    a memoir, Low Water,'), or in a phrase with one of the prepositions, also when the parse hangs that phrase
    on an 'as' phrase ('sat as an independent on Tamford Council'). 'Acme played Norvale' says nothing of
    playing for Norvale: the verbs of belonging read their preposition only."""
    children = list(verb.children)
    children += [prep for as_phrase in children if as_phrase.dep_ == "prep" and as_phrase.lower_ == "as"
                 for target in as_phrase.children if target.dep_ == "pobj"
                 for prep in target.children if prep.dep_ == "prep"]
    for child in children:
        targets = [child] if child.dep_ == "dobj" and direct else []
        if child.dep_ in ("prep", "agent") and child.lower_ in preposition:
            targets = [t for t in child.children if t.dep_ == "pobj"]
        for target in targets:
            for token in (target, *target.conjuncts):
                if entity := mentions.entity_of(token):
                    yield entity
                elif token.pos_ == "NOUN":
                    yield from (named[1] for child in token.children if child.dep_ == "appos"
                                and (named := mentions.of_token(child)) and named[0].kind == "name")


def boards_of(verb: Token, mentions: Mentions, prepositions: frozenset[str]) -> Iterator[Entity]:
    """The organisations whose board or committee a verb's phrase names: 'sits on Acme's board', 'serves on the
    board of Acme'. Its members are the organisation's members."""
    bodies = tables().member_bodies["association"]
    for preposition in (child for child in verb.children if child.dep_ == "prep" and child.lower_ in prepositions):
        for body in (child for child in preposition.children if child.dep_ == "pobj"):
            if body.pos_ != "NOUN" or body.lemma_.lower() not in bodies or mentions.entity_of(body) is not None:
                continue
            owners = [child for child in body.children if child.dep_ == "poss"] + [
                target for of in body.children if of.dep_ == "prep" and of.lower_ == "of"
                for target in of.children if target.dep_ == "pobj"]
            for owner in owners:
                if (found := mentions.of_token(owner)) and found[0].kind in ("name", "description") \
                        and found[1].type == ORG:
                    yield found[1]


def married(verb: Token, mentions: Mentions) -> list[tuple[Entity, Entity]]:
    """The two people a marriage verb joins: 'Ann married Tom', 'Ann, who is married to Tom'. Not a wedding to
    come or denied: 'Ann is to marry Tom', 'Ann will marry Tom', 'Ann never married Tom'."""
    if verb.tag_ == "VB" or any(child.dep_ == "neg" for child in verb.children):
        return []
    spouse = subject_entity(verb, mentions)
    if spouse is None:
        return []
    return [(spouse, other) for other in objects_of(verb, mentions, frozenset({"to"}))
            if other.id != spouse.id and types_fit("spouse_of", spouse, other)]


def organisations_objects(verb: Token, mentions: Mentions) -> Iterator[Entity]:
    """The organisations a verb takes as object, or whose part it does: 'heads Acme', 'runs Acme's lab'; an 'it'
    stands for the organisation named last before it ('took over the bank from Tom, who founded it'), as one
    founds, joins or runs only organisations."""
    for target in (child for child in verb.children if child.dep_ == "dobj"):
        entity = mentions.entity_of(target)
        if entity is None and target.lower_ == "it":
            entity = organisation_before(target, mentions)
        if entity is None:
            entity = next((mentions.entity_of(c) for c in target.children if possessive(c)), None)
        if entity is not None and entity.type == ORG:
            yield entity


def based_one(participle: Token, mentions: Mentions) -> Entity | None:
    """What 'based', 'located' or 'founded' is said of: the noun it modifies, the name that noun is set beside
    ('Acme, a firm based in Leeds', 'the Leeds-based firm Acme'), or its subject, through a relative pronoun
    ('Acme, which is based in Leeds')."""
    if participle.dep_ in ("acl", "amod"):
        noun = participle.head
        while noun.dep_ == "compound" and mentions.entity_of(noun) is None:
            noun = noun.head
        based = mentions.entity_of(noun)
        if based is None and noun.dep_ == "appos":
            based = mentions.entity_of(noun.head)
        return based if based is not None or participle.dep_ != "amod" else name_after_descriptor(participle, mentions)
    subject = next((child for child in participle.children if child.dep_ == "nsubjpass"), None)
    return entity_of_subject(subject, participle, mentions) if subject is not None else None


def name_after_descriptor(participle: Token, mentions: Mentions) -> Entity | None:
    """The organisation named after a 'Leeds-based' and the plain words describing it, however the parse hung
    them: 'the Leeds-based paint maker Acme'."""
    doc = participle.doc
    for token in doc[participle.i + 1:min(participle.i + 6, participle.sent.end)]:
        found = mentions.starting.get(token.idx)
        if found is not None:
            return found[1] if found[0].kind == "name" and found[1].type == ORG else None
        if token.is_punct or token.dep_ == "det" or not token.is_alpha:
            return None
    return None


def serving(organisation: Entity, mentions: Mentions) -> str:
    """Working for a party, a legislature or an association is being its member ('served on the council',
    'joined the party'); for anything else, its staff."""
    return "member_of" if mentions.body_kind(organisation) in ("party", "legislature", "association") else "works_for"


def past_tense(verb: Token) -> bool:
    """ "worked for", "had worked for": over; "works for", "has worked for": still true."""
    return verb.tag_ == "VBD" or any(aux.dep_ == "aux" and aux.tag_ == "VBD" for aux in verb.children)


def past_passive(participle: Token) -> bool:
    """ "was run by", "had been led by": over; "is run by", "led by" set after a noun: still true."""
    return any(aux.dep_ in ("aux", "auxpass") and aux.tag_ == "VBD" for aux in participle.children)


def types_fit(relation: str, subject: Entity, obj: Entity) -> bool:
    if relation in ("spouse_of", "parent_of"):
        return subject.type == obj.type == PERSON
    if relation == "works_for":
        return subject.type == PERSON and obj.type in (PERSON, ORG)
    if relation == "member_of":
        return subject.type == PERSON and obj.type == ORG
    if relation == "author_of":
        return subject.type in (PERSON, ORG)
    if relation == "located_in":
        return subject.type in (ORG, PLACE, "EVENT")
    return True


def verb_relations(doc: Doc, mentions: Mentions) -> Iterator[Relation]:
    table = tables()
    for verb in mentions.tokens:
        lemma = verb.lemma_.lower()
        if lemma in table.loan_nouns:  # a noun, read here to look at each token's lemma once
            yield from lent_from(verb, mentions)
            continue
        found: list[tuple[str, Entity | None, Entity]] = []
        if lemma == "by" and verb.dep_ == "prep" and (work := mentions.entity_of(verb.head)) and work.type == WORK:
            # "Salt Wind, by Ann Lee, opens in May": a 'by' phrase on a work's name names its author
            found += [("author_of", author, work) for author in objects_of(verb.head, mentions, frozenset({"by"}),
                                                                           direct=False)]
        elif lemma in table.authorship_verbs and verb.pos_ == "VERB":
            author = subject_entity(verb, mentions)
            found += [("author_of", author, work) for work in objects_of(verb, mentions) if work.type == WORK]
            if verb.dep_ == "acl" and (work := mentions.entity_of(verb.head)) and work.type == WORK:
                found += [("author_of", by, work) for by in objects_of(verb, mentions, frozenset({"by"}))]
            relative_object = any(c.dep_ == "dobj" and c.lower_ in RELATIVE_PRONOUNS for c in verb.children)
            work = mentions.entity_of(verb.head) if verb.dep_ == "relcl" and relative_object else None
            if work is not None and work.type == WORK:
                found.append(("author_of", author, work))  # "Still Rivers, which she wrote in a year"
        elif lemma in table.marriage_verbs:
            found += [("spouse_of", spouse, other) for spouse, other in married(verb, mentions)]
        elif lemma in table.publishing_verbs and (author := subject_entity(verb, mentions)) and author.type == PERSON:
            found += [("author_of", author, work) for work in objects_of(verb, mentions) if work.type == WORK]
        elif lemma in table.birth_verbs and verb.tag_ == "VBN" and (
                child := subject_entity(verb, mentions) or one_of_those_born(verb, mentions)):
            found += [("parent_of", parent, child)
                      for parent in objects_of(verb, mentions, frozenset({"to"}), direct=False)]
        elif lemma in table.employment_verbs:
            worker = subject_entity(verb, mentions)
            # "teaches history at Acme College": the parse may hang the phrase on the verb's object
            found += [(serving(employer, mentions), worker, employer)
                      for employer in objects_of_verb_or_object(verb, mentions, table.employment_verbs[lemma])]
            found += [("member_of", worker, owner) for owner in boards_of(verb, mentions, table.employment_verbs[lemma])]
        elif lemma in table.membership_verbs:
            member = subject_entity(verb, mentions)
            found += [("member_of", member, side)
                      for side in objects_of(verb, mentions, table.membership_verbs[lemma], direct=False)
                      if side.type == ORG]
            found += [("member_of", member, owner) for owner in boards_of(verb, mentions, table.membership_verbs[lemma])]
        elif verb.tag_ == "VBN" and (lemma in table.founding_verbs or lemma in table.leading_verbs
                                     and not past_passive(verb)) and (
                body := based_one(verb, mentions)) is not None and body.type == ORG:
            # "founded by Tom Reed"; "Acme is run by Tom Reed", "a consortium led by Ann Lee": the passive names its
            # founder or head after 'by'
            found += [(serving(body, mentions), head, body)
                      for head in objects_of(verb, mentions, frozenset({"by"}), direct=False)]
        elif verb.pos_ == "VERB" and (lemma in table.joining_verbs or lemma in table.leading_verbs
                                      and not past_tense(verb)):
            workers = [subject_entity(verb, mentions), *joint_subjects(verb, mentions)]
            if lemma in table.founding_verbs:  # "Ann co-founded Acme with her brother, Tom": both did
                workers += [partner for partner in objects_of(verb, mentions, frozenset({"with"}), direct=False)
                            if partner.type == PERSON]
            workers = unique(worker for worker in workers if worker is not None)
            found += [(serving(employer, mentions), worker, employer)
                      for employer in organisations_objects(verb, mentions) for worker in workers]
        elif lemma in table.location_participles and verb.tag_ == "VBN":
            # Whatever one is based in is a place, though NER often calls a town it does not know an organisation.
            places = [place for place in objects_of(verb, mentions, frozenset({"in"}), direct=False)
                      if place.type in (PLACE, ORG)]
            places += [place for child in verb.children if child.dep_ in ("npadvmod", "compound")
                       and (place := mentions.entity_of(child)) and place.type == PLACE]  # "a London-based firm"
            found += [("located_in", based_one(verb, mentions), place) for place in places]
        if lemma in table.party_membership_verbs and (candidate := subject_entity(verb, mentions)):
            # "stood for Labour", "won the seat for Labour" ("run" is also a leading verb: not an elif)
            found += [("member_of", candidate, party)
                      for party in objects_of_verb_or_object(verb, mentions, table.party_membership_verbs[lemma])
                      if mentions.body_kind(party) == "party"]
        for relation, subject, obj in found:
            if subject is not None and subject.id != obj.id and types_fit(relation, subject, obj):
                yield Relation(subject=subject.id, relation=relation, object=obj.id, evidence=sentence(verb))


def objects_of_verb_or_object(verb: Token, mentions: Mentions, prepositions: frozenset[str]) -> Iterator[Entity]:
    """The entities after `prepositions` hung on a verb or on its object, where the parse may put the phrase
    ('teaches history at Acme College', 'won the seat for Labour')."""
    for holder in (verb, *(child for child in verb.children if child.dep_ == "dobj")):
        yield from objects_of(holder, mentions, prepositions, direct=False)


def lent_from(noun: Token, mentions: Mentions) -> Iterator[Relation]:
    """'Tom Reed, on loan from Acme Rovers,' and 'Tom Reed is on loan from Acme Rovers': the club lending a
    player is his. The player is the one the 'on' phrase describes, or the subject of its verb."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "on":
        return
    described = noun.head.head
    player = mentions.entity_of(described) if described.pos_ not in ("VERB", "AUX") \
        else subject_entity(described, mentions)
    if described.pos_ not in ("VERB", "AUX") and player is None and described.dep_ == "appos":
        player = mentions.entity_of(described.head)
    if player is None or player.type != PERSON:
        return
    for club in objects_of(noun, mentions, frozenset({"from"}), direct=False):
        if club.type == ORG:
            yield Relation(subject=player.id, relation="member_of", object=club.id, evidence=sentence(noun))
