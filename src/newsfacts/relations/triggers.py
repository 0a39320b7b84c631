"""Relations a trigger noun states between the one it names (the holder) and its owner: "his brother Tom",
"Tom, her brother,", "Acme spokesman Ben Cole", "the director of Acme, Ann Lee", "Tom is her son"."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from ..lexicon import COMPANY_NOUNS, PERSON_ROLE_NOUNS
from ..parse import RELATIVE_TAGS
from ..schema import Entity, Mention, Relation
from .reading import RELATIVE_PRONOUNS, Mentions, bare, named_only_after, own_mention, sentence, token_at, unique
from .tables import ORG, PERSON, PLACE, Trigger, tables
from .verbs import married

# Relations a "former" or "ex-" undoes: an ex-wife is no wife. A former MP was a member, and the role says so;
# kinship stays whatever happens.
ENDED_BY_FORMER = {"spouse_of"}
# What may stand between a trigger noun and the name beside it: "his brother, the Prince", "aide: Tom".
APPOSITION_GAP = {",", ":", "–", "—", "-", "the", "a", "an"}
COORDINATION = {",", "and", "&"}
# What opens a list set beside a plural noun: "her children, Ann and Tom", "two sons – Tom and Ben".
LIST_OPENERS = {",", ":", "–", "—", "-"}
# What joins two modifiers of one title: "a Labour and then Green MP", "an Acme or Norvale director".
JOINING_WORDS = {",", "and", "or", "then", "later", "&"}
# Prepositions whose object owns a trigger noun: "director of Acme", "a professor at Acme", "a spokesman for Acme".
OWNING_PREPOSITIONS = {"of", "at", "for"}


def owners(noun: Token, trigger: Trigger, mentions: Mentions) -> Iterator[Entity]:
    """The possessor, organisation modifier, or "of"/"at" object of a trigger noun.

    Only a name, a pronoun or a description the entities stage resolved owns: "secretary of state" is a
    title, not a job at something called "state". A party's adjective owns it too ("a Tory MP"), and a
    person's name before a job title employs its holder ("Acme Party leader Tom Reed's adviser Ann Lee").
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
            for target in (child for child in preposition.children if child.dep_ == "pobj"):
                if (found := own_mention(target, noun, mentions)) and found[0].kind in ("name", "description") \
                        and mentions.body_kind(found[1]) in ("legislature", "association"):
                    yield found[1]
    clause = noun.head
    if noun.dep_ == "attr" and clause.dep_ == "relcl" and any(
            preposition.dep_ == "prep" and preposition.lower_ in OWNING_PREPOSITIONS and any(
                relative.dep_ == "pobj" and relative.tag_ in RELATIVE_TAGS for relative in preposition.children)
            for preposition in (*clause.children, *clause.head.children)):
        candidates.append(clause.head)  # "Acme, the firm of which Tom Reed is director"
    if noun.dep_ == "pobj" and noun.head.dep_ == "agent" and noun.head.head.lemma_ in tables().survival_verbs:
        # "X is survived by two sons"
        candidates += [child for child in noun.head.head.children if child.dep_ == "nsubjpass"]
    for token in possessors:
        if token.pos_ == "NOUN" and own_mention(token, noun, mentions) is None and any(
                child.lower_ == "the" for child in token.children) and (
                called := mentions.organisation_called(token.lower_)):
            yield called  # "the council's chief executive", inside her description: the council the story names
    for token in candidates:
        found = own_mention(token, noun, mentions) or phrase_mention(token, noun, mentions)
        if found and token.pos_ == "PRON" and named_only_after(found[1], token.idx):
            continue  # "His brother, Tom, ... married Ben": a pronoun given to someone not yet named is a guess
        # A lower-case owner counts when it is a mention itself: "the mayor's aide" once "the mayor" is known.
        if found and (token.pos_ == "PRON" or token.text[:1].isupper() or found[0].kind in ("title", "description")):
            yield found[1]


