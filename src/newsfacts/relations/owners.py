"""Who owns a trigger noun: its possessor, the name before it or its "of" object, else the owner the story gives."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..lexicon import COMPANY_NOUNS, data_table
from ..parse import RELATIVE_TAGS, link_up, subject_of
from ..schema import Entity, Mention
from .reading import Mentions, bare, named_only_after, own_mention, possessive, token_at
from .tables import ORG, PERSON, PLACE, Trigger, tables

# Prepositions whose object owns a trigger noun: "director of Acme", "a professor at Acme", "a spokesman for Acme".
OWNING_PREPOSITIONS = {"of", "at", "for"}
# What joins two modifiers of one title: "a Labour and then Green MP", "an Acme or Norvale director".
JOINING_WORDS = {",", "and", "or", "then", "later", "&"}
# Relations of family: whoever "has" a kinship noun owns it ("Ann has two sons, Tom and Ben"), where having a
# lawyer or a manager is no job.
KIN_RELATIONS = {"parent_of", "sibling_of", "spouse_of"}
# Dependencies of clauses inside a sentence's main one: adverbial, relative and participle clauses.
SUBORDINATE_CLAUSES = {"advcl", "relcl", "acl"}
# Nouns calling back the spouses named last: "the couple's son", "the pair have two daughters".
COUPLE_NOUNS = {"couple", "pair"}
# Plural nouns calling back the brothers or sisters named last: "the siblings' mother".
SIBLING_NOUNS = {"sibling", "brother", "sister"}


def owners(noun: Token, trigger: Trigger, mentions: Mentions) -> Iterator[Entity]:
    """The possessor, organisation modifier, or "of"/"at" object of a trigger noun.

    Only a name, a pronoun or a description the entities stage resolved owns: "secretary of state" is a
    title, not a job at something called "state". A party's adjective owns it too ("a Tory MP"), and a
    person's name before a job title employs its holder ("Acme Party leader Tom Reed's adviser Ann Lee").
    """
    bearers = [noun] + ([noun.head] if noun.dep_ == "compound" else []) + hyphened_prefix(noun)
    possessors = [whose_antecedent(child) or child for bearer in bearers for child in bearer.children
                  if possessive(child)]
    candidates = possessors if len(possessors) == 1 and not possessors[0].conjuncts else []  # not "his or her"
    its = candidates[0] if candidates and candidates[0].lower_ in ("its", "their") else None
    if its is not None and own_mention(its, noun, mentions) is None and (organisation := organisation_possessing(
            its, mentions)):
        yield organisation
    for child in noun.lefts:
        if child.dep_ not in ("compound", "nmod", "amod"):
            continue
        # Not the mention of the holder around both: "Acme chief executive Ann Lee", one description of her.
        found = own_mention(child, noun, mentions)
        if found and (found[1].type == ORG or found[1].type == PERSON and trigger.relation == "works_for"):
            candidates.append(child)
        elif found is None:
            named = list(named_before(child, mentions))
            yield from named or organisation_named_by(child, noun, trigger, mentions)
        if child.is_lower and found is None:
            # "the Acme district president": the name modifies the word before the title
            for grandchild in (word for word in child.lefts if word.dep_ in ("compound", "nmod")):
                found = own_mention(grandchild, noun, mentions)
                if found is None:
                    yield from named_before(grandchild, mentions)
                elif found[0].kind == "name" and found[1].type == ORG:
                    yield found[1]
    if (modifier := joined_modifier(noun, mentions)) is not None:
        candidates.append(modifier)
    if (before := organisation_just_before(noun, mentions)) is not None:
        yield before
    # "a memoir by Ann Lee": a work's author is named after 'by' too
    prepositions = OWNING_PREPOSITIONS | ({"by"} if trigger.relation == "author_of" and not trigger.holder_is_subject
                                          else set())
    for preposition in noun.rights:
        if preposition.dep_ == "prep" and preposition.lower_ in prepositions:
            # "author of the book The Long Road": the name set beside the object owns it too.
            candidates += [token for target in preposition.children if target.dep_ == "pobj"
                           for token in (target, *target.conjuncts, *owners_beside_unnamed(target, noun, mentions))]
            for group in (target for target in preposition.children if target.dep_ == "pobj"
                          and target.lemma_.lower() in tables().party_groups):
                for modifier in (child for child in group.lefts if child.dep_ in ("amod", "compound")):
                    yield from named_before(modifier, mentions)  # "leader of the council's Green group"
        elif preposition.dep_ == "prep" and preposition.lower_ == "in" and trigger.relation == "member_of":
            # "a captain in the Acme Guards", "an activist in Acme": a member of the organisation named there
            for target in (child for child in preposition.children if child.dep_ == "pobj"):
                if (found := own_mention(target, noun, mentions)) and found[0].kind == "name" and found[1].type == ORG:
                    yield found[1]
        elif preposition.dep_ == "prep" and preposition.lower_ == "on":
            # "a councillor on Tamford Council", "the opposition leader on the council": a seat on a body of members
            yield from bodies_seating(preposition, noun, mentions)
        if preposition.dep_ == "prep" and preposition.lower_ in ("of", "for"):
            # "head of research at Acme", "the member for roads at the council", "the leader of the opposition on
            # the council": a field or group no mention names, then where the job is
            for field in (child for child in preposition.children if child.dep_ == "pobj"
                          and child.pos_ == "NOUN" and own_mention(child, noun, mentions) is None):
                for place in (child for child in field.children if child.dep_ == "prep"):
                    if place.lower_ == "on":
                        yield from bodies_seating(place, noun, mentions)
                    elif place.lower_ == "at":
                        yield from (found[1] for target in place.children if target.dep_ == "pobj"
                                    and (found := own_mention(target, noun, mentions))
                                    and found[0].kind in ("name", "description") and found[1].type == ORG)
    clause = noun.head
    if noun.dep_ == "attr" and clause.dep_ == "relcl" and any(
            preposition.dep_ == "prep" and preposition.lower_ in OWNING_PREPOSITIONS and any(
                relative.dep_ == "pobj" and relative.tag_ in RELATIVE_TAGS for relative in preposition.children)
            for preposition in (*clause.children, *clause.head.children)):
        candidates.append(clause.head)  # "Acme, the firm of which Tom Reed is director"
    if (subject := subject_having(noun)) is not None and trigger.relation in KIN_RELATIONS:
        candidates += [subject, *subject.conjuncts]  # "Ann and her husband have two sons"
    if (survived := survival_verb(noun)) is not None:
        # "X is survived by two sons", "X is survived by his wife Ann, sons Tom and Ben, and daughter Mia"
        candidates += [child for child in survived.children if child.dep_ == "nsubjpass"]
    for token in possessors:
        if token.pos_ == "NOUN" and own_mention(token, noun, mentions) is None and any(
                child.lower_ == "the" for child in token.children) and (
                called := mentions.organisation_called(token.lower_)):
            yield called  # "the council's chief executive", inside her description: the council the story names
    for token in candidates:
        found = own_mention(token, noun, mentions) or phrase_mention(token, noun, mentions)
        if found and token.pos_ == "PRON" and named_only_after(found[1], token.idx):
            continue  # "His brother, Tom, ... married Ben": a pronoun given to someone not yet named is a guess
        # A lower-case owner counts when it is a mention itself: "the mayor's aide" once "the mayor" is known, and
        # "a member at the county council" once the entities stage named the council so; a body of members only
        # ("the secretary of state" has no employer called "state").
        if found and (token.pos_ == "PRON" or token.text[:1].isupper() or found[0].kind in ("title", "description")
                      or found[0].text.islower() and mentions.body_kind(found[1]) is not None):
            yield found[1]


def survival_verb(noun: Token) -> Token | None:
    """The 'survived' whose 'by' phrase lists a kinship noun, however the parse joins the list: "survived by two
    sons", "survived by his wife Ann and daughter Mia" (the daughter joined to Ann, or to the verb itself)."""
    token = noun
    while token.dep_ == "compound" or token.dep_ in ("conj", "appos", "pobj", "agent") and token.head.i < token.i:
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            break
        if token.tag_ == "NNS":
            return None  # "survived by their children – son Tom and daughter Ann": the plural noun's owner is theirs
    if token.pos_ not in ("VERB", "AUX") or token.lemma_ not in tables().survival_verbs:
        return None
    after_by = any(child.dep_ == "agent" and child.i < noun.i for child in token.children)
    return token if after_by else None


