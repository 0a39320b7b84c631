"""Political and public bodies NER misses or cuts: a representative's seat ("the MP for Kelsby and
Dunmere"), a party's word before a role ("the Labour candidate"), parties and legislatures named alone
("Labour", "the Knesset"), national bodies ("the French government") and the place opening a public body's
name ("the Kerala Transport Board")."""

from __future__ import annotations

from spacy.tokens import Doc

from ..lexicon import HONORIFICS, PLACE_NOUNS
from .candidates import Candidate, named_by_context
from .places import is_known_place
from .untagged import PLACE_QUALIFIERS
from .words import (
    CLUB_OR_PLACE_ENDINGS, COMMON_PLACE_HEADS, ENTITY_WORDS, first_name_gender, is_capitalised, lower_key, normalise,
    title_at, tokens_spelling,
)


REPRESENTATIVE_NOUNS = frozenset(ENTITY_WORDS["representative_nouns"])
REPRESENT_VERBS = {"represent", "contest"}


def constituencies(doc: Doc, text: str, taken: set[int]) -> list[Candidate]:
    """'the MP for Kelsby and Dunmere', 'elected to represent Kelsby and Dunmere': the seat after a
    representative's noun and 'for', or after 'represent', is one place, 'and' and all, whatever NER makes of its
    parts (two towns, two people)."""
    found = []
    for word in tokens_spelling(doc, text, REPRESENTATIVE_NOUNS | {"for", "represent", "represents", "represented",
                                                                    "representing", "contest", "contested"}):
        if word.lower_ == "for":
            if word.i == 0 or lower_key(doc[word.i - 1]) not in REPRESENTATIVE_NOUNS:
                continue
        elif word.lemma_.lower() not in REPRESENT_VERBS or word.pos_ != "VERB":
            continue
        start = end = word.i + 1
        while end < len(doc) and (doc[end].pos_ == "PROPN" and is_capitalised(doc[end])
                                  or doc[end].lower_ in {"and", "&"} and end > start and end + 1 < len(doc)
                                  and is_capitalised(doc[end + 1]) and doc[end + 1].pos_ == "PROPN"):
            end += 1
        if end == start or any(i in taken for i in range(start, end)) \
                or lower_key(doc[start]) in HONORIFICS or first_name_gender(doc[start].lower_) \
                and doc[start].ent_type_ == "PERSON":
            continue
        if end < len(doc) and doc[end].is_lower and doc[end].lower_ in COMMON_PLACE_HEADS:
            end += 1  # 'the member for Mill ward'
        found.append(named_by_context(doc[start:end], "PLACE"))
        taken.update(range(start, end))
    return found


PARTY_WORDS = frozenset(ENTITY_WORDS["party_words"])
PARTY_ROLE_NOUNS = frozenset(ENTITY_WORDS["party_role_nouns"])


def party_words(doc: Doc, text: str, taken: set[int]) -> list[Candidate]:
    """'the Conservative candidate', 'a Labour MP', 'the Liberal Democrat group': a party's word before a role or
    body is the party, though NER calls it a nationality or nothing."""
    found = []
    for word in tokens_spelling(doc, text, {party.split()[0] for party in PARTY_WORDS}):
        match = title_at(doc, word.i, PARTY_WORDS)
        end = word.i + match[1] if match else word.i
        roles = [doc[i] for i in (end, end + 1) if i < len(doc)]
        if roles and roles[0].lower_ not in PARTY_ROLE_NOUNS and roles[0].is_lower and roles[0].pos_ == "NOUN":
            roles = roles[1:]  # 'the Labour health minister'
        if not match or not all(is_capitalised(t) for t in doc[word.i:end]) or not roles \
                or lower_key(roles[0]) not in PARTY_ROLE_NOUNS or any(i in taken for i in range(word.i, end)):
            continue
        found.append(named_by_context(doc[word.i:end], "ORG"))
        taken.update(range(word.i, end))
    return found


BODIES_NAMED_ALONE = frozenset(ENTITY_WORDS["bodies_named_alone"])


