"""An organisation named with a person: after the name ("Ian Reed, of Kent Police,", "Ann Lee (Green)"), as
its possessor ("Acme's Ann Lee") or a party before it ("Liberal Democrat Ann Lee"); a party's member called by
its name ("Ann Lee, a Democrat,"); and the members a party's plural lists ("two Greens – Ann Lee and Tom Reed")."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from ..lexicon import TITLES_OF_PLACE
from ..schema import Entity, Relation
from .holders import names_after
from .reading import Mentions, named_only_after, possessive, sentence, token_at
from .tables import ORG, PERSON, PLACE, tables

# Determiners by which a plural noun is said of each of the names before it: "Ann and Tom, both Republicans".
EACH_OF_THEM = {"both", "all"}
# What sets a list beside the plural that introduces it: "three Democrats – Ann Lee, Tom Reed and Sam Hill".
LIST_DASHES = {":", "–", "—"}
# Organisations a person calls theirs because they serve in them: "his ministry", "her office", "their party".
SERVED_BODIES = {"agency", "department", "firm", "ministry", "office", "party"}


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
            if target.dep_ == "pobj" and (employer := mentions.entity_of(target) or part_owner(target, mentions)) \
                    and employer.type in employer_types:
                relation = mentions.affiliation(employer) if employer.type == ORG else "works_for"
                yield Relation(subject=person.id, relation=relation, object=employer.id, evidence=sentence(target))


def part_owner(part: Token, mentions: Mentions) -> Entity | None:
    """The organisation owning a part no mention names: 'Acme's legal team' in 'Ian Reed, of Acme's legal team'."""
    owner = next((child for child in part.children if possessive(child)), None)
    found = mentions.of_token(owner) if owner is not None else None
    return found[1] if found is not None and found[0].kind == "name" and found[1].type == ORG else None


def named_with(doc: Doc, mentions: Mentions) -> Iterator[Relation]:
    """A person's organisation named with their name: its possessor ("Acme's Ann Lee": staff of a company, a
    member of a party or club), a party before it ("Liberal Democrat Ann Lee"), a party or club in brackets
    after it ("Ann Lee (Greens)", as results are listed) or a US party mark ("Ann Lee, D-Ohio,")."""
    for mention, person in mentions.items:
        if person.type != PERSON or mention.kind != "name":
            continue
        name = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if name is None:
            continue
        if name.start and doc[name.start - 1].is_quote and doc[name.start - 1].tag_ != "POS":
            continue  # "Norvale TV's "Morning Ian"": a show's title, whatever NER made of it
        found: list[tuple[str, Entity]] = []
        # The parse may hang what stands before a name on any of its words: "Acme's Ann Lee Roy" on "Ann".
        for child in (child for word in name for child in word.lefts if child.i < name.start):
            owner = mentions.of_token(child)
            if child.dep_ == "poss" and owner and owner[1].type == ORG:
                found.append((mentions.affiliation(owner[1]), owner[1]))
            elif child.dep_ in ("compound", "amod", "nmod") and child.text[:1].isupper() and (
                    party := party_before(child, name.start, mentions)):
                found.append(("member_of", party))
        if name.end + 2 < len(doc) and doc[name.end].text == "(" and (side := bracketed(doc, name.end + 1, mentions)):
            found.append(("member_of", side))
        if (party := party_marked_after(doc, name.end, mentions)) is not None:
            found.append(("member_of", party))
        for relation, organisation in found:
            yield Relation(subject=person.id, relation=relation, object=organisation.id, evidence=sentence(name.root))


def party_before(modifier: Token, name_start: int, mentions: Mentions) -> Entity | None:
    """The party that the words from a modifier up to a name call it by: 'Liberal Democrat' before 'Ann Lee'."""
    named = mentions.of_token(modifier)
    if named is not None:
        return named[1] if mentions.body_kind(named[1]) == "party" else None
    return mentions.party_called(modifier.doc[modifier.left_edge.i:name_start].text)


def bracketed(doc: Doc, start: int, mentions: Mentions) -> Entity | None:
    """The party or club named alone between the brackets opening at `start`."""
    close = next((i for i in range(start, min(start + 6, len(doc))) if doc[i].text == ")"), None)
    if close is None or close == start:
        return None
    inside = doc[start:close]
    named = mentions.of_token(inside[0])
    if named is not None and named[0].end >= inside.end_char - 1 and mentions.body_kind(named[1]) in ("party", "club"):
        return named[1]
    return mentions.party_called(inside.text)


def party_marked_after(doc: Doc, end: int, mentions: Mentions) -> Entity | None:
    """The party of the mark set after a US legislator's name, when the article names that party: 'Ann Lee,
    D-Ohio,' or 'Tom Roy (R-Texas)'."""
    if end + 4 > len(doc) or doc[end].text not in (",", "("):
        return None
    letter, dash, state = doc[end + 1], doc[end + 2], doc[end + 3]
    party = tables().party_letters.get(letter.text.lower()) if len(letter.text) == 1 and letter.is_upper else None
    if party is None or dash.text != "-" or not state.text[:1].isupper() or dash.whitespace_ or letter.whitespace_:
        return None
    return mentions.party_called(party)