def hyphened_prefix(noun: Token) -> list[Token]:
    """The first part of a hyphened noun the tokenizer split, which the parse may make the head of the phrase: 'co'
    in "Acme's co-founder", where the possessive hangs on it."""
    doc = noun.doc
    if noun.i < 2 or doc[noun.i - 1].text != "-" or doc[noun.i - 1].whitespace_ or doc[noun.i - 2].whitespace_:
        return []
    return [doc[noun.i - 2]]


def bodies_seating(on: Token, noun: Token, mentions: Mentions) -> Iterator[Entity]:
    """The body of members an 'on' phrase names, named or described: 'on Tamford Council', 'on the council'."""
    for target in (child for child in on.children if child.dep_ == "pobj"):
        if (found := own_mention(target, noun, mentions)) and found[0].kind in ("name", "description") \
                and mentions.body_kind(found[1]) in ("legislature", "association"):
            yield found[1]


def owners_before_name(name: Mention, noun: Token, mentions: Mentions) -> Iterator[Entity]:
    """For a title inside a person's name, what the words just before the name name: 'Acme' in 'Acme
    Superintendent Ann Lee', a party in 'Republican Senator Ann Lee', a county in 'Elm County Sheriff Ann Lee'."""
    span = noun.doc.char_span(name.start, name.end, alignment_mode="expand")
    if span is None:
        return
    for child in span.root.lefts:
        if child.i >= span.start or child.dep_ not in ("compound", "amod", "nmod", "poss"):
            continue
        if (found := own_mention(child, noun, mentions)) and found[1].type in (ORG, PERSON, PLACE):
            yield found[1]  # a place owns only the titles whose owner types allow it: 'Elm County Sheriff
        elif found is None:
            yield from named_before(child, mentions)