def bodies_named_alone(doc: Doc, text: str, taken: set[int]) -> list[Candidate]:
    """'Greens 9, Labour 7', 'the Commons voted', 'the Knesset': a party or legislature written alone by its
    name, capitalised inside a sentence, is that body, whatever NER makes of it (a law, a person, nothing). Left to
    NER where it tags the name itself, and where the name runs on into a longer one ('Labour Party')."""
    found = []
    for word in tokens_spelling(doc, text, {name.split()[0] for name in BODIES_NAMED_ALONE}):
        match = title_at(doc, word.i, BODIES_NAMED_ALONE)
        end = word.i + match[1] if match else word.i
        if not match or word.is_sent_start or not all(is_capitalised(t) for t in doc[word.i:end]) \
                or any(i in taken or doc[i].ent_type_ in {"ORG", "NORP", "PERSON"} for i in range(word.i, end)) \
                or end < len(doc) and doc[end].pos_ == "PROPN" and is_capitalised(doc[end]) \
                and lower_key(doc[end]) not in PARTY_ROLE_NOUNS:
            continue  # but 'a Sinn Féin TD' is the party's member
        found.append(named_by_context(doc[word.i:end], "ORG"))
        taken.update(range(word.i, end))
    return found


NATIONAL_BODIES = frozenset(ENTITY_WORDS["national_body_nouns"])


def national_bodies(doc: Doc, text: str, taken: set[int]) -> list[Candidate]:
    """'the French government', 'a British court', 'the Norwegian foreign ministry': a nationality before a noun for a
    state body names that body, where NER tags only the nationality."""
    found = []
    for noun in tokens_spelling(doc, text, NATIONAL_BODIES):
        start = noun.i
        if start > 0 and doc[start - 1].is_lower and doc[start - 1].pos_ == "ADJ":
            start -= 1  # 'foreign ministry'
        nationality = doc[start - 1] if start > 0 else None
        if not noun.is_lower or noun.i in taken or nationality is None or nationality.ent_type_ != "NORP" \
                or not is_capitalised(nationality) or nationality.i in taken \
                or noun.i + 1 < len(doc) and doc[noun.i + 1].pos_ == "PROPN" and is_capitalised(doc[noun.i + 1]):
            continue
        # 'a British court': news writes the article with it
        start = nationality.i - (nationality.i > 0 and doc[nationality.i - 1].lower_ in {"a", "an"})
        found.append(named_by_context(doc[start:noun.i + 1], "ORG"))
        taken.update(range(start, noun.i + 1))
    return found


# Words of a public body's name opened by the place it serves ('the Kelsby County Council', 'Ruritania Police').
PUBLIC_BODY_WORDS = frozenset(ENTITY_WORDS["public_body_words"])


def places_opening_bodies(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """'the Kerala Transport Board', 'Ontario Provincial Police': a public body's name opened by a known place
    (a country, a subdivision, a city of 100,000 people) mentions that place too."""
    found = []
    places = {(c.start, c.end) for c in candidates if c.type == "PLACE"}
    for candidate in candidates:
        if candidate.type != "ORG" or candidate.kind != "name":
            continue
        start = candidate.start + (doc[candidate.start].lower_ == "the")
        words = doc[start:candidate.end]
        if not any(t.lower_ in PUBLIC_BODY_WORDS for t in words[1:]):
            continue
        for length in (length for length in (3, 2, 1) if length < len(words)):
            place = doc[start:start + length]
            after = doc[place.end]
            if all(is_capitalised(t) and t.pos_ == "PROPN" for t in place) \
                    and is_known_place(normalise(place.text)) and (place.start, place.end) not in places \
                    and place[0].lower_ not in PLACE_QUALIFIERS and after.text != "-" \
                    and after.lower_ not in PLACE_NOUNS | CLUB_OR_PLACE_ENDINGS:  # 'Kelsby County Council
                found.append(Candidate(place.start, place.end, "PLACE", "name", key=normalise(place.text)))
                break
    return found