def possessed_parties(doc: Doc, mentions: Mentions) -> Iterator[Relation]:
    """'her Liberal Democrats', 'his Conservatives': the party a person calls theirs is the one they belong to."""
    for mention, party in mentions.items:
        if party.type != ORG or mention.kind != "name" or mentions.body_kind(party) != "party":
            continue
        name = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if name is None:
            continue
        for possessor in (child for child in name.root.children if child.dep_ == "poss" and child.i < name.start):
            owner = mentions.of_token(possessor)
            if owner is not None and owner[1].type == PERSON and not (
                    possessor.pos_ == "PRON" and named_only_after(owner[1], possessor.idx)):
                yield Relation(subject=owner[1].id, relation="member_of", object=party.id, evidence=sentence(name.root))


def possessed_bodies(doc: Doc, mentions: Mentions) -> Iterator[Relation]:
    """'his ministry', 'her office', 'their party': an organisation a person's possessive pronoun calls theirs by
    a noun of the bodies one serves in is theirs: they work for it, or are its member."""
    for mention, body in mentions.items:
        words = mention.text.lower().split()
        if body.type != ORG or mention.kind != "description" or len(words) != 2 or words[1] not in SERVED_BODIES:
            continue
        possessor = token_at(doc, mention.start)
        owner = mentions.of_token(possessor) if possessor is not None and possessor.tag_ == "PRP$" else None
        if owner is not None and owner[1].type == PERSON and owner[0].kind == "pronoun" \
                and not named_only_after(owner[1], possessor.idx):
            yield Relation(subject=owner[1].id, relation=mentions.affiliation(body), object=body.id,
                           evidence=sentence(possessor))


def party_members(doc: Doc, mentions: Mentions) -> Iterator[Relation]:
    """'Tom Reed, the Elmby Republican,', 'Ann Lee is a Tory': a party's name as a noun for one person, set beside
    a name or said of it by a copula, makes them a member of the party the article names; so does its plural
    after 'both' or 'all' for each of the names joined ('Ann Lee and Tom Reed, both Republicans,')."""
    copulas = tables().copulas
    for token in mentions.tokens:
        if token.dep_ not in ("appos", "attr") or token.tag_ not in ("NN", "NNP", "NNS", "NNPS"):
            continue
        plural = token.tag_ in ("NNS", "NNPS")
        determiners = {child.lower_ for child in token.children if child.dep_ == "det"}
        if not determiners or plural and not determiners & EACH_OF_THEM:
            continue
        inside = mentions.of_token(token)
        if plural and inside is not None and mentions.body_kind(inside[1]) == "party":
            party = inside[1]  # "both Republicans" is a mention of the party itself
        elif inside is not None and inside[1].type != PERSON or (party := mentions.party_called(token.text)) is None:
            continue
        if token.dep_ == "appos":
            holders = [token.head]
        elif token.head.lemma_ in copulas:
            holders = [child for child in token.head.children if child.dep_ == "nsubj"]
        else:
            holders = []
        if plural:
            holders = [joined for holder in holders for joined in (holder, *holder.conjuncts)]
        for holder in holders:
            found = mentions.of_token(holder)
            if found is not None and found[0].kind == "name" and found[1].type == PERSON:
                yield Relation(subject=found[1].id, relation="member_of", object=party.id, evidence=sentence(token))