def organisation_just_before(noun: Token, mentions: Mentions) -> Entity | None:
    """'Acme' in 'Acme defender Ian Moss' when the parse hung 'Acme' elsewhere: an organisation's name right
    before a title that is right before a person's name. The title may have plain words of its own: 'Acme chief
    executive Ann Lee'; the name may have its short form in brackets: 'Acme Rail (AR) chief Ann Lee'."""
    doc = noun.doc
    start = noun.left_edge.i
    if start == 0 or noun.i + 1 >= len(doc) or not all(word.is_lower and word.is_alpha for word in doc[start:noun.i]):
        return None
    if start > 2 and doc[start - 1].text == ")" and doc[start - 3].text == "(":
        start -= 1  # the bracketed short form ends the name
    named = mentions.ending.get(doc[start - 1].idx + len(doc[start - 1]))
    following = mentions.starting.get(doc[noun.i + 1].idx)
    if named is None or following is None or named[0].kind != "name" or named[1].type != ORG:
        return None
    return named[1] if following[0].kind == "name" and following[1].type == PERSON else None


def employer_taking_on(noun: Token, mentions: Mentions) -> Entity | None:
    """The organisation hiring or sacking the person a title names as the verb's object: 'Acme has hired chief
    economist Ann Lee', 'the club sacked head coach Tom Reed'. The title is a job there."""
    named = noun.head if noun.dep_ == "compound" else noun
    if named.dep_ != "dobj" or named.head.lemma_.lower() not in tables().staffing_verbs:
        return None
    subject = subject_of(named.head, through=("conj",))
    found = mentions.of_token(subject) if subject is not None else None
    return found[1] if found is not None and found[0].kind in ("name", "description") and found[1].type == ORG \
        else None


def named_before(modifier: Token, mentions: Mentions) -> Iterator[Entity]:
    """The organisation a capitalised modifier names though the entities stage kept it inside a description:
    "the Acme goalkeeper", or a party by its adjective ("the Liberal Democrat candidate")."""
    if not modifier.text[:1].isupper():
        return
    words = modifier.doc[modifier.left_edge.i:modifier.i + 1].text
    if modifier.pos_ == "PROPN" and (named := mentions.organisations.get(words.lower())):
        yield named
    elif party := mentions.party_called(words) or mentions.party_called(modifier.text):
        yield party


def organisation_named_by(modifier: Token, noun: Token, trigger: Trigger, mentions: Mentions) -> Iterator[Entity]:
    """The one organisation of the story whose name holds the nouns modifying a title: 'Police Chief Tom Reed'
    in a story naming one police department, 'town council leader Ann Lee', 'Rovers boss Tom Reed'. Not a
    politician's title: 'Transport minister' names a portfolio, not the Department for Transport."""
    if trigger.relation not in ("works_for", "member_of") or noun.lemma_.lower() in tables().party_roles \
            or modifier.dep_ not in ("compound", "nmod", "amod") \
            or modifier.pos_ not in ("NOUN", "PROPN") and not modifier.text[:1].isupper():
        return
    words = modifier.doc[modifier.left_edge.i:modifier.i + 1]
    if all(word.is_alpha for word in words) and all(own_mention(word, noun, mentions) is None for word in words) \
            and bare(words.text) not in tables().portfolios \
            and (organisation := mentions.organisation_with_words(words.text)) is not None:
        yield organisation


