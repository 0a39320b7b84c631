"""How they relate: kinship, jobs, membership, authorship and location, as the text states them.

Most relations hang on a trigger noun from data/relations.json ("father", "secretary", "counterparts",
"memoir"). One party is its owner: a possessor ("his father", "the King's secretary"), an organisation
modifying it ("Acme spokesman") or an "of"/"at" phrase ("director of Acme"). The other is the holder,
the one the noun phrase names: the entity it is a mention of (the entities stage attaches "his father"
to the father), a name set beside it ("his brother Tom", "Tom, her brother,", "counterparts, A and B")
or the subject of a copula ("Tom is her brother"). "Their son" and "the couple's son" are the son of the
spouses named last. A few verbs state the rest ("X wrote Y", "X married Y", "X works for Y", "X heads Y", "X joined
Y", "Y, based in Z"), and so does a place set after a name ("the Acme Institute in Leeds"). Each relation
keeps its sentence as evidence. Nothing is guessed: a possessive pronoun that the entities stage did not
resolve gives no relation.

Written by hand over spaCy's parse because no maintained library extracts these relations from news
without a trained relation model.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc, Token

from .lexicon import COMPANY_NOUNS, KINSHIP, PERSON_ROLES, TITLES_OF_PLACE, data_table
from .nlp import Parsed
from .parse import Mentions as MentionIndex, subject_of, token_index_from
from .schema import Entity, FactSheet, Mention, Relation

PERSON, ORG, PLACE, WORK = "PERSON", "ORG", "PLACE", "WORK"
SYMMETRIC = {"sibling_of", "spouse_of"}
# Relations a "former" or "ex-" undoes; kinship stays whatever happens.
ENDING_RELATIONS = {"works_for", "member_of", "spouse_of"}
# What may stand between a trigger noun and the name beside it: "his brother, the Prince", "aide: Tom".
APPOSITION_GAP = {",", ":", "–", "—", "-", "the", "a", "an"}
COORDINATION = {",", "and", "&"}
RELATIVE_PRONOUNS = {"who", "that", "which"}
# Prepositions whose object owns a trigger noun: "director of Acme", "a professor at Acme", "a spokesman for Acme".
OWNING_PREPOSITIONS = {"of", "at", "for"}


@dataclass(frozen=True)
class Trigger:
    """What a trigger noun says about the one it names (the holder) and its owner."""

    relation: str
    holder_is_subject: bool  # parent_of(father, owner), but author_of(owner, memoir)
    holder_types: frozenset[str]
    owner_types: frozenset[str]
    gives_role: bool
    # A country or person owning a government title employs its holder: "Norland's prime minister".
    employs_when_owned_by: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Tables:
    triggers: dict[str, Trigger]
    not_authored: frozenset[str]
    past: frozenset[str]
    authorship_verbs: frozenset[str]
    marriage_verbs: frozenset[str]
    birth_verbs: frozenset[str]
    employment_verbs: dict[str, frozenset[str]]
    government_titles: frozenset[str]
    membership_verbs: dict[str, frozenset[str]]
    copulas: frozenset[str]
    listing_verbs: frozenset[str]
    leading_verbs: frozenset[str]
    joining_verbs: frozenset[str]
    location_participles: frozenset[str]
    legislatures: frozenset[str]
    legislature_member_titles: frozenset[str]
    company_roles: frozenset[str]


@lru_cache(maxsize=1)
def tables() -> Tables:
    data = data_table("relations")
    people, employers = frozenset({PERSON}), frozenset({PERSON, ORG})
    triggers: dict[str, Trigger] = {}
    for word, kin in KINSHIP.items():
        if kin.relation:
            reverse = kin.relation == "child_of"  # stored as parent_of(owner, child): one direction, no duplicates
            triggers[word] = Trigger("parent_of" if reverse else kin.relation, not reverse, people, people, False)
    governing = frozenset(data["government_titles"]["words"])
    for word in PERSON_ROLES["job_titles"]:
        triggers[word] = Trigger("works_for", True, people, employers, True)
    for word in PERSON_ROLES["organisation_titles"]:
        triggers[word] = Trigger("works_for", True, people, frozenset({ORG}), True)
    for word in PERSON_ROLES["staff_nouns"] | set(data["staff_groups"]["words"]):
        # "his colleague" works with him, not for him: organisations only
        triggers[word] = Trigger("works_for", True, people, frozenset({ORG}), False)
    for word in PERSON_ROLES["membership_nouns"]:
        triggers[word] = Trigger("member_of", True, people, frozenset({ORG}), True)
    for word in governing & triggers.keys():
        triggers[word] = replace(triggers[word], owner_types=triggers[word].owner_types | {PERSON, PLACE},
                                 employs_when_owned_by=frozenset({PERSON, PLACE}))
    for word in data["work_nouns"]["words"]:
        triggers[word] = Trigger("author_of", False, frozenset({WORK}), employers, False)
    for word in PERSON_ROLES["author_nouns"]:
        triggers[word] = Trigger("author_of", True, employers, frozenset({WORK}), False)
    for word in data["place_nouns"]["words"]:
        triggers[word] = Trigger("located_in", True, frozenset({PLACE}), frozenset({PLACE}), False)
    return Tables(
        triggers=triggers,
        not_authored=frozenset(data["not_authored"]),
        past=frozenset(data["past"]),
        authorship_verbs=frozenset(data["authorship_verbs"]),
        marriage_verbs=frozenset(data["marriage_verbs"]),
        birth_verbs=frozenset(data["birth_verbs"]["words"]),
        employment_verbs={verb: frozenset(preps) for verb, preps in data["employment_verbs"].items()},
        copulas=frozenset(data["copulas"]["words"]),
        listing_verbs=frozenset(data["listing_verbs"]["words"]),
        government_titles=governing,
        membership_verbs={verb: frozenset(preps) for verb, preps in data["membership_verbs"].items()
                          if not verb.startswith("_")},
        leading_verbs=frozenset(data["leading_verbs"]["present"]),
        joining_verbs=frozenset(data["leading_verbs"]["since"]),
        location_participles=frozenset(data["location_participles"]),
        legislatures=frozenset(data["legislatures"]["words"]),
        legislature_member_titles=frozenset(data["legislatures"]["member_titles"]),
        company_roles=frozenset(data["company_roles"]["words"]),
    )


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


# ---- trigger nouns -------------------------------------------------------------------------------

def owners(noun: Token, mentions: Mentions) -> Iterator[Entity]:
    """The possessor, organisation modifier, or "of"/"at" object of a trigger noun.

    Only a name, a pronoun or a description the entities stage resolved owns: "secretary of state" is a
    title, not a job at something called "state".
    """
    bearers = [noun] + ([noun.head] if noun.dep_ == "compound" else [])
    possessors = [whose_antecedent(child) or child for bearer in bearers for child in bearer.children
                  if child.dep_ == "poss"]
    candidates = possessors if len(possessors) == 1 and not possessors[0].conjuncts else []  # not "his or her"
    its = candidates[0] if candidates and candidates[0].lower_ in ("its", "their") else None
    if its is not None and own_mention(its, noun, mentions) is None and (organisation := organisation_possessing(
            its, mentions)):
        yield organisation
    for child in noun.lefts:
        if child.dep_ not in ("compound", "nmod", "amod"):
            continue
        if (entity := mentions.entity_of(child)) and entity.type == ORG:
            candidates.append(child)
        elif child.pos_ == "PROPN" and own_mention(child, noun, mentions) is None and (
                named := mentions.organisations.get(child.doc[child.left_edge.i:child.i + 1].text.lower())):
            yield named  # "the Acme goalkeeper", where the entities stage kept the name inside the description
    for preposition in noun.rights:
        if preposition.dep_ == "prep" and preposition.lower_ in OWNING_PREPOSITIONS:
            # "author of the book The Long Road": the name set beside the object owns it too.
            candidates += [token for target in preposition.children if target.dep_ == "pobj"
                           for token in (target, *target.conjuncts, *owners_beside_unnamed(target, noun, mentions))]
    for token in candidates:
        found = own_mention(token, noun, mentions)
        # A lower-case owner counts when it is a mention itself: "the mayor's aide" once "the mayor" is known.
        if found and (token.pos_ == "PRON" or token.text[:1].isupper() or found[0].kind in ("title", "description")):
            yield found[1]


def owners_beside_unnamed(token: Token, noun: Token, mentions: Mentions) -> list[Token]:
    """For a common noun that is no mention of its own, the names set beside it ('the book The Long Road'),
    then the organisation owning it: 'the head of the Red Cross's delegation' works for the Red Cross.
    Organisations only: 'the mother of Tom's child' is no kin of Tom's."""
    if own_mention(token, noun, mentions) is not None:
        return []
    return [child for child in token.children if child.dep_ == "appos"] + [
        child for child in token.children if child.dep_ == "poss" and (owner := mentions.entity_of(child))
        and owner.type == ORG]


def own_mention(token: Token, noun: Token, mentions: Mentions) -> tuple[Mention, Entity] | None:
    """A mention of `token`, with its entity, that leaves out `noun`: in 'its chief executive', itself a mention
    of the executive, 'its' is not the executive."""
    found = mentions.of_token(token)
    if found is None or found[0].start <= noun.idx < found[0].end:
        return None
    return found


def whose_antecedent(possessor: Token) -> Token | None:
    """'Ann Lee, whose husband…': the name the relative clause of a 'whose' hangs on."""
    if possessor.lower_ != "whose":
        return None
    token = possessor.head
    while token.dep_ != "relcl" and token.head.i != token.i:
        token = token.head
    return token.head if token.dep_ == "relcl" else None


def organisation_possessing(pronoun: Token, mentions: Mentions) -> Entity | None:
    """The organisation an 'its' or 'their' stands for. 'Their' more often means people, so only an
    organisation that is its clause's subject counts ('Acme lost to their rivals')."""
    if pronoun.lower_ == "its":
        return organisation_before(pronoun, mentions)
    verb = pronoun
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    subject = next((child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass")), None)
    entity = mentions.entity_of(subject) if subject is not None else None
    return entity if entity is not None and entity.type == ORG else None


def organisation_before(pronoun: Token, mentions: Mentions) -> Entity | None:
    """'Acme said its chief executive…': the organisation named last before 'its', in its sentence or the one
    before; the entities stage resolves only personal pronouns."""
    sentence_start = pronoun.sent.start
    window_start = pronoun.doc[sentence_start - 1].sent.start_char if sentence_start > 0 else 0
    named = [(m, e) for m, e in mentions.items if e.type == ORG and window_start <= m.start and m.end <= pronoun.idx]
    return max(named, key=lambda item: item[0].start)[1] if named else None


def names_after(doc: Doc, first: int, mentions: Mentions, holder_types: frozenset[str], many: bool) -> list[Entity]:
    """The names from token `first` on, set as an appositive: "Tom", ", Tom and Ann", "the Prince".

    A second name counts only after a plural noun and in a list joined by "and": in "his father, Tom
    Reed, Jr. was", "professor Ann Lee, Tom's view" or "Acme chief Tom Reed and Sam Hill" it does not.
    """
    sent_end = doc[first - 1].sent.end if first > 0 else len(doc)
    names: list[Entity] = []
    joints: list[list[str]] = []
    index = first
    while index < sent_end:
        gap_start = index
        while index < sent_end and doc[index].lower_ in APPOSITION_GAP:
            index += 1
        found = next((mentions.starting[doc[i].idx] for i in range(gap_start, min(index + 1, sent_end))
                      if doc[i].idx in mentions.starting), None)
        if found is None or found[1].type not in holder_types or found[0].kind not in ("name", "title"):
            break
        mention, entity = found
        head = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        after_comma = any(doc[i].text == "," for i in range(gap_start, index))
        if head is None or after_comma and head.root.dep_ in ("nsubj", "nsubjpass") and head.root.head.i >= first:
            break  # "…his father, Tom said": Tom starts a clause of his own
        names.append(entity)
        index = head.end
        joint: list[str] = []
        while index < sent_end and doc[index].lower_ in COORDINATION and len(joint) < 2:
            joint.append(doc[index].lower_)
            index += 1
        if not joint or not many:
            break
        joints.append(joint)
    if not any(word in ("and", "&") for joint in joints[:len(names) - 1] for word in joint):
        return names[:1]
    return names


def holders(noun: Token, trigger: Trigger, mentions: Mentions) -> Iterator[Entity]:
    """The entity a trigger noun's phrase names."""
    doc = noun.doc
    around = mentions.of_token(noun)
    plural = noun.tag_ in ("NNS", "NNPS")  # "his parents" is two people: only names beside it say who
    # A name right after the noun: "his brother Tom", "counterparts, A and B", "secretary Jane Doe".
    named = names_after(doc, noun.i + 1, mentions, trigger.holder_types, many=plural)
    if not named and (after := end_of_owning_phrase(noun, mentions)) < len(doc) and doc[after].text == ",":
        named = names_after(doc, after, mentions, trigger.holder_types, many=plural)  # "chief of Acme, Jane Doe"
    # The entity the phrase is a mention of, unless the name set beside it says otherwise: the text is nearer
    # evidence than the entities stage's joining.
    if around and around[0].kind != "name" and around[1].type in trigger.holder_types and not plural and (
            not named or around[1] in named):
        yield around[1]
    yield from named
    if not named:  # "her husband, the pilot Tom Lee": a name in apposition to an apposition
        for described in (child for child in noun.children if child.dep_ == "appos" and child.pos_ == "NOUN"):
            for name in (child for child in described.children if child.dep_ == "appos"):
                found = mentions.of_token(name)
                if found and found[0].kind == "name" and found[1].type in trigger.holder_types:
                    yield found[1]
    # A name right before the phrase: "Tom, her brother, …"; not when the phrase names its own person
    # ("Ann Lee, Acme chief Tom Reed" is a list), nor for a plural ("Tom, 23, and Ann, 22, both students": one
    # name would be half the answer).
    phrase_start = noun.left_edge.i
    if not named and not plural and phrase_start >= 2 and doc[phrase_start - 1].text == ",":
        before = mentions.ending.get(doc[phrase_start - 2].idx + len(doc[phrase_start - 2].text))
        if before and before[1].type in trigger.holder_types:
            yield before[1]
    # A list the noun's clause gives: "her novels include X and Y".
    if noun.dep_ == "nsubj" and noun.head.lemma_ in tables().listing_verbs:
        for listed in (child for child in noun.head.children if child.dep_ == "dobj"):
            for token in (listed, *listed.conjuncts):
                if (entity := mentions.entity_of(token)) and entity.type in trigger.holder_types:
                    yield entity
    # A copula: "Tom is her brother", "Tom was appointed professor", "Tom was born in May and is her son".
    if noun.dep_ in ("attr", "oprd") and noun.head.lemma_ in tables().copulas:
        verb = noun.head
        subjects = [child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass")]
        if not subjects and verb.dep_ == "conj":
            subjects = [child for child in verb.head.children if child.dep_ in ("nsubj", "nsubjpass")]
        for subject in subjects:
            if (entity := mentions.entity_of(subject)) and entity.type in trigger.holder_types:
                yield entity


def holders_of_conjuncts(noun: Token, trigger: Trigger, mentions: Mentions) -> list[Entity]:
    """The holders of a trigger noun, or else of the title it is joined to: in "Ann Lee, editor of the paper
    and a professor at Acme", Ann Lee is the professor too."""
    found = unique(holders(noun, trigger, mentions))
    triggers = tables().triggers
    while not found and noun.dep_ == "conj" and noun.head.pos_ == "NOUN" and noun.head.lemma_.lower() in triggers:
        noun = noun.head
        found = unique(holders(noun, trigger, mentions))
    return found


def end_of_owning_phrase(noun: Token, mentions: Mentions) -> int:
    """Where the "of"/"at" phrase after a trigger noun ends when it names an organisation, a place or a person
    by name, else past the text. A person described there would be ambiguous: in "the daughter of the late
    king, Tom", Tom may be the king; in "a spokesman for President Ann Lee, Tom", Tom can only be the spokesman."""
    for preposition in noun.rights:
        if preposition.dep_ != "prep" or preposition.lower_ not in OWNING_PREPOSITIONS:
            continue
        for target in preposition.children:
            found = mentions.of_token(target) if target.dep_ == "pobj" else None
            if found and (found[1].type in (ORG, PLACE) or found[0].kind == "name") and (
                    after := token_at(noun.doc, found[0].end)):
                return after.i
    return len(noun.doc)


def role_of(noun: Token, mentions: Mentions) -> str:
    """The job title as written: the noun with the plain words right before it ("communications secretary")."""
    start = noun.i
    while start > 0:
        previous = noun.doc[start - 1]
        if previous.head.i < start or previous.dep_ not in ("compound", "amod") or own_mention(
                previous, noun, mentions):
            break
        if previous.lower_ in tables().past or previous.lower_ in mentions.organisations:
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


def unique(entities: Iterable[Entity]) -> list[Entity]:
    return list({entity.id: entity for entity in entities}.values())


def subject_company(mentions: Mentions) -> Entity | None:
    """The company a business story is about: the one organisation the entities stage found called 'the
    company' or 'the group'."""
    called = {entity.id: entity for mention, entity in mentions.items if entity.type == ORG
              and mention.kind == "description" and mention.text.lower().startswith("the ")
              and mention.text.lower().split()[-1] in COMPANY_NOUNS}
    return next(iter(called.values())) if len(called) == 1 else None


def couple_owning(noun: Token, mentions: Mentions, sentence_number: int, couple_sentence: int) -> bool:
    """Whether a child noun is the couple's last named: 'the couple's son', or 'their son' in the sentence
    naming the couple or the next ('his wife, Ann, and their two daughters')."""
    possessor = next((child for child in noun.children if child.dep_ == "poss"), None)
    if possessor is None or own_mention(possessor, noun, mentions) is not None:
        return False
    return possessor.lemma_.lower() == "couple" or (possessor.lower_ == "their" and
                                                      sentence_number <= couple_sentence + 1)


def trigger_relations(doc: Doc, mentions: Mentions) -> Iterator[Relation]:
    table = tables()
    company = subject_company(mentions)
    sentence_numbers = {sent.start: number for number, sent in enumerate(doc.sents)}
    couple: list[Entity] = []  # the spouses named last, and the sentence naming or calling them back
    couple_sentence = -2
    for noun in doc:
        trigger = table.triggers.get(noun.lemma_.lower()) if noun.pos_ in ("NOUN", "PROPN") else None
        if trigger is None:
            continue
        around = mentions.of_token(noun)
        if around and around[0].kind == "name":
            continue  # part of a name: "the Players Championship"
        words = modifiers(noun)
        if trigger.relation in ENDING_RELATIONS and words & table.past:
            continue
        if trigger.relation == "author_of" and words & table.not_authored:
            continue
        role = role_of(noun, mentions) if trigger.gives_role else None
        found_owners = [o for o in owners(noun, mentions) if o.type in trigger.owner_types]
        if not found_owners and company is not None and role in table.company_roles:
            found_owners = [company]
        sentence_number = sentence_numbers[noun.sent.start]
        if not found_owners and couple and trigger.relation == "parent_of" and not trigger.holder_is_subject \
                and couple_owning(noun, mentions, sentence_number, couple_sentence):
            found_owners, couple_sentence = couple, sentence_number
        owner_ids = {owner.id for owner in found_owners}
        for owner in unique(found_owners):
            relation = "works_for" if owner.type in trigger.employs_when_owned_by else trigger.relation
            if relation == "works_for" and noun.lemma_.lower() in table.legislature_member_titles \
                    and owner.name.split()[-1].lower() in table.legislatures:
                relation = "member_of"
            for holder in holders_of_conjuncts(noun, trigger, mentions):
                if holder.id in owner_ids:
                    continue  # "her husband, X, and their daughters": X owns the daughters, he is not one
                subject, obj = (holder, owner) if trigger.holder_is_subject else (owner, holder)
                if relation == "spouse_of":
                    couple, couple_sentence = [subject, obj], sentence_number
                yield Relation(subject=subject.id, relation=relation, object=obj.id, role=role,
                               evidence=sentence(noun))


# ---- verbs and place names -----------------------------------------------------------------------

def subject_entity(verb: Token, mentions: Mentions) -> Entity | None:
    """The entity a verb's subject names; an adjective's is its copula's ('who is married to Y')."""
    subject = subject_of(verb, through=("acomp",))
    return entity_of_subject(subject, subject.head, mentions) if subject is not None else None


def entity_of_subject(subject: Token, verb: Token, mentions: Mentions) -> Entity | None:
    """The entity a verb's subject names; a relative pronoun's is the noun its clause hangs on ('Acme, which
    is based in Leeds')."""
    if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        return mentions.entity_of(verb.head)
    return mentions.entity_of(subject)


def objects_of(verb: Token, mentions: Mentions, preposition: frozenset[str] = frozenset()) -> Iterator[Entity]:
    for child in verb.children:
        targets = [child] if child.dep_ == "dobj" else []
        if child.dep_ in ("prep", "agent") and child.lower_ in preposition:
            targets = [t for t in child.children if t.dep_ == "pobj"]
        for target in targets:
            for token in (target, *target.conjuncts):
                if entity := mentions.entity_of(token):
                    yield entity


def organisations_objects(verb: Token, mentions: Mentions) -> Iterator[Entity]:
    """The organisations a verb takes as object, or whose part it does: 'heads Acme', 'runs Acme's lab'."""
    for target in (child for child in verb.children if child.dep_ == "dobj"):
        entity = mentions.entity_of(target)
        if entity is None:
            entity = next((mentions.entity_of(c) for c in target.children if c.dep_ == "poss"), None)
        if entity is not None and entity.type == ORG:
            yield entity


def based_one(participle: Token, mentions: Mentions) -> Entity | None:
    """What 'based' or 'located' is said of: the noun it modifies, the name that noun is set beside ('Acme,
    a firm based in Leeds', 'the Leeds-based firm Acme'), or its subject, through a relative pronoun ('Acme,
    which is based in Leeds')."""
    if participle.dep_ in ("acl", "amod"):
        noun = participle.head
        while noun.dep_ == "compound" and mentions.entity_of(noun) is None:
            noun = noun.head
        based = mentions.entity_of(noun)
        if based is None and noun.dep_ == "appos":
            based = mentions.entity_of(noun.head)
        return based
    subject = next((child for child in participle.children if child.dep_ == "nsubjpass"), None)
    return entity_of_subject(subject, participle, mentions) if subject is not None else None


def past_tense(verb: Token) -> bool:
    """ "worked for", "had worked for": over; "works for", "has worked for": still true."""
    return verb.tag_ == "VBD" or any(aux.dep_ == "aux" and aux.tag_ == "VBD" for aux in verb.children)


def verb_relations(doc: Doc, mentions: Mentions) -> Iterator[Relation]:
    table = tables()
    for verb in doc:
        lemma = verb.lemma_.lower()
        found: list[tuple[str, Entity | None, Entity]] = []
        if lemma in table.authorship_verbs and verb.pos_ == "VERB":
            author = subject_entity(verb, mentions)
            found += [("author_of", author, work) for work in objects_of(verb, mentions) if work.type == WORK]
            if verb.dep_ == "acl" and (work := mentions.entity_of(verb.head)) and work.type == WORK:
                found += [("author_of", by, work) for by in objects_of(verb, mentions, frozenset({"by"}))]
            relative_object = any(c.dep_ == "dobj" and c.lower_ in RELATIVE_PRONOUNS for c in verb.children)
            work = mentions.entity_of(verb.head) if verb.dep_ == "relcl" and relative_object else None
            if work is not None and work.type == WORK:
                found.append(("author_of", author, work))  # "Still Rivers, which she wrote in a year"
        elif lemma in table.marriage_verbs:
            spouse = subject_entity(verb, mentions)
            found += [("spouse_of", spouse, other) for other in objects_of(verb, mentions, frozenset({"to"}))]
        elif lemma in table.birth_verbs and verb.tag_ == "VBN" and (child := subject_entity(verb, mentions)):
            found += [("parent_of", parent, child) for parent in objects_of(verb, mentions, frozenset({"to"}))]
        elif lemma in table.employment_verbs and not past_tense(verb):
            worker = subject_entity(verb, mentions)
            found += [("works_for", worker, employer)
                      for employer in objects_of(verb, mentions, table.employment_verbs[lemma])]
        elif lemma in table.membership_verbs and not past_tense(verb):
            member = subject_entity(verb, mentions)
            found += [("member_of", member, side) for side in objects_of(verb, mentions, table.membership_verbs[lemma])
                      if side.type == ORG]
        elif verb.pos_ == "VERB" and (lemma in table.joining_verbs or lemma in table.leading_verbs
                                      and not past_tense(verb)):
            worker = subject_entity(verb, mentions)
            found += [("works_for", worker, employer) for employer in organisations_objects(verb, mentions)]
        elif lemma in table.location_participles and verb.tag_ == "VBN":
            # Whatever one is based in is a place, though NER often calls a town it does not know an organisation.
            places = [place for place in objects_of(verb, mentions, frozenset({"in"})) if place.type in (PLACE, ORG)]
            places += [place for child in verb.children if child.dep_ in ("npadvmod", "compound")
                       and (place := mentions.entity_of(child)) and place.type == PLACE]  # "a London-based firm"
            found += [("located_in", based_one(verb, mentions), place) for place in places]
        for relation, subject, obj in found:
            if subject is not None and subject.id != obj.id and types_fit(relation, subject, obj):
                yield Relation(subject=subject.id, relation=relation, object=obj.id, evidence=sentence(verb))


def types_fit(relation: str, subject: Entity, obj: Entity) -> bool:
    if relation in ("spouse_of", "parent_of"):
        return subject.type == obj.type == PERSON
    if relation == "works_for":
        return subject.type == PERSON and obj.type in (PERSON, ORG)
    if relation == "author_of":
        return subject.type in (PERSON, ORG)
    if relation == "located_in":
        return subject.type in (ORG, PLACE, "EVENT")
    return True


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


# ---- the stage -----------------------------------------------------------------------------------

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


def find_relations(parsed: Parsed, sheet: FactSheet) -> list[Relation]:
    """Relations the article states between its entities, once each, with the first sentence stating it.

    >>> # "Ann's brother, Tom Lee, works for Acme." → sibling_of(Tom Lee, Ann), works_for(Tom Lee, Acme)
    """
    mentions = Mentions(parsed.doc, sheet)
    doc = parsed.doc
    relations: dict[tuple[str, str, str], Relation] = {}
    for relation in (*trigger_relations(doc, mentions), *verb_relations(doc, mentions), *place_pairs(doc, mentions),
                     *places_in(doc, mentions), *affiliations(doc, mentions)):
        ends = (relation.subject, relation.object)
        key = (relation.relation, *(sorted(ends) if relation.relation in SYMMETRIC else ends))
        known = relations.setdefault(key, relation)
        if known.role is None and relation.role:
            known.role = relation.role
    return list(relations.values())