def organisation_just_before(noun: Token, mentions: Mentions) -> Entity | None:
    """'Acme' in 'Acme defender Ian Moss' when the parse hung 'Acme' elsewhere: an organisation's name right
    before a title that is right before a person's name. The title may have plain words of its own: 'Acme chief
    executive Ann Lee'."""
    doc = noun.doc
    start = noun.left_edge.i
    if start == 0 or noun.i + 1 >= len(doc) or not all(word.is_lower and word.is_alpha for word in doc[start:noun.i]):
        return None
    named = mentions.ending.get(doc[start - 1].idx + len(doc[start - 1]))
    following = mentions.starting.get(doc[noun.i + 1].idx)
    if named is None or following is None or named[0].kind != "name" or named[1].type != ORG:
        return None
    return named[1] if following[0].kind == "name" and following[1].type == PERSON else None


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
        roles: set[int] = set()
        while index < sent_end:
            if doc[index].lower_ in APPOSITION_GAP:
                index += 1
            elif not roles and job_before_name(doc, index, sent_end):
                roles.add(index)
                index += 1
            else:
                break
        found = next((mentions.starting[doc[i].idx] for i in range(gap_start, min(index + 1, sent_end))
                      if doc[i].idx in mentions.starting and i not in roles), None)
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


def job_before_name(doc: Doc, index: int, sent_end: int) -> bool:
    """Whether token `index` is a one-word job right before a name: 'guitarist' in 'his brother, guitarist Tom
    Lee'."""
    return index + 1 < sent_end and doc[index].is_lower and doc[index].lemma_ in PERSON_ROLE_NOUNS \
        and doc[index + 1].text[:1].isupper()


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
    if noun.dep_ == "dobj" and noun.head.i == noun.i - 1 and noun.head.tag_ == "VBG":
        phrase_start = noun.head.left_edge.i  # "managing director" parsed as a verb and its object
    while phrase_start and doc[phrase_start - 1].pos_ == "ADV" and doc[phrase_start - 1].is_lower:
        phrase_start -= 1  # "Tom Reed, currently director of Acme"
    name_end = name_end_before(doc, phrase_start)
    if not named and not plural and name_end is not None:
        before = mentions.ending.get(doc[name_end].idx + len(doc[name_end].text))
        if before and before[1].type in trigger.holder_types:
            yield before[1]
    if not named and plural:  # "Tom Reed, 20, and Ann Cole, 19, both students at Acme"
        yield from pair_before_both(noun, trigger, mentions)
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
            entity = mentions.entity_of(subject)
            if entity is None:  # "whose father, Tom Reed, … is now her assistant"
                entity = next((named[1] for child in subject.children if child.dep_ == "appos"
                               and (named := mentions.of_token(child)) and named[0].kind == "name"), None)
            if entity is not None and entity.type in trigger.holder_types:
                yield entity


def pair_before_both(noun: Token, trigger: Trigger, mentions: Mentions) -> list[Entity]:
    """The two names a 'both' phrase set after them describes: those on either side of the last 'and' of its
    sentence before it ('Tom Reed, 20, and Ann Cole, 19, both students at Acme'), however the parse hung them.
    A name after a preposition on the way is where one is from ('Ann Cole, of Leeds, both …'); any other name
    there would be a third person, and then no one is read."""
    doc = noun.doc
    start = noun.left_edge.i
    if start == 0 or doc[start].lower_ != "both" or doc[start - 1].text != ",":
        return []
    joint = next((token for token in reversed(doc[noun.sent.start:start - 1]) if token.lower_ == "and"), None)
    if joint is None:
        return []
    names = [(m, e) for m, e in mentions.items if m.kind == "name" and e.type in trigger.holder_types
             and noun.sent.start_char <= m.start and m.end <= doc[start - 1].idx]
    before = [item for item in names if item[0].end <= joint.idx]
    after = sorted((item for item in names if item[0].start > joint.idx), key=lambda item: item[0].start)
    if not before or not after:
        return []
    first, second = max(before, key=lambda item: item[0].start)[1], after[0][1]
    for mention, _ in after[1:]:
        previous = token_at(doc, mention.start)
        if previous is None or previous.i == 0 or previous.nbor(-1).pos_ != "ADP":
            return []
    return [first, second] if first.id != second.id else []


def name_end_before(doc: Doc, phrase_start: int) -> int | None:
    """The token that may end a name set before a phrase opening at `phrase_start` after a comma, past an age
    given between: 'Tom Reed, her brother', 'Tom Reed, 41, her brother', 'Tom Reed (41), her brother'."""
    if phrase_start < 2 or doc[phrase_start - 1].text != ",":
        return None
    end = phrase_start - 2
    if end >= 2 and doc[end].like_num and doc[end - 1].text == ",":
        end -= 2
    elif end >= 3 and doc[end].text == ")" and doc[end - 1].like_num and doc[end - 2].text == "(":
        end -= 3
    return end