def owners_beside_unnamed(token: Token, noun: Token, mentions: Mentions) -> list[Token]:
    """For a common noun that is no mention of its own, the names set beside it ('the book The Long Road'),
    then the organisation owning it: 'the head of the Red Cross's delegation' works for the Red Cross.
    Organisations only: 'the mother of Tom's child' is no kin of Tom's."""
    if own_mention(token, noun, mentions) is not None:
        return []
    beside = [] if token.lemma_.lower() in tables().party_groups else [  # "the leader of the Green group, Ann
        child for child in token.children if child.dep_ == "appos"]      # Hill": she leads it, she is not it
    return beside + [
        child for child in token.children if child.dep_ == "poss" and (owner := mentions.entity_of(child))
        and owner.type == ORG]


def phrase_mention(token: Token, noun: Token, mentions: Mentions) -> tuple[Mention, Entity] | None:
    """A person mention that opens the noun phrase of `token` and stops short of it: 'The 22-year-old' in 'The
    22-year-old striker, whose father…', where the entities stage left the noun out."""
    if token.pos_ != "NOUN" or token.left_edge.i == token.i:
        return None
    found = own_mention(token.left_edge, noun, mentions)
    if found is None or found[1].type != PERSON or found[0].end > token.idx:
        return None
    return found if all(mentions.of_token(word) in (found, None) for word in token.doc[token.left_edge.i:token.i]) \
        else None


def subject_having(noun: Token) -> Token | None:
    """The subject of the 'have' whose object a noun is: 'Ann' in 'Ann has two sons'."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_ != "have":
        return None
    return next((child for child in verb.children if child.dep_ == "nsubj"), None)


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
    if pronoun.i == sentence_start:
        # "Its chief executive…" opening a sentence stands for the one the sentence before is about, not one named
        # in a clause inside it: "The plan was drawn up by Acme, formed after the council closed the mill."
        main = [(m, e) for m, e in named if not in_subordinate_clause(token_at(pronoun.doc, m.start))]
        named = main or named
    return max(named, key=lambda item: item[0].start)[1] if named else None


def in_subordinate_clause(token: Token | None) -> bool:
    """Whether a token lies in a clause hung on a word of its sentence (an adverbial, relative or participle
    clause), not in the main one."""
    return token is not None and link_up(token, SUBORDINATE_CLAUSES) is not None


def joined_modifier(noun: Token, mentions: Mentions) -> Token | None:
    """The organisation's name the parse made the head of a title whose modifiers are joined: in "a Labour and
    then Green MP" it reads "Labour" as the head and "MP" as joined to it, though both parties own the MP."""
    head = noun.head
    if noun.dep_ != "conj" or head.i > noun.i or (named := mentions.of_token(head)) is None or named[1].type != ORG:
        return None
    if any(child.dep_ == "det" for child in noun.children) or head.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass"):
        return None  # "a fellow at Acme and a former ambassador": the title has an article and a place of its own
    between = noun.doc[head.i + 1:noun.left_edge.i]
    return head if all(word.lower_ in JOINING_WORDS for word in between) else None


def works_named_beside(noun: Token, mentions: Mentions) -> list[Entity]:
    """The work an author noun's 'of' phrase names by a work noun and a name beside it, whatever type NER gave
    the name: in 'the writer of the song Elm Road' the noun says Elm Road is a song, not a street. The parse
    sets the name beside the noun or makes the noun a modifier of the name."""
    def is_work_noun(token: Token) -> bool:
        trigger = tables().triggers.get(token.lemma_.lower())
        return trigger is not None and trigger.relation == "author_of" and not trigger.holder_is_subject

    works = []
    for preposition in (child for child in noun.rights if child.dep_ == "prep" and child.lower_ == "of"):
        for target in (child for child in preposition.children if child.dep_ == "pobj"):
            if is_work_noun(target):
                names = [child for child in target.children if child.dep_ == "appos"]
            else:
                found = mentions.of_token(target)
                names = [target] if found and any(
                    is_work_noun(child) and child.idx + len(child) <= found[0].start for child in target.lefts) else []
            for name in names:
                found = mentions.of_token(name)
                if found and found[0].kind == "name" and found[1].type != PERSON:
                    works.append(found[1])
    return works


