"""Who holds a trigger noun: the name after, beside or before it, in a title joined to it, or in an "as" phrase."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from ..lexicon import PERSON_ROLE_NOUNS
from ..schema import Entity, Mention
from .owners import OWNING_PREPOSITIONS, joined_modifier
from .reading import RELATIVE_PRONOUNS, Mentions, is_joined_title, own_mention, token_at, unique
from .tables import ORG, PERSON, PLACE, Trigger, tables

# What may stand between a trigger noun and the name beside it: "his brother, the Prince", "aide: Tom".
APPOSITION_GAP = {",", ":", "–", "—", "-", "the", "a", "an"}
COORDINATION = {",", "and", "&"}
# Words that may stand before an age set after a name: "Bakri, now six", "Ann, aged 12".
AGE_WORDS = {"now", "aged"}


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
    if not found and not plural:  # "Acme president and chief executive Ann Lee": the name after the last title
        for joined in (child for child in noun.children if child.dep_ == "conj"):
            if is_joined_title(joined) and (other := triggers.get(joined.lemma_.lower())) is not None \
                    and other.relation == trigger.relation:
                found = unique(holders(joined, trigger, mentions))
                break
    if not found and (modifier := joined_modifier(noun, mentions)) is not None and modifier.dep_ == "appos":
        named = mentions.of_token(modifier.head)  # "Tom Reed, a Labour and then Green MP,"
        if named and named[0].kind == "name" and named[1].type in trigger.holder_types:
            found = [named[1]]
    if not found and trigger.relation in ("works_for", "member_of") and (held := holder_of_as_phrase(
            noun, trigger, mentions)) is not None:
        found = [held]
    return found


def holders(noun: Token, trigger: Trigger, mentions: Mentions) -> Iterator[Entity]:
    """The entity a trigger noun's phrase names."""
    doc = noun.doc
    around = mentions.of_token(noun)
    one = one_of(noun)  # "Tom Reed, one of its directors," is one of them, as "Tom Reed, its director," is it
    plural = noun.tag_ in ("NNS", "NNPS") and one is None  # "his parents": only names beside it say who
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
    phrase_start = (one or noun).left_edge.i
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
    # A copula the other way round: "her brother is Tom", "Acme's partners are Ann Lee and Tom Reed".
    if noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
        for attribute in (child for child in noun.head.children if child.dep_ == "attr"):
            for token in (attribute, *attribute.conjuncts):
                found = mentions.of_token(token)
                if found and found[0].kind != "pronoun" and found[1].type in trigger.holder_types:
                    yield found[1]
    # A copula: "Tom is her brother", "Tom was appointed professor", "Tom was born in May and is her son".
    said = one or noun
    if said.dep_ in ("attr", "oprd") and said.head.lemma_ in tables().copulas:
        verb = said.head
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


def one_of(noun: Token) -> Token | None:
    """The 'one' a plural noun is counted from: 'one' in 'one of the club's directors'."""
    preposition = noun.head
    if noun.dep_ != "pobj" or preposition.lower_ != "of" or preposition.head.lower_ != "one" \
            or noun.tag_ not in ("NNS", "NNPS"):
        return None
    return preposition.head


def title_in_name(noun: Token, trigger: Trigger, mentions: Mentions) -> tuple[Mention, Entity] | None:
    """The name a title opens, with its person: 'Superintendent' in 'Superintendent Ann Lee'."""
    around = mentions.of_token(noun)
    if around is None or around[0].kind != "name" or around[1].type != PERSON or PERSON not in trigger.holder_types:
        return None
    following = noun.nbor() if noun.i + 1 < len(noun.doc) else None
    return around if following is not None and following.idx < around[0].end else None


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
        index = past_age(doc, head.end, sent_end)
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


def past_age(doc: Doc, index: int, sent_end: int) -> int:
    """Past the age set after a name at token `index`, if one is: ', 12', ', now six', ' (12)'; as kin are listed
    ('her sons, Tom, 12, and Ben, nine')."""
    if index + 2 < sent_end and doc[index].text == "(" and doc[index + 1].like_num and doc[index + 2].text == ")":
        return index + 3
    if index + 1 >= sent_end or doc[index].text != ",":
        return index
    number = index + 2 if doc[index + 1].lower_ in AGE_WORDS else index + 1
    return number + 1 if number < sent_end and doc[number].like_num else index


def job_before_name(doc: Doc, index: int, sent_end: int) -> bool:
    """Whether token `index` is a one-word job right before a name: 'guitarist' in 'his brother, guitarist Tom
    Lee'."""
    return index + 1 < sent_end and doc[index].is_lower and doc[index].lemma_ in PERSON_ROLE_NOUNS \
        and doc[index + 1].text[:1].isupper()


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