def holders_of_conjuncts(noun: Token, trigger: Trigger, mentions: Mentions) -> list[Entity]:
    """The holders of a trigger noun, or else of the title it is joined to: in "Ann Lee, editor of the paper
    and a professor at Acme", Ann Lee is the professor too."""
    found = unique(holders(noun, trigger, mentions))
    triggers = tables().triggers
    plural = noun.tag_ in ("NNS", "NNPS")  # "the president and the party's leaders" are other people
    while not found and not plural and noun.dep_ == "conj" and noun.head.pos_ == "NOUN" \
            and noun.head.lemma_.lower() in triggers:
        noun = noun.head
        found = unique(holders(noun, trigger, mentions))
    if not found and (modifier := joined_modifier(noun, mentions)) is not None and modifier.dep_ == "appos":
        named = mentions.of_token(modifier.head)  # "Tom Reed, a Labour and then Green MP,"
        if named and named[0].kind == "name" and named[1].type in trigger.holder_types:
            found = [named[1]]
    if not found and trigger.relation in ("works_for", "member_of") and (held := holder_of_as_phrase(
            noun, trigger, mentions)) is not None:
        found = [held]
    return found


def holder_of_as_phrase(noun: Token, trigger: Trigger, mentions: Mentions) -> Entity | None:
    """Who holds a job named in an 'as' phrase: the possessor of the noun the phrase hangs on ('his spell as
    Acme manager'), else the object of an appointing verb ('Acme named Tom as director'; an appointing verb
    whose object is no person gives no one), else its subject ('Tom served as director of Acme', 'Ann succeeded
    Tom as director', 'after a year as Acme's coach, Tom left'). Jobs only: 'treats him as a son' is no
    kinship. Nor does a pronoun hold one: the clause may be far from the name it stands for."""
    preposition = noun.head
    if noun.dep_ != "pobj" or preposition.lower_ != "as":
        return None
    bearer = preposition.head
    if bearer.pos_ == "NOUN":
        for child in bearer.children:
            if child.dep_ == "poss" and (found := own_mention(child, noun, mentions)):
                return found[1] if found[1].type in trigger.holder_types and found[0].kind != "pronoun" else None
    verb = bearer
    for _ in range(4):  # up through the noun phrases and prepositions between the 'as' and its clause
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    appointing = verb.lemma_.lower() in tables().appointing_verbs
    for roles in ((("dobj",),) if appointing else ()) + (("nsubj", "nsubjpass"),):
        ends = [child for child in verb.children if child.dep_ in roles]
        if ends:
            found = mentions.of_token(ends[0])
            if ends[0].lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                found = mentions.of_token(verb.head)  # "Ann Lee, who served as director of Acme"
            return found[1] if found and found[1].type in trigger.holder_types and found[0].kind != "pronoun" \
                else None
    return None


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
            if target.dep_ == "pobj" and found is None and target.lemma_.lower() in tables().party_groups:
                return target.i + 1  # "the leader of the Green group, Ann Hill"
    return len(noun.doc)


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
    return {title: by_id[next(iter(ids))] for title, ids in givers.items() if len(ids) == 1}


def couple_owning(noun: Token, mentions: Mentions, sentence_number: int, couple_sentence: int) -> bool:
    """Whether a child noun is the couple's last named: 'the couple's son', or 'their son' in the sentence
    naming the couple or the next ('his wife, Ann, and their two daughters')."""
    possessor = next((child for child in noun.children if child.dep_ == "poss"), None)
    if possessor is None or own_mention(possessor, noun, mentions) is not None:
        return False
    return possessor.lemma_.lower() == "couple" or (possessor.lower_ == "their" and
                                                      sentence_number <= couple_sentence + 1)


def siblings_owning(noun: Token, trigger: Trigger, mentions: Mentions, sentence_number: int,
                    siblings_sentence: int) -> bool:
    """Whether a parent or sibling noun is the last named siblings': 'their father' or 'their sister' in the
    sentence naming a brother or sister or the next ('his brother, Tom, and their mother, Ann,')."""
    if trigger.relation not in ("parent_of", "sibling_of") or not trigger.holder_is_subject:
        return False
    possessor = next((child for child in noun.children if child.dep_ == "poss"), None)
    return possessor is not None and possessor.lower_ == "their" and own_mention(possessor, noun, mentions) is None \
        and sentence_number <= siblings_sentence + 1