def team_town(noun: Token, mentions: Mentions) -> Entity | None:
    """The place named right before a sports title, which names the team: clubs and national sides are called
    by their town or country ('the Tamford coach', 'a Norland striker'), so NER types the name a place. Only
    as a modifier: 'the manager of Tamford' may run the town. When the article names the club after the town
    ('Tamford City', 'Tamford Rovers'), the title is that club's."""
    for child in noun.lefts:
        found = own_mention(child, noun, mentions) if child.dep_ in ("compound", "nmod") else None
        if found and found[0].kind == "name" and found[1].type == PLACE and found[0].end <= noun.idx:
            town = bare(found[0].text)
            clubs = {entity.id: entity for mention, entity in mentions.items if mention.kind == "name"
                     and entity.id != found[1].id and (words := bare(mention.text).rsplit(" ", 1))[0] == town
                     and len(words) == 2 and words[1] in tables().club_suffixes}
            return next(iter(clubs.values())) if len(clubs) == 1 else found[1]
    return None


def story_bodies(mentions: Mentions) -> dict[str, Entity]:
    """The organisations a story is about, by the titles they give: the one organisation the entities stage
    found called 'the company' or 'the group' gives company titles, the one called 'the club' a team's, the one
    called 'the museum' or 'the hospital' an institution's. Two so called, and neither is the story's."""
    table = tables()
    kinds = {"company": (frozenset(COMPANY_NOUNS), table.company_roles), **table.story_bodies}
    called: dict[str, dict[str, Entity]] = {kind: {} for kind in kinds}
    for mention, entity in mentions.items:
        words = mention.text.lower().split()
        if entity.type != ORG or mention.kind != "description" or words[:1] != ["the"]:
            continue
        for kind, (nouns, _) in kinds.items():
            if words[-1] in nouns:
                called[kind][entity.id] = entity
    givers: dict[str, set[str]] = {}
    by_id = {entity.id: entity for bodies in called.values() for entity in bodies.values()}
    for kind, bodies in called.items():
        for title in kinds[kind][1]:
            givers.setdefault(title, set()).update(bodies)
    for chamber, bodies in chambers_named(mentions).items():
        by_id.update(bodies)
        for title in table.chambers[chamber]:
            givers.setdefault(title, set()).update(bodies)
    return {title: by_id[next(iter(ids))] for title, ids in givers.items() if len(ids) == 1}


def chambers_named(mentions: Mentions) -> dict[str, dict[str, Entity]]:
    """The organisations the article names as a chamber of a legislature: by the chamber's word alone ('the
    Senate') or after a place or 'state' ('the Ohio House', 'the U.S. Senate'), not in a longer name ('the White
    House', 'Senate Finance Committee')."""
    chambers = tables().chambers
    places = data_table("places")["places"]
    found: dict[str, dict[str, Entity]] = {}
    for mention, entity in mentions.items:
        words = bare(mention.text).split()
        if entity.type != ORG or mention.kind != "name" or not words or words[-1] not in chambers:
            continue
        before = " ".join(mention.text.split()[-len(words):-1])
        if not before or before.lower() in ("state", "u.s.", "us") or before in places:
            found.setdefault(words[-1], {})[entity.id] = entity
    return found


def couple_owning(noun: Token, mentions: Mentions, sentence_number: int, couple_sentence: int) -> bool:
    """Whether a child noun is the couple's last named: 'the couple's son', 'the pair have a son', or 'their son'
    in the sentence naming the couple or the next ('his wife, Ann, and their two daughters')."""
    possessor = next((child for child in noun.children if possessive(child)), None) or subject_having(noun)
    if possessor is None or own_mention(possessor, noun, mentions) is not None:
        return False
    return possessor.lemma_.lower() in COUPLE_NOUNS or (possessor.lower_ in ("their", "they") and
                                                      sentence_number <= couple_sentence + 1)


def siblings_owning(noun: Token, trigger: Trigger, mentions: Mentions, sentence_number: int,
                    siblings_sentence: int) -> bool:
    """Whether a parent or sibling noun is the last named siblings': 'their father' or 'their sister' in the
    sentence naming a brother or sister or the next ('his brother, Tom, and their mother, Ann,'), or 'the
    siblings' mother', 'the brothers' father' anywhere after."""
    if trigger.relation not in ("parent_of", "sibling_of") or not trigger.holder_is_subject:
        return False
    possessor = next((child for child in noun.children if possessive(child)), None)
    if possessor is None or own_mention(possessor, noun, mentions) is not None:
        return False
    if possessor.tag_ == "NNS" and possessor.lemma_.lower() in SIBLING_NOUNS:
        return True
    return possessor.lower_ == "their" and sentence_number <= siblings_sentence + 1
