"""Places inside places, and organisations in places, from how the names are set: "Springfield, Illinois",
"the Acme Institute in Leeds"."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from ..lexicon import PLACE_NOUNS
from ..schema import Entity, Mention, Relation
from .reading import Mentions, bare, sentence, token_at
from .tables import ORG, PERSON, PLACE, tables


def ends_place_name(doc: Doc, end: int) -> bool:
    """Whether what follows a place name lets it close an address: punctuation, a preposition or a date."""
    following = token_at(doc, end)
    return following is None or following.is_punct or following.pos_ == "ADP" or following.ent_type_ in (
        "DATE", "TIME")


def place_pairs(doc: Doc, mentions: Mentions) -> Iterator[Relation]:
    """"Springfield, Illinois": a place named and then the place it lies in, outside of a list; and each place of
    an address, the places joined by commas alone and no 'and' ("Elm Close, Tamford, Co Norland": the close lies
    in Tamford, Tamford in the county)."""
    places = sorted((m for m, e in mentions.items if e.type == PLACE and m.kind == "name"), key=lambda m: m.start)
    text = doc.text
    runs: list[list[Mention]] = []  # the places joined by commas alone, in order
    for place in places:
        if runs and text[runs[-1][-1].end:place.start].strip() == ",":
            runs[-1].append(place)
        else:
            runs.append([place])
    list_joints = {"and", "or", ", and", ", or"}
    for number, run in enumerate(runs):
        if len(run) < 2 or not ends_place_name(doc, run[-1].end):
            continue  # "with Norland, Vestia should sue": the second name starts a clause
        later = runs[number + 1][0] if number + 1 < len(runs) else None
        earlier = runs[number - 1][-1] if number else None
        listed = text[run[-1].end:].lstrip(" ").startswith(("and ", "or ")) or (
            later is not None and text[run[-1].end:later.start].strip() in list_joints) or (
            earlier is not None and text[earlier.end:run[0].start].strip() in list_joints)
        if listed:
            continue  # "Paris, Rome and Oslo" is a list, not a place inside another
        for inner, outer in zip(run, run[1:]):
            inner_entity, outer_entity = mentions.starting[inner.start][1], mentions.starting[outer.start][1]
            if inner_entity.id != outer_entity.id and (token := token_at(doc, inner.start)):
                yield Relation(subject=inner_entity.id, relation="located_in", object=outer_entity.id,
                               evidence=sentence(token))


def places_in(doc: Doc, mentions: Mentions) -> Iterator[Relation]:
    """'the Acme Institute in Leeds', 'the Acme estate in Leeds', 'Acme, a firm in the town of Leeds', 'Elm
    Lodge, in Tamford district,', 'Reed's Bar on Elm Street': a name and the place an 'in' set after it names, or
    the street an 'on' names."""
    for preposition in mentions.tokens:
        if preposition.lower_ not in ("in", "on") or preposition.i + 1 >= len(doc):
            continue
        place = place_after(preposition, mentions)
        on_street = place is not None and is_street(place, mentions)
        if preposition.lower_ == "on" and (not on_street or doc[preposition.i - 1].text == ","):
            continue  # "on" locates only on a street, right after: "Reed's Bar on Elm Street"
        named = located_before(preposition, mentions, on_street)
        if named is not None and place is not None and named.id != place.id:
            yield Relation(subject=named.id, relation="located_in", object=place.id, evidence=sentence(preposition))


def is_street(place: Entity, mentions: Mentions) -> bool:
    """Whether a place is a street, by the last word of a name of it ('Elm Street', 'Mill Lane')."""
    return any(mention.kind == "name" and mention.text.split()[-1].lower() in tables().street_heads
               for mention in place.mentions)


def located_before(preposition: Token, mentions: Mentions, on_street: bool = False) -> Entity | None:
    """The place or organisation an 'in' says where it is: the name the parse hangs it on (or the name set
    beside that noun, or inside it: 'the Acme estate'), else one the text sets right before it when the parse
    hung it elsewhere: a place or a building ('Elm Court in Tamford') or a name with the 'in' phrase between
    commas ('Acme, in Tamford district,')."""
    doc = preposition.doc
    if preposition.dep_ == "prep":
        head = preposition.head
        named = mentions.of_token(head)
        if (named is None or named[0].kind != "name" and named[1].type in (ORG, PLACE)) and head.dep_ == "appos" \
                and head.pos_ in ("NOUN", "PROPN"):
            # "Elm Lodge, the family's home in Tamford": the name the description is set beside. Not a number
            # set beside a place ("2,000 in Tamford, 300 in Elmby"), which says nothing of where it lies.
            named = mentions.of_token(head.head) or named
        if named is None and head.pos_ == "NOUN" and head.lemma_.lower() in tables().buildings:
            # "the Elm Court development in Tamford"; not "the Norland embassy in Tamford" (a country's building)
            # nor "Norvale climate talks in Tamford" (no building), nor a building called after a valley
            named = next((found for child in head.lefts if child.dep_ == "compound"
                          and (found := mentions.of_token(child)) and found[1].type == ORG), None)
            if named is not None and named[0].text.split()[-1].lower() in tables().areas:
                return None
        if named is not None:
            return named[1] if located_name(named, head, mentions) else None
    previous = doc[preposition.i - 1] if preposition.i else None
    if previous is None:
        return None
    between_commas = previous.text == "," and preposition.i >= 2 and closes_phrase(preposition, mentions)
    last = doc[preposition.i - 2] if between_commas else previous
    named = mentions.ending.get(last.idx + len(last.text))
    if named is None and last.lemma_.lower() in tables().buildings:
        # "Elm Court housing complex in Tamford": the organisation naming the building noun, however the parse
        # hung the 'in'; as above, not a country's building nor one called after a valley
        named = next((found for word in last.subtree if word.i < last.i and word.dep_ == "compound"
                      and (found := mentions.of_token(word)) and found[0].end <= last.idx and found[1].type == ORG
                      and found[0].text.split()[-1].lower() not in tables().areas), None)
    if named is not None and named[0].kind == "description" and named[1].type == PLACE \
            and named[0].text.split()[-1].lower() in tables().buildings:
        return named[1]  # "police raided a scrapyard in Tamford", however the parse hung the 'in'
    if named is None or named[0].kind != "name" or named[1].type not in (ORG, PLACE) or names_event(named[0]):
        return None
    # Whatever is named right before a street it lies on is a building: "the Old Mill in Elm Street"
    building = named[1].type == PLACE or named[0].text.split()[-1].lower() in tables().buildings or on_street
    return named[1] if building or between_commas else None


def located_name(named: tuple[Mention, Entity], token: Token, mentions: Mentions) -> bool:
    """Whether a mention is the name of a place or an organisation, or the description of a building, that an
    'in' can locate: not a people
    ("Israelis in Gaza", which NER's nationality label gives the entities stage as an organisation), nor a storm
    ("Hurricane Ida in Texas"), nor a name ending a description of a person ("a GP in Elmby")."""
    if named[1].type not in (ORG, PLACE) or token.ent_type_ == "NORP":
        return False
    if named[0].kind != "name":  # a building described: "a chemical plant in Tamford"
        return named[0].kind == "description" and named[0].text.split()[-1].lower() in tables().buildings
    return not names_event(named[0]) and not any(
        mention.kind == "description" and entity.type == PERSON and mention.end == named[0].end
        for mention, entity in mentions.at(token))


def names_event(mention: Mention) -> bool:
    """Whether a name is an event's: "Hurricane Ida in Texas" happened there, whatever type NER gave the name."""
    return mention.text.split()[0].lower() in tables().event_nouns


def place_after(preposition: Token, mentions: Mentions) -> Entity | None:
    """The place named right after an 'in' ('in Rochester, Minn.' is in Rochester; 'in Tamford district'; 'in
    east Tamford'), or in the 'of' phrase of a noun there ('in the town of Leeds')."""
    doc = preposition.doc
    first = preposition.i + 1
    while first < len(doc) and (doc[first].dep_ == "det" or doc[first].text in tables().place_qualifiers):
        first += 1
    if first >= len(doc):
        return None
    found = mentions.starting.get(doc[first].idx)
    if found is None:  # "the town of Leeds", "the northern district of Leeds"
        target = next((child for child in preposition.children if child.dep_ == "pobj"), doc[first])
        of = next((child for child in target.children if child.dep_ == "prep" and child.lower_ == "of"), None)
        found = next((mentions.of_token(t) for t in of.children if t.dep_ == "pobj"), None) if of else None
    return found[1] if found and found[0].kind == "name" and found[1].type == PLACE else None


def closes_phrase(preposition: Token, mentions: Mentions) -> bool:
    """Whether the place after an 'in' ends at a comma or the end of the sentence, with at most a kind of place
    after its name ('in Tamford district,')."""
    place = place_after(preposition, mentions)
    if place is None:
        return False
    named = mentions.starting.get(preposition.nbor().idx) or mentions.starting.get(preposition.nbor(2).idx)
    if named is None:
        return False
    after = token_at(preposition.doc, named[0].end)
    if after is not None and after.lower_ in PLACE_NOUNS:
        after = after.nbor() if after.i + 1 < len(preposition.doc) else None
    return after is None or after.text in (",", ".", ";") or after.is_sent_end


def possessed_places(doc: Doc, mentions: Mentions) -> Iterator[Relation]:
    """A place owning a place or a site: "Norland's Tamford district", "Tamford's Acme museum", "Tamford's Acme
    Museum", and a place whose stretch of land it owns: "Norland's Tamford coast"."""
    table = tables()
    for possessor in mentions.tokens:
        owner = mentions.of_token(possessor) if possessor.dep_ == "poss" else None
        if owner is None or owner[0].kind != "name" or owner[1].type != PLACE:
            continue
        head = possessor.head
        named = mentions.of_token(head)
        if named is None and head.pos_ == "NOUN" and head.lemma_.lower() in PLACE_NOUNS | table.buildings | table.areas:
            named = next((found for child in head.lefts if child.dep_ == "compound"
                          and (found := mentions.of_token(child))), None)
            if named is not None and named[1].type == ORG:  # "Tamford's Acme museum": the museum is Acme
                named = named if head.lemma_.lower() in table.buildings else None
        elif named is not None and (named[0].kind != "name" or named[1].type != PLACE and not (
                named[1].type == ORG and named[0].text.split()[-1].lower() in table.buildings)):
            named = None  # an organisation only by the name of its building: not "Norland's Acme Bank"
        if named is not None and named[1].type in (ORG, PLACE) and named[1].id != owner[1].id:
            yield Relation(subject=named[1].id, relation="located_in", object=owner[1].id, evidence=sentence(head))


def places_describing(doc: Doc, mentions: Mentions) -> Iterator[Relation]:
    """An organisation named with a description holding a place: "the Leeds auction house Acme", "Acme, the
    Leeds paint maker,"."""
    for mention, organisation in mentions.items:
        if organisation.type != ORG or mention.kind != "name":
            continue
        name = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if name is None:
            continue
        descriptions = [child for child in name.root.children if child.pos_ == "NOUN" and (
            child.dep_ in ("compound", "nmod") and child.i < name.start or child.dep_ == "appos")]
        # The place modifies the description, or the name beside it ("the Leeds auction house Acme", as the
        # parse often hangs it), before the description.
        # Not across punctuation: "TORONTO - Battery maker Acme" is a dateline's city, not where the maker is.
        words = [(word, description) for description in descriptions for word in description.subtree
                 if word.i < description.i]
        if descriptions:
            words += [(child, descriptions[0]) for child in name.root.lefts if child.i < descriptions[0].i]
        for word, description in words:
            if any(token.is_punct for token in doc[word.i + 1:description.i]):
                continue
            place = mentions.of_token(word) if word.dep_ in ("compound", "nmod") else None
            if place and place[0].kind == "name" and place[1].type == PLACE and place[1].id != organisation.id:
                yield Relation(subject=organisation.id, relation="located_in", object=place[1].id,
                               evidence=sentence(word))


def sites_named_after(doc: Doc, mentions: Mentions) -> Iterator[Relation]:
    """A place described by the name of a place the article names and common nouns lies in it: "the Tamford
    smelter", "their Leeds home". Not a street ("Leeds road" leads to Leeds) nor an area ("the Tamford
    district" holds Tamford). A proper name that opens with a place's ("Tamford Park", "Kansas City") is left
    alone: names keep a place's name wherever they are."""
    table = tables()
    places = {bare(m.text): e for m, e in mentions.items if e.type == PLACE and m.kind == "name"}
    for mention, site in mentions.items:
        if site.type != PLACE or mention.kind not in ("name", "description"):
            continue
        words = mention.text.replace("’", "'").split()
        if len(site.mentions) == 1 and indefinite(doc, mention):
            continue  # "trained at a Tamford hospital": any one of them, no site the story follows
        words = words[1:] if words[:1] and words[0].lower() == "the" else words
        for length in range(len(words) - 1, 0, -1):
            place = places.get(" ".join(words[:length]).lower())
            if place is None:
                continue
            rest, last = words[length:], words[-1].lower()
            if place.id != site.id and last not in table.areas and last not in table.street_heads and all(
                    word.isalpha() and word.islower() for word in rest):
                if token := token_at(doc, mention.start):
                    yield Relation(subject=site.id, relation="located_in", object=place.id, evidence=sentence(token))
            break


def indefinite(doc: Doc, mention: Mention) -> bool:
    """Whether a mention opens with 'a' or 'an', or comes right after one: 'a Tamford hospital'."""
    first = token_at(doc, mention.start)
    return first is not None and (first.lower_ in ("a", "an") or first.i > 0 and first.nbor(-1).lower_ in ("a", "an"))


# Nouns for a place that an 'of' phrase names, and that the place it lies in may modify: "the Norland town of
# Tamford", "Norland's port of Elmby", "the Tamford seat of Elmby" (an electorate lies in the place too).
KIND_OF_PLACE = PLACE_NOUNS | {"constituency", "electorate", "neighborhood", "neighbourhood", "seat", "ward"}


def places_of_a_kind(doc: Doc, mentions: Mentions) -> Iterator[Relation]:
    """'the Norland town of Tamford', "Norland's coastal city of Tamford": the place named in the 'of' phrase of
    a kind of place lies in the place that modifies or owns that noun."""
    for noun in mentions.tokens:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in KIND_OF_PLACE:
            continue
        named = next((found for of in noun.children if of.dep_ == "prep" and of.lower_ == "of"
                      for target in of.children if target.dep_ == "pobj" and (found := mentions.of_token(target))),
                     None)
        if named is None or named[0].kind != "name" or named[1].type != PLACE:
            continue
        for modifier in (child for child in noun.lefts if child.dep_ in ("compound", "nmod", "poss")):
            around = mentions.of_token(modifier)
            if around is not None and around[0].kind == "name" and around[1].type == PLACE \
                    and around[0].end <= noun.idx and around[1].id != named[1].id:
                yield Relation(subject=named[1].id, relation="located_in", object=around[1].id,
                               evidence=sentence(noun))