def trigger_relations(doc: Doc, mentions: Mentions) -> Iterator[Relation]:
    table = tables()
    bodies = story_bodies(mentions)
    sentence_numbers = {sent.start: number for number, sent in enumerate(doc.sents)}
    couple: list[Entity] = []  # the spouses named last, and the sentence naming or calling them back
    couple_sentence = -2
    siblings: list[Entity] = []  # the brothers or sisters named last, and the sentence naming them
    siblings_sentence = -2
    for noun in mentions.tokens:
        # A noun the tagger took for a verb still modifies the name after it: "Acme defender Tom Reed".
        # So is one taken for an adjective that a copula gives an owner: "Tom was chief of Acme".
        pos, dep = noun.pos_, noun.dep_  # read once: spaCy looks each up in its string store
        is_noun = pos in ("NOUN", "PROPN") or dep == "compound" or pos == "ADJ" and dep == "attr" and any(
            child.dep_ == "prep" and child.lower_ in OWNING_PREPOSITIONS for child in noun.children)
        trigger = trigger_of(noun.lemma_.lower() if pos != "VERB" else noun.lower_) if is_noun else None
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
        if titled is not None:
            found_owners += [o for o in owners_before_name(titled[0], noun, mentions) if o.type in owner_types]
        if not found_owners and trigger.relation == "author_of" and trigger.holder_is_subject:
            found_owners = works_named_beside(noun, mentions)
        if not found_owners and noun.lemma_.lower() in table.club_titles and (town := team_town(noun, mentions)):
            found_owners = [town]
        if not found_owners and role in bodies:
            found_owners = [bodies[role]]
        sentence_number = sentence_numbers[noun.sent.start]
        listing = listing_noun(noun, trigger) if not found_owners else None
        if listing is not None:  # "her three children: daughters Ann and Mia and son Tom" are her children
            found_owners = [o for o in owners(listing, trigger, mentions) if o.type in owner_types]
        # "She married Tom. She is survived by their son": the son is the couple's, not hers alone.
        if couple and {owner.id for owner in found_owners} <= {spouse.id for spouse in couple} \
                and trigger.relation == "parent_of" and not trigger.holder_is_subject \
                and couple_owning(listing if listing is not None else noun, mentions, sentence_number,
                                  couple_sentence):
            found_owners, couple_sentence = couple, sentence_number
        # "His brother, Tom, ... and their mother, Ann": she is the mother of both.
        if siblings and not found_owners and siblings_owning(noun, trigger, mentions, sentence_number,
                                                              siblings_sentence):
            found_owners = siblings
        owner_ids = {owner.id for owner in found_owners}
        found_holders = [titled[1]] if titled is not None else holders_of_conjuncts(noun, trigger, mentions)
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


def trigger_of(word: str) -> Trigger | None:
    """The trigger a noun is, by the tables or, for the many names of sciences' and crafts' practitioners, by its
    ending ('epidemiologist', 'statistician', 'podiatrist'): a job."""
    table = tables()
    if word in table.triggers:
        return table.triggers[word]
    return table.triggers["scientist"] if word.endswith(table.job_endings) else None


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
        # "a junior minister at the Department of Rivers" works there
        ends = {word for form in mentions.forms(owner) if form for word in (form.split()[0], form.split()[-1])}
        return "works_for" if ends & table.government_departments else None
    if trigger.relation == "works_for" and (kind == "party" or kind in ("legislature", "association")
                                            and word in table.member_titles):
        return "member_of"
    return trigger.relation


def title_in_name(noun: Token, trigger: Trigger, mentions: Mentions) -> tuple[Mention, Entity] | None:
    """The name a title opens, with its person: 'Superintendent' in 'Superintendent Ann Lee'."""
    around = mentions.of_token(noun)
    if around is None or around[0].kind != "name" or around[1].type != PERSON or PERSON not in trigger.holder_types:
        return None
    following = noun.nbor() if noun.i + 1 < len(noun.doc) else None
    return around if following is not None and following.idx < around[0].end else None


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