def party_lists(doc: Doc, mentions: Mentions) -> Iterator[Relation]:
    """The people a party's plural introduces as a list: "three Democrats – Ann Lee, Tom Reed and Sam Hill", and
    "Here are the Labour MPs who voted against:" with one name a line after it. Each listed name is a member."""
    party_roles = tables().party_roles | {"member"}
    for noun in mentions.tokens:
        # The tagger takes a short title's plural for a singular: "MPs"
        if noun.tag_ not in ("NNS", "NNPS") and not (noun.text[-1:] == "s" and noun.text[:-1].lower() in party_roles):
            continue
        party = party_of_plural(noun, mentions, party_roles)
        if party is None:
            continue
        following = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
        if following is not None and following.text in LIST_DASHES:
            members = names_after(doc, noun.i + 1, mentions, frozenset({PERSON}), many=True)
        elif (colon := list_colon(noun)) is not None:
            on_lines = colon.i + 1 < len(doc) and "\n" in colon.whitespace_ + doc[colon.i + 1].text
            members = names_on_lines(doc, colon.i + 1, mentions) if on_lines else names_after(
                doc, colon.i + 1, mentions, frozenset({PERSON}), many=True)
        else:
            continue
        for member in members:
            yield Relation(subject=member.id, relation="member_of", object=party.id, evidence=sentence(noun))


def party_of_plural(noun: Token, mentions: Mentions, party_roles: frozenset[str]) -> Entity | None:
    """The party a plural noun names people of: itself ('Republicans') or a party's name before a politicians'
    noun ('Labour MPs', 'Senate Democrats')."""
    named = mentions.of_token(noun)
    if named is not None and named[1].type == PERSON:
        return None
    if named is not None and mentions.body_kind(named[1]) == "party":
        return named[1]
    if (party := mentions.party_called(noun.text)) is not None:
        return party
    if not {noun.lemma_.lower(), noun.lower_.removesuffix("s")} & party_roles:
        return None
    for modifier in (child for child in noun.lefts if child.dep_ in ("compound", "amod", "nmod")):
        found = mentions.of_token(modifier)
        if found is not None and mentions.body_kind(found[1]) == "party":
            return found[1]
        if (called := mentions.party_called(modifier.text)) is not None:
            return called
    return None


def list_colon(noun: Token) -> Token | None:
    """The colon closing the phrase of a plural that a copula presents or that stands alone, where a list of what it
    names follows: "Here are the Labour MPs who voted to stay:", "The rebels:". Not one after a verb the plural
    is the subject of ("The Greens called two experts:")."""
    if noun.dep_ != "ROOT" and noun.head.lemma_ != "be":
        return None
    doc = noun.doc
    end = noun.right_edge.i
    while end > noun.i and doc[end].is_space:
        end -= 1
    after = doc[end + 1] if end + 1 < len(doc) else None
    return next((token for token in (*doc[noun.i + 1:end + 1], after) if token is not None and token.text == ":"),
                None)


def names_on_lines(doc: Doc, start: int, mentions: Mentions) -> list[Entity]:
    """The people named one a line from token `start` on, each line opening with a name ('Ann Lee of Ohio'), up
    to the first line that does not."""
    people: list[Entity] = []
    index = start
    while index < len(doc):
        while index < len(doc) and doc[index].is_space:
            index += 1
        found = mentions.starting.get(doc[index].idx) if index < len(doc) else None
        if found is not None and found[0].kind == "name" and found[1].type == PERSON:
            people.append(found[1])
        elif not (index + 1 < len(doc) and doc[index].pos_ == doc[index + 1].pos_ == "PROPN"):
            break  # a line opening with two proper nouns is a name NER missed, and the list goes on
        while index < len(doc) and "\n" not in doc[index].text and "\n" not in doc[index].whitespace_:
            index += 1  # to the end of the line
        index += 1
    return people
